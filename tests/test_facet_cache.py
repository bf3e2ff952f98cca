"""The facet index kept on disk (web/facet_cache.py, #10): it loads as the index read from the database, and it
is never used once the database has been written, whoever wrote; a bad file or an unwritable folder only
means reading the database again.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import sqlite3
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from diplomap import cache
from diplomap.store.corrections import record_correction
from diplomap.store.db import Store, generation
from diplomap.store.documents import delete_document, set_title
from diplomap.store.migrations import GENERATION_TABLES, SCHEMA_VERSION
from diplomap.web import facet_cache
from diplomap.web.app import create_app
from diplomap.web.facet_cache import cache_path, open_index
from diplomap.web.facets import FacetIndex
from tests import webdata
from tests.test_web_facets import _doc, _fill, same


def differs(a: FacetIndex, b: FacetIndex) -> bool:
    try:
        same(a, b)
    except AssertionError:
        return True
    return False


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    path = tmp_path / "cache.db"
    with Store(path) as store:
        # (the fifth with a title beyond ASCII)
        _fill(store, 12, 7, lambda n, doc: dataclasses.replace(doc, title="Bakı — Ankara, № 4") if n == 4 else doc)
        yield store, path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the times the index is read from the database (rather than loaded)."""
    calls: list[int] = []
    real = FacetIndex.read.__func__  # type: ignore[attr-defined]

    def counted(cls: type[FacetIndex], cursor: sqlite3.Cursor) -> FacetIndex:
        calls.append(1)
        return real(cls, cursor)  # type: ignore[no-any-return]

    monkeypatch.setattr(FacetIndex, "read", classmethod(counted))
    return calls


def test_the_cache_is_kept_in_the_tests_cache_folder(cache_dir: Path) -> None:
    path = cache_path("some.db")
    assert path is not None and path.parent == cache_dir / "facets"


def test_a_saved_index_loads_equal_to_the_one_read(db: tuple[Store, Path], reads: list[int]) -> None:
    store, path = db
    first = open_index(store.conn, path)
    saved = cache_path(path)
    assert reads == [1] and saved is not None and saved.is_file()
    loaded = open_index(store.conn, path)
    assert reads == [1], "the second time it is loaded"
    same(loaded, first)
    same(loaded, FacetIndex.build(store.conn))
    assert loaded.titles[store.conn.execute("SELECT id FROM documents WHERE title LIKE 'Bak%'").fetchone()[0]] == (
        "Bakı — Ankara, № 4")
    for q in ("rail", "gas border", "nothing"):  # and it answers as the index read does
        assert np.array_equal(loaded.search(store.conn, q), first.search(store.conn, q))


def test_an_empty_database_saves_and_loads(tmp_path: Path, reads: list[int]) -> None:
    with Store(tmp_path / "empty.db") as store:
        first = open_index(store.conn, tmp_path / "empty.db")
        same(open_index(store.conn, tmp_path / "empty.db"), first)
    assert reads == [1]


