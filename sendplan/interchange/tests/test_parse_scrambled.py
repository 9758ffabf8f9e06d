"""Action tables whose columns ran together, as text copied from a multi-column PDF arrives:
each row one long line, its ref in the middle beside a lead cut short and a timeframe."""

from __future__ import annotations

from sendplan.interchange.parsers import ParseResult, parse_text, rules
from sendplan.interchange.parsers.scrambled import jumbled_header
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    parsed_file,
    report_codes,
    report_messages,
)

HEADINGS = (
    "Priority\tReference\tDelivery Objectives\tTask and Finish Group\tLead\tGroup members"
    "\tSuccess Measures\tTimeframe"
)
CLEAN = f"""Eastbrook SEND Action Plan 2024

{HEADINGS}
Families find support\t1.1\tTo map short breaks across the borough.\tShort Breaks Review Group\tPriya Shah / Tom Reed\tParent forum\t1a Families can find short breaks\tMar-24
\t1.2\tTo agree a transitions protocol with colleges.\tPreparing for Adulthood Board\tOwen Clarke\tColleges\t1b Every college signs up\tJun-24
"""  # noqa: E501
JUMBLED = (
    "Lead Group members Timeframe ority Reference elivery Objectives Task and Finish Group "
    "Success Measures"
)


def read(rows: str) -> ParseResult:
    result = parse_text(f"{CLEAN}\n{JUMBLED} {rows}\n")
    assert_valid_plan(result.document)
    return result


# One rule writes every guess made reading a run-together table (an action's text, a lead cut
# short, a section's title) and one every passage it could not place (words near an action, or
# text with no refs it could read): these tests tell the guesses apart by what each message
# names, so they read the messages of those rules.
def guesses(result: ParseResult) -> list[str]:
    return report_messages(result, rules.RUN_TOGETHER_GUESS)


def near(result: ParseResult, ref: str) -> str:
    unread = report_messages(result, rules.RUN_TOGETHER_UNREAD)
    return next(m for m in unread if m.startswith(f"Words near action {ref} "))


# Each action's text before its ref, as in the layout below; the words after the last ref
# hold none, which is how the layout shows it.
BEFORE = (
    "Workshops held in the spring. To run a monthly drop-in for parents at the family hubs. "
    "Hub staff rota agreed iya Shah/Tom Reed 2.1 Short Breaks Review Group Monthly 2a Parents "
    "attend a drop-in. To open a second sensory room in the north of the borough. Rooms booked "
    "Owen Clarke 2.2 Sep-24 2b Fewer families travel far. Survey sent out."
)


def test_it_reads_actions_from_rows_whose_columns_ran_together() -> None:
    document = read(BEFORE).document
    drop_in = action(document, "2.1")
    assert drop_in["title"] == "To run a monthly drop-in for parents at the family hubs."
    assert drop_in["due_text"] == "Monthly"
    assert "due" not in drop_in
    assert drop_in["group"] == "Short Breaks Review Group"
    sensory = action(document, "2.2")
    assert sensory["title"] == "To open a second sensory room in the north of the borough."
    assert (sensory["due"], sensory["due_text"]) == ("2024-09", "Sep-24")
    assert sensory["leads"] == ["owen-clarke"]


def test_it_restores_a_lead_cut_short_by_the_column_edge_from_the_people_the_plan_names() -> None:
    found = read(BEFORE)
    drop_in = action(found.document, "2.1")
    assert drop_in["lead_text"] == "Priya Shah/Tom Reed"
    assert drop_in["leads"] == ["priya-shah", "tom-reed"]
    assert any("'iya Shah'" in m and "'Priya Shah'" in m for m in guesses(found))


def test_it_puts_actions_of_a_new_priority_in_a_priority_of_their_own_and_says_so() -> None:
    found = read(BEFORE)
    sections = found.document["plan"]["sections"]
    assert sections[0]["title"] == "Families find support"
    assert [a["ref"] for a in sections[0]["actions"]] == ["1.1", "1.2"]
    assert (sections[1]["level"], sections[1]["title"]) == ("Priority", "Priority 2")
    assert [a["ref"] for a in sections[1]["actions"]] == ["2.1", "2.2"]
    assert any("'Priority 2'" in message for message in guesses(found))


