"""Whether a trigger names an event here: a state of things, a description, a name or a reason is none
(``no_event``, asked by the coder of every trigger before it codes one)."""

from __future__ import annotations

from spacy.tokens import Token

from diplomap.extract.gazetteer import ACTOR_LABELS
from diplomap.extract.subjects import misparsed_main_verb
from diplomap.extract.syntax import TriggerMatch, names_a_guest, names_words_said
from diplomap.knowledge.grammar import (
    ACT_NOUNS,
    APPROVALS,
    APPROVING,
    CLOSED,
    COMMITMENTS,
    CONDITIONS,
    FRAMEWORK_PREPS,
    FRAMING_NOUNS,
    FUTURE_AUX,
    GATHERINGS,
    GROWING,
    HAZARDS,
    HONOURS,
    NAMING_VERBS,
    NEEDED,
    OBLIGATION,
    ONGOING_WARS,
    PROVISIONS,
    RECALLED,
    REMEMBERING,
    RESTATED,
    SITUATIONS,
    STANDING,
    STANDING_ADVERBS,
    STATE_NOUNS,
    THANKS,
)

# an agreement that something will or must be done is one ("agreed that talks would resume"): the modals of it
_ASKING_AHEAD = FUTURE_AUX | OBLIGATION | {"would"}


