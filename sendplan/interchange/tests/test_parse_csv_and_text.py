"""CSV exports in the encodings and delimiters councils produce, and text pasted from Word."""

from __future__ import annotations

from sendplan.interchange.parsers import parse_file_inprocess, parse_text, rules
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    report_codes,
    report_messages,
)

CSV_ROWS = [
    ["Reference", "Actions", "Lead officer", "Timescale", "Resources", "RAG Jan 2022"],
    ["4", "Focus Area 4 – Preparing for adulthood", "", "", "", ""],
    [
        "4A",
        "Map post-16 routes – with colleges",
        "Head of Skills (KL)",
        "Sep-22",
        "£2,500",
        "Amber",
    ],
    ["4B", "Offer supported internships", "Head of Skills (KL)", "31 March 2023", "", "G/A"],
]


def csv_bytes(delimiter: str, encoding: str) -> bytes:
    lines = [delimiter.join(f'"{cell}"' for cell in row) for row in CSV_ROWS]
    return "\r\n".join(lines).encode(encoding)


def test_it_reads_a_semicolon_csv_saved_by_excel_in_windows_1252() -> None:
    result = parse_file_inprocess(csv_bytes(";", "cp1252"), "plan.csv")
    assert_valid_plan(result.document)
    routes = action(result.document, "4A")
    assert routes["title"] == "Map post-16 routes – with colleges"
    assert (routes["cost"], routes["cost_text"]) == (2500, "£2,500")
    assert routes["updates"] == [{"period": "Jan 2022", "status": "A"}]


def test_it_reads_a_utf8_csv_with_a_byte_order_mark() -> None:
    result = parse_file_inprocess(b"\xef\xbb\xbf" + csv_bytes(",", "utf-8"), "plan.csv")
    plan = result.document["plan"]
    assert [a["ref"] for a in all_actions(result.document)] == ["4A", "4B"]
    assert plan["sections"][0]["ref"] == "4"
    assert action(result.document, "4B")["due"] == "2023-03-31"


def test_it_reads_an_excel_unicode_text_export() -> None:
    data = "\n".join("\t".join(row) for row in CSV_ROWS).encode("utf-16")
    result = parse_file_inprocess(data, "plan.txt")
    assert [a["ref"] for a in all_actions(result.document)] == ["4A", "4B"]


def test_it_turns_a_row_with_only_a_ref_and_words_into_a_section() -> None:
    result = parse_file_inprocess(csv_bytes(",", "utf-8"), "plan.csv")
    section = result.document["plan"]["sections"][0]
    assert (section["level"], section["ref"]) == ("Focus Area", "4")
    assert section["title"] == "Preparing for adulthood"
    assert [a["ref"] for a in section["actions"]] == ["4A", "4B"]


def test_it_reports_a_ref_it_had_to_tidy() -> None:
    text = "Ref\tAction\tLead\n2 A\tAgree the charter\tJB\n"
    result = parse_text(text, title="Pasted plan")
    assert result.document["plan"]["title"] == "Pasted plan"
    assert [a["ref"] for a in all_actions(result.document)] == ["2A"]
    # The report names the ref as written and as read, for a person to check.
    assert any("'2 A' as '2A'" in m for m in report_messages(result, rules.REF_TIDIED))


PASTED = """Westvale Written Statement of Action

Priority 1: Communication with families

Key: Blue: Completed Green: On track Amber: Some concerns Red: Off track

Ref\tAction\tLead\tDate for delivery\tMar 18\tJun 18\tProgress
1.1\tPublish a family newsletter\tComms Lead (CH)\tMay 2018\tGreen\tB\tFeb 2018: First issue.
\tthat reaches every school\t\t\t\t\t
1.2\tAnswer calls within 2 days\tComms Lead (CH)\tTermly\t\tR\t
"""


