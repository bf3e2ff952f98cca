"""kill -9 during a multi-file ingest, then the same ingest again: the database is the one a clean run makes
(issue #9, acceptance: the same rows in every table, apart from timestamps and row order)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from diplomap.project import BATCH

from .conftest import table_rows

PARAGRAPHS = [
    "On 3 May 2025, Georgia and Armenia signed a transit agreement in Tbilisi.",
    "On 9 June 2025, President Aliyev met President Erdogan in Ankara.",
    "In July 2025, Kazakhstan and China agreed to expand rail freight through Khorgos.",
    "On 20 October 2025, President Aliyev paid an official visit to Astana.",
    "In November 2025, Azerbaijan, China and Kazakhstan signed an agreement on the Alat port.",
]


def _ingest(db: Path, files: list[Path]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # each "added" line as it happens
    # one process: a batch (BATCH documents) is extracted, then stored; the kill lands before the next is
    return subprocess.Popen([sys.executable, "-m", "diplomap", "ingest", "--db", str(db), "--workers", "1",
                             *map(str, files)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_kill_9_mid_ingest_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    files = []
    for i in range(BATCH + 4):  # more than one batch (#10)
        path = tmp_path / f"news-{i}.md"
        text = "\n\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(3 + i % 3))
        path.write_text(f"# Report {i}\n\n{text}\n", encoding="utf-8")
        files.append(path)

    clean = tmp_path / "clean.db"
    run = _ingest(clean, files)
    assert run.wait(timeout=300) == 0, run.stderr.read() if run.stderr else ""

    crashed = tmp_path / "crashed.db"
    run = _ingest(crashed, files)
    assert run.stdout is not None
    first = run.stdout.readline()  # the first file is in; the second one is being read, extracted or written
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=60)
    assert first.startswith("added") and run.returncode == -signal.SIGKILL
    with sqlite3.connect(crashed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert 1 <= conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] < len(files)

    rerun = _ingest(crashed, files)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert out.count("skipped") >= 1 and "Traceback" not in err
    assert table_rows(crashed) == table_rows(clean)
