"""What the user names -> the items ingest works through (diplomap.ingest.items).

    a file                      one item, read by its suffix (reader.py)
    a folder                    its files, recursively (folder.py), with include/exclude globs
    a URL (anything with a      fetched (fetch.py): a page is one item; a feed (by its content type or its
      scheme: https://...)        first tag) is one item per entry
    a feed file (.rss .atom     one item per entry (feed.py): the entry's page is fetched; its own content
      .xml) or --feed             or summary is the text when that fails or with fetch_pages=False
    --manifest FILE             one item per row (manifest.py), each with its own date, title, publisher

Items are made lazily, in the order named: a folder of ten thousand files or a long feed is never held
in memory at once, and each page is fetched just before it is read. What cannot be found, fetched or
parsed becomes an item whose reading raises one IngestError (items.failed), reported in its place while the
others still go in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from diplomap.ingest.errors import IngestError
from diplomap.ingest.feed import FeedEntry, parse_feed
from diplomap.ingest.fetch import Fetched, Fetcher
from diplomap.ingest.folder import folder_files
from diplomap.ingest.identity import canonical_url, is_url
from diplomap.ingest.items import Item, failed, file_item, saved_page_item
from diplomap.ingest.manifest import BadRow, read_manifest
from diplomap.ingest.reader import SUFFIXES, read_bytes
from diplomap.model import Document

FEED_SUFFIXES = (".rss", ".atom", ".xml")


@dataclass(frozen=True)
class Sources:
    """What the user asked to ingest, and how."""

    names: tuple[str, ...] = ()  # files, folders, URLs, feed files
    manifests: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()  # feed files or URLs, named as feeds
    include: tuple[str, ...] = ()  # globs for the files of folders
    exclude: tuple[str, ...] = ()
    fetch_pages: bool = True  # a feed entry's page is fetched; else its content or summary is the text
    title: str | None = None  # given on the command line: overrides every other title and date
    published: date | None = None

    def __bool__(self) -> bool:
        return bool(self.names or self.manifests or self.feeds)


def expand(sources: Sources, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """The items ``sources`` name, in order: names, then manifests, then feeds. URLs are fetched with
    ``fetcher`` (a new one when None, closed at the end)."""
    own = fetcher is None
    web = fetcher or Fetcher()
    try:
        for item in _items(sources, web):
            yield item.given(sources.title, sources.published)
    finally:
        if own:
            web.close()


def _items(sources: Sources, fetcher: Fetcher) -> Iterator[Item]:
    for name in sources.names:
        yield from name_items(name, sources, fetcher)
    for manifest in sources.manifests:
        yield from manifest_items(Path(manifest), fetcher)
    for feed in sources.feeds:
        yield from feed_items(feed, fetcher, sources.fetch_pages)


def name_items(name: str, sources: Sources, fetcher: Fetcher) -> Iterator[Item]:
    """The items of one name on the command line: a URL, a folder, a feed file or a file."""
    if is_url(name) and not name.lower().startswith("file:"):
        yield from url_items(name, fetcher, sources.fetch_pages)
        return
    path = Path(name[len("file://"):] if name.lower().startswith("file://") else name)
    if path.is_dir():
        yield from folder_items(path, sources.include, sources.exclude)
    elif path.suffix.lower() in FEED_SUFFIXES:
        yield from feed_items(str(path), fetcher, sources.fetch_pages)
    else:
        yield file_item(path)


def folder_items(root: Path, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Iterator[Item]:
    """The files of a folder (diplomap.ingest.folder); one error item when it holds none to read."""
    found = False
    for path in folder_files(root, include, exclude):
        found = True
        yield file_item(path)
    if not found:
        globs = " ".join([*(f"--include {g}" for g in include), *(f"--exclude {g}" for g in exclude)])
        yield failed(str(root), f"{root}: a directory with no {' '.join(sorted(SUFFIXES))} files in it"
                                + (f" matching {globs}" if globs else "")
                                + ("; check the folder or the globs" if globs else "; check the folder"))


def manifest_items(manifest: Path, fetcher: Fetcher) -> Iterator[Item]:
    """One item per row of a manifest, with the row's date (``date_source`` "manifest"), title, publisher and
    other columns; a bad row is an error item naming the manifest and line."""
    try:
        rows = list(read_manifest(manifest))
    except IngestError as exc:
        message = str(exc)
        yield failed(str(manifest), message if message.startswith(str(manifest)) else f"{manifest}: {message}")
        return
    for row in rows:
        where = f"{manifest}: line {row.line}"
        if isinstance(row, BadRow):
            yield failed(f"{manifest}:{row.line}", f"{where}: {row.message}")
            continue
        notes: tuple[str, ...] = ()
        if row.language and not row.language.lower().startswith("en"):
            notes = (f"language {row.language!r}: diplomap's extraction reads English; expect few events",)
        meta = {**row.meta, **({"language": row.language} if row.language else {})}
        if row.path is not None and row.url:
            item = _prefixed(saved_page_item(row.path, row.url), where)
        elif row.path is not None:
            item = _prefixed(file_item(row.path), where)
        else:
            item = _page_item(row.url, fetcher, where)
        yield replace(item, title=row.title or item.title, published=row.published, publisher=row.publisher,
                      meta=meta, date_source="manifest", notes=item.notes + notes)


def url_items(url: str, fetcher: Fetcher, fetch_pages: bool = True) -> Iterator[Item]:
    """A URL's page as one item, or, when it is a feed, one item per entry."""
    try:
        fetched = fetcher.get(url)
    except IngestError as exc:
        yield failed(url, str(exc))
        return
    if fetched.fmt == "feed":
        yield from _entries(fetched.data, url, fetched.url, fetcher, fetch_pages)
    else:
        yield page_item(url, fetched)


