"""Parse-tree helpers of the coder: where a trigger's clause, setting and place are (its subject: subjects.py).

Pure functions of spaCy tokens; the Coder in coder.py combines them with the gazetteer and dates.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from diplomap.extract.gazetteer import ACTOR_LABELS
from diplomap.extract.lexicon import TriggerEntry
from diplomap.knowledge.grammar import (
    ADVERBIAL_PREPS,
    AMOUNTS,
    ANAPHORS,
    APART,
    AUTHOR_ADJ,
    AUTHOR_PREPS,
    BODIES,
    HEARSAY,
    LIGHT_FORMS,
    LIGHT_VERBS,
    POSSESSIVES,
    PROVISIONS,
    SETTING_NOUNS,
    SETTING_PREPS,
    SPEECH_NOUNS,
    STANDING_ADVERBS,
    STATE_ANAPHORS,
    VISITORS,
    WHEN_PREPS,
    WILLING,
)


@dataclass
class TriggerMatch:
    token: Token  # the trigger word
    head: Token  # the token whose clause carries subject, tense, modality (light verb or the trigger)
    entry: TriggerEntry
    words: list[Token] = field(default_factory=list)
    frames: frozenset[str] = frozenset()  # of the trigger word's lemma (trigger_frames.csv)


# the parser's labels of clauses and of subjects
CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "relcl", "csubj", "acl", "xcomp", "conj", "appos"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}


# -- parse helpers --------------------------------------------------------------------------


def near_lemmas(tok: Token) -> dict[str, Token]:
    """Lemmas of the words a phrase trigger may combine with: particles, objects, modifiers."""
    out: dict[str, Token] = {}
    for child in tok.children:
        if child.dep_ == "nsubj" and tok.pos_ == "VERB":
            continue  # "the talks ended" is not "ended the talks"
        if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
            continue  # "called Putin on 3 May" is no "call on"
        out.setdefault(child.lemma_.lower(), child)
        # ("designated the Houthis a terrorist organization": what a verb names its object, oprd, with its words)
        if child.dep_ in ("prep", "agent", "dobj", "nsubjpass", "compound", "amod", "prt", "oprd") and not (
                child.dep_ == "prep" and (child.lower_ in WHEN_PREPS or child.lower_ == "without")):
            # ("end the dispute after talks"; "talks ended without agreement" or "with no deal" ended no deal)
            for grand in child.children:
                if not (child.dep_ == "prep" and any(c.dep_ == "det" and c.lower_ == "no" for c in grand.children)):
                    out.setdefault(grand.lemma_.lower(), grand)
        if child.dep_ in ("advcl", "xcomp", "ccomp"):
            # "called for Afghanistan to act": the "for" of a for-to clause is the verb's particle
            for mark in child.children:
                if mark.dep_ == "mark" and mark.lower_ == "for":
                    out.setdefault("for", mark)
        if child.dep_ == "dobj" and child.lemma_.lower() in AMOUNTS:
            # "launched hundreds of drones and missiles": what was launched is in the "of" phrase
            for what in of_objects(child):
                out.setdefault(what.lemma_.lower(), what)
    if tok.dep_ in ("compound", "amod"):
        out.setdefault(tok.head.lemma_.lower(), tok.head)
    return out


def of_objects(noun: Token) -> list[Token]:
    """What an amount or a measure is of: 'hundreds of drones and missiles', '40 seconds of footage'."""
    return [w for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj" for w in (g, *g.conjuncts)]


def names_words_said(verb: Token) -> bool:
    """'called the statements of the Italian president ...': the objects of a verb are words said (grammar.toml
    nouns.speech), not someone phoned or named."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return bool(objects) and all(c.lemma_.lower() in SPEECH_NOUNS or c.lower_ in SPEECH_NOUNS for c in objects)


def is_light(tok: Token) -> bool:
    return tok.lemma_.lower() in LIGHT_VERBS or tok.lower_ in LIGHT_FORMS


