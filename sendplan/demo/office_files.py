"""Word and Excel versions of a plan, laid out the way councils lay theirs out.

The demo offers the sample plans as such files to try the importer with (sample_files.py),
and the accuracy tests read them back, so the importer is scored on office files as well as
on pasted text. The files are built the way real plans are: a heading per theme, action
tables with a heading row that is repeated where the table was split across pages, a
"Monitoring dates" heading merged over the period columns, measures with their own dates on
continuation rows, strategic priorities as rows with only a ref and words, a status key,
combined ratings ("G/A"), themes merged down a column in Excel, and tables of lead officers
and abbreviations.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

Doc = dict[str, Any]

# Rows per table before the author split it and typed the heading row again.
ROWS_PER_PAGE = 14
_COLOURS = {"blue", "green", "amber", "red", "white", "grey", "yellow", "purple", "black"}


def walk(sections: list[Doc]) -> Iterator[Doc]:
    for section in sections:
        yield section
        yield from walk(section.get("sections", []))


def actions_of(section: Doc) -> Iterator[Doc]:
    yield from section.get("actions", [])
    for child in section.get("sections", []):
        yield from actions_of(child)


# Status cells

DEFAULT_SCALE = [
    {"code": "B", "label": "Completed", "colour": "blue", "done": True},
    {"code": "G", "label": "On track, no concerns", "colour": "green"},
    {"code": "A", "label": "On track, some concerns", "colour": "amber"},
    {"code": "R", "label": "No progress or major concerns", "colour": "red"},
    {"code": "W", "label": "Not yet started", "colour": "white", "not_started": True},
]


def with_statuses(plan: Doc, *, seed: str) -> Doc:
    """A copy of the plan with a rating for every action in every period, as a tracker filled
    in by lead officers would have; a few are combined ratings such as "G/A". Plans without a
    key get the usual BRAG key (the built files print it)."""
    plan = copy.deepcopy(plan)
    scale = plan.setdefault("status_scale", copy.deepcopy(DEFAULT_SCALE))
    codes = [status["code"] for status in scale]
    periods = [period["label"] for period in plan.get("periods", [])]
    chooser = random.Random(seed)
    for section in walk(plan["sections"]):
        for action in section.get("actions", []):
            updates = {update["period"]: update for update in action.get("updates", [])}
            for period in periods:
                index = chooser.randrange(len(codes))
                status = codes[index]
                if chooser.random() < 0.15 and index + 1 < len(codes):
                    status = f"{codes[index]}/{codes[index + 1]}"
                update = updates.setdefault(period, {"period": period})
                update["status"] = status
            action["updates"] = [updates[p] for p in periods if p in updates] + [
                u for p, u in updates.items() if p not in periods
            ]
    return plan


def legend_text(plan: Doc) -> str:
    """The key as plans print it: "Blue: Completed Green: On track, no concerns ..."."""
    parts = []
    for status in plan.get("status_scale", []):
        colour = status.get("colour", "")
        if colour.lower() in _COLOURS:
            parts.append(f"{colour.title()}: {status['label']}")
    return "Progress " + " ".join(parts)


# The columns of an action table


@dataclass
class Column:
    heading: str
    field: str
    period: str = ""
    # A second heading row under a heading merged over several columns ("Monitoring dates").
    under: str = ""


def _uses(actions: list[Doc], field: str) -> bool:
    return any(action.get(field) for action in actions)


def columns_for(plan: Doc, headings: dict[str, str]) -> list[Column]:
    actions = [a for s in walk(plan["sections"]) for a in s.get("actions", [])]
    columns = [Column(headings["ref"], "ref"), Column(headings["title"], "title")]
    for field in ("group", "lead", "members", "measures", "monitoring"):
        name = "lead_text" if field == "lead" else field
        if _uses(actions, name):
            columns.append(Column(headings[field], field))
    columns.append(Column(headings["due"], "due"))
    rated = any(u.get("status") for a in actions for u in a.get("updates", []))
    narrated = {u["period"] for a in actions for u in a.get("updates", []) if u.get("narrative")}
    for period in plan.get("periods", []):
        label = period["label"]
        if label in narrated:
            columns.append(Column(f"{headings['progress']} {label}", "narrative", label))
        if rated and headings.get("status"):
            columns.append(Column(f"{headings['status']} {label}", "status", label))
        elif rated:
            columns.append(Column("Monitoring dates", "status", label, under=label))
    if not narrated:
        columns.append(Column(headings["progress"], "progress"))
    return columns


def _lead_cell(action: Doc) -> str:
    return "\n".join(part for part in (action.get("lead_text"), action.get("resources")) if part)


def _update(action: Doc, period: str) -> Doc:
    return next((u for u in action.get("updates", []) if u["period"] == period), {})


def action_rows(action: Doc, columns: list[Column]) -> list[list[str]]:
    """The action's first row, then a row for each further date its measures give."""
    groups: list[tuple[str, list[str]]] = []
    for measure in action.get("measures", []):
        when = measure.get("due_text", "")
        if groups and groups[-1][0] == when:
            groups[-1][1].append(measure["text"])
        else:
            groups.append((when, [measure["text"]]))
    first_when = action.get("due_text") or action.get("starts_text") or ""
    if not groups:
        groups = [(first_when, [])]
    rows = []
    for index, (when, measures) in enumerate(groups):
        row = []
        for column in columns:
            row.append(_cell(action, column, when, measures, first=index == 0))
        rows.append(row)
    rows[0][[c.field for c in columns].index("due")] = first_when
    return rows


