"""Bringing an updated file (a tracker leads filled in) into the plan it came from."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from sendplan.audit.models import AuditEvent
from sendplan.interchange.jsonformat import export_plan
from sendplan.interchange.merge import (
    NewPeriod,
    NewPerson,
    PlanChangedError,
    Remark,
    apply_changes,
    plan_changes,
)
from sendplan.interchange.parsers import parse_file
from sendplan.interchange.schema import Document, PlanDocumentError
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import LatestRating, StatusUpdate
from sendplan.plans import services
from sendplan.plans.models import Action, Person, Section
from sendplan.scale import grow_plan
from sendplan.test import PlanWorld, build_world


def sections_in(sections: list[Document]) -> Iterator[Document]:
    for section in sections:
        yield section
        yield from sections_in(section.get("sections", []))


def section_in(document: Document, ref: str) -> Document:
    return next(s for s in sections_in(document["plan"]["sections"]) if s.get("ref") == ref)


def action_in(document: Document, ref: str) -> Document:
    sections = sections_in(document["plan"]["sections"])
    return next(a for s in sections for a in s.get("actions", []) if a.get("ref") == ref)


def with_september(world: PlanWorld) -> Document:
    """The plan's tracker, sent back with a Sep 18 column filled in for both actions."""
    document = export_plan(world.plan)
    document["plan"]["periods"].append({"label": "Sep 18", "ends_on": "2018-09-30"})
    action_in(document, "1.1.1")["updates"].append(
        {"period": "Sep 18", "status": "B", "narrative": "ToR signed off"}
    )
    action_in(document, "1.1.2")["updates"] = [{"period": "Sep 18", "status": "A"}]
    return document


def apply(world: PlanWorld, document: Document) -> None:
    changes = plan_changes(world.plan, document)
    apply_changes(plan=world.plan, changes=changes, actor=world.users["programme_manager"])


def latest(action: Action) -> StatusUpdate:
    update = action.updates.order_by("-sequence").first()
    assert update is not None
    return update


def test_it_takes_only_the_new_period_and_its_statuses_from_a_tracker(world: PlanWorld) -> None:
    changes = plan_changes(world.plan, with_september(world))

    assert changes.new_periods == [NewPeriod("Sep 18", "2018-09-30")]
    assert [str(update) for update in changes.new_updates] == ["Sep 18: B", "Sep 18: A"]
    assert changes.summary() == "1 new period, 2 new status updates"

    actions_before = Action.objects.count()
    apply_changes(plan=world.plan, changes=changes, actor=world.users["programme_manager"])
    assert [period.label for period in world.plan.periods.all()] == ["Mar 18", "Jun 18", "Sep 18"]
    assert (latest(world.action).period.label, latest(world.action).status) == ("Sep 18", "B")
    assert latest(world.action).narrative == "ToR signed off"
    assert latest(world.other_action).status == "A"
    assert world.action.updates.count() == 2
    assert Action.objects.count() == actions_before


def test_it_applies_a_csv_tracker_that_leads_filled_in(world: PlanWorld) -> None:
    tracker = (
        b"Ref,Action,Lead,Due,Mar 18,Jun 18,Sep 18\n"
        b"1.1.1,Confirm the Terms of Reference,Head of ELS (HH),May 2018,G,,B\n"
        b"1.1.2,Publish the board's minutes,,Termly,,,A\n"
        b"1.1.3,Appoint an independent chair,PW,Sep 2018,,,W\n"
    )
    document = parse_file(tracker, "tracker.csv", max_bytes=100_000, timeout=20).document

    changes = plan_changes(world.plan, document)
    # Mar 18 says G, as recorded: a tracker without commentary does not blank the narrative.
    assert changes.summary() == "1 new period, 3 new status updates, 1 new action"
    assert changes.new_actions[0].parent.section_id == world.priority.pk
    assert (changes.problems, changes.notes) == ([], [])

    apply_changes(plan=world.plan, changes=changes, actor=world.users["programme_manager"])
    assert [(u.period.label, u.status) for u in world.action.updates.all()] == [
        ("Mar 18", "G"),
        ("Sep 18", "B"),
    ]
    assert Action.objects.get(ref="1.1.3").section == world.priority
    assert plan_changes(world.plan, document).is_empty


def test_it_finds_nothing_to_do_when_the_same_file_comes_back(world: PlanWorld) -> None:
    document = with_september(world)
    apply(world, document)

    again = plan_changes(world.plan, document)
    assert again.is_empty
    assert again.summary() == "No changes"
    assert again.problems == []