def topic_of(tok: Token, triggers: set[int]) -> bool:
    """Is this noun the topic of another trigger: reached from it through 'of'/'on' phrases or nouns?"""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    node = tok
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "pobj" and head.lower_ in ADVERBIAL_PREPS:
            return False
        if head.i in triggers:
            return node.dep_ in ("pobj", "prep", "compound", "nmod") or head.pos_ in ("NOUN", "PROPN")
        if head.pos_ in ("VERB", "AUX"):
            return False
        node = head
    return False


def governing_verb(tok: Token) -> Token | None:
    """The verb whose clause a noun belongs to: its object or subject, directly or through a chain
    of nouns and prepositions ("announced the finalization of the text of the agreement")."""
    node = tok
    for _ in range(5):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative", "nsubj") and head.pos_ in ("VERB", "AUX"):
            return head
        if node.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            if head.head.pos_ in ("VERB", "AUX"):
                return head.head
            node = head.head
            continue
        if node.dep_ in ("conj", "appos") or (node.dep_ == "pobj" and head.dep_ == "pcomp"):
            node = head
            continue
        return None
    return None


def clause_of(tok: Token, event_nouns: set[int]) -> Token:
    """The nearest verb or event noun above a token (a date attaches to that clause)."""
    node = tok
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            return node
        if head.pos_ in ("VERB", "AUX") or (head.i in event_nouns and node.dep_ in ("prep", "npadvmod", "nmod")):
            return head
        node = head
    return node


def is_argument(noun: Token, verb: Token) -> bool:
    """Does the noun say what the verb did ("signed an agreement"), rather than when or where
    ("agreed during a visit")? Only then do the two make one event."""
    node = noun
    while node.head.i != node.i and node.head.i != verb.i:
        if node.dep_ == "pobj" and node.head.lower_ in ADVERBIAL_PREPS and node.head.head.i == verb.i:
            return False
        if node.dep_ == "pobj" and (node.head.lower_ in SETTING_PREPS or node.lemma_.lower() in SETTING_NOUNS):
            return False  # "... on the sidelines of X's visit": a setting, however deep
        node = node.head
    return not (node.dep_ == "prep" and node.lower_ in ADVERBIAL_PREPS)


def clause_region(trig: TriggerMatch, trigger_heads: set[int]) -> set[int]:
    """Token indices in the trigger's own clause, leaving out clauses headed by other triggers."""
    out: set[int] = set()
    # ("declared Lula persona non grata": the parser makes a clause of the phrase's own words)
    own = {w.i for w in trig.words}

    def walk(tok: Token, top: bool) -> None:
        out.add(tok.i)
        for child in tok.children:
            i, dep = child.i, child.dep_  # (each read once: spaCy makes them anew at every read)
            if not top and i in trigger_heads and i != trig.token.i:
                continue
            # (a clause whose mark is the trigger's own word is its object: "called for Afghanistan to act")
            if dep in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX") and i not in own and not _marked_by(child, own):
                if i in trigger_heads or dep in ("ccomp", "advcl", "parataxis", "relcl", "csubj"):
                    continue
            if dep == "conj" and i in trigger_heads:
                continue
            walk(child, False)

    walk(trig.head, True)
    if trig.token.i != trig.head.i:
        walk(trig.token, False)
    tok = trig.token
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "nsubj" and tok.head.i not in trigger_heads:
        # "the forum held in Antalya featured the foreign ministers of A, B and C": what the event
        # noun's clause says of it names its participants
        for child in tok.head.children:
            if child.dep_ in ("dobj", "attr", "prep") and child.i != tok.i:
                walk(child, False)
    if (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for")
            and tok.head.head.lemma_ == "be" and tok.head.head.i not in trigger_heads):
        # "the minister was in Estonia on a working visit": where the one on the visit is, the visit is
        for child in tok.head.head.children:
            if child.dep_ == "prep" and child.i != tok.head.i:
                walk(child, False)
    return out


def _marked_by(clause: Token, words: set[int]) -> bool:
    """Is a clause's mark one of ``words`` (token indices)?"""
    return any(m.dep_ == "mark" and m.i in words for m in clause.children)


