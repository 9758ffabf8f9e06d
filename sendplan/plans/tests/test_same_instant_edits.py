"""Two people saving the same action: the second is told what the first changed, and the
change history records what each save replaced."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections
from django.db.utils import load_backend
from django.test import Client
from django.urls import reverse

from sendplan.audit.models import AuditEvent
from sendplan.plans import services
from sendplan.plans.models import Action
from sendplan.test import PlanWorld, build_world

EDITORS = ("programme_manager", "area_admin")
THEIRS = "Agreed with the new chair"


def edit_form(world: PlanWorld, **changes: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "section": world.priority.pk,
        "ref": "1.1.1",
        "title": "Confirm the Terms of Reference",
        "leads": [world.lead.pk],
        "lead_text": "Head of ELS (HH)",
        "due": "2018-05",
        "due_text": "May 2018",
        "measures": "Terms of Reference approved | 2018-05",
    }
    data.update(changes)
    return data


def opened_form(client: Client, url: str) -> str:
    """The signed copy of the action that the edit form carries, as a browser would send it."""
    found = re.search(r'name="seen" value="([^"]+)"', client.get(url).content.decode())
    assert found is not None
    return found[1]


def title_changes(world: PlanWorld) -> list[list[str]]:
    events = AuditEvent.objects.filter(scope=f"action:{world.action.pk}", verb="update")
    return [e.changes["title"] for e in events.order_by("pk") if "title" in e.changes]


def test_it_refuses_a_save_when_a_colleague_saves_between_its_check_and_its_write(
    world: PlanWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The moment two same-instant saves meet: the colleague's save lands after this form was
    checked and before it is written. Only a check made with the write, on the row as it then
    stands, sees it."""
    client = world.client_for("programme_manager")
    url = reverse("action_edit", args=[world.plan.pk, world.action.pk])
    seen = opened_form(client, url)
    real_update = services.action_update

    def colleague_saves_first(**kwargs: Any) -> Action:
        colleague = Action.objects.get(pk=world.action.pk)
        real_update(actor=world.users["area_admin"], action=colleague, title=THEIRS)
        monkeypatch.setattr(services, "action_update", real_update)
        return real_update(**kwargs)

    monkeypatch.setattr(services, "action_update", colleague_saves_first)
    response = client.post(url, edit_form(world, seen=seen, title="My title"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else changed this while you were editing it" in page
    assert (
        "Action is now “Agreed with the new chair” (was “Confirm the Terms of Reference”)" in page
    )
    assert "My title</textarea>" in page
    assert Action.objects.get(pk=world.action.pk).title == THEIRS
    assert title_changes(world) == [["Confirm the Terms of Reference", THEIRS]]


def test_it_records_what_a_save_replaced_even_when_made_from_an_old_copy(
    world: PlanWorld,
) -> None:
    old_copy = Action.objects.get(pk=world.action.pk)
    services.action_update(actor=None, action=Action.objects.get(pk=world.action.pk), title=THEIRS)
    services.action_update(actor=None, action=old_copy, title="My title")
    assert title_changes(world) == [
        ["Confirm the Terms of Reference", THEIRS],
        [THEIRS, "My title"],
    ]


def colleague_edits(world: PlanWorld, page: str) -> tuple[str, dict[str, Any], str]:
    """Open the page's edit form, then have a colleague save a change to the same thing:
    the form's address, what this person sends, and what the colleague's change is called."""
    if page == "plan":
        url = reverse("plan_edit", args=[world.plan.pk])
        form = {"title": "My title", "seen": opened_form(world.client_for(EDITORS[0]), url)}
        services.plan_update(actor=None, plan=world.plan, title=THEIRS)
        return url, form, f"Title is now “{THEIRS}”"
    if page == "person":
        url = reverse("person_edit", args=[world.plan.pk, world.lead.pk])
        form = {"key": "HH", "name": "Helen Hills"}
        form["seen"] = opened_form(world.client_for(EDITORS[0]), url)
        services.person_update(actor=None, person=world.lead, role="Director of Education")
        return url, form, "Role is now “Director of Education”"
    url = reverse("section_edit", args=[world.plan.pk, world.priority.pk])
    form = {
        "title": "My title",
        "ref": "1.1",
        "seen": opened_form(world.client_for(EDITORS[0]), url),
    }
    services.section_update(actor=None, section=world.priority, title=THEIRS)
    return url, form, f"Title is now “{THEIRS}”"


@pytest.mark.parametrize("page", ["plan", "person", "section"])
def test_it_tells_whoever_edits_a_plan_person_or_section_what_changed_meanwhile(
    world: PlanWorld, page: str
) -> None:
    url, form, told = colleague_edits(world, page)
    client = world.client_for(EDITORS[0])
    response = client.post(url, form)
    assert response.status_code == 200
    assert told in response.content.decode()
    # Sending it again, knowing, saves it.
    form["seen"] = re.findall(r'name="seen" value="([^"]+)"', response.content.decode())[0]
    assert client.post(url, form).status_code == 302


TRIES = 20


@contextmanager
def sqlite_in_a_file(folder: Path) -> Iterator[None]:
    """SQLite's test database is kept in memory and shared between connections, where a second
    writer is refused at once ("database table is locked") instead of waiting its turn as it
    does in the file a real deployment uses. Copy it to a file and send every connection there,
    new ones included, until the block ends."""
    path = folder / "same-instant.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
    shared = connections.settings[DEFAULT_DB_ALIAS]
    in_memory, name = connections[DEFAULT_DB_ALIAS], shared["NAME"]
    shared["NAME"] = str(path)
    in_file = load_backend(shared["ENGINE"]).DatabaseWrapper(shared, DEFAULT_DB_ALIAS)
    connections[DEFAULT_DB_ALIAS] = in_file
    try:
        yield
    finally:
        in_file.close()
        shared["NAME"] = name
        connections[DEFAULT_DB_ALIAS] = in_memory


@pytest.mark.django_db(transaction=True)
def test_it_tells_one_of_two_same_instant_saves_what_changed(tmp_path: Path) -> None:
    """Real concurrency: two people, each with their own connection, press Save on the same
    action at the same moment, twenty times."""
    world = build_world()
    with sqlite_in_a_file(tmp_path) if connection.vendor == "sqlite" else nullcontext():
        same_instant_saves(world)


def press_save(
    client: Client, url: str, form: dict[str, Any], their_title: str, start: threading.Barrier
) -> str:
    """One person pressing Save, in a thread of their own with its own database connection."""
    try:
        start.wait()
        response = client.post(url, form)
        if response.status_code == 302:
            return "saved"
        if f"Action is now “{their_title}”" in response.content.decode():
            return "told what changed"
        return f"status {response.status_code}"
    except OperationalError as error:
        return f"database error: {error}"
    finally:
        connection.close()


def same_instant_saves(world: PlanWorld) -> None:
    url = reverse("action_edit", args=[world.plan.pk, world.action.pk])
    clients = [world.client_for(who) for who in EDITORS]
    outcomes: list[list[str]] = []
    history_right: list[bool] = []
    for attempt in range(TRIES):
        before = Action.objects.get(pk=world.action.pk).title
        titles = [f"Saved by {who}, try {attempt}" for who in EDITORS]
        forms = [
            edit_form(world, seen=opened_form(client, url), title=title)
            for client, title in zip(clients, titles, strict=True)
        ]
        start = threading.Barrier(2)
        with ThreadPoolExecutor(max_workers=2) as pool:
            pressed = [
                pool.submit(press_save, clients[i], url, forms[i], titles[1 - i], start)
                for i in range(2)
            ]
            results = [future.result() for future in pressed]
        outcomes.append(results)
        if results.count("saved") == 1:
            # What is stored is the saved title, and the history says what the save replaced.
            winner = titles[results.index("saved")]
            history_right.append(
                Action.objects.get(pk=world.action.pk).title == winner
                and title_changes(world)[-1] == [before, winner]
            )

    overwrites = sum(results == ["saved", "saved"] for results in outcomes)
    assert overwrites == 0, f"{overwrites} of {TRIES} saves went over another unseen: {outcomes}"
    assert all(sorted(r) == ["saved", "told what changed"] for r in outcomes), outcomes
    assert history_right == [True] * TRIES
