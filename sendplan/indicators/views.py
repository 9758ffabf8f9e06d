"""Indicator pages: the list, one indicator with its chart, and the forms that define an
indicator, set its trajectory, record its figures, review a supplier's figure and correct a
signed-off one. Programme managers and area admins define and review; the supplier or a manager
records figures (sendplan.accounts.access decides)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sendplan.accounts.access import can_record_figure, can_review_figure, get_plan_for_user
from sendplan.accounts.models import EDITING_ROLES
from sendplan.indicators import services
from sendplan.indicators.chart import indicator_line_chart
from sendplan.indicators.dfe import DfeFileError, indicator_load_dfe, read_dfe_csv
from sendplan.indicators.forms import (
    ActualForm,
    DfeLoadForm,
    FigureCorrectionForm,
    FigureReviewForm,
    IndicatorForm,
    TrajectoryForm,
    indicator_initial,
)
from sendplan.indicators.library import BY_KEY, LIBRARY
from sendplan.indicators.models import Indicator, IndicatorPoint
from sendplan.indicators.selectors import (
    Figure,
    FigureState,
    Series,
    figure_state,
    indicator_series,
    period_date,
    period_figures,
    recorded_figures,
)
from sendplan.lib.ids import id_or_404
from sendplan.monitoring.models import Period
from sendplan.plans.models import Plan
from sendplan.plans.services import PlanRuleError


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
    context = _context(
        plan,
        roles,
        indicator=indicator,
        series=series,
        chart=indicator_line_chart(series, table_id=table_id),
        table_id=table_id,
        comparator_names=list(series.comparators),
        actions=list(indicator.actions.select_related("section").order_by("position", "pk")),
        recorded=recorded_figures(indicator),
        may_record=can_record_figure(request.user, indicator, roles),
        may_review=can_review_figure(roles),
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


def _chosen_period(request: HttpRequest, plan: Plan, periods: list[Period]) -> Period | None:
    """The open period the address names (as "Your actions" links), else the newest open."""
    chosen = request.GET.get("period")
    if chosen:
        found = next((p for p in periods if str(p.pk) == chosen), None)
        if found is None:
            get_object_or_404(Period, plan=plan, pk=id_or_404(chosen))
        return found
    return periods[-1] if periods else None


@require_http_methods(["GET", "POST"])
def indicator_record(request: HttpRequest, plan_id: int, indicator_id: int) -> HttpResponse:
    plan, roles, indicator = _get_indicator(request, plan_id, indicator_id)
    if not can_record_figure(request.user, indicator, roles):
        raise PermissionDenied("Only the indicator's supplier or a programme manager records it")
    periods = [p for p in plan.periods.all() if p.is_open]
    period = _chosen_period(request, plan, periods)
    if request.GET.get("period") and period is None:
        messages.error(
            request,
            "That period is not open, so it takes no figures. A programme manager can record "
            "a correction beside a signed-off figure.",
        )
        return redirect(indicator)
    # A figure returned to its supplier comes back to them filled in, with the reason.
    returned = None
    if period is not None:
        figure = next(f for f in period_figures(period) if f.indicator.pk == indicator.pk)
        returned = figure if figure.state == FigureState.RETURNED else None
    initial: dict[str, Any] = {"period": str(period.pk) if period else ""}
    if returned is not None and returned.point is not None:
        point = returned.point
        initial.update(value=f"{point.value:g}", text=point.text, source=point.source)
    form = ActualForm(request.POST or None, periods=periods, initial=initial)
    reviewed = can_review_figure(roles)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen: Period | None = data.get("period")
        try:
            if chosen is not None:
                services.figure_submit(
                    actor=request.user,
                    indicator=indicator,
                    period=chosen,
                    on=data["on"],
                    value=data["value"],
                    text=data["text"],
                    source=data["source"],
                    reviewed=reviewed,
                )
            else:
                services.indicator_actual_record(
                    actor=request.user,
                    indicator=indicator,
                    on=data["on"],
                    value=data["value"],
                    text=data["text"],
                    source=data["source"],
                )
        except (PlanRuleError, ValidationError) as error:
            form.add_error(None, _reason(error))
        else:
            if chosen is not None and not reviewed:
                messages.success(
                    request,
                    f"Your figure for {indicator.name} in {chosen.label} has been sent for review",
                )
                return redirect("my_actions")
            messages.success(request, "Figure recorded")
            return redirect(indicator)
    intro = (
        "A figure for a date that already has one is kept beside it; the newest counts."
        if reviewed
        else "A figure for a monitoring period goes to the programme manager for review."
    )
    return render(
        request,
        "indicators/record.html",
        _context(
            plan,
            roles,
            form=form,
            indicator=indicator,
            returned=returned,
            heading=f"Record a figure: {indicator.name}",
            intro=intro,
            submit_label="Record figure" if reviewed else "Send the figure for review",
            cancel_url=indicator.get_absolute_url(),
        ),
    )


def _reason(error: PlanRuleError | ValidationError) -> str:
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


def _figure_in(indicator: Indicator, point_id: int) -> IndicatorPoint:
    return get_object_or_404(
        IndicatorPoint.objects.select_related("period", "corrects").filter(
            kind=IndicatorPoint.Kind.ACTUAL
        ),
        indicator=indicator,
        pk=point_id,
    )


@require_http_methods(["GET", "POST"])
def figure_review(
    request: HttpRequest, plan_id: int, indicator_id: int, point_id: int
) -> HttpResponse:
    plan, roles, indicator = _get_indicator(request, plan_id, indicator_id)
    if not can_review_figure(roles):
        raise PermissionDenied("Only programme managers review the figures suppliers record")
    point = _figure_in(indicator, point_id)
    form = FigureReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.figure_review(
                actor=request.user,
                point=point,
                decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"],
            )
        except PlanRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"Figure for {indicator.name}: {review.get_decision_display()}"
            )
            if point.period_id is not None:
                return redirect(reverse("period", args=[plan.pk, point.period_id]) + "#figures")
            return redirect(indicator)
    series = indicator_series(indicator, comparators=False)
    day = period_date(point.on)
    context = _context(
        plan,
        roles,
        indicator=indicator,
        point=point,
        state=figure_state(point),
        target=series.target_at(day) if day else None,
        earlier=_earlier_figure(series, point),
        form=form,
        cancel_url=(
            reverse("period", args=[plan.pk, point.period_id]) + "#figures"
            if point.period_id
            else indicator.get_absolute_url()
        ),
    )
    return render(request, "indicators/figure_review.html", context)


def _earlier_figure(series: Series, point: IndicatorPoint) -> Figure | None:
    """The figure counted for the date before this one's, to compare with."""
    day = period_date(point.on)
    before = [a for a in series.actuals if a.date is not None and day and a.date < day]
    return before[-1] if before else None


