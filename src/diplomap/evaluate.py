"""``diplomap eval``: run the shared scorers on the seed report and the peer suites.

The scorers live in ../shared/eval and are called as they are, never copied.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from diplomap.ingest.items import Item, file_item, saved_page_item
from diplomap.store.db import EventQuery, Store

SEED = "corpus/azerbaijan-foreign-policy-2025.md"
SHARED_ENV = "DIPLOMAP_SHARED"


class EvalError(Exception):
    pass


@dataclass(frozen=True)
class EvalResult:
    headline: str
    summary: dict[str, object]
    entity_found: int
    entity_total: int
    missed_entities: list[str]

    @property
    def entity_recall(self) -> float:
        return self.entity_found / self.entity_total if self.entity_total else 0.0

    @property
    def f1(self) -> float:
        strict = self.summary.get("strict")
        return float(strict["f1"]) if isinstance(strict, dict) else 0.0


def find_shared(explicit: str | None = None) -> Path:
    beside_repo = str(Path(__file__).resolve().parents[3] / "shared")
    candidates = [explicit, os.environ.get(SHARED_ENV), "../shared", beside_repo]
    for c in candidates:
        if c and (Path(c) / "eval" / "score.py").is_file():
            return Path(c).resolve()
    raise EvalError("no shared evaluation data found (looked for ../shared/eval/score.py); "
                    f"pass --shared PATH or set {SHARED_ENV}")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return "".join(ch for ch in text if ch.isalnum())


def entity_recall(store: Store, gold_path: Path) -> tuple[int, int, list[str]]:
    """An entity counts when some mention of one of its forms is linked to its id.

    States are matched by ISO code; other gold ids are mapped to our ids by name: a stored entity
    whose name or alias equals the gold entity's name or one of its forms.
    """
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    names: dict[str, set[str]] = {}
    for row in store.conn.execute("SELECT id, name FROM entities"):
        names.setdefault(_norm(row[1]), set()).add(row[0])
    for row in store.conn.execute("SELECT entity_id, alias FROM aliases"):
        names.setdefault(_norm(row[1]), set()).add(row[0])
    mentioned: dict[str, set[str]] = {}
    for m in store.mentions():
        mentioned.setdefault(m.entity_id, set()).add(_norm(m.text))
    found, missed = 0, []
    for g in gold:
        forms = {_norm(f) for f in g.get("forms") or []}
        if g["kind"] == "state":
            ids = {g["id"]}
        else:
            ids = set()
            for key in {_norm(g["name"]), *forms}:
                ids |= names.get(key, set())
        ok = any(
            ent in mentioned and (not forms or mentioned[ent] & forms or _norm(g["name"]) in mentioned[ent])
            for ent in ids
        )
        if ok:
            found += 1
        else:
            missed.append(g["id"])
    return found, len(gold), missed


@dataclass(frozen=True)
class PeerResult:
    name: str
    headline: str
    summary: dict[str, object]


PEER_SUITES = {
    # name: (gold under peer-suites/, scorer under eval/, extra actor dictionary or None)
    "plover": ("plover-gsr-cameo.jsonl", "score_peer_plover.py", None),
    "petrarch": ("petrarch-unittest.jsonl", "score_peer_petrarch.py", "petrarch-unittest.actors.txt"),
}


def run_peer(name: str, shared: str | None = None, show: bool = False) -> PeerResult:
    """Code a peer suite's sentences with ``code_records`` and score them with its shared scorer.

    The suite is coded exactly as ``diplomap code`` codes it by default (``CODED_MODALITIES``).
    """
    from diplomap.extract.records import code_records
    from diplomap.project import shared_pipeline

    root = find_shared(shared)
    gold_name, scorer, actors = PEER_SUITES[name]
    gold = root / "peer-suites" / gold_name
    pipeline = shared_pipeline(None, (str(root / "peer-suites" / actors),) if actors else ())
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "coded.jsonl"
        with pred.open("w", encoding="utf-8") as out:
            for coded in code_records(pipeline, records):
                out.write(json.dumps(coded) + "\n")
        cmd = [sys.executable, str(root / "eval" / scorer), "--gold", str(gold), "--pred", str(pred)]
        proc = subprocess.run(cmd + (["--show"] if show else []), capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise EvalError(f"{scorer} failed: {proc.stderr.strip()[-300:]}")
    lines = proc.stdout.strip().splitlines()
    if show:
        print("\n".join(lines[:-2]))
    return PeerResult(name, lines[-1], json.loads(lines[-2]))


def run_seed(shared: str | None = None, show: bool = False) -> EvalResult:
    from diplomap.export.jsonl import write_jsonl
    from diplomap.project import Project

    root = find_shared(shared)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "eval.db"
        with Project(db) as project:
            results = project.ingest([root / SEED])
            if results[0].status == "error":
                raise EvalError(results[0].error)
            pred = Path(tmp) / "events.jsonl"
            with pred.open("w", encoding="utf-8") as out:
                write_jsonl(project.events(EventQuery()), out)
            found, total, missed = entity_recall(project.store, root / "eval" / "seed-gold-entities.jsonl")
        cmd = [sys.executable, str(root / "eval" / "score.py"), "--gold", str(root / "eval" / "seed-gold-events.jsonl"),
               "--pred", str(pred)] + (["--show"] if show else [])
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            why = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"
            raise EvalError(f"score.py failed: {why}")
        lines = proc.stdout.strip().splitlines()
        if show:
            print("\n".join(lines[:-2]))
        summary = json.loads(lines[-2])
        return EvalResult(lines[-1], summary, found, total, missed)


REALNEWS_ENV = "DIPLOMAP_REALNEWS"


@dataclass(frozen=True)
class RealNewsResult:
    split: str
    items: int
    headline: str
    summary: dict[str, object]


def realnews_texts() -> Path:
    """Where the re-gathered item texts are (never in the repo: they are licensed news)."""
    return Path(os.environ.get(REALNEWS_ENV, "/tmp/diplomap-realnews")) / "texts"


def run_realnews(folder: str | Path, split: str = "dev", shared: str | None = None, show: bool = False,
                 keep: str | Path | None = None) -> RealNewsResult:
    """Ingest the real-news items of one split into a fresh database, each with its manifest's date, and score
    the default listing against ``gold.jsonl`` with the shared ``score.py``.

    ``folder`` holds ``manifest.jsonl`` and ``gold.jsonl`` (eval/realnews in the repo); the texts are read from
    ``$DIPLOMAP_REALNEWS/texts`` (see eval/realnews/regather.py).
    """
    from diplomap.export.jsonl import event_record
    from diplomap.project import Project

    root, texts = Path(folder), realnews_texts()
    manifest = [json.loads(line) for line in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    items = [it for it in manifest if split == "all" or it.get("split") == split]
    if not items:
        named = sorted({str(it.get("split")) for it in manifest if it.get("split")})
        raise EvalError(f"no items of split {split!r} in {root / 'manifest.jsonl'}: its splits are "
                        f"{', '.join(named) or 'none'} (or all)")
    missing = [str(it["id"]) for it in items if not (texts / f"{it['id']}.txt").is_file()]
    if missing:
        raise EvalError(f"{len(missing)} item texts missing in {texts} (e.g. {missing[0]}); re-gather them: "
                        "python eval/realnews/regather.py lookups")
    # (the split and the texts first, what the user gave; then the shared scorer, needed only to score)
    scorer = find_shared(shared) / "eval" / "score.py"
    wanted = {str(it["id"]) for it in items}
    gold = [line for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip() and json.loads(line).get("doc") in wanted]
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred = Path(tmp) / "gold.jsonl", Path(keep) if keep else Path(tmp) / "pred.jsonl"
        gold_path.write_text("\n".join(gold) + "\n", encoding="utf-8")
        with Project(Path(tmp) / "realnews.db") as project, pred.open("w", encoding="utf-8") as out:
            for it in items:
                published = date.fromisoformat(str(it["published"])) if it.get("published") else None
                result = project.ingest([_item(texts / f"{it['id']}.txt", it.get("url"), published)])[0]
                if result.status == "error":
                    raise EvalError(f"{it['id']}: {result.error}")
                for event in project.events(EventQuery(doc_id=result.doc_id)):
                    out.write(json.dumps(event_record(event) | {"doc": it["id"]}, ensure_ascii=False) + "\n")
        cmd = [sys.executable, str(scorer), "--gold", str(gold_path), "--pred", str(pred)] + (
            ["--show"] if show else [])
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise EvalError(f"score.py failed: {proc.stderr.strip()[-300:]}")
    lines = proc.stdout.strip().splitlines()
    if show:
        print("\n".join(lines[:-2]))
    return RealNewsResult(split, len(items), lines[-1], json.loads(lines[-2]))


def _item(path: Path, url: object, published: date | None) -> Item:
    """An item saved from a page: known by its manifest url (as a user's manifest gives it with a path)."""
    return saved_page_item(path, str(url), published) if url else file_item(path, published=published)
