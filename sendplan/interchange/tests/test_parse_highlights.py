"""Highlight reports and progress reports on a plan (parsers/highlights.py): each workstream a
section, each next step an action, the workstream's RAG and progress their update for the
period the report names.

The invented corpus is in highlight_corpus.py (bench/parse_highlights.py prints its figures);
the tests after it each hold one rule, in words of their own."""

from __future__ import annotations

import docx
import openpyxl
import pytest

from sendplan.interchange.parsers import highlights, parse_text, rules
from sendplan.interchange.tests import (
    all_actions,
    assert_valid_plan,
    parsed_file,
    placed_by,
    report_codes,
    saved,
    titles,
    walk_sections,
    word_table,
)
from sendplan.interchange.tests.highlight_corpus import PLANS, HighlightPlan, figures, parsed

# Every figure of every report at least this share.
TARGET = 0.98


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_report_is_read_about_as_a_person_would(plan: HighlightPlan) -> None:
    short = [
        f"{what}: {same}/{total}"
        for what, same, total in figures(plan)
        if total and same / total < TARGET
    ]
    assert not short, f"{plan.name} reads below its floors: {', '.join(short)}"


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_report_gives_a_valid_document(plan: HighlightPlan) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_has_reports_in_every_format() -> None:
    kinds = {plan.filename.rsplit(".", 1)[1] for plan in PLANS}
    assert kinds == {"txt", "docx", "xlsx", "pdf"} and len(PLANS) >= 8


# The labels and periods reports are written with


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Next steps", "steps"),
        ("Planned for next period:", "steps"),
        ("Actions for the next quarter", "steps"),
        ("Key milestones", "steps"),
        ("Next reporting period", "steps"),
        ("Key activities next month", "steps"),
        ("This reporting period", "progress"),
        ("Key activities completed", "progress"),
        ("Not yet achieved", "steps"),
        ("Key achievements this period", "progress"),
        ("What we have done", "progress"),
        ("Overall RAG", "rag"),
        ("Senior responsible officer", "lead"),
        ("Risks and issues", "risks"),
        ("Workstream", "name"),
        ("Direction of travel", "other"),
        ("The panel met in June and agreed the new criteria", None),
    ],
)
def test_a_reports_labels_say_what_each_part_holds(label: str, kind: str | None) -> None:
    assert highlights.kind_of(label) == kind


@pytest.mark.parametrize(
    ("line", "period"),
    [
        ("Highlight report: Quarter 2 2025/26", "Q2 2025/26"),
        ("Progress update Q3 2026-27", "Q3 2026/27"),
        ("Report to the board, September 2025", "September 2025"),
        ("Period covered: July to September 2026", "July to September 2026"),
        ("Our progress so far", None),
    ],
)
def test_a_line_near_the_top_names_the_reports_period(line: str, period: str | None) -> None:
    assert highlights.period_of(line) == period


@pytest.mark.parametrize(
    ("step", "parts"),
    [
        (
            "Recruit two caseworkers (Head of SEND, March 2026)",
            ("Recruit two caseworkers", "Head of SEND", "March 2026"),
        ),
        (
            "Open the Eastfields hub – by December 2025",
            ("Open the Eastfields hub", "", "by December 2025"),
        ),
        ("Publish the charter by 30 April 2026", ("Publish the charter", "", "by 30 April 2026")),
        (
            "Hold a careers fair – March 2026 – Post-16 Manager",
            ("Hold a careers fair", "Post-16 Manager", "March 2026"),
        ),
        # Words in brackets that are neither an owner nor a date stay in the title.
        (
            "Visit every provider (including those not yet registered with the council)",
            ("Visit every provider (including those not yet registered with the council)", "", ""),
        ),
    ],
)
def test_a_next_step_gives_its_owner_and_date_after_it(
    step: str, parts: tuple[str, str, str]
) -> None:
    assert highlights.split_step(step) == parts


# highlight-columns


