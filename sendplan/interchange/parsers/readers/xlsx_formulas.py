"""Formulas saved without the value Excel caches beside them, computed when they are simple.

Excel saves each formula's last value with it, and the reader reads that value. Workbooks
written by tools that do not calculate (report generators, some exports, scripts) keep the
formula alone, and the cell reads empty: a due date =DATE(2025,3,1)+30, a rating
=IF(Z5=1,"Red",...), a title =X5&" "&Y5. Here a small set of formulas is computed: numbers,
text, TRUE/FALSE, references to single cells (on any sheet of the workbook), the operators
+ - * / ^ & % and the comparisons, and the functions IF, AND, OR, NOT, DATE, CONCATENATE,
CONCAT, TRIM, UPPER, LOWER and CHOOSE; and lookups by exact match over a range of the
workbook (xlsx-lookups-computed): VLOOKUP, HLOOKUP, INDEX with MATCH, XLOOKUP, and
IFERROR/IFNA around them, as a tracker looks a rating's words or an owner's name up on a key
sheet, or a rating's band up from a per cent complete; by exact match, or by approximate match
where the keys are in order (Excel searches them by halves, so out of order its answer is not
what the keys say). Anything else (keys out of order, wildcards, other workbooks, TODAY) is
not guessed: the cell stays empty and the report says how many could not be read.

Formulas are parsed by openpyxl's tokenizer and evaluated here; nothing in the file is run.
Each formula, the cells computed and the depth of references are limited.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from openpyxl.formula.tokenizer import Token, Tokenizer, TokenizerError
from openpyxl.styles.numbers import is_date_format
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.datetime import from_excel, to_excel

_MAX_FORMULA = 2000
_MAX_CELLS = 20000
_MAX_DEPTH = 30
_MAX_TEXT = 32767  # Excel's own limit for a cell's text
_MAX_RANGE = 20000  # cells in one range a lookup reads
# A formula cell written with no value after it, or an empty one where the cell is not typed
# as text (an empty text result is t="str" and <v></v>); prefixes allowed, as Strict has.
_UNCACHED = re.compile(
    rb'<(?:\w+:)?c\b(?![^>]*\bt="str")[^>]*>\s*'
    rb"<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_PRECEDENCE = {"=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3,
               "*": 4, "/": 4, "^": 5}  # fmt: skip


class _Unknown(Exception):
    """A formula outside what is computed here."""


class _NotFound(Exception):
    """Excel's #N/A: a lookup by exact match that finds nothing (IFERROR and IFNA catch it)."""


Value = float | str | bool | None
Node = tuple[Any, ...]


def has_uncached(sheet_xml: bytes) -> bool:
    """Whether a worksheet part holds a formula cell with no value saved beside it."""
    return bool(_UNCACHED.search(sheet_xml))


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise _Unknown
        self.at += 1
        return token

    def expression(self, least: int = 1) -> Node:
        left = self.unary()
        while True:
            token = self.peek()
            if token is None or token.type != Token.OP_IN:
                return left
            precedence = _PRECEDENCE.get(token.value)
            if precedence is None:
                raise _Unknown
            if precedence < least:
                return left
            self.take()
            right = self.expression(precedence + 1)
            left = ("op", token.value, left, right)

    def unary(self) -> Node:
        token = self.peek()
        if token is not None and token.type == Token.OP_PRE:
            self.take()
            inner = self.unary()
            return ("neg", inner) if token.value == "-" else inner
        node = self.primary()
        while (token := self.peek()) is not None and token.type == Token.OP_POST:
            self.take()
            node = ("percent", node)
        return node

    def primary(self) -> Node:
        token = self.take()
        if token.type == Token.OPERAND:
            if token.subtype == Token.TEXT:
                return ("value", token.value[1:-1].replace('""', '"'))
            if token.subtype == Token.NUMBER:
                return ("value", float(token.value))
            if token.subtype == Token.LOGICAL:
                return ("value", token.value.upper() == "TRUE")
            if token.subtype == Token.RANGE:
                return ("ref", token.value)
            raise _Unknown
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper().removeprefix("_XLFN.")
            args: list[Node] = []
            after = self.peek()
            if after is not None and after.type == Token.FUNC and after.subtype == Token.CLOSE:
                self.take()
                return ("call", name, args)
            while True:
                args.append(self.expression())
                end = self.take()
                if end.type == Token.SEP and end.subtype == Token.ARG:
                    continue
                if end.type == Token.FUNC and end.subtype == Token.CLOSE:
                    return ("call", name, args)
                raise _Unknown
        if token.type == Token.PAREN and token.subtype == Token.OPEN:
            inner = self.expression()
            end = self.take()
            if end.type != Token.PAREN or end.subtype != Token.CLOSE:
                raise _Unknown
            return inner
        raise _Unknown


