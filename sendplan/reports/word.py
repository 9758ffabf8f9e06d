"""Word documents of the reports: real heading styles, tables whose heading rows repeat on
every page, a title page, page numbers, and a page break before each major part."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape

from django.urls import reverse
from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from sendplan.lib.dates import format_partial_date
from sendplan.lib.links import site_link, web_addresses
from sendplan.lib.numbers import number
from sendplan.monitoring.progress import StatusView
from sendplan.reports.builders import (
    BoardAction,
    BoardReport,
    EvidenceAction,
    EvidencePack,
    IndicatorView,
    PlanDocument,
    Timeline,
    UpdateView,
)
from sendplan.reports.colours import fill_hex
from sendplan.reports.templatetags.report_tags import pounds


@dataclass(frozen=True)
class Linked:
    """Lines of text for a table cell, each in pieces of (text, the web address it links to,
    or "" for plain text)."""

    lines: list[list[tuple[str, str]]]


Cell = str | StatusView | Linked | None
# Control characters that pasted text can carry and XML cannot.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The characters of a web address that keep their meaning in it (RFC 3986), and "%" of those
# already escaped.
URI_CHARACTERS = ":/?#[]@!$&'()*+,;=-._~%"
# The width between the margins of a landscape A4 page, in twentieths of a point.
TEXT_WIDTH = round((297 - 30) / 25.4 * 1440)


def status_words(status: StatusView | None) -> str:
    if status is None or status.code == "–":
        return "–"
    return status.label if status.code == status.label else f"{status.code} – {status.label}"


class Writer:
    """A document being written, top to bottom."""

    def __init__(
        self, title: str, *, area: str, plan_title: str, made_on: Any, brief: bool = False
    ) -> None:
        """A title page, or for a brief report a title above its first page."""
        self.doc: Document = new_document()
        self._links: dict[str, str] = {}
        self._setup(title, area)
        produced = f"Produced on {made_on.day} {made_on:%B %Y}"
        if brief:
            self.doc.add_paragraph(title, style="Title")
            self.doc.add_paragraph(f"{area} · {plan_title} · {produced}")
            return
        self.doc.add_paragraph(area, style="Subtitle")
        self.doc.add_paragraph(title, style="Title")
        if plan_title != title:
            self.doc.add_paragraph(plan_title, style="Subtitle")
        self.doc.add_paragraph(produced)
        self.page_break()

    def _setup(self, title: str, area: str) -> None:
        properties = self.doc.core_properties
        properties.title, properties.author, properties.language = title, area, "en-GB"
        normal = self.doc.styles["Normal"]
        normal.font.name, normal.font.size = "Arial", Pt(10)  # type: ignore[attr-defined]
        # Spelling, hyphenation and screen readers take the language from the styles.
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
        if run_defaults is not None:
            properties_element = run_defaults.find(qn("w:rPr"))
            if properties_element is not None:
                lang = OxmlElement("w:lang")
                lang.set(qn("w:val"), "en-GB")
                properties_element.append(lang)
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(15))
        section.different_first_page_header_footer = True
        footer = section.footer.paragraphs[0]
        footer.add_run(f"{title}    Page ")
        _field(footer, "PAGE")
        footer.add_run(" of ")
        _field(footer, "NUMPAGES")

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, level=min(level, 9))

    def para(self, text: str, *, label: str = "", style: str | None = None) -> None:
        paragraph = self.doc.add_paragraph(style=style)
        if label:
            paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text)

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            self.doc.add_paragraph(item, style="List Bullet")

    def link(self, address: str) -> str:
        """The id of the document's relationship to a web address, which a w:hyperlink names.
        Kept by address and numbered here: python-docx's own relate_to looks through every
        relationship for each new one, ten seconds over the 5,000 links of a large pack."""
        if address not in self._links:
            rels = self.doc.part.rels
            rId = next(
                rId for n in itertools.count(len(rels) + 1) if (rId := f"rId{n}") not in rels
            )
            # Characters a web address may not hold (spaces aside, which end one) are escaped,
            # as a browser would: Word calls a document with them in a link damaged.
            target = quote(address, safe=URI_CHARACTERS)
            rels.add_relationship(RT.HYPERLINK, target, rId, is_external=True)
            self._links[address] = rId
        return self._links[address]

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        *,
        caption: str = "",
        widths: Sequence[float] = (),
    ) -> None:
        """A table whose heading row repeats on every page. Written as XML in one go: cell by
        cell, python-docx takes seconds over a few hundred rows."""
        if caption:
            self.doc.add_paragraph(caption, style="Caption")
        weights = list(widths) or [1.0] * len(headings)
        twips = [round(TEXT_WIDTH * w / sum(weights)) for w in weights]
        parts = [
            f'<w:tbl {nsdecls("w", "r")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
            '<w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{w}"/>' for w in twips),
            "</w:tblGrid>",
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
            *(
                _cell_xml(text, width, self.link, bold=True)
                for text, width in zip(headings, twips, strict=True)
            ),
            "</w:tr>",
        ]
        for values in rows:
            parts.append("<w:tr>")
            parts.extend(_cell_xml(v, w, self.link) for v, w in zip(values, twips, strict=True))
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        self.doc.element.body._insert_tbl(parse_xml("".join(parts)))

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _field(paragraph: Any, code: str) -> None:
    """A Word field such as PAGE, which Word and LibreOffice fill in as they lay out pages."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1")):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _text_xml(text: str) -> str:
    return "<w:br/>".join(
        f'<w:t xml:space="preserve">{escape(line)}</w:t>'
        for line in _NOT_XML.sub("", text).split("\n")
    )