def test_a_row_per_workstream_gives_its_next_steps_as_actions_and_its_rag_as_their_status() -> None:
    text = (
        "SEND Improvement Board highlight report, Quarter 1 2026/27\n"
        "Workstream\tRAG\tProgress\tNext steps\tRisks\n"
        "Short breaks\tAmber\tThe statement was drafted.\t"
        "• Consult families on the statement\n• Commission two holiday clubs\t"
        "Providers may not bid\n"
        "Transport\tGreen\tRoutes retendered.\t• Offer travel training to Year 10\t\n"
    )
    result = parse_text(text)
    actions = all_actions(result.document)
    assert [a["title"] for a in actions] == [
        "Consult families on the statement",
        "Commission two holiday clubs",
        "Offer travel training to Year 10",
    ]
    assert [a["updates"][0]["status"] for a in actions] == ["A", "A", "G"]
    assert {a["updates"][0]["period"] for a in actions} == {"Q1 2026/27"}
    sections = [s["title"] for s in walk_sections(result.document["plan"]["sections"])]
    assert sections == ["Short breaks", "Transport"]
    assert placed_by(result) == {rules.HIGHLIGHT_COLUMNS.code}
    assert rules.HIGHLIGHT_PERIOD.code in report_codes(result)


def test_an_action_table_with_a_next_steps_column_is_read_as_actions() -> None:
    text = (
        "Ref\tAction\tLead\tRAG\tNext steps\n"
        "1.1\tPublish the short breaks statement\tHead of SEND\tGreen\tConsult families\n"
        "1.2\tReview transport eligibility\tHead of Transport\tAmber\tTalk to schools\n"
    )
    result = parse_text(text)
    assert titles(result.document) == [
        "Publish the short breaks statement",
        "Review transport eligibility",
    ]
    assert rules.HIGHLIGHT_COLUMNS.code not in placed_by(result)


def test_a_dashboard_sheet_reads_its_owner_and_overall_rag() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Dashboard – March 2027"])
    sheet.append(["Priority", "Owner", "Overall RAG", "Direction of travel", "Next steps"])
    sheet.append(["Annual reviews", "Head of SEN", "RED", "↓", "Hold every overdue review"])
    sheet.append(["Transport", "Transport Manager", "GREEN", "↑", "Retender the routes"])
    result = parsed_file(saved(book), "dashboard.xlsx")
    found = [
        (a["title"], a.get("lead_text"), a["updates"][0]["status"], a["updates"][0]["period"])
        for a in all_actions(result.document)
    ]
    assert found == [
        ("Hold every overdue review", "Head of SEN", "R", "March 2027"),
        ("Retender the routes", "Transport Manager", "G", "March 2027"),
    ]


# highlight-cards


def test_a_small_table_per_workstream_gives_its_next_steps_as_actions() -> None:
    document = docx.Document()
    document.add_paragraph("Highlight report for June 2026")
    for name, rag, step in (
        ("Early years", "Green", "Visit every nursery (Early Years Lead, July 2026)"),
        ("Post-16", "Amber", "Map college places (September 2026)"),
    ):
        document.add_paragraph("")
        word_table(
            document,
            [
                ["Workstream", name],
                ["RAG status", rag],
                ["Achievements", "Work began."],
                ["Next steps", step],
                ["Risks", "None new."],
            ],
        )
    result = parsed_file(saved(document), "highlight.docx")
    found = [
        (a["title"], a.get("due"), a["updates"][0]["status"]) for a in all_actions(result.document)
    ]
    assert found == [
        ("Visit every nursery", "2026-07", "G"),
        ("Map college places", "2026-09", "A"),
    ]
    assert placed_by(result) == {rules.HIGHLIGHT_CARDS.code}


def test_a_table_of_one_actions_fields_is_no_workstream_card() -> None:
    document = docx.Document()
    word_table(
        document,
        [
            ["Action", "Publish the short breaks statement"],
            ["Lead", "Head of SEND"],
            ["RAG", "Green"],
            ["Next steps", "Consult families in May"],
        ],
    )
    result = parsed_file(saved(document), "record.docx")
    assert rules.HIGHLIGHT_CARDS.code not in placed_by(result)


# highlight-headed

HEADED = """Progress report, period ending 31 December 2026

Workstream 1: Short breaks
RAG rating: Amber (previously Red)
Progress this period
• The statement was drafted with parents.
Planned for next period
• Consult families on the statement (Short Breaks Manager, February 2027)
• Commission two holiday clubs (April 2027)
Risks and issues
• Providers may not bid.

Workstream 2: Transport
RAG rating: Green
Progress this period
• Routes were retendered.
Planned for next period
• Offer travel training to Year 10 pupils (March 2027)

Contact the programme office with any questions.
"""


