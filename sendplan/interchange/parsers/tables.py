"""Rows of the tables around the actions: lead officers, glossary, meetings, financial
implications, concerns and outcomes, indicators and key milestones."""

from __future__ import annotations

import re
from typing import Any

from sendplan.interchange.parsers import dates, people, rules, statuses, values
from sendplan.interchange.parsers.blocks import Row, comparable, flat
from sendplan.interchange.parsers.builder import CostLine, PlanBuilder, Section, Weakness
from sendplan.interchange.parsers.columns import Col, Columns

_FAMILIES = re.compile(
    r"outcomes? for (?:parents|carers|children|families)[^:]{0,80}:\s*", re.IGNORECASE
)
_SOURCE = re.compile(r"\(\s*((?:P|p\.?\s?|page\s)\d+[^()]{0,20})\)\s*\.?\s*$")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def cell(columns: Columns, row: Row, role: Col) -> str:
    index = columns.first(role)
    if index is None or index >= len(row.cells):
        return ""
    return row.cells[index].strip()


def officer_row(plan: PlanBuilder, columns: Columns, row: Row) -> bool:
    role, name = flat(cell(columns, row, Col.ROLE)), flat(cell(columns, row, Col.NAME))
    if not role and not name:
        return False
    if name and any(p.listed and people.same_name(p.name, name) for p in plan.directory.people):
        return True
    initials = flat(cell(columns, row, Col.INITIALS))
    plan.directory.add_listed(
        people.Person(
            name=name,
            role=role,
            initials=initials if people.is_initials(initials) else "",
            organisation=flat(cell(columns, row, Col.ORGANISATION)),
            email=flat(cell(columns, row, Col.EMAIL)),
        )
    )
    return True


_CODE_COLOURS = {"B": "blue", "G": "green", "A": "amber", "R": "red", "W": "white"}


_MAX_KEY_WORD_WORDS = 4


def key_row(columns: Columns, row: Row) -> tuple[str, str, str, str] | None:
    """(colour, rating, mark, meaning) from a row of a key table: "Complete and Embedded | Blue
    | ..." or "Blue | Completed", the colour perhaps only shaded. The rating is the first cell
    that is not the colour: it is what the plan writes in its status cells, unless the row
    opens with a mark ("✔ | Complete"), which is then what the cells hold. Keys without colours
    give ("", rating, mark, meaning): a key of the plan's own words with what each means
    ("Delayed | Behind plan with a new date agreed") gives the meaning too."""
    filled = [(i, flat(row.cells[i])) for i in sorted(columns.roles) if i < len(row.cells)]
    filled = [(i, text) for i, text in filled if text]
    colours = [statuses.colour_word(text) for _, text in filled]
    colour = next((found for found in colours if found), None)
    words = [text for (_, text), found in zip(filled, colours, strict=True) if found is None]
    code = mark = ""
    if len(words) > 1 and re.fullmatch(r"[A-Za-z]{1,2}", words[0]):
        # "B | Blue | Complete": the code the cells use, then the colour and its meaning.
        code, words = words[0], words[1:]
    elif len(words) > 1 and statuses.is_mark(words[0]):
        mark, words = words[0].strip(), words[1:]
    if not words:
        return None
    # A key often shows each colour as a shaded cell with no word in it, or gives only the
    # BRAG letter ("B | Complete").
    shaded = next((row.fill(i) for i in sorted(columns.roles) if row.fill(i)), "")
    coloured = colour or shaded or _CODE_COLOURS.get(code.upper(), "")
    worded = not (coloured or code or mark) and len(words) > 1
    meaning = words[1] if worded and len(words[0].split()) <= _MAX_KEY_WORD_WORDS else ""
    return coloured, words[0], mark, meaning


def glossary_row(plan: PlanBuilder, columns: Columns, row: Row) -> bool:
    """Glossaries are often printed two pairs to a row: term, meaning, term, meaning."""
    placed = False
    terms = columns.all(Col.TERM)
    meanings = columns.all(Col.MEANING)
    for term_index in terms:
        meaning_index = next((i for i in meanings if i > term_index), None)
        if meaning_index is None:
            continue
        term = flat(row.cells[term_index]) if term_index < len(row.cells) else ""
        meaning = flat(row.cells[meaning_index]) if meaning_index < len(row.cells) else ""
        if term and meaning:
            plan.glossary.append({"term": term, "meaning": meaning})
            placed = True
        elif term or meaning:
            plan.note(
                row.where,
                f"A glossary entry has only one half: '{term or meaning}'.",
                rule=rules.GLOSSARY_HALF,
            )
    return placed


