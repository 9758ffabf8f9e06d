"""Upload or paste a plan, check what was understood, then save it; and download a plan in
the plan format."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sendplan.accounts.access import can_edit_area, get_plan_for_user, signed_in
from sendplan.accounts.models import EDITING_ROLES
from sendplan.demo import sample_files
from sendplan.interchange import checking, corrections, selectors, services
from sendplan.interchange.forms import (
    MAX_MAPPED_COLUMNS,
    ActionCorrectionForm,
    ImportForm,
    TableChoiceForm,
)
from sendplan.interchange.jsonformat import export_plan
from sendplan.interchange.merge import plan_changes
from sendplan.interchange.models import PendingImport
from sendplan.interchange.reading import (
    Layout,
    ParseError,
    PlanDocumentError,
    ReadResult,
    read_again,
    read_plan_file,
    read_plan_text,
)
from sendplan.interchange.schema import validate_document
from sendplan.interchange.selectors import Fitted
from sendplan.lib.ids import parse_id
from sendplan.plans.models import Area, Plan
from sendplan.plans.services import PlanRuleError


def _read(form: ImportForm, area: Area) -> tuple[ReadResult, str, Fitted] | None:
    """Parse what the form holds with the area's saved choices for its tables, fitted to any
    table whose headings changed a little since; on failure, put the reason on the form and
    return None."""
    upload = form.cleaned_data.get("file")
    saved = selectors.saved_layouts(area)
    choices = selectors.layout_of(saved)
    try:
        if upload:
            result = read_plan_file(upload.read(), upload.name, choices=choices)
        else:
            result = read_plan_text(form.cleaned_data["text"], choices=choices)
        fitted = selectors.fitted_choices(saved, result.tables)
        if fitted and result.source is not None:
            extra = Layout(tables={key: choice for key, (choice, _) in fitted.items()})
            result = read_again(result.source, choices.merged(extra))
        return result, upload.name if upload else "Pasted text", fitted
    except ParseError as error:
        form.add_error("file" if upload else "text", str(error))
    except PlanDocumentError as error:
        for problem in error.problems[:20]:
            form.add_error("file", problem)
    return None


def _start(request: HttpRequest, *, areas: Any, plan: Plan | None) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None, areas=areas)
    if request.method == "POST" and form.is_valid():
        area = plan.area if plan else form.cleaned_data["area"]
        read = _read(form, area)
        if read is not None:
            result, name, fitted = read
            pending = services.pending_import_create(
                user=signed_in(request),
                area=area,
                plan=plan,
                source_name=name,
                result=result,
                fitted=fitted,
            )
            return redirect("import_check", pending.pk)
    context = {
        "form": form,
        "plan": plan,
        "can_edit": True,
        "samples": None if plan else _sample_links(),
    }
    return render(request, "interchange/import_start.html", context)


def _import_areas(request: HttpRequest) -> Any:
    areas = Area.objects.filter(
        memberships__user=signed_in(request), memberships__role__in=EDITING_ROLES
    ).distinct()
    if not areas:
        raise PermissionDenied("Only programme managers can import a plan")
    return areas


@require_http_methods(["GET", "POST"])
def import_new(request: HttpRequest) -> HttpResponse:
    return _start(request, areas=_import_areas(request), plan=None)


@require_GET
def import_sample(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    """One of the demo's published plans as text, Word or Excel, to try the import with."""
    _import_areas(request)
    sample = sample_files.SAMPLES_BY_SLUG.get(slug)
    form = sample_files.FORM_BY_EXTENSION.get(extension)
    if sample is None or form is None:
        raise Http404("No such sample plan")
    response = HttpResponse(sample.build(form), content_type=sample_files.CONTENT_TYPES[form])
    response["Content-Disposition"] = f'attachment; filename="{sample.file_name(form)}"'
    return response


@require_http_methods(["GET", "POST"])
def import_into_plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id, edit=True)
    return _start(request, areas=None, plan=plan)


def _get_pending(request: HttpRequest, pending_id: str) -> PendingImport:
    pending = get_object_or_404(PendingImport.objects.select_related("area", "plan"), pk=pending_id)
    if pending.user_id != signed_in(request).pk:
        raise Http404("No such import")
    if not can_edit_area(request.user, pending.area_id):
        raise PermissionDenied("Only programme managers can import a plan")
    return pending


