"""`sendplan report` and `sendplan export` in the new formats."""

from __future__ import annotations

import csv
import io
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sendplan.reports.tests import ReportWorld, docx_headings, pdf_text, workbook


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_it_writes_the_board_report_for_a_period(reports: ReportWorld, tmp_path: Path) -> None:
    out = tmp_path / "board.pdf"
    said = run("report", "board", "--plan", str(reports.plan.pk), "--period", "Jun 18",
               "--format", "pdf", "--out", str(out))  # fmt: skip
    assert said == f"Wrote Board highlight report: Jun 18 for plan {reports.plan.pk} to {out}\n"
    assert "ToR out for comment." in pdf_text(out.read_bytes())


def test_it_writes_the_evidence_pack_and_the_plan_as_word(
    reports: ReportWorld, tmp_path: Path
) -> None:
    evidence, plan = tmp_path / "evidence.docx", tmp_path / "plan.docx"
    run("report", "evidence", "--plan", str(reports.plan.pk), "--format", "docx",
        "--out", str(evidence))  # fmt: skip
    run("report", "plan", "--plan", str(reports.plan.pk), "--format", "docx", "--out", str(plan))
    assert ("Heading 1", "Area of weakness 1") in docx_headings(evidence.read_bytes())
    assert ("Heading 1", "Financial implications") in docx_headings(plan.read_bytes())


def test_it_prints_a_report_as_html(reports: ReportWorld) -> None:
    page = run("report", "board", "--plan", str(reports.plan.pk), "--format", "html")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB">' in page
    assert "Board highlight report: Sep 18" in page


def test_it_writes_one_area_of_weakness_of_the_evidence_pack(
    reports: ReportWorld, tmp_path: Path
) -> None:
    out = tmp_path / "weakness.pdf"
    said = run("report", "evidence", "--plan", str(reports.plan.pk), "--format", "pdf",
               "--weakness", "1", "--out", str(out))  # fmt: skip
    assert said == (
        f"Wrote Evidence pack: Area of weakness 1 for plan {reports.plan.pk} to {out}\n"
    )
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert reports.late.title in text and reports.missing.title not in text
    page = run("report", "evidence", "--plan", str(reports.plan.pk), "--format", "html",
               "--weakness", "none")  # fmt: skip
    assert "Actions not linked to an area of weakness" in page
    assert reports.missing.title in page and reports.late.title not in page
    with pytest.raises(CommandError, match=r"has no area of weakness 7\. Its refs: 1\."):
        run("report", "evidence", "--plan", str(reports.plan.pk), "--format", "pdf",
            "--weakness", "7", "--out", str(out))  # fmt: skip
    with pytest.raises(CommandError, match="Only the evidence pack, as pdf or html"):
        run("report", "plan", "--plan", str(reports.plan.pk), "--weakness", "1")


def test_it_names_the_periods_when_the_period_is_wrong(reports: ReportWorld) -> None:
    expected = "has no period called Dec 99. Its periods are: Mar 18, Jun 18, Sep 18."
    with pytest.raises(CommandError, match=re.escape(expected)):
        run("report", "board", "--plan", str(reports.plan.pk), "--period", "Dec 99")


def test_it_names_the_plans_when_the_plan_is_wrong(reports: ReportWorld) -> None:
    listed = rf"{reports.plan.pk} \(Testshire: Testshire Written Statement of Action\)"
    with pytest.raises(
        CommandError, match=rf"There is no plan with id 999\. The plans are: .*{listed}"
    ):
        run("report", "evidence", "--plan", "999")


def test_it_asks_for_a_file_for_a_binary_format(reports: ReportWorld) -> None:
    with pytest.raises(CommandError, match="name the file to write with --out FILE"):
        run("export", "--plan", str(reports.plan.pk), "--format", "xlsx")


def test_it_exports_the_tracker_the_csvs_and_the_plan_document(
    reports: ReportWorld, tmp_path: Path
) -> None:
    plan = str(reports.plan.pk)
    run("export", "--plan", plan, "--format", "xlsx", "--out", str(tmp_path / "t.xlsx"))
    assert "All actions" in workbook((tmp_path / "t.xlsx").read_bytes()).sheetnames
    updates = run("export", "--plan", plan, "--format", "csv", "--csv", "updates")
    assert len(list(csv.DictReader(io.StringIO(updates)))) == 7
    actions = run("export", "--plan", plan, "--format", "csv")
    assert [row["Ref"] for row in csv.DictReader(io.StringIO(actions))] == [
        "1.1.1",
        "1.1.2",
        "2.1.1",
    ]
    run("export", "--plan", plan, "--format", "pdf", "--out", str(tmp_path / "plan.pdf"))
    assert "Financial implications" in pdf_text((tmp_path / "plan.pdf").read_bytes())
    run("export", "--plan", plan, "--format", "docx", "--out", str(tmp_path / "plan.docx"))
    assert ("Title", reports.plan.title) in docx_headings((tmp_path / "plan.docx").read_bytes())


def test_it_still_exports_json_by_default(reports: ReportWorld) -> None:
    text = run("export", "--plan", str(reports.plan.pk))
    assert text.startswith("{")
    assert '"format": "sendplan.plan/1"' in text
