"""The two published plans in the shared samples folder, read as pasted text."""

from __future__ import annotations

from functools import cache
from typing import Any

from sendplan.interchange.parsers import ParseResult, parse_text, rules
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    report_codes,
    report_messages,
    sample_text,
)

SOUTH_GLOS = "south-gloucestershire-wsoa-2018.txt"
TELFORD = "telford-wrekin-send-action-plan-2022.txt"


@cache
def parsed(name: str) -> ParseResult:
    return parse_text(sample_text(name))


def south_glos() -> dict[str, Any]:
    return parsed(SOUTH_GLOS).document


def telford() -> dict[str, Any]:
    return parsed(TELFORD).document


def person(document: dict[str, Any], key: str) -> dict[str, Any]:
    return next(p for p in document["plan"]["people"] if p["key"] == key)


def test_it_reads_both_samples_into_valid_plan_documents() -> None:
    assert_valid_plan(south_glos())
    assert_valid_plan(telford())


def test_it_finds_the_south_glos_title_kind_area_and_date() -> None:
    plan = south_glos()["plan"]
    assert plan["title"].startswith("South Gloucestershire Local Area Written Statement of Action")
    assert plan["kind"] == "wsoa"
    assert plan["area"] == "South Gloucestershire"
    assert plan["issued_on"] == "2018-04"


def test_it_lists_the_eight_areas_of_significant_weakness_in_order() -> None:
    weaknesses = south_glos()["plan"]["weaknesses"]
    assert [w["ref"] for w in weaknesses] == [str(n) for n in range(1, 9)]
    assert weaknesses[0]["text"].startswith("Slow implementation of the SEN and disabilities")
    assert weaknesses[7]["text"].startswith("Little or no formal training to health services")


def test_it_reads_the_vision_and_the_six_principles() -> None:
    plan = south_glos()["plan"]
    assert plan["vision"] == (
        "Enabling children with SEND to achieve their potential in a safe, caring and "
        "supportive community."
    )
    assert len(plan["principles"]) == 6
    assert plan["principles"][0].startswith("Communication. Communication runs through")
    assert "SEND Partnership Board" in plan["governance"]


def test_it_builds_eight_themes_with_their_titles_owners_and_weaknesses() -> None:
    plan = south_glos()["plan"]
    themes = plan["sections"]
    assert [t["ref"] for t in themes] == [str(n) for n in range(1, 9)]
    assert all(t["level"] == "Theme" for t in themes)
    assert themes[0]["title"] == "Implementation of the SEND Strategy and Local Offer"
    assert themes[1]["title"] == "Joint commissioning"
    assert themes[0]["owners"] == ["HH"]
    assert [t["weaknesses"] for t in themes] == [[str(n)] for n in range(1, 9)]
    assert plan["levels"] == ["Theme", "Strategic priority"]


def test_it_nests_strategic_priorities_under_their_themes() -> None:
    theme_two = south_glos()["plan"]["sections"][1]
    priorities = theme_two["sections"]
    assert [p["ref"] for p in priorities] == ["2.1", "2.2", "2.3"]
    assert all(p["level"] == "Strategic priority" for p in priorities)
    assert [a["ref"] for a in priorities[0]["actions"]] == [f"2.1.{n}" for n in range(1, 6)]


def test_it_reads_action_1_1_1_as_the_plan_writes_it() -> None:
    first = action(south_glos(), "1.1.1")
    assert first["title"].startswith("Confirm the Terms of Reference")
    assert first["leads"] == ["HH"]
    assert first["lead_text"] == "Head of ELS (HH)"
    assert (first["due"], first["due_text"]) == ("2018-05", "May 2018")
    assert first["measures"][0]["text"].startswith("Terms of Reference approved")
    assert first["measures"][0]["due"] == "2018-05"


def test_it_adds_continuation_rows_as_further_measures_with_their_own_dates() -> None:
    strategy = action(south_glos(), "2.1.1")
    assert [(m["due"], m["due_text"]) for m in strategy["measures"]] == [
        ("2018-05-31", "31 May 2018"),
        ("2018-09-15", "15 Sept 2018"),
    ]


def test_it_joins_text_cut_by_a_page_break_back_onto_the_action() -> None:
    local_offer = action(south_glos(), "1.5.4")
    assert local_offer["title"].endswith(
        "relevant and comprehensive across the age range from 0-25 years."
    )
    data_set = action(south_glos(), "2.3.1")
    assert data_set["title"].endswith("public health data, etc.")
    assert set(data_set["leads"]) >= {"DC", "LG", "JO", "SH"}


