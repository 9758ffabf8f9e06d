"""What the check page shows of an import: how each table was read, and each action with how
sure the importer is of it, least sure first. Plain data from the pending import; the forms
and the template do the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sendplan.interchange import corrections
from sendplan.interchange.parsers import layout, rules

Doc = dict[str, Any]

# The parts a person may choose, by the name the check page gives them.
CHOICE_NAMES = dict(layout.CHOICES)
# Parts the importer may give a column that a person cannot choose on the check page; shown
# as read, and kept as read unless the person chooses another.
OTHER_PARTS = {
    "period": "Status for the period in its heading",
    "outcomes": "Outcomes",
    "impact": "Evidence of impact",
    "group": "Task and finish group",
    "members": "Members",
    "resources": "Resources",
    "cost": "Cost",
    "budget": "Budget",
    "monitoring": "How it is monitored",
    "monitoring dates": "Monitoring dates",
    "see also": "Cross references",
    "role": "Role",
    "name": "Name",
    "initials": "Initials",
    "organisation": "Organisation",
    "email": "Email",
    "term": "Abbreviation",
    "meaning": "Meaning",
    "date": "Date",
    "meeting": "Meeting",
    "concern": "Area of weakness",
    "finding": "Finding",
    "source": "Source",
    "indicator": "Indicator",
    "definition": "Definition",
    "baseline": "Baseline",
    "target": "Target",
    "actual": "Actual",
    "comparator": "Comparator",
    "unit": "Unit",
    "timeline": "Timeline",
    "milestone": "Milestone",
    "colour": "Colour",
    "outline level": "Outline level",
    "direction of travel": "Direction of travel",
}
KIND_NAMES = {
    "actions": "actions",
    "officers": "lead officers",
    "glossary": "glossary",
    "meetings": "meetings",
    "finance": "costs",
    "concerns": "areas of weakness",
    "indicators": "indicators",
    "timeline": "timeline",
    "milestones": "milestones",
    "progress only": "progress updates",
    "key": "status key",
    "": "not read",
}
# Tables a person will most often need to map are shown open; the others (officers,
# glossary...) are folded away.
OPEN_KINDS = {"actions", "progress only", ""}

_FROM_HEADING = {
    rules.HEADING_SYNONYM.code,
    rules.HEADING_FUZZY.code,
    rules.HEADING_WORD.code,
    rules.HEADING_LEGEND.code,
    rules.PARAGRAPH_RECORDS.code,
}
_FROM_CELLS = {rules.CELL_CONTENT.code, rules.HEADERLESS_TABLE.code}

SURE = 0.85
FAIRLY_SURE = 0.6


def part_name(role: str) -> str:
    return CHOICE_NAMES.get(role) or OTHER_PARTS.get(role) or role.capitalize()


def sureness(confidence: float) -> str:
    """How sure the importer is, in words: a number alone means little to a person."""
    if confidence >= SURE:
        return "Sure"
    if confidence >= FAIRLY_SURE:
        return "Fairly sure"
    return "Check this"


def basis(rule: str, *, saved: bool) -> str:
    """How a column's part was decided, in words."""
    if rule == rules.LAYOUT_CHOICE.code:
        return "from your saved choices" if saved else "from your choices"
    if rule in _FROM_HEADING:
        return "from the heading"
    if rule in _FROM_CELLS:
        return "from what the cells hold"
    rule_found = rules.BY_CODE.get(rule)
    return f"by the rule: {rule_found.does}" if rule_found else "not read"


def column_words(column: Doc, *, saved: bool) -> str:
    """How a column was read, in words: "Action, from the heading (sure)"."""
    role = str(column.get("role") or "")
    rule = str(column.get("rule") or "")
    if rule == rules.LAYOUT_CHOICE.code:
        what = part_name(role) if role else "Left out"
        return f"{what}, {basis(rule, saved=saved)}"
    if not role:
        # A column left out by a rule (a tool's record-keeping, a count of the rows) says why.
        return f"Not used, {basis(rule, saved=saved)}" if rule in rules.BY_CODE else "Not used"
    sure = sureness(float(column.get("confidence") or 0.0)).lower()
    return f"{part_name(role)}, {basis(rule, saved=saved)} ({sure})"