def _table_forms(groups: list[checking.TableGroup], bound: TableChoiceForm | None) -> None:
    for group in groups:
        if bound is not None and bound.reading is group.first:
            group.form = bound
        elif len(group.first.get("columns") or []) <= MAX_MAPPED_COLUMNS:
            group.form = TableChoiceForm(reading=group.first, prefix=f"t{group.number}")
        if group.form is not None:
            saved = group.chosen == "saved"
            group.columns = [
                (column, field, checking.column_words(column, saved=saved))
                for column, field in group.form.column_fields()
            ]


def _check_page(
    request: HttpRequest,
    pending: PendingImport,
    *,
    problems: list[str] | None = None,
    bound: TableChoiceForm | None = None,
) -> HttpResponse:
    problems = list(problems or [])
    saved = selectors.saved_layouts(pending.area)
    choices = Layout.from_data(pending.choices)
    source = pending.source or {}
    groups = checking.table_groups(
        pending.tables,
        page_choices=set(choices.tables),
        saved={k: v for k, v in saved.items() if k not in pending.replaced},
        fitted=pending.fitted,
        user_id=signed_in(request).pk,
    )
    _table_forms(groups, bound)
    summary = checking.outline(pending.document)
    context: dict[str, Any] = {
        "pending": pending,
        "plan": pending.plan,
        "problems": problems,
        "report": pending.report,
        "outline": summary,
        "no_actions": summary["counts"]["actions"] == 0,
        "list_items": choices.list_items,
        # Read from lines alone (no table in the file): its lists may be read as actions.
        "from_lines": bool(source) and not any("table" in b for b in source.get("blocks", [])),
        "groups": groups,
        "read_with_saved": [g for g in groups if g.chosen == "saved"],
        "actions": checking.action_rows(pending.document, pending.placements, pending.corrections),
        "bound": bound,
    }
    if pending.plan is None:
        try:
            validate_document(pending.document)
        except PlanDocumentError as error:
            context["problems"] = problems or error.problems
        context["like"] = selectors.plan_like(area=pending.area, document=pending.document)
    else:
        try:
            context["changes"] = plan_changes(pending.plan, pending.document)
        except PlanDocumentError as error:
            context["problems"] = problems or error.problems
    return render(request, "interchange/import_check.html", context)


def _gone(request: HttpRequest, pending: PendingImport, error: PlanRuleError) -> HttpResponse:
    messages.error(request, str(error))
    if pending.plan_id:
        return redirect("import_into_plan", pending.plan_id)
    return redirect("import_new")


@require_http_methods(["GET", "POST"])
def import_check(request: HttpRequest, pending_id: str) -> HttpResponse:
    pending = _get_pending(request, pending_id)
    if request.method == "GET":
        return _check_page(request, pending)
    try:
        confirmed = services.pending_import_confirm(
            actor=request.user, pending=pending, seen=request.POST.get("seen", "")
        )
    except PlanDocumentError as error:
        return _check_page(request, pending, problems=error.problems)
    except PlanRuleError as error:
        return _gone(request, pending, error)
    saved = ""
    if confirmed.layouts_saved:
        saved = (
            f" The columns you chose are saved for {pending.area}: the next file laid out "
            "like this one will be read the same way."
        )
    messages.success(request, f"Imported from {pending.source_name}.{saved}")
    return redirect(confirmed.plan)


def _reading(pending: PendingImport, number: int) -> dict:
    if not 1 <= number <= len(pending.tables):
        raise Http404("No such table")
    reading: dict = pending.tables[number - 1]
    return reading


@require_POST
def import_table(request: HttpRequest, pending_id: str, number: int) -> HttpResponse:
    """Read the plan again with a person's choices for one table's columns."""
    pending = _get_pending(request, pending_id)
    reading = _reading(pending, number)
    form = TableChoiceForm(request.POST, reading=reading, prefix=f"t{number}")
    if not form.is_valid():
        return _check_page(request, pending, bound=form)
    key, choice = None, None
    if "forget" not in request.POST:
        key, choice = selectors.table_choice(
            pending=pending,
            reading=reading,
            header_row=form.header_row(),
            roles=form.roles(),
            changed=form.changed_roles(),
        )
    try:
        again = services.pending_import_choose(
            pending=pending, reading=reading, key=key, choice=choice
        )
    except ParseError as error:
        pending.refresh_from_db()
        return _check_page(request, pending, problems=[str(error)])
    except PlanRuleError as error:
        return _gone(request, pending, error)
    messages.success(request, str(again))
    for dropped in again.dropped:
        messages.warning(request, dropped)
    return redirect(f"{reverse('import_check', args=[pending.pk])}#table-{number}")


