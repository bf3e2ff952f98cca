"""When an event happened: which of a sentence's date phrases belongs to a trigger's clause, else the date
the narrative carries; a named event ("the SCO summit") keeps the date the document gave it before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from spacy.tokens import Span, Token

from diplomap.extract.context import SentenceContext, mention_tokens, tokens_in
from diplomap.extract.dates import DateMention
from diplomap.extract.spans import NUMBERS
from diplomap.extract.subjects import subject_tokens
from diplomap.extract.syntax import TriggerMatch, clause_of
from diplomap.knowledge.grammar import (
    ACT_NOUNS,
    ADVERBIAL_PREPS,
    CLAUSE_WORDS,
    CONFLICT_NOUNS,
    LASTING,
    LASTING_ENDS,
    REPORTING,
    SETTING_PREPS,
    SPEECH_NOUNS,
    TOPIC_PREPS,
    WEEKDAY_PATTERN,
)
from diplomap.model import DateSpan, Precision

# a figure compared with its past before a date: the date is the figure's, no act's ("up from $2.7 billion in 2019")
_BASELINE = re.compile(r"\b(?:up|down|rising|falling|rose|fell)\s+from\b[^,;]*$|\bcompared\s+(?:with|to)\b[^,;]*$",
                       re.I)
# words before a date that make it a bound of a state, not the date of an act ("in place since 1992")
_BOUND_WORDS = ("since", "until", "till", "before", "after", "from", "by")
_BOUND_PAIRS = (["as", "of"], ["ahead", "of"], ["prior", "to"])


def event_date(sent: Span, trig: TriggerMatch, ctx: SentenceContext, region: set[int], trigger_heads: set[int]
               ) -> DateSpan | None:
    """The date of the trigger's own clause, else of the nearest clause above it, else the anchor.

    A date that only bounds a state ("in place since 1992") counts only when nothing else does.
    """
    inherited = replace(ctx.anchor, inherited=True) if ctx.anchor else None
    if not ctx.dates:
        return inherited
    if (mirrored := _before_the_clause(sent, trig, ctx)) is not None:
        return mirrored
    attached: dict[int, list[DateMention]] = {}
    bounds: list[DateMention] = []
    text = ctx.text_of(sent)
    object_day: DateMention | None = None  # the day of the act a stance is on (_day_of_the_object)
    for d in ctx.dates:
        toks = tokens_in(sent, d.start, d.end)
        if not toks:
            continue
        last = toks[-1]
        if (d.kind == "year" and last.dep_ in ("compound", "nummod", "amod", "npadvmod") and last.head.i > last.i
                and last.head.i != trig.token.i and last.head.dep_ == "dobj" and last.head.head.i == trig.head.i):
            continue  # "suspended a 2018 military agreement": the year names the agreement, not the suspending
        if last.dep_ == "poss" and last.head.i != trig.token.i and last.head.i not in {w.i for w in trig.words} and (
                last.head.dep_ == "dobj" or (last.head.dep_ == "pobj" and last.head.head.lower_ in _WHAT_IT_IS_ON)):
            # "voiced concerns about Sunday's election results", "welcomed Sunday's vote": the day of the thing the
            # act is on, not the act's ("During Thursday's talks, they agreed", "In Monday's statement" are its)
            continue
        before = text[max(0, d.start - 14): d.start].lower().split()
        whole = before[-1:] == ["from"] and d.span.precision == Precision.RANGE  # "held from August 21 to 24"
        if before and not whole and (before[-1] in _BOUND_WORDS or before[-2:] in _BOUND_PAIRS):
            bounds.append(d)
            continue
        if _BASELINE.search(text[max(0, d.start - 50): d.start]):
            continue  # "raise investment to $6.8 billion a year, up from $2.7 billion in the 2010s": a figure's past
        if _occasion_of(toks):
            continue  # "approved the deployment of observers for the October vote": the occasion's date, not the act's
        opened = _bounding_clause(toks[0], trig, trigger_heads)
        recent = ctx.written and d.span.precision == Precision.DAY and (
            ctx.written - timedelta(7) <= d.span.end < ctx.written)
        if (opened == "since" and trig.token.pos_ in ("NOUN", "PROPN")) or (opened and recent):
            # "suspended Madagascar after the military took power on October 14", written on the 15th: the other
            # act's recent day bounds this one, which the story tells as news ("lifted them after he won the 2014
            # elections" stays near its year); an act named "since" a day came after it ("his first visit to
            # Australia since becoming leader in December"; "has prioritized ties since taking office in 2021" is a
            # state since then)
            bounds.append(d)
            continue
        if _day_of_the_object(trig, toks[0], d, ctx) or (
                object_day is not None and not text[object_day.end:d.start].strip()):
            object_day = d  # (with the year told after it: "on October 7 last year")
            continue
        attached.setdefault(clause_of(toks[0], trigger_heads).i, []).append(d)
    if trig.head.dep_ == "relcl":  # "since January 12, when troops clashed": the day the clause tells of
        on = trig.head.head.idx - sent.start_char
        told = [d for d in ctx.dates if d.start <= on < d.end]
        if told:
            return told[0].span
    pos = trig.token.idx - sent.start_char
    # "..., while in September, Aliyev, Pashinyan and Erdogan held": a date right before the
    # clause's subject is the clause's date, however the parser attached it
    subject = subject_tokens(trig)
    # (not a subject a relative clause's "it" stands for: that sits in the clause above)
    if subject and not (trig.head.dep_ == "relcl" and min(subject) not in {t.i for t in trig.head.subtree}):
        lead = sent.doc[max(sent.start, min(subject) - 4)].idx - sent.start_char
        first = sent.doc[min(subject)].idx - sent.start_char
        # (not the date of another act told before or after it: "After a call between Putin and Trump on Tuesday,
        # Ukraine struck ... on Wednesday")
        near = [d for k, ds in attached.items() for d in ds if lead <= d.start and d.end <= min(pos, first)
                and not _CLAUSE_WORDS.search(text[d.end:first])
                and not (k in trigger_heads and k not in (trig.head.i, trig.token.i)
                         and sent.doc[k].dep_ == "pobj" and sent.doc[k].head.lower_ in _BEFORE_OR_AFTER)]
        if near:
            return max(near, key=lambda d: d.start).span
    if (setting := _dated_setting(trig.head, attached, pos)) is not None:
        return setting  # "met in Dushanbe at the CIS summit on October 9"
    node: Token | None = trig.token
    seen: set[int] = set()
    while node is not None and node.i not in seen:
        seen.add(node.i)
        if node.i in attached:
            return _nearest(attached[node.i], pos)
        if node.i != trig.head.i and node.i != trig.token.i and node.pos_ in ("VERB", "AUX") and (
                setting := _dated_setting(node, attached, pos)) is not None:
            return setting  # "In a phone call on Monday, Macron told Putin that France would keep backing Kyiv"
        node = node.head if node.head.i != node.i else None
    below = region | {t.i for t in trig.head.subtree}
    # a date of another trigger's clause below this one is that event's ("reiterated support, building on
    # the vision adopted four years earlier"), not this one's
    # (a participle describing the trigger's own noun or the act it was done in, "agreed in a deal brokered by China
    # on 10 March", tells of the same event; one describing a person or thing, "hostages seized in the 7 October
    # attack", or an act the trigger acts on, "agreed to ratify the trade agreement signed in September 2023", not)
    words = {w.i for w in trig.words}
    others = {i for i in trigger_heads - {trig.token.i, trig.head.i}
              if sent.doc[i].dep_ != "acl" or not (sent.doc[i].head.i in words or sent.doc[i].head.i in trigger_heads
                                                   or _own_setting(sent.doc[i].head, trig.head))}
    # "welcomed the agreement to resolve issues that arose in 2020": a relative clause on a person or thing
    # dates what it tells of it, not the act above
    # (and a participle on a thing: "the series involving Pakistan, scheduled for next month")
    described = {k for k in attached if k not in trigger_heads and sent.doc[k].dep_ in ("relcl", "acl")
                 and k != trig.head.i
                 and sent.doc[k].head.i not in words and sent.doc[k].head.i not in trigger_heads
                 and not _own_setting(sent.doc[k].head, trig.head)}
    others |= described
    # "welcomed the results and promised to follow the elections on 3 November": a date in what another trigger
    # ("promised") promises is that trigger's business, not this one's
    others |= {k for k in attached if _below_another(sent.doc[k], trig.head, others)}
    # "promised to follow the elections on 3 November", written in October: a day still to come, in the clause of
    # what is agreed or asked, is the day of what was agreed, not of the agreeing
    if (reacted := _reacted_to_last(sent, trig, attached, others, ctx)) is not None:
        return reacted
    # (the infinitive of the noun a light verb names: "expressed readiness to host talks later this year")
    agreed = {t.idx - sent.start_char for w in {trig.head, *trig.words} for c in w.children
              if c.dep_ == "xcomp" or (c.dep_ == "acl" and w.pos_ == "NOUN" and any(
                  a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) for t in c.subtree}
    coming = [d for d in ctx.dates if "asks_ahead" in trig.entry.traits and ctx.written and d.span.start > ctx.written
              and any(d.start <= c < d.end for c in agreed)]
    inside = [d for key, ds in attached.items() if key not in others for d in ds
              if any(d.start <= sent.doc[i].idx - sent.start_char < d.end for i in below) and d not in coming]
    if inside:
        return _nearest(inside, pos)
    # "Thailand recalled its ambassador and expelled the Cambodian envoy on Thursday": verbs joined by 'and'
    # share the date told after the last of them, when the first tells none of its own
    joined = [c for c in trig.head.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i in attached]
    if joined and trig.head.pos_ == "VERB" and trig.head.i not in attached:
        return _nearest(attached[joined[0].i], pos)
    # "Spain and Morocco agreed to reopen their border on Thursday", "asked India to withdraw its troops on Monday":
    # a day already past, in the clause of what was agreed or asked, is the day of the agreeing or asking
    past = [d for d in ctx.dates if ctx.written and d.span.precision == Precision.DAY and d.span.end <= ctx.written
            and any(d.start <= c < d.end for c in agreed) and d not in bounds]  # ("withdraw by March 15": a deadline)
    if past and "asks_ahead" in trig.entry.traits:
        return past[0].span
    # (with no day of the story to fall back on, a date of a thing described is still not the act's: an undated
    # item's "welcomed the agreement on issues that arose in 2020" has no date)
    told = [d for key, ds in attached.items() if key not in described for d in ds]
    if told or (attached and inherited):
        return inherited or _nearest(told, pos)
    # "since 2000", "until May 18": a bound dates a state, not the act; only without any other date
    return inherited or (_nearest(bounds, pos) if bounds else None)


def _bounding_clause(tok: Token, trig: TriggerMatch, trigger_heads: set[int]) -> str:
    """The word ("after", "before", "since", "until") opening a clause the token is in (or a gerund's phrase: "since
    becoming leader") that tells no act of its own coded here, with the trigger outside it: that clause's day bounds
    the act, it is not the act's. "" when there is none."""
    node = tok
    while node.head.i != node.i and not (node.pos_ in ("VERB", "AUX") and node.dep_ in ("advcl", "pcomp")):
        node = node.head
    if node.i in trigger_heads:
        return ""
    if node.dep_ == "advcl":
        mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in _BEFORE_OR_AFTER), None)
        return mark.lower_ if mark is not None and trig.token.i not in {t.i for t in node.subtree} else ""
    if node.dep_ == "pcomp" and node.head.lower_ in _BEFORE_OR_AFTER:
        return node.head.lower_ if trig.token.i not in {t.i for t in node.head.subtree} else ""
    return ""


