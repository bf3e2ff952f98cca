"""Issue #9, finding 14: Datasette finds the full-text search of `sentences` and `evidence_search`, old
databases get their FTS tables rebuilt, and the shipped metadata loads (titles, facets, FTS, units)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from diplomap.cli import main
from diplomap.store.datasette import metadata
from diplomap.store.db import Store
from diplomap.store.migrations import SCHEMA_VERSION
from tests import webdata

FTS = {"sentences_fts": ("sentences", "id"), "sentences_fts_by_date": ("evidence_search", "key")}


def fts_sql(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE name IN (?, ?)", tuple(FTS)).fetchall())


def make_old(path: Path, drop_only: str = "") -> None:
    """Turn a database into what diplomap made before #14: FTS tables declared with content='...'
    (schema v4). With ``drop_only``, that table is missing instead, as after a crash mid-migration."""
    with sqlite3.connect(path) as conn:
        for name, (content, rowid) in FTS.items():
            conn.execute(f"DROP TABLE {name}")
            if name == drop_only:
                continue
            conn.execute(f"CREATE VIRTUAL TABLE {name} USING fts5(text, content='{content}', content_rowid='{rowid}')")
            conn.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


def searches(path: Path) -> tuple[list[Any], ...]:
    with Store(path) as store:
        return ([s.text for s in store.search("accord")], [s.text for s in store.search("floods aid")],
                [e.id for e in store.events()], [e.id for e in store.iter_events()])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "diplomap.db"
    webdata.build(path)
    return path


def test_new_databases_declare_content_in_double_quotes(db: Path) -> None:
    for name, sql in fts_sql(db).items():
        assert f'content="{FTS[name][0]}"' in sql and "content='" not in sql


@pytest.mark.parametrize("drop_only", ["", "sentences_fts", "sentences_fts_by_date"])
def test_migration_rebuilds_old_fts_tables(db: Path, drop_only: str) -> None:
    """#14: existing databases had content='...'; opening one with this diplomap rebuilds the tables."""
    before = searches(db)
    assert before[0], "the fixture has a sentence with 'accord'"
    make_old(db, drop_only)
    assert all("content='" in sql for sql in fts_sql(db).values())
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        for name in FTS:  # the index agrees with its content table, row for row
            store.conn.execute(f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 1)")
    assert all('content="' in sql for sql in fts_sql(db).values()) and len(fts_sql(db)) == 2
    assert searches(db) == before
    with Store(db) as store:  # and the web app's date-ordered search index still answers
        from diplomap.web.queries import Filters, list_events

        assert [r.id for r in list_events(store.conn, Filters(q="accord")).rows]


datasette_app = pytest.importorskip("datasette.app", reason="datasette is in the dev extra")


def ask(path: Path, url: str, meta: dict[str, Any] | None = None) -> Any:
    async def run() -> Any:
        ds = datasette_app.Datasette([str(path)], metadata=meta)
        await ds.invoke_startup()
        if url.startswith("fts:"):
            return await ds.get_database(path.stem).fts_table(url[4:])
        response = await ds.client.get(url)
        assert response.status_code == 200, (url, response.text[:300])
        return response.json()

    return asyncio.run(run())


@pytest.mark.parametrize("old", [False, True])
def test_datasette_finds_the_full_text_search(db: Path, old: bool) -> None:
    if old:
        make_old(db)
        assert ask(db, "fts:sentences") is None  # the finding: Datasette reads content='...' as no FTS
        Store(db).close()  # any diplomap command opens the store, which migrates
    assert ask(db, "fts:sentences") == "sentences_fts"
    assert ask(db, "fts:evidence_search") == "sentences_fts_by_date"
    rows = ask(db, "/diplomap/sentences.json?_search=floods&_shape=array")
    assert [r["text"] for r in rows] == ["Borvia sent aid to Castria after the floods."]
    rows = ask(db, "/diplomap/evidence_search.json?_search=accord&_shape=array")
    assert len(rows) == 2 and all("accord" in r["text"] for r in rows)


def test_shipped_metadata_loads_with_titles_facets_and_units(db: Path) -> None:
    yaml = pytest.importorskip("yaml")
    renamed = db.with_name("aze-2025.db")
    db.rename(renamed)
    meta = yaml.safe_load(metadata(renamed))
    tables = meta["databases"]["aze-2025"]["tables"]
    with Store(renamed) as store:
        names = [r[0] for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%'")]
    assert sorted(tables) == sorted(names), "every table has its entry (meta is hidden)"
    assert all(t.get("title") for name, t in tables.items() if name != "meta")

    events = ask(renamed, "/aze-2025/events.json?_shape=objects", meta)
    assert "type" in events["facet_results"] and "modality" in events["facet_results"]
    types = {f["value"]: f["count"] for f in events["facet_results"]["type"]["results"]}
    assert types["CONSULT"] == 1 and types["AGREE"] == 1
    found = ask(renamed, "/aze-2025/evidence_search.json?_search=floods&_shape=array", meta)
    assert len(found) == 1
    assert events["units"] == {"lat": "degrees", "lon": "degrees"}
    assert events["rows"][0]["type"]  # rows come back with the metadata loaded


def test_cli_prints_metadata_for_the_database(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_old(db)
    assert main(["datasette-metadata", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Datasette metadata") and '  "diplomap":' in out
    assert all('content="' in sql for sql in fts_sql(db).values())  # the command brought the FTS up to date
