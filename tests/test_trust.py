"""Regression tests for the ingest, store and CLI findings of issue #9 (nothing lost, one line per error).

The subprocess matrix of bad inputs is tests/test_bad_inputs.py; the kill -9 test is tests/test_crash.py;
the fuzzing of readers, cleaner and dates is tests/test_properties.py.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from diplomap.cli import main
from diplomap.ingest import identify
from diplomap.model import Document, Event, Evidence, Sentence
from diplomap.project import Project
from diplomap.store.corrections import history, record_correction
from diplomap.store.db import Store
from diplomap.store.documents import save_document
from diplomap.store.errors import StoreError

from .conftest import EXAMPLES

TEXT = ("On 3 May 2025, Georgia and Armenia signed a transit agreement in Tbilisi.\n\n"
        "On 9 June 2025, President Aliyev met President Erdogan in Ankara.\n")


def _sentence_events(doc_id: str) -> tuple[Sentence, list[Event]]:
    quote = "Azerbaijan signed agreements with Georgia and with Türkiye in Baku."
    sent = Sentence(doc_id, 0, 0, len(quote), quote)
    ev = (Evidence(doc_id, 0, 0, len(quote), quote),)
    return sent, [Event("AGREE", ("AZE",), (target,), None, ev, trigger="signed") for target in ("GEO", "TUR", "GEO")]


# -- finding 1: no event lost ------------------------------------------------------------------------


def test_events_sharing_evidence_type_and_trigger_are_all_stored(fresh_store: Store) -> None:
    """Issue #9, finding 1: events with one first evidence, type and trigger got one id; the last replaced
    the others. Each now has its own id, the same on every extraction."""
    sent, events = _sentence_events("d1")
    doc = Document("d1", sent.text, "d1.txt")
    ids = fresh_store.add_document(doc, [sent], [], events)
    assert len(set(ids)) == 3 and fresh_store.stats().events == 3
    again = fresh_store.replace_extraction(doc, [sent], [], events)
    assert again == ids  # stable: corrections keyed on them apply again
    with Store(":memory:") as other:
        assert other.add_document(doc, [sent], [], events) == ids


def test_a_given_event_id_used_twice_is_an_error_not_a_silent_replace(fresh_store: Store) -> None:
    """Issue #9, finding 1: no INSERT OR REPLACE discards an event."""
    sent, events = _sentence_events("d1")
    twins = [Event("AGREE", ("AZE",), ("GEO",), None, e.evidence, id="ev_same") for e in events[:2]]
    with pytest.raises(ValueError, match="share the ids ev_same"):
        fresh_store.add_document(Document("d1", sent.text, "d1.txt"), [sent], [], twins)
    assert fresh_store.stats().events == 0  # and the document's transaction left nothing half-written


def test_the_readme_example_stores_every_event(tmp_path: Path) -> None:
    """Issue #9, finding 1 as reported: `ingest examples/README.md` printed 68 events and stored 64."""
    with Project(tmp_path / "t.db") as project:
        [result] = project.ingest([EXAMPLES / "README.md"])
        stored = project.store.conn.execute("SELECT COUNT(DISTINCT event_id) FROM evidence").fetchone()[0]
    assert result.status == "added" and result.events == stored


# -- finding 8: identity; edits keep ids and corrections ----------------------------------------------


def test_bom_crlf_and_trailing_space_are_the_same_document(tmp_path: Path) -> None:
    """Issue #9, finding 8: the same text with a BOM, CRLF or a trailing newline is skipped, not a new
    source; the same text at another path is another document and an independent source."""
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    with Project(tmp_path / "t.db") as project:
        assert [r.status for r in project.ingest([path])] == ["added"]
        for variant in ("\ufeff" + TEXT, TEXT.replace("\n", "\r\n"), TEXT + "\n\n  \n"):
            path.write_bytes(variant.encode("utf-8"))
            assert [r.status for r in project.ingest([path])] == ["skipped"]
        copy = tmp_path / "copy.txt"
        copy.write_text(TEXT, encoding="utf-8")
        assert [r.status for r in project.ingest([copy])] == ["added"]
        counts = {row[0] for row in project.store.conn.execute("SELECT source_count FROM events")}
        assert project.store.stats().documents == 2 and counts == {2}