def test_it_keeps_date_words_it_cannot_read_and_reports_them() -> None:
    result = parsed(SOUTH_GLOS)
    briefing = action(result.document, "6.1.3")
    assert briefing["due_text"] == "3 times a year"
    assert "due" not in briefing
    assert any("'Termly'" in m for m in report_messages(result, rules.DATE_UNREADABLE))


def test_it_reads_starts_and_dates_with_notes() -> None:
    document = south_glos()
    assert action(document, "1.5.5")["starts"] == "2018-09"
    assert action(document, "1.5.5")["starts_text"] == "From Sept 2018"
    assert action(document, "2.1.2")["due"] == "2018-03-31"
    assert action(document, "7.1.2")["due"] == "2018-12"


def test_it_takes_the_status_key_and_the_monitoring_periods() -> None:
    plan = south_glos()["plan"]
    scale = {status["code"]: status for status in plan["status_scale"]}
    assert list(scale) == ["B", "G", "A", "R", "W"]
    assert scale["B"]["done"] is True
    assert scale["W"]["not_started"] is True
    assert scale["G"]["label"] == "On track, no concerns"
    assert plan["periods"][0] == {"label": "Mar 18", "ends_on": "2018-03-31"}
    assert [p["label"] for p in plan["periods"]] == ["Mar 18", "Jun 18", "Sep 18", "Dec 18"]


def test_it_lists_each_lead_officer_once_with_initials_as_keys() -> None:
    document = south_glos()
    plan = document["plan"]
    assert person(document, "HH") == {
        "key": "HH",
        "name": "Helean Hughes",
        "role": "Head of Education, Learning and Skills",
    }
    names = [p.get("name") for p in plan["people"] if p.get("name")]
    assert len(names) == len(set(names))
    assert "Carolyn Maggs" in names
    assert action(document, "2.1.3")["leads"] == [person_key(document, "Jon Shaw")]


def person_key(document: dict[str, Any], name: str) -> str:
    return next(p["key"] for p in document["plan"]["people"] if p.get("name") == name)


def test_it_tells_apart_people_who_share_initials_by_their_roles() -> None:
    document = south_glos()
    comms = action(document, "1.6.1")["leads"]
    autism = action(document, "4.3.1")["leads"]
    assert comms == [person_key(document, "Catherine Harrington")]
    assert autism == [person_key(document, "Chrissie Hardman")]


def test_it_reports_leads_missing_from_the_lead_officer_list() -> None:
    unmatched = report_messages(parsed(SOUTH_GLOS), rules.LEAD_UNMATCHED)
    assert any("'LSSB'" in m for m in unmatched)
    assert any("'Senior EP (JB)'" in m for m in unmatched)


def test_it_reads_the_glossary_two_pairs_to_a_row() -> None:
    glossary = {g["term"]: g["meaning"] for g in south_glos()["plan"]["glossary"]}
    assert glossary["CAMHS"] == "Child and Adolescent Mental Health Service"
    assert glossary["NEET"] == "Not in Education, Employment or Training"
    assert glossary["LO"] == "Local Offer"
    assert len(glossary) == 29


def test_it_puts_costs_from_the_financial_table_on_their_actions() -> None:
    document = south_glos()
    assert action(document, "6.2.5")["cost"] == 8000
    assert "£400 x 20 £8,000" in action(document, "6.2.5")["cost_text"]
    assert action(document, "5.1.1")["cost"] == 13000 + 3300 + 20000
    assert action(document, "5.2.4")["cost"] == 4000


def test_it_keeps_cross_references() -> None:
    assert action(south_glos(), "6.2.4")["see_also"] == ["6.1.4"]


def test_it_reads_key_milestones_and_what_families_will_notice() -> None:
    theme_one = south_glos()["plan"]["sections"][0]
    milestones = theme_one["milestones"]
    assert milestones[0] == {
        "text": "Contract for new provider for IAG platform approved",
        "due": "2018-03",
        "due_text": "March 18",
        "for_families": False,
    }
    families = [m for m in milestones if m["for_families"]]
    assert families and families[0]["due_text"] == "June 18"
    texts = [m["text"] for m in milestones]
    assert len(texts) == len(set(texts)), "repeated milestones must be read once"