def test_it_reads_text_pasted_from_word() -> None:
    result = parse_text(PASTED)
    assert_valid_plan(result.document)
    plan = result.document["plan"]
    assert plan["kind"] == "wsoa"
    assert plan["area"] == "Westvale"
    assert (plan["sections"][0]["level"], plan["sections"][0]["title"]) == (
        "Priority",
        "Communication with families",
    )
    newsletter = action(result.document, "1.1")
    assert newsletter["title"] == "Publish a family newsletter that reaches every school"
    assert {u["period"]: u.get("status") for u in newsletter["updates"]} == {
        "Mar 18": "G",
        "Jun 18": "B",
        "Feb 2018": None,
    }
    assert action(result.document, "1.2")["due_text"] == "Termly"


def test_it_reads_a_date_word_in_look_alike_letters_as_the_word_and_says_so() -> None:
    text = "Ref\tAction\tMeasure of success\tTimeframe\n1.1\tTrain SENCos\tAll trained\tтвс\n"
    result = parse_text(text)
    trained = action(result.document, "1.1")
    assert trained["due_text"] == "TBC"
    assert trained["measures"] == [{"text": "All trained", "due_text": "TBC"}]
    assert any("'твс' as 'TBC'" in m for m in report_messages(result, rules.LOOKALIKE_LETTERS))


def test_it_gives_people_without_initials_keys_made_from_their_names() -> None:
    text = "Ref\tAction\tLead\n1\tAgree the charter\tNatalie Bevan / LSAT Lead\n"
    result = parse_text(text)
    people = result.document["plan"]["people"]
    assert people == [
        {"key": "natalie-bevan", "name": "Natalie Bevan"},
        {"key": "lsat-lead", "role": "LSAT Lead"},
    ]


def test_it_puts_actions_found_before_any_section_in_one_section_and_says_so() -> None:
    result = parse_text("Action\tLead\nAgree the charter\tJB\nTrain SENCos\tPW\n")
    sections = result.document["plan"]["sections"]
    assert [s["title"] for s in sections] == ["Actions"]
    assert [a["title"] for a in sections[0]["actions"]] == ["Agree the charter", "Train SENCos"]
    assert all("ref" not in a for a in sections[0]["actions"])
    assert rules.FALLBACK_SECTION.code in report_codes(result)


UPDATES_APART = """Ref\tAction\tLead\tPosition Statement January 2022
1.1\tRun parent workshops\tNatalie Bevan\tTwo workshops held.
1.2\tPublish the Local Offer video\tNatalie Bevan\tScript agreed.

\tPosition Statement June 2022
\tFour workshops held.
\tVideo published.
"""


def test_it_matches_a_separate_table_of_updates_to_actions_by_order_and_asks_for_a_check() -> None:
    result = parse_text(UPDATES_APART)
    assert_valid_plan(result.document)
    narratives = {u["period"]: u["narrative"] for u in action(result.document, "1.2")["updates"]}
    assert narratives == {"January 2022": "Script agreed.", "June 2022": "Video published."}
    assert rules.UPDATES_BY_ORDER.code in report_codes(result)


def test_it_reports_separate_updates_it_cannot_match_with_certainty() -> None:
    result = parse_text(
        UPDATES_APART.replace("\tVideo published.\n", "\tVideo published.\n\tOne more.\n")
    )
    assert all(
        "June 2022" not in [u["period"] for u in a.get("updates", [])]
        for a in all_actions(result.document)
    )
    assert len(report_messages(result, rules.UPDATE_UNPLACED)) == 3


WEAKNESS_TABLE = """Area of weakness\tFindings
1. Leaders' slow progress with the reforms\tLeaders have only just started to work together (P2 MF1)
\tThe local offer is hard to find (P4 MF7)
2. Waiting times for speech and language therapy\tSome families wait over a year (P5 AFD)
"""


