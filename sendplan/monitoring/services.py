"""Writes for monitoring periods and status updates."""

from __future__ import annotations

import datetime as dt
import secrets
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Model, QuerySet
from django.utils import timezone

from sendplan.audit.models import DRAFT_SCOPE, AuditEvent, draft_scope
from sendplan.audit.services import (
    Actor,
    acting_user,
    actor_label,
    audit_event,
    audit_record,
    audit_record_bulk,
    snapshot,
)
from sendplan.indicators.selectors import FigureState, PeriodFigure, period_figures
from sendplan.lib.bulk import clean_in_memory, in_rounds
from sendplan.lib.dates import parse_partial_date
from sendplan.monitoring import selectors
from sendplan.monitoring.evidence import check_evidence_file
from sendplan.monitoring.models import (
    EvidenceFile,
    ForumComment,
    LatestRating,
    Period,
    StatusUpdate,
    UpdateDraft,
    UpdateRequest,
    UpdateReview,
)
from sendplan.plans.models import Action, DueDateChange, Plan, StatusLevel
from sendplan.plans.services import (
    PlanRuleError,
    RowRefused,
    _assign,
    _check_same_plan,
    _next_position,
    audit_plan_item,
)

PERIOD_FIELDS = ("label", "ends_on")


@transaction.atomic
def period_create(*, actor: Actor, plan: Plan, label: str, ends_on: str = "") -> Period:
    if plan.periods.filter(label=label).exists():
        raise PlanRuleError(f"The plan already has a period called {label}")
    period = Period(
        plan=plan, label=label, ends_on=ends_on, position=_next_position(Period, plan=plan)
    )
    period.full_clean()
    period.save()
    audit_plan_item(actor=actor, obj=period, before=None, after=snapshot(period))
    return period


@transaction.atomic
def period_update(*, actor: Actor, period: Period, **fields: Any) -> Period:
    if period.is_locked:
        raise PlanRuleError(f"The period {period.label} has been signed off, so it cannot change")
    before = snapshot(period)
    _assign(period, PERIOD_FIELDS, fields)
    if period.plan.periods.filter(label=period.label).exclude(pk=period.pk).exists():
        raise PlanRuleError(f"The plan already has a period called {period.label}")
    period.full_clean()
    period.save()
    audit_plan_item(actor=actor, obj=period, before=before, after=snapshot(period))
    return period


@transaction.atomic
def period_delete(*, actor: Actor, period: Period) -> None:
    if period.opened_at is not None:
        raise PlanRuleError(f"The period {period.label} has been opened, so it is kept")
    if period.updates.exists():
        raise PlanRuleError(
            f"Status updates have been recorded for {period.label}, so it cannot be removed"
        )
    if period.figures.exists():
        raise PlanRuleError(
            f"Indicator figures have been recorded for {period.label}, so it cannot be removed"
        )
    audit_plan_item(actor=actor, obj=period, before=snapshot(period), after=None)
    period.delete()


def check_status_code(plan: Plan, status: str) -> None:
    """A status is a code of the plan's scale, or a combination such as G/A."""
    if status:
        _check_code(set(plan.status_levels.values_list("code", flat=True)), status)


def _check_code(codes: set[str], status: str) -> None:
    unknown = [part for part in status.split("/") if part not in codes]
    if unknown:
        raise PlanRuleError(
            f"{status} is not on this plan's status scale (codes: {', '.join(sorted(codes))})"
        )


@transaction.atomic
def status_update_record(
    *,
    actor: Actor,
    action: Action,
    period: Period,
    status: str = "",
    narrative: str = "",
    evidence: Sequence[str] = (),
    author_name: str | None = None,
    recorded_at: dt.datetime | None = None,
    needs_review: bool = False,
    corrects: StatusUpdate | None = None,
    reason: str = "",
) -> StatusUpdate:
    """Add a status update. Earlier updates for the same period stay in the history.

    The author is the acting user unless author_name is given; importers pass the name the
    source gives (or "") so that historic updates are not credited to whoever imported them.
    Once a period is signed off, the only update it takes is a correction of one of its own.
    """
    plan = action.section.plan
    if period.plan_id != plan.pk:
        raise PlanRuleError("The period must belong to the action's plan")
    # The period as stored, locked until this write commits, so that a sign-off at the same
    # moment either sees this update or refuses it, never misses it.
    period = Period.objects.select_for_update().get(pk=period.pk)
    if corrects is not None:
        if (corrects.action_id, corrects.period_id) != (action.pk, period.pk):
            raise PlanRuleError("A correction must be for the same action and period")
    elif period.is_locked:
        raise PlanRuleError(
            f"The period {period.label} has been signed off, so its updates are locked. "
            "Record a correction, with its reason, instead."
        )
    check_status_code(plan, status)
    # One writer at a time per action, so that sequence numbers never collide.
    Action.objects.select_for_update().filter(pk=action.pk).first()
    user = acting_user(actor)
    author = user if author_name is None else None
    if author_name is None:
        author_name = (user.get_full_name() or user.get_username()) if user is not None else ""
    last = StatusUpdate.objects.filter(action=action).aggregate(m=Max("sequence"))["m"]
    update = StatusUpdate(
        action=action,
        period=period,
        status=status,
        narrative=narrative,
        evidence=list(evidence),
        author=author,
        author_name=author_name,
        recorded_at=recorded_at,
        sequence=0 if last is None else last + 1,
        needs_review=needs_review,
        corrects=corrects,
        reason=reason,
    )
    update.save()
    _keep_latest(update, period)
    _audit_created(actor, update, plan_id=plan.pk, action_id=action.pk)
    return update


