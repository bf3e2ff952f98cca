"""The command line through its real entry point: ingest, idempotency, bad input, exports, help (#2)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from diplomap.cli import build_parser, main
from diplomap.store.db import Store

from .conftest import BOOKKEEPING, EXAMPLES, REPO

NEWS = EXAMPLES / "news-kazakhstan-china-2025.md"
REVIEW = EXAMPLES / "review-south-caucasus-central-asia-2025.md"


def dump(db: Path) -> list[tuple[object, ...]]:
    """Every row of every table (bookkeeping apart: conftest.BOOKKEEPING), to compare a database before and after."""
    conn = sqlite3.connect(db)
    rows: list[tuple[object, ...]] = []
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sentences_fts%'"
                                " ORDER BY name"):
        if name not in BOOKKEEPING:
            rows += [(name, *row) for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY 1')]
    conn.close()
    return rows


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "t.db"
    assert main(["ingest", "--db", str(path), str(NEWS), str(REVIEW)]) == 0
    return path


def test_ingesting_again_adds_nothing(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = dump(db)
    assert main(["ingest", "--db", str(db), str(NEWS)]) == 0
    assert "skipped" in capsys.readouterr().out
    assert dump(db) == before
    with Store(db) as store:
        assert store.stats().documents == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.md", None),
        ("empty.txt", b""),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("latin1.txt", "Caf\xe9 diplomacy in Tbilisi".encode("latin-1")),
        ("corrupt.pdf", b"%PDF-1.7\n1 0 obj broken"),
    ],
)
def test_bad_input_one_error_line_nonzero_exit_store_unchanged(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None
) -> None:
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(f"On 3 May 2025, Georgia and Armenia signed a transit agreement in Tbilisi. ({name})",
                    encoding="utf-8")
    before = dump(db)
    assert main(["ingest", "--db", str(db), str(bad), str(good)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0] and err[0].startswith("error: ")
    after = dump(db)
    assert set(before) <= set(after)  # nothing stored was lost
    with Store(db) as store:
        sources = [d.source for d in store.documents()]
    assert str(good) in sources and str(bad) not in sources  # the good file still went in
    # restore for the next case: the module database is shared
    with Store(db) as store, store.conn:
        doc_id = next(d.id for d in store.documents() if d.source == str(good))
        store.replace_extraction(store.document(doc_id), [], [], [])  # type: ignore[arg-type]
        store.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def test_export_jsonl_quotes_are_the_text_at_their_offsets(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "events", "--db", str(db), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records, "the examples yield events"
    with Store(db) as store:
        texts = {d.id: d.text for d in store.documents()}
    for rec in records:
        assert rec["type"] and (rec["source"] or rec["target"]) and rec["evidence"]
        for ev in rec["evidence"]:
            assert texts[ev["doc_id"]][ev["start"]:ev["end"]] == ev["quote"]


def test_events_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(db), "--actor", "CHN"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("CHN" in line for line in lines)
    assert main(["events", "--db", str(db), "--from", "2025-06", "--to", "2025-06"]) == 0
    for line in capsys.readouterr().out.splitlines():
        start, end = line.split()[0].split("..")
        assert start <= "2025-06-30" and end >= "2025-06-01"


def test_entities_lists_linked_states(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", "--db", str(db), "--kind", "state"]) == 0
    out = capsys.readouterr().out
    assert "KAZ" in out and "CHN" in out


def test_commands_on_a_missing_database_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["events", "--db", str(tmp_path / "none.db")])
    assert "diplomap ingest" in str(info.value)


def test_every_command_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, cmd_parser in sub.choices.items():  # type: ignore[union-attr]
        assert cmd_parser.format_help().strip(), name
        assert any(name == c.dest for c in sub._choices_actions), f"{name} has no one-line help"  # type: ignore[union-attr]


def test_cli_reference_is_current() -> None:
    from diplomap.cli import reference

    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == reference(), \
        "regenerate: python -m diplomap.cli_reference > docs/cli.md"


def test_schema_doc_describes_every_table() -> None:
    with Store(":memory:") as store:
        tables = [r[0] for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sentences_fts_%'")]
    doc = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    for table in tables:
        assert f"`{table}`" in doc, table


def test_code_outputs_plans_and_forecasts_but_not_negated_events(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """#12: sentence coding codes planned and expected acts as the peer suites do; 'did not' is no event, and
    `diplomap eval` scores exactly this default output."""
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "plan", "text": "Japanese Prime Minister Shigeru Ishiba is expected to meet Vietnamese leaders in Hanoi "
                               "in May.", "date": "2025-03-01"},
        {"id": "neg", "text": "Chile did not attack Peru.", "date": "2025-03-01"},
    ]) + "\n", encoding="utf-8")
    assert main(["code", str(src)]) == 0
    out = {r["id"]: r["events"] for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert [e["modality"] for e in out["plan"]] == ["expected"], out
    assert out["neg"] == [], out
    assert main(["code", "--all", str(src)]) == 0
    out = {r["id"]: r["events"] for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert [e["modality"] for e in out["neg"]] == ["negated"], out


def test_eval_of_a_split_the_manifest_lacks_names_the_splits_it_has(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "manifest.jsonl").write_text('{"id": "x1", "split": "dev"}\n{"id": "x2", "split": "test"}\n')
    (tmp_path / "gold.jsonl").write_text("")
    assert main(["eval", "--realnews", str(tmp_path), "--split", "fresh9"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'fresh9'" in err[0] and "dev, test" in err[0]


def test_events_lists_news_and_all_adds_the_history_retold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#12: the default listing holds what happened; history a news item retells is stored as background and
    listed with --all."""
    src = tmp_path / "item.txt"
    src.write_text("Japanese and Vietnamese defence ministers met in Hanoi on Friday. The two countries signed a "
                   "maritime security pact on March 3.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    assert main(["ingest", "--db", str(db), "--date", "2025-06-15", str(src)]) == 0
    capsys.readouterr()
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(e["type"], e["start"]) for e in listed] == [("CONSULT", "2025-06-13")], listed
    assert main(["events", "--db", str(db), "--format", "jsonl", "--all"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert ("AGREE", "2025-03-03", "background") in [(e["type"], e["start"], e["modality"]) for e in listed], listed


def test_a_fault_of_ours_on_one_document_loses_none_of_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """An extraction fault on one document of a batch (a bug, not bad input) is one error line for that document;
    the others are stored, the exit is non-zero, and a re-run tries the failed one again."""
    from diplomap.extract.pipeline import Pipeline

    page = Pipeline._page

    def faulty(self: Pipeline, doc: Any) -> Any:
        if "Lesotho" in doc.text:
            raise IndexError("list index out of range")
        return page(self, doc)

    monkeypatch.setattr(Pipeline, "_page", faulty)
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Kenya and Ethiopia signed a trade deal in Nairobi on 3 June 2025.\n", encoding="utf-8")
    bad.write_text("Lesotho and South Africa signed a water deal in Maseru on 3 June 2025.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    assert main(["ingest", "--db", str(db), "--workers", "1", str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.txt" in err and "extraction failed (IndexError" in err, err
    with Store(db) as store:
        assert [d.source.rsplit("/", 1)[-1] for d in store.documents()] == ["good.txt"]
    monkeypatch.setattr(Pipeline, "_page", page)
    assert main(["ingest", "--db", str(db), "--workers", "1", str(good), str(bad)]) == 0
    with Store(db) as store:
        assert sorted(d.source.rsplit("/", 1)[-1] for d in store.documents()) == ["bad.txt", "good.txt"]
