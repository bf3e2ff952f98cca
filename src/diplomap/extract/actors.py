"""Who took part in an event: the gazetteer's mentions in the trigger's clause, read as source (the subject
side), target (the rest), or the event's place; a person acts for the state of the office held that day."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from diplomap.extract.context import SentenceContext, mention_tokens
from diplomap.extract.gazetteer import ACTOR_LABELS
from diplomap.extract.lexicon import Lexicon
from diplomap.extract.places import Places
from diplomap.extract.roles import (
    after_locative,
    at_a_body,
    in_a_setting,
    is_attacked,
    is_destination,
    is_place_use,
    names_a_place,
    names_a_text,
    names_a_thing,
    phrases_of_no_party,
)
from diplomap.extract.subjects import fronted_subject
from diplomap.extract.syntax import TriggerMatch
from diplomap.knowledge import Knowledge
from diplomap.knowledge.grammar import PLACE_KINDS, RELATIONS
from diplomap.model import DateSpan, Mention, Place


class Actors:
    def __init__(self, kb: Knowledge, lexicon: Lexicon, places: Places) -> None:
        self.kb = kb
        self.lex = lexicon
        self.places = places

    def resolve(self, sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan, region: set[int],
                subject: set[int]) -> tuple[list[str], list[str], Place | None]:
        """Source, target and place among the mentions inside ``region`` or ``subject`` (the source side)."""
        source: list[str] = []
        target: list[str] = []
        location: Place | None = None
        described_by_kind = False
        placed = ctx.place_phrases | phrases_of_no_party(sent, trig)
        # "in Brussels, Chile and Peru signed": parties the parser took for more of the place
        fronted = {t.i for c in fronted_subject(trig.head) for t in c.subtree}
        # "received F-16s from Denmark": who gives (trigger frame from_gives)
        giving = {t.i for p in trig.head.children if p.dep_ == "prep" and p.lower_ == "from" for t in p.subtree}
        givers: set[str] = set()
        related = _related_in_apposition(sent, trig)
        for mention in ctx.mentions:
            toks = mention_tokens(sent, mention, ctx.offset)
            if not toks:
                continue
            if mention.label not in ("PLACE", "CAPITAL") and any(t.i in placed for t in toks):
                continue  # "in Lachin, one of the Azerbaijani regions": the description of a place
            if _based_in(toks):
                continue  # "a Brussels-based think tank": where someone else sits, neither party nor place
            if any(t.i in related for t in toks):
                continue  # "the United States, a treaty ally of the Philippines, condemned": what a party is to another
            if mention.label in ("METONYM", "ORG") and len(toks) == 1 and _names_another_body(toks):
                continue  # "the Congress of Local and Regional Authorities": not the U.S. Congress
            in_subject = any(t.i in subject for t in toks)
            if not in_subject and not any(t.i in region for t in toks):
                continue
            if mention.label == "CAPITAL" and names_a_thing(toks, trig):
                continue  # "the Rome Statute", "the Minsk Process": a name, neither party nor place
            if in_a_setting(toks[-1], trig):
                continue  # "will meet on the sidelines of the UN General Assembly": where, not with whom
            if mention.label in ("ORG", "METONYM") and at_a_body(toks) and not is_attacked(toks, trig):
                # "a case at the International Court of Justice", "initialled at the White House": the venue
                if mention.label == "METONYM":
                    location = location or self.places.capital_of(mention.entity_id)
                continue
            role_place = (is_place_use(toks, trig, mention.label) and not is_attacked(toks, trig)
                          and toks[0].i not in fronted)
            if mention.label in ("PLACE", "CAPITAL") and role_place:
                # ("in the Red Sea port city of Aqaba": a place that only says what kind of city yields to its name)
                kind = toks[-1]
                while kind.dep_ == "compound" and kind.head.i != kind.i:
                    kind = kind.head
                describing = kind.i != toks[-1].i and kind.lemma_.lower() in PLACE_KINDS
                if location is None or (described_by_kind and not describing):
                    location = self.places.place(mention) or location
                    described_by_kind = describing
                if not (mention.label == "CAPITAL" and is_destination(toks, trig)):
                    continue
                in_subject = False  # "Lee's visit to Tokyo ended ...": the capital visited hosts, it does not act
            if mention.label == "PROJECT" and role_place and location is None:
                location = self.places.project_place(mention)
            if mention.label not in ACTOR_LABELS:
                continue
            if mention.label == "STATE" and role_place and trig.entry.type in ("CONSULT", "AGREE"):
                location = location or self.places.state_place(mention)
                continue
            if mention.label == "STATE" and _after_a_city(toks):
                continue  # "in Geneva, Switzerland": the city's country, part of the place
            code = self.code(mention, span)
            if not code:
                continue
            # a dictionary code may name several actors at once ("FRO/BIL/SAM")
            (source if in_subject else target).extend(c for c in code.split("/") if c)
            if not in_subject and any(t.i in giving for t in toks):
                givers.update(c for c in code.split("/") if c)
        source = list(dict.fromkeys(source))
        target = [c for c in dict.fromkeys(target) if c not in source]
        if trig.entry.type == "CONSULT" and "visitor_acts" in trig.frames and target:
            source, target = target, source  # PLOVER: the visitor acts, the host receives
        elif "from_gives" in trig.frames and trig.entry.type in ("AID", "COOPERATE") and givers:
            # "Ukraine received F-16s from Denmark": Denmark gives, Ukraine receives
            source, target = [c for c in target if c in givers], source + [c for c in target if c not in givers]
        return source, target, location

    def clause_subject(self, sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> list[str]:
        """The actors of the subject of the clause a trigger governs ("demanded that the US cancel", or a noun's:
        "the demand that Hamas free the hostages")."""
        subject: set[int] = set()
        for c in trig.head.children:
            if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "acl" and trig.head.pos_ == "NOUN" and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
                if trig.entry.type == "ACCUSE":
                    # an allegation accuses every party of what it alleges ("X's jets used Y's airspace")
                    subject.update(t.i for t in c.subtree)
                    continue
                for s in c.children:
                    if s.dep_ in ("nsubj", "nsubjpass"):
                        subject.update(t.i for t in s.subtree)
        source, _, _ = self.resolve(sent, trig, ctx, span, set(), subject) if subject else ([], [], None)
        return source

    def earlier(self, sent: Span, ctx: SentenceContext, before: int, span: DateSpan) -> tuple[str, ...]:
        """The actors the sentence names before a token (not places after in/at)."""
        codes = []
        for m in ctx.mentions:
            toks = mention_tokens(sent, m, ctx.offset)
            if m.label in ACTOR_LABELS and toks and toks[-1].i < before and not names_a_place(toks, m.label) and not (
                    m.label == "CAPITAL" and names_a_text(toks)):
                codes.append(self.code(m, span))
        return tuple(dict.fromkeys(c for c in codes if c))

    def in_sentence(self, sent: Span, offset: int, mentions: Sequence[Mention], span: DateSpan | None
                    ) -> tuple[str, ...]:
        """The actors a sentence names, in order (places excluded), for anaphora in the next one."""
        codes = []
        for m in mentions:
            if m.label not in ACTOR_LABELS:
                continue
            toks = mention_tokens(sent, m, offset)
            if m.label == "CAPITAL" and (not toks or after_locative(toks[0]) or names_a_text(toks)):
                continue  # (not "the Vienna Convention": a name)
            codes.append(self.code(m, span))
        return tuple(dict.fromkeys(c for c in codes if c))

    def one_other(self, sent: Span, ctx: SentenceContext, span: DateSpan | None, besides: Sequence[str]) -> list[str]:
        """The one actor the sentence names besides ``besides`` ("Russia denied that its drones entered Polish
        airspace": Poland), or none when it names none or several."""
        others = [c for c in self.in_sentence(sent, ctx.offset, ctx.mentions, span) if c not in besides]
        return others[:1] if len(set(others)) == 1 else []

    def code(self, mention: Mention, span: DateSpan | None) -> str:
        if mention.label == "PERSON":
            return self.kb.person_code(mention.entity_id, span.start if span else None)
        if mention.label == "ORG":
            return self.kb.org_code(mention.entity_id)
        return mention.entity_id

    def in_subject(self, sent: Span, subject: set[int], ctx: SentenceContext) -> bool:
        """Does the subject name an actor the gazetteer knows?"""
        for mention in ctx.mentions:
            if mention.label in ACTOR_LABELS and any(t.i in subject for t in mention_tokens(sent, mention, ctx.offset)):
                return True
        return False


def _names_another_body(toks: list[Token]) -> bool:
    """A body's common name followed by 'of' and a name: 'the Congress of Local and Regional Authorities'."""
    doc, end = toks[-1].doc, toks[-1].i
    return end + 2 < len(doc) and doc[end + 1].lower_ == "of" and doc[end + 2].is_title


def _related_in_apposition(sent: Span, trig: TriggerMatch) -> set[int]:
    """Tokens of appositions that say what a party is to another ("the United States, a treaty ally of the
    Philippines, ...", "France, Ukraine's closest partner, ..."; nouns.relations): that other party takes no part
    in the act (unless the trigger is in the apposition; not of a person: "Alex Saab, an ally of Maduro" is Venezuela's
    man)."""
    out: set[int] = set()
    for tok in sent:
        if tok.dep_ == "appos" and tok.lemma_.lower() in RELATIONS and tok.head.ent_type_ in ACTOR_LABELS - {"PERSON"}:
            inside = {t.i for t in tok.subtree}
            if trig.token.i not in inside and trig.head.i not in inside:
                out |= inside
    return out


def _based_in(toks: list[Token]) -> bool:
    """A name that says where someone is based: 'a Brussels-based think tank', 'the London-based monitor'."""
    doc, end = toks[-1].doc, toks[-1].i
    return end + 2 < len(doc) and doc[end + 1].text in ("-", "–") and doc[end + 2].lower_ == "based"


def _after_a_city(toks: list[Token]) -> bool:
    """A state named right after a city and a comma ("Geneva, Switzerland", "Putrajaya, Malaysia"), not the first
    of the parties listed after a fronted place ("in Brussels, Chile and Peru signed"), nor the subject of the verb
    after a fronted clause ("after Macron arrived in Belgrade, Serbia signed"), nor whose the subject is ("In Lima,
    Chile's foreign minister said")."""
    first, last = toks[0], toks[-1]
    if first.i < 2:
        return False
    comma, before = first.doc[first.i - 1], first.doc[first.i - 2]
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    listed = after is not None and after.lower_ in ("and", "or")
    whose = after is not None and after.tag_ == "POS"
    subject = last.dep_ in ("nsubj", "nsubjpass") and last.head.i > last.i
    return (comma.text == "," and before.ent_type_ in ("PLACE", "CAPITAL") and not listed and not subject
            and not whose)
