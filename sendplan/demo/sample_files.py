"""The demo's two published plans as files to try the importer with: the text extracted from
each published document, and Word and Excel versions laid out as councils lay theirs out.

The Word and Excel versions are built from the plan a careful person entered by hand from the
published document (data/*-by-hand.plan.json), with a rating invented for every action in
every period so that the files carry status history. The accuracy tests score the importer on
these same files.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sendplan.demo import office_files

DATA_DIR = Path(__file__).resolve().parent / "data"
FORMATS = ("text", "docx", "xlsx")
CONTENT_TYPES = {
    "text": "text/plain; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMAT_NAMES = {"text": "text", "docx": "Word", "xlsx": "Excel"}
EXTENSIONS = {"text": "txt", "docx": "docx", "xlsx": "xlsx"}
FORM_BY_EXTENSION = {extension: form for form, extension in EXTENSIONS.items()}

Doc = dict[str, Any]


@dataclass(frozen=True)
class Sample:
    name: str
    # What the published document is, for people choosing one.
    description: str
    # How the sample is named in addresses.
    slug: str
    text_file: str
    reference_file: str
    # How this plan words its column headings, for the Word and Excel versions.
    headings: tuple[tuple[str, str], ...]
    # Word: a heading per theme above its tables, or the section in a column of one table.
    section_column: bool = False

    def reference(self) -> Doc:
        """The plan as a careful person entered it by hand from the published document."""
        return copy.deepcopy(_reference(self.reference_file))

    def text(self) -> bytes:
        return (DATA_DIR / self.text_file).read_bytes()

    def rated(self) -> Doc:
        """The reference, with an invented rating for every action in every period."""
        return office_files.with_statuses(self.reference(), seed=self.name)

    def file_name(self, form: str) -> str:
        return f"{Path(self.text_file).stem}.{EXTENSIONS[form]}"

    def build(self, form: str) -> bytes:
        """The sample in `form`: "text", "docx" or "xlsx"."""
        if form == "text":
            return self.text()
        headings = dict(self.headings)
        if form == "docx":
            return office_files.plan_docx(
                self.rated(), headings, section_column=self.section_column
            )
        if form == "xlsx":
            return office_files.plan_xlsx(self.rated(), headings)
        raise ValueError(f"No sample file of the form {form!r}")


@cache
def _reference(name: str) -> Doc:
    document: Doc = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return document["plan"]


SAMPLES = (
    Sample(
        name="South Gloucestershire",
        description="South Gloucestershire's written statement of action, 2018",
        slug="south-gloucestershire",
        text_file="south-gloucestershire-wsoa-2018.txt",
        reference_file="south-gloucestershire-by-hand.plan.json",
        headings=(
            ("section", "Theme"), ("ref", "Ref"), ("title", "Action"),
            ("measures", "Measure of success"), ("lead", "Lead and resource"),
            ("group", "Group"), ("members", "Members"), ("monitoring", "Monitoring"),
            ("due", "Date for delivery"), ("progress", "Progress/Impact"), ("status", ""),
        ),
    ),
    Sample(
        name="Telford and Wrekin",
        description="Telford and Wrekin's SEND action plan, 2022",
        slug="telford-wrekin",
        text_file="telford-wrekin-send-action-plan-2022.txt",
        reference_file="telford-wrekin-by-hand.plan.json",
        headings=(
            ("section", "Priority"), ("ref", "Reference"), ("title", "Delivery Objectives"),
            ("group", "Task and Finish Group"), ("lead", "Lead"), ("members", "Group members"),
            ("measures", "Success Measures"), ("monitoring", "Monitoring and Evaluation"),
            ("due", "Timeframe"), ("progress", "Position Statement"), ("status", "RAG"),
        ),
        section_column=True,
    ),
)  # fmt: skip
SAMPLES_BY_SLUG = {sample.slug: sample for sample in SAMPLES}
