"""The review's prose, written from the record by templates: every sentence is a number computed from the
cited events or an event's own headline, and carries the citations of the events it rests on.

A sentence is a tuple of ``Part``s (text, citations), so the Markdown, the HTML page, the web app and
review.json render the same words with the same E-numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from diplomap.analyze.agreements import Agreement
from diplomap.analyze.balance import PeriodBalance
from diplomap.analyze.dyads import Trend
from diplomap.analyze.turning import TurningPoint
from diplomap.knowledge.grammar import NAMES_WITH_ARTICLE

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class Cite:
    label: str  # "E12"
    href: str  # "#q-<event id>-0"


@dataclass(frozen=True)
class Part:
    text: str
    cites: tuple[Cite, ...] = ()


Sentence = tuple[Part, ...]


@dataclass(frozen=True)
class DyadFacts:
    """What the lead of a vector says about one of its partners."""

    partner: str
    name: str
    events: int
    cooperative: int
    conflictual: int
    mean: float | None
    trend: Trend
    turns: tuple[tuple[TurningPoint, str, tuple[Cite, ...]], ...]  # the point, its cause's headline, citations


COOLING_FLOOR = 2.0  # a month's mean PLOVER score from which a downturn leaves a relationship cooperative
MOSTLY = 0.75  # the share of cooperative events that makes a year one of mostly cooperation


def label(facts: DyadFacts | None, cooperative: int, conflictual: int) -> tuple[str, str]:
    """A phrase judging the relationship and its arrow (CrisisWatch-style: ↗ improved, ↘ deteriorated, → unchanged).

    In order: an upturn after a downturn, or in a year of mostly conflict (40 % or more of the events), is
    "crisis and partial repair"; any other last upturn "recovering partnership"; a last turn down that leaves a
    year of mostly cooperation still cooperative (a mean of +2 or more that month) "cooperation, cooling"; any other
    last turn down, or a falling trend with conflict, "deteriorating relationship"; mostly conflict "tense
    relationship"; mostly cooperation "steady cooperation" (or "deepening cooperation" when improving); else "mixed
    record"."""
    total = cooperative + conflictual
    turns = [t for t, _, _ in facts.turns] if facts else []
    trend = facts.trend.label if facts else "too few data"
    directions = [t.direction for t in turns]
    if directions and directions[-1] == "upturn" and ("downturn" in directions or conflictual * 5 >= total * 2):
        return "crisis and partial repair", "↗"
    if directions and directions[-1] == "upturn":
        return "recovering partnership", "↗"
    if (directions and directions[-1] == "downturn" and turns[-1].after >= COOLING_FLOOR and total
            and cooperative / total >= MOSTLY):
        return "cooperation, cooling", "↘"  # (+10.0 -> +4.1: still cooperation, less of it)
    if (directions and directions[-1] == "downturn") or (trend == "deteriorating" and conflictual):
        return "deteriorating relationship", "↘"
    if total and conflictual / total >= 0.5:
        return "tense relationship", "→"
    if total and cooperative / total >= MOSTLY:
        return ("deepening cooperation", "↗") if trend == "improving" else ("steady cooperation", "→")
    return "mixed record", "→"


def lead(vector: str, country_name: str, year: int, n_events: int, cooperative: int, conflictual: int,
         facts: Sequence[DyadFacts], deals: Sequence[tuple[Agreement, tuple[Cite, ...]]],
         figures: Sequence[tuple[str, tuple[Cite, ...]]], phrase: str) -> tuple[Sentence, ...]:
    """The lead paragraph of a vector: judgement, trajectory, turning points, agreements, figures."""
    if n_events == 0:
        return ((Part(f"No coded events of {country_name} with {in_prose(vector)} in {year}: the record is silent "
                      "here, which says nothing about the relationship itself."),),)
    out: list[Sentence] = []
    if conflictual:
        share = f"{cooperative} cooperative, {conflictual} conflictual"
    else:
        share = f"all {cooperative} cooperative" if cooperative == n_events else f"{cooperative} cooperative"
    out.append((Part(f"{phrase[:1].upper() + phrase[1:]}: {_n(n_events, 'event')} in {year} ({share})."),))
    for f in facts:
        if f.mean is not None and f.trend.label != "too few data":
            out.append((Part(f"With {names_and(f.name)} the record is {f.trend.label}: a mean PLOVER score of "
                             f"{f.mean:+.1f} over {_n(f.events, 'event')}, the slope {f.trend.slope:+.2f} a month."),))
        elif f.mean is not None:
            out.append((Part(f"With {names_and(f.name)}: {_n(f.events, 'event')}, mean PLOVER score {f.mean:+.1f}, too "
                             "few months for a trend."),))
        for point, cause, cites in f.turns:
            verb = "turned down" if point.direction == "downturn" else "turned up"
            out.append((Part(f"It {verb} in {_month(point.month)} ({point.before:+.1f} → {point.after:+.1f}): "
                             f"{cause}.", cites),))
    if deals:
        items = [Part(("Agreements and status changes: " if i == 0 else "; ")
                      + f"{a.subject} {a.status} ({', '.join(a.parties)})", cites)
                 for i, (a, cites) in enumerate(deals)]
        out.append((*items, Part(".")))
    if figures:
        items = [Part(("Figures: " if i == 0 else "; ") + text, cites) for i, (text, cites) in enumerate(figures)]
        out.append((*items, Part(".")))
    return tuple(out)


