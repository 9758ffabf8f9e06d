"""Plans laid out as roadmaps, timelines and milestone tables (parsers/roadmaps.py): each
milestone is read as an action due when its column or line says, under its workstream.

The invented corpus is in roadmap_corpus.py (bench/parse_roadmaps.py prints its figures);
the tests after it each hold one rule, in words of their own."""

from __future__ import annotations

import docx
import openpyxl
import openpyxl.styles
import pytest

from sendplan.interchange.parsers import parse_text, roadmaps, rules
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
from sendplan.interchange.tests.roadmap_corpus import PLANS, RoadmapPlan, figures, parsed

# Every figure of every roadmap at least this share, but for those named below.
TARGET = 0.98
FLOORS: dict[tuple[str, str], float] = {
    # "Parent Carer Forum Chair" is read as a person called "Parent Carer", the forum's chair.
    ("Corran Gantt sheet (xlsx)", "leads"): 0.66,
}


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_roadmap_is_read_about_as_a_person_would(plan: RoadmapPlan) -> None:
    short = [
        f"{what}: {same}/{total}"
        for what, same, total in figures(plan)
        if total and same / total < FLOORS.get((plan.name, what), TARGET)
    ]
    assert not short, f"{plan.name} reads below its floors: {', '.join(short)}"


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_roadmap_gives_a_valid_document(plan: RoadmapPlan) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_has_roadmaps_in_every_format() -> None:
    kinds = {plan.filename.rsplit(".", 1)[1] for plan in PLANS}
    assert kinds == {"txt", "docx", "xlsx", "pdf"} and len(PLANS) >= 8


# The periods roadmaps are laid out by


@pytest.mark.parametrize(
    ("heading", "due"),
    [
        ("Autumn 2026", "2026-12"),
        ("By June 2026", "2026-06"),
        ("2026/27", "2027-03"),
        ("2026-27", "2027-03"),
        ("Phase 2 (2026/27)", "2027-03"),
        ("Later (by March 2027)", "2027-03"),
        ("By Christmas 2026", "2026-12"),
        ("2028 and beyond", None),
        ("Next", None),
    ],
)
def test_a_heading_naming_only_a_period_is_read_as_when_it_ends(heading: str, due: str) -> None:
    period = roadmaps.period_of(heading)
    assert period is not None and period.due == due


def test_a_period_named_by_when_it_begins_gives_a_start() -> None:
    period = roadmaps.period_of("Afterwards (from May 2028)")
    assert period is None
    period = roadmaps.period_of("Later (from May 2028)")
    assert period is not None and (period.due, period.starts) == (None, "2028-05")


@pytest.mark.parametrize(
    "heading", ["Action", "Lead officer", "Update June 2026", "2026/29", "Year 9 transition"]
)
def test_a_heading_with_other_words_names_no_period(heading: str) -> None:
    assert roadmaps.period_of(heading) is None


# roadmap-columns

QUARTERS = ["Theme", "Q1 2026/27", "Q2 2026/27", "Q3 2026/27"]


def test_a_table_whose_columns_are_periods_is_read_as_a_roadmap() -> None:
    document = docx.Document()
    word_table(
        document,
        [
            QUARTERS,
            [
                "Short breaks",
                "Map every short break on offer\nAsk families which breaks they use",
                "",
                "Commission a holiday club for older teenagers",
            ],
            ["Transport", "Review the eligibility policy with families", "Publish the policy", ""],
        ],
    )
    result = parsed_file(saved(document), "roadmap.docx")
    found = {a["title"]: (a.get("due"), a.get("due_text")) for a in all_actions(result.document)}
    assert found == {
        "Map every short break on offer": ("2026-06", "Q1 2026/27"),
        "Ask families which breaks they use": ("2026-06", "Q1 2026/27"),
        "Commission a holiday club for older teenagers": ("2026-12", "Q3 2026/27"),
        "Review the eligibility policy with families": ("2026-06", "Q1 2026/27"),
        # Two words: kept as an action all the same, as most of the cells are longer.
        "Publish the policy": ("2026-09", "Q2 2026/27"),
    }
    sections = [s["title"] for s in walk_sections(result.document["plan"]["sections"])]
    assert sections == ["Short breaks", "Transport"]
    assert placed_by(result) == {rules.ROADMAP_COLUMNS.code}


