"""Reminders for the month-end chase, sent by `sendplan remind` (run it daily from cron).

Leads hear once before the deadline and once when their updates are overdue, and so do the
suppliers of indicator figures, in the same email when they are both; programme managers get a
digest of what is missing at the same two points. A Reminder row is written in
the same transaction as the email is handed over, so a second run the same day (or two runs
at once) sends nothing twice, and a failed send is tried again next time.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from sendplan.accounts.models import EDITING_ROLES, Membership
from sendplan.indicators.models import Indicator
from sendplan.indicators.selectors import period_figures
from sendplan.lib.links import site_link
from sendplan.monitoring.models import Period, Reminder, UpdateRequest
from sendplan.monitoring.services import UpdateState, current_updates, format_day, update_state
from sendplan.plans.models import Action, Person

logger = logging.getLogger(__name__)


@dataclass
class Owed:
    """Who owes which updates, and which indicator figures, in one period."""

    period: Period
    by_email: dict[str, list[Action]] = field(default_factory=dict)
    no_email: list[tuple[Person, Action]] = field(default_factory=list)
    unled: list[Action] = field(default_factory=list)
    figures_by_email: dict[str, list[Indicator]] = field(default_factory=dict)
    figures_no_email: list[tuple[Person, Indicator]] = field(default_factory=list)

    def actions(self) -> list[Action]:
        seen: dict[int, Action] = {}
        for actions in self.by_email.values():
            seen.update((a.pk, a) for a in actions)
        seen.update((a.pk, a) for _, a in self.no_email)
        seen.update((a.pk, a) for a in self.unled)
        return list(seen.values())

    def indicators(self) -> list[Indicator]:
        found = [i for indicators in self.figures_by_email.values() for i in indicators]
        return found + [i for _, i in self.figures_no_email]

    @property
    def anything(self) -> bool:
        return bool(self.actions() or self.indicators())

    def emails(self) -> list[str]:
        """Everyone to remind: leads who owe updates and suppliers who owe figures."""
        return sorted(set(self.by_email) | set(self.figures_by_email))

    def unreachable(self) -> list[str]:
        """The names of those who owe something and have no email address."""
        people = [p for p, _ in self.no_email] + [p for p, _ in self.figures_no_email]
        return sorted({person.display_name for person in people})


def person_email(person: Person) -> str:
    if person.email:
        return person.email
    return person.user.email if person.user is not None else ""


def owed_in(period: Period) -> Owed:
    """Requested actions with no update waiting or accepted: none yet, or one returned."""
    newest = {update.action_id: update for update in current_updates(period)}
    owed = Owed(period=period)
    requests = UpdateRequest.objects.filter(period=period).select_related("action")
    for request in requests.prefetch_related("action__lead_links__person__user"):
        action = request.action
        update = newest.get(action.pk)
        if update is not None and update_state(update) != UpdateState.RETURNED:
            continue
        leads = action.ordered_leads()
        if not leads:
            owed.unled.append(action)
        for person in leads:
            email = person_email(person)
            if email:
                owed.by_email.setdefault(email.lower(), []).append(action)
            else:
                owed.no_email.append((person, action))
    # Indicator figures not recorded yet, or returned to their supplier.
    for figure in period_figures(period):
        supplier = figure.indicator.supplier
        if not figure.owed or supplier is None:
            continue
        email = person_email(supplier)
        if email:
            owed.figures_by_email.setdefault(email.lower(), []).append(figure.indicator)
        else:
            owed.figures_no_email.append((supplier, figure.indicator))
    return owed


def _action_lines(actions: Sequence[Action]) -> str:
    return "\n".join("- " + " ".join(filter(None, [a.ref, a.title[:120]])) for a in actions)


def _indicator_lines(indicators: Sequence[Indicator]) -> str:
    return "\n".join("- " + " ".join(filter(None, [i.ref, i.name[:120]])) for i in indicators)


def _lead_message(
    period: Period, kind: str, actions: Sequence[Action], indicators: Sequence[Indicator] = ()
) -> tuple[str, str]:
    """One email to one person: the updates they owe as a lead, and the figures they owe as
    an indicator's supplier."""
    plan = period.plan
    deadline = format_day(period.deadline) if period.deadline else "soon"
    what = "updates" if not indicators else "figures" if not actions else "updates and figures"
    if kind == Reminder.Kind.DUE_SOON:
        subject = f"{what.capitalize()} for {period.label} are due by {deadline}"
        opening = f"Your {what} for {period.label} on {plan.title} are due by {deadline}."
    else:
        subject = f"Your {what} for {period.label} are overdue"
        opening = (
            f"Your {what} for {period.label} on {plan.title} were due by {deadline} "
            "and have not been submitted."
        )
    parts = [f"{opening}\n"]
    if actions:
        parts.append(f"The actions you lead that still need an update:\n{_action_lines(actions)}\n")
    if indicators:
        parts.append(
            "The indicators whose figure you supply that still need it:\n"
            f"{_indicator_lines(indicators)}\n"
        )
    parts.append(
        f"Give your {what} here: {site_link(reverse('my_actions'))}\n\n"
        "Please do not name any child or family in your update.\n"
    )
    return subject, "\n".join(parts)