def _cell(action: Doc, column: Column, when: str, measures: list[str], *, first: bool) -> str:
    if column.field == "measures":
        return "\n".join(measures)
    if column.field == "due":
        return when
    if not first:
        return ""
    if column.field == "lead":
        return _lead_cell(action)
    if column.field in ("status", "narrative"):
        return str(_update(action, column.period).get(column.field, ""))
    if column.field == "progress":
        return ""
    return str(action.get(column.field, ""))


def section_row(section: Doc, columns: list[Column]) -> list[str]:
    row = [""] * len(columns)
    row[0], row[1] = section.get("ref", ""), section["title"]
    return row


def theme_heading(section: Doc) -> str:
    ref = section.get("ref")
    return f"{section['level']} {ref}: {section['title']}" if ref else section["title"]


def owner_text(plan: Doc, section: Doc) -> str:
    people = {person["key"]: person for person in plan.get("people", [])}
    texts = []
    for key in section.get("owners", []):
        person = people.get(key, {})
        role, name = person.get("role", ""), person.get("name", "")
        texts.append(f"{role} ({name})" if role and name else role or name or key)
    return " / ".join(texts)


def body_rows(top: Doc, columns: list[Column]) -> list[list[str]]:
    """A theme's rows: its own actions, then each priority's ref row and its actions."""
    rows: list[list[str]] = []

    def add(section: Doc, *, with_row: bool) -> None:
        if with_row:
            rows.append(section_row(section, columns))
        for action in section.get("actions", []):
            rows.extend(action_rows(action, columns))
        for child in section.get("sections", []):
            add(child, with_row=True)

    add(top, with_row=False)
    return rows


# Word