def test_a_roadmap_with_a_row_per_period_is_read_down_its_columns() -> None:
    text = (
        "When\tEarly years\tPost-16\n"
        "Autumn term 2026\tVisit every nursery with the new checklist\tMap college places\n"
        "Spring term 2027\t\tOpen a supported internship with the hospital\n"
    )
    result = parse_text(text)
    found = [(a["title"], a.get("due")) for a in all_actions(result.document)]
    assert found == [
        ("Visit every nursery with the new checklist", "2026-12"),
        ("Map college places", "2026-12"),
        ("Open a supported internship with the hospital", "2027-04"),
    ]
    sections = [s["title"] for s in walk_sections(result.document["plan"]["sections"])]
    assert sections == ["Early years", "Post-16"]


def test_a_tracker_rating_actions_by_period_is_no_roadmap() -> None:
    document = docx.Document()
    word_table(
        document,
        [
            ["Action", "Lead", "Mar 2026", "Jun 2026"],
            ["Publish the short breaks statement", "Head of SEND", "Green", "Blue"],
            ["Review transport eligibility", "Head of Transport", "Amber", "Green"],
        ],
    )
    result = parsed_file(saved(document), "tracker.docx")
    assert titles(result.document) == [
        "Publish the short breaks statement",
        "Review transport eligibility",
    ]
    assert rules.ROADMAP_COLUMNS.code not in placed_by(result)
    assert all(len(a["updates"]) == 2 for a in all_actions(result.document))


def test_a_table_of_periods_holding_ratings_is_no_roadmap() -> None:
    document = docx.Document()
    word_table(document, [["Theme", "Mar 2026", "Jun 2026"], ["Transport", "Green", "Amber"]])
    result = parsed_file(saved(document), "ratings.docx")
    assert rules.ROADMAP_COLUMNS.code not in placed_by(result)


# marked-months


def test_a_gantt_sheet_gives_each_action_its_first_and_last_month_marked() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Owner", "Jan 2027", "Feb 2027", "Mar 2027", "Apr 2027"])
    sheet.append(["Refresh the SENCo handbook", "SEND Lead", "✓", "✓", None, None])
    sheet.append(["Run the SENCo conference", "SEND Lead", None, None, None, "✓"])
    result = parsed_file(saved(book), "gantt.xlsx")
    found = [(a["title"], a.get("starts"), a.get("due")) for a in all_actions(result.document)]
    assert found == [
        ("Refresh the SENCo handbook", "2027-01", "2027-02"),
        ("Run the SENCo conference", "2027-04", "2027-04"),
    ]
    # The marks are no ratings: nothing is reported as a rating it could not read.
    assert rules.RATING_UNREADABLE.code not in report_codes(result)


def test_a_gantt_sheets_months_take_their_years_from_the_row_above() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([None, None, "2026/27"])
    sheet.append(["Action", "Owner", "Nov", "Dec", "Jan", "Feb"])
    sheet.append(["Consult schools on the banding review", "SEND Lead", None, "x", "x", None])
    sheet.append(["Publish the new bands", "SEND Lead", None, None, None, "x"])
    result = parsed_file(saved(book), "gantt.xlsx")
    found = [(a.get("starts"), a.get("due")) for a in all_actions(result.document)]
    assert found == [("2026-12", "2027-01"), ("2027-02", "2027-02")]


def _shaded_gantt(colours: list[str]) -> bytes:
    """A sheet of three actions, each shaded under the months it runs, in these colours."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    months = ["Sep-26", "Oct-26", "Nov-26", "Dec-26", "Jan-27"]
    sheet.append(["Action", "Lead", *months])
    spans = [(0, 1), (1, 3), (3, 4)]
    for row, ((first, last), colour) in enumerate(zip(spans, colours, strict=True), start=2):
        sheet.append([f"Deliver workstream step {row - 1} with schools", "SEND Lead"])
        for column in range(first, last + 1):
            sheet.cell(row, 3 + column).fill = openpyxl.styles.PatternFill("solid", fgColor=colour)
    return saved(book)


def test_a_gantt_sheet_shaded_in_one_colour_gives_each_action_its_months() -> None:
    result = parsed_file(_shaded_gantt(["4472C4"] * 3), "shaded.xlsx")
    found = [(a.get("starts"), a.get("due")) for a in all_actions(result.document)]
    assert found == [("2026-09", "2026-10"), ("2026-10", "2026-12"), ("2026-12", "2027-01")]


def test_cells_shaded_in_several_colours_are_ratings_not_months() -> None:
    result = parsed_file(_shaded_gantt(["00B050", "FFC000", "FF0000"]), "rated.xlsx")
    assert not any(a.get("starts") for a in all_actions(result.document))


# dated-lines

TIMELINE = """Our timeline

