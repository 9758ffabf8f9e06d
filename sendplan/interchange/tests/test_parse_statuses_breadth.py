"""Progress statuses written as councils write them, read as a careful person would.

The invented plans are in status_corpus.py (bench/parse_statuses.py prints their table); the
focused tests below hold each rule the round added (corpus/real/STATUSES.md)."""

from __future__ import annotations

from typing import Any

import openpyxl
import openpyxl.styles
import pytest

from sendplan.interchange.parsers import dates, rules, statuses
from sendplan.interchange.tests import (
    action,
    assert_valid_plan,
    parsed_file,
    report_codes,
    saved,
)
from sendplan.interchange.tests.status_corpus import PLANS, StatusPlan, figures, parsed

# Every action found and every status cell read the same, in every plan but those named.
FLOORS: dict[tuple[str, str], float] = {}
NAMED = ("actions found", "refs", "leads", "status cells")


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_plan_s_statuses_are_read_as_a_person_would(plan: StatusPlan) -> None:
    short = [
        f"{what}: {same}/{total}"
        for what, same, total in figures(plan)
        if what in NAMED and total and same / total < FLOORS.get((plan.name, what), 1.0)
    ]
    assert not short, f"{plan.name} reads below its floors: {', '.join(short)}"


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_plan_gives_a_valid_document(plan: StatusPlan) -> None:
    assert_valid_plan(parsed(plan))


def test_the_corpus_writes_statuses_in_every_kind_of_file() -> None:
    kinds = {plan.filename.rsplit(".", 1)[1] for plan in PLANS}
    assert kinds == {"txt", "docx", "xlsx", "pdf"} and len(PLANS) >= 10


def _text_plan(*lines: str) -> dict[str, Any]:
    document: dict[str, Any] = parsed_file("\n".join(lines).encode(), "plan.txt").document
    return document


def _period(document: dict[str, Any], label: str) -> dict[str, Any]:
    return next(p for p in document["plan"]["periods"] if p["label"] == label)


def _status(document: dict[str, Any], ref: str) -> tuple[str, str]:
    """(the period, the rating's words in the plan's scale) of the action's one update."""
    update = action(document, ref)["updates"][0]
    labels = {s["code"]: s["label"] for s in document["plan"]["status_scale"]}
    return update["period"], labels[update["status"]]


_HEAD = "Ref\tAction\tLead\tDue\tStatus"


# A line that reports progress at a date names the period of a "Status" column


def test_a_line_reporting_progress_at_a_day_dates_the_status_column() -> None:
    document = _text_plan(
        "Westvale SEND plan",
        "Position at 31 March 2025",
        _HEAD,
        "1.1\tPublish the local offer\tAnna Blake\tMay 2025\tOn track",
        "1.2\tReview the panel\tAnna Blake\tJune 2025\tDelayed",
    )
    period, rating = _status(document, "1.1")
    assert _period(document, period)["ends_on"] == "2025-03-31" and rating == "On track"


@pytest.mark.parametrize(
    ("line", "ends_on"),
    [
        ("Update for the SEND Partnership Board, November 2024", "2024-11-30"),
        ("Monitoring update: October 2024", "2024-10-31"),
        ("Progress at the 6-month stocktake, June 2025", "2025-06-30"),
        ("Quarter 3 2024/25", "2024-12-31"),
    ],
)
def test_lines_that_report_progress_name_a_period_with_its_end(line: str, ends_on: str) -> None:
    assert dates.names_period(line) and dates.named_period_end(line) == ends_on


@pytest.mark.parametrize(
    "line", ["Review 12 May 2025", "Status report for the board in May 2024 was late"]
)
def test_a_meeting_s_day_or_a_sentence_names_no_period(line: str) -> None:
    assert not dates.names_period(line)


