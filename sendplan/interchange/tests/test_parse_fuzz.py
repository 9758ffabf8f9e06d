"""Mangled files and text fed to every reader: each either reads a valid plan or refuses with
its own plain-English error, never anything else.

Hypothesis mangles real files (a Word plan, a workbook, a PDF, a CSV, pasted text, a JSON
document): bytes flipped, cut short or inserted, parts of the zip package rewritten or dropped,
a PDF's pieces spliced with junk or shuffled, cells and lines shuffled. The examples are
derandomised, so every run tries the same ones, and bounded (see EXAMPLES) so the whole file
runs in a few seconds.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sendplan.demo import office_files, pdf_files
from sendplan.interchange.jsonformat import dumps, read_document
from sendplan.interchange.parsers import ParseError, parse_file_inprocess, parse_text
from sendplan.interchange.schema import PlanDocumentError, plan_schema, validate_document

EXAMPLES = 25
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PLAN: dict[str, Any] = {
    "title": "Fuzzshire Written Statement of Action",
    "issued_on": "2024-03",
    "periods": [{"label": "Mar 24"}, {"label": "Jun 24"}],
    "people": [{"key": "AB", "name": "Ana Bell", "role": "Head of SEND"}],
    "sections": [
        {
            "ref": "1",
            "level": "Theme",
            "title": "Assessments on time",
            "owners": ["AB"],
            "sections": [
                {
                    "ref": "1.1",
                    "level": "Strategic priority",
                    "title": "Clear the backlog",
                    "actions": [
                        {
                            "ref": "1.1.1",
                            "title": "Add assessment slots",
                            "lead_text": "Head of SEND (AB)",
                            "due_text": "Sep-24",
                            "measures": [{"text": "Backlog cleared", "due_text": "Sep-24"}],
                        },
                        {
                            "ref": "1.1.2",
                            "title": "Publish waits monthly",
                            "lead_text": "Ana Bell",
                            "due_text": "From April 2024",
                        },
                    ],
                }
            ],
        }
    ],
}
HEADINGS = {
    "section": "Theme", "ref": "Ref", "title": "Action", "measures": "Measure of success",
    "lead": "Lead", "group": "Group", "members": "Members", "monitoring": "Monitoring",
    "due": "Due date", "progress": "Progress", "status": "",
}  # fmt: skip
RATED = office_files.with_statuses(PLAN, seed="fuzz")
WORD = office_files.plan_docx(RATED, HEADINGS)
EXCEL = office_files.plan_xlsx(RATED, HEADINGS)
PDF = pdf_files.plan_pdf(RATED, HEADINGS)
TEXT = (
    "Fuzzshire SEND Improvement Plan\n\nTheme 1: Assessments on time\n\n"
    "Blue: Completed Green: On track Amber: Some concerns Red: Off track\n\n"
    "Ref\tAction\tLead\tDate for delivery\tMar 24\tJun 24\tProgress\n"
    "1.1\tAdd assessment slots\tHead of SEND (AB)\tSep-24\tG\tG/A\tFeb 2024: Slots added.\n"
    "\tthat families can book\t\tDec 2024\t\t\t\n"
    "1.2\tPublish waits\tAna Bell / Omar Haddad\tTermly\tA\tB\t\n"
)
CSV = TEXT.replace("\t", ",").encode("utf-8")
JSON = dumps({"format": "sendplan.plan/1", "plan": PLAN}).encode("utf-8")
SCHEMA = plan_schema()


def assert_clean(read: Any) -> None:
    """The reader gives a document the schema accepts, or refuses in plain English."""
    try:
        result = read()
    except (ParseError, PlanDocumentError) as error:
        message = str(error)
        assert message and "Traceback" not in message
        return
    document = getattr(result, "document", result)
    jsonschema.validate(document, SCHEMA)


@st.composite
def mangled(draw: st.DrawFn, original: bytes) -> bytes:
    """Some bytes flipped, removed, inserted, or the end cut off."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "drop", "insert", "cut"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "drop":
            del data[at : at + draw(st.integers(1, 64))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[at:]
    return bytes(data)


@st.composite
def repacked(draw: st.DrawFn, original: bytes) -> bytes:
    """A zip package whose parts are intact as a zip but damaged inside: a part mangled,
    emptied, dropped, or replaced by random XML-looking text."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source:
        names = source.namelist()
        target = draw(st.sampled_from(names))
        change = draw(st.sampled_from(["mangle", "empty", "drop", "junk"]))
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for name in names:
                content = source.read(name)
                if name == target:
                    if change == "drop":
                        continue
                    if change == "empty":
                        content = b""
                    elif change == "mangle":
                        content = draw(mangled(content))
                    else:
                        junk = draw(st.text(alphabet="<>/=\"' abcwt:&;#x0123", max_size=400))
                        content = junk.encode("utf-8")
                copy.writestr(name, content)
    return out.getvalue()


@FUZZ
@given(data=st.one_of(mangled(WORD), repacked(WORD)))
def test_it_reads_or_refuses_mangled_word_files(data: bytes) -> None:
    assert_clean(lambda: parse_file_inprocess(data, "plan.docx"))


@FUZZ
@given(data=st.one_of(mangled(EXCEL), repacked(EXCEL)))
def test_it_reads_or_refuses_mangled_workbooks(data: bytes) -> None:
    assert_clean(lambda: parse_file_inprocess(data, "plan.xlsx"))


@st.composite
def spliced(draw: st.DrawFn, original: bytes) -> bytes:
    """A PDF cut into pieces that are shuffled, dropped, repeated or swapped for junk, its
    header kept (or not) so that the reader, not only the check of the header, meets them."""
    size = draw(st.integers(32, 4096))
    pieces = [original[at : at + size] for at in range(0, len(original), size)]
    head, rest = pieces[0], pieces[1:]
    change = draw(st.sampled_from(["shuffle", "drop", "repeat", "junk"]))
    if change == "shuffle":
        rest = list(draw(st.permutations(rest)))
    elif rest and change == "drop":
        del rest[draw(st.integers(0, len(rest) - 1))]
    elif rest and change == "repeat":
        at = draw(st.integers(0, len(rest) - 1))
        rest.insert(at, rest[at] * draw(st.integers(2, 20)))
    elif rest:
        rest[draw(st.integers(0, len(rest) - 1))] = draw(st.binary(min_size=1, max_size=size))
    keep_head = draw(st.booleans()) or change != "shuffle"
    return b"".join([head, *rest] if keep_head else [*rest, head])


@FUZZ
@given(data=st.one_of(mangled(PDF), spliced(PDF)))
def test_it_reads_or_refuses_mangled_pdfs(data: bytes) -> None:
    assert_clean(lambda: parse_file_inprocess(data, "plan.pdf"))


@FUZZ
@given(data=st.one_of(mangled(CSV), st.binary(max_size=2000)))
def test_it_reads_or_refuses_mangled_csv(data: bytes) -> None:
    assert_clean(lambda: parse_file_inprocess(data, "plan.csv"))


def _shuffled_lines(draw: st.DrawFn) -> str:
    lines = TEXT.split("\n")
    picked = draw(st.lists(st.sampled_from(lines), max_size=30))
    cells = [draw(st.permutations(line.split("\t"))) for line in picked]
    return "\n".join("\t".join(row) for row in cells)


@st.composite
def pasted(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["shuffled", "mangled", "random"]))
    if kind == "shuffled":
        return _shuffled_lines(draw)
    if kind == "mangled":
        return draw(mangled(TEXT.encode("utf-8"))).decode("utf-8", "replace")
    return draw(st.text(max_size=600))


@FUZZ
@given(text=pasted())
def test_it_reads_or_refuses_mangled_pasted_text(text: str) -> None:
    assert_clean(lambda: parse_text(text))
    assert_clean(lambda: parse_file_inprocess(text.encode("utf-8"), "plan.txt"))


# Words a table whose columns ran together is made of, for `run_together`.
RUN_TOGETHER_WORDS = [
    "1.3", "1.4", "2.1", "2.2", "2.10", "3.1", "1.1", "To", "develop", "open", "the", "hub.",
    "Ana", "Bell", "na Bell", "Omar", "Haddad", "/", "&", ",", "Head of SEND", "SEND Lead",
    "Sep-24", "Termly", "TBC", "твс", "2A", "1g", "(For", "example)", "see", "Develop", "a",
    "room", ".", "Parents", "report", "more", "confidence", "Assessments", "on", "time",
]  # fmt: skip


@st.composite
def run_together(draw: st.DrawFn) -> str:
    """The text plan followed by its headings jumbled on one line and rows run into long lines,
    as a multi-column PDF pastes them."""
    headings = draw(st.permutations(["Ref", "Action", "Lead", "Date for delivery", "Progress"]))
    lines = [
        " ".join(draw(st.lists(st.sampled_from(RUN_TOGETHER_WORDS), max_size=80)))
        for _ in range(draw(st.integers(1, 4)))
    ]
    lines[0] = " ".join(headings) + " " + lines[0]
    return TEXT + "\n" + "\n".join(lines) + "\n"


@FUZZ
@given(text=run_together())
def test_it_reads_or_refuses_tables_whose_columns_ran_together(text: str) -> None:
    assert_clean(lambda: parse_text(text))


def _json_plan(data: bytes) -> object:
    return validate_document(read_document(data))


@st.composite
def json_documents(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["mangled", "values"]))
    if kind == "mangled":
        return draw(mangled(JSON))
    document = json.loads(JSON)
    plan = document["plan"]
    key = draw(st.sampled_from(sorted(plan)))
    plan[key] = draw(
        st.one_of(
            st.none(), st.integers(), st.floats(), st.text(max_size=30),
            st.lists(st.text(max_size=5), max_size=3),
            st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
        )
    )  # fmt: skip
    return json.dumps(document).encode("utf-8")


@FUZZ
@given(data=json_documents())
def test_it_reads_or_refuses_mangled_json_documents(data: bytes) -> None:
    assert_clean(lambda: _json_plan(data))