def parse(formula: str) -> Node:
    """The formula's tree, or _Unknown when it is outside what is computed here."""
    if len(formula) > _MAX_FORMULA:
        raise _Unknown
    try:
        items = Tokenizer("=" + formula).items
    except TokenizerError as error:
        raise _Unknown from error
    tokens = [t for t in items if t.type != Token.WSPACE]
    parser = _Parser(tokens)
    node = parser.expression()
    if parser.peek() is not None:
        raise _Unknown
    return node


def _number(value: Value) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, float):
        return value
    try:
        return float(value.strip())
    except ValueError as error:
        raise _Unknown from error


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value


def _truth(value: Value) -> bool:
    if isinstance(value, str):
        if value.upper() in ("TRUE", "FALSE"):
            return value.upper() == "TRUE"
        raise _Unknown
    return bool(_number(value))


def _compare(op: str, left: Value, right: Value) -> bool:
    a: Any
    b: Any
    if isinstance(left, str) or isinstance(right, str):
        if not (isinstance(left, str | None) and isinstance(right, str | None)):
            if op == "=":
                return False
            if op == "<>":
                return True
            raise _Unknown
        a, b = _text(left).lower(), _text(right).lower()
    else:
        a, b = _number(left), _number(right)
    return {"=": a == b, "<>": a != b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]


def _date(year: Value, month: Value, day: Value) -> float:
    y, m, d = int(_number(year)), int(_number(month)), int(_number(day))
    if 0 <= y < 1900:
        y += 1900
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    try:
        first = dt.datetime(y, m, 1)
    except ValueError as error:
        raise _Unknown from error
    return float(to_excel(first)) + d - 1


class Evaluator:
    """Computes formulas over a workbook, a cell's value given by `value(sheet, row, column)`;
    `last_row(sheet)` bounds a whole column's range ("Key!A:A")."""

    def __init__(
        self,
        value: Callable[[str, int, int, int], Value],
        last_row: Callable[[str], int] = lambda sheet: 0,
    ) -> None:
        self.value = value
        self.last_row = last_row
        self.computed = 0
        self.looked_up = 0

    def evaluate(self, node: Node, sheet: str, depth: int) -> Value:
        self.computed += 1
        if self.computed > _MAX_CELLS * 50 or depth > _MAX_DEPTH:
            raise _Unknown
        kind = node[0]
        if kind == "value":
            return node[1]  # type: ignore[no-any-return]
        if kind == "ref":
            if ":" in node[1]:
                raise _Unknown  # a range's value in one cell (implicit intersection)
            where, row, column = _reference(node[1], sheet)
            return self.value(where, row, column, depth + 1)
        if kind == "neg":
            return -_number(self.evaluate(node[1], sheet, depth))
        if kind == "percent":
            return _number(self.evaluate(node[1], sheet, depth)) / 100
        if kind == "op":
            return self._operator(node[1], node[2], node[3], sheet, depth)
        if kind == "call":
            return self._call(node[1], node[2], sheet, depth)
        raise _Unknown

    def _operator(self, op: str, left: Node, right: Node, sheet: str, depth: int) -> Value:
        a, b = self.evaluate(left, sheet, depth), self.evaluate(right, sheet, depth)
        if op == "&":
            joined = _text(a) + _text(b)
            if len(joined) > _MAX_TEXT:
                raise _Unknown
            return joined
        if _PRECEDENCE[op] == 1:
            return _compare(op, a, b)
        x, y = _number(a), _number(b)
        if op == "+":
            return x + y
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        if op == "/":
            if y == 0:
                raise _Unknown
            return x / y
        if abs(y) > 64 or abs(x) > 1e6:
            raise _Unknown
        return float(x**y)

    def _call(self, name: str, args: list[Node], sheet: str, depth: int) -> Value:
        def arg(n: int) -> Value:
            return self.evaluate(args[n], sheet, depth + 1)

        count = len(args)
        if name == "IF" and count in (2, 3):
            if _truth(arg(0)):
                return arg(1)
            return arg(2) if count == 3 else False
        if name == "AND" and count:
            return all(_truth(arg(n)) for n in range(count))
        if name == "OR" and count:
            return any(_truth(arg(n)) for n in range(count))
        if name == "NOT" and count == 1:
            return not _truth(arg(0))
        if name == "DATE" and count == 3:
            return _date(arg(0), arg(1), arg(2))
        if name in ("CONCATENATE", "CONCAT") and count:
            joined = "".join(_text(arg(n)) for n in range(count))
            if len(joined) > _MAX_TEXT:
                raise _Unknown
            return joined
        if name == "TRIM" and count == 1:
            return " ".join(_text(arg(0)).split())
        if name == "UPPER" and count == 1:
            return _text(arg(0)).upper()
        if name == "LOWER" and count == 1:
            return _text(arg(0)).lower()
        if name == "CHOOSE" and count >= 2:
            index = int(_number(arg(0)))
            if not 1 <= index < count:
                raise _Unknown
            return arg(index)
        if name in ("IFERROR", "IFNA") and count == 2:
            try:
                return arg(0)
            except _NotFound:
                return arg(1)
        if name in _LOOKUPS:
            found = _LOOKUPS[name](self, args, sheet, depth + 1)
            self.looked_up += 1
            return found
        raise _Unknown

    # Lookups by exact match (xlsx-lookups-computed)

    def cells(self, node: Node, sheet: str, depth: int) -> list[list[Value]]:
        """The values of a range (or one cell) the formula names, a list per row."""
        if node[0] != "ref":
            raise _Unknown
        where, top, left, bottom, right = _range(node[1], sheet, self.last_row)
        if (bottom - top + 1) * (right - left + 1) > _MAX_RANGE:
            raise _Unknown
        return [
            [self.value(where, row, column, depth + 1) for column in range(left, right + 1)]
            for row in range(top, bottom + 1)
        ]

    def line(self, node: Node, sheet: str, depth: int) -> list[Value]:
        """A range of one row or one column, as a list."""
        grid = self.cells(node, sheet, depth)
        if len(grid) == 1:
            return grid[0]
        if all(len(row) == 1 for row in grid):
            return [row[0] for row in grid]
        raise _Unknown

    def exact(self, args: list[Node], n: int, sheet: str, depth: int) -> bool:
        """Whether the lookup's match argument asks for an exact match (FALSE or 0), rather than
        Excel's default, an approximate match on sorted keys."""
        if len(args) <= n:
            return False
        return not _truth(self.evaluate(args[n], sheet, depth))


