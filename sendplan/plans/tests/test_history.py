"""The change history in words people read: labels, values as the pages show them, pages."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from sendplan.audit.models import AuditEvent
from sendplan.monitoring import services as monitoring
from sendplan.plans import services
from sendplan.test import PlanWorld, open_period, start_cycle


def history(world: PlanWorld, who: str = "programme_manager", page: str = "") -> str:
    url = reverse("plan_history", args=[world.plan.pk]) + (f"?page={page}" if page else "")
    return world.client_for(who).get(url).content.decode()


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_it_names_things_and_fields_as_a_reader_would(world: PlanWorld) -> None:
    start_cycle(world)
    page = text(history(world))
    assert "Created status update" in page and "statusupdate" not in page
    assert "Needs review Yes" in page and "Needs_review" not in page
    assert "Author_name" not in page and "True" not in page


def test_it_shows_dates_as_the_pages_do_and_no_storage_paths(world: PlanWorld) -> None:
    services.action_update(actor=None, action=world.action, due="2018-12", due_change_reason="x")
    lead = world.users["lead_officer"]
    period = start_cycle(world).period
    draft = monitoring.draft_save(
        actor=lead, action=world.other_action, period=period, version=None, status="G"
    )
    monitoring.evidence_file_add(actor=lead, draft=draft, name="Minutes.pdf", content=b"%PDF-1.7")
    page = text(history(world, "lead_officer"))
    assert "Due date Before: May 2018 → After: December 2018" in page
    assert "Minutes.pdf" in page
    assert "evidence/" not in page and ".pdf_" not in page


def test_a_long_history_comes_in_pages(world: PlanWorld) -> None:
    for number in range(60):
        services.glossary_term_create(actor=None, plan=world.plan, term=f"T{number}", meaning="m")
    first = history(world)
    assert "Changes 1 to 50 of" in text(first)
    assert 'aria-current="page">1<' in first and 'rel="next"' in first
    second = history(world, page="2")
    assert "Changes 51 to" in text(second)
    # Newest first: the first page has the last term added, the second the earliest changes.
    assert "T59" in first and "T59" not in second
    # A page that does not exist gives the last one, not an error.
    assert history(world, page="abc").count("<tr") > 1


def test_the_history_filters_by_what_changed_and_who_and_keeps_the_filters_on_every_page(
    world: PlanWorld,
) -> None:
    manager = world.users["programme_manager"]
    for number in range(55):
        services.glossary_term_create(
            actor=manager, plan=world.plan, term=f"T{number}", meaning="m"
        )
    services.action_update(actor=None, action=world.action, title="Agree the board's terms")
    client = world.client_for("programme_manager")
    url = reverse("plan_history", args=[world.plan.pk])
    form = client.get(url).content.decode()
    assert '<option value="glossaryterm">' in form and '<option value="action">' in form
    terms = client.get(url, {"kind": "glossaryterm"}).content.decode()
    assert "Changes 1 to 50 of 55" in text(terms)
    assert "Agree the board" not in terms
    # The next page keeps the filter.
    assert 'href="?kind=glossaryterm&amp;page=2"' in terms
    second = text(client.get(url, {"kind": "glossaryterm", "page": "2"}).content.decode())
    assert "Changes 51 to 55 of 55" in second
    actions = text(client.get(url, {"kind": "action"}).content.decode())
    assert "Agree the board" in actions and "T54" not in actions
    name = AuditEvent.objects.filter(object_type="glossaryterm").first().actor_name  # type: ignore[union-attr]
    mine = text(client.get(url, {"who": name}).content.decode())
    assert "T54" in mine and "Agree the board" not in mine
    # A filter the history cannot have is let go, not an error.
    assert client.get(url, {"kind": "nothing", "who": "Nobody"}).status_code == 200


def test_the_count_and_the_choices_follow_each_change_and_each_draft_at_once(
    world: PlanWorld,
) -> None:
    """The number of changes and the filters' choices are kept for the plan as it stands: a
    change shows in both at the next look, and so does a draft its writer may see (a draft is
    no change to the plan), counted for them and no one else."""
    for number in range(50):
        services.glossary_term_create(actor=None, plan=world.plan, term=f"T{number}", meaning="m")
    lead = world.client_for("lead_officer")
    url = reverse("plan_history", args=[world.plan.pk])

    def total(client: Client) -> int:
        found = re.search(r"Changes 1 to 50 of (\d+)", text(client.get(url).content.decode()))
        assert found is not None
        return int(found.group(1))

    before = total(lead)
    services.glossary_term_create(
        actor=world.users["programme_manager"], plan=world.plan, term="New", meaning="m"
    )
    assert total(lead) == before + 1
    assert "Programme manager" in lead.get(url).content.decode().split("</select>")[1]
    period = open_period(world)
    drafted = total(lead) - 1  # opening the period is a change too
    monitoring.draft_save(
        actor=world.users["lead_officer"],
        action=world.action,
        period=period,
        version=None,
        status="A",
        narrative="Half written",
    )
    assert total(lead) > drafted + 1  # the draft's own changes, for its writer
    assert total(world.client_for("board_member")) == drafted + 1
