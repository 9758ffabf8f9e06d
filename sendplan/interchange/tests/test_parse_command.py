"""`sendplan parse` and `sendplan import` on the files areas really have."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sendplan.interchange.schema import validate_document
from sendplan.plans.models import Action, Plan

SAMPLE = (
    Path(__file__).resolve().parents[2] / "demo" / "data" / "south-gloucestershire-wsoa-2018.txt"
)


def word_plan(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Newtown SEND Priority Action Plan", level=1)
    document.add_heading("Priority 1: Timely assessments", level=2)
    table = document.add_table(rows=3, cols=5)
    rows = [
        ["Ref", "Action", "Lead", "Due date", "Jan 2024"],
        ["1.1", "Clear the EHC assessment backlog", "Head of SEND (JB)", "March 2024", "A"],
        ["1.2", "Publish weekly waiting times", "JB", "Termly", "G"],
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.save(str(path))
    return path


def test_it_prints_the_plan_and_the_report_without_touching_the_database(
    tmp_path: Path,
) -> None:
    # No database access is allowed in this test: a query would fail it.
    out, report = tmp_path / "plan.json", tmp_path / "report.txt"
    call_command("parse", str(SAMPLE), out=str(out), report=str(report))
    document = json.loads(out.read_text(encoding="utf-8"))
    validate_document(document)
    assert document["plan"]["area"] == "South Gloucestershire"
    assert report.read_text(encoding="utf-8").strip()


def test_it_writes_the_document_to_standard_output(tmp_path: Path) -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("parse", str(word_plan(tmp_path / "plan.docx")), stdout=stdout, stderr=stderr)
    plan = json.loads(stdout.getvalue())["plan"]
    actions = plan["sections"][0]["actions"]
    assert [a["ref"] for a in actions] == ["1.1", "1.2"]
    assert actions[1]["due_text"] == "Termly" and "due" not in actions[1]


def test_it_explains_a_file_it_cannot_read(tmp_path: Path) -> None:
    broken = tmp_path / "plan.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(CommandError, match=r"^plan\.xlsx: "):
        call_command("parse", str(broken))


@pytest.mark.django_db
def test_it_imports_a_word_plan_with_its_statuses(tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("import", str(word_plan(tmp_path / "plan.docx")), area="Newtown", stdout=out)
    plan = Plan.objects.get(area__name="Newtown")
    assert plan.title == "Newtown SEND Priority Action Plan"
    action = Action.objects.get(section__plan=plan, ref="1.1")
    assert action.due == "2024-03" and action.due_text == "March 2024"
    assert [u.status for u in action.updates.all()] == ["A"]
    assert [p.key for p in action.ordered_leads()] == ["JB"]
    assert f"Imported plan {plan.pk}" in out.getvalue()


@pytest.mark.django_db
def test_it_saves_nothing_from_a_file_it_cannot_read(tmp_path: Path) -> None:
    broken = tmp_path / "plan.docx"
    broken.write_bytes(b"")
    with pytest.raises(CommandError, match="cannot be imported"):
        call_command("import", str(broken))
    assert not Plan.objects.exists()
