"""A folder -> the files in it diplomap reads: recursive, in a stable sorted order, with include/exclude globs.

Only files with a supported suffix (reader.SUFFIXES) are taken; hidden files and folders (".git",
".cache") and software-project files (README, LICENSE, CHANGELOG, ...: reader.project_file) are left out.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from diplomap.ingest.reader import SUFFIXES, project_file


def matches(relative: str, patterns: Sequence[str]) -> bool:
    """Whether a path relative to the folder (with "/") matches one of the glob patterns.

    A pattern matches the whole relative path (``drafts/*``, ``**/2025-*.md``; ``*`` crosses folders) or
    its end (``*.pdf`` and ``drafts/*.md`` match at any depth), so both habits work."""
    path = PurePosixPath(relative)
    return any(fnmatchcase(relative, pattern) or path.match(pattern) for pattern in patterns)


def folder_files(root: Path, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[Path]:
    """The readable files under ``root`` in a stable order: a folder's files in name order, then its
    subfolders, each in name order, the same way down.

    With ``include``, only files matching one of its globs; never files (or folders) matching ``exclude``."""
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        kept = []
        for name in sorted(dirs):
            relative = (here / name).relative_to(root).as_posix()
            if not name.startswith(".") and not matches(relative, exclude):
                kept.append(name)
        dirs[:] = kept  # os.walk descends into these, in this order
        for name in sorted(files):
            path = here / name
            relative = path.relative_to(root).as_posix()
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES or project_file(path):
                continue
            if include and not matches(relative, include):
                continue
            if matches(relative, exclude):
                continue
            yield path
