"""Plans laid out in ways no rule was written for by their wording: columns known by what
they hold or by headings damaged in extraction, actions written as lines of text, lists of
actions on web pages, and the rules and choices that say how each was read.

Every plan here is invented, written to the shapes the issue names."""

from __future__ import annotations

import pytest

from sendplan.interchange.parsers import (
    Layout,
    ParseError,
    Source,
    columns,
    layout,
    parse_file_inprocess,
    parse_text,
    reread,
    rules,
    statuses,
)
from sendplan.interchange.parsers.blocks import Table
from sendplan.interchange.parsers.layout import TableChoice
from sendplan.interchange.parsers.roles import Col
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    report_codes,
    titles,
    walk_sections,
)

FIVE_LINES = """Priority 1: Improve EHC plan timeliness
1.1 Audit all overdue EHC needs assessments. Lead: Jo Smith, Head of SEND. By March 2025. Status: Amber
1.2 Recruit two more EHC coordinators. Lead: Sam Patel, SEND Service Manager. By June 2025. Status: Green
Priority 2: Strengthen co-production with families
2.1 Co-produce the Local Offer pages with the parent carer forum. Lead: Ali Khan, Participation Lead. By September 2025. Status: Red
"""  # noqa: E501


def test_it_reads_a_newcomers_five_line_plan_whole() -> None:
    result = parse_text(FIVE_LINES)
    document = result.document
    assert_valid_plan(document)
    plan = document["plan"]
    assert [(s["ref"], s["title"]) for s in plan["sections"]] == [
        ("1", "Improve EHC plan timeliness"),
        ("2", "Strengthen co-production with families"),
    ]
    assert plan["title"] != "Priority 1: Improve EHC plan timeliness"
    first = action(document, "1.1")
    assert first["title"] == "Audit all overdue EHC needs assessments."
    assert first["lead_text"] == "Jo Smith, Head of SEND"
    assert (first["due"], first["due_text"]) == ("2025-03", "March 2025")
    assert [u["status"] for u in first["updates"]] == ["A"]
    assert [u["status"] for u in action(document, "2.1")["updates"]] == ["R"]
    people = {person["name"]: person["role"] for person in plan["people"]}
    assert people["Sam Patel"] == "SEND Service Manager"
    assert len(all_actions(document)) == 3


def test_it_knows_headings_misspelt_split_or_joined_in_a_pdf() -> None:
    text = (
        "Ashcombe SEND Priority Action Plan\n"
        "Ref\tActi on\tRespons ible Offcer\tTarg et Date\tRAG Stat us\n"
        "1.1\tPublish the graduated approach toolkit\tPriya Shah\tApril 2025\tGreen\n"
        "1.2\tTrain every SENCo in the new toolkit\tTom Reid\tJuly 2025\tAmber\n"
    )
    result = parse_text(text)
    found = action(result.document, "1.2")
    assert found["lead_text"] == "Tom Reid"
    assert found["due"] == "2025-07"
    assert [u["status"] for u in found["updates"]] == ["A"]
    [table] = result.tables
    by_heading = {column.heading: column for column in table.columns}
    assert by_heading["Respons ible Offcer"].role == "lead"
    assert by_heading["Respons ible Offcer"].rule == rules.HEADING_FUZZY.code
    assert by_heading["Respons ible Offcer"].confidence < 1


def test_it_reads_headings_that_name_the_part_among_other_words() -> None:
    text = (
        "Ashcombe SEND Improvement Plan\n"
        "Ref\tKey Deliverables (Activity)\tDelivery Owner\tBy\n"
        "2.1\tAgree the inclusion charter with schools\tDeborah Hale\tMay 2025\n"
        "2.2\tOpen two more resource bases\tMarcus Wright\tSeptember 2025\n"
        "2.3\tReview the banding of top-up funding\tDeborah Hale\tJanuary 2026\n"
    )
    result = parse_text(text)
    found = action(result.document, "2.2")
    assert (found["title"], found["lead_text"]) == ("Open two more resource bases", "Marcus Wright")
    roles = {column.heading: (column.role, column.rule) for column in result.tables[0].columns}
    assert roles["Key Deliverables (Activity)"] == ("title", rules.HEADING_WORD.code)
    assert roles["Delivery Owner"] == ("lead", rules.HEADING_WORD.code)


def test_it_gives_a_column_with_an_unknown_heading_its_part_from_its_cells() -> None:
    text = (
        "Ashcombe SEND Improvement Plan\n"
        "Ref\tAction\tPoint of contact\tLandmark\n"
        "3.1\tDevelop a transitions protocol with adult services\tHelen Moss\tJune 2025\n"
        "3.2\tPublish the preparing for adulthood guide\tOwen Price\tOctober 2025\n"
        "3.3\tCreate supported internships with local employers\tHelen Moss\tMarch 2026\n"
    )
    result = parse_text(text)
    found = action(result.document, "3.3")
    assert (found["lead_text"], found["due"]) == ("Helen Moss", "2026-03")
    columns = {column.heading: column for column in result.tables[0].columns}
    assert columns["Point of contact"].role == "lead"
    assert columns["Landmark"].role == "due"
    assert columns["Landmark"].rule == rules.CELL_CONTENT.code


def test_it_reads_a_table_of_actions_with_no_heading_row_by_its_cells() -> None:
    text = (
        "Ashcombe APP tracker\n"
        "4.1\tEstablish a multi-agency panel for exclusions\tRuth Bell\tMay 2025\tGreen\n"
        "4.2\tReduce suspensions of pupils with an EHC plan\tRuth Bell\tJuly 2025\tAmber\n"
        "4.3\tImplement the inclusion quality mark\tIan Ford\tSeptember 2025\tRed\n"
    )
    result = parse_text(text)
    assert [found["ref"] for found in all_actions(result.document)] == ["4.1", "4.2", "4.3"]
    assert action(result.document, "4.3")["lead_text"] == "Ian Ford"
    [table] = result.tables
    assert table.header_row is None
    assert {column.rule for column in table.columns if column.role} == {rules.HEADERLESS_TABLE.code}


def test_it_reads_periods_under_a_merged_progress_heading_that_holds_the_key() -> None:
    text = (
        "Ashcombe SEND Improvement Plan\n"
        "Ref\tAction\tLead\tProgress\n"
        "\t\t\tQ1 2025/26\tQ2 2025/26\n"
        "5.1\tRefresh the joint commissioning strategy\tAnna Cole\tGreen\tAmber\n"
        "5.2\tCommission a sensory support service\tAnna Cole\tRed\tGreen\n"
    )
    keyed = text.replace("Progress\n", "Progress\n", 1)
    result = parse_text(keyed)
    assert [p["label"] for p in result.document["plan"]["periods"]] == [
        "Q1 2025/26",
        "Q2 2025/26",
    ]
    assert [u["status"] for u in action(result.document, "5.2")["updates"]] == ["R", "G"]


def test_it_reads_the_key_written_inside_a_heading_cell() -> None:
    text = (
        "Ashcombe SEND Improvement Plan\n"
        'Ref\tAction\tLead\t"Status\nKey: C = complete, OT = on track, AR = at risk"\n'
        "6.1\tAgree the SEND data dashboard\tLee Grant\tOT\n"
        "6.2\tPublish the dashboard monthly\tLee Grant\tAR\n"
    )
    result = parse_text(text)
    scale = {s["code"]: s["label"] for s in result.document["plan"]["status_scale"]}
    assert scale == {"C": "complete", "OT": "on track", "AR": "at risk"}
    assert [u["status"] for u in action(result.document, "6.2")["updates"]] == ["AR"]


def test_it_reads_actions_written_as_numbered_lines_of_a_paragraph() -> None:
    text = (
        "Ashcombe SEND Strategy Action Plan\n\n"
        "Theme 5: Preparing for adulthood\n"
        "5.1.1 map the post-16 offer for young people with an EHC plan\n"
        "5.1.2 develop a supported internship programme with the college\n"
        "5.1.3 review transport arrangements for post-19 learners\n"
    )
    document = parse_text(text).document
    assert [found["ref"] for found in all_actions(document)] == ["5.1.1", "5.1.2", "5.1.3"]
    assert action(document, "5.1.1")["title"] == (
        "map the post-16 offer for young people with an EHC plan"
    )


def test_it_does_not_take_the_numbered_paragraphs_of_a_report_for_actions() -> None:
    text = (
        "Report to the Children's Scrutiny Committee\n\n"
        "1.1 The purpose of this report is to update members on the inspection.\n"
        "1.2 The committee is asked to note the findings and the next steps.\n"
        "2.1 This report has been shared with the parent carer forum.\n"
    )
    result = parse_text(text)
    assert all_actions(result.document) == []
    assert rules.NO_ACTIONS.code in report_codes(result)


def test_it_reads_an_action_and_its_bulleted_labelled_lines() -> None:
    text = (
        "Ashcombe Accelerated Progress Plan\n\n"
        "Action 3: Improve the timeliness of annual reviews\n"
        "• Deadline: Sept 26\n"
        "• Action owner: Nadia Rahman, Head of SEND Casework\n"
        "• Measure of success: 90% of annual reviews completed within 12 months\n\n"
        "Action 4: Publish the annual review guidance for schools\n"
        "• Deadline: March 2026\n"
        "• Action owner: Nadia Rahman, Head of SEND Casework\n"
    )
    document = parse_text(text).document
    found = action(document, "3")
    assert found["title"] == "Improve the timeliness of annual reviews"
    assert (found["due"], found["due_text"]) == ("2026-09", "Sept 26")
    assert found["lead_text"] == "Nadia Rahman, Head of SEND Casework"
    assert [m["text"] for m in found["measures"]] == [
        "90% of annual reviews completed within 12 months"
    ]
    assert action(document, "4")["due"] == "2026-03"


