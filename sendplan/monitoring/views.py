"""Pages for the monitoring cycle: opening a period, leads' updates, review, sign-off,
corrections, due date changes, the forum's commentary and evidence files."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sendplan.accounts.access import (
    can_record_update,
    can_review,
    can_review_figure,
    can_see_draft,
    get_plan_for_user,
    is_forum,
    reviewable_sections,
    signed_in,
)
from sendplan.accounts.models import EDITING_ROLES, Membership
from sendplan.indicators.selectors import (
    FigureCounts,
    PeriodFigure,
    figures_owed_by,
    period_figures,
)
from sendplan.lib.ids import id_or_404
from sendplan.lib.refs import natural_key
from sendplan.monitoring import emails, selectors, services
from sendplan.monitoring.evidence import EvidenceRefused
from sendplan.monitoring.forms import (
    CorrectionForm,
    DueChangeForm,
    DueDecisionForm,
    ForumCommentForm,
    PeriodOpenForm,
    RecordForm,
    ReviewForm,
    UpdateForm,
)
from sendplan.monitoring.models import (
    EvidenceFile,
    ForumComment,
    Period,
    StatusUpdate,
    UpdateDraft,
    UpdateRequest,
)
from sendplan.monitoring.progress import StatusView, plan_signals, status_scale
from sendplan.monitoring.reminders import person_email, remind_now
from sendplan.monitoring.services import UpdateState, update_state
from sendplan.plans.forms import lines
from sendplan.plans.models import (
    Action,
    ActionLead,
    DueDateChange,
    Person,
    Plan,
    Section,
    StatusLevel,
)
from sendplan.plans.selectors import kept, plan_version, plans_version
from sendplan.plans.services import PlanRuleError


def _context(plan: Plan, roles: set[str], **extra: Any) -> dict[str, Any]:
    return {"plan": plan, "can_edit": bool(roles & EDITING_ROLES), "roles": roles, **extra}


def _action_in(plan: Plan, action_id: int) -> Action:
    return get_object_or_404(
        Action.objects.filter(section__plan=plan).select_related("section"), pk=action_id
    )


# "My actions": what is due from a lead


@dataclass
class Due:
    """One action a lead owes an update on, in one open period."""

    action: Action
    period: Period
    state: str  # due, overdue, draft, returned, submitted, approved
    update: StatusUpdate | None
    comment: str = ""

    @property
    def state_label(self) -> str:
        return {
            "due": "Due",
            "overdue": "Overdue",
            "draft": "Draft saved",
            "returned": "Returned to you",
            "submitted": "Waiting for review",
            "approved": "Approved",
        }[self.state]


def owed_counts(user: Any) -> dict[str, int]:
    """How many of the user's owed updates are returned, overdue, due and drafted, for the
    notice on their home page."""
    owed = owed_updates(user)
    states = ("returned", "overdue", "due", "draft")
    return {state: sum(1 for d in owed if d.state == state) for state in states}


def owed_updates(user: Any, today: dt.date | None = None, version: str = "") -> list[Due]:
    """Every request for an update, in an open period, on an action the user leads.

    Worked out from the plans of the user's areas as they stand, and kept under their last
    changes and the day (`version`, as _their_plans gives it, when the caller has it). Drafts
    are read afresh: saving one is not a change to a plan."""
    today = today or timezone.localdate()
    version = version or _their_plans(user, today)
    asked = kept(f"sendplan:owed:{user.pk}:{version}", lambda: _asked_of(user, today))
    due = [d.action for d in asked if d.state == "due"]
    if not due:
        return asked
    drafts = set(UpdateDraft.objects.filter(action__in=due).values_list("action_id", "period_id"))
    return [
        replace(d, state="draft")
        if d.state == "due" and (d.action.pk, d.period.pk) in drafts
        else d
        for d in asked
    ]


def _their_plans(user: Any, today: dt.date) -> str:
    """The version of the plans of the user's areas (plans.selectors.plans_version)."""
    return plans_version(Plan.objects.filter(area__memberships__user_id=user.pk), today)


def _asked_of(user: Any, today: dt.date) -> list[Due]:
    """owed_updates, with "due" for those with a draft saved."""
    # The actions first, then their requests: as one query of nine joins and a DISTINCT,
    # PostgreSQL took ten times longer to plan it than to run it.
    areas = Membership.objects.filter(user_id=user.pk).values("area_id")
    led = set(
        ActionLead.objects.filter(
            person__user_id=user.pk, person__plan__area_id__in=areas
        ).values_list("action_id", flat=True)
    )
    requests = (
        UpdateRequest.objects.filter(
            action_id__in=led, period__opened_at__isnull=False, period__signed_off_at__isnull=True
        )
        .select_related("action__section__plan", "period")
        .order_by("period__deadline", "action__section__position", "action__position")
    )
    pairs = [(r.action, r.period) for r in requests]
    newest = selectors.newest_updates({p for _, p in pairs}, [a for a, _ in pairs])
    owed = []
    for action, period in pairs:
        update = newest.get((action.pk, period.pk))
        comment = ""
        if update is not None:
            reviews = update.review_list  # type: ignore[attr-defined]
            state = update_state(update, reviews)
            if state == UpdateState.RETURNED:
                comment = reviews[-1].comment
            state = {UpdateState.RECORDED: "approved"}.get(state, state)
        elif period.deadline and period.deadline < today:
            state = "overdue"  # a draft is not an update
        else:
            state = "due"
        owed.append(Due(action=action, period=period, state=state, update=update, comment=comment))
    return owed