def test_it_reads_meetings_with_their_attendees() -> None:
    meetings = south_glos()["plan"]["meetings"]
    assert meetings[0]["on"] == "2018-01-16"
    assert meetings[0]["title"] == "Workshop 1"
    assert "Transitions Lead" in meetings[0]["attendees"]
    assert len(meetings[0]["attendees"]) == len(set(meetings[0]["attendees"]))
    assert meetings[1]["on"] == "2018-01-17"


def test_it_reads_the_performance_framework_as_indicators_by_theme() -> None:
    indicators = south_glos()["plan"]["indicators"]
    waits = next(i for i in indicators if i["name"] == "Waiting times for ASD diagnosis")
    assert waits["section"] == "4"
    assert any(i["name"] == "Total school population" and "section" not in i for i in indicators)


def test_it_reads_every_south_glos_action_once() -> None:
    refs = [a["ref"] for a in all_actions(south_glos())]
    assert len(refs) == len(set(refs))
    assert len(refs) == 98
    assert refs[:3] == ["1.1.1", "1.1.2", "1.2.1"]
    assert refs[-1] == "8.2.1"


def test_it_reads_the_telford_priority_and_its_references() -> None:
    plan = telford()["plan"]
    assert plan["title"] == "SEND Action Plan June 2022"
    assert plan["issued_on"] == "2022-06"
    assert plan["levels"] == ["Priority"]
    priority = plan["sections"][0]
    assert priority["title"].startswith("To ensure that every child and young person with SEND")
    assert priority["title"].endswith("high quality provision.")
    refs = [a["ref"] for a in priority["actions"]]
    assert refs == ["1", "1.1", "1.2", "1.3", "1.4", "1.6", "1.7", "1.8", "1.9"]


def test_it_reads_telford_groups_members_leads_and_measures() -> None:
    document = telford()
    courses = action(document, "1.1")
    assert courses["group"] == "High Need review and implementation"
    assert courses["members"] == "SEND team leads"
    assert courses["leads"] == ["natalie-bevan", "claire-mcguiggan", "marianne-everett"]
    assert courses["lead_text"] == "Natalie Bevan / Claire Mcguiggan / Marianne Everett"
    assert (courses["due"], courses["due_text"]) == ("2022-10", "Oct-22")
    assert [m["text"][:2] for m in courses["measures"]] == ["1a", "1i"]
    assert action(document, "1.9")["leads"] == ["laura-goodfellow", "sc-sdm", "claire-mcguiggan"]


def test_it_keeps_telford_position_statements_as_dated_narratives() -> None:
    document = telford()
    periods = {p["label"]: p.get("ends_on") for p in document["plan"]["periods"]}
    assert periods["January 2022"] == "2022-01-31"
    update = action(document, "1.1")["updates"][0]
    assert update == {
        "period": "January 2022",
        "narrative": "A SEND Conference for October 2022 is being arranged.",
    }
    assert "updates" not in action(document, "1.4")


def test_it_reads_the_actions_of_the_scrambled_half_of_the_telford_plan() -> None:
    document = telford()
    refs = [a.get("ref") for a in all_actions(document)]
    assert refs[9:] == [f"2.{n}" for n in range(1, 11)] + ["3.1", "3.2", "3.3"] + [
        f"4.{n}" for n in range(1, 9)
    ]
    mediation = action(document, "2.6")
    assert mediation["title"].startswith("To review current mediation and appeal processes")
    assert mediation["leads"] == ["laura-goodfellow", "sc-sdm"]
    assert (mediation["due"], mediation["due_text"]) == ("2021-06", "Jun-21")
    assert action(document, "2.1")["leads"] == ["marianne-everett"]
    assert action(document, "4.5")["lead_text"] == "Vicki Pike/Sam Ives"


def test_it_reports_the_scrambled_half_of_the_telford_plan() -> None:
    result = parsed(TELFORD)
    codes = report_codes(result)
    assert rules.RUN_TOGETHER.code in codes
    # One rule writes every guess about the run-together table; each names its action.
    guessed = report_messages(result, rules.RUN_TOGETHER_GUESS)
    assert any(m.startswith("Action 2.1 ") for m in guessed)
    assert any(m.startswith("Action 4.5 ") for m in guessed)
    # One rule writes both words near an action and passages not read at all.
    unread = report_messages(result, rules.RUN_TOGETHER_UNREAD)
    assert any(m.startswith("Words near action 4.5") for m in unread)
    assert rules.UPDATE_UNPLACED.code in codes, (
        "position statements that cannot be placed must be reported"
    )
    assert rules.LOOKALIKE_LETTERS.code in codes
