"""PDF -> text of all pages, through pypdf; page breaks are repaired later by the text cleaner."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from diplomap.ingest.errors import IngestError, quiet

_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})(\d{2})")


def _pypdf_failures() -> tuple[type[BaseException], ...]:
    """What pypdf raises on a damaged file (found by mutating a valid PDF, #9): its own errors
    (PyPdfError: PdfReadError, PdfStreamError, LimitReachedError, ...; DeprecationError and DependencyError
    stand apart), NotImplementedError for a filter it does not know, and, where its parser trusts the file's
    structure, the built-in errors of code handed the wrong kind of object. Each of these, raised while pypdf
    reads a file, means the file is damaged; any other exception is a bug and is not caught."""
    from pypdf.errors import DependencyError, DeprecationError, PyPdfError

    return (PyPdfError, DeprecationError, DependencyError, NotImplementedError, ValueError, KeyError, TypeError,
            AttributeError, IndexError, AssertionError, ZeroDivisionError, OverflowError, RecursionError, OSError)


def read_pdf(data: bytes, source: str) -> tuple[str, str, date | None]:
    """Return (text, title, creation date) of a PDF."""
    if not data.startswith(b"%PDF"):
        raise IngestError(f"{source}: not a PDF (no %PDF header); check the file or its extension")
    with quiet("pypdf"):
        try:
            pages, title, created = _read(data, source)
        except _pypdf_failures() as exc:
            reason = " ".join(str(exc).split())[:120] or type(exc).__name__
            raise IngestError(f"{source}: corrupt or unreadable PDF ({reason}); re-export or re-download it") from None
    return "\n\n".join(pages), title, created


def _read(data: bytes, source: str) -> tuple[list[str], str, date | None]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = bool(reader.decrypt(""))  # many PDFs are encrypted with an empty password, to set permissions
        except (PdfReadError, DependencyError, NotImplementedError):
            opened = False
        if not opened:
            raise IngestError(f"{source}: encrypted PDF; remove its password first (e.g. qpdf --decrypt)")
    pages = [page.extract_text() or "" for page in reader.pages]
    info: Any = reader.metadata
    title = str(info.title) if info and info.title else ""
    created = None
    if info:
        raw_date = info.get("/CreationDate")
        m = _PDF_DATE.match(str(raw_date)) if raw_date else None
        if m:
            try:
                created = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                created = None
    return pages, title, created
