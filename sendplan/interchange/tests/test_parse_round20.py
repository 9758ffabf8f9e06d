"""Round 20 of the real-plan corpus: the kinds of plan the new dev and opened plans showed the
importer misreading, each written afresh as an invented plan in other words
(corpus/real/ROUND20.md). Areas, officers and words are invented; no child is named.
"""

from __future__ import annotations

from typing import Any

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.tests import (
    all_actions,
    assert_valid_plan,
    parsed_file,
    placed_by,
    report_codes,
    titles,
    walk_sections,
)


def _leads(document: dict[str, Any]) -> list[list[str]]:
    """Each action's leads, as the people they name (their role, else their name)."""
    people = {
        p["key"]: p.get("role") or p.get("name") or p["key"]
        for p in document["plan"].get("people", [])
    }
    return [[people[key] for key in found.get("leads", [])] for found in all_actions(document)]


# A scrutiny committee's minutes: the issues members raised as bullets, then "RESOLVED: That"
# over resolutions numbered "(1)" to "(4)", one naming the officer it asks to act, one noting
# progress and asking for more, one only noting.
MINUTES = """12 Short Breaks Review - Progress Update
Minutes:
The Committee considered the report of the Assistant Director on the short breaks review.
Members raised the following:
· The length of the waiting list for holiday clubs.
· How families find out about the offer.
RESOLVED: That
(1) the update be noted and the review be extended to cover overnight breaks;
(2) a progress report be brought to the Committee's March meeting;
(3) the Head of Inclusion be asked to publish the revised criteria on the Local Offer; and
(4) the report be noted.
"""


def test_bracketed_resolutions_after_the_discussion_are_the_actions() -> None:
    result = parse_text(MINUTES)
    assert_valid_plan(result.document)
    found = all_actions(result.document)
    # The issues raised are not actions, nor is the resolution that only notes the report.
    assert [a.get("ref") for a in found] == ["1", "2", "3"]
    assert titles(result.document)[1] == (
        "a progress report be brought to the Committee's March meeting"
    )
    # Every resolution is an action, none a priority, whether or not it names an officer.
    assert [
        len(s.get("actions", [])) for s in walk_sections(result.document["plan"]["sections"])
    ] == [3]


def test_the_officer_a_resolution_asks_to_act_is_its_lead() -> None:
    result = parse_text(MINUTES)
    assert _leads(result.document) == [[], [], ["Head of Inclusion"]]
    assert rules.LEAD_ASKED_IN_RESOLUTION.code in placed_by(result)


def test_a_resolution_that_notes_and_asks_for_more_is_kept() -> None:
    first = all_actions(parse_text(MINUTES).document)[0]
    assert first["title"].startswith("the update be noted and the review be extended")


# "Decision:" over two bracketed "That the panel would wish …" items, then the minutes.
PANEL = """Agenda item
Respite Care Action Plan - Progress Report
Decision:
(1)  That the panel would wish to see the action plan's milestones dated by month.
(2)  That the panel would wish to see parents' feedback reported at each review.
Minutes:
The panel welcomed the Service Manager to the meeting.
"""


def test_bracketed_decisions_under_decision_are_numbered_actions() -> None:
    result = parse_text(PANEL)
    found = all_actions(result.document)
    assert [a.get("ref") for a in found] == ["1", "2"]
    assert titles(result.document)[0].startswith("That the panel would wish to see")


# A plain list numbered "(1)" to "(3)" under "We will:": the figures are the refs.
BRACKETED_LIST = """Early years inclusion plan
We will:
(1) Publish a directory of early years SEND support
(2) Train every childminder in the graduated approach
(3) Open two more specialist nursery places in the north
"""


def test_figures_in_brackets_number_a_list() -> None:
    result = parse_text(BRACKETED_LIST)
    assert [a.get("ref") for a in all_actions(result.document)] == ["1", "2", "3"]
    assert rules.BRACKETED_NUMBERS.code in placed_by(result)


# A strategy's summary: each numbered priority on a line of its own over "What we will do:" and
# bullets in lower case, one bullet broken in two where the page wrapped it.
SUMMARY = """Preparing for Adulthood Strategy 2025 to 2028
Our four priorities
1. Make the move to adult services smoother for every young person
What we will do:
- map each young person's route to adult services from year 9
- agree a joint protocol with adult social care, overseen by the
- Transitions Board
- publish a guide for families on what changes at 18
2. Widen the chances of paid work for young adults with SEND
What we will do:
- double the number of supported internships
- hold a jobs fair in each district every year
- train job coaches in every further education college
"""