def test_it_reads_a_web_page_list_of_what_an_area_will_do() -> None:
    text = (
        "Our SEND improvement plan\n\n"
        "Area of weakness 1: Waiting times for therapies\n\n"
        "What we are doing\n\n"
        "  • Recruiting four more speech and language therapists\n"
        "  • Offering drop-in advice sessions in every family hub, including:\n"
        "      • sessions on Saturdays\n"
        "      • sessions in Polish and Urdu\n"
        "  • Publishing waiting times on the Local Offer every month\n"
    )
    document = parse_text(text).document
    [section] = document["plan"]["sections"]
    assert section["title"] == "Waiting times for therapies"
    assert titles(document) == [
        "Recruiting four more speech and language therapists",
        "Offering drop-in advice sessions in every family hub, including: sessions on "
        "Saturdays sessions in Polish and Urdu",
        "Publishing waiting times on the Local Offer every month",
    ]


def test_it_puts_a_lists_items_under_the_short_line_above_them() -> None:
    text = (
        "Priority 2: Inclusion in mainstream schools\n\n"
        "To deliver this priority we will:\n\n"
        "Early identification\n"
        "• Train early years practitioners to spot emerging needs\n"
        "• Extend the portage service to two more towns\n"
        "Support in school\n"
        "• Fund outreach from special schools to mainstream classes\n"
    )
    document = parse_text(text).document
    [priority] = document["plan"]["sections"]
    inner = {s["title"]: [a["title"] for a in s.get("actions", [])] for s in priority["sections"]}
    assert inner == {
        "Early identification": [
            "Train early years practitioners to spot emerging needs",
            "Extend the portage service to two more towns",
        ],
        "Support in school": ["Fund outreach from special schools to mainstream classes"],
    }


def test_it_keeps_ratings_written_in_words_with_no_key_as_the_plans_own() -> None:
    text = (
        "Ashcombe SEND Commissioning Plan\n"
        "Ref\tAction\tLead\tStatus\n"
        "1\tRefresh the SEND needs assessment\tLA\tWork in progress\n"
        "2\tRecommission the short breaks offer\tLA\tCompleted\n"
    )
    result = parse_text(text)
    scale = result.document["plan"]["status_scale"]
    assert [(s["code"], s.get("colour"), s.get("done", False)) for s in scale] == [
        ("Completed", "blue", True),
        ("Work in progress", "green", False),
    ]
    assert [u["status"] for u in action(result.document, "1")["updates"]] == ["Work in progress"]
    assert rules.WORD_SCALE.code in report_codes(result)


def test_it_reads_two_organisations_as_two_leads_and_helpers_as_no_lead() -> None:
    text = (
        "Ashcombe SEND Commissioning Plan\n"
        "Ref\tAction\tLead\n"
        "1\tRefresh the SEND needs assessment\tLA and ICB\n"
        "2\tExtend the family hubs\tLA with support from health\n"
    )
    document = parse_text(text).document
    keys = {person["key"]: person["role"] for person in document["plan"]["people"]}
    assert sorted(keys.values()) == ["ICB", "LA"]
    assert len(action(document, "1")["leads"]) == 2
    assert [keys[k] for k in action(document, "2")["leads"]] == ["LA"]


def test_it_reads_a_table_pasted_with_slashes_between_its_cells() -> None:
    text = (
        "Ashcombe Inclusion Action Plan\n\n"
        "Action / By when / Responsible officer / Outcome\n"
        "Review the inclusion charter / By end of May 2025 / JK / Charter signed by schools\n"
        "Report progress to cabinet / By end of July 2025 / JK/LM / Cabinet informed\n"
    )
    document = parse_text(text).document
    assert titles(document) == ["Review the inclusion charter", "Report progress to cabinet"]
    assert all_actions(document)[1]["due"] == "2025-07"


def test_it_reads_a_ref_written_with_a_word_or_a_space_and_says_so() -> None:
    text = (
        "Ashcombe SEND Improvement Plan\n"
        "Ref\tAction\tLead\tDue\n"
        "4 B\tAgree the banding framework\tKate Lyons\tJune 2025\n"
        "Ref 4.3\tConsult schools on the banding framework\tKate Lyons\tJuly 2025\n"
    )
    result = parse_text(text)
    assert [found["ref"] for found in all_actions(result.document)] == ["4B", "4.3"]
    assert rules.REF_TIDIED.code in report_codes(result)


def test_a_row_of_a_number_and_a_title_opens_a_section_over_the_table_below() -> None:
    text = (
        "Ashcombe SEND Improvement Plan\n"
        "3\tPreparing for adulthood\n"
        "Ref\tAction\tLead\n"
        "3.1\tPublish the post-16 transitions guide\tOwen Price\n"
    )
    document = parse_text(text).document
    [section] = document["plan"]["sections"]
    assert (section["ref"], section["title"]) == ("3", "Preparing for adulthood")
    assert [found["ref"] for found in section["actions"]] == ["3.1"]


UNKNOWN_HEADINGS = (
    "Ashcombe SEND tracker\n"
    "Number\tThings we will get done\tPerson\tWhen it will happen\n"
    "1\tHold termly surgeries for parents\tPaula Gray\tAutumn 2025\n"
    "2\tSurvey families about the Local Offer\tPaula Gray\tSpring 2026\n"
)


def test_a_persons_choices_for_a_table_are_applied_when_it_is_read_again() -> None:
    first = parse_text(UNKNOWN_HEADINGS)
    [table] = first.tables
    choices = Layout(
        tables={table.signature: TableChoice(roles={0: "ref", 1: "title", 2: "lead", 3: "due"})}
    )
    assert first.source is not None
    again = reread(Source.from_data(first.source.to_data()), choices, timeout=60)
    found = action(again.document, "2")
    assert (found["title"], found["lead_text"]) == (
        "Survey families about the Local Offer",
        "Paula Gray",
    )
    assert all(column.rule == rules.LAYOUT_CHOICE.code for column in again.tables[0].columns)
    assert again.tables[0].from_layout


def test_the_same_choices_read_next_quarters_file_of_the_same_layout() -> None:
    first = parse_text(UNKNOWN_HEADINGS)
    choices = Layout(
        tables={
            first.tables[0].signature: TableChoice(
                roles={0: "ref", 1: "title", 2: "lead", 3: "due", 4: "status"}
            )
        }
    )
    next_quarter = (
        UNKNOWN_HEADINGS.replace("Person\tWhen it will happen", "Person\tWhen it will happen")
        + "3\tOpen a second sensory room\tLuke Dunn\tSummer 2026\n"
    )
    result = parse_text(next_quarter, choices=choices)
    assert [found["ref"] for found in all_actions(result.document)] == ["1", "2", "3"]


def test_choices_can_say_a_table_has_no_heading_row_and_leave_a_column_out() -> None:
    text = (
        "Ashcombe actions\n"
        "Hold termly surgeries for parents\tPaula Gray\tinternal note\n"
        "Survey families about the Local Offer\tPaula Gray\tinternal note\n"
    )
    choices = Layout(
        tables={
            layout.headless_signature(3): TableChoice(
                roles={0: "title", 1: "lead", 2: "ignore"}, header_row=None
            )
        }
    )
    document = parse_text(text, choices=choices).document
    assert titles(document) == [
        "Hold termly surgeries for parents",
        "Survey families about the Local Offer",
    ]
    assert all("internal note" not in str(found) for found in all_actions(document))


def test_a_layout_survives_being_kept_as_json() -> None:
    choices = Layout(tables={"ref|action": TableChoice(roles={0: "ref", 2: "ignore"})})
    again = Layout.from_data(choices.to_data())
    assert again == choices
    assert Layout.from_data({"tables": {"x": {"roles": {"0": "nonsense", "a": "title"}}}}) == (
        Layout(tables={"x": TableChoice(roles={})})
    )


def test_every_rule_has_its_own_code_and_every_report_item_names_one() -> None:
    assert len({rule.code for rule in rules.RULES}) == len(rules.RULES)
    # Every rule written is in the ordered list that `parse --explain` and the check page read.
    written = [value for value in vars(rules).values() if isinstance(value, rules.Rule)]
    assert [rule.code for rule in written if rule not in rules.RULES] == []
    result = parse_text(FIVE_LINES.replace("By March 2025", "By Termly"))
    assert result.report
    assert all(item.code in rules.BY_CODE for item in result.report)


def test_every_placed_action_says_which_rule_placed_it_and_how_surely() -> None:
    result = parse_text(FIVE_LINES)
    placed = [p for p in result.placements if p.kind == "action"]
    assert [p.ref for p in placed] == ["1.1", "1.2", "2.1"]
    assert {p.rule for p in placed} == {rules.PARAGRAPH_RECORDS.code}
    assert all(0 < p.confidence < 1 for p in placed)
    sections = [p for p in result.placements if p.kind == "section"]
    assert {p.rule for p in sections} == {rules.SECTION_HEADING.code}


def test_it_still_refuses_what_it_cannot_read_in_plain_english() -> None:
    with pytest.raises(ParseError, match="empty"):
        parse_file_inprocess(b"", "plan.txt")


def test_sections_found_in_lists_are_valid_plan_documents() -> None:
    document = parse_text(FIVE_LINES).document
    assert_valid_plan(document)
    assert len(list(walk_sections(document["plan"]["sections"]))) == 2


