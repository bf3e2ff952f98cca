"""The annual review of one country's foreign policy: review.md, review.json and one self-contained review.html.

It reads like the reviews analysts trust (docs/review.md): the year's themes, a few key highlights, per
vector a judgement and a lead paragraph with its turning points, the highlights (one line per happening,
ranked by knowledge/significance.toml), the balance, an outlook; then the full chronology and the appendix
of quotes. Every sentence is a number computed from the cited events or an event's own headline, and
carries the citations of the events it rests on: the review makes no claim that no quote backs.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from diplomap.analyze.agreements import RATIFIED, Agreement, agreements
from diplomap.analyze.balance import balance, is_cooperative
from diplomap.analyze.corridors import Corridor, corridors
from diplomap.analyze.dyads import dyad, main_partners
from diplomap.analyze.happenings import Happening, happenings, read_out
from diplomap.analyze.periods import months_of_year, partners, sort_key, year_of
from diplomap.analyze.significance import Weights, load_weights, significance
from diplomap.analyze.turning import turning_points
from diplomap.analyze.vectors import VectorMap, load_vectors
from diplomap.extract.headline import fallback
from diplomap.knowledge import Knowledge
from diplomap.model import DONE_MODALITIES, DateSpan, Event, Modality, Precision
from diplomap.plover import plover_score, quad_class
from diplomap.report.charts import balance_chart, dyad_chart
from diplomap.report.maps import corridor_map
from diplomap.report.narrative import Cite, DyadFacts, balance_words, day_label, in_prose, lead, names_and, opening
from diplomap.report.narrative import label as judge
from diplomap.report.views import (
    AgreementView,
    ChronoLine,
    CorridorView,
    DyadView,
    Entry,
    Highlight,
    OutlookLine,
    Quote,
    Review,
    VectorView,
    review_json,
)
from diplomap.store.db import EventQuery, Store

if TYPE_CHECKING:
    import jinja2

Progress = Callable[[str], None]
# Partners with a dyad chart: the most frequent overall and each vector's first, when they share at least
# MIN_DYAD_EVENTS events with the country — a chart of one event says nothing a chronology line does not.
MAIN_PARTNERS = 6
MIN_DYAD_EVENTS = 2
OUTLOOK = 8  # lines of the outlook
_MONTH = timedelta(days=31)  # a key highlight is dated at least to its month


class ReviewError(Exception):
    """The review cannot be written; the message says what to do."""


@dataclass(frozen=True)
class ReviewResult:
    markdown: Path
    html: Path
    json: Path
    charts: tuple[Path, ...]
    events: int
    vectors: tuple[str, ...]
    highlights: int


# -- building it ----------------------------------------------------------------------------------------


def write_review(store: Store, kb: Knowledge, country: str = "AZE", year: int | None = None,
                 out_dir: str | Path = "review", progress: Progress | None = None,
                 vectors: str | Path | None = None, significance: str | Path | None = None) -> ReviewResult:
    """Write review.md (charts/*.svg beside it), review.json and a self-contained review.html into ``out_dir``.

    ``year`` defaults to the latest year in which the country has events that happened."""
    say = progress or (lambda _msg: None)
    country = country.upper()
    if year is None:
        year = default_year(store, kb, country)
    say(f"reading the events of {country} in {year}")
    events = review_events(store, kb, country, year)
    vmap = load_vectors(country, kb, vectors)
    review = build_review(store, kb, vmap, events, year, say, load_weights(significance))
    out = Path(out_dir)
    charts_dir = out / "charts"
    charts_dir.mkdir(parents=True, exist_ok=True)
    say("writing charts")
    charts = [charts_dir / "balance.svg", charts_dir / "map.svg"]
    for path, svg in zip(charts, (review.balance_chart, review.corridor_map), strict=True):
        path.write_text(svg, encoding="utf-8")
    for view in review.vectors:
        for d in view.dyads:
            charts.append(out / d.chart_file)
            charts[-1].write_text(d.chart, encoding="utf-8")
    env = _environment()
    say("writing review.md")
    md_path = out / "review.md"
    md_path.write_text(env.get_template("review.md").render(r=review), encoding="utf-8")
    say("writing review.json")
    json_path = out / "review.json"
    json_path.write_text(json.dumps(review_json(review), ensure_ascii=False, indent=1), encoding="utf-8")
    say("writing review.html")
    html_path = out / "review.html"
    html_path.write_text(env.get_template("review.html").render(r=review), encoding="utf-8")
    return ReviewResult(md_path, html_path, json_path, tuple(charts), review.events,
                        tuple(v.name for v in review.vectors), len(review.highlights))


def default_year(store: Store, kb: Knowledge, country: str) -> int:
    """The latest year with events of the country that happened (not plans or forecasts)."""
    years = [y for e in store.iter_events(EventQuery(actor=country, modalities=(Modality.HAPPENED,)))
             if (y := year_of(e.date)) is not None]
    if not years:
        review_events(store, kb, country, date.today().year)  # raises the error that says what to do
    return max(years)


def _told_done(country: str, date_from: date | None = None, date_to: date | None = None) -> EventQuery:
    """The country's events the texts tell as done: news and the history they retell (the review reads both)."""
    return EventQuery(actor=country, date_from=date_from, date_to=date_to, modalities=DONE_MODALITIES)


def review_events(store: Store, kb: Knowledge, country: str, year: int) -> list[Event]:
    """The country's events dated within the year; a clear ReviewError when there are none."""
    known = country in kb.states or country in kb.organisations
    if not known and store.count_events(_told_done(country)) == 0:
        raise ReviewError(f"unknown country code {country!r}: use an ISO 3166-1 alpha-3 code from"
                          " knowledge/states.csv, such as AZE")
    query = _told_done(country, date_from=date(year, 1, 1), date_to=date(year, 12, 31))
    events = sorted((e for e in store.iter_events(query) if year_of(e.date) == year), key=sort_key)
    if not events:
        years = sorted({y for e in store.iter_events(_told_done(country)) if (y := year_of(e.date))})
        if not years:
            raise ReviewError(f"no dated events of {country} in the database; ingest reports that mention"
                              f" {country} first (diplomap ingest FILE)")
        raise ReviewError(f"no events of {country} dated in {year}; years with events: {', '.join(map(str, years))}"
                          f" — choose one of them, or ingest reports covering {year}")
    return events


def build_review(store: Store, kb: Knowledge, vmap: VectorMap, events: Sequence[Event], year: int,
                 say: Progress, weights: Weights | None = None) -> Review:
    weights = weights or load_weights()
    country = vmap.country
    name = _name(kb, country)
    say("outlook")
    ahead = _outlook_events(store, country, year)
    say("appendix of events")
    entries = _entries(store, [*events, *ahead], kb)
    cite = {e.id: e.cite for e in entries}
    say("happenings and highlights")
    rank = {e.id: significance(e, weights) for e in events}
    found = [h for h in happenings(events, country, lambda e: rank[e.id], weights["per_extra_event"],
                                   weights["per_extra_source"])]
    all_partners = [code for e in events for code in partners(e, country)]
    names = [n for n in vmap.names(all_partners)]
    slugs = {n: _slug(n) for n in names}
    told_in = {id(h): _home(h, country, vmap, names) for h in found}
    found = [h for h in found if told_in[id(h)]]  # a happening with no partner (the country alone) has no section
    chosen = _choose(found, told_in, names, weights)
    highlights = {id(h): _highlight(h, i, told_in[id(h)], slugs, cite, year, kb)
                  for i, h in enumerate(sorted(chosen, key=lambda h: (h.start, h.event_ids)), start=1)}
    key_ids = {id(h) for h in sorted((h for h in chosen if h.end - h.start <= _MONTH),
                                     key=lambda h: (-h.significance, h.start))[:weights.key_highlights]}
    say("vectors and dyads")
    months = months_of_year(year)
    top = {code for code, _ in main_partners(events, country, MAIN_PARTNERS)}
    views = []
    record = list(store.iter_events(_told_done(country, date_to=date(year, 12, 31))))
    for vname in names:
        mine = [e for e in events if any(vmap.vector_of(c) == vname for c in partners(e, country))]
        if not mine and not vmap.configured:
            continue
        counts = Counter(c for e in mine for c in partners(e, country) if vmap.vector_of(c) == vname)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        charted = [code for i, (code, n) in enumerate(ranked) if (i == 0 or code in top) and n >= MIN_DYAD_EVENTS]
        dyads: list[DyadView] = []
        facts: list[DyadFacts] = []
        turns: list[tuple[str, str, str, tuple[str, ...]]] = []
        seen: dict[frozenset[str], int] = {}  # partners met only together share one chart and one sentence
        for code in charted:
            between = [e for e in mine if code in e.actors]
            same = seen.get(frozenset(e.id for e in between))
            if same is not None:
                facts[same] = replace(facts[same], name=f"{facts[same].name}, {_prose_name(kb, code)}")
                continue
            seen[frozenset(e.id for e in between)] = len(facts)
            d = dyad(mine, country, code, months)
            label = f"{country}–{code}: events by month and mean PLOVER score, {year}"
            dyads.append(DyadView(code, _name(kb, code), dyad_chart(d, label), f"charts/dyad-{country}-{code}.svg",
                                  d.trend, len(between)))
            points = turning_points(record, country, code, year)
            by_id = {e.id: e for e in record}
            told = tuple((p, _headline(by_id[p.cause_ids[0]], kb), tuple(cite[i] for i in p.cause_ids if i in cite))
                         for p in points)
            turns += [(code, p.month, p.direction, p.cause_ids) for p in points]
            scores = [s for e in between if (s := plover_score(e.type, e.mode)) is not None]
            facts.append(DyadFacts(code, _prose_name(kb, code), len(between), sum(map(is_cooperative, between)),
                                   sum(1 for e in between if quad_class(e.type) in (3, 4)),
                                   sum(scores) / len(scores) if scores else None, d.trend, told))
        coop = sum(map(is_cooperative, mine))
        conf = sum(1 for e in mine if quad_class(e.type) in (3, 4))
        phrase, arrow = judge(facts[0] if facts else None, coop, conf)
        mine_ids = {e.id for e in mine}
        deals = [(a, tuple(cite[i] for i in a.event_ids if i in cite)) for a in agreements(mine, kb)
                 if a.history[-1].date is None or a.history[-1].date.start.year == year][:3]
        figures = _figures(mine, cite, kb)
        here = tuple(highlights[id(h)] for h in chosen if told_in[id(h)][0] == vname)
        # pointers to happenings told elsewhere: the year's key ones, or all when nothing is told here
        also = tuple(highlights[id(h)] for h in chosen if vname in told_in[id(h)][1:]
                     and set(h.event_ids) & mine_ids and (id(h) in key_ids or not here))
        views.append(VectorView(
            vname, slugs[vname], len(mine), coop, conf, phrase, arrow,
            tuple((f"{_name(kb, c)} ({c})", n) for c, n in ranked),
            lead(vname, _prose_name(kb, country), year, len(mine), coop, conf, facts, deals, figures, phrase),
            tuple(dyads), tuple(sorted(here, key=lambda h: h.start)), tuple(sorted(also, key=lambda h: h.start)),
            tuple(turns)))
    say("agreements, corridors, balance")
    deals_all = [_agreement(a, cite) for a in agreements(events, kb)]
    found_corridors = corridors(events, kb, country)
    order = tuple(v.name for v in views)
    balances = tuple(balance(events, vmap, year))
    previous = [e for e in record if year_of(e.date) == year - 1]
    prev_balance = balance(previous, vmap, year - 1)[-1] if previous else None
    shown = [b for b in (prev_balance, balances[-1]) if b is not None]
    ordered = sorted(highlights.values(), key=lambda h: (h.start, h.id))
    key = [highlights[i] for i in key_ids]
    key.sort(key=lambda h: (h.start, h.id))
    n_partners = len({c for e in events for c in partners(e, country)})
    return Review(
        country=country, name=name, year=year,
        opening=opening(_prose_name(kb, country), year, len(events), n_partners, sum(map(is_cooperative, events)),
                        [(v.name, v.label, v.arrow, v.events) for v in views]),
        key=tuple(key),
        numbers=_numbers(events, country, len(deals_all), found_corridors, kb, len(ordered)),
        vectors=tuple(views), highlights=tuple(ordered),
        outlook=_outlook(ahead, agreements(events, kb), cite, kb, year),
        balance_text=balance_words(balances[-1], prev_balance if previous else None),
        balance_chart=balance_chart(shown, order, "Share of cooperative events by vector, "
                                    + " and ".join(b.period for b in shown)),
        balances=balances,
        agreements=tuple(deals_all),
        corridors=tuple(_corridor(c, cite) for c in found_corridors),
        corridor_map=corridor_map(found_corridors, events, kb, country),
        chronology=tuple(_chrono(e, cite[e.id], vmap, country, kb) for e in events),
        entries=tuple(entries), generated=date.today().isoformat(),
    )


def _home(h: Happening, country: str, vmap: VectorMap, names: Sequence[str]) -> tuple[str, ...]:
    """The sections a happening touches, the one it is told in first: the vector of the partner taking part in
    most of its events (the Astana summit of China and five Central Asian states is China's); ties go to the
    partner its most significant event names first, then to the earlier section."""
    counts: Counter[str] = Counter()
    for e in h.events:
        counts.update({v for c in partners(e, country) if (v := vmap.vector_of(c)) is not None})
    first: dict[str, int] = {}  # ties: the vector of the partner its most significant event names first
    for i, c in enumerate(partners(h.anchor, country)):
        if (v := vmap.vector_of(c)) is not None:
            first.setdefault(v, i)
    order = {n: i for i, n in enumerate(names)}
    return tuple(sorted(counts, key=lambda v: (-counts[v], first.get(v, 99), order.get(v, 99))))


def _choose(found: Sequence[Happening], told_in: dict[int, tuple[str, ...]], names: Sequence[str],
            weights: Weights) -> list[Happening]:
    """The most significant happenings of each section (at most per_section), then at most ``total`` in all."""
    picked: list[Happening] = []
    for vname in names:
        mine = sorted((h for h in found if told_in[id(h)] and told_in[id(h)][0] == vname),
                      key=lambda h: (-h.significance, h.start))
        picked += mine[: weights.per_section]
    picked.sort(key=lambda h: (-h.significance, h.start))
    return picked[: weights.total]


def _highlight(h: Happening, number: int, homes: tuple[str, ...], slugs: dict[str, str], cite: dict[str, Cite],
               year: int, kb: Knowledge) -> Highlight:
    # the line shows the place before the text ("8 Aug, Washington — ..."), so the text does not repeat it
    text = read_out([_headline(e, kb) for e in h.events], h.location, [e.type for e in h.events], say_place=False)
    return Highlight(f"h{number}", h.start.isoformat(), h.end.isoformat(), day_label(h.start, h.end, year),
                     h.location, h.parties, text, h.event_ids, tuple(cite[i] for i in h.event_ids),
                     len(h.documents), h.significance, slugs.get(homes[0], ""), homes[0])


def _headline(event: Event, kb: Knowledge) -> str:
    return event.headline or fallback(event, lambda code: _name(kb, code))


def _figures(events: Sequence[Event], cite: dict[str, Cite], kb: Knowledge) -> list[tuple[str, tuple[Cite, ...]]]:
    out: list[tuple[str, tuple[Cite, ...]]] = []
    for event in events:
        for q in event.quantities:
            if q.unit in ("percent",) and not q.text:
                continue
            what = _headline(event, kb)
            out.append((f"{q.text or _amount(q.value, q.unit)} ({what})", (cite[event.id],)))
    return out[:3]


def _amount(value: float, unit: str) -> str:
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:g} {word} {unit}"
    return f"{value:g} {unit}"


def _outlook_events(store: Store, country: str, year: int) -> list[Event]:
    """Plans, announced visits and forecasts of the country dated after the year, or to a day or month of
    its second half."""
    query = EventQuery(actor=country, modalities=(Modality.PLANNED, Modality.EXPECTED))

    def ahead(e: Event) -> bool:  # after the year, or a dated plan of its second half (not "in 2025" at large)
        if e.date is None or len(set(e.actors)) < 2:
            return False
        return e.date.start.year > year or (e.date.days <= 31 and e.date.end >= date(year, 7, 1))

    return sorted(filter(ahead, store.iter_events(query)), key=sort_key)[:OUTLOOK]


def _outlook(ahead: Sequence[Event], deals: Sequence[Agreement], cite: dict[str, Cite], kb: Knowledge,
             year: int) -> tuple[OutlookLine, ...]:
    lines = [OutlookLine(_when(e, year), _headline(e, kb) + (" (expected)" if e.modality is Modality.EXPECTED
                                                               else " (planned)"), (cite[e.id],))
             for e in ahead if e.id in cite]
    for a in deals:
        if a.kind == "agreement" and a.status in ("initialled", "signed") and a.subject in RATIFIED:
            between = names_and(", ".join(_prose_name(kb, p) for p in a.parties))
            lines.append(OutlookLine("next", f"The {a.subject} between {between} is {a.status}: ratification"
                                     " and entry into force are still to come",
                                     tuple(cite[i] for i in a.event_ids if i in cite)))
    return tuple(lines[:OUTLOOK])


def _when(event: Event, year: int) -> str:
    return day_label(event.date.start, event.date.end, year) if event.date else "undated"


def _chrono(event: Event, c: Cite, vmap: VectorMap, country: str, kb: Knowledge) -> ChronoLine:
    vectors = ", ".join(dict.fromkeys(v for p in partners(event, country) if (v := vmap.vector_of(p))))
    return ChronoLine(_date_label(event.date), event.type, quad_class(event.type), _headline(event, kb), vectors, c)


def _entries(store: Store, events: Sequence[Event], kb: Knowledge) -> list[Entry]:
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
        out.append(Entry(n, event.id, f"ev-{event.id}", _date_label(event.date), event.type, quad_class(event.type),
                         plover_score(event.type, event.mode), _actors(event), event.modality.value,
                         loc.name if loc else "", _headline(event, kb), tuple(quotes)))
    return out


def _agreement(a: Agreement, cite: dict[str, Cite]) -> AgreementView:
    first = a.history[0].date
    history = " → ".join(f"{c.status} ({_date_label(c.date)})" for c in a.history)
    return AgreementView(_date_label(first), a.kind, a.subject, ", ".join(a.parties), a.status, history,
                         tuple(cite[i] for i in a.event_ids if i in cite))


def _corridor(c: Corridor, cite: dict[str, Cite]) -> CorridorView:
    return CorridorView(c.name, c.kind, c.mode, c.status, ", ".join(c.partners),
                        " – ".join(w.name for w in c.waypoints), tuple(cite[i] for i in c.event_ids if i in cite))


def _numbers(events: Sequence[Event], country: str, n_deals: int, found: Sequence[Corridor],
             kb: Knowledge, n_highlights: int) -> tuple[tuple[str, str], ...]:
    quads = Counter(quad_class(e.type) for e in events)
    scores = [s for e in events if (s := plover_score(e.type, e.mode)) is not None]
    docs = {ev.doc_id for e in events for ev in e.evidence}
    top = main_partners(events, country, 1)
    n = len(events)
    rows = [
        ("Events", str(n)),
        ("Happenings told as highlights", str(n_highlights)),
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


def _prose_name(kb: Knowledge, code: str) -> str:
    """The name as a sentence says it: "the Philippines", "the African Union"."""
    return in_prose(_name(kb, code), code in kb.organisations and code not in kb.states)


def _slug(name: str) -> str:
    return "v-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "vector")