def noun_doers(noun: Token, traits: frozenset[str]) -> set[int]:
    """Tokens of an event noun's own phrase that name who did it: 'Russia's attack', 'the Israeli strike', 'the
    strike by Israel', and for a type with the trait 'voiced' 'a warning from Brussels', 'aid from Russia' (but
    'a withdrawal from Lebanon')."""
    out: set[int] = set()
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            out.update(t.i for t in c.subtree)
        if c.dep_ == "prep" and (c.lower_ == "by" or (c.lower_ == "from" and "voiced" in traits)):
            out.update(t.i for t in c.subtree)
    return out


def authoring_verb(noun: Token) -> Token | None:
    """'Russia was behind the cyberattack', 'Hamas is responsible for the raid': the verb 'be' whose subject did
    what the noun tells (grammar.toml: prepositions and adjectives of authorship)."""
    prep = noun.head
    if prep.lower_ in AUTHOR_PREPS and prep.head.lemma_.lower() == "be":
        return prep.head
    if prep.lower_ == "for" and prep.head.lower_ in AUTHOR_ADJ and prep.head.head.lemma_.lower() == "be":
        return prep.head.head
    return None


def partners_in_clause(trig: TriggerMatch) -> set[int]:
    """For an event noun in a phrase of a clause ("Putin, in a phone conversation, stated ...", "A and B agreed
    to end the dispute after talks", "Pakistan answered with missile strikes"), the clause's subject: who acts
    in the clause takes part in the event the noun names."""
    tok = trig.token
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj":
        return set()
    if trig.entry.type == "CONSULT":
        # ("in a meeting with Xi, Boric discussed trade": "in" joins too when the meeting is told with whom)
        joins = trig.entry.mode == "Phone" or tok.head.lower_ in ("after", "following", "during") or (
            tok.head.lower_ == "in" and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children))
    else:
        joins = "done_with" in trig.entry.traits and tok.head.lower_ == "with"
    verb = governing_verb(tok) if joins else None
    while verb is not None and verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "agreed to end ... after talks": the subject above
    # (not a cleft's "it", which is no one: "It was during their discussions that ...")
    return {t.i for c in verb.children if c.dep_ == "nsubj" and not (c.lower_ == "it" and verb.lemma_ == "be")
            for t in c.subtree} if verb is not None else set()


def meeting_as_setting(trig: TriggerMatch) -> bool:
    """A meeting told as where another act was done: a meeting noun after "at" or "during" ("failed to reach an
    agreement at talks in Brussels", "agreed to expand trade during their talks")."""
    tok = trig.token
    return trig.entry.type == "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during")


def told_apart(trig: TriggerMatch) -> bool:
    """'met separately with', 'held separate talks with A and B' (grammar.toml adverbs.apart): one act per party."""
    return any(c.lower_ in APART for w in trig.words for c in w.children if c.dep_ in ("advmod", "amod"))


def clause_head(trig: TriggerMatch) -> Token:
    """The verb whose tense and modals an event takes: its own, or the one whose object an event noun
    is ("would tighten the blockade")."""
    if trig.head.i == trig.token.i and trig.token.pos_ in ("NOUN", "PROPN") and trig.token.dep_ == "dobj":
        return trig.token.head
    return trig.head


def is_promise(trig: TriggerMatch) -> bool:
    """'will give', 'is ready to send', 'plans to impose': a commitment by the actor, not a forecast (nor what
    others say it will do: 'will reportedly attend')."""
    head = clause_head(trig)
    if any(c.dep_ == "advmod" and c.lower_ in HEARSAY for c in head.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "under" and g.dep_ == "pobj" and g.lemma_.lower() in PROVISIONS
           for c in head.children for g in c.children):
        return False  # "Under the deal, Serbia will receive twelve jets": a term of an agreement told, no new promise
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "would") for c in head.children):
        return True
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in ("plan", "intend", "vow", "pledge", "promise"):
        return True
    parent = head.head
    # (not a lasting disposition: "Brazil is always willing to cooperate with us")
    return head.dep_ == "xcomp" and parent.lower_ in WILLING and not any(
        c.dep_ == "advmod" and c.lower_ in STANDING_ADVERBS for c in (*parent.children, *parent.head.children))