def _repeat_as_heading(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _docx_table(document: Any, columns: list[Column], rows: list[list[str]]) -> Any:
    two_rows = any(column.under for column in columns)
    heads = [[c.heading for c in columns]]
    if two_rows:
        heads.append([c.under for c in columns])
    table = document.add_table(rows=len(heads) + len(rows), cols=len(columns))
    table.style = "Table Grid"
    for r, values in enumerate([*heads, *rows]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for r in range(len(heads)):
        _repeat_as_heading(table.rows[r])
    merged = [i for i, c in enumerate(columns) if c.under]
    if merged:
        cell = table.cell(0, merged[0]).merge(table.cell(0, merged[-1]))
        cell.text = "Monitoring dates"
    return table


def plan_docx(plan: Doc, headings: dict[str, str], *, section_column: bool = False) -> bytes:
    """Themes as headings above their tables, or (section_column) one long table with the
    theme or priority in its first column, merged down over its rows."""
    document = docx.Document()
    document.add_heading(plan["title"], level=0)
    if plan.get("issued_on"):
        year, month = plan["issued_on"][:4], int(plan["issued_on"][5:7])
        document.add_paragraph(f"{dt.date(2000, month, 1):%B} {year}")
    if plan.get("status_scale"):
        document.add_paragraph(legend_text(plan))
    if section_column:
        _docx_one_table(document, plan, headings)
    else:
        _docx_by_theme(document, plan, headings)
    _docx_officers(document, plan)
    _docx_glossary(document, plan)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_one_table(document: Any, plan: Doc, headings: dict[str, str]) -> None:
    columns = [Column(headings["section"], "section"), *columns_for(plan, headings)]
    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    for top in plan["sections"]:
        body = body_rows(top, columns[1:])
        if not body:
            continue
        spans.append((len(rows), len(rows) + len(body) - 1))
        rows.extend([theme_heading(top), *values] for values in body)
    for start in range(0, len(rows), ROWS_PER_PAGE):
        page = rows[start : start + ROWS_PER_PAGE]
        table = _docx_table(document, columns, page)
        heads = len(table.rows) - len(page)
        for first, last in spans:
            low, high = max(first, start), min(last, start + len(page) - 1)
            if high > low:
                text = page[low - start][0]
                cell = table.cell(heads + low - start, 0).merge(table.cell(heads + high - start, 0))
                cell.text = text
        document.add_paragraph("")


def _docx_by_theme(document: Any, plan: Doc, headings: dict[str, str]) -> None:
    columns = columns_for(plan, headings)
    for top in plan["sections"]:
        document.add_heading(theme_heading(top), level=1)
        labels = [
            ("General Outcomes:", top.get("outcomes", "")),
            ("Theme Owner:", owner_text(plan, top)),
        ]
        labels = [(label, value) for label, value in labels if value]
        if labels:
            table = document.add_table(rows=len(labels), cols=2)
            for r, (label, value) in enumerate(labels):
                table.cell(r, 0).text, table.cell(r, 1).text = label, value
            document.add_paragraph("")
        rows = body_rows(top, columns)
        for start in range(0, len(rows), ROWS_PER_PAGE):
            _docx_table(document, columns, rows[start : start + ROWS_PER_PAGE])
            document.add_paragraph("")


def _docx_officers(document: Any, plan: Doc) -> None:
    named = [p for p in plan.get("people", []) if p.get("name")]
    if not named:
        return
    document.add_heading("List of Lead Officers", level=1)
    table = document.add_table(rows=len(named) + 1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Role", "Name"
    for r, person in enumerate(named, start=1):
        table.cell(r, 0).text = person.get("role", "")
        table.cell(r, 1).text = person["name"]


def _docx_glossary(document: Any, plan: Doc) -> None:
    terms = plan.get("glossary", [])
    if not terms:
        return
    document.add_heading("Glossary", level=1)
    table = document.add_table(rows=len(terms) + 1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Abbreviation", "Description"
    for r, term in enumerate(terms, start=1):
        table.cell(r, 0).text, table.cell(r, 1).text = term["term"], term["meaning"]


# Excel

_SHEET_DATE_FORMS = ("%b-%y",)


def _sheet_value(text: str) -> object:
    """Dates typed as "Sep-22" are real dates in a spreadsheet, formatted to look like that."""
    for form in _SHEET_DATE_FORMS:
        try:
            return dt.datetime.strptime(text, form)
        except ValueError:
            continue
    return text or None


def plan_xlsx(plan: Doc, headings: dict[str, str]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet["A1"] = plan["title"]
    columns = [Column(headings["section"], "section"), *columns_for(plan, headings)]
    head = 3
    for c, column in enumerate(columns, start=1):
        sheet.cell(row=head, column=c, value=column.heading or None)
    merged = [i for i, c in enumerate(columns, start=1) if c.under]
    first_row = head + 1
    if merged:
        for c, column in enumerate(columns, start=1):
            if column.under:
                sheet.cell(row=head, column=c, value=None)
                sheet.cell(row=head + 1, column=c, value=column.under)
        sheet.cell(row=head, column=merged[0], value="Monitoring dates")
        sheet.merge_cells(
            start_row=head, end_row=head, start_column=merged[0], end_column=merged[-1]
        )
        first_row += 1
    row_number = first_row
    for top in plan["sections"]:
        rows = body_rows(top, columns[1:])
        if not rows:
            continue
        sheet.cell(row=row_number, column=1, value=theme_heading(top))
        for values in rows:
            for c, value in enumerate(values, start=2):
                cell = sheet.cell(row=row_number, column=c, value=_sheet_value(value))
                if isinstance(cell.value, dt.datetime):
                    cell.number_format = "mmm-yy"
            row_number += 1
        start = row_number - len(rows)
        if len(rows) > 1:
            sheet.merge_cells(start_row=start, end_row=row_number - 1, start_column=1, end_column=1)
    if plan.get("status_scale"):
        key = book.create_sheet("Key")
        key.append(["Colour", "Meaning"])
        for status in plan["status_scale"]:
            key.append([status.get("colour", status["code"]).title(), status["label"]])
    named = [p for p in plan.get("people", []) if p.get("name")]
    if named:
        officers = book.create_sheet("Lead officers")
        officers.append(["Role", "Name"])
        for person in named:
            officers.append([person.get("role", ""), person["name"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
