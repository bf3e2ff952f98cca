"""RSS and Atom feeds -> entries (link, title, date, publisher, text), through feedparser.

An entry becomes an item in diplomap.ingest.sources: its page is fetched and read; its own content or
summary is the text only when the page cannot be fetched or fetching is turned off.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urljoin

from diplomap.ingest.errors import IngestError


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed."""

    index: int  # 1-based position in the feed, for messages
    link: str  # absolute when the feed came from a URL
    title: str
    published: date | None  # published, else updated
    publisher: str  # the feed's title
    content: str  # the entry's full content, else its summary, as plain text ("" when it has none)
    author: str = ""


def parse_feed(data: bytes, source: str, base: str = "") -> list[FeedEntry]:
    """The entries of an RSS or Atom feed read from ``source``; relative links are resolved against ``base``.
    Raises IngestError when it is no feed."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base} if base else None)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = " ".join(str(parsed.get("bozo_exception", "")).split())[:120]
        raise IngestError(f"{source}: not an RSS or Atom feed" + (f" ({reason})" if reason else "")
                          + "; check the file or URL")
    publisher = str(parsed.feed.get("title", "")).strip()
    entries = []
    for index, entry in enumerate(parsed.entries, start=1):
        link = str(entry.get("link", "")).strip()
        if link and base:
            link = urljoin(base, link)
        entries.append(FeedEntry(
            index=index, link=link, title=" ".join(str(entry.get("title", "")).split()),
            published=_date(entry.get("published_parsed")) or _date(entry.get("updated_parsed")),
            publisher=publisher, content=_content(entry), author=str(entry.get("author", "")).strip()))
    return entries


def _date(parsed: time.struct_time | None) -> date | None:
    if not parsed:
        return None
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None


def _content(entry: dict[str, object]) -> str:
    """The entry's full content (content:encoded, Atom content), else its summary, as plain text."""
    contents = entry.get("content")
    if isinstance(contents, list):
        for part in contents:
            value = str(part.get("value", "")) if isinstance(part, dict) else ""
            if value.strip():
                return html_to_text(value)
    return html_to_text(str(entry.get("summary", "") or ""))


_BLOCKS = frozenset("p div br li h1 h2 h3 h4 h5 h6 blockquote tr section article header footer pre".split())
_SKIP = frozenset(("script", "style"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): paragraphs kept apart by blank lines."""
    if "<" not in html:
        return html.strip()
    parser = _Text()
    parser.feed(html)
    parser.close()
    paragraphs = (" ".join(block.split()) for block in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
