"""The status and state tags every page shows: a status always in words (its code and its
label), the colour only repeating them, and text from a plan escaped; loaded in every
template without a {% load %}."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.template import Context, Template

from sendplan.lib.govuk_tags import reported_tag, state_tag, status_tag


@dataclass
class Level:
    code: str
    label: str
    colour: str


@pytest.mark.parametrize(
    ("level", "words", "classes"),
    [
        (Level("R", "Off track", "red"), "R – Off track", "govuk-tag govuk-tag--red"),
        (Level("A", "At risk", "Amber"), "A – At risk", "govuk-tag govuk-tag--yellow"),
        (Level("B", "Complete", "blue"), "B – Complete", "govuk-tag"),
        (Level("W", "Not started", "white"), "W – Not started", "sendplan-tag--white"),
        (Level("X", "Paused", "chartreuse"), "X – Paused", "govuk-tag govuk-tag--grey"),
        (Level("On track", "On track", "green"), "On track", "govuk-tag--green"),
        (Level("–", "No status", ""), "No status", "govuk-tag--grey"),
        (Level("G", "", "green"), "G", "govuk-tag--green"),
    ],
)
def test_a_status_is_shown_in_words_with_its_colour(level: Level, words: str, classes: str) -> None:
    html = status_tag(level)
    assert f">{words}</strong>" in html
    assert classes in html


def test_the_short_form_gives_the_code_alone() -> None:
    assert ">R</strong>" in status_tag(Level("R", "Off track", "red"), "short")


def test_no_status_says_so_to_a_screen_reader() -> None:
    assert "no status" in status_tag(None)
    assert "Not reported" in reported_tag(None)
    assert "R – Off track" in reported_tag(Level("R", "Off track", "red"))


def test_text_from_a_plan_is_escaped() -> None:
    html = status_tag(Level("<b>", "Late & <i>blocked</i>", "red"))
    assert "<b>" not in html and "<i>" not in html
    assert "Late &amp; &lt;i&gt;blocked&lt;/i&gt;" in html


@pytest.mark.parametrize(
    ("state", "label", "colour"),
    [
        ("returned", "Returned to you", "govuk-tag--red"),
        ("missing", "Missing", "govuk-tag--red"),
        ("draft", "Draft saved", "govuk-tag--yellow"),
        ("submitted", "Waiting for review", "govuk-tag--blue"),
        ("approved", "Approved", "govuk-tag--green"),
        ("recorded", "Recorded", "govuk-tag--grey"),
    ],
)
def test_a_state_is_shown_in_words(state: str, label: str, colour: str) -> None:
    html = state_tag(state, label)
    assert f">{label}</strong>" in html
    assert colour in html


def test_every_template_can_use_them_without_loading_them() -> None:
    rendered = Template("{{ level|status_tag }} {{ state|state_tag:label }}").render(
        Context({"level": Level("G", "On track", "green"), "state": "approved", "label": "Done"})
    )
    assert "G – On track" in rendered
    assert ">Done</strong>" in rendered


def test_a_status_read_from_a_file_comes_as_a_dict_and_shows_the_same() -> None:
    html = status_tag({"code": "A", "label": "At risk", "colour": "amber"})
    assert ">A – At risk</strong>" in html
    assert "govuk-tag--yellow" in html