def test_a_sheet_s_line_over_its_table_names_the_period_of_a_delivery_status_column() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Eastholm SEND tracker"])
    sheet.append(["Quarter 2 2025/26"])
    sheet.append(["Ref", "Action", "Lead", "Deadline", "Delivery status"])
    sheet.append(["A1", "Publish the local offer", "Anna Blake", "Mar-26", "Slipped"])
    sheet.append(["A2", "Review the panel", "Anna Blake", "Apr-26", "Complete"])
    document = parsed_file(saved(book), "tracker.xlsx").document
    period, rating = _status(document, "A2")
    assert _period(document, period)["ends_on"] == "2025-09-30" and rating == "Complete"


# Progress notes that open with rating words


def test_progress_notes_that_open_with_rating_words_give_the_rating_and_keep_the_rest() -> None:
    result = parsed_file(
        "\n".join(
            [
                "Ref\tAction\tLead\tDue\tUpdate (Jan 2025)",
                "1\tSign the protocol\tCarl Benn\tMay 2025\tComplete – signed off in December.",
                "2\tSet up the panel\tCarl Benn\tMarch 2025\tOn track. The panel met twice.",
                "3\tWrite the guide\tAlice Dunn\tApril 2025\tWork has started on a draft.",
            ]
        ).encode(),
        "plan.txt",
    )
    document = result.document
    assert _status(document, "1")[1] == "Complete"
    assert action(document, "1")["updates"][0]["narrative"] == "signed off in December."
    assert _status(document, "2")[1] == "On track"
    # A note that opens otherwise is kept whole, unrated.
    assert "status" not in action(document, "3")["updates"][0]
    assert rules.RATING_WORDS_OPEN_PROGRESS.code in report_codes(result)


def test_one_note_opening_with_a_rating_word_is_not_taken_for_a_rating() -> None:
    document = _text_plan(
        "Ref\tAction\tLead\tDue\tUpdate (Jan 2025)",
        "1\tSign the protocol\tCarl Benn\tMay 2025\tDelayed: waiting for health partners.",
        "2\tSet up the panel\tCarl Benn\tMarch 2025\tThe panel met twice in the autumn.",
    )
    assert "status" not in action(document, "1")["updates"][0]


@pytest.mark.parametrize(
    ("note", "found"),
    [
        ("Not started - the review will be tendered.", ("Not started", "the review will be")),
        ("Met, as planned", ("Met", "as planned")),
        ("Ongoing work with schools", None),
        ("Green spaces are used", None),
    ],
)
def test_leading_rating_words(note: str, found: tuple[str, str] | None) -> None:
    got = statuses.leading_rating(note)
    if found is None:
        assert got is None
    else:
        assert got is not None and got[0] == found[0] and got[1].startswith(found[1])


# A key of marks in a paragraph


def test_a_key_of_marks_in_a_paragraph_rates_the_marks_in_a_progress_column() -> None:
    result = parsed_file(
        "\n".join(
            [
                "Key: ✓ complete, ● on track, ▲ at risk, ✗ not started",
                "Ref\tAction\tLead\tDue\tProgress",
                "H1\tPublish the self-evaluation\tRhys Cole\tMarch 2025\t✓",
                "H2\tReduce the backlog\tRhys Cole\tDecember 2025\t▲",
                "H3\tLaunch the guide\tYvonne Platt\tJanuary 2026\t✗",
            ]
        ).encode(),
        "plan.txt",
    )
    document = result.document
    assert rules.MARK_KEY.code in report_codes(result)
    assert [_status(document, ref)[1] for ref in ("H1", "H2", "H3")] == [
        "complete",
        "at risk",
        "not started",
    ]
    colours = {s["code"]: s.get("colour") for s in document["plan"]["status_scale"]}
    assert colours == {"✓": "blue", "●": "green", "▲": "amber", "✗": "white"}


def test_a_key_of_marks_needs_the_word_key_and_two_marks() -> None:
    assert statuses.mark_legend("✓ complete, ● on track") is None
    assert statuses.mark_legend("Key: ✓ complete") is None


# A "Target" column of dates beside actions