def test_it_does_not_add_again_history_the_plan_already_has(world: PlanWorld) -> None:
    monitoring.status_update_record(
        actor=None, action=world.action, period=world.periods[0], status="A", narrative="Slipped."
    )

    assert plan_changes(world.plan, export_plan(world.plan)).is_empty


def test_it_finds_nothing_new_in_a_tracker_showing_each_periods_latest_status(
    world: PlanWorld,
) -> None:
    monitoring.status_update_record(
        actor=None, action=world.action, period=world.periods[0], status="A", narrative="Slipped."
    )
    document = export_plan(world.plan)
    # A tracker has one cell per period: the correction, not the status it replaced.
    action_in(document, "1.1.1")["updates"] = [
        {"period": "Mar 18", "status": "A", "narrative": "Slipped."}
    ]

    assert plan_changes(world.plan, document).is_empty


def test_it_shows_a_new_status_for_a_recorded_period_as_a_change(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    action_in(document, "1.1.1")["updates"].append(
        {"period": "Mar 18", "status": "A", "narrative": "Slipped."}
    )

    changes = plan_changes(world.plan, document)
    assert [str(update) for update in changes.new_updates] == ["Mar 18: G → A"]

    apply(world, document)
    assert [u.status for u in world.action.updates.filter(period=world.periods[0])] == ["G", "A"]


def test_it_shows_a_changed_due_date_before_and_after_and_audits_both(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    action_in(document, "1.1.1").update(due="2018-07", due_text="July 2018")

    changes = plan_changes(world.plan, document)
    assert changes.summary() == "1 changed action"
    [changed] = changes.changed_actions
    shown = [(c.label, c.before, c.after) for c in changed.fields]
    assert shown == [
        ("Due date", "May 2018", "July 2018"),
        ("Due (as written)", "May 2018", "July 2018"),
    ]

    apply_changes(plan=world.plan, changes=changes, actor=world.users["programme_manager"])
    world.action.refresh_from_db()
    assert world.action.due_display == "July 2018"
    event = AuditEvent.objects.filter(object_type="action", object_id=str(world.action.pk)).first()
    assert event is not None
    assert event.actor == world.users["programme_manager"]
    assert event.changes["due"] == ["2018-05", "2018-07"]
    assert event.changes["due_text"] == ["May 2018", "July 2018"]


def test_it_adds_a_new_action_under_the_section_with_the_same_ref(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    section_in(document, "1.1")["actions"].append(
        {
            "ref": "1.1.3",
            "title": "Appoint an independent chair",
            "leads": ["PW"],
            "due": "2018-09",
            "measures": [{"text": "Chair in post"}],
            "updates": [{"period": "Jun 18", "status": "W"}],
        }
    )

    changes = plan_changes(world.plan, document)
    [new] = changes.new_actions
    assert new.parent.section_id == world.priority.pk
    assert new.parent.heading == "Strategic priority 1.1: Combine the boards"
    assert changes.summary() == "1 new status update, 1 new action"

    apply(world, document)
    action = Action.objects.get(ref="1.1.3")
    assert action.section == world.priority
    assert [person.key for person in action.ordered_leads()] == ["PW"]
    assert [measure.text for measure in action.measures.all()] == ["Chair in post"]
    assert (latest(action).period.label, latest(action).status) == ("Jun 18", "W")


def test_it_proposes_a_section_the_plan_lacks_for_a_new_action_in_it(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    section_in(document, "1")["sections"].append(
        {
            "ref": "1.2",
            "level": "Strategic priority",
            "title": "Publish the Local Offer",
            "actions": [{"ref": "1.2.1", "title": "Review the Local Offer website"}],
        }
    )

    changes = plan_changes(world.plan, document)
    [section] = changes.new_sections
    assert section.heading == "Strategic priority 1.2: Publish the Local Offer"
    assert section.parent is not None and section.parent.section_id == world.theme.pk
    assert changes.new_actions[0].parent.new_section == 0
    assert changes.summary() == "1 new section, 1 new action"

    apply(world, document)
    action = Action.objects.get(ref="1.2.1")
    assert action.section.ref == "1.2"
    assert action.section.parent == world.theme


def test_it_proposes_each_missing_level_above_a_new_action(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    document["plan"]["sections"].append(
        {
            "ref": "2",
            "level": "Theme",
            "title": "Joint commissioning",
            "sections": [
                {
                    "ref": "2.1",
                    "level": "Strategic priority",
                    "title": "Agree a joint commissioning strategy",
                    "actions": [{"ref": "2.1.1", "title": "Draft the strategy"}],
                }
            ],
        }
    )

    changes = plan_changes(world.plan, document)
    assert [section.ref for section in changes.new_sections] == ["2", "2.1"]
    assert changes.new_sections[0].parent is None
    assert changes.new_sections[1].parent is not None
    assert changes.new_sections[1].parent.new_section == 0

    apply(world, document)
    theme = Section.objects.get(plan=world.plan, ref="2")
    assert theme.parent is None
    assert Action.objects.get(ref="2.1.1").section.parent == theme


def test_it_leaves_alone_what_the_file_does_not_give(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    section_in(document, "1.1")["actions"] = [
        {"ref": "1.1.1", "title": "   "},
        {"ref": "1.1.2", "title": "Publish the board's minutes"},
    ]

    changes = plan_changes(world.plan, document)
    assert changes.is_empty

    apply_changes(plan=world.plan, changes=changes, actor=None)
    world.action.refresh_from_db()
    assert world.action.title == "Confirm the Terms of Reference"
    assert world.action.due_display == "May 2018"
    assert [person.key for person in world.action.ordered_leads()] == ["HH"]
    assert world.action.measures.count() == 1
    assert world.action.updates.count() == 1


def test_it_clears_a_field_the_file_gives_as_blank(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    action_in(document, "1.1.1")["lead_text"] = ""

    [changed] = plan_changes(world.plan, document).changed_actions
    assert [(c.field, c.before, c.after) for c in changed.fields] == [
        ("lead_text", "Head of ELS (HH)", "")
    ]


def test_it_lists_actions_missing_from_the_file_and_keeps_them(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    section_in(document, "1.1")["actions"] = [action_in(document, "1.1.1")]

    changes = plan_changes(world.plan, document)
    assert [(missing.ref, missing.title) for missing in changes.not_in_file] == [
        ("1.1.2", "Publish the board's minutes")
    ]
    assert changes.is_empty

    apply_changes(plan=world.plan, changes=changes, actor=None)
    assert Action.objects.filter(pk=world.other_action.pk).exists()


def test_it_reports_an_unknown_status_and_does_not_record_it(world: PlanWorld) -> None:
    document = with_september(world)
    action_in(document, "1.1.1")["updates"][-1]["status"] = "Z"

    changes = plan_changes(world.plan, document)
    assert changes.problems == [
        Remark(
            "Action 1.1.1, Sep 18",
            "Z is not on the plan's status scale (A, B, G, R, W) and the file does not define Z",
        )
    ]
    assert [str(update) for update in changes.new_updates] == ["Sep 18: A"]

    apply(world, document)
    assert not StatusUpdate.objects.filter(status="Z").exists()
    assert latest(world.action).period.label == "Mar 18"


def test_it_adds_a_status_that_the_files_scale_defines(world: PlanWorld) -> None:
    document = with_september(world)
    document["plan"]["status_scale"].append({"code": "C", "label": "Closed", "done": True})
    action_in(document, "1.1.1")["updates"][-1]["status"] = "C"

    changes = plan_changes(world.plan, document)
    assert [(level.code, level.label, level.done) for level in changes.new_status_levels] == [
        ("C", "Closed", True)
    ]

    apply(world, document)
    assert world.plan.status_levels.get(code="C").label == "Closed"
    assert latest(world.action).status == "C"


def test_it_accepts_a_combined_rating(world: PlanWorld) -> None:
    document = with_september(world)
    action_in(document, "1.1.1")["updates"][-1]["status"] = "G/A"

    changes = plan_changes(world.plan, document)
    assert changes.problems == []

    apply(world, document)
    assert latest(world.action).status == "G/A"


def test_it_refuses_changes_worked_out_before_the_plan_changed(world: PlanWorld) -> None:
    changes = plan_changes(world.plan, with_september(world))
    services.action_update(actor=None, action=world.other_action, due_text="Monthly")
    events_before = AuditEvent.objects.count()

    with pytest.raises(PlanChangedError, match="The plan has changed since you uploaded the file"):
        apply_changes(plan=world.plan, changes=changes, actor=world.users["programme_manager"])
    assert AuditEvent.objects.count() == events_before
    assert not world.plan.periods.filter(label="Sep 18").exists()


def test_its_fingerprint_stays_while_the_plan_does_and_moves_on_with_any_change(
    world: PlanWorld,
) -> None:
    document = with_september(world)
    shown = plan_changes(world.plan, document)
    confirmed = plan_changes(world.plan, document)
    assert confirmed.fingerprint == shown.fingerprint

    services.action_update(actor=None, action=world.other_action, due_text="Monthly")
    moved = plan_changes(world.plan, document)
    assert moved.fingerprint != shown.fingerprint
    with pytest.raises(PlanChangedError):
        apply_changes(plan=world.plan, changes=shown, actor=world.users["programme_manager"])
    # Saving checks the plan as it stands, and finds it as the changes were worked out.
    apply_changes(plan=world.plan, changes=moved, actor=world.users["programme_manager"])
    assert world.plan.periods.filter(label="Sep 18").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets one writer at a time, so its changes' ids are in the order they commit",
)
@pytest.mark.django_db(transaction=True)
def test_a_file_read_while_an_earlier_write_is_under_way_is_asked_for_again() -> None:
    """On PostgreSQL a change's id is taken when it is written, not when it commits: a write
    can take an older id than one that commits before it. Changes worked out from a file
    between the two commits would not see the older write, so saving them must not find the
    plan unchanged once it has committed."""
    world = build_world()
    written, commit = threading.Event(), threading.Event()

    def retitle() -> None:
        try:
            with transaction.atomic():
                action = Action.objects.get(pk=world.other_action.pk)
                services.action_update(actor=None, action=action, title="Retitled meanwhile")
                written.set()
                commit.wait(30)
        finally:
            connection.close()

    writer = threading.Thread(target=retitle)
    writer.start()
    try:
        assert written.wait(30)
        # A later write commits first: the plan's newest change is its.
        services.action_update(actor=None, action=world.action, due_text="Monthly")
        changes = plan_changes(world.plan, with_september(world))
    finally:
        commit.set()
        writer.join(30)
    newest = AuditEvent.objects.filter(plan_id=world.plan.pk).order_by("-pk").first()
    # The retitling took an older id than the due date's change, though it committed later.
    assert newest is not None and newest.object_id == str(world.action.pk)

    with pytest.raises(PlanChangedError, match="The plan has changed since you uploaded the file"):
        apply_changes(plan=world.plan, changes=changes, actor=world.users["programme_manager"])
    assert not world.plan.periods.filter(label="Sep 18").exists()


def test_it_credits_updates_to_who_the_file_names_never_the_importer(world: PlanWorld) -> None:
    document = with_september(world)
    action_in(document, "1.1.1")["updates"][-1].update(
        recorded_by="Helen Hill", recorded_at="2018-09-28T10:00:00+00:00"
    )

    apply(world, document)
    signed = latest(world.action)
    assert (signed.author, signed.author_name) == (None, "Helen Hill")
    assert signed.recorded_at == dt.datetime(2018, 9, 28, 10, tzinfo=dt.UTC)
    unsigned = latest(world.other_action)
    assert (unsigned.author, unsigned.author_name) == (None, "")
    event = AuditEvent.objects.get(object_type="statusupdate", object_id=str(signed.pk))
    assert event.actor == world.users["programme_manager"]


def test_it_matches_a_ref_retyped_with_other_spaces_and_capitals_and_says_so(
    world: PlanWorld,
) -> None:
    services.action_create(actor=None, section=world.priority, ref="1.1.4A", title="Recruit")
    document = export_plan(world.plan)
    action_in(document, "1.1.4A").update(ref="1.1.4 a", title="Recruit a chair")

    changes = plan_changes(world.plan, document)
    assert changes.new_actions == []
    assert [(c.ref, c.fields[0].after) for c in changes.changed_actions] == [
        ("1.1.4A", "Recruit a chair")
    ]
    assert changes.notes == [
        Remark("Action 1.1.4 a", "Taken to be the plan's action 1.1.4A, ignoring spaces and case")
    ]


def test_it_adds_a_lead_listed_in_the_file_and_reports_one_nobody_knows(
    world: PlanWorld,
) -> None:
    document = export_plan(world.plan)
    document["plan"]["people"].append({"key": "JS", "name": "Jo Smith", "role": "SENCO"})
    action_in(document, "1.1.1")["leads"] = ["HH", "JS"]
    action_in(document, "1.1.2")["leads"] = ["ZZ"]

    changes = plan_changes(world.plan, document)
    assert changes.new_people == [NewPerson("JS", "Jo Smith", "SENCO")]
    [changed] = changes.changed_actions
    assert [(c.label, c.before, c.after) for c in changed.fields] == [("Leads", "HH", "HH, JS")]
    assert changes.problems == [
        Remark(
            "Action 1.1.2",
            "The lead ZZ is not anyone in the plan or the file, so the leads were not changed",
        )
    ]

    apply(world, document)
    assert [person.key for person in world.action.ordered_leads()] == ["HH", "JS"]
    assert Person.objects.get(plan=world.plan, key="JS").name == "Jo Smith"
    assert world.other_action.ordered_leads() == []


def test_it_reports_a_status_for_a_period_nobody_has(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    action_in(document, "1.1.1")["updates"].append({"period": "Dec 18", "status": "G"})

    changes = plan_changes(world.plan, document)
    assert changes.problems == [
        Remark("Action 1.1.1", "Neither the plan nor the file has a period called Dec 18")
    ]
    assert changes.is_empty


def test_it_reports_an_action_without_a_ref_and_leaves_it_out(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    section_in(document, "1.1")["actions"].append({"title": "Hold a launch event"})

    changes = plan_changes(world.plan, document)
    assert changes.problems == [
        Remark(
            "The action “Hold a launch event”",
            "It has no ref, so it cannot be matched to the plan",
        )
    ]
    assert changes.new_actions == []


def test_it_changes_a_section_title_and_keeps_what_the_file_leaves_out(world: PlanWorld) -> None:
    services.section_update(actor=None, section=world.priority, outcomes="One board")
    document = export_plan(world.plan)
    section_in(document, "1.1")["title"] = "Combine the two boards"
    del section_in(document, "1.1")["outcomes"]

    changes = plan_changes(world.plan, document)
    [changed] = changes.changed_sections
    assert [(c.field, c.before, c.after) for c in changed.fields] == [
        ("title", "Combine the boards", "Combine the two boards")
    ]

    apply(world, document)
    world.priority.refresh_from_db()
    assert world.priority.title == "Combine the two boards"
    assert world.priority.outcomes == "One board"


def test_it_refuses_a_file_that_is_not_a_sound_plan_document(world: PlanWorld) -> None:
    document = export_plan(world.plan)
    action_in(document, "1.1.1")["due"] = "31/05/2018"

    with pytest.raises(PlanDocumentError) as refused:
        plan_changes(world.plan, document)
    assert any("31/05/2018" in problem for problem in refused.value.problems)


def with_updates_in_the_open_period(world: PlanWorld, actions: int) -> Document:
    """The plan's tracker, sent back with the open period's column filled in anew for the
    first actions."""
    document = export_plan(world.plan)
    period = world.plan.periods.filter(signed_off_at__isnull=True).last()
    assert period is not None
    items = [a for s in sections_in(document["plan"]["sections"]) for a in s.get("actions", [])]
    for n, item in enumerate(items[:actions]):
        item.setdefault("updates", []).append(
            {"period": period.label, "status": "A", "narrative": f"From the tracker {n}"}
        )
    return document


def test_it_records_a_trackers_updates_in_the_same_number_of_queries_however_many(
    world: PlanWorld,
) -> None:
    grow_plan(world.plan, lead=world.lead, actions=40, periods=4)

    def queries(document: Document) -> int:
        changes = plan_changes(world.plan, document)
        with transaction.atomic(), CaptureQueriesContext(connection) as captured:
            apply_changes(plan=world.plan, changes=changes, actor=None)
            transaction.set_rollback(True)
        return len(captured)

    assert queries(with_updates_in_the_open_period(world, 40)) == queries(
        with_updates_in_the_open_period(world, 10)
    )


def test_it_keeps_the_latest_ratings_of_the_actions_a_tracker_updates(world: PlanWorld) -> None:
    grow_plan(world.plan, lead=world.lead, actions=20, periods=4)
    services.status_level_create(actor=None, plan=world.other_plan, code="G", label="Good")
    grow_plan(world.other_plan, actions=5, periods=2)
    untouched = list(LatestRating.objects.exclude(action__section__plan=world.plan).values())
    # One for each of the other plan's actions that has a rating (grow_plan leaves some quiet).
    rated = StatusUpdate.objects.filter(action__section__plan=world.other_plan)
    assert len(untouched) == rated.values("action").distinct().count() > 0

    apply(world, with_updates_in_the_open_period(world, 15))

    rows = LatestRating.objects.filter(action__section__plan=world.plan)
    kept = sorted(rows.values_list("action_id", "update_id", "period_id", "status"))
    assert sum(r.update.narrative.startswith("From the tracker") for r in rows) == 15
    monitoring.latest_ratings_rebuild(plans=[world.plan])
    assert sorted(rows.values_list("action_id", "update_id", "period_id", "status")) == kept
    assert list(LatestRating.objects.exclude(action__section__plan=world.plan).values()) == (
        untouched
    )