def names_a_guest(tok: Token) -> bool:
    """A person, by name or by a word for one (grammar.toml nouns.visitors), on the word, a compound of it or one
    joined to it: 'Bolsonaro', 'his Indian counterpart', 'the SCO heads of government', 'the general and his
    delegation'."""
    return tok.ent_type_ == "PERSON" or any(w.lemma_.lower() in VISITORS for w in (
        tok, *(c for c in tok.children if c.dep_ == "compound"), *tok.conjuncts))


def deciding_verb(trig: TriggerMatch, words: Collection[str]) -> Token | None:
    """The past verb of deciding (``words``) whose infinitive tells the act: 'India decided to expel', 'the EU
    decided to open accession talks'; None when it is not told so."""
    head = clause_head(trig)
    parent = head.head
    if head.dep_ == "xcomp" and parent.lemma_.lower() in words and parent.tag_ in ("VBD", "VBN"):
        return parent
    return None


def conditional(trig: TriggerMatch) -> bool:
    """'... unless X yields', '... if cooperation fails': an action made to depend on the other side."""
    for tok in (trig.head, trig.head.head):
        for c in tok.children:
            if c.i == trig.head.i:
                continue  # "If Russia attacks, NATO would respond": the condition itself is no threat
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children):
                return True
    return False


def finite_verb(tok: Token) -> Token:
    """The finite verb whose tense a non-finite trigger shares ("Deepening ties ... adds")."""
    node = tok
    for _ in range(4):
        if node.tag_ in ("VBD", "VBP", "VBZ", "MD") or node.head.i == node.i:
            return node
        if node.dep_ in ("xcomp", "csubj", "csubjpass") or (node.tag_ == "VBG" and node.dep_ in ("nsubj", "pcomp")):
            node = node.head
            continue
        return node
    return node


def listed_before(doc: Doc, first: int) -> set[int]:
    """Names listed just before a subject that is a name too ("Aliyev, Pashinyan, and Erdogan held ...") belong
    to it, whatever the parser attached them to; not before a common noun ("Following the earthquakes in Syria and
    Turkey, many countries sent aid": the places of the phrase before it)."""
    out: set[int] = set()
    if doc[first].ent_type_ not in ACTOR_LABELS:
        return out
    i = first - 1
    while i >= 0:
        tok = doc[i]
        if tok.text in (",", "and", "&"):
            i -= 1
            continue
        if tok.ent_type_ in ACTOR_LABELS and tok.ent_type_ not in ("CAPITAL",):
            if tok.dep_ == "pobj" and doc[first - 1].text == ",":
                break  # ("Sanctioned by the US, Myanmar's regime ...": the name of a phrase set off before it)
            while i >= 0 and doc[i].ent_type_ == tok.ent_type_ and doc[i].ent_id_ == tok.ent_id_:
                out.add(i)
                i -= 1
            continue
        break
    return out


_STATE_WORDS = STATE_ANAPHORS | {"government"}  # a state told by a common noun: "his country", "several governments"


def anaphoric_subject(sent: Span, subject: set[int]) -> bool:
    """'the two sides', 'both countries', 'the three leaders', 'they': actors named before; so is 'his country'
    or 'its government', a state told by whose it is ('Norway's prime minister said his country has decided ...')."""
    words = [sent.doc[i] for i in sorted(subject)]
    # ("met with the leaders of Ecuador, Paraguay and Uruguay": whose they are is said, no pointer back)
    # (a known name: not "the two Heads of State")
    words = [t for t in words if not any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.ent_type_ in ACTOR_LABELS and g.ent_id_ for g in c.subtree) for c in t.children)]
    # ("the Taiwanese parliament": whose body it is, said)
    words = [t for t in words if not (t.lower_ in BODIES and any(
        c.dep_ in ("amod", "compound", "poss") and c.ent_id_ for c in t.children))]
    return any(t.lower_ in ANAPHORS and (t.lower_ in ("both", "they") or any(
        c.lower_ in ("two", "three", "four", "both", "the", "these", "all") or (
            c.dep_ == "poss" and c.lower_ in POSSESSIVES and t.lower_ in _STATE_WORDS
            and t.dep_ in ("nsubj", "nsubjpass"))  # ("strikes on its neighbour": the other party, rules.py)
        for c in t.children)) for t in words)


