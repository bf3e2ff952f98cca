"""The annual review of one country's foreign policy: review.md and one self-contained review.html.

Every line of prose in the review is either a heading, a number computed from the listed events, or
an event with a link to its quote in the appendix: the review makes no claim that no quote backs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from diplomap.analyze.agreements import Agreement, agreements
from diplomap.analyze.balance import PeriodBalance, balance, is_cooperative
from diplomap.analyze.corridors import Corridor, corridors
from diplomap.analyze.dyads import Trend, dyad, main_partners
from diplomap.analyze.periods import months_of_year, partners, sort_key, year_of
from diplomap.analyze.vectors import VectorMap, load_vectors
from diplomap.knowledge import Knowledge
from diplomap.model import DateSpan, Event, Precision
from diplomap.plover import plover_score, quad_class
from diplomap.report.charts import balance_chart, dyad_chart
from diplomap.report.maps import corridor_map
from diplomap.store.db import EventQuery, Store

if TYPE_CHECKING:
    import jinja2

Progress = Callable[[str], None]
# Partners with a dyad chart: the most frequent overall and each vector's first, when they share at least
# MIN_DYAD_EVENTS events with the country — a chart of one event says nothing a chronology line does not.
MAIN_PARTNERS = 6
MIN_DYAD_EVENTS = 2


class ReviewError(Exception):
    """The review cannot be written; the message says what to do."""


@dataclass(frozen=True)
class ReviewResult:
    markdown: Path
    html: Path
    charts: tuple[Path, ...]
    events: int
    vectors: tuple[str, ...]


# -- what the templates see ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cite:
    label: str  # "E12"
    href: str  # "#q-<event id>-0"


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
    anchor: str
    date: str
    type: str
    quad: int | None
    score: float | None
    actors: str
    modality: str
    location: str
    quotes: tuple[Quote, ...]

    @property
    def cite(self) -> Cite:
        return Cite(f"E{self.number}", f"#{self.quotes[0].anchor}")


@dataclass(frozen=True)
class Line:
    """One chronology line: the event as the source sentence states it, and its citation."""

    date: str
    type: str
    quad: int | None
    actors: str
    text: str
    cite: Cite


@dataclass(frozen=True)
class DyadView:
    partner: str
    name: str
    chart: str
    chart_file: str
    trend: Trend
    forward: int
    backward: int
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class VectorView:
    name: str
    slug: str
    events: int
    cooperative: int
    partners: tuple[tuple[str, int], ...]
    dyads: tuple[DyadView, ...]
    lines: tuple[Line, ...]


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
class Review:
    country: str
    name: str
    year: int
    numbers: tuple[tuple[str, str], ...]
    vectors: tuple[VectorView, ...]
    agreements: tuple[AgreementView, ...]
    corridors: tuple[CorridorView, ...]
    corridor_map: str
    balances: tuple[PeriodBalance, ...]
    balance_chart: str
    balance_score_chart: str
    vector_order: tuple[str, ...]
    entries: tuple[Entry, ...]
    generated: str


# -- building it ----------------------------------------------------------------------------------------


def write_review(store: Store, kb: Knowledge, country: str = "AZE", year: int = 2025,
                 out_dir: str | Path = "review", progress: Progress | None = None,
                 vectors: str | Path | None = None) -> ReviewResult:
    """Write review.md (with charts/*.svg beside it) and a self-contained review.html into ``out_dir``."""
    say = progress or (lambda _msg: None)
    country = country.upper()
    say(f"reading the events of {country} in {year}")
    events = review_events(store, kb, country, year)
    vmap = load_vectors(country, kb, vectors)
    review = build_review(store, kb, vmap, events, year, say)
    out = Path(out_dir)
    charts_dir = out / "charts"
    charts_dir.mkdir(parents=True, exist_ok=True)
    say("writing charts")
    charts = [charts_dir / "balance.svg", charts_dir / "balance-score.svg", charts_dir / "corridors.svg"]
    for path, svg in zip(charts, (review.balance_chart, review.balance_score_chart, review.corridor_map),
                         strict=True):
        path.write_text(svg, encoding="utf-8")
    for view in review.vectors:
        for d in view.dyads:
            charts.append(out / d.chart_file)
            charts[-1].write_text(d.chart, encoding="utf-8")
    env = _environment()
    say("writing review.md")
    md_path = out / "review.md"
    md_path.write_text(env.get_template("review.md").render(r=review), encoding="utf-8")
    say("writing review.html")
    html_path = out / "review.html"
    html_path.write_text(env.get_template("review.html").render(r=review), encoding="utf-8")
    return ReviewResult(md_path, html_path, tuple(charts), len(events), tuple(v.name for v in review.vectors))


def review_events(store: Store, kb: Knowledge, country: str, year: int) -> list[Event]:
    """The country's events dated within the year; a clear ReviewError when there are none."""
    known = country in kb.states or country in kb.organisations
    if not known and store.count_events(EventQuery(actor=country)) == 0:
        raise ReviewError(f"unknown country code {country!r}: use an ISO 3166-1 alpha-3 code from"
                          " knowledge/states.csv, such as AZE")
    query = EventQuery(actor=country, date_from=date(year, 1, 1), date_to=date(year, 12, 31))
    events = sorted((e for e in store.iter_events(query) if year_of(e.date) == year), key=sort_key)
    if not events:
        years = sorted({y for e in store.iter_events(EventQuery(actor=country)) if (y := year_of(e.date))})
        if not years:
            raise ReviewError(f"no dated events of {country} in the database; ingest reports that mention"
                              f" {country} first (diplomap ingest FILE)")
        raise ReviewError(f"no events of {country} dated in {year}; years with events: {', '.join(map(str, years))}"
                          f" — choose one of them, or ingest reports covering {year}")
    return events


def build_review(store: Store, kb: Knowledge, vmap: VectorMap, events: Sequence[Event], year: int,
                 say: Progress) -> Review:
    country = vmap.country
    say("appendix of events")
    entries = _entries(store, events)
    cite = {e.anchor[3:]: e.cite for e in entries}  # event id -> its citation
    months = months_of_year(year)
    top = {code for code, _ in main_partners(events, country, MAIN_PARTNERS)}
    say("vectors and dyads")
    all_partners = [code for e in events for code in partners(e, country)]
    views = []
    for name in vmap.names(all_partners):
        chosen = [e for e in events if any(vmap.vector_of(c) == name for c in partners(e, country))]
        if not chosen and not vmap.configured:
            continue
        counts = Counter(c for e in chosen for c in partners(e, country) if vmap.vector_of(c) == name)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        charted = [code for i, (code, n) in enumerate(ranked) if (i == 0 or code in top) and n >= MIN_DYAD_EVENTS]
        dyads = []
        for code in charted:
            d = dyad(chosen, country, code, months)
            ids = [eid for m in d.both.months for eid in m.event_ids]
            label = f"{country}–{code}: events by month and mean PLOVER score, {year}"
            dyads.append(DyadView(code, _name(kb, code), dyad_chart(d, label), f"charts/dyad-{country}-{code}.svg",
                                  d.trend, d.forward.total, d.backward.total, tuple(cite[i] for i in ids)))
        lines = tuple(_line(e, cite[e.id]) for e in chosen)
        views.append(VectorView(name, _slug(name), len(chosen), sum(map(is_cooperative, chosen)),
                                tuple((f"{_name(kb, c)} ({c})", n) for c, n in ranked), tuple(dyads), lines))
    say("agreements and status changes")
    deals = [_agreement(a, cite) for a in agreements(events, kb)]
    say("corridors")
    found = corridors(events, kb, country)
    say("balance")
    order = tuple(v.name for v in views)
    balances = tuple(balance(events, vmap, year))
    return Review(
        country=country, name=_name(kb, country), year=year,
        numbers=_numbers(events, country, len(deals), found, kb),
        vectors=tuple(views), agreements=tuple(deals),
        corridors=tuple(_corridor(c, cite) for c in found),
        corridor_map=corridor_map(found, events, kb, country),
        balances=balances,
        balance_chart=balance_chart(balances, order, f"Share of cooperative events by vector, {year}"),
        balance_score_chart=balance_chart(balances, order, f"Share of cooperative PLOVER score by vector, {year}",
                                          by_score=True),
        vector_order=order, entries=tuple(entries), generated=date.today().isoformat(),
    )


def _entries(store: Store, events: Sequence[Event]) -> list[Entry]:
    titles: dict[str, tuple[str, str]] = {}
    out = []
    for n, event in enumerate(events, start=1):
        quotes = []
        for i, ev in enumerate(event.evidence):
            if ev.doc_id not in titles:
                doc = store.document(ev.doc_id)
                titles[ev.doc_id] = (doc.title or doc.source, doc.source) if doc else (ev.doc_id, "")
            title, source = titles[ev.doc_id]
            quotes.append(Quote(f"q-{event.id}-{i}", title, source, ev.quote))
        if not quotes:  # the store never holds such an event; guard so every entry has an anchor
            quotes.append(Quote(f"q-{event.id}-0", "", "", event.summary))
        loc = event.location
        out.append(Entry(n, f"ev-{event.id}", _date_label(event.date), event.type, quad_class(event.type),
                         plover_score(event.type, event.mode), _actors(event), event.modality.value,
                         loc.name if loc else "", tuple(quotes)))
    return out


def _line(event: Event, cite: Cite) -> Line:
    text = event.summary or (event.evidence[0].quote if event.evidence else "")
    return Line(_date_label(event.date), event.type, quad_class(event.type), _actors(event), text, cite)


def _agreement(a: Agreement, cite: dict[str, Cite]) -> AgreementView:
    first = a.history[0].date
    history = " → ".join(f"{c.status} ({_date_label(c.date)})" for c in a.history)
    return AgreementView(_date_label(first), a.kind, a.subject, ", ".join(a.parties), a.status, history,
                         tuple(cite[i] for i in a.event_ids if i in cite))


def _corridor(c: Corridor, cite: dict[str, Cite]) -> CorridorView:
    return CorridorView(c.name, c.kind, c.mode, c.status, ", ".join(c.partners),
                        " – ".join(w.name for w in c.waypoints), tuple(cite[i] for i in c.event_ids if i in cite))


def _numbers(events: Sequence[Event], country: str, n_deals: int, found: Sequence[Corridor],
             kb: Knowledge) -> tuple[tuple[str, str], ...]:
    quads = Counter(quad_class(e.type) for e in events)
    scores = [s for e in events if (s := plover_score(e.type, e.mode)) is not None]
    docs = {ev.doc_id for e in events for ev in e.evidence}
    top = main_partners(events, country, 1)
    n = len(events)
    rows = [
        ("Events", str(n)),
        ("Documents cited", str(len(docs))),
        ("Partners", str(len({c for e in events for c in partners(e, country)}))),
        ("Cooperative events (quad 1–2)", f"{quads[1] + quads[2]} ({(quads[1] + quads[2]) / n:.0%})"),
        ("Conflictual events (quad 3–4)", f"{quads[3] + quads[4]} ({(quads[3] + quads[4]) / n:.0%})"),
        ("Mean PLOVER score", f"{sum(scores) / len(scores):+.2f}" if scores else "–"),
        ("Agreements and status changes", str(n_deals)),
        ("Corridors and projects named", str(sum(1 for c in found if c.event_ids))),
    ]
    if top:
        rows.append(("Most frequent partner", f"{_name(kb, top[0][0])} ({top[0][1]} events)"))
    return tuple(rows)


def _environment() -> jinja2.Environment:
    try:  # jinja2 is an optional extra ("report"), so it is imported only when a review is written
        import jinja2
    except ImportError:
        raise ReviewError("the review needs Jinja2: pip install 'diplomap[report]'") from None
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("diplomap.report", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["signed"] = lambda x: "–" if x is None else f"{x:+.2f}"
    env.filters["pct"] = lambda x: "–" if x is None else f"{x:.0%}"
    env.filters["num"] = lambda x: "–" if x is None else f"{x:.2f}"
    return env


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: object) -> str:
    """Source text in Markdown: no quote may turn into a link, a heading or a table cell break."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def _date_label(span: DateSpan | None) -> str:
    if span is None:
        return "undated"
    if span.precision is Precision.DAY or span.start == span.end:
        return span.start.isoformat()
    if span.precision is Precision.MONTH:
        return span.start.strftime("%Y-%m")
    if span.precision is Precision.YEAR:
        return str(span.start.year)
    return f"{span.start.isoformat()} – {span.end.isoformat()}"


def _actors(event: Event) -> str:
    head = " → ".join(part for part in (", ".join(event.source), ", ".join(event.target)) if part)
    if event.participants:
        head += (" with " if head else "") + ", ".join(event.participants)
    return head


def _name(kb: Knowledge, code: str) -> str:
    if code in kb.states:
        return kb.states[code].name
    if code in kb.organisations:
        return kb.organisations[code].name
    return code


def _slug(name: str) -> str:
    return "v-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "vector")
