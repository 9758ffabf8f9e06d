"""Colours and computed values in Office files read as what the file shows (tests/colour20.py).

The first tests are small invented trackers, one for each rule this round added, asking what a
user would notice: a rating cell filled from the theme's colours (with a tint) or with a
pattern reads as its colour; a code coloured by a formula rule, a short code a "cell
contains" rule colours and a number under traffic-light icons read as their colours; a
rating, a date and a title saved as formulas with no cached value read as what Excel would
show, and a formula that cannot be worked out is said in the report; in Word, theme shading
without its RGB, highlighted blanks and a coloured dot read as their colours. The floors then
hold bench/parse_colour20.py's matrix on the invented plans (dev and blind transformations).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.formatting.rule import FormulaRule, IconSetRule, Rule
from openpyxl.styles import Color, PatternFill
from openpyxl.styles.differential import DifferentialStyle

from sendplan.interchange.tests import all_actions, colour20, parsed_file, saved

_ROWS = [
    ("1.1", "Train every SENCO in the graduated approach toolkit", "SEND lead", "31 March 2026"),
    ("1.2", "Publish waiting times for therapies each month", "ICB lead", "30 June 2026"),
    ("2.1", "Open a second specialist resource base for autism", "Head of SEND",
     "31 August 2026"),
]  # fmt: skip


def _book(ratings: list[Any] | None = None) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(["Ref", "Action", "Lead", "Due date", "RAG"])
    for n, row in enumerate(_ROWS):
        sheet.append([*row, None if ratings is None else ratings[n]])
    return book


def _statuses(data: bytes, name: str = "plan.xlsx") -> list[str | None]:
    return [
        next((u.get("status") for u in a.get("updates", []) if u.get("status")), None)
        for a in all_actions(parsed_file(data, name).document)
    ]


def _codes(data: bytes, name: str = "plan.xlsx") -> set[str]:
    return {item.code for item in parsed_file(data, name).report}


def _messages(data: bytes, name: str = "plan.xlsx") -> str:
    return " ".join(item.message for item in parsed_file(data, name).report)


def test_fills_from_the_theme_with_a_tint_and_patterned_fills_read_as_their_colours() -> None:
    book = _book()
    sheet = book.active
    # openpyxl's theme: accent3 green (6), accent6 orange (9), accent2 red (5).
    for row, (theme, tint) in zip(range(2, 5), ((6, -0.25), (9, 0.4), (5, 0.0)), strict=True):
        sheet.cell(row, 5).fill = PatternFill("solid", fgColor=Color(theme=theme, tint=tint))
    data = saved(book)
    assert _statuses(data) == ["G", "A", "R"]
    assert "office-theme-fills" in _codes(data)
    for row, colour in zip(range(2, 5), ("FF00B050", "FFFFC000", "FFFF0000"), strict=True):
        sheet.cell(row, 5).fill = PatternFill("darkGray", fgColor=colour, bgColor="FFFFFFFF")
    assert _statuses(saved(book)) == ["G", "A", "R"]


def _dxf(colour: str) -> DifferentialStyle:
    return DifferentialStyle(fill=PatternFill("solid", bgColor=colour, fgColor=colour))


def test_codes_coloured_by_a_formula_rule_read_as_their_colours() -> None:
    book = _book([3, 2, 1])
    sheet = book.active
    for code, colour in ((1, "FFFF0000"), (2, "FFFFC000"), (3, "FF00B050")):
        rule = FormulaRule(formula=[f"$E2={code}"])
        rule.dxf = _dxf(colour)
        sheet.conditional_formatting.add("E2:E4", rule)
    data = saved(book)
    assert _statuses(data) == ["G", "A", "R"]
    assert "xlsx-rule-colours" in _codes(data)


def test_short_codes_coloured_by_a_cell_contains_rule_read_as_their_colours() -> None:
    # "C" (complete) is no rating word: only the rule's blue says what it means.
    book = _book(["C", "G", "R"])
    sheet = book.active
    for letter, colour in (("C", "FF0070C0"), ("G", "FF00B050"), ("R", "FFFF0000")):
        rule = Rule(type="containsText", operator="containsText", text=letter, dxf=_dxf(colour))
        rule.formula = [f'NOT(ISERROR(SEARCH("{letter}",E2)))']
        sheet.conditional_formatting.add("E2:E4", rule)
    assert _statuses(saved(book)) == ["B", "G", "R"]


def test_numbers_under_traffic_light_icons_read_as_the_icons_colours() -> None:
    book = _book([85, 50, 10])
    sheet = book.active
    rule = IconSetRule("3TrafficLights1", "num", [0, 40, 70], showValue=False)
    sheet.conditional_formatting.add("E2:E4", rule)
    assert _statuses(saved(book)) == ["G", "A", "R"]


def test_formulas_saved_without_values_read_as_excel_would_show_them() -> None:
    book = _book()
    sheet = book.active
    sheet["H2"], sheet["H3"], sheet["H4"] = 3, 2, 1
    sheet["I2"], sheet["J2"] = "Train every SENCO", "in the graduated approach toolkit"
    for row in range(2, 5):
        sheet.cell(row, 5).value = f'=IF(H{row}=1,"Red",IF(H{row}=2,"Amber","Green"))'
    sheet["B2"] = '=I2&" "&J2'
    sheet["D3"] = "=DATE(2026,6,1)+29"
    sheet["D3"].number_format = "dd/mm/yyyy"
    for letter in "HIJ":
        sheet.column_dimensions[letter].hidden = True
    data = saved(book)  # openpyxl does not calculate: no values are cached
    assert _statuses(data) == ["G", "A", "R"]
    actions = all_actions(parsed_file(data, "plan.xlsx").document)
    assert actions[0]["title"] == _ROWS[0][1]
    assert actions[1]["due"] == "2026-06-30"
    assert "Worked out 5 formula(s)" in _messages(data)


def test_a_formula_that_cannot_be_worked_out_is_said_in_the_report() -> None:
    book = _book(["Green", "Amber", "Red"])
    book.active["D2"] = "=VLOOKUP(A2,Dates!A:B,2,FALSE)"
    message = _messages(saved(book))
    assert "1 formula(s) were saved without their values and could not be worked out" in message


def test_circular_and_overlong_formulas_are_counted_not_followed() -> None:
    book = _book(["Green", "Amber", "Red"])
    sheet = book.active
    sheet["H2"], sheet["H3"] = "=H3", "=H2"
    sheet["H4"] = "=" + "(" * 3000 + "1" + ")" * 3000
    sheet["H5"] = "=(0-8)^0.5"  # no real number: a complex one in Python
    message = _messages(saved(book))
    assert "4 formula(s) were saved without their values and could not be worked out" in message


def test_a_workbook_saved_as_strict_open_xml_reads_as_the_ordinary_one() -> None:
    plain = saved(_book(["Green", "Amber", "Red"]))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as archive, zipfile.ZipFile(out, "w") as strict:
        for item in archive.infolist():
            content = archive.read(item)
            for transitional, iso in (
                (b"schemas.openxmlformats.org/spreadsheetml/2006/main",
                 b"purl.oclc.org/ooxml/spreadsheetml/main"),
                (b"schemas.openxmlformats.org/officeDocument/2006/relationships",
                 b"purl.oclc.org/ooxml/officeDocument/relationships"),
            ):  # fmt: skip
                content = content.replace(transitional, iso)
            strict.writestr(item, content)
    data = out.getvalue()
    assert _statuses(data) == ["G", "A", "R"]
    assert "xlsx-strict" in _codes(data)
    assert "xlsx-strict" not in _codes(plain)


def _document(mark: Any) -> bytes:
    """A Word plan whose ratings are given by `mark(cell, code)`."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ("Ref", "Action", "Lead", "Due date", "RAG"),
                          strict=True):  # fmt: skip
        cell.text = text
    for row, code in zip(_ROWS, ("G", "A", "R"), strict=True):
        cells = table.add_row().cells
        for cell, text in zip(cells[:4], row, strict=True):
            cell.text = text
        mark(cells[4], code)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _element(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def test_word_theme_shading_without_its_rgb_reads_as_the_theme_colour() -> None:
    # python-docx's theme: accent3 green, accent6 orange, accent2 red.
    theme = {"G": ("accent3", "BF"), "A": ("accent6", None), "R": ("accent2", None)}

    def mark(cell: Any, code: str) -> None:
        accent, shade = theme[code]
        shd = _element("w:shd", val="clear", color="auto", fill="auto", themeFill=accent)
        if shade:
            shd.set(qn("w:themeFillShade"), shade)
        cell._tc.get_or_add_tcPr().append(shd)

    data = _document(mark)
    assert _statuses(data, "plan.docx") == ["G", "A", "R"]
    assert "office-theme-fills" in _codes(data, "plan.docx")


def test_word_highlighted_blanks_and_coloured_dots_read_as_their_colours() -> None:
    highlights = {"G": "green", "A": "yellow", "R": "red"}
    colours = {"G": "00B050", "A": "FFC000", "R": "FF0000"}

    def highlighted(cell: Any, code: str) -> None:
        run = cell.paragraphs[0].add_run("\u00a0" * 5)
        run._r.get_or_add_rPr().append(_element("w:highlight", val=highlights[code]))

    def dot(cell: Any, code: str) -> None:
        run = cell.paragraphs[0].add_run("\u25cf")
        run._r.get_or_add_rPr().append(_element("w:color", val=colours[code]))

    for mark in (highlighted, dot):
        data = _document(mark)
        assert _statuses(data, "plan.docx") == ["G", "A", "R"]
        assert "docx-marked-ratings" in _codes(data, "plan.docx")


def test_a_symbol_in_no_rating_colour_is_read_as_it_was() -> None:
    def black_tick(cell: Any, code: str) -> None:
        cell.paragraphs[0].add_run("\u2713")

    data = _document(black_tick)
    assert _statuses(data, "plan.docx") == ["\u2713"] * 3
    assert "docx-marked-ratings" not in _codes(data, "plan.docx")


# The matrix, on the invented plans


def _holding(dev: bool) -> tuple[int, int]:
    invented = tuple(p for p in colour20.plans() if p.name.startswith("unseen/"))
    chosen = [(p, s) for p, s in colour20.cells(invented) if (not s.blind) == dev]
    return sum(not colour20.fallen(p, s) for p, s in chosen), len(chosen)


def test_the_invented_plans_read_the_same_with_colours_and_formulas_dev_cells() -> None:
    holding, total = _holding(dev=True)
    # 95 of 165 before any rule of this round (colour20.md gives the tables).
    assert holding >= FLOOR_DEV, (holding, total)


def test_the_invented_plans_read_the_same_with_colours_and_formulas_blind_cells() -> None:
    holding, total = _holding(dev=False)
    # Transformations no rule was written from: 73 of 152 before any rule.
    assert holding >= FLOOR_BLIND, (holding, total)


FLOOR_DEV = 153
FLOOR_BLIND = 125
