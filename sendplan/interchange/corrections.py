"""A person's corrections to the actions of a plan as read, made on the check page.

They are kept apart from the reading, keyed by where each action was read in the file, so
that they survive reading the plan again with new choices for its tables: the document is
always the reading with the corrections on top. Only what a person changed is kept, so a
correction of a title does not undo a lead read afresh from a column they remapped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from sendplan.interchange.parsers.dates import read_when
from sendplan.interchange.parsers.people import Directory, Person, is_initials, read_leads, slug

# What a person may correct in place, in the order the form asks.
FIELDS = ("title", "lead_text", "due_text", "ratings")

Doc = dict[str, Any]


def walk_actions(sections: list[Doc]) -> Iterator[tuple[Doc, Doc]]:
    """Each action with its section, in the order the importer placed them."""
    for section in sections:
        for action in section.get("actions", []):
            yield section, action
        yield from walk_actions(section.get("sections", []))


def actions_of(document: Doc) -> list[tuple[Doc, Doc]]:
    plan = document.get("plan", {}) if isinstance(document, dict) else {}
    return list(walk_actions(plan.get("sections", [])))


def action_keys(document: Doc, placements: list[Doc]) -> list[str]:
    """A key for each action that stays the same when the same file is read again: where it
    was read (with a count when two were read in one place, as in text whose columns ran
    together), or its position when the importer placed nothing (our own JSON files)."""
    count = len(actions_of(document))
    wheres = [p.get("where", "") for p in placements if p.get("kind") == "action"]
    if len(wheres) != count:
        return [f"#{n}" for n in range(1, count + 1)]
    seen: Counter[str] = Counter()
    keys = []
    for where in wheres:
        seen[where] += 1
        keys.append(where if seen[where] == 1 else f"{where} ({seen[where]})")
    return keys


def current(document: Doc, action: Doc) -> Doc:
    """An action's correctable values as they stand, as the form shows them."""
    ratings = {
        update["period"]: update.get("status", "")
        for update in action.get("updates", [])
        if isinstance(update, dict) and "period" in update
    }
    return {
        "title": action.get("title", ""),
        "lead_text": action.get("lead_text") or _lead_names(document, action),
        "due_text": action.get("due_text") or action.get("due", ""),
        "ratings": {p["label"]: ratings.get(p["label"], "") for p in _periods(document)},
    }


def changed(before: Doc, after: Doc) -> Doc:
    """What a person changed: only those fields (and those periods' ratings)."""
    change: Doc = {}
    for name in ("title", "lead_text", "due_text"):
        if after.get(name, "") != before.get(name, ""):
            change[name] = after.get(name, "")
    ratings = {
        period: code
        for period, code in (after.get("ratings") or {}).items()
        if code != (before.get("ratings") or {}).get(period, "")
    }
    if ratings:
        change["ratings"] = ratings
    return change


def merge(earlier: Doc, later: Doc) -> Doc:
    """Two corrections of one action as one: the later wins field by field."""
    merged = {**earlier, **{k: v for k, v in later.items() if k != "ratings"}}
    ratings = {**earlier.get("ratings", {}), **later.get("ratings", {})}
    if ratings:
        merged["ratings"] = ratings
    return merged


def apply_all(
    document: Doc, placements: list[Doc], corrections: dict[str, Doc]
) -> tuple[dict[str, Doc], list[str]]:
    """Put the corrections on the document's actions, in place. Returns the corrections that
    still found their action, and a sentence for each that did not."""
    by_key = dict(zip(action_keys(document, placements), actions_of(document), strict=True))
    kept: dict[str, Doc] = {}
    dropped: list[str] = []
    for key, change in corrections.items():
        found = by_key.get(key)
        if found is None:
            what = change.get("title") or "an action"
            dropped.append(
                f"Your correction to {what!r} ({key}) was dropped: nothing there is read as an "
                "action now."
            )
            continue
        correct(document, found[1], change)
        kept[key] = change
    return kept, dropped


def correct(document: Doc, action: Doc, change: Doc) -> None:
    """Put one correction on one action of the document."""
    if "title" in change:
        action["title"] = change["title"]
    if "lead_text" in change:
        _set_leads(document, action, change["lead_text"])
    if "due_text" in change:
        _set_due(action, change["due_text"])
    for period, code in (change.get("ratings") or {}).items():
        _rate(document, action, period, code)


def due_is_a_date(text: str) -> bool:
    return read_when(text).due is not None


def _set_due(action: Doc, text: str) -> None:
    text = " ".join(text.split())
    for key in ("due", "due_text"):
        action.pop(key, None)
    if not text:
        return
    # Both the words and the date, as the plan format keeps them: "Termly" has no date.
    action["due_text"] = text
    due = read_when(text).due
    if due is not None:
        action["due"] = due


def _set_leads(document: Doc, action: Doc, text: str) -> None:
    text = " ".join(text.split())
    action.pop("lead_text", None)
    action.pop("leads", None)
    if not text:
        return
    action["lead_text"] = text
    keys = _people_for(document, text)
    if keys:
        action["leads"] = keys


def _people_for(document: Doc, text: str) -> list[str]:
    """The keys of the people a lead cell names, adding anyone the plan does not list yet,
    matched to the plan's people as the importer matches them."""
    people: list[Doc] = document.setdefault("plan", {}).setdefault("people", [])
    directory = Directory()
    for entry in people:
        key = str(entry.get("key", ""))
        directory.people.append(
            Person(
                name=entry.get("name", ""),
                role=entry.get("role", ""),
                initials=key if is_initials(key) else "",
                key=key,
            )
        )
    keys: list[str] = []
    taken = {str(entry.get("key", "")) for entry in people}
    for mention in read_leads(text).mentions:
        person = directory.resolve(mention).person
        if not person.key:
            base = person.initials or slug(person.describe())
            key, number = base, 2
            while key in taken:
                key, number = f"{base}-{number}", number + 1
            person.key = key
            taken.add(key)
            entry = {"key": key}
            entry.update({k: v for k in ("name", "role") if (v := getattr(person, k))})
            people.append(entry)
        if person.key not in keys:
            keys.append(person.key)
    return keys


def _lead_names(document: Doc, action: Doc) -> str:
    people = {p.get("key"): p for p in document.get("plan", {}).get("people", [])}
    names = []
    for key in action.get("leads", []):
        person = people.get(key, {})
        names.append(person.get("name") or person.get("role") or key)
    return " / ".join(names)


def _periods(document: Doc) -> list[Doc]:
    return [
        p
        for p in document.get("plan", {}).get("periods", [])
        if isinstance(p, dict) and p.get("label")
    ]


def _rate(document: Doc, action: Doc, period: str, code: str) -> None:
    updates: list[Doc] = action.setdefault("updates", [])
    found = next((u for u in updates if u.get("period") == period), None)
    if code:
        if found is not None:
            found["status"] = code
        else:
            updates.append({"period": period, "status": code})
            order = [p["label"] for p in _periods(document)]
            updates.sort(key=lambda u: order.index(u["period"]) if u["period"] in order else 0)
    elif found is not None:
        found.pop("status", None)
        if set(found) == {"period"}:
            updates.remove(found)
    if not updates:
        del action["updates"]