def _acts_on_someone(tok: Token) -> Token | None:
    """The verb with an object that a reason's "for" is told of, from the word the parser hung "for" on: the verb
    itself ("thanked Japan for"), thanks as its object ("expressed gratitude for"), or the object of a "to" phrase
    of either ("expressed gratitude to his counterpart for"); "announced orders for their withdrawal" tells what the
    orders are, no reason."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head.head
    if tok.dep_ == "dobj" and tok.lemma_.lower() in THANKS:
        tok = tok.head
    return tok if tok.pos_ == "VERB" and any(c.dep_ == "dobj" for c in tok.children) else None


def names_a_framework(trig: TriggerMatch) -> bool:
    """The framework another act goes through, no act of its own (nor a clause of its own: a date told after it is
    the act's; the coder drops such triggers before it codes any): 'will file claims through the
    Canada-U.S.-Mexico Free Trade Agreement' (a name), 'troops began joint exercises under a new defence pact on
    Monday' (an agreement; an attack or an investigation one comes under is one: 'came under attack', 'put under
    investigation')."""
    tok = trig.token
    if tok.dep_ != "pobj":
        return False
    if (tok.pos_ == "PROPN" and tok.is_title and tok.head.lower_ in FRAMEWORK_PREPS
            and any(c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" for c in tok.children)):
        return True
    return trig.entry.type == "AGREE" and tok.pos_ == "NOUN" and tok.head.lower_ == "under"


def _a_session(trig: TriggerMatch) -> bool:
    """'the first strategic dialogue between the two foreign ministers': a meeting counted by its order is one
    session of it, held, not the standing relation ("the strategic dialogue between them")."""
    return trig.entry.type == "CONSULT" and any(
        c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.lower_ == "inaugural") for c in trig.token.children)


def no_event(trig: TriggerMatch, dated_by_text: bool, news: bool = False) -> bool:
    """A trigger that, here, names no event: a state of things, a description, a name."""
    tok = trig.token
    lemma = tok.lemma_.lower()
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not dated_by_text:
        return True  # "a policy built on respect": a participle describes its noun unless the text dates it
    if (tok.dep_ == "advcl" and tok.tag_ == "VBN" and tok.i < tok.head.i and not dated_by_text
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in tok.children)):
        return True  # "Sanctioned by the US, Myanmar's regime is deepening ties": how its subject stands
    if tok.lower_ in CONDITIONS and (tok.dep_ in ("prep", "mark") or (
            not any(c.dep_ in ("dobj", "dative", "nsubj", "nsubjpass") for c in tok.children)
            and any(c.dep_ in ("ccomp", "pcomp", "advcl") and any(g.dep_ == "nsubj" for g in c.children)
                    for c in tok.children))):
        return True  # "will act, provided (that) Rwanda removes its measures", "given the risks": a condition
    if (tok.pos_ == "NOUN" and lemma in PROVISIONS and tok.dep_ == "dobj" and tok.head.lemma_ == "have"
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.head.children) and any(
                c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in tok.head.children)):
        return True  # "Slovakia has a long-term contract with Gazprom": a standing arrangement ("we have a deal",
        # said, announces one)
    if trig.entry.type == "SUPPORT" and lemma in APPROVING | APPROVALS and _approves_a_measure(tok):
        return True  # "approved the sending of a mission", "approved a draft law banning UNRWA": a decision on a
        # measure, no stance toward a party ("approved Sweden's accession" is one)
    if (trig.entry.type == "ASSAULT" and tok.pos_ == "NOUN" and not dated_by_text and trig.head.i == tok.i
            and lemma in ONGOING_WARS):
        return True  # "Seoul's position against Russia's invasion", "as Moscow's offensive stretches into a second
        # year": a war going on, named, no attack of the day ("Russia's attack on Kyiv on Monday" is one)
    if tok.pos_ in ("VERB", "AUX") and _deemed_needed(tok):
        return True  # "it was necessary to end the hostilities and to allow more aid": a need, no act done
    if (lemma == "release" and tok.pos_ == "NOUN" and trig.head.i == tok.i
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)):
        return True  # "according to a Kremlin release": a press release; "the release of 50 prisoners" frees them
    if (trig.head.i == tok.i and tok.pos_ in ("NOUN", "PROPN") and not dated_by_text
            and (lemma in STATE_NOUNS or (tok.tag_ == "NNS" and not (news and {lemma, tok.lower_} & ACT_NOUNS)))
            and not _a_session(trig)):
        # "partnerships with Türkiye", "the gas exports": a standing relation, unless dated (in news, "signed after
        # talks between Modi and Prachanda" tells the talks of its day; a review's "negotiations" describe)
        return True
    if trig.head.i == tok.i and lemma in STANDING and tok.pos_ in ("NOUN", "PROPN") and not _a_session(trig):
        return True  # "the deepening strategic partnerships": a relation, dated or not, is no event (a verb,
        # "traded accusations", is an act)
    if tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in HONOURS
                                  for c in tok.children):
        return True  # "a 21-gun salute was fired in his honour", "will shoot a salute to greet the nation": no attack
    if "restates" in trig.frames and len(trig.words) == 1 and any(
            c.lemma_.lower() in RESTATED for c in (
                *(c for c in tok.children if c.dep_ == "dobj"),
                *(g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for g in p.children
                  if g.dep_ == "pobj"))):
        return True  # "reiterated the need for a political solution", "agreed on the need for de-escalation"
    if _grows_a_relation(trig):
        return True  # "reaffirmed its commitment to deepening ties with Egypt": an aim for the relation, no stance
    if trig.entry.type == "SUPPORT" and _committed_to_no_party(trig):
        return True  # "reaffirmed its dedication to global health": a cause, no stance toward another party
    if (tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in ("of", "for")
            and tok.head.head.lemma_.lower() in RESTATED):
        return True  # "stressed the importance of strengthening ties", "underlined the need for talks": deemed needed
    if trig.entry.type == "AGREE" and len(trig.words) == 1 and any(
            c.dep_ == "ccomp" and c.lemma_.lower() == "be" and not any(
                a.dep_ == "aux" and a.lower_ in _ASKING_AHEAD for a in c.children)
            for c in tok.children):
        return True  # "agreed that relations are at their best": a view shared, no agreement ("that talks would
        # resume" is one)
    if (trig.entry.type == "COOPERATE" and tok.pos_ == "NOUN" and len(trig.words) == 1 and tok.dep_ == "pobj"
            and tok.head.lower_ == "on" and tok.head.head.pos_ == "NOUN"):
        return True  # "25% duties on imports from the two countries", "curbs on exports": what a measure is on
    if "no_object" in trig.frames and any(c.dep_ == "dobj" for c in tok.children):
        return True  # "compromised Moscow's interests" harms them; "agreed to compromise" concedes
    if lemma in FRAMING_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "upon", "on") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # "at the invitation of Japan's prime minister, Prabowo visited Tokyo": the visit's frame
    if (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "for"
            and any((c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her"))
                    or (c.dep_ == "det" and c.lower_ == "the") for c in tok.children)
            and (verb := _acts_on_someone(tok.head.head)) is not None
            and trig.head.i in (tok.i, tok.head.head.i, verb.i)):
        return True  # "thanked Japan for its continued support", "sanctioned Iran for its support of Hamas",
        # "expressed gratitude to India for the support it gives": the party's own standing act, the reason for the
        # one told, no act of that day
    if (tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB"
            and any(c.dep_ == "dobj" for c in tok.head.head.children)):
        return True  # "sanctioned two US defence firms for selling Taiwan weapons": the reason, told of the object
    if tok.pos_ == "NOUN" and (
            (tok.dep_ == "oprd" and tok.head.lemma_.lower() in NAMING_VERBS)
            or (tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in NAMING_VERBS)):
        return True  # "calling it a cowardly Israeli attack", "described the incursion as an invasion": a name given
        # to an act told, no act of its own
    if (tok.dep_ in ("ccomp", "advcl") and tok.head.lemma_.lower() in NAMING_VERBS and names_words_said(tok.head)
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)):
        return True  # "called the comments of the prime minister, that China threatens Taiwan, a provocation": what
        # the comments said, hung by the parser on the verb that names them
    if (tok.tag_ in ("VB", "VBG", "VBN") or tok.pos_ == "NOUN") and _in_description(tok):
        return True  # "Turkey, one of the few nations to recognize Israel, ...": what describes a party
    if "calls_home" in trig.frames and tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() not in RECALLED and c.ent_type_ != "PERSON" for c in tok.children):
        return True  # "recall your country's contribution to the defeat of Nazism": remembers, calls no one home
    if "hazard_no_threat" in trig.frames and any(c.dep_ == "prep" and c.lower_ in ("of", "about") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in HAZARDS for g in c.children) for c in tok.children):
        return True  # "warned of the risk of famine in Gaza": a hazard, not a threat of the one who warns
    if (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in REMEMBERING):
        return True  # "on the anniversary of the Russian-Ukrainian war", "marked the tenth anniversary of their
        # border treaty": what is remembered is not news of the day (its own day is not told)
    if "closes_a_place" in trig.frames and tok.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and not _a_place_closed(g) for g in c.children) for c in tok.children):
        return True  # "the closure of these chapters": a stage of talks closed, no measure
    if "opens_a_work" in trig.frames and any(names_a_guest(g) for g in _inaugurated(tok)):
        return True  # "the inauguration of President Deby": a swearing-in, no work opened (attending it is a visit)
    if "chairs_a_meeting" in trig.frames and tok.pos_ == "VERB" and (chaired := _chaired(tok)) is not None and not any(
            n.lemma_.lower() in GATHERINGS or n.lower_ in GATHERINGS
            for n in (chaired, *(c for c in chaired.children if c.dep_ == "appos"))):
        # (the gathering a name the parser took for the object stands beside: "co-chaired the third Viet Nam-New
        # Zealand Foreign Ministers' Meeting")
        return True  # "with Laos chairing ASEAN in 2024", "the bank, chaired by Dilma Rousseff": a body led, no meeting
    if "situation_no_stance" in trig.frames and any(
            c.dep_ == "prep" and c.lower_ in ("over", "about", "at", "regarding") and any(
                g.dep_ == "pobj" and any(x.lemma_.lower() in SITUATIONS for x in (g, *g.conjuncts)) for g in c.children)
            for c in tok.subtree):
        return True  # "expressed concern over the humanitarian situation in Haiti": where things stand, no stance
        # toward any party (not "concern over Russia's strikes")
    if lemma == "call" and trig.entry.mode == "Phone" and not _calls_someone(tok):
        return True  # "called the decision blackmail" names it; "called Erdogan" phones him
    if lemma == "meet" and any(c.dep_ == "auxpass" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return True  # "the attacks were met with a strong response", "was met with protests": how it was received
        # (not "was met by the foreign minister at the airport")
    # "Kirchner, who is serving a sentence under house arrest": how someone is, not news;
    # "had long restricted U.S. assistance": a lasting condition
    return _describes_now(tok) or _standing_condition(tok)


def _approves_a_measure(tok: Token) -> bool:
    """What is approved is a measure or a text that names no party as its owner (no "Sweden's" in "a proposal on
    ratifying Sweden's accession")."""
    if tok.pos_ == "VERB":
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp")]
    else:
        objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ in ("pobj", "pcomp")]
    return bool(objects) and not any(t.dep_ in ("poss", "compound") and t.ent_type_ in ACTOR_LABELS
                                     for o in objects for t in o.subtree)