def _page_item(url: str, fetcher: Fetcher, where: str) -> Item:
    """A URL that must be a page (a manifest row's): its item, or an error item when it cannot be had."""
    try:
        fetched = fetcher.get(url)
    except IngestError as exc:
        return failed(url, f"{where}: {exc}")
    if fetched.fmt == "feed":
        return failed(url, f"{where}: {url} is a feed, not a page; give it with --feed")
    return _prefixed(page_item(url, fetched), where)


def page_item(url: str, fetched: Fetched) -> Item:
    """The item of a fetched page: Document.source is the URL asked for, in canonical form (identity.py)."""
    source = canonical_url(url)

    def reader() -> Document:
        fmt = fetched.fmt
        if fmt is None or fmt == "feed":
            raise IngestError(f"{url}: content type {fetched.content_type or '(none)'} is not one diplomap reads "
                              "(HTML, PDF, plain text, Markdown); save it in one of those and ingest the file")
        if not fetched.data.strip():
            raise IngestError(f"{url}: the page is empty; check the URL")
        return read_bytes(fetched.utf8(), source, fmt)

    return Item(source, reader)


def feed_items(feed: str, fetcher: Fetcher, fetch_pages: bool = True) -> Iterator[Item]:
    """One item per entry of a feed named by a URL or a file."""
    if is_url(feed) and not feed.lower().startswith("file:"):
        try:
            fetched = fetcher.get(feed)
        except IngestError as exc:
            yield failed(feed, str(exc))
            return
        yield from _entries(fetched.data, feed, fetched.url, fetcher, fetch_pages)
        return
    path = Path(feed[len("file://"):] if feed.lower().startswith("file://") else feed)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield failed(feed, f"{feed}: no such feed file; check the path")
        return
    except OSError as exc:
        yield failed(feed, f"{feed}: cannot be read ({exc.strerror or exc}); check the file")
        return
    yield from _entries(data, feed, "", fetcher, fetch_pages)


def _entries(data: bytes, feed: str, base: str, fetcher: Fetcher, fetch_pages: bool) -> Iterator[Item]:
    try:
        entries = parse_feed(data, feed, base)
    except IngestError as exc:
        yield failed(feed, str(exc))
        return
    if not entries:
        yield failed(feed, f"{feed}: the feed has no entries; check that it is the right feed")
    for entry in entries:
        yield entry_item(entry, feed, fetcher, fetch_pages)


def entry_item(entry: FeedEntry, feed: str, fetcher: Fetcher, fetch_pages: bool = True) -> Item:
    """A feed entry: its page, fetched; when that fails (or fetch_pages is False), its own content or summary,
    said so in a note. The entry's date and title override the page's (``date_source`` "feed")."""
    name = f"{feed}: entry {entry.index}" + (f" ({entry.title[:60]})" if entry.title else "")
    if not entry.link:
        return failed(name, f"{name}: has no link; diplomap names each document by its URL")
    reason = "fetching is off (--no-fetch)"
    if fetch_pages:
        try:
            fetched = fetcher.get(entry.link)
        except IngestError as exc:
            reason = f"the page could not be fetched: {exc}"
        else:
            if fetched.fmt not in (None, "feed"):
                return _from_entry(page_item(entry.link, fetched), entry, feed)
            reason = f"the page's content type {fetched.content_type or '(none)'} is not one diplomap reads"
    if not entry.content:
        return failed(entry.link, f"{entry.link}: {reason}, and the feed entry has no text of its own")
    source, text = canonical_url(entry.link), entry.content

    def reader() -> Document:
        return read_bytes(text.encode("utf-8"), source, "text")

    note = f"the text is the feed entry's own content or summary: {reason}"
    return _from_entry(Item(source, reader, notes=(note,), partial=fetch_pages), entry, feed)


def _from_entry(item: Item, entry: FeedEntry, feed: str) -> Item:
    """The item with what the feed says of the entry: its title, date and publisher override the page's."""
    meta = {"feed": feed, **({"author": entry.author} if entry.author else {})}
    return replace(item, title=entry.title or None, published=entry.published, publisher=entry.publisher,
                   meta=meta, date_source="feed")


def _prefixed(item: Item, where: str) -> Item:
    """The item with its errors said as coming from ``where`` (a manifest's line)."""
    inner = item.reader

    def reader() -> Document:
        try:
            return inner()
        except IngestError as exc:
            raise IngestError(f"{where}: {exc}") from None

    return replace(item, reader=reader)
