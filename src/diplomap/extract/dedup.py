"""Merge mentions of one real-world event within a document into one event with several evidences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import timedelta

from diplomap.knowledge.grammar import DOCUMENT_KINDS, EMPTY_VERBS, IRREGULAR, PAPERS, TIES
from diplomap.model import DateSpan, Event, Precision, Quantity

HEADLINE_DAYS = "headline"  # the text of a headline's guessed days (pipeline._headline_days)
_WEEK = timedelta(7)


def same_event(a: Event, b: Event, news: bool = False, one_stance: frozenset[str] = frozenset()) -> bool:
    """Same type, overlapping actors, compatible dates. In a news item (``news``), the same parties doing the
    same kind of thing on the same days is one happening told again (the headline, the lead, a quote); and hostile
    words of one party toward another in one sentence (types of ``one_stance``) are one stance ("Venezuela
    rejects it, denounces it")."""
    if a.modality != b.modality:
        return False
    if a.type != b.type:
        return (news and a.type in one_stance and b.type in one_stance and set(a.source) == set(b.source)
                and set(a.actors) == set(b.actors) and bool(a.source) and a.date == b.date and _one_sentence(a, b))
    sa, sb = set(a.actors), set(b.actors)
    # who did it to whom: "Iran struck Israel" and "Israel struck Iran" the same day are two strikes; an agreement
    # or a meeting is the same whichever side the text names first
    same_sides = sa == sb and (a.type in _UNDIRECTED or (set(a.source), set(a.target)) == (set(b.source),
                                                                                        set(b.target))
                               or _undirected_telling(a) or _undirected_telling(b))
    if _one_sentence(a, b):
        # two triggers of one sentence were coded apart on purpose ("expelled ... and recalled"), unless a news
        # sentence tells one act twice ("a gun battle when gunmen stormed the village", "refused to accept the
        # planes this weekend", the date sitting with one of the two words)
        # (the same days, whatever words told them: "yesterday" and "09 October")
        # (or a day and the days it begins or ends: "arrived on Thursday, the start of his three-day visit")
        one_date = _days(a.date) == _days(b.date) or (a.date is not None and b.date is not None and (
            a.date.inherited != b.date.inherited or _lasting_from(a.date, b.date) or _lasting_from(b.date, a.date)))
        # "Turkey refused to approve Sweden's bid to join NATO": the refusal and the approval refused are one act
        # of one party, one telling naming more of whom it concerns than the other
        ta, tb = set(a.target), set(b.target)
        nested_sides = bool(a.source) and set(a.source) == set(b.source) and (ta <= tb or tb <= ta)
        # "handed Peru's envoy a note of protest expressing concern": the concern is the protest, told without
        # whose it is (a meeting's parties are told apart on purpose: "Xi met Yunus after Han Zheng had")
        nested_sides = nested_sides or (a.type not in _UNDIRECTED and (
            (not a.source and sa <= sb) or (not b.source and sb <= sa)))
        # (hostile words of ``one_stance`` types are one stance whatever their modes: "called Lula a communist and
        # accused him of meddling", a disapproval and an allegation)
        # (a journey and the meeting it was made for: "arrived in Lima to attend the summit")
        return news and (same_sides or nested_sides) and one_date and (
            a.mode == b.mode or not a.mode or not b.mode or a.type in one_stance
            or {a.mode, b.mode} == {"Visit", "Multilateral"})
    if news and a.type == "AGREE" and _ties_and_papers(a, b):
        return False  # ties raised to a partnership and five pacts signed the same day: two acts
    if news and _papers(a) and _papers(b) and not _papers(a) & _papers(b):
        return False  # a declaration signed and instruments of ratification exchanged the same day: two acts
    if news and same_sides and len(sa) >= 2 and a.date and b.date and _same_days(a.date, b.date):
        return True
    if news and a.date and b.date and a.date.overlaps(b.date) and _nested(a.date, b.date) and (
            (not a.source and sa <= sb) or (not b.source and sb <= sa)
            or (a.type == "CONSULT" and len(sa & sb) >= 2 and (a.date.days == 1 or b.date.days == 1)
                and (a.mode == "Phone") == (b.mode == "Phone"))
            or (a.type == "CONSULT" and a.mode == b.mode and (_alone_in(a, b) or _alone_in(b, a)))):
        # "two were killed" after "gunmen stormed the village": the same attack told without its author; "the
        # meeting" and "Maduro and Ali met" the same day, one naming more of who was there (a call the two
        # leaders held with a third during their meeting is another consultation)
        return True
    shared = len(sa & sb)
    if shared < 2 and not (sa == sb and shared == 1):
        return False
    if a.type not in _UNDIRECTED and a.source and b.source and not set(a.source) & set(b.source):
        return False  # "Syria accused Hezbollah ... Hezbollah denied the accusation": two parties, two stances
    if a.type == "CONSULT":
        if not _same_meeting(a, b):
            return False  # the same parties meet often: "met" twice is two meetings unless told as one
        if a.date and b.date and _retold_of(a.date, b.date) and _topic(a) & _topic(b):
            # "Petrov's visit", no date of its own, after his visit to Benghazi "on 31 May" (not a meeting told
            # undated after "arrived on Friday for a three-day visit": a meeting of the visit)
            return True
    elif not (_topic(a) & _topic(b)) and (
            sa != sb or a.date != b.date or (a.date and a.date.inherited) or (b.date and b.date.inherited)):
        return False  # a memorandum and a peace agreement signed the same day are two events
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    return _same_days(a.date, b.date)


def _alone_in(a: Event, b: Event) -> bool:
    """'Following the talks, Trump said ...': a meeting told with one party alone is the meeting the same days
    told with that party and others."""
    return not a.target and len(set(a.source)) == 1 and set(a.source) < set(b.actors)


def _days(span: DateSpan | None) -> tuple[object, object] | None:
    return (span.start, span.end) if span is not None else None


def _one_sentence(a: Event, b: Event) -> bool:
    """Told, both, by one sentence."""
    return bool({(ev.doc_id, ev.sentence) for ev in a.evidence} & {(ev.doc_id, ev.sentence) for ev in b.evidence})


# types whose parties act together, whichever the text names first
_UNDIRECTED = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def _undirected_telling(event: Event) -> bool:
    """Told as all parties acting, none on the receiving side ("a gun battle between gunmen and police")."""
    return not event.target and len(event.source) >= 2


def _same_meeting(a: Event, b: Event) -> bool:
    """Consultations are one kind of thing whatever the word ("visit", "talks", "meeting"): between the same
    actors, on the same days, or with one date taken from the narrative, or in the same place within a
    month, they are one meeting told twice. A meeting held somewhere else is another meeting (not a retelling
    with no date of its own that names the country of its city)."""
    if set(a.actors) != set(b.actors) or a.date is None or b.date is None:
        return False
    same_place = a.location is not None and b.location is not None and a.location.name == b.location.name
    if a.location is not None and b.location is not None and not same_place and (
            a.location.country != b.location.country or not (_retold(a.date) or _retold(b.date))):
        return False  # (a meeting retold undated in the country of its city is the same: "Benghazi", "in Libya")
    return ((a.date.start, a.date.end) == (b.date.start, b.date.end) or _retold(a.date) or _retold(b.date)
            or (same_place and max(a.date.days, b.date.days) <= 31))


def _retold_of(x: DateSpan, y: DateSpan) -> bool:
    """One date taken from the narrative (``_retold``), the other its own, told up to a month before it."""
    return any(_retold(r) and not o.inherited and r.start - timedelta(31) <= o.start <= r.end
               for r, o in ((x, y), (y, x)))


def _retold(span: DateSpan) -> bool:
    """A date taken from the narrative around it, sharper than the whole period the text covers."""
    return span.inherited and span.precision != Precision.YEAR


def _topic(event: Event) -> frozenset[str]:
    """What the trigger names, as word stems: "signed memorandum" -> {sign, memorandum}."""
    return frozenset(_stem(w) for w in event.trigger.lower().split()) - EMPTY_VERBS


def _papers(event: Event) -> frozenset[str]:
    """The kinds of paper an agreement's trigger names ("signed memorandums" -> {memorandum}); none for others."""
    if event.type != "AGREE":
        return frozenset()
    return frozenset(DOCUMENT_KINDS[w] for w in event.trigger.lower().split() if w in DOCUMENT_KINDS)


def _ties_and_papers(a: Event, b: Event) -> bool:
    """One agreement raises the parties' ties ("elevated relations to a strategic partnership"), the other signs
    papers ("inked five pacts"): two acts, even on the same day."""
    return {_deal_kind(a), _deal_kind(b)} == {"ties", "papers"}


def _deal_kind(event: Event) -> str:
    """What an agreement's trigger names: ties ("raise ties"), papers ("signed memorandums"), neither or both ("")."""
    words = set(event.trigger.lower().split())
    ties, papers = bool(words & TIES), bool(words & PAPERS)
    return "ties" if ties and not papers else "papers" if papers and not ties else ""


def _stem(word: str) -> str:
    """A crude stem, enough to tell 'finalized' and 'the finalization', 'met' and 'the meeting', 'recognise' and
    'recognising' name one act."""
    word = IRREGULAR.get(word, word)
    for suffix in ("izations", "isations", "ization", "isation", "ations", "ation", "ized", "ised", "izes", "ises",
                   "ize", "ise", "izing", "ising", "ings", "ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _lasting_from(day: DateSpan, days: DateSpan) -> bool:
    """Is ``days`` the stay ``day`` begins or ends, counted from the same words (extract/when.lasted)?"""
    return (day.days == 1 and days.precision == Precision.RANGE and day.text == days.text
            and day.start in (days.start, days.end))


def _same_days(x: DateSpan, y: DateSpan) -> bool:
    """Dates that can tell one happening: one within the other; or a headline's days (only a guess: the few days up
    to the item's publication) and what the body dates in them or in the week before them ("Macron's state visit
    resets ties", published on 2 November, and the visit "from October 28 to 30")."""
    if x.overlaps(y) and _nested(x, y):
        return True
    return any(h.text == HEADLINE_DAYS and o.text != HEADLINE_DAYS and o.start <= h.end and o.end >= h.start - _WEEK
               for h, o in ((x, y), (y, x)))


def _nested(x: DateSpan, y: DateSpan) -> bool:
    """One interval lies within the other: a day in its month, a month in its year."""
    return x.within(y) or y.within(x)


def merge(events: Sequence[Event], news: bool = False,
          aspects: Mapping[str, frozenset[str]] | None = None, one_stance: frozenset[str] = frozenset(),
          cooperative: frozenset[str] = frozenset(), states: frozenset[str] = frozenset()) -> list[Event]:
    """One event per happening: the same event told again is combined; in news, an event that is an aspect of
    another (``aspects``: type -> the types it is an aspect of, plover_types.csv) joins that one."""
    out: list[Event] = []
    for event in (_sides_of_one_meeting(events, states) if news else events):
        for i, kept in enumerate(out):
            if same_event(kept, event, news, one_stance):
                out[i] = _combine(kept, event)
                break
        else:
            out.append(event)
    return _absorb_aspects(out, aspects, cooperative, one_stance) if news and aspects else out


def _sides_of_one_meeting(events: Sequence[Event], states: frozenset[str]) -> list[Event]:
    """A news item telling a meeting once by one side and once by the other ("the Kenyan president's state visit
    began ...", then "'We were glad to receive him,' Tinubu said after the talks"), each with no other party, on the
    same days: one meeting of both states."""
    out = list(events)
    for event in events:
        if event not in out or not _one_sided_meeting(event, states) or not event.source:
            continue
        other = next((o for o in out if o is not event and _one_sided_meeting(o, states)
                      and set(o.actors) != set(event.actors)
                      and o.modality == event.modality and (o.mode == "Phone") == (event.mode == "Phone")
                      and o.date is not None and event.date is not None and _same_days(o.date, event.date)), None)
        if other is not None:
            out[out.index(event)] = _combine(event, other)
            out.remove(other)
    return out


def _one_sided_meeting(event: Event, states: frozenset[str]) -> bool:
    """A meeting told with one state alone."""
    return event.type == "CONSULT" and len(set(event.actors)) == 1 and event.actors[0] in states


def _absorb_aspects(events: list[Event], aspects: Mapping[str, frozenset[str]],
                    cooperative: frozenset[str] = frozenset(), stances: frozenset[str] = frozenset()) -> list[Event]:
    """'North Korea and Russia signed a partnership, providing for mutual assistance': the assistance the
    agreement provides for is that agreement, told of the same parties on the same days, not a second happening
    (likewise the detentions of an attack); its evidence joins the event it is an aspect of."""
    out = list(events)
    for event in events:
        main = next((i for i, other in enumerate(out)
                     if other is not event and _aspect_of(event, other, aspects, cooperative, stances)), None)
        if main is not None and event in out:
            host = out[main]
            out[main] = replace(host, evidence=tuple(sorted({*host.evidence, *event.evidence}, key=lambda e: e.start)))
            out.remove(event)
    return out


def _aspect_of(event: Event, other: Event, aspects: Mapping[str, frozenset[str]], cooperative: frozenset[str],
               stances: frozenset[str] = frozenset()) -> bool:
    """``aspects``: type -> the types it is an aspect of; "AGREE:MUTUAL" only when it is told of the parties
    together, no one's stance toward another ("both reaffirmed their commitment" is their agreement's;
    "China firmly supports Turkmenistan", said at the signing, is a stance of its own)."""
    hosts = aspects.get(event.type, frozenset())
    mutual = not set(event.target) - set(event.source)
    # (a cooperative act of a hostile act's target toward its doer answers it, no aspect of it: Japan praising
    # Korea is no part of Korea's complaint against Japan)
    answers = event.type in cooperative and other.type not in cooperative and bool(event.source) and set(
        event.source) <= set(other.target) and bool(set(event.target) & set(other.source))
    # (nor is a cooperative act of the doer of a hostile stance (``stances``) toward a party: the OIC condemning a
    # blast in Pakistan and supporting Pakistan's efforts takes two stances; the support of the party accused is
    # its defence, an aspect)
    own_stance = event.type in cooperative and other.type in stances and bool(event.source) and bool(
        event.target) and set(event.source) == set(other.source)
    return ((other.type in hosts or (mutual and f"{other.type}:MUTUAL" in hosts)) and not answers and not own_stance
            and event.modality == other.modality
            and bool(event.actors) and set(event.actors) <= set(other.actors)
            and event.date is not None and other.date is not None and event.date.overlaps(other.date))


def _roles(event: Event) -> tuple[bool, bool]:
    """How much of who did what to whom a telling says: both sides, then at least the one acted on."""
    return bool(event.source) and bool(event.target), bool(event.target)


def _combine(a: Event, b: Event) -> Event:
    """Keep the narrower date (and the location and quantities that come with the better mention)."""
    def rank(e: Event) -> tuple[int, int]:  # a stated date beats one inherited from the narrative, which beats the
        # days guessed for a headline
        return (2 if e.date is None or e.date.text == HEADLINE_DAYS else 1 if e.date.inherited else 0,
                e.date.days if e.date else 1 << 30)

    narrower = b if rank(b) < rank(a) else a
    other = a if narrower is b else b
    if set(a.actors) == set(b.actors):
        # the same parties told twice: the telling that says who visited whom (or who hit whom) keeps its roles
        # (a telling that names both sides beats one that leaves the doer out: "a letter recognizing Morocco's ...")
        told = narrower if _roles(narrower) >= _roles(other) else other
        source, target = told.source, told.target
    else:
        source = tuple(dict.fromkeys((*narrower.source, *other.source)))
        # a state acting on itself stays so ("Pakistan arrested activists", told twice)
        target = tuple(c for c in dict.fromkeys((*narrower.target, *other.target)) if c not in source) or (
            narrower.target if set(narrower.target) == set(narrower.source) else ())
    quantities: list[Quantity] = list(narrower.quantities)
    for q in other.quantities:
        if all(abs(q.value - k.value) > 1e-9 or q.unit != k.unit for k in quantities):
            quantities.append(q)
    return replace(
        narrower,
        source=source,
        target=target,
        location=narrower.location or other.location,
        quantities=tuple(quantities),
        evidence=tuple(sorted({*a.evidence, *b.evidence}, key=lambda ev: ev.start)),
    )