def test_it_reads_headings_that_put_the_title_before_the_priority() -> None:
    text = (
        "Ashcombe SEND and AP Strategy\n\n"
        "Working with families - priority 1\n\n"
        "We want:\n\n"
        "  • to involve families in every review of a service\n"
        "  • to publish what we changed after each survey\n\n"
        "Good local schools - priority 2\n\n"
        "We want:\n\n"
        "  • more places in resource bases close to home\n"
    )
    document = parse_text(text).document
    assert [(s["ref"], s["title"]) for s in document["plan"]["sections"]] == [
        ("1", "Working with families"),
        ("2", "Good local schools"),
    ]
    assert [len(s["actions"]) for s in document["plan"]["sections"]] == [2, 1]


def test_a_question_heading_about_what_was_done_introduces_the_actions() -> None:
    text = (
        "Improvement Priority 3 – Communication with families\n\n"
        "What has been done so far?\n\n"
        "  • A monthly newsletter for families is published.\n"
        "  • Every EHC plan coordinator has a named team.\n"
    )
    document = parse_text(text).document
    assert titles(document) == [
        "A monthly newsletter for families is published.",
        "Every EHC plan coordinator has a named team.",
    ]


def test_it_reads_headings_with_an_explanation_and_columns_grouped_under_them() -> None:
    text = (
        "Ashcombe Virtual School Plan\n"
        "Key Objectives\tKey Actions: What will we do? (name any partners)\tLead\t\tRAG\t\n"
        "Key Objectives\tKey Actions: What will we do? (name any partners)\tVSH\tDH\tAutumn\t"
        "Spring\n"
        "Raise attendance of children in care\tTrack attendance daily with carers\tVSH\t\t"
        "Green\tAmber\n"
        "Raise attendance of children in care\tOffer mentoring to persistent absentees\tVSH\t\t"
        "Amber\tGreen\n"
    )
    result = parse_text(text)
    document = result.document
    [section] = document["plan"]["sections"]
    assert section["title"] == "Raise attendance of children in care"
    assert titles(document) == [
        "Track attendance daily with carers",
        "Offer mentoring to persistent absentees",
    ]
    assert [p["label"] for p in document["plan"]["periods"]] == ["Autumn", "Spring"]
    assert rules.PERIOD_WITHOUT_YEAR.code in report_codes(result)


def test_a_row_of_a_level_and_its_title_in_two_cells_opens_that_section() -> None:
    text = (
        "Ashcombe SEND Improvement Plan\n"
        "Ref\tAction\tLead\tDue\n"
        "Priority 2:\tTimely EHC plans\t\t\n"
        "2.1\tRecruit three more EHC coordinators\tGail Ross\tMay 2025\n"
    )
    document = parse_text(text).document
    [section] = document["plan"]["sections"]
    assert (section["ref"], section["title"]) == ("2", "Timely EHC plans")
    assert [a["ref"] for a in section["actions"]] == ["2.1"]


def test_a_row_naming_a_theme_and_a_priority_is_not_taken_for_a_heading_row() -> None:
    text = (
        "Ashcombe WSoA tracker\n"
        "Theme\tRef\tAction\tLead\n"
        "Theme 1: Workstream 1\t1.1\tPriority 1.1\t\n"
        "\t1.1.1\tDeliver the local offer review\tBen Tate\n"
        "\t1.1.2\tPublish the review to families\tBen Tate\n"
    )
    document = parse_text(text).document
    assert [found["ref"] for found in all_actions(document)] == ["1.1.1", "1.1.2"]


def test_it_splits_rows_whose_cells_ran_together_by_what_each_column_holds() -> None:
    text = (
        "Ashcombe Joint Commissioning Plan\n\n"
        "Action Target Date Lead How will we know it has worked Status\n"
        "Recommission the short breaks offer 30 June 2025 LA and ICB More families use "
        "short breaks. On track\n"
        "Extend the sensory support service Ongoing ICB with support from schools Waiting "
        "times fall below 12 weeks. Not started\n"
    )
    result = parse_text(text)
    first, second = all_actions(result.document)
    assert first["title"] == "Recommission the short breaks offer"
    assert (first["due"], first["lead_text"]) == ("2025-06-30", "LA and ICB")
    assert [m["text"] for m in first["measures"]] == ["More families use short breaks."]
    assert [u["status"] for u in first["updates"]] == ["On track"]
    assert (second["due_text"], second["lead_text"]) == (
        "Ongoing",
        "ICB with support from schools",
    )
    assert {p.rule for p in result.placements if p.kind == "action"} == {
        rules.RUN_TOGETHER_ROWS.code
    }


def test_the_last_sentence_of_a_paragraph_can_introduce_the_actions() -> None:
    text = (
        "Ashcombe SEND review\n\n"
        "The review led to an action plan agreed by the board. Actions taken so far include:\n\n"
        "  • The opening of a second assessment centre\n"
        "  • A new panel to agree top-up funding within four weeks\n"
    )
    assert titles(parse_text(text).document) == [
        "The opening of a second assessment centre",
        "A new panel to agree top-up funding within four weeks",
    ]


def test_numbered_items_opening_with_an_ing_word_are_actions() -> None:
    text = (
        "Ashcombe SEND Strategy\n\n"
        "We are committed to:\n"
        "  1. Creating more specialist places close to home.\n"
        "  2. Widening the use of personal budgets.\n"
        "  3. Maintaining a strong voice for young people.\n"
    )
    document = parse_text(text).document
    assert [found["ref"] for found in all_actions(document)] == ["1", "2", "3"]


def test_a_short_numbered_line_with_labelled_lines_under_it_is_an_action() -> None:
    text = (
        "Letter to families\n\n"
        "1.   Casework team\n\n"
        "Update: We have recruited two more caseworkers.\n\n"
        "2.   Annual reviews\n\n"
        "Update: Every review is now booked a term ahead.\n"
    )
    document = parse_text(text).document
    assert titles(document) == ["Casework team", "Annual reviews"]
    update = action(document, "1")["updates"][0]
    assert update["narrative"] == "We have recruited two more caseworkers."


def test_milestones_beside_owners_are_actions_and_their_closing_date_is_due() -> None:
    text = (
        "Ashcombe Delivery Plan\n"
        "Ref\tMilestone\tOwner\tStatus\n"
        "M1\tAgree the inclusion charter with every secondary school by June 2025\tJo Hart\tG\n"
        "M2\tPublish the charter on the Local Offer\tJo Hart\tA\n"
    )
    document = parse_text(text).document
    first = action(document, "M1")
    assert first["title"].endswith("by June 2025")
    assert (first["due"], first["due_text"]) == ("2025-06", "by June 2025")
    assert "due" not in action(document, "M2")


def test_every_kind_of_file_and_of_table_has_its_reader_in_one_registry() -> None:
    from sendplan.interchange.parsers.kinds import KINDS
    from sendplan.interchange.parsers.readers import READERS
    from sendplan.interchange.parsers.roles import Kind
    from sendplan.interchange.parsers.safety import FileKind

    assert set(READERS) == set(FileKind)
    assert set(KINDS) == set(Kind)


def test_a_listed_action_then_a_dash_then_its_progress_are_told_apart() -> None:
    text = (
        "Report to the Children's Committee\n\n"
        "The headline actions and progress were:\n\n"
        "·   To establish a SEND executive board - The board has met three times.\n"
        "·   To review the short breaks offer - The review reports in the spring.\n"
    )
    document = parse_text(text).document
    first, second = all_actions(document)
    assert first["title"] == "To establish a SEND executive board"
    assert first["updates"][0]["narrative"] == "The board has met three times."
    assert second["title"] == "To review the short breaks offer"


def test_a_ref_cell_that_also_names_the_theme_gives_the_ref_and_keeps_every_row() -> None:
    text = (
        "Ref\tAction\tResponsible officer\tTimescale\tProgress (RAG)\n"
        "Ref 2.3 Joint working\tSet up a joint panel for complex cases\tSam Lee, Service Manager"
        "\tMar-26\tGreen\n"
        "Ref 2.4 Joint working\tShare data between health and education monthly\tAnn Bell, "
        "Data Lead\tJun-26\tAmber\n"
        "4 B\tTrain SENCOs in the graduated approach\tKim Wood, Inclusion Lead\tSep-26\tRed\n"
    )
    result = parse_text(text)
    found = all_actions(result.document)
    assert [(a["ref"], a["title"]) for a in found] == [
        ("2.3", "Set up a joint panel for complex cases"),
        ("2.4", "Share data between health and education monthly"),
        ("4B", "Train SENCOs in the graduated approach"),
    ]
    assert [a["lead_text"] for a in found] == [
        "Sam Lee, Service Manager",
        "Ann Bell, Data Lead",
        "Kim Wood, Inclusion Lead",
    ]
    assert [a["due_text"] for a in found] == ["Mar-26", "Jun-26", "Sep-26"]
    assert [a["updates"][0]["status"] for a in found] == ["G", "A", "R"]
    assert rules.REF_IN_CELL.code in report_codes(result)


def test_labels_inside_numbered_lines_ending_with_a_date_are_read_as_fields() -> None:
    text = (
        "Priority 3 – Preparing for adulthood\n"
        "3.1.1 map the transition pathways from children's to adult health services. "
        "Lead: Designated Clinical Officer. By: December 2026\n"
        "3.1.2 introduce a preparing for adulthood outcomes framework. Lead: PfA Coordinator. "
        "By: April 2027\n"
        "3.2.1 extend supported internships to 40 places a year. Lead: Head of Post-16. "
        "By: September 2027\n"
    )
    found = all_actions(parse_text(text).document)
    assert [a["ref"] for a in found] == ["3.1.1", "3.1.2", "3.2.1"]
    assert found[0]["title"].startswith("map the transition pathways")
    assert all("Lead:" not in a["title"] and "By:" not in a["title"] for a in found)
    assert [a["lead_text"] for a in found] == [
        "Designated Clinical Officer",
        "PfA Coordinator",
        "Head of Post-16",
    ]
    assert [a["due"] for a in found] == ["2026-12", "2027-04", "2027-09"]


