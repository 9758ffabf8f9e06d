"""A plan survives the trip into JSON and back, whole and unchanged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from jsonschema import Draft202012Validator

from sendplan.audit.models import AuditEvent
from sendplan.interchange.jsonformat import export_plan, import_plan
from sendplan.monitoring.models import StatusUpdate
from sendplan.plans.models import Action, Plan
from sendplan.plans.services import area_get_or_create, plan_create

FIXTURE = Path(__file__).parent / "fixtures" / "every-field.plan.json"
SCHEMA = Path(__file__).parents[1] / "plan.schema.json"
PLAN_APPS = ("plans", "monitoring", "indicators", "audit")


def every_field() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return document


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return loaded


def as_text(document: dict[str, Any]) -> str:
    # Text, not dicts, so that 812 and 812.0 or True and 1 do not pass as equal.
    return json.dumps(document, sort_keys=True, ensure_ascii=False)


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for app in PLAN_APPS
        for model in apps.get_app_config(app).get_models()
    }


def fields_defined(node: dict[str, Any], where: str, found: set[str]) -> None:
    for name, child in node.get("properties", {}).items():
        found.add(f"{where}.{name}")
        fields_defined(child, f"{where}.{name}", found)
    if isinstance(node.get("items"), dict):
        fields_defined(node["items"], f"{where}[]", found)


def fields_used(node: dict[str, Any], where: str, value: Any, found: set[str]) -> None:
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        found.add(f"#/$defs/{name}")
        fields_used(schema()["$defs"][name], f"#/$defs/{name}", value, found)
    elif isinstance(value, dict):
        for key, child in value.items():
            if key in node.get("properties", {}):
                found.add(f"{where}.{key}")
                fields_used(node["properties"][key], f"{where}.{key}", child, found)
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for item in value:
            fields_used(node["items"], f"{where}[]", item, found)


def test_it_has_a_fixture_that_uses_every_field_and_definition_of_the_schema() -> None:
    defined: set[str] = set()
    fields_defined(schema(), "#", defined)
    for name, definition in schema()["$defs"].items():
        defined.add(f"#/$defs/{name}")
        fields_defined(definition, f"#/$defs/{name}", defined)
    used: set[str] = set()
    fields_used(schema(), "#", every_field(), used)

    assert sorted(defined - used) == []


def test_it_has_a_fixture_that_sets_every_flag_and_both_extension_fields() -> None:
    text = FIXTURE.read_text(encoding="utf-8")

    for flag in ("done", "not_started", "for_families"):
        assert f'"{flag}": true' in text
    assert '"recorded_at"' in text
    assert '"recorded_by"' in text
    assert '"G/A"' in text


def test_it_has_a_fixture_that_is_valid() -> None:
    assert list(Draft202012Validator(schema()).iter_errors(every_field())) == []


@pytest.mark.django_db
def test_it_exports_an_imported_plan_as_the_same_document() -> None:
    plan = import_plan(every_field(), actor=None)

    assert as_text(export_plan(plan)) == as_text(every_field())


@pytest.mark.django_db
def test_it_imports_an_export_into_an_identical_plan() -> None:
    first = import_plan(every_field(), actor=None)
    exported = export_plan(first)
    counts_after_one = row_counts()

    # Another area, so that every row is made again, the area included.
    second = import_plan(json.loads(json.dumps(exported)), actor=None, area_name="Southbrook")

    again = export_plan(second)
    assert again["plan"].pop("area") == "Southbrook"
    exported["plan"].pop("area")
    assert as_text(again) == as_text(exported)
    assert row_counts() == {label: 2 * count for label, count in counts_after_one.items()}


@pytest.mark.django_db
def test_it_exports_documents_that_the_plan_schema_accepts() -> None:
    full = import_plan(every_field(), actor=None)
    bare = plan_create(
        actor=None, area=area_get_or_create(actor=None, name="Eastbrook"), title="A new plan"
    )
    validator = Draft202012Validator(schema())

    assert list(validator.iter_errors(export_plan(full))) == []
    assert list(validator.iter_errors(export_plan(bare))) == []
    assert export_plan(bare)["plan"] == {"title": "A new plan", "area": "Eastbrook", "sections": []}


@pytest.mark.django_db
def test_it_keeps_who_recorded_each_update_and_when() -> None:
    plan = import_plan(every_field(), actor=None)

    action = Action.objects.get(section__plan=plan, ref="1.1.1")
    first, correction, later = action.updates.all()
    assert (first.author_name, first.recorded_at) == (
        "Chris Dale",
        dt.datetime(2018, 3, 29, 16, 45, tzinfo=dt.UTC),
    )
    assert (correction.status, correction.author_name) == ("G/A", "Alex Brook")
    assert (later.author_name, later.recorded_at) == ("", None)


@pytest.mark.django_db
def test_it_names_the_area_from_the_option_then_the_document_then_unnamed() -> None:
    document = every_field()
    from_option = import_plan(document, actor=None, area_name="Westbrook")
    from_document = import_plan(document, actor=None)
    del document["plan"]["area"]
    unnamed = import_plan(document, actor=None)

    assert [from_option.area.name, from_document.area.name, unnamed.area.name] == [
        "Westbrook",
        "Northbrook",
        "Unnamed area",
    ]


@pytest.mark.django_db
def test_it_records_every_imported_object_in_the_audit_trail() -> None:
    plan = import_plan(every_field(), actor=None)

    events = AuditEvent.objects.filter(plan_id=plan.pk)
    assert events.filter(object_type="plan", object_id=str(plan.pk), verb="create").exists()
    action_ids = {
        str(pk) for pk in Action.objects.filter(section__plan=plan).values_list("pk", flat=True)
    }
    audited_actions = set(events.filter(object_type="action").values_list("object_id", flat=True))
    assert audited_actions == action_ids
    assert set(events.values_list("actor_name", flat=True)) == {"System (command line)"}
    updates = StatusUpdate.objects.filter(action__section__plan=plan).count()
    assert events.filter(object_type="statusupdate").count() == updates > 0


@pytest.mark.django_db
def test_it_makes_a_new_plan_each_time_it_imports() -> None:
    import_plan(every_field(), actor=None)
    import_plan(every_field(), actor=None)

    assert Plan.objects.count() == 2
