"""The errors of the store, and the checks that turn a bad --db into one line saying what to do (#9)."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

_SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A database that cannot be opened or written as asked. The message names the file and what to do."""


def check_path(path: Path) -> None:
    """A path the database can be at: an existing database file, or a new file in an existing folder."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise StoreError(f"{path}: folder {parent} does not exist; create it (mkdir -p {parent}) or give "
                             "another --db") from None
        return
    except OSError as exc:  # a folder on the way that cannot be entered, a link loop, ...
        raise StoreError(f"{path}: cannot be reached ({exc.strerror}); check the path and the permissions of "
                         "its folders") from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path}: is a folder; give a database file, e.g. --db {path / 'diplomap.db'}")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path}: not a regular file; give a database file")
    try:
        with open(path, "rb") as stream:
            header = stream.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from None
    if header and header != _SQLITE_HEADER:
        raise StoreError(f"{path}: not a SQLite database; give a diplomap database or a new file name")


def open_problem(exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return f"damaged or not a SQLite database ({text}); restore it from a copy or give a new file name"
    if "readonly" in text or "unable to open" in text:
        return f"cannot write the database ({text}); check the permissions of the file and its folder"
    if "locked" in text or "busy" in text:
        return f"the database is busy ({text}); try again when the other diplomap process is done"
    return f"cannot use the database ({text}); check the file, or give another --db"