def test_a_changed_file_is_re_extracted_in_place_keeping_ids_and_corrections(tmp_path: Path) -> None:
    """Issue #9, finding 8: the same path with new text: the same document, its events keep their ids
    (even after a paragraph was added before them) and the corrections made to them."""
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    with Project(tmp_path / "t.db") as project:
        [first] = project.ingest([path], published=date(2025, 6, 10))
        before = {e.id: e for e in project.events()}
        eid = next(e.id for e in before.values() if e.type == "CONSULT")
        record_correction(project.store, eid, "location", "Ankara | TUR", "tester")
        path.write_text("On 1 June 2025, Azerbaijan and Kazakhstan signed a memorandum in Astana.\n\n" + TEXT,
                        encoding="utf-8")
        [second] = project.ingest([path])
        after = {e.id: e for e in project.events()}
        assert second.status == "updated" and second.doc_id == first.doc_id
        assert project.store.stats().documents == 1
        assert set(before) < set(after)  # the old events kept their ids; the new one was added
        assert project.store.event_status(eid) == "edited" and len(history(project.store, eid)) == 1
        assert project.store.document(first.doc_id).published == date(2025, 6, 10)  # type: ignore[union-attr]


# -- finding 7: two processes, one file --------------------------------------------------------------


def test_a_document_stored_meanwhile_by_another_process_is_skipped(tmp_path: Path) -> None:
    """Issue #9, finding 7: the loser of two concurrent ingests of one file got IntegrityError and gave up
    its other files; it now finds the winner's document under the write lock and reports it stored."""
    db = tmp_path / "t.db"
    doc = Document(identify(tmp_path / "a.txt", TEXT).doc_id, TEXT, str(tmp_path / "a.txt"), raw=TEXT)
    identity = identify(doc.source, doc.raw)
    sent = Sentence(doc.id, 0, 0, 10, TEXT[:10])
    with Store(db) as one, Store(db) as two:
        assert save_document(one, doc, identity, [sent], [], []).outcome == "added"
        assert save_document(two, doc, identity, [sent], [], []).outcome == "skipped"
        assert one.stats().documents == 1


def test_an_ingest_that_loses_the_race_reports_skipped_and_goes_on(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue #9, finding 7, through Project: the check before extraction saw nothing (the other process had
    not written yet), the write finds the document; the file is reported skipped and the next one goes in."""
    import diplomap.project

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(TEXT.replace("Tbilisi", "Batumi"), encoding="utf-8")
    with Project(tmp_path / "t.db") as other:
        assert [r.status for r in other.ingest([first])] == ["added"]
    monkeypatch.setattr(diplomap.project, "stored_version", lambda store, identity: None)  # a stale look
    with Project(tmp_path / "t.db") as project:
        results = project.ingest([first, second])
        assert [r.status for r in results] == ["skipped", "added"]
        assert project.store.stats().documents == 2


# -- finding 3: long paragraphs ----------------------------------------------------------------------


def test_a_paragraph_longer_than_spacy_takes_is_parsed_in_pieces(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue #9, finding 3: a paragraph over nlp.max_length crashed with spaCy's E088 (here the limit is
    lowered to 2,000 characters so the test stays small; the pieces are cut at sentence ends)."""
    from diplomap.extract.paragraphs import bounded as _bounded

    sentence = "On 3 May 2025, Georgia and Armenia signed a transit agreement in Tbilisi. "
    text = sentence * 100  # one paragraph of 7,400 characters
    pieces = _bounded([(0, len(text))], text, 2000)
    assert len(pieces) == 4 and all(e - s <= 2000 for s, e in pieces) and pieces[-1][1] == len(text)
    assert all(text[e - 2:e] == ". " for _, e in pieces[:-1])
    limit = pipeline.nlp.max_length
    pipeline.nlp.max_length = 2000
    try:
        extraction = pipeline.extract(Document("long", text, "long.txt", published=date(2025, 6, 1)))
    finally:
        pipeline.nlp.max_length = limit
    assert len(extraction.sentences) == 100 and extraction.events
    assert all(text[s.start:s.end] == s.text for s in extraction.sentences)


# -- finding 10: a bad --db, a missing --gazetteer ---------------------------------------------------


@pytest.mark.parametrize("case", ["folder", "missing folder", "text file", "foreign sqlite", "truncated"])
@pytest.mark.parametrize("command", [["ingest", "{good}"], ["events"], ["stats"], ["serve", "--port", "0"],
                                     ["documents", "list"], ["entities"], ["reextract"], ["export", "events"],
                                     ["review", "--country", "AZE", "--year", "2025", "--out", "{out}"]])