# Links are underlined as well as coloured, so that colour is not all that marks them.
LINK_RUN = '<w:rPr><w:color w:val="1D70B8"/><w:u w:val="single"/></w:rPr>'


def _linked_xml(value: Linked, link: Callable[[str], str]) -> str:
    runs = []
    for index, line in enumerate(value.lines):
        if index:
            runs.append("<w:r><w:br/></w:r>")
        for text, address in line:
            if address:
                runs.append(
                    f'<w:hyperlink r:id="{link(address)}" w:history="1">'
                    f"<w:r>{LINK_RUN}{_text_xml(text)}</w:r></w:hyperlink>"
                )
            else:
                runs.append(f"<w:r>{_text_xml(text)}</w:r>")
    return "".join(runs)


def _cell_xml(value: Cell, width: int, link: Callable[[str], str], *, bold: bool = False) -> str:
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if isinstance(value, Linked):
        content = _linked_xml(value, link)
    else:
        text = value or ""
        if isinstance(value, StatusView):
            text = status_words(value)
            fill = fill_hex(value.colour)
            if fill:
                properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
        run_properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
        content = f"<w:r>{run_properties}{_text_xml(str(text))}</w:r>"
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p>{content}</w:p></w:tc>"


def _indicators(writer: Writer, views: list[IndicatorView], level: int) -> None:
    """Each indicator's rating in words with its reason, and its chart's figures with the
    comparators. No picture of the chart: nothing here turns its SVG into an image Word shows,
    and the table says all that it draws."""
    for view in views:
        indicator = view.indicator
        writer.heading(f"{indicator.ref} {indicator.name}".strip(), level)
        if indicator.definition:
            writer.para(indicator.definition)
        writer.para(f"{view.rating.label}. {view.series.rating_reason}", label="Rating")
        names = view.comparator_names
        rows: list[list[Cell]] = []
        if view.baseline is not None:
            baseline = number(view.baseline.value)
            rows.append([f"Baseline, {view.baseline.words}", "–", baseline, *["–"] * len(names)])
        for row in view.rows:
            target = "–" if row.target is None else number(row.target)
            if row.target_text:
                target += f" ({row.target_text})"
            if row.actual is not None:
                actual = number(row.actual)
            else:
                actual = "not yet measured" if row.target is not None else "–"
            compared = ["–" if value is None else number(value) for value in row.comparators]
            rows.append([row.on, target, actual, *compared])
        if rows:
            unit = f" ({view.unit})" if view.unit else ""
            writer.table(["Date", "Target", "Actual", *names], rows, caption=f"Figures{unit}")
        else:
            writer.para("No baseline, targets or figures have been recorded yet.")
        if view.undated_comparators:
            compared_with = "; ".join(
                f"{name} {number(figure.value)}" + (f" ({figure.on})" if figure.on else "")
                for name, figure in view.undated_comparators
            )
            writer.para(compared_with, label="Also compared with")
        if view.series.left_out:
            left_out = view.series.left_out
            writer.para(
                f"Not yet included, until a programme manager approves "
                f"{'it' if len(left_out) == 1 else 'them'}: the figure"
                f"{'' if len(left_out) == 1 else 's'} for {', '.join(f.words for f in left_out)} "
                "(waiting for review or returned to the supplier)."
            )


