"""A direction of travel given in a column of its own, and a key of arrows laid out as a table
(rule `direction-key`): kept in words beside the rating, never read as the ratings' key."""

from __future__ import annotations

from sendplan.interchange.parsers import rules
from sendplan.interchange.tests import action, parsed_file, report_codes

_TRACKER = (
    "Northfield SEND Improvement Plan - progress update December 2025\n"
    "\n"
    "{key}"
    "Ref\tAction\tLead\tDue\tRAG\tDirection of travel\n"
    "1.1\tRecruit three educational psychologists\tHead of SEND\tMar 2026\tAmber\t↑\n"
    "1.2\tPublish the graduated approach guide\tSEND Inclusion Lead\tJan 2026\tGreen\t→\n"
    "1.3\tAudit overdue annual reviews\tHead of SEND\tFeb 2026\tRed\t↓\n"
)
_ARROW_KEY = "Key\nSymbol\tMeaning\n↑\tImproving\n→\tNo change\n↓\tGetting worse\n\n"


def _update(document: dict, ref: str) -> dict:
    [update] = action(document, ref)["updates"]
    return update


def test_a_key_of_arrows_is_no_key_to_the_ratings() -> None:
    # Before: the arrows' key was read as the ratings' key, in order: Green labelled "↑",
    # Amber "→", Red "↓"; and the column of arrows was left out without a word.
    result = parsed_file(_TRACKER.format(key=_ARROW_KEY).encode(), "tracker.txt")
    scale = {s["code"]: s["label"] for s in result.document["plan"]["status_scale"]}
    assert not any(label in "↑→↓" for label in scale.values())
    assert scale["A"] != "→"
    assert rules.DIRECTION_KEY.code in report_codes(result)
    first, third = _update(result.document, "1.1"), _update(result.document, "1.3")
    assert (first["status"], first["narrative"]) == ("A", "Direction of travel: ↑ (Improving)")
    assert (third["status"], third["narrative"]) == ("R", "Direction of travel: ↓ (Getting worse)")


def test_a_direction_column_without_a_key_keeps_its_arrows() -> None:
    result = parsed_file(_TRACKER.format(key="").encode(), "tracker.txt")
    second = _update(result.document, "1.2")
    assert (second["status"], second["narrative"]) == ("G", "Direction of travel: →")
    assert rules.DIRECTION_KEY.code not in report_codes(result)


def test_a_key_of_colours_beside_a_key_of_arrows_still_keys_the_ratings() -> None:
    colours = (
        "Key\nRAG\tMeaning\nGreen\tOn track\nAmber\tSome slippage\nRed\tOff track\n\n" + _ARROW_KEY
    )
    result = parsed_file(_TRACKER.format(key=colours).encode(), "tracker.txt")
    scale = {s["code"]: s["label"] for s in result.document["plan"]["status_scale"]}
    assert scale == {"G": "On track", "A": "Some slippage", "R": "Off track"}
    assert _update(result.document, "1.1")["narrative"] == "Direction of travel: ↑ (Improving)"