@dataclass(frozen=True)
class UpdateRow:
    """A status update for status_update_record_bulk: what status_update_record takes, with
    the update corrected given as the index of an earlier row."""

    action: Action
    period: Period
    status: str = ""
    narrative: str = ""
    evidence: Sequence[str] = ()
    author_name: str | None = None
    recorded_at: dt.datetime | None = None
    needs_review: bool = False
    corrects: int | None = None
    reason: str = ""


@transaction.atomic
def status_update_record_bulk(*, actor: Actor, rows: Sequence[UpdateRow]) -> list[StatusUpdate]:
    """Add status updates as status_update_record would, one after another, in a fixed number
    of queries: the updates in as many rounds as the longest chain of corrections (a correction
    is saved after what it corrects), then the actions' latest ratings made again and the audit
    events. The actions need their section loaded. A row status_update_record would refuse
    raises RowRefused, and nothing is saved."""
    if not rows:
        return []
    # As status_update_record does, one row at a time: the periods as stored, locked until
    # this write commits, and the actions locked so that sequence numbers never collide.
    periods = Period.objects.select_for_update().in_bulk({row.period.pk for row in rows})
    action_ids = {row.action.pk for row in rows}
    list(Action.objects.select_for_update().filter(pk__in=action_ids).values_list("pk"))
    plan_ids = {row.action.section.plan_id for row in rows}
    codes: defaultdict[int, set[str]] = defaultdict(set)
    for plan_id, code in StatusLevel.objects.filter(plan__in=plan_ids).values_list("plan", "code"):
        codes[plan_id].add(code)
    last = dict(
        StatusUpdate.objects.filter(action__in=action_ids)
        .values("action")
        .annotate(last=Max("sequence"))
        .values_list("action", "last")
    )
    user = acting_user(actor)
    own_name = (user.get_full_name() or user.get_username()) if user is not None else ""
    updates: list[StatusUpdate] = []
    for index, row in enumerate(rows):
        if row.corrects is not None and not 0 <= row.corrects < index:
            raise ValueError(f"Row {index} corrects row {row.corrects}, which is not before it")
        plan_id = row.action.section.plan_id
        period = periods[row.period.pk]
        corrects = None if row.corrects is None else updates[row.corrects]
        try:
            if period.plan_id != plan_id:
                raise PlanRuleError("The period must belong to the action's plan")
            if corrects is not None:
                if (corrects.action_id, corrects.period_id) != (row.action.pk, period.pk):
                    raise PlanRuleError("A correction must be for the same action and period")
            elif period.is_locked:
                raise PlanRuleError(
                    f"The period {period.label} has been signed off, so its updates are locked. "
                    "Record a correction, with its reason, instead."
                )
            if row.status:
                _check_code(codes[plan_id], row.status)
        except PlanRuleError as error:
            raise RowRefused(index, error) from error
        sequence = last.get(row.action.pk)
        last[row.action.pk] = sequence = 0 if sequence is None else sequence + 1
        updates.append(
            StatusUpdate(
                action=row.action,
                period=period,
                status=row.status,
                narrative=row.narrative,
                evidence=list(row.evidence),
                author=user if row.author_name is None else None,
                author_name=own_name if row.author_name is None else row.author_name,
                recorded_at=row.recorded_at,
                sequence=sequence,
                needs_review=row.needs_review,
                corrects=corrects,
                reason=row.reason,
            )
        )
    for batch in in_rounds([row.corrects for row in rows]):
        StatusUpdate.objects.bulk_create([updates[index] for index in batch])
    _latest_ratings_remake(Action.objects.filter(pk__in=action_ids))
    audit_record_bulk(
        events=(
            _created_event(actor, u, plan_id=u.period.plan_id, action_id=u.action_id)
            for u in updates
        )
    )
    return updates