def test_a_target_column_of_dates_beside_actions_is_when_they_are_due() -> None:
    result = parsed_file(
        "\n".join(
            [
                "Ref\tMilestone\tLead\tTarget\tPosition at Q3",
                "1.1\tIssue plans within 20 weeks\tFiona Grant\tMar 2025\tNot met",
                "1.2\tHold reviews on time\tFiona Grant\tDec 2024\tPartially met",
                "2.1\tAgree joint funding\tVictor Adeyemi\tFeb 2025\tMet",
            ]
        ).encode(),
        "plan.txt",
    )
    document = result.document
    assert action(document, "1.1")["due"] == "2025-03"
    assert rules.TARGET_DATES_DUE.code in {
        c.rule for t in result.tables for c in t.columns if c.role == "due"
    }
    colours = {s["code"]: s.get("colour") for s in document["plan"]["status_scale"]}
    rated = [action(document, ref)["updates"][0]["status"] for ref in ("1.1", "1.2", "2.1")]
    assert [colours[code] for code in rated] == ["red", "amber", "blue"]


def test_a_target_column_beside_indicators_stays_a_target() -> None:
    result = parsed_file(
        "\n".join(
            [
                "Indicator\tBaseline\tTarget",
                "EHC plans issued within 20 weeks\t40%\t60%",
                "Annual reviews on time\t55%\t80%",
            ]
        ).encode(),
        "plan.txt",
    )
    assert not any(c.role == "due" for t in result.tables for c in t.columns)


# The words trackers rate with


@pytest.mark.parametrize(
    ("words", "colour"),
    [
        ("Not achieved", "red"),
        ("Partially achieved", "amber"),
        ("Not yet due", "white"),
        ("Met", "blue"),
        ("Not met", "red"),
        ("Achieved", "blue"),
        ("Limited progress", "red"),
        ("Exceeded", "blue"),
    ],
)
def test_rating_words_take_the_colour_a_reader_would_give_them(words: str, colour: str) -> None:
    scale = statuses.word_scale([words])
    assert scale is not None and scale[0].colour == colour


def test_a_column_of_tracker_states_is_read_as_ratings_where_most_are_rating_words() -> None:
    document = _text_plan(
        "Update for the SEND Partnership Board, November 2024",
        "Ref\tAction\tLead\tDue\tCurrent position",
        "G1\tHold a monthly panel\tPeter Vance\tApril 2024\tEmbedded",
        "G2\tWrite a transport policy\tPeter Vance\tSeptember 2024\tClosed",
        "G3\tDevelop an outreach offer\tSara Lind\tJuly 2025\tOngoing",
        "G4\tPilot a SEND hub\tSara Lind\tJune 2024\tSuperseded",
    )
    assert [_status(document, ref)[1] for ref in ("G1", "G4")] == ["Embedded", "Superseded"]
    assert _period(document, _status(document, "G1")[0])["ends_on"] == "2024-11-30"


# A labelled rating opening a progress entry


def test_a_progress_entry_opening_with_a_labelled_rating_gives_the_rating() -> None:
    result = parsed_file(
        "\n".join(
            [
                "Ref\tAction\tLead\tDue\tProgress update – September 2024",
                'K1\tTrain SENCOs\tOlivia Hart\tMarch 2025\t"Status: Green\nDates are booked."',
                "K2\tGrow the team\tOlivia Hart\tDecember 2024\tRAG rating – A. Two posts vacant.",
                "K3\tPublish a directory\tBen Walsh\tJuly 2024\tStatus of the work is unclear.",
            ]
        ).encode(),
        "plan.txt",
    )
    document = result.document
    colours = {s["code"]: s.get("colour") for s in document["plan"]["status_scale"]}
    k1, k2, k3 = (action(document, ref)["updates"][0] for ref in ("K1", "K2", "K3"))
    assert colours[k1["status"]] == "green" and k1["narrative"] == "Dates are booked."
    assert colours[k2["status"]] == "amber" and k2["narrative"] == "Two posts vacant."
    assert "status" not in k3
    assert rules.RATING_LABEL_IN_PROGRESS.code in report_codes(result)


# An update column rated by shading alone


def _shaded_tracker(heading: str) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Owner", "Due by", heading])
    sheet.append(["L1", "Agree an outcomes framework", "Mira Patel", "Jul 2025", ""])
    sheet.append(["L2", "Cut the wait for therapy", "Mira Patel", "Mar 2026", "Waits are down."])
    sheet["E2"].fill = openpyxl.styles.PatternFill(fill_type="solid", fgColor="FFFF0000")
    sheet["E3"].fill = openpyxl.styles.PatternFill(fill_type="solid", fgColor="FF00B050")
    return saved(book)


