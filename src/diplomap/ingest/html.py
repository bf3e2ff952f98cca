"""HTML -> main text and metadata, through trafilatura (navigation, footers and scripts dropped)."""

from __future__ import annotations

from datetime import date

from diplomap.ingest.errors import IngestError


def read_html(raw: str, source: str) -> tuple[str, str, date | None, str]:
    """Return (text, title, publication date, publisher) of an HTML page."""
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        raise IngestError(f"{source}: no article text found in the HTML; save the article page itself")
    meta = trafilatura.extract_metadata(raw)
    title = (meta.title or "") if meta else ""
    published = None
    if meta and meta.date:
        try:
            published = date.fromisoformat(meta.date[:10])
        except ValueError:
            published = None
    publisher = (meta.sitename or "") if meta else ""
    # trafilatura separates paragraphs by single newlines; the text reader wants blank lines
    return text.replace("\n", "\n\n"), title, published, publisher