def test_a_section_cell_that_opens_with_the_actions_ref_gives_both() -> None:
    text = (
        "Area for development\tKey actions\tLead officer\tBy when\n"
        "Ref 2.3 Joint working between health and care\tSet up a joint panel for complex "
        "cases\tSam Lee, Service Manager\tMarch 2026\n"
        "Ref 2.4 Joint working between health and care\tShare data between health and "
        "education monthly\tAnn Bell, Data Lead\tJune 2026\n"
        "Ref 3.1 Preparing for adulthood\tPublish a transitions protocol\tKim Wood, PfA "
        "Lead\tSeptember 2026\n"
    )
    document = parse_text(text).document
    sections = document["plan"]["sections"]
    assert [s["title"] for s in sections] == [
        "Joint working between health and care",
        "Preparing for adulthood",
    ]
    assert [[a["ref"] for a in s["actions"]] for s in sections] == [["2.3", "2.4"], ["3.1"]]
    assert action(document, "2.4")["title"] == "Share data between health and education monthly"


def test_a_key_written_on_the_same_line_as_the_progress_heading_is_read_as_the_key() -> None:
    text = (
        "Ref\tAction\tLead\tDue\tProgress  B = complete, G = on track, A = at risk, R = off "
        "track\t\t\n"
        "\t\t\t\tDec 2025\tMar 2026\tJun 2026\n"
        "1.1\tPublish a graduated approach toolkit\tHelen Ward\tJan 2026\tG\tG\tB\n"
        "1.2\tTrain SENCOs on the toolkit\tMark Fry\tJul 2026\tA\tG\tG\n"
    )
    document = parse_text(text).document
    assert [p["label"] for p in document["plan"]["periods"]] == [
        "Dec 2025",
        "Mar 2026",
        "Jun 2026",
    ]
    assert [u["status"] for u in action(document, "1.1")["updates"]] == ["G", "G", "B"]
    scale = {entry["code"]: entry["label"] for entry in document["plan"]["status_scale"]}
    assert scale["A"] == "at risk"


def test_a_rating_column_beside_a_dated_progress_column_rates_that_period() -> None:
    text = (
        "Area of weakness 1: Waiting times for assessment\n"
        "No.\tActions\tLead(s)\tEnd\tProgress update (March 2026)\tRAG\n"
        "1a\tCommission more assessment capacity\tLucy Grant\tSep 2026\tProcurement under "
        "way.\tRed\n"
        "1b\tOffer support while families wait\tLucy Grant\tMar 2027\t\tNot started\n"
    )
    document = parse_text(text).document
    assert [p["label"] for p in document["plan"]["periods"]] == ["March 2026"]
    first = action(document, "1a")["updates"]
    assert [(u["period"], u["status"], u.get("narrative")) for u in first] == [
        ("March 2026", "R", "Procurement under way.")
    ]
    # "Not started" is the usual key's white, when the plan gives no key of its own.
    assert [u["status"] for u in action(document, "1b")["updates"]] == ["W"]


def test_quarters_named_without_a_year_pair_each_rating_with_its_commentary() -> None:
    text = (
        "Theme 1: Inclusion\n"
        "Action Ref\tDescription of action\tAccountable\tTarget date\tQ1 RAG\tQ1 commentary"
        "\tRAG Quarter 2\tProgress update (Quarter 2)\n"
        "T1.1\tDevelop an inclusion charter with schools\tHead of Inclusion\t31/03/2026\tG\t"
        "Charter drafted\tG\tCharter launched\n"
        "T1.2\tReduce suspensions of pupils with SEND\tHead of Inclusion\t30/09/2026\tA\t"
        "Data reviewed\tR\tRise in the spring term\n"
    )
    document = parse_text(text).document
    assert [p["label"] for p in document["plan"]["periods"]] == ["Q1", "Q2"]
    updates = action(document, "T1.2")["updates"]
    assert [(u["period"], u["status"], u["narrative"]) for u in updates] == [
        ("Q1", "A", "Data reviewed"),
        ("Q2", "R", "Rise in the spring term"),
    ]


WEB_PAGE_PRIORITIES = """Our SEND improvement priorities

{first}

What we will do
• Train all early years settings in the new identification toolkit by March 2026 (lead: Early Years SEND Manager)
• Introduce a two-year check shared between health visitors and nurseries by September 2026 (lead: Public Health Nursing)

{second}

What we will do
• Extend supported internships to 40 places by July 2027 (lead: Post-16 Manager)
• Publish a transitions protocol with adult social care by December 2026 (lead: Head of Adult Social Care)
"""  # noqa: E501


@pytest.mark.parametrize(
    ("first", "second", "level"),
    [
        ("Priority one: Early identification", "Priority two: Preparing for adulthood", "Priority"),
        ("Goal 1: Early identification", "Goal 2: Preparing for adulthood", "Goal"),
        ("Early identification", "Preparing for adulthood", "Theme"),
    ],
)
def test_each_list_of_what_we_will_do_sits_under_the_line_that_names_it(
    first: str, second: str, level: str
) -> None:
    text = WEB_PAGE_PRIORITIES.format(first=first, second=second)
    sections = parse_text(text).document["plan"]["sections"]
    assert [(s["level"], s["title"]) for s in sections] == [
        (level, "Early identification"),
        (level, "Preparing for adulthood"),
    ]
    assert [len(s["actions"]) for s in sections] == [2, 2]
    assert sections[1]["actions"][1]["lead_text"] == "Head of Adult Social Care"


def test_a_column_of_actions_under_a_heading_too_garbled_to_know_is_still_the_actions() -> None:
    text = (
        "Priority 4 Co-production\n"
        "Ref\tActoin\tRespnsible Offcer\tTimesc ale\tRAG Stat us\n"
        "4.1\tCo-produce the local offer website with families\tAmy Stone, Participation "
        "Lead\tJuly 2026\tGreen\n"
        "4.2\tPay parent carer forum members for their time\tAmy Stone, Participation Lead"
        "\tApril 2026\tAmber\n"
    )
    found = all_actions(parse_text(text).document)
    assert [(a["ref"], a["title"]) for a in found] == [
        ("4.1", "Co-produce the local offer website with families"),
        ("4.2", "Pay parent carer forum members for their time"),
    ]
    assert [a["due"] for a in found] == ["2026-07", "2026-04"]


# Round 7: kinds seen in the opened part of the real corpus, written afresh as invented plans.

PIPED_TABLE = """Riverford Local Area Written Statement of Action
Area for Improvement 2
Joint commissioning: services are not planned together
Ref | Action | Start date | End date | Lead | RAG June 25 | RAG Sept 25 |
---|---|---|---|---|---|---|
2.1 | Agree a joint commissioning strategy with the ICB. | March 2025 | June 2025 | (A.B) LA (C.McK) ICB | On track | Done |
2.2 |
(A) Map the therapies commissioned for children with EHC plans. |
April 2025 | October 2025 | ICB (C.McK) |
On track | Delayed |
2.2 |
(B) Publish the map on the Local Offer with what each therapy is for. |
April 2025 | January 2026 | LA (A.B) |
"""  # noqa: E501


def test_a_table_with_pipes_reads_rows_that_run_over_several_lines() -> None:
    document = parse_text(PIPED_TABLE).document
    assert_valid_plan(document)
    found = all_actions(document)
    assert [(a["ref"], a["title"][:12]) for a in found] == [
        ("2.1", "Agree a join"),
        ("2.2", "(A) Map the "),
        ("2.2", "(B) Publish "),
    ]
    assert [a["due"] for a in found] == ["2025-06", "2025-10", "2026-01"]
    ratings = [[u["period"] for u in a.get("updates", [])] for a in found]
    assert ratings[1] == ["June 25", "Sept 25"]
    assert "updates" not in found[2]


def test_initials_written_with_full_stops_in_brackets_are_the_leads() -> None:
    document = parse_text(PIPED_TABLE).document
    people = {p["key"]: p for p in document["plan"]["people"]}
    assert sorted(people) == ["A.B", "C.McK"]
    assert people["C.McK"].get("organisation") == "ICB"
    assert [a["leads"] for a in all_actions(document)] == [["A.B", "C.McK"], ["C.McK"], ["A.B"]]


def test_a_month_a_narrow_column_split_twice_is_still_a_date() -> None:
    text = (
        "Ref\tAction\tLead\tDue\n"
        "1.1\tPublish the SEND sufficiency plan\tHead of SEND\tSept embe r 2025\n"
        "1.2\tReview the banding of top-up funding\tHead of SEND\tNove mber 2025\n"
    )
    assert [a["due"] for a in all_actions(parse_text(text).document)] == ["2025-09", "2025-11"]


def test_a_ref_written_with_a_full_stop_is_read_without_it() -> None:
    text = (
        "No.\tRecommendation\tResponsibility\tDate\n"
        "1.\tWrite to every school about the new banding\tHead of SEND\tApril 2025\n"
        "2.\tHold termly SENCo network meetings\tSEND Advisory Teacher\tMay 2025\n"
    )
    assert [a["ref"] for a in all_actions(parse_text(text).document)] == ["1", "2"]


WEB_SUMMARY = """Skip to main content
Progress on our written statement of action
High priority 1

Joint working across education, health and care

We have:

  • published a joint SEND strategy with the parent carer forum
  • set up a monthly panel to agree joint funding

High priority 2

Work stream 2

Responsible for the Local Offer and how families hear from us:

  • Local Offer website
  • Newsletters for families

The board meets every month and includes:

  • parent carers
  • school leaders
"""


