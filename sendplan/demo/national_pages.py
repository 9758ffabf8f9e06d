"""The pages the national benchmark measures, and beside each its SQL floor: hand-written SQL that
fetches what the page shows, so that a page's time can be compared with the least the database
must do for it. Each floor is timed after the reads every signed-in page makes (who_asks: the
session, the person signed in and their roles, the second factor they gave, and on a plan's
pages the plan itself), since no page can be shown without them.

Each page is requested through Django's test client with the real middleware, sessions and
sign-in (the programme manager's session has given its second factor, as theirs must), and is
checked for what it should show, so that an error page or a sign-in redirect is never timed as
if it were the page. The floors are written against the tables as they are, in SQL that runs on
PostgreSQL and SQLite alike (window functions, no DISTINCT ON).
"""

from __future__ import annotations

import datetime as dt
import html
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from sendplan.demo.national import REGION, NationalData, area_name
from sendplan.monitoring.models import Period, StatusUpdate
from sendplan.plans.models import Action, DueDateChange, Section

Cursor = Any
e = html.escape
Floor = Callable[[Cursor, "Context"], object]


def rows(cursor: Cursor, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
    cursor.execute(sql, list(params))
    return list(cursor.fetchall())


@dataclass
class Context:
    """The ids and dates the pages and their floors are about."""

    data: NationalData
    plan_id: int
    period: Period  # the current (newest opened) period, which is open
    previous_position: int
    section: Section  # a priority, with its actions
    action: Action  # a re-baselined action with a long history
    today: dt.date
    user_ids: dict[str, int]
    weakness_id: int  # the plan's first area of weakness, whose page of the evidence pack is timed

    @property
    def month(self) -> str:
        return self.today.strftime("%Y-%m")

    @property
    def day(self) -> str:
        return self.today.isoformat()


def context(data: NationalData, today: dt.date | None = None) -> Context:
    plan = data.plan
    period = plan.periods.exclude(opened_at=None).order_by("-position").first()
    assert period is not None, "the plan has no opened period"
    changed = DueDateChange.objects.filter(
        action__section__plan=plan, state=DueDateChange.State.APPROVED
    ).order_by("pk")
    action_id = changed.values_list("action_id", flat=True).first()
    if action_id is None:
        action_id = (
            Action.objects.filter(section__plan=plan).order_by("pk").values_list("pk", flat=True)[0]
        )
    action = Action.objects.select_related("section").get(pk=action_id)
    return Context(
        data=data,
        plan_id=plan.pk,
        period=period,
        previous_position=period.position - 1,
        section=action.section,
        action=action,
        today=today or timezone.localdate(),
        user_ids={key: user.pk for key, user in data.users.items()},
        weakness_id=plan.weaknesses.values_list("pk", flat=True)[0],
    )


# The floors

OVERDUE = (
    "(a.due <> '' AND ((LENGTH(a.due) = 7 AND a.due < %s) OR (LENGTH(a.due) = 10 AND a.due < %s)))"
)
UPDATES = "FROM monitoring_statusupdate u JOIN monitoring_period pe ON pe.id = u.period_id"
NEWEST_FIRST = "pe.position DESC, u.sequence DESC, u.id DESC"


def newest(columns: str, source: str, partition: str, order: str) -> str:
    """The first row of each partition in that order: DISTINCT ON in PostgreSQL, which plans
    it well, and a window function elsewhere."""
    if connection.vendor == "postgresql":
        return f"SELECT DISTINCT ON ({partition}) {columns} {source} ORDER BY {partition}, {order}"
    return (
        f"SELECT * FROM (SELECT {columns}, ROW_NUMBER() OVER (PARTITION BY {partition} "
        f"ORDER BY {order}) AS rn {source}) numbered WHERE numbered.rn = 1"
    )


def ranked(op: str) -> str:
    """Each action's newest update up to (<=) or before (<) a period position, in a plan."""
    return newest(
        "u.id, u.action_id, u.period_id, u.status, u.narrative, pe.position",
        f"{UPDATES} WHERE pe.plan_id = %s AND pe.position {op} %s",
        "u.action_id",
        NEWEST_FIRST,
    )


def cells(where: str) -> str:
    """The newest update of each action in each period: the cells of a status table."""
    return newest(
        "u.action_id, u.period_id, u.status",
        f"{UPDATES} JOIN plans_action a ON a.id = u.action_id WHERE {where}",
        "u.action_id, u.period_id",
        "u.sequence DESC, u.id DESC",
    )


def in_period(columns: str) -> str:
    """The newest update of each action in one period."""
    return newest(columns, "FROM monitoring_statusupdate u WHERE u.period_id = %s",
                  "u.action_id", "u.sequence DESC, u.id DESC")  # fmt: skip


ACTIONS = """
    SELECT a.id, a.section_id, a.ref, a.title, a.lead_text, a.starts, a.starts_text, a.due,
           a.due_text, a.cost, a.resources
    FROM plans_action a JOIN plans_section s ON s.id = a.section_id
    WHERE s.plan_id = %s ORDER BY s.position, a.position, a.id
"""
LEADS = """
    SELECT al.action_id, pr.id, pr.name, pr.role, pr.key FROM plans_actionlead al
    JOIN plans_person pr ON pr.id = al.person_id WHERE pr.plan_id = %s
    ORDER BY al.action_id, al.position, al.id
"""
SECTIONS = """
    SELECT s.id, s.parent_id, s.ref, s.level, s.title, s.outcomes FROM plans_section s
    WHERE s.plan_id = %s ORDER BY s.position, s.id
"""


def _scale(cursor: Cursor, plan_id: int) -> list[tuple[Any, ...]]:
    return rows(
        cursor,
        "SELECT code, label, colour, done, not_started FROM plans_statuslevel "
        "WHERE plan_id = %s ORDER BY position, id",
        [plan_id],
    )


def _periods(cursor: Cursor, plan_id: int) -> list[tuple[Any, ...]]:
    return rows(
        cursor,
        "SELECT id, label, ends_on, opened_at, signed_off_at FROM monitoring_period "
        "WHERE plan_id = %s ORDER BY position, id",
        [plan_id],
    )


def home_counts() -> str:
    current = newest(
        "pe.plan_id, pe.id, pe.position, pe.label",
        "FROM monitoring_period pe JOIN vis ON vis.plan_id = pe.plan_id",
        "pe.plan_id",
        "CASE WHEN pe.opened_at IS NULL THEN 0 ELSE 1 END DESC, pe.position DESC",
    )
    latest = newest(
        "u.action_id, u.period_id, u.status, pe.position",
        f"{UPDATES} JOIN cur ON cur.plan_id = pe.plan_id WHERE pe.position <= cur.position",
        "u.action_id",
        NEWEST_FIRST,
    )
    return f"""
WITH vis AS (
    SELECT DISTINCT p.id AS plan_id, p.title, ar.name AS area FROM plans_plan p
    JOIN plans_area ar ON ar.id = p.area_id
    JOIN accounts_membership m ON m.area_id = p.area_id WHERE m.user_id = %s),
cur AS ({current}),
ranked AS ({latest}),
marked AS (
    SELECT s.plan_id,
        CASE WHEN {OVERDUE} THEN 1 ELSE 0 END AS late,
        CASE WHEN l.position > cur.position - %s THEN 1 ELSE 0 END AS recent,
        CASE WHEN l.period_id = cur.id THEN 1 ELSE 0 END AS given,
        CASE WHEN r.id IS NULL THEN 0 ELSE 1 END AS asked,
        CASE WHEN lv.done THEN 1 ELSE 0 END AS done,
        CASE WHEN l.period_id = cur.id AND l.status = (
            SELECT t.code FROM plans_statuslevel t
            WHERE t.plan_id = s.plan_id AND NOT t.done AND NOT t.not_started
            ORDER BY t.position, t.id LIMIT 1) THEN 1 ELSE 0 END AS on_track_now
    FROM plans_action a JOIN plans_section s ON s.id = a.section_id
    JOIN cur ON cur.plan_id = s.plan_id
    LEFT JOIN ranked l ON l.action_id = a.id
    LEFT JOIN plans_statuslevel lv ON lv.plan_id = s.plan_id AND lv.code = l.status
    LEFT JOIN monitoring_updaterequest r ON r.period_id = cur.id AND r.action_id = a.id)
SELECT vis.plan_id, vis.title, vis.area, cur.label,
    SUM(CASE WHEN asked = 1 AND given = 0 THEN 1 ELSE 0 END) AS missing,
    SUM(CASE WHEN late = 1 AND done = 0 THEN 1 ELSE 0 END) AS overdue,
    SUM(CASE WHEN recent = 0 AND done = 0 THEN 1 ELSE 0 END) AS stale,
    SUM(CASE WHEN late = 1 AND done = 0 AND on_track_now = 1 THEN 1 ELSE 0 END) AS contradictions
FROM vis JOIN cur ON cur.plan_id = vis.plan_id JOIN marked ON marked.plan_id = vis.plan_id
GROUP BY vis.plan_id, vis.title, vis.area, cur.label
ORDER BY vis.area, vis.title
"""


MY_ACTIONS = """
SELECT r.action_id, r.period_id, a.ref, a.title, a.due, pe.label, pe.deadline, p.title,
    (SELECT u.id FROM monitoring_statusupdate u
     WHERE u.action_id = r.action_id AND u.period_id = r.period_id
     ORDER BY u.sequence DESC, u.id DESC LIMIT 1) AS update_id,
    (SELECT d.id FROM monitoring_updatedraft d
     WHERE d.action_id = r.action_id AND d.period_id = r.period_id) AS draft_id
FROM monitoring_updaterequest r
JOIN monitoring_period pe ON pe.id = r.period_id
JOIN plans_action a ON a.id = r.action_id
JOIN plans_section s ON s.id = a.section_id
JOIN plans_plan p ON p.id = s.plan_id
WHERE pe.opened_at IS NOT NULL AND pe.signed_off_at IS NULL
  AND EXISTS (SELECT 1 FROM plans_actionlead al JOIN plans_person pr ON pr.id = al.person_id
              WHERE al.action_id = a.id AND pr.user_id = %s)
  AND EXISTS (SELECT 1 FROM accounts_membership m WHERE m.area_id = p.area_id AND m.user_id = %s)
ORDER BY pe.deadline, s.position, a.position
"""


def _my_actions(cursor: Cursor, user_id: int) -> list[tuple[Any, ...]]:
    owed = rows(cursor, MY_ACTIONS, [user_id, user_id])
    updates = [row[8] for row in owed if row[8] is not None]
    if updates:
        marks = ", ".join(["%s"] * len(updates))
        owed += rows(
            cursor,
            "SELECT update_id, decision, comment FROM monitoring_updatereview "
            f"WHERE update_id IN ({marks}) ORDER BY at, id",
            updates,
        )
    return owed


def home_floor(user: str) -> Floor:
    def floor(cursor: Cursor, ctx: Context) -> object:
        user_id = ctx.user_ids[user]
        counts = rows(cursor, home_counts(), [user_id, ctx.month, ctx.day, 2])
        led = rows(
            cursor,
            f"""SELECT a.id, a.ref, a.title, a.due, a.due_text, p.title,
                CASE WHEN {OVERDUE} THEN 1 ELSE 0 END,
                (SELECT u.status FROM monitoring_statusupdate u
                 JOIN monitoring_period pe ON pe.id = u.period_id WHERE u.action_id = a.id
                 ORDER BY pe.position DESC, u.sequence DESC, u.id DESC LIMIT 1)
            FROM plans_action a JOIN plans_section s ON s.id = a.section_id
            JOIN plans_plan p ON p.id = s.plan_id
            WHERE EXISTS (SELECT 1 FROM plans_actionlead al
                JOIN plans_person pr ON pr.id = al.person_id
                WHERE al.action_id = a.id AND pr.user_id = %s)
            ORDER BY p.title, a.due""",
            [ctx.month, ctx.day, user_id],
        )
        roles = rows(
            cursor,
            "SELECT m.role, ar.name FROM accounts_membership m JOIN plans_area ar "
            "ON ar.id = m.area_id WHERE m.user_id = %s ORDER BY ar.name, m.role",
            [user_id],
        )
        return counts, led, roles, _my_actions(cursor, user_id)

    return floor


def oversight_counts(region: bool) -> str:
    """Each visible plan's figures in its current period, from each action's latest rating
    (monitoring_latestrating, the summary the page reads too): one row per plan."""
    current = newest(
        "pe.plan_id, pe.id, pe.position, pe.label, pe.ends_on",
        "FROM monitoring_period pe JOIN pl ON pl.plan_id = pe.plan_id",
        "pe.plan_id",
        "CASE WHEN pe.opened_at IS NULL THEN 0 ELSE 1 END DESC, pe.position DESC",
    )
    signed = newest(
        "pe.plan_id, pe.label",
        "FROM monitoring_period pe JOIN pl ON pl.plan_id = pe.plan_id "
        "WHERE pe.signed_off_at IS NOT NULL",
        "pe.plan_id",
        "pe.position DESC",
    )
    review = newest(
        "pe.plan_id, pe.label, pe.ends_on",
        "FROM monitoring_period pe JOIN cur ON cur.plan_id = pe.plan_id "
        "WHERE pe.signed_off_at IS NULL AND pe.position >= cur.position",
        "pe.plan_id",
        "pe.position",
    )
    on_track = newest(
        "t.plan_id, t.code",
        "FROM plans_statuslevel t JOIN pl ON pl.plan_id = t.plan_id "
        "WHERE NOT t.done AND NOT t.not_started",
        "t.plan_id",
        "t.position, t.id",
    )
    in_region = "AND ar.region = %s" if region else ""
    return f"""
WITH pl AS (
    SELECT p.id AS plan_id, p.title, ar.name AS area, ar.region, ar.inspection_outcome
    FROM plans_plan p JOIN plans_area ar ON ar.id = p.area_id
    WHERE EXISTS (SELECT 1 FROM accounts_membership m WHERE m.area_id = ar.id
                  AND m.user_id = %s) {in_region}),
cur AS ({current}),
signed AS ({signed}),
review AS ({review}),
best AS ({on_track}),
marked AS (
    SELECT s.plan_id,
        CASE WHEN {OVERDUE} AND NOT COALESCE(lv.done, FALSE) THEN 1 ELSE 0 END AS late,
        CASE WHEN COALESCE(lv.done, FALSE) OR lr.status = best.code
            THEN 1 ELSE 0 END AS on_track,
        CASE WHEN r.id IS NULL THEN 0 ELSE 1 END AS asked,
        CASE WHEN r.id IS NOT NULL AND (lr.period_id IS NULL OR lr.period_id <> cur.id)
            THEN 1 ELSE 0 END AS missing
    FROM plans_action a JOIN plans_section s ON s.id = a.section_id
    JOIN cur ON cur.plan_id = s.plan_id
    LEFT JOIN best ON best.plan_id = s.plan_id
    LEFT JOIN monitoring_latestrating lr ON lr.action_id = a.id
    LEFT JOIN plans_statuslevel lv ON lv.plan_id = s.plan_id AND lv.code = lr.status
    LEFT JOIN monitoring_updaterequest r ON r.period_id = cur.id AND r.action_id = a.id)
SELECT pl.plan_id, pl.title, pl.area, pl.region, pl.inspection_outcome, cur.label,
    signed.label, review.label, review.ends_on, COUNT(*) AS actions,
    SUM(on_track) AS on_track, SUM(late) AS overdue, SUM(asked) AS asked,
    SUM(missing) AS missing
FROM pl JOIN cur ON cur.plan_id = pl.plan_id JOIN marked ON marked.plan_id = pl.plan_id
LEFT JOIN signed ON signed.plan_id = pl.plan_id LEFT JOIN review ON review.plan_id = pl.plan_id
GROUP BY pl.plan_id, pl.title, pl.area, pl.region, pl.inspection_outcome, cur.label,
    signed.label, review.label, review.ends_on
ORDER BY pl.area, pl.title
"""


def oversight_floor(region: str = "") -> Floor:
    def floor(cursor: Cursor, ctx: Context) -> object:
        user_id = ctx.user_ids["adviser"]
        params: list[object] = [user_id, *([region] if region else []), ctx.month, ctx.day]
        counts = rows(cursor, oversight_counts(bool(region)), params)
        in_region = "AND ar.region = %s" if region else ""
        indicators = rows(
            cursor,
            f"""SELECT i.plan_id, i.id, i.better, i.tolerance, p.kind, p."on", p.value
            FROM indicators_indicator i JOIN plans_plan pl ON pl.id = i.plan_id
            JOIN plans_area ar ON ar.id = pl.area_id
            LEFT JOIN indicators_indicatorpoint p ON p.indicator_id = i.id
            WHERE EXISTS (SELECT 1 FROM accounts_membership m WHERE m.area_id = ar.id
                          AND m.user_id = %s) {in_region}
            ORDER BY i.plan_id, i.position, p.position""",
            [user_id, *([region] if region else [])],
        )
        return counts, indicators

    return floor


def overview_floor(cursor: Cursor, ctx: Context) -> object:
    plan, position = ctx.plan_id, ctx.period.position
    actions = rows(
        cursor,
        f"""WITH latest AS ({ranked("<=")}), before AS ({ranked("<")})
        SELECT a.id, a.section_id, a.ref, a.title, a.due, a.due_text, l.status, l.period_id,
               l.narrative, b.status, CASE WHEN {OVERDUE} THEN 1 ELSE 0 END
        FROM plans_action a JOIN plans_section s ON s.id = a.section_id
        LEFT JOIN latest l ON l.action_id = a.id
        LEFT JOIN before b ON b.action_id = a.id
        WHERE s.plan_id = %s ORDER BY s.position, a.position, a.id""",
        [plan, position, plan, position, ctx.month, ctx.day, plan],
    )
    waiting = rows(
        cursor,
        f"""SELECT COUNT(*) FROM ({in_period("u.id, u.action_id, u.needs_review")}) x
        WHERE x.needs_review
          AND NOT EXISTS (SELECT 1 FROM monitoring_updatereview rv WHERE rv.update_id = x.id)""",
        [ctx.period.pk],
    )
    return (
        rows(cursor, SECTIONS, [plan]),
        actions,
        rows(cursor, LEADS, [plan]),
        rows(
            cursor,
            "SELECT action_id FROM monitoring_updaterequest WHERE period_id = %s",
            [ctx.period.pk],
        ),
        waiting,
        _periods(cursor, plan),
        _scale(cursor, plan),
        rows(
            cursor,
            """SELECT c.action_id, c.state, a.ref, a.title, c.due, c.previous_due
            FROM plans_duedatechange c JOIN plans_action a ON a.id = c.action_id
            JOIN plans_section s ON s.id = a.section_id WHERE s.plan_id = %s""",
            [plan],
        ),
    )


def _history(cursor: Cursor, scopes: list[str], limit: int) -> list[tuple[Any, ...]]:
    marks = ", ".join(["%s"] * len(scopes))
    return rows(
        cursor,
        f"""SELECT e.id, e.at, e.actor_name, e.verb, e.object_type, e.object_repr, e.changes,
            e.note FROM audit_auditevent e WHERE e.scope IN ({marks})
            ORDER BY e.at DESC, e.id DESC LIMIT {limit}""",
        scopes,
    )


def section_floor(cursor: Cursor, ctx: Context) -> object:
    section = ctx.section.pk
    return (
        rows(cursor, "SELECT id, ref, title, level, outcomes FROM plans_section WHERE id = %s "
             "OR parent_id = %s", [section, section]),
        rows(cursor, "SELECT id, ref, title, due, due_text FROM plans_action "
             "WHERE section_id = %s ORDER BY position, id", [section]),
        rows(cursor, """SELECT al.action_id, pr.name, pr.role FROM plans_actionlead al
            JOIN plans_person pr ON pr.id = al.person_id JOIN plans_action a ON a.id = al.action_id
            WHERE a.section_id = %s""", [section]),
        rows(cursor, """SELECT m.action_id, m.text, m.due FROM plans_measure m
            JOIN plans_action a ON a.id = m.action_id WHERE a.section_id = %s""", [section]),
        rows(cursor, cells("a.section_id = %s"), [section]),
        rows(cursor, "SELECT text, due, due_text FROM plans_milestone WHERE section_id = %s",
             [section]),
        rows(cursor, """SELECT pr.name, pr.role FROM plans_section_owners so
            JOIN plans_person pr ON pr.id = so.person_id WHERE so.section_id = %s""", [section]),
        rows(cursor, """SELECT w.ref, w.text FROM plans_weakness w JOIN plans_section_weaknesses sw
            ON sw.weakness_id = w.id WHERE sw.section_id = %s""", [section]),
        _periods(cursor, ctx.plan_id),
        _scale(cursor, ctx.plan_id),
        _history(cursor, [f"section:{section}"], 200),
    )  # fmt: skip


def action_floor(cursor: Cursor, ctx: Context) -> object:
    action = ctx.action.pk
    return (
        rows(cursor, """SELECT a.ref, a.title, a.due, a.due_text, a.see_also, s.id, s.ref, s.title,
            s.parent_id FROM plans_action a JOIN plans_section s ON s.id = a.section_id
            WHERE a.id = %s""", [action]),
        rows(cursor, "SELECT id, ref, title, parent_id FROM plans_section WHERE id = %s",
             [ctx.section.parent_id]),
        rows(cursor, """SELECT pr.name, pr.role, pr.user_id FROM plans_actionlead al
            JOIN plans_person pr ON pr.id = al.person_id WHERE al.action_id = %s
            ORDER BY al.position, al.id""", [action]),
        rows(cursor, "SELECT text, due FROM plans_measure WHERE action_id = %s", [action]),
        rows(cursor, """SELECT u.id, u.period_id, u.status, u.narrative, u.evidence, u.author_name,
            u.recorded_at, u.sequence, u.needs_review, u.corrects_id, u.reason, pe.label
            FROM monitoring_statusupdate u JOIN monitoring_period pe ON pe.id = u.period_id
            WHERE u.action_id = %s ORDER BY pe.position DESC, u.sequence DESC""", [action]),
        rows(cursor, """SELECT rv.update_id, rv.decision, rv.comment, rv.reviewer_name, rv.at
            FROM monitoring_updatereview rv JOIN monitoring_statusupdate u ON u.id = rv.update_id
            WHERE u.action_id = %s""", [action]),
        rows(cursor, """SELECT f.update_id, f.name, f.size FROM monitoring_evidencefile f
            JOIN monitoring_statusupdate u ON u.id = f.update_id WHERE u.action_id = %s""",
             [action]),
        rows(cursor, """SELECT state, previous_due, due, reason, decided_at FROM plans_duedatechange
            WHERE action_id = %s""", [action]),
        rows(cursor, """SELECT r.period_id, d.id FROM monitoring_updaterequest r
            JOIN monitoring_period pe ON pe.id = r.period_id LEFT JOIN monitoring_updatedraft d
            ON d.action_id = r.action_id AND d.period_id = r.period_id
            WHERE r.action_id = %s AND pe.opened_at IS NOT NULL AND pe.signed_off_at IS NULL""",
             [action]),
        _periods(cursor, ctx.plan_id),
        _scale(cursor, ctx.plan_id),
        rows(cursor, "SELECT text, author_name, at, period_id FROM monitoring_forumcomment "
             "WHERE action_id = %s ORDER BY at, id", [action]),
        _history(cursor, [f"action:{action}", f"draft:{action}"], 200),
    )  # fmt: skip


def period_floor(cursor: Cursor, ctx: Context) -> object:
    period = ctx.period.pk
    newest = rows(
        cursor,
        f"""SELECT x.action_id, x.id, x.status, x.needs_review, x.author_id,
            (SELECT rv.decision FROM monitoring_updatereview rv WHERE rv.update_id = x.id
             ORDER BY rv.at DESC, rv.id DESC LIMIT 1)
        FROM ({in_period("u.id, u.action_id, u.status, u.needs_review, u.author_id")}) x""",
        [period],
    )
    return (
        rows(cursor, ACTIONS, [ctx.plan_id]),
        rows(cursor, LEADS, [ctx.plan_id]),
        rows(cursor, "SELECT action_id FROM monitoring_updaterequest WHERE period_id = %s",
             [period]),
        rows(cursor, "SELECT action_id FROM monitoring_updatedraft WHERE period_id = %s",
             [period]),
        newest,
        rows(cursor, "SELECT text, author_name, at FROM monitoring_forumcomment "
             "WHERE period_id = %s AND action_id IS NULL", [period]),
        _scale(cursor, ctx.plan_id),
        # The filters' choice of priority, and each row's.
        rows(cursor, "SELECT id, parent_id, ref, title FROM plans_section WHERE plan_id = %s",
             [ctx.plan_id]),
        # The indicator figures the period asks for, and those given.
        rows(cursor, """SELECT i.id, i.ref, i.name, i.unit, i.supplier_id, pr.name
            FROM indicators_indicator i LEFT JOIN plans_person pr ON pr.id = i.supplier_id
            WHERE i.plan_id = %s ORDER BY i.position, i.id""", [ctx.plan_id]),
        rows(cursor, """SELECT indicator_id, id, value, needs_review FROM indicators_indicatorpoint
            WHERE period_id = %s AND kind = 'actual' ORDER BY position, id""", [period]),
        # The reminders and emails sent about it, which its editors see.
        rows(cursor, "SELECT kind, recipient, sent_at FROM monitoring_reminder "
             "WHERE period_id = %s", [period]),
        rows(cursor, "SELECT subject, recipient, sent_at FROM monitoring_sentemail "
             "WHERE period_id = %s", [period]),
    )  # fmt: skip


def my_actions_floor(cursor: Cursor, ctx: Context) -> object:
    return _my_actions(cursor, ctx.user_ids["lead"])


def people_floor(cursor: Cursor, ctx: Context) -> object:
    plan = ctx.plan_id
    return (
        rows(cursor, "SELECT id, key, name, role, organisation, email, user_id FROM plans_person "
             "WHERE plan_id = %s ORDER BY position, id", [plan]),
        rows(cursor, """SELECT al.person_id, a.id, a.ref, a.title FROM plans_actionlead al
            JOIN plans_action a ON a.id = al.action_id JOIN plans_section s ON s.id = a.section_id
            WHERE s.plan_id = %s ORDER BY s.position, a.position""", [plan]),
        rows(cursor, """SELECT so.person_id, s.id, s.ref, s.title FROM plans_section_owners so
            JOIN plans_section s ON s.id = so.section_id WHERE s.plan_id = %s""", [plan]),
    )  # fmt: skip


def timeline_floor(cursor: Cursor, ctx: Context) -> object:
    return rows(cursor, ACTIONS, [ctx.plan_id])


def history_floor(cursor: Cursor, ctx: Context) -> object:
    """The first page of changes (the page shows 50), the choices its filters offer (the kinds
    of thing changed and who changed them) and how many changes there are, for its pages."""
    return (
        rows(
            cursor,
            """SELECT e.id, e.at, e.actor_name, us.username, e.verb, e.object_type,
                e.object_repr, e.changes, e.note, e.scope
            FROM audit_auditevent e LEFT JOIN auth_user us ON us.id = e.actor_id
            WHERE e.plan_id = %s AND e.scope NOT LIKE %s
            ORDER BY e.at DESC, e.id DESC LIMIT 50""",
            [ctx.plan_id, "draft%"],
        ),
        rows(
            cursor,
            """SELECT DISTINCT object_type, actor_name FROM audit_auditevent
            WHERE plan_id = %s AND scope NOT LIKE %s""",
            [ctx.plan_id, "draft%"],
        ),
        rows(
            cursor,
            "SELECT COUNT(*) FROM audit_auditevent WHERE plan_id = %s AND scope NOT LIKE %s",
            [ctx.plan_id, "draft%"],
        ),
    )


def _indicators(cursor: Cursor, plan: int) -> list[tuple[Any, ...]]:
    return rows(
        cursor,
        """SELECT i.id, i.name, i.section_ref, i.unit, p.kind, p."on", p.value
        FROM indicators_indicator i LEFT JOIN indicators_indicatorpoint p ON p.indicator_id = i.id
        WHERE i.plan_id = %s ORDER BY i.position, p.position""",
        [plan],
    )


def board_floor(cursor: Cursor, ctx: Context) -> object:
    plan, period = ctx.plan_id, ctx.period
    actions = rows(
        cursor,
        f"""WITH latest AS ({ranked("<=")}), before AS ({ranked("<")}),
        given AS ({in_period("u.id, u.action_id, u.status, u.needs_review")})
        SELECT a.id, a.section_id, a.ref, a.title, a.due, a.due_text, a.lead_text,
            l.status, l.narrative, l.period_id, b.status, g.status, g.needs_review,
            (SELECT rv.decision FROM monitoring_updatereview rv WHERE rv.update_id = g.id
             ORDER BY rv.at DESC, rv.id DESC LIMIT 1),
            CASE WHEN r.id IS NULL THEN 0 ELSE 1 END,
            CASE WHEN {OVERDUE} THEN 1 ELSE 0 END
        FROM plans_action a JOIN plans_section s ON s.id = a.section_id
        LEFT JOIN latest l ON l.action_id = a.id
        LEFT JOIN before b ON b.action_id = a.id
        LEFT JOIN given g ON g.action_id = a.id
        LEFT JOIN monitoring_updaterequest r ON r.action_id = a.id AND r.period_id = %s
        WHERE s.plan_id = %s ORDER BY s.position, a.position, a.id""",
        [plan, period.position, plan, period.position, period.pk, ctx.month, ctx.day, period.pk,
         plan],
    )  # fmt: skip
    return (
        actions,
        rows(cursor, SECTIONS, [plan]),
        rows(cursor, LEADS, [plan]),
        _scale(cursor, plan),
        _periods(cursor, plan),
        rows(cursor, """SELECT c.action_id, c.previous_due, c.due, c.reason, c.decided_at
            FROM plans_duedatechange c JOIN plans_action a ON a.id = c.action_id
            JOIN plans_section s ON s.id = a.section_id
            WHERE s.plan_id = %s AND c.state = %s""", [plan, DueDateChange.State.APPROVED]),
        _indicators(cursor, plan),
        rows(cursor, "SELECT text, author_name, at, action_id FROM monitoring_forumcomment "
             "WHERE plan_id = %s AND period_id = %s", [plan, period.pk]),
    )  # fmt: skip


def evidence_contents_floor(cursor: Cursor, ctx: Context) -> object:
    """The evidence pack's contents: the inspection's dates, the areas of weakness and which
    sections answer each, every action's section, and each one's newest status up to the
    latest period signed off, which the page counts for each weakness."""
    plan = ctx.plan_id
    signed = rows(
        cursor,
        "SELECT id, label, position FROM monitoring_period WHERE plan_id = %s "
        "AND signed_off_at IS NOT NULL ORDER BY position DESC LIMIT 1",
        [plan],
    )
    standing = newest(
        "u.action_id, u.status",
        f"{UPDATES} WHERE pe.plan_id = %s AND pe.position <= %s AND u.status <> ''",
        "u.action_id",
        NEWEST_FIRST,
    )
    return (
        rows(cursor, "SELECT id, ref, text FROM plans_weakness WHERE plan_id = %s "
             "ORDER BY position, id", [plan]),
        rows(cursor, """SELECT sw.section_id, sw.weakness_id FROM plans_section_weaknesses sw
            JOIN plans_weakness w ON w.id = sw.weakness_id WHERE w.plan_id = %s""", [plan]),
        rows(cursor, SECTIONS, [plan]),
        rows(cursor, """SELECT a.id, a.section_id FROM plans_action a
            JOIN plans_section s ON s.id = a.section_id WHERE s.plan_id = %s""", [plan]),
        rows(cursor, standing, [plan, signed[0][2]]) if signed else [],
        _scale(cursor, plan),
        rows(cursor, "SELECT kind, \"on\", note FROM plans_keydate WHERE plan_id = %s", [plan]),
        rows(cursor, "SELECT section_ref FROM indicators_indicator WHERE plan_id = %s", [plan]),
    )  # fmt: skip


# The evidence pack's first page of an area of weakness: its sections and those below them,
# the first ten of their actions (sendplan.reports.evidence.ACTIONS_PER_PAGE) in the plan's
# order, and everything the page shows of each.
WEAKNESS_ACTIONS = """
WITH RECURSIVE covered(id) AS (
    SELECT sw.section_id FROM plans_section_weaknesses sw WHERE sw.weakness_id = %s
    UNION SELECT s.id FROM plans_section s JOIN covered c ON s.parent_id = c.id)
SELECT a.id, a.section_id, a.ref, a.title, a.lead_text, a.due, a.due_text
FROM plans_action a JOIN plans_section s ON s.id = a.section_id
WHERE a.section_id IN (SELECT id FROM covered)
ORDER BY s.position, a.position, a.id LIMIT %s
"""


def evidence_weakness_floor(cursor: Cursor, ctx: Context) -> object:
    from sendplan.reports.evidence import ACTIONS_PER_PAGE

    plan, weakness = ctx.plan_id, ctx.weakness_id
    actions = rows(cursor, WEAKNESS_ACTIONS, [weakness, ACTIONS_PER_PAGE])
    ids = [row[0] for row in actions]
    marks = ", ".join(["%s"] * len(ids))
    return (
        actions,
        rows(cursor, "SELECT id, ref, text FROM plans_weakness WHERE plan_id = %s "
             "ORDER BY position, id", [plan]),
        rows(cursor, "SELECT text, source FROM plans_finding WHERE weakness_id = %s "
             "ORDER BY position, id", [weakness]),
        rows(cursor, """SELECT s.ref, s.level, s.title, s.outcomes FROM plans_section s
            JOIN plans_section_weaknesses sw ON sw.section_id = s.id WHERE sw.weakness_id = %s
            ORDER BY s.position, s.id""", [weakness]),
        rows(cursor, f"""SELECT al.action_id, pr.name FROM plans_actionlead al
            JOIN plans_person pr ON pr.id = al.person_id WHERE al.action_id IN ({marks})
            ORDER BY al.action_id, al.position, al.id""", ids),
        rows(cursor, f"""SELECT u.id, u.action_id, u.period_id, pe.label, u.status, u.narrative,
            u.evidence, u.author_name, u.recorded_at, u.needs_review, u.corrects_id, u.reason
            FROM monitoring_statusupdate u JOIN monitoring_period pe ON pe.id = u.period_id
            WHERE u.action_id IN ({marks}) ORDER BY u.action_id, u.sequence, u.id""", ids),
        rows(cursor, f"""SELECT rv.update_id, rv.decision FROM monitoring_updatereview rv
            JOIN monitoring_statusupdate u ON u.id = rv.update_id
            WHERE u.action_id IN ({marks}) ORDER BY rv.at, rv.id""", ids),
        rows(cursor, f"""SELECT f.update_id, f.name, f.size FROM monitoring_evidencefile f
            JOIN monitoring_statusupdate u ON u.id = f.update_id
            WHERE u.action_id IN ({marks})""", ids),
        rows(cursor, f"""SELECT action_id, previous_due, due FROM plans_duedatechange
            WHERE action_id IN ({marks}) AND state = %s""",
             [*ids, DueDateChange.State.APPROVED]),
        rows(cursor, f"""SELECT action_id, text, author_name, at FROM monitoring_forumcomment
            WHERE action_id IN ({marks})""", ids),
        _periods(cursor, plan),
        _scale(cursor, plan),
    )  # fmt: skip


def plan_document_floor(cursor: Cursor, ctx: Context) -> object:
    plan = ctx.plan_id
    return (
        rows(cursor, "SELECT title, kind, issued_on, vision, principles, governance, levels "
             "FROM plans_plan WHERE id = %s", [plan]),
        rows(cursor, SECTIONS, [plan]),
        rows(cursor, """SELECT so.section_id, pr.name, pr.role FROM plans_section_owners so
            JOIN plans_person pr ON pr.id = so.person_id WHERE pr.plan_id = %s""", [plan]),
        rows(cursor, """SELECT m.section_id, m.text, m.due, m.due_text FROM plans_milestone m
            JOIN plans_section s ON s.id = m.section_id WHERE s.plan_id = %s""", [plan]),
        rows(cursor, "SELECT id, ref, text FROM plans_weakness WHERE plan_id = %s", [plan]),
        rows(cursor, ACTIONS, [plan]),
        rows(cursor, LEADS, [plan]),
        rows(cursor, """SELECT m.action_id, m.text, m.due FROM plans_measure m
            JOIN plans_action a ON a.id = m.action_id JOIN plans_section s ON s.id = a.section_id
            WHERE s.plan_id = %s""", [plan]),
        rows(cursor, cells("pe.plan_id = %s"), [plan]),
        rows(cursor, "SELECT name, role, organisation FROM plans_person WHERE plan_id = %s",
             [plan]),
        rows(cursor, "SELECT term, meaning FROM plans_glossaryterm WHERE plan_id = %s", [plan]),
        rows(cursor, "SELECT title, attendees FROM plans_meeting WHERE plan_id = %s", [plan]),
        _periods(cursor, plan),
        _scale(cursor, plan),
        _indicators(cursor, plan),
    )  # fmt: skip


def tracker_floor(cursor: Cursor, ctx: Context) -> object:
    plan = ctx.plan_id
    return (
        rows(cursor, SECTIONS, [plan]),
        rows(cursor, ACTIONS, [plan]),
        rows(cursor, LEADS, [plan]),
        rows(cursor, cells("pe.plan_id = %s"), [plan]),
        _periods(cursor, plan),
        _scale(cursor, plan),
    )


# The pages


@dataclass
class Page:
    name: str
    user: str  # which of the national users asks for it
    url: str
    floor: Floor
    expect: list[str] = field(default_factory=list)  # what the page must show
    budget_ms: float = 100.0
    content_type: str = "text/html"
    # Whether what it shows is kept for the plan as it stands, as the reports' pages are; the
    # benchmark then also times it made afresh.
    kept: bool = False

    @property
    def made_once(self) -> bool:
        return self.kept or "/reports/" in self.url


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def pages(ctx: Context) -> list[Page]:
    """Every page measured, with what each must show, some of it read by the floors' SQL."""
    plan, period, action, section = ctx.plan_id, ctx.period, ctx.action, ctx.section
    with connection.cursor() as cursor:
        counts = rows(cursor, home_counts(), [ctx.user_ids["lead"], ctx.month, ctx.day, 2])
        asked = rows(cursor, "SELECT COUNT(*) FROM monitoring_updaterequest WHERE period_id = %s",
                     [period.pk])[0][0]  # fmt: skip
        owed = rows(cursor, MY_ACTIONS, [ctx.user_ids["lead"]] * 2)
        people = rows(cursor, "SELECT name FROM plans_person WHERE plan_id = %s "
                      "ORDER BY position, id", [plan])  # fmt: skip
        weakness = rows(cursor, "SELECT text FROM plans_weakness WHERE id = %s",
                        [ctx.weakness_id])[0][0]  # fmt: skip
        answering = rows(cursor, WEAKNESS_ACTIONS, [ctx.weakness_id, 1])[0][3]
    _, title, area, _label, missing, overdue, stale, _ = counts[0]
    figures = [
        f"<li>{_plural(missing, 'update')} missing</li>",
        f"<li>{overdue} overdue</li>",
        f"<li>{stale} stale</li>",
    ]
    as_of = f"{ctx.today.day} {ctx.today:%B %Y}"
    signals = [
        f"{missing} of {asked} asked for",
        f'Overdue and not done on {as_of}</dt><dd class="govuk-summary-list__value">{overdue}</dd>',
        f"{stale} with no update in the last 2 periods",
    ]
    latest = (
        StatusUpdate.objects.filter(action=action)
        .order_by("-period__position", "-sequence")
        .first()
    )
    given = (
        StatusUpdate.objects.filter(period=period).select_related("action").order_by("pk").first()
    )
    first = Action.objects.filter(section__plan_id=plan).order_by(
        "section__position", "position", "pk"
    )[0]
    assert latest is not None and given is not None
    url = f"/plans/{plan}/"
    board = f"Board highlight report: {period.label}"
    return [
        Page("home, one plan", "lead", reverse("home"), home_floor("lead"),
             [e(title), e(area), *figures]),
        Page("adviser's home: every area", "adviser", reverse("home"), oversight_floor(),
             [e(area_name(ctx.data.areas)), *oversight_figures(ctx, "")], budget_ms=300),
        Page("areas in one region", "adviser",
             f"{reverse('oversight')}?region={REGION}&sort=overdue&order=desc",
             oversight_floor(REGION), oversight_figures(ctx, REGION), budget_ms=300),
        Page("plan overview", "manager", url, overview_floor,
             [e(f"Needs attention in {period.label}"), *signals], kept=True),
        Page("section (priority) page", "manager", f"{url}sections/{section.pk}/",
             section_floor, [e(section.title), *[e(a.title) for a in section.actions.all()[:3]]]),
        Page("action page", "manager", f"{url}actions/{action.pk}/", action_floor,
             [e(action.title), e(latest.narrative)], kept=True),
        Page("period page", "manager", f"{url}periods/{period.pk}/", period_floor,
             [e(period.label), e(given.action.title)], kept=True),
        Page("your actions", "lead", reverse("my_actions"), my_actions_floor,
             [e(row[3]) for row in owed[:3]]),
        Page("people page", "manager", f"{url}people/", people_floor,
             [e(people[0][0]), e(people[-1][0])]),
        Page("history (audit trail)", "manager", f"{url}history/", history_floor, [e(title)]),
        Page("timeline", "board", f"{url}reports/timeline/", timeline_floor,
             ["Timeline of actions by quarter", e(first.ref)]),
        Page("board report page", "board", f"{url}reports/board/", board_floor,
             [e(board), e(first.title)]),
        Page("evidence pack contents", "board", f"{url}reports/evidence/",
             evidence_contents_floor, [e(weakness), "the latest monitoring period signed off"]),
        Page("evidence pack: a weakness", "board",
             f"{url}reports/evidence/weaknesses/{ctx.weakness_id}/", evidence_weakness_floor,
             [e(weakness), e(answering)]),
        Page("plan document page", "board", f"{url}reports/plan/", plan_document_floor,
             [e(title), e(section.title)]),
        Page("tracker export (xlsx)", "board", f"{url}reports/tracker.xlsx", tracker_floor,
             content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ]  # fmt: skip


def oversight_figures(ctx: Context, region: str) -> list[str]:
    """What the table of areas must show for the first plan it lists, read by the floor's SQL:
    its overdue and missing counts, and how many plans the region holds."""
    with connection.cursor() as cursor:
        params: list[object] = [ctx.user_ids["adviser"], *([region] if region else [])]
        counts = rows(cursor, oversight_counts(bool(region)), [*params, ctx.month, ctx.day])
    first = counts[0]
    overdue, asked, missing = first[11], first[12], first[13]
    return [
        e(first[2]),
        f'data-label="Overdue" class="govuk-table__cell govuk-table__cell--numeric">{overdue}<',
        f'{missing}<br><span class="govuk-body-s sendplan-secondary">of {asked} asked for',
        f"{len(counts)} plan{'' if len(counts) == 1 else 's'} in",
    ]


def clients(data: NationalData) -> dict[str, Client]:
    """A signed-in test client per user; the programme manager's has given its second factor."""
    signed: dict[str, Client] = {}
    for key, user in data.users.items():
        client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        if key == "manager":
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = data.device.persistent_id
            session.save()
        signed[key] = client
    return signed


def problems(page: Page, response: HttpResponseBase) -> list[str]:
    """Why the response is not the page it should be, if it is not."""
    if not isinstance(response, HttpResponse):
        return [f"a {type(response).__name__}, not a page"]
    found = []
    if response.status_code != 200:
        found.append(f"status {response.status_code}")
    kind = response.get("Content-Type", "")
    if not kind.startswith(page.content_type):
        found.append(f"content type {kind}")
    if page.content_type == "text/html":
        text = response.content.decode()
        found += [f"does not show {want!r}" for want in page.expect if want not in text]
    elif not response.content.startswith(b"PK"):
        found.append("not a zip file")
    return found


@dataclass
class Timing:
    seconds: list[float]
    cpu: list[float] = field(default_factory=list)  # this process's CPU time, without the server's

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000 if self.cpu else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def p95_ms(self) -> float:
        if len(self.seconds) < 2:
            return self.seconds[0] * 1000
        return statistics.quantiles(self.seconds, n=20, method="inclusive")[18] * 1000


def timed(work: Callable[[], object], *, runs: int, budget: float, slow: float) -> Timing:
    """Median and p95 of `runs` runs after a warm-up, fewer if they pass `budget` seconds. A
    warm-up slower than `slow` seconds counts as a run, so a page of a minute is not asked
    for twice just to warm up."""
    started, cpu = time.perf_counter(), time.process_time()
    work()
    first = time.perf_counter() - started
    seconds = [first] if first > slow else []
    cpus = [time.process_time() - cpu] if first > slow else []
    while len(seconds) < runs and (not seconds or time.perf_counter() - started < budget):
        began, cpu = time.perf_counter(), time.process_time()
        work()
        seconds.append(time.perf_counter() - began)
        cpus.append(time.process_time() - cpu)
    return Timing(seconds, cpus)


@dataclass
class Measured:
    page: Page
    timing: Timing
    floor: Timing
    queries: int
    size: int
    problems: list[str]

    @property
    def ratio(self) -> float:
        return self.timing.median_ms / max(self.floor.median_ms, 0.001)

    @property
    def passed(self) -> bool:
        return not self.problems and self.timing.p95_ms < self.page.budget_ms and self.ratio <= 3


class QueryCount:
    """Counts the queries run while it is installed with connection.execute_wrapper."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


@dataclass
class Checked:
    queries: int
    size: int
    problems: list[str]


def check(page: Page, client: Client) -> Checked:
    """Ask for the page once, counting its queries and saying what is wrong with it, if
    anything is."""
    counter = QueryCount()
    with connection.execute_wrapper(counter):
        response = client.get(page.url)
    queries = counter.count
    size = len(response.content) if isinstance(response, HttpResponse) else 0
    return Checked(queries=queries, size=size, problems=problems(page, response))


def who_asks(
    cursor: Cursor,
    session_key: str,
    user_id: int,
    *,
    device_id: int | None = None,
    plan_id: int | None = None,
) -> tuple[Any, ...]:
    """What every signed-in page reads before its own rows: the session, the person signed in
    (the header shows their name) and their roles, which decide what the page may show them.
    With the second factor a session has given, that device, which each page checks is still
    theirs and still confirmed; on a plan's pages, the plan, whose title heads each of them."""
    return (
        rows(cursor, "SELECT session_data FROM django_session WHERE session_key = %s "
             "AND expire_date > %s", [session_key, timezone.now()]),
        rows(cursor, "SELECT id, password, username, first_name, last_name, email, is_active "
             "FROM auth_user WHERE id = %s", [user_id]),
        rows(cursor, "SELECT area_id, role FROM accounts_membership WHERE user_id = %s",
             [user_id]),
        rows(cursor, "SELECT id, confirmed FROM otp_totp_totpdevice WHERE id = %s "
             "AND user_id = %s", [device_id, user_id]) if device_id is not None else None,
        rows(cursor, "SELECT id, area_id, title, kind FROM plans_plan WHERE id = %s",
             [plan_id]) if plan_id is not None else None,
    )  # fmt: skip


def run_floor(
    page: Page, ctx: Context, session_key: str | None = None
) -> tuple[tuple[Any, ...] | None, object]:
    """The page's floor; given the asker's session, with the reads of who_asks before it."""
    user_id = ctx.user_ids[page.user]
    device = ctx.data.device
    with connection.cursor() as cursor:
        asker = (
            who_asks(
                cursor,
                session_key,
                user_id,
                device_id=device.pk if device.user_id == user_id else None,
                plan_id=ctx.plan_id if page.url.startswith(f"/plans/{ctx.plan_id}/") else None,
            )
            if session_key
            else None
        )
        return asker, page.floor(cursor, ctx)


def measure(
    page: Page,
    client: Client,
    ctx: Context,
    *,
    runs: int = 10,
    budget: float = 30.0,
    slow: float = 5.0,
) -> Measured:
    checked = check(page, client)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return Measured(
        page=page,
        timing=timed(lambda: client.get(page.url), runs=runs, budget=budget, slow=slow),
        floor=timed(lambda: run_floor(page, ctx, session), runs=runs, budget=budget, slow=slow),
        queries=checked.queries,
        size=checked.size,
        problems=checked.problems,
    )


def table(results: list[Measured]) -> str:
    lines = [
        f"{'page':<30} {'runs':>4} {'median ms':>10} {'p95 ms':>9} {'cpu ms':>7} {'floor ms':>9} "
        f"{'ratio':>6} {'queries':>7} {'KiB':>6}  budget                 result"
    ]
    for r in results:
        budget = f"p95 < {r.page.budget_ms:.0f} ms, ratio <= 3"
        verdict = "pass" if r.passed else "FAIL"
        if r.problems:
            verdict += " (" + "; ".join(r.problems)[:80] + ")"
        lines.append(
            f"{r.page.name:<30} {len(r.timing.seconds):>4} {r.timing.median_ms:>10.1f} "
            f"{r.timing.p95_ms:>9.1f} {r.timing.cpu_ms:>7.0f} {r.floor.median_ms:>9.1f} "
            f"{r.ratio:>6.1f} {r.queries:>7} {r.size / 1024:>6.0f}  {budget:<22} {verdict}"
        )
    return "\n".join(lines)
