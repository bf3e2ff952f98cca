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

from diplomap.model import Document


@dataclass(frozen=True)
class Item:
    """One document to ingest.

    ``source`` names it in messages and becomes ``Document.source`` (a path or URL). ``reader`` returns the
    Document (raising IngestError with one clear line when it cannot); ``title``, ``published`` and
    ``publisher`` given here (by the command line, a manifest or a feed) override what the text itself says.
    """

    source: str
    reader: Callable[[], Document]
    title: str | None = None
    published: date | None = None
    publisher: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # any other metadata a manifest or feed gave

    def read(self) -> Document:
        doc = self.reader()
        return replace(doc, title=self.title or doc.title, published=self.published or doc.published,
                       publisher=self.publisher or doc.publisher)


def file_item(path: str | Path, title: str | None = None, published: date | None = None,
              publisher: str = "") -> Item:
    """A file given by name: read with diplomap.ingest.reader (format by suffix)."""
    from diplomap.ingest.reader import read_file

    return Item(str(path), lambda: read_file(path), title=title, published=published, publisher=publisher)
