"""The help pages: a short guide for each role, open to everyone."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from sendplan.accounts.middleware import two_factor_not_required
from sendplan.accounts.models import Membership, Role


@dataclass(frozen=True)
class Guide:
    role: Role
    summary: str

    @property
    def template(self) -> str:
        return f"help/_{self.role.value}.html"


GUIDES = [
    Guide(Role.LEAD_OFFICER, "Give a status update on each action you lead, every period."),
    Guide(
        Role.PROGRAMME_MANAGER,
        "Bring the plan in, run each monitoring period, review updates and produce the reports.",
    ),
    Guide(Role.AREA_ADMIN, "Invite people, give and remove roles, and keep sign-in safe."),
    Guide(Role.BOARD_MEMBER, "Read the plan's progress and the board report before a meeting."),
    Guide(
        Role.PARENT_CARER_FORUM,
        "Add the forum's view of each action, beside the officers' updates.",
    ),
    Guide(Role.ADVISER, "Check a plan's progress and its evidence against each weakness."),
]
_BY_ROLE = {guide.role.value: guide for guide in GUIDES}


def _your_roles(request: HttpRequest) -> list[Role]:
    if not request.user.is_authenticated:
        return []
    held = set(Membership.objects.filter(user_id=request.user.pk).values_list("role", flat=True))
    return [guide.role for guide in GUIDES if guide.role.value in held]


@login_not_required
@two_factor_not_required
def help_index(request: HttpRequest) -> HttpResponse:
    return render(
        request, "help/index.html", {"guides": GUIDES, "your_roles": _your_roles(request)}
    )


@login_not_required
@two_factor_not_required
def help_role(request: HttpRequest, role: str) -> HttpResponse:
    guide = _BY_ROLE.get(role)
    if guide is None:
        raise Http404("No guide for that role")
    return render(request, "help/role.html", {"guide": guide})
