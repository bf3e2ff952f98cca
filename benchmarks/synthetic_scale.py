"""Ingest 1,000 and 10,000 synthetic news items: peak memory must not grow with the corpus (issue #10).

    .venv/bin/python benchmarks/synthetic_scale.py                 # 1,000 and 10,000 items, default workers
    .venv/bin/python benchmarks/synthetic_scale.py 1000 --workers 1

The items come from a few templates of our own over the states of the gazetteer (for scale only: never for
the speed ratio, which benchmarks/throughput.py measures on real text). Each size runs in a process of its
own, so its peak resident memory is its own; the worker processes' peak is reported apart. Items are made
in memory as they are read (an Item per item), so the corpus is never held whole.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TEMPLATES = [
    "{a} and {b} signed an agreement on trade and transport on {day}. The foreign ministers of {a} and {b} said "
    "the deal would double freight within five years.",
    "President of {a} received the ambassador of {b} in {capital} on {day}. They discussed energy cooperation "
    "and regional security.",
    "{a} condemned the missile test carried out by {b} on {day}, calling it a threat to regional stability.",
    "{a} expelled two diplomats of {b} on {day} after accusing them of espionage. {b} promised to respond.",
    "The foreign minister of {a} held talks with his counterpart from {b} in {capital} on {day}. The two sides "
    "agreed to open a new border crossing.",
    "{a} announced sanctions against companies from {b} on {day} over the supply of drones.",
    "{a} sent humanitarian aid to {b} on {day} after floods destroyed thousands of homes.",
    "{a} and {b} held joint military exercises near the border on {day}.",
]


def item_text(i: int, states: list[tuple[str, str]]) -> tuple[str, date]:
    """The text and publication day of item ``i``: three stories, each of a template over two states."""
    rng = random.Random(i)
    published = date(2025, 1, 1) + timedelta(rng.randrange(365))
    stories = []
    for _ in range(3):
        (a, capital), (b, _) = rng.sample(states, 2)
        day = published - timedelta(rng.randrange(3))
        stories.append(rng.choice(TEMPLATES).format(a=a, b=b, capital=capital, day=f"{day:%d %B %Y}"))
    return f"News digest {i}\n\n" + "\n\n".join(stories) + "\n", published


def run(items: int, workers: int | None) -> dict[str, float]:
    """Ingest ``items`` synthetic items into a fresh database in this process."""
    from diplomap.extract.workers import default_workers
    from diplomap.ingest.items import Item
    from diplomap.ingest.reader import read_bytes
    from diplomap.knowledge import Knowledge
    from diplomap.project import Project

    kb = Knowledge.load()
    states = sorted((s.name, s.capital) for s in kb.states.values() if s.capital)
    words = 0

    def item(i: int) -> Item:
        nonlocal words
        text, published = item_text(i, states)
        words += len(text.split())
        source = f"https://news.example/digest/{i}"
        return Item(source, lambda: read_bytes(text.encode(), source, "text"), published=published)

    with tempfile.TemporaryDirectory() as tmp, Project(Path(tmp) / "scale.db") as project:
        t0 = time.perf_counter()
        results = project.ingest((item(i) for i in range(items)), workers=workers or default_workers())
        seconds = time.perf_counter() - t0
        stats = project.store.stats()
    assert all(r.status == "added" for r in results), [r.error for r in results if r.status == "error"][:3]
    return {"items": items, "seconds": seconds, "words": words, "events": stats.events,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "workers_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    ap.add_argument("--workers", type=int, help="worker processes (default: ingest's default)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run(args.sizes[0], args.workers)))
        return
    print(f"{'items':>7} {'seconds':>8} {'items/s':>8} {'words/s':>8} {'events':>8} {'peak RSS':>9} {'workers':>8}")
    for size in args.sizes:
        cmd = [sys.executable, __file__, str(size), "--child"]
        cmd += ["--workers", str(args.workers)] if args.workers else []
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        rate = r["items"] / r["seconds"]
        print(f"{r['items']:>7,} {r['seconds']:>8.1f} {rate:>8.1f} {r['words'] / r['seconds']:>8,.0f} {r['events']:>8,}"
              f" {r['rss_mb']:>6,.0f} MB {r['workers_rss_mb']:>5,.0f} MB")


if __name__ == "__main__":
    main()
