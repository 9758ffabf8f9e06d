"""Pages for reading and writing a plan. Access is decided by sendplan.accounts.access."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sendplan.accounts.access import (
    can_record_update,
    get_plan_for_user,
    signed_in,
    visible_history,
)
from sendplan.accounts.models import EDITING_ROLES
from sendplan.audit.display import EventView, history_filters, present
from sendplan.audit.models import DRAFT_SCOPE, DRAFTS, AuditEvent, draft_scope
from sendplan.audit.services import snapshot
from sendplan.lib.dates import parse_partial_date
from sendplan.lib.ids import id_or_404
from sendplan.lib.lazy import lazily
from sendplan.lib.refs import natural_key
from sendplan.monitoring import selectors as monitoring_selectors
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import EvidenceFile, Period, StatusUpdate, UpdateReview
from sendplan.monitoring.progress import (
    ActionProgress,
    PlanProgress,
    StatusView,
    history_table,
    plan_progress,
    status_scale,
)
from sendplan.monitoring.selectors import ratings_of
from sendplan.monitoring.services import UpdateState
from sendplan.monitoring.views import action_cycle, action_cycle_for
from sendplan.plans import services
from sendplan.plans.forms import (
    ActionForm,
    KeyDateForm,
    NewPlanForm,
    PeriodForm,
    PersonForm,
    PlanForm,
    SectionForm,
    SectionMoveForm,
    StatusLevelForm,
    measures_text,
)
from sendplan.plans.models import (
    Action,
    Area,
    DueDateChange,
    KeyDate,
    Measure,
    Person,
    Plan,
    Section,
    StatusLevel,
)
from sendplan.plans.selectors import (
    descendants,
    kept,
    kept_until_changed,
    next_key_date,
    plan_version,
    upcoming_dates,
)
from sendplan.plans.services import ChangedMeanwhile, MeasureData, PlanRuleError


def _context(plan: Plan, roles: set[str], **extra: Any) -> dict[str, Any]:
    return {"plan": plan, "can_edit": bool(roles & EDITING_ROLES), "roles": roles, **extra}


# Changes shown on one page of a plan's history.
HISTORY_PAGE = 50


# The most changes a page shows in its own change history (the plan's history has them all).
HISTORY_SHOWN = 200


def _history(request: HttpRequest, plan: Plan, roles: set[str], *scopes: str) -> list[EventView]:
    events = AuditEvent.objects.filter(scope__in=scopes)
    # Only a draft's trail is kept from some readers; a section's or an action's own is not.
    if any(scope.startswith(DRAFT_SCOPE) for scope in scopes):
        events = visible_history(request.user, plan, roles, events)
    return present(events[:HISTORY_SHOWN])


def _rule_error(request: HttpRequest, form: Any, error: PlanRuleError | ValidationError) -> None:
    messages_ = error.messages if isinstance(error, ValidationError) else [str(error)]
    for message in messages_:
        form.add_error(None, message)


# Reading


@require_http_methods(["GET", "POST"])
def plan_add(request: HttpRequest) -> HttpResponse:
    areas = Area.objects.filter(
        memberships__user_id=signed_in(request).pk, memberships__role__in=EDITING_ROLES
    ).distinct()
    if not areas:
        raise PermissionDenied("Only programme managers can start a plan")
    form = NewPlanForm(request.POST or None, areas=areas)
    if request.method == "POST" and form.is_valid():
        data = form.service_fields()
        try:
            plan = services.plan_create(actor=request.user, area=data.pop("area"), **data)
        except ValidationError as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, "Plan created. Add its status scale, periods and sections.")
            return redirect(plan)
    return render(request, "plans/plan_add.html", {"form": form})


_LIST_SORTS = {"due": "Due date, earliest first", "ref": "Action ref"}


@dataclass(frozen=True)
class _ListFilters:
    """The overview's lists of overdue and soon-due actions, narrowed to one lead's and
    sorted as chosen in the address; the headline figures stay the whole plan's."""

    lead: str
    sort: str
    leads: list[str]
    sorts: list[tuple[str, str]]

    @classmethod
    def of(cls, request: HttpRequest, items: list[ActionProgress]) -> _ListFilters:
        leads = sorted({item.action.lead_text for item in items if item.action.lead_text})
        lead, sort = request.GET.get("lead", ""), request.GET.get("sort", "")
        return cls(
            lead=lead if lead in leads else "",
            sort=sort if sort in _LIST_SORTS else "due",
            leads=leads,
            sorts=list(_LIST_SORTS.items()),
        )

    @property
    def active(self) -> bool:
        return bool(self.lead or self.sort != "due")

    def apply(self, items: list[ActionProgress]) -> list[ActionProgress]:
        shown = [item for item in items if not self.lead or item.action.lead_text == self.lead]
        if self.sort == "ref":
            shown.sort(key=lambda item: (natural_key(item.action.ref), item.action.position))
        return shown


