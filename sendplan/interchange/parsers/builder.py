"""The plan as it is being read, and its conversion to a `sendplan.plan/1` document.

The interpreter adds to a `PlanBuilder` as it meets things; whatever depends on the whole
document (who a lead's initials belong to, what a rating means, which action a cost line
names) is settled in `finish`, because plans put the lead officers, the status key and the
financial table anywhere, often at the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sendplan.interchange.parsers import people, rules, statuses, values
from sendplan.interchange.parsers.blocks import comparable, flat
from sendplan.interchange.parsers.errors import Placement, ReportItem
from sendplan.interchange.parsers.rules import Rule

FORMAT = "sendplan.plan/1"
_FALLBACK_SECTION = "Actions"


@dataclass(eq=False)
class Measure:
    text: str
    due: str | None = None
    due_text: str | None = None


@dataclass(eq=False)
class Update:
    period: str
    status_text: str | None = None
    status_where: str = ""
    narrative: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass(eq=False)
class Action:
    title: str
    where: str
    ref: str | None = None
    lead_text: str = ""
    lead_where: str = ""
    resources: list[str] = field(default_factory=list)
    cost: float | int | None = None
    cost_text: str | None = None
    due: str | None = None
    due_text: str | None = None
    starts: str | None = None
    starts_text: str | None = None
    group: str = ""
    members: str = ""
    monitoring: str = ""
    evidence_of_impact: str = ""
    measures: list[Measure] = field(default_factory=list)
    updates: dict[str, Update] = field(default_factory=dict)
    # Refs from a "Cross ref" column; refs written inside other text are found at the end.
    see_also: list[str] = field(default_factory=list)
    leads: list[people.Person] = field(default_factory=list)
    # The rule that placed it, and how sure the importer is of it (0 to 1).
    rule: str = rules.ACTION_ROW.code
    confidence: float = 1.0

    def describe(self) -> str:
        return f"action {self.ref}" if self.ref else f"the action '{self.title[:40]}'"

    def update_for(self, period: str) -> Update:
        if period not in self.updates:
            self.updates[period] = Update(period)
        return self.updates[period]


@dataclass(eq=False)
class Section:
    title: str
    level: str
    ref: str | None = None
    parent: Section | None = None
    owner_text: str = ""
    outcomes: str = ""
    weaknesses: list[str] = field(default_factory=list)
    milestones: list[dict[str, Any]] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    owners: list[people.Person] = field(default_factory=list)
    # Titled from a theme's list of priorities ("2.1 Establish ... 2.2 Develop ...").
    from_list: bool = False
    rule: str = rules.SECTION_HEADING.code
    confidence: float = 1.0

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1

    def describe(self) -> str:
        return f"{self.level} {self.ref}" if self.ref else f"{self.level} '{self.title[:40]}'"


@dataclass
class CostLine:
    ref: str
    item: str
    cost: float | int | None
    cost_text: str
    where: str


@dataclass
class Weakness:
    text: str
    ref: str | None = None
    findings: list[dict[str, str]] = field(default_factory=list)
    # False when only a theme's "area of concern" told us of it, not the plan's own list.
    listed: bool = True


class PlanBuilder:
    def __init__(self) -> None:
        self.title: str | None = None
        self.area: str | None = None
        self.kind: str | None = None
        self.issued_on: str | None = None
        self.vision: str | None = None
        self.governance: str | None = None
        self.principles: list[str] = []
        self.weaknesses: list[Weakness] = []
        self.roots: list[Section] = []
        self.sections_by_ref: dict[str, Section] = {}
        self.actions_by_ref: dict[str, Action] = {}
        self.periods: dict[str, str | None] = {}
        self.scale: list[statuses.Status] | None = None
        self.scale_where = ""
        self.directory = people.Directory()
        self.glossary: list[dict[str, str]] = []
        self.meetings: list[dict[str, Any]] = []
        self.indicators: list[dict[str, Any]] = []
        self.cost_lines: list[CostLine] = []
        self.cost_total: tuple[float | int, str] | None = None
        self.report: list[ReportItem] = []
        self._fallback: Section | None = None
        # Words the document writes in lower case somewhere: common words, not names.
        self.common_words: frozenset[str] = frozenset()
        # The period a page names on a line of its own ("Quarter 3 2023 to 2024") before its
        # actions: the period of a rating column whose heading names none.
        self.page_period: str | None = None
        # The month a report near the document's top says it reports on ("updates for the
        # January 2024 board"), and where: for a rating column that no line dates.
        self.report_period: tuple[str, str, str] | None = None
        # What each arrow of a key of arrows means ("↑": "Improving"; rule `direction-key`).
        self.direction_key: dict[str, str] = {}

    def note(self, where: str, message: str, *, rule: Rule) -> None:
        self.report.append(ReportItem(where=where, message=message, code=rule.code))

    # Sections

    def add_section(
        self,
        *,
        title: str,
        level: str,
        ref: str | None,
        parent: Section | None,
        after: Section | None = None,
        rule: Rule = rules.SECTION_HEADING,
        confidence: float = 1.0,
    ) -> Section:
        """A new section, last in `parent` or right after its sibling `after`."""
        section = Section(
            title=title, level=level, ref=ref, parent=parent, rule=rule.code, confidence=confidence
        )
        siblings = parent.children if parent else self.roots
        if after is not None and after in siblings:
            siblings.insert(siblings.index(after) + 1, section)
        else:
            siblings.append(section)
        if ref and ref not in self.sections_by_ref:
            self.sections_by_ref[ref] = section
        return section

    def section_for_ref(self, ref: str | None) -> Section | None:
        """The nearest section whose ref the given ref extends ("1.1.1" lives in "1.1")."""
        ref = values.parent_ref(ref) if ref else None
        while ref:
            if ref in self.sections_by_ref:
                return self.sections_by_ref[ref]
            ref = values.parent_ref(ref)
        return None

    def fallback_section(self, where: str) -> Section:
        """Plans with no themes or priorities still need a section to hold their actions."""
        if self._fallback is None:
            self._fallback = self.add_section(
                title=_FALLBACK_SECTION,
                level="Section",
                ref=None,
                parent=None,
                rule=rules.FALLBACK_SECTION,
                confidence=0.5,
            )
            self.note(
                where,
                "Found actions before any theme or priority; put them in a section "
                f"called '{_FALLBACK_SECTION}'.",
                rule=rules.FALLBACK_SECTION,
            )
        return self._fallback

    def drop_empty_fallback(self) -> None:
        """Take the catch-all section away again when nothing is left in it (its actions were
        set aside for others), with the note that it was made."""
        section = self._fallback
        if section is None or section.actions or section.children:
            return
        (section.parent.children if section.parent else self.roots).remove(section)
        self._fallback = None
        self.report = [item for item in self.report if item.code != rules.FALLBACK_SECTION.code]

    def placements(self) -> list[Placement]:
        """Every section and action placed, with the rule behind it and how sure it is."""
        found: list[Placement] = []
        for section in self.all_sections():
            found.append(
                Placement(
                    "section", "", section.ref, section.title, section.rule, section.confidence
                )
            )
            found.extend(
                Placement("action", a.where, a.ref, a.title, a.rule, a.confidence)
                for a in section.actions
            )
        return found

    def all_sections(self) -> list[Section]:
        found: list[Section] = []

        def walk(sections: list[Section]) -> None:
            for section in sections:
                found.append(section)
                walk(section.children)

        walk(self.roots)
        return found

    # Actions

    def add_action(self, action: Action, section: Section) -> None:
        first = self.actions_by_ref.get(action.ref) if action.ref else None
        if first is not None and self._action_dict(first) == self._action_dict(action):
            # A workbook may list each action twice, on its theme's sheet and on a sheet of all
            # the actions (sendplan's own tracker does): the second copy says nothing new.
            return
        section.actions.append(action)
        if action.ref:
            if action.ref in self.actions_by_ref:
                self.note(
                    action.where,
                    f"The ref {action.ref} is used by more than one action.",
                    rule=rules.REF_REPEATED,
                )
            else:
                self.actions_by_ref[action.ref] = action

    def add_period(self, label: str, ends_on: str | None) -> str:
        """Register a monitoring period; a label naming the same month as one we have is it."""
        if label in self.periods:
            if ends_on and self.periods[label] is None:
                # Named before its date was known ("Q2", dated by the page's "Quarter 2 …").
                self.periods[label] = ends_on
            return label
        if ends_on:
            for existing, existing_end in self.periods.items():
                if existing_end == ends_on:
                    return existing
        self.periods[label] = ends_on
        return label

    # Status key

    def add_scale(self, scale: list[statuses.Status], where: str) -> None:
        if self.scale is None:
            self.scale, self.scale_where = scale, where
            return
        if [(s.code, s.label) for s in scale] != [(s.code, s.label) for s in self.scale]:
            self.note(
                where,
                f"A second, different status key was found; used the one at {self.scale_where}.",
                rule=rules.SECOND_KEY,
            )

    # Weaknesses

    def weakness_ref_for(self, text: str, where: str) -> str | None:
        """The ref of the area of weakness a concern restates, adding it if it is new."""
        target = set(comparable(text).split())
        best, best_score = None, 0.0
        for weakness in self.weaknesses:
            words = set(comparable(weakness.text).split())
            if not words or not target:
                continue
            score = len(words & target) / min(len(words), len(target))
            if score > best_score:
                best, best_score = weakness, score
        if best is not None and best_score >= 0.7:
            return best.ref
        ref = str(len(self.weaknesses) + 1)
        if any(weakness.listed for weakness in self.weaknesses):
            self.note(
                where,
                "This area of concern matches none of the plan's areas of weakness; added it "
                f"as weakness {ref}.",
                rule=rules.WEAKNESS_ADDED,
            )
        self.weaknesses.append(Weakness(text=flat(text), ref=ref, listed=False))
        return ref

    # Finishing

    def finish(self) -> dict[str, Any]:
        self._resolve_people()
        self._date_undated_period()
        scale = self._settle_statuses()
        self._directions_explained()
        self._apply_costs()
        plan: dict[str, Any] = {"title": self.title or "Imported plan"}
        for key, value in (
            ("area", self.area),
            ("kind", self.kind),
            ("issued_on", self.issued_on),
            ("vision", self.vision),
            ("principles", self.principles),
            ("governance", self.governance),
            ("levels", self._levels()),
            ("status_scale", [status.as_dict() for status in scale] if scale else None),
            ("periods", self._periods()),
            ("people", self.directory.as_list()),
            ("weaknesses", [self._weakness_dict(w) for w in self.weaknesses]),
        ):
            if value:
                plan[key] = value
        plan["sections"] = [self._section_dict(section) for section in self.roots]
        for key, items in (
            ("indicators", self.indicators),
            ("glossary", self.glossary),
            ("meetings", self.meetings),
        ):
            if items:
                plan[key] = items
        return {"format": FORMAT, "plan": plan}

    def _directions_explained(self) -> None:
        """Each direction of travel kept in words says what its arrow means, where the plan's
        key of arrows does: "Direction of travel: ↑ (Improving)"."""
        if not self.direction_key:
            return
        opening = f"{statuses.DIRECTION_WORDS}: "
        for update in (
            update
            for section in self.all_sections()
            for action in section.actions
            for update in action.updates.values()
        ):
            update.narrative = [
                f"{line} ({meaning})"
                if line.startswith(opening)
                and (meaning := self.direction_key.get(line.removeprefix(opening).strip()))
                else line
                for line in update.narrative
            ]

    def _levels(self) -> list[str]:
        by_depth: dict[int, list[str]] = {}
        for section in self.all_sections():
            names = by_depth.setdefault(section.depth, [])
            if section.level not in names:
                names.append(section.level)
        return [name for depth in sorted(by_depth) for name in by_depth[depth]]

    def _periods(self) -> list[dict[str, str]]:
        out = []
        for label, ends_on in self.periods.items():
            entry = {"label": label}
            if ends_on:
                entry["ends_on"] = ends_on
            out.append(entry)
        return out

    def _resolve_people(self) -> None:
        unmatched: dict[str, tuple[str, list[str]]] = {}
        uses_initials = False
        for section in self.all_sections():
            if section.owner_text:
                cell = people.read_leads(section.owner_text)
                section.owners = self._people_in(cell, section.describe(), unmatched)
            for action in section.actions:
                if action.lead_text:
                    cell = people.read_leads(action.lead_text)
                    where = f"{action.describe()} ({action.lead_where})"
                    action.leads = self._people_in(cell, where, unmatched)
                    action.resources.extend(cell.resources)
                    action.lead_text = people.without_resources(action.lead_text, cell)
                    uses_initials = uses_initials or any(m.initials for m in cell.mentions)
                _settle_cost(action)
        merged: dict[int, list[people.Person]] = {
            key: [person] for key, person in self.directory.merge_roles().items()
        }
        merged.update(self.directory.split_joined_posts())
        if merged:
            for section in self.all_sections():
                section.owners = _merged(section.owners, merged)
                for action in section.actions:
                    action.leads = _merged(action.leads, merged)
        for text, (problem, places) in unmatched.items():
            listed = ", ".join(places[:5]) + (" and others" if len(places) > 5 else "")
            self.note(listed, f"The lead '{text}' {problem}.", rule=rules.LEAD_UNMATCHED)
        for message in self.directory.assign_keys(use_initials=uses_initials):
            self.note("people", message, rule=rules.PEOPLE_KEYS)

    def _people_in(
        self, cell: people.LeadCell, used_by: str, unmatched: dict[str, tuple[str, list[str]]]
    ) -> list[people.Person]:
        found: list[people.Person] = []
        for mention in cell.mentions:
            resolution = self.directory.resolve(mention)
            if resolution.person not in found:
                found.append(resolution.person)
            if resolution.problem:
                unmatched.setdefault(mention.text, (resolution.problem, []))[1].append(used_by)
        return found

    def _ratings_in_words(self) -> None:
        """ "Green - the review has started": a progress cell that opens with a colour and then
        says how things stand, in a period with no rating of its own. The colour is the
        period's rating and the rest its narrative."""
        read: list[tuple[Action, Update]] = []
        for section in self.all_sections():
            for action in section.actions:
                for update in action.updates.values():
                    if update.status_text or not update.narrative:
                        continue
                    found = statuses.leading_colour(update.narrative[0])
                    if found is None:
                        # "This action is amber because …": the colour, the note kept whole.
                        said = statuses.sentence_colour(update.narrative[0])
                        found = (said, update.narrative[0]) if said else None
                    if found is None:
                        continue
                    colour, rest = found
                    update.status_text = colour
                    update.status_where = action.where
                    if rest:
                        update.narrative[0] = rest
                    else:
                        update.narrative.pop(0)
                    read.append((action, update))
        if read:
            self.note(
                read[0][0].where,
                f"{len(read)} progress entries open with a colour ('Green - ...'); read each "
                "colour as that period's rating and the rest as its narrative.",
                rule=rules.RATING_IN_PROGRESS,
            )
            self._rating_words_beside_colours([update for _, update in read])
        self._labelled_ratings_in_progress()
        self._labelled_ratings_closing_progress()
        self._rating_words_open_progress()
        self._ratings_in_brackets()
        self._rating_words_in_progress()

    def _rating_words_beside_colours(self, coloured: list[Update]) -> None:
        """A period whose progress entries give colours ("Green", "Amber - some delay") and,
        in the others, only rating words or a word of the plan's key ("On track",
        "Complete"): a column of ratings, written in both. Each such entry is its period's
        rating; any other entry in the period (a sentence) leaves it as it was."""
        labels = {statuses.norm(status.label) for status in self.scale or [] if status.label}
        by_period: dict[str, list[tuple[Action, Update]]] = {}
        for section in self.all_sections():
            for action in section.actions:
                for update in action.updates.values():
                    by_period.setdefault(update.period, []).append((action, update))
        ids = {id(update) for update in coloured}
        read: list[tuple[Action, Update]] = []
        for updates in by_period.values():
            rated = [u for _, u in updates if u.status_text]
            if not rated or any(id(u) not in ids for u in rated):
                continue  # a rating read from a column of its own: the entries are notes
            unrated = [(a, u) for a, u in updates if not u.status_text and u.narrative]
            worded = [
                (a, u)
                for a, u in unrated
                if len(u.narrative) == 1
                and (
                    statuses.rating_words(u.narrative[0]) or statuses.norm(u.narrative[0]) in labels
                )
            ]
            if not worded or len(worded) < len(unrated):
                continue
            for action, update in worded:
                update.status_text = update.narrative.pop(0)
                update.status_where = action.where
            read += worded
        if read:
            self.note(
                read[0][0].where,
                f"{len(read)} progress entries beside those giving a colour are only rating "
                f"words ('{read[0][1].status_text}'); read them as their period's ratings too.",
                rule=rules.RATING_WORDS_BESIDE_COLOURS,
            )

    def _labelled_ratings_in_progress(self) -> None:
        """ "Status: Amber" on a progress entry's first line: that period's rating, the rest
        its narrative."""
        self._labelled_ratings(
            0,
            statuses.labelled_rating,
            "open with a labelled rating ('Status: Amber'); read each as that period's rating "
            "and the rest as its narrative.",
            rules.RATING_LABEL_IN_PROGRESS,
        )

    def _labelled_ratings_closing_progress(self) -> None:
        """ "RAG rating: Green" on a progress entry's last line, under what was done: that
        period's rating, the lines above it the narrative."""
        self._labelled_ratings(
            -1,
            statuses.closing_rating,
            "close with a labelled rating ('RAG rating: Green'); read each as that period's "
            "rating and the lines above it as its narrative.",
            rules.RATING_LABEL_CLOSES_PROGRESS,
        )

    def _labelled_ratings(
        self,
        line: int,
        find: Callable[[str], tuple[str, str] | None],
        said: str,
        rule: Rule,
    ) -> None:
        """The rating a progress entry's first (line 0) or last (line -1) line labels, in
        periods with no rating of their own: the line's rating goes to the period, and what
        else the line says stays in the narrative."""
        read: list[Action] = []
        for section in self.all_sections():
            for action in section.actions:
                for update in action.updates.values():
                    if update.status_text or not update.narrative:
                        continue
                    found = find(update.narrative[line])
                    if found is None:
                        continue
                    update.status_text, update.status_where = found[0], action.where
                    if found[1]:
                        update.narrative[line] = found[1]
                    else:
                        update.narrative.pop(line)
                    read.append(action)
        if read:
            self.note(read[0].where, f"{len(read)} progress entries {said}", rule=rule)

    def _rating_words_open_progress(self) -> None:
        """ "Complete – signed off in May", "On track. The panel met …": progress entries
        that open with rating words set apart, in periods with no rating of their own. Read
        only where two or more entries do so, so that one note's opening word is not taken
        for a rating."""
        found: list[tuple[Action, Update, str, str]] = []
        for section in self.all_sections():
            for action in section.actions:
                for update in action.updates.values():
                    if update.status_text or not update.narrative:
                        continue
                    opening = statuses.leading_rating(update.narrative[0])
                    if opening is not None:
                        found.append((action, update, *opening))
        if len(found) < 2:
            return
        for action, update, words, rest in found:
            update.status_text = words
            update.status_where = action.where
            update.narrative[0] = rest
        self.note(
            found[0][0].where,
            f"{len(found)} progress entries open with rating words ('{found[0][2]} – …'); read "
            "those words as that period's rating and the rest as its narrative.",
            rule=rules.RATING_WORDS_OPEN_PROGRESS,
        )

    def _ratings_in_brackets(self) -> None:
        """ "Twelve schools trained (Green). The rest are booked for spring.": progress notes
        that close a sentence with a rating in brackets (a colour, a word of the plan's key,
        or the words plans open a note with), in periods with no rating of their own. Read
        only where two or more notes do so, so that one note's aside is not taken for a
        rating; the note keeps its words without the bracket."""
        known = frozenset(
            statuses.norm(text)
            for status in self.scale or []
            for text in (status.code, status.label)
            if text
        )
        found: list[tuple[Action, Update, int, str, str]] = []
        for section in self.all_sections():
            for action in section.actions:
                for update in action.updates.values():
                    if update.status_text or not update.narrative:
                        continue
                    for line, text in enumerate(update.narrative):
                        read = statuses.bracketed_rating(text, known)
                        if read is not None:
                            found.append((action, update, line, *read))
                            break
        if len(found) < 2:
            return
        for action, update, line, rating, rest in found:
            update.status_text = rating
            update.status_where = action.where
            if rest:
                update.narrative[line] = rest
            else:
                update.narrative.pop(line)
        self.note(
            found[0][0].where,
            f"{len(found)} progress entries give a rating in brackets ('({found[0][3]})'); read "
            "each as that period's rating and the rest as its narrative.",
            rule=rules.RATING_IN_BRACKETS,
        )

    def _rating_words_in_progress(self) -> None:
        """A period whose progress entries are all a few rating words ("On track",
        "Delayed", "Complete") and no more: those words are its ratings."""
        by_period: dict[str, list[tuple[Action, Update]]] = {}
        for section in self.all_sections():
            for action in section.actions:
                for update in action.updates.values():
                    by_period.setdefault(update.period, []).append((action, update))
        for period, updates in by_period.items():
            unrated = [(a, u) for a, u in updates if not u.status_text and u.narrative]
            if len(unrated) < 2 or any(u.status_text for _, u in updates):
                continue
            entries = [u.narrative[0] for _, u in unrated if len(u.narrative) == 1]
            if len(entries) < len(unrated) or not self._all_ratings(entries):
                continue
            for action, update in unrated:
                update.status_text = update.narrative.pop(0)
                update.status_where = action.where
            self.note(
                unrated[0][0].where,
                f"Every progress entry for {period} is a few rating words "
                f"('{unrated[0][1].status_text}'); read them as that period's ratings.",
                rule=rules.RATING_IN_PROGRESS,
            )

    def _all_ratings(self, entries: list[str]) -> bool:
        """Whether every entry is a rating: rating words ("On track"), or, with most of them
        rating words, a tracker's state ("Open", "Superseded"); or a mark or code of the
        plan's key ("✓")."""
        codes = {status.code for status in self.scale or []}
        worded = sum(statuses.rating_words(entry) for entry in entries)
        return all(
            statuses.rating_words(entry)
            or (statuses.state_word(entry) and 2 * worded >= len(entries))
            or (entry.strip() in codes and statuses.rating_mark(entry))
            for entry in entries
        )

    def _date_undated_period(self) -> None:
        """A plan whose one period is a rating column's name ("RAG", "Progress"), with no
        date, under a document that says near its top which month it reports on ("WSoA
        action updates for the January 2024 board", "period ending 30 September 2025"): the
        period is that month."""
        if self.report_period is None or len(self.periods) != 1:
            return
        ((old, ends_on),) = self.periods.items()
        label, month_end, where = self.report_period
        if ends_on is not None or not statuses.only_rating_words(old):
            return
        self.periods = {label: month_end}
        self._undated_no_longer(old)
        for section in self.all_sections():
            for action in section.actions:
                action.updates = {
                    (label if period == old else period): update
                    for period, update in action.updates.items()
                }
                for update in action.updates.values():
                    update.period = label if update.period == old else update.period
        self.note(
            where,
            f"The '{old}' column has no date; the document reports on {label}, so its "
            f"entries were put in that period.",
            rule=rules.REPORT_DATE_PERIOD,
        )

    def _undated_no_longer(self, old: str) -> None:
        """Take back the note that a column's entries went into an undated period named for it,
        once that period has been given a date or merged into a dated one."""
        self.report = [
            item
            for item in self.report
            if not (item.code == rules.UNDATED_COLUMN.code and f"'{old}'" in item.message)
        ]

    def _rating_with_latest_entries(self) -> None:
        """ "RAG | Progress commentary", the commentary's lines each dated ("Oct 2025: pages
        drafted", "Dec 2025: published"): the lone rating column, which names no period, rates
        the actions as the tracker stands, at its latest dated entry. Its ratings go to that
        period, rather than to a period of their own named for the column and left undated.
        Only where the rating column gives ratings alone and the dated entries words alone."""
        undated = [label for label, ends_on in self.periods.items() if ends_on is None]
        dated = [(ends_on, label) for label, ends_on in self.periods.items() if ends_on]
        if len(undated) != 1 or not dated or not statuses.only_rating_words(undated[0]):
            return
        old, latest = undated[0], max(dated)[1]
        updates = [
            (action, update)
            for section in self.all_sections()
            for action in section.actions
            for update in action.updates.values()
        ]
        if any(
            (update.narrative or update.evidence or not update.status_text)
            if update.period == old
            else update.status_text
            for _, update in updates
        ):
            return
        for action, update in updates:
            if update.period == old:
                del action.updates[old]
                moved = action.update_for(latest)
                moved.status_text, moved.status_where = update.status_text, update.status_where
        del self.periods[old]
        self._undated_no_longer(old)
        self.note(
            next(u.status_where for _, u in updates if u.period == old),
            f"The '{old}' column names no period, and the progress beside it is dated entry by "
            f"entry; read its ratings as those of the latest entries' period, {latest}.",
            rule=rules.RATING_WITH_LATEST_ENTRIES,
        )

    def _settle_statuses(self) -> list[statuses.Status] | None:
        self._ratings_in_words()
        self._rating_with_latest_entries()
        rated = [
            (action, update)
            for section in self.all_sections()
            for action in section.actions
            for update in action.updates.values()
            if update.status_text
        ]
        scale = self.scale
        # With no key, the plan's own ratings as its scale: its words, its numbers or its marks.
        unkeyed = (
            (statuses.word_scale, "in words", "its own words", rules.WORD_SCALE),
            (statuses.numeric_scale, "with numbers", "its numbers", rules.WORD_SCALE),
            (statuses.mark_scale, "with marks", "its marks", rules.MARK_SCALE),
        )
        for make, how, used, rule in unkeyed:
            if scale is not None or not rated:
                break
            scale = make([update.status_text or "" for _, update in rated])
            if scale is not None:
                named = (s.label if make is statuses.word_scale else s.code for s in scale)
                self.note(
                    rated[0][1].status_where,
                    f"The plan rates its actions {how} and has no key saying what they mean; "
                    f"used {used} as its ratings: {', '.join(named)}.",
                    rule=rule,
                )
        if scale is None and rated:
            scale = statuses.default_scale()
            self.note(
                rated[0][1].status_where,
                "The plan has ratings but no key saying what they mean; used the usual BRAG "
                "scale (Blue completed, Green on track, Amber some concerns, Red off track, "
                "White not yet started).",
                rule=rules.DEFAULT_SCALE,
            )
        if scale is None:
            return None
        scale = self._usual_colours_beside(scale, rated)
        reader = statuses.StatusReader(scale)
        arrows: list[Update] = []
        for action, update in rated:
            arrow = statuses.direction_arrow(update.status_text or "")
            self._read_status(reader, action, update)
            if arrow and update.status_text:
                # The rating is the status; the direction of travel beside it is kept in words.
                update.narrative.append(f"{statuses.DIRECTION_WORDS}: {arrow}")
                arrows.append(update)
        if arrows:
            self.note(
                arrows[0].status_where,
                f"{len(arrows)} ratings have an arrow beside them, the direction of travel "
                f"('{arrows[0].narrative[-1]}'); each rating is read as the status, and its "
                "arrow kept in words in the same update.",
                rule=rules.ARROW_BESIDE_RATING,
            )
        return scale

    def _usual_colours_beside(
        self, scale: list[statuses.Status], rated: list[tuple[Action, Update]]
    ) -> list[statuses.Status]:
        """A rating colour the plan's scale leaves out (a blue cell under a key of green, amber
        and red, most often the actions it has closed): read as the usual BRAG meaning and
        added to the scale, rather than left out. White is not, as a blank white cell rates
        nothing."""
        have = {status.colour for status in scale}
        if have & {"amber", "yellow"}:
            have |= {"amber", "yellow"}
        usual = {status.colour: status for status in statuses.default_scale()}
        wanted: list[str] = []
        for _, update in rated:
            colour = statuses.colour_word(statuses.shapes_as_words(update.status_text or ""))
            if colour and colour in usual and colour != "white" and colour not in have | {*wanted}:
                wanted.append(colour)
        codes = {status.code for status in scale}
        added = [usual[c] for c in wanted if usual[c].code not in codes]
        if not added:
            return scale
        for status in added:
            self.note(
                rated[0][1].status_where,
                f"Some actions are rated {status.colour}, which the plan's key does not list; "
                f"read {status.colour} as the usual '{status.label}' and added it to the scale.",
                rule=rules.USUAL_COLOUR_BESIDE_KEY,
            )
        # In the usual order: blue, the actions done, first.
        first = [status for status in added if status.colour == "blue"]
        return [*first, *scale, *(status for status in added if status not in first)]

    def _read_status(self, reader: statuses.StatusReader, action: Action, update: Update) -> None:
        text = update.status_text or ""
        update.status_text = reader.read(text)
        if update.status_text:
            return
        # "G - on track as planned" or "Amber (some slippage)": a rating, then words about it.
        match = re.match(r"^(\S{1,12}?)\s*[-:–]\s+(\S.*)$", text, re.S) or re.match(
            r"^(\S{1,12}?)\s*\(\s*([^()]*\S)\s*\)\s*$", text, re.S
        )
        # "🟢 on track": a coloured circle, then words.
        match = match or re.match(r"^(\W)\ufe0f?\s*(\S.*)$", text, re.S)
        if match and reader.read(match.group(1)):
            update.status_text = reader.read(match.group(1))
            update.narrative.insert(0, match.group(2))
            return
        if not statuses.looks_like_rating(text):
            update.narrative.insert(0, text)
            return
        self.note(
            update.status_where,
            f"Could not read '{text}' as a rating of the plan's key for {action.describe()} "
            f"({update.period}); left it out.",
            rule=rules.RATING_UNREADABLE,
        )

    def _apply_costs(self) -> None:
        by_ref: dict[str, list[CostLine]] = {}
        for line in self.cost_lines:
            by_ref.setdefault(line.ref, []).append(line)
        for ref, lines in by_ref.items():
            action = self.actions_by_ref.get(ref)
            if action is None:
                self.note(
                    lines[0].where,
                    f"The cost line for {ref} names no action in the plan; not placed.",
                    rule=rules.COST_UNPLACED,
                )
                continue
            known = [line.cost for line in lines if line.cost is not None]
            written = "; ".join(line.cost_text for line in lines)
            if action.cost is not None and known and action.cost != sum(known):
                self.note(
                    lines[0].where,
                    f"{action.describe().capitalize()} gives its cost as '{action.cost_text}' but "
                    f"the financial table says '{written}'; used the financial table.",
                    rule=rules.COST_DIFFERS,
                )
            action.cost = sum(known) if known else None
            action.cost_text = written
        if self.cost_total is not None:
            total, where = self.cost_total
            listed = sum(line.cost for line in self.cost_lines if line.cost is not None)
            if abs(listed - total) > 0.5:
                self.note(
                    where,
                    f"The financial table's total is £{total:,} but its lines add up to "
                    f"£{listed:,}.",
                    rule=rules.COST_TOTAL,
                )

    # Dictionaries

    @staticmethod
    def _weakness_dict(weakness: Weakness) -> dict[str, Any]:
        out: dict[str, Any] = {"text": weakness.text}
        if weakness.ref:
            out = {"ref": weakness.ref, **out}
        if weakness.findings:
            out["findings"] = weakness.findings
        return out

    def _section_dict(self, section: Section) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if section.ref:
            out["ref"] = section.ref
        out["level"] = section.level
        out["title"] = section.title
        if section.owners:
            out["owners"] = [person.key for person in section.owners]
        if section.outcomes:
            out["outcomes"] = section.outcomes
        if section.weaknesses:
            out["weaknesses"] = section.weaknesses
        if section.milestones:
            out["milestones"] = section.milestones
        if section.children:
            out["sections"] = [self._section_dict(child) for child in section.children]
        if section.actions:
            out["actions"] = [self._action_dict(action) for action in section.actions]
        return out

    @staticmethod
    def _action_dict(action: Action) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if action.ref:
            out["ref"] = action.ref
        out["title"] = action.title
        if action.leads:
            out["leads"] = [person.key for person in action.leads]
        text_fields: list[tuple[str, Any]] = [
            ("lead_text", flat(action.lead_text)),
            ("resources", " ".join(action.resources)),
            ("cost", action.cost),
            ("cost_text", action.cost_text),
            ("starts", action.starts),
            ("starts_text", action.starts_text),
            ("due", action.due),
            ("due_text", action.due_text),
            ("group", action.group),
            ("members", action.members),
        ]
        for key, value in text_fields:
            if value is not None and value != "":
                out[key] = value
        if action.measures:
            out["measures"] = [_measure_dict(measure) for measure in action.measures]
        if action.evidence_of_impact:
            out["evidence_of_impact"] = action.evidence_of_impact
        if action.monitoring:
            out["monitoring"] = action.monitoring
        see_also = _see_also(action)
        if see_also:
            out["see_also"] = see_also
        updates = [_update_dict(update) for update in action.updates.values()]
        updates = [update for update in updates if len(update) > 1]
        if updates:
            out["updates"] = updates
        return out