_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}


def unnamed_states(sent: Span, subject: set[int]) -> bool:
    """'Several countries', 'many nations', 'other governments': states the text does not name, no pointer back
    (unlike 'the two countries') and none of the states the sentence names."""
    words = [sent.doc[i] for i in sorted(subject)]
    return any(t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in _STATE_WORDS
               for t in words) and not anaphoric_subject(sent, subject)


def anaphor_count(sent: Span, subject: set[int]) -> int:
    """How many actors an anaphor names: 'the two sides', 'both countries' -> 2; 'they' -> 0 (any)."""
    for i in sorted(subject):
        tok = sent.doc[i]
        if tok.lower_ == "both":
            return 2
        if tok.lower_ in ANAPHORS:
            for c in tok.children:
                if c.lower_ in _COUNTS:
                    return _COUNTS[c.lower_]
    return 0


def region_of(sent: Span, tokens: Collection[int], described: Callable[[str], frozenset[str]]) -> frozenset[str]:
    """The states a regional word before a state anaphor among ``tokens`` allows ('the southern African country':
    ``described`` of 'southern African'), or none. Of 'the small southern African country' the longest words
    that name a region."""
    return next((found for words in _region_words(sent, tokens) if (found := described(words))), frozenset())


def _region_words(sent: Span, tokens: Collection[int]) -> list[str]:
    """'the small southern African country' -> ['small southern African', 'southern African', 'African']."""
    for i in sorted(tokens):
        head = sent.doc[i]
        if head.lemma_.lower() not in STATE_ANAPHORS:
            continue
        mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i]
        if mods:
            start = min(t.i for c in mods for t in c.subtree)
            words = [t.text for t in sent.doc[start:head.i]]
            return [" ".join(words[k:]) for k in range(len(words))]
    return []


def singular_anaphor(sent: Span, subject: set[int]) -> bool:
    """'the country', 'the government', 'it': one actor, unlike 'the two sides' or 'both countries'."""
    words = [sent.doc[i] for i in sorted(subject)]
    heads = [t for t in words if t.lower_ in ANAPHORS]
    return bool(heads) and all(t.tag_ in ("NN", "NNP", "PRP") and t.lower_ not in ("both", "they") and not any(
        c.lower_ in ("two", "three", "four", "both", "these", "all") for c in t.children) for t in heads)


def setting_of(noun: Token) -> Token | None:
    """The verb an event noun is the setting of: 'held a meeting at the SCO summit' -> held."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ in ADVERBIAL_PREPS | SETTING_PREPS and prep.head.pos_ in ("VERB", "AUX"):
        verb = prep.head
        if verb.dep_ == "xcomp" and verb.tag_ == "VB" and verb.head.pos_ == "VERB":
            # "agreed to expand trade during their talks": the talks are where they agreed, not where they will expand
            return verb.head
        return verb
    return None


def antecedent_phrase(trig: TriggerMatch) -> set[int]:
    """For an event told in a relative clause ("the railway linking A with B, whose construction started
    this year"), the noun phrase the clause describes, without the clause itself."""
    node = trig.head
    for _ in range(3):
        if node.dep_ == "relcl" and node.head.i != node.i:
            own = {t.i for t in node.subtree}
            return {t.i for t in node.head.subtree} - own
        if node.head.i == node.i:
            break
        node = node.head
    return set()


def object_clauses(trig: TriggerMatch) -> set[int]:
    """Clauses that complete the trigger: what was agreed, threatened or asked ("threatened to annex
    Guyana's region"), and relative or participial clauses that describe its objects."""
    out: set[int] = set()
    for c in trig.head.children:
        if c.dep_ == "xcomp":
            out.update(t.i for t in c.subtree)
    objects = [c for c in trig.head.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    objects += [g for c in trig.head.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "to")
                for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        for c in obj.children:
            if c.dep_ in ("relcl", "acl"):
                out.update(t.i for t in c.subtree)
    return out