def test_an_update_cell_with_no_words_shaded_a_colour_gives_that_period_s_rating() -> None:
    result = parsed_file(_shaded_tracker("Jun 2025 update"), "tracker.xlsx")
    document = result.document
    colours = {s["code"]: s.get("colour") for s in document["plan"]["status_scale"]}
    l1, l2 = (action(document, ref)["updates"][0] for ref in ("L1", "L2"))
    assert _period(document, l1["period"])["ends_on"] == "2025-06-30"
    assert colours[l1["status"]] == "red"
    # A shaded cell with words is a progress note; its shading is no rating.
    assert "status" not in l2 and l2["narrative"] == "Waits are down."
    assert rules.SHADED_UPDATE_CELL.code in report_codes(result)


# The month a report says it is on, near the document's top


def test_a_rating_column_with_no_date_takes_the_month_the_report_is_on() -> None:
    result = parsed_file(
        "\n".join(
            [
                "Subject: WSoA action updates for the January 2024 board",
                "",
                "Ref\tAction\tLead\tRAG",
                "1.1\tCo-production charter\tMarion Fell\tGreen",
                "1.2\tParent carer workshops\tMarion Fell\tAmber",
            ]
        ).encode(),
        "update.txt",
    )
    document = result.document
    assert document["plan"]["periods"] == [{"label": "January 2024", "ends_on": "2024-01-31"}]
    assert action(document, "1.2")["updates"][0]["period"] == "January 2024"
    assert rules.REPORT_DATE_PERIOD.code in report_codes(result)
    # The column's period is dated now: nothing asks for a date to be given before saving.
    assert rules.UNDATED_COLUMN.code not in report_codes(result)


@pytest.mark.parametrize(
    ("line", "month"),
    [
        (
            "Highlight report: Priority Action Plan, period ending 30 September 2025",
            "September 2025",
        ),
        ("Updated for the six-month stocktake, September 2023", "September 2023"),
        ("Accelerated Progress Plan – March 2024", None),
        ("Sent: 12 January 2024", None),
    ],
)
def test_the_month_a_line_says_a_report_is_on(line: str, month: str | None) -> None:
    found = dates.report_month(line)
    assert (found[0] if found else None) == month


# Ticks and crosses with no key


def test_ticks_and_crosses_with_no_key_are_done_and_not_done() -> None:
    result = parsed_file(
        "\n".join(
            [
                "Ref\tAction\tLead\tDue\tStatus",
                "1\tOpen the hub\tAnna Blake\tMay 2025\t✔",
                "2\tReview the panel\tAnna Blake\tJune 2025\t✘",
            ]
        ).encode(),
        "plan.txt",
    )
    document = result.document
    scale = {s["code"]: s for s in document["plan"]["status_scale"]}
    assert [action(document, ref)["updates"][0]["status"] for ref in ("1", "2")] == ["✔", "✘"]
    assert (scale["✔"]["colour"], scale["✘"]["colour"]) == ("blue", "red")
    assert scale["✔"].get("done") is True
    assert rules.MARK_SCALE.code in report_codes(result)


# A colour the plan's key leaves out reads as its usual meaning (usual-colour-beside-key)


def _keyed(closed: str) -> Any:
    return parsed_file(
        "\n".join(
            [
                "Northfold SEND improvement plan",
                "Key: Green - on track; Amber - some slippage; Red - off track",
                _HEAD,
                "1.1\tPublish the revised Local Offer pages\tHead of SEND\tMarch 2026\tGreen",
                f"1.2\tTrain SENCOs on the new EHC plan template\tSEND Manager\tJan 2026\t{closed}",
                "1.3\tAgree the joint commissioning strategy\tICB Director\tJune 2026\tAmber",
            ]
        ).encode(),
        "plan.txt",
    )