# What Your actions may be narrowed to, in the URL: the groups it lists the updates in.
_OWED_GROUPS = {
    "returned": "Returned to you",
    "overdue": "Overdue",
    "due": "Due from you",
    "submitted": "Submitted",
}
_OWED_SORTS = {"deadline": "Soonest deadline first", "ref": "Action ref"}


@dataclass
class OwedFilters:
    """Your actions' filters, as chosen in the URL, with the choices each offers."""

    plan: str
    show: str
    sort: str
    plans: list[tuple[str, str]]
    groups: list[tuple[str, str]]
    sorts: list[tuple[str, str]]

    @property
    def active(self) -> bool:
        return bool(self.plan or self.show or self.sort != "deadline")


def _owed_filters(request: HttpRequest, owed: list[Due]) -> tuple[list[Due], OwedFilters]:
    plans = {str(d.action.section.plan_id): d.action.section.plan.title for d in owed}
    show = request.GET.get("show", "")
    sort = request.GET.get("sort", "")
    filters = OwedFilters(
        plan=request.GET.get("plan", "") if request.GET.get("plan", "") in plans else "",
        show=show if show in _OWED_GROUPS else "",
        sort=sort if sort in _OWED_SORTS else "deadline",
        plans=sorted(plans.items(), key=lambda choice: choice[1]),
        groups=list(_OWED_GROUPS.items()),
        sorts=list(_OWED_SORTS.items()),
    )
    shown = [d for d in owed if not filters.plan or str(d.action.section.plan_id) == filters.plan]
    if filters.sort == "ref":
        shown.sort(key=lambda d: (d.action.section.plan.title, natural_key(d.action.ref)))
    else:
        far = dt.date.max
        shown.sort(key=lambda d: (d.period.deadline or far, natural_key(d.action.ref)))
    return shown, filters


_FIGURE_GROUPS = {
    "returned": {"returned"},
    "overdue": {"overdue"},
    "due": {"due"},
    "submitted": {"submitted", "approved"},
}


