"""A document that cannot become a plan is refused whole, with every problem named plainly."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sendplan.audit.models import AuditEvent
from sendplan.demo.load import DATA_DIR
from sendplan.interchange import jsonformat
from sendplan.interchange.jsonformat import import_plan, read_document
from sendplan.interchange.schema import PlanDocumentError, _quick_check, _validator
from sendplan.plans.models import Area, Plan, Section
from sendplan.plans.services import PlanRuleError

ACTION = "section 1 › section 1.1 › action 1.1.1 (plan → sections[0] → sections[0] → actions[0]"
DATE_ADVICE = "is not a date; write it as YYYY-MM or YYYY-MM-DD"


def small_plan() -> dict[str, Any]:
    action = {
        "ref": "1.1.1",
        "title": "Agree the board's terms of reference",
        "leads": ["HH"],
        "due": "2018-05",
        "updates": [{"period": "Mar 18", "status": "G/A"}],
    }
    return {
        "format": "sendplan.plan/1",
        "plan": {
            "title": "Improvement plan",
            "status_scale": [
                {"code": "G", "label": "On track"},
                {"code": "A", "label": "Some concerns"},
            ],
            "periods": [{"label": "Mar 18"}],
            "people": [{"key": "HH", "name": "Hana Hill"}],
            "weaknesses": [{"ref": "1", "text": "Slow implementation of the reforms"}],
            "sections": [
                {
                    "ref": "1",
                    "title": "Governance",
                    "owners": ["HH"],
                    "weaknesses": ["1"],
                    "sections": [{"ref": "1.1", "title": "The board", "actions": [action]}],
                }
            ],
            "glossary": [{"term": "SEND", "meaning": "Special educational needs and disabilities"}],
        },
    }


def the_action(document: dict[str, Any]) -> dict[str, Any]:
    action: dict[str, Any] = document["plan"]["sections"][0]["sections"][0]["actions"][0]
    return action


def refused(document: object) -> list[str]:
    """The problems an import reports, having checked that it saved nothing."""
    with pytest.raises(PlanDocumentError) as raised:
        import_plan(document, actor=None)
    assert (Plan.objects.count(), Area.objects.count(), AuditEvent.objects.count()) == (0, 0, 0)
    return raised.value.problems


@pytest.mark.django_db
def test_it_imports_the_small_plan_that_the_other_tests_break() -> None:
    plan = import_plan(small_plan(), actor=None)

    assert plan.title == "Improvement plan"


@pytest.mark.django_db
def test_it_says_which_due_date_is_not_a_date() -> None:
    document = small_plan()
    the_action(document)["due"] = "31/05/2018"

    assert refused(document) == [f'{ACTION} → due): "31/05/2018" {DATE_ADVICE}']


@pytest.mark.django_db
def test_it_refuses_a_month_that_does_not_exist() -> None:
    document = small_plan()
    document["plan"]["issued_on"] = "2018-13"

    assert refused(document) == [f'plan → issued_on: "2018-13" {DATE_ADVICE}']


@pytest.mark.django_db
def test_it_says_when_the_plan_has_no_title() -> None:
    document = small_plan()
    del document["plan"]["title"]

    assert refused(document) == ['plan: "title" is missing; every plan needs one']


@pytest.mark.django_db
def test_it_says_when_an_action_has_no_title() -> None:
    document = small_plan()
    del the_action(document)["title"]

    assert refused(document) == [f'{ACTION}): "title" is missing; every action needs one']


@pytest.mark.django_db
def test_it_says_when_a_lead_is_not_one_of_the_people() -> None:
    document = small_plan()
    the_action(document)["leads"] = ["HH", "XY"]

    assert refused(document) == [
        f'{ACTION} → leads[1]): "XY" is not the key of anyone in plan → people'
    ]


@pytest.mark.django_db
def test_it_says_when_an_owner_is_not_one_of_the_people() -> None:
    document = small_plan()
    document["plan"]["sections"][0]["owners"] = ["ZZ"]

    assert refused(document) == [
        'section 1 (plan → sections[0] → owners[0]): "ZZ" is not the key of anyone in plan → people'
    ]


@pytest.mark.django_db
def test_it_says_when_an_update_names_a_period_the_plan_does_not_have() -> None:
    document = small_plan()
    the_action(document)["updates"][0]["period"] = "Sep 18"

    assert refused(document) == [
        f"{ACTION} → updates[0] → period): "
        '"Sep 18" is not the label of any period in plan → periods'
    ]


@pytest.mark.django_db
def test_it_says_when_a_status_is_not_on_the_plans_scale() -> None:
    document = small_plan()
    the_action(document)["updates"] = [
        {"period": "Mar 18", "status": "Green"},
        {"period": "Mar 18", "status": "G/R"},
    ]

    advice = (
        'is not on the plan\'s status scale; use one of G, A, or codes joined by "/" such as "G/A"'
    )
    assert refused(document) == [
        f'{ACTION} → updates[0] → status): "Green" {advice}',
        f'{ACTION} → updates[1] → status): "G/R" {advice}',
    ]


@pytest.mark.django_db
def test_it_says_when_a_section_names_a_weakness_the_plan_does_not_have() -> None:
    document = small_plan()
    document["plan"]["sections"][0]["weaknesses"] = ["7"]

    assert refused(document) == [
        "section 1 (plan → sections[0] → weaknesses[0]): "
        '"7" is not the ref of any weakness in plan → weaknesses'
    ]


@pytest.mark.django_db
def test_it_says_when_keys_codes_labels_or_refs_are_used_twice() -> None:
    document = small_plan()
    plan = document["plan"]
    plan["people"].append({"key": "HH", "name": "Harry Hale"})
    plan["status_scale"].append({"code": "A", "label": "Amber"})
    plan["periods"].append({"label": "Mar 18"})
    plan["weaknesses"].append({"ref": "1", "text": "Another weakness"})

    assert refused(document) == [
        'person HH (plan → people[1] → key): "HH" is also the key of plan → people[0]; '
        "each person needs its own key",
        'period Mar 18 (plan → periods[1] → label): "Mar 18" is also the label of '
        "plan → periods[0]; each period needs its own label",
        'status A (plan → status_scale[2] → code): "A" is also the code of plan → status_scale[1]; '
        "each status needs its own code",
        'weakness 1 (plan → weaknesses[1] → ref): "1" is also the ref of plan → weaknesses[0]; '
        "each weakness needs its own ref",
    ]


@pytest.mark.django_db
def test_it_says_what_kind_of_value_was_expected() -> None:
    document = small_plan()
    document["plan"]["title"] = 42
    document["plan"]["kind"] = "WSOA"
    document["plan"]["people"][0]["email"] = "hana at example"

    assert refused(document) == [
        'plan → kind: "WSOA" is not allowed here; use one of "wsoa", "accelerated_progress_plan", '
        '"priority_action_plan", "improvement_plan", "strategy_action_plan", "other"',
        'person HH (plan → people[0] → email): "hana at example" is not an email address',
        "plan → title: should be text, not the number 42",
    ]


@pytest.mark.django_db
def test_it_says_when_a_value_is_too_long_or_a_cost_is_not_money() -> None:
    document = small_plan()
    the_action(document)["ref"] = "1" * 41
    the_action(document)["cost"] = 1500.125

    problems = refused(document)

    assert problems == [
        f"{ACTION.replace('1.1.1', '1' * 29 + '…')} → cost): "
        "1500.125 is not an amount in pounds and pence; write it like 1500 or 1499.99",
        f"{ACTION.replace('1.1.1', '1' * 29 + '…')} → ref): "
        "is 41 characters long, and at most 40 fit here",
    ]


@pytest.mark.django_db
def test_it_says_when_an_update_time_has_no_time_zone() -> None:
    document = small_plan()
    the_action(document)["updates"][0]["recorded_at"] = "2018-03-29 16:45"

    assert refused(document) == [
        f'{ACTION} → updates[0] → recorded_at): "2018-03-29 16:45" is not a date and time '
        "with its time zone; write it like 2018-03-31T16:30:00+00:00"
    ]


@pytest.mark.django_db
def test_it_lists_every_problem_in_the_order_of_their_places() -> None:
    document = small_plan()
    sections = document["plan"]["sections"]
    sections.extend({"title": f"Theme {n}"} for n in range(2, 12))
    sections[2]["owners"] = ["AA"]
    sections[10]["owners"] = ["BB"]
    del document["plan"]["title"]

    assert refused(document) == [
        'plan: "title" is missing; every plan needs one',
        'plan → sections[2] → owners[0]: "AA" is not the key of anyone in plan → people',
        'plan → sections[10] → owners[0]: "BB" is not the key of anyone in plan → people',
    ]


@pytest.mark.django_db
def test_it_refuses_a_document_of_another_format() -> None:
    assert refused({"format": "sendplan.report/1", "plan": {}}) == [
        'This is not a sendplan plan document: its format is "sendplan.report/1", '
        'and a plan document says "format": "sendplan.plan/1".'
    ]
    assert refused([1, 2])[0].startswith("This is not a sendplan plan document")
    assert refused({"plan": {}})[0].startswith(
        'This is not a sendplan plan document: it has no "format"'
    )


def test_it_says_where_a_file_stops_being_json() -> None:
    text = '{\n  "format": "sendplan.plan/1",\n  "plan": {"title": "x",}\n}'

    with pytest.raises(PlanDocumentError) as raised:
        read_document(text.encode())

    assert raised.value.problems == [
        "The file is not valid JSON: line 3, column 25: "
        "Expecting property name enclosed in double quotes"
    ]


def test_it_refuses_numbers_that_json_does_not_have() -> None:
    with pytest.raises(PlanDocumentError) as raised:
        read_document(b'{"value": NaN}')

    assert raised.value.problems == ["The file is not valid JSON: NaN is not a number JSON allows"]


def test_it_reads_a_file_that_starts_with_a_byte_order_mark() -> None:
    assert read_document(b'\xef\xbb\xbf{"format": "sendplan.plan/1"}') == {
        "format": "sendplan.plan/1"
    }


@pytest.mark.django_db
def test_it_accepts_fields_that_the_contract_does_not_name() -> None:
    document = small_plan()
    document["plan"]["source_file"] = "wsoa.docx"
    the_action(document)["rag_history_note"] = "Carried over"

    assert import_plan(document, actor=None).title == "Improvement plan"


@pytest.mark.django_db
def test_it_saves_nothing_when_a_service_refuses_part_way(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**values: Any) -> None:
        raise PlanRuleError("The glossary is closed")

    monkeypatch.setattr(jsonformat, "glossary_term_create", refuse)

    assert refused(small_plan()) == ["plan → glossary[0]: The glossary is closed"]
    assert Section.objects.count() == 0


@pytest.mark.django_db
def test_it_refuses_a_hidden_control_character_and_says_where_it_is() -> None:
    # PostgreSQL cannot store NUL in text: the plan is refused in words, with nothing saved.
    document = small_plan()
    the_action(document)["title"] = "Agree the terms\u0000 of reference"

    assert refused(document) == [
        f"{ACTION} → title): holds a hidden control character (U+0000), which cannot be "
        "stored; remove it and try again"
    ]


def test_it_refuses_a_hidden_control_character_as_the_file_is_read() -> None:
    text = json.dumps(small_plan()).replace("Governance", "Gover\\u0000nance")

    with pytest.raises(PlanDocumentError) as raised:
        read_document(text.encode())

    assert raised.value.problems == [
        "section 1 (plan → sections[0] → title): holds a hidden control character (U+0000), "
        "which cannot be stored; remove it and try again"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("hidden", ["\u0001", "\u0008", "\u000b", "\u001f", "\u007f"])
def test_it_finds_a_hidden_character_deep_in_the_plan_and_allows_tabs_and_line_breaks(
    hidden: str,
) -> None:
    document = small_plan()
    action = the_action(document)
    action["title"] = "Agree the terms\tof reference\r\nwith the forum"
    action["measures"] = [{"text": f"Every plan{hidden} reviewed"}]

    assert refused(document) == [
        f"{ACTION} → measures[0] → text): holds a hidden control character "
        f"(U+{ord(hidden):04X}), which cannot be stored; remove it and try again"
    ]


@pytest.mark.django_db
def test_it_names_an_indicators_supplier_weakness_or_action_that_does_not_exist() -> None:
    document = small_plan()
    document["plan"]["indicators"] = [
        {
            "name": "Plans in 20 weeks",
            "supplier": "ZZ",
            "weaknesses": ["9"],
            "actions": ["1.1.1", "7.7"],
        }
    ]

    assert sorted(refused(document)) == [
        'plan → indicators[0] → actions[1]: "7.7" is not the ref of any action in the plan',
        'plan → indicators[0] → supplier: "ZZ" is not the key of anyone in plan → people',
        'plan → indicators[0] → weaknesses[0]: "9" is not the ref of any weakness in plan → '
        "weaknesses",
    ]


# What a document's values are broken into, to compare the two schema checks: each kind of
# value JSON has, the wrong kind for most fields, and dates that match the pattern only.
BROKEN_VALUES: tuple[object, ...] = (
    True, False, 0, -1, 1.5, "", "x", "2018-13", "2018-02-30", "2018-02-28", None, [], {}, [1],
    {"x": 1},
)  # fmt: skip


def _leaves(value: object, place: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(value, dict):
        found = [place] if place else []
        return found + [p for key, item in value.items() for p in _leaves(item, (*place, key))]
    if isinstance(value, list):
        return [place] + [p for i, item in enumerate(value) for p in _leaves(item, (*place, i))]
    return [place]


_REMOVED = object()


def _with(document: Any, place: tuple[object, ...], value: object) -> Any:
    changed = json.loads(json.dumps(document))
    holder = changed
    for step in place[:-1]:
        holder = holder[step]
    if value is _REMOVED:
        del holder[place[-1]]
    else:
        holder[place[-1]] = value
    return changed


@pytest.mark.parametrize("source", ["small", "telford-wrekin-by-hand.plan.json"])
def test_the_quick_schema_check_never_passes_what_jsonschema_refuses(source: str) -> None:
    """The compiled check (fastjsonschema) decides alone that a document is valid; so every
    value of a document, broken in every way, must either fail it or pass jsonschema too."""
    if source == "small":
        document: Any = small_plan()
    else:
        document = json.loads((DATA_DIR / source).read_text(encoding="utf-8"))
    quick, full = _quick_check(), _validator()
    quick(document)
    assert not list(full.iter_errors(document))
    places = _leaves(document)
    # Every place of the small plan; a spread of the demo plan's (hundreds), each broken in
    # every way and also left out.
    chosen = places if len(places) < 200 else places[:: len(places) // 150]
    checked = refused_by_both = 0
    for place in chosen:
        for value in (*BROKEN_VALUES, _REMOVED):
            broken = _with(document, place, value)
            problems = list(full.iter_errors(broken))
            try:
                quick(broken)
            except Exception:
                refused_by_both += bool(problems)
            else:
                assert not problems, (place, value, problems[0].message)
            checked += 1
    assert checked > 200 and refused_by_both > 100
