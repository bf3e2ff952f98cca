"""Happenings: the events of one real-world occasion, told once.

Events join one happening when they share a day (neither spans more than four days and their dates
overlap, or lie a day apart when they tell the same kind of act or happen at the same place: one visit
or summit), or one visit or summit dated vaguely (the same place and the same dates),
and their parties overlap: besides the focus country they share a partner (or, without a focus country,
two actors); or they are one kind of act of the same dates told by one sentence ("the US, Japan and the EU
condemned the drills"). A later event joins the first happening with every event of which it fits, so a chain of
meetings on successive days does not grow into one.

A happening is read out in one line: the headlines of its events, most significant first, with the
doer said once when the next headline has the same one ("Pashinyan and Aliyev initialed the peace
agreement text and signed a joint declaration in Washington").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from diplomap.analyze.periods import sort_key
from diplomap.model import Event

DAY_WINDOW = 1  # days between the starts of two events of one happening
SHORT = 4  # days: a date no longer than this is "a day" (a two-day summit; a news headline's "the days before")
MAX_CLAUSES = 3  # headlines read out in one line


@dataclass(frozen=True)
class Happening:
    events: tuple[Event, ...]  # most significant first
    significance: float

    @property
    def anchor(self) -> Event:
        return self.events[0]

    @property
    def start(self) -> date:
        return min(e.date.start for e in self.events if e.date)

    @property
    def end(self) -> date:
        return max(e.date.end for e in self.events if e.date)

    @property
    def location(self) -> str:
        return next((e.location.name for e in self.events if e.location), "")

    @property
    def parties(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for e in self.events for c in e.actors))

    @property
    def event_ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in sorted(self.events, key=sort_key))

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ev.doc_id for e in self.events for ev in e.evidence))


def _short(e: Event) -> bool:
    return e.date is not None and e.date.days <= SHORT


def together(a: Event, b: Event, country: str | None) -> bool:
    """Do the two events tell one occasion? (the rule in the module docstring)"""
    if a.date is None or b.date is None:
        return False
    told_together = {(ev.doc_id, ev.sentence) for ev in a.evidence} & {(ev.doc_id, ev.sentence) for ev in b.evidence}
    if told_together and a.type == b.type and _short(a) and (a.date.start, a.date.end) == (b.date.start, b.date.end):
        return True  # "the US, Japan and the EU condemned the drills": one reaction of three parties, one line
    shared = set(a.actors) & set(b.actors)
    if country is not None and country in shared:
        if not shared - {country}:
            return False
    elif len(shared) < 2:
        return False
    same_place = a.location is not None and b.location is not None and a.location.name == b.location.name
    if _short(a) and _short(b):
        apart = max(0, (b.date.start - a.date.end).days, (a.date.start - b.date.end).days)  # days between them
        # the same day; or the next, when it is the same act retold or the same visit or summit (one place):
        # an attack and the sanctions of the day after are two happenings
        return apart == 0 or (apart <= DAY_WINDOW and (a.type == b.type or same_place))
    return same_place and (a.date.start, a.date.end) == (b.date.start, b.date.end)


def happenings(events: Iterable[Event], country: str | None, rank: Callable[[Event], float],
               per_extra_event: float = 0.5, per_extra_source: float = 1.0) -> list[Happening]:
    """Group the events into happenings, in date order; ``rank`` gives each event's significance."""
    groups: list[list[Event]] = []
    for event in sorted(events, key=sort_key):
        for group in groups:
            if all(together(member, event, country) for member in group):
                group.append(event)
                break
        else:
            groups.append([event])
    out = []
    for group in groups:
        ranked = sorted(group, key=lambda e: (-rank(e), sort_key(e)))
        docs = {ev.doc_id for e in group for ev in e.evidence}
        score = rank(ranked[0]) + per_extra_event * (len(group) - 1) + per_extra_source * (len(docs) - 1)
        out.append(Happening(tuple(ranked), round(score, 3)))
    return out


def read_out(headlines: Sequence[str], location: str = "", kinds: Sequence[str] = (), say_place: bool = True) -> str:
    """One line from the headlines of a happening's events (most significant first; duplicates and the same act told
    again in other words, and after the first any of fewer than four words, dropped), the place said once at the end
    (or not at all, for a line that names it before the text)."""
    suffix = f" in {location}" if location else ""
    clauses: list[str] = []
    if kinds:  # each kind of act before a second telling of one kind: the talks and the treaty, then more deals
        order = sorted(range(len(headlines)), key=lambda i: (list(kinds[:i]).count(kinds[i]) > 0, i))
        headlines = [headlines[i] for i in order]
    for line in headlines:
        line = line.strip().rstrip(".")
        if suffix and line.endswith(suffix):
            line = line[: -len(suffix)]
        if line and not any(_same_telling(line, c) for c in clauses) and (not clauses or len(line.split()) >= 4):
            clauses.append(line)
        if len(clauses) == MAX_CLAUSES:
            break
    if not clauses:
        return ""
    text = clauses[0]
    for clause in clauses[1:]:
        shared = _shared_doer(clauses[0], clause)
        text += (" and " + clause[len(shared):].lstrip()) if shared else "; " + clause
    return text + (suffix if say_place and location and location.lower() not in text.lower() else "")


def _same_telling(line: str, kept: str) -> bool:
    """The same act told again in other words: seven in ten of the words of both lines shared ("named CNNC as its
    preferred partner for a second nuclear power plant" and "... as the preferred partner for a second plant")."""
    a, b = set(line.lower().split()), set(kept.lower().split())
    return len(a & b) >= 0.7 * len(a | b)


def _shared_doer(first: str, other: str) -> str:
    """The words both lines open with, when they end before the first line's verb ("Pashinyan and Aliyev")."""
    a, b = first.split(), other.split()
    n = 0
    while n < min(len(a), len(b)) - 1 and a[n] == b[n]:
        n += 1
    if n < len(b) and b[n].lower() in ("and", "&", ",", "with"):
        return ""  # "Pakistan and India ...": the first word is one of two doers, not the doer
    if all(w.lower() in ("the", "a", "an") for w in b[:n]):
        return ""  # "The Chinese Mission said ..." and "The mission urges ...": an article is no doer
    return " ".join(b[:n]) if n >= 1 and n < len(a) - 1 else ""
