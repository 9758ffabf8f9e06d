"""The monitoring cycle as people drive it through the pages: a programme manager opens a
period, leads write and submit, reviewers approve or return, the period is signed off."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import Period, StatusUpdate, UpdateDraft, UpdateRequest
from sendplan.monitoring.services import update_state
from sendplan.plans import services as plans
from sendplan.scale import grow_plan
from sendplan.test import PlanWorld, date_fields, make_user, open_period, start_cycle

MANAGER = "programme_manager"
LEAD = "lead_officer"


def open_form(world: PlanWorld, label: str = "Sep 18", **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "label": label,
        **date_fields("starts_on", dt.date(2018, 7, 1)),
        **date_fields("ends_on", dt.date(2018, 9, 30)),
        **date_fields("deadline", dt.date(2018, 10, 7)),
        "actions": [world.action.pk, world.other_action.pk],
    }
    data.update(changes)
    return data


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def submit(client: Client, world: PlanWorld, period: Period, **fields: object) -> Any:
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    return client.post(url, {"period": period.pk, "intent": "submit", **fields})


# Opening a period


def test_it_opens_a_period_and_asks_for_updates_on_the_chosen_actions(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    url = reverse("period_open", args=[world.plan.pk])
    form = html(client.get(url))
    # Every action that is not done is chosen to start with.
    assert form.count('type="checkbox"') == 2 and form.count(" checked") == 2
    response = client.post(url, open_form(world, actions=[world.action.pk]))
    period = world.plan.periods.get(label="Sep 18")
    assert response.status_code == 302 and response["Location"].endswith(f"/periods/{period.pk}/")
    assert period.is_open and period.deadline == dt.date(2018, 10, 7)
    assert list(UpdateRequest.objects.filter(period=period).values_list("action", flat=True)) == [
        world.action.pk
    ]
    page = html(client.get(response["Location"]))
    assert "Open for updates" in page and "1 asked for" in page and "1 missing" in page


def test_it_refuses_to_open_the_same_period_twice(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    url = reverse("period_open", args=[world.plan.pk])
    client.post(url, open_form(world))
    response = client.post(url, open_form(world))
    assert response.status_code == 200
    assert "The period Sep 18 has already been opened and is open" in html(response)
    assert world.plan.periods.filter(label="Sep 18").count() == 1
    assert UpdateRequest.objects.count() == 2


def test_it_refuses_a_period_that_overlaps_another(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    url = reverse("period_open", args=[world.plan.pk])
    client.post(url, open_form(world))
    response = client.post(
        url,
        open_form(world, label="Late summer 18", **date_fields("starts_on", dt.date(2018, 9, 1))),
    )
    assert response.status_code == 200
    assert "overlaps the period Sep 18 (1 July 2018 to 30 September 2018)" in html(response)
    assert not world.plan.periods.filter(label="Late summer 18").exists()


def test_it_opens_a_column_the_plan_already_has_in_place(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    url = reverse("period_open", args=[world.plan.pk])
    response = client.post(
        url,
        open_form(
            world,
            label="Jun 18",
            **date_fields("starts_on", dt.date(2018, 4, 1)),
            **date_fields("ends_on", dt.date(2018, 6, 30)),
        ),
    )
    assert response.status_code == 302
    assert world.plan.periods.count() == 2
    assert world.plan.periods.get(label="Jun 18").is_open


def test_it_explains_dates_it_cannot_read(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    url = reverse("period_open", args=[world.plan.pk])
    response = client.post(
        url,
        open_form(
            world, deadline_day="31", deadline_month="2", deadline_year="2018", ends_on_day=""
        ),
    )
    page = html(response)
    assert "The deadline for updates must be a real date" in page
    assert "The date the period ends must include a day" in page
    assert not world.plan.periods.filter(label="Sep 18").exists()


# Leads write, save and submit


def far_deadline(period: Period) -> None:
    """The period's deadline far off. No page changes a deadline once a period is open, so it
    is written here behind the application's back, and what the pages keep for the plan as it
    stands (which only the application's own writes move on) is forgotten."""
    Period.objects.filter(pk=period.pk).update(deadline=dt.date(2099, 1, 1))
    cache.clear()


def test_it_lists_what_is_due_from_me_and_what_is_overdue(world: PlanWorld) -> None:
    period = open_period(world)
    client = world.client_for(LEAD)
    page = html(client.get(reverse("my_actions")))
    # The lead leads 1.1.1 only; the deadline (7 October 2018) has long passed.
    assert "Overdue" in page and "1.1.1" in page and "1.1.2" not in page
    far_deadline(period)
    page = html(client.get(reverse("my_actions")))
    assert "Due from you" in page and "Overdue</caption>" not in page
    home = html(client.get(reverse("home")))
    assert "Updates due from you" in home and "1 due" in home


def test_your_actions_filters_and_sorts_by_what_the_address_says(world: PlanWorld) -> None:
    period = open_period(world)
    lead = world.action.lead_links.get().person
    plans.action_update(actor=None, action=world.other_action, leads=[lead])
    submit(world.client_for(LEAD), world, period, status="G", narrative="Board met.")
    client = world.client_for(LEAD)
    url = reverse("my_actions")

    def listed(page: str) -> list[str]:
        return re.findall(r"\?period=\d+\">(\S+) ", page)

    everything = html(client.get(url))
    assert "Submitted" in everything and "Overdue</caption>" in everything
    assert sorted(listed(everything)) == sorted([world.action.ref, world.other_action.ref])
    only_submitted = html(client.get(url, {"show": "submitted"}))
    assert listed(only_submitted) == [world.action.ref]
    assert "Overdue</caption>" not in only_submitted
    assert "Showing 1 of 2 updates" in only_submitted
    # A choice the page does not offer is ignored, not an error.
    assert listed(html(client.get(url, {"show": "everything", "plan": "999"}))) == listed(
        everything
    )
    nothing = html(client.get(url, {"show": "returned"}))
    assert "Nothing matches these filters" in nothing


def test_it_shows_each_status_with_its_meaning_and_reminds_writers_not_to_name_children(
    world: PlanWorld,
) -> None:
    period = open_period(world)
    plans.status_level_update(
        actor=None,
        level=world.plan.status_levels.get(code="A"),
        meaning="Work has slipped but can recover this quarter",
    )
    url = reverse("update_add", args=[world.plan.pk, world.action.pk]) + f"?period={period.pk}"
    page = html(world.client_for(LEAD).get(url))
    for label in [
        "B – Completed",
        "G – On track, no concerns",
        "R – No progress or major concerns",
    ]:
        assert label in page
    assert "Work has slipped but can recover this quarter" in page
    assert "never children or families" in page


def test_it_saves_a_draft_to_finish_later_without_recording_an_update(world: PlanWorld) -> None:
    period = open_period(world)
    client = world.client_for(LEAD)
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    response = client.post(
        url, {"period": period.pk, "intent": "save", "status": "A", "narrative": "Half written"}
    )
    assert response.status_code == 302
    assert not StatusUpdate.objects.filter(period=period).exists()
    page = html(client.get(response["Location"]))
    assert "Half written" in page and "Draft last saved by Lead officer" in page
    # The world's deadline (7 October 2018) has passed: a draft is still overdue.
    assert "Overdue</caption>" in html(client.get(reverse("my_actions")))
    far_deadline(period)
    assert "Draft saved" in html(client.get(reverse("my_actions")))


def test_it_submits_an_update_for_review_and_keeps_the_history(world: PlanWorld) -> None:
    period = open_period(world)
    client = world.client_for(LEAD)
    draft_page = reverse("update_add", args=[world.plan.pk, world.action.pk])
    client.post(
        draft_page, {"period": period.pk, "intent": "save", "status": "A", "narrative": "Draft"}
    )
    version = UpdateDraft.objects.get().version
    response = submit(client, world, period, status="G", narrative="Board met.", version=version)
    assert response.status_code == 302
    update = StatusUpdate.objects.get(period=period)
    assert (update.status, update.narrative, update_state(update)) == (
        "G",
        "Board met.",
        "submitted",
    )
    assert not UpdateDraft.objects.exists()
    page = html(
        world.client_for("board_member").get(
            reverse("action", args=[world.plan.pk, world.action.pk])
        )
    )
    assert "Waiting for review" in page and "Board met." in page and "ToR drafted." in page


def test_it_asks_for_a_status_before_submitting_and_keeps_the_words(world: PlanWorld) -> None:
    period = open_period(world)
    response = submit(world.client_for(LEAD), world, period, narrative="All written out")
    assert response.status_code == 200
    page = html(response)
    assert "Select a status to submit your update" in page and "All written out" in page
    # Nothing was saved behind the lead's back, and the status is still shown as needed.
    assert not UpdateDraft.objects.exists()
    assert not StatusUpdate.objects.filter(period=period).exists()
    assert "(optional)</legend>" not in page.split("Status")[1].split("What has been done")[0]


def test_a_draft_is_saved_without_a_status(world: PlanWorld) -> None:
    period = open_period(world)
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    response = world.client_for(LEAD).post(
        url, {"period": period.pk, "intent": "save", "narrative": "Half written"}
    )
    assert response.status_code == 302
    assert UpdateDraft.objects.get().narrative == "Half written"


def test_it_refuses_updates_from_someone_who_does_not_lead_the_action(world: PlanWorld) -> None:
    period = open_period(world)
    url = reverse("update_add", args=[world.plan.pk, world.other_action.pk])
    response = world.client_for(LEAD).post(
        url, {"period": period.pk, "intent": "submit", "status": "G"}
    )
    assert response.status_code == 403
    assert not StatusUpdate.objects.filter(period=period).exists()


# Review


def test_it_lets_a_reviewer_return_an_update_and_the_lead_resubmit(world: PlanWorld) -> None:
    cycle = start_cycle(world)
    manager, lead = world.client_for(MANAGER), world.client_for(LEAD)
    review_url = reverse("update_review", args=[world.plan.pk, cycle.submitted.pk])
    response = manager.post(review_url, {"decision": "returned", "comment": ""})
    assert "Enter a comment telling the lead what to change" in html(response)
    manager.post(review_url, {"decision": "returned", "comment": "Add the recruitment dates"})
    assert update_state(cycle.submitted) == "returned"
    mine = html(lead.get(reverse("my_actions")))
    assert "Returned to you" in mine and "Add the recruitment dates" in mine
    form = html(lead.get(reverse("update_add", args=[world.plan.pk, world.action.pk])))
    assert "The reviewer said: Add the recruitment dates" in form
    # What was sent comes back ready to change: the status chosen, the words and the evidence.
    assert re.search(r'value="A"[^>]*checked', form)
    assert "The chair resigned; a new chair is being recruited." in form
    assert "Board minutes, August 2018" in form
    response = submit(lead, world, cycle.period, status="A", narrative="Interviews on 3 September.")
    # Back to what else the lead owes.
    assert response["Location"] == reverse("my_actions")
    newest = StatusUpdate.objects.filter(period=cycle.period).order_by("-sequence").first()
    assert newest is not None and update_state(newest) == "submitted"
    manager.post(
        reverse("update_review", args=[world.plan.pk, newest.pk]), {"decision": "approved"}
    )
    assert update_state(newest) == "approved"
    # Both submissions stay in the history.
    assert StatusUpdate.objects.filter(period=cycle.period).count() == 2


def test_the_reviewer_can_open_the_evidence_an_update_links_to(world: PlanWorld) -> None:
    period = open_period(world)
    draft = monitoring.draft_save(
        actor=world.users[LEAD],
        action=world.action,
        period=period,
        version=None,
        status="G",
        narrative="Published.",
        evidence=["https://example.org/local-offer/ehc-guide", "javascript:alert(1)"],
    )
    update = monitoring.draft_submit(actor=world.users[LEAD], draft=draft)
    page = html(
        world.client_for(MANAGER).get(reverse("update_review", args=[world.plan.pk, update.pk]))
    )
    assert (
        '<a class="govuk-link" href="https://example.org/local-offer/ehc-guide" '
        'rel="noopener noreferrer">https://example.org/local-offer/ehc-guide</a>'
    ) in page
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page


def test_it_refuses_to_review_an_update_twice_or_a_superseded_one(world: PlanWorld) -> None:
    cycle = start_cycle(world)
    manager = world.client_for(MANAGER)
    url = reverse("update_review", args=[world.plan.pk, cycle.submitted.pk])
    manager.post(url, {"decision": "approved"})
    response = manager.post(url, {"decision": "returned", "comment": "Changed my mind"})
    assert "This update has already been approved" in html(response)
    assert update_state(cycle.submitted) == "approved"


@pytest.mark.parametrize(
    "who, allowed",
    [
        (MANAGER, True),
        ("area_admin", True),
        ("board_member", False),
        ("adviser", False),
        ("parent_carer_forum", False),
        ("theme owner", True),
        (LEAD, False),
    ],
)
def test_it_lets_only_programme_managers_and_theme_owners_review(
    world: PlanWorld, who: str, allowed: bool
) -> None:
    cycle = start_cycle(world)
    if who == "theme owner":
        owner = make_user("owner", "Theme", "Owner")
        owner.memberships.create(area=world.area, role="board_member")
        person = plans.person_create(
            actor=None, plan=world.plan, key="TO", name="Theme Owner", user=owner
        )
        plans.section_update(actor=None, section=world.theme, owners=[person])
        client = Client()
        client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
    else:
        # The lead owns the theme too, but never reviews their own update.
        client = world.client_for(who)
    url = reverse("update_review", args=[world.plan.pk, cycle.submitted.pk])
    response = client.post(url, {"decision": "approved"})
    assert response.status_code == (302 if allowed else 403)
    assert update_state(cycle.submitted) == ("approved" if allowed else "submitted")


def test_the_period_page_offers_review_to_those_who_may_review_each_update(
    world: PlanWorld,
) -> None:
    cycle = start_cycle(world)
    owner = make_user("owner", "Theme", "Owner")
    owner.memberships.create(area=world.area, role="board_member")
    person = plans.person_create(
        actor=None, plan=world.plan, key="TO", name="Theme Owner", user=owner
    )
    url = reverse("period", args=[world.plan.pk, cycle.period.pk])
    review = reverse("update_review", args=[world.plan.pk, cycle.submitted.pk])
    client = Client()
    client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
    # Not yet the theme's owner: no link.
    assert review not in client.get(url).content.decode()
    plans.section_update(actor=None, section=world.theme, owners=[person])
    assert review in client.get(url).content.decode()
    assert review in world.client_for(MANAGER).get(url).content.decode()
    # The lead owns the theme too, but never reviews their own update.
    assert review not in world.client_for(LEAD).get(url).content.decode()
    assert review not in world.client_for("board_member").get(url).content.decode()


# Concurrency


def test_it_never_loses_a_co_leads_words_when_two_save_the_same_update(world: PlanWorld) -> None:
    period = open_period(world)
    co_lead = make_user("co-lead", "Co", "Lead")
    co_lead.memberships.create(area=world.area, role=LEAD)
    person = plans.person_create(
        actor=None, plan=world.plan, key="CL", name="Co Lead", user=co_lead
    )
    plans.action_update(actor=None, action=world.action, leads=[world.lead, person])
    first, second = world.client_for(LEAD), Client()
    second.force_login(co_lead, backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    # Both open the form before either has saved (no draft yet: version empty).
    first.post(
        url,
        {
            "period": period.pk,
            "intent": "save",
            "status": "G",
            "narrative": "First words",
            "version": "",
        },
    )
    response = second.post(
        url,
        {
            "period": period.pk,
            "intent": "save",
            "status": "A",
            "narrative": "Second words",
            "version": "",
        },
    )
    page = html(response)
    assert response.status_code == 200
    assert "saved this update" in page and "while you were writing it" in page
    # They see what the other lead saved, and keep what they typed.
    assert "First words" in page and "Second words" in page
    assert UpdateDraft.objects.get().narrative == "First words"
    # Saving again, knowing, goes through.
    version = page.split('name="version" value="')[1].split('"')[0]
    second.post(
        url,
        {
            "period": period.pk,
            "intent": "save",
            "status": "A",
            "narrative": "Second words",
            "version": version,
        },
    )
    assert UpdateDraft.objects.get().narrative == "Second words"


def test_it_records_a_double_submitted_update_once(world: PlanWorld) -> None:
    period = open_period(world)
    client = world.client_for(LEAD)
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    client.post(url, {"period": period.pk, "intent": "save", "status": "G", "narrative": "Ready"})
    version = UpdateDraft.objects.get().version
    for _ in range(2):
        submit(client, world, period, status="G", narrative="Ready", version=version)
    assert StatusUpdate.objects.filter(period=period).count() == 1


def test_it_suggests_the_plans_empty_column_with_its_dates(world: PlanWorld) -> None:
    assert not world.plan.periods.get(label="Jun 18").updates.exists()
    page = html(world.client_for(MANAGER).get(reverse("period_open", args=[world.plan.pk])))
    # Day, month and year boxes for each date, filled in from the plan's own columns.
    for name, (day, month, year) in {
        "starts_on": ("1", "4", "2018"),
        "ends_on": ("30", "6", "2018"),
    }.items():
        assert f'name="{name}_day" type="text" inputmode="numeric" value="{day}"' in page
        assert f'name="{name}_month" type="text" inputmode="numeric" value="{month}"' in page
        assert f'name="{name}_year" type="text" inputmode="numeric" value="{year}"' in page
    assert 'name="deadline_day" type="text" inputmode="numeric">' in page
    assert 'name="label" type="text" value="Jun 18"' in page


def test_after_submitting_the_lead_is_offered_the_next_action_they_owe(world: PlanWorld) -> None:
    world.other_action.leads.add(world.lead)
    period = open_period(world)
    client = world.client_for(LEAD)
    response = submit(client, world, period, status="G", narrative="Board met.")
    assert response["Location"] == reverse("my_actions")
    page = html(client.get(response["Location"]))
    assert "Your update on action 1.1.1 for Sep 18 has been submitted for review" in page
    assert "Give your update on action 1.1.2" in page
    # One plan: named once at the top, not on every row.
    assert page.count(world.plan.title) == 1


def test_the_period_picker_lists_actions_by_section_in_counting_order(world: PlanWorld) -> None:
    for ref in ("1.1.10", "1.1.3"):
        plans.action_create(actor=None, section=world.priority, ref=ref, title=f"Do {ref}")
    page = html(world.client_for(MANAGER).get(reverse("period_open", args=[world.plan.pk])))
    labels = re.findall(
        r'<label class="govuk-label govuk-checkboxes__label"[^>]*>([^<]*)</label>', page
    )
    assert [label.split()[0] for label in labels] == ["1.1.1", "1.1.2", "1.1.3", "1.1.10"]
    # Grouped under their section, with full titles and their leads.
    assert "1.1 Combine the boards</legend>" in page
    assert "Led by Helen Hill" in page


def test_a_reviewer_sees_the_previous_rating_and_goes_on_to_the_next_update(
    world: PlanWorld,
) -> None:
    world.other_action.leads.add(world.lead)
    period = open_period(world)
    lead, manager = world.client_for(LEAD), world.client_for(MANAGER)
    for action, words in [(world.other_action, "Minutes published"), (world.action, "Met")]:
        url = reverse("update_add", args=[world.plan.pk, action.pk])
        lead.post(url, {"period": period.pk, "intent": "submit", "status": "G", "narrative": words})
    first, second = (
        StatusUpdate.objects.get(period=period, action=action)
        for action in (world.action, world.other_action)
    )
    page = html(manager.get(reverse("update_review", args=[world.plan.pk, first.pk])))
    # 1.1.1 was rated in March: the reviewer sees it beside what is sent now.
    assert "Reported before" in page and "Mar 18" in page and "ToR drafted." in page
    assert "1 more update in Sep 18 is waiting for your review" in page
    assert "Save and review the next" in page

    response = manager.post(
        reverse("update_review", args=[world.plan.pk, first.pk]), {"decision": "approved"}
    )
    assert response["Location"] == reverse("update_review", args=[world.plan.pk, second.pk])
    last = manager.post(response["Location"], {"decision": "approved"})
    assert last["Location"] == reverse("period", args=[world.plan.pk, period.pk])


def test_the_period_page_filters_by_state_section_and_lead_in_the_url(world: PlanWorld) -> None:
    cycle = start_cycle(world)  # 1.1.1 waiting for review; 1.1.2 missing
    manager = world.client_for(MANAGER)
    url = reverse("period", args=[world.plan.pk, cycle.period.pk])
    page = html(manager.get(url))
    # The count is a link to the filtered view.
    assert '<a class="govuk-link" href="?state=submitted#updates">1 waiting for review</a>' in page

    def refs(response: object) -> list[str]:
        body = html(response).split('id="updates"')[1]
        return re.findall(r'href="/plans/\d+/actions/\d+/">(\S+) ', body)

    assert refs(manager.get(url)) == ["1.1.1", "1.1.2"]
    waiting = manager.get(url, {"state": "submitted"})
    assert refs(waiting) == ["1.1.1"] and "Showing 1 of 2 actions." in html(waiting)
    assert refs(manager.get(url, {"state": "missing"})) == ["1.1.2"]
    assert refs(manager.get(url, {"lead": world.lead.pk})) == ["1.1.1"]
    assert refs(manager.get(url, {"section": world.theme.pk})) == ["1.1.1", "1.1.2"]
    nothing = manager.get(url, {"section": "999", "state": "bogus"})
    assert nothing.status_code == 200 and "No action matches these filters." in html(nothing)


def test_the_period_page_shows_a_long_table_a_page_at_a_time_keeping_the_filters(
    world: PlanWorld,
) -> None:
    grow_plan(world.plan, lead=world.lead, actions=70, periods=2)
    period = world.plan.periods.order_by("position").last()
    assert period is not None
    manager = world.client_for(MANAGER)
    url = reverse("period", args=[world.plan.pk, period.pk])

    def refs(body: str) -> list[str]:
        return re.findall(r'href="/plans/\d+/actions/\d+/">(\S+) ', body.split('id="updates"')[1])

    first = html(manager.get(url))
    second = html(manager.get(url, {"page": 2}))
    assert "70 actions. This page shows 1 to 50." in first
    assert "This page shows 51 to 70." in second
    assert len(refs(first)) == 50 and len(refs(second)) == 20
    assert not set(refs(first)) & set(refs(second))
    assert '<a class="govuk-link govuk-pagination__link" href="?page=2" rel="next">' in first
    assert 'Next<span class="govuk-visually-hidden"> actions</span>' in first
    # A page past the end is the last page; the filters stay on the links between pages.
    assert refs(html(manager.get(url, {"page": 99}))) == refs(second)
    filtered = html(manager.get(url, {"lead": world.lead.pk}))
    assert "This page shows 1 to 50." in filtered
    assert f'href="?lead={world.lead.pk}&amp;page=2"' in filtered
