"""Real published SEND plans, to score the importer honestly on text it was not written for.

How the corpus was gathered. Helper sessions searched stored copies of public web pages
(Local Offer and council pages, committee papers and minutes, and document-hosting sites that
hold text extracted from councils' PDFs and Word files), leaving out the areas kept outside
the project for blind scoring (Devon, Shropshire, Torbay, Plymouth, Hertfordshire, Southend)
and the project's own samples, in four rounds: councils A-L, councils M-Z, plans laid out as
tables, and a round for SEND plans only; a fifth round (corpus/real/ROUND5.md) added four
plans, and round 9 (corpus/real/ROUND9.md) seven more, none of which fell in the blind part;
round 12 (corpus/real/ROUND12.md) six more, two of which did; round 13
(corpus/real/ROUND13.md) five more, committee papers among them, two of which did; round 14
(corpus/real/ROUND14.md) four more, committee decisions and minutes, one of which did; round 16
(corpus/real/ROUND16.md) five more, progress updates, a letter, a national roadmap and a
service's promise, two of which did; round 17 (corpus/real/ROUND17.md) five more, a strategy's
action table with a lead agency and roles responsible, consultation pages and a progress page,
none of which did; round 20 (corpus/real/ROUND20.md) six more, committee resolutions and
decisions, a consultation's proposed changes and an autism strategy's summary, two of which did;
round 31 (corpus/real/ROUND31.md) six more, news pages and Local Offer pages (a council's list of
changes, a pledge, a draft strategy's measures in prose, a capital plan's priorities, a
consultation's timeline of stages with their ratings) and a review's summary of recommendations
copied out of a PDF, two of which did; round 37 (corpus/real/ROUND37.md) seven more, answers
to a peer review's recommendations, peer reviews' recommendations noted by a committee or
reported by a parent carer forum, a Local Offer page's changes and priorities, a schools'
sub-group's work streams, a Local Offer action log of families' comments and the council's
responses, and a recovery group's initiatives in committee minutes, four of which did.
Each search returns the first 2,000 or so characters of a page, so a plan qualified only if
the start of its page already held at least three of its actions.
34 of the plans are SEND plans and 2 autism strategies; the other 10 are councils'
action plans in table form (a corporate plan, an equality plan, a virtual school plan and
the like), kept for their layouts, and each says so in its notes.
Each plan has a folder under corpus/real/<slug>/ (slug: area-kind-year):

- source.txt: the excerpt exactly as the search returned it, garbling and odd whitespace
  kept, cut only at the end, at a line boundary, where the excerpt cut an action off;
- source.json: the page's address, council, title, kind, layout, licence (Open Government
  Licence v3.0 for council text), when it was retrieved, what was cut, and notes on how the
  text was read where it is ambiguous;
- expected.plan.json: the plan a careful programme manager would enter by hand from that
  text, in sendplan.plan/1, written before the importer was run on it and never changed to
  match the importer;
- for some plans, plan.docx, plan.xlsx and plan.pdf: the same content laid out as the
  council would publish it (see corpus/build_real_*.py; a PDF printed from a Word file by
  LibreOffice, as councils print theirs, or from HTML by WeasyPrint where LibreOffice was not
  at hand, as each source.json's `office_files` says), scored against expected.plan.json,
  or against expected.office.plan.json where a layout legitimately drops something; the six
  of round 15 (corpus/real/ROUND15-office.md) say so in source.json's `office_files`.

How it is split. A plan was in the "blind" half when the first byte of the SHA-256 of its
slug is odd, else in the "dev" half; the rule was fixed before any plan was scored and slugs
were not chosen to steer it. The blind half was scored blind in rounds 4 to 6, unchanged at
89/227 actions. No more real plans could be found to refresh it, so in round 7
(corpus/real/ROUND7.md) it was split again the same way, by the second byte: the plans with
an even second byte are "opened" (their failures may now be looked at, like the dev half's),
and the rest stay "blind". All three are scored; no importer rule may be written from a plan
still blind.

The plans are found by scanning the folders, whoever added them. bench/parse_real.py prints
the figures and test_parse_real.py holds their floors; a file the importer refuses scores no
actions found, and its message is kept.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sendplan.interchange.parsers import ParseError, parse_file_inprocess, parse_text
from sendplan.interchange.tests.accuracy import Figure, agreement

CORPUS = Path(__file__).resolve().parent / "corpus" / "real"

Doc = dict[str, Any]

TEXT = "text"
# How each laid-out file of a plan is named: plan.<format>.
FILE_STEM = "plan"


def half(slug: str) -> str:
    """'dev', 'opened' or 'blind', by the hash of the slug: dev when the first byte is even;
    of the rest (the first blind half), 'opened' when the second byte is even, else 'blind'."""
    digest = hashlib.sha256(slug.encode()).digest()
    if digest[0] % 2 == 0:
        return "dev"
    return "opened" if digest[1] % 2 == 0 else "blind"


@dataclass(frozen=True)
class RealPlan:
    slug: str

    @property
    def folder(self) -> Path:
        return CORPUS / self.slug

    @property
    def half(self) -> str:
        return half(self.slug)

    def source_text(self) -> str:
        return (self.folder / "source.txt").read_text(encoding="utf-8")

    def meta(self) -> Doc:
        meta: Doc = json.loads((self.folder / "source.json").read_text(encoding="utf-8"))
        return meta

    def formats(self) -> list[str]:
        """'text' (the excerpt), then each laid-out file the plan has, by its extension."""
        files = sorted(
            path.suffix.lstrip(".")
            for path in self.folder.glob(f"{FILE_STEM}.*")
            if path.is_file() and path.suffix != ".json"
        )
        return [TEXT, *files]

    def file_name(self, form: str) -> str:
        return f"{FILE_STEM}.{form}"

    def expected(self, form: str = TEXT) -> Doc:
        """The plan entered by hand; for a laid-out file, its own reference where there is one."""
        name = "expected.plan.json"
        if form != TEXT and (self.folder / "expected.office.plan.json").is_file():
            name = "expected.office.plan.json"
        plan: Doc = json.loads((self.folder / name).read_text(encoding="utf-8"))["plan"]
        return plan


def laid_out_files(form: str) -> Iterator[tuple[RealPlan, Path]]:
    """Each plan's laid-out file of this format (plan.docx, say), for the plans that are not
    in the blind part: the slug decides before any file of the plan is touched, so a corpus
    built from these never opens a blind plan."""
    for plan in PLANS:
        if half(plan.slug) == "blind":
            continue
        path = plan.folder / plan.file_name(form)
        if path.is_file():
            yield plan, path


def _discover() -> tuple[RealPlan, ...]:
    if not CORPUS.is_dir():
        return ()
    return tuple(
        RealPlan(folder.name)
        for folder in sorted(CORPUS.iterdir())
        if (folder / "source.txt").is_file() and (folder / "expected.plan.json").is_file()
    )


PLANS = _discover()


@dataclass(frozen=True)
class Parsed:
    plan: Doc
    # Why the importer refused the file, when it did.
    refused: str | None = None


NOTHING: Doc = {"title": "", "sections": []}


@cache
def parsed(plan: RealPlan, form: str) -> Parsed:
    """What the importer reads from the plan in that format; nothing when it refuses it."""
    try:
        if form == TEXT:
            result = parse_text(plan.source_text())
        else:
            data = (plan.folder / plan.file_name(form)).read_bytes()
            result = parse_file_inprocess(data, plan.file_name(form))
    except ParseError as error:
        return Parsed(NOTHING, refused=str(error))
    return Parsed(result.document["plan"])


def figures(plan: RealPlan, form: str = TEXT) -> list[Figure]:
    return agreement(parsed(plan, form).plan, plan.expected(form))


def totals(*, half: str | None = None, form: str | None = None) -> dict[str, tuple[int, int]]:
    """(matching, out of) for each figure, over the plans of a half and the files of a format
    (all of them when not given)."""
    summed: dict[str, list[int]] = {}
    for plan in PLANS:
        if half is not None and plan.half != half:
            continue
        for each in plan.formats():
            if form is not None and each != form:
                continue
            for what, same, total in figures(plan, each):
                counts = summed.setdefault(what, [0, 0])
                counts[0] += same
                counts[1] += total
    return {what: (same, total) for what, (same, total) in summed.items()}
