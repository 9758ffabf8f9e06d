"""Every report and the forms it comes in, one entry each. The reports page, the addresses and
their views, the background worker and the `report` and `export` commands all read this list, so
adding a report is one entry here (with its builder and renderers).

A report is built once from the plan (for a monitoring period, if it is of one) and rendered as
each of its formats: a page on the site, and files to download. Its addresses follow from its
key: the page at reports/<key>/, each file at reports/<key>.<extension>."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sendplan.accounts.models import EDITING_ROLES
from sendplan.monitoring.models import Period
from sendplan.plans.models import Plan
from sendplan.reports import renderers, word
from sendplan.reports.builders import (
    build_board_report,
    build_evidence_pack,
    build_plan_document,
    build_timeline,
)
from sendplan.reports.data import load_plan
from sendplan.reports.evidence import build_evidence_contents, build_evidence_pack_part
from sendplan.reports.renderers import file_stem
from sendplan.reports.tracker import tracker_xlsx

Build = Callable[[Plan, Period | None], Any]
# One part of a report, by the key a kept file names it by ("weakness-12"): raises
# evidence.NoSuchPart for a part the plan does not have.
BuildPart = Callable[[Plan, str], Any]


@dataclass(frozen=True)
class Format:
    key: str  # "docx": the file's extension, and its name on the command line
    name: str  # "Word document", as in "the evidence pack as a Word document"
    short: str  # "Word", as in "Download as Word"
    content_type: str
    # Whether it is text, which a command may write to standard output.
    text: bool = False


PDF = Format("pdf", "PDF", "PDF", "application/pdf")
DOCX = Format(
    "docx",
    "Word document",
    "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = Format(
    "xlsx",
    "Excel spreadsheet",
    "Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
CSV = Format("csv", "CSV file", "CSV", "text/csv; charset=utf-8", text=True)
# The page as one standalone document with a title page, as the PDF prints it: for the command.
HTML = Format("html", "HTML document", "HTML", "text/html; charset=utf-8", text=True)


@dataclass(frozen=True)
class Document:
    """One report as one kind of file."""

    key: str  # "evidence-pdf": the report's key and the format's, kept with each file made
    name: str  # "the evidence pack", as in "Making the evidence pack"
    format: Format
    build: Build
    render: Callable[[Any], bytes]
    stem: str  # "evidence-pack", as in "south-gloucestershire-evidence-pack.pdf"
    url_name: str  # the address that asks for it (sendplan.reports.urls)
    of_period: bool = False
    editors_only: bool = False
    # Whether it takes longer to make than anyone should wait on a page, so that the background
    # worker makes it and keeps it until the plan changes.
    background: bool = False
    # Where it also comes a part at a time (the evidence pack, an area of weakness a file), what
    # builds one part.
    build_part: BuildPart | None = None

    @property
    def form(self) -> str:
        return self.format.name

    @property
    def extension(self) -> str:
        return self.format.key

    @property
    def content_type(self) -> str:
        return self.format.content_type

    def filename(self, plan: Plan, period: Period | None, part: str = "") -> str:
        """ "testshire-evidence-pack.pdf"; with a part's name ("Area of weakness 2"),
        "testshire-evidence-pack-area-of-weakness-2.pdf"."""
        label = period.label if period is not None and self.of_period else part
        return f"{file_stem(plan, self.stem, label)}.{self.extension}"


@dataclass(frozen=True)
class Page:
    """How a report is shown on the site."""

    template: str = "reports/page.html"
    # The part that shows the report itself, the same for everyone who may see it, so kept for
    # the plan as it stands (reports.selectors.kept_output); by default the body the report
    # prints with (renderers.BODIES).
    body: str = ""
    # Whether the report also prints as one standalone HTML document (renderers.report_html),
    # which the `report` command writes.
    printable: bool = True
    # What the page shows, where it is less than the files (the evidence pack's page is its
    # contents, each part a page of its own); else the entry's build.
    build: Build | None = None


@dataclass(frozen=True)
class File:
    """A format a report is downloaded in, and what renders it."""

    format: Format
    render: Callable[[Any], bytes]
    background: bool = False
    build_part: BuildPart | None = None


@dataclass(frozen=True)
class Entry:
    """One report: what it is called, how it is built, and the forms it comes in."""

    key: str  # "board": in its addresses, and on the command line
    name: str  # "the board report", as in "Download the board report as PDF"
    heading: str  # "Board highlight report", on the reports page
    summary: str  # what it holds, on the reports page and in the commands' help
    stem: str  # "board-report", as in "testshire-board-report-jun-18.pdf"
    # The name of its page's address, "board_report"; each file's adds the extension,
    # "board_report_pdf".
    url_name: str
    build: Build
    page: Page | None = None
    files: tuple[File, ...] = ()
    # Whether it is of one monitoring period, chosen by the person asking.
    of_period: bool = False
    # Who may see it, by the rule of sendplan.accounts.access: everyone with a role in the
    # plan's area, or with this set, only those who may change the plan.
    editors_only: bool = False
    # Whether it is a copy of the whole plan, which `sendplan export` writes in its format.
    whole_plan: bool = False
    documents: tuple[Document, ...] = field(init=False)

    def __post_init__(self) -> None:
        documents = tuple(
            Document(
                key=f"{self.key}-{file.format.key}",
                name=self.name,
                format=file.format,
                build=self.build,
                render=file.render,
                stem=self.stem,
                url_name=f"{self.url_name}_{file.format.key}",
                of_period=self.of_period,
                editors_only=self.editors_only,
                background=file.background,
                build_part=file.build_part,
            )
            for file in self.files
        )
        object.__setattr__(self, "documents", documents)

    @property
    def formats(self) -> list[Format]:
        """What the `report` command can write it as."""
        printed = [HTML] if self.page is not None and self.page.printable else []
        return [document.format for document in self.documents] + printed

    def document(self, form: str) -> Document | None:
        return next((d for d in self.documents if d.format.key == form), None)

    def visible_to(self, roles: set[str]) -> bool:
        return not self.editors_only or bool(roles & EDITING_ROLES)

    def render(self, report: Any, form: str) -> bytes:
        """The report, as built, as a file in one of its formats."""
        if form == HTML.key and HTML in self.formats:
            return renderers.report_html(report).encode("utf-8")
        document = self.document(form)
        if document is None:
            raise ValueError(f"{self.name} does not come as {form}")
        return document.render(report)


def _board(plan: Plan, period: Period | None) -> Any:
    if period is None:
        raise ValueError("The board report is of a monitoring period.")
    return build_board_report(plan, period)


def _evidence(plan: Plan, period: Period | None) -> Any:
    return build_evidence_pack(plan)


def _evidence_part(plan: Plan, part: str) -> Any:
    return build_evidence_pack_part(plan, part)


def _evidence_contents(plan: Plan, period: Period | None) -> Any:
    return build_evidence_contents(plan)


def _plan_document(plan: Plan, period: Period | None) -> Any:
    return build_plan_document(plan)


def _timeline(plan: Plan, period: Period | None) -> Any:
    # Actions by the date they are due: nothing of their updates is shown.
    return build_timeline(load_plan(plan, updates=False))


def _plan_data(plan: Plan, period: Period | None) -> Any:
    return load_plan(plan)


def _plan_standing(plan: Plan, period: Period | None) -> Any:
    """The plan without each action's updates read one by one: the indicators need none."""
    return load_plan(plan, updates=False)


