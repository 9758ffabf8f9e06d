"""CSV exports of plan spreadsheets, in whatever encoding and delimiter they came with."""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter

from sendplan.interchange.parsers.blocks import Block, Row, Table, clean_cell

_DELIMITERS = ",;\t|"
_SAMPLE_ROWS = 200


def _consistency(sample: str, delimiter: str) -> int:
    """How many rows of the sample split into the same number of cells (more than one) with
    this delimiter: a tracker's rows all have as many cells as its header."""
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    try:
        rows = list(itertools.islice(reader, _SAMPLE_ROWS))
    except csv.Error:
        return 0
    counts = Counter(len(cells) for cells in rows if len(cells) > 1)
    if not counts:
        return 0
    return counts.most_common(1)[0][1]


def _delimiter(sample: str) -> str:
    """The delimiter most rows agree on. Title lines above the header ("Tracker, version 2")
    and commas inside the cells of a semicolon file mislead a guess made from the characters
    alone, so the sniffer's guess only breaks ties."""
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = ","
    scores = {delimiter: _consistency(sample, delimiter) for delimiter in _DELIMITERS}
    best = max(scores.values())
    if best == 0 or scores.get(sniffed, 0) == best:
        return sniffed
    return next(delimiter for delimiter in _DELIMITERS if scores[delimiter] == best)


def read_csv(text: str) -> list[Block]:
    sample = text[:20000]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(sample))
    rows = []
    for number, cells in enumerate(reader, start=1):
        row = Row(cells=[clean_cell(cell) for cell in cells], where=f"row {number}")
        if not row.is_blank():
            rows.append(row)
    return [Table(rows=rows, where="row 1")] if rows else []