# The board highlight report


def board_docx(report: BoardReport) -> bytes:
    plan = report.plan
    writer = Writer(
        report.title,
        area=plan.area.name,
        plan_title=plan.title,
        made_on=report.made_on,
        brief=report.brief,
    )
    writer.heading("At a glance", 1)
    ends = f", the period ending {format_partial_date(report.period.ends_on)}"
    compared = f", compared with {report.previous.label}" if report.previous else ""
    writer.para(
        f"{report.total} actions as they stood at the end of {report.period.label}"
        f"{ends if report.period.ends_on else ''}{compared}."
    )
    writer.heading("What needs the board's attention", 2)
    writer.bullets([line.figure + line.detail for line in report.headlines])
    counts: list[list[Cell]] = [[c.status, str(c.count)] for c in report.overall]
    counts.append(["All actions", str(report.total)])
    writer.table(["Status", "Actions"], counts, caption=f"Actions by status, {report.period.label}")
    if report.trend:
        writer.table(
            ["Period", *(status_words(s) for s in report.trend_statuses), "Overdue"],
            [
                [row.period.label, *(str(n) for n in row.counts), str(row.overdue)]
                for row in report.trend
            ],
            caption="The trend: actions by status at the end of each period",
            widths=[1.5, *([1.0] * len(report.trend_statuses)), 1.0],
        )
    level_name = plan.levels[0] if plan.levels else "Section"
    writer.table(
        [level_name, "Actions by status", "Total"],
        [
            [
                row.section.heading,
                ", ".join(f"{c.count} × {status_words(c.status)}" for c in row.counts),
                str(row.total),
            ]
            for row in report.by_section
        ],
        caption=f"Actions by status in each {level_name.lower()}",
        widths=[2, 5, 0.8],
    )
    if report.forum:
        writer.heading("The parent carer forum's comments", 1)
        writer.para("In the forum's own words, kept apart from the officers' progress reports.")
        for comment in report.forum:
            on = f"On {comment.action.ref}: " if comment.action else ""
            writer.para(f"{on}{comment.text} ({comment.author_name or 'The parent carer forum'})")

    writer.page_break()
    writer.heading("Exceptions: what got worse, is overdue or was returned", 1)
    if report.exceptions:
        writer.para("The latest progress report of each of these actions is in the appendix.")
        writer.table(
            ["Ref", "Action", "Why it is here", "Status", "Lead", "Due"],
            [
                [
                    row.item.ref,
                    row.item.action.title,
                    "; ".join(row.reasons),
                    status_words(row.status)
                    + (
                        f" (was {row.signals.previous.code})"
                        if row.worse and row.signals.previous
                        else ""
                    ),
                    row.item.lead_names or "Not given",
                    _due(row),
                ]
                for row in report.exceptions
            ],
            widths=[0.7, 3.5, 1.4, 1.8, 1.4, 1.4],
        )
    else:
        writer.para("No action got worse, is overdue or had its update returned.")
    if report.missing:
        writer.heading(f"Updates not given for {report.period.label}", 2)
        writer.para(
            f"{len(report.missing)} of the {report.asked} updates asked for "
            f"{'was' if len(report.missing) == 1 else 'were'} not given by the deadline."
        )
        if report.missing_by_lead:
            writer.para("Those not among the exceptions above, by lead:")
            writer.bullets(
                [f"{group.lead}: {', '.join(group.refs)}" for group in report.missing_by_lead]
            )
    if report.rebaselined:
        writer.heading("Due dates moved", 2)
        writer.bullets(
            [
                f"{r.item.ref} {r.item.action.title.rstrip().rstrip('.')}: from "
                f"{r.change.previous_display} to {r.change.new_display}. Reason: {r.change.reason}"
                for r in report.rebaselined
            ]
        )
    if report.indicators:
        writer.heading("Indicators against their targets", 1)
        _indicators(writer, report.indicators, 2)

    writer.page_break()
    writer.heading("Appendix: every action's status", 1)
    since = f"Since {report.since}"
    for block in report.sections:
        writer.heading(block.section.heading, 2)
        writer.table(
            ["Ref", "Action", "Lead", "Status", since, "Progress of exceptions"],
            [
                [
                    r.item.ref,
                    r.item.action.title,
                    r.item.lead_names,
                    r.status,
                    _since(r),
                    (r.narrative or "No narrative given.") if r.needs_attention else "",
                ]
                for r in block.actions
            ],
            widths=[0.8, 3, 1.6, 1.6, 1, 4],
        )
    return writer.bytes()