class MeetingTable:
    """Meetings with their attendees; attendees often run on down the following rows."""

    claims_every_row = False

    def __init__(self, plan: PlanBuilder, columns: Columns) -> None:
        self.plan = plan
        self.columns = columns
        self.meeting: dict[str, Any] | None = None

    def _attendees(self, texts: list[str]) -> None:
        if self.meeting is None:
            return
        attendees = self.meeting.setdefault("attendees", [])
        for text in texts:
            for line in text.split("\n"):
                line = flat(line)
                if line and line not in attendees:
                    attendees.append(line)

    def feed(self, row: Row) -> bool:
        when = flat(cell(self.columns, row, Col.DATE))
        title = flat(cell(self.columns, row, Col.MEETING))
        others = [row.cells[i] for i in self.columns.all(Col.MEMBERS) if i < len(row.cells)]
        if when and dates.find_dates(when, year_hint=self._year()):
            self._start(when, title, row)
            self._attendees(others)
            return True
        if self.meeting is not None and (title or any(o.strip() for o in others) or when):
            # A row that only names people, sometimes shifted into the first column.
            self._attendees([text for text in (when, title, *others) if text.strip()])
            return True
        return False

    def finish(self) -> None:
        return None

    def _year(self) -> int | None:
        if self.meeting and self.meeting.get("on"):
            return int(self.meeting["on"][:4])
        return dates.year_of(self.plan.issued_on)

    def _start(self, when: str, title: str, row: Row) -> None:
        found = dates.read_leading_date(when, year_hint=self._year())
        meeting: dict[str, Any] = {"title": title or when}
        if found:
            meeting = {"on": found.iso, **meeting}
            if found.note:
                self.plan.note(row.where, f"In '{when}', {found.note}.", rule=rules.DATE_NOTE)
        self.plan.meetings.append(meeting)
        self.meeting = meeting


def finance_row(plan: PlanBuilder, columns: Columns, row: Row) -> bool:
    item = flat(cell(columns, row, Col.TITLE) or cell(columns, row, Col.REF))
    cost_words = flat(cell(columns, row, Col.COST))
    budget = flat(cell(columns, row, Col.BUDGET))
    if not item:
        return False
    cost = values.read_cost(cost_words)
    if item.lower().startswith("total"):
        if cost is not None:
            plan.cost_total = (cost, row.where)
        return True
    split = values.split_ref_and_text(item)
    ref = values.read_ref(item)
    if split is None and ref is None:
        plan.note(
            row.where,
            f"The cost line '{item}' names no action ref; not placed.",
            rule=rules.COST_UNPLACED,
        )
        return True
    ref_value, what = (split[0], split[1]) if split else (ref.value if ref else "", "")
    words = " ".join(part for part in (what, cost_words) if part)
    if budget:
        words += f" ({budget})"
    plan.cost_lines.append(CostLine(ref_value, what, cost, words, row.where))
    return True


def _finding(text: str) -> dict[str, str]:
    match = _SOURCE.search(text)
    if not match:
        return {"text": text}
    return {"text": text[: match.start()].strip(), "source": " ".join(match.group(1).split())}


class ConcernTable:
    """Concerns beside a theme link it to an area of weakness; on their own they list them."""

    def __init__(self, plan: PlanBuilder, columns: Columns) -> None:
        self.plan = plan
        self.columns = columns
        self.weakness: Weakness | None = None
        self.filled: set[int] = set()

    def feed(self, row: Row, section: Section | None) -> bool:
        concern = flat(cell(self.columns, row, Col.CONCERN))
        outcome = cell(self.columns, row, Col.OUTCOMES)
        finding = flat(cell(self.columns, row, Col.FINDING))
        source = flat(cell(self.columns, row, Col.SOURCE))
        if section is not None:
            return self._for_section(section, concern, outcome, row)
        if concern:
            ref_cell = values.read_ref(cell(self.columns, row, Col.REF))
            numbered = re.match(r"^(\d{1,2})[.)]\s+(.*)$", concern)
            ref = ref_cell.value if ref_cell else (numbered.group(1) if numbered else None)
            text = numbered.group(2) if numbered and not ref_cell else concern
            self.weakness = Weakness(text=text, ref=ref or str(len(self.plan.weaknesses) + 1))
            self.plan.weaknesses.append(self.weakness)
        if finding and self.weakness is not None:
            entry = _finding(finding)
            if source:
                entry["source"] = source
            self.weakness.findings.append(entry)
        return bool(concern or (finding and self.weakness is not None))

    def _for_section(self, section: Section, concern: str, outcome: str, row: Row) -> bool:
        if id(section) in self.filled:
            # Rows after the first repeat a table pasted inside the outcome cell.
            return False
        self.filled.add(id(section))
        if concern:
            ref = self.plan.weakness_ref_for(concern, row.where)
            if ref and ref not in section.weaknesses:
                section.weaknesses.append(ref)
        if outcome and not section.outcomes:
            section.outcomes = flat(outcome)
        return bool(concern or outcome)