def _keep_latest(update: StatusUpdate, period: Period) -> None:
    """Make the update its action's latest rating unless the action has one in a later period.
    The action is locked and the update has its highest sequence, so within a period the new
    update is always the newest."""
    latest = LatestRating.objects.filter(action_id=update.action_id).select_related("period")
    current = latest.first()
    if current is None:
        LatestRating.objects.create(
            action_id=update.action_id, update=update, period=period, status=update.status
        )
    elif period.position >= current.period.position:
        latest.update(update=update, period=period, status=update.status)


@transaction.atomic
def latest_ratings_rebuild(*, plans: Sequence[Plan]) -> int:
    """Make the plans' latest ratings again from their updates, for code that writes updates
    in bulk (generated test plans); status_update_record keeps them current otherwise."""
    return _latest_ratings_remake(Action.objects.filter(section__plan__in=list(plans)))


def _latest_ratings_remake(actions: QuerySet[Action]) -> int:
    LatestRating.objects.filter(action__in=actions).delete()
    newest = selectors.newest_ratings(actions=actions)
    made = LatestRating.objects.bulk_create(
        LatestRating(action_id=action_id, update_id=pk, period_id=period_id, status=status)
        for pk, action_id, period_id, status in newest
    )
    return len(made)


# The monitoring cycle: opening a period, drafts and submissions, review, sign-off.


class StaleWrite(PlanRuleError):
    """Someone else saved the same thing first; `current` is what they saved."""

    def __init__(self, message: str, current: Any) -> None:
        super().__init__(message)
        self.current = current


def _audit_created(actor: Actor, obj: Model, *, plan_id: int, action_id: int | None) -> None:
    """Audit something added to an action's history (or, with no action, to the plan's)."""
    scope = f"action:{action_id}" if action_id is not None else f"plan:{plan_id}"
    audit_record(
        actor=actor, obj=obj, before=None, after=snapshot(obj), plan_id=plan_id, scope=scope
    )


def _created_event(
    actor: Actor, obj: Model, *, plan_id: int, action_id: int | None
) -> AuditEvent | None:
    """The event _audit_created writes, for a service that writes its events in bulk."""
    scope = f"action:{action_id}" if action_id is not None else f"plan:{plan_id}"
    return audit_event(
        actor=actor, obj=obj, before=None, after=snapshot(obj), plan_id=plan_id, scope=scope
    )


