"""The evidence pack as pages on the site: a contents page, then a page for each area of
weakness (and one for the actions that answer none), its actions a page at a time.

The Word file is one document, built whole (builders.build_evidence_pack); the PDF is too, and
also comes a part at a time (build_evidence_pack_part), since the whole pack of a plan monitored
for years runs to hundreds of pages. A page reads only what it shows: the contents page the
plan's outline and where each action stood at the latest signed-off period, a weakness's page
the few actions it lists and their updates, so neither grows slower as the plan grows longer.
Both share the whole pack's rules for which actions answer which weakness
(builders.answering_sections).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.paginator import InvalidPage, Page, Paginator
from django.urls import reverse
from django.utils import timezone

from sendplan.monitoring.models import Period
from sendplan.monitoring.progress import StatusView, status_scale
from sendplan.monitoring.selectors import rated_at
from sendplan.plans.models import Action, Finding, Plan, Section, Weakness
from sendplan.plans.selectors import Upcoming, next_key_date, section_tree
from sendplan.reports.builders import (
    NO_STATUS,
    EvidenceAction,
    EvidencePack,
    IndicatorView,
    StatusCount,
    TimelineDate,
    answering_sections,
    build_evidence_pack,
    evidence_action,
    indicator_views,
    inspection_timeline,
    section_refs,
    status_counts,
    weakness_indicators,
)
from sendplan.reports.data import SectionData, load_plan, plan_indicators

# Actions on each page of an area of weakness: ten actions of a plan monitored for six years
# are some 250 updates, as much as a page can show quickly and a reader take in.
ACTIONS_PER_PAGE = 10


# The sections linked to a weakness, those that answer it (with those below them), and the ids of
# their actions.
Part = tuple[list[SectionData], list[SectionData], list[int]]


@dataclass
class Outline:
    """The plan's areas of weakness, its sections in tree order and the ids of each section's
    actions in order: enough to say which actions answer which weakness without reading them."""

    weaknesses: list[Weakness]
    nodes: list[SectionData]
    action_ids: dict[int, list[int]]  # by section
    _parts: dict[int, Part] = field(default_factory=dict)

    def part(self, weakness: Weakness) -> Part:
        """The sections linked to the weakness, those that answer it, and their actions' ids."""
        if weakness.pk not in self._parts:
            answering, covered = answering_sections(weakness, self.nodes)
            self._parts[weakness.pk] = (answering, covered, self._ids(covered))
        return self._parts[weakness.pk]

    def _ids(self, nodes: list[SectionData]) -> list[int]:
        return [pk for node in nodes for pk in self.action_ids.get(node.section.pk, [])]

    def unlinked(self) -> list[int]:
        """The ids of the actions that answer no area of weakness, in the plan's order."""
        linked = {pk for weakness in self.weaknesses for pk in self.part(weakness)[2]}
        return [pk for pk in self._ids(self.nodes) if pk not in linked]


def outline(plan: Plan) -> Outline:
    nodes: dict[int, SectionData] = {}
    ordered = []
    for place in section_tree(plan.sections.prefetch_related("weaknesses")):
        node = SectionData(place.section, place.depth, owners=[], top=place.top)
        nodes[place.section.pk] = node
        ordered.append(node)
        if place.parent is not None:
            nodes[place.parent.section.pk].children.append(node)
    action_ids: dict[int, list[int]] = {}
    for pk, section_id in Action.objects.filter(section__plan=plan).values_list("pk", "section_id"):
        action_ids.setdefault(section_id, []).append(pk)
    return Outline(list(plan.weaknesses.all()), ordered, action_ids)


def weakness_url(plan: Plan, weakness: Weakness | None, *, pdf: bool = False) -> str:
    """A part's page: an area of weakness's, or with None the actions that answer none; with
    `pdf`, the address of the part as a PDF of its own."""
    suffix = "_pdf" if pdf else ""
    if weakness is None:
        return reverse(f"evidence_unlinked{suffix}", args=[plan.pk])
    return reverse(f"evidence_weakness{suffix}", args=[plan.pk, weakness.pk])


# The contents page