# What the overview shows below its navigation, worked out only when its fragment is not kept.
_OVERVIEW = (
    "lists", "all_overdue", "all_due_soon", "upcoming", "rows", "overdue", "due_soon", "total",
    "periods", "scale", "signals", "waiting", "date_changes", "pending_due_changes",
)  # fmt: skip


@require_GET
def plan_overview(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The plan's standing. Below its navigation the page is the same for everyone with the
    same roles asking with the same filters, so it is kept (the template's {% cache %}) under
    the plan's last change and the day, and its figures are worked out only when it is not."""
    plan, roles = get_plan_for_user(request.user, plan_id, reading=True)
    today = timezone.localdate()

    def make(changed: list[Plan]) -> dict[int, PlanProgress]:
        history = monitoring_selectors.ratings(plans=[plan])
        return {plan.pk: plan_progress(plan, today, history=history)}

    def figures() -> dict[str, Any]:
        # The headline, the table by section and the signals count overdue from one standing,
        # worked out once for each change and each day.
        rows, progress, signals = kept_until_changed("progress", [plan], today, make)[plan.pk]
        overdue = sorted((p for p in progress if p.overdue), key=lambda p: p.due_date or 0)
        due_soon = sorted((p for p in progress if p.due_soon), key=lambda p: p.due_date or 0)
        listed = _ListFilters.of(request, [*overdue, *due_soon])
        return {
            "lists": listed,
            "all_overdue": len(overdue),
            "all_due_soon": len(due_soon),
            "upcoming": upcoming_dates([plan], today).get(plan.pk),
            "rows": rows,
            "overdue": listed.apply(overdue),
            "due_soon": listed.apply(due_soon),
            "total": len(progress),
            "periods": list(plan.periods.all()),
            "scale": list(plan.status_levels.all()),
            "signals": signals,
            "waiting": sum(1 for a in signals.actions if a.state == UpdateState.SUBMITTED),
            "date_changes": sum(a.rebaselined for a in signals.actions),
            "pending_due_changes": list(
                DueDateChange.objects.filter(
                    action__section__plan=plan, state=DueDateChange.State.PROPOSED
                ).select_related("action")
            ),
        }

    context = _context(
        plan,
        roles,
        kept_as=[
            plan.pk,
            plan_version(plan, today),
            *sorted(roles),
            request.GET.get("lead", ""),  # the filters _ListFilters reads, and nothing else
            request.GET.get("sort", ""),
        ],
        stale_after=settings.STALE_AFTER_PERIODS,
        **lazily(figures, _OVERVIEW),
    )
    return render(request, "plans/plan_overview.html", context)


@require_GET
def section_detail(request: HttpRequest, plan_id: int, section_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, reading=True)
    section = get_object_or_404(Section.objects.filter(plan=plan), pk=section_id)

    def actions() -> dict[str, Any]:
        found = list(section.actions.order_by("position", "pk"))
        periods = list(plan.periods.all())
        table = history_table(found, periods, status_scale(plan))
        return {"actions": found, "periods": periods, "table": table}

    # The table of its actions' status in every period is the same for everyone, so it is kept
    # (the template's {% cache %}) under the plan's last change and the day, and worked out
    # only when it is not.
    context = _context(
        plan,
        roles,
        section=section,
        children=section.children.all(),
        milestones=section.milestones.all(),
        history=_history(request, plan, roles, f"section:{section.pk}"),
        kept_as=[section.pk, plan_version(plan)],
        **lazily(actions, ("actions", "periods", "table")),
    )
    return render(request, "plans/section_detail.html", context)


@dataclass(frozen=True)
class _ActionShown:
    """What the action page shows that is the same for every reader: kept under the plan's last
    change and the day (plans.selectors.plan_version), and read afresh only when either moves."""

    action: Action  # with its section and its changes of due date
    trail: list[Section]
    leads: list[Person]
    measures: list[Measure]
    periods: list[Period]
    scale: dict[str, StatusLevel]
    updates: list[StatusUpdate]  # as _updates gives them
    see_also: list[tuple[str, Action | None]]
    cycle: dict[str, Any]  # monitoring.views.action_cycle


def _action_shown(plan: Plan, action_id: int) -> _ActionShown:
    # Its changes of due date once, for the page's table of them, the warning of one waiting
    # and the date first planned.
    action = get_object_or_404(
        Action.objects.filter(section__plan=plan)
        .select_related("section")
        .prefetch_related("due_changes"),
        pk=action_id,
    )
    periods = list(plan.periods.all())
    scale = status_scale(plan)
    updates = _updates(action)
    by_ref = {
        other.ref: other
        for other in Action.objects.filter(
            section__plan=plan, ref__in=action.see_also
        ).select_related("section")
    }
    return _ActionShown(
        action=action,
        trail=[*action.section.ancestors(), action.section],
        leads=action.ordered_leads(),
        measures=list(action.measures.all()),
        periods=periods,
        scale=scale,
        updates=updates,
        see_also=[(ref, by_ref.get(ref)) for ref in action.see_also],
        cycle=action_cycle(plan, action, updates, periods, scale),
    )


@require_GET
def action_detail(request: HttpRequest, plan_id: int, action_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, reading=True)
    # All it shows but what depends on its reader is kept under the plan's last change and the
    # day, as the section's table is; so is the markup of the table of its statuses and of its
    # updates (the template's {% cache %}), for those who may do the same with them. The
    # version is read with the plan, so that nothing read for it is older than the version it
    # is kept under.
    version = plan_version(plan)
    shown = kept(
        f"sendplan:action-page:{plan.pk}:{action_id}:{version}",
        lambda: _action_shown(plan, action_id),
    )
    action, periods, scale, updates = shown.action, shown.periods, shown.scale, shown.updates
    # Its change history's markup is kept too (the template's {% cache %}). A draft's trail,
    # shown here to its writers alone, does not change the plan, so it is read afresh.
    leads_it = request.user.pk is not None and request.user.pk in {
        lead.user_id for lead in shown.leads
    }
    drafts = list(
        visible_history(
            request.user,
            plan,
            roles,
            AuditEvent.objects.filter(scope=draft_scope(action.pk)),
            led=[action.pk] if leads_it else [],
        )[:HISTORY_SHOWN]
    )
    cycle = {**shown.cycle, **action_cycle_for(request, roles, action, shown.cycle)}
    context = _context(
        plan,
        roles,
        action=action,
        trail=shown.trail,
        leads=shown.leads,
        measures=shown.measures,
        periods=periods,
        # Read only by the kept markup: worked out only when it is not kept.
        **lazily(
            lambda: {
                "table": history_table([action], periods, scale, history=ratings_of(updates))[0][1],
                "updates": [(u, StatusView.of(u.status, scale)) for u in updates],
            },
            ("table", "updates"),
        ),
        see_also=shown.see_also,
        **lazily(lambda: {"history": _action_history(action, drafts)}, ("history",)),
        history_kept_as=[action.pk, version, [event.pk for event in drafts]],
        can_update=can_record_update(request.user, action, roles, leads=shown.leads),
        open_periods=[p for p in periods if p.is_open],
        **cycle,
        updates_kept_as=[
            action.pk,
            version,
            bool(roles & EDITING_ROLES),
            sorted(cycle["reviewable"]),
        ],
    )
    return render(request, "plans/action_detail.html", context)


def _action_history(action: Action, drafts: list[AuditEvent]) -> list[EventView]:
    """The action's change history, newest first, with the events of its draft given."""
    own = AuditEvent.objects.filter(scope=f"action:{action.pk}")[:HISTORY_SHOWN]
    events = sorted([*own, *drafts], key=lambda event: (event.at, event.pk), reverse=True)
    return present(events[:HISTORY_SHOWN])


def _updates(action: Action) -> list[StatusUpdate]:
    """The action's updates, newest first, with their periods, what each corrects, and as plain
    lists its reviews (`review_list`), files (`file_list`) and corrections (`correction_list`):
    the page reads them for every update, and a related manager makes a new query set each
    time it is read."""
    updates: list[StatusUpdate] = list(
        action.updates.select_related("period", "corrects")
        .prefetch_related(
            Prefetch("reviews", queryset=UpdateReview.objects.all(), to_attr="review_list"),
            Prefetch("files", queryset=EvidenceFile.objects.all(), to_attr="file_list"),
        )
        .order_by("-period__position", "-sequence")
    )
    # A correction is an update of the same action, so each update's corrections are among
    # those already loaded.
    for update in updates:
        update.correction_list = [  # type: ignore[attr-defined]
            other for other in updates if other.corrects_id == update.pk
        ]
    return updates


@require_GET
def people_list(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, reading=True)
    people = plan.people.prefetch_related(
        Prefetch(
            "led_actions",
            queryset=Action.objects.select_related("section").order_by(
                "section__position", "position"
            ),
        ),
        "owned_sections",
    )
    # The table is kept (the template's {% cache %}) under the plan's version, and the query
    # set above is read only when it is not.
    kept_as = [plan.pk, plan_version(plan), bool(roles & EDITING_ROLES)]
    context = _context(plan, roles, people=people, kept_as=kept_as)
    return render(request, "plans/people.html", context)


@require_GET
def glossary(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    return render(request, "plans/glossary.html", _context(plan, roles, terms=plan.glossary.all()))


@require_GET
def weaknesses(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    tree = list(plan.sections.all())
    items = []
    for weakness in plan.weaknesses.prefetch_related("findings", "sections"):
        sections = list(weakness.sections.all())
        ids = descendants(tree, [s.pk for s in sections])
        actions = Action.objects.filter(section__in=ids).order_by("section__position", "position")
        items.append((weakness, sections, list(actions.select_related("section"))))
    return render(request, "plans/weaknesses.html", _context(plan, roles, items=items))


@require_GET
def plan_history(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, reading=True)
    every = AuditEvent.objects.filter(plan_id=plan.pk)
    events = visible_history(request.user, plan, roles, every)
    # The filters' choices and the number of changes, read from the whole history, are kept
    # for the plan as it stands; the drafts' changes the reader may see (saving a draft is no
    # change to the plan) are counted afresh, in one small query.
    whole = kept(
        f"sendplan:history-whole:{plan.pk}:{plan_version(plan)}",
        lambda: _history_counts(every.exclude(DRAFTS)),
    )
    drafted = _history_counts(events.filter(DRAFTS))
    filters = history_filters(events, request.GET, pairs={*whole, *drafted})
    paginator = (
        Paginator(filters.apply(events), HISTORY_PAGE)
        if filters.active
        else _KnownCount(events, HISTORY_PAGE, sum(whole.values()) + sum(drafted.values()))
    )
    page = paginator.get_page(request.GET.get("page"))
    numbers = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    # A recorded change never changes, so the markup of a page of them is kept (the template's
    # {% cache %}) under their ids, and worked out only when it is not.
    shown = list(page.object_list)
    context = _context(
        plan,
        roles,
        **lazily(lambda: {"history": present(shown)}, ("history",)),
        shown_ids=[event.pk for event in shown],
        page=page,
        numbers=numbers,
        filters=filters,
        keep=filters.query(),
    )
    return render(request, "plans/plan_history.html", context)


def _history_counts(events: QuerySet[AuditEvent]) -> dict[tuple[str, str], int]:
    """How many of the events there are of each kind of thing, by each person."""
    return {
        (kind, who): n
        for kind, who, n in events.order_by()
        .values_list("object_type", "actor_name")
        .annotate(n=Count("pk"))
    }


class _KnownCount(Paginator):  # type: ignore[type-arg]
    """A Paginator told how many items there are, so that it does not ask the database."""

    def __init__(self, items: QuerySet[AuditEvent], per_page: int, count: int) -> None:
        super().__init__(items, per_page)
        self.known = count

    @property
    def count(self) -> int:  # type: ignore[override]
        return self.known


# Writing: plan details, status scale, periods


@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    state = snapshot(plan)
    form = PlanForm(request.POST or None, initial=PlanForm.initial_for(plan), current_state=state)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(
                actor=request.user, plan=plan, seen=form.seen_state(), **form.service_fields()
            )
        except ChangedMeanwhile as error:
            form.refuse(error)
        except (PlanRuleError, ValidationError) as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, "Plan details saved")
            return redirect(plan)
    return render(request, "plans/plan_form.html", _context(plan, roles, form=form))


@require_http_methods(["GET", "POST"])
def status_scale_edit(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    form = StatusLevelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.status_level_create(actor=request.user, plan=plan, **form.cleaned_data)
        except PlanRuleError as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, f"Status {form.cleaned_data['code']} added")
            return redirect("status_scale", plan.pk)
    levels = plan.status_levels.all()
    return render(
        request, "plans/status_scale.html", _context(plan, roles, form=form, levels=levels)
    )


@require_http_methods(["GET", "POST"])
def status_level_edit(request: HttpRequest, plan_id: int, level_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    level = get_object_or_404(StatusLevel, plan=plan, pk=level_id)
    initial = {f: getattr(level, f) for f in services.STATUS_FIELDS}
    form = StatusLevelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.status_level_update(actor=request.user, level=level, **form.cleaned_data)
        except PlanRuleError as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, f"Status {level.code} saved")
            return redirect("status_scale", plan.pk)
    context = _context(plan, roles, form=form, object=level, kind="status")
    return render(request, "plans/simple_form.html", context)


@require_POST
def status_level_delete(request: HttpRequest, plan_id: int, level_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id, edit=True)
    level = get_object_or_404(StatusLevel, plan=plan, pk=level_id)
    try:
        services.status_level_delete(actor=request.user, level=level)
    except PlanRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Status {level.code} removed")
    return redirect("status_scale", plan.pk)


@require_http_methods(["GET", "POST"])
def periods_edit(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    form = PeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            monitoring.period_create(actor=request.user, plan=plan, **form.cleaned_data)
        except PlanRuleError as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, f"Period {form.cleaned_data['label']} added")
            return redirect("periods", plan.pk)
    periods = plan.periods.all()
    return render(request, "plans/periods.html", _context(plan, roles, form=form, periods=periods))


@require_http_methods(["GET", "POST"])
def period_edit(request: HttpRequest, plan_id: int, period_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    period = get_object_or_404(Period, plan=plan, pk=period_id)
    form = PeriodForm(
        request.POST or None, initial={"label": period.label, "ends_on": period.ends_on}
    )
    if request.method == "POST" and form.is_valid():
        try:
            monitoring.period_update(actor=request.user, period=period, **form.cleaned_data)
        except PlanRuleError as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, f"Period {period.label} saved")
            return redirect("periods", plan.pk)
    context = _context(plan, roles, form=form, object=period, kind="period")
    return render(request, "plans/simple_form.html", context)


@require_POST
def period_delete(request: HttpRequest, plan_id: int, period_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id, edit=True)
    period = get_object_or_404(Period, plan=plan, pk=period_id)
    try:
        monitoring.period_delete(actor=request.user, period=period)
    except PlanRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Period {period.label} removed")
    return redirect("periods", plan.pk)


# The inspection timeline


@require_http_methods(["GET", "POST"])
def inspection(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The inspection the plan answers and the dates that follow it, each with how far off it
    is; programme managers add dates here."""
    plan, roles = get_plan_for_user(request.user, plan_id)
    form = KeyDateForm(request.POST or None)
    if request.method == "POST":
        if not roles & EDITING_ROLES:
            raise PermissionDenied("Only programme managers change the plan's key dates")
        if form.is_valid():
            key_date = services.key_date_create(actor=request.user, plan=plan, **form.cleaned_data)
            messages.success(request, f"{key_date.label} added to the timeline")
            return redirect("inspection", plan.pk)
    today = timezone.localdate()
    key_dates = list(plan.key_dates.all())
    dates = [(key_date, parse_partial_date(key_date.on)) for key_date in key_dates]
    # The next date from the dates already read, not a second query.
    upcoming = next_key_date(key_dates, today)
    context = _context(
        plan,
        roles,
        form=form,
        dates=[(key_date, day, (day - today).days if day else None) for key_date, day in dates],
        upcoming=upcoming,
        today=today,
    )
    return render(request, "plans/inspection.html", context)


@require_POST
def key_date_delete(request: HttpRequest, plan_id: int, key_date_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id, edit=True)
    key_date = get_object_or_404(KeyDate, plan=plan, pk=key_date_id)
    services.key_date_delete(actor=request.user, key_date=key_date)
    messages.success(request, f"{key_date.label} removed from the timeline")
    return redirect("inspection", plan.pk)


# Writing: people


@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "seen"}
        try:
            person = services.person_create(actor=request.user, plan=plan, **data)
        except (PlanRuleError, ValidationError) as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, f"{person.display_name} added")
            return redirect("people", plan.pk)
    return render(request, "plans/person_form.html", _context(plan, roles, form=form))


@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, plan_id: int, person_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    person = get_object_or_404(Person, plan=plan, pk=person_id)
    fields = ("key", "name", "role", "organisation", "email")
    initial = {f: getattr(person, f) for f in fields}
    form = PersonForm(request.POST or None, initial=initial, current_state=snapshot(person))
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in fields}
        try:
            services.person_update(
                actor=request.user, person=person, seen=form.seen_state(), **data
            )
        except ChangedMeanwhile as error:
            form.refuse(error)
        except (PlanRuleError, ValidationError) as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, f"{person.display_name} saved")
            return redirect("people", plan.pk)
    return render(
        request, "plans/person_form.html", _context(plan, roles, form=form, person=person)
    )


# Writing: sections


def _section_initial(section: Section) -> dict[str, Any]:
    return {
        "ref": section.ref,
        "level": section.level,
        "title": section.title,
        "outcomes": section.outcomes,
        "owners": list(section.owners.all()),
        "weaknesses": list(section.weaknesses.all()),
    }


@require_http_methods(["GET", "POST"])
def section_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    parent = None
    parent_id = request.GET.get("parent") or request.POST.get("parent")
    if parent_id:
        parent = get_object_or_404(Section, plan=plan, pk=id_or_404(parent_id))
    depth = len(parent.ancestors()) + 1 if parent else 0
    form = SectionForm(request.POST or None, plan=plan, initial={"level": plan.level_name(depth)})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "seen"}
        section = services.section_create(
            actor=request.user,
            plan=plan,
            parent=parent,
            owners=list(data.pop("owners")),
            weaknesses=list(data.pop("weaknesses")),
            **data,
        )
        messages.success(request, f"{section.heading} added")
        return redirect(section)
    context = _context(plan, roles, form=form, parent=parent)
    return render(request, "plans/section_form.html", context)


@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, plan_id: int, section_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    section = get_object_or_404(Section, plan=plan, pk=section_id)
    form = SectionForm(
        request.POST or None,
        plan=plan,
        initial=_section_initial(section),
        current_state=services.section_snapshot(section),
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "seen"}
        try:
            services.section_update(
                actor=request.user,
                section=section,
                owners=list(data.pop("owners")),
                weaknesses=list(data.pop("weaknesses")),
                seen=form.seen_state(),
                **data,
            )
        except ChangedMeanwhile as error:
            form.refuse(error)
        except PlanRuleError as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, "Section saved")
            return redirect(section)
    context = _context(plan, roles, form=form, section=section)
    return render(request, "plans/section_form.html", context)


@require_http_methods(["GET", "POST"])
def section_move(request: HttpRequest, plan_id: int, section_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    section = get_object_or_404(Section, plan=plan, pk=section_id)
    form = SectionMoveForm(
        request.POST or None, section=section, initial={"parent": section.parent}
    )
    if request.method == "POST" and form.is_valid():
        position = form.cleaned_data["position"]
        try:
            services.section_move(
                actor=request.user,
                section=section,
                parent=form.cleaned_data["parent"],
                position=None if position is None else position - 1,
            )
        except PlanRuleError as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, f"{section.heading} moved")
            return redirect(section)
    return render(
        request, "plans/section_move.html", _context(plan, roles, form=form, section=section)
    )


@require_http_methods(["GET", "POST"])
def section_delete(request: HttpRequest, plan_id: int, section_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    section = get_object_or_404(Section, plan=plan, pk=section_id)
    error = ""
    if request.method == "POST":
        parent = section.parent
        try:
            services.section_delete(actor=request.user, section=section)
        except PlanRuleError as exc:
            error = str(exc)
        else:
            messages.success(request, "Section deleted")
            return redirect(parent or plan)
    counts = {
        "sections": section.children.count(),
        "actions": Action.objects.filter(Q(section=section) | Q(section__parent=section)).count(),
    }
    context = _context(plan, roles, section=section, counts=counts, error=error)
    return render(request, "plans/section_delete.html", context)


# Writing: actions


def _action_initial(action: Action) -> dict[str, Any]:
    initial: dict[str, Any] = {f: getattr(action, f) for f in services.ACTION_FIELDS}
    initial["section"] = action.section
    initial["leads"] = action.ordered_leads()
    initial["see_also"] = ", ".join(action.see_also or [])
    initial["cost"] = "" if action.cost is None else f"{action.cost.normalize():f}"
    initial["measures"] = measures_text(
        [MeasureData(m.text, m.due, m.due_text) for m in action.measures.all()]
    )
    return initial


@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    initial = {}
    if request.GET.get("section"):
        initial["section"] = get_object_or_404(
            Section, plan=plan, pk=id_or_404(request.GET["section"])
        )
    form = ActionForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.service_fields()
        try:
            action = services.action_create(actor=request.user, **data)
        except (PlanRuleError, ValidationError) as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, "Action added")
            return redirect(action)
    return render(request, "plans/action_form.html", _context(plan, roles, form=form))


@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, plan_id: int, action_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    action = get_object_or_404(Action, section__plan=plan, pk=action_id)
    form = ActionForm(
        request.POST or None,
        plan=plan,
        initial=_action_initial(action),
        current_state=services.action_snapshot(action),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(
                actor=request.user, action=action, seen=form.seen_state(), **form.service_fields()
            )
        except ChangedMeanwhile as error:
            form.refuse(error)
        except (PlanRuleError, ValidationError) as error:
            _rule_error(request, form, error)
        else:
            messages.success(request, "Action saved. The earlier values are in its change history.")
            return redirect(action)
    return render(
        request, "plans/action_form.html", _context(plan, roles, form=form, action=action)
    )


@require_http_methods(["GET", "POST"])
def action_delete(request: HttpRequest, plan_id: int, action_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    action = get_object_or_404(Action, section__plan=plan, pk=action_id)
    error = ""
    if request.method == "POST":
        section = action.section
        try:
            services.action_delete(actor=request.user, action=action)
        except PlanRuleError as exc:
            error = str(exc)
        else:
            messages.success(request, "Action deleted")
            return redirect(section)
    return render(
        request, "plans/action_delete.html", _context(plan, roles, action=action, error=error)
    )
