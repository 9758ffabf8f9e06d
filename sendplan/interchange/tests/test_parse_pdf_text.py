"""Text copied out of a PDF, however it was extracted, reads as the PDF does
(tests/pdf_text_corpus.py).

The first tests are invented texts in other words for what the bench found the importer
misread: prose wrapped at the page's width with no blank line between paragraphs, and bullets
copied on a line of their own or as a symbol font's character; and texts it must leave as
they are. The floors then hold the bench's matrix on a subset that runs in modest time (three
dev plans and three extractions; bench/parse_pdf_text.py runs the whole matrix).
"""

from __future__ import annotations

import textwrap

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.parsers.wrapped_lines import unwrapped
from sendplan.interchange.tests import all_actions, pdf_text_corpus

_WORK = (
    "Workstream 1 is about helping mainstream schools include every child, by giving them "
    "more advice and funding to build on the support they already give; new outreach teams "
    "will work alongside staff in every school from January 2026.",
    "Workstream 2 is about earlier help for families in their own community, through twelve "
    "new family hubs that bring health, education and care staff together, each of them "
    "open by the summer term of 2026.",
    "Workstream 3 is about a new model of alternative provision in secondary schools, so "
    "that fewer pupils are excluded, with the first three bases open by September 2026.",
)


def _prose(wrapped: bool) -> str:
    lines = ["Inclusion improvement programme", "Our workstreams"]
    for n, paragraph in enumerate(_WORK, start=1):
        lines.append(f"Workstream {n}")
        lines += textwrap.wrap(paragraph, 88) if wrapped else [paragraph]
    # pdfplumber and pdfium leave no blank line between paragraphs; a person pasting a web
    # page does.
    return "\n".join(lines) if wrapped else "\n\n".join(lines)


def _titles(text: str) -> list[str]:
    return [a["title"] for a in all_actions(parse_text(text).document)]


def test_prose_wrapped_at_the_page_width_reads_as_the_same_prose_unwrapped() -> None:
    plain = _titles(_prose(wrapped=False))
    assert len(plain) == 3 and plain[0].startswith("Workstream 1 is about")
    assert _titles(_prose(wrapped=True)) == plain


def test_joining_wrapped_lines_is_shown_by_its_rule() -> None:
    result = parse_text(_prose(wrapped=True))
    assert rules.WRAPPED_LINES.code in {item.code for item in result.report}


def test_lines_that_were_not_wrapped_are_left_as_they_are() -> None:
    # A slide's bullets and a table's cells a line each: no line's next word would have
    # fitted on it, so nothing is joined.
    lines = [
        "Priority 1 - Early identification",
        "• Screen every two-year-old at the integrated review for speech delay",
        "• Give nursery staff a route to ask the early years team for advice",
        "Partnership board",
        "Train every SENCO in the new graduated approach toolkit this year",
        "Head of SEND",
        "31 March 2026",
        "Publish the waiting times for speech and language therapy each month",
        "Designated clinical officer",
        "30 June 2026",
    ]
    assert unwrapped(lines, list(range(len(lines))))[0] == lines


def test_a_table_run_together_with_its_cells_wrapped_is_not_joined_as_prose() -> None:
    # Cells side by side, each wrapped in its own column: short pieces under a long row.
    lines = [
        "1 Devise a policy and a process to identify the unmet need of "
        "Jo Bright, Planning End Oct 25",
        "families across the area. Manager assessment arrangements",
        "team have within Care",
        "established First",
        "2 Include the figures in the reports to the Chief Executive and "
        "Sam Lee, Head of From Nov 25",
        "the Executive Member each quarter. Service format for",
        "reports to the Chief",
        "Executive",
    ] * 3  # fmt: skip
    assert unwrapped(lines, list(range(len(lines))))[0] == lines


def test_bullets_on_a_line_of_their_own_or_of_a_symbol_font_open_the_words_under_them() -> None:
    items = (
        "Develop multi-agency action plans for the children with the highest needs",
        "Produce better EHC plans, written with children and their families",
        "Improve how children move between phases of their education",
    )
    lone = "By the end of 2026, we will:\n" + "".join(f"\uf0b7\n{item}\n" for item in items)
    symbol = "By the end of 2026, we will:\n" + "".join(f"\uf0b7 {item}\n" for item in items)
    plain = "By the end of 2026, we will:\n" + "".join(f"• {item}\n" for item in items)
    expected = _titles(plain)
    assert len(expected) == 3
    assert _titles(lone) == expected
    assert _titles(symbol) == expected
    codes = {item.code for item in parse_text(lone).report}
    assert rules.LONE_BULLETS.code in codes


# The matrix, on a subset

_SUBSET = (
    "real/camden-implementation-2025",
    "real/norfolk-local-first-inclusion-2023",
    "office17/ambleford-slides.pdf",
)
_EXTRACTIONS = ("plumber", "pdfium", "viewer_lines")


def test_the_text_of_dev_pdfs_reads_as_the_pdf_does_on_a_subset() -> None:
    plans = tuple(b for b in pdf_text_corpus.bases() if b.name in _SUBSET)
    extractions = tuple(e for e in pdf_text_corpus.EXTRACTIONS if e.name in _EXTRACTIONS)
    assert len(plans) == 3 and not any(b.blind for b in plans)
    chosen = list(pdf_text_corpus.cells(plans, extractions))
    holding = sum(not pdf_text_corpus.fallen(b, e) for b, e in chosen)
    # 8 of the 9 once the rules were written (2 before them).
    assert holding >= 8, holding


