"""Office layouts of round 17: posters of cards and slide decks printed to PDF (parsers/cards.py,
readers/pdf_cards.py), decision sheets, and workbooks whose grouping columns are merged down.

The invented corpus is in office17_corpus.py (bench/parse_office17.py prints its figures);
the tests after it each hold one rule, in words of their own."""

from __future__ import annotations

from html import escape
from typing import Any

import openpyxl
import pytest

from sendplan.interchange.parsers import ParseResult, rules
from sendplan.interchange.tests import (
    all_actions,
    assert_valid_plan,
    parsed_file,
    placed_by,
    saved,
    titles,
    walk_sections,
)
from sendplan.interchange.tests.office17_corpus import BLIND as BLIND_HALF
from sendplan.interchange.tests.office17_corpus import (
    PLANS,
    SLIDES_CSS,
    Office17Plan,
    figures,
    parsed,
    printed,
)

# Every figure of every plan at least this share, but for those named below.
TARGET = 0.98
# What each plan read short of that when the floors were set; the blind half's shortfalls are
# kept as they were scored, not studied.
FLOORS: dict[tuple[str, str], float] = {
    # Blind: read after the rules; not looked into.
    ("Ambleford priority slides (pdf)", "actions found"): 0.77,
    # Blind: the hand-entered plan names its one section "Decisions", a word the file does not
    # print (noticed from the figure, not changed after the blind half was scored).
    ("Dunholme decision sheet (pdf)", "section titles"): 0.0,
    ("Eastwick decision log (xlsx)", "section titles"): 0.0,
}


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_plan_is_read_about_as_a_person_would(plan: Office17Plan) -> None:
    short = [
        f"{what}: {same}/{total}"
        for what, same, total in figures(plan)
        if total and same / total < FLOORS.get((plan.name, what), TARGET)
    ]
    assert not short, f"{plan.name} reads below its floors: {', '.join(short)}"


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_plan_gives_a_valid_document(plan: Office17Plan) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_blind_half_is_fixed_by_the_names_alone() -> None:
    assert 3 <= len(BLIND_HALF) < len(PLANS)


def _sections(result: ParseResult) -> dict[str, list[dict[str, Any]]]:
    document = result.document
    return {
        section["title"]: section.get("actions", [])
        for section in walk_sections(document["plan"]["sections"])
    }


# Posters of cards


def _poster(cards: list[tuple[str, list[str]]], per_row: int = 3) -> bytes:
    width = 24.0 / per_row
    boxes = "".join(
        f"<div class='card'><h3>{escape(title)}</h3>"
        + "".join(f"<p>{escape(line)}</p>" for line in lines)
        + "</div>"
        for title, lines in cards
    )
    css = (
        "@page { size: A4 landscape; margin: 1cm; } .grid { display: flex; flex-wrap: wrap; }"
        f".card {{ width: {width:.1f}cm; margin: 0 0.6cm 0.6cm 0; padding: 0.2cm; }}"
        ".card h3 { margin-top: 0; color: #1F4E79; }"
    )
    return printed(f"<h1>Our pledges</h1><div class='grid'>{boxes}</div>", css)


def test_a_poster_of_cards_reads_each_card_as_a_priority_and_its_action() -> None:
    data = _poster(
        [
            ("Being heard", ["Reply to every complaint about SEND within ten working days",
                             "By: October 2025"]),
            ("Early help", ["Fund a speech and language assistant in every family hub",
                            "March 2026"]),
            ("Moving on", ["Start transition planning at every Year 9 annual review",
                           "Lead: Preparing for Adulthood Manager", "Target: June 2026"]),
            ("Short breaks", ["Publish the short breaks statement with families",
                              "December 2025"]),
        ]
    )  # fmt: skip
    result = parsed_file(data, "poster.pdf")
    sections = _sections(result)
    assert [a["title"] for a in sections["Early help"]] == [
        "Fund a speech and language assistant in every family hub"
    ]
    assert sections["Early help"][0]["due"] == "2026-03"
    assert sections["Being heard"][0]["due"] == "2025-10"
    moving_on = sections["Moving on"][0]
    assert moving_on["due"] == "2026-06" and moving_on["leads"]
    assert sections["Short breaks"][0]["title"].startswith("Publish the short breaks")
    assert rules.CARDS.code in placed_by(result)


