"""Two shapes of workbook ROUND20.md left misread, as invented workbooks in words of their own.

A committee's action log headed "Resolution | Decision | Action by" (rule
`actions-beside-lead`), and a consultation's one column of changes under a heading cell, then
"Why ...?" and the reasons in the same column (rule `changes-not-headings`).
"""

from __future__ import annotations

import io

import openpyxl

from sendplan.interchange.parsers import ParseResult, rules
from sendplan.interchange.tests import all_actions, parsed_file, shuffled


def _workbook(rows: list[list[str | None]], title: str = "Sheet") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _codes(result: ParseResult) -> set[str]:
    return {item.code for item in result.report}


# 1. A committee's action log: "Resolution | Decision | Action by"

ORCHARD_LOG: list[list[str | None]] = [
    ["Children's Services Scrutiny Committee action log"],
    ["Item 7: SEND Written Statement of Action progress"],
    [],
    ["Resolution", "Decision", "Action by"],
    [
        "(1)",
        "the Assistant Director for Education be asked to bring the revised sufficiency plan "
        "for specialist places to the next meeting of the Committee",
        "Assistant Director for Education",
    ],
    [
        "(2)",
        "the Designated Clinical Officer be requested to circulate the latest waiting times "
        "for speech and language therapy assessments to all Members",
        "Designated Clinical Officer",
    ],
    [
        "(3)",
        "the Head of SEND be asked to arrange a briefing for Members on the changes to the "
        "annual review process for education, health and care plans",
        "Head of SEND",
    ],
]


def test_a_committee_log_reads_its_decisions_as_actions_with_their_officers() -> None:
    result = parsed_file(_workbook(ORCHARD_LOG, "Action log"), "orchard-log.xlsx")
    actions = all_actions(result.document)
    assert [a.get("ref") for a in actions] == ["1", "2", "3"]
    assert actions[0]["title"].startswith("the Assistant Director for Education be asked")
    assert [a.get("lead_text") for a in actions] == [
        "Assistant Director for Education",
        "Designated Clinical Officer",
        "Head of SEND",
    ]
    notes = [item for item in result.report if item.code == rules.ACTIONS_BESIDE_LEAD.code]
    assert len(notes) == 1
    assert "'Decision'" in notes[0].message and "'Action by'" in notes[0].message


def test_action_by_over_dates_is_not_read_as_who_acts() -> None:
    # "Action by" here says when, not who: the rule leaves the table alone.
    rows = [
        [*row[:2], "March 2026"] if len(row) == 3 and row[0] != "Resolution" else row
        for row in ORCHARD_LOG
    ]
    result = parsed_file(_workbook(rows, "Action log"), "orchard-dated.xlsx")
    assert rules.ACTIONS_BESIDE_LEAD.code not in _codes(result)


def test_two_columns_of_sentences_beside_a_lead_are_not_guessed_between() -> None:
    rows: list[list[str | None]] = [["Resolution", "Decision", "Reason for decision", "Lead"]]
    for number, row in enumerate(ORCHARD_LOG[4:], start=1):
        reason = "Members wanted to see the evidence behind the plan's figures before agreeing it"
        rows.append([f"({number})", row[1], reason, row[2]])
    result = parsed_file(_workbook(rows, "Action log"), "orchard-two.xlsx")
    assert rules.ACTIONS_BESIDE_LEAD.code not in _codes(result)


# The log laid out a little differently reads the same (transformations of shuffled.py): a
# first decision with no officer yet, the log split over two sheets, a table of indicators
# under it with a line naming that table.
LONGER_LOG: list[list[str | None]] = [
    *ORCHARD_LOG[:4],
    [
        "(1)",
        "the update on the written statement be noted and the work on it be continued through "
        "the winter term",
        None,
    ],
    *[[f"({number})", *row[1:]] for number, row in enumerate(ORCHARD_LOG[4:], start=2)],
]


def _log_read(data: bytes) -> list[tuple[str | None, str, str | None]]:
    result = parsed_file(data, "log.xlsx")
    return [(a.get("ref"), a["title"], a.get("lead_text")) for a in all_actions(result.document)]


def test_the_log_reads_the_same_split_over_sheets_or_with_indicators_below() -> None:
    data = _workbook(LONGER_LOG, "Action log")
    read = _log_read(data)
    assert [ref for ref, _, _ in read] == ["1", "2", "3", "4"]
    assert read[0][2] is None
    assert _log_read(shuffled.xl_split_across_sheets(data)) == read
    assert _log_read(shuffled.xl_indicators_below(data)) == read


# 2. A consultation's changes in one column, then why, in the same column

BRAMLEY_CONSULTATION: list[list[str | None]] = [
    ["Home to School Transport Policy Consultation"],
    [],
    ["Subject", "Home to school transport"],
    ["Commissioned by", "Education Access Team"],
    ["Method", "Online survey"],
    [],
    ["The changes we are proposing to make"],
    ["Rewriting the policy in plain English"],
    ["Offering personal travel budgets to families who would rather make their own arrangements"],
    ["Moving post 16 transport into a policy of its own"],
    ["Introducing a yearly review of every child's travel arrangements with their family"],
    [],
    ["Why are we making these changes?"],
    ["We must keep our policies up to date with the law"],
    ["To give families more choice in how their children travel"],
    ["To spend public money well"],
]


def test_a_column_of_changes_is_read_as_actions_not_as_headings_over_them() -> None:
    result = parsed_file(_workbook(BRAMLEY_CONSULTATION, "Consultation"), "bramley.xlsx")
    titles = [a["title"] for a in all_actions(result.document)]
    assert titles == [
        "Rewriting the policy in plain English",
        "Offering personal travel budgets to families who would rather make their own arrangements",
        "Moving post 16 transport into a policy of its own",
        "Introducing a yearly review of every child's travel arrangements with their family",
    ]
    section_titles = [s["title"] for s in result.document["plan"]["sections"]]
    assert not set(section_titles) & set(titles)
    assert rules.CHANGES_NOT_HEADINGS.code in _codes(result)


def test_the_reasons_under_why_stay_out_of_the_actions() -> None:
    result = parsed_file(_workbook(BRAMLEY_CONSULTATION, "Consultation"), "bramley.xlsx")
    titles = " ".join(a["title"] for a in all_actions(result.document))
    assert "public money" not in titles and "more choice" not in titles