@dataclass
class PartSummary:
    """An area of weakness as the contents list it (weakness None: the actions not linked)."""

    number: int  # its place among the weaknesses, from 1; 0 for the actions not linked
    weakness: Weakness | None
    url: str
    pdf_url: str  # the part as a PDF of its own
    actions: int
    counts: list[StatusCount]  # where its actions stood at the latest signed-off period
    indicators: int

    @property
    def label(self) -> str:
        """What its link says, such as "Area of weakness 1: Slow implementation of the reforms"."""
        if self.weakness is None:
            return part_label(None)
        return f"{part_label(self.weakness)}: {self.weakness.text}"

    @property
    def anchor(self) -> str:
        """The id the whole pack's page gave it, so that an old link still finds it."""
        return f"weakness-{self.number}" if self.weakness else "weakness-unlinked"


@dataclass
class EvidenceContents:
    plan: Plan
    made_on: dt.date
    key_dates: list[TimelineDate]
    prepared_for: Upcoming | None
    signed_off: Period | None  # the latest period signed off, which the counts are of
    weaknesses: list[PartSummary]
    unlinked: PartSummary | None  # None when every action answers an area of weakness

    @property
    def title(self) -> str:
        return "Evidence pack"


def standing_at(period: Period) -> dict[int, str]:
    """Each action's status at the end of the period: its newest update with a status, in the
    period or before it, as the board report has it (monitoring.selectors.newest_rated), read
    as the status alone. One row per action, chosen by the database."""
    return dict(rated_at(period).values_list("action_id", "status"))


def build_evidence_contents(plan: Plan, *, today: dt.date | None = None) -> EvidenceContents:
    today = today or timezone.localdate()
    found = outline(plan)
    periods = list(plan.periods.all())
    signed = [p for p in periods if p.signed_off_at is not None]
    signed_off = max(signed, key=lambda p: p.position) if signed else None
    scale = status_scale(plan)
    levels = list(scale.values())
    rated = standing_at(signed_off) if signed_off else {}
    refs = list(plan.indicators.values_list("section_ref", flat=True))

    def summary(
        number: int, weakness: Weakness | None, covered: list[SectionData], ids: list[int]
    ) -> PartSummary:
        statuses = [StatusView.of(rated[pk], scale) if pk in rated else NO_STATUS for pk in ids]
        answering = section_refs(covered)  # its indicators are those of these sections
        return PartSummary(
            number=number,
            weakness=weakness,
            url=weakness_url(plan, weakness),
            pdf_url=weakness_url(plan, weakness, pdf=True),
            actions=len(ids),
            counts=status_counts(statuses, levels) if signed_off else [],
            indicators=sum(1 for ref in refs if ref in answering),
        )

    weaknesses = []
    for number, weakness in enumerate(found.weaknesses, start=1):
        _answering, covered, ids = found.part(weakness)
        weaknesses.append(summary(number, weakness, covered, ids))
    unlinked = found.unlinked()
    key_dates = list(plan.key_dates.all())
    return EvidenceContents(
        plan=plan,
        made_on=today,
        key_dates=inspection_timeline(key_dates, today),
        prepared_for=next_key_date([d for d in key_dates if d.is_review], today),
        signed_off=signed_off,
        weaknesses=weaknesses,
        unlinked=summary(0, None, [], unlinked) if unlinked else None,
    )


# A page of an area of weakness


@dataclass
class PartLink:
    label: str
    url: str


@dataclass
class EvidencePart:
    plan: Plan
    made_on: dt.date
    number: int  # the weakness's place among them, from 1; 0 for the actions not linked
    weakness: Weakness | None
    findings: list[Finding]
    sections: list[Section]  # those linked to the weakness
    periods: list[Period]
    page: Page  # of the ids of its actions
    actions: list[EvidenceAction]  # the page's
    indicators: list[IndicatorView]  # on its last page, after the actions
    previous: PartLink | None
    next: PartLink | None

    @property
    def heading(self) -> str:
        return part_label(self.weakness)

    @property
    def opening(self) -> bool:
        """Whether this is its first page, which says what was found and where it is answered."""
        return self.page.number == 1

    @property
    def title(self) -> str:
        pages = self.page.paginator.num_pages
        return self.heading + (f" (page {self.page.number} of {pages})" if pages > 1 else "")


def part_label(weakness: Weakness | None) -> str:
    if weakness is None:
        return "Actions not linked to an area of weakness"
    return f"Area of weakness {weakness.ref}".rstrip()


class NoSuchPart(LookupError):
    """No such area of weakness in the plan, or no such page of it."""


