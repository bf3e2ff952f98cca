"""A document's publication date, and where it came from (``Document.date_source``, see model.DATE_SOURCES).

What a person or the list of items says wins (the command line's ``--date``, a manifest row, a feed entry:
``Item.read`` sets those). Otherwise the document itself, in this order:

- an HTML page: its meta tags and JSON-LD (``html-meta``, through htmldate), else the text, else the URL;
- a PDF: a date its text states (``text``), else its creation date (``pdf-meta``): a PDF made or re-exported
  long after it was written must not move every relative date in it ("yesterday", "last month");
- text and Markdown: the text, else the URL.
"""

from __future__ import annotations

import re
from datetime import date

from diplomap.ingest.identity import is_url

# /2025/06/10/, /2025-06-10-, /20250610/ in a URL's path: a common way news sites file their pages
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def url_date(source: str) -> date | None:
    """The date in a URL's path (``https://example.org/2025/06/10/talks``), if it holds one."""
    if not is_url(source):
        return None
    m = _URL_DATE.search(source.split("?", 1)[0])
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def publication_date(fmt: str, source: str, meta_date: date | None, text_date: date | None) -> tuple[date | None, str]:
    """(date, where it came from) for a document of format ``fmt`` read from ``source``, given the date its
    metadata holds (HTML meta tags or a PDF's creation date) and the date its text states."""
    if fmt == "html" and meta_date:
        return meta_date, "html-meta"
    if text_date:
        return text_date, "text"
    if fmt == "pdf" and meta_date:
        return meta_date, "pdf-meta"
    from_url = url_date(source)
    if from_url:
        return from_url, "url"
    return None, "none"


def html_meta_date(raw: str) -> date | None:
    """The publication date in an HTML page's metadata: meta tags (article:published_time, ...), JSON-LD
    (datePublished), <time> elements, the canonical link's path; never a date found in its text
    (htmldate without its extensive search). The original date, not the last modification."""
    from htmldate import find_date

    from diplomap.ingest.errors import quiet

    with quiet("htmldate"):
        found = find_date(raw, extensive_search=False, original_date=True, deferred_url_extractor=True)
    if not found:
        return None
    try:
        return date.fromisoformat(found[:10])
    except ValueError:
        return None
