"""Emails the cycle sends as people act: an update returned or approved, a new due date asked
for or decided. Each is sent once the change is committed (never for a change that was rolled
back), logged as a SentEmail, and links to the page to act on, built from SENDPLAN_SITE_URL."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse

from sendplan.accounts.models import EDITING_ROLES, Membership
from sendplan.lib.links import site_link
from sendplan.monitoring.models import Period, SentEmail, UpdateReview
from sendplan.monitoring.reminders import person_email
from sendplan.plans.models import Action, DueDateChange, Plan

logger = logging.getLogger(__name__)

NO_CHILDREN = "Please do not name any child or family in your reply or update.\n"


def _send_after_commit(
    *,
    plan: Plan,
    period: Period | None,
    kind: str,
    recipients: Iterable[str],
    subject: str,
    body: str,
) -> None:
    addresses = sorted({address.strip().lower() for address in recipients if address.strip()})

    def send() -> None:
        for address in addresses:
            try:
                EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]).send()
            except Exception as error:  # the mail server's problem; the change itself stands
                logger.warning("Email to %s not sent: %s", address, error)
                continue
            SentEmail.objects.create(
                plan=plan, period=period, kind=kind, recipient=address, subject=subject[:300]
            )

    transaction.on_commit(send)


def _leads_addresses(action: Action) -> list[str]:
    return [person_email(person) for person in action.leads.select_related("user")]


def _managers_addresses(plan: Plan) -> list[str]:
    managers = Membership.objects.filter(area_id=plan.area_id, role__in=EDITING_ROLES)
    return [m.user.email for m in managers.select_related("user")]


def update_reviewed(review: UpdateReview) -> None:
    """Tell the lead (and whoever submitted the update) what the reviewer decided."""
    update = review.update
    action, period = update.action, update.period
    plan = period.plan
    recipients = _leads_addresses(action)
    if update.author is not None:
        recipients.append(update.author.email)
    where = f"action {action.ref} ({action.title[:80]})"
    if review.decision == UpdateReview.Decision.RETURNED:
        kind = SentEmail.Kind.RETURNED
        subject = f"Your update on action {action.ref} for {period.label} was returned"
        page = reverse("update_add", args=[plan.pk, action.pk]) + f"?period={period.pk}"
        body = (
            f"{review.reviewer_name or 'The reviewer'} returned your update for {period.label} "
            f"on {where}, in {plan.title}.\n\n"
            f"What to change: {review.comment}\n\n"
            f"What you sent is ready to change here: {site_link(page)}\n\n{NO_CHILDREN}"
        )
    else:
        kind = SentEmail.Kind.APPROVED
        subject = f"Your update on action {action.ref} for {period.label} was approved"
        body = (
            f"{review.reviewer_name or 'The reviewer'} approved your update for {period.label} "
            f"on {where}, in {plan.title}.\n\n"
            + (f"Their comment: {review.comment}\n\n" if review.comment else "")
            + f"See what else is due from you: {site_link(reverse('my_actions'))}\n"
        )
    _send_after_commit(
        plan=plan, period=period, kind=kind, recipients=recipients, subject=subject, body=body
    )


def due_change_asked(change: DueDateChange) -> None:
    """Tell the plan's programme managers that a lead asks to move a date."""
    action = change.action
    plan = action.section.plan
    page = reverse("due_change_decide", args=[plan.pk, change.pk])
    subject = f"New due date asked for on action {action.ref}"
    body = (
        f"{change.proposed_by_name or 'A lead'} asks to move the due date of action "
        f"{action.ref} ({action.title[:80]}) in {plan.title} "
        f"from {change.previous_display or 'none'} to {change.new_display}.\n\n"
        f"Why: {change.reason}\n\n"
        f"Approve it or not here: {site_link(page)}\n"
    )
    _send_after_commit(
        plan=plan,
        period=None,
        kind=SentEmail.Kind.DATE_ASKED,
        recipients=_managers_addresses(plan),
        subject=subject,
        body=body,
    )


def due_change_decided(change: DueDateChange) -> None:
    """Tell whoever asked, and the action's leads, whether the new date was approved."""
    action = change.action
    plan = action.section.plan
    approved = change.state == DueDateChange.State.APPROVED
    outcome = "approved" if approved else "not approved"
    subject = f"New due date for action {action.ref} {outcome}"
    body = (
        f"{change.decided_by_name or 'A programme manager'} {outcome} the new due date "
        f"({change.new_display}) for action {action.ref} ({action.title[:80]}) in {plan.title}."
        "\n\n"
        + (f"Their note: {change.decision_note}\n\n" if change.decision_note else "")
        + f"See the action: {site_link(action.get_absolute_url())}\n"
    )
    recipients = _leads_addresses(action)
    if change.proposed_by is not None:
        recipients.append(change.proposed_by.email)
    _send_after_commit(
        plan=plan,
        period=None,
        kind=SentEmail.Kind.DATE_DECIDED,
        recipients=recipients,
        subject=subject,
        body=body,
    )
