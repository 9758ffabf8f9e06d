"""Upload or paste a plan, check what was understood, then save it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sendplan.accounts.access import can_edit_area, get_plan_for_user, signed_in
from sendplan.accounts.models import EDITING_ROLES
from sendplan.demo import sample_files
from sendplan.interchange import services
from sendplan.interchange.forms import ImportForm
from sendplan.interchange.merge import plan_changes
from sendplan.interchange.models import PendingImport
from sendplan.interchange.reading import (
    ParseError,
    PlanDocumentError,
    ReadResult,
    read_plan_file,
    read_plan_text,
)
from sendplan.interchange.schema import validate_document
from sendplan.plans.models import Area, Plan
from sendplan.plans.services import PlanRuleError


def _read(form: ImportForm) -> tuple[ReadResult, str] | None:
    """Parse what the form holds; on failure, put the reason on the form and return None."""
    upload = form.cleaned_data.get("file")
    try:
        if upload:
            return read_plan_file(upload.read(), upload.name), upload.name
        return read_plan_text(form.cleaned_data["text"]), "Pasted text"
    except ParseError as error:
        form.add_error("file" if upload else "text", str(error))
    except PlanDocumentError as error:
        for problem in error.problems[:20]:
            form.add_error("file", problem)
    return None


def _start(request: HttpRequest, *, areas: Any, plan: Plan | None) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None, areas=areas)
    if request.method == "POST" and form.is_valid():
        read = _read(form)
        if read is not None:
            result, name = read
            pending = services.pending_import_create(
                user=signed_in(request),
                area=plan.area if plan else form.cleaned_data["area"],
                plan=plan,
                source_name=name,
                document=result.document,
                report=result.report,
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


@require_http_methods(["GET", "POST"])
def import_check(request: HttpRequest, pending_id: str) -> HttpResponse:
    pending = _get_pending(request, pending_id)
    problems: list[str] = []
    if request.method == "POST":
        try:
            plan = services.pending_import_confirm(
                actor=request.user, pending=pending, seen=request.POST.get("seen", "")
            )
        except PlanDocumentError as error:
            problems = error.problems
        except PlanRuleError as error:
            messages.error(request, str(error))
            return (
                redirect("import_into_plan", pending.plan_id)
                if pending.plan_id
                else redirect("import_new")
            )
        else:
            messages.success(request, f"Imported from {pending.source_name}")
            return redirect(plan)
    context: dict[str, Any] = {
        "pending": pending,
        "plan": pending.plan,
        "problems": problems,
        "report": pending.report,
    }
    if pending.plan is None:
        try:
            validate_document(pending.document)
        except PlanDocumentError as error:
            context["problems"] = problems or error.problems
        context["outline"] = outline(pending.document)
    else:
        try:
            context["changes"] = plan_changes(pending.plan, pending.document)
        except PlanDocumentError as error:
            context["problems"] = problems or error.problems
    return render(request, "interchange/import_check.html", context)


@require_POST
def import_cancel(request: HttpRequest, pending_id: str) -> HttpResponse:
    pending = _get_pending(request, pending_id)
    services.pending_import_cancel(pending=pending)
    messages.success(request, "Import cancelled. Nothing was saved.")
    return redirect(pending.plan) if pending.plan else redirect("home")


def outline(document: dict) -> dict[str, Any]:
    """What a person needs to see to check a parsed plan, from the plan document."""
    plan = document.get("plan", {}) if isinstance(document, dict) else {}

    def count_actions(sections: list[dict]) -> int:
        return sum(
            len(s.get("actions", [])) + count_actions(s.get("sections", [])) for s in sections
        )

    sections = plan.get("sections", [])
    return {
        "plan": plan,
        "sections": sections,
        "counts": {
            "sections": _count_sections(sections),
            "actions": count_actions(sections),
            "people": len(plan.get("people", [])),
            "periods": len(plan.get("periods", [])),
            "weaknesses": len(plan.get("weaknesses", [])),
            "indicators": len(plan.get("indicators", [])),
        },
    }


def _count_sections(sections: list[dict]) -> int:
    return sum(1 + _count_sections(s.get("sections", [])) for s in sections)


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