def _position(key: Value, values: list[Value]) -> int:
    """Where the key is first found by exact match (0-based); #N/A when it is not."""
    if isinstance(key, str) and re.search(r"[*?~]", key):
        raise _Unknown  # wildcards
    if key is None or key == "":
        raise _Unknown
    for index, value in enumerate(values):
        if value is not None and _compare("=", key, value):
            return index
    raise _NotFound


def _keys_like(key: Value, values: list[Value]) -> list[tuple[int, Value]]:
    """The values an approximate match weighs against the key, with where each stands: those of
    the key's kind (numbers, or text), blanks and a heading over them passed over; any other
    value among them and nothing is guessed."""
    if key is None or key == "" or isinstance(key, bool):
        raise _Unknown
    kind = str if isinstance(key, str) else float
    found: list[tuple[int, Value]] = [
        (n, value) for n, value in enumerate(values) if value is not None and value != ""
    ]
    while found and not isinstance(found[0][1], kind):
        found.pop(0)  # a heading above numbers
    if any(not isinstance(value, kind) for _, value in found):
        raise _Unknown
    return found


def _nearest(key: Value, values: list[Value], *, descending: bool = False) -> int:
    """Where an approximate match lands (0-based), as VLOOKUP and HLOOKUP without FALSE and
    MATCH(..., 1) find it: the last key not above the one sought, in keys sorted upwards; or,
    for MATCH(..., -1), the last not below it, in keys sorted downwards. Excel searches by
    halves, so in keys out of order its answer is not what the keys say: nothing is guessed
    then. #N/A when every key is past the one sought."""
    found = _keys_like(key, values)
    before = ">=" if descending else "<="
    if any(not _compare(before, a, b) for (_, a), (_, b) in pairwise(found)):
        raise _Unknown  # not in order
    landed = [n for n, value in found if _compare(before, value, key)]
    if not landed:
        raise _NotFound
    return landed[-1]


def _next_to(key: Value, values: list[Value], mode: int, backwards: bool) -> int:
    """XLOOKUP's match modes -1 and 1: the key itself, or else the nearest below it (-1) or
    above it (1), in keys in any order; the first of equals in the order searched."""
    found = _keys_like(key, values)
    if backwards:
        found.reverse()
    side, nearer = ("<=", ">") if mode == -1 else (">=", "<")
    best: tuple[int, Value] | None = None
    for n, value in found:
        if _compare(side, value, key) and (best is None or _compare(nearer, value, best[1])):
            best = (n, value)
    if best is None:
        raise _NotFound
    return best[0]