def period_dates(period: Period) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a period covers, as far as they are known."""
    end = parse_partial_date(period.ends_on)
    return period.starts_on or end, end


def _check_no_overlap(
    plan: Plan, starts_on: dt.date, ends_on: dt.date, exclude: int | None
) -> None:
    others = plan.periods.all() if exclude is None else plan.periods.exclude(pk=exclude)
    for other in others:
        start, end = period_dates(other)
        if start is None or end is None:
            continue
        if starts_on <= end and start <= ends_on:
            raise PlanRuleError(
                f"{format_day(starts_on)} to {format_day(ends_on)} overlaps the period "
                f"{other.label} ({format_day(start)} to {format_day(end)}). Choose dates "
                "after the end of the last period."
            )


def format_day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def default_requested_actions(plan: Plan) -> list[Action]:
    """Every action of the plan whose latest status is not a done one."""
    from sendplan.monitoring.progress import action_progress, status_scale

    actions = list(
        Action.objects.filter(section__plan=plan).order_by("section__position", "position", "pk")
    )
    return [p.action for p in action_progress(actions, status_scale(plan)) if not p.status.done]


@transaction.atomic
def period_open(
    *,
    actor: Actor,
    plan: Plan,
    label: str,
    starts_on: dt.date,
    ends_on: dt.date,
    deadline: dt.date,
    actions: Sequence[Action] | None = None,
) -> Period:
    """Open a period for updates and ask for an update on the chosen actions.

    A period the plan document already names (an empty column) is opened in place; a period
    that has been opened before, or dates that overlap another period, are refused.
    """
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    label = label.strip()
    if starts_on > ends_on:
        raise PlanRuleError("The period must start before it ends")
    if deadline < starts_on:
        raise PlanRuleError("The deadline for updates must be after the period starts")
    period = plan.periods.filter(label=label).first()
    if period is not None and period.opened_at is not None:
        state = "signed off" if period.is_locked else "open"
        raise PlanRuleError(f"The period {label} has already been opened and is {state}")
    _check_no_overlap(plan, starts_on, ends_on, exclude=period.pk if period else None)
    before = snapshot(period) if period is not None else None
    if period is None:
        period = Period(plan=plan, label=label, position=_next_position(Period, plan=plan))
    period.ends_on = ends_on.isoformat()
    period.starts_on = starts_on
    period.deadline = deadline
    period.opened_at = timezone.now()
    period.opened_by_name = actor_label(actor)
    period.full_clean()
    period.save()
    chosen = default_requested_actions(plan) if actions is None else list(actions)
    _check_same_plan(plan, [a.section for a in chosen], "Actions")
    UpdateRequest.objects.bulk_create(UpdateRequest(period=period, action=a) for a in chosen)
    after = snapshot(period, extra={"actions asked for an update": len(chosen)})
    audit_plan_item(actor=actor, obj=period, before=before, after=after)
    return period


def _count(n: int, noun: str, plural: str = "") -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


@dataclass
class SignOffGaps:
    """What a period still lacks: the actions asked for an update that have none, whose update
    waits for review, or whose update was returned and not sent again; and the same of the
    indicator figures the period asks for."""

    missing: list[Action]
    waiting: list[Action]
    returned: list[Action]
    missing_figures: list[PeriodFigure] = field(default_factory=list)
    waiting_figures: list[PeriodFigure] = field(default_factory=list)
    returned_figures: list[PeriodFigure] = field(default_factory=list)

    @property
    def needs_reason(self) -> bool:
        return bool(self.missing or self.returned or self.missing_figures or self.returned_figures)

    @property
    def any_waiting(self) -> bool:
        return bool(self.waiting or self.waiting_figures)

    def summary(self) -> str:
        parts = []
        if self.missing:
            parts.append(f"{len(self.missing)} with no update")
        if self.returned:
            parts.append(f"{len(self.returned)} returned and not sent again")
        if self.missing_figures:
            parts.append(_count(len(self.missing_figures), "indicator figure") + " not recorded")
        if self.returned_figures:
            parts.append(
                _count(len(self.returned_figures), "figure") + " returned and not sent again"
            )
        return " and ".join(parts)

    def waiting_summary(self) -> str:
        parts = []
        if self.waiting:
            parts.append(_count(len(self.waiting), "update is", "updates are"))
        if self.waiting_figures:
            parts.append(_count(len(self.waiting_figures), "indicator figure is", "figures are"))
        return " and ".join(parts)


def sign_off_gaps(period: Period) -> SignOffGaps:
    newest = {update.action_id: update for update in current_updates(period)}
    asked = [
        request.action
        for request in period.requests.select_related("action__section").prefetch_related(
            "action__leads"
        )
    ]
    states = {action_id: update_state(update) for action_id, update in newest.items()}
    figures = period_figures(period)
    return SignOffGaps(
        missing=[action for action in asked if action.pk not in newest],
        waiting=[a for a in asked if states.get(a.pk) == UpdateState.SUBMITTED],
        returned=[a for a in asked if states.get(a.pk) == UpdateState.RETURNED],
        missing_figures=[f for f in figures if f.state == FigureState.MISSING],
        waiting_figures=[f for f in figures if f.state == FigureState.SUBMITTED],
        returned_figures=[f for f in figures if f.state == FigureState.RETURNED],
    )


@transaction.atomic
def period_sign_off(*, actor: Actor, period: Period, reason: str = "") -> Period:
    """The board has met: lock the period's updates and indicator figures for good. Those
    waiting for review must be decided first; signing off with updates or figures missing or
    returned needs a reason, which the plan's history keeps."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    if period.opened_at is None:
        raise PlanRuleError(
            f"The period {period.label} has not been opened, so it cannot be signed off"
        )
    if period.is_locked:
        raise PlanRuleError(f"The period {period.label} has already been signed off")
    gaps = sign_off_gaps(period)
    if gaps.any_waiting:
        raise PlanRuleError(
            f"{gaps.waiting_summary()} waiting for review. "
            "Approve or return them before signing off."
        )
    reason = reason.strip()
    if gaps.needs_reason and not reason:
        raise PlanRuleError(
            f"{gaps.summary().capitalize()}. Say why {period.label} is being signed off anyway."
        )
    before = snapshot(period)
    period.signed_off_at = timezone.now()
    period.signed_off_by_name = actor_label(actor)
    period.save()
    audit_record(
        actor=actor,
        obj=period,
        before=before,
        after=snapshot(period),
        plan_id=period.plan_id,
        scope=f"plan:{period.plan_id}",
        note=f"Signed off with {gaps.summary()}: {reason}" if gaps.needs_reason else "",
    )
    return period


class UpdateState:
    RECORDED = "recorded"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"

    LABELS = {
        RECORDED: "Recorded",
        SUBMITTED: "Waiting for review",
        APPROVED: "Approved",
        RETURNED: "Returned to the lead",
    }


