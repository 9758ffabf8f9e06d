"""The documents that take too long to make while a person waits, one entry each: how to make
it, what to call the file and what kind of file it is. The views, the background task and the
benchmark all read this registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sendplan.monitoring.models import Period
from sendplan.plans.models import Plan
from sendplan.reports import renderers, word
from sendplan.reports.builders import build_board_report, build_evidence_pack, build_plan_document
from sendplan.reports.renderers import Report, file_stem

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Document:
    key: str
    # "the evidence pack", as in "Making the evidence pack"
    name: str
    # "PDF" or "Word document"
    form: str
    extension: str
    content_type: str
    build: Callable[[Plan, Period | None], Report]
    render: Callable[[Report], bytes]
    stem: str
    # The address that asks for it (sendplan.reports.urls).
    url_name: str
    # Whether the document is of one monitoring period (the board report).
    of_period: bool = False

    def filename(self, plan: Plan, period: Period | None) -> str:
        label = period.label if period is not None and self.of_period else ""
        return f"{file_stem(plan, self.stem, label)}.{self.extension}"


def _evidence(plan: Plan, period: Period | None) -> Report:
    return build_evidence_pack(plan)


def _plan_document(plan: Plan, period: Period | None) -> Report:
    return build_plan_document(plan)


def _board(plan: Plan, period: Period | None) -> Report:
    if period is None:
        raise ValueError("The board report is of a monitoring period.")
    return build_board_report(plan, period)


DOCUMENTS: dict[str, Document] = {
    document.key: document
    for document in [
        Document(
            key="evidence-pdf", name="the evidence pack", form="PDF", extension="pdf",
            content_type=PDF, build=_evidence, render=renderers.report_pdf, stem="evidence-pack",
            url_name="evidence_pack_pdf",
        ),
        Document(
            key="evidence-docx", name="the evidence pack", form="Word document",
            extension="docx", content_type=DOCX, build=_evidence, render=word.report_docx,
            stem="evidence-pack", url_name="evidence_pack_docx",
        ),
        Document(
            key="plan-pdf", name="the plan document", form="PDF", extension="pdf",
            content_type=PDF, build=_plan_document, render=renderers.report_pdf, stem="plan",
            url_name="plan_document_pdf",
        ),
        Document(
            key="plan-docx", name="the plan document", form="Word document", extension="docx",
            content_type=DOCX, build=_plan_document, render=word.report_docx, stem="plan",
            url_name="plan_document_docx",
        ),
        Document(
            key="board-pdf", name="the board report", form="PDF", extension="pdf",
            content_type=PDF, build=_board, render=renderers.report_pdf, stem="board-report",
            url_name="board_report_pdf", of_period=True,
        ),
    ]
}  # fmt: skip
