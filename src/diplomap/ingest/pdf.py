"""PDF -> text of all pages, through pypdf; page breaks are repaired later by the text cleaner."""

from __future__ import annotations

import io
import re
from datetime import date

from diplomap.ingest.errors import IngestError

_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})(\d{2})")


def read_pdf(data: bytes, source: str) -> tuple[str, str, date | None]:
    """Return (text, title, creation date) of a PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise IngestError(f"{source}: not a PDF (no %PDF header); check the file or its extension")
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"{source}: corrupt or unreadable PDF ({exc}); re-export or re-download it") from None
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
    return "\n\n".join(pages), title, created