def test_a_blue_rating_under_a_key_without_blue_is_the_usual_completed() -> None:
    result = _keyed("Blue")
    document = result.document
    assert [_status(document, ref)[1].lower() for ref in ("1.1", "1.2", "1.3")] == [
        "on track",
        "completed",
        "some slippage",
    ]
    assert rules.USUAL_COLOUR_BESIDE_KEY.code in report_codes(result)
    assert rules.RATING_UNREADABLE.code not in report_codes(result)


def test_a_white_rating_under_a_key_without_white_is_still_not_guessed() -> None:
    result = _keyed("White")
    assert "updates" not in action(result.document, "1.2") or not any(
        update.get("status") for update in action(result.document, "1.2")["updates"]
    )
    assert rules.USUAL_COLOUR_BESIDE_KEY.code not in report_codes(result)


# A lone rating column beside progress written as dated entries (rating-with-latest-entries)


def _commentary_book(second: str) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Eastwold SEND improvement tracker"])
    sheet.append(["Ref", "Action", "Lead", "Due", "RAG", "Progress commentary"])
    sheet.append(
        [
            "1.1",
            "Publish the revised Local Offer pages",
            "Head of SEND",
            "March 2026",
            "Green",
            "Oct 2025: pages drafted with the forum.\nDec 2025: published.",
        ]
    )
    sheet.append(["1.2", "Train SENCOs on the new EHC plan template", "SEND Manager", "June 2026",
                  "Amber", second])  # fmt: skip
    return saved(book)


def test_a_lone_rating_beside_dated_entries_rates_the_latest_entries_period() -> None:
    result = parsed_file(
        _commentary_book("Oct 2025: dates set.\nNov 2025: two of four sessions held."),
        "tracker.xlsx",
    )
    document = result.document
    assert {p["label"] for p in document["plan"]["periods"]} == {"Oct 2025", "Nov 2025", "Dec 2025"}
    for ref, rating in (("1.1", "on track"), ("1.2", "some concerns")):
        rated = [u for u in action(document, ref)["updates"] if u.get("status")]
        labels = {s["code"]: s["label"].lower() for s in document["plan"]["status_scale"]}
        assert [(u["period"], labels[u["status"]]) for u in rated] == [("Dec 2025", rating)]
    assert action(document, "1.1")["updates"][-1]["narrative"] == "published."
    assert rules.RATING_WITH_LATEST_ENTRIES.code in report_codes(result)
    assert rules.UNDATED_COLUMN.code not in report_codes(result)


def test_entries_that_rate_themselves_leave_the_rating_column_its_own_period() -> None:
    result = parsed_file(
        _commentary_book("Oct 2025: Amber - dates set.\nNov 2025: Green - sessions held."),
        "tracker.xlsx",
    )
    assert rules.RATING_WITH_LATEST_ENTRIES.code not in report_codes(result)
    assert "RAG" in [p["label"] for p in result.document["plan"]["periods"]]


# An arrow of the direction of travel beside a rating (arrow-beside-rating)


def test_an_arrow_beside_a_rating_is_kept_in_words_and_the_rating_read() -> None:
    result = parsed_file(
        "\n".join(
            [
                "Northfold SEND improvement plan",
                _HEAD,
                "1.1\tPublish the revised Local Offer pages\tHead of SEND\tMarch 2026\tAmber ↑",
                "1.2\tTrain SENCOs on the new EHC plan template\tSEND Manager\tJan 2026\tG ↔",
                "1.3\tAgree the joint commissioning strategy\tICB Director\tJune 2026\tRed",
            ]
        ).encode(),
        "plan.txt",
    )
    document = result.document
    assert [_status(document, ref)[1].lower() for ref in ("1.1", "1.2", "1.3")] == [
        "some concerns",
        "on track",
        "off track or major concerns",
    ]
    narratives = [action(document, ref)["updates"][0].get("narrative") for ref in ("1.1", "1.2")]
    assert narratives == ["Direction of travel: ↑", "Direction of travel: ↔"]
    assert "narrative" not in action(document, "1.3")["updates"][0]
    assert rules.ARROW_BESIDE_RATING.code in report_codes(result)