CATALOGUE: dict[str, Entry] = {
    entry.key: entry
    for entry in [
        Entry(
            key="board",
            name="the board report",
            heading="Board highlight report",
            summary="Status counts, what changed since the period before, exceptions first, "
            "every action's status and narrative, and the indicators against their targets.",
            stem="board-report",
            url_name="board_report",
            build=_board,
            page=Page(),
            files=(File(PDF, renderers.report_pdf, background=True), File(DOCX, word.board_docx)),
            of_period=True,
        ),
        Entry(
            key="evidence",
            name="the evidence pack",
            heading="Evidence pack",
            summary="For DfE and NHS England advisers and inspectors: the inspection and its "
            "key dates, then each area of weakness with its findings, the actions that answer "
            "it, their status in every period, progress, evidence and indicators.",
            stem="evidence-pack",
            url_name="evidence_pack",
            build=_evidence,
            # The contents; each area of weakness has a page of its own (views.evidence_weakness).
            page=Page(body="reports/_evidence_contents.html", build=_evidence_contents),
            # The PDF also comes an area of weakness a file: the whole pack of a long-running
            # plan runs to hundreds of pages, more than one PDF should be made of at once.
            files=(
                File(PDF, renderers.report_pdf, background=True, build_part=_evidence_part),
                File(DOCX, word.evidence_docx, background=True),
            ),
        ),
        Entry(
            key="plan",
            name="the plan document",
            heading="The plan document",
            summary="The whole plan laid out for publishing: vision, governance, weaknesses and "
            "outcomes, every section with its actions and a status column per period, the "
            "performance framework, timeline, lead officers, costs, glossary and meetings.",
            stem="plan",
            url_name="plan_document",
            build=_plan_document,
            page=Page(),
            files=(
                File(PDF, renderers.report_pdf, background=True),
                File(DOCX, word.plan_docx, background=True),
            ),
            whole_plan=True,
        ),
        Entry(
            key="timeline",
            name="the timeline",
            heading="Timeline",
            summary="Actions by quarter, as a chart and a table.",
            stem="timeline",
            url_name="timeline",
            build=_timeline,
            page=Page(
                template="reports/timeline.html",
                body="reports/_timeline_page.html",
                printable=False,
            ),
        ),
        Entry(
            key="tracker",
            name="the tracker",
            heading="Tracker",
            summary="One row per action, one status column per period, and a sheet of the "
            "indicators with each period's target and actual. Leads can fill in a new period's "
            "column and the programme manager imports it back.",
            stem="tracker",
            url_name="tracker",
            build=_plan_data,
            files=(File(XLSX, tracker_xlsx),),
            whole_plan=True,
        ),
        Entry(
            key="actions",
            name="the actions",
            heading="Actions",
            summary="One row per action.",
            stem="actions",
            url_name="actions",
            build=_plan_data,
            files=(File(CSV, renderers.actions_csv),),
            whole_plan=True,
        ),
        Entry(
            key="updates",
            name="the status updates",
            heading="Status updates",
            summary="One row per update, for Power BI and other analysis tools.",
            stem="status-updates",
            url_name="updates",
            build=_plan_data,
            files=(File(CSV, renderers.updates_csv),),
            whole_plan=True,
        ),
        Entry(
            key="figures",
            name="the indicator figures",
            heading="Indicator figures",
            summary="One row per baseline, target and recorded figure, with the period each "
            "answers and its review state.",
            stem="indicator-figures",
            url_name="figures",
            build=_plan_standing,
            files=(File(CSV, renderers.figures_csv),),
            whole_plan=True,
        ),
    ]
}

# The documents the background worker makes, by their key: what a kept file names.
DOCUMENTS: dict[str, Document] = {
    document.key: document
    for entry in CATALOGUE.values()
    for document in entry.documents
    if document.background
}
