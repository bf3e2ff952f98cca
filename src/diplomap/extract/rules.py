"""The rules that complete an event's parties and place once its trigger, date and modality are known.

Each rule is a small function with the case it covers in its docstring (the rules on how news tells an act's
parties are in ``acts.py``, those on whom a stance is taken by and toward in ``stances.py``; ``Draft`` and
``Resolvers`` in ``draft.py``); ``Coder`` applies ``BEFORE_PLACE``,
then finds the event's place, then ``AFTER_PLACE``, drops an event with no actor, then ``LAST`` and the type
changes of ``knowledge/type_changes.csv`` (``retype.py``). The order is the one written here.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from diplomap.extract.acts import (
    absent_is_no_party,
    adversary_is_no_party,
    came_under_attack,
    discussed_topic_is_no_party,
    expelled_by_the_state_left,
    it_is_the_one_named_before,
    its_is_not_the_doer,
    met_by_the_doers,
    met_separately_by_each,
    officials_of_the_two_sides,
    one_partys_text_agrees_nothing,
    parties_of_the_meeting_told,
    parties_of_the_setting,
    partner_of_the_setting,
    reached_with_the_teller,
    released_by_the_holder,
    talks_hosted_by_the_seat_state,
    text_speaks_for_its_issuer,
    them_of_the_clause_above,
    visit_hosted_by_place_state,
    visitor_of_the_visit,
)
from diplomap.extract.context import SentenceContext, mention_tokens
from diplomap.extract.draft import Draft, Resolvers, Rule, named_in, place_state_untold
from diplomap.extract.roles import phrases_of_no_party
from diplomap.extract.stances import (
    a_joint_aim_asks_no_one,
    also_the_same_stance,
    forum_of_the_complaint,
    possessor_holds_the_stance,
    private_voices_are_no_party,
    reaction_drawn,
    stance_on_a_told_act,
    stance_on_the_act_it_names,
)
from diplomap.extract.syntax import (
    TriggerMatch,
    anaphor_count,
    anaphoric_subject,
    antecedent_phrase,
    object_clauses,
    region_of,
    singular_anaphor,
    unnamed_states,
)
from diplomap.extract.when import owns_date
from diplomap.knowledge.grammar import (
    ALLEGING,
    BODIES,
    IRREGULARS,
    NEIGHBOURS,
    REPORTING,
    STATE_ANAPHORS,
    SUCCESSION,
    TOPIC_VERBS,
)


def hosted_guests_visit(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Pashinyan and Aliyev, hosted by Trump, ...': the noun the participle describes is the guest, and the
    visitor is the source (PLOVER)."""
    tok = d.trig.token
    if not (tok.dep_ == "acl" and tok.tag_ == "VBN" and "visitor_acts" in d.trig.frames):
        return
    guests = {t.i for t in tok.head.subtree} - {t.i for t in tok.subtree}
    visitors = [c for c in named_in(r, sent, ctx, d, guests) if c not in d.source]
    if visitors:
        d.source, d.target = visitors, [c for c in dict.fromkeys([*d.target, *d.source]) if c not in visitors]