def test_it_reads_a_table_of_weaknesses_with_their_findings_and_sources() -> None:
    weaknesses = parse_text(WEAKNESS_TABLE, title="Findings").document["plan"]["weaknesses"]
    assert [w["ref"] for w in weaknesses] == ["1", "2"]
    assert weaknesses[0]["text"] == "Leaders' slow progress with the reforms"
    assert weaknesses[0]["findings"] == [
        {"text": "Leaders have only just started to work together", "source": "P2 MF1"},
        {"text": "The local offer is hard to find", "source": "P4 MF7"},
    ]
    assert weaknesses[1]["findings"] == [
        {"text": "Some families wait over a year", "source": "P5 AFD"}
    ]


RUN_TOGETHER = """Eastmoor SEND Improvement Plan

Priority 3: Inclusion

Ref\tAction\tMeasure of success\tLead\tDate for delivery
3.1\tRun a SENCo forum\tForum dates set for the year. 90% of schools attend. \
Notes shared e.g. on the Local Offer.\tSENCo Lead (AB)\tFrom May 2019
3.2\tPublish the inclusion offer\tOffer agreed by:\t\tJune 2019
\t\t• headteachers;\t\t
\t\t• the parent carer forum\t\t
3.3\tAgree the 2 nd phase by the 21 st of June\tPhase agreed\tAB\tJune 2019
"""


def test_it_splits_measures_run_together_into_sentences_and_keeps_a_list_whole() -> None:
    document = parse_text(RUN_TOGETHER).document
    forum = action(document, "3.1")
    assert [m["text"] for m in forum["measures"]] == [
        "Forum dates set for the year.",
        "90% of schools attend.",
        "Notes shared e.g. on the Local Offer.",
    ]
    offer = action(document, "3.2")
    assert [m["text"] for m in offer["measures"]] == [
        "Offer agreed by:\n• headteachers;\n• the parent carer forum"
    ]


def test_it_keeps_a_start_written_for_delivery_as_the_due_words_too() -> None:
    forum = action(parse_text(RUN_TOGETHER).document, "3.1")
    assert (forum["starts"], forum["starts_text"]) == ("2019-05", "From May 2019")
    assert forum["due_text"] == "From May 2019"
    assert "due" not in forum


def test_it_closes_up_ordinals_that_text_extraction_set_apart() -> None:
    assert action(parse_text(RUN_TOGETHER).document, "3.3")["title"] == (
        "Agree the 2nd phase by the 21st of June"
    )


PRIORITY_LIST = """Northbay Written Statement of Action

Theme 4: Health waits

Strategic priority\t4.1 Cut waits for therapy (OT and SALT) to 18 weeks. 4.2 Publish waits.

Ref\tAction\tLead\tDate for delivery
4.1\tCut waits for occupational therapy and speech therapy to 18 weeks
4.1.1\tAdd clinic slots\tHead of Therapies (RD)\tMay 2020
"""


def test_it_titles_a_priority_with_the_words_above_its_actions_and_says_so() -> None:
    result = parse_text(PRIORITY_LIST)
    theme = result.document["plan"]["sections"][0]
    titles = {s["ref"]: s["title"] for s in theme["sections"]}
    assert titles == {
        "4.1": "Cut waits for occupational therapy and speech therapy to 18 weeks",
        "4.2": "Publish waits.",
    }
    assert rules.PRIORITY_WORDING.code in report_codes(result)


INDICATORS = """Southmere Written Statement of Action

Performance framework

Theme 1: Therapy waits
Children seen within 18 weeks • Speech therapy • Occupational therapy • Physiotherapy
Children in specialist places a) Day b) Residential
Families who say the Local Offer helped them
"""


def test_it_reads_an_indicators_breakdown_as_its_definition() -> None:
    indicators = parse_text(INDICATORS).document["plan"]["indicators"]
    assert [(i["name"], i.get("definition")) for i in indicators] == [
        (
            "Children seen within 18 weeks",
            "Speech therapy\nOccupational therapy\nPhysiotherapy",
        ),
        ("Children in specialist places", "a) Day\nb) Residential"),
        ("Families who say the Local Offer helped them", None),
    ]