def test_a_web_summary_reads_high_priorities_and_the_lists_under_them() -> None:
    document = parse_text(WEB_SUMMARY).document
    assert_valid_plan(document)
    sections = list(walk_sections(document["plan"]["sections"]))
    assert [(s["level"], s["ref"]) for s in sections][:1] == [("High priority", "1")]
    assert titles(document) == [
        "published a joint SEND strategy with the parent carer forum",
        "set up a monthly panel to agree joint funding",
        "Local Offer website",
        "Newsletters for families",
    ]


def test_a_list_whose_bullets_ran_together_on_one_line_is_split_into_its_items() -> None:
    text = (
        "Priority 3: Preparing for adulthood\n"
        "What we will do: ● We will map supported internships for every college ● We will "
        "publish a transitions protocol with adult social care ● We will train personal "
        "advisers in person-centred planning\n"
    )
    assert titles(parse_text(text).document) == [
        "We will map supported internships for every college",
        "We will publish a transitions protocol with adult social care",
        "We will train personal advisers in person-centred planning",
    ]


def test_the_links_a_web_page_prints_above_its_title_are_not_the_plans_title() -> None:
    assert parse_text(WEB_SUMMARY).document["plan"]["title"] == (
        "Progress on our written statement of action"
    )


def test_a_reviews_recommendations_with_numbered_ratings_under_a_dated_heading() -> None:
    """A scrutiny review's tracker: recommendations for actions, progress "reported to Cabinet"
    and a numbered key inside the rating column's heading, both over one period's date."""
    text = (
        "No.\tRecommendation\tResponsibility\tDate\tProgress reported to Cabinet\t"
        "Assessment of progress (1 - 3) Key: 1 Achieved, 2 On track, 3 Delayed\n"
        "\t\t\t\tMarch 2026\tMarch 2026\n"
        "1.\tWrite to every school about the new banding\tHead of SEND\tApril 2025\t"
        "Letters sent to all schools.\t1\n"
        "2.\tHold termly SENCo network meetings\tSEND Advisory Teacher\tJune 2025\t"
        "Two of four meetings held.\t2\n"
    )
    document = parse_text(text).document
    assert_valid_plan(document)
    plan = document["plan"]
    assert [(s["code"], s["label"]) for s in plan["status_scale"]] == [
        ("1", "Achieved"), ("2", "On track"), ("3", "Delayed"),
    ]  # fmt: skip
    assert [p["label"] for p in plan["periods"]] == ["March 2026"]
    found = all_actions(document)
    assert [a["title"] for a in found] == [
        "Write to every school about the new banding",
        "Hold termly SENCo network meetings",
    ]
    assert [(u["status"], u["narrative"]) for a in found for u in a["updates"]] == [
        ("1", "Letters sent to all schools."),
        ("2", "Two of four meetings held."),
    ]


def test_an_action_that_lists_its_own_deliverables_becomes_a_strand_of_them() -> None:
    """ "… to include:" over three or more things to deliver: a strand and its actions. Two
    short details after "including:" stay part of their action (the web-page test above)."""
    text = (
        "Update – March 2026\n\n"
        "Actions agreed so far include:\n\n"
        "  • A single front door for families asking for help with their child's needs\n"
        "  • A new graduated approach to include:\n"
        "      • A toolkit for schools – what good ordinary provision looks like\n"
        "      • Training for every SENCo on the toolkit and how to record support\n"
        "      • Termly reviews of the toolkit with the parent carer forum\n"
    )
    document = parse_text(text).document
    sections = list(walk_sections(document["plan"]["sections"]))
    strand = next(s for s in sections if s["title"] == "A new graduated approach to include")
    assert [a["title"][:22] for a in strand["actions"]] == [
        "A toolkit for schools ",
        "Training for every SEN",
        "Termly reviews of the ",
    ]
    assert "A single front door for families asking for help with their child's needs" in titles(
        document
    )


@pytest.mark.parametrize("under", ["What we will do", "Actions", "Key actions"])
def test_a_line_that_introduces_the_actions_is_not_a_bare_priority_s_name(under: str) -> None:
    text = (
        f"Priority 2\n\n{under}\n\n"
        "• Publish the graduated approach for schools\n"
        "• Train every SENCo in the toolkit\n"
    )
    [section] = parse_text(text).document["plan"]["sections"]
    assert section["title"] != under
    assert len(section["actions"]) == 2


LABELLED_COMMITMENTS = (
    "Marshfield Written Statement of Action\n"
    "2. OUR RESPONSE\n"
    "2.1. The inspection found two areas of significant weakness in the local area.\n"
    "2.2. Against each of them we have set out what we commit to do:\n"
    "- Area of weakness found by the inspectors: Too few children have their needs identified "
    "before they start school\n"
    "- Marshfield partnership commitments:We will train every nursery in early "
    "identification ● We will publish one pathway for families to ask for help ● We will "
    "check the waiting times for assessments each month\n"
    "- Area of weakness found by the inspectors: The quality of EHC plans is too uneven\n"
    "- Marshfield partnership commitments: We will audit twenty plans each term ● We will "
    "share what the audits find with every team\n"
)


def test_commitments_written_after_labels_under_each_area_of_weakness() -> None:
    """A statement of action written as labelled lines: "Area of weakness …: <the weakness>",
    then "… commitments:" with the first commitment after the colon and the rest run on
    after bullets. Each weakness is a section, each commitment an action."""
    document = parse_text(LABELLED_COMMITMENTS).document
    assert_valid_plan(document)
    sections = document["plan"]["sections"]
    assert [s["title"] for s in sections] == [
        "Too few children have their needs identified before they start school",
        "The quality of EHC plans is too uneven",
    ]
    assert [[a["title"] for a in s["actions"]] for s in sections] == [
        [
            "We will train every nursery in early identification",
            "We will publish one pathway for families to ask for help",
            "We will check the waiting times for assessments each month",
        ],
        [
            "We will audit twenty plans each term",
            "We will share what the audits find with every team",
        ],
    ]
    assert [w["text"] for w in document["plan"]["weaknesses"]] == [s["title"] for s in sections]


SLASHED_WITH_MERGED_FIRST_COLUMN = (
    "Service Plan Tracker\n"
    "\n"
    "Focus areas / Year 3 (2025/26) Task / Q2 Performance\n"
    "Target / Status / Q2 Commentary\n"
    "Aim 1: Children start school ready to learn\n"
    "Give every family of a two-year-old a health and development review / Offer a review "
    "at every children's centre / 90% of reviews done / On track / 1,204 reviews held so far\n"
    "Train nursery staff in speech and language support / 60 staff trained / Behind / "
    "Two courses cancelled; new dates set\n"
    "Publish a single list of early years places for families / June 2025 / On track / "
    "Published on the Local Offer\n"
    "Aim 2: Young people move into work or training\n"
    "Widen supported internships across the county / Recruit ten new employers / "
    "10 employers signed up / On track / Eight employers signed up\n"
    "Agree a transitions protocol with adult social care / March 2026 / n/a\n"
)


def test_cells_set_apart_by_slashes_under_a_heading_row_split_in_two() -> None:
    """A table converted to text with " / " between cells: its heading row broken over two
    lines, headings that open with their period ("Year 3 (2025/26) Task"), a line naming
    each aim between the rows, and a first column merged down over its rows, so that only
    the first row under each of its cells has it."""
    document = parse_text(SLASHED_WITH_MERGED_FIRST_COLUMN).document
    assert_valid_plan(document)
    assert titles(document) == [
        "Offer a review at every children's centre",
        "Train nursery staff in speech and language support",
        "Publish a single list of early years places for families",
        "Recruit ten new employers",
        "Agree a transitions protocol with adult social care",
    ]
    found = all_actions(document)
    assert [a.get("due") for a in found] == [None, None, "2025-06", None, "2026-03"]
    assert [a["measures"][0]["text"] for a in found if a.get("measures")] == [
        "90% of reviews done", "60 staff trained", "10 employers signed up",
    ]  # fmt: skip
    narratives = [u.get("narrative") for a in found for u in a.get("updates", [])]
    assert "Two courses cancelled; new dates set" in narratives
    aims = document["plan"]["sections"]
    assert [(s["ref"], s["title"]) for s in aims] == [
        ("1", "Children start school ready to learn"),
        ("2", "Young people move into work or training"),
    ]
    # The merged first column: a part of each aim, over the rows under its cell.
    assert [[(s["title"][:27], len(s["actions"])) for s in aim["sections"]] for aim in aims] == [
        [("Give every family of a two-", 3)],
        [("Widen supported internships", 2)],
    ]


SLASHED_ROWS_OVER_LINES = (
    "Scrutiny Review of Short Breaks – Progress Report\n"
    "No. / Recommendation / Responsibility / Date / Progress reported to Panel\n"
    "March 2026 / Assessment of progress Categories\n"
    "1 - 3\n"
    "1. / Publish a short breaks statement that families can understand. / Head of SEND / "
    "Commissioning Manager / June 2025 / Statement published in May after two workshops "
    "with parents.\n"
    "Easy read version to follow in the autumn / 1\n"
    "2. / Review the eligibility criteria with the parent carer forum. / Head of SEND / "
    "September 2025 / Two meetings held with the forum / 2\n"
    "3. / Extend holiday clubs to every district. /\n"
    "Commissioning Manager\n"
    "/ April 2026 / Clubs open in three of five districts.\n"
    "Two more districts planned for the summer / 2\n"
    "1 Achieved\n"
    "2 On track\n"
)


