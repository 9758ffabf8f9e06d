"""National-scale data for the benchmark (bench/national.py): many local areas, each with the same
large plan, built fast.

One area's plan is written through the services, as an import and the monitoring cycle would
write it: a status scale, people, areas of weakness with findings, themes and priorities with
owners and milestones, actions with leads and measures, monthly periods (the older ones imported
and signed off, the newer ones opened, reviewed and signed off, the newest open), status updates
for most actions in each period, reviews, returned and resubmitted updates, drafts, corrections,
re-baselined due dates, forum commentary and indicators, each with its audit event. That area is
then copied to the others with one INSERT ... SELECT per table, each copy's ids shifted by a fixed
step, so that every copy keeps the template's invariants (sequence numbers, one draft per action
and period, what the audit trail says) without a query per row. The SQL is plain enough to run on
SQLite too, so the smoke test can build a small copy of the same thing.

Users: an adviser with a role in every area, and a programme manager (with an authenticator app,
as their role requires), a lead officer (linked to a person who leads actions) and a board member
in the first area.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import User
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendplan.accounts.models import Membership, Role
from sendplan.audit.models import AuditEvent
from sendplan.indicators.services import indicator_create
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import Period, StatusUpdate
from sendplan.plans import services
from sendplan.plans.models import Action, Area, Milestone, Person, Plan, Section
from sendplan.plans.services import MeasureData

AREA_PREFIX = "National area"
PLAN_TITLE = "SEND Accelerated Progress Plan"
USERNAMES = {
    "adviser": "national-adviser",
    "manager": "national-manager",
    "lead": "national-lead",
    "board": "national-board",
}
# The apps whose rows make up a plan; everything in them is copied from the template area.
PLAN_APPS = ("plans", "monitoring", "indicators")
STALE_AFTER = 2
# Areas take England's nine regions in turn, and the inspection outcomes that lead to a plan.
REGIONS = list(Area.Region.values)
REGION = Area.Region.NORTH_WEST.value  # the one region the benchmark filters by (area 2 on)
OUTCOMES = [
    Area.InspectionOutcome.SYSTEMIC,
    Area.InspectionOutcome.WSOA,
    Area.InspectionOutcome.REVISIT_INSUFFICIENT,
    Area.InspectionOutcome.INCONSISTENT,
]

SCALE = [
    ("B", "Completed", "blue", {"done": True}),
    ("G", "On track, no concerns", "green", {}),
    ("A", "On track, some concerns", "amber", {}),
    ("R", "No progress or major concerns", "red", {}),
    ("W", "Not yet started", "white", {"not_started": True}),
]
# How a rating moves from one month to the next: mostly it stays put, and few are done, so
# that most actions are still asked for an update in the newest month (as in issue 12's data).
NEXT = {
    "W": ["W", "W", "W", "G", "G", "A"],
    "G": ["G"] * 40 + ["A"] * 3 + ["B"],
    "A": ["A", "A", "A", "G", "G", "R"],
    "R": ["R", "R", "A", "A", "G"],
    "B": ["B"],
}
NARRATIVE = {
    "W": "Not started yet: planned for a later quarter once the {thing} is agreed.",
    "G": "On track. The {thing} is progressing as planned and the evidence is with the board.",
    "A": "Some concerns: the {thing} has slipped by a month and a recovery plan is agreed.",
    "R": "Major concerns: the {thing} has stalled and the lead has escalated it to the board.",
    "B": "Completed. The {thing} is in place and its impact is being measured.",
}
THINGS = [
    "joint commissioning strategy",
    "EHC needs assessment pathway",
    "local offer website",
    "annual review backlog plan",
    "SENCo network",
    "preparation for adulthood pathway",
    "autism assessment pathway",
    "co-production charter",
]
FIRST_NAMES = ["Alex", "Sam", "Jo", "Priya", "Tom", "Aisha", "Chris", "Helen", "Omar", "Ruth"]
LAST_NAMES = ["Bevan", "Okafor", "Hughes", "Patel", "Murray", "Khan", "Doyle", "Clarke"]
ROLES = [
    "Head of SEND",
    "Designated Clinical Officer",
    "Head of Inclusion",
    "Principal Educational Psychologist",
    "Commissioning Manager",
    "Head of Children's Social Care",
    "Parent Carer Forum Chair",
    "Head of Early Help",
]


@dataclass
class NationalData:
    """What was built, as the benchmark needs it."""

    areas: int
    plan_ids: list[int]  # one per area, the first one's users first
    plan: Plan  # the first area's plan, where every user has a role
    users: dict[str, User]
    device: TOTPDevice  # the programme manager's authenticator app
    seconds: float = 0.0


def area_name(number: int) -> str:
    return f"{AREA_PREFIX} {number:03d}"


def _area(number: int, **fields: int) -> Area:
    """The area of that number (from 1), in its region and with its inspection outcome."""
    return Area(
        name=area_name(number),
        region=REGIONS[(number - 1) % len(REGIONS)],
        inspection_outcome=OUTCOMES[(number - 1) % len(OUTCOMES)],
        **fields,
    )


# The template area, through the services


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _months_back(today: dt.date, count: int) -> list[dt.date]:
    """The last day of each of `count` months, ending with this month's."""
    ends = []
    year, month = today.year, today.month
    for _ in range(count):
        ends.append(_month_end(year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(ends))


def _users() -> dict[str, User]:
    users = {}
    for key, username in USERNAMES.items():
        user = User.objects.create(
            username=username,
            first_name=key.title(),
            last_name="National",
            email=f"{username}@example.org",
        )
        user.set_unusable_password()
        user.save()
        users[key] = user
    return users


def _template(
    *, area: Area, users: dict[str, User], actions: int, periods: int, today: dt.date
) -> Plan:
    """One area's plan, written through the services as an import and the cycle would."""
    chooser = random.Random(12)
    manager = users["manager"]
    plan = services.plan_create(
        actor=None,
        area=area,
        title=PLAN_TITLE,
        kind=Plan.Kind.APP,
        issued_on=f"{today.year - 2}-{today.month:02d}",
        vision="Every child and young person with SEND achieves their potential.",
        principles=["Co-production with families", "Early help", "Joined-up services"],
        governance="The SEND improvement board reviews progress monthly and reports to DfE.",
        levels=["Theme", "Priority"],
    )
    for code, label, colour, extra in SCALE:
        services.status_level_create(
            actor=None, plan=plan, code=code, label=label, colour=colour, **extra
        )
    people = []
    for n in range(max(2, min(25, actions // 12))):
        name = f"{FIRST_NAMES[n % 10]} {LAST_NAMES[(n * 3) % 8]}"
        people.append(
            services.person_create(
                actor=None,
                plan=plan,
                key=f"P{n + 1}",
                name=name,
                role=ROLES[n % len(ROLES)],
                organisation="Council" if n % 3 else "Integrated care board",
                email=f"person{n + 1}@example.org",
                user=users["lead"] if n == 0 else None,
            )
        )
    weaknesses = [
        services.weakness_create(
            actor=None,
            plan=plan,
            ref=str(n + 1),
            text=f"Weakness {n + 1}: families wait too long for the {THINGS[n]} to work",
            findings=[
                (f"Finding {n + 1}.{f + 1} about the {THINGS[n]}.", f"P{n + 2} MF{f + 1}")
                for f in range(2)
            ],
        )
        for n in range(5)
    ]
    themes = max(1, min(6, actions // 5))
    per_theme = max(1, min(5, -(-actions // (themes * 2))))
    priorities: list[Section] = []
    for t in range(themes):
        theme = services.section_create(
            actor=None,
            plan=plan,
            ref=str(t + 1),
            level="Theme",
            title=f"Theme {t + 1}: improving the {THINGS[t]}",
            owners=[people[(t + 1) % len(people)]],
            weaknesses=[weaknesses[t % len(weaknesses)]],
            outcomes="Families tell us the service is timely and joined up.",
        )
        for p in range(per_theme):
            priorities.append(
                services.section_create(
                    actor=None,
                    plan=plan,
                    parent=theme,
                    ref=f"{t + 1}.{p + 1}",
                    level="Priority",
                    title=f"Priority {t + 1}.{p + 1}",
                    milestones=[
                        Milestone(text=f"Milestone for priority {t + 1}.{p + 1} reached", due=due)
                        for due in (f"{today.year}-03", f"{today.year}-09")
                    ],
                )
            )
    action_list: list[Action] = []
    lead_of: dict[int, Person] = {}
    for n in range(actions):
        section = priorities[n * len(priorities) // actions]
        count = sum(1 for a in action_list if a.section_id == section.pk)
        # Due dates from a year ago to eighteen months ahead: some are overdue by now.
        due_year, due_month = divmod(today.month - 1 + (n * 7) % 30 - 12, 12)
        lead = people[n % len(people)]
        lead_of[n] = lead
        action_list.append(
            services.action_create(
                actor=None,
                section=section,
                ref=f"{section.ref}.{count + 1}",
                title=f"Deliver the {THINGS[n % len(THINGS)]} improvement {n + 1} with "
                "schools, health and families",
                leads=[lead] if n % 4 else [lead, people[(n + 5) % len(people)]],
                starts=f"{today.year - 2}-{(n % 12) + 1:02d}",
                due=f"{today.year + due_year}-{due_month + 1:02d}",
                cost=1000 + 50 * n if n % 5 == 0 else None,
                resources="Existing staff time",
                measures=[
                    MeasureData(text=f"Measure {n + 1}.{m + 1} met", due=f"{today.year}-0{m + 3}")
                    for m in range(1 + n % 2)
                ],
                see_also=[f"{priorities[0].ref}.1"] if n % 10 == 3 else [],
            )
        )

    ends = _months_back(today, periods)
    cycle = min(4, max(1, periods // 2))  # the newest periods run through the monitoring cycle
    status = {a.pk: "W" for a in action_list}
    history: dict[int, int] = {}  # updates per action, to correct a few later
    sign_offs: list[Period] = []
    for index, end in enumerate(ends):
        label = end.strftime("%b %y")
        starts = end.replace(day=1)
        in_cycle = index >= periods - cycle
        is_open = index == periods - 1
        requested = [a for a in action_list if status[a.pk] != "B"]
        asked = {a.pk for a in requested}
        if in_cycle:
            period = monitoring.period_open(
                actor=manager,
                plan=plan,
                label=label,
                starts_on=starts,
                ends_on=end,
                deadline=end + dt.timedelta(days=7),
                actions=requested,
            )
        else:
            period = monitoring.period_create(
                actor=None, plan=plan, label=label, ends_on=end.strftime("%Y-%m")
            )
        recorded = timezone.make_aware(dt.datetime.combine(end, dt.time(10)))
        for n, action in enumerate(action_list):
            if action.pk not in asked:
                continue
            roll = chooser.random()
            if roll < 0.05:
                continue  # missing: no update this month
            if is_open and roll < 0.09:
                monitoring.draft_save(
                    actor=None,
                    action=action,
                    period=period,
                    version=None,
                    status=status[action.pk],
                    narrative="Half-written update, not yet submitted.",
                )
                continue
            if is_open and roll < 0.30:
                continue  # not given yet, in the month still open
            status[action.pk] = chooser.choice(NEXT[status[action.pk]])
            code = status[action.pk]
            update = monitoring.status_update_record(
                actor=None,
                action=action,
                period=period,
                status=code,
                narrative=f"{label}: " + NARRATIVE[code].format(thing=THINGS[n % len(THINGS)]),
                evidence=[f"Board minutes {label}", f"https://example.org/evidence/{n + 1}"],
                author_name=lead_of[n].display_name,
                recorded_at=recorded,
                needs_review=in_cycle,
            )
            history[action.pk] = history.get(action.pk, 0) + 1
            if not in_cycle:
                continue
            if roll > 0.97:
                monitoring.update_review(
                    actor=manager,
                    update=update,
                    decision="returned",
                    comment="Say what changed since last month",
                )
                if is_open:
                    continue
                update = monitoring.status_update_record(
                    actor=None,
                    action=action,
                    period=period,
                    status=code,
                    narrative=f"{label}: resubmitted with what changed. "
                    + NARRATIVE[code].format(thing=THINGS[n % len(THINGS)]),
                    author_name=lead_of[n].display_name,
                    recorded_at=recorded,
                    needs_review=True,
                )
            if not is_open or roll > 0.75:
                monitoring.update_review(actor=manager, update=update, decision="approved")
        if not in_cycle:
            monitoring.period_restore(
                actor=None,
                period=period,
                requested=requested,
                starts_on=starts,
                deadline=end + dt.timedelta(days=7),
                opened_at=timezone.make_aware(dt.datetime.combine(starts, dt.time(9))),
                opened_by_name="Imported",
                signed_off_at=recorded + dt.timedelta(days=10),
                signed_off_by_name="Imported",
            )
            sign_offs.append(period)
        elif not is_open:
            sign_offs.append(
                monitoring.period_sign_off(
                    actor=manager,
                    period=period,
                    reason="The board met; the leads with missing updates report next month",
                )
            )

    # A few corrections of locked updates, with their reasons.
    locked = StatusUpdate.objects.filter(
        period__in=sign_offs, action__in=action_list, corrects__isnull=True
    ).order_by("pk")
    for update in list(locked[: max(1, actions // 100)]):
        monitoring.update_correct(
            actor=manager,
            update=update,
            reason="The rating was entered against the wrong action",
            status=update.status,
            narrative=update.narrative + " (corrected)",
        )
    # Re-baselined actions: a lead asked, the programme manager approved; one still waiting.
    for n, action in enumerate(action_list):
        if n % 25 != 7 and n != actions - 1:
            continue
        action.refresh_from_db()
        year, month = int(action.due[:4]), int(action.due[5:7])
        change = monitoring.due_change_propose(
            actor=None,
            action=action,
            reason="Agreed with DfE and NHS England at the stocktake",
            due=f"{year + 1}-{month:02d}",
        )
        if n != actions - 1:
            monitoring.due_change_decide(actor=manager, change=change, approve=True)
    # The lead's own drafts in the open period.
    open_period = plan.periods.order_by("-position").first()
    assert open_period is not None
    mine = [a for n, a in enumerate(action_list) if lead_of[n].user_id == users["lead"].pk]
    drafted = set(open_period.drafts.values_list("action_id", flat=True))
    given = set(open_period.updates.values_list("action_id", flat=True))
    for action in [a for a in mine if a.pk not in drafted | given][:2]:
        monitoring.draft_save(
            actor=users["lead"],
            action=action,
            period=open_period,
            version=None,
            status="G",
            narrative="My draft for this month.",
        )
    for n, period in enumerate(list(plan.periods.order_by("-position")[:3])):
        monitoring.forum_comment_add(
            actor=None,
            plan=plan,
            period=period,
            text=f"The forum heard from {10 + n} families this month; waits are still long.",
            author_name="Parent carer forum",
        )
    monitoring.forum_comment_add(
        actor=None,
        plan=plan,
        action=action_list[0],
        text="Families want to see this action's impact, not only its activity.",
        author_name="Parent carer forum",
    )
    for n in range(6):
        indicator_create(
            actor=None,
            plan=plan,
            name=f"Indicator {n + 1}: EHC plans issued within 20 weeks",
            section_ref=str(n % themes + 1),
            unit="%",
            baseline={"value": 40 + n, "on": ends[0].strftime("%Y-%m")},
            targets=[
                {"value": 50 + n + q, "on": ends[min(3 * q, periods - 1)].strftime("%Y-%m")}
                for q in range(4)
            ],
            actuals=[
                {"value": 42 + n + q, "on": ends[min(3 * q, periods - 1)].strftime("%Y-%m")}
                for q in range(3)
            ],
        )
    for n in range(5):
        services.glossary_term_create(
            actor=None, plan=plan, term=f"T{n}", meaning=f"Term {n} in full"
        )
    services.meeting_create(
        actor=None, plan=plan, title="Improvement board", on=ends[-1].strftime("%Y-%m")
    )
    return plan


# Copies of the template, in SQL


def _copied_models() -> list[type[models.Model]]:
    """The plan's tables in an order that has every table after those it points to, without the
    links to user accounts (a draft's writers), which only the template area has."""
    found: list[type[models.Model]] = []
    for label in PLAN_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            targets = {f.related_model for f in model._meta.concrete_fields if f.is_relation}
            if model is Area or (model._meta.auto_created and User in targets):
                continue
            found.append(model)
    ordered: list[type[models.Model]] = []
    while len(ordered) < len(found):
        for model in found:
            if model in ordered:
                continue
            needs = {
                f.related_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model in found and f.related_model is not model
            }
            if needs <= set(ordered):
                ordered.append(model)
    return ordered


def _max_id(model: type[models.Model]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(id) FROM {connection.ops.quote_name(model._meta.db_table)}")
        row = cursor.fetchone()
    return int(row[0] or 0) if row else 0


def _copies_cte(first: int, last: int) -> str:
    return (
        f"WITH RECURSIVE copies(k) AS (SELECT CAST({first} AS BIGINT) UNION ALL "
        f"SELECT k + 1 FROM copies WHERE k < {last}) "
    )


def _copy_table(
    model: type[models.Model], step: dict[type[models.Model], int], first: int, last: int
) -> None:
    quote = connection.ops.quote_name
    columns, values = [], []
    for field in model._meta.concrete_fields:
        column = quote(field.column)
        columns.append(column)
        target = model if field.primary_key else field.related_model
        if field.primary_key or (field.is_relation and target in step):
            values.append(f"src.{column} + copies.k * {step[target]}")  # type: ignore[index]
        elif field.is_relation:
            values.append("NULL")  # a user account: only the template area has them
        else:
            values.append(f"src.{column}")
    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            _copies_cte(first, last)
            + f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} "
            f"FROM {table} AS src CROSS JOIN copies WHERE src.id <= {step[model]}"
        )


def _copy_audit(
    plan_id: int, step: dict[type[models.Model], int], audit_step: int, first: int, last: int
) -> None:
    """The template's audit trail, each event pointing at its copy's objects and pages."""
    by_type = {m._meta.model_name: m for m in step if not m._meta.auto_created}
    object_id = (
        "CASE object_type "
        + " ".join(
            f"WHEN '{name}' THEN CAST(CAST(object_id AS BIGINT) + copies.k * {step[model]} AS TEXT)"
            for name, model in by_type.items()
        )
        + " ELSE object_id END"
    )
    scopes = {"action": Action, "draft": Action, "section": Section, "plan": Plan}
    scope = (
        "CASE "
        + " ".join(
            f"WHEN scope LIKE '{prefix}:%' THEN '{prefix}:' || "
            f"CAST(CAST(substr(scope, {len(prefix) + 2}) AS BIGINT) + copies.k * {step[model]} "
            "AS TEXT)"
            for prefix, model in scopes.items()
        )
        + " ELSE scope END"
    )
    plain = ["at", "actor_name", "verb", "object_type", "object_repr", "changes", "note"]
    columns = ["id", "actor_id", "object_id", "plan_id", "scope", *plain]
    values = [
        f"id + copies.k * {audit_step}",
        "NULL",
        object_id,
        f"plan_id + copies.k * {step[Plan]}",
        scope,
        *plain,
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            _copies_cte(first, last)
            + f"INSERT INTO {AuditEvent._meta.db_table} ({', '.join(columns)}) "
            f"SELECT {', '.join(values)} FROM {AuditEvent._meta.db_table} CROSS JOIN copies "
            f"WHERE plan_id = {plan_id} AND id <= {audit_step}"
        )


def build(
    *,
    areas: int,
    actions: int = 300,
    periods: int = 24,
    today: dt.date | None = None,
    batch: int = 20,
    log: Callable[[str], None] = print,
) -> NationalData:
    """Build `areas` areas into an empty database; the first is written through the services."""
    if Plan.objects.exists() or Area.objects.exists():
        raise RuntimeError("The national data is built into a database with no plans or areas")
    started = time.perf_counter()
    today = today or timezone.localdate()
    with transaction.atomic():
        users = _users()
        TOTPDevice.objects.create(user=users["manager"], name="Bench", confirmed=True)
        area = _area(1)
        area.save()
        for key in ("manager", "lead", "board"):
            role = {"manager": Role.PROGRAMME_MANAGER, "lead": Role.LEAD_OFFICER}.get(
                key, Role.BOARD_MEMBER
            )
            Membership.objects.create(user=users[key], area=area, role=role)
        plan = _template(area=area, users=users, actions=actions, periods=periods, today=today)
    log(
        f"Template area: {actions} actions, {periods} periods, "
        f"{StatusUpdate.objects.count()} status updates, {AuditEvent.objects.count()} audit "
        f"events, through the services in {time.perf_counter() - started:.1f} s"
    )
    copied = _copied_models()
    step = {model: _max_id(model) for model in copied}
    step[Area] = area.pk
    # Every step is the template's, measured once: copy k's ids are the template's plus k steps.
    audit_step = _max_id(AuditEvent)
    for first in range(1, areas, batch):
        last = min(areas - 1, first + batch - 1)
        with transaction.atomic():
            Area.objects.bulk_create(
                _area(k + 1, pk=area.pk + k * step[Area]) for k in range(first, last + 1)
            )
            for model in copied:
                _copy_table(model, step, first, last)
            _copy_audit(plan.pk, step, audit_step, first, last)
        log(
            f"Copied areas {first + 1} to {last + 1} of {areas} "
            f"({time.perf_counter() - started:.0f} s)"
        )
    with transaction.atomic():
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Area, AuditEvent, *copied]):
                cursor.execute(sql)
        Membership.objects.bulk_create(
            Membership(user=users["adviser"], area=a, role=Role.ADVISER) for a in Area.objects.all()
        )
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # As autovacuum would have by the time anyone reads the pages.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    data = find(areas=areas)
    data.seconds = time.perf_counter() - started
    return data


def find(*, areas: int | None = None) -> NationalData:
    """The national data already built, or an error saying why it is not there."""
    users = {key: User.objects.filter(username=name).first() for key, name in USERNAMES.items()}
    missing = [key for key, user in users.items() if user is None]
    if missing:
        raise LookupError(f"No national data here (no {', '.join(missing)} user)")
    found = Plan.objects.filter(area__name__startswith=AREA_PREFIX).order_by("area__name")
    plan_ids = list(found.values_list("pk", flat=True))
    if areas is not None and len(plan_ids) != areas:
        raise LookupError(f"The database holds {len(plan_ids)} areas, not {areas}")
    plan = Plan.objects.select_related("area").get(pk=plan_ids[0])
    device = TOTPDevice.objects.get(user=users["manager"])
    return NationalData(
        areas=len(plan_ids),
        plan_ids=plan_ids,
        plan=plan,
        users={k: u for k, u in users.items() if u is not None},
        device=device,
    )