def _deemed_needed(verb: Token) -> bool:
    """The 'to'-verb of an adjective of need ("it is necessary to end", "is vital to ensure"), or one joined to it."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    head = verb.head
    return verb.dep_ == "xcomp" and ((head.pos_ == "ADJ" and head.lower_ in NEEDED) or (head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lower_ in NEEDED for c in head.children)))  # (or on the copula: "it is vital to")


def _in_description(tok: Token) -> bool:
    """Under an apposition, with no verb of its own tense between ("one of the few nations to recognize Israel"; not
    "the railway, whose construction started this year"), or an infinitive saying what kind of party the subject
    of "be" or "remain" is ("Eswatini is one of the few countries to recognise Taiwan")."""
    if tok.dep_ in ("relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        kind = tok.head
        while kind.dep_ in ("pobj", "prep") and kind.head.i != kind.i:
            kind = kind.head
        if kind.dep_ == "attr" and kind.head.lemma_.lower() in ("be", "remain", "become"):
            return True
    for node in tok.ancestors:
        if node.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return False
        if node.dep_ == "appos":
            return True
    return False


def _describes_now(tok: Token) -> bool:
    """In a relative clause in the present tense (or present perfect) that describes a person or thing: "the
    countries that have announced their withdrawal" points at what was told, it is no new event."""
    for node in (tok, *tok.ancestors):
        if misparsed_main_verb(node):
            return False
        if node.dep_ == "relcl":
            aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
            return (node.tag_ in ("VBZ", "VBP") or (node.tag_ == "VBG" and bool(aux & {"is", "are", "'s", "'re"}))
                    or (node.tag_ == "VBN" and bool(aux & {"has", "have", "'s", "'ve"})))
    return False


