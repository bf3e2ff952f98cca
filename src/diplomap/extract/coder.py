"""Code PLOVER events from one parsed sentence: triggers, date, modality, actors, place, quantities.

The mechanism, in the order ``Coder.code`` runs it; the cases live in ``knowledge/`` and in named rules:
1. triggers (``triggers.py``): verbs and event nouns of ``plover_triggers.csv``; a noun that is the object of
   a trigger verb belongs to it ("signed an agreement"); a noun under a light verb ("held talks") takes the
   light verb's subject, tense and modality;
2. the date of the trigger's clause, else the narrative's (``when.py``);
3. whether it names an event here at all (``eventhood.py``), and whether it is news and how it is told:
   happened, planned, expected, hypothetical, negated (``modality.py``);
4. actors among the gazetteer's mentions in the trigger's clause: the subject side is the source, the rest
   the target; a place of an event is never a party to it (``actors.py``, ``places.py``); then the named rules
   of ``rules.py`` that complete parties and place, and the type changes of ``type_changes.csv``;
5. quantities go to the nearest trigger.
A person acts for the state of the role held on the event date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Literal

from spacy.tokens import Span, Token

from diplomap.extract.actors import Actors
from diplomap.extract.context import SentenceContext, mention_tokens
from diplomap.extract.draft import Draft, Resolvers
from diplomap.extract.eventhood import names_a_framework, no_event
from diplomap.extract.lexicon import Lexicon
from diplomap.extract.modality import modality_of
from diplomap.extract.places import Places
from diplomap.extract.quantities import find_quantities
from diplomap.extract.retype import retype
from diplomap.extract.rules import AFTER_PLACE, BEFORE_PLACE, LAST
from diplomap.extract.spans import (
    hours_before_span,
    next_occurrence,
    previous_occurrence,
    told_before_span,
    weeks_before_span,
)
from diplomap.extract.subjects import after_phrase_subject, subject_tokens
from diplomap.extract.syntax import (
    TriggerMatch,
    authoring_verb,
    clause_region,
    partners_in_clause,
    setting_of,
    told_apart,
)
from diplomap.extract.triggers import TriggerFinder
from diplomap.extract.when import event_date, lasted, named_date, named_event, owns_date, weekday_of_its_own
from diplomap.knowledge import Knowledge
from diplomap.knowledge.grammar import ALLEGING, BELIEVING, CLAIM_NOUNS, REPORTING, SOON
from diplomap.model import DateSpan, Event, Evidence, Mention, Modality, Place, Precision, Quantity

__all__ = ["Coder", "SentenceContext"]


def _measured(noun: Token, measures: set[int]) -> bool:
    """A noun a measure (the words of ``measures``) falls on: "tariffs on imports from Mexico", "a ban on exports to
    Russia", also counted: "tariffs on C$30 billion of U.S. imports", "on $20 billion worth of goods"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
            noun.head.head.pos_ == "NUM" or noun.head.head.lower_ == "worth"):
        noun = noun.head.head  # the amount counted of it
    return noun.dep_ == "pobj" and noun.head.lower_ in ("on", "against") and noun.head.head.i in measures


