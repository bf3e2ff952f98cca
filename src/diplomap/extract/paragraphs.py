"""A page's paragraphs as the parser takes them: where each starts and ends, what is a heading, and the page
furniture only the raw lines show, blanked with the offsets kept."""

from __future__ import annotations

import re
from collections.abc import Sequence

from diplomap.extract.layout import read_layout
from diplomap.ingest.text import clean_offset
from diplomap.model import Document


def paragraph_spans(text: str) -> list[re.Match[str]]:
    """The paragraphs, each from its first visible character: the blanks a masked date line or menu leaves before a
    lead ("                 Nauru has switched ...") would be a token the parser hangs the subject on."""
    return list(re.finditer(r"[^\s](?:.|\n(?!\s*\n))*", text))


# spaCy refuses a text over nlp.max_length (E088) and needs about 1 GB per 100,000 characters to parse
# one: a longer paragraph (a PDF without line breaks, a scraped wall of text) is parsed in pieces (#9)
MAX_PARAGRAPH = 100_000
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+")


def bounded(spans: Sequence[tuple[int, int]], text: str, limit: int) -> list[tuple[int, int]]:
    """The paragraphs, each one longer than ``limit`` cut after its last sentence end (else space) that
    keeps a piece within it."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > limit:
            window = text[start:start + limit]
            cut = max((m.end() for m in _SENTENCE_BREAK.finditer(window)), default=0)
            if cut < limit // 2:
                cut = max(window.rfind(" "), window.rfind("\n")) + 1 or limit
            out.append((start, start + cut))
            start += cut
        out.append((start, end))
    return out


def is_heading(text: str) -> bool:
    t = text.strip()
    t = t.rstrip("\"”’»'")  # '"Afghanistan will retaliate."' is a sentence, not a heading
    return 0 < len(t) < 120 and not t.endswith((".", "?", "!", ":", ";", ",")) and "\n" not in t


def mask_raw_furniture(doc: Document, masked: str) -> str:
    """Furniture that only the original lines show (a list of other stories' headlines, one per line, which
    cleaning may have joined as if wrapped): read the raw text's layout and blank the same characters here."""
    if doc.fmt not in ("text", "markdown") or not doc.raw or not doc.offset_map:
        return masked
    chars = list(masked)
    for start, end in read_layout(doc.raw).furniture:
        a, b = clean_offset(doc.offset_map, start), clean_offset(doc.offset_map, max(start, end - 1))
        if a is not None and b is not None:
            # (a raw line that ends the text with white space maps past the clean text's end, which has none)
            b = min(b, len(chars) - 1)
        if a is not None and b is not None and a <= b:
            for i in range(a, b + 1):
                chars[i] = chars[i] if chars[i] == "\n" else " "
    return "".join(chars)