def test_it_reports_the_words_it_could_not_place_beside_the_ref_they_were_near() -> None:
    found = read(BEFORE)
    near_first = near(found, "2.1")
    assert "'Workshops held in the spring.'" in near_first
    assert "'2a Parents attend a drop-in.'" in near_first
    assert "'2b Fewer families travel far. Survey sent out.'" in near(found, "2.2")
    assert any(message.startswith("Action 2.1 was read") for message in guesses(found))


def test_it_reads_each_action_text_after_its_ref_when_the_layout_puts_it_there() -> None:
    rows = (
        "2.1 Priya Shah/Tom Reed Monthly To run a monthly drop-in for parents. Hub rota agreed. "
        "2.2 Owen Clarke Sep-24 To open a second sensory room. 2b Fewer families travel far."
    )
    document = read(rows).document
    assert action(document, "2.1")["title"] == "To run a monthly drop-in for parents."
    assert action(document, "2.2")["title"] == "To open a second sensory room."


def test_it_does_not_guess_the_texts_when_the_layout_does_not_show_which_side_they_are_on() -> None:
    rows = (
        "To run a drop-in. 2.1 Priya Shah/Tom Reed Monthly To open a sensory room. 2.2 Owen "
        "Clarke Sep-24 To train staff in every hub."
    )
    found = read(rows)
    assert [a["title"] for a in all_actions(found.document)][2:] == [
        "[Text of action 2.1 not read: see the original]",
        "[Text of action 2.2 not read: see the original]",
    ]
    assert action(found.document, "2.2")["due_text"] == "Sep-24"
    assert any("does not show" in message for message in guesses(found))
    assert "'To open a sensory room.'" in near(found, "2.2")


def test_it_takes_the_longest_stretch_near_a_ref_when_nothing_reads_like_an_action_text() -> None:
    rows = (
        "To run a drop-in. Owen Clarke 2.1 Jun-24 Held. Hubs open. Family hub drop-ins for "
        "parents every month Owen Clarke 2.2 Jul-24 2a Parents come along to the hubs. To open a "
        "sensory room. Owen Clarke 2.3 Sep-24 Open."
    )
    found = read(rows)
    assert action(found.document, "2.2")["title"] == ("Family hub drop-ins for parents every month")
    assert any("took the longest stretch" in message for message in guesses(found))


def test_it_takes_an_imperative_for_the_text_when_no_sentence_starts_to() -> None:
    rows = "Rota agreed. Develop a sensory room in every hub. Owen Clarke 2.1 Sep-24 Rooms open."
    assert action(read(rows).document, "2.1")["title"] == "Develop a sensory room in every hub."


def test_it_ends_an_action_text_where_a_cell_repeated_in_every_row_begins() -> None:
    group = "Parent and carer voice and engagement task group"
    rows = (
        f"To run a drop-in at the family hubs {group} Hub rota agreed. Owen Clarke 2.1 Jun-24 "
        f"Held. To open a sensory room for families across the borough. {group} Rooms booked. "
        f"Owen Clarke 2.2 Sep-24 Open. To train staff in every school for families across the "
        f"borough. {group} Staff listed. Owen Clarke 2.3 Dec-24 Trained."
    )
    found = read(rows)
    titles = [a["title"] for a in all_actions(found.document)][2:]
    # Fewer words said in every row ("for families across the borough") are not a cell.
    assert titles == [
        "To run a drop-in at the family hubs",
        "To open a sensory room for families across the borough.",
        "To train staff in every school for families across the borough.",
    ]
    assert any("words repeated in many rows" in message for message in guesses(found))


def test_it_keeps_a_bracketed_aside_with_the_sentence_before_it() -> None:
    rows = "To publish pathways. (For example short breaks, respite) Owen Clarke 2.1 Jun-24 Done."
    assert action(read(rows).document, "2.1")["title"] == (
        "To publish pathways. (For example short breaks, respite)"
    )