def _due(row: BoardAction) -> str:
    due = row.item.action.due_display or "Not given"
    if row.item.rebaselines:
        due += f" (first planned for {row.item.original_due_display})"
    return due


def _since(row: BoardAction) -> str:
    if row.update:
        return row.signals.change_label
    if row.carried and row.latest:
        return f"No update this period; rated in {row.latest.period.label}"
    return "No update"


# The evidence pack


def _evidence_cell(view: UpdateView) -> Linked | str:
    """The evidence of an update: each web address in it (http or https) a link, and each file
    a link to the page that gives it to those who may see it, by its whole address."""
    lines = [
        [(piece, piece if link else "") for piece, link in web_addresses(text)]
        for text in view.update.evidence
    ]
    lines += [
        [(item.name, site_link(reverse("evidence_download", args=[item.plan_id, item.pk]))),
         (" (file)", "")]
        for item in view.files
    ]  # fmt: skip
    return Linked(lines) if lines else "–"


def _evidence_action(writer: Writer, entry: EvidenceAction, periods: list[Any], level: int) -> None:
    item = entry.item
    writer.heading(f"{item.ref} {item.action.title}".strip(), level)
    due = item.action.due_display or "not given"
    if item.rebaselines:
        due += f", first planned for {item.original_due_display}"
    writer.para(f"Lead: {item.lead_names or 'not given'}. Due: {due}.")
    if periods:
        writer.table(
            [cell.period.label for cell in entry.history],
            [[cell.status for cell in entry.history]],
            caption="Status in each period",
        )
    if entry.updates:
        writer.table(
            ["Period", "Status", "Progress", "Evidence", "Recorded"],
            [
                [
                    view.update.period.label,
                    view.status,
                    (f"Correction: {view.update.reason}\n" if view.update.corrects_id else "")
                    + (view.update.narrative or "–"),
                    _evidence_cell(view),
                    f"{view.update.author_name or 'Not recorded'}"
                    + (f", {view.update.recorded_at:%d %b %Y}" if view.update.recorded_at else "")
                    + f". {view.state}",
                ]
                for view in entry.updates
            ],
            caption="Progress reported, oldest first",
            widths=[1, 1.5, 4, 2, 2],
        )
    else:
        writer.para("No progress has been reported yet.")
    for comment in item.forum:
        writer.para(
            f"{comment.text} ({comment.author_name or 'The parent carer forum'})",
            label="The parent carer forum's commentary",
        )


