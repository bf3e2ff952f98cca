"""Shared fixtures: an in-memory store, one spaCy pipeline per session, the shared folder if present."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diplomap.store.db import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The cache folder of every test, and of the apps and commands they start: never the user's (the web
    app keeps its facet index there, web/facet_cache.py). Session-wide, so module fixtures get it too."""
    path = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DIPLOMAP_CACHE_DIR", str(path))
        yield path


@pytest.fixture
def fresh_store() -> Iterator[Store]:
    store = Store(":memory:")
    yield store
    store.close()


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from diplomap.extract.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared is not present (it is on developer machines and in CI)")
    return SHARED


TIMESTAMPS = {"ingested_at", "created_at"}
# Bookkeeping, not data: a random number that every write changes (migration 10), so two databases with
# the same rows reached by other writes (a crash and a rerun, one worker or two) hold different values.
BOOKKEEPING = {"generation"}


def table_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted, without timestamp columns: two databases with equal table_rows
    hold the same data ("identical apart from timestamps and row order", issue #9). FTS5 indexes are
    left out: they are rebuilt from the tables they index."""
    import sqlite3

    conn = sqlite3.connect(db)
    out: dict[str, list[tuple[object, ...]]] = {}
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for name in names:
        if name.startswith(("sentences_fts", "sqlite_")) or name in BOOKKEEPING:
            continue
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")') if r[1] not in TIMESTAMPS]
        select = ", ".join(f'"{c}"' for c in columns)
        out[name] = sorted(conn.execute(f'SELECT {select} FROM "{name}"').fetchall(), key=repr)
    conn.close()
    return out
