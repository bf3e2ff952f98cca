"""`diplomap eval` and `diplomap code`: the project scored with the shared scorers, and sentences coded as the peer
suites expect (JSONL in, JSONL out)."""

from __future__ import annotations

import argparse
import sys

from diplomap.model import CODED_MODALITIES, Modality


def cmd_eval(args: argparse.Namespace) -> int:
    from diplomap.evaluate import EvalError, run_peer, run_realnews, run_seed

    if args.realnews:
        try:
            news = run_realnews(args.realnews, args.split, shared=args.shared, show=args.show, keep=args.keep)
        except EvalError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"real news, {news.split} split ({news.items} items): {news.headline}")
        return 1 if args.min_f1 is not None and float(news.summary["strict"]["f1"]) < args.min_f1 else 0  # type: ignore[index]
    try:
        result = run_seed(shared=args.shared, show=args.show)
        print(result.headline)
        print(f"entities recall {result.entity_recall:.2f} ({result.entity_found}/{result.entity_total})"
              + (f"  missed: {' '.join(result.missed_entities)}" if result.missed_entities else ""))
        if not args.seed_only:
            for name in ("plover", "petrarch"):
                print(run_peer(name, shared=args.shared, show=args.show).headline)
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    failed = (args.min_f1 is not None and result.f1 < args.min_f1) or (
        args.min_entity_recall is not None and result.entity_recall < args.min_entity_recall)
    return 1 if failed else 0


def cmd_code(args: argparse.Namespace) -> int:
    import json

    from diplomap.extract.pipeline import Pipeline
    from diplomap.extract.records import code_records
    from diplomap.knowledge import KnowledgeError

    try:
        pipeline = Pipeline(model=args.model, gazetteers=args.actors)
    except KnowledgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stream = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    records = []
    with stream:
        for lineno, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                print(f"error: {args.input}: line {lineno}: not JSON ({exc.msg}); fix or remove the line",
                      file=sys.stderr)
                return 2
    for out in code_records(pipeline, records, tuple(Modality) if args.all else CODED_MODALITIES):
        print(json.dumps(out, ensure_ascii=False))
    return 0