class Coder:
    def __init__(self, kb: Knowledge, lexicon: Lexicon) -> None:
        self.kb = kb
        self.lex = lexicon
        self.finder = TriggerFinder(lexicon)
        self.places = Places(kb, lexicon)
        self.actors = Actors(kb, lexicon, self.places)
        self.resolvers = Resolvers(kb, lexicon, self.places, self.actors)

    def triggers(self, sent: Span) -> list[TriggerMatch]:
        return self.finder.find(sent)

    def actor_codes(self, sent: Span, offset: int, mentions: Sequence[Mention], span: DateSpan | None
                    ) -> tuple[str, ...]:
        return self.actors.in_sentence(sent, offset, mentions, span)

    def code(self, sent: Span, ctx: SentenceContext) -> list[Event]:
        triggers = self.finder.find(sent)
        if not triggers:
            return []
        ctx.place_phrases = self.places.place_phrases(sent, ctx)
        # "in Lachin, one of the regions de-occupied in 2020": a description of a place, not news
        triggers = [t for t in triggers if t.token.i not in ctx.place_phrases]
        obligations = self.finder.obligations(sent)
        # "reiterated that Libya must hand over": the obligation, not the reporting verb's own sense
        triggers = [t for t in triggers if t.token.i not in {o.token.i for o in obligations}] + obligations
        # "tariffs on imports from Mexico", "a ban on exports to Russia": what a measure falls on is its object
        targets = {w.i for t in triggers if t.entry.type in ("SANCTION", "COERCE") for w in t.words}
        triggers = [t for t in triggers if not (t.token.pos_ == "NOUN" and _measured(t.token, targets))]
        # "accused Islamabad of violating the ceasefire": what is alleged is the accusation's content, not news
        # (not what a condemnation or criticism is of: "voiced condemnation of Lithuania's decision to expel three
        # diplomats" is a stance on an act done; "accusations of genocide" allege)
        alleged = {t.i for a in triggers if a.entry.type == "ACCUSE" for c in a.token.children
                   if c.dep_ == "prep" and (c.lower_ == "for" or (c.lower_ == "of" and (
                       a.token.pos_ != "NOUN" or a.token.lemma_.lower() in CLAIM_NOUNS))) for t in c.subtree}
        # "denied accusations that it was arming the RSF", "Moscow's claim that Kyiv shelled the plant": the same
        alleged |= {t.i for n in sent if n.pos_ == "NOUN" and n.lemma_.lower() in CLAIM_NOUNS for c in n.children
                    if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    for t in c.subtree}
        # "insisted that Kabul must ensure its soil is not used to launch attacks": what is asked has not happened
        ctx.requested = {t.i for a in triggers if a.entry.type == "REQUEST" for c in a.head.children
                         if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
        # ("called on both sides to stop fighting and offered to host talks": the offer is no part of what was asked)
        ctx.requested -= {t.i for i in ctx.requested for c in sent.doc[i].children
                          if c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ") and sent.doc[i].tag_ == "VB"
                          for t in c.subtree}
        silent = {t.token.i for t in triggers if t.token.i in alleged}  # still a clause of its own
        triggers = [t for t in triggers if t.token.i not in alleged and not names_a_framework(t)]
        quantities = find_quantities(ctx.text_of(sent))
        events: list[tuple[TriggerMatch, Event]] = []
        trigger_heads = {t.head.i for t in triggers} | {t.token.i for t in triggers} | silent
        dated: dict[int, DateSpan] = {}
        # verbs first: an event noun in their setting ("held talks at the SCO summit") shares their date
        for trig in sorted(triggers, key=lambda t: (t.token.pos_ in ("NOUN", "PROPN"), t.token.i)):
            event = self._event(sent, trig, ctx, trigger_heads, dated)
            if event is not None:
                if event.date is not None:
                    dated[trig.head.i] = event.date
                events.append((trig, event))
                key = named_event(sent, trig.token, ctx)
                if key and event.date and not event.date.inherited:
                    ctx.named_dates.setdefault(key, event.date)
        events += self._claims(sent, ctx, events, trigger_heads, dated, {t.token.i for t in triggers})
        events = _mediated(_aimed(events))
        events = [(trig, each) for trig, event in _fold_elaborations(events)
                  for listed in self._listed(sent, trig, event, ctx)
                  for one in _envoys_apart(listed)
                  for apart in _met_apart(trig, one)
                  for each in (_reactions_apart(apart, self.lex) if ctx.reactions_apart else [apart])]
        events.sort(key=lambda pair: pair[0].token.i)
        return _attach_quantities(sent, ctx.text_of(sent), events, quantities)

    def _claims(self, sent: Span, ctx: SentenceContext, events: list[tuple[TriggerMatch, Event]],
                trigger_heads: set[int], dated: dict[int, DateSpan], taken: set[int]
                ) -> list[tuple[TriggerMatch, Event]]:
        """'Pakistan said Indian jets struck nine sites': telling that another party attacked, seized or threatened is
        an accusation of it (PLOVER ACCUSE), by the teller, of the party the telling names (a party telling of its
        own act accuses no one). An act only as its teller calls it (trigger frame characterization: "said the ships
        violated international law") is the accusation alone."""
        out: list[tuple[TriggerMatch, Event]] = []
        tellers: set[int] = set()
        characterized: set[int] = set()
        for n, (trig, event) in enumerate(events):
            teller = _teller(trig.head, "characterization" in trig.frames)
            # "believes that Ecuador funded the protests": told as an opinion, still an accusation
            told = (Modality.HAPPENED, Modality.HYPOTHETICAL) if teller is not None and (
                teller.lemma_.lower() in BELIEVING) else (Modality.HAPPENED,)
            if not self.lex.has_trait(event.type, "claimed") or not event.source or event.modality not in told:
                continue
            if teller is None:
                attributed = self._according_to(sent, ctx, trig, event)
                if attributed is not None and attributed[0].token.i not in tellers:
                    tellers.add(attributed[0].token.i)
                    out.append(attributed)
                continue
            if teller.i in taken or teller.i in tellers:
                continue
            tellers.add(teller.i)
            entry = self.lex.verb_entry(teller.lemma_, "ACCUSE", "Allege")
            claim = TriggerMatch(teller, teller, entry, [teller], self.lex.frames.get(teller.lemma_.lower(),
                                                                                     frozenset()))
            accusation = _accused_doer(self._event(sent, claim, ctx, trigger_heads | {teller.i}, dated), event)
            if accusation is not None and accusation.source and not set(accusation.source) & set(event.source):
                out.append((claim, accusation))
                if "characterization" in trig.frames or _in_scare_quotes(sent, ctx.text_of(sent), trig):
                    # ("said the ships violated international law", 'said the vessels had "illegally intruded"': the
                    # telling is the act, in the teller's words)
                    characterized.add(n)
                elif set(event.target) <= set(event.source):
                    # "Thailand said Cambodian forces had shelled a village": with no one else named, the act
                    # told was done to the teller, not by a state to itself
                    events[n] = (trig, replace(event, target=accusation.source))
        # ("the U.S. action undermines regional stability": a view told by no one is no act)
        events[:] = [pair for n, pair in enumerate(events)
                     if n not in characterized and "told_only" not in pair[0].frames]
        return out

    def _according_to(self, sent: Span, ctx: SentenceContext, trig: TriggerMatch, event: Event
                      ) -> tuple[TriggerMatch, Event] | None:
        """'According to the Thai side, Cambodian forces fired first': the party the telling is attributed to
        accuses the one it names."""
        for tok in sent:
            if tok.lower_ != "according" or event.date is None:
                continue
            told_by = {t.i for c in tok.children if c.lower_ == "to" for t in c.subtree}
            speaker, _, _ = self.actors.resolve(sent, trig, ctx, event.date, set(), told_by) if told_by else (
                [], [], None)
            if speaker and not set(speaker) & set(event.source):
                entry = self.lex.verb_entry("according", "ACCUSE", "Allege")
                claim = TriggerMatch(tok, tok, entry, [tok], frozenset())
                return claim, replace(event, type="ACCUSE", mode="Allege", source=tuple(speaker),
                                      target=tuple(event.source), trigger="according to", location=None)
        return None

    def _event(self, sent: Span, trig: TriggerMatch, ctx: SentenceContext, trigger_heads: set[int],
               dated: dict[int, DateSpan]) -> Event | None:
        region = clause_region(trig, trigger_heads)
        span = event_date(sent, trig, ctx, region, trigger_heads)
        if span is None:
            return None
        setting = setting_of(trig.token)
        if setting is not None and setting.i in dated and not owns_date(trig.token, ctx, sent):
            span = dated[setting.i]
        if span.inherited:
            # "... discussed during the SCO summit": the summit the text dated earlier
            span = named_date(sent, trig, ctx, region) or span
        if no_event(trig, dated_by_text=not span.inherited, news=not ctx.narrative):
            return None
        modality = modality_of(sent, trig, ctx, span)
        if modality is None:
            return None
        if modality == Modality.EXPECTED and span.precision != Precision.DAY:
            span = next_occurrence(span, ctx.written)  # "expected in the spring" (not "agreed on 27 October to")
        if modality in (Modality.PLANNED, Modality.EXPECTED) and ctx.written and span.end < ctx.written and (
                weekday_of_its_own(trig, span)):
            # "will hold talks on Tuesday", written on a Monday: the coming Tuesday, not the last one
            span = replace(span, start=span.start + timedelta(days=7), end=span.end + timedelta(days=7))
        if modality in (Modality.HAPPENED, Modality.BACKGROUND):
            span = previous_occurrence(span, ctx.written)  # "visited Riyadh in December", written in March
        span = lasted(trig, span)
        if modality == Modality.HAPPENED and trig.token.i in ctx.requested:
            modality = Modality.HYPOTHETICAL  # what a request asks for ("urged ... to support")
        if modality == Modality.HAPPENED and ctx.written and span.start > ctx.written:
            modality = Modality.PLANNED  # "the withdrawal takes effect on 29 January": not done when written
        if (modality == Modality.BACKGROUND and span.inherited and not ctx.narrative and ctx.anchor
                and not (ctx.focal_start and ctx.anchor.end < ctx.focal_start)):
            # "had threatened": before the story's day, not on it (a story told of a day long past goes on from
            # that day: "then agreed" is background on the day it inherits)
            span = told_before_span(ctx.anchor)
        elif (modality == Modality.HAPPENED and span.inherited and not ctx.narrative and ctx.anchor
              and ctx.written and (after := _after_clause(trig))):
            # "an agreement came after a soldier was killed": weeks before; "hours after leaders agreed": that day or
            # the one before
            span = weeks_before_span(ctx.anchor) if after == "long" else hours_before_span(ctx.anchor)
        elif (modality == Modality.HAPPENED and not ctx.narrative and ctx.written and _followed(trig)
              and not owns_date(trig.token, ctx, sent)):
            span = weeks_before_span(span)  # "Following Iran's strike, Pakistan on Thursday launched raids"
        subject = subject_tokens(trig) | partners_in_clause(trig)
        draft = Draft(trig, span, modality, region, subject, trigger_heads, type=trig.entry.type,
                      mode=trig.entry.mode)
        draft.source, draft.target, draft.location = self.actors.resolve(sent, trig, ctx, span, region, subject)
        for rule in BEFORE_PLACE + AFTER_PLACE:
            rule(self.resolvers, sent, ctx, draft)
        if not draft.source and not draft.target:
            return None
        for rule in LAST:
            rule(self.resolvers, sent, ctx, draft)
        told_as, typed_as = draft.modality, draft.type
        retype(self.resolvers, sent, ctx, draft)
        if not draft.source and not ctx.narrative and ctx.reactions_apart and self.lex.has_trait(
                draft.type, "needs_doer"):
            # "strikes killed ten civilians", "opposed to reinstating Syria": in the record, news of no one's act
            # (sentence coding, as PLOVER's, codes the type of what a sentence tells alone)
            return None
        if draft.type != typed_as and draft.source and set(draft.target) == set(draft.source):
            if self.lex.has_trait(draft.type, "hostile") and not self.lex.has_trait(draft.type, "at_home"):
                draft.target = []  # ("launched a trade war": no state sanctions itself, as it may fight at home)
            elif self.lex.has_trait(draft.type, "directed"):
                # "Russia denied that its drones entered Polish airspace": the other party the denial answers
                draft.target = self.actors.one_other(sent, ctx, span, draft.source) or draft.target
        if told_as != Modality.HAPPENED and draft.modality == Modality.HAPPENED and ctx.written and ctx.anchor and (
                span.end > ctx.written):
            span = replace(ctx.anchor, inherited=True)  # a promise of what comes later was made on the story's day
        start, text = ctx.offset, ctx.text_of(sent)
        ev = Evidence(ctx.doc_id, ctx.index, start, start + len(text), text)
        return Event(
            type=draft.type,
            mode=draft.mode,
            source=tuple(draft.source),
            target=tuple(draft.target),
            date=span,
            evidence=(ev,),
            modality=draft.modality,
            location=draft.location,
            trigger=" ".join(t.text for t in sorted(trig.words, key=lambda t: t.i)),
            summary=text.strip()[:300],
            trigger_at=ctx.offset + trig.token.idx - sent.start_char,  # for extract/headline.py
        )

    def _listed(self, sent: Span, trig: TriggerMatch, event: Event, ctx: SentenceContext) -> list[Event]:
        """"hosted two summits: the regular one in October in Gabala and the informal one in July in Shusha":
        one event per listed item, each on its own date and at its own place, when every item is dated."""
        for word in trig.words:
            appos = [c for c in word.children if c.dep_ == "appos"]
            items = [appos[0], *appos[0].conjuncts] if appos else []
            if len(items) < 2:
                continue
            told: list[tuple[DateSpan, Place | None]] = []
            for item in items:
                own = {t.i for t in item.subtree} - {t.i for c in item.children if c.dep_ == "conj" for t in c.subtree}
                chars = [sent.doc[i].idx - sent.start_char for i in own]
                dates = [d for d in ctx.dates if d.start in chars]
                if not dates:
                    return [event]
                places = [self.places.place(m) for m in ctx.mentions if m.label in ("PLACE", "CAPITAL")
                          and {t.i for t in mention_tokens(sent, m, ctx.offset)} <= own]
                told.append((dates[0].span, next((p for p in places if p), None)))
            # the trigger names the item's date too: each item is its own stored event (ids key on it)
            return [replace(event, date=span, location=place or event.location,
                            trigger=f"{event.trigger} ({span.text})") for span, place in told]
        return [event]


def _after_clause(trig: TriggerMatch) -> str:
    """Whether a verb is told in a clause opened by 'after': "long" ('after one soldier was killed and both sides
    reinforced': weeks before), "soon" ('shortly after Macron arrived', 'hours after the strike': grammar.toml
    adverbs.soon; and what is said after a meeting, 'Xi said after the two leaders met': the same occasion), else
    ""."""
    head = trig.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    marks = [c for c in head.children if c.dep_ == "mark" and c.lower_ == "after"]
    if not marks or head.pos_ not in ("VERB", "AUX") or after_phrase_subject(head):
        return ""  # ("After talks in Nairobi, Kenya and Ethiopia signed": the 'after' of a phrase the parser misread)
    said_after_a_meeting = trig.entry.type == "CONSULT" and head.head.lemma_.lower() in REPORTING
    soon = marks[0].i > 0 and head.doc[marks[0].i - 1].lower_ in SOON
    return "soon" if soon or said_after_a_meeting else "long"


def _followed(trig: TriggerMatch) -> bool:
    """A hostile act told by a noun after 'after' or 'following' on the clause's verb: what the clause's act
    answered, days or weeks before it ('talks' or 'a meeting' before a signing are of the same occasion)."""
    tok = trig.token
    return ("hostile" in trig.entry.traits and tok.pos_ == "NOUN" and tok.dep_ == "pobj"
            and tok.head.lower_ in ("after", "following") and tok.head.head.pos_ in ("VERB", "AUX"))


_DOUBLE_QUOTES = re.compile(r"[\"“”]")


def _in_scare_quotes(sent: Span, text: str, trig: TriggerMatch) -> bool:
    """Is the trigger word inside a short quotation of the teller's own words ('had "illegally intruded" into
    Chinese waters'), a few words and no clause of their own? (``text``: the sentence's.)"""
    at = trig.token.idx - sent.start_char
    marks = [m.start() for m in _DOUBLE_QUOTES.finditer(text)]
    return any(a < at < b and b - a <= 40 for a, b in zip(marks[::2], marks[1::2], strict=False))


def _accused_doer(accusation: Event | None, act: Event) -> Event | None:
    """'Rwanda said ..., saying the European nation had undermined Kigali': the accusation is of the told act's
    doer (``act.source``, never empty here), as its own clause resolved it (here an anaphor), whoever else the
    telling's clause names or the sentence before it did."""
    if accusation is None or set(accusation.target) & set(act.source):
        return accusation
    return replace(accusation, target=act.source)


def _teller(head: Token, named: bool = False) -> Token | None:
    """The verb of saying whose reported clause holds this act ('said that ... struck', 'said Russia was behind
    the attack'), if any; ``named``: an act only as its teller names it, also after "were" ('said Arce's comments
    were an interference')."""
    node = authoring_verb(head) or head if head.dep_ == "pobj" else head
    if named and node.dep_ == "attr" and node.head.lemma_.lower() == "be":
        node = node.head
    for _ in range(3):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING | ALLEGING | BELIEVING:
            return node.head
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _met_apart(trig: TriggerMatch, event: Event) -> list[Event]:
    """'The leaders of Kosovo and Serbia met separately with EU heads', 'held separate talks with A and B': one
    meeting with each of the parties the plural side names."""
    if event.type != "CONSULT" or not event.source or not event.target:
        return [event]
    if not told_apart(trig):
        return [event]
    if len(event.source) >= 2 and not set(event.source) & set(event.target):
        return _one_each(event, "source")
    if len(event.target) >= 2 and not set(event.source) & set(event.target):
        return _one_each(event, "target")
    return [event]


def _envoys_apart(event: Event) -> list[Event]:
    """'recalled its ambassadors from Ireland and Norway', 'expelled the envoys of A and B': one recall or expulsion
    for each state whose envoy it was (each is a step in one relation)."""
    if event.type != "SANCTION" or event.mode not in ("Withdraw", "Expel") or len(event.source) != 1 or len(
            event.target) < 2:
        return [event]
    return _one_each(event, "target")


def _reactions_apart(event: Event, lex: Lexicon) -> list[Event]:
    """One event per reacting party, when two or three parties take one stance (a type with the trait 'reaction')
    toward another: "the US, Japan and the EU condemned the drills" is three condemnations. Four or more taking it
    together ("the governments of Uruguay, Argentina, Costa Rica, ... called for") speak as a group: one event, as
    the gold of every set codes a joint statement (split, nine events matched none of it)."""
    if not lex.has_trait(event.type, "reaction") or not 2 <= len(event.source) <= 3 or not event.target:
        return [event]
    return _one_each(event, "source")


def _one_each(event: Event, side: Literal["source", "target"]) -> list[Event]:
    """The event once for each party on one side (the apart rules above)."""
    if side == "source":
        return [replace(event, source=(party,)) for party in event.source]
    return [replace(event, target=(party,)) for party in event.target]


def _aimed(events: list[tuple[TriggerMatch, Event]]) -> list[tuple[TriggerMatch, Event]]:
    """'announced a 50-percent tariff Wednesday targeting Brazil', 'carried out strikes targeting Hezbollah': a
    participle of the frame 'aims' says at whom the act told by the noun it describes, or by its verb (its object
    or the event noun it carries), is aimed; it adds that act's target and is no act of its own."""
    by_token = {pair[0].token.i: pair for pair in events}
    by_word = {w.i: pair for pair in events for w in pair[0].words}  # ("carried out strikes targeting Hezbollah")
    out = dict(by_token)
    for i, (trig, event) in by_token.items():
        tok = trig.token
        if "aims" not in trig.frames or tok.tag_ != "VBG" or tok.dep_ not in ("acl", "advcl"):
            continue
        nouns = [tok.head] if tok.dep_ == "acl" else [c for c in tok.head.children if c.dep_ == "dobj"]
        if tok.dep_ == "acl" and tok.head.dep_ == "pobj" and tok.head.head.dep_ == "prep":
            nouns.append(tok.head.head.head)  # ("an Israeli attack on its soil targeting Hamas's leaders")
        main = next((by_word[n.i] for n in nouns if n.i in by_word and by_word[n.i][0].token.i != i), None)
        if main is None and tok.dep_ == "advcl":  # "imposed a package of sanctions on Russia, targeting gas"
            main = next((p for j, p in by_token.items() if j != i and p[0].head.i == tok.head.i), None)
        if main is None or main[0].token.i not in out:
            continue
        del out[i]
        kept = out[main[0].token.i][1]
        target = tuple(dict.fromkeys(c for c in (*kept.target, *event.target) if c not in kept.source))
        out[main[0].token.i] = (main[0], replace(kept, target=target))
    return sorted(out.values(), key=lambda pair: pair[0].token.i)


def _mediated(events: list[tuple[TriggerMatch, Event]]) -> list[tuple[TriggerMatch, Event]]:
    """'agreed to a ceasefire brokered by the United States and France', 'a swap mediated by the UAE': the parties of
    the act a mediator's participle describes are the ones it mediated between."""
    by_word = {w.i: pair for pair in events for w in (pair[0].token, *pair[0].words)}
    out = []
    for trig, event in events:
        tok = trig.token
        main = None
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            noun = tok.head  # ("swapped prisoners in a deal mediated by the UAE": the act the deal was made in)
            verb = noun.head.head if noun.dep_ == "pobj" else None
            main = by_word.get(noun.i) or (by_word.get(verb.i) if verb is not None else None)
        if event.mode == "Third-party" and main is not None and main[1].type != event.type:
            between = tuple(c for c in main[1].actors if c not in event.source)
            if between:
                event = replace(event, target=between)
        out.append((trig, event))
    return out


def _fold_elaborations(events: list[tuple[TriggerMatch, Event]]) -> list[tuple[TriggerMatch, Event]]:
    """"met in Baku, holding talks on trade": a participle that goes on to tell the same act of the same
    parties is that act, not a second event; where it was held may come from either."""
    by_token = {pair[0].token.i: pair for pair in events}
    kept = dict(by_token)
    for i, (trig, event) in by_token.items():
        tok = trig.token
        retold = tok.dep_ == "advcl" and tok.tag_ == "VBG"
        # "talks mediated by Türkiye", "airstrikes targeting Hezbollah": a participle that describes an event noun
        # of its kind adds its actors
        describing = tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG") and tok.head.pos_ == "NOUN"
        main = by_token.get(tok.head.i) if retold or describing else None
        if main is None or main[1].type != event.type or tok.head.i not in kept:
            continue
        if retold and not set(event.actors) <= set(main[1].actors):
            continue
        del kept[i]
        first = kept[tok.head.i][1]
        # (a state "acting on itself" for want of a target named in its clause has the participle's instead)
        target = tuple(dict.fromkeys(c for c in (*first.target, *event.actors) if c not in first.source))
        kept[tok.head.i] = (main[0], replace(
            first, location=first.location or event.location, mode=first.mode or event.mode,
            target=target or first.target))
    return list(kept.values())


def _attach_quantities(
    sent: Span, text: str, events: list[tuple[TriggerMatch, Event]], quantities: list[Quantity]
) -> list[Event]:
    """Each quantity goes to the event whose trigger is nearest to it in the sentence (of text ``text``)."""
    if not quantities or not events:
        return [event for _, event in events]
    attached: dict[int, list[Quantity]] = {i: [] for i in range(len(events))}
    for q in quantities:
        pos = text.find(q.text)
        best = min(range(len(events)), key=lambda i: abs((events[i][0].token.idx - sent.start_char) - pos))
        attached[best].append(q)
        if events[best][1].modality != Modality.HAPPENED:
            # "signed a memorandum to supply 1.2 bcm": the amount is also what was agreed
            happened = [i for i, (_, e) in enumerate(events) if e.modality == Modality.HAPPENED]
            if happened:
                nearest = min(happened, key=lambda i: abs((events[i][0].token.idx - sent.start_char) - pos))
                attached[nearest].append(q)
    return [replace(event, quantities=tuple(attached[i])) for i, (_, event) in enumerate(events)]