@dataclass
class TableGroup:
    """Tables with the same headings, which are always read alike: one form for them all."""

    number: int
    readings: list[Doc]
    # The choices the table was read with: "page", "saved" or "".
    chosen: str = ""
    saved_on: Any = None
    saved_by: str = ""
    # Read with a saved choice for a table whose headings have changed a little since.
    fitted: bool = False
    # The form to change the choices by, set by the view (none for tables too wide for one),
    # and each column with its field and how it was read, in words.
    form: Any = None
    columns: list[tuple[Doc, Any, str]] = field(default_factory=list)

    @property
    def first(self) -> Doc:
        return self.readings[0]

    @property
    def signature(self) -> str:
        return str(self.first.get("signature", ""))

    @property
    def kind(self) -> str:
        return str(self.first.get("kind", ""))

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)

    @property
    def title(self) -> str:
        where = self.first.get("where") or "the start of the file"
        if not self.kind:
            return f"Table not read, at {where}"
        return f"{self.kind_name.capitalize()} table, at {where}"

    @property
    def is_open(self) -> bool:
        return self.kind in OPEN_KINDS

    @property
    def others(self) -> list[str]:
        return [str(r.get("where", "")) for r in self.readings[1:]]

    @property
    def rows(self) -> int:
        return sum(int(r.get("rows", 0)) for r in self.readings)


def table_groups(
    tables: list[Doc],
    *,
    page_choices: set[str],
    saved: dict[str, Any],
    fitted: dict[str, str],
    user_id: int | None,
) -> list[TableGroup]:
    """The tables as read, one group per heading row, in the order of the file; `saved` are
    the area's saved choices by signature (ImportLayout rows), and `fitted` the signatures of
    those fitted to tables whose headings changed a little, by the tables' signatures."""
    groups: dict[str, TableGroup] = {}
    for number, reading in enumerate(tables, start=1):
        signature = str(reading.get("signature", ""))
        group = groups.get(signature)
        if group is None:
            groups[signature] = TableGroup(number=number, readings=[reading])
        else:
            group.readings.append(reading)
    for signature, group in groups.items():
        group.fitted = signature in page_choices and fitted.get(signature) in saved
        key = fitted[signature] if group.fitted else signature
        if key in page_choices:
            group.chosen = "page"
        elif key in saved:
            row = saved[key]
            group.chosen = "saved"
            group.saved_on = row.saved_at
            if row.saved_by_id and row.saved_by_id != user_id:
                group.saved_by = row.saved_by.get_full_name() or row.saved_by.get_username()
    return list(groups.values())


@dataclass
class ActionRow:
    number: int
    key: str
    section: str
    ref: str
    title: str
    lead_text: str
    due_text: str
    ratings: list[Doc]
    confidence: float | None
    rule: str
    corrected: list[str] = field(default_factory=list)

    @property
    def sureness(self) -> str:
        return sureness(self.confidence) if self.confidence is not None else ""

    @property
    def needs_check(self) -> bool:
        return self.confidence is not None and self.confidence < FAIRLY_SURE

    @property
    def how(self) -> str:
        found = rules.BY_CODE.get(self.rule)
        return found.does if found else ""


def action_rows(document: Doc, placements: list[Doc], corrected: dict[str, Doc]) -> list[ActionRow]:
    """Every action, the least sure first (in the file's order among equals)."""
    found = corrections.actions_of(document)
    keys = corrections.action_keys(document, placements)
    placed = [p for p in placements if p.get("kind") == "action"]
    scale = {
        s.get("code"): s for s in document.get("plan", {}).get("status_scale", []) if s.get("code")
    }
    rows = []
    for number, ((section, action), key) in enumerate(zip(found, keys, strict=True), start=1):
        placement = placed[number - 1] if len(placed) == len(found) else {}
        values = corrections.current(document, action)
        ratings = [
            {
                "period": period,
                "code": code,
                "label": scale.get(code, {}).get("label", code),
                "colour": scale.get(code, {}).get("colour", ""),
            }
            for period, code in values["ratings"].items()
            if code
        ]
        level = " ".join(
            part for part in (section.get("level") or "Section", section.get("ref", "")) if part
        )
        section_name = f"{level}: {section.get('title', '')}"
        rows.append(
            ActionRow(
                number=number,
                key=key,
                section=section_name,
                ref=action.get("ref", ""),
                title=values["title"],
                lead_text=values["lead_text"],
                due_text=values["due_text"],
                ratings=ratings,
                confidence=placement.get("confidence") if placement else None,
                rule=placement.get("rule", "") if placement else "",
                corrected=[name for name in corrections.FIELDS if name in corrected.get(key, {})],
            )
        )
    return sorted(rows, key=lambda row: row.confidence if row.confidence is not None else 1.0)


def outline(document: Doc) -> dict[str, Any]:
    """What a person needs to see to check a parsed plan, from the plan document."""
    plan = document.get("plan", {}) if isinstance(document, dict) else {}
    sections = plan.get("sections", [])
    return {
        "plan": plan,
        "sections": sections,
        "counts": {
            "sections": _count_sections(sections),
            "actions": len(corrections.actions_of(document)),
            "people": len(plan.get("people", [])),
            "periods": len(plan.get("periods", [])),
            "weaknesses": len(plan.get("weaknesses", [])),
            "indicators": len(plan.get("indicators", [])),
        },
    }


def _count_sections(sections: list[Doc]) -> int:
    return sum(1 + _count_sections(s.get("sections", [])) for s in sections)