@require_http_methods(["GET", "POST"])
def figure_correct(
    request: HttpRequest, plan_id: int, indicator_id: int, point_id: int
) -> HttpResponse:
    plan, roles, indicator = _get_indicator(request, plan_id, indicator_id, edit=True)
    point = _figure_in(indicator, point_id)
    initial = {"value": f"{point.value:g}", "text": point.text, "source": point.source}
    form = FigureCorrectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.figure_correct(actor=request.user, point=point, **form.cleaned_data)
        except (PlanRuleError, ValidationError) as error:
            form.add_error(None, _reason(error))
        else:
            messages.success(request, "Correction recorded beside the original figure")
            return redirect(indicator)
    context = _context(
        plan,
        roles,
        indicator=indicator,
        point=point,
        state=figure_state(point),
        form=form,
        cancel_url=indicator.get_absolute_url(),
    )
    return render(request, "indicators/figure_correct.html", context)


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
            try:
                added = indicator_load_dfe(
                    actor=request.user,
                    indicator=indicator,
                    loaded=loaded,
                    source=f"DfE open data: {upload.name}",
                )
            except PlanRuleError as error:
                form.add_error(None, str(error))
                form.add_error(None, f"Nothing was saved from {upload.name}")
                return render(
                    request,
                    "indicators/upload.html",
                    _context(
                        plan,
                        roles,
                        form=form,
                        indicator=indicator,
                        cancel_url=indicator.get_absolute_url(),
                    ),
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