def test_a_bad_db_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str,
                                    command: list[str]) -> None:
    """Issue #9, finding 10: --db that is a folder, in a missing folder or not a diplomap database gave a
    raw sqlite3 traceback; now one line naming it and the fix, exit 1, and the file untouched."""
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    db = {"folder": tmp_path, "missing folder": tmp_path / "no" / "such" / "t.db",
          "text file": tmp_path / "notes.db", "foreign sqlite": tmp_path / "other.db",
          "truncated": tmp_path / "cut.db"}[case]
    if case == "text file":
        db.write_text("not a database, just notes\n" * 10, encoding="utf-8")
    elif case == "foreign sqlite":
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    elif case == "truncated":
        with Store(tmp_path / "full.db"):
            pass
        db.write_bytes((tmp_path / "full.db").read_bytes()[:200])
    before = db.read_bytes() if db.is_file() else None
    argv = [part.format(good=good, out=tmp_path / "review") for part in command]
    assert main([argv[0], "--db", str(db), *argv[1:]]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: {db}") and "; " in err[0], err
    assert (db.read_bytes() if db.is_file() else None) == before


def test_a_missing_gazetteer_is_an_error_even_when_nothing_is_new(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Issue #9, finding 10: a missing --gazetteer file passed silently when every file was stored."""
    good, db = tmp_path / "good.txt", tmp_path / "t.db"
    good.write_text(TEXT, encoding="utf-8")
    assert main(["ingest", "--db", str(db), str(good)]) == 0
    capsys.readouterr()
    assert main(["ingest", "--db", str(db), "--gazetteer", str(tmp_path / "nope.csv"), str(good)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.csv" in err[0] and "no such gazetteer" in err[0]


# -- finding 11: README and friends ------------------------------------------------------------------


def test_a_readme_given_by_name_is_ingested_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue #9, finding 11: `ingest examples/*` took examples/README.md for a document, silently."""
    from diplomap.ingest import project_file

    assert all(project_file(n) for n in ("README.md", "LICENSE", "CHANGELOG.md", "readme.txt", "CONTRIBUTING.md"))
    assert not any(project_file(n) for n in ("news-readmission.md", "licensing-deal.txt", "report.md"))
    readme = tmp_path / "README.md"
    readme.write_text(TEXT, encoding="utf-8")
    assert main(["ingest", "--db", str(tmp_path / "t.db"), str(readme)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("added")
    [warning] = captured.err.strip().splitlines()
    assert warning.startswith(f"warning: {readme}: looks like") and "diplomap documents delete" in warning


# -- finding 16: diplomap documents ------------------------------------------------------------------


def test_documents_list_show_set_and_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue #9, finding 16: a wrong --date could not be fixed after ingest and nothing could be deleted."""
    db = tmp_path / "t.db"
    news, other = tmp_path / "news.txt", tmp_path / "other.txt"
    news.write_text("Yesterday, President Aliyev met President Erdogan in Ankara.\n", encoding="utf-8")
    other.write_text(TEXT.split("\n")[0], encoding="utf-8")  # not that meeting: it would merge with it
    assert main(["ingest", "--db", str(db), "--date", "2020-01-02", str(news)]) == 0
    assert main(["ingest", "--db", str(db), str(other)]) == 0
    with Store(db) as store:
        doc_id = next(d.id for d in store.documents() if d.source == str(news))
        [event] = [e for e in store.events() if e.evidence[0].doc_id == doc_id]
        assert event.date is not None and event.date.start == date(2020, 1, 1)  # "yesterday", from the date given
        record_correction(store, event.id, "status", "confirmed", "tester")
    capsys.readouterr()

    assert main(["documents", "list", "--db", str(db)]) == 0
    listing = capsys.readouterr().out.splitlines()
    [line] = [line for line in listing if line.startswith(doc_id[:12])]
    assert len(listing) == 2 and "2020-01-02" in line and line.endswith(f"({news})")
    assert main(["documents", "--db", str(db), "show", doc_id[:8]]) == 0
    shown = capsys.readouterr().out
    assert f"id         {doc_id}" in shown and event.id in shown

    assert main(["documents", "set", doc_id[:12], "--date", "2025-06-10", "--title", "Aliyev in Ankara",
                 "--db", str(db)]) == 0
    with Store(db) as store:
        doc = store.document(doc_id)
        assert doc is not None and doc.title == "Aliyev in Ankara" and doc.published == date(2025, 6, 10)
        redated = store.event(event.id)  # the same event, dated again from the new publication date
        assert redated is not None and redated.date is not None and redated.date.start == date(2025, 6, 9)
        assert store.event_status(event.id) == "confirmed"  # its correction was applied again

    assert main(["documents", "delete", doc_id[:12], "--db", str(db)]) == 0
    assert "deleted" in capsys.readouterr().out
    with Store(db) as store:
        assert [d.source for d in store.documents()] == [str(other)]
        assert store.event(event.id) is None
        assert store.conn.execute("SELECT COUNT(*) FROM evidence WHERE doc_id = ?", (doc_id,)).fetchone()[0] == 0
        assert store.conn.execute("SELECT COUNT(*) FROM sentences WHERE doc_id = ?", (doc_id,)).fetchone()[0] == 0
        assert len(history(store, event.id)) == 1  # corrections stay in the history
    assert main(["documents", "show", "ffffffff", "--db", str(db)]) == 1
    assert "no document ffffffff" in capsys.readouterr().err


# -- the migration -----------------------------------------------------------------------------------


def test_a_version_4_database_gains_identity_and_keeps_its_corrections(tmp_path: Path) -> None:
    """Issue #9: migration 7 fills source_key and content_hash and re-keys event ids (offsets -> sentence text)
    everywhere they are used, corrections included."""
    from diplomap.store import migrations

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    schema = resources.files("diplomap.store").joinpath("schema.sql").read_text(encoding="utf-8")
    for version in (1, 2, 3, 4):
        with conn:
            migrations.MIGRATIONS[version](conn, schema)
    quote = "Azerbaijan signed an agreement with Georgia."
    raw = "\ufeff" + quote + "\r\n"
    doc_id = hashlib.sha256(raw.encode()).hexdigest()
    old_id = "ev_" + hashlib.sha1(f"{doc_id}:0:{len(quote)}:AGREE:signed".encode()).hexdigest()[:16]
    with conn:
        conn.execute("INSERT INTO meta VALUES ('schema_version', '4')")
        conn.execute("INSERT INTO documents (id, source, fmt, text, raw, ingested_at) VALUES (?, ?, 'text', ?, ?, "
                     "'2025-01-01')", (doc_id, str(tmp_path / "a.txt"), quote, raw))
        conn.execute("INSERT INTO sentences (doc_id, idx, start, \"end\", text) VALUES (?, 0, 0, ?, ?)",
                     (doc_id, len(quote), quote))
        conn.execute("INSERT INTO events (id, type, modality, trigger, status) VALUES (?, 'COOPERATE', 'happened',"
                     " 'signed', 'edited')", (old_id,))
        conn.executemany("INSERT INTO event_actors VALUES (?, ?, ?, 0)", [(old_id, "AZE", "source"),
                                                                          (old_id, "GEO", "target")])
        conn.execute("INSERT INTO evidence (event_id, doc_id, sentence, start, \"end\", quote)"
                     " VALUES (?, ?, 0, 0, ?, ?)", (old_id, doc_id, len(quote), quote))
        conn.execute("INSERT INTO corrections (event_id, field, old_value, new_value, author, created_at) VALUES"
                     " (?, 'type', 'AGREE', 'COOPERATE', 'tester', '2025-01-02')", (old_id,))
    conn.close()

    with Store(db) as store:
        assert store.schema_version == migrations.SCHEMA_VERSION >= 7  # and on, through the later migrations
        row = store.conn.execute("SELECT source_key, content_hash FROM documents").fetchone()
        assert tuple(row) == (str(tmp_path / "a.txt"), identify("x", quote).content_hash)
        [event] = store.events()
        assert event.id != old_id and event.type == "COOPERATE" and event.actors == ("AZE", "GEO")
        assert [c.event_id for c in history(store, event.id)] == [event.id]
        assert store.conn.execute("SELECT event_id FROM evidence_search").fetchone()[0] == event.id
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # and the new id is the one extraction gives the event now (so a re-extraction finds its correction)
    from diplomap.store.ids import event_key

    assert event.id == event_key(doc_id, quote, 0, "AGREE", "signed")


def test_store_errors_name_the_file() -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store(Path(__file__).parent)
