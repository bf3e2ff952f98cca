"""A manifest -> one row per item: where it is (``path``, relative to the manifest, or ``url``, or both for a page
saved to a file: read from the file, known by its url) and what is known
of it (``published``, ``title``, ``publisher``, ``language``; any other column is kept as metadata).

JSON Lines (``.jsonl``, ``.ndjson``: one object a line) or CSV (``.csv``, ``.tsv``: a header row). A bad row
is one BadRow naming its line and the fix; the other rows still go in.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from diplomap.ingest.errors import IngestError
from diplomap.ingest.identity import is_url

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".tsv": "tsv"}
KNOWN = ("path", "url", "published", "title", "publisher", "language")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")


@dataclass(frozen=True)
class ManifestRow:
    """One item a manifest names."""

    line: int
    path: Path | None  # a file (made absolute from the manifest's folder), or None for a URL
    url: str  # with a path too: the address the saved file was read at (its source)
    published: date | None = None
    title: str | None = None
    publisher: str = ""
    language: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # the other columns


@dataclass(frozen=True)
class BadRow:
    """A row that names no item diplomap can take; ``message`` says why and what to do."""

    line: int
    message: str


def read_manifest(manifest: Path) -> Iterator[ManifestRow | BadRow]:
    """The rows of a manifest, in order. IngestError when the manifest itself cannot be read."""
    fmt = FORMATS.get(manifest.suffix.lower())
    if fmt is None:
        raise IngestError(f"{manifest}: a manifest is JSON Lines (.jsonl) or CSV (.csv, .tsv); rename or convert it")
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise IngestError(f"{manifest}: no such manifest; check the path") from None
    except IsADirectoryError:
        raise IngestError(f"{manifest}: is a folder; give the manifest file, or ingest the folder itself") from None
    except UnicodeDecodeError as exc:
        raise IngestError(f"{manifest}: not valid UTF-8 (byte {exc.start}); re-save it as UTF-8") from None
    except OSError as exc:
        raise IngestError(f"{manifest}: cannot be read ({exc.strerror or exc}); check the file") from None
    records = _jsonl(text) if fmt == "jsonl" else _csv(text, "\t" if fmt == "tsv" else ",")
    for line, record in records:
        yield record if isinstance(record, BadRow) else _row(manifest, line, record)


def _jsonl(text: str) -> Iterator[tuple[int, dict[str, object] | BadRow]]:
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield line, BadRow(line, f"not JSON ({exc.msg}); write one object a line, as "
                                     '{"path": "a.md", "published": "2025-06-10"}')
            continue
        if not isinstance(record, dict):
            yield line, BadRow(line, 'not a JSON object; write one object a line, as {"url": "https://..."}')
            continue
        yield line, record


def _csv(text: str, delimiter: str) -> Iterator[tuple[int, dict[str, object] | BadRow]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    while header is None:
        try:
            first = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise IngestError(f"line {reader.line_num}: not readable CSV ({exc}); fix the header row") from None
        if any(cell.strip() for cell in first):
            header = [cell.strip().lower() for cell in first]
    if "path" not in header and "url" not in header:
        raise IngestError("the header row has no 'path' or 'url' column; name the column that says where each item is")
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, BadRow(start, f"not readable CSV ({exc}); check its quotes")
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            yield start, BadRow(start, f"{len(cells)} cells for {len(header)} columns; quote cells that hold "
                                       f"a '{delimiter}'")
            continue
        yield start, {name: cell for name, cell in zip(header, cells, strict=False) if name}


def _row(manifest: Path, line: int, record: dict[str, object]) -> ManifestRow | BadRow:
    values = {str(key).strip().lower(): value for key, value in record.items()}
    path, url = _text(values.get("path")), _text(values.get("url"))
    if path and is_url(path) and not url:
        path, url = "", path
    if not path and not url:
        return BadRow(line, "no path or url; say where the item is")
    if url and not url.lower().startswith(("http://", "https://")):
        return BadRow(line, f"url {url!r} is not an http(s) URL; give the file as path")
    published = None
    given = _text(values.get("published"))
    if given:
        published = _date(given)
        if published is None:
            return BadRow(line, f"published {given!r} is not a date; write YYYY-MM-DD")
    meta = {key: value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            for key, value in values.items() if key not in KNOWN and value not in (None, "")}
    return ManifestRow(line, (manifest.parent / path).absolute() if path else None, url, published,
                       _text(values.get("title")) or None, _text(values.get("publisher")),
                       _text(values.get("language")), meta)


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _date(text: str) -> date | None:
    if not _ISO.match(text):
        return None
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return None
    return day if 1000 <= day.year <= 9000 else None
