"""Stage 1: a source (file, URL, feed) becomes a Document with repaired text and metadata."""

from __future__ import annotations

from diplomap.ingest.errors import IngestError
from diplomap.ingest.identity import Identity, canonical_source, content_hash, document_id, identify
from diplomap.ingest.reader import MAX_BYTES, SUFFIXES, project_file, read_file

__all__ = ["MAX_BYTES", "SUFFIXES", "Identity", "IngestError", "canonical_source", "content_hash", "document_id",
           "identify", "project_file", "read_file"]
