"""What ingest works through: items, each one document to read, with the metadata its source gave.

A file named on the command line is one item. Folders, manifests, feeds and URLs (news at scale, #10)
expand into items too, each with its own publication date and where that date came from. Reading an
item (``Item.read``) gives the Document; extraction and the store never see where an item came from
beyond ``Document.source`` and the metadata kept here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from diplomap.ingest.errors import IngestError
from diplomap.model import Document


@dataclass(frozen=True)
class Item:
    """One document to ingest.

    ``source`` names it in messages and becomes ``Document.source`` (a path or URL). ``reader`` returns the
    Document (raising IngestError with one clear line when it cannot); ``title``, ``published`` and
    ``publisher`` given here (by the command line, a manifest or a feed) override what the text itself says,
    and ``date_source`` says which of them gave the date.
    """

    source: str
    reader: Callable[[], Document]
    title: str | None = None
    published: date | None = None
    publisher: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # any other metadata a manifest or feed gave
    date_source: str = "given"  # where ``published`` came from: given (the command line), manifest, feed
    notes: tuple[str, ...] = ()  # said with the result ("the text is the feed's summary: ...")
    # the text stands in for one that could not be had (a feed's summary for a page that failed to load):
    # it never replaces a document already stored from the same source
    partial: bool = False

    def read(self) -> Document:
        doc = self.reader()
        if self.published:
            doc = replace(doc, published=self.published, date_source=self.date_source)
        return replace(doc, title=self.title or doc.title, publisher=self.publisher or doc.publisher)

    def given(self, title: str | None, published: date | None) -> Item:
        """This item with the title and date given on the command line, which override all others."""
        return replace(self, title=title or self.title, published=published or self.published,
                       date_source="given" if published else self.date_source)


def failed(source: str, message: str) -> Item:
    """An item that could not even be found or fetched: reading it raises IngestError(message), so that it is
    reported, one line, in its place among the others."""

    def reader() -> Document:
        raise IngestError(message)

    return Item(source, reader)


def carried_over(doc: Document, before: Document, item: Item) -> Document:
    """A changed document (the same source, new text) as it is stored again: with the id it has, the title
    and date a person gave it before (unless the item gives new ones), else what the new text says."""
    kept = before.date_source in ("given", "unknown") and not (item.published and item.date_source == "given")
    return replace(doc, id=before.id, title=item.title or before.title,
                   published=before.published if kept or not doc.published else doc.published,
                   date_source=before.date_source if kept or not doc.published else doc.date_source)


def file_item(path: str | Path, title: str | None = None, published: date | None = None,
              publisher: str = "") -> Item:
    """A file given by name: read with diplomap.ingest.reader (format by suffix)."""
    from diplomap.ingest.reader import read_file

    return Item(str(path), lambda: read_file(path), title=title, published=published, publisher=publisher)


def saved_page_item(path: str | Path, url: str, published: date | None = None) -> Item:
    """A page saved to a file and known by the address it was read at (a manifest row with both): the text is
    the file's; the source, and so the document's identity and what its address tells of its date, the url's."""
    from diplomap.ingest.identity import canonical_source, document_id
    from diplomap.ingest.reader import read_file

    source = canonical_source(url)

    def reader() -> Document:
        return replace(read_file(path), source=source, id=document_id(source))

    return Item(source, reader, published=published)
