"""One catalogue of reports: the reports page, the addresses and both commands offer exactly the
reports and formats it lists, and say plainly when asked for one it does not."""

from __future__ import annotations

import dataclasses
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import resolve, reverse

from sendplan.reports import views
from sendplan.reports.builders import default_board_period
from sendplan.reports.catalogue import CATALOGUE, DOCUMENTS
from sendplan.reports.management.commands.export import Command as Export
from sendplan.reports.management.commands.report import Command as Report
from sendplan.reports.tests import ReportWorld, workbook
from sendplan.test import PlanWorld


def reports_page(world: PlanWorld, who: str) -> str:
    response = world.client_for(who).get(reverse("reports", args=[world.plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def report_links(page: str, plan_id: int) -> set[str]:
    """The addresses of the reports the page links to or sends a form to (the board report's,
    with its period), without their query strings."""
    return set(re.findall(rf'(?:href|action)="(/plans/{plan_id}/reports/[^"?]+)', page))


def choices(command: type, argument: str) -> list[str]:
    parser = command().create_parser("sendplan", command.__module__.rsplit(".", 1)[-1])
    [action] = [a for a in parser._actions if argument in (a.dest, *a.option_strings)]
    return list(action.choices or [])


def test_the_reports_page_links_every_report_and_format_in_the_catalogue_and_nothing_else(
    world: PlanWorld,
) -> None:
    plan = world.plan.pk
    page = reports_page(world, "board_member")
    expected = {
        reverse(entry.url_name, args=[plan]) for entry in CATALOGUE.values() if entry.page
    } | {
        reverse(document.url_name, args=[plan])
        for entry in CATALOGUE.values()
        for document in entry.documents
    }
    assert report_links(page, plan) == expected
    for entry in CATALOGUE.values():
        for document in entry.documents:
            assert f"Download {entry.name}" in page and f"as {document.format.short}<" in page
    current = default_board_period(world.plan)
    assert current is not None
    assert f"Download the board report for {current.label} as PDF" in page
    assert "Read the evidence pack" in page


def test_every_address_of_the_catalogue_is_one_of_three_views_told_which_report(
    world: PlanWorld,
) -> None:
    for entry in CATALOGUE.values():
        if entry.page:
            match = resolve(reverse(entry.url_name, args=[world.plan.pk]))
            assert (match.func, match.kwargs["key"]) == (views.report_page, entry.key)
        for document in entry.documents:
            match = resolve(reverse(document.url_name, args=[world.plan.pk]))
            assert match.func == views.report_download
            assert (match.kwargs["key"], match.kwargs["form"]) == (entry.key, document.extension)
    assert set(DOCUMENTS) == {"board-pdf", "evidence-pdf", "evidence-docx", "plan-pdf", "plan-docx"}


@pytest.mark.parametrize(
    "address", ["board.xlsx", "evidence.csv", "minutes/", "board", "board.pdf/extra", "tracker/"]
)
def test_an_address_that_names_no_report_or_format_says_so(world: PlanWorld, address: str) -> None:
    url = f"/plans/{world.plan.pk}/reports/{address}"
    response = world.client_for("adviser").get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert f"There is no report at {address}. The reports of this plan are listed below." in page
    assert "<title>Error: Reports:" in page
    # Only to those who may see the plan: to anyone else it is no page at all.
    outsider = world.client_for("outsider").get(url)
    assert outsider.status_code == 404
    assert "There is no report" not in outsider.content.decode()


def test_a_report_for_editors_only_is_neither_listed_nor_given_to_others(
    world: PlanWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    tracker = dataclasses.replace(CATALOGUE["tracker"], editors_only=True)
    monkeypatch.setitem(CATALOGUE, "tracker", tracker)
    url = reverse("tracker_xlsx", args=[world.plan.pk])
    assert url not in reports_page(world, "board_member")
    assert world.client_for("board_member").get(url).status_code == 403
    assert url in reports_page(world, "programme_manager")
    assert world.client_for("programme_manager").get(url).status_code == 200


# The commands


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_report_command_offers_every_report_that_comes_as_a_file(reports: ReportWorld) -> None:
    written = [key for key, entry in CATALOGUE.items() if entry.formats]
    assert choices(Report, "report") == written
    assert set(written) | {"timeline"} == set(CATALOGUE)
    assert set(choices(Report, "--format")) == {"pdf", "docx", "html", "xlsx", "csv"}
    assert "Only pages, on the site: the timeline." in Report().help
    with pytest.raises(CommandError, match=r"invalid choice: 'timeline' \(choose from 'board', "):
        run("report", "timeline", "--plan", str(reports.plan.pk))


def test_the_report_command_writes_the_spreadsheets_and_data_too(
    reports: ReportWorld, tmp_path: Path
) -> None:
    plan = str(reports.plan.pk)
    out = tmp_path / "tracker.xlsx"
    said = run("report", "tracker", "--plan", plan, "--out", str(out))
    assert said == f"Wrote Tracker for plan {plan} to {out}\n"
    assert "All actions" in workbook(out.read_bytes()).sheetnames
    assert run("report", "actions", "--plan", plan).startswith("Ref,Action,")


def test_the_report_command_names_the_formats_a_report_comes_in(reports: ReportWorld) -> None:
    with pytest.raises(CommandError, match=r"^The tracker comes as xlsx, not pdf\.$"):
        run("report", "tracker", "--plan", str(reports.plan.pk), "--format", "pdf")


def test_the_export_command_offers_the_reports_of_the_whole_plan(reports: ReportWorld) -> None:
    assert choices(Export, "--format") == ["json", "pdf", "docx", "xlsx", "csv"]
    assert choices(Export, "--csv") == ["actions", "updates", "figures"]
    assert [key for key, entry in CATALOGUE.items() if entry.whole_plan] == [
        "plan", "tracker", "actions", "updates", "figures",
    ]  # fmt: skip
