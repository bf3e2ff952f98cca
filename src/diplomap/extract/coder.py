"""Code PLOVER events from one parsed sentence: triggers, actors, date, place, modality, quantities.

General rules over the dependency parse, never sentence-specific:
- a trigger is a verb or an eventive noun from the lexicon; a noun that is the object of a trigger
  verb belongs to that verb ("signed an agreement"), a noun under a light verb ("held talks")
  takes the light verb's subject, tense and modality;
- actors are gazetteer mentions in the trigger's clause: the subject side is the source, the rest
  the target; coordinated subjects stay one event with several actors;
- a place of an event is never a party to it: capitals and places after in/at, or modifying an
  event noun ("the Dushanbe meeting"), are its location;
- a person acts for the state of the role held on the event date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span, Token

from diplomap.extract.dates import DateMention, next_occurrence
from diplomap.extract.gazetteer import ACTOR_LABELS, OFFICIAL_LABELS
from diplomap.extract.grammar import (
    ADVERBIAL_PREPS,
    ASSISTING,
    CLAUSE_TAKERS,
    COOPERATIVE,
    DENYING,
    DIRECTED,
    DOMESTIC,
    EXPECT_HEADS,
    FORCES,
    FUTURE_AUX,
    GIVING,
    HAPPENING,
    HOST_VERBS,
    HOSTILE,
    HYPO_AUX,
    INTENT_NOUNS,
    MUTUAL,
    OBLIGATION,
    PARTICLES,
    PLAN_ADJ,
    PLAN_HEADS,
    PROJECT_WORK,
    REPORTING,
    SETTING_PREPS,
)
from diplomap.extract.lexicon import Lexicon, TriggerEntry
from diplomap.extract.quantities import find_quantities
from diplomap.extract.syntax import (
    TriggerMatch,
    after_locative,
    anaphoric_subject,
    antecedent_phrase,
    at_a_body,
    clause_head,
    clause_of,
    clause_region,
    conditional,
    finite_verb,
    governing_verb,
    is_argument,
    is_attacked,
    is_destination,
    is_light,
    is_place_use,
    is_promise,
    names_a_thing,
    near_lemmas,
    no_event,
    object_clauses,
    partners_in_clause,
    route_or_title,
    setting_of,
    singular_anaphor,
    subject_tokens,
    topic_of,
)
from diplomap.knowledge import Knowledge
from diplomap.model import DateSpan, Event, Evidence, Mention, Modality, Place, Precision, Quantity


@dataclass
class SentenceContext:
    """What the coder needs besides the parse."""

    doc_id: str
    index: int  # sentence index in the document
    offset: int  # document offset of the sentence's first character
    mentions: Sequence[Mention]
    dates: Sequence[DateMention]  # offsets relative to the sentence
    anchor: DateSpan | None  # narrative date when the sentence has none
    focal_start: date | None  # the start of the period the document reports on
    previous_actors: tuple[str, ...] = ()  # actors of the previous sentence, for "the two sides"
    narrative: bool = False  # an analytical review, where the present tense states how things are
    # dates of named events seen so far in the document ("the SCO summit" -> September), shared
    named_dates: dict[tuple[str, ...], DateSpan] = field(default_factory=dict)
    written: date | None = None  # the day the text was written, when known
    place_phrases: set[int] = field(default_factory=set)  # descriptions of places (set by Coder.code)


class Coder:
    def __init__(self, kb: Knowledge, lexicon: Lexicon) -> None:
        self.kb = kb
        self.lex = lexicon

    # -- triggers --------------------------------------------------------------------------

    def triggers(self, sent: Span) -> list[TriggerMatch]:
        found: list[TriggerMatch] = []
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") or (tok.tag_.startswith("VB") and tok.pos_ != "NOUN"):
                entry, words = self._match(tok, self.lex.verbs.get(tok.lemma_.lower(), []), verb=True)
                if entry is not None and tok.lemma_.lower() in CLAUSE_TAKERS and any(
                        c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                    entry = None  # "helped to push", "sought to recalibrate", "demonstrated that": not events
                if (entry is not None and len(entry.words) == 1 and tok.lemma_.lower() in GIVING
                        and not any(c.dep_ in ("dobj", "dative", "nsubjpass", "xcomp", "conj") for c in tok.children)
                        and any(c.dep_ == "prep" and c.lower_ in ("to", "towards") for c in tok.children)):
                    entry = None  # "contributed to restoring channels": giving needs something given
                if entry is not None:
                    found.append(TriggerMatch(tok, tok, entry, words))
            elif tok.pos_ in ("NOUN", "PROPN") and not tok.ent_type_ and tok.dep_ not in ("compound", "amod", "poss"):
                entry, words = self._match(tok, self.lex.nouns.get(tok.lemma_.lower(), []), verb=False)
                if entry is not None:
                    found.append(TriggerMatch(tok, tok, entry, words))
        verbs = {t.token.i: t for t in found if t.entry.pos != "NOUN"}
        out: list[TriggerMatch] = []
        for trig in found:
            if trig.entry.pos == "NOUN":
                gov = governing_verb(trig.token)
                if gov is not None and gov.i in verbs and is_argument(trig.token, gov):
                    verb = verbs[gov.i]
                    # the direct object names what a light verb did ("held talks"); a noun deeper in
                    # the object is its topic ("talks on the massacres"), not another event
                    direct = trig.token.head.i == gov.i
                    if (direct and is_light(gov) and verb.entry.type != trig.entry.type
                            and len(verb.entry.words) == 1):
                        verbs[gov.i] = TriggerMatch(verb.token, verb.head, trig.entry, [*verb.words, trig.token])
                    continue
                if (gov is not None and is_light(gov) and is_argument(trig.token, gov)
                        and trig.token.dep_ != "nsubj"):
                    trig.head = gov  # "held talks", not "partnerships have taken on weight"
                elif (trig.token.dep_ == "nsubj" and trig.token.head.lemma_.lower() in HAPPENING
                      and not any(c.dep_ == "dobj" for c in trig.token.head.children)):
                    trig.head = trig.token.head  # "construction started this year", "the talks took place in May"
            out.append(trig)
        result = [verbs.get(t.token.i, t) if t.entry.pos != "NOUN" else t for t in out]
        # a word already inside another trigger's phrase ("began exporting") is not a second event,
        # nor is a noun that names another trigger's topic ("the finalization of the peace agreement")
        in_phrase = {w.i for t in result for w in t.words if w.i != t.token.i}
        heads = {t.token.i for t in result}
        return [t for t in result if t.token.i not in in_phrase and not topic_of(t.token, heads)]

    def _obligations(self, sent: Span, taken: set[int]) -> list[TriggerMatch]:
        """'X said Y must (should) do Z' is X asking Y: a REQUEST whose trigger is the reporting verb."""
        out = []
        for tok in sent:
            if tok.lemma_.lower() not in REPORTING:
                continue
            for c in tok.children:
                if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in OBLIGATION for a in c.children):
                    entry = TriggerEntry((tok.lemma_.lower(),), "VERB", "REQUEST", "")
                    out.append(TriggerMatch(tok, tok, entry, [tok]))
                    break
        return out

    def _match(self, tok: Token, entries: list[TriggerEntry], verb: bool) -> tuple[TriggerEntry | None, list[Token]]:
        if not entries:
            return None, []
        near = near_lemmas(tok)
        for entry in entries:
            if len(entry.words) == 1:
                return entry, [tok]
            others = entry.words[1:] if verb else entry.words[:-1]
            hits = [near.get(w) for w in others]
            # "give in" needs the particle, not "give its assessment in its report"
            if verb and any(h is not None and w in PARTICLES and h.dep_ == "prep"
                            and any(c.dep_ == "pobj" for c in h.children) for w, h in zip(others, hits, strict=True)):
                continue
            if all(h is not None for h in hits):
                return entry, [tok, *[h for h in hits if h is not None]]
        return None, []

    # -- events ----------------------------------------------------------------------------

    def code(self, sent: Span, ctx: SentenceContext) -> list[Event]:
        triggers = self.triggers(sent)
        if not triggers:
            return []
        ctx.place_phrases = self._place_phrases(sent, ctx)
        # "in Lachin, one of the regions de-occupied in 2020": a description of a place, not news
        triggers = [t for t in triggers if t.token.i not in ctx.place_phrases]
        obligations = self._obligations(sent, set())
        # "reiterated that Libya must hand over": the obligation, not the reporting verb's own sense
        triggers = [t for t in triggers if t.token.i not in {o.token.i for o in obligations}] + obligations
        # "tariffs on imports from Mexico", "a ban on exports to Russia": what a measure falls on is its object
        targets = {w.i for t in triggers if t.entry.type in ("SANCTION", "COERCE") for w in t.words}
        triggers = [t for t in triggers if not (t.token.pos_ == "NOUN" and t.token.dep_ == "pobj"
                                                 and t.token.head.lower_ in ("on", "against")
                                                 and t.token.head.head.i in targets)]
        # "accused Islamabad of violating the ceasefire": what is alleged is the accusation's content, not news
        alleged = {t.i for a in triggers if a.entry.type == "ACCUSE" for c in a.token.children
                   if c.dep_ == "prep" and c.lower_ in ("of", "for") for t in c.subtree}
        silent = {t.token.i for t in triggers if t.token.i in alleged}  # still a clause of its own
        triggers = [t for t in triggers if t.token.i not in alleged]
        quantities = find_quantities(sent.text)
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
                key = self._named(sent, trig.token, ctx)
                if key and event.date and not event.date.inherited:
                    ctx.named_dates.setdefault(key, event.date)
        events = [(trig, each) for trig, event in _fold_elaborations(events)
                  for each in self._listed(sent, trig, event, ctx)]
        events.sort(key=lambda pair: pair[0].token.i)
        return _attach_quantities(sent, events, quantities)

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
                places = [self._place(m) for m in ctx.mentions if m.label in ("PLACE", "CAPITAL")
                          and {t.i for t in _mention_tokens(sent, m, ctx.offset)} <= own]
                told.append((dates[0].span, next((p for p in places if p), None)))
            # the trigger names the item's date too: each item is its own stored event (ids key on it)
            return [replace(event, date=span, location=place or event.location,
                            trigger=f"{event.trigger} ({span.text})") for span, place in told]
        return [event]

    def _named(self, sent: Span, noun: Token, ctx: SentenceContext) -> tuple[str, ...] | None:
        """A named event ("the SCO summit", "the Dushanbe meeting"): its noun and the names on it."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        names: list[str] = []
        for mention in ctx.mentions:
            toks = _mention_tokens(sent, mention, ctx.offset)
            if toks and all(t.head.i == noun.i or t.head.i in {x.i for x in toks} for t in toks) and (
                    toks[-1].dep_ in ("compound", "amod", "nmod", "poss")):
                names.append(mention.entity_id)
        return (noun.lemma_.lower(), *sorted(set(names))) if names else None

    def _named_date(self, sent: Span, trig: TriggerMatch, ctx: SentenceContext, region: set[int]) -> DateSpan | None:
        """An event noun in the clause that names an event the document dated before."""
        for i in sorted(region | {t.i for t in trig.head.subtree} | {trig.token.i}):
            key = self._named(sent, sent.doc[i], ctx)
            if key and key in ctx.named_dates:
                return ctx.named_dates[key]
        return None

    def _event(self, sent: Span, trig: TriggerMatch, ctx: SentenceContext, trigger_heads: set[int],
               dated: dict[int, DateSpan]) -> Event | None:
        region = clause_region(trig, trigger_heads)
        span = self._date(sent, trig, ctx, region, trigger_heads)
        if span is None:
            return None
        setting = setting_of(trig.token)
        if setting is not None and setting.i in dated and not _owns_date(trig.token, ctx, sent):
            span = dated[setting.i]
        if span.inherited:
            # "... discussed during the SCO summit": the summit the text dated earlier
            span = self._named_date(sent, trig, ctx, region) or span
        if no_event(trig, dated_by_text=not span.inherited):
            return None
        modality = self._modality(sent, trig, ctx, span)
        if modality is None:
            return None
        if modality == Modality.EXPECTED and span.precision != Precision.DAY:
            span = next_occurrence(span, ctx.written)  # "expected in the spring" (not "agreed on 27 October to")
        subject = subject_tokens(trig) | partners_in_clause(trig)
        source, target, location = self._actors(sent, trig, ctx, span, region, subject)
        if trig.token.dep_ == "acl" and trig.token.tag_ == "VBN" and trig.token.lemma_.lower() in HOST_VERBS:
            # "Pashinyan and Aliyev, hosted by Trump, ...": the noun the participle describes is the guest,
            # and the visitor is the source (PLOVER)
            guests = {t.i for t in trig.token.head.subtree} - {t.i for t in trig.token.subtree}
            named, named_target, _ = self._actors(sent, trig, ctx, span, guests, set())
            visitors = [c for c in dict.fromkeys([*named, *named_target]) if c not in source]
            if visitors:
                source, target = visitors, [c for c in dict.fromkeys([*target, *source]) if c not in visitors]
        if len({*source, *target}) < 2:
            # the partner may be named only in a clause that describes the object:
            # "elevated its agreement, which it signed with China, to ..."
            extra = object_clauses(trig) - region
            extra |= antecedent_phrase(trig) - region
            if extra:
                _, more, _ = self._actors(sent, trig, ctx, span, extra, set())
                target += [c for c in more if c not in source and c not in target]
        if not target and trig.entry.type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT", "AGREE"):
            # "demanded that the US cancel ...": the subject of the demanded clause is the target
            target += [c for c in self._clause_subject_actors(sent, trig, ctx, span) if c not in source]
        if (not target and trig.entry.mode == "Visit" and location is not None and location.country
                and location.country not in source):
            target.append(location.country)  # "arrived in Amman": the host is the capital's state
        if len({*source, *target}) == 1 and ctx.previous_actors and (
                trig.entry.type in DIRECTED or trig.entry.mode == "Phone"):  # a call always has two ends
            # a directed act with its other party named just before: "Putin met Aliyev. The Russian
            # leader gave an indirect apology." The counterpart is the last sentence's other actor.
            other = [c for c in ctx.previous_actors if c not in source and c not in target]
            if other:
                target.append(other[0])
        it = [sent.doc[i] for i in subject if sent.doc[i].lower_ == "it" and sent.doc[i].dep_ == "nsubj"]
        if not source and it and (earlier := self._earlier_actors(sent, ctx, it[0].i, span)):
            source = [earlier[-1]]  # "Washington treated them differently: it imposed tariffs"
        elif not subject_has_actor(sent, subject, ctx) and anaphoric_subject(sent, subject):
            # "the two sides met", "where the three countries agreed": the actors named just before,
            # earlier in this sentence or else in the sentence before
            earlier = self._earlier_actors(sent, ctx, trig.token.i, span)
            if singular_anaphor(sent, subject):
                # "Pakistan's foreign ministry said the country ...": one actor, the last one named
                antecedent = earlier[-1:] or ctx.previous_actors[:1]
            else:
                antecedent = earlier if len(earlier) >= 2 else ctx.previous_actors
            source = list(dict.fromkeys([*antecedent, *source]))
            target = [c for c in target if c not in source]
        # a place named in the event's own clause, or in the sentence when no other event's clause holds this one
        embedded = bool({a.i for a in trig.token.ancestors} & (trigger_heads - {trig.head.i, trig.token.i}))
        own_place = location is not None or not embedded
        if location is None:
            location = self._sentence_location(sent, ctx, trig)
        location = self._narrower_place(sent, ctx, location)
        if not source and trig.entry.type in DOMESTIC and own_place and location and location.country:
            # "demonstrators in Baghdad blocked a road": unnamed people act for the state they act in (not
            # "agreed in Doha after clashes": that place is the agreement's)
            source = [location.country]
            target = [c for c in target if c != location.country] or []
        if (trig.entry.type == "ASSAULT" and trig.token.pos_ == "VERB" and source and not target and location
                and location.country and location.country not in source and own_place):
            target = [location.country]  # "Israel struck targets in Tehran": the state attacked there
        if not source and not target and set(trig.entry.words) & PROJECT_WORK:
            # "the railway, whose construction started this year": a project's works are the joint act of
            # the states it links, when the sentence names no one else
            source = self._project_states(sent, ctx)
        if not source and not target:
            return None
        if len(set(source)) == 1 and not target and trig.entry.type in DOMESTIC and source[0] in self.kb.states:
            target = list(source)  # PLOVER: a state acting at home acts on itself (its people, its opposition)
        elif not source and len(set(target)) == 1 and trig.entry.type in {"COERCE", "CONCEDE", "PROTEST"}:
            source = list(target)  # an unnamed official or group acting within a state is that state's
        etype, mode = trig.entry.type, trig.entry.mode
        if etype == "MOBILIZE" and any(c.lower_ == "joint" for w in trig.words for c in w.children):
            etype, mode = "COOPERATE", ""  # "held joint military exercises": military cooperation (PLOVER)
        if not source and len(set(target)) >= 2 and trig.token.lemma_.lower() in MUTUAL:
            source, target = target, []  # "clashes on the Kyrgyz-Tajik border": both sides act
        if etype == "PROTEST" and trig.token.lemma_.lower() == "protest" and trig.token.pos_ == "VERB" and any(
                m.label in OFFICIAL_LABELS and any(t.i in subject for t in _mention_tokens(sent, m, ctx.offset))
                for m in ctx.mentions):
            # "the Chinese embassy protested": a government's protest is a verbal complaint (PLOVER ACCUSE);
            # crowds protesting in the street are PROTEST
            etype, mode = "ACCUSE", "Disapprove"
        forces = {t.lemma_.lower() for t in trig.words} | {
            c.lemma_.lower() for c in trig.head.children if c.dep_ == "dobj"}
        if etype == "MOBILIZE" and forces & FORCES and target and set(target) - set(source) and any(
                t.lemma_.lower() in ASSISTING for t in trig.head.subtree):
            # "deployed 400 police officers to Haiti to lead a security mission": help sent abroad (PLOVER AID)
            etype, mode = "AID", ""
        if modality == Modality.PLANNED and etype in COOPERATIVE and is_promise(trig) and not conditional(trig):
            # "Finland will give Tanzania a grant": the promise is the event (PLOVER AGREE)
            etype, mode, modality = "AGREE", "", Modality.HAPPENED
        elif (modality in (Modality.PLANNED, Modality.HYPOTHETICAL) and etype in HOSTILE
              and (is_promise(trig) or conditional(trig))):
            # "will boycott", "is prepared to impose martial law", "may halt ... if": a threat (PLOVER THREATEN)
            etype, mode, modality = "THREATEN", "", Modality.HAPPENED
        start = ctx.offset
        ev = Evidence(ctx.doc_id, ctx.index, start, start + len(sent.text), sent.text)
        return Event(
            type=etype,
            mode=mode,
            source=tuple(source),
            target=tuple(target),
            date=span,
            evidence=(ev,),
            modality=modality,
            location=location,
            trigger=" ".join(t.text for t in sorted(trig.words, key=lambda t: t.i)),
            summary=sent.text.strip()[:300],
            trigger_at=ctx.offset + trig.token.idx - sent.start_char,  # for extract/headline.py
        )

    def _actors(
        self, sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan, region: set[int], subject: set[int]
    ) -> tuple[list[str], list[str], Place | None]:
        source: list[str] = []
        target: list[str] = []
        location: Place | None = None
        placed = ctx.place_phrases | route_or_title(sent, trig)
        for mention in ctx.mentions:
            toks = _mention_tokens(sent, mention, ctx.offset)
            if not toks:
                continue
            if mention.label not in ("PLACE", "CAPITAL") and any(t.i in placed for t in toks):
                continue  # "in Lachin, one of the Azerbaijani regions": the description of a place
            in_subject = any(t.i in subject for t in toks)
            if not in_subject and not any(t.i in region for t in toks):
                continue
            if mention.label == "CAPITAL" and names_a_thing(toks, trig):
                continue  # "the Rome Statute", "the Minsk Process": a name, neither party nor place
            if mention.label in ("ORG", "METONYM") and at_a_body(toks) and not is_attacked(toks, trig):
                # "a case at the International Court of Justice", "initialled at the White House": the venue
                if mention.label == "METONYM":
                    location = location or self._capital_of(mention.entity_id)
                continue
            role_place = is_place_use(toks, trig, mention.label) and not is_attacked(toks, trig)
            if mention.label in ("PLACE", "CAPITAL") and role_place:
                location = location or self._place(mention)
                if not (mention.label == "CAPITAL" and is_destination(toks, trig)):
                    continue
                in_subject = False  # "Lee's visit to Tokyo ended ...": the capital visited hosts, it does not act
            if mention.label == "PROJECT" and role_place and location is None:
                location = self._project_place(mention)
            if mention.label not in ACTOR_LABELS:
                continue
            if mention.label == "STATE" and role_place and trig.entry.type in ("CONSULT", "AGREE"):
                location = location or self._state_place(mention)
                continue
            code = self._code(mention, span)
            if not code:
                continue
            # a dictionary code may name several actors at once ("FRO/BIL/SAM")
            (source if in_subject else target).extend(c for c in code.split("/") if c)
        source = list(dict.fromkeys(source))
        target = [c for c in dict.fromkeys(target) if c not in source]
        if trig.entry.type == "CONSULT" and trig.token.lemma_.lower() in HOST_VERBS and target:
            source, target = target, source  # PLOVER: the visitor acts, the host receives
        return source, target, location

    def _clause_subject_actors(self, sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan
                               ) -> list[str]:
        subject: set[int] = set()
        for c in trig.head.children:
            if c.dep_ in ("ccomp", "xcomp"):
                if trig.entry.type == "ACCUSE":
                    # an allegation accuses every party of what it alleges ("X's jets used Y's airspace")
                    subject.update(t.i for t in c.subtree)
                    continue
                for s in c.children:
                    if s.dep_ in ("nsubj", "nsubjpass"):
                        subject.update(t.i for t in s.subtree)
        source, _, _ = self._actors(sent, trig, ctx, span, set(), subject) if subject else ([], [], None)
        return source

    def _earlier_actors(self, sent: Span, ctx: SentenceContext, before: int, span: DateSpan) -> tuple[str, ...]:
        codes = []
        for m in ctx.mentions:
            toks = _mention_tokens(sent, m, ctx.offset)
            if m.label in ACTOR_LABELS and toks and toks[-1].i < before and not after_locative(toks[0]):
                codes.append(self._code(m, span))
        return tuple(dict.fromkeys(c for c in codes if c))

    def actor_codes(self, sent: Span, offset: int, mentions: Sequence[Mention], span: DateSpan | None
                    ) -> tuple[str, ...]:
        """The actors a sentence names, in order (places excluded), for anaphora in the next one."""
        codes = []
        for m in mentions:
            if m.label not in ACTOR_LABELS:
                continue
            toks = _mention_tokens(sent, m, offset)
            if m.label == "CAPITAL" and (not toks or after_locative(toks[0])):
                continue
            codes.append(self._code(m, span))
        return tuple(dict.fromkeys(c for c in codes if c))

    def _code(self, mention: Mention, span: DateSpan | None) -> str:
        if mention.label == "PERSON":
            return self.kb.person_code(mention.entity_id, span.start if span else None)
        if mention.label == "ORG":
            return self.kb.org_code(mention.entity_id)
        return mention.entity_id

    def _place_phrases(self, sent: Span, ctx: SentenceContext) -> set[int]:
        """Tokens of appositions and clauses that describe a place named after in/at/near."""
        out: set[int] = set()
        for mention in ctx.mentions:
            if mention.label not in ("PLACE", "CAPITAL"):
                continue
            toks = _mention_tokens(sent, mention, ctx.offset)
            if toks and after_locative(toks[0]):
                for child in toks[-1].children:
                    # "at Camp David, where the three agreed ...": what happened there is news, not description
                    where = child.dep_ == "relcl" and any(c.lower_ == "where" for c in child.children)
                    if child.dep_ in ("appos", "relcl", "acl") and not where:
                        out.update(t.i for t in child.subtree)
        return out

    def _narrower_place(self, sent: Span, ctx: SentenceContext, location: Place | None) -> Place | None:
        """'held in Azerbaijan itself, ... traveling to the town of Qabala': a town of the same country
        named in the sentence says more than the country."""
        if location is None or location.country not in self.kb.states or location.name != (
                self.kb.states[location.country].name):
            return location
        for mention in ctx.mentions:
            if mention.label in ("PLACE", "CAPITAL"):
                place = self._place(mention)
                if place is not None and place.country == location.country and place.name != location.name:
                    return place
        return location

    def _place(self, mention: Mention) -> Place | None:
        rec = self.kb.place(mention.text)
        if rec is None and mention.entity_id.startswith("place:"):
            rec = self.kb.place(mention.entity_id[6:])
        if rec is None:
            return Place(mention.text)
        return Place(rec.name, rec.country, rec.lat, rec.lon)

    def _project_states(self, sent: Span, ctx: SentenceContext) -> list[str]:
        named = {m.entity_id for m in ctx.mentions if m.label == "PROJECT"}
        project = self.kb.projects.get(next(iter(named))) if len(named) == 1 else None
        return list(project.countries) if project and len(project.countries) >= 2 else []

    def _project_place(self, mention: Mention) -> Place | None:
        """A port or terminal named as where something happens: the place of that name, if known."""
        project = self.kb.projects.get(mention.entity_id)
        if project is None or project.kind not in ("port", "terminal", "field"):
            return None
        for form in (mention.text, project.name, *project.aliases):
            rec = self.kb.place(form)
            if rec is not None:
                return Place(rec.name, rec.country, rec.lat, rec.lon)
        return None

    def _capital_of(self, code: str) -> Place | None:
        state = self.kb.states.get(code)
        rec = self.kb.place(state.capital) if state and state.capital else None
        return Place(rec.name, rec.country, rec.lat, rec.lon) if rec else None

    def _state_place(self, mention: Mention) -> Place | None:
        st = self.kb.states.get(mention.entity_id)
        return Place(st.name, st.iso3, st.lat, st.lon) if st else None

    def _sentence_location(self, sent: Span, ctx: SentenceContext, trig: TriggerMatch) -> Place | None:
        """A place the sentence sets the scene in: after in/at, a visit's destination ("visit to Baku"),
        or a capital that hosts a consultation ("Baku hosted the talks")."""
        best: tuple[int, Place] | None = None
        for mention in ctx.mentions:
            if mention.label not in ("PLACE", "CAPITAL"):
                continue
            toks = _mention_tokens(sent, mention, ctx.offset)
            if not toks:
                continue
            hosting = mention.label == "CAPITAL" and trig.entry.type == "CONSULT" and toks[-1].dep_ == "nsubj" and (
                toks[-1].head.lemma_.lower() in HOST_VERBS | {"provide"})
            destination = toks[-1].dep_ == "pobj" and toks[-1].head.lower_ == "to" and (
                toks[-1].head.head.lemma_.lower() in ("visit", "trip", "travel", "arrive"))
            if not (after_locative(toks[0]) or hosting or destination):
                continue
            dist = abs(toks[0].i - trig.token.i)
            place = self._place(mention)
            if place is not None and (best is None or dist < best[0]):
                best = (dist, place)
        return best[1] if best else None

    # -- dates and modality ----------------------------------------------------------------

    def _date(self, sent: Span, trig: TriggerMatch, ctx: SentenceContext, region: set[int], trigger_heads: set[int]
              ) -> DateSpan | None:
        """The date of the trigger's own clause, else of the nearest clause above it, else the anchor.

        A date that only bounds a state ("in place since 1992") counts only when nothing else does.
        """
        inherited = replace(ctx.anchor, inherited=True) if ctx.anchor else None
        if not ctx.dates:
            return inherited
        attached: dict[int, list[DateMention]] = {}
        bounds: list[DateMention] = []
        for d in ctx.dates:
            toks = [t for t in sent if d.start <= t.idx - sent.start_char < d.end]
            if not toks:
                continue
            before = sent.text[max(0, d.start - 14): d.start].lower().split()
            if before and (before[-1] in ("since", "until", "till", "before", "after", "from", "by")
                           or before[-2:] in (["as", "of"], ["ahead", "of"], ["prior", "to"])):
                bounds.append(d)
                continue
            attached.setdefault(clause_of(toks[0], trigger_heads).i, []).append(d)
        pos = trig.token.idx - sent.start_char
        # "..., while in September, Aliyev, Pashinyan and Erdogan held": a date right before the
        # clause's subject is the clause's date, however the parser attached it
        subject = subject_tokens(trig)
        # (not a subject a relative clause's "it" stands for: that sits in the clause above)
        if subject and not (trig.head.dep_ == "relcl" and min(subject) not in {t.i for t in trig.head.subtree}):
            lead = sent.doc[max(sent.start, min(subject) - 4)].idx - sent.start_char
            first = sent.doc[min(subject)].idx - sent.start_char
            near = [d for ds in attached.values() for d in ds if lead <= d.start and d.end <= min(pos, first)
                    and not re.search(r"\b(?:and|but|then|while|whereas)\b", sent.text[d.end:first])]
            if near:
                return max(near, key=lambda d: d.start).span
        for prep in trig.head.children:  # "met in Dushanbe at the CIS summit on October 9"
            if prep.dep_ == "prep" and prep.lower_ in ADVERBIAL_PREPS | SETTING_PREPS:
                for noun in prep.children:
                    if noun.dep_ == "pobj" and noun.i in attached:
                        return min(attached[noun.i], key=lambda d: abs(d.start - pos)).span
        node: Token | None = trig.token
        seen: set[int] = set()
        while node is not None and node.i not in seen:
            seen.add(node.i)
            if node.i in attached:
                return min(attached[node.i], key=lambda d: abs(d.start - pos)).span
            node = node.head if node.head.i != node.i else None
        below = region | {t.i for t in trig.head.subtree}
        # a date of another trigger's clause below this one is that event's ("reiterated support, building on
        # the vision adopted four years earlier"), not this one's
        # (a participle describing a noun, "a deal brokered by China on 10 March", tells of the same event)
        others = {i for i in trigger_heads - {trig.token.i, trig.head.i} if sent.doc[i].dep_ != "acl"}
        inside = [d for key, ds in attached.items() if key not in others for d in ds
                  if any(d.start <= sent.doc[i].idx - sent.start_char < d.end for i in below)]
        if inside:
            return min(inside, key=lambda d: abs(d.start - pos)).span
        if attached:
            return inherited or min((d for ds in attached.values() for d in ds), key=lambda d: abs(d.start - pos)).span
        return min(bounds, key=lambda d: abs(d.start - pos)).span if bounds else inherited

    def _modality(self, sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Modality | None:
        head, tok = clause_head(trig), trig.token
        for t in {head, tok}:
            if any(c.dep_ == "neg" for c in t.children):
                return Modality.NEGATED
        node = head
        for _ in range(3):  # "dragged its feet on making an apology", "refused to attend"
            if node.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "dobj", "conj") or node.head.i == node.i:
                break
            coordinate = node.dep_ == "conj"  # "rejected the criticism and accused ...": a second act
            node = node.head
            if node.lemma_.lower() in DENYING and node.i != head.i and not coordinate:
                return Modality.NEGATED
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("after", "following") and not (
                {c.lower_ for a in tok.ancestors for c in a.children if c.dep_ == "aux"} & (FUTURE_AUX | HYPO_AUX)):
            return Modality.HAPPENED  # "agreed to end the dispute after talks": the talks came first
        aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
        if head.dep_ == "advcl" and head.tag_ == "VBG":
            # "this line can constitute a link, thus building on cooperation": the participle goes with its verb
            aux |= {c.lower_ for c in head.head.children if c.dep_ == "aux"} & HYPO_AUX
        if aux & HYPO_AUX == {"would"} and head.dep_ == "ccomp" and head.head.tag_ == "VBD" and (
                head.head.lemma_.lower() in REPORTING | {"confirm", "pledge", "promise", "decide"}) and not any(
                c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in head.children):
            return Modality.PLANNED  # "announced that France would recognise": a reported "will"
        if aux & HYPO_AUX:
            return Modality.HYPOTHETICAL
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in head.children):
            return Modality.HYPOTHETICAL
        if tok.pos_ == "NOUN" and any(c.lower_ in PLAN_ADJ for c in tok.children if c.dep_ in ("amod", "compound")):
            return Modality.PLANNED
        node = head
        for _ in range(3):  # "interest in opening borders", "a bid to join": wanted, not done
            if node.dep_ not in ("pcomp", "pobj", "prep", "acl", "xcomp") or node.head.i == node.i:
                break
            node = node.head
            if node.pos_ == "NOUN" and node.lemma_.lower() in INTENT_NOUNS:
                return Modality.PLANNED
        # embedded under a verb of planning, asking or expecting: "agreed to build", "is expected to sign"
        node = head
        for _ in range(4):
            embedding = ("xcomp", "ccomp", "acl", "advcl", "relcl", "pcomp", "pobj", "prep")
            if node.dep_ not in embedding or node.head.i == node.i:
                break
            parent = node.head
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            lemma = parent.lemma_.lower()
            if lemma in EXPECT_HEADS and (infinitive or node.dep_ == "xcomp"):
                return Modality.EXPECTED
            if infinitive and (lemma in PLAN_HEADS or parent.pos_ in ("NOUN", "ADJ") or node.dep_ == "advcl"):
                return Modality.PLANNED  # "... to supply Syria with gas": a purpose, not yet done
            if node.dep_ in ("xcomp", "ccomp") and any(c.lower_ in FUTURE_AUX for c in parent.children):
                return Modality.PLANNED
            node = parent
        if aux & FUTURE_AUX or any(c.lower_ == "going" for c in head.children):
            return Modality.PLANNED
        is_verb = tok.pos_ != "NOUN" and trig.head.i == tok.i
        governing = finite_verb(head)
        perfect = aux | {c.lower_ for c in governing.children if c.dep_ == "aux"}
        if ctx.narrative and governing.tag_ in ("VBP", "VBZ") and not perfect & {"has", "have", "had", "'s", "'ve"}:
            return None  # present tense: a statement about how things are ("the sides continue to ...")
        if is_verb and tok.tag_ == "VB" and not ctx.dates and not aux:
            return None
        if ctx.focal_start and span.end < ctx.focal_start:
            return Modality.BACKGROUND
        return Modality.HAPPENED


