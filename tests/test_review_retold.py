"""News that retells one happening in several items, in other words and on other days, gives one highlight
citing every item (#11). The items are the project's own (tests/data/retold/README.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from diplomap.knowledge import Knowledge
from diplomap.project import Project
from diplomap.report.review import write_review

RETOLD = Path(__file__).resolve().parent / "data" / "retold"
# happening: (first day, last day, the items that tell it)
HAPPENINGS = {
    "Astana talks": ("2025-06-16", "2025-06-16", {"a-astana-day-one.txt", "b-astana-next-day.txt",
                                                  "c-astana-week-later.txt"}),
    "Tianjin talks": ("2025-08-31", "2025-08-31", {"d-tianjin-same-day.txt", "e-tianjin-retold.txt"}),
}


def test_each_retold_happening_is_one_highlight_citing_every_item(tmp_path: Path) -> None:
    with Project(tmp_path / "news.db") as project:
        project.ingest(sorted(RETOLD.glob("*.txt")))
        store = project.store
        result = write_review(store, Knowledge.load(), "KAZ", out_dir=tmp_path / "review")  # the default year
        review = json.loads(result.json.read_text(encoding="utf-8"))
        assert review["year"] == 2025
        sources = {doc.id: Path(doc.source).name for doc in store.documents()}
        for name, (first, last, items) in HAPPENINGS.items():
            told = [h for h in review["highlights"] if "CHN" in h["parties"]
                    and date.fromisoformat(h["start"]) <= date.fromisoformat(last)
                    and date.fromisoformat(h["end"]) >= date.fromisoformat(first)]
            assert len(told) == 1, (name, [(h["start"], h["text"]) for h in review["highlights"]])
            cited = {sources[ev.doc_id] for eid in told[0]["event_ids"] if (e := store.event(eid))
                     for ev in e.evidence}
            assert cited == items, (name, cited)
            assert len(told[0]["citations"]) == len(told[0]["event_ids"])
