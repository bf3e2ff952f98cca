"""Read a file of any supported format into a Document; bad input raises one clear IngestError."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from diplomap.ingest.errors import IngestError
from diplomap.ingest.text import clean_text
from diplomap.knowledge.grammar import MONTH_PATTERN, MONTHS
from diplomap.model import Document

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".pdf": "pdf"}

_PUBDATE = re.compile(rf"\b(?:(\d{{1,2}})\s+)?({MONTH_PATTERN})\s+(?:(\d{{1,2}}),\s+)?((?:19|20)\d\d)\b")
_ISODATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")


def read_file(
    path: str | Path, title: str | None = None, published: date | None = None, publisher: str = ""
) -> Document:
    """Read one file. Raises IngestError naming the file and the fix when it cannot be read."""
    path = Path(path)
    if not path.exists():
        raise IngestError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise IngestError(f"{path}: is a directory; pass the files inside it")
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise IngestError(
            f"{path}: unsupported file type {path.suffix or '(none)'}; use one of {', '.join(sorted(SUFFIXES))}"
        )
    data = path.read_bytes()
    if not data.strip():
        raise IngestError(f"{path}: file is empty; nothing to ingest")
    return read_bytes(data, str(path), fmt, title=title, published=published, publisher=publisher)


def read_bytes(
    data: bytes, source: str, fmt: str, title: str | None = None, published: date | None = None,
    publisher: str = "",
) -> Document:
    doc_id = hashlib.sha256(data).hexdigest()
    if fmt == "pdf":
        from diplomap.ingest.pdf import read_pdf

        raw, meta_title, meta_date = read_pdf(data, source)
        cleaned = clean_text(raw, markdown=False)
        markdown_title = ""
    else:
        if b"\x00" in data[:8192]:
            raise IngestError(f"{source}: looks like a binary file, not {fmt}; convert it to text first")
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"{source}: not valid UTF-8 (byte {exc.start}); re-save it as UTF-8 (e.g. iconv -t UTF-8)"
            ) from None
        if fmt == "html":
            from diplomap.ingest.html import read_html

            text, meta_title, meta_date, meta_publisher = read_html(raw, source)
            publisher = publisher or meta_publisher
            cleaned = clean_text(text, markdown=False)
            markdown_title = ""
        else:
            cleaned = clean_text(raw, markdown=(fmt == "markdown"))
            meta_title, meta_date = "", None
            markdown_title = cleaned.headings[0][1] if cleaned.headings else ""
    if not cleaned.text.strip():
        raise IngestError(f"{source}: no text found in the {fmt} file; is it a scanned image or empty page?")
    first_line = cleaned.text.strip().split("\n", 1)[0][:200]
    doc_title = title or meta_title or markdown_title or first_line
    return Document(
        id=doc_id,
        text=cleaned.text,
        source=source,
        title=doc_title.strip(),
        published=published or meta_date or find_publication_date(cleaned.text),
        publisher=publisher,
        fmt=fmt,
        raw=raw,
        offset_map=cleaned.offset_map,
    )


def find_publication_date(text: str) -> date | None:
    """The first full or month-year date in the head of the text, in a byline (a short line of its own) or
    a dateline (the start of a line): a date inside the body's sentences is an event's, not the text's."""
    kept: list[str] = []
    opened = False  # a body paragraph seen: only the first one's opening may hold a dateline
    for line in text[:1500].splitlines():
        if len(line.strip()) <= 100:
            kept.append(line)
        elif not opened:
            kept.append(re.split(r"[.!?]\s", line[:60])[0])  # before its first sentence ends
            opened = True
    head = "\n".join(kept)
    iso = _ISODATE.search(head)
    m = _PUBDATE.search(head)
    if iso and (not m or iso.start() < m.start()):
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    if not m:
        return None
    day = m.group(1) or m.group(3)
    month = MONTHS[m.group(2).lower()]
    year = int(m.group(4))
    if day:
        try:
            return date(year, month, int(day))
        except ValueError:
            return None
    # a month-year byline ("December 2025"): the last day of the month, as the report went out then
    import calendar

    return date(year, month, calendar.monthrange(year, month)[1])
