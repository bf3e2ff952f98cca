"""Rules on whom a stance is taken by and toward (applied by ``Coder`` in the order ``rules.py`` writes): the one
whose stance a noun is holds it, a stance on an act told before is toward its author, what an act drew is toward its
doer, a stance taken "also" is toward whom the last such stance was, the body an accusation is brought to is not
whom it accuses, and people who speak for no state take no stance of one."""

from __future__ import annotations

from spacy.tokens import Span

from diplomap.extract.context import SentenceContext
from diplomap.extract.draft import Draft, Resolvers, an_igo, named_in, phrases_on_the_act
from diplomap.extract.lexicon import Lexicon
from diplomap.extract.syntax import anaphor_count
from diplomap.knowledge.grammar import ACT_REFERENCES, DRAWING, FORUM_PREPS, LIKEWISE, POSSESSIVES, PRIVATE_PEOPLE
from diplomap.model import Modality
from diplomap.plover import plover_score


def possessor_holds_the_stance(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'He also affirmed Canada's resolute support for Philippine sovereignty', 'the minister reiterated Japan's
    opposition to ...': when the subject names no party, the one whose stance the trigger's noun is holds it (before
    pronoun_or_anaphor_subject: 'he' is Canada's minister here, whoever was named before)."""
    # (not what is refused: "rejected Trump's offer" refuses another's offer, it is no stance of Trump's)
    if d.source or d.trig.entry.type == "REJECT" or r.actors.in_subject(sent, d.subject, ctx):
        return
    # (the noun of an act itself, 'support', 'commitment': not 'summoned Brazil's ambassador', who is the target)
    nouns = [w for w in d.trig.words if w.pos_ == "NOUN" and w.i != d.trig.head.i
             and r.lex.word_types(w.lemma_, verb=False, alone=True)]
    owners = {t.i for w in nouns for c in w.children if c.dep_ == "poss" and c.lower_ not in POSSESSIVES | {"their"}
              for t in c.subtree}
    holder = named_in(r, sent, ctx, d, owners) if owners else []
    if holder:
        d.source = holder
        d.target = [c for c in d.target if c not in holder]


def stance_on_the_act_it_names(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Chile has condemned the memorandum of understanding signed between Peru and Bolivia': a stance against it by
    one named (accusing, refusing) with no one else as its target, whose object names an act and its parties, is
    toward them (the act's own words are no part of the stance's clause, so its parties were left out)."""
    if d.type not in ("ACCUSE", "REJECT") or not d.source or set(d.target) - set(d.source):
        return
    objects = {t.i for c in d.trig.head.children if c.dep_ == "dobj" for t in c.subtree}
    parties = [c for c in named_in(r, sent, ctx, d, objects) if c not in d.source] if objects else []
    if parties:
        d.target = parties


def stance_on_a_told_act(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Qatar also condemned the seizure', 'Cairo denounced the strikes': a stance (trait reaction) on an act the
    story told before, with no one else named, is taken toward that act's author: the last party that did such
    an act ("the move", "the decision": any act but a statement) other than the one taking the stance."""
    if d.target or not d.source or "reaction" not in d.trig.entry.traits:
        return
    tok = d.trig.token
    named = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    named += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "over", "against", "on")
              for g in c.children if g.dep_ == "pobj"]
    for noun in named:
        # "It was welcomed by Bolivia" after "Chile and Peru signed a deal": "it" is the act told last
        pronoun = noun.lower_ in ("it", "this") and noun.dep_ in ("dobj", "nsubjpass")
        if not pronoun and (noun.pos_ != "NOUN" or any(c.dep_ == "poss" for c in noun.children)):
            continue  # "China's seizure" names its author; "defended their actions" speaks of its own
        lemma = noun.lemma_.lower()
        kinds = set() if lemma in ACT_REFERENCES or pronoun else set(r.lex.word_types(lemma, verb=False))
        if not kinds and lemma not in ACT_REFERENCES and not pronoun:
            continue
        for event in reversed(ctx.prior):
            of_kind = event.type in kinds if kinds else _may_be_meant(event.type, d.trig.entry.type, r.lex)
            if of_kind and event.source and event.modality == Modality.HAPPENED and (
                    not set(event.source) & set(d.source)):
                # the author of an act, or all the parties of a joint one ("the deal Chile and Peru signed")
                parties = event.source if event.target or len(event.source) < 2 else event.actors
                d.target = [c for c in parties if c not in d.source]
                return
            if pronoun:
                return  # "it" is the last act told, or nothing


def reaction_drawn(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Kenyan police arrested 12 traders, drawing a protest from Kampala': what an act drew (a stance, a measure) is
    toward the one who did that act, the subject of the clause the participle hangs on, and by whom it drew it from;
    so is 'India's decision drew criticism from Ukraine', the act told as the subject of the verb of drawing."""
    tok = d.trig.token
    verb = tok.head
    if ("directed" not in d.trig.entry.traits or tok.dep_ != "dobj" or verb.lemma_.lower() not in DRAWING
            or set(d.target) - set(d.source)):
        return
    doer = verb.head if verb.dep_ == "advcl" else verb
    doers = {t.i for c in doer.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    named = named_in(r, sent, ctx, d, doers) if doers else []
    if verb.dep_ != "advcl" and not named:
        return  # ("the visit drew criticism from Kyiv": whose visit, the sentence does not say)
    if not d.source:
        # ("drawing condemnation from Beijing": the parser may hang who reacted on the participle, not the noun)
        reacted = {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for t in c.subtree}
        d.source = named_in(r, sent, ctx, d, reacted) if reacted else []
    if doers:
        d.target = [c for c in named if c not in d.source] or d.target


def also_the_same_stance(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'The US condemned China's actions. Japan and Australia also voiced concern.': a stance taken 'also', with
    no one named to take it toward, is toward the party the last such stance was taken toward."""
    if d.target or not d.source or "reaction" not in d.trig.entry.traits:
        return
    if not any(c.dep_ == "advmod" and c.lower_ in LIKEWISE for c in d.trig.head.children):
        return
    for event in reversed(ctx.prior):
        if event.type == d.trig.entry.type and event.target and not set(event.target) & set(d.source):
            d.target = list(event.target)
            return


def _may_be_meant(told: str, stance: str, lex: Lexicon) -> bool:
    """Whether "the move" a stance is taken on may be an act of type ``told``: an act, not what was said of it, and
    one of the stance's sign ("condemned the move": a hostile act; "welcomed the move": a friendly one)."""
    return not lex.has_trait(told, "reaction") and ((plover_score(told) or 0) < 0) == ((plover_score(stance) or 0) < 0)


def private_voices_are_no_party(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Chinese analysts criticised the Philippine drills', 'U.S. farmers criticised the deal': a stance (trait
    reaction) whose subject is people who speak for no state (grammar.toml nouns.private) is an opinion, not the
    stance of the state their adjective names: in the record of news, no event (the sides cleared, the coder drops
    it); sentence coding, as PLOVER's, codes the state with the people's sector."""
    if not ctx.reactions_apart or "reaction" not in d.trig.entry.traits or not d.source:
        return
    heads = [t for t in (sent.doc[i] for i in d.subject) if t.pos_ in ("NOUN", "PROPN")
             and (t.dep_ == "nsubj" or (t.dep_ == "conj" and t.head.i in d.subject))]
    if heads and all(h.lemma_.lower() in PRIVATE_PEOPLE for h in heads):
        d.source, d.target = [], []


def forum_of_the_complaint(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Peru lodged a complaint against Chile at the UN', 'filed a complaint with the African Union against Chile',
    'complained to the UN about Chile': the intergovernmental body an accusation is brought to is where it is
    lodged, not whom it accuses, when another party is accused."""
    if d.type != "ACCUSE" or len(set(d.target)) < 2:
        return
    forum = phrases_on_the_act(sent, d, FORUM_PREPS)
    bodies = [c for c in named_in(r, sent, ctx, d, forum) if an_igo(r, [c])]
    accused = [c for c in d.target if c not in bodies]
    if bodies and accused:
        d.target = accused


def a_joint_aim_asks_no_one(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Xi urged both sides to ensure the success of the celebrations', 'Xi told Petro that the two countries should
    seize the anniversary': asking "both sides" or "the two countries" of which the asker is one asks no one (a
    joint aim told by one of them), no request: the event is dropped (an event with no actor is)."""
    if d.trig.entry.type != "REQUEST" or not d.source:
        return
    head = d.trig.token
    asked = [c for c in head.children if c.dep_ in ("dobj", "dative")]
    asked += [s for c in head.children if c.dep_ in ("ccomp", "xcomp") for s in c.children
              if s.dep_ in ("nsubj", "nsubjpass")]
    for phrase in asked:
        tokens = {t.i for t in phrase.subtree}
        if anaphor_count(sent, tokens) == 2 and not named_in(r, sent, ctx, d, tokens) and (
                set(d.target) <= set(d.source) or len(set(d.source) | set(d.target)) == 2):
            d.source, d.target = [], []
            return