Priority 1: Short breaks
By June 2026: Publish a short breaks statement written with families
Spring term 2027 – Open a second overnight respite home
2027/28: Review every short break with the young people who use it

Last year
June 2025: The forum met the providers of every short break.
"""


def test_lines_that_open_with_when_are_actions_due_then() -> None:
    result = parse_text(TIMELINE)
    assert_valid_plan(result.document)
    found = [(a["title"], a.get("due"), a.get("due_text")) for a in all_actions(result.document)]
    assert found == [
        ("Publish a short breaks statement written with families", "2026-06", "By June 2026"),
        ("Open a second overnight respite home", "2027-04", "Spring term 2027"),
        ("Review every short break with the young people who use it", "2028-03", "2027/28"),
    ]
    assert placed_by(result) == {rules.DATED_LINES.code}


def test_a_period_over_a_list_dates_its_items() -> None:
    text = (
        "2. Transport\n\nPhase 1 (2026/27)\n• Agree a travel training offer with colleges\n"
        "• Publish the route planner for families\n\nPhase 2 (2027/28)\n"
        "• Replace the taxi contracts with a framework\n"
    )
    result = parse_text(text)
    found = [(a["title"], a.get("due")) for a in all_actions(result.document)]
    assert found == [
        ("Agree a travel training offer with colleges", "2027-03"),
        ("Publish the route planner for families", "2027-03"),
        ("Replace the taxi contracts with a framework", "2028-03"),
    ]


def test_dated_notes_of_what_happened_are_no_timeline() -> None:
    text = (
        "Progress\n\nJune 2025: Panel members visited four special schools\n"
        "September 2025: Parents told us the new portal was easier to use\n"
    )
    result = parse_text(text)
    assert rules.DATED_LINES.code not in placed_by(result)


def test_targets_by_year_are_no_roadmap() -> None:
    document = docx.Document()
    word_table(
        document,
        [
            ["Indicator", "2026/27", "2027/28"],
            ["EHC plans issued in 20 weeks", "55% of new plans", "65% of new plans"],
            ["Suspensions of pupils with EHC plans", "down by a tenth", "down by a fifth"],
        ],
    )
    result = parsed_file(saved(document), "targets.docx")
    assert rules.ROADMAP_COLUMNS.code not in placed_by(result)


def test_school_years_are_no_dates() -> None:
    text = (
        "Transitions\n\nYear 9: Meet every young person with an EHC plan to plan for adulthood\n"
        "Year 11: Offer every young person a college taster day\n"
    )
    result = parse_text(text)
    assert rules.DATED_LINES.code not in placed_by(result)


# milestones-with-leads and period-due


def test_milestones_each_with_a_lead_are_actions() -> None:
    text = (
        "Priority 3: Preparing for adulthood\n\nMilestone\tBy when\tLead\n"
        "Publish the supported internship offer\t2026/27\tHead of Skills\n"
        "Open the post-16 hub\tSeptember 2027\tHead of SEND\n"
    )
    result = parse_text(text)
    found = [(a["title"], a.get("due"), a.get("lead_text")) for a in all_actions(result.document)]
    assert found == [
        ("Publish the supported internship offer", "2027-03", "Head of Skills"),
        ("Open the post-16 hub", "2027-09", "Head of SEND"),
    ]
    assert placed_by(result) == {rules.MILESTONES_WITH_LEADS.code}
    assert rules.PERIOD_DUE.code in report_codes(result)


def test_milestones_without_leads_stay_the_sections_key_milestones() -> None:
    text = (
        "Priority 3: Preparing for adulthood\n\nMilestone\tBy when\n"
        "Supported internship offer published\tMarch 2027\n"
        "Post-16 hub open\tSeptember 2027\n"
    )
    result = parse_text(text)
    assert all_actions(result.document) == []
    (section,) = result.document["plan"]["sections"]
    assert len(section["milestones"]) == 2