def test_a_numbered_line_over_a_lead_in_heads_its_priority() -> None:
    result = parse_text(SUMMARY)
    assert_valid_plan(result.document)
    sections = result.document["plan"]["sections"]
    assert [(s.get("ref"), len(s.get("actions", []))) for s in sections] == [("1", 3), ("2", 3)]
    assert sections[1]["title"] == "Widen the chances of paid work for young adults with SEND"


def test_a_bullet_broken_at_a_line_wrap_is_joined_to_the_one_above() -> None:
    result = parse_text(SUMMARY)
    assert titles(result.document)[1] == (
        "agree a joint protocol with adult social care, overseen by the Transitions Board"
    )
    assert "Transitions Board" not in titles(result.document)


def test_a_short_capitalised_item_in_a_list_of_sentences_is_kept() -> None:
    # Items that end with full stops are whole: a short one is an item of its own.
    text = """Our commitments
We will:
- Train every SENCo in the new toolkit.
- Publish the annual report.
- Review the panel.
- Local Offer Week
"""
    assert len(all_actions(parse_text(text).document)) == 4


# A consultation: the changes the council means to make, worded with -ing verbs, then the
# reasons for them under "Why are we doing this?".
CONSULTATION = """Home to School Travel Consultation
What are we doing?
We are asking for views on our proposals. The changes we are proposing to make are:
- Replacing mileage payments with a personal travel budget
- Offering independent travel training to every pupil in year 11
- Publishing a single travel policy for ages 0 to 25
Why are we doing this?
- To give families more choice and control
- We must keep our policies up to date
- To make the best use of the money we have
"""


def test_the_changes_a_consultation_proposes_are_the_actions_not_its_reasons() -> None:
    result = parse_text(CONSULTATION)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "Replacing mileage payments with a personal travel budget",
        "Offering independent travel training to every pupil in year 11",
        "Publishing a single travel policy for ages 0 to 25",
    ]
    assert rules.CHANGES_TO_MAKE.code in placed_by(result)


def test_a_list_under_why_alone_gives_no_actions() -> None:
    text = """Why are we consulting?
- To hear from families before the policy changes
- To understand how many pupils travel each day
- To plan the budget for next year
"""
    assert all_actions(parse_text(text).document) == []


# A committee's action log as a table numbered 1, 2, 3: the first decision names no officer.
ACTION_LOG = """Committee action log

| No | Action | Lead |
|---|---|---|
| 1 | Bring the sufficiency plan to the next meeting | |
| 2 | Publish the short breaks statement on the Local Offer | Head of Early Help |
| 3 | Write to every special school about the new banding | SEND Finance Manager |
"""


def test_a_row_with_no_lead_in_a_flat_numbered_table_is_an_action() -> None:
    result = parse_text(ACTION_LOG)
    assert [a.get("ref") for a in all_actions(result.document)] == ["1", "2", "3"]
    assert rules.FLAT_NUMBERED_ROWS.code in report_codes(result)


def _consultation_docx() -> bytes:
    """A consultation in Word: the changes as Word bullets, then a table of its details (label
    and value, no heading row), as a council lays out a consultation's summary."""
    import io

    import docx

    document = docx.Document()
    document.add_heading("Short Breaks Offer Consultation", level=1)
    document.add_paragraph("The changes we are proposing to make are:")
    for change in (
        "Extending holiday clubs to every district",
        "Offering a direct payment for overnight breaks",
        "Publishing one eligibility guide for families",
    ):
        document.add_paragraph(change, style="List Bullet")
    document.add_heading("About this consultation", level=2)
    table = document.add_table(rows=0, cols=2)
    for label, value in (
        ("Subject", "Short breaks"),
        ("Run by", "Insight Team"),
        ("Audience", "Parents and carers"),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_details_table_after_a_list_of_changes_is_not_read_as_more_actions() -> None:
    result = parsed_file(_consultation_docx(), "consultation.docx")
    assert titles(result.document) == [
        "Extending holiday clubs to every district",
        "Offering a direct payment for overnight breaks",
        "Publishing one eligibility guide for families",
    ]
    assert rules.NO_COLUMNS_FROM_A_LIST.code in report_codes(result)
