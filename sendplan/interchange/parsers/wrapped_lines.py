"""Text copied out of a PDF keeps the PDF's line breaks: a paragraph, or a cell's words, arrive
wrapped over several lines at the width of the page or the column. Put back together here,
before the text is read, so that a sentence is one line again.

Text is taken to be wrapped only when it looks it: its longest lines end near one width (the
page's), many of them, as typeset lines do; text pasted from Word or a web page, one
paragraph a line, has no such edge. A line is then joined to the one after it when it reaches
near that width (so the next word did not fit) and the next line does not open something of
its own: a bullet, a number or ref, a page's furniture, a line that starts a new sentence
after one that ended. A word broken with a hyphen at the end of a line is joined without a
space.
"""

from __future__ import annotations

import re

from sendplan.interchange.parsers import rules, runtogether

RULE = rules.WRAPPED_LINES
BULLET_RULE = rules.LONE_BULLETS
COLUMN_RULE = rules.BULLET_COLUMN
INLINE_RULE = rules.INLINE_SYMBOL_BULLETS
HANGING_RULE = rules.BULLET_HANGING_INDENT

# A bullet on a line of its own: a PDF viewer copies the bullet's glyph apart from its words,
# and a Symbol or Wingdings bullet as a character of the private use area.
_LONE_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□\-–*]|[\ue000-\uf8ff])\s*$")
_PRIVATE_BULLET = re.compile(r"^(\s*)[\ue000-\uf8ff]\s+")
# A symbol font's bullet inside a line, after its words and before more: where a table's
# cells ran together on one line, each opens an item of a cell.
_INLINE_PRIVATE_BULLET = re.compile(r"(?<=\S)\s+[\ue000-\uf8ff]\s+(?=\S)")
_MIN_INLINE_BULLETS = 2

# Lines this long or longer are measured for the text's width.
_MEASURED = 30
# A line this share of the width or more reached the edge.
_FULL = 0.72
# How many lines must reach the edge, and what share of the measured lines, for the text to
# look wrapped.
_MIN_FULL_LINES = 5
_MIN_FULL_SHARE = 0.3
# A line this share of the width or more is near the edge (the band the text's widest lines
# fall in); the widest line may run this far past the band's others (a wider glyph mix).
_BAND = 0.85
# A line wrapped there: with the next line's first word it would pass this share of the width
# (a proportional font fits more narrow letters on one line than wide ones).
_OVERFLOW = 0.9
_OPENS_OWN = re.compile(
    r"^(?:[•·▪◦‣●○■□*\-–]\s|\(?[a-z]\)\s|\(?[ivx]{1,4}\)\s|\d{1,3}(?:\.\d{1,3})*[.)]?\s"
    r"|page\s+\d|[A-Z][A-Za-z]{0,15}\s\d{1,3}(?:\.\d{1,3})*:?$)",
    re.I,
)
_FRAGMENT = 0.5
_MIN_LOWER = 2
_MIN_LOWER_SHARE = 0.3
_ENDS_SENTENCE = (".", ":", ";", "!", "?")


def _measured(line: str) -> bool:
    """A line of running words: no tabs, no run of spaces lining up columns."""
    stripped = line.strip()
    return len(stripped) >= _MEASURED and "\t" not in line and "  " not in stripped