def milestones_from(
    plan: PlanBuilder, section: Section, date_text: str, text: str, *, families: bool = False
) -> None:
    """Add milestones for one date, one per paragraph, telling apart what families should
    notice: everything after "Outcomes for parents, carers, children and young people:"."""
    due = dates.read_date(date_text, year_hint=dates.year_of(plan.issued_on)) if date_text else None
    for line in text.split("\n"):
        for index, part in enumerate(_FAMILIES.split(line)):
            families = families or index > 0
            part = flat(part)
            if part:
                _add_milestone(section, part, due, flat(date_text), families)


def _add_milestone(
    section: Section, text: str, due: str | None, due_text: str, families: bool
) -> None:
    milestone: dict[str, Any] = {"text": text}
    if due:
        milestone["due"] = due
    if due_text:
        milestone["due_text"] = due_text
    milestone["for_families"] = families
    # Pasted plans often print a milestone table twice; keep each milestone once.
    repeated = any(
        comparable(m["text"]) == comparable(text) and m.get("due_text") == milestone.get("due_text")
        for m in section.milestones
    )
    if not repeated:
        section.milestones.append(milestone)


def milestone_row(plan: PlanBuilder, columns: Columns, row: Row, section: Section | None) -> bool:
    text = cell(columns, row, Col.MILESTONE)
    when = cell(columns, row, Col.DUE)
    if not text or section is None:
        return False
    milestones_from(plan, section, flat(when), text)
    return True


def _number(text: str) -> float | int | None:
    match = _NUMBER.search(text.replace("£", ""))
    if not match:
        return None
    value = float(match.group(0).replace(",", ""))
    return int(value) if value.is_integer() else value


def _point(text: str, heading: str) -> dict[str, Any] | None:
    value = _number(text)
    if value is None:
        return None
    point: dict[str, Any] = {"value": value}
    found = dates.find_dates(heading) or dates.find_dates(text)
    if found:
        point["on"] = found[-1].iso
    if flat(text) != str(value):
        point["text"] = flat(text)
    return point


def indicator_row(plan: PlanBuilder, columns: Columns, row: Row, section: Section | None) -> bool:
    name = flat(cell(columns, row, Col.INDICATOR))
    if not name:
        return False
    indicator: dict[str, Any] = {"name": name}
    if section is not None and section.ref:
        indicator["section"] = section.ref
    for role, key in ((Col.DEFINITION, "definition"), (Col.UNIT, "unit")):
        text = flat(cell(columns, row, role))
        if text:
            indicator[key] = text
    for role, key in ((Col.TARGET, "targets"), (Col.ACTUAL, "actuals")):
        points = []
        for index in columns.all(role):
            text = row.cells[index] if index < len(row.cells) else ""
            point = _point(text, columns.headings[index]) if text.strip() else None
            if point:
                points.append(point)
        if points:
            indicator[key] = points
    baseline = cell(columns, row, Col.BASELINE)
    if baseline:
        index = columns.first(Col.BASELINE) or 0
        point = _point(baseline, columns.headings[index])
        if point:
            indicator["baseline"] = point
    comparators = []
    for index in columns.all(Col.COMPARATOR):
        value = _number(row.cells[index]) if index < len(row.cells) else None
        if value is not None:
            comparators.append({"name": columns.headings[index], "value": value})
    if comparators:
        indicator["comparators"] = comparators
    plan.indicators.append(indicator)
    return True
