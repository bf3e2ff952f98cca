"""History a text retells, the modality rules that say so (tried by ``modality.py`` in the order of its
``RULES``): a past act told as done "once" or "previously", what has been going on "since", an act the story counts
from, the past perfect of what came before, and what is dated before the period the document reports on."""

from __future__ import annotations

from datetime import timedelta

from spacy.tokens import Span, Token

from diplomap.extract.context import SentenceContext
from diplomap.extract.syntax import TriggerMatch, clause_head, finite_verb
from diplomap.knowledge.grammar import FORMERLY, LATELY, LONG_WHILES, NEWS_NOUNS, REPORTING
from diplomap.model import DateSpan, Modality, Precision


def once_done(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Modality | None:
    """In a news item, a past act told as done 'once', 'formerly' or 'previously' ('al-Sharaa, who once pledged
    allegiance to al-Qaida'; with no date of its own, 'He previously suspended purchases of weapons from Israel'):
    background, not news of the day ('once the deal is signed' is a condition)."""
    head = clause_head(trig)
    if ctx.narrative:
        return None
    if head.tag_ == "VBD" and any(c.dep_ == "advmod" and c.lower_ in ("once", "formerly") and c.i < head.i
                                  for c in head.children):
        return Modality.BACKGROUND
    told = span.inherited and head.pos_ in ("VERB", "AUX") and head.tag_ in ("VBD", "VBN")
    return Modality.BACKGROUND if told and any(
        c.dep_ == "advmod" and c.lower_ in FORMERLY for c in (*head.children, *finite_verb(head).children)) else None


def ongoing_since(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Modality | None:
    """In a news item, what 'has been' going on since a time past or for a long while ('talks between EFTA and
    Mercosur have been happening since 2017', 'the two have been negotiating since March', 'a civil war has been
    raging for more than a year'): a state the story starts from, background."""
    tok = trig.token
    # (an event noun or gerund as the subject: "fighting has killed thousands since April 2023")
    verb = tok.head if (tok.pos_ == "NOUN" or tok.tag_ == "VBG") and tok.dep_ in ("nsubj", "nsubjpass") else (
        clause_head(trig))
    if ctx.narrative or verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not aux & {"have", "has", "'ve"}:
        return None
    since = any(c.lower_ == "since" and c.dep_ in ("prep", "mark") for c in verb.children) or any(
        c.lower_ == "for" and c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in LONG_WHILES
                                                        for g in c.children) for c in verb.children)
    # ("fighting has killed tens of thousands since April 2023": a toll counted since a day long past, not the
    # news of the day; "has launched 300 drones since Friday" is)
    # ("Since then Israel has killed nearly 24,000 people": a toll counted since a time told before)
    since_then = any(c.lower_ == "since" and c.dep_ == "prep" and any(g.lower_ == "then" for g in c.children)
                     for c in verb.children) and any(t.ent_type_ == "CARDINAL" for t in verb.subtree)
    return Modality.BACKGROUND if (since and "been" in aux) or since_then or _since_long_ago(sent, verb, ctx) else None


def _since_long_ago(sent: Span, verb: Token, ctx: SentenceContext) -> bool:
    """A 'since' phrase on the verb whose date ends more than a month before the item was written."""
    if ctx.written is None:
        return False
    since = {t.idx - sent.start_char for c in verb.children if c.lower_ == "since" and c.dep_ == "prep"
             for t in c.subtree}
    return any(d.start in since and d.span.end < ctx.written - timedelta(31) for d in ctx.dates)


def over_a_long_while(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Modality | None:
    """In a news item, an act with no date of its own told as done over a long while up to now ('In recent years,
    the police have arrested dozens of foreigners', 'has expelled diplomats over the past two years', 'for years,
    Peru has accused Chile'): acts repeated before the story, background, not one happening of the day. Weeks and a
    single month can hold the news ('in recent weeks', 'over the past month'); 'for years to come' is ahead."""
    if ctx.narrative or not span.inherited:
        return None
    head = clause_head(trig)
    for prep in (c for h in {head, trig.token} for c in h.children if c.dep_ == "prep"):
        for g in prep.children:
            if g.dep_ != "pobj" or g.lemma_.lower() not in LONG_WHILES - {"week"} or g.tag_ != "NNS":
                continue
            if any(c.dep_ in ("relcl", "acl") for c in g.children):
                continue  # "for years to come"
            lately = any(c.lower_ in LATELY for c in g.children if c.dep_ in ("amod", "det", "advmod"))
            if lately if prep.lower_ in ("in", "over", "during", "throughout") else prep.lower_ == "for":
                return Modality.BACKGROUND
    return None


def counted_since(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Modality | None:
    """In a news item, an act named after 'since' is what the story counts from ('his first trip to Latin America
    since Russia's invasion', 'the first strike since a ceasefire took hold'): background, before the story."""
    tok = trig.token
    if ctx.narrative or tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ != "since":
        return None
    return Modality.BACKGROUND


def told_before(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Modality | None:
    """In a news item, the past perfect with no date of its own tells what came before the story ('Seoul had
    threatened to stop intelligence-sharing'): background, not news of the day."""
    head = clause_head(trig)
    if ctx.narrative or not span.inherited or head.tag_ != "VBN":
        return None
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORTING | {"confirm", "report"}:
        return None  # "said the two sides had agreed": the tense of reported speech, the news of the day
    if (head.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children)
            and head.head.dep_ in ("dobj", "dative") and head.head.head.lemma_.lower() in REPORTING):
        return None  # "told a press conference that Tokyo had conveyed its concern": the parser's relative clause
    that = [c for c in head.children if c.dep_ == "mark" and c.lower_ == "that"]
    if that and any(t.lemma_.lower() in NEWS_NOUNS for t in sent.doc[max(sent.start, that[0].i - 3):that[0].i]):
        return None  # "as news spreads that a deal had been reached", "the news that ...": reported speech too
    had = any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in (*head.children, *finite_verb(head).children))
    return Modality.BACKGROUND if had else None


def background(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Modality | None:
    """Before the period the document reports on: history retold as context. A year or more ("in 2024") that starts
    before it is history too: the month before is a twelfth of it."""
    if ctx.focal_start and (span.end < ctx.focal_start or (
            span.start < ctx.focal_start and (span.end - span.start).days >= 364)):
        return Modality.BACKGROUND
    if not ctx.narrative and not span.inherited and span.precision in (Precision.YEAR, Precision.DECADE):
        return Modality.BACKGROUND  # news tells its news by the day, week or month: "in 2019" is history retold
    return None
