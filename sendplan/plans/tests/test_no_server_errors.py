"""Every URL, tried by every kind of visitor with ids that are not numbers, ids of another
area's plan, ids too big for any row and form fields full of nonsense: none of it may give a
server error. Each gives "page not found", "forbidden", a form's own message, or the page."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from sendplan.accounts import services as accounts
from sendplan.accounts.models import Membership, Role
from sendplan.indicators.services import figure_submit, indicator_create
from sendplan.plans.services import key_date_create
from sendplan.test import PlanWorld, start_cycle

# Query strings and form fields that views read themselves, all given values that are not ids,
# and text fields given a NUL character, which PostgreSQL cannot store.
NONSENSE = {
    name: "abc"
    for name in ("period", "parent", "section", "person", "action", "plan", "seen", "version")
}
NONSENSE |= {"next": "https://elsewhere.example/", "intent": "submit", "status": "\x00"}
NONSENSE |= {field: "Title\x00 with a NUL" for field in ("title", "narrative", "text", "name")}
TOO_BIG = 2**70

VISITORS = [*(role.value for role in Role), "outsider", "anonymous"]


def named_patterns() -> Iterator[tuple[str, object]]:
    """Every named URL of the application (not Django's own admin)."""

    def walk(patterns: list[Any]) -> Iterator[tuple[str, object]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if "admin" not in str(pattern.pattern):
                    yield from walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield pattern.name, pattern.pattern

    return walk(get_resolver().url_patterns)


def ids_of(world: PlanWorld) -> dict[str, int | str]:
    """An id for every kind of URL argument: the world's own items, with a cycle under way."""
    cycle = start_cycle(world)
    invitation = accounts.invitation_create(
        actor=world.users[Role.AREA_ADMIN],
        area=world.area,
        email="new.lead@testshire.example",
        role=Role.LEAD_OFFICER,
    )
    indicator = indicator_create(
        actor=None,
        plan=world.plan,
        name="Plans in 20 weeks",
        better="higher",
        supplier=world.lead,
        targets=[{"on": "2019-03", "value": 60}],
    )
    figure = figure_submit(
        actor=world.users[Role.LEAD_OFFICER],
        indicator=indicator,
        period=cycle.period,
        value=55,
        reviewed=False,
    )
    key_date = key_date_create(actor=None, plan=world.plan, kind="dfe_review", on="2027-03")
    return {
        "key_date_id": key_date.pk,
        "area_id": world.area.pk,
        "plan_id": world.plan.pk,
        "membership_id": Membership.objects.filter(area=world.area).first().pk,  # type: ignore[union-attr]
        "invitation_id": invitation.pk,
        "person_id": world.lead.pk,
        "level_id": world.plan.status_levels.first().pk,  # type: ignore[union-attr]
        "period_id": cycle.period.pk,
        "section_id": world.priority.pk,
        "action_id": world.action.pk,
        "change_id": cycle.due_change.pk,
        "update_id": cycle.submitted.pk,
        "indicator_id": indicator.pk,
        "point_id": figure.pk,
        "weakness_id": world.plan.weaknesses.get().pk,
        "key": "ehcp-20-weeks",
        "file_id": 1,
        "number": 1,
        "token": "abc",
        "uidb64": "abc",
        "pending_id": str(uuid.uuid4()),
        "slug": "abc",
        "extension": "abc",
        "role": "abc",
    }


def url_for(route: str, values: dict[str, Any]) -> str:
    path = route
    for name, value in values.items():
        for converter in ("int", "str", "slug", "uuid", "path"):
            path = path.replace(f"<{converter}:{name}>", str(value))
        path = path.replace(f"<{name}>", str(value))
    assert "<" not in path, f"no value for an argument of {route}"
    return "/" + path


def variants(own: dict[str, Any], foreign_plan_id: int, foreign_area_id: int) -> list[dict]:
    """The world's own ids; another area's plan with this plan's items in it; ids too big."""
    mixed = own | {"plan_id": foreign_plan_id, "area_id": foreign_area_id}
    too_big = {name: TOO_BIG if isinstance(value, int) else value for name, value in own.items()}
    return [own, mixed, too_big]


def call(client: Client, method: str, url: str) -> int:
    """The status of one request, undone afterwards so that a delete or a sign-out does not
    change what the next request finds."""
    with transaction.atomic():
        send = client.get if method == "get" else client.post
        response = send(url, NONSENSE)
        transaction.set_rollback(True)
    return response.status_code


# Building a PDF takes a second; the access matrix already opens each one as every role, and
# their views take no ids but the plan's.
SLOW = {"board_report_pdf", "evidence_pack_pdf", "plan_document_pdf"}


@pytest.mark.parametrize("who", VISITORS)
def test_no_url_gives_a_server_error_for_ids_or_fields_that_make_no_sense(
    world: PlanWorld, who: str
) -> None:
    own = ids_of(world)
    routes = [(name, str(pattern)) for name, pattern in named_patterns()]
    assert len(routes) > 60, "the walk should find every page of the application"
    tried: list[tuple[str, str]] = []
    failures: list[str] = []
    for name, route in routes:
        # A client of its own for each page, so that signing out on one leaves the next alone.
        client = _client(world, who)
        for values in variants(own, world.other_plan.pk, world.other_plan.area_id):
            if name in SLOW and values is not own:
                continue
            url = url_for(route, values)
            if ("get", url) in tried:
                continue
            for method in ("get", "post"):
                status = call(client, method, url)
                tried.append((method, url))
                if status >= 500:
                    failures.append(f"{method.upper()} {url} gave {status}")
    assert not failures, "\n".join(failures)
    assert len(tried) > 300


def _client(world: PlanWorld, who: str) -> Client:
    client = Client(raise_request_exception=False)
    if who != "anonymous":
        user = world.outsider if who == "outsider" else world.users[who]
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client
