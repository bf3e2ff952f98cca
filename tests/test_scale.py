"""News at scale (#10): documents extracted in batches, in worker processes or on Dask, give the same
database as one by one in one process; ingest's progress and closing summary."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplomap.cli import main
from diplomap.ingest.reader import read_file
from diplomap.project import Project

from .conftest import EXAMPLES, table_rows

FILES = sorted(p for p in EXAMPLES.iterdir() if p.name.startswith(("news-", "review-")) and not p.name.endswith(".in"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The examples and variations of them (each a new source, some a new text): enough for several batches."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = []
    for i, path in enumerate(FILES):
        paths.append(Path(shutil.copy(path, folder / path.name)))
        if path.suffix in (".md", ".txt"):
            text = path.read_text(encoding="utf-8")
            for n in range(2):
                copy = folder / f"{path.stem}-{n}{path.suffix}"
                copy.write_text(text if n == 0 else text + f"\n\nUpdated on day {i}.\n", encoding="utf-8")
                paths.append(copy)
    return paths


def test_extract_many_gives_what_extract_gives_one_by_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    docs = [read_file(path) for path in FILES]
    assert pipeline.extract_many(docs, batch_size=7) == [pipeline.extract(doc) for doc in docs]


@pytest.fixture(scope="module")
def one_by_one(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    db = tmp_path_factory.mktemp("one") / "t.db"
    with Project(db) as project:
        for path in corpus:
            project.ingest([path], batch=1)
        project.ingest([corpus[0], corpus[1]])  # skipped: already stored
    return table_rows(db)


def test_batches_give_the_same_database(corpus: list[Path], one_by_one: dict[str, list[tuple[object, ...]]],
                                        tmp_path: Path) -> None:
    with Project(tmp_path / "t.db") as project:
        results = project.ingest([*corpus, corpus[0], corpus[1]], batch=3)
    assert [r.source for r in results] == [str(p) for p in [*corpus, corpus[0], corpus[1]]]  # in input order
    assert [r.status for r in results] == ["added"] * len(corpus) + ["skipped", "skipped"]
    assert table_rows(tmp_path / "t.db") == one_by_one


def test_a_re_run_of_a_stored_corpus_loads_no_model(corpus: list[Path], tmp_path: Path) -> None:
    from diplomap.project import shared_pipeline

    with Project(tmp_path / "t.db") as project:
        project.ingest(corpus[:2])
    asked = shared_pipeline.cache_info()
    with Project(tmp_path / "t.db") as project:
        results = project.ingest(corpus[:2], workers=2)
    assert [r.status for r in results] == ["skipped", "skipped"]
    after = shared_pipeline.cache_info()
    assert (after.hits, after.misses) == (asked.hits, asked.misses)  # nothing to extract: no pipeline asked for


def test_two_worker_processes_give_the_same_database(corpus: list[Path],
                                                     one_by_one: dict[str, list[tuple[object, ...]]],
                                                     tmp_path: Path) -> None:
    with Project(tmp_path / "t.db") as project:
        results = project.ingest([*corpus, corpus[0], corpus[1]], workers=2, batch=2)
    assert [r.status for r in results] == ["added"] * len(corpus) + ["skipped", "skipped"]
    assert table_rows(tmp_path / "t.db") == one_by_one


@pytest.fixture(scope="module")
def dask_address() -> Iterator[str]:
    distributed = pytest.importorskip("dask.distributed")
    # threads in this process: the same path as a real cluster's (scatter, submit, results in order), faster to start
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cl:
        yield cl.scheduler_address


def test_a_dask_cluster_gives_the_same_database(corpus: list[Path], one_by_one: dict[str, list[tuple[object, ...]]],
                                                dask_address: str, tmp_path: Path) -> None:
    with Project(tmp_path / "t.db") as project:
        results = project.ingest([*corpus, corpus[0], corpus[1]], dask=dask_address, batch=2)
    assert [r.status for r in results] == ["added"] * len(corpus) + ["skipped", "skipped"]
    assert table_rows(tmp_path / "t.db") == one_by_one


def test_the_same_source_twice_in_one_batch_is_stored_once(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    shutil.copy(FILES[0] if FILES[0].suffix == ".md" else EXAMPLES / "news-kazakhstan-china-2025.md", path)
    with Project(tmp_path / "t.db") as project:
        results = project.ingest([path, path, path], batch=16)
        assert [r.status for r in results] == ["added", "skipped", "skipped"]
        assert project.store.stats().documents == 1


def test_ingest_ends_with_a_summary_and_no_progress_bar_off_a_terminal(corpus: list[Path], tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.db")
    assert main(["ingest", "--db", db, "--workers", "1", str(corpus[0]), str(corpus[1])]) == 0
    assert main(["ingest", "--db", db, str(corpus[0]), str(corpus[2]), str(tmp_path / "missing.md")]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[2].startswith("2 added, 0 updated, 0 skipped (already stored), 0 failed")
    assert lines[-1] == "1 added, 0 updated, 1 skipped (already stored), 1 failed"
    assert err.splitlines() == [f"error: {tmp_path / 'missing.md'}: no such file; check the path"]  # no bar


def test_workers_must_be_a_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--workers", "0", "a.md"])
    assert "not a number of processes" in capsys.readouterr().err


def test_dask_missing_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)
    assert main(["ingest", "--db", str(tmp_path / "t.db"), "--dask", "tcp://127.0.0.1:1", str(FILES[0])]) == 2
    assert "pip install 'diplomap[scale]'" in capsys.readouterr().err


def test_no_scheduler_at_the_address_says_how_to_start_one(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("dask.distributed")
    assert main(["ingest", "--db", str(tmp_path / "t.db"), "--dask", "tcp://127.0.0.1:9", str(FILES[0])]) == 2
    assert "no Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