def _inspection(writer: Writer, report: EvidencePack) -> None:
    plan = report.plan
    writer.heading("The inspection and its timeline", 1)
    upcoming = report.prepared_for
    if upcoming is None:
        made_on = report.made_on
        writer.para(
            f"No review or inspection is on the plan's timeline after "
            f"{made_on.day} {made_on:%B %Y}."
        )
    else:
        days = upcoming.days
        when = "today" if days == 0 else f"in {days} day{'' if days == 1 else 's'}"
        on = format_partial_date(upcoming.key_date.on)
        writer.para(f"This pack is prepared for the {upcoming.label}, {on}, {when}.")
    writer.para(plan.get_inspection_framework_display() or "Not recorded", label="Framework")
    writer.para(plan.get_inspection_outcome_display() or "Not recorded", label="Outcome")
    if report.key_dates:
        writer.table(
            ["Date", "What", "When"],
            [
                [
                    format_partial_date(d.key_date.on) or d.key_date.on,
                    d.key_date.label
                    + (f" ({d.key_date.get_kind_display()})" if d.key_date.note else ""),
                    d.when,
                ]
                for d in report.key_dates
            ],
            caption="Key dates, earliest first",
            widths=(1, 3, 1),
        )
    else:
        writer.para(
            "No key dates have been recorded: the inspection, its report, when the plan is due, "
            "its reviews and the monitoring inspection expected."
        )


def evidence_docx(report: EvidencePack) -> bytes:
    plan = report.plan
    writer = Writer(
        report.title, area=plan.area.name, plan_title=plan.title, made_on=report.made_on
    )
    writer.para(
        "The inspection this plan answers and the dates that follow it; then for each area of "
        "weakness: what the inspectors found, the parts of the plan that answer it, and for each "
        "action its status in every period, the progress reported with its evidence, and the "
        "indicators that show its impact."
    )
    _inspection(writer, report)
    for entry in report.weaknesses:
        writer.page_break()
        writer.heading(f"Area of weakness {entry.weakness.ref}".strip(), 1)
        writer.para(entry.weakness.text)
        if entry.findings:
            writer.heading("What the inspection found", 2)
            writer.bullets(
                [f"{f.text} ({f.source})" if f.source else f.text for f in entry.findings]
            )
        writer.heading("Where the plan answers it", 2)
        if entry.sections:
            writer.bullets(
                [
                    s.heading + (f". Intended outcomes: {s.outcomes}" if s.outcomes else "")
                    for s in entry.sections
                ]
            )
        else:
            writer.para("No part of the plan is linked to this area of weakness yet.")
        if entry.actions:
            writer.heading("Actions and their progress", 2)
            for action in entry.actions:
                _evidence_action(writer, action, report.periods, 3)
        if entry.indicators:
            writer.heading("Indicators", 2)
            _indicators(writer, entry.indicators, 3)
    if report.unlinked:
        writer.page_break()
        writer.heading("Actions not linked to an area of weakness", 1)
        for action in report.unlinked:
            _evidence_action(writer, action, report.periods, 2)
    return writer.bytes()


# The plan document


def _timeline(writer: Writer, timeline: Timeline) -> None:
    rows: list[list[Cell]] = [
        [
            quarter.label,
            str(len(quarter.actions)),
            "\n".join(
                f"{i.ref} {i.action.title} (due {i.action.due_display})" for i in quarter.actions
            )
            or "None",
        ]
        for quarter in timeline.quarters
    ]
    if timeline.undated:
        rows.append(
            [
                "No date given",
                str(len(timeline.undated)),
                "\n".join(
                    f"{i.ref} {i.action.title}"
                    + (f" ({i.action.due_display})" if i.action.due_display else "")
                    for i in timeline.undated
                ),
            ]
        )
    writer.table(
        ["Quarter", "Actions", "Actions due"],
        rows,
        caption="Actions due by quarter",
        widths=[1.5, 0.7, 6],
    )


