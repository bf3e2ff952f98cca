from __future__ import annotations


class IngestError(Exception):
    """A source that cannot be read. The message names the source and says what to do."""