@require_GET
def my_actions(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    today = timezone.localdate()
    version = _their_plans(user, today)
    everything = owed_updates(user, today, version)
    # The figures the user supplies, kept as their updates are.
    figures = kept(
        f"sendplan:figures-owed:{user.pk}:{version}", lambda: figures_owed_by(user, today)
    )
    owed, filters = _owed_filters(request, everything)
    # The indicator figures the user supplies, narrowed by the same filters as the updates.
    if filters.plan:
        figures = [f for f in figures if str(f.indicator.plan_id) == filters.plan]
    if filters.show:
        figures = [f for f in figures if f.state in _FIGURE_GROUPS[filters.show]]
    context: dict[str, Any] = {
        "returned": [d for d in owed if d.state == "returned"],
        "overdue": [d for d in owed if d.state == "overdue"],
        "due": [d for d in owed if d.state in {"due", "draft"}],
        "submitted": [d for d in owed if d.state in {"submitted", "approved"}],
    }
    # What to do next: returned first, then overdue, then the rest, in deadline order.
    waiting = [*context["returned"], *context["overdue"], *context["due"]]
    context["next_up"] = waiting[0] if waiting else None
    if filters.show:
        for group in _OWED_GROUPS:
            if group != filters.show:
                context[group] = []
    context["filters"] = filters
    # Returned and overdue figures first, as with updates.
    order = {"returned": 0, "overdue": 1, "due": 2, "submitted": 3, "approved": 4}
    context["figures"] = sorted(figures, key=lambda f: order[f.state])
    context["shown_count"] = sum(len(context[group]) for group in _OWED_GROUPS)
    context["all_count"] = len(everything)
    plans = {d.action.section.plan for d in everything}
    # The plan is named once when all of them are in one plan, on each row when not.
    context["only_plan"] = plans.pop() if len(plans) == 1 else None
    return render(request, "monitoring/my_actions.html", context)


# Periods


@require_http_methods(["GET", "POST"])
def period_open(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    periods = list(plan.periods.all())
    unopened = [p for p in periods if p.opened_at is None and not p.updates.exists()]
    # Suggest the plan's first empty column, or else a new period after the last one.
    suggested = unopened[0] if unopened else None
    before = periods[: periods.index(suggested)] if suggested else periods
    last_end = max((e for p in before if (e := services.period_dates(p)[1])), default=None)
    initial: dict[str, Any] = {"actions": services.default_requested_actions(plan)}
    if last_end is not None:
        initial["starts_on"] = last_end + dt.timedelta(days=1)
    if suggested is not None:
        initial["label"] = suggested.label
        initial["ends_on"] = services.period_dates(suggested)[1]
    form = PeriodOpenForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = services.period_open(
                actor=request.user,
                plan=plan,
                label=data["label"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                deadline=data["deadline"],
                actions=list(data["actions"]),
            )
        except PlanRuleError as error:
            form.add_error(None, str(error))
        else:
            count = period.requests.count()
            noun = "action is" if count == 1 else "actions are"
            messages.success(request, f"{period.label} is open. {count} {noun} due an update.")
            unreachable = _unreachable_leads(Action.objects.filter(update_requests__period=period))
            if unreachable:
                messages.warning(
                    request,
                    "These leads have no email address, so they were not told and will not be "
                    f"reminded: {', '.join(unreachable)}. Add their addresses on the plan's "
                    "lead officers page.",
                )
            return redirect("period", plan.pk, period.pk)
    context = _context(
        plan,
        roles,
        form=form,
        unopened=unopened,
        unreachable=_unreachable_leads(Action.objects.filter(section__plan=plan)),
    )
    return render(request, "monitoring/period_open.html", context)


def _unreachable_leads(actions: QuerySet[Action]) -> list[str]:
    """The names of those leading any of the actions who have no email address to remind."""
    people = Person.objects.filter(led_actions__in=actions).select_related("user").distinct()
    return sorted({person.display_name for person in people if not person_email(person)})


ROW_STATES = {**UpdateState.LABELS, "missing": "Missing", "draft": "Draft only"}


class TableAction(NamedTuple):
    """What a period's table reads of an action."""

    pk: int
    section_id: int
    ref: str
    title: str
    position: int
    lead_text: str


@dataclass
class PeriodRow:
    action: TableAction
    leads: list[Person]
    requested: bool
    update: RowUpdate | None
    status: StatusView | None
    state: str
    # Whether the person looking may review its update now.
    reviewable: bool = False

    @property
    def state_label(self) -> str:
        return ROW_STATES[self.state]


@dataclass
class PeriodFilters:
    """The period table's filters, as chosen in the URL (so a filtered view can be shared),
    with the choices each offers."""

    state: str
    section: str
    lead: str
    states: list[tuple[str, str]]
    sections: list[tuple[str, str]]
    leads: list[tuple[str, str]]

    @property
    def active(self) -> bool:
        return bool(self.state or self.section or self.lead)

    def query(self) -> str:
        """The filters chosen, to keep on the links to the table's other pages."""
        chosen = {"state": self.state, "section": self.section, "lead": self.lead}
        kept = urlencode({name: value for name, value in chosen.items() if value})
        return f"{kept}&" if kept else ""


def _filtered(
    request: HttpRequest, by_section: dict[int, Theme], rows: list[PeriodRow]
) -> tuple[list[PeriodRow], PeriodFilters]:
    """The rows the filters let through, in their order (the table's: by ref). `by_section`
    gives the top-level section each section is under."""
    themes = {row.action.pk: by_section[row.action.section_id] for row in rows}
    leads = {row.action.pk: row.leads for row in rows}
    people = {str(p.pk): p.display_name for found in leads.values() for p in found}
    filters = PeriodFilters(
        state=request.GET.get("state", ""),
        section=request.GET.get("section", ""),
        lead=request.GET.get("lead", ""),
        states=[(key, ROW_STATES[key]) for key in ROW_STATES if any(r.state == key for r in rows)],
        sections=sorted(
            {(str(t.pk), t.heading) for t in themes.values()},
            key=lambda choice: natural_key(choice[1]),
        ),
        leads=sorted(people.items(), key=lambda choice: choice[1]),
    )
    shown = [
        row
        for row in rows
        if (not filters.state or row.state == filters.state)
        and (not filters.section or str(themes[row.action.pk].pk) == filters.section)
        and (not filters.lead or any(str(p.pk) == filters.lead for p in leads[row.action.pk]))
    ]
    return shown, filters


class Theme(NamedTuple):
    """A top-level section, as the period's filter offers it."""

    pk: int
    heading: str


def _themes(plan: Plan) -> dict[int, Theme]:
    """The top-level section each of the plan's sections is under (itself, for one)."""
    sections = {s.pk: s for s in plan.sections.all()}

    def top(section: Section) -> Theme:
        while section.parent_id is not None and section.parent_id in sections:
            section = sections[section.parent_id]
        return Theme(section.pk, section.heading)

    return {pk: top(section) for pk, section in sections.items()}


# Actions shown on one page of a period's table.
PERIOD_PAGE = 50
# What the period's table reads of each action's newest update: its rating, and whether (and
# by whom) it waits for review.
ROW_FIELDS = ("action_id", "period_id", "status", "needs_review", "author_id", "sequence")


class RowUpdate(NamedTuple):
    """What the period's table reads of an action's newest update in the period: its rating,
    its review state, and who gave it."""

    pk: int
    status: str
    author_id: int | None
    state: str


TableRow = tuple[TableAction, tuple[int, ...], bool, RowUpdate | None]


class PeriodTable(NamedTuple):
    rows: list[TableRow]
    themes: dict[int, Theme]


def _period_table(plan: Plan, period: Period) -> PeriodTable:
    """Each action of the plan that was asked for in the period or has an update in it, in ref
    order: the action, its leads' ids, whether it was asked for, and its newest update; and
    the top-level section of each section, for the filter. Plain tuples, as they are kept in
    the cache and read back on every look."""
    # Only what the table and its filters read of each action and of its newest update: a
    # plan's hundreds of rows made into whole model objects had been half of the page's time.
    actions = [
        TableAction(*row)
        for row in Action.objects.filter(section__plan=plan)
        .order_by("section__position", "position", "pk")
        .values_list(*TableAction._fields)
    ]
    leads: dict[int, list[int]] = {}
    for action_id, person_id in (
        ActionLead.objects.filter(action__section__plan=plan)
        .order_by("position", "pk")
        .values_list("action_id", "person_id")
    ):
        leads.setdefault(action_id, []).append(person_id)
    requested = set(period.requests.values_list("action_id", flat=True))
    newest = {
        action_id: RowUpdate(
            u.pk,
            u.status,
            u.author_id,
            u.last_decision or update_state(u, []),  # type: ignore[attr-defined]
        )
        for (action_id, _), u in selectors.newest_updates([period], fields=ROW_FIELDS).items()
    }
    # In ref order (1.2 before 1.10), as the table shows them.
    actions.sort(key=lambda action: (natural_key(action.ref), action.position))
    rows = [
        (action, tuple(leads.get(action.pk, ())), action.pk in requested, newest.get(action.pk))
        for action in actions
        if action.pk in requested or action.pk in newest
    ]
    return PeriodTable(rows, _themes(plan))


class PeriodShown(NamedTuple):
    """What the period's page shows the same for everyone, kept for the plan as it stands."""

    period: Period
    scale: dict[str, StatusLevel]
    people: dict[int, Person]
    table: PeriodTable
    figures: list[PeriodFigure]
    forum_comments: list[ForumComment]


def _period_shown(plan: Plan, period_id: int) -> PeriodShown:
    period = get_object_or_404(Period, plan=plan, pk=period_id)
    return PeriodShown(
        period=period,
        scale=status_scale(plan),
        people={person.pk: person for person in plan.people.all()},
        table=_period_table(plan, period),
        figures=period_figures(period),
        forum_comments=list(period.forum_comments.filter(action__isnull=True)),
    )


@require_GET
def period_detail(request: HttpRequest, plan_id: int, period_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, reading=True)
    # Read first, so that nothing kept under it was read before it.
    version = plan_version(plan)
    # What the page shows the same for everyone (the table's rows as the plan stands, the
    # figures, the forum's comments) is kept under the plan's last change and the day, and
    # read afresh only when either moves. Drafts are read afresh, as saving one is not a change
    # to the plan; so are the emails sent, which are not either.
    shown = kept(
        f"sendplan:period:{plan.pk}:{period_id}:{version}", lambda: _period_shown(plan, period_id)
    )
    period, scale, table, people = shown.period, shown.scale, shown.table, shown.people
    drafts = set(period.drafts.values_list("action_id", flat=True))
    sections = reviewable_sections(request.user, plan, roles)

    def reviewable(action: TableAction, update: RowUpdate | None) -> bool:
        if update is None or update.state != UpdateState.SUBMITTED or not period.is_open:
            return False
        if sections is None:
            return True
        return action.section_id in sections and update.author_id != request.user.pk

    # A plan's hundreds of updates carry a few ratings.
    views = {code: StatusView.of(code, scale) for code in {u.status for *_, u in table.rows if u}}
    rows = [
        PeriodRow(
            action=action,
            leads=[people[pk] for pk in leads if pk in people],
            requested=requested,
            update=update,
            status=views[update.status] if update else None,
            state=update.state if update else ("draft" if action.pk in drafts else "missing"),
            reviewable=reviewable(action, update),
        )
        for action, leads, requested, update in table.rows
    ]
    counts = {
        "requested": sum(row.requested for row in rows),
        "missing": sum(r.requested and r.update is None for r in rows),
        "submitted": sum(r.state == UpdateState.SUBMITTED for r in rows),
        "returned": sum(r.state == UpdateState.RETURNED for r in rows),
        "approved": sum(r.state == UpdateState.APPROVED for r in rows),
    }
    figures = shown.figures
    listed, filters = _filtered(request, table.themes, rows)
    # A page of the table at a time: a plan of hundreds of actions is a long page to read, and
    # to make, and the filters are the quicker way to what someone is looking for.
    page = Paginator(listed, PERIOD_PAGE).get_page(request.GET.get("page"))
    # The updates this person may review, in ref order: the button starts at the first, and
    # each decision goes on to the next.
    to_review = [r for r in rows if r.reviewable and r.update is not None]
    context = _context(
        plan,
        roles,
        period=period,
        to_review=to_review,
        rows=page.object_list,
        # The rows shown are the same for anyone who sees them in the same states, so their
        # markup is kept (the template's {% cache %}) under the plan as it stands and those states.
        rows_kept_as=[
            period.pk,
            version,
            filters.active,
            [(row.action.pk, row.state, row.reviewable) for row in page.object_list],
        ],
        page=page,
        numbers=list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
        keep=filters.query(),
        all_rows=len(rows),
        filters=filters,
        counts=counts,
        figures=figures,
        figure_counts=FigureCounts.of(figures),
        may_review_figures=can_review_figure(roles) and period.is_open,
        forum_comments=shown.forum_comments,
        forum_form=ForumCommentForm() if is_forum(roles) else None,
        emails_sent=_emails_sent(period) if roles & EDITING_ROLES else None,
    )
    return render(request, "monitoring/period_detail.html", context)


@dataclass(frozen=True)
class EmailSent:
    at: dt.datetime
    what: str
    to: str


def _emails_sent(period: Period) -> list[EmailSent]:
    """Every reminder and email the cycle sent about the period, newest first."""
    sent = [EmailSent(r.sent_at, r.get_kind_display(), r.recipient) for r in period.reminders.all()]
    sent += [EmailSent(e.sent_at, e.subject, e.recipient) for e in period.sent_emails.all()]
    return sorted(sent, key=lambda item: item.at, reverse=True)


@require_POST
def period_remind(request: HttpRequest, plan_id: int, period_id: int) -> HttpResponse:
    """Send the period's reminders now, rather than waiting for the daily run."""
    plan, _roles = get_plan_for_user(request.user, plan_id, edit=True)
    period = get_object_or_404(Period, plan=plan, pk=period_id)
    if not period.is_open:
        messages.error(request, f"{period.label} is not open, so there is no one to remind.")
        return redirect("period", plan.pk, period.pk)
    result, owed = remind_now(period)
    already = (
        "" if result.sent else " Everyone who owes an update or a figure has already been reminded."
    )
    messages.success(
        request,
        f"{len(result.sent)} reminder{'s' if len(result.sent) != 1 else ''} sent.{already}",
    )
    unreachable = owed.unreachable()
    if unreachable or result.failed:
        parts = []
        if unreachable:
            parts.append(f"Not reminded, with no email address: {', '.join(unreachable)}.")
        if result.failed:
            parts.append(f"Could not be sent, and will be tried again: {len(result.failed)}.")
        messages.warning(request, " ".join(parts))
    return redirect("period", plan.pk, period.pk)


@require_http_methods(["GET", "POST"])
def period_sign_off(request: HttpRequest, plan_id: int, period_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    period = get_object_or_404(Period, plan=plan, pk=period_id)
    error = ""
    reason = request.POST.get("reason", "")
    if request.method == "POST":
        try:
            services.period_sign_off(actor=request.user, period=period, reason=reason)
        except PlanRuleError as exc:
            error = str(exc)
        else:
            messages.success(
                request, f"{period.label} is signed off. Its updates are locked for good."
            )
            return redirect("period", plan.pk, period.pk)
    gaps = services.sign_off_gaps(period)
    context = _context(plan, roles, period=period, error=error, gaps=gaps, reason=reason)
    return render(request, "monitoring/period_sign_off.html", context)


# Leads' updates


def _period_for_update(request: HttpRequest, plan: Plan, action: Action) -> Period | None:
    chosen = request.POST.get("period") or request.GET.get("period")
    if chosen:
        return get_object_or_404(Period, plan=plan, pk=id_or_404(chosen))
    open_periods = [p for p in plan.periods.all() if p.is_open]
    asked = [p for p in open_periods if p.requests.filter(action=action).exists()]
    if asked or open_periods:
        return (asked or open_periods)[-1]
    return plan.periods.order_by("-position").first()


@require_http_methods(["GET", "POST"])
def update_add(request: HttpRequest, plan_id: int, action_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    action = _action_in(plan, action_id)
    if not can_record_update(request.user, action, roles):
        raise PermissionDenied("Only the action's leads and programme managers can report on it")
    period = _period_for_update(request, plan, action)
    context = _context(plan, roles, action=action, period=period)
    if period is None:
        return render(request, "monitoring/update_form.html", context)
    if period.is_locked:
        messages.error(
            request,
            f"{period.label} has been signed off, so its updates are locked. "
            "A programme manager can record a correction beside an update.",
        )
        return redirect(action)
    if not period.is_open:
        return _record_historic(request, plan, roles, action, period)
    draft = UpdateDraft.objects.filter(action=action, period=period).first()
    if draft is not None and not can_see_draft(request.user, draft, roles):
        # Someone else's draft is theirs until they submit it: not shown, not saved over.
        context.update(someone_elses=_someone_elses(draft))
        return render(request, "monitoring/update_form.html", context)
    returned, comment = _returned(action, period)
    initial: dict[str, Any] = {"version": draft.version if draft else None}
    # A draft in progress, or else what was sent and returned, ready to change and send again.
    started = draft or returned
    if started is not None:
        initial.update(
            status=started.status,
            narrative=started.narrative,
            evidence="\n".join(started.evidence),
        )
    submit = request.POST.get("intent") == "submit"
    form = UpdateForm(
        request.POST or None,
        request.FILES or None,
        plan=plan,
        initial=initial,
        submitting=submit,
    )
    theirs: UpdateDraft | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.get("file")
        try:
            draft = services.draft_save(
                actor=request.user,
                action=action,
                period=period,
                version=data["version"],
                status=data["status"],
                narrative=data["narrative"],
                evidence=lines(form.cleaned_data["evidence"]),
                file=services.Upload(upload.name, upload.read()) if upload else None,
            )
            if submit:
                services.draft_submit(actor=request.user, draft=draft)
        except services.StaleWrite as error:
            theirs = error.current
            form = _refreshed(form, theirs.version if theirs else None)
            if theirs is not None and not can_see_draft(request.user, theirs, roles):
                form.add_error(None, _someone_elses(theirs))
                theirs = None
            else:
                form.add_error(None, str(error))
        except EvidenceRefused as error:
            # Nothing was saved: what they typed stays in the form, on the version it had.
            form.add_error("file", f"{error} Your update has not been saved yet.")
        except PlanRuleError as error:
            if draft is not None:
                form = _refreshed(form, draft.version)
            form.add_error("status" if str(error) == "Select a status" else None, str(error))
        else:
            if submit:
                messages.success(
                    request,
                    f"Your update on action {action.ref} for {period.label} has been submitted "
                    "for review",
                )
                # A lead goes back to what else they owe; a manager reporting for a lead, to
                # the action.
                if action.leads.filter(user=signed_in(request)).exists():
                    return redirect("my_actions")
                return redirect(action)
            messages.success(request, "Draft saved. You can finish it later.")
            return redirect(f"{request.path}?period={period.pk}")
    context.update(
        form=form,
        draft=draft,
        theirs=theirs,
        files=list(draft.files.all()) if draft else [],
        previous=action.updates.select_related("period").order_by("-sequence").first(),
        returned=comment if returned is not None else "",
        returned_files=list(returned.files.all()) if returned is not None and not draft else [],
    )
    return render(request, "monitoring/update_form.html", context)


def _someone_elses(draft: UpdateDraft) -> str:
    return (
        f"{draft.saved_by_name or 'Someone'} has started this update and not yet submitted it. "
        "What they have written is theirs until they submit it; it then waits for review."
    )


def _refreshed(form: UpdateForm, version: int | None) -> UpdateForm:
    """The same form with what the person typed, set to save over the version now stored."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data["version"] = "" if version is None else str(version)
    refreshed = UpdateForm(data, plan=form.plan, submitting=form.submitting)
    refreshed.is_valid()
    return refreshed


def _returned(action: Action, period: Period) -> tuple[StatusUpdate | None, str]:
    """The update on the action for the period, if it was returned, and the reviewer's comment."""
    newest = period.updates.filter(action=action).order_by("-sequence").first()
    if newest is None or update_state(newest) != UpdateState.RETURNED:
        return None, ""
    review = newest.reviews.order_by("-at", "-pk").first()
    return newest, review.comment if review else ""


def _record_historic(
    request: HttpRequest, plan: Plan, roles: set[str], action: Action, period: Period
) -> HttpResponse:
    """A period the cycle never opened (from the plan document): programme managers may fill
    in its column directly, with no review."""
    if not roles & EDITING_ROLES:
        raise PermissionDenied("This period is not open for updates")
    form = RecordForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.status_update_record(
                actor=request.user,
                action=action,
                period=period,
                status=form.cleaned_data["status"],
                narrative=form.cleaned_data["narrative"],
                evidence=lines(form.cleaned_data["evidence"]),
                recorded_at=timezone.now(),
            )
        except PlanRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Status for {period.label} recorded")
            return redirect(action)
    context = _context(plan, roles, action=action, period=period, form=form, historic=True)
    return render(request, "monitoring/update_form.html", context)


# Review and correction


def _update_in(plan: Plan, update_id: int) -> StatusUpdate:
    return get_object_or_404(
        StatusUpdate.objects.filter(action__section__plan=plan).select_related(
            "action__section", "period"
        ),
        pk=update_id,
    )


@require_http_methods(["GET", "POST"])
def update_review(request: HttpRequest, plan_id: int, update_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    update = _update_in(plan, update_id)
    if not can_review(request.user, update.action, roles, author_id=update.author_id):
        raise PermissionDenied(
            "Only programme managers and the theme's owners review updates, and never their own"
        )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.update_review(
                actor=request.user,
                update=update,
                decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"],
            )
        except PlanRuleError as error:
            form.add_error(None, str(error))
        else:
            emails.update_reviewed(review)
            messages.success(
                request, f"Update for action {update.action.ref}: {review.get_decision_display()}"
            )
            # Straight on to the next update waiting for this reviewer, if there is one.
            waiting = _waiting_for_review(request, plan, roles, update.period)
            if waiting:
                return redirect("update_review", plan.pk, waiting[0].pk)
            return redirect("period", plan.pk, update.period_id)
    scale = status_scale(plan)
    previous = (
        StatusUpdate.objects.filter(
            action=update.action, period__position__lt=update.period.position
        )
        .select_related("period")
        .order_by("-period__position", "-sequence")
        .first()
    )
    others = [u for u in _waiting_for_review(request, plan, roles, update.period) if u != update]
    context = _context(
        plan,
        roles,
        update=update,
        action=update.action,
        status=StatusView.of(update.status, scale),
        state=UpdateState.LABELS[update_state(update)],
        files=update.files.all(),
        form=form,
        previous=previous,
        previous_status=StatusView.of(previous.status, scale) if previous else None,
        others_waiting=len(others),
    )
    return render(request, "monitoring/update_review.html", context)


def _waiting_for_review(
    request: HttpRequest, plan: Plan, roles: set[str], period: Period
) -> list[StatusUpdate]:
    """The period's updates waiting for review that this person may review, in ref order."""
    if not period.is_open:
        return []
    user = signed_in(request)
    sections = reviewable_sections(user, plan, roles)
    waiting = [
        update
        for update in selectors.newest_updates([period]).values()
        if update_state(update, update.review_list) == UpdateState.SUBMITTED  # type: ignore[attr-defined]
        and (
            sections is None
            or (update.action.section_id in sections and update.author_id != user.pk)
        )
    ]
    return sorted(waiting, key=lambda update: natural_key(update.action.ref))


@require_http_methods(["GET", "POST"])
def update_correct(request: HttpRequest, plan_id: int, update_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    update = _update_in(plan, update_id)
    initial = {
        "status": update.status,
        "narrative": update.narrative,
        "evidence": "\n".join(update.evidence),
    }
    form = CorrectionForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_correct(
                actor=request.user,
                update=update,
                reason=form.cleaned_data["reason"],
                status=form.cleaned_data["status"],
                narrative=form.cleaned_data["narrative"],
                evidence=lines(form.cleaned_data["evidence"]),
            )
        except PlanRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Correction recorded beside the original update")
            return redirect(update.action)
    context = _context(
        plan,
        roles,
        update=update,
        action=update.action,
        status=StatusView.of(update.status, status_scale(plan)),
        form=form,
    )
    return render(request, "monitoring/update_correct.html", context)


# Due dates


@require_http_methods(["GET", "POST"])
def due_change_propose(request: HttpRequest, plan_id: int, action_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    action = _action_in(plan, action_id)
    if not can_record_update(request.user, action, roles):
        raise PermissionDenied("Only the action's leads and programme managers can ask for this")
    pending = action.due_changes.filter(state=DueDateChange.State.PROPOSED).first()
    form = DueChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            change = services.due_change_propose(
                actor=request.user, action=action, **form.cleaned_data
            )
        except PlanRuleError as error:
            form.add_error(None, str(error))
        else:
            emails.due_change_asked(change)
            messages.success(
                request,
                "New due date sent to the programme manager. The current date stands until "
                "they approve it.",
            )
            return redirect(action)
    context = _context(plan, roles, action=action, form=form, pending=pending)
    return render(request, "monitoring/due_change_form.html", context)


@require_http_methods(["GET", "POST"])
def due_change_decide(request: HttpRequest, plan_id: int, change_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    change = get_object_or_404(
        DueDateChange.objects.filter(action__section__plan=plan).select_related("action"),
        pk=change_id,
    )
    form = DueDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            decided = services.due_change_decide(
                actor=request.user, change=change, approve=approve, note=form.cleaned_data["note"]
            )
        except PlanRuleError as error:
            form.add_error(None, str(error))
        else:
            emails.due_change_decided(decided)
            messages.success(
                request,
                f"New due date for action {change.action.ref} approved"
                if approve
                else f"Action {change.action.ref} keeps its current due date",
            )
            return redirect(change.action)
    context = _context(plan, roles, change=change, action=change.action, form=form)
    return render(request, "monitoring/due_change_decide.html", context)


# The parent carer forum


@require_POST
def forum_comment_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    if not is_forum(roles):
        raise PermissionDenied("Only the parent carer forum adds the forum's commentary")
    action = (
        _action_in(plan, id_or_404(request.POST["action"])) if request.POST.get("action") else None
    )
    period = (
        get_object_or_404(Period, plan=plan, pk=id_or_404(request.POST["period"]))
        if request.POST.get("period")
        else None
    )
    back = action.get_absolute_url() if action else None
    form = ForumCommentForm(request.POST)
    if form.is_valid():
        try:
            services.forum_comment_add(
                actor=request.user,
                plan=plan,
                text=form.cleaned_data["text"],
                action=action,
                period=period,
            )
        except PlanRuleError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The forum's comment has been added")
    else:
        messages.error(request, "Enter the forum's comment")
    if back:
        return redirect(back)
    return redirect("period", plan.pk, period.pk) if period else redirect(plan)


# Evidence files


def _evidence_in(request: HttpRequest, plan: Plan, roles: set[str], file_id: int) -> EvidenceFile:
    item = get_object_or_404(
        EvidenceFile.objects.filter(plan=plan).select_related("draft__action__section"),
        pk=file_id,
    )
    # A draft's files are the writers' until the update is submitted.
    if item.update_id is None and (
        item.draft is None or not can_see_draft(request.user, item.draft, roles)
    ):
        raise PermissionDenied("This file belongs to an update that has not been submitted")
    return item


@require_GET
def evidence_download(request: HttpRequest, plan_id: int, file_id: int) -> FileResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    item = _evidence_in(request, plan, roles, file_id)
    response = FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.name, content_type=item.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_POST
def evidence_remove(request: HttpRequest, plan_id: int, file_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    item = _evidence_in(request, plan, roles, file_id)
    draft = item.draft
    try:
        services.evidence_file_remove(actor=request.user, item=item)
    except PlanRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{item.name} removed")
    if draft is None:
        return redirect(plan)
    url = f"{draft.action.get_absolute_url()}updates/add/?period={draft.period_id}"
    return redirect(url)


def action_cycle(
    plan: Plan,
    action: Action,
    updates: Sequence[StatusUpdate],
    periods: list[Period],
    scale: dict[str, StatusLevel],
) -> dict[str, Any]:
    """What the action page shows of the cycle, the same for every reader: review states,
    corrections, dates, the forum. `updates` are the action's, with their periods, and their
    reviews as `review_list`, as the page loaded them, and `periods` and `scale` the plan's.
    `submitted` (the updates of open periods waiting for review, by author) is for
    action_cycle_for."""
    states = {u.pk: update_state(u, u.review_list) for u in updates}  # type: ignore[attr-defined]
    due_changes = list(action.due_changes.all())
    return {
        "states": {pk: UpdateState.LABELS[state] for pk, state in states.items()},
        "submitted": {
            u.pk: u.author_id
            for u in updates
            if u.period.is_open and states[u.pk] == UpdateState.SUBMITTED
        },
        "due_changes": due_changes,
        "pending_due_change": next(
            (c for c in due_changes if c.state == DueDateChange.State.PROPOSED), None
        ),
        "forum_comments": list(action.forum_comments.select_related("period")),
        "stale_after": settings.STALE_AFTER_PERIODS,
        "signals": plan_signals(
            plan,
            actions=[action],
            updates=list(updates),
            periods=periods,
            scale=scale,
            rebaselined=Counter({action.pk: len(action.approved_due_changes())}),
        ).actions[0]
        if periods
        else None,
    }


def action_cycle_for(
    request: HttpRequest, roles: set[str], action: Action, cycle: dict[str, Any]
) -> dict[str, Any]:
    """What the action page shows of the cycle that depends on its reader, given what
    action_cycle made: the forum's form, and the updates they may review."""
    return {
        "forum_form": ForumCommentForm() if is_forum(roles) else None,
        "reviewable": {
            pk
            for pk, author in cycle["submitted"].items()
            if can_review(request.user, action, roles, author_id=author)
        },
    }
