"""Indicator pages: the list, one indicator with its chart, and the forms that define an
indicator, set its trajectory and record its figures. Access is decided here by one helper:
programme managers and area admins define; the supplier or a manager records figures."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sendplan.accounts.access import get_plan_for_user
from sendplan.accounts.models import EDITING_ROLES
from sendplan.indicators import services
from sendplan.indicators.chart import indicator_line_chart
from sendplan.indicators.dfe import DfeFileError, indicator_load_dfe, read_dfe_csv
from sendplan.indicators.forms import (
    ActualForm,
    DfeLoadForm,
    IndicatorForm,
    TrajectoryForm,
    indicator_initial,
)
from sendplan.indicators.library import BY_KEY, LIBRARY
from sendplan.indicators.models import Indicator, IndicatorPoint
from sendplan.indicators.selectors import indicator_series
from sendplan.plans.models import Plan
from sendplan.plans.services import PlanRuleError


def _may_record(user: Any, indicator: Indicator, roles: set[str]) -> bool:
    if roles & EDITING_ROLES:
        return True
    supplier = indicator.supplier
    return isinstance(user, User) and supplier is not None and supplier.user_id == user.pk


def _get_indicator(
    request: HttpRequest, plan_id: int, indicator_id: int, *, edit: bool = False
) -> tuple[Plan, set[str], Indicator]:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=edit)
    indicator = get_object_or_404(
        Indicator.objects.select_related("supplier").prefetch_related(
            "points", "comparators", "weaknesses"
        ),
        plan=plan,
        pk=indicator_id,
    )
    return plan, roles, indicator


def _context(plan: Plan, roles: set[str], **extra: Any) -> dict[str, Any]:
    return {"plan": plan, "roles": roles, "can_edit": bool(roles & EDITING_ROLES), **extra}


@require_GET
def indicator_list(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    indicators = plan.indicators.select_related("supplier").prefetch_related(
        "points", "comparators"
    )
    series = [indicator_series(i) for i in indicators]
    return render(request, "indicators/list.html", _context(plan, roles, series=series))


@require_GET
def indicator_detail(request: HttpRequest, plan_id: int, indicator_id: int) -> HttpResponse:
    plan, roles, indicator = _get_indicator(request, plan_id, indicator_id)
    series = indicator_series(indicator)
    table_id = f"figures-{indicator.pk}"
    recorded = [p for p in indicator.points.all() if p.kind == IndicatorPoint.Kind.ACTUAL]
    context = _context(
        plan,
        roles,
        indicator=indicator,
        series=series,
        chart=indicator_line_chart(series, table_id=table_id),
        table_id=table_id,
        comparator_names=list(series.comparators),
        actions=list(indicator.actions.select_related("section").order_by("position", "pk")),
        recorded=sorted(recorded, key=lambda p: (p.on, p.position)),
        may_record=_may_record(request.user, indicator, roles),
    )
    return render(request, "indicators/detail.html", context)


@require_http_methods(["GET", "POST"])
def indicator_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    form = IndicatorForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_create(
                actor=request.user, plan=plan, **form.cleaned_data
            )
        except (PlanRuleError, ValidationError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Indicator added. Now set its baseline and targets.")
            return redirect("indicator_trajectory", plan.pk, indicator.pk)
    return render(
        request,
        "indicators/form.html",
        _context(plan, roles, form=form, heading="Add an indicator", submit_label="Add indicator"),
    )


@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, plan_id: int, indicator_id: int) -> HttpResponse:
    plan, roles, indicator = _get_indicator(request, plan_id, indicator_id, edit=True)
    form = IndicatorForm(request.POST or None, plan=plan, initial=indicator_initial(indicator))
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_update(actor=request.user, indicator=indicator, **form.cleaned_data)
        except (PlanRuleError, ValidationError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Indicator changed")
            return redirect(indicator)
    return render(
        request,
        "indicators/form.html",
        _context(
            plan,
            roles,
            form=form,
            indicator=indicator,
            heading=f"Change {indicator.name}",
            cancel_url=indicator.get_absolute_url(),
        ),
    )


@require_http_methods(["GET", "POST"])
def indicator_trajectory(request: HttpRequest, plan_id: int, indicator_id: int) -> HttpResponse:
    plan, roles, indicator = _get_indicator(request, plan_id, indicator_id, edit=True)
    series = indicator_series(indicator)
    initial: dict[str, Any] = {
        "targets": "\n".join(
            f"{t.on} {t.value:g} {t.point.text if t.point else ''}".strip() for t in series.targets
        )
    }
    if series.baseline is not None:
        initial["baseline_on"] = series.baseline.on
        initial["baseline_value"] = f"{series.baseline.value:g}"
    form = TrajectoryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.indicator_trajectory_set(
            actor=request.user,
            indicator=indicator,
            baseline=form.baseline(),
            targets=form.cleaned_data["targets"],
        )
        messages.success(request, "Baseline and targets saved")
        return redirect(indicator)
    return render(
        request,
        "indicators/form.html",
        _context(
            plan,
            roles,
            form=form,
            indicator=indicator,
            heading=f"Baseline and targets: {indicator.name}",
            cancel_url=indicator.get_absolute_url(),
        ),
    )


@require_http_methods(["GET", "POST"])
def indicator_record(request: HttpRequest, plan_id: int, indicator_id: int) -> HttpResponse:
    plan, roles, indicator = _get_indicator(request, plan_id, indicator_id)
    if not _may_record(request.user, indicator, roles):
        raise PermissionDenied("Only the indicator's supplier or a programme manager records it")
    form = ActualForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.indicator_actual_record(
            actor=request.user,
            indicator=indicator,
            on=data["on"],
            value=data["value"],
            text=data["text"],
            source=data["source"],
        )
        messages.success(request, "Figure recorded")
        return redirect(indicator)
    return render(
        request,
        "indicators/form.html",
        _context(
            plan,
            roles,
            form=form,
            indicator=indicator,
            heading=f"Record a figure: {indicator.name}",
            intro="A figure for a period that already has one is kept beside it as a "
            "correction; the newest counts.",
            submit_label="Record figure",
            cancel_url=indicator.get_absolute_url(),
        ),
    )


@require_http_methods(["GET", "POST"])
def indicator_load(request: HttpRequest, plan_id: int, indicator_id: int) -> HttpResponse:
    plan, roles, indicator = _get_indicator(request, plan_id, indicator_id, edit=True)
    form = DfeLoadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        area = data["area"].strip() or plan.area.name
        try:
            loaded = read_dfe_csv(
                upload.read(),
                column=data["column"].strip(),
                area=area,
                filters=data["filters"],
                neighbours=data["neighbours"].split(","),
            )
        except DfeFileError as error:
            for problem in error.problems[:20]:
                form.add_error(None, problem)
            form.add_error(None, f"Nothing was saved from {upload.name}")
        else:
            added = indicator_load_dfe(
                actor=request.user,
                indicator=indicator,
                loaded=loaded,
                source=f"DfE open data: {upload.name}",
            )
            gaps = len(loaded.gaps)
            messages.success(
                request,
                f"{added} figure{'s' if added != 1 else ''} for {area} new or changed"
                + (f"; {gaps} suppressed in the file, kept as gaps" if gaps else "")
                + (f"; comparators: {', '.join(loaded.comparators)}" if loaded.comparators else ""),
            )
            return redirect(indicator)
    return render(
        request,
        "indicators/upload.html",
        _context(
            plan, roles, form=form, indicator=indicator, cancel_url=indicator.get_absolute_url()
        ),
    )


@require_GET
def indicator_library(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id, edit=True)
    held = set(plan.indicators.values_list("name", flat=True))
    items = [(item, item.name in held) for item in LIBRARY]
    return render(request, "indicators/library.html", _context(plan, roles, items=items))


@require_POST
def indicator_library_add(request: HttpRequest, plan_id: int, key: str) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id, edit=True)
    item = BY_KEY.get(key)
    if item is None:
        raise Http404("No such indicator in the library")
    indicator = services.indicator_create(
        actor=request.user,
        plan=plan,
        name=item.name,
        definition=item.definition,
        unit=item.unit,
        better=item.better,
        source=item.source,
        frequency=item.frequency,
    )
    messages.success(request, f"{item.name} added. Now set its baseline and targets.")
    return redirect("indicator_trajectory", plan.pk, indicator.pk)
