"""One count of overdue: the overview's headline, its table by section, its signals, the home
page and the board report say the same number for the same plan and period."""

from __future__ import annotations

import re

from django.urls import reverse

from sendplan.monitoring.services import status_update_record
from sendplan.plans import services
from sendplan.reports.tests import docx_text
from sendplan.test import PlanWorld


def _plan_with_edge_cases(world: PlanWorld) -> None:
    """Jun 18 (ending 30 June 2018) is the plan's current period. 1.1.1 (due May 2018, rated
    G) is overdue in it. So is 1.1.5 (due 15 June 2018, never rated). 1.1.3 falls due in
    August 2018, after the period ended: not overdue in it, though its date is past today.
    1.1.4 was completed in Mar 18 and then given an update with no status: still complete."""
    mar, jun = world.periods
    section = world.priority
    services.action_create(actor=None, section=section, ref="1.1.3", title="Later", due="2018-08")
    done = services.action_create(
        actor=None, section=section, ref="1.1.4", title="Finished early", due="2018-04"
    )
    status_update_record(actor=None, action=done, period=mar, status="B")
    status_update_record(actor=None, action=done, period=jun, narrative="Nothing more to do.")
    services.action_create(
        actor=None, section=section, ref="1.1.5", title="Missed", due="2018-06-15"
    )


def _get(world: PlanWorld, who: str, name: str, *args: int, **query: str) -> str:
    response = world.client_for(who).get(reverse(name, args=args), query)
    assert response.status_code == 200
    return response.content.decode()


def test_it_counts_overdue_the_same_on_every_page_and_report(world: PlanWorld) -> None:
    _plan_with_edge_cases(world)
    plan = world.plan.pk

    overview = _get(world, "programme_manager", "plan", plan)
    assert '<span class="sendplan-figure">2</span> overdue on 30 June 2018' in overview
    top_rows = re.findall(
        r'sendplan-depth-0">.*?data-label="Overdue"[^>]*>(\d+)</td>', overview, re.S
    )
    assert sum(int(n) for n in top_rows) == 2
    assert re.search(r"Overdue and not done on 30 June 2018</dt>\s*<dd[^>]*>2</dd>", overview)
    listed = overview.split("Overdue actions")[1].split("Due in the next 30 days")[0]
    assert "1.1.1" in listed and "1.1.5" in listed
    assert "1.1.3" not in listed and "1.1.4" not in listed

    home = _get(world, "programme_manager", "home")
    assert "<li>2 overdue</li>" in home

    board = _get(world, "board_member", "board_report", plan, period="Jun 18")
    assert "<strong>2 overdue</strong>" in board
    exceptions = board.split('id="exceptions"')[1].split('id="every-action"')[0]
    assert "1.1.1" in exceptions and "1.1.5" in exceptions
    assert "1.1.3" not in exceptions and "1.1.4" not in exceptions

    docx = world.client_for("board_member").get(
        reverse("board_report_docx", args=[plan]), {"period": "Jun 18"}
    )
    paragraphs, _tables = docx_text(docx.content)
    assert any(p.startswith("2 overdue") for p in paragraphs)


def test_it_marks_the_leads_own_overdue_actions_as_the_overview_counts_them(
    world: PlanWorld,
) -> None:
    _plan_with_edge_cases(world)
    home = _get(world, "lead_officer", "home")
    mine = home.split("Actions you lead")[-1]
    # The lead leads 1.1.1, overdue in the plan's current period.
    assert re.search(r"1\.1\.1 Confirm the Terms of Reference.*?Overdue</strong>", mine, re.S)
