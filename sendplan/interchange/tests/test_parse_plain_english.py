"""Plans written in plain English, as co-produced plans are: a line an action, each followed by
who leads it and by when as sentences of their own, with no numbers or bullets (rule
`labelled-sentences`); tables headed "What | Who | When | How we'll know | Where are we now"."""

from __future__ import annotations

import docx

from sendplan.interchange.parsers import rules
from sendplan.interchange.tests import all_actions, parsed_file, placed_by, saved

PLAN = """Westbrook SEND Strategy action plan 2025-2027
Our promise 1: Families get the right help early
We will train every early years setting in early identification. Led by the Early Years SEND \
Lead. By July 2026.
We will open two more family hubs with SEND advice sessions. Led by the Family Hubs Manager. \
By December 2026.
Our promise 2: Young people are ready for adult life
We will give every young person with an EHC plan a preparing for adulthood review from Year \
9. Owner: Head of SEND. Deadline: September 2026.
"""


def test_lines_with_a_lead_and_a_date_after_them_are_actions_under_their_promises() -> None:
    result = parsed_file(PLAN.encode(), "plan.txt")
    sections = result.document["plan"]["sections"]
    assert [(s.get("ref"), s["title"]) for s in sections] == [
        ("1", "Families get the right help early"),
        ("2", "Young people are ready for adult life"),
    ]
    found = [
        (a["title"][:30], a.get("lead_text"), a.get("due_text"))
        for a in all_actions(result.document)
    ]
    assert found == [
        ("We will train every early year", "Early Years SEND Lead", "July 2026"),
        ("We will open two more family h", "Family Hubs Manager", "December 2026"),
        ("We will give every young perso", "Head of SEND", "September 2026"),
    ]
    assert rules.LABELLED_SENTENCES.code in placed_by(result)


def test_paragraphs_of_prose_with_a_date_in_a_sentence_are_not_actions() -> None:
    text = """Westbrook SEND progress report
We held three workshops with families in the spring. By March 2025 we had trained forty \
SENCOs in the new approach.
The partnership board met every month through the year. By the summer the waiting list had \
halved, which families noticed.
"""
    result = parsed_file(text.encode(), "report.txt")
    assert rules.LABELLED_SENTENCES.code not in placed_by(result)
    assert not any(a.get("due_text") for a in all_actions(result.document))


def test_one_such_line_alone_is_not_a_list() -> None:
    text = """Westbrook SEND newsletter
Our family hubs will open on Saturdays from the new year. Led by the Family Hubs Manager.
Families told us they wanted more support at weekends, and the council listened.
"""
    result = parsed_file(text.encode(), "news.txt")
    assert rules.LABELLED_SENTENCES.code not in placed_by(result)


def test_where_are_we_now_is_each_actions_progress() -> None:
    document = docx.Document()
    document.add_paragraph("Hartmoor SEND Priority Action Plan")
    table = document.add_table(rows=1, cols=5)
    headings = ["What we will do", "Who", "When", "How we'll know", "Where are we now"]
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = heading
    rows = [
        ("Recruit four more EHC coordinators", "Head of SEND", "April 2026",
         "Caseloads below 120", "Two posts filled; two out to advert"),
        ("Set up a weekly panel with health advice", "Designated Clinical Officer",
         "January 2026", "Advice within six weeks", "Panel running since December"),
    ]  # fmt: skip
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    result = parsed_file(saved(document), "plan.docx")
    progress = [a["updates"][0].get("narrative") for a in all_actions(result.document)]
    assert progress == ["Two posts filled; two out to advert", "Panel running since December"]