def test_it_takes_names_joined_by_a_slash_or_ampersand_for_leads_the_plan_has_not_named() -> None:
    rows = (
        "To train every SENCo. Nadia Khan & Leo Grant 2.1 Jun-24 Ten trained. To hold a "
        "conference. Nadia Khan / SEND Lead 2.2 Sep-24 One held."
    )
    document = read(rows).document
    assert action(document, "2.1")["leads"] == ["nadia-khan", "leo-grant"]
    assert action(document, "2.2")["lead_text"] == "Nadia Khan / SEND Lead"


def test_it_does_not_take_names_in_a_list_of_members_for_the_lead() -> None:
    rows = "To map short breaks again. Owen Clarke, Priya Shah, colleges 2.1 Jun-24 Map done."
    mapped = action(read(rows).document, "2.1")
    assert "leads" not in mapped
    assert mapped["title"] == "To map short breaks again."


def test_it_takes_only_refs_that_carry_on_the_plans_numbering() -> None:
    rows = (
        "To open a sensory room. Owen Clarke 2.1 Sep-24 Rooms open as in 2.7 and see 2.2. "
        "To train staff. Priya Shah/Tom Reed 2.2 Jun-24 Staff trained."
    )
    refs = [a["ref"] for a in all_actions(read(rows).document)]
    assert refs == ["1.1", "1.2", "2.1", "2.2"]


def test_it_reads_a_timeframe_in_look_alike_letters() -> None:
    rows = "To open a sensory room. Owen Clarke 2.1 твс Rooms open. To train staff. Owen Clarke 2.2"
    assert action(read(rows).document, "2.1")["due_text"] == "TBC"


def test_it_reports_run_together_text_whose_refs_it_cannot_read() -> None:
    found = read("Words that mention no ref at all, however long the passage runs on and on.")
    assert [a["ref"] for a in all_actions(found.document)] == ["1.1", "1.2"]
    assert rules.RUN_TOGETHER_UNREAD.code in report_codes(found)


def test_it_knows_a_row_of_jumbled_headings_by_the_tables_own_headings() -> None:
    headings = HEADINGS.split("\t")
    rows = "To run a drop-in for parents at the family hubs every month."
    text = f"{JUMBLED} {rows}"
    assert text[jumbled_header(text, headings) or 0 :] == rows
    assert jumbled_header(f"Lead Timeframe {rows}", headings) is None
    assert jumbled_header(rows, headings) is None
    # Headings alone on a line, as at the top of a page, start no rows.
    assert jumbled_header(JUMBLED, headings) is None


def test_it_ends_the_run_together_text_at_a_new_section() -> None:
    rows = "To open a sensory room. Owen Clarke 2.1 Sep-24 Rooms open."
    text = f"{CLEAN}\n{JUMBLED} {rows}\n\nPriority 3: Preparing for adulthood\n\nA note.\n"
    document = parse_text(text).document
    titles = [section["title"] for section in document["plan"]["sections"]]
    assert titles == ["Families find support", "Priority 2", "Preparing for adulthood"]
    assert action(document, "2.1")["due_text"] == "Sep-24"


def test_it_knows_jumbled_headings_with_no_table_before_them_if_they_name_ref_and_action() -> None:
    rows = "1.1 To run a drop-in for parents at the family hubs. Ana Bell Jun-24"
    text = f"Lead Ref Timeframe Action Success measures {rows}"
    assert text[jumbled_header(text, []) or 0 :] == rows
    assert jumbled_header(f"Lead Timeframe Progress Group {rows}", []) is None


def test_it_takes_a_priority_title_opening_a_row_for_the_priority_and_not_the_action() -> None:
    rows = (
        "To run a monthly drop-in for parents at the family hubs. Owen Clarke 2.1 Monthly Held.\n"
        "To give every family a say in local services. To open a second sensory room in the "
        "north of the borough. Owen Clarke 2.2 Sep-24 Open."
    )
    found = read(rows)
    sections = found.document["plan"]["sections"]
    assert sections[1]["title"] == "To give every family a say in local services."
    assert action(found.document, "2.2")["title"] == (
        "To open a second sensory room in the north of the borough."
    )
    assert any("whose title was read" in message for message in guesses(found))
    assert not any("'Priority 2'" in message for message in guesses(found))


