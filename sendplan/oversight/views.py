"""The table of areas: an adviser's home, and a page of its own for anyone with roles in many
areas. Sorting and the region filter are kept in the address, so a view can be bookmarked."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sendplan.accounts.access import signed_in
from sendplan.monitoring.views import owed_counts
from sendplan.oversight.selectors import COLUMNS, COLUMNS_BY_KEY, area_rows, sort_rows
from sendplan.plans.models import Area


def oversight_page(request: HttpRequest) -> HttpResponse:
    """The table, for the address it was asked for at (the home page or /areas/)."""
    user = signed_in(request)
    region = request.GET.get("region", "")
    error = ""
    if region and region not in Area.Region.values:
        error = "Select a region from the list. Areas in every region are shown."
        region = ""
    sort = request.GET.get("sort", "")
    sort = sort if sort in COLUMNS_BY_KEY else "area"
    descending = request.GET.get("order") == "desc"
    rows = sort_rows(area_rows(user, region=region), sort, descending)

    def address(**changes: str) -> str:
        wanted = {"region": region, "sort": sort, "order": "desc" if descending else "asc"}
        wanted.update(changes)
        kept = {k: v for k, v in wanted.items() if v and (k != "sort" or v != "area")}
        if kept.get("order") == "asc":
            del kept["order"]
        return f"{request.path}?{urlencode(kept)}" if kept else request.path

    headers = []
    for column in COLUMNS:
        current = column.key == sort
        first = "desc" if column.descending_first else "asc"
        flipped = "asc" if descending else "desc"
        headers.append(
            {
                "column": column,
                "href": address(sort=column.key, order=flipped if current else first),
                "aria_sort": ("descending" if descending else "ascending") if current else "none",
            }
        )
    context = {
        "rows": rows,
        "areas": len({row.area.pk for row in rows}),
        "headers": headers,
        "regions": Area.Region.choices,
        "region": region,
        "region_label": Area.Region(region).label if region else "",
        "sort": sort,
        "order": "desc" if descending else "asc",
        "error": error,
        "owed": owed_counts(user),
        "clear_href": address(region=""),
    }
    return render(request, "oversight/areas.html", context)


@require_GET
def areas(request: HttpRequest) -> HttpResponse:
    return oversight_page(request)