def plan_docx(report: PlanDocument) -> bytes:
    plan = report.plan
    writer = Writer(
        report.title, area=plan.area.name, plan_title=plan.title, made_on=report.made_on
    )
    if plan.vision:
        writer.heading("Our vision", 1)
        writer.para(plan.vision)
    if plan.principles:
        writer.heading("Our principles", 1)
        writer.bullets([str(p) for p in plan.principles])
    if plan.governance:
        writer.heading("Governance", 1)
        writer.para(plan.governance)
    if report.weaknesses:
        writer.page_break()
        writer.heading("Areas of weakness and intended outcomes", 1)
        for entry in report.weaknesses:
            ref = f"{entry.weakness.ref}. " if entry.weakness.ref else ""
            writer.heading(f"{ref}{entry.weakness.text}", 2)
            writer.bullets(
                [f"{f.text} ({f.source})" if f.source else f.text for f in entry.findings]
            )
            if entry.sections:
                writer.para("Answered by:")
                writer.bullets(
                    [
                        s.heading + (f". Intended outcomes: {s.outcomes}" if s.outcomes else "")
                        for s in entry.sections
                    ]
                )
    if report.levels:
        writer.heading("Status key", 1)
        writer.table(
            ["Status", "Meaning"],
            [
                [StatusView(lv.code, lv.label, lv.colour, lv.done), lv.meaning or lv.label]
                for lv in report.levels
            ],
        )
    writer.page_break()
    writer.heading("The plan", 1)
    period_labels = [period.label for period in report.periods]
    for block in report.sections:
        section = block.section
        if block.node.depth == 0 and block is not report.sections[0]:
            writer.page_break()
        writer.heading(section.heading, block.node.depth + 2)
        if block.node.owners:
            owners = "; ".join(
                p.display_name + (f", {p.role}" if p.role and p.name else "")
                for p in block.node.owners
            )
            writer.para(owners, label="Owner")
        if section.outcomes:
            writer.para(section.outcomes, label="What we want to achieve")
        if block.milestones:
            writer.table(
                ["When", "Milestone"],
                [[m.due_display or "–", m.text] for m in block.milestones],
                caption="Key milestones",
            )
        if block.rows:
            rows: list[list[Cell]] = []
            for item, cells in block.rows:
                action = item.action
                due = action.due_display
                if action.starts_display:
                    due = f"From {action.starts_display}\n{due}"
                if item.rebaselines:
                    due += f"\nFirst planned for {item.original_due_display}"
                title = action.title + (
                    f"\nResources: {action.resources}" if action.resources else ""
                )
                measures = "\n".join(
                    m.text + (f" ({m.due_display})" if m.due_display else "") for m in item.measures
                )
                rows.append(
                    [action.ref, title, item.lead_names, due, measures]
                    + [cell.status for cell in cells]
                )
            writer.table(
                ["Ref", "Action", "Lead", "Due", "Measures of success", *period_labels],
                rows,
                caption="Actions",
                widths=[1, 4, 2, 1.6, 3] + [1.1] * len(period_labels),
            )
    if report.indicators:
        writer.page_break()
        writer.heading("Performance framework", 1)
        _indicators(writer, report.indicators, 2)
    writer.page_break()
    writer.heading("Timeline of actions by quarter", 1)
    _timeline(writer, report.timeline)
    if report.officers:
        writer.page_break()
        writer.heading("Lead officers", 1)
        writer.table(
            ["Name", "Role", "Leads"],
            [
                [
                    officer.person.name or officer.person.key,
                    officer.person.role
                    + (f", {officer.person.organisation}" if officer.person.organisation else ""),
                    ", ".join(
                        [f"{s.level or 'Section'} {s.ref} (owner)" for s in officer.owns]
                        + (
                            ["actions " + ", ".join(i.ref or "(no ref)" for i in officer.leads)]
                            if officer.leads
                            else []
                        )
                    ),
                ]
                for officer in report.officers
            ],
            caption="Who leads what",
        )
    writer.heading("Financial implications", 1)
    if report.costs:
        rows = [
            [i.ref, i.action.title, i.action.cost_text, pounds(i.action.cost) or "–"]
            for i in report.costs
        ]
        rows.append(["Total", "", "", pounds(report.total_cost)])
        writer.table(
            ["Ref", "Action", "As written", "Cost"],
            rows,
            caption="Cost of each action",
            widths=[0.8, 5, 3, 1.2],
        )
    else:
        writer.para("No costs are given for the plan's actions.")
    if report.glossary:
        writer.heading("Glossary", 1)
        writer.table(["Term", "Meaning"], [[t.term, t.meaning] for t in report.glossary])
    if report.meetings:
        writer.heading("Meetings and people involved", 1)
        writer.table(
            ["Date", "Meeting", "Attendees"],
            [
                [format_partial_date(m.on) or "–", m.title, "; ".join(map(str, m.attendees))]
                for m in report.meetings
            ],
            caption="Meetings",
        )
    return writer.bytes()
