"""Read a file of any supported format into a Document; bad input raises one clear IngestError."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from datetime import date
from pathlib import Path

from diplomap.ingest.errors import IngestError
from diplomap.ingest.identity import document_id
from diplomap.ingest.published import publication_date
from diplomap.ingest.text import clean_text
from diplomap.knowledge.grammar import MONTH_PATTERN, MONTHS
from diplomap.model import Document

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".pdf": "pdf"}
# Reading is linear (#9), but one file over this size is a mistake more often than a document: the
# error says to split it. 200 MB of text is some 30 million words.
MAX_BYTES = 200 * 2**20
_MB = 2**20

# byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
         (codecs.BOM_UTF8, "utf-8", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"))
# files that come with software, not news or reports: a shell glob (`ingest examples/*`) picks them up
_PROJECT_FILES = re.compile(
    r"^(?:readme|licen[cs]e|copying|changelog|changes|history|contributing|code_of_conduct|authors|"
    r"contributors|notice|security|install|todo|maintainers)(?:[._-].*)?$", re.I)

_PUBDATE = re.compile(rf"\b(?:(\d{{1,2}})\s+)?({MONTH_PATTERN})\s+(?:(\d{{1,2}}),\s+)?((?:19|20)\d\d)\b")
_ISODATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_DATE_LEAD = re.compile(r"^\s*(?:(?:date|published|updated|posted)\s*:?\s*)?(?:19|20)\d\d-\d\d-\d\d\s*[-–—|:]?\s*",
                        re.I)


def project_file(path: str | Path) -> bool:
    """A README, LICENSE, CHANGELOG and the like: documentation of software, hardly a source to code."""
    return bool(_PROJECT_FILES.match(Path(path).name))


def read_file(
    path: str | Path, title: str | None = None, published: date | None = None, publisher: str = ""
) -> Document:
    """Read one file. Raises IngestError naming the file and the fix when it cannot be read."""
    path = Path(path)
    data = _read(path)
    if not data or data.isspace():
        raise IngestError(f"{path}: file is empty; nothing to ingest")
    return read_bytes(data, str(path), SUFFIXES[path.suffix.lower()], title=title, published=published,
                      publisher=publisher)


def _read(path: Path) -> bytes:
    """The bytes of a regular, readable file of a supported type and size; never blocks on a FIFO."""
    try:
        info = os.stat(path)  # follows links: a link is read as what it points to
    except OSError as exc:
        raise IngestError(_cannot_open(path, exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(f"{path}: is a directory; pass the files inside it")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(f"{path}: not a regular file (a pipe, socket or device); save its content to a file first")
    if path.suffix.lower() not in SUFFIXES:
        # (a list of items passed as one: "ingest items.jsonl" meant "ingest --manifest items.jsonl")
        listing = "; a list of items goes in with --manifest" if path.suffix.lower() in (".jsonl", ".csv") else ""
        raise IngestError(f"{path}: unsupported file type {path.suffix or '(none)'}; use one of "
                          f"{', '.join(sorted(SUFFIXES))}{listing}")
    if info.st_size > MAX_BYTES:
        raise IngestError(_too_large(path, info.st_size))
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise IngestError(_cannot_open(path, exc)) from None
    if len(data) > MAX_BYTES:  # it grew since
        raise IngestError(_too_large(path, len(data)))
    return data


def _too_large(path: Path, size: int) -> str:
    return f"{path}: {size / _MB:.0f} MB is over the {MAX_BYTES // _MB} MB limit; split it into smaller files"


def _cannot_open(path: Path, exc: OSError) -> str:
    """What went wrong opening a file, and what to do, from the operating system's error."""
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"{path}: broken symbolic link (to {os.readlink(path)}); fix or remove the link"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"{path}: no such file; check the path"
    if exc.errno == errno.ELOOP:
        return f"{path}: symbolic link loop; point the link at a file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{path}: permission denied; make the file readable (chmod u+r) or copy it somewhere readable"
    if exc.errno == errno.ENAMETOOLONG:
        return f"{path}: file name too long; rename or move the file"
    return f"{path}: cannot be read ({exc.strerror or exc}); check the file and its disk"


def decode(data: bytes, source: str, fmt: str) -> tuple[str, str]:
    """The text of a text, Markdown or HTML file, and the encoding it was read in.

    UTF-8, or UTF-16 or UTF-32 when a byte-order mark says so; anything else is refused with the fix."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise IngestError(
                    f"{source}: not valid {name} after its byte-order mark (byte {exc.start + len(bom)}); "
                    "re-save it as UTF-8") from None
            break
    else:
        if b"\x00" in data[:8192]:
            raise IngestError(f"{source}: looks like a binary file, not {fmt} (or UTF-16 without a byte-order "
                              "mark); convert it to UTF-8 text first")
        try:
            text, name = data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"{source}: not valid UTF-8 (byte {exc.start}); re-save it as UTF-8 (e.g. iconv -t UTF-8)"
            ) from None
    if "\x00" in text[:8192]:
        raise IngestError(f"{source}: looks like a binary file, not {fmt}; convert it to UTF-8 text first")
    return text, name


def read_bytes(
    data: bytes, source: str, fmt: str, title: str | None = None, published: date | None = None,
    publisher: str = "",
) -> Document:
    """A Document from the bytes of a file in format ``fmt`` read from ``source`` (a path or URL).

    Its publication date is ``published`` when given, else what its metadata or text says
    (diplomap.ingest.published, which also says where the date came from)."""
    encoding = ""
    if fmt == "pdf":
        from diplomap.ingest.pdf import read_pdf

        raw, meta_title, meta_date = read_pdf(data, source)
        cleaned = clean_text(raw, markdown=False)
        markdown_title = ""
    else:
        raw, encoding = decode(data, source, fmt)
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
    if not cleaned.text or cleaned.text.isspace():
        if fmt == "pdf":
            raise IngestError(f"{source}: no text in the PDF, only images (a scan?); run OCR on it first "
                              "(e.g. ocrmypdf) or find a text version")
        raise IngestError(f"{source}: no text found in the {fmt} file, only markup; check that it is the right file")
    head = cleaned.text[:4000].strip()
    # (a date line the page opens with, " date 2024-06-15 Niger has stopped ...", "Published: 2024-06-15", dates the
    # document; it is no part of its title)
    line = head.split("\n", 1)[0]
    first_line = (_DATE_LEAD.sub("", line, count=1) or line)[:200]
    doc_title = title or meta_title or markdown_title or first_line
    if published:
        date_source = "given"
    else:
        published, date_source = publication_date(fmt, source, meta_date, find_publication_date(cleaned.text))
    return Document(
        id=document_id(source),
        text=cleaned.text,
        source=source,
        title=doc_title.strip(),
        published=published,
        publisher=publisher,
        fmt=fmt,
        raw=raw,
        offset_map=cleaned.offset_map,
        encoding=encoding,
        date_source=date_source,
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