def update_state(update: StatusUpdate, reviews: Sequence[UpdateReview] | None = None) -> str:
    """Where an update stands: its latest review decision, else waiting or simply recorded.
    Pass its reviews when they are already loaded, oldest first."""
    reviews = list(update.reviews.all()) if reviews is None else reviews
    if reviews:
        return reviews[-1].decision
    return UpdateState.SUBMITTED if update.needs_review else UpdateState.RECORDED


def current_updates(period: Period) -> list[StatusUpdate]:
    """The newest update of each action for the period (what a reviewer decides on)."""
    newest: dict[int, StatusUpdate] = {}
    for update in period.updates.prefetch_related("reviews").order_by("sequence", "pk"):
        newest[update.action_id] = update
    return list(newest.values())


def _check_open(period: Period) -> None:
    period.refresh_from_db(fields=["opened_at", "signed_off_at"])
    if period.is_locked:
        raise PlanRuleError(
            f"The period {period.label} has been signed off, so its updates are locked"
        )
    if period.opened_at is None:
        raise PlanRuleError(f"The period {period.label} is not open for updates")


@dataclass(frozen=True)
class Upload:
    """A file someone chose to attach, as it arrived."""

    name: str
    content: bytes


@transaction.atomic
def draft_save(
    *,
    actor: Actor,
    action: Action,
    period: Period,
    version: int | None,
    status: str = "",
    narrative: str = "",
    evidence: Sequence[str] = (),
    file: Upload | None = None,
) -> UpdateDraft:
    """Save an unfinished update, with a file attached if one is given. version is the draft's
    version the writer started from (None for a new draft); if someone saved meanwhile,
    StaleWrite says what they saved. A file that is refused (EvidenceRefused) leaves the
    draft as it was: the draft and its file are saved together or not at all."""
    if period.plan_id != action.section.plan_id:
        raise PlanRuleError("The period must belong to the action's plan")
    if file is not None:
        check_evidence_file(file.name, file.content)
    _check_open(period)
    check_status_code(period.plan, status)
    Action.objects.select_for_update().filter(pk=action.pk).first()
    draft = UpdateDraft.objects.filter(action=action, period=period).first()
    if draft is not None and draft.version != version:
        raise StaleWrite(
            f"{draft.saved_by_name or 'Someone'} saved this update at "
            f"{timezone.localtime(draft.saved_at):%H:%M} while you were writing it. Your text "
            "has not been saved yet: compare it with theirs below, then save again.",
            current=draft,
        )
    if draft is None and version is not None:
        raise StaleWrite(
            "This update was submitted by someone else while you were writing it. Your text "
            "has not been saved: it is shown below so you can copy it.",
            current=None,
        )
    before = snapshot(draft) if draft is not None else None
    if draft is None:
        draft = UpdateDraft(action=action, period=period, version=0)
    draft.status = status
    draft.narrative = narrative
    draft.evidence = list(evidence)
    draft.version += 1
    draft.saved_by_name = actor_label(actor)
    draft.saved_at = timezone.now()
    draft.save()
    user = acting_user(actor)
    if user is not None:
        draft.writers.add(user)
    audit_record(
        actor=actor,
        obj=draft,
        before=before,
        after=snapshot(draft),
        plan_id=period.plan_id,
        scope=draft_scope(action.pk),
    )
    if file is not None:
        evidence_file_add(actor=actor, draft=draft, name=file.name, content=file.content)
    return draft


@transaction.atomic
def draft_submit(*, actor: Actor, draft: UpdateDraft) -> StatusUpdate:
    """Turn a draft into a status update for review; the draft goes, its files move over."""
    locked = UpdateDraft.objects.select_for_update().filter(pk=draft.pk).first()
    if locked is None or locked.version != draft.version:
        raise StaleWrite(
            "This update was changed or submitted by someone else a moment ago. Nothing has "
            "been submitted twice: check the action's page for what was recorded.",
            current=locked,
        )
    if not locked.status:
        raise PlanRuleError("Select a status")
    period = locked.period
    _check_open(period)
    update = status_update_record(
        actor=actor,
        action=locked.action,
        period=period,
        status=locked.status,
        narrative=locked.narrative,
        evidence=locked.evidence,
        recorded_at=timezone.now(),
        needs_review=True,
    )
    locked.files.update(update=update, draft=None)
    audit_record(
        actor=actor,
        obj=locked,
        before=snapshot(locked),
        after=None,
        plan_id=period.plan_id,
        scope=draft_scope(locked.action_id),
        note="Submitted",
    )
    locked.delete()
    return update


