#!/usr/bin/env python3
"""Re-gather and check the real-news items of ``manifest.jsonl`` (standard library only).

The item texts are licensed news: they are never committed. Each session they are looked up again with
the search tool (corpus ``pages``), which a script cannot call, so the look-ups are done by hand or by a
helper session and this script does the rest:

    python eval/realnews/regather.py lookups          # the searches to run, and where each text goes
    python eval/realnews/regather.py check            # every text present and identical to the manifest's
    python eval/realnews/regather.py hash             # (when gathering) record sha256 and length of each text
    python eval/realnews/regather.py split --seed N   # (once, before annotation) assign dev/test at random
    python eval/realnews/regather.py --folder eval/realnews/fresh lookups   # another set: its own manifest

An item's text is the search result's excerpt exactly as returned for the manifest's ``query``: the
result whose ``url`` is the manifest's (when a url comes back more than once, the one at ``rank``),
written to ``$DIPLOMAP_REALNEWS/texts/<id>.txt`` (default ``/tmp/diplomap-realnews``).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.jsonl"
# the region kept for blind testing: no gathered item may name it (a US state of the same name is dropped too).
# Its names (countries, capitals, leaders, the region) are kept in base64 so that the evaluation folder names the
# region nowhere in plain text; the guard matches them all the same.
BLIND = re.compile(base64.b64decode(
    "YXplcmJhaWp8YXJtZW5pYXxnZW9yZ2lhfFxiYmFrdVxifHllcmV2YW58dGJpbGlzaXxrYXJhYmFraHxh"
    "bGl5ZXZ8cGFzaGlueWFufHNvdXRoIGNhdWNhc3Vz"
).decode("ascii"), re.I)


def texts_dir() -> Path:
    return Path(os.environ.get("DIPLOMAP_REALNEWS", "/tmp/diplomap-realnews")) / "texts"


def load() -> list[dict[str, object]]:
    return [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]


def save(items: list[dict[str, object]]) -> None:
    MANIFEST.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")


def digest(text: str) -> str:
    """The hash of an item's text, blind to line endings and surrounding white space."""
    return hashlib.sha256(text.replace("\r\n", "\n").strip().encode("utf-8")).hexdigest()


def cmd_lookups(_: argparse.Namespace) -> int:
    by_query: dict[str, list[dict[str, object]]] = {}
    for it in load():
        by_query.setdefault(str(it["query"]), []).append(it)
    for query, items in by_query.items():
        print(f"search pages: {query}")
        for it in items:
            print(f"    rank {it['rank']:>2}  {it['url']}  ->  {texts_dir() / (str(it['id']) + '.txt')}")
    print(f"{len(by_query)} searches for {sum(map(len, by_query.values()))} items")
    return 0


def cmd_check(_: argparse.Namespace) -> int:
    missing, changed, blind = [], [], []
    items = load()
    for it in items:
        path = texts_dir() / f"{it['id']}.txt"
        if not path.is_file():
            missing.append(str(it["id"]))
            continue
        text = path.read_text(encoding="utf-8")
        if it.get("sha256") and digest(text) != it["sha256"]:
            changed.append(str(it["id"]))
        if BLIND.search(text):
            blind.append(str(it["id"]))
    ok = len(items) - len(missing) - len(changed)
    print(f"{ok}/{len(items)} items present and identical in {texts_dir()}")
    for name, ids in (("missing", missing), ("differs from the manifest's hash", changed),
                      ("names the blind region: drop it", blind)):
        if ids:
            print(f"{name}: {' '.join(ids)}")
    return 0 if not (missing or changed or blind) else 1


def cmd_hash(_: argparse.Namespace) -> int:
    items = load()
    for it in items:
        path = texts_dir() / f"{it['id']}.txt"
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            it["sha256"], it["chars"] = digest(text), len(text)
    save(items)
    return cmd_check(_)


def cmd_split(args: argparse.Namespace) -> int:
    items = load()
    if any(it.get("split") for it in items) and not args.force:
        print("splits are already assigned; they are fixed before annotation (use --force only before it)")
        return 1
    ids = sorted(str(it["id"]) for it in items)
    random.Random(args.seed).shuffle(ids)
    n_test = round(len(ids) * args.test_share)
    test = set(ids[:n_test])
    for it in items:
        it["split"] = "test" if it["id"] in test else "dev"
    save(items)
    print(f"{len(items) - n_test} dev, {n_test} test (seed {args.seed})")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=HERE, help="the set's folder, with its manifest.jsonl")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("lookups").set_defaults(func=cmd_lookups)
    sub.add_parser("check").set_defaults(func=cmd_check)
    sub.add_parser("hash").set_defaults(func=cmd_hash)
    sp = sub.add_parser("split")
    sp.add_argument("--seed", type=int, required=True)
    sp.add_argument("--test-share", type=float, default=0.4)
    sp.add_argument("--force", action="store_true")
    sp.set_defaults(func=cmd_split)
    args = ap.parse_args(argv)
    global MANIFEST
    MANIFEST = args.folder / "manifest.jsonl"
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