def _calls_someone(verb: Token) -> bool:
    """'called Erdogan', 'called his Russian counterpart' phone someone; 'called the statements of the Italian
    president lies' names words said (grammar.toml nouns.speech), whoever said them."""
    if names_words_said(verb):
        return False
    objects = [t for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree]
    return any(t.ent_type_ in ACTOR_LABELS for t in objects) or any(
        t.lemma_.lower() in ("phone", "telephone") for t in verb.subtree)


def _standing_condition(verb: Token) -> bool:
    """"has long supported", "had long restricted", "has consistently backed": the perfect with "long" and its like
    (grammar.toml adverbs.standing) tells a lasting state."""
    children = list(verb.children)
    # (not in what is told of another: "saying Belgium had consistently undermined Kigali" accuses it today)
    return (any(c.dep_ == "advmod" and (c.lower_ == "long" or (c.lower_ in STANDING_ADVERBS and verb.dep_ != "ccomp"))
                for c in children)
            and any(c.dep_ == "aux" and c.lemma_ == "have" for c in children))


def _commitment_words(trig: TriggerMatch, lemmas: frozenset[str]) -> list[Token]:
    """The trigger's words, or its object, that name a commitment (of ``lemmas``): 'reaffirmed its commitment'."""
    words = [w for w in (trig.token, *trig.words) if w.lemma_.lower() in lemmas]
    return words + [c for c in trig.token.children if c.dep_ == "dobj" and c.lemma_.lower() in lemmas]


def _committed_to_no_party(trig: TriggerMatch) -> bool:
    """A commitment (grammar.toml nouns.commitments, the trigger's word or its object) to what names no party:
    'reiterated its commitment to global health'; 'its commitment to Ukraine's sovereignty' names one."""
    words = _commitment_words(trig, COMMITMENTS)
    # (the parser may hang "to" on the verb: "reaffirmed its dedication | to global health")
    to = [p for w in {*words, *([trig.token] if words else [])} for p in w.children
          if p.dep_ == "prep" and p.lower_ == "to"]
    # (or read "to" as an infinitive's: "commitment to clean | energy")
    to += [c for w in words for c in w.children if c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children)]
    return bool(to) and not any(t.ent_type_ in ACTOR_LABELS for p in to for t in p.subtree)


def _grows_a_relation(trig: TriggerMatch) -> bool:
    """A commitment (a trigger word or the one it takes) to making a standing relation grow: 'reaffirmed Saudi
    Arabia's commitment to deepening its ties with Egypt', 'their commitment to further strengthen the friendship'
    (grammar.toml verbs.growing, nouns.standing); 'its commitment to Ukraine's sovereignty' supports."""
    words = _commitment_words(trig, frozenset({"commitment"}))
    grown = [g for w in words for to in w.children if to.dep_ == "prep" and to.lower_ == "to"
             for g in to.children if g.dep_ in ("pcomp", "pobj")]
    grown += [g for w in words for g in w.children if g.dep_ in ("acl", "xcomp")]  # "to further strengthen"
    return any(g.lemma_.lower() in GROWING and any(o.dep_ == "dobj" and o.lemma_.lower() in STANDING
                                                   for o in g.children) for g in grown)


def _a_place_closed(closed: Token) -> bool:
    """What a closure closes is a measure's: a place, a border, an office (grammar.toml nouns.closed), or a known
    body's or state's ("the closure of the Russian federal agency's office in Baku")."""
    return any(w.lemma_.lower() in CLOSED or w.lower_ in CLOSED or w.ent_id_
               or w.ent_type_ in ("GPE", "FAC", "LOC", "ORG") for w in closed.subtree)


def _inaugurated(tok: Token) -> list[Token]:
    """What an inauguration inaugurates: the verb's object, or the noun's "of" phrase (also as a light verb's object:
    "attend the inauguration of President Deby")."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] if tok.pos_ == "VERB" else []
    return [*objects, *(g for n in (tok, *objects) for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj")]


def _chaired(verb: Token) -> Token | None:
    """What a verb of chairing chairs: its object, the subject of its passive, or the noun it describes ("the bank,
    chaired by ..."); none when the text does not say."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
    return verb.head if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") else None