@transaction.atomic
def update_review(
    *, actor: Actor, update: StatusUpdate, decision: str, comment: str = ""
) -> UpdateReview:
    """Approve a submitted update, or return it to the lead with a comment."""
    update = StatusUpdate.objects.select_for_update().select_related("period").get(pk=update.pk)
    _check_open(update.period)
    if decision not in UpdateReview.Decision.values:
        raise PlanRuleError("Choose whether to approve the update or return it")
    newest = update.period.updates.filter(action_id=update.action_id).order_by("-sequence").first()
    if newest is not None and newest.pk != update.pk:
        raise PlanRuleError("A newer update has been submitted for this period; review that one")
    if update_state(update) != UpdateState.SUBMITTED:
        raise PlanRuleError(
            f"This update has already been {UpdateState.LABELS[update_state(update)].lower()}"
        )
    if decision == UpdateReview.Decision.RETURNED and not comment.strip():
        raise PlanRuleError("Enter a comment telling the lead what to change")
    user = acting_user(actor)
    review = UpdateReview(
        update=update,
        decision=decision,
        comment=comment.strip(),
        reviewer=user,
        reviewer_name=actor_label(actor),
    )
    review.save()
    _audit_created(actor, review, plan_id=update.period.plan_id, action_id=update.action_id)
    return review


@transaction.atomic
def update_correct(
    *,
    actor: Actor,
    update: StatusUpdate,
    reason: str,
    status: str = "",
    narrative: str = "",
    evidence: Sequence[str] = (),
) -> StatusUpdate:
    """A correction to a locked update: a new entry beside the original, with its reason."""
    update.period.refresh_from_db(fields=["signed_off_at"])
    if not update.period.is_locked:
        raise PlanRuleError(
            "Only updates in a signed-off period are corrected; while a period is open, "
            "record or resubmit an update instead"
        )
    if not reason.strip():
        raise PlanRuleError("Enter the reason for the correction")
    return status_update_record(
        actor=actor,
        action=update.action,
        period=update.period,
        status=status,
        narrative=narrative,
        evidence=evidence,
        recorded_at=timezone.now(),
        corrects=update,
        reason=reason.strip(),
    )


# Evidence files


@transaction.atomic
def evidence_file_add(
    *, actor: Actor, draft: UpdateDraft, name: str, content: bytes
) -> EvidenceFile:
    """Attach a file to a draft. Only kinds of document people use as evidence, within the
    size limit; the type is taken from the name and checked against the content."""
    content_type = check_evidence_file(name, content)
    item = EvidenceFile(
        plan_id=draft.period.plan_id,
        draft=draft,
        name=Path(name).name[:255],
        content_type=content_type,
        size=len(content),
        uploaded_by_name=actor_label(actor),
    )
    suffix = Path(name).suffix.lower()
    item.file.save(f"{secrets.token_hex(16)}{suffix}", ContentFile(content), save=False)
    item.save()
    audit_record(
        actor=actor,
        obj=item,
        before=None,
        after=snapshot(item),
        plan_id=draft.period.plan_id,
        scope=draft_scope(draft.action_id),
    )
    return item


@transaction.atomic
def evidence_file_remove(*, actor: Actor, item: EvidenceFile) -> None:
    """Remove a file from a draft; a file on a submitted update stays with it."""
    if item.update_id is not None:
        raise PlanRuleError("This file belongs to a submitted update, so it is kept")
    audit_record(
        actor=actor,
        obj=item,
        before=snapshot(item),
        after=None,
        plan_id=item.plan_id,
        scope=draft_scope(item.draft.action_id) if item.draft else DRAFT_SCOPE,
    )
    item.file.delete(save=False)
    item.delete()


# Due dates


@transaction.atomic
def due_change_propose(
    *, actor: Actor, action: Action, reason: str, due: str = "", due_text: str = ""
) -> DueDateChange:
    """A lead asks to move a due date. Nothing changes until a programme manager approves."""
    if not reason.strip():
        raise PlanRuleError("Enter the reason for the new due date")
    if not due and not due_text.strip():
        raise PlanRuleError("Enter the new due date")
    if (due, due_text.strip()) == (action.due, action.due_text):
        raise PlanRuleError("The new due date is the same as the current one")
    if action.due_changes.filter(state=DueDateChange.State.PROPOSED).exists():
        raise PlanRuleError("A new due date for this action is already waiting for approval")
    change = DueDateChange(
        action=action,
        previous_due=action.due,
        previous_due_text=action.due_text,
        due=due,
        due_text=due_text.strip(),
        reason=reason.strip(),
        proposed_by=acting_user(actor),
        proposed_by_name=actor_label(actor),
        proposed_at=timezone.now(),
    )
    change.full_clean()
    change.save()
    _audit_created(actor, change, plan_id=action.section.plan_id, action_id=action.pk)
    return change


