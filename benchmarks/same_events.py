"""The same database before and after a change made for speed: every event, mention and entity (issue #10).

    .venv/bin/python benchmarks/same_events.py [--base REV] [--workers N] [--keep DIR]

Ingests each corpus into a fresh database twice, with the code of ``--base`` (a git revision; default: where
this branch left main) and with the working tree's code, and compares the databases table by table, row by
row: documents, sentences, mentions, entities, events with their actors, evidence quotes, quantities and
places (every column but the time of ingest). Each document is also extracted alone (``Pipeline.extract``,
the path of ``reextract`` and of sentence coding) and its sentences, mentions and events compared field by
field, before the store merges them.

Corpora, each in a database of its own:

- the seed report (../shared/corpus/azerbaijan-foreign-policy-2025.md), when present;
- the shipped examples (examples/news-*, examples/review-*), as ``make demo`` ingests them;
- the real-news items of eval/realnews and eval/realnews/fresh (all splits), each with its manifest's address
  and date, in one database, from $DIPLOMAP_REALNEWS/texts (licensed news: read there, never copied here).

The base's code is ``git archive``-d into a temporary folder and run from there, with this virtual
environment. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "azerbaijan-foreign-policy-2025.md"
SKIP_COLUMNS = {"ingested_at"}  # when it was stored: the only column that differs by design

# Run with the code under comparison first on sys.path: ingest a corpus, then extract each document alone.
RUNNER = """
import json, sys
from datetime import date
from pathlib import Path
import diplomap
from diplomap.ingest.items import file_item, saved_page_item
from diplomap.project import Project, shared_pipeline
spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
print(diplomap.__file__, file=sys.stderr)
items = [saved_page_item(it["path"], it["url"], date.fromisoformat(it["published"]) if it["published"] else None)
         if it["url"] else file_item(it["path"]) for it in spec["items"]]
with Project(spec["db"]) as project:
    results = project.ingest(items, workers=spec["workers"])
bad = [r for r in results if r.status != "added"]
if bad:
    raise SystemExit(f"not added: {bad[:3]}")
pipeline = shared_pipeline(None, ())
with open(spec["alone"], "w", encoding="utf-8") as out:
    for item in items:
        ex = pipeline.extract(item.read())
        for noun in (*ex.sentences, *ex.mentions, *ex.events):
            out.write(repr(noun) + "\\n")
"""


def corpora() -> dict[str, list[dict[str, Any]]]:
    """The items of each corpus: path, and the address and date a manifest gives."""
    out: dict[str, list[dict[str, Any]]] = {}
    if SEED.is_file():
        out["seed"] = [{"path": str(SEED), "url": None, "published": None}]
    out["examples"] = [{"path": str(p), "url": None, "published": None}
                       for p in sorted((REPO / "examples").iterdir())
                       if p.name.startswith(("news-", "review-")) and not p.name.endswith(".in")]
    from diplomap.evaluate import realnews_texts

    texts = realnews_texts()
    items = []
    for manifest in (REPO / "eval" / "realnews" / "manifest.jsonl", REPO / "eval" / "realnews" / "fresh" /
                     "manifest.jsonl"):
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                it = json.loads(line)
                path = texts / f"{it['id']}.txt"
                if path.is_file():
                    items.append({"path": str(path), "url": it.get("url"), "published": it.get("published")})
    if items:
        out["realnews"] = items
    else:
        print(f"no real-news texts in {texts}: compared without them", file=sys.stderr)
    return out


def checkout(rev: str, into: Path) -> Path:
    """The ``src`` folder of revision ``rev``, written under ``into``."""
    archive = into / "src.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(REPO), "archive", rev, "src"], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run(src: Path, items: list[dict[str, Any]], db: Path, alone: Path, workers: int) -> None:
    spec = db.with_suffix(".json")
    spec.write_text(json.dumps({"items": items, "db": str(db), "alone": str(alone), "workers": workers}),
                    encoding="utf-8")
    env = os.environ | {"PYTHONPATH": str(src)}
    proc = subprocess.run([sys.executable, "-c", RUNNER, str(spec)], env=env, capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        raise SystemExit(f"ingest with {src} failed:\n{proc.stderr[-2000:]}")
    used = proc.stderr.splitlines()[0] if proc.stderr else ""
    if not used.startswith(str(src)):
        raise SystemExit(f"expected diplomap from {src}, ran {used}")


def tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (full-text index shadows aside), sorted, without SKIP_COLUMNS."""
    conn = sqlite3.connect(db)
    out: dict[str, list[tuple[Any, ...]]] = {}
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for name in names:
        if name.startswith("sentences_fts"):
            continue
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")') if r[1] not in SKIP_COLUMNS]
        rows = conn.execute(f'SELECT {", ".join(f"{c!r}" for c in columns)} FROM "{name}"').fetchall()
        out[name] = sorted(rows, key=repr)
    conn.close()
    return out


def compare(label: str, before: dict[str, list[tuple[Any, ...]]], after: dict[str, list[tuple[Any, ...]]]) -> bool:
    same = True
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name, []), after.get(name, [])
        if old == new:
            print(f"  {label}: {name:<18} {len(new):>7,} rows identical")
            continue
        same = False
        old_rows, new_rows = set(old), set(new)
        gone, added = [r for r in old if r not in new_rows], [r for r in new if r not in old_rows]
        print(f"  {label}: {name:<18} DIFFERS: {len(old):,} rows before, {len(new):,} after; "
              f"{len(gone)} only before, {len(added)} only after")
        for row in gone[:3]:
            print(f"      - {str(row)[:300]}")
        for row in added[:3]:
            print(f"      + {str(row)[:300]}")
    return same


def compare_lines(label: str, before: Path, after: Path) -> bool:
    old, new = before.read_text(encoding="utf-8").splitlines(), after.read_text(encoding="utf-8").splitlines()
    if old == new:
        print(f"  {label}: each document alone: {len(new):,} sentences, mentions and events identical")
        return True
    first = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    print(f"  {label}: each document alone DIFFERS ({len(old):,} lines before, {len(new):,} after), first at line "
          f"{first + 1}:\n      - {old[first][:300] if first < len(old) else ''}\n"
          f"      + {new[first][:300] if first < len(new) else ''}")
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", help="git revision to compare with (default: git merge-base HEAD main)")
    ap.add_argument("--workers", type=int, default=0, help="ingest's worker processes (default: its own default)")
    ap.add_argument("--keep", type=Path, help="keep the databases in this folder")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from diplomap.extract.workers import default_workers

    base = args.base or subprocess.run(["git", "-C", str(REPO), "merge-base", "HEAD", "main"], capture_output=True,
                                       text=True, check=True).stdout.strip()
    workers = args.workers or default_workers()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        old_src = checkout(base, Path(tmp))
        print(f"base {base[:12]} against the working tree, {workers} worker process(es)")
        same = True
        for name, items in corpora().items():
            for side, src in (("before", old_src), ("after", REPO / "src")):
                db = work / f"{name}-{side}.db"
                db.unlink(missing_ok=True)
                run(src, items, db, work / f"{name}-{side}.alone.txt", workers)
            same &= compare(f"{name} ({len(items)})", tables(work / f"{name}-before.db"),
                            tables(work / f"{name}-after.db"))
            same &= compare_lines(name, work / f"{name}-before.alone.txt", work / f"{name}-after.alone.txt")
    print("identical" if same else "DIFFERENT")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