def _vlookup(ev: Evaluator, args: list[Node], sheet: str, depth: int) -> Value:
    return _table_lookup(ev, args, sheet, depth, across=False)


def _hlookup(ev: Evaluator, args: list[Node], sheet: str, depth: int) -> Value:
    return _table_lookup(ev, args, sheet, depth, across=True)


def _table_lookup(
    ev: Evaluator, args: list[Node], sheet: str, depth: int, *, across: bool
) -> Value:
    """VLOOKUP (the key in the table's first column, the value from the nth), or HLOOKUP
    `across` (the key in its first row, the value from the nth row): by exact match, or by
    approximate match on keys in order (_nearest)."""
    if len(args) not in (3, 4):
        raise _Unknown
    find = _position if ev.exact(args, 3, sheet, depth) else _nearest
    key = ev.evaluate(args[0], sheet, depth)
    grid = ev.cells(args[1], sheet, depth)
    if across:
        grid = [list(line) for line in zip(*grid, strict=True)]
    nth = int(_number(ev.evaluate(args[2], sheet, depth)))
    if not grid or not 1 <= nth <= len(grid[0]):
        raise _Unknown
    return grid[find(key, [line[0] for line in grid])][nth - 1]


def _match(ev: Evaluator, args: list[Node], sheet: str, depth: int) -> Value:
    """MATCH by exact match (0), or approximate on keys in order (1, the default, or -1)."""
    if len(args) not in (2, 3):
        raise _Unknown
    how = _number(ev.evaluate(args[2], sheet, depth)) if len(args) == 3 else 1.0
    if how not in (-1.0, 0.0, 1.0):
        raise _Unknown
    key = ev.evaluate(args[0], sheet, depth)
    keys = ev.line(args[1], sheet, depth)
    found = _position(key, keys) if how == 0 else _nearest(key, keys, descending=how == -1)
    return float(found + 1)


def _index(ev: Evaluator, args: list[Node], sheet: str, depth: int) -> Value:
    if len(args) not in (2, 3):
        raise _Unknown
    grid = ev.cells(args[0], sheet, depth)
    first = int(_number(ev.evaluate(args[1], sheet, depth)))
    second = int(_number(ev.evaluate(args[2], sheet, depth))) if len(args) == 3 else None
    if second is None:
        line = ev.line(args[0], sheet, depth)
        if not 1 <= first <= len(line):
            raise _Unknown
        return line[first - 1]
    if not (1 <= first <= len(grid) and 1 <= second <= len(grid[0])):
        raise _Unknown
    return grid[first - 1][second - 1]


def _xlookup(ev: Evaluator, args: list[Node], sheet: str, depth: int) -> Value:
    if not 3 <= len(args) <= 6:
        raise _Unknown
    for n, allowed in ((4, (0.0, -1.0, 1.0)), (5, (1.0, -1.0))):
        if len(args) > n and _number(ev.evaluate(args[n], sheet, depth)) not in allowed:
            raise _Unknown  # exact, or else the next smaller or larger; from either end
    key = ev.evaluate(args[0], sheet, depth)
    keys = ev.line(args[1], sheet, depth)
    found = ev.line(args[2], sheet, depth)
    if len(keys) != len(found):
        raise _Unknown
    mode = int(_number(ev.evaluate(args[4], sheet, depth))) if len(args) > 4 else 0
    backwards = len(args) > 5 and _number(ev.evaluate(args[5], sheet, depth)) == -1
    try:
        if mode:
            return found[_next_to(key, keys, mode, backwards)]
        if backwards:
            return found[len(keys) - 1 - _position(key, keys[::-1])]
        return found[_position(key, keys)]
    except _NotFound:
        if len(args) > 3:
            return ev.evaluate(args[3], sheet, depth)
        raise


_LOOKUPS: dict[str, Callable[[Evaluator, list[Node], str, int], Value]] = {
    "VLOOKUP": _vlookup,
    "HLOOKUP": _hlookup,
    "MATCH": _match,
    "INDEX": _index,
    "XLOOKUP": _xlookup,
}


def _on_sheet(text: str, sheet: str) -> tuple[str, str]:
    """(the sheet, the cells) a reference names ("'Key sheet'!A2" on that sheet, "A2" on this
    `sheet`); _Unknown for a link to another workbook."""
    if "!" not in text:
        return sheet, text
    where, text = text.rsplit("!", 1)
    if where.startswith("'") and where.endswith("'"):
        where = where[1:-1].replace("''", "'")
    if "[" in where:
        raise _Unknown  # another workbook
    return where, text