@transaction.atomic
def due_change_decide(
    *, actor: Actor, change: DueDateChange, approve: bool, note: str = ""
) -> DueDateChange:
    change = DueDateChange.objects.select_for_update().select_related("action").get(pk=change.pk)
    if change.state != DueDateChange.State.PROPOSED:
        raise PlanRuleError(f"This change has already been {change.get_state_display().lower()}")
    if not approve and not note.strip():
        raise PlanRuleError("Enter why the new date is not approved")
    before = snapshot(change)
    action = change.action
    if approve:
        action_before = snapshot(action)
        # The date may have moved since the change was asked for: record the one it replaced.
        change.previous_due, change.previous_due_text = action.due, action.due_text
        action.due, action.due_text = change.due, change.due_text
        action.save(update_fields=["due", "due_text"])
        audit_record(
            actor=actor,
            obj=action,
            before=action_before,
            after=snapshot(action),
            plan_id=action.section.plan_id,
            scope=f"action:{action.pk}",
            note="New due date approved",
        )
    change.state = DueDateChange.State.APPROVED if approve else DueDateChange.State.REJECTED
    change.decided_by = acting_user(actor)
    change.decided_by_name = actor_label(actor)
    change.decided_at = timezone.now()
    change.decision_note = note.strip()
    change.save()
    audit_record(
        actor=actor,
        obj=change,
        before=before,
        after=snapshot(change),
        plan_id=action.section.plan_id,
        scope=f"action:{action.pk}",
    )
    return change


# The parent carer forum's voice


@transaction.atomic
def forum_comment_add(
    *,
    actor: Actor,
    plan: Plan,
    text: str,
    action: Action | None = None,
    period: Period | None = None,
    author_name: str | None = None,
    at: dt.datetime | None = None,
) -> ForumComment:
    """Add the forum's comment. author_name and at are for imports, which keep the names and
    times their document gives."""
    if not text.strip():
        raise PlanRuleError("Enter the forum's comment")
    if action is not None and action.section.plan_id != plan.pk:
        raise PlanRuleError("The action must belong to the plan")
    if period is not None and period.plan_id != plan.pk:
        raise PlanRuleError("The period must belong to the plan")
    comment = ForumComment(
        plan=plan,
        action=action,
        period=period,
        text=text.strip(),
        author=acting_user(actor) if author_name is None else None,
        author_name=actor_label(actor) if author_name is None else author_name,
        at=at or timezone.now(),
    )
    comment.save()
    _audit_created(actor, comment, plan_id=plan.pk, action_id=action.pk if action else None)
    return comment


@dataclass(frozen=True)
class ForumCommentRow:
    """A comment for forum_comment_add_bulk: what forum_comment_add takes."""

    text: str
    action: Action | None = None
    period: Period | None = None
    author_name: str | None = None
    at: dt.datetime | None = None


@transaction.atomic
def forum_comment_add_bulk(
    *, actor: Actor, plan: Plan, rows: Sequence[ForumCommentRow]
) -> list[ForumComment]:
    """Add the forum's comments as forum_comment_add would, in a query for the comments and
    one for their audit events. The actions need their section loaded. A row
    forum_comment_add would refuse raises RowRefused, and nothing is saved."""
    comments: list[ForumComment] = []
    for index, row in enumerate(rows):
        try:
            if not row.text.strip():
                raise PlanRuleError("Enter the forum's comment")
            if row.action is not None and row.action.section.plan_id != plan.pk:
                raise PlanRuleError("The action must belong to the plan")
            if row.period is not None and row.period.plan_id != plan.pk:
                raise PlanRuleError("The period must belong to the plan")
        except PlanRuleError as error:
            raise RowRefused(index, error) from error
        comments.append(
            ForumComment(
                plan=plan,
                action=row.action,
                period=row.period,
                text=row.text.strip(),
                author=acting_user(actor) if row.author_name is None else None,
                author_name=actor_label(actor) if row.author_name is None else row.author_name,
                at=row.at or timezone.now(),
            )
        )
    ForumComment.objects.bulk_create(comments)
    audit_record_bulk(
        events=(
            _created_event(actor, comment, plan_id=plan.pk, action_id=comment.action_id)
            for comment in comments
        )
    )
    return comments


# Restoring the cycle's history from a plan document (the JSON import). Each keeps the names
# and times the document gives, as status_update_record does for updates.


