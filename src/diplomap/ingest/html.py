"""HTML -> main text and metadata, through trafilatura (navigation, footers and scripts dropped)."""

from __future__ import annotations

from datetime import date
from html import escape
from html.parser import HTMLParser

from diplomap.ingest.errors import IngestError, quiet
from diplomap.ingest.published import html_meta_date

# libxml2 stops building the tree 256 elements deep, so trafilatura finds no text in a page nested deeper
# (#9). When it finds none, the page is read again with deeper elements unwrapped to this depth.
MAX_DEPTH = 200


def read_html(raw: str, source: str) -> tuple[str, str, date | None, str]:
    """Return (text, title, publication date in its metadata, publisher) of an HTML page."""
    with quiet("trafilatura", "htmldate", "courlan", "justext"):
        return _read_html(raw, source)


def _read_html(raw: str, source: str) -> tuple[str, str, date | None, str]:
    import trafilatura
    page = raw
    text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_recall=True)
    if not text and "<" in raw:
        shallow = shallow_markup(raw)
        if shallow is not None:
            page = shallow
            text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        raise IngestError(f"{source}: no article text found in the HTML; save the article page itself")
    meta = trafilatura.extract_metadata(page, extensive=False)
    title = (meta.title or "") if meta else ""
    published = html_meta_date(page)  # from the metadata only: a date in the text is the reader's to find
    publisher = (meta.sitename or "") if meta else ""
    # trafilatura separates paragraphs by single newlines; the text reader wants blank lines
    return text.replace("\n", "\n\n"), title, published, publisher


# elements that never hold others, and those whose end tag HTML lets a page leave out before a sibling
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SIBLING_CLOSES = frozenset("p li dt dd tr td th option".split())


class _Flattener(HTMLParser):
    """Re-writes a page with every element deeper than MAX_DEPTH unwrapped: its tags dropped, its text kept
    in place. Python's parser has no depth limit, and builds no tree."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, written)
        self.deep = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SIBLING_CLOSES and self.open and self.open[-1][0] == tag:
            self.handle_endtag(tag)
        keep = len(self.open) < MAX_DEPTH
        self.deep = self.deep or not keep
        if keep:
            self.out.append(self.get_starttag_text() or "")
        if tag not in _VOID:
            self.open.append((tag, keep))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.open) < MAX_DEPTH:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if not any(name == tag for name, _ in self.open):
            return  # a stray end tag
        while self.open:
            name, written = self.open.pop()
            if written:
                self.out.append(f"</{name}>")
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def shallow_markup(raw: str) -> str | None:
    """The page with every element deeper than MAX_DEPTH unwrapped (see _Flattener); None when no element
    was that deep, so that trafilatura's first answer stands."""
    flat = _Flattener()
    flat.feed(raw)
    flat.close()
    if not flat.deep:
        return None
    return "".join(flat.out) + "".join(f"</{name}>" for name, written in reversed(flat.open) if written)