def width(lines: list[str]) -> int | None:
    """The width the text is wrapped at, or None when it does not look wrapped."""
    lengths = sorted(len(line.strip()) for line in lines if _measured(line))
    if len(lengths) < _MIN_FULL_LINES:
        return None
    # The width: the edge the fifth-widest line reaches (one long heading is not the page).
    edge = lengths[-_MIN_FULL_LINES]
    band = sum(1 for n in lengths if n >= _BAND * edge)
    full = sum(1 for n in lengths if n >= _FULL * edge)
    if band < _MIN_FULL_LINES or full < _MIN_FULL_SHARE * len(lengths):
        return None
    # Wrapped text has an edge: few lines run much past it.
    if sum(1 for n in lengths if n > 1.15 * edge) > max(2, len(lengths) // 20):
        return None
    return edge


def _fragment(line: str, edge: int) -> bool:
    """A short piece of words, not opening anything of its own: a cell's words in a column."""
    there = line.strip()
    return bool(there) and len(there) < _FRAGMENT * edge and not _OPENS_OWN.match(there)


def _carries_on(line: str, after: str, edge: int, beyond: str = "") -> bool:
    """Whether `after` is the words of `line` running on past the edge."""
    here, there = line.strip(), after.strip()
    if not _measured(line) or not there or "\t" in after or "  " in there:
        return False
    # The next line's first word would not have fitted on this one: the line was wrapped.
    if len(here) + 1 + len(there.split()[0]) < _OVERFLOW * edge or _OPENS_OWN.match(there):
        return False
    if here.endswith(_ENDS_SENTENCE) and not there[:1].islower():
        return False
    # A short piece followed by more short pieces is a table's cells side by side, each
    # wrapped in its column, unless it ends the paragraph's sentence.
    return (
        len(there) >= _FULL * edge or there.endswith(_ENDS_SENTENCE) or not _fragment(beyond, edge)
    )


def _joined(line: str, after: str) -> str:
    here, there = line.rstrip(), after.strip()
    if here.endswith("-") and len(here) > 1 and here[-2].isalpha() and there[:1].islower():
        return here + there
    return f"{here} {there}"


def _block(lines: list[str], start: int, step: int, loose: bool) -> list[int]:
    """The indexes of the run of lines of words next to `start` (going by `step`), over blank
    lines, up to a blank line after words (`loose`: over blank lines too, as text with a blank
    line after every line has), a bullet or the text's end."""
    index = start
    found: list[int] = []
    while 0 <= index < len(lines):
        line = lines[index]
        if not line.strip():
            if found and not loose:
                break
        elif _LONE_BULLET.match(line) or _OPENS_OWN.match(line.strip()):
            break
        else:
            found.append(index)
        index += step
    return sorted(found)


def _before(lines: list[str], index: int) -> str:
    """The nearest line of words above `index`, over blank lines and lone bullets."""
    index -= 1
    while index >= 0 and (not lines[index].strip() or _LONE_BULLET.match(lines[index])):
        index -= 1
    return _PRIVATE_BULLET.sub(r"\1• ", lines[index]) if index >= 0 else ""


def _items(lines: list[str], block: list[int], edge: int) -> list[int]:
    """The lines of a block that open an item: not the words of the line above carried on
    (the block's first line may carry on a line above the bullets, mid-sentence)."""
    starts = []
    for position, index in enumerate(block):
        above = lines[block[position - 1]] if position else _before(lines, block[0])
        here = lines[index].strip()
        if above and here[:1].islower() and _carries_on(above, here, edge, ""):
            continue
        starts.append(index)
    return starts


def bullet_columns(
    lines: list[str], numbers: list[int], notes: list[str] | None = None
) -> tuple[list[str], list[int]]:
    """Two or more lone bullets together (a PDF's column of bullets, copied apart from the
    column of their words): each put in front of an item of the block of lines after them,
    or else before them, when that block holds as many items as there are bullets."""
    edge = width(lines)
    if edge is None:
        return lines, numbers
    drop: set[int] = set()
    marked: set[int] = set()
    index = 0
    while index < len(lines):
        if not _LONE_BULLET.match(lines[index]):
            index += 1
            continue
        run = [index]
        end = index + 1
        while end < len(lines) and (not lines[end].strip() or _LONE_BULLET.match(lines[end])):
            if lines[end].strip():
                run.append(end)
            end += 1
        index = end
        if len(run) < 2:
            continue
        blocks = [
            _block(lines, start, step, loose)
            for start, step in ((end, 1), (run[0] - 1, -1))
            for loose in (False, True)
        ]
        for block in blocks:
            starts = _items(lines, block, edge) if block else []
            if len(starts) == len(run) and not marked & set(starts):
                drop.update(run)
                marked.update(starts)
                break
    if not marked:
        return lines, numbers
    out: list[str] = []
    out_numbers: list[int] = []
    for index, (line, number) in enumerate(zip(lines, numbers, strict=True)):
        if index in drop:
            continue
        out.append(f"• {line.strip()}" if index in marked else line)
        out_numbers.append(number)
    if notes is not None:
        notes.append(
            f"[{COLUMN_RULE.code}] {len(drop)} bullet(s) copied in a column apart from their "
            "words put in front of the items beside them."
        )
    return out, out_numbers


def _row_number(count: int) -> re.Pattern[str]:
    """The row number that carries a count on, written before capitalised words inside a line
    ("… inclusion strategy 2 Define and agree …")."""
    return re.compile(rf"(?:^|(?<=\S)\s+)(?={count}\s+[A-Z][a-z])")


def inline_bullets(
    lines: list[str], numbers: list[int], notes: list[str] | None = None
) -> tuple[list[str], list[int]]:
    """A line holding two or more bullets of a symbol font between its words (a table's row,
    or its rows, run together on one line as a PDF copies them): each bullet opens a line of
    its own, and a number carrying the rows' count on (1, 2, 3 …) before capitalised words
    opens the line of the next row's first cell (rule `inline-symbol-bullets`)."""
    out: list[str] = []
    out_numbers: list[int] = []
    split = 0
    for line, number in zip(lines, numbers, strict=True):
        if len(_INLINE_PRIVATE_BULLET.findall(line)) < _MIN_INLINE_BULLETS:
            out.append(line)
            out_numbers.append(number)
            continue
        split += 1
        count = 1
        for index, piece in enumerate(_INLINE_PRIVATE_BULLET.split(line.strip())):
            pieces = [piece]
            while found := _row_number(count).search(pieces[-1]):
                if found.start() == 0 and index and len(pieces) == 1:
                    break
                head, tail = pieces[-1][: found.start()], pieces[-1][found.start() :]
                pieces[-1:] = [part for part in (head.strip(), tail.strip()) if part]
                count += 1
            for place, part in enumerate(pieces):
                bullet = "• " if index and not place else ""
                out.append(f"{bullet}{part}")
                out_numbers.append(number)
    if split and notes is not None:
        notes.append(
            f"[{INLINE_RULE.code}] {split} line(s) holding a table's cells run together, with "
            "bullets inside them, put back a line an item."
        )
    return out, out_numbers


def bulleted(
    lines: list[str], numbers: list[int], notes: list[str] | None = None
) -> tuple[list[str], list[int]]:
    """A bullet alone on its line put in front of the words on the next line, and a bullet
    of a symbol font ("\uf0b7") written as one ("•")."""
    out: list[str] = []
    out_numbers: list[int] = []
    moved = 0
    pending: int | None = None  # the line number of a lone bullet waiting for its words
    for line, number in zip(lines, numbers, strict=True):
        line = _PRIVATE_BULLET.sub(r"\1• ", line)
        if _LONE_BULLET.match(line):
            pending = number if pending is None else pending
            continue
        if pending is not None and not line.strip():
            continue
        if pending is not None:
            out.append(f"• {line.strip()}")
            out_numbers.append(pending)
            moved += 1
            pending = None
            continue
        out.append(line)
        out_numbers.append(number)
    if moved and notes is not None:
        notes.append(
            f"[{BULLET_RULE.code}] {moved} bullet(s) on a line of their own put in front of "
            "the words under them."
        )
    return out, out_numbers


def _across_gaps(lines: list[str], numbers: list[int], edge: int) -> tuple[list[str], list[int]]:
    """Blank lines left out between a line that reached the edge mid-sentence and the words
    it runs on with, in lower case (pdfminer puts a bullet's wrapped words in a box of their
    own)."""
    keep = [True] * len(lines)
    index = 0
    while index < len(lines):
        if lines[index].strip():
            index += 1
            continue
        end = index
        while end < len(lines) and not lines[end].strip():
            end += 1
        if (
            index > 0
            and end < len(lines)
            and lines[end].strip()[:1].islower()
            and not lines[index - 1].rstrip().endswith(_ENDS_SENTENCE)
            and _carries_on(lines[index - 1], lines[end], edge, "")
        ):
            for gap in range(index, end):
                keep[gap] = False
        index = end
    return (
        [line for line, kept in zip(lines, keep, strict=True) if kept],
        [number for number, kept in zip(numbers, keep, strict=True) if kept],
    )


def unwrapped(
    lines: list[str], numbers: list[int], notes: list[str] | None = None
) -> tuple[list[str], list[int]]:
    """The lines with each wrapped run joined into one (numbered by its first line)."""
    lines, numbers = bullet_columns(lines, numbers, notes)
    lines, numbers = inline_bullets(lines, numbers, notes)
    lines, numbers = bulleted(lines, numbers, notes)
    lines, numbers = hanging(lines, numbers, notes)
    edge = width(lines)
    if edge is None:
        return lines, numbers
    lines, numbers = _across_gaps(lines, numbers, edge)
    pairs = [
        after.strip()[:1]
        for line, after, beyond in zip(lines, lines[1:], [*lines[2:], ""], strict=False)
        if _carries_on(line, after, edge, beyond)
    ]
    # Wrapped prose breaks mid-sentence: many of the lines carried on open in lower case.
    lower = sum(1 for first in pairs if first.islower())
    if lower < _MIN_LOWER or lower < _MIN_LOWER_SHARE * len(pairs):
        return lines, numbers
    out: list[str] = []
    out_numbers: list[int] = []
    last = ""  # the last physical line of the line being built
    joined = 0
    # Under a line of a table's headings run together, the rows' cells wrap onto the lines
    # under them: those are left to be read as the table's (`runtogether`), up to a blank line.
    in_table = False
    for index, (line, number) in enumerate(zip(lines, numbers, strict=True)):
        beyond = lines[index + 1] if index + 1 < len(lines) else ""
        if not line.strip():
            in_table = False
        elif runtogether.heading_line(line) is not None:
            in_table = True
        if out and not in_table and _carries_on(last, line, edge, beyond):
            out[-1] = _joined(out[-1], line)
            joined += 1
        else:
            out.append(line)
            out_numbers.append(number)
        last = line
    if joined and all(line.strip() for line in lines):
        # Text with no blank line at all (pdfplumber's and pdfium's) has lost the space
        # between paragraphs: each line put back together is a paragraph of its own.
        spaced: list[str] = []
        for line in out:
            spaced += [line, ""]
        out = spaced[:-1]
        out_numbers = [n for number in out_numbers for n in (number, number)][:-1]
    if joined and notes is not None:
        notes.append(
            f"[{RULE.code}] {joined} line(s) of text wrapped at the width of the page or "
            "column joined to the line above them."
        )
    return out, out_numbers


# A bulleted line: the bullet's margin, its mark and the space after it (where its words
# start).
_BULLET_AT = re.compile(r"^([ \u00a0]*)([•·▪◦‣●○■□*\-–])([ \u00a0]+)\S")
_SET_IN = re.compile(r"^[ \u00a0]*")


def hanging(
    lines: list[str], numbers: list[int], notes: list[str] | None = None
) -> tuple[list[str], list[int]]:
    """A bullet's words wrapped onto the lines under it, as a web page or an email shows a long
    item: each such line set in further than the bullet, as far as the item's words (a hanging
    indent) or, opening in lower case, further than the bullet's margin; the item going on
    mid-sentence (the line above did not end one); no blank line, tab, bullet or number
    between. Each joined back to the item (rule `bullet-hanging-indent`)."""
    out: list[str] = []
    out_numbers: list[int] = []
    # Where the item being built is set: its bullet's margin and where its words start.
    item: tuple[int, int] | None = None
    last = ""  # the last physical line of the item being built
    joined = 0
    for line, number in zip(lines, numbers, strict=True):
        bullet = _BULLET_AT.match(line) if "\t" not in line else None
        set_in = len(_SET_IN.match(line).group(0))  # type: ignore[union-attr]
        words = line.strip()
        if (
            item is not None
            and bullet is None
            and words
            and "\t" not in line
            and not _OPENS_OWN.match(words)
            and not last.rstrip().endswith(_ENDS_SENTENCE)
            and (set_in == item[1] or (set_in > item[0] and words[:1].islower()))
        ):
            out[-1] = f"{out[-1].rstrip()} {words}"
            last = line
            joined += 1
            continue
        if bullet is not None:
            margin = len(bullet.group(1))
            item = (margin, margin + len(bullet.group(2)) + len(bullet.group(3)))
        else:
            item = None
        last = line
        out.append(line)
        out_numbers.append(number)
    if joined and notes is not None:
        notes.append(
            f"[{HANGING_RULE.code}] {joined} line(s) of a bullet's words wrapped under them "
            "joined back to the bullet."
        )
    return out, out_numbers
