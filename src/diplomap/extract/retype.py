"""Type changes with context, as ``knowledge/type_changes.csv`` lists them: each row names one of the
conditions below, which are the only code; which type becomes which, and in what order, is data."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import timedelta

from spacy.tokens import Span, Token

from diplomap.extract.context import SentenceContext, mention_tokens
from diplomap.extract.draft import Draft, Resolvers, an_igo
from diplomap.extract.gazetteer import OFFICIAL_LABELS
from diplomap.extract.lexicon import Lexicon
from diplomap.extract.syntax import clause_head, conditional, deciding_verb, is_promise, names_a_guest
from diplomap.knowledge import TypeChange
from diplomap.knowledge.grammar import (
    ADVERBIAL_OBJECTS,
    AGAIN,
    ASSISTING,
    FORCES,
    LEAVING,
    LOSSES,
    TITLE_NOUNS,
    VISITORS,
)
from diplomap.model import Modality

Condition = Callable[[Resolvers, Span, SentenceContext, Draft, tuple[str, ...]], bool]


def no_longer(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """The act is told as stopped: 'Austria will no longer veto Romania's accession', 'no longer recognises'."""
    return any(c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
               for head in {clause_head(d.trig), d.trig.token} for c in head.children)


def modified_by(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A word of the trigger carries one of ``words`` as a modifier: 'held *joint* military exercises'."""
    return any(c.lower_ in words for w in d.trig.words for c in w.children)


def official_protests(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """The verb (one of ``words``) has a government body or official as its subject: 'the Chinese embassy
    protested'; or the noun, as who voices it: 'drawing a protest from Kampala'."""
    tok = d.trig.token
    return tok.lemma_.lower() in words and tok.pos_ in ("VERB", "NOUN") and any(
        m.label in OFFICIAL_LABELS and any(t.i in d.subject for t in mention_tokens(sent, m, ctx.offset))
        for m in ctx.mentions)


def forces_sent_to_help(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """Forces sent to another state to do what helps it: 'deployed 400 police officers to Haiti to lead a
    security mission' (grammar.toml: nouns.forces, nouns.assisting)."""
    forces = {t.lemma_.lower() for t in d.trig.words} | {
        c.lemma_.lower() for c in d.trig.head.children if c.dep_ == "dobj"}
    return bool(forces & FORCES and d.target and set(d.target) - set(d.source) and any(
        t.lemma_.lower() in ASSISTING for t in d.trig.head.subtree))


def promises_hostile(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A verb of promising (one of ``words``) whose promise is a hostile act: 'vowed to retaliate against Israel',
    'vowed countermeasures against the US' promise no cooperation, they threaten (plover_types.csv: harms)."""
    tok = d.trig.token
    if tok.lemma_.lower() not in words or tok.pos_ != "VERB":
        return False
    promised = [c for c in tok.children if c.dep_ in ("xcomp", "dobj")]
    promised += [g for c in promised if c.dep_ == "xcomp" for g in c.children if g.dep_ == "dobj"]
    return any(r.lex.has_trait(t, "harms") for c in promised
               for t in r.lex.word_types(c.lemma_, verb=c.pos_ == "VERB", alone=True))


def promise(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A commitment by the actor, not a forecast, and not made to depend on the other side: 'will give'."""
    return is_promise(d.trig) and not conditional(d.trig)


_VISIT_DAYS = timedelta(days=3)  # the days of a visit after the one it is told under way


def promised_meeting(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A promise (as ``promise``) to meet, not a stop of a visit the story told before: 'During the visit, Ruto will
    hold talks with Xi', 'Lula will also attend the forum', 'will later travel to Ghana' are its programme
    (``words``: the nouns of a visit, 'also', 'later'), no new agreement to meet; so is a meeting to come in the days
    of a visit or talks the story told before as under way ('Lourenco arrived in Beijing on Thursday. Lourenco and
    Xi will hold talks'), or a tour's next stop ('Wong concluded his visit to Brunei today. He will travel to
    Malaysia'); not 'will meet again in November'. (Told first, the programme is the news: 'Xi said that during his
    visit, he and Boluarte will attend the port's inauguration'.)"""
    if not promise(r, sent, ctx, d, words):
        return False
    parties = {*d.source, *d.target}
    told = [e for e in ctx.prior if e.type == "CONSULT" and parties & {*e.source, *e.target}]
    if not told:
        return True
    again = any(c.lower_ in AGAIN for w in (d.trig.token, clause_head(d.trig)) for c in w.children)
    if not again and any(e.modality == Modality.HAPPENED and e.date and e.date.start <= d.span.start
                         and d.span.end <= e.date.end + _VISIT_DAYS for e in told):
        # (a tour's next stop too: 'met Fiala in Prague on Monday ... will meet Erdogan on Friday'; not 'will meet
        # again', 'a second meeting')
        return False
    for w in {clause_head(d.trig), d.trig.token, d.trig.head}:
        for c in w.children:
            if c.dep_ == "advmod" and c.lower_ in words:
                return False
            if c.dep_ == "prep" and c.lower_ == "during" and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in words for g in c.children):
                return False
    return True


def promise_told_by(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A promise (as ``promise``) told by a trigger word of ``words``: 'Canada will recognise Palestine'."""
    return any(w.lemma_.lower() in words or w.lower_ in words for w in d.trig.words) and promise(r, sent, ctx, d, words)


def promise_about(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A promise (as ``promise``) of an act on one of ``words`` (as ``object_is``): 'will lift all sanctions'."""
    return object_is(r, sent, ctx, d, words) and promise(r, sent, ctx, d, words)


def announced_decision(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A measure a party announced it will take (``words``: verbs of announcing), on no condition: 'Petro announced
    that Colombia will break diplomatic relations with Israel' (the decision is the act, dated when announced; 'will
    impose tariffs if ...' stays a threat)."""
    head = clause_head(d.trig)
    return (head.dep_ in ("ccomp", "xcomp") and head.head.lemma_.lower() in words and not conditional(d.trig)
            and not any(c.dep_ == "neg" for c in head.children))


def announced_request(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A request a party announced it will make of another (as ``announced_decision``, with ``words`` the verbs of
    telling): 'Trump said he would ask Saudi Arabia to bring down the cost of oil' (not 'the two countries will push
    for cooperation': no one is asked)."""
    return bool(set(d.target) - set(d.source)) and announced_decision(r, sent, ctx, d, words)


def in_force_from(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A measure told with when it takes effect (``words``: 'effective'), on no condition: 'his government will break
    relations with Israel effective Thursday', '... with immediate effect', '... as of this day' is decided, not
    threatened."""
    head = clause_head(d.trig)
    near = [c for t in (head, d.trig.token) for c in t.children]
    near += [g for c in near if c.dep_ == "npadvmod" for g in c.children]  # ("effective Thursday" on the date)
    dated = any(c.lower_ in words for c in near) or any(
        c.lower_ == "with" and any(g.lemma_.lower() == "effect" for g in c.children) for c in near) or any(
        c.lower_ == "as" and any(g.lower_ == "of" for g in c.children) for c in near)  # "as of this day"
    return dated and not conditional(d.trig) and not any(c.dep_ == "neg" for c in head.children)


def fired_into(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """Fired into or toward what ``words`` name, and at no party: 'fired a ballistic missile into the sea'."""
    if set(d.target) - set(d.source):
        return False
    verbs = {d.trig.token, d.trig.head}
    return any(c.dep_ == "prep" and c.lower_ in ("into", "toward", "towards") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in words for g in c.children) for v in verbs for c in v.children)


def decided_by(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """Told as what a party decided (``words``: verbs of deciding, in the past): 'the EU decided to open accession
    talks with Moldova', 'decided to build a railway'."""
    return deciding_verb(d.trig, words) is not None


def promise_or_condition(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A commitment or an act made to depend on the other side, told by a verb: 'will boycott', 'may halt ... if',
    'will withdraw its force unless' (not 'the ceasefire will be followed by talks if both agree')."""
    tok = d.trig.token
    told_by_verb = tok.pos_ in ("VERB", "AUX") or (tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"))
    return told_by_verb and (is_promise(d.trig) or conditional(d.trig))


# achievements, not choices: "did not reach a deal" is no refusal
_ACHIEVED = frozenset({"reach", "conclude", "achieve", "finalize", "finalise", "secure", "clinch", "strike"})
_CHOOSING = frozenset({"refuse", "decline", "reject", "shun", "resist", "avoid"})


def not_done_by_choice(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """Negated by its actor's will: 'cannot accept', 'did not sign', 'refused to recognise' (not 'did not reach
    a deal', 'failed to agree': what could not be done is no refusal; nor 'does not recognise the Taliban', a
    standing policy told as such). With ``words``, only a trigger of those words ('will not join BRICS')."""
    tok = d.trig.token
    if tok.lemma_.lower() in _ACHIEVED or (words and tok.lemma_.lower() not in words):
        return False
    node = tok
    for _ in range(3):  # the verb that denies it: "refused to recognise"
        if node.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "dobj") or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in _CHOOSING:
            return True
    head = d.trig.head
    if head.dep_ in ("ROOT", "conj") and any(c.dep_ == "aux" and c.lower_ in ("does", "do") for c in head.children):
        return False  # "New Delhi does not recognise the Taliban": a standing policy, told by no one, no refusal
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in head.children):
        return False  # "even if they don't formally recognise each other": a condition, no refusal
    if any(g.lower_ in ("any", "anyone", "anybody") for c in head.children if c.dep_ == "dobj" for g in c.subtree):
        return False  # "we do not support any of the factions": refuses no one in particular
    return any(c.dep_ == "neg" for c in (*tok.children, *head.children))


def declines_organisation(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """Not joining an intergovernmental organisation by its actor's will: 'Argentina will not join BRICS' (not
    'did not join the sanctions', 'has not joined its allies in imposing sanctions')."""
    return not_done_by_choice(r, sent, ctx, d, words) and an_igo(r, d.target)


def between_sides(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A noun of ``words`` naming two sides or more: 'the truce between Pakistan and Afghanistan'."""
    tok = d.trig.token
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in words and len({*d.source, *d.target}) >= 2


def leaves_organisation(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """What is left is an intergovernmental organisation: 'withdrew from ECOWAS' (by a word of leaving, ``words``:
    not 'the bloc has begun to lift sanctions on Kosovo')."""
    return (not words or any(w.lemma_.lower() in words for w in d.trig.words)) and an_igo(r, d.target)


def withdraws_from(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """What is left ('from'/'out of' X) is one of ``words``: a gathering or an undertaking, not a place."""
    for word in d.trig.words:
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "out"):
                if any(t.lemma_.lower() in words or t.lower_ in words for t in prep.subtree):
                    return True
    return False


def noun_without_ask(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A noun of ``words`` with nothing asked of anyone: no 'for'/'on'/'to' phrase and no infinitive after it."""
    tok = d.trig.token
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in words and not any(
        (c.dep_ == "prep" and c.lower_ in ("for", "on", "upon", "to")
         and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children))  # "the call on 3 February" asks nothing
        or c.dep_ in ("acl", "relcl") for c in tok.children)


# the phrases on what is regretted: "regret over Paris' decision", "regret at the decision"
_REGRETTED_PREPS = ("over", "about", "regarding", "at")


def regret_about_something(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]
                           ) -> bool:
    """A word of regret (``words``) with a phrase on something: 'regret at the decision', 'regret over Paris'
    decision' (not 'conceded at last', 'at least'; nor another word of conceding: 'dropped its complaint at the
    WTO')."""
    # (not a loss grieved: "regret over the death of a Korean national" is sympathy, grammar.toml nouns.losses)
    return any(w.lemma_.lower() in words for w in d.trig.words) and any(
        g.lower_ not in ADVERBIAL_OBJECTS and g.lemma_.lower() not in LOSSES
        for g in _prep_objects(d, _REGRETTED_PREPS))


def done_with(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A 'with' phrase on the trigger names one of ``words`` as what it was done with: 'hit Brazil with a 50
    percent tariff'."""
    return any(g.lemma_.lower() in words for g in _prep_objects(d, ("with",)))


def _prep_objects(d: Draft, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the trigger words' phrases opened by one of ``preps``."""
    return [g for w in d.trig.words for p in w.children if p.dep_ == "prep" and p.lower_ in preps
            for g in p.children if g.dep_ == "pobj"]


def object_is(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """The trigger's direct object, or its noun's 'of' phrase, is one of ``words``: 'boycotted the summit', 'the
    withdrawal of her ambassador'."""
    objects = [c for w in d.trig.words for c in w.children if c.dep_ == "dobj"]
    if d.trig.token.pos_ == "NOUN":
        objects += [g for c in d.trig.token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
    return any(c.lemma_.lower() in words or c.lower_ in words for c in objects)


def recalls_envoys(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """What is withdrawn is one of ``words`` (as ``object_is``) and not set free: 'withdrew its ambassador from
    Paris' recalls an envoy, 'released the detained French diplomat' frees one (PLOVER RETREAT release)."""
    return d.trig.entry.mode != "Release" and object_is(r, sent, ctx, d, words)


def subject_is(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """The trigger's subject is one of ``words``: 'hundreds of protesters gathered outside the embassy'."""
    return any(sent.doc[i].lemma_.lower() in words for i in d.subject)


def denies_a_telling(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """The trigger denies what another party told: its object is one of ``words`` ('denied the allegations',
    'refuted Boric's statements') or it takes a that-clause ('denied that its drones entered Polish airspace'),
    not a thing asked for ('denied land allocation', 'rejected the proposal')."""
    tok = d.trig.token
    # ("did not sign the joint statement": a refusal of the statement, which no one denies)
    return tok.pos_ == "VERB" and not any(c.dep_ == "neg" for c in tok.children) and any(
        (c.dep_ == "dobj" and c.lemma_.lower() in words)
        # (a clause "rejected" is what it refuses: "rejected what it described as false allegations")
        or (c.dep_ == "ccomp" and tok.lemma_.lower() != "reject")
        for c in tok.children)


def orders_envoys_out(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """The trigger tells envoys (grammar.toml nouns.title, or ``words``) to go: 'ordered the French ambassador to
    leave the country within 72 hours'."""
    return _orders_envoys(d.trig.token, TITLE_NOUNS | set(words), LEAVING)


def courtesy_call(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A verb of ``words`` ('call') on a person, asking nothing: 'Jaishankar called on Prime Minister Dahal'
    (not 'called on Pakistan to release the fishermen', 'called on Dahal for restraint'); or such a call named a
    courtesy: 'paid a courtesy call on Peru's president'."""
    tok = d.trig.token
    courtesy = tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "courtesy" for c in tok.children)
    if not courtesy and (tok.pos_ != "VERB" or any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.children)):
        return False
    if tok.lemma_.lower() not in words:
        return False
    return any(g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or g.lemma_.lower() in VISITORS)
               for w in {tok, d.trig.head} for c in w.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
               for g in c.children)


def guest_received(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """A verb of ``words`` whose passive subject is a guest: 'they were welcomed by Prime Minister Sharif', 'the
    general and his delegation were warmly welcomed by President Isaias' (a person welcomed as the verb's object is
    read as a visit where the trigger is found: triggers.py, visitor_acts)."""
    tok = d.trig.token
    return tok.pos_ == "VERB" and tok.lemma_.lower() in words and any(
        c.dep_ == "nsubjpass" and (c.lower_ in ("they", "he", "she") or names_a_guest(c)) for c in tok.children)


def envoys_told_to(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """The trigger tells envoys (grammar.toml nouns.title) to do, or to undergo, one of ``words``: 'ordered Israel's
    ambassadors from Ireland and Norway to immediately return to Israel' (a recall), 'ordered the Russian
    ambassador to be summoned to the ministry' (a summoning)."""
    return _orders_envoys(d.trig.token, TITLE_NOUNS, words)


def ordered_into_a_state(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, words: tuple[str, ...]) -> bool:
    """The trigger orders its object into a state of ``words``: 'a Russian trade office was ordered shut', 'ordered
    the consulate closed' (not 'ordered the consulate to hand over its files')."""
    return any(c.dep_ in ("xcomp", "oprd", "ccomp", "acomp") and c.lower_ in words and not any(
        g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in d.trig.token.children)


# where a party is ordered out of: "ordered the envoys out of the country"
_OUT_OF = frozenset({"country", "territory", "nation"})


def _orders_envoys(tok: Token, envoys: Collection[str], moves: Collection[str]) -> bool:
    """The verb's object (or, passive, its subject: 'five officials are being asked to leave') is an envoy and what
    it tells the envoy to do is one of ``moves``, or where it tells them to go is out of the country ('ordered three
    Chinese officials out of the country', the parser hanging "out" on the verb or on a word of the object)."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in envoys]
    if not objects:
        return False
    if any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in moves for c in tok.children):
        return True
    outs = [c for c in (*tok.children, *(t for o in objects for t in o.subtree)) if c.lower_ == "out"]
    return any(of.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in _OUT_OF for g in of.children)
               for out in outs for of in out.children)


CONDITIONS: dict[str, Condition] = {f.__name__: f for f in (
    no_longer, modified_by, official_protests, forces_sent_to_help, promise, promise_or_condition, not_done_by_choice,
    declines_organisation, between_sides, leaves_organisation, withdraws_from, noun_without_ask, orders_envoys_out,
    object_is, done_with, regret_about_something, denies_a_telling, subject_is, courtesy_call, announced_decision,
    in_force_from, fired_into, envoys_told_to, ordered_into_a_state, decided_by, promise_told_by, guest_received,
    promise_about, promises_hostile, recalls_envoys, promised_meeting, announced_request)}


def applies(change: TypeChange, lex: Lexicon, d: Draft) -> bool:
    """Does the row's type (or ``@trait``) and modality fit the draft as the rows above left it?"""
    if change.source.startswith("@"):
        if not lex.has_trait(d.type, change.source[1:]):
            return False
    elif d.type != change.source.upper():
        return False
    return not change.modalities or d.modality.value in change.modalities


def retype(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """Apply the type changes in order; each sees the type the ones before it left."""
    lex = r.lex
    for change in lex.changes:
        condition = CONDITIONS.get(change.condition)
        if condition is None:
            raise KeyError(f"type_changes.csv: {change.name}: no condition {change.condition!r} "
                           f"(known: {', '.join(sorted(CONDITIONS))})")
        if applies(change, lex, d) and condition(r, sent, ctx, d, change.words):
            d.type, d.mode = change.type, change.mode
            if change.modality:
                d.modality = Modality(change.modality)