def _merged(
    found: list[people.Person], merged: dict[int, list[people.Person]]
) -> list[people.Person]:
    out: list[people.Person] = []
    for each in found:
        for person in merged.get(id(each), [each]):
            if person not in out:
                out.append(person)
    return out


def _settle_cost(action: Action) -> None:
    """A cost written among the resources ("Integra Conference cost (£4,000)")."""
    words = " ".join(action.resources)
    cost = values.read_cost(words)
    if cost is not None:
        action.cost, action.cost_text = cost, words


def _measure_dict(measure: Measure) -> dict[str, str]:
    out = {"text": measure.text}
    if measure.due:
        out["due"] = measure.due
    if measure.due_text:
        out["due_text"] = measure.due_text
    return out


def _update_dict(update: Update) -> dict[str, Any]:
    out: dict[str, Any] = {"period": update.period}
    if update.status_text:
        out["status"] = update.status_text
    if update.narrative:
        out["narrative"] = "\n".join(update.narrative)
    if update.evidence:
        out["evidence"] = update.evidence
    return out


def _see_also(action: Action) -> list[str]:
    texts = [action.title, action.monitoring, action.evidence_of_impact]
    texts += [measure.text for measure in action.measures]
    found: list[str] = list(action.see_also)
    for text in texts:
        for ref in values.cross_refs(text):
            if ref != action.ref and ref not in found:
                found.append(ref)
    return found
