"""Search across the plans a person may see: actions (by ref, title or leads as written),
people, and what updates said. On PostgreSQL, words are matched by its full-text search, so
"assessments" finds "assessment" and results come best first; elsewhere, every word must
appear in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sendplan.accounts.access import signed_in
from sendplan.accounts.models import Membership
from sendplan.monitoring.models import StatusUpdate
from sendplan.plans.models import Action, Person, Plan

# Most results shown of each kind.
LIMIT = 50
_REF = re.compile(r"^[0-9]+(?:[.\-][0-9a-z]+)*[a-z]?$", re.IGNORECASE)


@dataclass
class Results:
    query: str
    actions: list[Action] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    updates: list[StatusUpdate] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.actions) + len(self.people) + len(self.updates)


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _matching(queryset: QuerySet, fields: list[str], query: str) -> QuerySet:  # type: ignore[type-arg]
    """The rows whose fields hold the query's words."""
    if _postgres():
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector(*fields, config="english")
        wanted = SearchQuery(query, config="english", search_type="websearch")
        return (
            queryset.annotate(document=vector, rank=SearchRank(vector, wanted))
            .filter(document=wanted)
            .order_by("-rank", "pk")
        )
    condition = Q()
    for word in query.split():
        either = Q()
        for name in fields:
            either |= Q(**{f"{name}__icontains": word})
        condition &= either
    return queryset.filter(condition)


def search(user: User, query: str) -> Results:
    query = " ".join(query.split())[:200]
    results = Results(query=query)
    if len(query) < 2:
        return results
    areas = Membership.objects.filter(user=user).values("area_id")
    plans = Plan.objects.filter(area_id__in=areas)
    actions = Action.objects.filter(section__plan__in=plans).select_related("section__plan")
    if _REF.match(query):
        exact = list(actions.filter(ref__iexact=query).order_by("section__plan__title")[:LIMIT])
        results.actions = exact
    if not results.actions:
        results.actions = list(_matching(actions, ["ref", "title", "lead_text"], query)[:LIMIT])
    people = Person.objects.filter(plan__in=plans).select_related("plan")
    results.people = list(_matching(people, ["name", "role", "key"], query)[:LIMIT])
    # What leads said: submitted and recorded updates only; drafts are their writers' alone.
    updates = StatusUpdate.objects.filter(action__section__plan__in=plans).select_related(
        "action__section__plan", "period"
    )
    found = _matching(updates, ["narrative"], query)
    if not _postgres():
        found = found.order_by("-period__position", "-sequence")
    results.updates = list(found[:LIMIT])
    return results


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    results = search(signed_in(request), query) if query.strip() else None
    return render(request, "search.html", {"query": query, "results": results})
