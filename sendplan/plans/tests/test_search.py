"""Search across the plans a person may see, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import html
import re

from django.urls import reverse

from sendplan.monitoring import services as monitoring
from sendplan.plans import services
from sendplan.test import PlanWorld, start_cycle


def found(world: PlanWorld, query: str, who: str = "board_member") -> str:
    response = world.client_for(who).get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_it_finds_an_action_by_its_ref(world: PlanWorld) -> None:
    page = found(world, "1.1.2")
    assert "Actions (1)" in page and "1.1.2 Publish the board's minutes" in page
    assert "Confirm the Terms of Reference" not in page


def test_it_finds_actions_by_words_in_any_order_and_case(world: PlanWorld) -> None:
    page = found(world, "reference terms")
    assert "1.1.1 Confirm the Terms of Reference" in page


def test_it_finds_people_and_what_updates_said(world: PlanWorld) -> None:
    start_cycle(world)
    page = found(world, "chair")
    assert "Updates" in page and "a new chair is being recruited" in page
    assert "Helen Hill" in found(world, "helen")


def test_it_never_shows_another_areas_plan(world: PlanWorld) -> None:
    other = world.other_plan
    section = services.section_create(actor=None, plan=other, ref="1", title="Elsewhere")
    services.action_create(actor=None, section=section, ref="9.9", title="Secret reference work")
    assert "Secret reference work" not in found(world, "reference")
    assert "Secret reference work" in found(world, "reference", who="outsider")


def test_it_never_shows_a_draft(world: PlanWorld) -> None:
    period = start_cycle(world).period
    monitoring.draft_save(
        actor=world.users["lead_officer"],
        action=world.other_action,
        period=period,
        version=None,
        narrative="Unsent thoughts about the minutes",
    )
    assert "Unsent thoughts" not in found(world, "unsent thoughts", who="lead_officer")


def test_it_says_when_nothing_matches_and_asks_for_more_than_a_letter(world: PlanWorld) -> None:
    assert "Nothing matches “zebra crossing”" in found(world, "zebra crossing")
    assert "Enter at least two letters or numbers." in found(world, "a")


def test_every_page_offers_search(world: PlanWorld) -> None:
    page = world.client_for("lead_officer").get(reverse("my_actions")).content.decode()
    assert f'href="{reverse("search")}"' in page