@pytest.mark.parametrize("progress", ["Progress reported", "Progressreported"])
def test_rows_set_apart_by_slashes_carried_over_lines_with_two_leads_in_a_cell(
    progress: str,
) -> None:
    """A review's tracker converted to text with " / " between cells: its heading row over
    three lines, a row's progress carried onto the next line with the rating after it, a
    row whose cells break across lines at the slashes, and a responsibility cell naming two
    leads with a slash between them, as the cells themselves are set apart. Extraction may
    lose the space after the progress heading's first word."""
    text = SLASHED_ROWS_OVER_LINES.replace("Progress reported", progress)
    document = parse_text(text).document
    assert_valid_plan(document)
    found = all_actions(document)
    assert [(a["ref"], a["title"]) for a in found] == [
        ("1", "Publish a short breaks statement that families can understand."),
        ("2", "Review the eligibility criteria with the parent carer forum."),
        ("3", "Extend holiday clubs to every district."),
    ]
    assert [a.get("due") for a in found] == ["2025-06", "2025-09", "2026-04"]
    assert [a["lead_text"] for a in found] == [
        "Head of SEND / Commissioning Manager",
        "Head of SEND",
        "Commissioning Manager",
    ]
    assert [[u.get("status") for u in a.get("updates", [])] for a in found] == [
        ["1"], ["2"], ["2"],
    ]  # fmt: skip
    assert [p["label"] for p in document["plan"]["periods"]] == ["March 2026"]


def test_two_slashed_rows_run_together_are_two_rows() -> None:
    """A line break lost between two rows ("… / 2 / 3. / Extend …"): the ref cell where the
    first row's cells are complete begins the second row."""
    text = SLASHED_ROWS_OVER_LINES.replace("forum / 2\n3. / Extend", "forum / 2 / 3. / Extend")
    found = all_actions(parse_text(text).document)
    assert [a["ref"] for a in found] == ["1", "2", "3"]
    assert found[2]["title"] == "Extend holiday clubs to every district."


def test_a_rating_run_into_the_next_rows_ref_is_parted_from_it() -> None:
    """ "… / 2" and "3. / Extend …" read "… / 23. / Extend …": the first row is one cell
    short, and the glued cell ends with the next ref, so it is the rating and the ref."""
    text = SLASHED_ROWS_OVER_LINES.replace("forum / 2\n3. / Extend", "forum / 23. / Extend")
    found = all_actions(parse_text(text).document)
    assert [a["ref"] for a in found] == ["1", "2", "3"]
    assert [[u.get("status") for u in a.get("updates", [])] for a in found] == [
        ["1"], ["2"], ["2"],
    ]  # fmt: skip


COPIED_COLUMN_BY_COLUMN = """Children's Services Improvement Plan - Progress at 30 September 2025

Standard 2 - Assessments

Actions Required

Lead Officer(s)

Progress September 2025

1. To make sure every assessment is completed within the timescale

1. Set up a weekly tracker of open assessments.

2. Add the tracker to the monthly performance pack.

Amir Khan, Team Manager

Rosa Bell, Performance Lead

End Sept 25

From Oct 25

Tracker set up and in use by every team.

2. To make sure that families receive a copy of every assessment with a letter that explains it in plain words

1. Write a standard covering letter with the parent carer forum.

2. Audit twenty case files for copies sent.

Rosa Bell, Performance Lead

Amir Khan, Team Manager

Dec 25

March 26

Letter drafted and shared with the forum.
"""  # noqa: E501


def test_a_table_copied_column_by_column_pairs_leads_and_dates_with_the_actions() -> None:
    """A table saved as a web page and copied with every cell on its own lines: under each
    numbered recommendation, its numbered actions, then as many leads and as many dates,
    each list in the order of the actions. The numbering starting again at 1 under a
    recommendation makes it the heading of those actions."""
    document = parse_text(COPIED_COLUMN_BY_COLUMN).document
    assert_valid_plan(document)
    found = all_actions(document)
    assert [(a["ref"], a["title"]) for a in found] == [
        ("1", "Set up a weekly tracker of open assessments."),
        ("2", "Add the tracker to the monthly performance pack."),
        ("1", "Write a standard covering letter with the parent carer forum."),
        ("2", "Audit twenty case files for copies sent."),
    ]
    assert [a.get("lead_text") for a in found] == [
        "Amir Khan, Team Manager",
        "Rosa Bell, Performance Lead",
        "Rosa Bell, Performance Lead",
        "Amir Khan, Team Manager",
    ]
    assert [(a.get("due"), a.get("starts")) for a in found] == [
        ("2025-09", None), (None, "2025-10"), ("2025-12", None), ("2026-03", None),
    ]  # fmt: skip
    holding = [s for s in walk_sections(document["plan"]["sections"]) if s.get("actions")]
    assert [(s.get("ref"), s["title"][:30]) for s in holding] == [
        ("1", "To make sure every assessment "),
        ("2", "To make sure that families rec"),
    ]


def test_slashed_rows_under_numbers_with_a_theme_line_and_a_row_without_its_number() -> None:
    """Under a "No." heading, a theme named on a line between the rows, and a row whose
    number cell was empty (lost between the slashes) after a whole row."""
    text = (
        "No. / Action / Lead / By when\n"
        "Theme 1: Early help\n"
        "1.1 / Open a family hub in each district / Early Help Manager / March 2026\n"
        "Train hub staff in autism awareness / Early Help Manager / June 2026\n"
        "Theme 2: Preparing for adulthood\n"
        "2.1 / Publish a transitions protocol / Head of SEND / April 2026\n"
    )
    result = parse_text(text)
    assert_valid_plan(result.document)
    sections = result.document["plan"]["sections"]
    assert [(s["ref"], s["title"]) for s in sections] == [
        ("1", "Early help"),
        ("2", "Preparing for adulthood"),
    ]
    assert result.source is not None
    [table] = [block for block in result.source.blocks if isinstance(block, Table)]
    assert [row.cells for row in table.rows[2:4]] == [
        ["1.1", "Open a family hub in each district", "Early Help Manager", "March 2026"],
        ["", "Train hub staff in autism awareness", "Early Help Manager", "June 2026"],
    ]


PROJECTS_FLATTENED = (
    "Regional inclusion programme 2026-27\n"
    "Early years outreach\n"
    "Project No 2 Nursery outreach for children with complex needs Dana Whitfield | 1. By end "
    "of Sep 26, we will recruit four outreach teachers. 2. By end of Mar 27, we will visit "
    "every maintained nursery twice. |\n"
    "Post-16 pathways\n"
    "Project No. 5 Supported internships in the health service Owen Pryce | 1. By end Jan 27, "
    "we will agree placements with two hospital trusts. 2. By end Jul 27, we will publish what "
    "the interns went on to do |\n"
)


def test_projects_flattened_from_a_web_table_with_their_lead_and_deliverables() -> None:
    """A web page's table of projects flattened to a line each: "Project No N", the
    project's name and its lead's name run together in the first cell, then its numbered
    deliverables, each with its own deadline, in the next."""
    document = parse_text(PROJECTS_FLATTENED).document
    assert_valid_plan(document)
    found = all_actions(document)
    assert [(a["ref"], a["title"], a.get("lead_text")) for a in found] == [
        ("2", "Nursery outreach for children with complex needs", "Dana Whitfield"),
        ("5", "Supported internships in the health service", "Owen Pryce"),
    ]
    assert [[(m["text"][:24], m.get("due")) for m in a["measures"]] for a in found] == [
        [("By end of Sep 26, we wil", "2026-09"), ("By end of Mar 27, we wil", "2027-03")],
        [("By end Jan 27, we will a", "2027-01"), ("By end Jul 27, we will p", "2027-07")],
    ]


def test_a_sentence_between_two_slashed_tables_is_not_carried_into_a_row() -> None:
    text = (
        "No. / Action / Lead / By when\n"
        "1. / Open a family hub in each district / Early Help Manager / March 2026\n"
        "The hubs will be reviewed by the board in the spring.\n"
        "No. / Action / Lead / By when\n"
        "2. / Publish a transitions protocol / Head of SEND / April 2026\n"
    )
    found = all_actions(parse_text(text).document)
    assert [(a["ref"], a["title"], a.get("due")) for a in found] == [
        ("1", "Open a family hub in each district", "2026-03"),
        ("2", "Publish a transitions protocol", "2026-04"),
    ]


def test_performance_target_is_an_actions_measure_and_an_indicators_target() -> None:
    actions = columns.read_header(["Task", "Performance target", "Lead", "Status"])
    indicators = columns.read_header(["Indicator", "Baseline", "Performance target"])
    assert actions is not None and indicators is not None
    assert actions.roles[1] is Col.MEASURES
    assert indicators.roles[2] is Col.TARGET


def test_a_commitment_with_no_list_under_it_is_not_an_action() -> None:
    """ "Our commitment: To make …" on its own is the plan's aim, not a list of actions."""
    text = (
        "Our partnership plan\n\n"
        "Our commitment: To make Riverside a place where every child with SEND can thrive.\n\n"
        "Priority 1: Early identification\n"
        "1.1 Train every nursery in early identification. Lead: Jo Smith. By March 2026.\n"
    )
    assert titles(parse_text(text).document) == ["Train every nursery in early identification."]


def test_an_area_of_weakness_among_an_actions_labelled_lines_is_no_section() -> None:
    """Not bulleted, right among an action's labelled lines, "Area of weakness: …" is about
    that action; it does not open a section as the bulleted label over a list does."""
    text = (
        "Action 1.1: Audit twenty EHC plans each term\n"
        "Area of weakness: The quality of EHC plans is too uneven\n"
        "Lead: Jo Smith\n"
    )
    sections = parse_text(text).document["plan"]["sections"]
    assert not any(s.get("level") == "Area of weakness" for s in walk_sections(sections))