def test_a_bullet_wrapped_into_a_box_of_its_own_runs_on_across_the_blank_line() -> None:
    # pdfminer puts a bullet's wrapped words in a text box of their own, a blank line apart.
    items = [textwrap.wrap(f"• {paragraph}", 88) for paragraph in _WORK]
    gapped = "\n\n".join("\n\n".join(item) for item in items)
    plain = "\n\n".join(f"• {paragraph}" for paragraph in _WORK)
    assert len(_titles(plain)) == 3
    assert _titles("By March 2026 we will:\n" + gapped) == _titles(
        "By March 2026 we will:\n" + plain
    )


def test_a_run_together_table_takes_its_periods_and_wrapped_cells_from_the_lines_under() -> None:
    text = "\n".join(
        [
            "Area for improvement 1: Timeliness of plans",
            "Ref Action Lead officer Timescale Success measures RAG RAG",
            "Jun 25 Sep 25",
            "1.1 Recruit two more educational psychologists to the assessment Head of SEND "
            "31 March 2026 Fewer late plans G A",
            "team each year",
            "1.2 Publish the waiting times for every assessment on the local Principal "
            "Educational 30 June 2026 Waiting times published A G",
            "offer each month Psychologist",
        ]
    )
    result = parse_text(text)
    found = all_actions(result.document)
    assert [(a["ref"], a["title"], a.get("due")) for a in found] == [
        (
            "1.1",
            "Recruit two more educational psychologists to the assessment team each year",
            "2026-03-31",
        ),
        (
            "1.2",
            "Publish the waiting times for every assessment on the local offer each month",
            "2026-06-30",
        ),
    ]
    assert [a.get("lead_text") for a in found] == [
        "Head of SEND",
        "Principal Educational Psychologist",
    ]
    labels = [p["label"] for p in result.document["plan"]["periods"]]
    assert len(labels) == 2 and "Jun 25" in labels[0] and "Sep 25" in labels[1]
    assert [[s["status"] for s in a.get("updates", [])] for a in found] == [["G", "A"], ["A", "G"]]
    assert {p.rule for p in result.placements if p.kind == "action"} == {
        rules.RUN_TOGETHER_WRAPPED.code
    }


# A column of bullets copied apart from its words (pdfminer gives a page's bullets as a box of
# their own, before or after the box of their words).

_INTRO = (
    "This is the third year of our strategy for children and young people with special "
    "educational needs and disabilities. Families told us that they wanted help earlier, closer "
    "to home and without having to tell their story again, and schools told us that they wanted "
    "advice they could act on the same week. This year we will build on what has worked."
)
_ITEMS = (
    "give every mainstream school a named adviser from the inclusion team, who visits the "
    "school each term",
    "publish a new local offer website, written with parent carers, that lists every service "
    "with its waiting time",
    "train all early years staff in the graduated approach",
    "review the funding of specialist places so that there is a place close to home for "
    "every child who needs one",
)


def test_a_column_of_bullets_copied_apart_from_its_words_opens_each_item_beside_it() -> None:
    intro = [*textwrap.wrap(_INTRO, 84), "By the end of 2026, we will:"]
    wrapped = [textwrap.wrap(item, 84) for item in _ITEMS]
    words = [line for item in wrapped for line in item]
    plain = "\n".join(intro + [f"• {item}" for item in _ITEMS])
    expected = _titles(plain)
    assert expected[-4:] == list(_ITEMS)
    # The first bullet with its first line, the three others in a column before the rest.
    before = [f"\uf0b7 {wrapped[0][0]}", "", "\uf0b7", "", "\uf0b7", "\uf0b7", ""]
    first_apart = "\n".join(intro + before + words[1:])
    # All four in a column after their words, at the foot of the page.
    after = "\n".join([*intro, "", *words, "", "\uf0b7", "", "\uf0b7", "", "\uf0b7", "", "\uf0b7"])
    assert _titles(first_apart) == expected
    assert _titles(after) == expected
    codes = {item.code for item in parse_text(after).report}
    assert rules.BULLET_COLUMN.code in codes


def test_a_column_of_bullets_is_left_alone_when_the_words_beside_it_hold_another_count() -> None:
    # Three bullets beside four items: which goes with which is not known, nothing is moved.
    intro = [*textwrap.wrap(_INTRO, 84), "By the end of 2026, we will:"]
    words = [line for item in _ITEMS for line in textwrap.wrap(item, 84)]
    text = "\n".join([*intro, "\uf0b7", "", "\uf0b7", "\uf0b7", "", *words])
    codes = {item.code for item in parse_text(text).report}
    assert rules.BULLET_COLUMN.code not in codes


def test_a_dev_pdf_whose_bullets_pdfminer_copies_in_a_column_reads_as_the_pdf_does() -> None:
    (camden,) = (b for b in pdf_text_corpus.bases() if b.name == _SUBSET[0])
    assert not camden.blind
    by_name = {e.name: e for e in pdf_text_corpus.EXTRACTIONS}
    # Before bullet-column: pdfminer kept 40 of the 45 key figures and added actions;
    # with line_margin=0.2 (a blank line after every line) 15 of 45.
    assert pdf_text_corpus.fallen(camden, by_name["pdfminer"]) == []
    assert pdf_text_corpus.kept(camden, by_name["pdfminer_narrow"])[0] >= 25