def _range(text: str, sheet: str, last_row: Callable[[str], int]) -> tuple[str, int, int, int, int]:
    """(sheet, top, left, bottom, right) of a range ("Key!$A$2:$B$5", "Key!A:B") or of one
    cell; _Unknown for whole rows and links to other workbooks."""
    where, text = _on_sheet(text, sheet)
    start, _, end = text.replace("$", "").partition(":")
    end = end or start
    if start.isalpha() and end.isalpha():
        try:
            left, right = column_index_from_string(start), column_index_from_string(end)
        except ValueError as error:
            raise _Unknown from error
        return where, 1, left, max(last_row(where), 1), right
    try:
        (l_letters, top), (r_letters, bottom) = (
            coordinate_from_string(start),
            coordinate_from_string(end),
        )
        left, right = column_index_from_string(l_letters), column_index_from_string(r_letters)
    except ValueError as error:
        raise _Unknown from error
    if top > bottom or left > right:
        raise _Unknown
    return where, top, left, bottom, right


def _reference(text: str, sheet: str) -> tuple[str, int, int]:
    """(sheet, row, column) of a reference to one cell; _Unknown for ranges and links."""
    where, text = _on_sheet(text, sheet)
    if ":" in text:
        raise _Unknown
    try:
        letters, row = coordinate_from_string(text.replace("$", ""))
        return where, row, column_index_from_string(letters)
    except ValueError as error:
        raise _Unknown from error


def fill_uncached(values: Any, formulas: Any) -> tuple[int, int, int]:
    """Compute in the workbook `values` (opened with data_only) each formula cell of
    `formulas` (the same file opened with its formulas) that holds no cached value.
    Returns (computed, could not be computed, lookups worked out)."""
    sheets = {sheet.title: sheet for sheet in values.worksheets}
    given = {sheet.title: sheet for sheet in formulas.worksheets}
    done: dict[tuple[str, int, int], Value] = {}
    busy: set[tuple[str, int, int]] = set()
    failed: set[tuple[str, int, int]] = set()

    def value(where: str, row: int, column: int, depth: int) -> Value:
        key = (where, row, column)
        if key in done:
            return done[key]
        shown, written = sheets.get(where), given.get(where)
        if shown is None or written is None:
            raise _Unknown
        cell = shown._cells.get((row, column))
        formula = written._cells.get((row, column))
        text = getattr(formula, "value", None)
        if (cell is not None and cell.value is not None) or not _is_formula(text):
            raw = None if cell is None else cell.value
            result: Value = _plain(raw)
        else:
            if key in busy or key in failed or len(done) > _MAX_CELLS:
                raise _Unknown
            busy.add(key)
            try:
                result = evaluator.evaluate(parse(str(text)[1:]), where, depth)
            except (_Unknown, _NotFound, ArithmeticError, ValueError, TypeError, RecursionError):
                failed.add(key)
                raise _Unknown from None
            finally:
                busy.discard(key)
        done[key] = result
        return result

    def last_row(where: str) -> int:
        shown = sheets.get(where)
        return 0 if shown is None else int(shown.max_row)

    evaluator = Evaluator(value, last_row)
    computed = 0
    for title, written in given.items():
        shown = sheets.get(title)
        if shown is None:
            continue
        for (row, column), formula in list(written._cells.items()):
            if not _is_formula(formula.value):
                continue
            cell = shown._cells.get((row, column))
            if cell is None or cell.value is not None:
                continue
            try:
                result = value(title, row, column, 0)
            except _Unknown:
                continue
            cell.value = _stored(result, cell.number_format or "")
            computed += cell.value is not None
    return computed, len(failed), evaluator.looked_up


def _is_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=") and len(value) > 1


def _plain(raw: object) -> Value:
    if raw is None or isinstance(raw, str | bool | float):
        return raw
    if isinstance(raw, int):
        return float(raw)
    if isinstance(raw, dt.datetime | dt.date):
        return float(to_excel(raw))
    raise _Unknown


def _stored(result: Value, number_format: str) -> Any:
    """The computed value as openpyxl would have read the cached one: a date where the cell
    is formatted as one, "" as empty."""
    if result == "" or result is None:
        return None
    if isinstance(result, float) and is_date_format(number_format):
        try:
            return from_excel(result)
        except (ValueError, OverflowError):
            return None
    return result
