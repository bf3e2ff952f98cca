"""What makes two ingested texts the same document: their source and a hash of their text.

A document is identified by its **source** (a canonical URL, or the absolute path of a file) and the
**content hash** of its text, normalised so that encoding noise does not make a new document: a
byte-order mark, CRLF or CR line ends and trailing whitespace do not count. Ingest compares the
identity of what it reads with what the store holds (``Project.ingest``, ``Store.save_document``):

- the same source and the same content hash: the same document, "skipped: already stored";
- the same source with another content hash: the document changed (a news page updated in place, a
  report re-exported): it is re-extracted in place, keeping its id, so its events keep their ids and
  the corrections made to them;
- another source, whatever the text: another document, an independent source (the same wire story
  from two publishers is reported twice, and each telling counts).

The document id is derived from the source alone (``Identity.doc_id``): one source is one document,
whichever version of its text is stored. Folder, feed and manifest ingest build on these functions.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# query parameters that say where a reader came from, not what the page is
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Identity:
    """The identity of one ingested text: its canonical source and the hash of its normalised text."""

    source: str  # canonical URL or absolute path: see canonical_source
    content_hash: str  # sha256 (hex) of the normalised text: see content_hash

    @property
    def doc_id(self) -> str:
        """The id of the document from this source (see document_id)."""
        return _source_id(self.source)


def identify(source: str | Path, text: str) -> Identity:
    """The identity of ``text`` read from ``source`` (a path or URL)."""
    return Identity(canonical_source(source), content_hash(text))


def document_id(source: str | Path) -> str:
    """The id of the document from ``source``: the sha256 (hex) of its canonical source."""
    return _source_id(canonical_source(source))


def _source_id(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def is_url(source: str | Path) -> bool:
    """A name with a scheme (``https://...``, ``file://...``) is a URL; anything else is a path."""
    return bool(_URL.match(str(source)))


def canonical_source(source: str | Path) -> str:
    """A URL in canonical form (see canonical_url), a ``file://`` URL or a path as an absolute path with
    symbolic links resolved, so that ``a.md``, ``./a.md`` and a link to it are one source.

    A relative path is taken from the current folder."""
    text = str(source)
    if _URL.match(text):
        parts = urlsplit(text)
        if parts.scheme.lower() != "file":
            return canonical_url(text)
        text = parts.path
    return os.path.realpath(os.path.expanduser(text))


def canonical_url(url: str) -> str:
    """Scheme and host in lower case, no default port, no fragment, no tracking parameters (utm_*, fbclid,
    gclid, ...), an empty path as "/"; the rest (path case, the order of other parameters) is kept."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # a port that is no number: keep the network location as written
        port, host = None, parts.netloc.lower()
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    if parts.username or parts.password:
        host = parts.netloc.rsplit("@", 1)[0] + "@" + host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def content_hash(text: str) -> str:
    """The sha256 (hex) of the text without a leading byte-order mark, with CRLF and CR line ends as LF,
    without whitespace at the end of each line and without blank lines at the end.

    Read line by line, so a large text is not copied."""
    digest = hashlib.sha256()
    start = 1 if text.startswith("\ufeff") else 0
    held = ""  # the line ends after the last non-blank line: written only when more text follows
    first = True
    for found in chain(_LINE_END.finditer(text, start), [None]):
        end = found.start() if found else len(text)
        line = text[start:end].rstrip()
        sep = "" if first else "\n"
        first = False
        if line:
            digest.update((held + sep + line).encode("utf-8", "surrogatepass"))
            held = ""
        else:
            held += sep
        if found:
            start = found.end()
    return digest.hexdigest()


__all__ = ["Identity", "canonical_source", "canonical_url", "content_hash", "document_id", "identify", "is_url"]