def opening(country_name: str, year: int, n_events: int, n_partners: int, cooperative: int,
            sections: Sequence[tuple[str, str, str, int]]) -> tuple[Sentence, ...]:
    """The year's themes in a few sentences: scale, balance, and each vector's judgement.

    ``sections``: (vector, phrase, arrow, events) in display order."""
    if n_events == 0:
        return ((Part(f"The record holds no events of {country_name} in {year}."),),)
    busiest = max(sections, key=lambda s: s[3]) if sections else None
    out: list[Sentence] = [(Part(
        f"In {year} the record holds {_n(n_events, 'event')} of {possessive(country_name)} foreign policy with "
        f"{_n(n_partners, 'partner')}, {cooperative / n_events:.0%} of them cooperative."
        + (f" The busiest vector was {busiest[0]} ({_n(busiest[3], 'event')})." if busiest else "")),)]
    judged = [f"{name}: {phrase} {arrow}" for name, phrase, arrow, n in sections if n]
    if judged:
        out.append((Part("By vector — " + "; ".join(judged) + "."),))
    return tuple(out)


def balance_words(current: PeriodBalance, previous: PeriodBalance | None) -> tuple[Sentence, ...]:
    """How cooperation was spread over the vectors, and against the year before when the record has it."""
    conc = current.vectors_by_count
    if not conc.shares or conc.hhi is None or conc.effective is None:
        return ((Part(f"No cooperative event with a partner in {current.period}."),),)
    top, share = next(iter(conc.shares.items()))
    spread = ("concentrated" if conc.hhi >= 0.4 else "spread" if conc.hhi <= 0.2 else "moderately spread")
    out: list[Sentence] = [(Part(
        f"Cooperation in {current.period} was {spread} over the vectors: {_n(current.events, 'cooperative event')}, "
        f"HHI {conc.hhi:.2f} (the equivalent of {conc.effective:.1f} equal vectors), entropy "
        f"{conc.entropy or 0:.2f}; the largest share went to {top} ({share:.0%})."),)]
    prev = previous.vectors_by_count if previous else None
    if previous is not None and prev is not None and prev.shares and prev.hhi is not None and prev.effective:
        p_top, p_share = next(iter(prev.shares.items()))
        change = "more concentrated" if conc.hhi > prev.hhi + 0.02 else "more spread" \
            if conc.hhi < prev.hhi - 0.02 else "about as spread"
        out.append((Part(f"Against {previous.period} ({_n(previous.events, 'cooperative event')}, HHI "
                         f"{prev.hhi:.2f}, {prev.effective:.1f} equivalent vectors, largest {p_top} {p_share:.0%}), "
                         f"it was {change}."),))
    elif previous is not None:
        out.append((Part(f"The record holds no cooperative event in {previous.period} to compare with."),))
    return tuple(out)


def day_label(start: date, end: date, year: int) -> str:
    """"8 Aug", "20–21 Oct", "Jul" (a whole month), "2025" (the whole year); the year only when not ``year``."""
    tail = "" if start.year == year else f" {start.year}"
    if start == end:
        return f"{start.day} {MONTHS[start.month - 1][:3]}{tail}"
    if start.day == 1 and (end.month != start.month or end.day >= 28) and start.month == end.month:
        return f"{MONTHS[start.month - 1][:3]}{tail}"
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return str(start.year)
    if start.month == end.month:
        return f"{start.day}–{end.day} {MONTHS[start.month - 1][:3]}{tail}"
    return f"{start.day} {MONTHS[start.month - 1][:3]} – {end.day} {MONTHS[end.month - 1][:3]}{tail}"


def _month(month: str) -> str:
    return MONTHS[int(month[5:7]) - 1]


def _n(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def in_prose(name: str, organisation: bool = False) -> str:
    """A name as running prose says it: "the Philippines", "the African Union"; "Kenya", "BRICS" as they are
    (grammar.toml names.with_article)."""
    if name in NAMES_WITH_ARTICLE or (organisation and " " in name and not name.lower().startswith("the ")):
        return f"the {name}"
    return name


def possessive(name: str) -> str:
    """"Kenya" -> "Kenya's", "the Philippines" -> "the Philippines'"."""
    return name + ("'" if name.endswith("s") else "'s")


def names_and(names: str) -> str:
    """"Kyrgyzstan, Tajikistan, Uzbekistan" -> "Kyrgyzstan, Tajikistan and Uzbekistan"."""
    head, _, last = names.rpartition(", ")
    return f"{head} and {last}" if head else names
