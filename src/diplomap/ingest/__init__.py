"""Stage 1: a source (file, URL, feed) becomes a Document with repaired text and metadata."""

from __future__ import annotations

from diplomap.ingest.errors import IngestError
from diplomap.ingest.reader import SUFFIXES, read_file

__all__ = ["SUFFIXES", "IngestError", "read_file"]