def _fold_elaborations(events: list[tuple[TriggerMatch, Event]]) -> list[tuple[TriggerMatch, Event]]:
    """"met in Baku, holding talks on trade": a participle that goes on to tell the same act of the same
    parties is that act, not a second event; where it was held may come from either."""
    by_token = {pair[0].token.i: pair for pair in events}
    kept = dict(by_token)
    for i, (trig, event) in by_token.items():
        tok = trig.token
        retold = tok.dep_ == "advcl" and tok.tag_ == "VBG"
        # "talks mediated by Türkiye": a participle that describes an event noun of its kind adds its actors
        describing = tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "NOUN"
        main = by_token.get(tok.head.i) if retold or describing else None
        if main is None or main[1].type != event.type or tok.head.i not in kept:
            continue
        if retold and not set(event.actors) <= set(main[1].actors):
            continue
        del kept[i]
        first = kept[tok.head.i][1]
        kept[tok.head.i] = (main[0], replace(
            first, location=first.location or event.location, mode=first.mode or event.mode,
            target=tuple(dict.fromkeys((*first.target, *(c for c in event.actors if c not in first.source))))))
    return list(kept.values())


def _mention_tokens(sent: Span, mention: Mention, offset: int) -> list[Token]:
    start, end = mention.start - offset, mention.end - offset
    return [t for t in sent if start <= t.idx - sent.start_char < end]


def subject_has_actor(sent: Span, subject: set[int], ctx: SentenceContext) -> bool:
    for mention in ctx.mentions:
        if mention.label in ACTOR_LABELS and any(t.i in subject for t in _mention_tokens(sent, mention, ctx.offset)):
            return True
    return False


def _owns_date(noun: Token, ctx: SentenceContext, sent: Span) -> bool:
    """Does a date phrase hang from the noun itself ("the summit on 22 August")?"""
    own = {t.idx - sent.start_char for t in noun.subtree}
    return any(any(d.start <= c < d.end for c in own) for d in ctx.dates)


def _attach_quantities(
    sent: Span, events: list[tuple[TriggerMatch, Event]], quantities: list[Quantity]
) -> list[Event]:
    """Each quantity goes to the event whose trigger is nearest to it in the sentence."""
    if not quantities or not events:
        return [event for _, event in events]
    attached: dict[int, list[Quantity]] = {i: [] for i in range(len(events))}
    text = sent.text
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
