"""The importer's known leftovers, each as an invented plan in words of its own.

Office files whose tables the table reading has no column for (a table of one column of
numbered actions with their "Lead:" and "By:" lines, "Priority | What we will do" with bullets
in the cells, a table laid out sideways), read as their words or turned; and the smaller
kinds noticed in earlier rounds.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

import docx
import openpyxl

from sendplan.demo.pdf_files import html_pdf, table_html
from sendplan.interchange.parsers import (
    Layout,
    ParseResult,
    interpret,
    parse_text,
    rules,
)
from sendplan.interchange.parsers.blocks import Table
from sendplan.interchange.tests import all_actions, assert_valid_plan, parsed_file, word_table


def _docx(build: Any) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read(result: ParseResult) -> list[tuple[str | None, str, str | None, str | None]]:
    return [
        (a.get("ref"), a["title"], a.get("lead_text"), a.get("due_text"))
        for a in all_actions(result.document)
    ]


def _placed_by(result: ParseResult, rule: rules.Rule) -> bool:
    actions = [p for p in result.placements if p.kind == "action"]
    return bool(actions) and all(p.rule == rule.code and p.confidence < 1 for p in actions)


# 1. Office files whose tables give no actions while their words would

ASHCOMBE = [
    [
        "1.1 Set up a single front door for early help requests from schools\n"
        "Lead: Head of Early Help\nBy: March 2026"
    ],
    [
        "1.2 Train health visitors in the two-year developmental check\n"
        "Lead: Designated Clinical Officer\nBy: December 2025"
    ],
]


@cache
def ashcombe_docx() -> bytes:
    def build(document: Any) -> None:
        document.add_heading("Ashcombe SEND Improvement Plan 2025-26", 0)
        document.add_heading("Priority 1: Early help", 1)
        word_table(document, ASHCOMBE)
        document.add_heading("Priority 2: Transitions", 1)
        word_table(
            document,
            [
                [
                    "2.1 Publish a transition protocol agreed with every secondary school\n"
                    "Lead: SEND Manager\nBy: July 2026"
                ]
            ],
        )

    return _docx(build)


def test_a_one_column_table_of_numbered_actions_with_their_lines_is_read_as_words() -> None:
    # Before: no actions (the table has no column of leads or dates).
    result = parsed_file(ashcombe_docx(), "ashcombe.docx")
    assert _read(result) == [
        ("1.1", "Set up a single front door for early help requests from schools",
         "Head of Early Help", "March 2026"),
        ("1.2", "Train health visitors in the two-year developmental check",
         "Designated Clinical Officer", "December 2025"),
        ("2.1", "Publish a transition protocol agreed with every secondary school",
         "SEND Manager", "July 2026"),
    ]  # fmt: skip
    assert [s["title"] for s in result.document["plan"]["sections"]] == [
        "Early help",
        "Transitions",
    ]
    assert _placed_by(result, rules.WORDS_OVER_TABLES)
    assert rules.WORDS_OVER_TABLES.code in {item.code for item in result.report}
    # Each action says where in the file it was read, not a line of the text made from it.
    wheres = [p.where for p in result.placements if p.kind == "action"]
    assert all("line" not in where for where in wheres)


def test_read_again_with_no_choices_the_file_is_read_as_its_words_again() -> None:
    first = parsed_file(ashcombe_docx(), "ashcombe.docx")
    assert first.source is not None
    again = interpret(first.source.from_data(first.source.to_data()), Layout())
    assert _read(again) == _read(first)
    # A person's choice for a table's columns is read as chosen, the tables' way.
    chosen = interpret(first.source, Layout(list_items=True))
    assert not any(p.rule == rules.WORDS_OVER_TABLES.code for p in chosen.placements)


def test_the_same_one_column_table_in_a_pdf_is_read_as_words() -> None:
    body = "<h1>Ashcombe SEND Improvement Plan</h1><h2>Priority 1: Early help</h2>"
    data = html_pdf(body + table_html([[("Actions", 1)]], ASHCOMBE))
    result = parsed_file(data, "ashcombe.pdf")
    assert [(ref, lead, due) for ref, _, lead, due in _read(result)] == [
        ("1.1", "Head of Early Help", "March 2026"),
        ("1.2", "Designated Clinical Officer", "December 2025"),
    ]


BRINDLE = [
    ["Priority", "What we will do"],
    [
        "Priority 1: Inclusion in mainstream schools",
        "• Offer every school a visit from the inclusion team each term.\n"
        "• Publish a toolkit of reasonable adjustments for classrooms.\n"
        "• Fund ten resourced provisions attached to mainstream schools.",
    ],
    [
        "Priority 2: Timely assessments",
        "• Clear the backlog of needs assessments by the spring.\n"
        "• Recruit three more educational psychologists to the team.",
    ],
]


def _brindle_titles(result: ParseResult) -> list[tuple[str, list[str]]]:
    return [
        (s["title"], [a["title"] for a in s.get("actions", [])])
        for s in result.document["plan"]["sections"]
    ]


BRINDLE_READ = [
    (
        "Inclusion in mainstream schools",
        [
            "Offer every school a visit from the inclusion team each term.",
            "Publish a toolkit of reasonable adjustments for classrooms.",
            "Fund ten resourced provisions attached to mainstream schools.",
        ],
    ),
    (
        "Timely assessments",
        [
            "Clear the backlog of needs assessments by the spring.",
            "Recruit three more educational psychologists to the team.",
        ],
    ),
]


def test_priorities_beside_bulleted_actions_in_one_cell_are_read_as_words() -> None:
    # Before: one action a priority, its bullets run together.
    def build(document: Any) -> None:
        document.add_heading("Brindle Local Area SEND Strategy", 0)
        word_table(document, BRINDLE)

    result = parsed_file(_docx(build), "brindle.docx")
    assert _brindle_titles(result) == BRINDLE_READ
    assert _placed_by(result, rules.WORDS_OVER_TABLES)


def test_priorities_beside_bulleted_actions_in_a_pdf_are_read_as_words() -> None:
    heads = [[(heading, 1) for heading in BRINDLE[0]]]
    data = html_pdf("<h1>Brindle Local Area SEND Strategy</h1>" + table_html(heads, BRINDLE[1:]))
    assert _brindle_titles(parsed_file(data, "brindle.pdf")) == BRINDLE_READ


def test_a_sheet_laid_out_sideways_each_action_a_column_is_turned() -> None:
    # Before: no actions.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet.append(["Caverley SEND Written Statement of Action"])
    sheet.append([])
    sheet.append(["Ref", "1.1", "1.2", "1.3"])
    sheet.append([
        "Action",
        "Agree a joint commissioning strategy with health partners",
        "Publish the sufficiency plan for specialist places",
        "Set up a parent carer panel for commissioning decisions",
    ])  # fmt: skip
    sheet.append(["Lead", "Director of Commissioning", "Head of SEND", "Parent Carer Forum Chair"])
    sheet.append(["Deadline", "April 2026", "June 2026", "January 2026"])
    sheet.append(["RAG", "Green", "Amber", "Red"])
    out = io.BytesIO()
    book.save(out)
    result = parsed_file(out.getvalue(), "caverley.xlsx")
    assert [(ref, lead, due) for ref, _, lead, due in _read(result)] == [
        ("1.1", "Director of Commissioning", "April 2026"),
        ("1.2", "Head of SEND", "June 2026"),
        ("1.3", "Parent Carer Forum Chair", "January 2026"),
    ]
    assert [a["updates"][0]["status"] for a in all_actions(result.document)] == ["G", "A", "R"]
    assert _placed_by(result, rules.ACTIONS_AS_COLUMNS)
    wheres = [p.where for p in result.placements if p.kind == "action"]
    assert wheres[0].endswith("column 2")


def test_a_table_of_labels_beside_labelled_sentences_is_read_a_row_a_line() -> None:
    # Before: no actions. Read a cell a line, "Action 1.1" would be a heading over its
    # sentence; read a row a line, each row is an action with its lead and date, which is
    # kept as the reading with more leads and dates.
    def build(document: Any) -> None:
        document.add_heading("Garth SEND Plan", 0)
        document.add_heading("Priority 1: Early help", 1)
        word_table(document, [
            ["Action 1.1", "Publish the early help guidance for schools. "
             "Lead: Head of Early Help. Due: March 2026."],
            ["Action 1.2", "Train health visitors in the two-year check. "
             "Lead: Designated Clinical Officer. Due: June 2026."],
            ["Action 1.3", "Open a family hub in each locality. "
             "Lead: Head of Family Hubs. Due: April 2026."],
        ])  # fmt: skip

    result = parsed_file(_docx(build), "garth.docx")
    assert _read(result) == [
        ("1.1", "Publish the early help guidance for schools.", "Head of Early Help",
         "March 2026"),
        ("1.2", "Train health visitors in the two-year check.", "Designated Clinical Officer",
         "June 2026"),
        ("1.3", "Open a family hub in each locality.", "Head of Family Hubs", "April 2026"),
    ]  # fmt: skip
    assert _placed_by(result, rules.WORDS_OVER_TABLES)


def test_actions_as_paragraphs_between_small_tables_stay_as_the_tables_read_them() -> None:
    # Read already before: the words are not read a second way.
    def build(document: Any) -> None:
        document.add_heading("Dunmere Accelerated Progress Plan", 0)
        document.add_heading("Area for improvement 1: Waiting times for therapies", 1)
        word_table(
            document, [["Sponsor", "Director of Children's Services"], ["Budget", "£40,000"]]
        )
        document.add_paragraph(
            "1.1 Commission an extra speech and language therapy service for the under-fives. "
            "Lead: Head of Commissioning. Due: March 2026."
        )
        document.add_paragraph(
            "1.2 Report waiting times to the partnership board every month. "
            "Lead: Performance Manager. Due: January 2026."
        )

    result = parsed_file(_docx(build), "dunmere.docx")
    assert [(ref, lead, due) for ref, _, lead, due in _read(result)] == [
        ("1.1", "Head of Commissioning", "March 2026"),
        ("1.2", "Performance Manager", "January 2026"),
    ]
    assert not any(p.rule == rules.WORDS_OVER_TABLES.code for p in result.placements)


def test_a_file_whose_tables_read_well_is_not_read_as_words() -> None:
    def build(document: Any) -> None:
        document.add_heading("Eastfold SEND Plan", 0)
        word_table(document, [
            ["Ref", "Action", "Lead", "Due"],
            ["1.1", "Publish the local offer review", "Head of SEND", "March 2026"],
            ["1.2", "Audit annual reviews with parents", "SEND Manager", "June 2026"],
        ])  # fmt: skip

    result = parsed_file(_docx(build), "eastfold.docx")
    assert [ref for ref, *_ in _read(result)] == ["1.1", "1.2"]
    assert all(p.rule != rules.WORDS_OVER_TABLES.code for p in result.placements)


def test_pasted_text_is_never_read_a_second_way() -> None:
    result = parse_text("Plan\n\nPriority 1: Early help\n\nNo actions here, only words.\n")
    assert not all_actions(result.document)
    assert rules.NO_ACTIONS.code in {item.code for item in result.report}


# 4. Progress words as ratings, with no key

MILLBRAE = (
    "Millbrae Partnership Delivery Plan\n\n"
    "Quarter 3 (October-December 2025)\n\n"
    "Ref\tAction\tStatus\tQuarter 3 Update\n"
    "1.1\tOpen two more resourced provisions\tOn schedule\tBoth sites have heads in post.\n"
    "1.2\tCut the wait for autism assessment to 18 weeks\tOff target\tWaits are 31 weeks.\n"
    "1.3\tPublish the new Local Offer pages\tn/a\t\n"
    "1.4\tTrain all early years settings in the graduated approach\tOn schedule\t"
    "Forty settings trained.\n"
)


def test_on_and_off_schedule_with_no_key_are_the_plans_own_ratings_for_the_quarter() -> None:
    # Before: "On schedule" read as green on the usual scale, "Off target" as a note, in a
    # period called "Status" apart from the quarter's update; "n/a" as a note.
    plan = parse_text(MILLBRAE).document["plan"]
    assert [(s["code"], s.get("colour")) for s in plan["status_scale"]] == [
        ("Off target", "red"),
        ("On schedule", "green"),
    ]
    assert plan["periods"] == [{"label": "Q3", "ends_on": "2025-12-31"}]
    updates = {a["ref"]: a.get("updates", []) for a in all_actions({"plan": plan})}
    assert [u["status"] for u in updates["1.1"]] == ["On schedule"]
    assert updates["1.2"] == [
        {"period": "Q3", "status": "Off target", "narrative": "Waits are 31 weeks."}
    ]
    # "n/a": not rated, and no note of it.
    assert updates["1.3"] == []


def test_a_quarter_named_with_its_months_dates_only_a_column_of_that_quarter() -> None:
    text = MILLBRAE.replace("Quarter 3 (October", "Quarter 2 (July").replace(
        "-December", "-September"
    )
    plan = parse_text(text).document["plan"]
    assert plan["periods"] == [{"label": "Q3"}]


# 3. Priorities and enablers as lines of a flattened table, with no actions under them

KELBROOK = (
    "Kelbrook SEND Programme\n\n"
    "We have seven strategic priorities and enablers, agreed with our partners in 2023.\n\n"
    "Number Priority/enabler Focus\n"
    "Priority 1 Early support in the first five years (Early Years Board) Health visiting, "
    "nursery places and help for families before school.\n"
    "Priority 2 Inclusion in mainstream schools (Schools Forum) Support in every classroom.\n"
    "Priority 3 Specialist places close to home (Sufficiency Group) New places in the borough.\n"
    "Enabler 1 Information and data Knowing the needs of the area.\n"
    "Enabler 2 Workforce Training for every practitioner.\n"
)


def _list_reading(text: str) -> ParseResult:
    source = parse_text(text).source
    assert source is not None
    return interpret(source, Layout(list_items=True))


def test_priorities_without_actions_say_so_and_are_offered_as_a_list_of_actions() -> None:
    result = parse_text(KELBROOK)
    # Read by itself, the page has priorities and no actions: it says so, and does not speak
    # of columns a page without tables does not have.
    assert not all_actions(result.document)
    message = next(i.message for i in result.report if i.code == rules.NO_ACTIONS.code)
    assert "columns" not in message
    assert "list" in message
    # Asked to read its lists as actions, each "Priority N" or "Enabler N" line is one, its
    # ref as written, and the priorities opened from those same lines are not left empty.
    asked = _list_reading(KELBROOK)
    assert_valid_plan(asked.document)
    assert [(a["ref"], a["title"][:30]) for a in all_actions(asked.document)] == [
        ("Priority 1", "Early support in the first fiv"),
        ("Priority 2", "Inclusion in mainstream school"),
        ("Priority 3", "Specialist places close to hom"),
        ("Enabler 1", "Information and data Knowing t"),
        ("Enabler 2", "Workforce Training for every p"),
    ]
    assert all(s.get("actions") for s in asked.document["plan"]["sections"])


def test_two_priority_lines_in_prose_are_not_a_list() -> None:
    text = (
        "Plan\n\n- Publish the new graduated approach guidance for schools\n\n"
        "Priority 1 is the largest piece of work we have.\n"
    )
    refs = [a.get("ref") for a in all_actions(_list_reading(text).document)]
    assert refs == [None]


# 5. Smaller kinds


def test_a_key_of_ratings_without_colours_colours_not_started_white_not_by_its_place() -> None:
    # Before: "Not yet begun", fourth of four, came out red.
    def build(document: Any) -> None:
        document.add_heading("Pellow plan", 0)
        word_table(document, [
            ["Status", "Meaning"],
            ["Complete", "The action is done"],
            ["On track", "Going to plan"],
            ["At risk", "May miss its date"],
            ["Not started", "Not yet begun"],
        ])  # fmt: skip
        word_table(document, [
            ["Ref", "Action", "Lead", "Status"],
            ["1.1", "Publish the local offer review", "Head of SEND", "Not started"],
            ["1.2", "Audit annual reviews with parents", "SEND Manager", "At risk"],
        ])  # fmt: skip

    plan = parsed_file(_docx(build), "pellow.docx").document["plan"]
    # The words are the codes the cells hold; the key's second column is what each means
    # (round status32: the meanings had been dropped).
    assert [(s["code"], s["label"], s["colour"]) for s in plan["status_scale"]] == [
        ("Complete", "The action is done", "blue"),
        ("On track", "Going to plan", "green"),
        ("At risk", "May miss its date", "amber"),
        ("Not started", "Not yet begun", "white"),
    ]


def test_a_due_date_in_words_is_kept_as_written_and_no_date_is_made_up() -> None:
    text = (
        "Plan\n\nRef\tAction\tLead\tBy when\n"
        "1.1\tPublish the guidance\tHead of SEND\tearly 2026\n"
        "1.2\tTrain every SENCo\tSEND Manager\twithin six months\n"
        "1.3\tAudit the plans\tSEND Manager\tby the end of the summer term 2025\n"
    )
    actions = all_actions(parse_text(text).document)
    assert [(a.get("due"), a.get("due_text")) for a in actions] == [
        (None, "early 2026"),
        (None, "within six months"),
        ("2025-07", "by the end of the summer term 2025"),
    ]


def test_hidden_helper_columns_of_a_sheet_are_left_out_with_a_note() -> None:
    # Before: the hidden "Owner code" column was read as a second lead column and the hidden
    # day count beside the target date as more of the plan.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(["Ref", "Action", "Owner code", "Lead", "Target date", "Days left", "RAG"])
    sheet.append(["1.1", "Publish the local offer review", "HOS-01", "Head of SEND",
                  "March 2026", 112, "Green"])  # fmt: skip
    sheet.append(["1.2", "Audit annual reviews with parents", "SM-02", "SEND Manager",
                  "June 2026", 203, "Amber"])  # fmt: skip
    for letter in ("C", "F"):
        sheet.column_dimensions[letter].hidden = True
    out = io.BytesIO()
    book.save(out)
    result = parsed_file(out.getvalue(), "tracker.xlsx")
    assert [(ref, lead, due) for ref, _, lead, due in _read(result)] == [
        ("1.1", "Head of SEND", "March 2026"),
        ("1.2", "SEND Manager", "June 2026"),
    ]
    assert result.source is not None
    table = result.source.blocks[1]
    assert isinstance(table, Table)
    assert table.rows[0].cells == [
        "Ref", "Action", "Lead", "Target date", "RAG",
    ]  # fmt: skip
    assert any("2 hidden column(s)" in item.message for item in result.report)


def test_a_lead_cell_wrapped_before_the_last_word_of_a_post_is_one_lead() -> None:
    # Before: "SEND Performance" and "Officer", two leads.
    text = (
        "Plan\n\nRef\tAction\tLead\tDue\n"
        '1.1\tPublish the dashboard\t"SEND Performance\nOfficer"\tMarch 2026\n'
        '1.2\tAudit the plans\t"Head of SEND\nDesignated Clinical Officer"\tJune 2026\n'
    )
    document = parse_text(text).document
    leads = {a["ref"]: a["leads"] for a in all_actions(document)}
    names = {p["key"]: p.get("role") or p.get("name") for p in document["plan"]["people"]}
    assert [names[key] for key in leads["1.1"]] == ["SEND Performance Officer"]
    assert [names[key] for key in leads["1.2"]] == ["Head of SEND", "Designated Clinical Officer"]


# 2. A table run into one paragraph, its cells told apart only by meaning

HOLBECK = (
    "Inclusion Service Plan\n\n"
    "Aim 2: Better transitions Objective Actions Lead Success Criteria Timescale RAG "
    "Spring Summer Make every move between schools planned with the family Hold a "
    "transition meeting for each pupil with an EHC plan in year 6 / All year 6 pupils with "
    "plans have a meeting by May Share records between settings Agree one form for passing "
    "on records that every setting uses / The form is in use in all primary schools\n"
)


def test_a_table_run_into_one_paragraph_is_named_as_such_when_nothing_is_read() -> None:
    # Before: only "No actions were found"; now the paragraph is pointed out and what to do.
    result = parse_text(HOLBECK)
    assert not all_actions(result.document)
    notes = [i for i in result.report if i.code == rules.RUN_TOGETHER_UNREAD.code]
    assert [note.where for note in notes] == ["line 3"]
    assert "'Actions'" in notes[0].message and "'Lead'" in notes[0].message


def test_a_long_paragraph_of_prose_that_mentions_leads_and_actions_is_not_a_table() -> None:
    prose = (
        "Plan\n\nOur partnership has agreed that the lead for each of the actions below will "
        "report progress to the board every term, and that parents will be told what has "
        "changed through the local offer, the forum's newsletter and the termly events we "
        "hold in each town, so that families can see what is being done and say where it is "
        "not yet making a difference to them.\n"
    )
    result = parse_text(prose)
    assert rules.RUN_TOGETHER_UNREAD.code not in {i.code for i in result.report}