@transaction.atomic
def period_restore(
    *,
    actor: Actor,
    period: Period,
    requested: Sequence[Action] = (),
    starts_on: dt.date | None = None,
    deadline: dt.date | None = None,
    opened_at: dt.datetime | None = None,
    opened_by_name: str = "",
    signed_off_at: dt.datetime | None = None,
    signed_off_by_name: str = "",
) -> Period:
    """Give an imported period the state it had: opened, the actions asked for, signed off.
    Called once its updates are in, since a signed-off period takes no more."""
    if signed_off_at is not None and opened_at is None:
        raise PlanRuleError("A period must have been opened before it was signed off")
    before = snapshot(period)
    period.starts_on, period.deadline = starts_on, deadline
    period.opened_at, period.opened_by_name = opened_at, opened_by_name
    period.signed_off_at, period.signed_off_by_name = signed_off_at, signed_off_by_name
    period.save()
    _check_same_plan(period.plan, [a.section for a in requested], "Actions")
    UpdateRequest.objects.bulk_create(UpdateRequest(period=period, action=a) for a in requested)
    after = snapshot(period, extra={"actions asked for an update": len(requested)})
    audit_plan_item(actor=actor, obj=period, before=before, after=after)
    return period


@transaction.atomic
def review_restore(
    *,
    actor: Actor,
    update: StatusUpdate,
    decision: str,
    comment: str = "",
    reviewer_name: str = "",
    at: dt.datetime | None = None,
) -> UpdateReview:
    if decision not in UpdateReview.Decision.values:
        raise PlanRuleError(f"{decision} is not a review decision")
    review = UpdateReview(
        update=update,
        decision=decision,
        comment=comment,
        reviewer_name=reviewer_name,
        at=at or timezone.now(),
    )
    review.save()
    _audit_created(actor, review, plan_id=update.period.plan_id, action_id=update.action_id)
    return review


@dataclass(frozen=True)
class ReviewRow:
    """A decision for review_restore_bulk: what review_restore takes."""

    update: StatusUpdate
    decision: str
    comment: str = ""
    reviewer_name: str = ""
    at: dt.datetime | None = None


@transaction.atomic
def review_restore_bulk(*, actor: Actor, rows: Sequence[ReviewRow]) -> list[UpdateReview]:
    """Record decisions as review_restore would, in a query for the decisions and one for
    their audit events. The updates need their action and period loaded. A row
    review_restore would refuse raises RowRefused, and nothing is saved."""
    reviews: list[UpdateReview] = []
    for index, row in enumerate(rows):
        if row.decision not in UpdateReview.Decision.values:
            error = PlanRuleError(f"{row.decision} is not a review decision")
            raise RowRefused(index, error) from error
        reviews.append(
            UpdateReview(
                update=row.update,
                decision=row.decision,
                comment=row.comment,
                reviewer_name=row.reviewer_name,
                at=row.at or timezone.now(),
            )
        )
    UpdateReview.objects.bulk_create(reviews)
    audit_record_bulk(
        events=(
            _created_event(
                actor,
                review,
                plan_id=review.update.period.plan_id,
                action_id=review.update.action_id,
            )
            for review in reviews
        )
    )
    return reviews


DUE_CHANGE_FIELDS = (
    "previous_due",
    "previous_due_text",
    "due",
    "due_text",
    "reason",
    "state",
    "proposed_by_name",
    "proposed_at",
    "decided_by_name",
    "decided_at",
    "decision_note",
)


@transaction.atomic
def due_change_restore(*, actor: Actor, action: Action, **fields: Any) -> DueDateChange:
    """Record a change of due date as the document gives it; the action's own date is already
    the one that resulted."""
    change = DueDateChange(action=action)
    _assign(change, DUE_CHANGE_FIELDS, fields)
    change.full_clean()
    change.save()
    _audit_created(actor, change, plan_id=action.section.plan_id, action_id=action.pk)
    return change


@dataclass(frozen=True)
class DueChangeRow:
    """A change of due date for due_change_restore_bulk: what due_change_restore takes."""

    action: Action
    fields: dict[str, Any] = field(default_factory=dict)


@transaction.atomic
def due_change_restore_bulk(*, actor: Actor, rows: Sequence[DueChangeRow]) -> list[DueDateChange]:
    """Record changes of due date as due_change_restore would, in a query for the changes and
    one for their audit events. The actions need their section loaded. A row
    due_change_restore would refuse raises RowRefused, and nothing is saved."""
    changes: list[DueDateChange] = []
    for index, row in enumerate(rows):
        change = DueDateChange(action=row.action)
        _assign(change, DUE_CHANGE_FIELDS, row.fields)
        try:
            clean_in_memory(change)
        except ValidationError as error:
            raise RowRefused(index, error) from error
        changes.append(change)
    DueDateChange.objects.bulk_create(changes)
    audit_record_bulk(
        events=(
            _created_event(
                actor, change, plan_id=row.action.section.plan_id, action_id=row.action.pk
            )
            for change, row in zip(changes, rows, strict=True)
        )
    )
    return changes