def test_the_same_file_by_another_path_shares_its_cache(db: tuple[Store, Path], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _, path = db
    link = tmp_path / "link.db"
    link.symlink_to(path)
    monkeypatch.chdir(tmp_path)
    assert cache_path(path) == cache_path("cache.db") == cache_path(link)
    assert cache_path(path) != cache_path(tmp_path / "other.db")


def _insert(store: Store, path: Path) -> None:
    doc, sentences, events = _doc(99, random.Random(99))
    store.add_document(doc, sentences, [], events[:1])


def _correct_status(store: Store, path: Path) -> None:
    record_correction(store, _first_event(store), "status", "rejected", "tester")


def _retitle(store: Store, path: Path) -> None:
    set_title(store, str(store.conn.execute("SELECT MIN(id) FROM documents").fetchone()[0]), "A new title")


def _delete(store: Store, path: Path) -> None:
    delete_document(store, str(store.conn.execute("SELECT MIN(id) FROM documents").fetchone()[0]))


def _by_hand(sql: str) -> Callable[[Store, Path], None]:
    def write(store: Store, path: Path) -> None:  # another program: sqlite3 on the file, no diplomap
        with sqlite3.connect(path) as conn:
            conn.execute(sql, (_first_event(store),))
        conn.close()

    return write


def _first_event(store: Store) -> str:
    return str(store.conn.execute("SELECT MIN(id) FROM events").fetchone()[0])


WRITES = {
    "insert an event": _insert,
    "correct a status": _correct_status,
    "retitle a document": _retitle,
    "delete a document": _delete,
    "sqlite3: change a type": _by_hand("UPDATE events SET type = 'REJECT' WHERE id = ?"),
    "sqlite3: delete an actor": _by_hand("DELETE FROM event_actors WHERE event_id = ? AND role = 'source'"),
    "sqlite3: move evidence": _by_hand("UPDATE evidence SET doc_id = (SELECT MIN(d.id) FROM documents d"
                                       " WHERE d.id != evidence.doc_id) WHERE event_id = ?"),
    "sqlite3: delete an event": _by_hand("DELETE FROM events WHERE id = ?"),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_write_makes_the_saved_index_stale(db: tuple[Store, Path], reads: list[int],
                                             write: Callable[[Store, Path], None]) -> None:
    store, path = db
    before = open_index(store.conn, path)
    write(store, path)
    now = FacetIndex.build(store.conn)
    assert differs(now, before), "the write changes the index"
    reads.clear()
    after = open_index(store.conn, path)
    assert reads == [1], "read again, not loaded"
    same(after, now)
    same(open_index(store.conn, path), now)  # and what was saved then is used next
    assert reads == [1]


def test_a_read_leaves_the_generation_alone_and_a_rolled_back_write_too(db: tuple[Store, Path]) -> None:
    store, _ = db
    at = generation(store.conn)
    FacetIndex.build(store.conn)
    store.conn.execute("SELECT COUNT(*) FROM events").fetchone()
    assert generation(store.conn) == at
    with pytest.raises(ZeroDivisionError), store.conn:
        store.conn.execute("UPDATE events SET type = 'AID'")
        raise ZeroDivisionError
    assert generation(store.conn) == at
    with store.conn:
        store.conn.execute("INSERT INTO meta (key, value) VALUES ('other', 'x')")  # not a table the index reads
    assert generation(store.conn) == at


def test_an_old_database_gets_the_generation_when_opened(db: tuple[Store, Path]) -> None:
    store, path = db
    store.conn.execute("DROP TABLE generation")  # drops its triggers too (they write to it)
    for table in GENERATION_TABLES:
        for op in "iud":
            store.conn.execute(f"DROP TRIGGER IF EXISTS {table}_a{op}_generation")
    store.conn.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    store.conn.commit()
    with Store(path) as again:
        assert again.schema_version == SCHEMA_VERSION
        at = generation(again.conn)
        _insert(again, path)
        assert generation(again.conn) != at
        triggers = {str(r[0]) for r in again.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%generation'")}
    assert len(triggers) == 3 * len(GENERATION_TABLES)


# -- bad files, unwritable folders -----------------------------------------------------------------------


def _truncate(saved: Path) -> None:
    saved.write_bytes(saved.read_bytes()[: saved.stat().st_size // 2])


def _garbage(saved: Path) -> None:
    saved.write_bytes(b"not a zip file at all" * 50)


def _flip(saved: Path) -> None:
    """The last byte of the order's data changed: a valid row still, but the zip's checksum no longer matches."""
    data = bytearray(saved.read_bytes())
    with zipfile.ZipFile(saved) as z:
        info = z.getinfo("order.npy")
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26: info.header_offset + 30])
    data[info.header_offset + 30 + name_length + extra_length + info.compress_size - 1] ^= 1
    saved.write_bytes(bytes(data))


def _rewrite(change: Callable[[dict[str, np.ndarray]], None]) -> Callable[[Path], None]:
    """The file rewritten as a sound zip, its generation kept, with ``change`` made to its arrays."""

    def corrupt(saved: Path) -> None:
        with np.load(saved) as npz:
            arrays = {name: npz[name] for name in npz.files}
        change(arrays)
        with saved.open("wb") as out:
            np.savez(out, **arrays)

    return corrupt


CORRUPT = {
    "truncated": _truncate,
    "not a zip": _garbage,
    "a byte flipped": _flip,
    "an array missing": _rewrite(lambda a: a.pop("order")),
    "a code out of range": _rewrite(lambda a: a.__setitem__("type.codes", a["type.codes"] + 50)),
    "an array too short": _rewrite(lambda a: a.__setitem__("order", a["order"][:-1])),
    "names not JSON": _rewrite(lambda a: a.__setitem__("actors.names", np.frombuffer(b"[\"AAX", np.uint8))),
    "ids not bytes": _rewrite(lambda a: a.__setitem__("ids", a["ids"].astype(str))),
}


@pytest.mark.parametrize("corrupt", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_file_is_read_again_from_the_database(db: tuple[Store, Path], reads: list[int],
                                                        caplog: pytest.LogCaptureFixture,
                                                        corrupt: Callable[[Path], None]) -> None:
    store, path = db
    first = open_index(store.conn, path)
    saved = cache_path(path)
    assert saved is not None
    corrupt(saved)
    with caplog.at_level(logging.WARNING, logger="diplomap.web"):
        again = open_index(store.conn, path)
    assert reads == [1, 1]
    same(again, first)
    assert "unreadable" in caplog.text
    same(open_index(store.conn, path), first)  # saved again, sound
    assert reads == [1, 1]


def test_a_file_of_another_format_is_not_used(db: tuple[Store, Path], reads: list[int],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store, path = db
    open_index(store.conn, path)
    monkeypatch.setattr(facet_cache, "FORMAT", facet_cache.FORMAT + 1)
    open_index(store.conn, path)
    assert reads == [1, 1]


def test_an_unwritable_cache_folder_only_logs(db: tuple[Store, Path], tmp_path: Path, reads: list[int],
                                              monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
                                              ) -> None:
    store, path = db
    blocked = tmp_path / "a-file"  # a folder that cannot be made, whoever runs the tests (root included)
    blocked.write_text("")
    monkeypatch.setenv("DIPLOMAP_CACHE_DIR", str(blocked / "cache"))
    with caplog.at_level(logging.WARNING, logger="diplomap.web"):
        first = open_index(store.conn, path)
        same(open_index(store.conn, path), first)
    assert reads == [1, 1] and "could not be saved" in caplog.text
    same(first, FacetIndex.build(store.conn))


def test_a_failed_write_leaves_no_file_behind(db: tuple[Store, Path], reads: list[int],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store, path = db
    saved = cache_path(path)
    assert saved is not None

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", full)
    open_index(store.conn, path)
    assert not saved.exists() and not list(saved.parent.glob(saved.stem + "*"))


# -- the app ------------------------------------------------------------------------------------------------


def facets(path: Path) -> dict[str, object]:
    with TestClient(create_app(path, token="t", knowledge=webdata.knowledge()), base_url="http://127.0.0.1") as c:
        body = c.get("/api/events?facets=true&limit=2").json()
        assert body["facets"]["actor"], body
        return body  # type: ignore[no-any-return]


def test_a_restarted_app_loads_the_index_and_a_written_one_reads_it(tmp_path: Path, reads: list[int]) -> None:
    path = tmp_path / "web.db"
    webdata.build(path)
    first = facets(path)
    assert reads == [1] and (saved := cache_path(path)) is not None and saved.is_file()
    assert facets(path) == first and reads == [1]
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE events SET status = 'rejected' WHERE id = (SELECT MIN(id) FROM events)")
    conn.close()
    after = facets(path)
    assert reads == [1, 1] and after["total"] == first["total"] - 1  # type: ignore[operator]


def test_the_app_serves_facets_when_the_cache_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                reads: list[int]) -> None:
    path = tmp_path / "web.db"
    webdata.build(path)
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("DIPLOMAP_CACHE_DIR", str(tmp_path / "a-file" / "cache"))
    assert facets(path)["total"] == 5
    assert facets(path)["total"] == 5 and reads == [1, 1]


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DIPLOMAP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "diplomap"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "diplomap"


def test_ingest_refreshes_the_index_a_served_database_keeps(tmp_path: Path) -> None:
    """`diplomap ingest` into a database the app has served reads its facet index again, so the next serve loads
    it at once; a database never served gets no index file."""
    from diplomap.cli import main
    from tests.conftest import EXAMPLES

    served, never = tmp_path / "served.db", tmp_path / "never.db"
    for db in (served, never):
        assert main(["ingest", "--db", str(db), "--workers", "1", str(EXAMPLES / "news-india-pakistan-2025.txt")]) == 0
    with sqlite3.connect(served) as conn:
        open_index(conn, served)  # as the app does when it serves
    conn.close()
    for db in (served, never):
        assert main(["ingest", "--db", str(db), "--workers", "1", str(EXAMPLES / "news-kazakhstan-china-2025.md")]) == 0
    path = cache_path(served)
    assert path is not None
    with sqlite3.connect(served) as conn:
        assert facet_cache.load(path, generation(conn)) is not None  # saved at the database's latest write
    conn.close()
    never_path = cache_path(never)
    assert never_path is not None and not never_path.exists()


def test_the_app_saves_the_index_later_and_a_request_does_not_wait_for_it(db: tuple[Store, Path],
                                                                          reads: list[int]) -> None:
    """Given ``later`` (the app's), open_index hands the save over and returns the index at once: the first
    request with facets after a write no longer waits for the file (#10). Saved then, it loads as read."""
    store, path = db
    saved = cache_path(path)
    assert saved is not None
    waiting: list[Callable[[], object]] = []
    first = open_index(store.conn, path, waiting.append)
    assert reads == [1] and len(waiting) == 1 and not saved.exists(), "nothing written before it runs"
    waiting[0]()
    assert saved.is_file()
    same(open_index(store.conn, path, waiting.append), first)
    assert reads == [1] and len(waiting) == 1, "loaded: nothing to save"


def test_a_closing_app_finishes_its_saves(tmp_path: Path, reads: list[int]) -> None:
    path = tmp_path / "web.db"
    webdata.build(path)
    with TestClient(create_app(path, token="t", knowledge=webdata.knowledge()), base_url="http://127.0.0.1") as c:
        assert c.get("/api/events?facets=true").json()["facets"]["type"]
    saved = cache_path(path)
    assert saved is not None and saved.is_file() and reads == [1]
