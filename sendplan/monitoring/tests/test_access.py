"""Every page of the monitoring cycle, tried as every role, and by someone from another area."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from sendplan.audit.models import AuditEvent
from sendplan.monitoring.models import EvidenceFile, ForumComment
from sendplan.plans.models import DueDateChange
from sendplan.test import Cycle, PlanWorld, date_fields, sign_off_cycle, start_cycle

ROLES = [
    "area_admin",
    "programme_manager",
    "lead_officer",
    "board_member",
    "parent_carer_forum",
    "adviser",
]
EDITORS = {"area_admin", "programme_manager"}
WHO = [*ROLES, "outsider"]

Url = Callable[[PlanWorld, Cycle], str]


def url(name: str, **ids: Callable[[PlanWorld, Cycle], int]) -> Url:
    def build(w: PlanWorld, c: Cycle) -> str:
        return reverse(name, kwargs={"plan_id": w.plan.pk, **{k: f(w, c) for k, f in ids.items()}})

    return build


# Page → the roles that may open it (everyone else with a role gets 403; outsiders 404).
PAGES: dict[str, tuple[Url, set[str]]] = {
    "period": (url("period", period_id=lambda w, c: c.period.pk), set(ROLES)),
    "open a period": (url("period_open"), EDITORS),
    "sign off": (url("period_sign_off", period_id=lambda w, c: c.period.pk), EDITORS),
    "update form": (
        url("update_add", action_id=lambda w, c: w.action.pk),
        {*EDITORS, "lead_officer"},
    ),
    "ask for a new date": (
        url("due_change", action_id=lambda w, c: w.action.pk),
        {*EDITORS, "lead_officer"},
    ),
    "decide on a new date": (
        url("due_change_decide", change_id=lambda w, c: c.due_change.pk),
        EDITORS,
    ),
    # The lead wrote this update, so even as the theme's owner does not review it.
    "review": (url("update_review", update_id=lambda w, c: c.submitted.pk), EDITORS),
}


def expected(who: str, allowed: set[str]) -> int:
    if who == "outsider":
        return 404
    return 200 if who in allowed else 403


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", WHO)
def test_it_opens_each_cycle_page_only_to_the_roles_it_serves(
    world: PlanWorld, who: str, page: str
) -> None:
    cycle = start_cycle(world)
    build, allowed = PAGES[page]
    response = world.client_for(who).get(build(world, cycle))
    assert response.status_code == expected(who, allowed)


@pytest.mark.parametrize("who", WHO)
def test_it_lets_only_editors_correct_a_signed_off_update(world: PlanWorld, who: str) -> None:
    cycle = sign_off_cycle(world)
    page = url("update_correct", update_id=lambda w, c: c.submitted.pk)(world, cycle)
    assert world.client_for(who).get(page).status_code == expected(who, EDITORS)


@pytest.mark.parametrize("who", WHO)
def test_it_shows_my_actions_to_everyone_signed_in(world: PlanWorld, who: str) -> None:
    start_cycle(world)
    page = world.client_for(who).get(reverse("my_actions"))
    assert page.status_code == 200
    # Only the lead is owed anything: the others see that nothing is due from them.
    assert ("Nothing is due from you" in page.content.decode()) is (who != "lead_officer")


@pytest.mark.parametrize("page", [*PAGES, "my actions"])
def test_it_sends_anonymous_visitors_to_sign_in(world: PlanWorld, page: str) -> None:
    cycle = start_cycle(world)
    address = reverse("my_actions") if page == "my actions" else PAGES[page][0](world, cycle)
    response = world.client_for("anonymous").get(address)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", WHO)
def test_it_serves_evidence_only_to_people_who_may_see_the_plan(world: PlanWorld, who: str) -> None:
    cycle = start_cycle(world)
    item = EvidenceFile(
        plan=world.plan,
        update=cycle.submitted,
        name="minutes.txt",
        content_type="text/plain",
        size=7,
    )
    item.file.save("stored.txt", ContentFile(b"minutes"), save=True)
    address = reverse("evidence_download", args=[world.plan.pk, item.pk])
    assert world.client_for(who).get(address).status_code == (404 if who == "outsider" else 200)


# Writes: each POST with valid data, and how to tell it happened.


Write = tuple[Url, Callable[[PlanWorld, Cycle], dict[str, object]], set[str]]


def _happened(name: str, world: PlanWorld, cycle: Cycle) -> bool:
    cycle.period.refresh_from_db()
    checks: dict[str, Callable[[], bool]] = {
        "open a period": lambda: world.plan.periods.filter(label="Dec 18").exists(),
        "ask for a new date": lambda: DueDateChange.objects.filter(due_text="March 2019").exists(),
        "decide on a new date": lambda: (
            DueDateChange.objects.get(pk=cycle.due_change.pk).state == "approved"
        ),
        "review": lambda: cycle.submitted.reviews.exists(),
        "forum comment": lambda: ForumComment.objects.filter(text="Our view").exists(),
    }
    return checks[name]()


WRITES: dict[str, Write] = {
    "open a period": (
        url("period_open"),
        lambda w, c: {
            "label": "Dec 18",
            **date_fields("starts_on", dt.date(2018, 10, 1)),
            **date_fields("ends_on", dt.date(2018, 12, 31)),
            **date_fields("deadline", dt.date(2019, 1, 7)),
            "actions": [w.action.pk],
        },
        EDITORS,
    ),
    "ask for a new date": (
        url("due_change", action_id=lambda w, c: w.other_action.pk),
        lambda w, c: {"due": "2019-03", "due_text": "March 2019", "reason": "Slipped"},
        EDITORS,  # the lead officer does not lead the other action
    ),
    "decide on a new date": (
        url("due_change_decide", change_id=lambda w, c: c.due_change.pk),
        lambda w, c: {"decision": "approve"},
        EDITORS,
    ),
    "review": (
        url("update_review", update_id=lambda w, c: c.submitted.pk),
        lambda w, c: {"decision": "approved"},
        EDITORS,
    ),
    "forum comment": (
        url("forum_comment_add"),
        lambda w, c: {"action": w.action.pk, "text": "Our view"},
        {"parent_carer_forum"},
    ),
}


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("who", WHO)
def test_it_lets_only_the_right_roles_make_each_cycle_write_and_audits_it(
    world: PlanWorld, who: str, write: str
) -> None:
    cycle = start_cycle(world)
    build, data, allowed = WRITES[write]
    events = AuditEvent.objects.count()
    response = world.client_for(who).post(build(world, cycle), data(world, cycle))
    if who in allowed:
        assert response.status_code == 302
        assert _happened(write, world, cycle)
        assert AuditEvent.objects.count() > events
    else:
        assert response.status_code == (404 if who == "outsider" else 403)
        assert not _happened(write, world, cycle)
        assert AuditEvent.objects.count() == events
