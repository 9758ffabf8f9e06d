"""Plans written as running prose: a letter to families or a page answering an inspection, whose
only actions are the sentences saying what will be done (parsers/commitments.py). Each text is
invented for these tests."""

from __future__ import annotations

import io

from sendplan.interchange.parsers import parse_file_inprocess, parse_text, rules
from sendplan.interchange.tests import (
    all_actions,
    assert_valid_plan,
    placed_by,
    report_codes,
    report_messages,
    titles,
    walk_sections,
)

LETTER = """Dear families,

Thank you to everyone who joined our drop-in sessions this summer. You told us that the wait for an assessment is too long and that we do not answer emails quickly enough.

Over the coming year the council will appoint four more assessment coordinators by May 2026, so that every assessment finishes within twenty weeks. We will also give each family a single named contact by October 2026, led by Priya Shah, Head of SEND Services.

The health board has agreed to publish its therapy waiting times every quarter. Our partners in the integrated care board will open a new sensory pathway by the end of 2026.

We know there is more to do, and we will write to you again in the new year. You will also receive a short survey about your experience.

Yours sincerely,
Mark Elliot
Director of Children's Services
"""  # noqa: E501


def test_a_letters_commitments_are_read_as_its_actions_in_their_own_words() -> None:
    result = parse_text(LETTER)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "Over the coming year the council will appoint four more assessment coordinators by "
        "May 2026, so that every assessment finishes within twenty weeks.",
        "We will also give each family a single named contact by October 2026, led by Priya "
        "Shah, Head of SEND Services.",
        "The health board has agreed to publish its therapy waiting times every quarter.",
        "Our partners in the integrated care board will open a new sensory pathway by the end "
        "of 2026.",
    ]
    assert placed_by(result) == {rules.COMMITMENTS_IN_PROSE.code}
    assert rules.NO_ACTIONS.code not in report_codes(result)


def test_a_date_that_closes_a_commitments_clause_is_when_it_is_due() -> None:
    due = [a.get("due") for a in all_actions(parse_text(LETTER).document)]
    assert due == ["2026-05", "2026-10", None, "2026-12"]


def test_what_the_reader_is_promised_to_hear_or_receive_is_not_an_action() -> None:
    found = " ".join(titles(parse_text(LETTER).document))
    assert "write to you again" not in found
    assert "receive a short survey" not in found


def test_prose_read_for_commitments_is_marked_less_sure_and_said_so() -> None:
    result = parse_text(LETTER)
    placed = [p for p in result.placements if p.kind == "action"]
    assert placed and all(p.confidence <= 0.5 for p in placed)
    [message] = report_messages(result, rules.COMMITMENTS_IN_PROSE)
    assert "gave 4" in message and "Check each action" in message
    # Each action says where in the text its sentence is.
    assert {p.where for p in placed} == {"line 5", "line 7"}


RESPONSE = """Our response to the area SEND inspection

The inspectors found that families wait too long and that services do not plan together.

Timeliness

The council will clear the backlog of overdue needs assessments by March 2026. A weekly panel will track every case that is late.

Joint planning

Leaders across education, health and care have agreed to publish a joint commissioning plan by June 2026. The parent carer forum will review each draft before it goes to the partnership board.
"""  # noqa: E501


def test_commitments_under_a_pages_headings_are_actions_of_those_headings() -> None:
    document = parse_text(RESPONSE).document
    assert_valid_plan(document)
    grouped = {
        section["title"]: [a["title"] for a in section.get("actions", [])]
        for section in walk_sections(document["plan"]["sections"])
    }
    assert grouped["Timeliness"] == [
        "The council will clear the backlog of overdue needs assessments by March 2026.",
        "A weekly panel will track every case that is late.",
    ]
    assert len(grouped["Joint planning"]) == 2
    assert document["plan"]["title"] == "Our response to the area SEND inspection"


def test_hopes_for_children_and_a_single_commitment_are_not_read_as_a_plan() -> None:
    vision = (
        "Our vision\n\nChildren and young people will feel safe, happy and listened to. Families "
        "will have the right support at the right time.\n\nWe will publish this vision on our "
        "website.\n"
    )
    result = parse_text(vision)
    assert titles(result.document) == []
    assert rules.NO_ACTIONS.code in report_codes(result)


def test_a_plan_with_lists_is_left_to_the_person_to_point_out_not_read_as_prose() -> None:
    """Its lists may be its actions: the check page offers to read them so, and its sentences
    are not guessed at instead."""
    listed = (
        "Partnership update\n\nThe council will appoint a new inclusion lead by April 2026. "
        "The board will meet every month from May 2026.\n\nThemes:\n- Inclusion in schools\n"
        "- Preparing for adulthood\n"
    )
    result = parse_text(listed)
    assert rules.COMMITMENTS_IN_PROSE.code not in placed_by(result)


def test_a_word_file_of_prose_commitments_is_read_as_its_actions() -> None:
    from docx import Document

    document = Document()
    document.add_heading("Improving our SEND services", level=1)
    document.add_paragraph(
        "Last year we heard from over two hundred families. The council will recruit a team of "
        "specialist teachers by September 2026. Schools and the council have agreed to share "
        "attendance data every term."
    )
    document.add_heading("The local offer", level=2)
    document.add_paragraph("We will review the local offer website by January 2027.")

    buffer = io.BytesIO()
    document.save(buffer)
    result = parse_file_inprocess(buffer.getvalue(), "services.docx")
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "The council will recruit a team of specialist teachers by September 2026.",
        "Schools and the council have agreed to share attendance data every term.",
        "We will review the local offer website by January 2027.",
    ]
    assert placed_by(result) == {rules.COMMITMENTS_IN_PROSE.code}