def test_a_card_whose_words_wrap_is_read_whole_and_not_mixed_with_its_neighbours() -> None:
    long = (
        "Make sure every child with an education, health and care plan has a named key worker "
        "who knows them"
    )
    data = _poster(
        [
            ("Key workers", [long, "September 2026"]),
            ("School places", ["Open forty specialist places in mainstream schools",
                               "September 2026"]),
            ("Information", ["Rewrite the local offer with young people", "April 2026"]),
        ]
    )  # fmt: skip
    found = titles(parsed_file(data, "poster.pdf").document)
    assert long in found
    assert "Open forty specialist places in mainstream schools" in found
    assert len(found) == 3


def test_cards_of_prose_are_not_read_as_actions() -> None:
    data = _poster(
        [
            ("About us", ["The partnership brings together the council, schools and health.",
                          "It meets every month.", "Its minutes are published online."]),
            ("Contact", ["The SEND team answers the telephone on weekdays."]),
            ("Our values", ["Families are listened to and treated as partners."]),
        ]
    )  # fmt: skip
    assert titles(parsed_file(data, "about.pdf").document) == []


# Slide decks


def _deck(slides: list[str]) -> bytes:
    return printed("".join(f"<section>{slide}</section>" for slide in slides), SLIDES_CSS)


def test_a_slide_deck_reads_each_slide_heading_over_bullets_as_a_section() -> None:
    def slide(title: str, aim: str, bullets: list[str]) -> str:
        items = "".join(f"<li>{escape(b)}</li>" for b in bullets)
        return f"<h2>{escape(title)}</h2><p>{escape(aim)}</p><ul>{items}</ul>"

    data = _deck(
        [
            "<h1>Inclusion Board</h1><p>Terms of reference</p>",
            "<h2>Context</h2><p>The board was set up after the inspection in 2024.</p>",
            slide("Sufficiency group", "Makes sure there are enough local places",
                  ["Place planning", "Capital bids", "Resourced provisions"]),
            slide("Workforce group", "Looks after training across the partnership",
                  ["SENCO network", "Autism training"]),
        ]
    )  # fmt: skip
    sections = _sections(parsed_file(data, "deck.pdf"))
    assert [a["title"] for a in sections["Sufficiency group"]] == [
        "Place planning",
        "Capital bids",
        "Resourced provisions",
    ]
    assert [a["title"] for a in sections["Workforce group"]] == ["SENCO network", "Autism training"]
    # The aims are what each group is for, and the context slide is prose: no actions.
    found = titles(parsed_file(data, "deck.pdf").document)
    assert not any(t.startswith(("Makes sure", "The board")) for t in found)


def test_slide_lines_of_what_who_and_when_give_the_lead_and_date() -> None:
    data = _deck(
        [
            "<h2>Attendance</h2><p>Set up an attendance panel for pupils with SEND – Head of "
            "Inclusion – November 2025</p><p>Visit every school with high absence – Education "
            "Welfare Manager – February 2026</p>",
            "<h2>Exclusions</h2><p>Review every permanent exclusion of a pupil with an EHC plan "
            "– Head of Inclusion – July 2026</p>",
        ]
    )
    actions = all_actions(parsed_file(data, "deck.pdf").document)
    assert [a["title"] for a in actions] == [
        "Set up an attendance panel for pupils with SEND",
        "Visit every school with high absence",
        "Review every permanent exclusion of a pupil with an EHC plan",
    ]
    assert [a["due"] for a in actions] == ["2025-11", "2026-02", "2026-07"]
    assert all(a["leads"] for a in actions)


def test_a_portrait_report_of_headings_over_bullets_is_not_read_as_slides() -> None:
    body = "".join(
        f"<h2>Section {n}</h2><p>Some words about what happened this term in the service.</p>"
        "<ul><li>Attendance rose this term.</li><li>Two new staff joined the team.</li></ul>"
        for n in range(1, 4)
    )
    result = parsed_file(printed(f"<h1>Termly report</h1>{body}", ""), "report.pdf")
    assert rules.CARDS.code not in placed_by(result)


