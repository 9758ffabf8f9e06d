"""How closely the importer reads the sample plans, against plans entered by hand.

Each sample has a reference (sendplan/demo/data/*-by-hand.plan.json): the plan a careful
person would enter by reading the published document. The importer reads the sample as pasted
text, and reads a Word and an Excel version built from the reference (see
`sendplan.demo.sample_files`), which also carry a rating for every action in every period so
that status cells can be scored.

The figures the issue names come first: the share of the reference's actions found, and of
those found, how many have the right ref, title, leads, due date and status cells.
bench/parse_accuracy.py prints them all; test_parse_accuracy.py holds their floors.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sendplan.demo import sample_files
from sendplan.interchange.parsers import parse_file_inprocess

FORMATS = sample_files.FORMATS
Sample = sample_files.Sample
SAMPLES = sample_files.SAMPLES

Doc = dict[str, Any]


def expected(sample: Sample, form: str) -> Doc:
    """What the importer should find in the sample in that format."""
    return sample.reference() if form == "text" else sample.rated()


def built_file(sample: Sample, form: str) -> tuple[bytes, str]:
    return sample.build(form), sample.file_name(form)


@cache
def parsed(sample: Sample, form: str) -> Doc:
    data, filename = built_file(sample, form)
    document: Doc = parse_file_inprocess(data, filename).document
    return document["plan"]


def shown(same: int, total: int) -> str:
    """One figure as the benchmarks print it: "  97/98    99.0%", or n/a with nothing to
    compare."""
    if not total:
        return f"{'n/a':>16}"
    return f"{same:>4}/{total:<4} {100 * same / total:5.1f}%"


# Comparing


def actions(sections: list[Doc]) -> Iterator[Doc]:
    for section in sections:
        yield from section.get("actions", [])
        yield from actions(section.get("sections", []))


def sections(items: list[Doc]) -> Iterator[Doc]:
    for section in items:
        yield section
        yield from sections(section.get("sections", []))


def words(text: object) -> str:
    """Text as a reader compares it: case, spacing and a closing full stop aside."""
    return " ".join(str(text or "").split()).rstrip(".").lower()


def _identity(person: Doc) -> str:
    """Who a person is, whatever key a plan gives them: their name, else their role."""
    return words(person.get("name") or person.get("role") or person["key"])


def people_map(parsed_plan: Doc, reference: Doc) -> dict[str, str]:
    """The reference's key for each person the importer found, matched by name or role.

    Keys are labels (initials, or a slug when initials are shared); two documents that name
    the same person under different keys still name the same person.
    """
    theirs = {_identity(person): person["key"] for person in reference.get("people", [])}
    return {
        person["key"]: theirs.get(_identity(person), f"?{person['key']}")
        for person in parsed_plan.get("people", [])
    }


def _match_actions(ours: list[Doc], theirs: list[Doc]) -> list[tuple[Doc, Doc]]:
    """Pairs (reference action, importer's action): by ref, else by the same title.

    A ref that two of the importer's actions share (lists numbered afresh under each heading)
    does not say which one is meant: such a ref pairs only with the action that also has the
    reference's title, else the title alone decides."""
    refs = Counter(a["ref"] for a in ours if a.get("ref"))
    by_ref = {a["ref"]: a for a in ours if a.get("ref") and refs[a["ref"]] == 1}
    by_ref_and_title = {(a.get("ref"), words(a["title"])): a for a in ours}
    by_title = {words(a["title"]): a for a in ours}
    pairs = []
    for reference in theirs:
        title = words(reference["title"])
        mine = (
            by_ref.get(reference.get("ref", ""))
            or by_ref_and_title.get((reference.get("ref"), title))
            or by_title.get(title)
        )
        if mine is not None:
            pairs.append((reference, mine))
    return pairs


Figure = tuple[str, int, int]


# Words a heading puts before or after a period's name to say that the column holds ratings:
# "RAG May 20" and "May 20" name the same period.
RATING_WORDS = frozenset({"rag", "status", "rating", "ratings", "progress", "update", "brag"})


def period_name(label: object) -> str:
    """A period's label as a reader compares it: case, punctuation, spacing and the words that
    only say the column holds ratings aside."""
    kept = [w for w in re.findall(r"[a-z0-9]+", str(label or "").lower()) if w not in RATING_WORDS]
    return " ".join(kept) or words(label)


def period_map(parsed_plan: Doc, reference: Doc) -> dict[str, str]:
    """The reference's label for each period the importer named: the same label, else the same
    name once rating words are set aside, else the same end date."""
    theirs = reference.get("periods", [])
    by_label = {p["label"]: p["label"] for p in theirs}
    by_name = {period_name(p["label"]): p["label"] for p in theirs}
    by_end = {p["ends_on"]: p["label"] for p in theirs if p.get("ends_on")}
    found: dict[str, str] = {}
    for period in parsed_plan.get("periods", []):
        label = period["label"]
        match = (
            by_label.get(label)
            or by_name.get(period_name(label))
            or by_end.get(period.get("ends_on", ""))
        )
        found[label] = match or label
    return found


def _colour(code: str, colours: dict[str, str]) -> str | None:
    """The colour a scale gives a code (each part of a combined "G/A"), or None."""
    parts = [part.strip() for part in code.split("/")]
    if not all(colours.get(part) for part in parts):
        return None
    return "/".join(colours[part] for part in parts)


def same_rating(
    mine: str, mine_colours: dict[str, str], theirs: str, their_colours: dict[str, str]
) -> bool:
    """The same code; or, where both scales give the codes a colour, the same colour: "G" on
    the importer's scale and "Green" on the plan's, both green, are the same rating."""
    if mine == theirs:
        return True
    colour = _colour(mine, mine_colours)
    return colour is not None and colour == _colour(theirs, their_colours)


def _colours(plan: Doc) -> dict[str, str]:
    return {s["code"]: s["colour"] for s in plan.get("status_scale", []) if s.get("colour")}


def _status_cells(
    found: list[tuple[Doc, Doc]],
    theirs: list[Doc],
    periods: dict[str, str],
    colours: tuple[dict[str, str], dict[str, str]] = ({}, {}),
) -> Figure:
    """Status cells read the same: the same rating for the same period. Periods are matched as
    period_map says, so a period named without the heading's "RAG" is still that period;
    ratings as `same_rating` says."""
    mine_colours, their_colours = colours

    def cells(action: Doc, names: dict[str, str]) -> dict[str, str]:
        return {
            names.get(u["period"], u["period"]): u["status"]
            for u in action.get("updates", [])
            if u.get("status")
        }

    total = sum(len(cells(action, {})) for action in theirs)
    same = 0
    for reference, mine in found:
        mine_cells = cells(mine, periods)
        for period, status in cells(reference, {}).items():
            got = mine_cells.get(period)
            same += got is not None and same_rating(got, mine_colours, status, their_colours)
    return "status cells", same, total


def extra_actions(parsed_plan: Doc, reference: Doc, what: str = "extra actions") -> Figure:
    """Actions the importer read that are in no way the plan's (front matter, narrative,
    glossary or measure rows): how many, out of all it read. Lower is better."""
    ours = list(actions(parsed_plan["sections"]))
    matched = {id(mine) for _, mine in _match_actions(ours, list(actions(reference["sections"])))}
    return what, sum(id(action) not in matched for action in ours), len(ours)


def agreement(parsed_plan: Doc, reference: Doc) -> list[Figure]:
    """(what, matching, out of) for each thing a programme manager would check.

    Figures with nothing to compare (a plan without ratings has no status cells) are 0 of 0.
    """
    theirs = list(actions(reference["sections"]))
    found = _match_actions(list(actions(parsed_plan["sections"])), theirs)
    keys = people_map(parsed_plan, reference)

    def share(what: str, same: Callable[[Doc, Doc], bool], applies: bool = True) -> Figure:
        if not applies:
            return what, 0, 0
        return what, sum(same(mine, ref) for ref, mine in found), len(found)

    def same_words(field: str) -> Callable[[Doc, Doc], bool]:
        return lambda m, r: words(m.get(field)) == words(r.get(field))

    def leads(mine: Doc) -> list[str]:
        return sorted(keys.get(key, key) for key in mine.get("leads", []))

    our_sections = {s.get("ref"): s for s in sections(parsed_plan["sections"]) if s.get("ref")}
    our_titles = {words(s["title"]) for s in sections(parsed_plan["sections"])}
    their_sections = list(sections(reference["sections"]))
    found_people = set(keys.values())

    def listed(key: str, same: Callable[[Doc, Doc], bool]) -> Figure:
        mine, refs = parsed_plan.get(key, []), reference.get(key, [])
        return key, sum(any(same(m, r) for m in mine) for r in refs), len(refs)

    return [
        ("actions found", len(found), len(theirs)),
        share("refs", lambda m, r: m.get("ref") == r.get("ref")),
        share("titles", lambda m, r: words(m["title"]) == words(r["title"])),
        share("leads", lambda m, r: leads(m) == sorted(r.get("leads", []))),
        share("due dates", lambda m, r: m.get("due") == r.get("due")),
        share("due dates as written", same_words("due_text")),
        _status_cells(
            found,
            theirs,
            period_map(parsed_plan, reference),
            (_colours(parsed_plan), _colours(reference)),
        ),
        share("leads as written", same_words("lead_text")),
        share("start dates", lambda m, r: m.get("starts") == r.get("starts")),
        share(
            "number of measures",
            lambda m, r: len(m.get("measures", [])) == len(r.get("measures", [])),
        ),
        share(
            "costs",
            lambda m, r: m.get("cost") == r.get("cost"),
            applies=any("cost" in a for a in theirs),
        ),
        (
            "section titles",
            sum(
                words(our_sections[s["ref"]]["title"]) == words(s["title"])
                if s.get("ref") in our_sections
                else words(s["title"]) in our_titles
                for s in their_sections
            ),
            len(their_sections),
        ),
        (
            "people",
            sum(person["key"] in found_people for person in reference.get("people", [])),
            len(reference.get("people", [])),
        ),
        listed("weaknesses", lambda m, r: words(m["text"]) == words(r["text"])),
        listed("glossary", lambda m, r: m["term"] == r["term"]),
        listed("indicators", lambda m, r: words(m["name"]) == words(r["name"])),
    ]  # fmt: skip


# What each format carries: the built Word and Excel files hold the action tables, the key
# and the lead officers, not the narrative, performance framework or financial appendix.
NOT_BUILT = {"weaknesses", "indicators", "costs", "glossary"}


def figures(sample: Sample, form: str) -> list[Figure]:
    found = agreement(parsed(sample, form), expected(sample, form))
    if form == "text":
        return found
    return [(what, same, total) for what, same, total in found if what not in NOT_BUILT]


def print_halves(
    title: str,
    plans: Sequence[Any],
    blind: Sequence[Any],
    scored: Sequence[str],
    figures: Callable[[Any], list[Figure]],
    width: int = 22,
) -> None:
    """An invented corpus's figures, plan by plan, then totalled for the plans written before
    its rules, for its blind half (written after them) and for all: what its bench prints."""
    table = {plan.name: figures(plan) for plan in plans}
    print(title)
    for plan in plans:
        print(f"  {plan.name}{'  (blind)' if plan in blind else ''}")
        for what, same, total in table[plan.name]:
            print(f"    {what:<{width}} {shown(same, total)}")
    seen = [plan for plan in plans if plan not in blind]
    for name, group in (("Written before the rules", seen), ("Blind half", blind), ("All", plans)):
        if not group:
            continue
        print(f"  {name}")
        for what in scored:
            found = [f for plan in group for f in table[plan.name] if f[0] == what]
            same, total = sum(f[1] for f in found), sum(f[2] for f in found)
            print(f"    {what:<{width}} {shown(same, total)}")


# Comparing two readings of the same plan: the corpora that change a file a little (shuffled,
# pdf_shuffled, pdf_text_corpus) ask that none of these figures falls and no action is added.
KEY = ("actions found", "refs", "titles", "leads", "due dates", "status cells")


@dataclass(frozen=True)
class Score:
    figures: dict[str, tuple[int, int]]
    actions: int  # how many actions were read in all

    def same(self, what: str) -> int:
        return self.figures.get(what, (0, 0))[0]

    def whole(self) -> bool:
        return all(same == total for same, total in self.figures.values())


def score(plan: Doc, reference: Doc) -> Score:
    figures = {what: (same, total) for what, same, total in agreement(plan, reference)}
    return Score(
        {what: figures[what] for what in KEY},
        sum(1 for _ in actions(plan["sections"])),
    )


def fallen_between(before: Score, after: Score) -> list[str]:
    """The key figures lower after than before, and 'extra' when more actions were read."""
    out = [what for what in KEY if after.same(what) < before.same(what)]
    if after.actions > before.actions:
        out.append("extra")
    return out


def kept_between(before: Score, after: Score) -> tuple[int, int]:
    """(key figures matching after, matching before) summed over the key figures."""
    return (
        sum(min(after.same(w), before.same(w)) for w in KEY),
        sum(before.same(w) for w in KEY),
    )