def _occasion_of(toks: list[Token]) -> bool:
    """Does the date name an occasion an act is for ("for the October vote", "for the June 24 elections"), before its
    noun, not the act's time ("for consultations on Tuesday") nor itself ("for 2025")?"""
    noun, own = toks[-1].head, {t.i for t in toks}
    return (all((t.dep_ in ("compound", "nummod", "amod", "nmod") and t.head.i == noun.i) or t.head.i in own
                for t in toks) and noun.i > toks[-1].i and noun.pos_ == "NOUN"
            and noun.dep_ == "pobj" and noun.head.lower_ == "for")


_CLAUSE_WORDS = re.compile(r"\b(?:" + "|".join(sorted(CLAUSE_WORDS)) + r")\b")  # (grammar.toml adverbs.clause_words)


_REACTED_PATH = frozenset({"prep", "pcomp", "pobj", "dobj", "acl"})


def _reacted_to_last(sent: Span, trig: TriggerMatch, attached: dict[int, list[DateMention]], others: set[int],
                     ctx: SentenceContext) -> DateSpan | None:
    """'Russia accused Finland of militarising the border on Friday', 'Morocco welcomed Kenya's decision to support
    the plan on Monday': a past day told last in the sentence, in the act a stance is taken on (its "of" phrase,
    or a clause on its object), is the day of the stance, which tells none of its own."""
    if "reaction" not in trig.entry.traits:
        return None
    for key in others & attached.keys():
        path = _up_to(sent.doc[key], trig.head)
        if not path or any(t.dep_ not in _REACTED_PATH for t in path):
            continue
        if _participle_on(sent.doc[key]):
            continue  # "congratulated Chile for the elections held on Sunday": the participle's day is the elections'
        for d in attached[key]:
            after = ctx.text_of(sent)[d.end:].strip()
            if (d.span.precision == Precision.DAY and not after.strip(".!?\"'”’ ") and ctx.written is not None
                    and ctx.written - _LONG_BEFORE <= d.span.end <= ctx.written):
                return d.span  # (not a day long before the item: "condemned the massacre ... on October 7 last year")
    return None


