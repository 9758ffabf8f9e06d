"""Excel files as councils save them read as what the sheet shows (tests/excel_saved.py).

The first tests are small invented trackers for what the bench found the importer misread:
rows hidden by hand (old actions) left out while the rows of collapsed groups are read;
ratings typed as numbers and coloured by conditional formatting; the columns SharePoint adds
to a list it exports; a sheet saved by LibreOffice with empty styled cells far along each
row. Dev real plans the rules were written from hold their cells (an Excel Table's totals
row among them). The floors then hold the bench's matrix on the
invented plans (the real plans and the samples are left to bench/parse_excel_saved.py).
"""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.worksheet.table import Table

from sendplan.interchange.tests import all_actions, excel_saved, parsed_file, saved

_ROWS = [
    ("1.1", "Train every SENCO in the graduated approach toolkit", "SEND lead",
     "31 March 2026", "Green"),
    ("1.2", "Publish waiting times for therapies each month", "ICB lead",
     "30 June 2026", "Amber"),
    ("2.1", "Open a second specialist resource base for autism", "Head of SEND",
     "31 August 2026", "Red"),
]  # fmt: skip


def _book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(["Ref", "Action", "Lead", "Due date", "RAG"])
    for row in _ROWS:
        sheet.append(list(row))
    return book


def _read(book: openpyxl.Workbook) -> list[tuple[str | None, str, str | None, str | None]]:
    return [
        (a.get("ref"), a["title"], a.get("lead_text"), a.get("due"))
        for a in all_actions(parsed_file(saved(book), "plan.xlsx").document)
    ]


def _statuses(book: openpyxl.Workbook) -> list[str | None]:
    return [
        next((u.get("status") for u in a.get("updates", []) if u.get("status")), None)
        for a in all_actions(parsed_file(saved(book), "plan.xlsx").document)
    ]


def test_rows_hidden_by_hand_are_left_out_and_collapsed_groups_are_read() -> None:
    book = _book()
    sheet = book.active
    sheet.append(["0.9", "Superseded: review the old panel terms of reference", "SEND lead",
                  "31 March 2024", "Blue"])  # fmt: skip
    sheet.row_dimensions[5].hidden = True
    assert [ref for ref, *_ in _read(book)] == ["1.1", "1.2", "2.1"]
    # The same rows folded away in a collapsed outline group are the plan.
    for row in (3, 4):
        sheet.row_dimensions[row].outlineLevel = 1
        sheet.row_dimensions[row].hidden = True
    assert [ref for ref, *_ in _read(book)] == ["1.1", "1.2", "2.1"]


def test_ratings_typed_as_numbers_read_as_the_colour_conditional_formatting_shows() -> None:
    book = _book()
    sheet = book.active
    for row, code in zip(range(2, 5), (3, 2, 1), strict=True):
        sheet.cell(row, 5).value = code
    for code, colour in ((1, "FF0000"), (2, "FFC000"), (3, "00B050")):
        rule = CellIsRule(operator="equal", formula=[str(code)])
        rule.dxf = DifferentialStyle(fill=PatternFill(bgColor=colour, fill_type="solid"))
        sheet.conditional_formatting.add("E2:E4", rule)
    assert _statuses(book) == ["G", "A", "R"]


def _three_columns(head: tuple[str, str, str]) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(head))
    for _, title, lead, due, _ in _ROWS:
        sheet.append([title, lead, due])
    return book


def test_the_columns_sharepoint_adds_to_an_export_are_left_out() -> None:
    book = _three_columns(("Action", "Lead", "Due date"))
    sheet = book.active
    sheet["D1"], sheet["E1"] = "Item Type", "Path"
    for row in range(2, 5):
        sheet.cell(row, 4).value = "Item"
        sheet.cell(row, 5).value = "sites/Partnership/Lists/Plan"
    table = Table(displayName="Table1", ref="A1:E4")
    table._initialise_columns()
    sheet.add_table(table)
    found = _read(book)
    assert [lead for _, _, lead, _ in found] == ["SEND lead", "ICB lead", "Head of SEND"]
    assert [due for *_, due in found] == ["2026-03-31", "2026-06-30", "2026-08-31"]


def test_empty_styled_cells_far_along_each_row_do_not_hide_the_table() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Workstream", "What it is about"])
    for n, text in enumerate(
        (
            "improving inclusion in mainstream schools. New teams will work with schools.",
            "earlier help for families through new school and community teams.",
            "more specialist places close to home, opening in September 2026.",
        ),
        start=1,
    ):
        sheet.append([str(n), f"Workstream {n} is about {text}"])
    plain = _read(book)
    assert len(plain) == 3
    for row in range(1, 5):
        for column in range(3, 60):
            sheet.cell(row, column).number_format = "@"
    assert _read(book) == plain


@pytest.mark.parametrize(
    ("plan", "change"),
    [
        ("real/cheshire-east-task-and-finish-report-undated.xlsx", "xs_table_totals"),
        ("real/norfolk-local-first-inclusion-2023.xlsx", "xs_libreoffice"),
        ("real/camden-implementation-2025.xlsx", "xs_sharepoint_export"),
        ("real/camden-implementation-2025.xlsx", "xs_old_rows_hidden"),
    ],
)
def test_dev_real_plans_the_rules_were_written_from_read_the_same(plan: str, change: str) -> None:
    base = next(p for p in excel_saved.plans() if p.name == plan and not p.blind)
    saved_as = next(s for s in excel_saved.SAVES if s.name == change and not s.blind)
    assert excel_saved.fallen(base, saved_as) == []


# The matrix, on the invented plans


def _holding(dev: bool) -> tuple[int, int]:
    invented = tuple(p for p in excel_saved.plans() if p.name.startswith("unseen/"))
    chosen = [
        (p, s) for p, s in excel_saved.cells(invented) if (not p.blind and not s.blind) == dev
    ]
    return sum(not excel_saved.fallen(p, s) for p, s in chosen), len(chosen)


def test_the_invented_plans_read_the_same_saved_as_councils_save_them_dev_cells() -> None:
    holding, total = _holding(dev=True)
    # 55 of 56 once the bench's rules were written (EXCEL-SAVED.md gives the before).
    assert holding >= 55, (holding, total)


def test_the_invented_plans_read_the_same_saved_as_councils_save_them_blind_cells() -> None:
    holding, total = _holding(dev=False)
    # Plans or transformations no rule was written from: 182 of 224.
    assert holding >= 182, (holding, total)
