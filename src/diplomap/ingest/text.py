"""Plain text and Markdown -> clean text, repairing PDF-extraction debris.

The clean text keeps a map back to the original: at every point where the two stop running in
parallel, a pair (clean offset, raw offset). ``raw_offset`` inverts it for any clean offset.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|>~])")
# each alternative starts with its character, so the engine skips to the next * or _ (a lookbehind first
# made it try every position): "_" not after a word character and before a non-space, or after a
# non-space and not before a word character
_EMPHASIS = re.compile(r"(\*\*|__|\*|_(?<!\w_)(?=\S)|_(?<=\S_)(?!\w))")
_SENTENCE_END = tuple('.!?:;"”’)]')
# a line and its end, as str.splitlines(keepends=True) splits, one at a time rather than in a list
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])?")


@dataclass
class _Piece:
    """Clean text as chunks: the characters of ``texts[i]`` come from consecutive raw offsets, starting at
    ``raws[i]``. Chunks, not characters, so that reading is linear in time and small in memory (#9): a
    line becomes a chunk or a few, joining appends to lists, and only the end of a piece is ever read."""

    texts: list[str] = field(default_factory=list)
    raws: list[int] = field(default_factory=list)
    length: int = 0

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def append(self, text: str, raw: int) -> None:
        if text:
            self.texts.append(text)
            self.raws.append(raw)
            self.length += len(text)

    def extend(self, other: _Piece) -> None:
        self.texts += other.texts
        self.raws += other.raws
        self.length += other.length

    def tail(self, n: int) -> str:
        """The last ``n`` characters (fewer when the piece is shorter)."""
        parts: list[str] = []
        need = n
        for chunk in reversed(self.texts):
            if need <= 0:
                break
            parts.append(chunk[-need:])
            need -= len(parts[-1])
        return "".join(reversed(parts))

    def pop(self) -> None:
        """Drop the last character."""
        self.texts[-1] = self.texts[-1][:-1]
        self.length -= 1
        if not self.texts[-1]:
            self.texts.pop()
            self.raws.pop()


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


def clean_offset(offset_map: Sequence[tuple[int, int]], raw: int) -> int | None:
    """The clean offset of a raw offset, or None when that raw character was left out of the clean text."""
    if not offset_map:
        return raw
    raws = [pair[1] for pair in offset_map]
    i = bisect.bisect_right(raws, raw) - 1
    if i < 0:
        return raw if raw < offset_map[0][0] else None
    c, r = offset_map[i]
    clean = c + (raw - r)
    following = offset_map[i + 1][0] if i + 1 < len(offset_map) else None
    return clean if following is None or clean < following else None


# an opening quote or a backtick typed for an apostrophe ("Egypt‘s", "Israel`s"): the tokenizer then reads one word
APOSTROPHE_STANDINS = "‘`´"
_APOSTROPHE = re.compile(rf"(?<=[^\W\d_])[{APOSTROPHE_STANDINS}](?=(?:s|re|ve|ll|d|t)\b)")


def same_character(raw: str, clean: str) -> bool:
    """A clean character is the raw one it maps back to, or the apostrophe repaired from a stand-in."""
    return raw == clean or (clean == "’" and raw in APOSTROPHE_STANDINS)


def _inline(line: str, base: int, markdown: bool) -> _Piece:
    """Strip inline Markdown from one line, keeping each kept character's raw offset; an apostrophe typed as an
    opening quote becomes one (the same length, so offsets hold)."""
    if "‘" in line or "`" in line or "´" in line:
        line = _APOSTROPHE.sub("’", line)
    drop: list[tuple[int, int]] = []  # raw spans of the line to leave out
    # each pattern only where its first character occurs: most lines have no markup to look for
    escapes = "\\" in line
    if markdown:
        if "](" in line:
            for m in _LINK.finditer(line):
                # keep the link text, drop the brackets and the target
                drop += [(m.start(), m.start(1)), (m.end(1), m.end())]
        if escapes:
            drop += [(m.start(), m.start() + 1) for m in _ESCAPE.finditer(line)]
        if "*" in line or "_" in line:
            drop += [(m.start(), m.end()) for m in _EMPHASIS.finditer(line)
                     if not (m.start() > 0 and line[m.start() - 1] == "\\")]
    elif escapes:
        drop += [(m.start(), m.start() + 1) for m in _ESCAPE.finditer(line) if m.group(1) == "$"]
    piece = _Piece()
    kept = 0
    for start, end in sorted(drop):
        if start > kept:
            piece.append(line[kept:start].replace("\t", " "), base + kept)
        kept = max(kept, end)
    piece.append(line[kept:].replace("\t", " "), base + kept)
    return piece


def _strip_edges(piece: _Piece) -> _Piece:
    """The piece without leading and trailing whitespace."""
    texts, raws = list(piece.texts), list(piece.raws)
    while texts and not texts[0].strip():
        del texts[0], raws[0]
    if texts:
        text = texts[0].lstrip()
        raws[0] += len(texts[0]) - len(text)
        texts[0] = text
    while texts and not texts[-1].strip():
        del texts[-1], raws[-1]
    if texts:
        texts[-1] = texts[-1].rstrip()
    return _Piece(texts, raws, sum(map(len, texts)))


def clean_text(raw: str, markdown: bool = True) -> CleanText:
    """Repair extracted text: join paragraphs broken by page breaks, undo hyphenation, drop markup.

    Lines of one block (no blank line between them) are one paragraph in Markdown. In plain text they are one
    paragraph only where they were wrapped (a full-width line, or the next starts in lower case): a headline,
    a byline or a list of links on lines of their own stay lines of their own (#12)."""
    blocks: list[tuple[_Piece, str | None]] = []  # (piece, heading text if a heading)
    current: _Piece | None = None
    lines: list[_Piece] = []  # the current block's lines, in plain text, until its end decides the joins

    def end_block() -> None:
        nonlocal current
        if lines:
            widest = max(piece.length for piece in lines)
            # a block hard-wrapped at a fixed width (most of its lines go on in the next) breaks lines at commas too
            pairs = list(pairwise(lines))
            wrapped = [_wrapped(b, a, widest) for b, a in pairs]
            hard = sum(wrapped) * 2 >= len(pairs) >= 4
            current = lines[0]
            # (prose wrapped at a width ends most of its full-width lines mid-sentence; a page given one line per
            # paragraph ends most with a stop: there a line before one that opens a unit of its own ends its paragraph)
            wide = [b for b, _ in pairs if b.length >= 0.8 * widest]
            mid_sentence = len(wide) >= 3 and sum(
                not b.tail(_TAIL).rstrip().endswith(_SENTENCE_END) for b in wide) * 2 > len(wide)
            for (before, after), joins in zip(pairs, wrapped, strict=True):
                joins = joins and (mid_sentence or not _a_unit_after(before, after))
                if joins or (hard and before.tail(2).rstrip().endswith(",")):
                    _join(current, after)
                else:
                    blocks.append((current, None))
                    current = after
            lines.clear()
        if current is not None:
            blocks.append((current, None))
            current = None

    for found in _LINE.finditer(raw):
        line, base = found.group(), found.start()
        if not line:
            continue  # the empty match at the end
        body = line.rstrip("\r\n")
        if not body.strip() or (markdown and _RULE.match(body)):
            end_block()
            continue
        heading = _HEADING.match(body) if markdown else None
        skip = heading.end() if heading else 0
        if markdown and not heading:
            lm = _LIST.match(body)
            skip = lm.end() if lm else 0
        piece = _strip_edges(_inline(body[skip:], base + skip, markdown))
        if not piece.length:
            continue
        if heading:
            end_block()
            blocks.append((piece, piece.text))
            continue
        if not markdown:
            lines.append(piece)
        elif current is None:
            current = piece
        else:
            _join(current, piece)
    end_block()

    out = _Piece()
    headings: list[tuple[int, str]] = []
    prev_heading = True
    for piece, title in blocks:
        if out.length:
            if title is None and not prev_heading and _continues(out, piece):
                _join(out, piece)
                continue
            out.append("\n", piece.raws[0] - 1)
            out.append("\n", piece.raws[0] - 1)
        if title is not None:
            headings.append((out.length, title))
        out.extend(piece)
        prev_heading = title is not None
    return CleanText(out.text, _compress(out), tuple(headings))


JOINERS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "as",
           "that", "which", "who", "between", "into", "its", "their", "his", "her", "this", "these", "than", "via"}
# words that open a sentence, capitalised, and hardly ever go on one wrapped at a line's end
OPENERS = {"The", "A", "An", "This", "These", "Those", "It", "He", "She", "They", "We", "His", "Her", "Its", "Their",
           "Our"}
# the end of a paragraph that _continues reads: longer than any joiner, and than 80, the length it compares
_TAIL = 100


def _continues(before: _Piece, after: _Piece) -> bool:
    """A paragraph that stops mid-sentence continues in the next one: the next starts in lower case,
    or this one ends on a word that cannot end a sentence ("the status of" / "Project of ...")."""
    window = before.tail(_TAIL)
    tail = window.rstrip()
    if not tail and before.length > len(window):  # pieces end stripped, so never; but be exact
        window = before.text
        tail = window.rstrip()
    if not tail or tail.endswith(_SENTENCE_END):
        return False
    length = before.length - (len(window) - len(tail))
    last = tail.split()[-1]  # cut short only when longer than the window: no joiner then either
    return after.texts[0][:1].islower() or (length > 80 and last in JOINERS)


def _wrapped(before: _Piece, after: _Piece, widest: int) -> bool:
    """Was this plain-text line wrapped into the next one? Yes when the next goes on in lower case, this one
    ends on a hyphen or a word that cannot end a sentence, or it is as wide as the block's widest line (a
    wrapped paragraph); a short line of its own (a headline, a byline, a dateline) is not."""
    tail = before.tail(_TAIL).rstrip()
    if after.texts[0][:1].islower() or tail.endswith("-"):
        return True
    words = tail.split()
    if words and words[-1] in JOINERS:
        return True
    return widest >= 50 and before.length >= 0.8 * widest


def _a_unit_after(before: _Piece, after: _Piece) -> bool:
    """Does the next line open a unit of its own: a capitalised article or pronoun after a line that does not go on
    (no comma, colon, hyphen or joining word at its end)? A page given one line per paragraph has lines as wide as
    each other ("... near the Paracel Islands." / "The fishermen reported ..."), and a standfirst may stop with no
    stop over a photo caption ("... arms to paramilitaries" / "The Sudanese war has killed ...")."""
    tail = before.tail(_TAIL).rstrip()
    words = tail.split()
    first = after.texts[0].split(maxsplit=1)[:1]
    return (bool(first) and first[0] in OPENERS and not tail.endswith((",", ";", ":", "-"))
            and not (words and words[-1] in JOINERS))


def _join(left: _Piece, right: _Piece) -> None:
    """Append right to left with one space, or with none when a word was hyphenated across."""
    text = left.tail(2)
    if len(text) >= 2 and text.endswith("-") and text[-2].isalpha() and right.length and right.texts[0][0].islower():
        left.pop()
    elif len(text) >= 2 and text.endswith("-") and text[-2].isalnum():
        pass  # a compound split at a line end ("Kars-" / "Igdir") keeps its hyphen, gains no space
    else:
        left.append(" ", right.raws[0] - 1)
    left.extend(right)


def _compress(piece: _Piece) -> tuple[tuple[int, int], ...]:
    """(clean offset, raw offset) wherever a chunk does not continue the raw run of the one before."""
    pairs: list[tuple[int, int]] = []
    clean = 0
    follows: int | None = None  # the raw offset that would continue the run
    for text, raw in zip(piece.texts, piece.raws, strict=True):
        if raw != follows:
            pairs.append((clean, raw))
        clean += len(text)
        follows = raw + len(text)
    return tuple(pairs)
