"""Sentence coding (``diplomap code``, the peer suites): records of one text each in, PLOVER-style event records out,
every act a sentence tells coded apart, as PLOVER's and PETRARCH's coders do (the store keeps one per happening)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from diplomap.model import CODED_MODALITIES, Document, Modality

if TYPE_CHECKING:
    from diplomap.extract.pipeline import Pipeline


def code_records(pipeline: Pipeline, records: Iterable[dict[str, Any]],
                 modalities: Sequence[Modality] = CODED_MODALITIES) -> Iterator[dict[str, Any]]:
    """Sentence coding: ``{"id", "text", "date"?}`` in, ``{"id", "events": [...]}`` out, one per record."""
    for rec in records:
        text = str(rec.get("text") or "")
        when = parse_record_date(rec.get("date"))
        doc = Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text, source=str(rec.get("id", "")),
                       published=when)
        events = pipeline.extract(doc, reactions_apart=False).events if text.strip() else []
        yield {
            "id": rec.get("id"),
            "events": [
                # a reciprocal event ("A and B agreed") keeps PLOVER's actors-only coding in the store; in
                # dyadic sentence output its parties also stand on the receiving side, as CAMEO coders expect
                {"type": e.type, "mode": e.mode, "source": list(e.source),
                 "target": list(e.target) or (list(e.source) if len(set(e.source)) > 1 else []),
                 "start": e.date.start.isoformat() if e.date else None,
                 "end": e.date.end.isoformat() if e.date else None,
                 "modality": e.modality.value, "location": e.location.name if e.location else None,
                 "quantities": [{"value": q.value, "unit": q.unit} for q in e.quantities], "trigger": e.trigger}
                for e in events
                if e.modality in modalities
            ],
        }


def parse_record_date(value: object) -> date | None:
    """Dates as sentence suites write them: 2025-10-09, 20251009, 19950101."""
    text = str(value or "").strip()
    digits = text.replace("-", "")
    if len(digits) == 8 and digits.isdigit():
        try:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            return None
    return None