def _up_to(tok: Token, head: Token) -> list[Token]:
    """The tokens from ``tok`` up to ``head`` (not ``head`` itself); none when ``head`` is not above ``tok``."""
    path: list[Token] = []
    while tok.i != head.i:
        if tok.head.i == tok.i:
            return []  # (the root: not below ``head`` at all)
        path.append(tok)
        tok = tok.head
    return path


def _below_another(node: Token, head: Token, others: set[int]) -> bool:
    """Is the token in what another trigger word below ``head`` (one of ``others``) agrees, promises or asks, its
    infinitive ('promised to follow the elections on 3 November')?"""
    return any(n.dep_ == "xcomp" and n.head.i in others and any(c.tag_ == "TO" for c in n.children)
               for n in _up_to(node, head))


def _nearest(dates: Sequence[DateMention], pos: int) -> DateSpan:
    """Of the dates, the one told nearest the trigger."""
    return min(dates, key=lambda d: abs(d.start - pos)).span


_BEFORE_OR_AFTER = frozenset({"after", "before", "following", "since", "until", "prior", "ahead"})


def _dated_setting(verb: Token, attached: dict[int, list[DateMention]], pos: int) -> DateSpan | None:
    """The date of a dated setting of a verb: a noun after during/at/in... that a date is attached to."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ADVERBIAL_PREPS | SETTING_PREPS:
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                if noun.i not in attached and prep.lower_ not in _BEFORE_OR_AFTER and (
                        dated := _dated_by_its_participle(noun, attached)):
                    return _nearest(dated, pos)  # "expressed in a communique issued last Monday"
                if noun.i in attached:
                    told = _nearest(attached[noun.i], pos)
                    # ("met Tebboune after a trip to Algiers by Tajani in March": the day or month of what came
                    # before or after is not the act's; its year, "closed after clashes in 2021", still is, and so is
                    # the day of the parties' own meeting the act followed, "signed five agreements after their talks
                    # in Hanoi on June 23", when the act tells no date of its own)
                    if prep.lower_ not in _BEFORE_OR_AFTER or told.precision in (Precision.YEAR, Precision.DECADE):
                        return told
                    if prep.lower_ in ("after", "following") and verb.i not in attached and any(
                            c.dep_ == "poss" and c.lower_ in ("their", "his", "her") for c in noun.children):
                        return told
    # "upgraded their ties to a partnership during Kishida's visit on Tuesday": a 'during' the parser hung on the
    # verb's object or its phrase is still the verb's setting
    frontier = [c for c in verb.children if c.dep_ in ("dobj", "prep")]
    for _ in range(3):
        deeper = []
        for node in frontier:
            if node.dep_ == "prep" and node.lower_ == "during" and node.head.i != verb.i:
                for noun in node.children:
                    if noun.dep_ == "pobj" and noun.i in attached:
                        return _nearest(attached[noun.i], pos)
            deeper += [c for c in node.children if c.dep_ in ("pobj", "prep", "dobj")]
        frontier = deeper
    return None


def _dated_by_its_participle(noun: Token, attached: dict[int, list[DateMention]]) -> list[DateMention]:
    """The dates of a participle on a paper or an act ("a communique issued last Monday", "the talks held on
    Friday"): when that was, what was done in it was."""
    if noun.lemma_.lower() not in SPEECH_NOUNS | ACT_NOUNS:
        return []
    return next((attached[c.i] for c in noun.children if _participle_on(c) and c.i in attached), [])


def _participle_on(tok: Token) -> bool:
    """A past participle describing a noun ("the elections held on Sunday", "a communique issued last Monday"): the
    day it tells is that of the thing described."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN"


def _before_the_clause(sent: Span, trig: TriggerMatch, ctx: SentenceContext) -> DateSpan | None:
    """'Sheinbaum spoke two days after Trump announced tariffs': the clause after 'after' tells what came that
    long before the time the narrative is at (and one after 'before' what came that long after it); so does the
    phrase after it ("the signing took place a week after Subianto's visit")."""
    if ctx.anchor is None or trig.head.pos_ not in ("VERB", "NOUN"):
        return None
    for d in ctx.dates:
        last = tokens_in(sent, d.start, d.end)[-1:]
        if not d.relative or not last or last[0].lower_ not in ("after", "before"):
            continue
        word = last[0]  # 'after' introducing a clause (mark) or a phrase (prep)
        clause = {t.i for t in (word.head if word.dep_ == "mark" else word).subtree} - {word.i}
        if trig.head.i in clause:
            stated = [e for e in ctx.dates if not e.relative and any(
                e.start <= sent.doc[i].idx - sent.start_char < e.end for i in clause)]
            if stated:
                # "a year after Chile and Peru signed their treaty on June 15, 2024": the clause's own date
                return max(stated, key=lambda e: e.start).span
            # counted from the date find_dates counted it from, mirrored about the day the sentence tells before it:
            # "signed on Tuesday, a day after their leaders met" (Monday)
            told = max((e for e in ctx.dates if e.end <= d.start and e.span.precision == Precision.DAY
                        and (not e.relative or e.kind == "weekday")), key=lambda e: e.end, default=None)
            b, a, span = (d.base or ctx.anchor), (told.span if told else ctx.anchor), d.span
            return DateSpan(a.start - (span.end - b.end), a.end - (span.start - b.start), span.precision, span.text)
    return None


def named_event(sent: Span, noun: Token, ctx: SentenceContext) -> tuple[str, ...] | None:
    """A named event ("the SCO summit", "the Dushanbe meeting"): its noun and the names on it."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    names: list[str] = []
    for mention in ctx.mentions:
        toks = mention_tokens(sent, mention, ctx.offset)
        if toks and all(t.head.i == noun.i or t.head.i in {x.i for x in toks} for t in toks) and (
                toks[-1].dep_ in ("compound", "amod", "nmod", "poss")):
            names.append(mention.entity_id)
    return (noun.lemma_.lower(), *sorted(set(names))) if names else None


def named_date(sent: Span, trig: TriggerMatch, ctx: SentenceContext, region: set[int]) -> DateSpan | None:
    """An event noun in the clause that names an event the document dated before."""
    for i in sorted(region | {t.i for t in trig.head.subtree} | {trig.token.i}):
        key = named_event(sent, sent.doc[i], ctx)
        if key and key in ctx.named_dates:
            return ctx.named_dates[key]
    return None


def owns_date(noun: Token, ctx: SentenceContext, sent: Span) -> bool:
    """Does a date phrase hang from the noun itself ("the summit on 22 August"), or from the clause under a verb
    ("who fled from Iraq several years ago")?"""
    own = {t.idx - sent.start_char for t in noun.subtree}
    return any(any(d.start <= c < d.end for c in own) for d in ctx.dates)



def _own_setting(noun: Token, head: Token) -> bool:
    """Is the noun an act the trigger (its ``head``) was done in, not one it acts on: 'agreed in a deal', not
    'ratified the agreement' or 'agreed to ratify the agreement'?"""
    return _names_an_act(noun) and noun.dep_ != "dobj" and not any(t.pos_ == "VERB" for t in _up_to(noun, head)[1:])


_LONG_BEFORE = timedelta(31)
# what a stance or a measure is on: "concerns about Sunday's election", "sanctions on Monday's shipment"
_WHAT_IT_IS_ON = TOPIC_PREPS | {"on", "of", "against", "for"}


def _day_of_the_object(trig: TriggerMatch, tok: Token, d: DateMention, ctx: SentenceContext) -> bool:
    """'... and condemned the barbaric massacre by Hamas on October 7', in news of May: a day long before the item,
    told on a stance taken on an act, is that act's day, not the stance's (told at the time, "condemned the attack
    on Saturday" keeps the day)."""
    verb = trig.head
    return ("reaction" in trig.entry.traits and verb.pos_ == "VERB" and tok.head.head.i == verb.i
            and d.span.precision == Precision.DAY and ctx.written is not None
            and (d.span.end < ctx.written - _LONG_BEFORE or (d.span.start > ctx.written and not re.search(
                r"\d{4}", d.text)))  # (a day with no year after the item's, of a past act: the year before)
            and any(c.dep_ == "dobj" and c.lemma_.lower() in CONFLICT_NOUNS for c in verb.children))


def _names_an_act(noun: Token) -> bool:
    return noun.lemma_.lower() in ACT_NOUNS


_WEEKDAY_TOLD = re.compile(rf"\b(?:{WEEKDAY_PATTERN})\b", re.I)


def weekday_of_its_own(trig: TriggerMatch, span: DateSpan) -> bool:
    """Is the span a weekday told in the trigger's own clause ("Putin will hold talks on Tuesday"), not the day of
    the telling it is reported in ("said on Tuesday it would sever ties": before the clause's subject)?"""
    if not _WEEKDAY_TOLD.search(span.text):
        return False
    subject = min((c.i for c in trig.head.children if c.dep_ in ("nsubj", "nsubjpass")), default=-1)
    return any(_WEEKDAY_TOLD.fullmatch(t.text) and (trig.head.dep_ != "ccomp" or t.i > subject)
               and not _in_a_telling(t, trig.head) for t in trig.head.subtree)


def _in_a_telling(tok: Token, head: Token) -> bool:
    """Is the token in the clause of a verb of telling below ``head`` ("will lift its sanctions, its foreign policy
    chief said on Tuesday", the parser joining "said" to "lift")?"""
    return any(n.pos_ == "VERB" and n.lemma_.lower() in REPORTING for n in _up_to(tok, head)[1:])


_LONGEST = 14  # days: longer stays are told with their dates, not counted from one
_WITHIN = frozenset({"during", "throughout", "amid", "amidst"})


def lasted(trig: TriggerMatch, span: DateSpan) -> DateSpan:
    """A day told as the last of an act that lasted several runs to that day: the visit of "concluded his two-day
    visit on Friday", the fighting of "a truce on 10 May after four days of fighting". A day that begins one
    ("arrived on Friday for a three-day visit") or falls within it ("met on Friday during his three-day visit") stays
    a day."""
    if span.precision != Precision.DAY:
        return span
    for noun in _lasting_nouns(trig.token):
        days = _days_long(noun)
        if days is None:
            continue
        path = [noun]
        while path[-1].pos_ not in ("VERB", "AUX") and path[-1].head is not path[-1]:
            path.append(path[-1].head)
        if any(t.lower_ in _WITHIN for t in path):
            return span
        said = {t.lemma_.lower() for t in path} | {o.lemma_.lower() for t in path if t.pos_ in ("VERB", "AUX")
                                                   for p in t.children if p.dep_ == "prep" for o in p.children}
        if said & LASTING_ENDS:
            return replace(span, start=span.start - timedelta(days=days - 1), precision=Precision.RANGE)
        return span
    return span


def _lasting_nouns(tok: Token) -> list[Token]:
    """The trigger if it names an act that lasts ("the visit"), else such an act it does or is done for ("concluded
    his visit", "arrived for a visit")."""
    if tok.lemma_.lower() in LASTING and tok.pos_ in ("NOUN", "PROPN"):
        return [tok]
    out = [c for c in tok.children if c.dep_ == "dobj"]
    out += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("for", "on") for o in p.children
            if o.dep_ == "pobj"]
    return [n for n in out if n.lemma_.lower() in LASTING]


def _days_long(noun: Token) -> int | None:
    """How many days the noun says the act lasted: "a three-day visit", "four days of talks"."""
    days = [c for c in noun.children if c.lemma_.lower() == "day" and c.dep_ in ("compound", "nmod", "amod")]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() == "day":
        days.append(noun.head.head)
    for day in days:
        for c in day.children:
            n = int(c.text) if c.text.isdigit() else NUMBERS.get(c.lower_, 0)
            if c.dep_ == "nummod" and 1 < n <= _LONGEST:
                return n
    return None