@require_POST
def import_lists(request: HttpRequest, pending_id: str) -> HttpResponse:
    """Read the plan again with each item of its lists as an action, or as before."""
    pending = _get_pending(request, pending_id)
    chosen = request.POST.get("list_items") == "yes"
    try:
        again = services.pending_import_list_items(pending=pending, chosen=chosen)
    except ParseError as error:
        pending.refresh_from_db()
        return _check_page(request, pending, problems=[str(error)])
    except PlanRuleError as error:
        return _gone(request, pending, error)
    if chosen and not again.actions:
        messages.warning(request, "We found no lists to read as actions either.")
    else:
        messages.success(request, str(again))
    return redirect("import_check", pending.pk)


@require_http_methods(["GET", "POST"])
def import_action(request: HttpRequest, pending_id: str, number: int) -> HttpResponse:
    """Correct one action's title, lead, due date and ratings before saving."""
    pending = _get_pending(request, pending_id)
    found = corrections.actions_of(pending.document)
    if not 1 <= number <= len(found):
        raise Http404("No such action")
    section, action = found[number - 1]
    key = corrections.action_keys(pending.document, pending.placements)[number - 1]
    plan = pending.document.get("plan", {})
    now = corrections.current(pending.document, action)
    ratings = now.pop("ratings")
    form = ActionCorrectionForm(
        request.POST or None,
        initial={"key": key, **now, **{f"rating_{n}": r for n, r in enumerate(ratings.values())}},
        periods=list(ratings),
        scale=plan.get("status_scale", []),
        ratings=ratings,
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["key"] != key:
            messages.error(
                request,
                "The plan was read again since you opened that action, so nothing was changed. "
                "Choose it again from the list.",
            )
            return redirect("import_check", pending.pk)
        try:
            change = services.pending_import_correct(pending=pending, key=key, values=form.values())
        except PlanRuleError as error:
            return _gone(request, pending, error)
        name = action.get("ref") or f"number {number}"
        if not change:
            messages.success(request, f"Nothing was changed in action {name}.")
        else:
            note = ""
            due_text = change.get("due_text")
            if due_text and not corrections.due_is_a_date(due_text):
                note = f" “{due_text}” is not a date, so it is kept as words."
            messages.success(request, f"Action {name} corrected.{note}")
        return redirect(f"{reverse('import_check', args=[pending.pk])}#actions")
    context = {
        "pending": pending,
        "plan": pending.plan,
        "form": form,
        "action": action,
        "section": section,
        "number": number,
    }
    return render(request, "interchange/import_action.html", context)


@require_POST
def import_target(request: HttpRequest, pending_id: str) -> HttpResponse:
    """Make the import an update to a plan that already exists, or a new plan again."""
    pending = _get_pending(request, pending_id)
    choice = request.POST.get("plan", "")
    plan: Plan | None = None
    if choice != "new":
        plan_id = parse_id(choice)
        if plan_id is None:
            messages.error(request, "Select the plan to update.")
            return redirect("import_check", pending.pk)
        plan, _roles = get_plan_for_user(request.user, plan_id, edit=True)
        if plan.area_id != pending.area_id:
            raise Http404("No such plan")
    try:
        services.pending_import_target(pending=pending, plan=plan)
    except PlanRuleError as error:
        return _gone(request, pending, error)
    if plan is None:
        messages.success(request, "This file will be imported as a new plan.")
    else:
        messages.success(request, f"This file will update {plan.title}. Check the changes.")
    return redirect("import_check", pending.pk)


@require_POST
def import_cancel(request: HttpRequest, pending_id: str) -> HttpResponse:
    pending = _get_pending(request, pending_id)
    services.pending_import_cancel(pending=pending)
    messages.success(request, "Import cancelled. Nothing was saved.")
    return redirect(pending.plan) if pending.plan else redirect("home")


def _sample_links() -> list[dict[str, Any]]:
    return [
        {
            "description": sample.description,
            "files": [
                {
                    "slug": sample.slug,
                    "extension": sample_files.EXTENSIONS[form],
                    "format": sample_files.FORMAT_NAMES[form],
                }
                for form in sample_files.FORMATS
            ],
        }
        for sample in sample_files.SAMPLES
    ]


@require_GET
def export_json(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    body = json.dumps(export_plan(plan), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}.json"'
    return response