def test_a_slashed_row_ending_on_an_empty_cell_does_not_swallow_the_next_row() -> None:
    text = (
        "No. / Action / Lead / Progress\n"
        "1. / Open a family hub in each district / Early Help Manager /\n"
        "2. / Publish a transitions protocol / Head of SEND / Draft shared with the forum\n"
    )
    found = all_actions(parse_text(text).document)
    assert [(a["ref"], a["title"], a.get("lead_text")) for a in found] == [
        ("1", "Open a family hub in each district", "Early Help Manager"),
        ("2", "Publish a transitions protocol", "Head of SEND"),
    ]


def _at(*pieces: tuple[int, str]) -> str:
    """One line of text copied from a PDF with its layout kept: each piece at its column."""
    line = ""
    for column, text in pieces:
        assert len(line) <= column, f"{text!r} would overlap {line!r}"
        line = line.ljust(column) + text
    return line


def test_columns_lined_up_by_spaces_under_headings_stacked_two_lines_deep() -> None:
    """A PDF table copied as text with its layout kept: the headings centred or stacked two
    lines to a column ("Current" over "Status" beside "Current Update", one space apart), the
    ref column without a heading, a cell set a little off its column, a cell touching the
    next with one space ("… of the county by EH"), and each row's cells wrapping onto the
    lines under it, its rating on the second."""
    lines = [
        "Delivery Plan 2025/26",
        "",
        _at((26, "Milestone"), (66, "Service"), (82, "Lead"), (95, "Current Current Update"),
            (140, "Next")),
        _at((95, "Status"), (140, "steps")),
        _at((0, "PC1 Children and families get the right help at the right time")),
        _at((0, "PC1.1"), (7, "Making early help easier to reach"), (61, "EH"),
            (82, "Amy Clarke")),
        _at((0, "PC1.1.1"), (9, "Opening a family hub in each district of the county by EH"),
            (82, "Ravi Shah"), (102, "Four of six hubs open.")),
        _at((9, "September 2025"), (66, "family"), (97, "G")),
        _at((66, "services")),
        _at((0, "PC1.1.2"), (9, "Training early help workers to spot signs of SEND by"),
            (66, "EH"), (82, "Ravi Shah"), (102, "Course written with the")),
        _at((9, "December 2025"), (66, "family"), (97, "A"), (102, "parent carer forum.")),
        _at((66, "services")),
        _at((0, "PC1.1.3"), (9, "Publishing what early help offers on the Local Offer by EH"),
            (82, "Ravi Shah")),
        _at((9, "March 2026"), (66, "family"), (97, "G")),
        _at((66, "services")),
    ]  # fmt: skip
    document = parse_text("\n".join(lines)).document
    found = [
        (a["ref"], a["title"], a.get("lead_text"), a.get("due"),
         [(u["period"], u.get("status"), u.get("narrative")) for u in a.get("updates", [])])
        for a in all_actions(document)
    ]  # fmt: skip
    assert found == [
        ("PC1.1.1", "Opening a family hub in each district of the county by September 2025",
         "Ravi Shah", "2025-09", [("Current Status", "G", "Four of six hubs open.")]),
        ("PC1.1.2", "Training early help workers to spot signs of SEND by December 2025",
         "Ravi Shah", "2025-12",
         [("Current Status", "A", "Course written with the parent carer forum.")]),
        ("PC1.1.3", "Publishing what early help offers on the Local Offer by March 2026",
         "Ravi Shah", "2026-03", [("Current Status", "G", None)]),
    ]  # fmt: skip
    sections = list(walk_sections(document["plan"]["sections"]))
    assert [(s.get("ref"), s["title"]) for s in sections] == [
        ("PC1", "Children and families get the right help at the right time"),
        ("PC1.1", "Making early help easier to reach"),
    ]


# Round 10: web pages of priorities, each kind written afresh as an invented plan.

HEADED_BULLETS = """Our inclusion strategy
Our ambition is that every child in Eastmere learns and thrives close to home.
Our four priorities:
Working as one partnership
- Families are treated as equal partners in every decision about their child.
- Schools, health and care agree one plan for each child.
- Leaders meet each term to look at what families have told them.
Ready for school
- Every nursery has a trained inclusion lead.
- Speech and language needs are met before children start school.
Related pages
- Local Offer
- Contact the SEND team
Back to top
Cookies on this website
We use some essential cookies to make this website work.
Accept all cookies so that we can see how the website is used.
"""


def test_short_headings_each_over_bulleted_sentences_are_priorities_and_their_actions() -> None:
    """A web page's priorities as headings of their own, each over bullets that are whole
    sentences, with no line saying that actions follow: each heading a section, each
    sentence an action. The page's own list of links is not a priority."""
    document = parse_text(HEADED_BULLETS).document
    assert_valid_plan(document)
    sections = document["plan"]["sections"]
    assert [s["title"] for s in sections] == ["Working as one partnership", "Ready for school"]
    assert [len(s["actions"]) for s in sections] == [3, 2]
    assert sections[1]["actions"][0]["title"] == "Every nursery has a trained inclusion lead."
    assert "Local Offer" not in titles(document)
    assert len(titles(document)) == 5


def test_one_heading_over_bullets_is_not_a_list_of_priorities() -> None:
    text = (
        "Eastmere SEND newsletter\n"
        "Who came to the forum\n"
        "- Parents from every part of the borough came along.\n"
        "- Twelve schools sent their SENCo.\n"
    )
    result = parse_text(text)
    assert titles(result.document) == []


HEADED_PLEDGES = """Our promise to families
Over the next year we will work on four things together with parents and carers.
Short breaks offer
Redesign the short breaks offer with parents so that it reflects what families ask for.
Target: March 2027
Annual review meetings
Hold every annual review with the young person present and their views written down.
Target: June 2027
Therapy advice
Agree one format for therapy advice so that it can be copied into EHC plans.
Target: December 2026
Transport to college
Co-design travel training with each young person a year before they leave school.
Ongoing
How the promise was written
The forum and the council wrote it together over six evening sessions.
"""


def test_headings_each_over_a_sentence_of_what_will_be_done_and_its_target_date() -> None:
    """Pledges as three lines each: the area's name, one sentence saying what will be done,
    and "Target: <month year>" (or a lone "Ongoing" in its place)."""
    document = parse_text(HEADED_PLEDGES).document
    assert_valid_plan(document)
    sections = document["plan"]["sections"]
    assert [s["title"] for s in sections] == [
        "Short breaks offer",
        "Annual review meetings",
        "Therapy advice",
        "Transport to college",
    ]
    found = all_actions(document)
    assert [a["title"][:20] for a in found] == [
        "Redesign the short b",
        "Hold every annual re",
        "Agree one format for",
        "Co-design travel tra",
    ]
    assert [a.get("due") for a in found] == ["2027-03", "2027-06", "2026-12", None]
    assert found[3].get("due_text") == "Ongoing"


NUMBERED_PRIORITY_PARAGRAPHS = """Have your say on our draft SEND strategy
We are asking families what they think of three proposed priorities.
The three priorities
1. Early help
We will offer help to families as soon as a need is noticed, wherever the child learns.
2. Places close to home
Places close to home - wherever we can, we will meet children's needs in their local schools.
3. Listening to families
We will act on what families tell us through the parent carer forum and termly surveys.
You can read the whole draft strategy online.
Why we want your views
Do these priorities reflect what matters most to you and your family?
Closing date: Friday, 26 March 2027
"""


def test_numbered_priorities_each_with_one_paragraph_of_what_we_will_do() -> None:
    """Numbered priorities whose only content is one paragraph saying what will be done: that
    paragraph is the priority's action. The consultation's own text after them is not."""
    document = parse_text(NUMBERED_PRIORITY_PARAGRAPHS).document
    assert_valid_plan(document)
    sections = document["plan"]["sections"]
    assert [(s.get("ref"), s["title"]) for s in sections] == [
        ("1", "Early help"),
        ("2", "Places close to home"),
        ("3", "Listening to families"),
    ]
    assert [len(s["actions"]) for s in sections] == [1, 1, 1]
    assert titles(document)[1].startswith("Places close to home - wherever we can, we will")
    assert not any(t.startswith(("Do these", "You can")) for t in titles(document))


def test_a_bulleted_sentence_about_a_numbered_workstream_is_an_item_not_a_heading() -> None:
    """ "Workstream 2 is all about …": the workstream is the subject of the item's sentences,
    not a heading over what follows; its number is the item's ref and its words stay whole."""
    text = (
        "Inclusion programme\n"
        "The programme has four workstreams:\n"
        "  • Workstream 1 is all about helping mainstream schools meet needs earlier, with "
        "new outreach teams. Most of this will be in place by March 2027.\n"
        "  • Workstream 2 is all about building twelve new specialist resource bases next to "
        "mainstream schools. The first three aim to open in 2027.\n"
        "  • Workstream 3 is all about training every teaching assistant in the graduated "
        "approach. Sessions start in the summer term 2027.\n"
    )
    document = parse_text(text).document
    assert_valid_plan(document)
    found = all_actions(document)
    assert [a.get("ref") for a in found] == ["1", "2", "3"]
    assert found[0]["title"].startswith("Workstream 1 is all about helping mainstream schools")
    assert found[0]["title"].endswith("by March 2027.")


