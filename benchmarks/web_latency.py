"""Latency of the web app's list and event pages on a database of 100k synthetic events (issue #5).

    .venv/bin/python benchmarks/web_latency.py [--events 100000] [--requests 2000] [--concurrency 8]

Builds the database once (cached in the temp directory, reused while it has enough events), starts
the app with uvicorn in a child process on a free loopback port, sends a bounded burst of GET requests
(half list pages with varied filters, search and next-page cursors, half event pages) and prints p50/p95
latency and the error count. Target: p95 < 100 ms, 0 errors. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import httpx

from diplomap.model import DateSpan, Document, Event, Evidence, Modality, Place, Precision, Sentence
from diplomap.plover import event_types
from diplomap.store.db import Store

CODES = [f"{a}{b}X" for a in "ABCDEFGH" for b in "ABCDEFG"]  # 56 fictional actors
WORDS = ("rail", "gas", "border", "trade", "water", "grain", "port", "energy", "transit", "visa", "loan", "bridge")
PLACES = [(f"City{i}", 35 + i % 15, 40 + (i * 7) % 30) for i in range(40)]
PER_DOC = 50
START = date(2022, 1, 1)


def build(path: Path, n_events: int, seed: int = 5) -> int:
    rng = random.Random(seed)
    types = event_types()
    with Store(path) as store:
        def count() -> int:  # every modality; merged events count once
            return int(store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])

        have = count()
        doc_no = store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        while have < n_events:
            lines, specs = [], []
            for i in range(PER_DOC):
                a, b = rng.sample(CODES, 2)
                word = rng.choice(WORDS)
                lines.append(f"Report {doc_no}.{i}: {a} and {b} agreed on {word} matters near the {rng.choice(WORDS)} "
                             f"line, officials said.")
                specs.append((a, b, rng.choice(types), START + timedelta(days=rng.randrange(3 * 365)), rng.random()))
            text = " ".join(lines)
            doc = Document(id=hashlib.sha256(f"bench-{doc_no}".encode()).hexdigest(), text=text,
                           source=f"bench/{doc_no}.txt", title=f"Bench report {doc_no}", raw=text)
            sentences, events, pos = [], [], 0
            for i, (line, (a, b, etype, day, r)) in enumerate(zip(lines, specs, strict=True)):
                sentences.append(Sentence(doc.id, i, pos, pos + len(line), line))
                phrase_at = pos + line.index(f"{a} and")
                phrase = text[phrase_at : phrase_at + len(f"{a} and {b} agreed")]
                place = PLACES[int(r * 1000) % len(PLACES)] if r < 0.3 else None
                events.append(Event(
                    type=etype, source=(a,), target=(b,), trigger="agreed",
                    date=None if r > 0.97 else DateSpan(day, day, Precision.DAY, day.isoformat()),
                    modality=Modality.PLANNED if r > 0.9 else Modality.HAPPENED,
                    location=Place(place[0], "", place[1], place[2]) if place else None,
                    evidence=(Evidence(doc.id, i, phrase_at, phrase_at + len(phrase), phrase),),
                ))
                pos += len(line) + 1
            store.add_document(doc, sentences, [], events)
            doc_no += 1
            have = count()
            if doc_no % 200 == 0:
                print(f"  built {have} events", file=sys.stderr)
        return have


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(path: Path, probe: str = "/static/favicon.svg", timeout: float = 60) -> Iterator[str]:
    """Start the app on the database under uvicorn on a free loopback port; yield its base URL once ``probe``
    answers; stop it after (benchmarks/query_latency.py uses it too)."""
    port = free_port()
    code = (
        "import uvicorn; from diplomap.web.app import create_app; "
        f"uvicorn.run(create_app({str(path)!r}, token='bench'), host='127.0.0.1', port={port}, log_level='warning')"
    )
    server = subprocess.Popen([sys.executable, "-c", code])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(base + probe, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the app did not start")
            time.sleep(0.02)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def urls(rng: random.Random, event_ids: list[str], cursors: list[str], n: int) -> list[tuple[str, str]]:
    """(kind, path) pairs: half list views (first pages with filters, searches, next pages), half event pages."""
    out = []
    for _ in range(n):
        if rng.random() < 0.5:
            out.append(("event", f"/events/{rng.choice(event_ids)}"))
            continue
        pick = rng.random()
        if pick < 0.2:
            path = "/events"
        elif pick < 0.4:
            path = f"/events?actor={rng.choice(CODES)}"
        elif pick < 0.55:
            path = f"/events?type={rng.choice(event_types())}"
        elif pick < 0.7:
            path = f"/events?month={2022 + rng.randrange(3)}-{1 + rng.randrange(12):02d}"
        elif pick < 0.85:
            path = f"/events?q={rng.choice(WORDS)}+{rng.choice(WORDS)}"
        else:
            path = f"/events?after={rng.choice(cursors)}"
        out.append(("list", path))
    return out


async def burst(base: str, plan: list[tuple[str, str]], concurrency: int) -> tuple[dict[str, list[float]], int]:
    times: dict[str, list[float]] = {"list": [], "event": []}
    errors = 0
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty():
            kind, path = queue.get_nowait()
            t0 = time.perf_counter()
            try:
                r = await client.get(path)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            times[kind].append((time.perf_counter() - t0) * 1000)
            errors += not ok

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return times, errors


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "diplomap-web-bench.db")
    args = ap.parse_args()

    t0 = time.perf_counter()
    n = build(args.db, args.events)
    print(f"database: {args.db} ({n} events, ready in {time.perf_counter() - t0:.1f} s)")
    with Store(args.db) as store:
        rng = random.Random(11)
        event_ids = [r[0] for r in store.conn.execute("SELECT id FROM events ORDER BY random() LIMIT 5000")]
        cursors = [f"{r[0]}~{r[1]}" for r in store.conn.execute(
            "SELECT start, id FROM events WHERE start IS NOT NULL ORDER BY random() LIMIT 500")]
    plan = urls(rng, event_ids, cursors, args.requests)

    with serving(args.db, "/api/events?limit=1", timeout=30) as base:
        t1 = time.perf_counter()
        times, errors = asyncio.run(burst(base, plan, args.concurrency))
        wall = time.perf_counter() - t1

    every = times["list"] + times["event"]
    print(f"{len(every)} requests, {args.concurrency} concurrent, {wall:.1f} s ({len(every) / wall:.0f} req/s),"
          f" errors: {errors}")
    for kind, values in (("list pages", times["list"]), ("event pages", times["event"]), ("all", every)):
        print(f"  {kind:12s} n={len(values):5d}  p50 {pct(values, 50):6.1f} ms  p95 {pct(values, 95):6.1f} ms"
              f"  max {max(values):6.1f} ms")
    verdict = "met" if pct(every, 95) < 100 and errors == 0 else "NOT met"
    print(f"target p95 < 100 ms with 0 errors: {verdict}")


if __name__ == "__main__":
    main()
