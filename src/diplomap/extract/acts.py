"""Rules on how news tells the parties of an act (applied by ``Coder`` in the order ``rules.py`` writes): a text
speaks for its issuer, a topic discussed is no party, an agreement in the setting of a visit is between the visit's
parties, what a place or party "came under" it suffered, "its" on what an act falls on is not the doer's, and whom
a fight or an attack spoken of is against, or who is left out ("without"), is no party to the act."""

from __future__ import annotations

from spacy.tokens import Span

from diplomap.extract.context import SentenceContext, mention_tokens
from diplomap.extract.draft import Draft, Resolvers, named_in, phrases_on_the_act, place_state_untold
from diplomap.extract.syntax import meeting_as_setting, told_apart
from diplomap.knowledge.grammar import (
    AGREED_TEXTS,
    AIMED_PREPS,
    CONFLICT_NOUNS,
    ENACTING,
    HOLDING,
    LEAVING,
    MEASURES,
    NAMED_TEXTS,
    NEIGHBOURS,
    REPORTING,
    SETTING_PREPS,
    SPEECH_NOUNS,
    SUFFERING,
    TITLE_NOUNS,
    VISITORS,
)
from diplomap.model import Modality


def its_is_not_the_doer(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Japan protested after a Chinese aircraft violated its airspace': 'its' on what an act falls on is not the
    doer's own; it is the party of the clause above (its subject), else the one named before it."""
    if not d.source or (d.target and set(d.target) != set(d.source)) or "directed" not in d.trig.entry.traits:
        return
    owners = [sent.doc[i] for i in d.region if sent.doc[i].lower_ in ("its", "their")
              and sent.doc[i].dep_ == "poss" and i not in d.subject
              and sent.doc[i].head.lemma_.lower() not in NEIGHBOURS]  # ("its neighbour": rules.py)
    if not owners:
        return
    node, above = d.trig.head, []
    for _ in range(4):
        if node.dep_ not in ("advcl", "ccomp", "relcl", "conj", "xcomp") or node.head.i == node.i:
            break
        node = node.head
        above = named_in(r, sent, ctx, d, {t.i for c in node.children if c.dep_ == "nsubj" for t in c.subtree})
        if above:
            break
    told = [*above, *reversed(r.actors.earlier(sent, ctx, owners[0].i, d.span))]
    other = [c for c in told if c not in d.source]
    if other:
        d.target = other[:1]


def text_speaks_for_its_issuer(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'The Security Council adopted a resolution demanding a ceasefire in Sudan', 'issued a statement condemning
    the raid', 'received a letter from Netanyahu recognizing ...': what a text says, the one who issued it says;
    what a measure does, the one who made it law does ("the Knesset had passed a law banning UNRWA"; nouns.measures,
    verbs.enacting: not "revoked an agreement allowing")."""
    tok = d.trig.token
    if d.source or tok.dep_ != "acl" or tok.tag_ != "VBG":
        return
    text = tok.head
    enacted = text.lemma_.lower() in MEASURES and text.head.lemma_.lower() in ENACTING
    if (text.lemma_.lower() not in NAMED_TEXTS | SPEECH_NOUNS and not enacted) or text.dep_ not in ("dobj",
                                                                                                  "nsubjpass"):
        return
    # ("received a letter from Netanyahu recognizing ...": the letter's sender wrote it, not its receiver)
    issuers = named_in(r, sent, ctx, d, {t.i for c in text.children if c.dep_ == "prep" and c.lower_ == "from"
                                          for t in c.subtree}) or named_in(
        r, sent, ctx, d, {t.i for c in text.head.children if c.dep_ in ("nsubj", "agent") for t in c.subtree})
    if issuers:
        d.source = issuers
        d.target = [c for c in d.target if c not in issuers]


def reached_with_the_teller(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'India announced that an agreement had been reached with China': an agreement its teller says was reached
    "with" another party, naming no one else, is the teller's with it."""
    if d.source or d.trig.entry.type != "AGREE" or not d.target:
        return
    clause = d.trig.head
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    teller = clause.head
    if clause.dep_ != "ccomp" or teller.lemma_.lower() not in REPORTING or not any(
            c.dep_ == "prep" and c.lower_ == "with" for w in d.trig.words for c in w.children):
        return
    tellers = named_in(r, sent, ctx, d, {t.i for c in teller.children if c.dep_ == "nsubj" for t in c.subtree})
    if tellers and not set(tellers) & set(d.target):
        d.source = tellers


def one_partys_text_agrees_nothing(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Chile issued a communique condemning Peru': a text of one party is no agreement (a joint one, or one of two
    parties, is: 'China and Brazil released a joint communique'); it drops (grammar.toml nouns.agreed_texts)."""
    if d.trig.entry.type != "AGREE":
        return
    texts = [w for w in d.trig.words if w.pos_ == "NOUN" and w.lemma_.lower() in AGREED_TEXTS]
    if not texts or any(c.lower_ in ("joint", "common") for w in texts for c in w.children):
        return
    # (a party named only in what the text says is no party to it: "released a statement which said that Chile may
    # yet join Mercosur")
    said = {t.i for w in texts for c in w.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    parties = {*d.source, *d.target} - ({*named_in(r, sent, ctx, d, said)} - {
        *named_in(r, sent, ctx, d, {t.i for t in sent if t.i not in said})})
    if len(parties) < 2:
        d.source, d.target = [], []


def discussed_topic_is_no_party(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'The two leaders discussed the South China Sea, where both have overlapping claims with China': what is
    discussed is the topic; a party or a place named only there is no party to the talks, nor where they met."""
    if "object_is_topic" not in d.trig.frames:
        return
    topic = {t.i for c in d.trig.token.children if c.dep_ == "dobj" for t in c.subtree}
    if not topic:
        return
    if d.location is not None and d.location.name in " ".join(sent.doc[i].text for i in sorted(topic)):
        d.location = None  # (nor is a place it names where they met)
    rest = {t.i for t in sent if t.i not in topic}
    d.target = [c for c in d.target if c not in set(named_in(r, sent, ctx, d, topic))
                or c in set(named_in(r, sent, ctx, d, rest))]


def parties_of_the_setting(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'The agreements were concluded on Monday during the Malian president's visit to Moscow': an agreement or
    talks told with no party were between the parties of the meeting they were part of (the one told before when
    the setting names none: 'during the summit, agreements were concluded')."""
    if d.source or d.target or d.trig.entry.type not in ("AGREE", "CONSULT", "COOPERATE"):
        return
    for c in d.trig.head.children:
        if c.dep_ == "prep" and c.lower_ in SETTING_PREPS:
            named = named_in(r, sent, ctx, d, {t.i for t in c.subtree})
            if len(named) >= 2:
                d.source = named
                return
            # "During the summit of historic significance, agreements were concluded": the meeting the story told
            # before, with its parties
            meeting = [g for g in c.children if g.dep_ == "pobj" and r.lex.names_a_meeting(g.lemma_)
                       and any(a.dep_ in ("det", "poss") and a.lower_ != "a" for a in g.children)]
            told = next((e for e in reversed(ctx.prior) if e.type == "CONSULT" and len(set(e.actors)) >= 2
                         and e.date is not None and e.date.overlaps(d.span)), None)
            if meeting and told is not None:
                d.source = list(dict.fromkeys(told.actors))
                return


def parties_of_the_meeting_told(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'The OAS adopted the resolution at its meeting ... Mexico did not attend the meeting': a party told staying
    away from "the" meeting, with no other party, stayed away from the meeting the story told before, with its
    parties (type_changes.csv stayed_away makes it a refusal)."""
    if d.trig.entry.type != "CONSULT" or d.modality != Modality.NEGATED or d.target or len(d.source) != 1:
        return
    meeting = [c for w in (d.trig.token, *d.trig.words) for c in ([w] if w.pos_ == "NOUN" else w.children)
               if c.pos_ == "NOUN" and r.lex.names_a_meeting(c.lemma_)
               and any(a.dep_ == "det" and a.lower_ == "the" for a in c.children)]
    if not meeting:
        return
    told = next((e for e in reversed(ctx.prior) if e.type == "CONSULT"
                 and set(e.actors) - set(d.source) and d.source[0] not in e.actors), None)
    if told is not None:
        d.target = [c for c in dict.fromkeys(told.actors) if c not in d.source]


def partner_of_the_setting(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Boric signed 13 agreements during a meeting with Xi Jinping': an agreement or cooperation told by one party,
    with no other, done during (at, in) a meeting with another party, is with that party."""
    if not d.source or d.target or d.trig.entry.type not in ("AGREE", "COOPERATE"):
        return
    for c in d.trig.head.children:
        if c.dep_ != "prep" or c.lower_ not in ("during", "at", "in"):
            continue
        for meeting in (g for g in c.children if g.dep_ == "pobj" and r.lex.names_a_meeting(g.lemma_)):
            met = {t.i for w in meeting.children if w.dep_ == "prep" and w.lower_ == "with" for t in w.subtree}
            named = [code for code in named_in(r, sent, ctx, d, met) if code not in d.source]
            if named:
                d.target = named
                return


def met_by_the_doers(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Serbia and Kosovo failed to reach an agreement at talks in Brussels': a meeting that is the setting of another
    act, told with no party of its own, was between the parties who did (or failed to do) that act."""
    if d.source or d.target or not meeting_as_setting(d.trig):
        return
    verb = d.trig.token.head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # ("reach an agreement at talks": the preposition may hang on the object)
    for _ in range(3):  # ("failed to reach": the subject of the verb the act's clause completes)
        subject = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
        if subject:
            named = named_in(r, sent, ctx, d, subject)
            if len(named) >= 2:
                d.source = named
            return
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return
        verb = verb.head


def officials_of_the_two_sides(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'The deal was reached after two days of talks between trade ministers in Nairobi', 'inked following a
    bilateral meeting': in a news story, talks between officials no name places, or bilateral talks told with no
    party, were between the two states the story is about."""
    tok = d.trig.token
    if d.source or d.target or d.trig.entry.type != "CONSULT" or ctx.narrative:
        return
    between = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "between" for o in c.children
               if o.dep_ == "pobj" for g in (o, *o.conjuncts)]
    bilateral = any(c.dep_ == "amod" and c.lower_ == "bilateral" for c in tok.children) and not any(
        c.dep_ == "poss" for c in tok.children)  # (not "their first bilateral meeting": one told before)
    if not bilateral and (not between or not all(g.lemma_.lower() in VISITORS and g.tag_ in ("NNS", "NN")
                                                 for g in between)):
        return
    states = [c for c in ctx.salient if c in r.kb.states][:2]
    if len(states) == 2:
        d.source = states


def met_separately_by_each(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'The leaders of Kosovo and Serbia met separately with EU heads': the ones who met separately are the subject's
    parties, each meeting the others (the coder then tells one meeting per party)."""
    if d.trig.entry.type != "CONSULT" or len({*d.source, *d.target}) < 3 or not told_apart(d.trig):
        return
    before = {i for i in d.subject if i < d.trig.token.i}  # (not a list the parser hung on the subject after the verb)
    each = [c for c in named_in(r, sent, ctx, d, before) if c in d.source]
    others = [c for c in (*d.source, *d.target) if c not in each]
    if len(each) >= 2 and others:
        d.source, d.target = each, list(dict.fromkeys(others))


def released_by_the_holder(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'The United States announced the release of ten Americans detained in Venezuela': the party that held them
    released them, to the state of those released (not the one that announced it)."""
    tok = d.trig.token
    if d.trig.entry.type != "RETREAT" or tok.pos_ != "NOUN":
        return
    for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for held in (g for g in of.children if g.dep_ == "pobj"):
            holding = [a for a in held.children if a.dep_ == "acl" and a.lemma_.lower() in HOLDING]
            where = {t.i for a in holding for p in a.children if p.dep_ in ("prep", "agent")
                     and p.lower_ in ("in", "by") for t in p.subtree}
            holders = named_in(r, sent, ctx, d, where) if where else []
            if not holders:
                continue
            people = {t.i for t in held.subtree} - {t.i for a in holding for t in a.subtree}
            d.source = holders
            d.target = [c for c in named_in(r, sent, ctx, d, people) if c not in holders]
            return


def them_of_the_clause_above(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Burkina Faso expelled three French diplomats, accusing them of subversion', 'met with Syria's president and
    urged him to ...': a pronoun object of a participle, or of a verb joined by 'and', stands for the object of the
    verb it hangs on, and names that object's party."""
    tok = d.trig.token
    joined = tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP")
    if tok.dep_ not in ("advcl", "xcomp", "conj") or not (tok.tag_ == "VBG" or joined):
        return
    if d.target and set(d.target) != set(d.source) and not joined:
        return
    if not any(c.dep_ == "dobj" and c.lower_ in ("them", "him", "her", "it") for c in tok.children):
        return
    # ("Trump met with Syria's president and urged him to normalize ties with Israel": whom the verb it is joined to
    # met; not the party its own clause names)
    # ("called Lula a communist and accused him of ...": the parser may take the one named for a predicate, oprd)
    above = {t.i for c in tok.head.children if c.dep_ in ("dobj", "oprd") or (c.dep_ == "prep" and c.lower_ == "with"
                                                                              and joined)
             for t in c.subtree} - {t.i for c in tok.head.children for p in c.subtree
                                    if p.dep_ == "prep" and p.lower_ in ("in", "at") for t in p.subtree}
    named = [c for c in named_in(r, sent, ctx, d, above) if c not in d.source] if above else []
    if named:
        d.target = named


def came_under_attack(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'The border area came under shelling from the Syrian side', 'Kharkiv was under attack by Russian drones':
    the subject of 'come under' an act suffered it; the party named after 'from' or 'by' did it."""
    tok = d.trig.token
    prep = tok.head if tok.dep_ == "pobj" else next(
        (c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "under" and c.i < tok.i), None)
    if prep is None or prep.lower_ != "under" or prep.head.lemma_.lower() not in SUFFERING:
        return
    verb = prep.head
    doers = named_in(r, sent, ctx, d, {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                                        for t in c.subtree})
    if not doers:
        return
    sufferers = named_in(r, sent, ctx, d, {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                                            for t in c.subtree})
    if not sufferers and d.location and d.location.country:
        sufferers = [d.location.country]  # "Kharkiv came under attack"
    if not sufferers:  # "Lebanon's army said the border area came under shelling": the one other party named
        sufferers = r.actors.one_other(sent, ctx, d.span, doers)
    d.source = doers
    d.target = [c for c in sufferers if c not in doers]


def adversary_is_no_party(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Germany pledged to support Ukraine in its fight against Russia', 'backed the Philippines in its dispute with
    China', 'condemned Russia's attack on Ukraine': whom a fight, dispute or attack the act speaks of is against, with
    or on is no party to the act, while another party is (grammar.toml nouns.conflicts); nor is who is named in
    what an act, not a stance, is over ('Sudan cuts ties with Kenya over RSF meeting'). A hostile stance on an attack
    that names only its victim ('Qatar condemned the strike on Hamas leadership') is toward an attacker the sentence
    does not name: no event here."""
    one_stance = "one_stance" in d.trig.entry.traits
    if len(d.target) < 2 and not one_stance:
        return
    head = d.trig.head
    own = {d.trig.token.i, head.i}
    subject = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    named: set[int] = set()
    for noun in (t for t in head.subtree if t.i not in own and t.i not in subject and t.pos_ == "NOUN"
                 and t.lemma_.lower() in CONFLICT_NOUNS):
        named |= {g.i for p in noun.children if p.dep_ == "prep" and p.lower_ in ("against", "with", "on")
                  for g in p.subtree}
    # (only for acts: a stance over an act is toward its doer, "complained to the UN over Israeli air raids")
    if "reaction" not in d.trig.entry.traits:
        for word in (t for t in (head, *(c for c in head.children if c.dep_ == "dobj")) if t.i not in subject):
            named |= {g.i for p in word.children if p.dep_ == "prep" and p.lower_ == "over" for g in p.subtree}
    if named:
        adversaries = set(named_in(r, sent, ctx, d, named))
        if one_stance and d.target and set(d.target) <= adversaries:
            # "Qatar condemned the strike on Hamas leadership": a hostile stance on an attack told only by its
            # victim is toward the attacker, whom the sentence does not name: none to code here
            d.source, d.target = [], []
            return
        d.target = [c for c in d.target if c not in adversaries] or d.target


def absent_is_no_party(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'organized a peace summit in June without Russia's participation', 'held talks with Bolivia without Chile':
    a party named only after "without" on the act is the one left out, no party to it."""
    absent = phrases_on_the_act(sent, d, ("without",))
    if not absent:
        return
    left_out = set(named_in(r, sent, ctx, d, absent)) - set(
        named_in(r, sent, ctx, d, {t.i for t in sent if t.i not in absent}))
    if left_out:
        d.source = [c for c in d.source if c not in left_out]
        d.target = [c for c in d.target if c not in left_out]


def expelled_by_the_state_left(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'The Chilean ambassador was ordered to leave Peru within 72 hours': told with no one ordering, envoys sent out
    of a state (grammar.toml nouns.title) are sent out by it."""
    tok = d.trig.token
    if d.source or not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in TITLE_NOUNS for c in tok.children):
        return
    left = {t.i for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in LEAVING
            for g in c.children if g.dep_ == "dobj" for t in g.subtree}
    states = [c for c in named_in(r, sent, ctx, d, left) if c in r.kb.states]
    if len(states) == 1:
        d.source = states
        d.target = [c for c in d.target if c not in states]


def it_is_the_one_named_before(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Damage to a Philippine vessel is shown after Chinese ships fired water cannon at it': "it" or "them" that
    a harmful act is done to (grammar.toml prepositions.aimed) is the party named last before it in the sentence,
    else the first of the sentence before, not its doer ("France supported them" may be the tariffs, no party)."""
    if (d.target and set(d.target) != set(d.source)) or not d.source or "harms" not in d.trig.entry.traits:
        return
    tok = d.trig.token
    pronouns = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in ("it", "them")] + [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ in AIMED_PREPS
        for g in c.children if g.dep_ == "pobj" and g.lower_ in ("it", "them")]
    if not pronouns:
        return
    before = [c for c in r.actors.earlier(sent, ctx, pronouns[0].i, d.span) if c not in d.source]
    told = before[-1:] or [c for c in ctx.previous_actors if c not in d.source][:1]
    if told:
        d.target = told


def talks_hosted_by_the_seat_state(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'Diaz-Canel held talks at the Kremlin', 'Blinken held talks in Cairo': talks told with one party, held in
    another state's capital or seat of government, were with that state's government."""
    if (d.trig.entry.type != "CONSULT" or d.trig.entry.mode == "Visit" or d.target or len(d.source) != 1
            or d.source[0] not in r.kb.states):
        return  # (visits: visit_hosted_by_place_state; an organisation meets in a member's capital: "the ASEAN
        # meeting in Jakarta")
    held_in = {g.i for c in (sent.doc[i] for i in phrases_on_the_act(sent, d, ("in", "at")))
               if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
    hosts = [m.entity_id for m in ctx.mentions if m.label in ("CAPITAL", "METONYM")
             and m.entity_id in r.kb.states and m.entity_id not in d.source
             and held_in & {t.i for t in mention_tokens(sent, m, ctx.offset)}]  # (not "the Tokyo conference")
    if len(set(hosts)) == 1:
        d.target = hosts[:1]


def visit_hosted_by_place_state(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'arrived in Amman': with no one else named, the host of a visit is the state of the place visited."""
    if d.trig.entry.mode == "Visit" and (state := place_state_untold(d)):
        d.target.append(state)


def visitor_of_the_visit(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft) -> None:
    """'during the state visit of Chinese President Xi Jinping', 'the visit of the Kenyan president to Beijing': the
    one a visit is "of" (or "by") is the visitor (the source), as is the one who went "on" or "for" it; with no host
    named, the state of the place where the visit is told to happen hosts it; in news, with no place told, the
    story's other state."""
    tok = d.trig.token
    if d.trig.entry.mode != "Visit" or tok.pos_ not in ("NOUN", "PROPN"):
        return
    of = {t.i for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("of", "by"))
          for t in c.subtree}  # ("a visit by U.S. officials")
    if not of and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for") and tok.head.head.pos_ == "VERB":
        # ("Boric jetted out of the country for a state visit to China", "departed on a visit to"): who went
        of = {t.i for c in tok.head.head.children if c.dep_ == "nsubj" for t in c.subtree}
    visitors = named_in(r, sent, ctx, d, of) if of and not d.source else []
    if visitors:
        d.source = visitors
        d.target = [c for c in d.target if c not in visitors]
    if d.source:
        visit_hosted_by_place_state(r, sent, ctx, d)  # ("signed in Pretoria during Xi's state visit")
    if (visitors or (of and d.source)) and len(set(d.source)) == 1 and not d.target and not ctx.narrative and (
            tok.dep_ in ("pobj", "dobj")):
        # ("The signing took place on Wednesday during the state visit of the Chinese President", in a story on
        # South Africa: a visit that is the setting of another act, told with no host and no place, is hosted by
        # the one other state the sentence names, else by the story's other state; a visit the sentence is about,
        # "the visit has come to an end", is the story's visit told again)
        named = {c for c in r.actors.in_sentence(sent, ctx.offset, ctx.mentions, d.span)
                 if c not in d.source and c in r.kb.states}
        d.target = list(named) if len(named) == 1 else [] if named else [
            c for c in ctx.salient if c not in d.source and c in r.kb.states][:1]
