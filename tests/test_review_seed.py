"""The review of the seed report meets issue #11's acceptance, measured (the figures are printed with -s).

- the narrative (all before the full chronology and the appendix) is at most 3,000 words and quotes no
  source sentence twice;
- review.json holds at most 80 highlights; the events behind one share a day (± 1) or one visit or summit,
  and their parties overlap; every highlight carries citations;
- the events behind the highlights cover at least 45 of the 60 required gold events, by the shared
  scorer's strict rule (../shared/eval/score.py, called as it is);
- counts agree: the key numbers, each section's count and the chronology; the web review shows the same
  E-numbers as the files.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from diplomap.evaluate import SEED

NARRATIVE_WORDS = 3000
MIN_COVERED = 45
MAX_HIGHLIGHTS = 80


@pytest.fixture(scope="module")
def seed_review(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, Any], Path]]:
    from diplomap.knowledge import Knowledge
    from diplomap.project import Project
    from diplomap.report.review import write_review

    tmp = tmp_path_factory.mktemp("seed")
    with Project(tmp / "seed.db") as project:
        project.ingest([shared / SEED])
        result = write_review(project.store, Knowledge.load(), country="AZE", year=2025, out_dir=tmp / "review")
    yield result, json.loads(result.json.read_text(encoding="utf-8")), tmp / "seed.db"


def _narrative(markdown: str) -> str:
    text = markdown.split("## Full chronology")[0]
    return re.sub(r"\(#[^)]*\)|!\[[^\]]*\]\([^)]*\)|<a id=\"[^\"]*\"></a>", "", text)


def test_narrative_is_short_and_quotes_no_sentence_twice(seed_review: tuple[Any, dict[str, Any], Path]) -> None:
    result, _review, db = seed_review
    narrative = _narrative(result.markdown.read_text(encoding="utf-8"))
    words = len(narrative.split())
    print(f"\nnarrative: {words} words")
    assert words <= NARRATIVE_WORDS
    from diplomap.store.db import Store

    flat = " ".join(narrative.replace("\\", "").split())
    with Store(db) as store:
        quotes = {" ".join(ev.quote.split()) for e in store.events() for ev in e.evidence}
    repeated = [q for q in quotes if flat.count(q) > 1]
    print(f"source sentences quoted more than once: {len(repeated)}")
    assert repeated == []
    lines = [line for line in narrative.splitlines() if line.startswith("- ")]
    assert len(lines) == len(set(lines))  # and no highlight line twice


def test_highlights_are_few_cited_and_each_one_happening(seed_review: tuple[Any, dict[str, Any], Path]) -> None:
    from diplomap.store.db import Store

    _, review, db = seed_review
    highlights = review["highlights"]
    print(f"\nhighlights: {len(highlights)}, key highlights: {len(review['key_highlights'])}")
    assert 0 < len(highlights) <= MAX_HIGHLIGHTS and len(review["key_highlights"]) <= 12
    with Store(db) as store:
        for h in highlights:
            assert h["citations"] and len(h["citations"]) == len(h["event_ids"])
            events = [store.event(i) for i in h["event_ids"]]
            assert all(e is not None and e.date is not None for e in events)
            spans = [e.date for e in events if e is not None and e.date is not None]
            one_day = all(s.days <= 4 for s in spans) and all(  # every two within a day of each other
                max((b.start - a.end).days, (a.start - b.end).days) <= 1 for a in spans for b in spans)
            one_visit = len({(s.start, s.end) for s in spans}) == 1 and len(
                {e.location.name if e and e.location else None for e in events}) == 1
            assert one_day or one_visit, h
            parties = [set(e.actors) - {"AZE"} for e in events if e is not None]
            assert all(p & q for p in parties for q in parties), h


def test_highlights_cover_the_required_gold_events(shared: Path, seed_review: tuple[Any, dict[str, Any], Path],
                                                   tmp_path: Path) -> None:
    """Score a JSONL of the events behind the highlights with the shared scorer, as it is."""
    from diplomap.export.jsonl import event_record
    from diplomap.store.db import Store

    _, review, db = seed_review
    pred = tmp_path / "highlight-events.jsonl"
    with Store(db) as store, pred.open("w", encoding="utf-8") as out:
        for h in review["highlights"]:
            for eid in h["event_ids"]:
                event = store.event(eid)
                assert event is not None
                out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
    run = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold",
                          str(shared / "eval" / "seed-gold-events.jsonl"), "--pred", str(pred)],
                         capture_output=True, text=True, check=True)
    summary = json.loads(run.stdout.splitlines()[0])
    covered = round(summary["strict"]["recall"] * summary["gold_required"])
    print(f"\nrequired gold events covered by highlight events: {covered}/{summary['gold_required']}")
    assert covered >= MIN_COVERED


def test_counts_agree_everywhere(seed_review: tuple[Any, dict[str, Any], Path]) -> None:
    result, review, _db = seed_review
    md = result.markdown.read_text(encoding="utf-8")
    chronology = [line for line in md.split("## Full chronology")[1].split("## ")[0].splitlines()
                  if line.startswith("- ")]
    assert len(chronology) == review["events"] == result.events
    assert f"| Events | {review['events']} |" in md
    for section in review["sections"]:
        tagged = sum(1 for line in chronology if re.search(rf"\*[^*]*\b{re.escape(section['name'])}\b[^*]*\*", line))
        assert tagged == section["events"], section["name"]
        assert f"{section['events']} event" in section["lead"]
    # every citation of the narrative lands on a quote in the HTML page
    html = result.html.read_text(encoding="utf-8")
    for anchor in set(re.findall(r"\(#(q-ev_[0-9a-f]+-\d+)\)", md)):
        assert f'id="{anchor}"' in html


def test_web_review_shows_the_same_citations(seed_review: tuple[Any, dict[str, Any], Path]) -> None:
    from fastapi.testclient import TestClient

    from diplomap.web.app import create_app

    _, review, db = seed_review
    with TestClient(create_app(db, token="t"), base_url="http://127.0.0.1") as client:
        page = client.get("/review?country=AZE&year=2025")
    assert page.status_code == 200
    for h in review["highlights"][:10]:
        for label, eid in zip(h["citations"], h["event_ids"], strict=True):
            assert f'href="/events/{eid}">{label}</a>' in page.text, (label, eid)
    assert date.fromisoformat(review["highlights"][0]["start"]).year == 2025
