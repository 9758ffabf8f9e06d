"""Round 16: Word, Excel and PDF layouts met when real plans were laid out in ways no earlier
round used (corpus/real/ROUND16-office.md). Each test is an invented plan in other words."""

from __future__ import annotations

import openpyxl

from sendplan.interchange.tests import all_actions, parsed_file, report_codes, saved

# Refs in brackets


def test_refs_written_in_brackets_are_read_without_them() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Overview and scrutiny: review of short breaks"
    sheet["A2"] = "Status:"
    sheet["B2"] = "Agreed"
    sheet.append([])
    sheet.append(["Ref", "Recommendation", "Response"])
    sheet.append(["(a)", "That the short breaks offer be published in one place", None])
    sheet.append(["(b)", "That families be asked each year what breaks they need", None])
    sheet.append(["(iv)", "That the waiting list be reported to the board each quarter", None])
    result = parsed_file(saved(book), "plan.xlsx")
    assert [(a.get("ref"), a["title"]) for a in all_actions(result.document)] == [
        ("a", "That the short breaks offer be published in one place"),
        ("b", "That families be asked each year what breaks they need"),
        ("iv", "That the waiting list be reported to the board each quarter"),
    ]
    assert "ref-bracketed" in report_codes(result)
