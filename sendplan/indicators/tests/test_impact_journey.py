"""Issue 14, "Show impact, not just activity", walked through the pages of the demo plan.

A programme manager adds "EHC plans issued within 20 weeks" from the library, loads a DfE file
and sets a trajectory; the supplier records the quarter's figure through the monitoring cycle
and the manager approves it; the board report shows it against the trajectory and England; and
plan health lists every gap with a link to where it is fixed, as `sendplan check-plan` does.
The DfE file and the quarter's figure are invented."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import resolve, reverse

from sendplan.accounts.models import Role
from sendplan.demo.load import load_demo
from sendplan.indicators.library import BY_KEY
from sendplan.indicators.models import Indicator
from sendplan.monitoring.models import Period
from sendplan.plans.models import Action, Person, Plan
from sendplan.test import date_fields

pytestmark = pytest.mark.django_db

EHCP = BY_KEY["ehcp-20-weeks"]
COLUMN = "pc_plans_issued_20_weeks_ex"
# Invented figures, laid out as explore-education-statistics publishes them: the area's rows
# name its region, which is how the region's own row is found.
DFE_FILE = (
    "time_period,time_identifier,geographic_level,country_name,region_name,new_la_code,"
    f"la_name,{COLUMN}\n"
    "2015,Calendar year,National,England,,,,59.3\n"
    "2016,Calendar year,National,England,,,,58.6\n"
    "2017,Calendar year,National,England,,,,64.9\n"
    "2015,Calendar year,Regional,England,South West,,,47.2\n"
    "2016,Calendar year,Regional,England,South West,,,51.8\n"
    "2017,Calendar year,Regional,England,South West,,,55.0\n"
    "2015,Calendar year,Local authority,England,South West,E06000025,South Gloucestershire,"
    "44.1\n"
    "2016,Calendar year,Local authority,England,South West,E06000025,South Gloucestershire,"
    "41.7\n"
    "2017,Calendar year,Local authority,England,South West,E06000025,South Gloucestershire,"
    "38.0\n"
    "2017,Calendar year,Local authority,England,South West,E06000024,Elsewhere,70.0\n"
)
# A row of the plan health tables: its severity, what is wrong, and where to fix it.
FINDING_RE = re.compile(
    r'<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--\w+">(Problem|Warning)'
    r'</strong></td>\s*<td class="govuk-table__cell">(.*?)</td>\s*'
    r'<td class="govuk-table__cell">(.*?)</td>',
    re.S,
)


@dataclass
class Demo:
    plan: Plan
    manager: Client
    supplier: Client
    supplier_person: Person


@pytest.fixture
def demo(db: None) -> Demo:
    loaded = load_demo()
    plan = next(p for p in loaded.plans if p.area.name == "South Gloucestershire")
    # demo-lead, a lead officer, is the plan's busiest lead, Sarah Hayes.
    person = loaded.lead_person
    lead = User.objects.get(
        username="demo-lead", memberships__area=plan.area, memberships__role=Role.LEAD_OFFICER
    )
    assert person is not None and person.plan_id == plan.pk and person.user == lead
    return Demo(
        plan=plan,
        manager=signed_in(User.objects.get(username="demo-manager")),
        supplier=signed_in(lead),
        supplier_person=person,
    )


def signed_in(user: User) -> Client:
    # The test settings ask no one for a second factor (settings_test.py).
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def test_a_manager_shows_the_impact_of_the_demo_plan_from_library_to_board(demo: Demo) -> None:
    indicator = the_manager_adds_the_indicator_from_the_library(demo)
    the_manager_names_its_supplier(demo, indicator)
    the_manager_loads_the_dfe_file(demo, indicator)
    the_manager_sets_a_straight_trajectory(demo, indicator)
    period = the_manager_opens_the_next_quarter(demo)
    the_supplier_records_the_quarters_figure(demo, indicator, period)
    the_manager_approves_it(demo, indicator, period)
    the_board_report_shows_it_against_the_trajectory_and_england(demo, indicator, period)
    plan_health_links_every_gap_to_where_it_is_fixed(demo)


def the_manager_adds_the_indicator_from_the_library(demo: Demo) -> Indicator:
    plan = demo.plan
    library = html(demo.manager.get(reverse("indicator_library", args=[plan.pk])))
    add = reverse("indicator_library_add", args=[plan.pk, EHCP.key])
    assert f'<form method="post" action="{add}">' in library

    response = demo.manager.post(add, follow=True)
    indicator = Indicator.objects.get(plan=plan, name="EHC plans issued within 20 weeks")
    assert response.redirect_chain == [
        (reverse("indicator_trajectory", args=[plan.pk, indicator.pk]), 302)
    ]
    assert "EHC plans issued within 20 weeks added. Now set its baseline and targets." in html(
        response
    )

    page = html(demo.manager.get(indicator.get_absolute_url()))
    assert '<h1 class="govuk-heading-l">EHC plans issued within 20 weeks</h1>' in page
    assert f'<dd class="govuk-summary-list__value">{EHCP.definition}</dd>' in page
    unit = '<dt class="govuk-summary-list__key">Unit</dt><dd class="govuk-summary-list__value">%'
    assert unit in page
    assert "No figures recorded yet." in page
    return indicator


def the_manager_names_its_supplier(demo: Demo, indicator: Indicator) -> None:
    url = reverse("indicator_edit", args=[demo.plan.pk, indicator.pk])
    response = demo.manager.post(
        url,
        {
            "name": EHCP.name,
            "definition": EHCP.definition,
            "unit": EHCP.unit,
            "better": EHCP.better,
            "source": EHCP.source,
            "frequency": "Quarterly",
            "supplier": str(demo.supplier_person.pk),
        },
        follow=True,
    )
    assert "Indicator changed" in html(response)
    assert f"{demo.supplier_person}, quarterly" in html(response)


def the_manager_loads_the_dfe_file(demo: Demo, indicator: Indicator) -> None:
    plan = demo.plan
    page = html(demo.manager.get(indicator.get_absolute_url()))
    load = reverse("indicator_load", args=[plan.pk, indicator.pk])
    assert f'href="{load}">Load a DfE file</a>' in page

    response = demo.manager.post(
        load,
        {
            "file": SimpleUploadedFile("invented-ehcp.csv", DFE_FILE.encode(), "text/csv"),
            "column": COLUMN,
        },
        follow=True,
    )
    page = html(response)
    assert (
        "3 figures for South Gloucestershire new or changed; comparators: England, South West"
        in page
    )
    assert ">England</th>" in page and ">South West</th>" in page
    assert ">Elsewhere</th>" not in page  # not named as a neighbour
    # December 2017: the area's figure, then England's and the region's beside it.
    assert re.search(
        r">December 2017</th>\s*<td[^>]*>–</td>\s*<td[^>]*>38</td>\s*"
        r"<td[^>]*>64.9</td>\s*<td[^>]*>55</td>",
        page,
    )
    assert "Source: DfE open data: invented-ehcp.csv" in page
    assert "Set a target trajectory to rate it." in page


def the_manager_sets_a_straight_trajectory(demo: Demo, indicator: Indicator) -> None:
    """From the 2017 figure to 62% by the end of 2019: halfway, 50%, at the end of 2018."""
    url = reverse("indicator_trajectory", args=[demo.plan.pk, indicator.pk])
    response = demo.manager.post(
        url,
        {
            "baseline_on_month": "12",
            "baseline_on_year": "2017",
            "baseline_value": "38",
            "targets": "2019-12 62 Matches England",
        },
        follow=True,
    )
    page = html(response)
    assert "Baseline and targets saved" in page
    assert ">Baseline, December 2017</th>" in page
    assert re.search(r">December 2019</th>\s*<td[^>]*>62</td>", page)
    # The latest figure so far is the baseline itself.
    assert re.search(
        r"On track or ahead</strong>\s+December 2017: 38 against a target of 38 on the trajectory",
        page,
    )


def the_manager_opens_the_next_quarter(demo: Demo) -> Period:
    plan = demo.plan
    url = reverse("period_open", args=[plan.pk])
    form = demo.manager.get(url)
    # The demo's last column has no updates yet, so it is offered, with every action not done.
    assert 'value="Dec 18"' in html(form)
    ticked = form.context["form"].initial["actions"]
    response = demo.manager.post(
        url,
        {
            "label": "Dec 18",
            **date_fields("starts_on", dt.date(2018, 10, 1)),
            **date_fields("ends_on", dt.date(2018, 12, 31)),
            **date_fields("deadline", dt.date(2019, 1, 14)),
            "actions": [str(action.pk) for action in ticked],
        },
        follow=True,
    )
    period = Period.objects.get(plan=plan, label="Dec 18")
    page = html(response)
    assert "Dec 18 is open." in page
    assert "Indicator figures for Dec 18" in page
    assert "1 asked for" in page and "0 received" in page
    return period


def the_supplier_records_the_quarters_figure(
    demo: Demo, indicator: Indicator, period: Period
) -> None:
    record = reverse("indicator_record", args=[demo.plan.pk, indicator.pk])
    owed = html(demo.supplier.get(reverse("my_actions")))
    assert "Indicator figures you supply" in owed
    assert (
        f'<a class="govuk-link" href="{record}?period={period.pk}">Record the figure'
        '<span class="govuk-visually-hidden"> for</span>: EHC plans issued within 20 weeks</a>'
    ) in owed

    form = html(demo.supplier.get(f"{record}?period={period.pk}"))
    assert "Send the figure for review" in form
    response = demo.supplier.post(
        f"{record}?period={period.pk}",
        {
            "period": str(period.pk),
            "value": "52.5",
            "text": "Two more caseworkers from October cleared the backlog of assessments.",
            "source": "Case management system, EHC plans issued October to December 2018",
        },
        follow=True,
    )
    page = html(response)
    assert response.redirect_chain[-1][0] == reverse("my_actions")
    assert (
        "Your figure for EHC plans issued within 20 weeks in Dec 18 has been sent for review"
        in page
    )
    assert "Waiting for review" in page


def the_manager_approves_it(demo: Demo, indicator: Indicator, period: Period) -> None:
    plan = demo.plan
    page = html(demo.manager.get(reverse("period", args=[plan.pk, period.pk])))
    assert "1 received" in page and "1 waiting for review</a>" in page
    point = indicator.points.get(period=period)
    review = reverse("figure_review", args=[plan.pk, indicator.pk, point.pk])
    assert f'href="{review}">Review' in page

    # Until it is approved, the board does not rely on it.
    board = html(demo.manager.get(reverse("board_report", args=[plan.pk]), {"period": "Dec 18"}))
    assert "Not yet included, until a programme manager approves it" in board

    form = html(demo.manager.get(review))
    assert "Two more caseworkers from October" in form
    response = demo.manager.post(review, {"decision": "approved", "comment": ""}, follow=True)
    page = html(response)
    assert "Figure for EHC plans issued within 20 weeks: Approved" in page
    assert "0 waiting for review" in page


def the_board_report_shows_it_against_the_trajectory_and_england(
    demo: Demo, indicator: Indicator, period: Period
) -> None:
    response = demo.manager.get(reverse("board_report", args=[demo.plan.pk]), {"period": "Dec 18"})
    assert response.status_code == 200
    page = html(response)
    start = page.index('<h2 class="govuk-heading-l" id="indicators">')
    section = page[start : page.index("</table>", page.index(f'id="figures-{indicator.pk}"'))]
    assert "EHC plans issued within 20 weeks" in section
    assert re.search(
        r'<strong class="govuk-tag govuk-tag--green">On track or ahead</strong>\s+'
        r"31 December 2018: 52.5 against a target of 50 on the trajectory \(higher is better\)\.",
        section,
    )
    assert "<svg" in section
    assert re.search(r">Target</th>.*>Actual</th>.*>England</th>.*>South West</th>", section)
    assert re.search(r">December 2017</th>.*?>38</td>\s*<td[^>]*>64.9</td>", section, re.S)
    assert re.search(r">31 December 2018</th>\s*<td[^>]*>–</td>\s*<td[^>]*>52.5</td>", section)
    assert re.search(r">December 2019</th>\s*<td[^>]*>62 \(Matches England\)</td>", section)
    assert "Not yet included" not in section


def plan_health_links_every_gap_to_where_it_is_fixed(demo: Demo) -> None:
    plan = demo.plan
    url = reverse("plan_health", args=[plan.pk])
    # The demo plan as published has warnings to check, and no problem.
    assert "<strong>0 problems</strong>" in html(demo.manager.get(url))
    assert_check_plan_passes(plan)

    # An action added with no lead is a problem.
    section = Action.objects.get(section__plan=plan, ref="1.1.1").section
    response = demo.manager.post(
        reverse("action_add", args=[plan.pk]),
        {"ref": "1.1.9", "title": "Publish the local offer's new pages", "section": section.pk},
    )
    action = Action.objects.get(section__plan=plan, ref="1.1.9")
    assert response.status_code == 302 and response["Location"] == action.get_absolute_url()

    page = html(demo.manager.get(url))
    summary = re.search(
        r"<strong>(\d+) problems?</strong>.*?<strong>(\d+) warnings?</strong>", page
    )
    assert summary is not None
    problems, warnings = int(summary.group(1)), int(summary.group(2))
    assert problems == 1 and warnings > 0
    findings = FINDING_RE.findall(page)
    assert len(findings) == problems + warnings
    assert [message for severity, message, _ in findings if severity == "Problem"] == [
        "Action 1.1.9 has no lead."
    ]
    edit = reverse("action_edit", args=[plan.pk, action.pk])
    assert (
        "Problem",
        "Action 1.1.9 has no lead.",
        f'<a class="govuk-link" href="{edit}">Add a lead</a>',
    ) in findings
    # Every gap links to where it is fixed, and each kind of page it links to opens.
    pages: dict[str | None, str] = {}
    for _, message, fix in findings:
        link = re.fullmatch(r'<a class="govuk-link" href="([^"]+)">[^<]+</a>', fix)
        assert link is not None, message
        pages.setdefault(resolve(urlsplit(link.group(1)).path).url_name, link.group(1))
    assert {"action_edit", "people", "indicators"} <= set(pages)
    for href in pages.values():
        assert demo.manager.get(href).status_code == 200, href
    # The indicator set up above leaves no gap of its own.
    assert "The indicator “EHC plans issued within 20 weeks”" not in page

    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match=rf"^{re.escape(plan.title)} has 1 problem$") as error:
        call_command("check_plan", "--plan", str(plan.pk), stdout=out, stderr=err)
    assert error.value.returncode == 1
    assert f"PROBLEM: Action 1.1.9 has no lead.  [Add a lead: {edit}]" in out.getvalue()
    assert f"1 problem, {warnings} warnings" in out.getvalue()


def assert_check_plan_passes(plan: Plan) -> None:
    out = io.StringIO()
    call_command("check_plan", "--plan", str(plan.pk), stdout=out, stderr=io.StringIO())
    assert "\n0 problems, " in out.getvalue()