def _digest_message(owed: Owed, kind: str) -> tuple[str, str]:
    period = owed.period
    missing = owed.actions()
    figures = owed.indicators()
    state = "due soon" if kind == Reminder.Kind.DIGEST_DUE_SOON else "overdue"
    counted = [f"{len(missing)} updates"] if missing else []
    counted += [f"{len(figures)} indicator figures"] if figures else []
    subject = f"{period.plan.title}: {' and '.join(counted)} for {period.label} {state}"
    parts = [f"Updates for {period.label} still missing, by lead:\n"]
    for email, actions in sorted(owed.by_email.items()):
        parts.append(f"{email}:\n{_action_lines(actions)}\n")
    if owed.no_email:
        grouped: dict[str, list[Action]] = defaultdict(list)
        for person, action in owed.no_email:
            grouped[person.display_name].append(action)
        for name, actions in grouped.items():
            parts.append(f"{name} (no email address, so not reminded):\n{_action_lines(actions)}\n")
    if owed.unled:
        parts.append(f"Actions with no lead:\n{_action_lines(owed.unled)}\n")
    if owed.figures_by_email or owed.figures_no_email:
        parts.append(f"Indicator figures for {period.label} still missing, by supplier:\n")
        for email, indicators in sorted(owed.figures_by_email.items()):
            parts.append(f"{email}:\n{_indicator_lines(indicators)}\n")
        no_email: dict[str, list[Indicator]] = defaultdict(list)
        for person, indicator in owed.figures_no_email:
            no_email[person.display_name].append(indicator)
        for name, indicators in no_email.items():
            parts.append(
                f"{name} (no email address, so not reminded):\n{_indicator_lines(indicators)}\n"
            )
    parts.append(
        f"See the period: {site_link(reverse('period', args=[period.plan_id, period.pk]))}\n"
    )
    return subject, "\n".join(parts)


@dataclass
class RemindResult:
    sent: list[Reminder] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "address: why", tried again next run


def _send_once(
    result: RemindResult,
    connection: BaseEmailBackend,
    period: Period,
    kind: str,
    to: str,
    subject: str,
    body: str,
) -> None:
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(period=period, kind=kind, recipient=to)
            message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
            connection.send_messages([message])
    except IntegrityError:
        return  # sent already, by an earlier or a parallel run
    except Exception as error:  # the mail server's problem, not the next recipient's
        logger.warning("Reminder to %s not sent: %s", to, error)
        result.failed.append(f"{to}: {error}")
        return
    result.sent.append(reminder)


def send_reminders(
    *, today: dt.date | None = None, connection: BaseEmailBackend | None = None
) -> RemindResult:
    """Send what is due today. Reminders that could not be sent are tried again next run."""
    today = today or timezone.localdate()
    connection = connection or get_connection()
    window = dt.timedelta(days=settings.REMIND_DAYS_BEFORE)
    result = RemindResult()
    periods = Period.objects.filter(
        opened_at__isnull=False, signed_off_at__isnull=True, deadline__isnull=False
    ).select_related("plan")
    for period in periods:
        assert period.deadline is not None
        if today > period.deadline:
            lead_kind, digest_kind = Reminder.Kind.OVERDUE, Reminder.Kind.DIGEST_OVERDUE
        elif period.deadline - today <= window:
            lead_kind, digest_kind = Reminder.Kind.DUE_SOON, Reminder.Kind.DIGEST_DUE_SOON
        else:
            continue
        _remind(result, connection, period, lead_kind, digest_kind)
    return result


def _remind(
    result: RemindResult,
    connection: BaseEmailBackend,
    period: Period,
    lead_kind: str,
    digest_kind: str,
) -> Owed:
    owed = owed_in(period)
    if not owed.anything:
        return owed
    # One email to each person, whether they owe updates, figures or both.
    for email in owed.emails():
        actions = owed.by_email.get(email, [])
        indicators = owed.figures_by_email.get(email, [])
        subject, body = _lead_message(period, lead_kind, actions, indicators)
        _send_once(result, connection, period, lead_kind, email, subject, body)
    managers = Membership.objects.filter(
        area_id=period.plan.area_id, role__in=EDITING_ROLES
    ).exclude(user__email="")
    subject, body = _digest_message(owed, digest_kind)
    for email in sorted({m.user.email.lower() for m in managers.select_related("user")}):
        _send_once(result, connection, period, digest_kind, email, subject, body)
    return owed


def remind_now(period: Period, *, today: dt.date | None = None) -> tuple[RemindResult, Owed]:
    """A programme manager's "send reminders now" for one open period: before its deadline the
    reminder that updates are due, after it the one that they are overdue, whatever the day.
    Each lead still gets each kind once."""
    today = today or timezone.localdate()
    overdue = period.deadline is not None and today > period.deadline
    lead_kind = Reminder.Kind.OVERDUE if overdue else Reminder.Kind.DUE_SOON
    digest_kind = Reminder.Kind.DIGEST_OVERDUE if overdue else Reminder.Kind.DIGEST_DUE_SOON
    result = RemindResult()
    owed = _remind(result, get_connection(), period, lead_kind, digest_kind)
    return result, owed