def test_headings_under_a_line_that_introduces_actions_stay_that_lists_sub_headings() -> None:
    """After "… we will:", short headings over bullets are the list's sub-headings, and a
    paragraph under the last of them is one of its items too, as before round 10."""
    text = (
        "Our SEND strategy\n"
        "Priority 2: Every child belongs\n"
        "To deliver this priority we will:\n"
        "Support in every school\n"
        "  • Every school has a named inclusion lead who meets the others each term.\n"
        "  • Children with SEND take part in every trip and club their school runs.\n"
        "Information for families\n"
        "  • Families can find what their school offers on one page of the Local Offer.\n"
        "Belonging in the community\n"
        "More clubs and leisure centres welcome children with SEND, so that families have "
        "more choice close to home.\n"
    )
    document = parse_text(text).document
    [priority] = document["plan"]["sections"]
    assert priority["ref"] == "2"
    assert len(titles(document)) == 4
    assert titles(document)[3].startswith("More clubs and leisure centres")


# Round 11: text as pasted or extracted, each kind written afresh as an invented plan.


def test_a_table_given_one_cell_a_line_by_a_pdf_to_text_tool() -> None:
    text = "\n".join(
        [
            "Westvale Improvement Plan",
            "",
            "Theme 3: Therapies",
            "",
            *["No.", "Action", "Responsible officer", "Deadline", "Status"],
            *["3.1", "Buy in more physiotherapy", "Kim Adeyemi, Therapy Lead", "Nov 2025", "Red"],
            "3.2",
            "Offer a therapy drop-in at each",
            "family hub on Saturdays",
            *["Kim Adeyemi, Therapy Lead", "Feb 2026", "Green"],
        ]
    )  # fmt: skip
    result = parse_text(text)
    assert_valid_plan(result.document)
    (section,) = result.document["plan"]["sections"]
    assert (section["ref"], section["title"]) == ("3", "Therapies")
    assert [a["ref"] for a in section["actions"]] == ["3.1", "3.2"]
    hub = action(result.document, "3.2")
    assert hub["title"] == "Offer a therapy drop-in at each family hub on Saturdays"
    assert hub["due"] == "2026-02"
    assert hub["updates"][0]["status"] == "G"
    assert hub["lead_text"] == "Kim Adeyemi, Therapy Lead"


def test_one_heading_a_line_without_a_ref_column_stays_narrative() -> None:
    text = "Westvale\n\nAction\nLead\nDeadline\n\nWe meet monthly.\n"
    result = parse_text(text)
    assert not all_actions(result.document)


def test_cells_run_together_by_two_spaces_and_not_lined_up() -> None:
    text = "\n".join(
        [
            "Westvale Inclusion Strategy  Delivery Plan",
            "",
            "Action  How we will know  Lead  Timescale",
            "Open two resourced provisions  40 places filled  Head of Place Planning  Sept 2026",
            "Train every governor in SEND  All boards trained  Governor Services Manager  Mar 2026",
        ]
    )
    result = parse_text(text)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "Open two resourced provisions",
        "Train every governor in SEND",
    ]
    governors = all_actions(result.document)[1]
    assert governors["lead_text"] == "Governor Services Manager"
    assert governors["due"] == "2026-03"
    assert governors["measures"][0]["text"] == "All boards trained"


def test_rows_after_a_new_outcome_heading_go_on_under_the_headings_given_once() -> None:
    text = "\n".join(
        [
            "Westvale Strategy Delivery Plan",
            "",
            "Outcome 4.1: Families know where to find help",
            "Ref\tAction\tLead\tTimescale",
            "4.1.1\tRefresh the Local Offer website\tGH\tMay 2026",
            "",
            "Outcome 4.2: Families trust the assessment process",
            "4.2.1\tSend families a named contact within a week\tPR\tJune 2026",
            "4.2.2\tSurvey families after every assessment\tPR\tJuly 2026",
            "",
            "Leads",
            "GH\tGwen Hollis, Local Offer Manager",
            "PR\tPaul Rennick, Assessment Manager",
        ]
    )
    result = parse_text(text)
    assert_valid_plan(result.document)
    sections = result.document["plan"]["sections"]
    assert [[a["ref"] for a in s["actions"]] for s in sections] == [
        ["4.1.1"],
        ["4.2.1", "4.2.2"],
    ]
    assert action(result.document, "4.2.2")["title"] == "Survey families after every assessment"
    assert result.document["plan"]["people"] == [
        {"key": "GH", "name": "Gwen Hollis", "role": "Local Offer Manager"},
        {"key": "PR", "name": "Paul Rennick", "role": "Assessment Manager"},
    ]


def test_a_committee_appendix_with_page_breaks_and_hyphens_at_line_ends() -> None:
    text = "\n".join(
        [
            "Appendix 2",
            "Westvale Cabinet – 2 June 2025",
            "",
            "No.\tAction\tOwner\tBy\tRAG",
            "Priority 2: Participation",
            "2.1\tRecruit young ambassadors to each of the partnership's sub-",
            "groups\tParticipation Lead\tJuly 2025\tGreen",
            "2.2\tPublish a you said, we did report\tParticipation",
            "Westvale Cabinet – 2 June 2025",
            "Page 7 of 9",
            "Appendix 2",
            "No.\tAction\tOwner\tBy\tRAG",
            "Lead\tSept 2025\tAmber",
            "2.3\tHold a family conference\tParticipation Lead\tOct 2025\tGreen",
        ]
    )
    result = parse_text(text)
    assert_valid_plan(result.document)
    (section,) = result.document["plan"]["sections"]
    assert (section["ref"], section["title"]) == ("2", "Participation")
    assert [a["ref"] for a in section["actions"]] == ["2.1", "2.2", "2.3"]
    assert action(result.document, "2.1")["title"] == (
        "Recruit young ambassadors to each of the partnership's subgroups"
    )
    report = action(result.document, "2.2")
    assert (report["lead_text"], report["due"]) == ("Participation Lead", "2025-09")
    assert report["updates"][0]["status"] == "A"


def test_a_status_update_listing_each_action_its_rating_and_why() -> None:
    text = "\n".join(
        [
            "Subject: APP ratings for the March board",
            "",
            "Hello all, the ratings this month are:",
            "A1 Therapy recruitment – Red – two offers were withdrawn.",
            "A2 Autism hub – Green",
            "B1 Annual review backlog – On track – 40 cleared in February",
            "",
            "Thanks, Lee",
        ]
    )
    result = parse_text(text)
    assert_valid_plan(result.document)
    assert [(a["ref"], a["title"]) for a in all_actions(result.document)] == [
        ("A1", "Therapy recruitment"),
        ("A2", "Autism hub"),
        ("B1", "Annual review backlog"),
    ]
    assert action(result.document, "A1")["updates"][0]["status"] == "R"
    assert action(result.document, "A1")["updates"][0]["narrative"] == (
        "Two offers were withdrawn."
    )
    assert action(result.document, "A2")["updates"][0]["status"] == "G"


def test_lines_set_apart_by_dashes_without_ratings_are_no_status_update() -> None:
    text = "Westvale\n\n1 Monday – Hall – bring a coat\n2 Tuesday – Library – no coat\n"
    assert not all_actions(parse_text(text).document)


def test_an_area_of_weakness_named_by_the_finding_on_the_line_under_it() -> None:
    text = "\n".join(
        [
            "Westvale Written Statement of Action",
            "",
            "Area of weakness 3",
            "",
            "Young people's views are rarely sought when their plans are reviewed.",
            "",
            "Actions:",
            "a) Add a young person's page to every annual review (Lead: Participation Officer; "
            "by June 2021)",
            "b) Train reviewing officers in listening to young people (Lead: Reviews Manager; "
            "by May 2021)",
        ]
    )
    result = parse_text(text)
    (section,) = result.document["plan"]["sections"]
    assert (section["ref"], section["title"]) == (
        "3",
        "Young people's views are rarely sought when their plans are reviewed.",
    )
    assert len(section["actions"]) == 2


def test_a_priority_named_on_the_line_under_it_is_still_not_a_sentence() -> None:
    text = "Plan\n\nPriority 3\n\nWe met twice.\n\nRef\tAction\tLead\n3.1\tMeet\tJo Hart\n"
    (section,) = parse_text(text).document["plan"]["sections"]
    assert section["title"] != "We met twice."


REPORT = """Westvale SEND Board – highlight report, Q2

Workstream 3: Preparing for adulthood
Overall status: Green

Key achievements this period
- Forty young people started supported internships.

Next steps
- W3.1 Open a second supported living scheme (Dev Kapoor, by March 2026). This milestone is amber while the lease is agreed.
- W3.2 Publish the transitions protocol (Dev Kapoor, by November 2025). It remains green.

Risks and issues
- Post-16 transport costs are a red risk this year.
"""  # noqa: E501


def test_a_highlight_report_with_next_steps_and_ratings_in_sentences() -> None:
    result = parse_text(REPORT)
    assert_valid_plan(result.document)
    assert [a["ref"] for a in all_actions(result.document)] == ["W3.1", "W3.2"]
    living = action(result.document, "W3.1")
    assert living["title"] == "Open a second supported living scheme"
    assert (living["lead_text"], living["due"]) == ("Dev Kapoor", "2026-03")
    assert living["updates"][0]["status"] == "A"
    assert living["updates"][0]["narrative"] == "This milestone is amber while the lease is agreed."
    assert action(result.document, "W3.2")["updates"][0]["status"] == "G"


@pytest.mark.parametrize(
    ("note", "colour"),
    [
        ("This action is amber because the advert closed late.", "Amber"),
        ("The work is now rated red: no provider bid.", "Red"),
        ("It remains green.", "Green"),
        ("Transport is a red risk this year.", None),
        ("Green spaces were added to the school.", None),
        ("Done. The board is red about it.", None),
    ],
)
def test_a_colour_given_in_the_opening_sentence_of_a_progress_note(
    note: str, colour: str | None
) -> None:
    assert statuses.sentence_colour(note) == colour
