"""A plan of any size is imported in the same number of queries, and comes out as the plan the
one-row services would have made: the same latest ratings, figures and history."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sendplan.accounts.models import Role
from sendplan.audit.models import AuditEvent
from sendplan.interchange.jsonformat import export_plan, import_plan
from sendplan.interchange.tests.test_json_validation import refused, small_plan, the_action
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import LatestRating
from sendplan.monitoring.progress import ActionSignals, plan_signals, plans_signals
from sendplan.plans import services
from sendplan.plans.models import Action, Plan, Section
from sendplan.scale import grow_plan
from sendplan.test import PlanWorld, sign_off_cycle

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2018, 11, 15)
INSERT = re.compile(r'^INSERT INTO "(\w+)"')


@pytest.fixture(autouse=True)
def sqlite_takes_long_inserts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Django gives SQLite at most 999 values a statement, splitting a longer bulk insert into
    several; SQLite has taken 32,766 since 3.32, enough for the plans here in one."""
    if connection.vendor == "sqlite":
        monkeypatch.setattr(connection.features, "max_query_params", 32766)


def queries_to_import(document: dict[str, Any]) -> list[str]:
    """The statements an import into a new area runs, each insert as "INSERT" and its table."""
    area = f"Copyshire {Plan.objects.count()}"
    with CaptureQueriesContext(connection) as captured:
        import_plan(json.loads(json.dumps(document)), actor=None, area_name=area)
    return [
        f"INSERT {table[1]}" if (table := INSERT.match(query["sql"])) else query["sql"]
        for query in captured.captured_queries
    ]


def grown(world: PlanWorld, actions: int) -> dict[str, Any]:
    grow_plan(world.plan, lead=world.lead, actions=actions, periods=6)
    return export_plan(world.plan)


def test_it_imports_a_plan_in_the_same_number_of_queries_whatever_its_size(
    world: PlanWorld,
) -> None:
    small = grown(world, actions=20)
    large = grown(world, actions=80)
    assert len(json.dumps(large)) > 3 * len(json.dumps(small))

    assert len(queries_to_import(large)) == len(queries_to_import(small))


def test_it_writes_each_table_of_the_plans_tree_and_history_in_one_statement(
    world: PlanWorld,
) -> None:
    ran = queries_to_import(grown(world, actions=40))

    inserts = Counter(sql.removeprefix("INSERT ") for sql in ran if sql.startswith("INSERT "))
    # Sections level by level (themes, then the world's priority); corrections after updates.
    assert inserts["plans_section"] == 2
    assert inserts["monitoring_statusupdate"] == 2
    for table in ("plans_action", "plans_measure", "plans_actionlead", "plans_duedatechange"):
        assert inserts[table] == 1
    for table in ("monitoring_updatereview", "monitoring_forumcomment", "monitoring_latestrating"):
        assert inserts[table] == 1


def standing(a: ActionSignals) -> tuple[object, ...]:
    return (
        a.action.ref, a.status.code, a.previous.code if a.previous else None, a.change,
        a.update.narrative if a.update else None, a.state, a.requested, a.missing, a.returned,
        a.overdue, a.newly_overdue, a.newly_done, a.stale, a.rebaselined, a.contradictions,
    )  # fmt: skip


def latest_ratings(plan: Plan) -> list[tuple[str, str, str, str]]:
    rows = LatestRating.objects.filter(action__section__plan=plan).select_related(
        "action", "period", "update"
    )
    return sorted((r.action.ref, r.period.label, r.status, r.update.narrative) for r in rows)


def test_it_gives_an_imported_plan_the_latest_ratings_the_services_keep(world: PlanWorld) -> None:
    # Built one update at a time: a correction in a signed-off period, an update for an
    # earlier period recorded after a later one, a combined rating, an action never rated.
    cycle = sign_off_cycle(world)
    manager = world.users[Role.PROGRAMME_MANAGER]
    monitoring.update_correct(
        actor=manager, update=cycle.submitted, reason="Misread the minutes", status="R"
    )
    june, march = world.periods[1], world.periods[0]
    for period, status in [(june, "G/A"), (march, "R")]:
        monitoring.status_update_record(
            actor=None, action=world.other_action, period=period, status=status, narrative=status
        )
    services.action_create(actor=None, section=world.priority, ref="1.1.3", title="Not begun")

    copy = import_plan(export_plan(world.plan), actor=None, area_name="Copyshire")

    assert latest_ratings(copy) == latest_ratings(world.plan)
    assert len(latest_ratings(copy)) == 2
    home = plans_signals([world.plan, copy], today=TODAY)
    overview = plan_signals(copy, today=TODAY)
    assert [standing(a) for a in home[copy.pk].actions] == [
        standing(a) for a in home[world.plan.pk].actions
    ]
    assert [standing(a) for a in overview.actions] == [
        standing(a) for a in plan_signals(world.plan, today=TODAY).actions
    ]


def history(plan: Plan) -> list[dict[str, Any]]:
    """The plan's audit events without their ids and times: scopes name their section or
    action, and the plan's own creation time is left out."""
    names = {
        "plan": {plan.pk: "plan"},
        "section": {s.pk: str(s) for s in Section.objects.filter(plan=plan)},
        "action": {a.pk: str(a) for a in Action.objects.filter(section__plan=plan)},
    }

    def scope(text: str) -> str:
        kind, _, pk = text.partition(":")
        return f"{kind}:{names[kind][int(pk)]}" if pk else text

    events = []
    for event in AuditEvent.objects.filter(plan_id=plan.pk).order_by("pk"):
        changes = dict(event.changes)
        if event.object_type == "plan":
            changes.pop("created_at")
        # An action's section by id (kept so that a move between two sections of the same
        # name is a change) differs from one database to the next: its name is compared.
        if event.object_type == "action" and "section_id" in changes:
            assert changes.pop("section_id")[1] is not None
        events.append(
            {
                "verb": event.verb,
                "type": event.object_type,
                "repr": event.object_repr,
                "scope": scope(event.scope),
                "actor": event.actor_name,
                "changes": changes,
            }
        )
    return events


@pytest.mark.django_db
def test_it_records_the_history_the_one_row_services_recorded() -> None:
    # every-field.history.json was written by the import as it was before it wrote in bulk,
    # when every object went through its one-row service; the events now come grouped by kind.
    # (The indicator's events, still written one by one, were brought up to date when its
    # figures joined the monitoring cycle.)
    document = json.loads((FIXTURES / "every-field.plan.json").read_text(encoding="utf-8"))
    recorded = json.loads((FIXTURES / "every-field.history.json").read_text(encoding="utf-8"))

    events = history(import_plan(document, actor=None))

    def key(event: dict[str, Any]) -> str:
        return json.dumps(event, sort_keys=True)

    assert sorted(events, key=key) == sorted(recorded, key=key)
    assert len(events) == 50


@pytest.mark.django_db
def test_it_names_the_place_of_a_section_or_action_that_the_services_refuse() -> None:
    # The schema lets an empty title through; the plan cannot keep one.
    document = small_plan()
    document["plan"]["sections"][0]["sections"].append({"ref": "1.2", "title": ""})
    assert refused(document) == [
        "section 1 › section 1.2 (plan → sections[0] → sections[1]): "
        "title: This field cannot be blank."
    ]

    document = small_plan()
    the_action(document)["title"] = ""
    assert refused(document) == [
        "section 1 › section 1.1 › action 1.1.1 (plan → sections[0] → sections[0] → "
        "actions[0]): title: This field cannot be blank."
    ]
