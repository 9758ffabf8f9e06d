"""A heading that names a person's post ("Position", "Post", "Role") over a column of ratings
beside actions: the cells say it holds the actions' ratings (rule `ratings-under-a-post`)."""

from __future__ import annotations

import pytest

from sendplan.interchange.parsers import rules
from sendplan.interchange.tests import all_actions, parsed_file

_ACTIONS = [
    ["1.1", "Train every SENCo in the graduated response.", "Head of Inclusion", "Feb 2026"],
    ["1.2", "Screen children for language needs at two.", "Designated Clinical Officer",
     "June 2026"],
    ["1.3", "Cut the wait for a first CAMHS appointment.", "Head of SEND", "Sept 2026"],
]  # fmt: skip


def _plan(heading: str, cells: list[str]) -> bytes:
    rows = [["Ref", "Action", "Lead", "Due", heading]]
    rows += [[*action, cell] for action, cell in zip(_ACTIONS, cells, strict=True)]
    return "\n".join(["SEND improvement plan", "", *("\t".join(row) for row in rows)]).encode()


def _ratings(data: bytes) -> list[list[str]]:
    actions = all_actions(parsed_file(data, "plan.txt").document)
    return [[u.get("status", "") for u in action.get("updates", [])] for action in actions]


@pytest.mark.parametrize(
    ("heading", "cells"),
    [
        ("Position", ["G", "A", "R"]),
        ("Post", ["Green", "Amber", "Red"]),
        ("Role", ["Green", "Amber", "Red"]),
    ],
)
def test_it_reads_ratings_under_a_post_heading_as_each_actions_rating(
    heading: str, cells: list[str]
) -> None:
    assert _ratings(_plan(heading, cells)) == [["G"], ["A"], ["R"]]


def test_it_says_which_rule_read_the_column() -> None:
    result = parsed_file(_plan("Position", ["G", "A", "R"]), "plan.txt")
    table = result.tables[0]
    position = next(column for column in table.columns if column.heading == "Position")
    assert (position.role, position.rule) == ("status", rules.RATINGS_UNDER_A_POST.code)


def test_it_leaves_posts_under_a_post_heading_unrated() -> None:
    assert _ratings(_plan("Position", ["Head of SEND", "SENCO", "Director"])) == [[], [], []]
