"""The `sendplan plans`, `export` and `import` commands, end to end."""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sendplan.plans.models import Plan

FIXTURE = Path(__file__).parent / "fixtures" / "every-field.plan.json"


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def fixture_document() -> Any:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.mark.django_db
def test_it_imports_a_file_and_says_what_it_made() -> None:
    output = run("import", str(FIXTURE))

    plan = Plan.objects.get()
    assert output.splitlines() == [
        f"Imported plan {plan.pk}: Northbrook Local Area Written Statement of Action for SEND",
        "Area: Northbrook",
        "people: 3, sections: 4, actions: 4, status updates: 5, indicators: 2",
    ]


@pytest.mark.django_db
def test_it_imports_into_the_area_given() -> None:
    run("import", str(FIXTURE), "--area", "Southbrook")

    assert Plan.objects.get().area.name == "Southbrook"


@pytest.mark.django_db
def test_it_lists_plans_as_json_with_id_title_and_area() -> None:
    run("import", str(FIXTURE))
    run("import", str(FIXTURE), "--area", "Southbrook")

    listing = json.loads(run("plans", "--json"))

    assert sorted(listing, key=lambda row: row["id"]) == [
        {"id": plan.pk, "title": plan.title, "area": plan.area.name}
        for plan in Plan.objects.order_by("pk")
    ]
    assert [set(row) for row in listing] == [{"id", "title", "area"}] * 2


@pytest.mark.django_db
def test_it_lists_plans_for_people_to_read() -> None:
    assert "There are no plans yet" in run("plans")
    assert json.loads(run("plans", "--json")) == []

    run("import", str(FIXTURE))

    plan = Plan.objects.get()
    assert f"{plan.pk}  Northbrook: {plan.title}" in run("plans")


@pytest.mark.django_db
def test_it_exports_to_a_file_what_it_imported(tmp_path: Path) -> None:
    run("import", str(FIXTURE))
    out = tmp_path / "plan.json"

    run("export", "--plan", str(Plan.objects.get().pk), "--format", "json", "--out", str(out))

    assert json.loads(out.read_text(encoding="utf-8")) == fixture_document()


@pytest.mark.django_db
def test_it_exports_to_standard_output_without_out_or_with_a_dash() -> None:
    run("import", str(FIXTURE))
    plan_id = str(Plan.objects.get().pk)

    assert json.loads(run("export", "--plan", plan_id)) == fixture_document()
    assert json.loads(run("export", "--plan", plan_id, "--out", "-")) == fixture_document()


@pytest.mark.django_db
def test_it_says_when_there_is_no_plan_to_export() -> None:
    with pytest.raises(CommandError, match="There is no plan with id 404"):
        run("export", "--plan", "404")


@pytest.mark.django_db
def test_it_lists_every_problem_of_a_bad_file_and_saves_nothing(tmp_path: Path) -> None:
    document = fixture_document()
    document["plan"]["sections"][0]["actions"][0]["due"] = "31/05/2018"
    document["plan"]["sections"][0]["actions"][0]["leads"] = ["XY"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(CommandError) as raised:
        run("import", str(bad))

    message = str(raised.value)
    assert message.startswith(
        "bad.json cannot be imported, so nothing has been saved. "
        "Put right these 2 problems and try again:\n"
    )
    assert (
        '  - section 1 › action 1A (plan → sections[0] → actions[0] → due): "31/05/2018"' in message
    )
    assert '  - section 1 › action 1A (plan → sections[0] → actions[0] → leads[0]): "XY"' in message
    assert Plan.objects.count() == 0


@pytest.mark.django_db
def test_it_says_when_a_file_is_not_json(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "sendplan.plan/1",', encoding="utf-8")

    with pytest.raises(CommandError, match="The file is not valid JSON: line 1, column 30"):
        run("import", str(broken))


@pytest.mark.django_db
def test_it_refuses_a_file_that_is_not_what_its_name_says(tmp_path: Path) -> None:
    word = tmp_path / "plan.docx"
    shutil.copy(FIXTURE, word)

    with pytest.raises(CommandError, match=r"plan\.docx cannot be imported: "):
        run("import", str(word))
    assert Plan.objects.count() == 0


@pytest.mark.django_db
def test_it_says_when_a_file_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Cannot read"):
        run("import", str(tmp_path / "missing.json"))
