"""Plain text and Markdown -> clean text, repairing PDF-extraction debris.

The clean text keeps a map back to the original: at every point where the two stop running in
parallel, a pair (clean offset, raw offset). ``raw_offset`` inverts it for any clean offset.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|>~])")
_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<![\w])_(?=\S)|(?<=\S)_(?![\w]))")
_SENTENCE_END = tuple('.!?:;"”’)]')


@dataclass
class _Piece:
    """Clean characters and, for each, the raw offset it came from."""

    chars: list[str]
    offsets: list[int]

    @property
    def text(self) -> str:
        return "".join(self.chars)


@dataclass(frozen=True)
class CleanText:
    text: str
    offset_map: tuple[tuple[int, int], ...]
    headings: tuple[tuple[int, str], ...]  # (clean offset, heading text)

    def raw_offset(self, clean: int) -> int:
        return raw_offset(self.offset_map, clean)


def raw_offset(offset_map: Sequence[tuple[int, int]], clean: int) -> int:
    """The raw offset of a clean offset, through the map's breakpoints."""
    if not offset_map:
        return clean
    keys = [pair[0] for pair in offset_map]
    i = bisect.bisect_right(keys, clean) - 1
    if i < 0:
        return clean
    c, r = offset_map[i]
    return r + (clean - c)


def _inline(line: str, base: int, markdown: bool) -> _Piece:
    """Strip inline Markdown from one line, keeping each kept character's raw offset."""
    keep = [True] * len(line)
    replace: dict[int, str] = {}
    if markdown:
        for m in _LINK.finditer(line):
            # keep the link text, drop the brackets and the target
            for i in range(m.start(), m.end()):
                keep[i] = False
            for i in range(m.start(1), m.end(1)):
                keep[i] = True
        for m in _ESCAPE.finditer(line):
            keep[m.start()] = False
        for m in _EMPHASIS.finditer(line):
            if m.start() > 0 and line[m.start() - 1] == "\\":
                continue
            for i in range(m.start(), m.end()):
                keep[i] = False
    else:
        for m in _ESCAPE.finditer(line):
            if m.group(1) == "$":
                keep[m.start()] = False
    for i, ch in enumerate(line):
        if ch == "\t":
            replace[i] = " "
    chars = [replace.get(i, ch) for i, ch in enumerate(line) if keep[i]]
    offsets = [base + i for i in range(len(line)) if keep[i]]
    return _Piece(chars, offsets)


def _strip_edges(piece: _Piece) -> _Piece:
    text = piece.text
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    return _Piece(piece.chars[lead:trail], piece.offsets[lead:trail])


def clean_text(raw: str, markdown: bool = True) -> CleanText:
    """Repair extracted text: join paragraphs broken by page breaks, undo hyphenation, drop markup."""
    blocks: list[tuple[_Piece, str | None]] = []  # (piece, heading text if a heading)
    current: _Piece | None = None
    pos = 0
    for line in raw.splitlines(keepends=True):
        base, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if not body.strip() or (markdown and _RULE.match(body)):
            if current is not None:
                blocks.append((current, None))
                current = None
            continue
        heading = _HEADING.match(body) if markdown else None
        skip = heading.end() if heading else 0
        if markdown and not heading:
            lm = _LIST.match(body)
            skip = lm.end() if lm else 0
        piece = _strip_edges(_inline(body[skip:], base + skip, markdown))
        if not piece.chars:
            continue
        if heading:
            if current is not None:
                blocks.append((current, None))
                current = None
            blocks.append((piece, piece.text))
            continue
        if current is None:
            current = piece
        else:
            _join(current, piece)
    if current is not None:
        blocks.append((current, None))

    out = _Piece([], [])
    headings: list[tuple[int, str]] = []
    prev_heading = True
    for piece, title in blocks:
        if out.chars:
            if title is None and not prev_heading and _continues(out.text, piece.text):
                _join(out, piece)
                continue
            out.chars += ["\n", "\n"]
            out.offsets += [piece.offsets[0] - 1, piece.offsets[0] - 1]
        if title is not None:
            headings.append((len(out.chars), title))
        out.chars += piece.chars
        out.offsets += piece.offsets
        prev_heading = title is not None
    return CleanText(out.text, _compress(out.offsets), tuple(headings))


_JOINERS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "as",
            "that", "which", "who", "between", "into", "its", "their", "his", "her", "this", "these", "than", "via"}


def _continues(before: str, after: str) -> bool:
    """A paragraph that stops mid-sentence continues in the next one: the next starts in lower case,
    or this one ends on a word that cannot end a sentence ("the status of" / "Project of ...")."""
    tail = before.rstrip()
    if not tail or tail.endswith(_SENTENCE_END):
        return False
    last = tail.split()[-1]
    return after[:1].islower() or (len(tail) > 80 and last in _JOINERS)


def _join(left: _Piece, right: _Piece) -> None:
    """Append right to left with one space, or with none when a word was hyphenated across."""
    text = left.text
    if len(text) >= 2 and text.endswith("-") and text[-2].isalpha() and right.chars and right.chars[0].islower():
        left.chars.pop()
        left.offsets.pop()
    elif len(text) >= 2 and text.endswith("-") and text[-2].isalnum():
        pass  # a compound split at a line end ("Kars-" / "Igdir") keeps its hyphen, gains no space
    else:
        left.chars.append(" ")
        left.offsets.append(right.offsets[0] - 1)
    left.chars += right.chars
    left.offsets += right.offsets


def _compress(offsets: list[int]) -> tuple[tuple[int, int], ...]:
    pairs: list[tuple[int, int]] = []
    for i, r in enumerate(offsets):
        if not pairs or r != offsets[i - 1] + 1:
            pairs.append((i, r))
    return tuple(pairs)
