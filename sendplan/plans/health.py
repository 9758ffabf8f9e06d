"""Plan health checks: the gaps in a plan that a programme manager should close.

Each check is a small function in CHECKS that reads the loaded plan and yields findings. A
finding says what is wrong in plain words, how serious it is, and where it is fixed. Errors
stop a plan being run properly (nobody leads an action, a weakness nothing answers, a ref that
is repeated or points nowhere); warnings weaken it (no date, nothing measurable, no email).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from sendplan.lib.dates import format_partial_date, parse_partial_date
from sendplan.monitoring.models import LatestRating
from sendplan.plans.models import Action, ActionLead, Measure, Person, Plan, Section, Weakness
from sendplan.plans.selectors import kept_until_changed


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    # Where the finding is fixed, and what that page is called.
    url: str
    fix: str


@dataclass
class Coverage:
    """Weaknesses against top-level sections: how many actions of each section answer each."""

    sections: list[Section]
    rows: list[tuple[Weakness, list[int | None]]]


@dataclass
class Health:
    plan: Plan
    findings: list[Finding]
    coverage: Coverage
    actions: int
    # The findings under the heading of the check that found them, in CHECKS order.
    groups: list[tuple[str, list[Finding]]] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.WARNING]


@dataclass
class Loaded:
    """Everything the checks read, loaded in a fixed number of queries."""

    plan: Plan
    sections: dict[int, Section]
    actions: list[Action]
    people: list[Person]
    weaknesses: list[Weakness]
    # Each action's leads (the people's ids) and measures (text and due date), read as plain
    # values: 300 actions' prefetched rows as model instances took half the check's time.
    leads: dict[int, list[int]]
    measures: dict[int, list[tuple[str, dt.date | None]]]
    # Weaknesses each section answers, directly or through the sections above it.
    answers: dict[int, set[int]]
    open_actions: dict[int, int]
    # The plan's indicators with their figures and weaknesses (sendplan.indicators), and the
    # span of its last monitoring period that has ended.
    indicators: list[Any]
    last_period: tuple[str, dt.date | None, dt.date] | None

    def top(self, section_id: int) -> int:
        section = self.sections[section_id]
        while section.parent_id is not None:
            section = self.sections[section.parent_id]
        return section.pk


def load(plan: Plan) -> Loaded:
    sections = {s.pk: s for s in plan.sections.order_by("position", "pk")}
    links = Section.weaknesses.through.objects.filter(section__plan=plan).values_list(
        "section_id", "weakness_id"
    )
    own: dict[int, set[int]] = defaultdict(set)
    for section_id, weakness_id in links:
        own[section_id].add(weakness_id)
    answers: dict[int, set[int]] = {}

    def answered(section_id: int) -> set[int]:
        if section_id not in answers:
            parent = sections[section_id].parent_id
            inherited = answered(parent) if parent is not None else set()
            answers[section_id] = own[section_id] | inherited
        return answers[section_id]

    for section_id in sections:
        answered(section_id)
    actions = list(Action.objects.filter(section__plan=plan).order_by("position", "pk"))
    leads: dict[int, list[int]] = defaultdict(list)
    for action_id, person_id in (
        ActionLead.objects.filter(action__section__plan=plan)
        .order_by("position", "pk")
        .values_list("action_id", "person_id")
    ):
        leads[action_id].append(person_id)
    measures: dict[int, list[tuple[str, dt.date | None]]] = defaultdict(list)
    for action_id, text, due in (
        Measure.objects.filter(action__section__plan=plan)
        .order_by("position", "pk")
        .values_list("action_id", "text", "due")
    ):
        measures[action_id].append((text, due))
    # Findings follow the plan as it reads: each section's actions before its children's.
    order: dict[int, int] = {}
    children: dict[int | None, list[int]] = defaultdict(list)
    for section in sections.values():
        children[section.parent_id].append(section.pk)
    stack = list(reversed(children[None]))
    while stack:
        section_id = stack.pop()
        order[section_id] = len(order)
        stack.extend(reversed(children[section_id]))
    actions.sort(key=lambda a: order.get(a.section_id, len(order)))
    done = set(plan.status_levels.filter(done=True).values_list("code", flat=True))
    # The latest rating of each action, from the summary kept with every update.
    latest = dict(
        LatestRating.objects.filter(action__section__plan=plan).values_list("action_id", "status")
    )
    open_actions: Counter[int] = Counter()
    for action in actions:
        if latest.get(action.pk) in done:
            continue
        for person_id in leads.get(action.pk, ()):
            open_actions[person_id] += 1
    ends = []
    for label, ends_on in plan.periods.values_list("label", "ends_on"):
        day = parse_partial_date(ends_on)
        if day is not None:
            ends.append((day, label))
    ends.sort()
    today = timezone.localdate()
    ended = [(day, label) for day, label in ends if day <= today]
    last_period = None
    if ended:
        day, label = ended[-1]
        before = ended[-2][0] if len(ended) > 1 else None
        last_period = (label, before, day)
    return Loaded(
        plan=plan,
        indicators=list(plan.indicators.prefetch_related("points", "weaknesses")),
        last_period=last_period,
        sections=sections,
        actions=actions,
        people=list(plan.people.all()),
        weaknesses=list(plan.weaknesses.all()),
        answers=answers,
        open_actions=dict(open_actions),
        leads=dict(leads),
        measures=dict(measures),
    )


Check = Callable[[Loaded], Iterator[Finding]]


def _name(action: Action) -> str:
    return f"Action {action.ref}" if action.ref else f"The action “{_short(action.title)}”"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _edit_action(action: Action, plan: Plan) -> str:
    return reverse("action_edit", args=[plan.pk, action.pk])


def check_leads(data: Loaded) -> Iterator[Finding]:
    for action in data.actions:
        if data.leads.get(action.pk):
            continue
        if action.lead_text.strip():
            yield Finding(
                "lead-not-a-person",
                Severity.WARNING,
                f"{_name(action)} is led by “{_short(action.lead_text, 40)}”, who is not one of "
                "the plan's people, so nobody can be asked for its updates.",
                _edit_action(action, data.plan),
                "Choose the lead from the plan's people",
            )
        else:
            yield Finding(
                "no-lead",
                Severity.ERROR,
                f"{_name(action)} has no lead.",
                _edit_action(action, data.plan),
                "Add a lead",
            )


def check_due_dates(data: Loaded) -> Iterator[Finding]:
    starts = parse_partial_date(data.plan.issued_on, end=False)
    period_ends = [
        parse_partial_date(p) for p in data.plan.periods.values_list("ends_on", flat=True)
    ]
    ends = max((d for d in period_ends if d), default=None)
    for action in data.actions:
        if not action.due and not action.due_text.strip():
            yield Finding(
                "no-due-date",
                Severity.WARNING,
                f"{_name(action)} has no due date.",
                _edit_action(action, data.plan),
                "Add a due date",
            )
            continue
        due = action.due_date
        if due is None:
            continue
        if starts and due < starts:
            yield Finding(
                "due-before-plan",
                Severity.WARNING,
                f"{_name(action)} is due {format_partial_date(action.due)}, before the plan "
                f"was issued ({format_partial_date(data.plan.issued_on)}).",
                _edit_action(action, data.plan),
                "Check the due date",
            )
        elif ends and due > ends:
            yield Finding(
                "due-after-plan",
                Severity.WARNING,
                f"{_name(action)} is due {format_partial_date(action.due)}, after the plan's last "
                f"monitoring period ends ({ends:%B %Y}).",
                _edit_action(action, data.plan),
                "Check the due date",
            )


# A measure is measurable when it names a number, a percentage or a date, or an observable
# change that can be counted ("fewer", "reduce", "increase").
MEASURABLE = re.compile(
    r"\d|%|\b(per ?cent|half|halve|double|all|every|none|no longer|fewer|more than|less than|"
    r"increase[sd]?|reduc(e|ed|es|tion)|decrease[sd]?|rise|fall|january|february|march|april|"
    r"may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)


def check_measures(data: Loaded) -> Iterator[Finding]:
    for action in data.actions:
        measures = data.measures.get(action.pk, [])
        if not measures and not action.evidence_of_impact.strip():
            yield Finding(
                "no-measure",
                Severity.WARNING,
                f"{_name(action)} has no measure of success.",
                _edit_action(action, data.plan),
                "Add a measure of success",
            )
            continue
        for text, due in measures:
            if not due and not MEASURABLE.search(text):
                yield Finding(
                    "measure-not-measurable",
                    Severity.WARNING,
                    f"{_name(action)}: the measure “{_short(text)}” has no number, "
                    "date or change that could be counted.",
                    _edit_action(action, data.plan),
                    "Make the measure measurable",
                )


def check_weaknesses(data: Loaded) -> Iterator[Finding]:
    answered = set().union(*data.answers.values()) if data.answers else set()
    weaknesses_url = reverse("weaknesses", args=[data.plan.pk])
    if not data.weaknesses and data.actions:
        yield Finding(
            "no-weaknesses",
            Severity.WARNING,
            "The plan records no areas of weakness, so nothing shows which inspection "
            "findings its actions answer.",
            reverse("import_into_plan", args=[data.plan.pk]),
            "Add the areas of weakness from the inspection letter",
        )
    for weakness in data.weaknesses:
        if weakness.pk not in answered:
            label = f"Area of weakness {weakness.ref}" if weakness.ref else "An area of weakness"
            yield Finding(
                "weakness-unanswered",
                Severity.ERROR,
                f"{label} (“{_short(weakness.text)}”) is not answered by any section or action.",
                f"{weaknesses_url}#weakness-{weakness.pk}",
                "Link a section to it",
            )
    if not data.weaknesses:
        return
    for action in data.actions:
        if not data.answers.get(action.section_id):
            section = data.sections[action.section_id]
            yield Finding(
                "action-answers-nothing",
                Severity.WARNING,
                f"{_name(action)} does not answer any area of weakness: its section "
                f"“{_short(section.heading)}” is linked to none.",
                reverse("section_edit", args=[data.plan.pk, section.pk]),
                "Link the section to the weaknesses it answers",
            )


def check_refs(data: Loaded) -> Iterator[Finding]:
    action_refs = Counter(a.ref.strip() for a in data.actions if a.ref.strip())
    for action in data.actions:
        ref = action.ref.strip()
        if ref and action_refs[ref] > 1:
            yield Finding(
                "repeated-ref",
                Severity.ERROR,
                f"Ref {ref} is used by {action_refs[ref]} actions, so it does not say which "
                f"one is meant (“{_short(action.title, 40)}”).",
                _edit_action(action, data.plan),
                "Give the action its own ref",
            )
    section_refs = Counter(s.ref.strip() for s in data.sections.values() if s.ref.strip())
    for section in data.sections.values():
        ref = section.ref.strip()
        if ref and section_refs[ref] > 1:
            yield Finding(
                "repeated-ref",
                Severity.ERROR,
                f"Ref {ref} is used by {section_refs[ref]} sections "
                f"(“{_short(section.title, 40)}”).",
                reverse("section_edit", args=[data.plan.pk, section.pk]),
                "Give the section its own ref",
            )
    known = {_ref_key(r) for r in [*action_refs, *section_refs]}
    for action in data.actions:
        for target in action.see_also or []:
            if _ref_key(str(target)) not in known:
                yield Finding(
                    "see-also-missing",
                    Severity.ERROR,
                    f"{_name(action)} says “see {target}”, but no action or section has "
                    f"the ref {target}.",
                    _edit_action(action, data.plan),
                    "Correct the cross reference",
                )


def _ref_key(ref: str) -> str:
    return ref.strip().rstrip(".").casefold()


def check_people(data: Loaded) -> Iterator[Finding]:
    limit = settings.HEALTH_MAX_OPEN_ACTIONS
    leads = {person for people in data.leads.values() for person in people}
    owners = set(
        Section.owners.through.objects.filter(section__plan=data.plan).values_list(
            "person_id", flat=True
        )
    )
    for person in data.people:
        url = reverse("person_edit", args=[data.plan.pk, person.pk])
        count = data.open_actions.get(person.pk, 0)
        if count > limit:
            yield Finding(
                "lead-overloaded",
                Severity.WARNING,
                f"{person.display_name} leads {count} actions that are not done, more than "
                f"{limit}.",
                reverse("people", args=[data.plan.pk]),
                "Share the actions among more leads",
            )
        if not person.email and (person.pk in leads or person.pk in owners):
            yield Finding(
                "no-email",
                Severity.WARNING,
                f"{person.display_name} has no email address, so cannot be sent reminders.",
                url,
                "Add an email address",
            )


def check_indicators(data: Loaded) -> Iterator[Finding]:
    plan = data.plan
    if not data.indicators:
        if data.actions:
            yield Finding(
                "no-indicators",
                Severity.WARNING,
                "The plan has no indicators, so nothing shows the difference it makes.",
                reverse("indicator_library", args=[plan.pk]),
                "Add indicators from the library",
            )
        return
    evidenced = {w.pk for i in data.indicators for w in i.weaknesses.all()}
    for indicator in data.indicators:
        kinds = {p.kind for p in indicator.points.all()}
        missing = []
        if "baseline" not in kinds:
            missing.append("no baseline")
        if "target" not in kinds:
            missing.append("no targets")
        if data.last_period is not None:
            label, since, until = data.last_period
            if "year" in indicator.frequency.casefold():
                since = until - dt.timedelta(days=366)
            dates = [parse_partial_date(p.on) for p in indicator.points.all() if p.kind == "actual"]
            if not any(d and (since is None or d > since) and d <= until for d in dates):
                missing.append(f"no figure for {label}")
        if not missing:
            continue
        # One finding for each indicator, fixed first where its trajectory is set.
        if "no figure" in missing[0]:
            url, fix = reverse("indicator_record", args=[plan.pk, indicator.pk]), "Record it"
        else:
            url = reverse("indicator_trajectory", args=[plan.pk, indicator.pk])
            fix = "Set its baseline and targets"
        said = ", ".join(missing[:-1]) + " and " + missing[-1] if len(missing) > 1 else missing[0]
        yield Finding(
            "indicator-incomplete",
            Severity.WARNING,
            f"The indicator “{_short(indicator.name)}” has {said}."
            + (" It cannot be rated without targets." if "no targets" in missing else ""),
            url,
            fix,
        )
    for weakness in data.weaknesses:
        if weakness.pk not in evidenced:
            label = f"Area of weakness {weakness.ref}" if weakness.ref else "An area of weakness"
            yield Finding(
                "weakness-no-indicator",
                Severity.WARNING,
                f"{label} (“{_short(weakness.text)}”) has no indicator to show whether it "
                "is improving.",
                reverse("indicators", args=[plan.pk]),
                "Link an indicator to it",
            )


# The checks in the order the page lists them, with the heading of each.
CHECKS: list[tuple[str, Check]] = [
    ("Leads", check_leads),
    ("Due dates", check_due_dates),
    ("Measures of success", check_measures),
    ("Areas of weakness", check_weaknesses),
    ("Refs and cross references", check_refs),
    ("People", check_people),
    ("Indicators", check_indicators),
]


def coverage(data: Loaded) -> Coverage:
    tops = [s for s in data.sections.values() if s.parent_id is None]
    counts: dict[tuple[int, int], int] = Counter()
    linked: set[tuple[int, int]] = set()
    for section_id, weaknesses in data.answers.items():
        for weakness_id in weaknesses:
            linked.add((weakness_id, data.top(section_id)))
    for action in data.actions:
        top = data.top(action.section_id)
        for weakness_id in data.answers.get(action.section_id, ()):
            counts[weakness_id, top] += 1
    rows = [
        (w, [counts.get((w.pk, s.pk), 0) if (w.pk, s.pk) in linked else None for s in tops])
        for w in data.weaknesses
    ]
    return Coverage(sections=tops, rows=rows)


def health_counts(plan: Plan) -> tuple[int, int]:
    """How many problems and warnings the checks find, for the overview's summary: worked out
    once for each change to the plan and each day, then read from the cache."""

    def counts(checked: Plan) -> tuple[int, int]:
        health = plan_health(checked)
        return len(health.errors), len(health.warnings)

    def make(plans: list[Plan]) -> dict[int, tuple[int, int]]:
        return {each.pk: counts(each) for each in plans}

    return kept_until_changed("health", [plan], timezone.localdate(), make)[plan.pk]


def plan_health(plan: Plan) -> Health:
    data = load(plan)
    groups = [
        (heading, sorted(check(data), key=lambda f: f.severity != Severity.ERROR))
        for heading, check in CHECKS
    ]
    return Health(
        plan=plan,
        findings=[f for _, found in groups for f in found],
        coverage=coverage(data),
        actions=len(data.actions),
        groups=groups,
    )