def partner_in_described_object(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """The partner may be named only in a clause that describes the object: 'elevated its agreement, which
    it signed with China, to ...'; or in the noun phrase a relative clause describes; or, when the act names no
    other, in one that describes the subject and tells no time of its own: 'the Chinese minister, who is visiting
    Nepal, signed three agreements'."""
    if len({*d.source, *d.target}) >= 2:
        return
    extra = object_clauses(d.trig) - d.region
    extra |= antecedent_phrase(d.trig) - d.region
    # (not "attended the talks, which focused on North Korea's missile launches": what they were about)
    extra -= {t.i for i in extra if sent.doc[i].dep_ in ("relcl", "acl") and sent.doc[i].lemma_.lower() in TOPIC_VERBS
              for t in sent.doc[i].subtree}
    if not d.target:  # (not "the activist, who fled from Iraq to Sweden several years ago, criticised Turkey")
        extra |= {t.i for i in d.subject for r in sent.doc[i].children
                  if r.dep_ == "relcl" and not owns_date(r, ctx, sent) for t in r.subtree}
    if extra:
        _, more, _ = r.actors.resolve(sent, d.trig, ctx, d.span, extra, set())
        d.target += [c for c in more if c not in d.source and c not in d.target]


def demanded_clause_names_target(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'demanded that the US cancel ...', 'accused Israel's jets of ...': the subject of the clause a request,
    accusation or threat governs is its target."""
    if not d.target and "clause_target" in d.trig.entry.traits:
        d.target += [c for c in r.actors.clause_subject(sent, d.trig, ctx, d.span) if c not in d.source]


def admission_toward_the_wronged(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Iran acknowledged that its missiles had shot down the Ukrainian airliner': an admission (CONCEDE) is made
    toward the party its admitted act was done to, named in the clause it governs."""
    if d.target or not d.source or d.trig.entry.type != "CONCEDE":
        return
    told = {t.i for c in d.trig.head.children if c.dep_ == "ccomp" for t in c.subtree}
    if told:
        source, target, _ = r.actors.resolve(sent, d.trig, ctx, d.span, told, set())
        d.target = [c for c in dict.fromkeys([*target, *source]) if c not in d.source]


def call_with_the_addressed(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'In a phone call on Monday, Macron told Putin that ...': the one addressed (a verb of telling) in a call or
    meeting is the other party to it."""
    tok = d.trig.token
    if (d.trig.entry.type != "CONSULT" or len({*d.source, *d.target}) >= 2 or tok.pos_ != "NOUN"
            or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "during") or tok.head.head.pos_ != "VERB"):
        return
    verb = tok.head.head
    if verb.lemma_.lower() not in REPORTING | ALLEGING:
        return  # ("during her trip, she held talks with ...": the talks are an event of their own)
    addressed = {t.i for c in verb.children if c.dep_ in ("dobj", "dative", "iobj") for t in c.subtree}
    addressed |= {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for t in c.subtree}
    if addressed:
        d.target += [c for c in named_in(r, sent, ctx, d, addressed) if c not in d.source and c not in d.target]


def visit_to_meet_someone(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'ministers travelled to Doha to meet the Taliban': a visit made to meet a party is a visit to that party;
    the place travelled to is where they met, not a party (unless the one met is of that place)."""
    head = d.trig.head
    if d.trig.entry.mode != "Visit" or head.pos_ != "VERB":
        return
    for purpose in head.children:
        if purpose.dep_ not in ("advcl", "xcomp") or purpose.tag_ != "VB" or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in purpose.children):
            continue
        if "CONSULT" not in r.lex.word_types(purpose.lemma_, verb=True):
            continue
        told = {t.i for t in purpose.subtree} - {purpose.i}
        if r.lex.has_frame(purpose.lemma_.lower(), "object_is_topic"):
            # ("welcomed Orsi to discuss the EU-Mercosur agreement": what is discussed is no one met)
            told = {t.i for c in purpose.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}
        met = [c for c in named_in(r, sent, ctx, d, told) if c not in d.source]
        if met:
            d.target = met
            return


def anaphoric_counterparts(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Thailand and Cambodia clashed. Malaysia called on both sides to stop', 'Rubio spoke with the foreign
    ministers of both countries': the parties a plural anaphor on the receiving side stands for, named earlier in
    the sentence or else in the sentence before (else the ones the story names most), not the one acting."""
    if not d.source:
        return
    told = {t.i for t in _arguments(d.trig) if t.dep_ != "preconj"} - d.subject  # (not "both Lima and Quito")
    told -= phrases_of_no_party(sent, d.trig)  # ("with ASEAN placing Korea ... in the organization's hierarchy")
    if not anaphoric_subject(sent, told):
        return
    # "Burundi closes its border with Rwanda, accusing the country of backing rebels": one, the last other named
    single = singular_anaphor(sent, told)
    heads = [sent.doc[i] for i in told if anaphoric_subject(sent, {i})]  # (not "former president" after it)
    described = any(c.dep_ in ("amod", "compound", "nmod", "poss") and (
        c.lower_ in SUCCESSION or h.lower_ == "government") for h in heads for c in h.children)
    if single and (set(d.target) - set(d.source) or described):
        return  # (not "the previous Conservative government": another government, not a pointer back)
    count = 1 if single else anaphor_count(sent, told) or 2
    if any(c.dep_ == "poss" and c.lower_ == "their" for h in heads for c in h.children) and (
            len(set(d.source) | set(d.target)) >= count):
        return  # "A, B and C signed a treaty on the junction point of their three countries' borders": their own
    first = min(told)
    # "both countries": states, not the bloc named with them
    states = any(sent.doc[i].lemma_.lower() in STATE_ANAPHORS for i in told)
    # "the southern African country": one of Africa's
    region = region_of(sent, told, r.kb.states_described) if single else frozenset()
    for n, antecedent in enumerate((r.actors.earlier(sent, ctx, first, d.span), ctx.previous_actors, ctx.salient)):
        others = [c for c in antecedent if c not in d.source and (not states or c in r.kb.states)
                  and (not region or c in region)]
        if len(others) >= count:
            # (a state told in the sentence before: the story's most named of them, not the last named, which is
            # often a third party it is set against: "Nauru signed a treaty with Australia aimed at China.
            # Australia offered aid to the remote nation")
            ranked = sorted(others, key=lambda c: ctx.salient.index(c) if c in ctx.salient else len(ctx.salient))
            chosen = (ranked[:1] if n == 1 and states else others[-1:]) if single else others[:count]
            d.target = list(dict.fromkeys([*(t for t in d.target if t not in d.source), *chosen]))
            return


def _arguments(trig: TriggerMatch) -> list[Token]:
    """The phrases a trigger word governs as its object or its partner: 'called on both sides', 'spoke with the
    ministers of both countries' (not 'a peace between the two countries', which only names a thing)."""
    words = {w.i for w in trig.words} | {trig.head.i}
    out: list[Token] = []
    for w in (trig.token.doc[i] for i in words):
        for c in w.children:
            if c.i in words:
                continue  # "holding discussions in both Yerevan and Baku": the trigger's own noun
            if c.dep_ in ("dobj", "dative") or (c.dep_ == "pobj" and w.pos_ == "ADP"):  # ("called on" both sides)
                out.extend(c.subtree)
            elif c.dep_ == "prep" and c.lower_ in ("on", "with", "to", "against", "between", "upon"):
                out.extend(c.subtree)
    return out


def counterpart_from_previous_sentence(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """A directed act with its other party named just before: 'Putin met Aliyev. The Russian leader gave an
    indirect apology.' The counterpart is the last sentence's other actor (a call always has two ends) when it is one
    of the story's two main parties; of several, the one the story is most about among those, else none. (On the
    development sets the first of several was right one time in four, and in news a single other that is no main
    party two times in thirteen; a review's chapters each have their own parties, so there a single other is taken.)
    An act whose object is its doer's own side is done at home and takes none."""
    if len({*d.source, *d.target}) == 1 and ctx.previous_actors and (
            "directed" in d.trig.entry.traits or d.trig.entry.mode == "Phone"):
        acted_on = {t.i for c in d.trig.token.children if c.dep_ in ("dobj", "nsubjpass")
                    for t in (c, *c.children) if t.i == c.i or t.dep_ in ("compound", "amod")}
        if acted_on and set(named_in(r, sent, ctx, d, acted_on)) & set(d.source):
            return  # "The French president is criticized by the French right": at home, no counterpart
        other = [c for c in ctx.previous_actors if c not in d.source and c not in d.target]
        if len(other) > 1 or not ctx.narrative:
            other = [c for c in ctx.salient[:2] if c in other][:1]
        if other:
            d.target.append(other[0])


def _subject_of_the_told(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, pronoun: Token) -> list[str]:
    """'its' in the subject of a verb of saying put after what it tells ('Iraq will not agree to any OPEC+ cuts, its
    oil minister said'): the party the told clause is about, its subject, not the last one named in it."""
    node = pronoun
    while node.dep_ not in ("nsubj", "nsubjpass") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return []
    verb = node.head
    if node.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING:
        return []
    for told in (c for c in verb.children if c.dep_ == "ccomp" and c.i < pronoun.i):
        subject = {t.i for c in told.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        if subject:
            return named_in(r, sent, ctx, d, subject)
    return []


def _teller_of(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, pronoun: Token) -> list[str]:
    """The actors of the subject of the verb that reports the clause a pronoun is in ('X reaffirmed that its ...')."""
    node = pronoun
    for _ in range(6):
        if node.dep_ == "ccomp" and node.head.pos_ in ("VERB", "AUX"):
            start = min(t.i for t in node.subtree)
            if r.actors.earlier(sent, ctx, pronoun.i, d.span) != r.actors.earlier(sent, ctx, start, d.span):
                return []  # ("X said Y's forces shelled its ...": one named in the clause before the pronoun)
            verb = node.head
            while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head  # "condemned ... and reaffirmed that": the subject of the first verb
            told = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
            if not told:
                return []
            return named_in(r, sent, ctx, d, told)
        if node.head.i == node.i:
            return []
        node = node.head
    return []


def pronoun_or_anaphor_subject(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Washington treated them differently: it imposed tariffs': 'it' is the actor named last before it, and so
    is 'its' in 'India said its jets struck'; 'he' or 'she' is the one named first in the sentence, else in the
    sentence before.
    'The two sides met', 'where the three countries agreed': the actors named just before, earlier in this
    sentence or else in the sentence before, and when those are not as many as the anaphor counts, the ones
    the document has named most; 'the country' is one actor, the last one named."""
    it = [sent.doc[i] for i in d.subject if (sent.doc[i].lower_ == "it" and sent.doc[i].dep_ == "nsubj")
          or (sent.doc[i].lower_ in ("its", "their") and sent.doc[i].dep_ == "poss")]  # "its jets struck"
    # (or the subject of a verb it is raised from: "He was cited to have told Vucic to avoid provocations")
    person = [sent.doc[i] for i in d.subject if sent.doc[i].lower_ in ("he", "she")
              and sent.doc[i].dep_ in ("nsubj", "nsubjpass")]
    speaking = [sent.doc[i] for i in d.subject if sent.doc[i].lower_ in ("i", "we") and sent.doc[i].dep_ == "nsubj"]
    # ('"I encouraged them to ...," he added': the one the quotation is attributed to, after it)
    speaking += [t for t in person if t.i > d.trig.token.i]
    if not d.source and speaking and ctx.speaker:
        # '"I just spoke with President Sheinbaum. It was friendly," Trump wrote': the one the quotation is his
        d.source = list(ctx.speaker)
        d.target = [c for c in d.target if c not in d.source]
        return
    if not d.source and it and it[0].lower_ == "their" and (owners := _their_owners(r, sent, ctx, d, it[0])):
        d.source = owners  # "Chile and Peru signed a deal after their leaders met": both
        d.target = [c for c in d.target if c not in d.source]
    elif (not d.source and it and it[0].lower_ == "their" and not r.actors.earlier(sent, ctx, it[0].i, d.span)
          and (it[0].head.dep_ in ("nsubj", "nsubjpass") or (d.type == "CONSULT" and it[0].head.i == d.trig.token.i))
          and (owners := _owners_before(ctx))):
        # "Carney and Sheinbaum said ... . Their meeting in Mexico City came as ...": those of the sentence before
        # (so are a meeting's, wherever it stands: "It was during their discussions, on Tuesday, ...")
        d.source = owners
        d.target = [c for c in d.target if c not in d.source]
    elif not d.source and it and it[0].lower_ == "its" and (
            about := _subject_of_the_told(r, sent, ctx, d, it[0])):
        d.source = about[:1]  # "Iraq will not agree to any OPEC+ cuts, its oil minister said": Iraq's minister
    elif not d.source and it and (teller := _teller_of(r, sent, ctx, d, it[0])):
        d.source = teller[:1]  # "The US condemned China's actions and reaffirmed that its treaty covers ...": the US
    elif not d.source and it and (earlier := r.actors.earlier(sent, ctx, it[0].i, d.span)):
        d.source = [earlier[-1]]
    elif not d.source and not d.target[1:] and (owner := _cataphoric_owner(r, sent, ctx, d)):
        d.source = owner  # "Speaking after his meeting with Modi, Albanese said ...": the one the clause is about
        d.target = [c for c in d.target if c not in d.source]
    elif not d.source and person and (
            told := r.actors.earlier(sent, ctx, person[0].i, d.span)[:1] or ctx.previous_people[:1]
            or ctx.previous_actors[:1]):
        # "Macron met reporters. He praised Peru", "Modi said he would visit": the one named first (before it,
        # the person the sentence before named first: "X said, 'Welcome Belarus to the SCO.' He also met Lavrov")
        d.source = list(told)
        d.target = [c for c in d.target if c not in d.source]
    elif not r.actors.in_subject(sent, d.subject, ctx) and anaphoric_subject(sent, d.subject):
        earlier = r.actors.earlier(sent, ctx, d.trig.token.i, d.span)
        if singular_anaphor(sent, d.subject):
            # "Burundi's minister says the country is suspending ties with Rwanda, closing their border": the one
            # named before the anaphor, not before the act
            earlier = r.actors.earlier(sent, ctx, min(d.subject), d.span)
            antecedent = earlier[-1:] or ctx.previous_actors[:1]
            if region := region_of(sent, d.subject, r.kb.states_described):  # "the Gulf state": of the Gulf's
                antecedent = tuple(c for c in (*reversed(earlier), *ctx.previous_actors, *ctx.salient)
                                   if c in region)[:1]
            elif any(sent.doc[i].lower_ in BODIES for i in d.subject) and ctx.salient:
                antecedent = ctx.salient[:1]  # "the ministry said": of the state the story is most about
        else:
            antecedent = earlier if len(earlier) >= 2 else ctx.previous_actors
            count = anaphor_count(sent, d.subject)
            if count and len(antecedent) != count and len(ctx.salient) >= count:
                # "the two leaders" after a sentence on three others: the two the story is about
                antecedent = ctx.salient[:count]
            elif not count and d.type not in ("AGREE", "CONSULT", "COOPERATE") and d.target:
                # "They charge that Moscow is using Libya": whoever they are, not those they charge
                antecedent = tuple(c for c in antecedent if c not in d.target)
        d.source = list(dict.fromkeys([*antecedent, *d.source]))
        d.target = [c for c in d.target if c not in d.source]


def between_the_ones_told(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Talks between the two countries were held in Lima', 'during the first strategic dialogue between the two
    countries' foreign ministers, Iwaya said': the parties a plural anaphor after "between" stands for, the last
    ones named before it in the sentence, else those of the sentence before (else, when those are not as many as it
    counts, the ones the story names most)."""
    if d.type not in ("CONSULT", "AGREE", "COOPERATE") or len({*d.source, *d.target}) >= 2:
        return
    # (of the trigger's noun: "talks" in "Talks between the two countries were held")
    told = {t.i for w in d.trig.words if w.pos_ in ("NOUN", "PROPN") for c in w.children
            if c.dep_ == "prep" and c.lower_ == "between" for o in c.children if o.dep_ == "pobj" for t in o.subtree}
    if not told or not anaphoric_subject(sent, told) or singular_anaphor(sent, told):
        return
    count = anaphor_count(sent, told)  # (counted: "the two countries", "both sides"; not "the leaders")
    if count < 2:
        return
    earlier = r.actors.earlier(sent, ctx, min(told), d.span)
    # (the last ones named: "plans to visit Ethiopia and Somalia after the signing of the declaration between the
    # two nations")
    antecedent = earlier[-count:] if len(earlier) >= count else ctx.previous_actors
    if len(antecedent) != count and len(ctx.salient) >= count:
        antecedent = ctx.salient[:count]
    if len(antecedent) == count:
        d.source = list(dict.fromkeys(antecedent))
        d.target = [c for c in d.target if c not in d.source]


def _owners_before(ctx: SentenceContext) -> list[str]:
    """Whom 'their' opening a sentence stands for: the two or three the sentence before named, or of more (a
    sentence on the talks of two that names what they discussed: "... said at the start of discussions focused on
    Russia and China"), the two the story is most about among them."""
    before = list(ctx.previous_actors)
    if len(before) > 3:
        before = [c for c in ctx.salient[:2] if c in before]
    return before if 2 <= len(before) <= 3 else []


def _cataphoric_owner(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> list[str]:
    """'his' or 'her' before anyone is named, in a clause that leads the sentence ('Speaking after his meeting
    with Modi, Albanese said'): the one named as the subject of the clause it leads."""
    his = [sent.doc[i] for i in d.subject if sent.doc[i].lower_ in ("his", "her") and sent.doc[i].dep_ == "poss"]
    if not his or r.actors.earlier(sent, ctx, his[0].i, d.span):
        return []
    node = his[0]
    while node.head.i != node.i:
        if node.dep_ in ("advcl", "prep") and node.head.pos_ in ("VERB", "AUX") and node.i < node.head.i:
            subject = {t.i for c in node.head.children if c.dep_ == "nsubj" for t in c.subtree}
            named = named_in(r, sent, ctx, d, subject) if subject and min(subject) > his[0].i else []
            return named[:1]
        node = node.head
    return []


def _their_owners(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, their: Token) -> list[str]:
    """The two parties or more named as the subject of the nearest clause above 'their' that has one."""
    node = their.head
    for _ in range(6):
        if node.head.i == node.i:
            return []
        node = node.head
        subject = {t.i for c in node.children if c.dep_ == "nsubj" and their.i not in {g.i for g in c.subtree}
                   for t in c.subtree}
        if subject:
            named = named_in(r, sent, ctx, d, subject)
            if len(named) < 2 and anaphoric_subject(sent, subject):
                # ("the two countries said ... after their foreign ministers met"): those named before it
                named = list(r.actors.earlier(sent, ctx, min(subject), d.span))
            return named if len(named) >= 2 else []
    return []


def its_neighbour_is_the_other_party(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Islamabad launched air strikes on its neighbour': the neighbour is the other party the story names, in
    this sentence or the one before, else the one it names most."""
    if d.target or not d.source or "directed" not in d.trig.entry.traits:
        return
    for tok in (sent.doc[i] for i in d.region):
        if tok.lemma_.lower() in NEIGHBOURS and tok.dep_ in ("pobj", "dobj") and any(
                c.lower_ in ("its", "their") for c in tok.children):
            told = [*r.actors.earlier(sent, ctx, tok.i, d.span), *ctx.previous_actors, *ctx.salient]
            other = [c for c in told if c not in d.source and c in r.kb.states]
            d.target = other[:1]
            return


def scene_of_the_sentence(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """A place named in the event's own clause; else one the sentence sets the scene in, when no other event's
    clause holds this one (and, for an act told in a clause someone reports, the scene is the act's own only when
    the place is inside that clause); a town of the same country is sharper than the country."""
    embedded = bool({a.i for a in d.trig.token.ancestors} & (d.trigger_heads - {d.trig.head.i, d.trig.token.i}))
    d.own_place = d.location is not None or not embedded
    if d.location is None:
        d.location = r.places.sentence_location(sent, ctx, d.trig)
        # (nor is a place outside the clause someone reports: "Speaking to reporters in New York, Baerbock said
        # Sharmahd was executed" sets the scene of the saying)
        told = next((a for a in (d.trig.head, *d.trig.head.ancestors)
                     if a.dep_ == "ccomp" and a.head.lemma_.lower() in REPORTING), None)
        inside = {w.i for w in told.subtree} if told is not None else set()
        if inside and d.location is not None and not any(
                m.label in ("PLACE", "CAPITAL") and r.places.place(m) == d.location
                and any(t.i in inside for t in mention_tokens(sent, m, ctx.offset)) for m in ctx.mentions):
            d.own_place = False
    d.location = r.places.narrower_place(ctx, d.location)


def mission_hosted_by_place_state(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Chile reopened its embassy in Lima': a mission opened or closed in another state's place is toward that
    state."""
    if d.source and any(w.lemma_.lower() in ("embassy", "consulate", "mission") for w in d.trig.words) and (
            state := place_state_untold(d)):
        d.target = [state]


def people_act_for_their_state(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'demonstrators in Baghdad blocked a road': unnamed people act for the state they act in (not 'agreed in
    Doha after clashes': that place is the agreement's; nor bombers, gunmen and militants, grammar.toml
    nouns.irregulars, whose attack there strikes that state)."""
    loc = d.location
    heads = [sent.doc[i] for i in d.subject if sent.doc[i].head.i not in d.subject or sent.doc[i].head.i == i]
    if any(h.pos_ == "NOUN" and r.lex.word_types(h.lemma_.lower(), verb=False, alone=True) for h in heads):
        return  # "the attack in Moscow killed 145 people": an act, no people of the place, is the subject
    if any(h.lemma_.lower() in IRREGULARS for h in heads):
        # "a suicide bomber rammed a vehicle into a convoy of Chinese engineers in Khyber Pakhtunkhwa": no state acts;
        # the state it struck in is struck, beside whom it struck
        if not d.source and "harms" in d.trig.entry.traits and d.own_place and loc and loc.country:
            d.target = list(dict.fromkeys([*d.target, loc.country]))
        return
    if not d.source and "at_home" in d.trig.entry.traits and d.own_place and loc and loc.country:
        d.source = [loc.country]
        d.target = [c for c in d.target if c != loc.country] or []


def strikes_target_the_place_state(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Israel struck targets in Tehran', 'the attack on Odesa': an attack told by its verb, or by a noun with
    what it fell on, targets the state where it struck."""
    tok = d.trig.token
    fell_on = {g.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
               for g in c.children if g.dep_ == "pobj"}
    struck = next((r.places.place(m) for m in ctx.mentions if m.label in ("PLACE", "CAPITAL")
                   and {t.i for t in mention_tokens(sent, m, ctx.offset)} & fell_on), None)
    if d.trig.entry.type == "ASSAULT" and struck is not None and struck.country:
        # "condemned an Indian missile strike on Lahore": the place it fell on is its own, whatever clause holds it
        d.location, d.own_place = struck, True
    told_struck = tok.pos_ == "VERB" or bool(fell_on)
    if d.trig.entry.type == "ASSAULT" and told_struck and d.source and d.own_place and (state := place_state_untold(d)):
        d.target = [state]


def project_works_by_linked_states(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'the railway, whose construction started this year': a project's works are the joint act of the states
    it links, when the sentence names no one else."""
    if not d.source and not d.target and any(r.lex.has_frame(w, "project_work") for w in d.trig.entry.words):
        d.source = r.places.project_states(ctx)


def chosen_to_do_the_work(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Kazakhstan chose Russia's Rosatom to lead construction of its first nuclear plant': the one chosen (or
    invited, hired) to do a project's work is the partner in it, not a party named elsewhere in the sentence."""
    if not d.source or not any(r.lex.has_frame(w, "project_work") for w in d.trig.entry.words):
        return
    verb = d.trig.token
    if verb.dep_ == "dobj" and verb.head.pos_ == "VERB":
        verb = verb.head  # ("to lead construction": the verb the work is the object of)
    if verb.dep_ != "xcomp" or verb.head.pos_ != "VERB":
        return
    chosen = {t.i for c in verb.head.children if c.dep_ == "dobj" for t in c.subtree}
    doers = [c for c in named_in(r, sent, ctx, d, chosen) if c not in d.source] if chosen else []
    if doers:
        d.target = doers


def self_target_at_home(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """PLOVER: a state acting at home acts on itself (its people, its opposition), unless it mobilises (trait
    faces_named) with one other state named; an unnamed official or group acting within a state is that state's
    (people deported from a state were deported by it, to the one other state named)."""
    if len(set(d.source)) == 1 and not d.target and "at_home" in d.trig.entry.traits and d.source[0] in r.kb.states:
        others = [c for c in r.actors.in_sentence(sent, ctx.offset, ctx.mentions, d.span)
                  if c not in d.source and c in r.kb.states]
        # "Guyana mobilised its forces after the Venezuelan navy entered its waters": forces face the other state;
        # with none named in the sentence, in news, the story's other party ("China launched drills in the Taiwan
        # Strait" in a story on China and Taiwan)
        story = [c for c in ctx.salient if c not in d.source and c in r.kb.states][:1] if not ctx.narrative else []
        faces = others[:1] if len(set(others)) == 1 else ([] if others else story)
        # ("Russian forces detained residents of Kherson": where it was done, another state's place, is what it falls
        # on; not what a call is for: "India called for a ceasefire in Gaza" addresses no one there)
        there = [d.location.country] if d.location and d.location.country and d.location.country not in d.source and (
            d.location.country in r.kb.states) and d.own_place and d.type != "REQUEST" else []
        # ("Venezuela threatened to annex Essequibo": the place of another state in what it threatens or vows to do)
        there = there or _place_states_of_the_act_to_come(r, sent, ctx, d)
        # ("Chile recalled its envoy in Peru, with its minister calling it a shameful step": what a pronoun object
        # stands for is the one other state's, not the speaker's own)
        pointed = any(c.dep_ == "dobj" and c.lower_ in ("it", "this", "that") for c in d.trig.token.children) and (
            len(set(others)) == 1)
        d.target = (faces if "faces_named" in d.trig.entry.traits and faces else there
                    or (others[:1] if pointed else list(d.source)))
    elif (not d.source and len(set(d.target)) == 1 and "unnamed_within" in d.trig.entry.traits
          and not any(c.dep_ == "nsubjpass" for c in d.trig.head.children) and not unnamed_states(sent, d.subject)):
        # ("two Chilean soldiers were wounded": those it was done to did not do it; "several countries condemned
        # Russia": others than Russia)
        d.source = list(d.target)
        if d.mode == "Deport":
            # "Rwanda received migrants deported from the United States": deported from it by it, to the other
            d.target = r.actors.one_other(sent, ctx, d.span, d.source)


def _place_states_of_the_act_to_come(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> list[str]:
    """The one other state whose places are named in the infinitive clause of the act the trigger governs."""
    below = {t.i for c in d.trig.head.children if c.dep_ == "xcomp" for t in c.subtree}
    if not below:
        return []
    found = {p.country for m in ctx.mentions if m.label not in ("STATE", "CAPITAL")
             and {t.i for t in mention_tokens(sent, m, ctx.offset)} & below
             for p in [r.places.place(m)] if p is not None and p.country}
    states = [c for c in found if c in r.kb.states and c not in d.source]
    return states if len(states) == 1 else []


def clash_with_the_subject(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Two Chilean soldiers were wounded in clashes with Peruvian troops': the other side of a clash told after
    'with' is the subject of the clause it sits in."""
    tok = d.trig.token
    if "all_act" not in d.trig.frames or len({*d.source, *d.target}) != 1 or tok.pos_ != "NOUN":
        return
    if tok.dep_ != "pobj" or tok.head.lower_ != "in" or tok.head.head.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return  # (not "took Yerevan's side during the war": a setting, not a clash told with someone)
    verb = tok.head.head
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    if subject:
        others = [c for c in named_in(r, sent, ctx, d, subject) if c not in d.source and c not in d.target]
        if others:
            d.source = list(dict.fromkeys([*others, *d.source, *d.target]))
            d.target = []


def all_parties_act(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'clashes on the Kyrgyz-Tajik border': in mutual fighting both sides act."""
    if not d.source and len(set(d.target)) >= 2 and "all_act" in d.trig.frames:
        d.source, d.target = d.target, []


def signed_with_the_one_met(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Before signing the agreement, Scholz visited the old town and spoke to Uzbekistan's President in private': an
    agreement told of one party alone, in a sentence that has that party meet one other, is with the one it met."""
    if d.type != "AGREE" or d.target or len(set(d.source)) != 1:
        return
    # (a meeting in a clause that describes the party is partner_in_described_object's: "who is visiting Peru"; one
    # told of the place the party went is a meeting of the party's: "ended her visit to Peru, where she met ...")
    met = [t for t in sent if t.pos_ == "VERB" and t.i != d.trig.token.i
           and (t.dep_ != "relcl" or any(c.tag_ == "WRB" for c in t.children))
           and "CONSULT" in r.lex.word_types(t.lemma_, verb=True, alone=True)]
    if met and (other := r.actors.one_other(sent, ctx, d.span, d.source)) and other[0] in r.kb.states:
        d.target = other


BEFORE_PLACE: tuple[Rule, ...] = (hosted_guests_visit, partner_in_described_object, demanded_clause_names_target,
                                  admission_toward_the_wronged, call_with_the_addressed, visit_hosted_by_place_state,
                                  visit_to_meet_someone,
                                  its_neighbour_is_the_other_party, stance_on_a_told_act, reaction_drawn,
                                  also_the_same_stance, possessor_holds_the_stance,
                                  pronoun_or_anaphor_subject,
                                  anaphoric_counterparts, counterpart_from_previous_sentence, between_the_ones_told,
                                  text_speaks_for_its_issuer, discussed_topic_is_no_party)
AFTER_PLACE: tuple[Rule, ...] = (scene_of_the_sentence, mission_hosted_by_place_state, talks_hosted_by_the_seat_state,
                                 visitor_of_the_visit, a_joint_aim_asks_no_one, people_act_for_their_state,
                                 came_under_attack, strikes_target_the_place_state, parties_of_the_setting,
                                 partner_of_the_setting, parties_of_the_meeting_told,
                                 met_by_the_doers, officials_of_the_two_sides, released_by_the_holder,
                                 its_is_not_the_doer, them_of_the_clause_above,
                                 project_works_by_linked_states, chosen_to_do_the_work, adversary_is_no_party,
                                 private_voices_are_no_party, stance_on_the_act_it_names,
                                 forum_of_the_complaint, absent_is_no_party, expelled_by_the_state_left,
                                 it_is_the_one_named_before, reached_with_the_teller,
                                 one_partys_text_agrees_nothing)
LAST: tuple[Rule, ...] = (clash_with_the_subject, self_target_at_home, all_parties_act, met_separately_by_each,
                          signed_with_the_one_met)
