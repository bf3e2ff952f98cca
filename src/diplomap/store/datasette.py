"""Datasette metadata for a diplomap database (#14): the shipped datasette.yml, keyed by the database's name.

Datasette reads metadata per database, under the name it gives the database: the file name without its
extension. The shipped file is written for ``diplomap.db``; ``metadata(path)`` renames the key.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

_KEY = re.compile(r"^  diplomap:$", re.MULTILINE)  # the one database key in datasette.yml


def metadata(db_path: str | Path) -> str:
    """The metadata YAML for the database at ``db_path`` (comments kept)."""
    text = resources.files("diplomap.store").joinpath("datasette.yml").read_text(encoding="utf-8")
    # A JSON string is a YAML string: any file name stays one key, whatever its characters.
    return _KEY.sub(lambda _m: f"  {json.dumps(Path(db_path).stem)}:", text, count=1)
