"""CSV exports of plan spreadsheets, in whatever encoding and delimiter they came with."""

from __future__ import annotations

import csv
import io

from sendplan.interchange.parsers.blocks import Block, Row, Table, clean_cell


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def read_csv(text: str) -> list[Block]:
    sample = text[:20000]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(sample))
    rows = []
    for number, cells in enumerate(reader, start=1):
        row = Row(cells=[clean_cell(cell) for cell in cells], where=f"row {number}")
        if not row.is_blank():
            rows.append(row)
    return [Table(rows=rows, where="row 1")] if rows else []
