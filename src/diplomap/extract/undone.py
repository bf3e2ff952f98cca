"""Acts a text names without telling them done, the modality rules that say so (tried by ``modality.py`` in the
order of its ``RULES``): an act in general as a clause's subject, what a thing is for, and an act someone is kept
from."""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Span

from diplomap.extract.context import SentenceContext
from diplomap.extract.syntax import TriggerMatch, clause_head
from diplomap.knowledge.grammar import PREVENTING, PURPOSES
from diplomap.model import DateSpan, Modality

NOT_NEWS: Literal["not news"] = "not news"  # (the verdict of ``modality.py``'s rules that the trigger is no news)
Verdict = Modality | Literal["not news"] | None  # None: this rule has nothing to say


def act_as_a_subject(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'Restricting the import of electric vehicles won't enhance the situation': an act named by a gerund as the
    subject of a clause is an act in general, weighed, not one that happened."""
    tok = trig.token
    return NOT_NEWS if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "csubjpass") else None


def kept_from(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'Nepal banned its citizens from travelling to Russia', 'refrained from attacking': an act someone is kept from
    is not done (grammar.toml verbs.preventing)."""
    tok = trig.token
    prep = tok.head
    return Modality.NEGATED if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and prep.lower_ == "from" and (
        prep.head.lemma_.lower() in PREVENTING) else None


def purpose_told(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'the pipeline, which was meant to transport oil to China', 'a plan designed to ease tensions': what a thing
    is for (grammar.toml verbs.purposes), not an act done."""
    head = clause_head(trig)
    above = head.head
    return NOT_NEWS if head.dep_ == "xcomp" and above.tag_ == "VBN" and above.lemma_.lower() in PURPOSES and (
        any(c.dep_ == "auxpass" for c in above.children) or above.dep_ == "acl") else None
