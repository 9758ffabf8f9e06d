"""The period page shows where each action's update stands from its newest review: waiting,
returned to the lead, approved, or waiting again once the lead sends it back."""

from __future__ import annotations

import re

from django.urls import reverse

from sendplan.monitoring import services as monitoring
from sendplan.test import PlanWorld, start_cycle

MANAGER = "programme_manager"


def row_for(page: str, ref: str) -> str:
    found = re.search(rf"<tr class=\"govuk-table__row\">\s*<td data-label=\"Action\"[^>]*>"
                      rf"<a [^>]*>{re.escape(ref)} .*?</tr>", page, re.DOTALL)  # fmt: skip
    assert found, f"no row for {ref}"
    return found.group()


def test_each_row_stands_at_its_newest_review(world: PlanWorld) -> None:
    cycle = start_cycle(world)  # 1.1.1 waiting for review; 1.1.2 asked for and missing
    url = reverse("period", args=[world.plan.pk, cycle.period.pk])
    client = world.client_for(MANAGER)

    page = client.get(url).content.decode()
    assert "Waiting for review" in row_for(page, "1.1.1")
    assert "Missing" in row_for(page, "1.1.2")

    monitoring.update_review(
        actor=None, update=cycle.submitted, decision="returned", comment="Add the dates"
    )
    page = client.get(url).content.decode()
    assert "Returned to the lead" in row_for(page, "1.1.1")
    assert "1 returned to the lead" in page

    lead = world.users["lead_officer"]
    draft = monitoring.draft_save(
        actor=lead, action=world.action, period=cycle.period, version=None, status="A",
        narrative="Dates added: the new chair starts in November.", evidence=[],
    )  # fmt: skip
    again = monitoring.draft_submit(actor=lead, draft=draft)
    page = client.get(url).content.decode()
    assert "Waiting for review" in row_for(page, "1.1.1")

    monitoring.update_review(actor=None, update=again, decision="approved")
    page = client.get(url).content.decode()
    assert "Approved" in row_for(page, "1.1.1")
    assert "1 approved" in page


def test_a_draft_shows_at_once_though_the_table_is_kept(world: PlanWorld) -> None:
    """The table is kept until the plan changes, and saving a draft does not change the plan:
    the row still says at once that a draft has been started, and a submitted update is there
    at the next look."""
    cycle = start_cycle(world)
    url = reverse("period", args=[world.plan.pk, cycle.period.pk])
    client = world.client_for(MANAGER)
    assert "Missing" in row_for(client.get(url).content.decode(), "1.1.2")

    lead = world.users["lead_officer"]
    draft = monitoring.draft_save(
        actor=lead, action=world.other_action, period=cycle.period, version=None, status="G",
        narrative="Begun.", evidence=[],
    )  # fmt: skip
    assert "Draft only" in row_for(client.get(url).content.decode(), "1.1.2")

    monitoring.draft_submit(actor=lead, draft=draft)
    page = client.get(url).content.decode()
    assert "Waiting for review" in row_for(page, "1.1.2")
    assert "2 waiting for review" in page
