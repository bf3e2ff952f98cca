"""What the review's templates and review.json see: plain frozen records, built by report/review.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from diplomap.analyze.balance import PeriodBalance
from diplomap.analyze.dyads import Trend
from diplomap.report.narrative import Cite, Sentence


@dataclass(frozen=True)
class Quote:
    anchor: str
    title: str
    source: str
    text: str


@dataclass(frozen=True)
class Entry:
    """One event in the appendix."""

    number: int
    id: str
    anchor: str
    date: str
    type: str
    quad: int | None
    score: float | None
    actors: str
    modality: str
    location: str
    headline: str
    quotes: tuple[Quote, ...]

    @property
    def cite(self) -> Cite:
        return Cite(f"E{self.number}", f"#{self.quotes[0].anchor}")


@dataclass(frozen=True)
class Highlight:
    """One happening: its events share a day (or one visit or summit) and overlapping parties."""

    id: str  # "h1" ...
    start: str
    end: str
    when: str  # "8 Aug"
    location: str
    parties: tuple[str, ...]
    text: str
    event_ids: tuple[str, ...]
    cites: tuple[Cite, ...]
    sources: int  # documents that tell it
    significance: float
    section: str  # the slug of the section it is told in
    section_name: str


@dataclass(frozen=True)
class DyadView:
    partner: str
    name: str
    chart: str
    chart_file: str
    trend: Trend
    events: int


@dataclass(frozen=True)
class VectorView:
    name: str
    slug: str
    events: int
    cooperative: int
    conflictual: int
    label: str
    arrow: str
    partners: tuple[tuple[str, int], ...]
    lead: tuple[Sentence, ...]
    dyads: tuple[DyadView, ...]
    highlights: tuple[Highlight, ...]  # told here, in date order
    also: tuple[Highlight, ...]  # told in another section, touching this one
    turns: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()  # (partner, month, direction, cause event ids)


@dataclass(frozen=True)
class ChronoLine:
    date: str
    type: str
    quad: int | None
    headline: str
    vectors: str
    cite: Cite


@dataclass(frozen=True)
class AgreementView:
    date: str
    kind: str
    subject: str
    parties: str
    status: str
    history: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class CorridorView:
    name: str
    kind: str
    mode: str
    status: str
    partners: str
    waypoints: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class OutlookLine:
    when: str
    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Review:
    country: str
    name: str
    year: int
    opening: tuple[Sentence, ...]
    key: tuple[Highlight, ...]
    numbers: tuple[tuple[str, str], ...]
    vectors: tuple[VectorView, ...]
    highlights: tuple[Highlight, ...]  # every highlight once, in date order
    outlook: tuple[OutlookLine, ...]
    balance_text: tuple[Sentence, ...]
    balance_chart: str
    balances: tuple[PeriodBalance, ...]
    agreements: tuple[AgreementView, ...]
    corridors: tuple[CorridorView, ...]
    corridor_map: str
    chronology: tuple[ChronoLine, ...]
    entries: tuple[Entry, ...]
    generated: str

    @property
    def events(self) -> int:
        return sum(1 for e in self.entries if e.modality in ("happened", "background"))


def _sentences(sentences: tuple[Sentence, ...]) -> str:
    return " ".join("".join(p.text for p in s) for s in sentences)


def _cited(sentences: tuple[Sentence, ...], ids: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(ids[c.href] for s in sentences for p in s for c in p.cites if c.href in ids))


def review_json(review: Review) -> dict[str, Any]:
    """review.json: sections with their lead text and highlights (date, place, parties, headline, event ids)."""
    ids = {e.cite.href: e.id for e in review.entries}

    def highlight(h: Highlight) -> dict[str, Any]:
        return {"id": h.id, "start": h.start, "end": h.end, "date": h.when, "location": h.location,
                "parties": list(h.parties), "text": h.text, "event_ids": list(h.event_ids),
                "citations": [c.label for c in h.cites], "sources": h.sources, "significance": h.significance,
                "section": h.section_name}

    return {
        "country": review.country, "name": review.name, "year": review.year, "generated": review.generated,
        "events": review.events,
        "opening": _sentences(review.opening),
        "key_highlights": [h.id for h in review.key],
        "highlights": [highlight(h) for h in review.highlights],
        "sections": [{
            "name": v.name, "slug": v.slug, "label": v.label, "arrow": v.arrow, "events": v.events,
            "cooperative": v.cooperative, "conflictual": v.conflictual, "lead": _sentences(v.lead),
            "lead_event_ids": _cited(v.lead, ids),
            "trends": {d.partner: d.trend.label for d in v.dyads},
            "turning_points": [{"partner": p, "month": m, "direction": d, "cause_event_ids": list(c)}
                               for p, m, d, c in v.turns],
            "highlights": [h.id for h in v.highlights], "also": [h.id for h in v.also],
        } for v in review.vectors],
        "outlook": [{"date": o.when, "text": o.text, "citations": [c.label for c in o.cites],
                     "event_ids": [ids[c.href] for c in o.cites if c.href in ids]} for o in review.outlook],
        "balance": _sentences(review.balance_text),
        "events_appendix": [{"number": e.number, "id": e.id, "date": e.date, "type": e.type, "headline": e.headline,
                             "modality": e.modality} for e in review.entries],
    }
