"""Exports of the event record: PLOVER-style JSONL (the shape ../shared/eval/score.py reads), CSV, ..."""
