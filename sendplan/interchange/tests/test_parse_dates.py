"""Dates as people write them in plans."""

from __future__ import annotations

import pytest

from sendplan.interchange.parsers.dates import (
    find_dates,
    latin_date_word,
    read_date,
    read_period,
    read_when,
    trailing_period,
)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("May 2018", "2018-05"),
        ("31 May 2018", "2018-05-31"),
        ("Sep-22", "2022-09"),
        ("Sept 2018", "2018-09"),
        ("June 18", "2018-06"),
        ("By 31 March 2018.", "2018-03-31"),
        ("Dec 2018 (Settings briefed)", "2018-12"),
        ("Sept 2018 (Dashboard completely populated and full monitoring)", "2018-09"),
        ("15 Sept 2018", "2018-09-15"),
        ("1st April 2019", "2019-04-01"),
        ("31/03/2018", "2018-03-31"),
        ("2019-03-31", "2019-03-31"),
        ("2019-03", "2019-03"),
        ("Survey Jan-Mar 2019", "2019-03"),
        ("July - Sept 2018", "2018-09"),
        ("Q3 2023/24", "2023-12"),
        ("Q4 2023/24", "2024-03"),
        ("Q2 2023", "2023-06"),
        ("end of March 2019", "2019-03"),
        ("w/c 5 March 2018", "2018-03-05"),
        ("Autumn Term 2018", "2018-12"),
    ],
)
def test_it_reads_the_dates_plans_write(written: str, iso: str) -> None:
    assert read_date(written) == iso


@pytest.mark.parametrize(
    "written",
    [
        "Termly",
        "3 times a year",
        "TBC",
        "TBA (Subject to recommendations)",
        "Ongoing",
        "Summer-ish",
        "2018/19",
        "твс",
        "31/02/2019",
        "",
    ],
)
def test_it_reads_no_date_from_words_that_name_none(written: str) -> None:
    assert read_date(written) is None
    assert not read_when(written).readable


def test_it_does_not_take_a_date_from_the_middle_of_a_sentence() -> None:
    assert read_date("Board operational and reviewing progress from May 2018") is None


def test_it_reads_from_as_a_start_not_a_deadline() -> None:
    when = read_when("From Sept 2018")
    assert (when.starts, when.due) == ("2018-09", None)
    when = read_when("From June 2018 3 times a year")
    assert (when.starts, when.due) == ("2018-06", None)


def test_it_reads_a_start_and_an_end() -> None:
    when = read_when("From April 2018 to March 2019")
    assert (when.starts, when.due) == ("2018-04", "2019-03")


def test_it_borrows_a_year_and_says_so() -> None:
    when = read_when("17 January", year_hint=2018)
    assert when.due == "2018-01-17"
    assert when.notes == ["assumed the year 2018"]


def test_it_says_when_it_reads_a_term_as_a_month() -> None:
    when = read_when("Summer 2019")
    assert when.due == "2019-07"
    assert "summer term" in when.notes[0]


@pytest.mark.parametrize(
    ("label", "ends_on"),
    [
        ("Mar 18", "2018-03-31"),
        ("Dec-19", "2019-12-31"),
        ("Apr-21", "2021-04-30"),
        ("Jan 2022", "2022-01-31"),
        ("Feb 2024", "2024-02-29"),
        ("Q3 2023/24", "2023-12-31"),
        ("31 March 2019", "2019-03-31"),
    ],
)
def test_it_reads_the_end_of_a_monitoring_period(label: str, ends_on: str) -> None:
    assert read_period(label) == ends_on


@pytest.mark.parametrize("label", ["Progress", "Date for delivery", "Mar 18 and Jun 18", "Jan"])
def test_it_does_not_take_other_headings_for_periods(label: str) -> None:
    assert read_period(label) is None


def test_it_finds_the_period_at_the_end_of_a_heading() -> None:
    assert trailing_period("Position Statement January 2022") == ("January 2022", "2022-01-31")
    assert trailing_period("Position Statement") is None


def test_it_finds_every_date_in_a_progress_note() -> None:
    found = find_dates("Feb 2021: drafted. May 2021: published on 3 June 2021.")
    assert [date.iso for date in found] == ["2021-02", "2021-05", "2021-06-03"]


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        # Cyrillic т, в and с, which text recognition put for the small capitals of "TBC".
        ("твс", "TBC"),
        ("ТВС", "TBC"),
        # Cyrillic М, а and у.
        ("Мау 2022", "May 2022"),
        # Greek Τ and Α.
        ("ΤΒΑ", "TBA"),
    ],
)
def test_it_reads_date_words_written_in_letters_that_look_latin(written: str, latin: str) -> None:
    assert latin_date_word(written) == latin


@pytest.mark.parametrize("written", ["TBC", "May 2022", "привет", "Мау", "тест 2022"])
def test_it_leaves_alone_latin_words_and_words_that_name_no_date(written: str) -> None:
    assert latin_date_word(written) is None
