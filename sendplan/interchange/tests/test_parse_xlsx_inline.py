"""A workbook written with inline strings (as openpyxl, and so sendplan's own tracker, writes
every string) reads the same after its plain inline strings are made string values, and one
without them is passed on untouched."""

from __future__ import annotations

import io
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from sendplan.interchange.parsers.readers.xlsx_inline import plain_inline_strings

CELLS = [
    ["Ref", "Action", "Lead", "Due", "Status"],
    ["1.1", "Audit every overdue EHC needs assessment & report <monthly>", "Jo Smith", "", "A"],
    ["1.2", "  Agree the terms of reference  ", "Head of SEND", "Mar-26", "G"],
    ["1.3", "Café for parents: “drop in” sessions\nin each locality", "Forum chair", None, "R"],
]


def workbook(rich: bool = False) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in CELLS:
        sheet.append(row)
    if rich:
        sheet["B5"] = CellRichText("Review the ", TextBlock(InlineFont(b=True), "local offer"))
        sheet["A5"] = "1.4"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def values(data: bytes) -> list[list[object]]:
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    sheet = book.active
    assert sheet is not None
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_plain_inline_strings_read_as_the_same_text() -> None:
    data = workbook()
    plain = plain_inline_strings(data)

    assert plain != data
    assert b't="inlineStr"' not in zipfile.ZipFile(io.BytesIO(plain)).read(
        "xl/worksheets/sheet1.xml"
    )
    assert values(plain) == values(data)
    assert values(plain)[1][1] == "Audit every overdue EHC needs assessment & report <monthly>"
    assert values(plain)[2][1] == "  Agree the terms of reference  "


def test_rich_text_is_left_inline_and_still_read() -> None:
    data = workbook(rich=True)
    plain = plain_inline_strings(data)

    assert b't="inlineStr"' in zipfile.ZipFile(io.BytesIO(plain)).read("xl/worksheets/sheet1.xml")
    assert values(plain) == values(data)
    assert "local offer" in str(values(plain)[4][1])


def test_a_workbook_with_shared_strings_or_no_workbook_is_passed_on_untouched() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", '<worksheet><c r="A1" t="s"><v>0</v></c>')
    shared = out.getvalue()

    assert plain_inline_strings(shared) is shared
    assert plain_inline_strings(b"not a workbook") == b"not a workbook"