def build_evidence_part(
    plan: Plan, weakness_id: int | None, page: int | str = 1, *, today: dt.date | None = None
) -> EvidencePart:
    """One area of weakness (or with None the actions that answer none) and one page of its
    actions, with links to the parts either side. Raises NoSuchPart."""
    found = outline(plan)
    parts: list[Weakness | None] = list(found.weaknesses)
    unlinked = found.unlinked()
    if unlinked:
        parts.append(None)
    chosen = next((w for w in found.weaknesses if w.pk == weakness_id), None)
    if (chosen is None and weakness_id is not None) or chosen not in parts:
        raise NoSuchPart(weakness_id)
    place = parts.index(chosen)
    answering: list[SectionData] = []
    covered: list[SectionData] = []
    ids = unlinked
    if chosen is not None:
        answering, covered, ids = found.part(chosen)
    pages = Paginator(ids, ACTIONS_PER_PAGE)
    try:
        shown = pages.page(page)
    except InvalidPage as error:
        raise NoSuchPart(page) from error
    data = load_plan(plan, only=list(shown.object_list), indicators=False)
    by_id = {item.action.pk: item for item in data.actions}
    number = place + 1 if chosen is not None else 0
    indicators: list[IndicatorView] = []
    refs = section_refs(covered)
    if refs and not shown.has_next():
        chosen_indicators = plan_indicators(plan).filter(section_ref__in=refs)
        indicators = weakness_indicators(indicator_views(list(chosen_indicators)), refs, number)

    def link(at: int) -> PartLink | None:
        if not 0 <= at < len(parts):
            return None
        return PartLink(part_label(parts[at]), weakness_url(plan, parts[at]))

    return EvidencePart(
        plan=plan,
        made_on=today or timezone.localdate(),
        number=number,
        weakness=chosen,
        findings=list(chosen.findings.all()) if chosen else [],
        sections=[node.section for node in answering],
        periods=data.periods,
        page=shown,
        actions=[evidence_action(by_id[pk], data) for pk in shown.object_list],
        indicators=indicators,
        previous=link(place - 1),
        next=link(place + 1),
    )


# A part printed on its own


# The key of the part holding the actions that answer no area of weakness.
UNLINKED = "unlinked"


def part_key(weakness: Weakness | None) -> str:
    """What a kept file of one part is known by: "weakness-12", or "unlinked"."""
    return UNLINKED if weakness is None else f"weakness-{weakness.pk}"


def _weakness_id(part: str) -> int | None:
    """The id of the area of weakness a part's key names (part_key's inverse); None for a key
    naming none."""
    named = re.fullmatch(r"weakness-([0-9]{1,12})", part)
    return int(named[1]) if named else None


def _chosen_part(found: Outline, part: str) -> tuple[Weakness | None, list[int]]:
    """The area of weakness a part's key names (None for the actions linked to none) and the
    ids of its actions. Raises NoSuchPart for a key naming no part of this plan's pack."""
    if part == UNLINKED:
        ids = found.unlinked()
        if not ids:
            raise NoSuchPart(part)
        return None, ids
    wanted = _weakness_id(part)
    chosen = next((w for w in found.weaknesses if w.pk == wanted), None)
    if chosen is None:
        raise NoSuchPart(part)
    return chosen, found.part(chosen)[2]


def part_name(plan: Plan, part: str) -> str:
    """ "Area of weakness 2": what a part is called, in its title and its file's name; blank
    for the whole document. Raises NoSuchPart for an area of weakness the plan no longer has."""
    if not part:
        return ""
    if part == UNLINKED:
        return part_label(None)
    wanted = _weakness_id(part)
    weakness = plan.weaknesses.filter(pk=wanted).first() if wanted is not None else None
    if weakness is None:
        raise NoSuchPart(part)
    return part_label(weakness)


def build_evidence_pack_part(
    plan: Plan, part: str, *, today: dt.date | None = None
) -> EvidencePack:
    """One area of weakness of the evidence pack (part "weakness-<id>"), or the actions that
    answer none ("unlinked"), as the whole pack prints it, to print on its own: only its
    actions and their updates are read. Raises NoSuchPart."""
    found = outline(plan)
    chosen, ids = _chosen_part(found, part)
    pack = build_evidence_pack(plan, today=today, data=load_plan(plan, only=ids))
    weaknesses = [w for w in pack.weaknesses if chosen is not None and w.weakness.pk == chosen.pk]
    return dataclasses.replace(
        pack,
        weaknesses=weaknesses,
        unlinked=pack.unlinked if chosen is None else [],
        part=part_label(chosen),
    )