def test_a_line_per_workstream_over_labelled_lists_gives_its_planned_items_as_actions() -> None:
    result = parse_text(HEADED)
    actions = all_actions(result.document)
    assert [(a["title"], a.get("due"), a["updates"][0]["status"]) for a in actions] == [
        ("Consult families on the statement", "2027-02", "A"),
        ("Commission two holiday clubs", "2027-04", "A"),
        ("Offer travel training to Year 10 pupils", "2027-03", "G"),
    ]
    # Risks and the closing line are no actions.
    assert placed_by(result) == {rules.HIGHLIGHT_HEADED.code}
    sections = [s["title"] for s in walk_sections(result.document["plan"]["sections"])]
    assert sections == ["Short breaks", "Transport"]


def test_labelled_records_of_single_actions_are_no_highlight_report() -> None:
    text = (
        "Priority 1: Short breaks\n"
        "Action: Publish the short breaks statement\n"
        "Lead: Head of SEND\n"
        "RAG: Green\n"
        "Next steps: consult families\n\n"
        "Priority 2: Transport\n"
        "Action: Review transport eligibility\n"
        "Lead: Head of Transport\n"
        "RAG: Amber\n"
        "Next steps: talk to schools\n"
    )
    result = parse_text(text)
    assert rules.HIGHLIGHT_HEADED.code not in placed_by(result)


# highlight-period


def test_without_a_named_period_the_rag_is_kept_under_the_columns_name() -> None:
    text = (
        "Workstream\tRAG\tNext steps\n"
        "Short breaks\tAmber\tConsult families on the statement\n"
        "Transport\tGreen\tOffer travel training to Year 10\n"
    )
    result = parse_text(text)
    assert rules.HIGHLIGHT_PERIOD.code not in report_codes(result)
    assert [a["updates"][0]["status"] for a in all_actions(result.document)] == ["A", "G"]


def test_workstreams_of_one_step_each_are_whole_sections() -> None:
    # Each row is a workstream of its own, even one whose name reads on from the row above.
    text = (
        "Workstream\tRAG\tNext steps\n"
        "Short breaks\tAmber\tConsult families on the statement\n"
        "and holiday clubs\tGreen\tOffer travel training to Year 10\n"
    )
    result = parse_text(text)
    sections = [s["title"] for s in walk_sections(result.document["plan"]["sections"])]
    assert sections == ["Short breaks", "and holiday clubs"]


ONE_WORKSTREAM = """SEND and Inclusion Highlight Report, Quarter 1 2026/27
Priority 3 – Sufficiency of places – AMBER
Lead: Head of Place Planning
1. Status update (why the priority is rated as it is)
Building works are a month behind.
2. Progress summary
• Consultation on the new resource base closed.
3. Next steps (to be completed by the next report)
• Appoint the contractor for the new resource base (June 2026)
• Agree admissions criteria with the special school (July 2026)
4. Risks
• Building costs are rising.
"""


def test_a_report_on_one_workstream_with_its_rag_after_its_name_is_read_whole() -> None:
    result = parse_text(ONE_WORKSTREAM)
    found = [
        (a["title"], a.get("due"), a.get("lead_text"), a["updates"][0]["status"])
        for a in all_actions(result.document)
    ]
    assert found == [
        ("Appoint the contractor for the new resource base", "2026-06", "Head of Place Planning",
         "A"),
        ("Agree admissions criteria with the special school", "2026-07", "Head of Place Planning",
         "A"),
    ]  # fmt: skip
    assert placed_by(result) == {rules.HIGHLIGHT_HEADED.code}


def test_one_heading_over_a_next_steps_list_alone_is_no_report() -> None:
    text = (
        "Sufficiency of places\n"
        "Next steps\n"
        "• Appoint the contractor for the new resource base (June 2026)\n"
        "• Agree admissions criteria with the special school (July 2026)\n"
    )
    assert rules.HIGHLIGHT_HEADED.code not in placed_by(parse_text(text))