def test_it_keeps_two_sentences_starting_to_together_when_they_do_not_open_the_row() -> None:
    rows = (
        "To run a drop-in. Owen Clarke 2.1 Monthly Held. Rota agreed. To hold termly workshops. "
        "To include a session on short breaks. Owen Clarke 2.2 Sep-24 Open."
    )
    found = read(rows)
    assert action(found.document, "2.2")["title"] == (
        "To hold termly workshops. To include a session on short breaks."
    )
    assert found.document["plan"]["sections"][1]["title"] == "Priority 2"


def test_it_carries_an_action_text_on_over_a_sentence_that_ends_at_its_ref() -> None:
    rows = (
        "To run a drop-in. Owen Clarke 2.1 Monthly Held. To commission a sensory pathway. "
        "Speech, language and sleep support included. 2.2 Owen Clarke Sep-24 Open."
    )
    found = read(rows)
    assert action(found.document, "2.2")["title"] == (
        "To commission a sensory pathway. Speech, language and sleep support included."
    )
    assert any("run on to its ref" in message for message in guesses(found))


def test_it_ends_an_action_text_before_another_columns_words_that_close_a_bracket() -> None:
    rows = (
        "To run a drop-in. Owen Clarke 2.1 Monthly Held. To widen short breaks for disabled "
        "teenagers across the borough in the 2024 offer) Owen Clarke 2.2 Sep-24 Open."
    )
    found = read(rows)
    assert action(found.document, "2.2")["title"] == (
        "To widen short breaks for disabled teenagers across the borough"
    )
    assert any("'in the 2024 offer)'" in message for message in guesses(found))


def test_it_ends_an_action_text_where_another_column_breaks_into_its_sentence() -> None:
    rows = (
        "To run a drop-in. Owen Clarke 2.1 Monthly Held. To run a monthly drop-in for parents "
        "and carers at the family Rota agreed with hub managers. Owen Clarke 2.2 Sep-24 hubs. "
        "Open in the spring."
    )
    found = read(rows)
    # The text's last word shares the ref's line, after its short cells.
    assert action(found.document, "2.2")["title"] == (
        "To run a monthly drop-in for parents and carers at the family hubs."
    )
    assert "'Rota agreed with hub managers.'" in near(found, "2.2")
    assert any("took 'hubs.' after its ref" in message for message in guesses(found))


def test_it_does_not_break_an_action_text_at_a_name_mid_sentence() -> None:
    rows = (
        "To run a drop-in. Owen Clarke 2.1 Monthly Held. To agree a protocol with Telford "
        "College and the Local Offer team for families. Owen Clarke 2.2 Sep-24 Open."
    )
    assert action(read(rows).document, "2.2")["title"] == (
        "To agree a protocol with Telford College and the Local Offer team for families."
    )


def test_a_full_stop_standing_alone_between_an_action_and_its_lead_does_not_stop_the_read() -> None:
    # Text copied out of a PDF often keeps a space before a full stop ("plan ."). Before, a
    # row whose words run together with one ended the whole read with an error.
    text = (
        "Improvement plan\n\n"
        "1.1 Agree the short breaks plan . Jo Smith 31/03/2026\n"
        "1.2 Publish the local offer . Amy Lee 30/04/2026\n"
        "1.3 Train every SENCO . Raj Patel 31/05/2026\n"
    )
    result = parsed_file(text.encode(), "plan.txt")
    found = {a["ref"]: (a["lead_text"], a["due"]) for a in all_actions(result.document)}
    assert found == {
        "1.1": ("Jo Smith", "2026-03-31"),
        "1.2": ("Amy Lee", "2026-04-30"),
        "1.3": ("Raj Patel", "2026-05-31"),
    }
