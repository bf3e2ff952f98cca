"""`diplomap ingest`: what the user names becomes items, ingested with a progress bar and a closing summary."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path


def cmd_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from diplomap.extract.workers import WorkerError, default_workers
    from diplomap.ingest.sources import Sources, expand
    from diplomap.knowledge import KnowledgeError
    from diplomap.project import IngestResult, Project

    sources = Sources(tuple(args.files), tuple(args.manifest), tuple(args.feed), tuple(args.include),
                      tuple(args.exclude), fetch_pages=not args.no_fetch, title=args.title, published=args.date)
    if not sources:
        print("error: nothing to ingest; name files, folders or URLs, or give --manifest FILE or --feed URL|FILE",
              file=sys.stderr)
        return 2
    # documents/s and the time left, on a terminal only (the time left when only files are named: folders, feeds
    # and manifests are read as they go); each document's line goes above the bar
    files_only = not (args.manifest or args.feed) and all(Path(name).is_file() for name in args.files)
    bar = tqdm(total=len(args.files) if files_only else None, unit="doc", file=sys.stderr,
               disable=not sys.stderr.isatty(), dynamic_ncols=True, leave=False)
    counts: Counter[str] = Counter()

    def say(line: str, err: bool = False) -> None:
        tqdm.write(line, file=sys.stderr if err else sys.stdout)

    def report(result: IngestResult) -> None:
        counts[result.status] += 1
        bar.update()
        read_as = f" (read as {result.encoding})" if result.encoding else ""
        if result.status == "error":
            say(f"error: {result.error}", err=True)
        elif result.status == "skipped":
            say(f"skipped {result.source}: already stored ({result.doc_id[:12]})")
        else:
            say(f"{result.status:<7} {result.source}{read_as}: {result.sentences} sentences, {result.events} events"
                + (" (re-extracted in place: its text changed)" if result.status == "updated" else ""))
        for warning in result.warnings if result.status in ("added", "updated") else ():
            say(f"warning: {result.source}: {warning}", err=True)

    workers = args.workers or default_workers()
    try:
        with Project(args.db, gazetteers=args.gazetteer, model=args.model) as project:
            project.ingest(expand(sources), on_result=report, workers=workers, dask=args.dask)
    except (KnowledgeError, WorkerError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        bar.close()
    print(f"{counts['added']} added, {counts['updated']} updated, {counts['skipped']} skipped (already stored), "
          f"{counts['error']} failed")
    if counts["added"] or counts["updated"]:
        refresh_saved_index(args.db)
    return 1 if counts["error"] else 0


def refresh_saved_index(db: Path) -> None:
    """When the web app has kept a facet index of this database (it has been served), read it again now, so the
    next ``serve`` answers its first request at once rather than after reading a million events (#10)."""
    from diplomap.cache import facet_index_path

    path = facet_index_path(db)
    if path is None or not path.is_file():
        return  # (never served: the web app's modules are not loaded)
    try:
        import sqlite3

        from diplomap.web.facet_cache import open_index
    except ImportError:  # installed without the web extra
        return
    with sqlite3.connect(db) as conn:
        open_index(conn, db)
    conn.close()


def count(text: str) -> int:
    """A number of processes, for argparse."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r} (1 or more)")
    return n