# Workbooks whose grouping columns are merged down


def _grouped_sheet(heads: list[str], groups: list[tuple[str, str, list[str]]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Partnership structure"
    sheet.append([])
    sheet.append(heads)
    row = 4
    for name, purpose, items in groups:
        for item in items:
            sheet.cell(row=row, column=3, value=item)
            row += 1
        first = row - len(items)
        for column, value in ((1, name), (2, purpose)):
            sheet.cell(row=first, column=column, value=value)
            if len(items) > 1:
                sheet.merge_cells(
                    start_row=first, end_row=row - 1, start_column=column, end_column=column
                )
    return saved(book)


def test_groups_merged_down_beside_their_work_are_sections_and_actions() -> None:
    data = _grouped_sheet(
        ["Forum", "Purpose", "Topics"],
        [
            ("Inclusion Forum", "Brings heads together on inclusion",
             ["Reduced timetables", "Alternative provision places", "Managed moves"]),
            ("Health Sub-group", "Joins up health services",
             ["Therapy waiting lists", "Neurodevelopmental pathway"]),
            ("Workforce Sub-group", "Plans training", ["SENCO induction", "Autism training"]),
        ],
    )  # fmt: skip
    result = parsed_file(data, "structure.xlsx")
    sections = _sections(result)
    assert [a["title"] for a in sections["Inclusion Forum"]] == [
        "Reduced timetables",
        "Alternative provision places",
        "Managed moves",
    ]
    assert [a["title"] for a in sections["Workforce Sub-group"]] == [
        "SENCO induction",
        "Autism training",
    ]
    assert rules.MERGED_GROUPS.code in placed_by(result)


def test_groups_merged_down_beside_people_are_not_actions() -> None:
    data = _grouped_sheet(
        ["Forum", "Purpose", "Members"],
        [
            ("Inclusion Forum", "Brings heads together", ["Sarah Jones", "Tom Patel", "Amy Lo"]),
            ("Health Sub-group", "Joins up health", ["Ben Hart", "Ruth Cole"]),
        ],
    )
    result = parsed_file(data, "members.xlsx")
    assert rules.MERGED_GROUPS.code not in placed_by(result)
    assert "Sarah Jones" not in titles(result.document)


# Decision sheets and logs


def test_a_decision_sheet_of_numbered_records_reads_each_as_an_action() -> None:
    records = [
        ("12", "Commission an independent review of home to school transport",
         "Head of Travel Assistance", "January 2026"),
        ("13", "Extend the inclusion grant to pupils without an EHC plan", "Head of Inclusion",
         "April 2026"),
    ]  # fmt: skip
    body = "".join(
        f"<h3>Recommendation {ref}</h3><dl><dt>Recommendation</dt><dd>{escape(text)}</dd>"
        f"<dt>Responsible officer</dt><dd>{escape(lead)}</dd><dt>Deadline</dt>"
        f"<dd>{escape(when)}</dd></dl>"
        for ref, text, lead, when in records
    )
    css = "dt { font-weight: bold; }"
    result = parsed_file(printed(f"<h1>Scrutiny recommendations</h1>{body}", css), "recs.pdf")
    actions = all_actions(result.document)
    assert [(a["ref"], a["title"]) for a in actions] == [(r[0], r[1]) for r in records]
    assert [a["due"] for a in actions] == ["2026-01", "2026-04"]
    assert all(a["leads"] for a in actions)
    assert rules.NUMBERED_RECORDS.code in placed_by(result)


def test_numbered_records_written_as_labelled_lines_are_read_too() -> None:
    text = "".join(
        f"<h3>Action {n}</h3><p>Action: {escape(words)}</p><p>Lead: Head of SEND</p>"
        for n, words in ((1, "Publish the SEND sufficiency plan"), (2, "Open a parent helpline"))
    )
    actions = all_actions(parsed_file(printed(f"<h1>Log</h1>{text}", ""), "log.pdf").document)
    assert [a["title"] for a in actions] == [
        "Publish the SEND sufficiency plan",
        "Open a parent helpline",
    ]


def test_numbered_headings_over_prose_are_not_records() -> None:
    body = "".join(
        f"<h3>Chapter {n}</h3><p>This chapter describes the service as it was in 2024.</p>"
        for n in (1, 2, 3)
    )
    result = parsed_file(printed(f"<h1>Annual report</h1>{body}", ""), "report.pdf")
    assert rules.NUMBERED_RECORDS.code not in placed_by(result)


def test_a_decision_log_under_a_title_block_gives_each_row_the_officer_merged_down() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Health and Wellbeing Board"
    sheet["A2"], sheet["B2"] = "Meeting date:", "4 March 2025"
    sheet.append([])
    sheet.append(["Item", "Resolution", "Officer to action"])
    for number, words in enumerate(
        ["Adopt the neurodiversity strategy", "Fund two sensory rooms", "Report back in June"], 1
    ):
        sheet.append([number, words, None])
    sheet["C5"] = "Director of Public Health"
    sheet.merge_cells("C5:C7")
    actions = all_actions(parsed_file(saved(book), "log.xlsx").document)
    assert len(actions) == 3 and all(a.get("leads") for a in actions)


def test_a_sheet_of_numbered_workstreams_and_what_each_is_about_reads_each_as_an_action() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Belonging programme"
    sheet.append([])
    sheet.append(["Priority", "In brief"])
    about = [
        "Priority 1 brings speech and language help into every nursery so that children are "
        "supported before they start school.",
        "Priority 2 gives secondary schools an inclusion adviser each and a fund for small "
        "adaptations, starting in September 2026.",
    ]
    for number, words in enumerate(about, 1):
        sheet.append([number, words])
    actions = all_actions(parsed_file(saved(book), "programme.xlsx").document)
    assert [(a["ref"], a["title"]) for a in actions] == [("1", about[0]), ("2", about[1])]


def test_a_sheet_of_numbers_beside_short_names_is_not_read_as_sentences() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Priority", "Name"])
    for number, name in enumerate(["Inclusion", "Health", "Transitions"], 1):
        sheet.append([number, name])
    result = parsed_file(saved(book), "names.xlsx")
    assert rules.NUMBERED_RECORDS.code not in placed_by(result)


# Rows set under a table's shaded heading band


_BAND_CSS = (
    "@page { size: A4 landscape; margin: 1.5cm; } table { border-collapse: collapse; width: 100%; }"
    "th { background: #2E75B6; color: white; text-align: left; padding: 4pt; }"
    "td { border-bottom: 0.5pt solid #999; padding: 4pt; vertical-align: top; }"
)


def test_rows_under_a_shaded_heading_band_are_read_with_their_columns() -> None:
    # The second row's first cell fills its column, so only the drawn headings say where its
    # words end and the lead's begin.
    rows = [
        ("Train every SENCO on the new guidance", "Head of Inclusion", "May 2026"),
        ("Agree a protocol on part-time timetables with every trust", "Assistant Director",
         "June 2026"),
    ]  # fmt: skip
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    table = f"<table><tr><th>What we will do</th><th>Lead</th><th>By when</th></tr>{body}</table>"
    html = f"<section><h2>Workstream 3: Attendance</h2>{table}</section>"
    actions = all_actions(parsed_file(printed(html, SLIDES_CSS), "band.pdf").document)
    assert [a["title"] for a in actions] == [row[0] for row in rows]
    assert [a["due"] for a in actions] == ["2026-05", "2026-06"]
    assert all(a["leads"] for a in actions)


def test_prose_under_a_table_of_headings_is_not_read_as_its_rows() -> None:
    table = "<table><tr><th>Action</th><th>Lead</th><th>Due</th></tr></table>"
    prose = (
        "<p>The actions for this priority will be agreed with the parent carer forum at its "
        "meeting in the spring and added to this table when the board has approved them.</p>"
    )
    result = parsed_file(printed(f"<h1>Priority 4</h1>{table}{prose}", _BAND_CSS), "empty.pdf")
    assert titles(result.document) == []
