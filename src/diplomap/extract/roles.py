"""Whether a name in a sentence is a party to an event, the place where it happened, or part of the name of
something else: after "in"/"at", a visit's destination, what an attack fell on, a setting, a route, a title."""

from __future__ import annotations

from spacy.tokens import Span, Token

from diplomap.extract.syntax import TriggerMatch
from diplomap.knowledge.grammar import (
    ACT_NOUNS,
    CIRCUMSTANCES,
    GATHERINGS,
    LOCATIVE_PREPS,
    MANNER_NOUNS,
    MONTH_NAMES,
    NAMED_TEXTS,
    RELATIONS,
    ROUTE_PREPS,
    SETTING_NOUNS,
    SHOWING_VERBS,
    TITLE_NOUNS,
    TOPIC_PREPS,
    TOPIC_VERBS,
)


def _said_by_the_act(tok: Token, trig: TriggerMatch) -> bool:
    """What the act itself, as the subject of a verb, is said to stress or cover: "The meeting underscored Iraq's
    dedication to a united Syria" (a meeting or a text: its object, clause or a phrase that is no place), "the
    conversation touched on ... - the CIS summit in Moscow" (talks: the object, however the parser hangs it)."""
    if trig.token.dep_ != "nsubj" or tok.head.i != trig.token.head.i:
        return False
    verb = tok.head.lemma_.lower()
    if verb in SHOWING_VERBS and trig.token.pos_ == "NOUN":
        return tok.dep_ in ("dobj", "ccomp") or (tok.dep_ == "prep" and tok.lower_ not in LOCATIVE_PREPS)
    return "topical" in trig.entry.traits and verb in TOPIC_VERBS and tok.dep_ == "dobj"


def phrases_of_no_party(sent: Span, trig: TriggerMatch) -> set[int]:
    """Tokens of phrases that name no party to the act: a route ("via Türkiye"), a topic ("a dispute over
    Somaliland"), part of a title ("ambassador to Germany", unless the title is what the trigger acts on: "recalled
    its ambassador to Iran" makes Iran the target), the leader of a body named by its own name
    (``_led_by_another``), whose ally a person said in apposition is (``_whose_ally``), whom a manner noun is with
    ("cut ties with Chile in solidarity with Peru", "as a sign of solidarity with Peru", however the parser hangs
    "with")."""
    out: set[int] = set()
    words = {w.i for w in trig.words}
    acted_on = set(words)
    if trig.entry.type == "SANCTION":  # "recalled on Monday its ambassador to South Africa": the envoy recalled
        acted_on |= {t.i for t in trig.token.subtree if t.lemma_.lower() in TITLE_NOUNS}
    elif trig.entry.type == "REQUEST":  # "ordered its ambassador to Chile to return": the envoy told to go or come
        acted_on |= {c.i for c in trig.token.children if c.dep_ == "dobj" and c.lemma_.lower() in TITLE_NOUNS}
    for tok in sent:
        if _led_by_another(tok, acted_on):
            out.update(t.i for t in tok.subtree)
        if _said_by_the_act(tok, trig):
            out.update(t.i for t in tok.subtree)
        if tok.dep_ != "prep":
            continue
        if tok.lower_ == "with" and not words & {t.i for t in tok.subtree} and any(
                c.dep_ == "pcomp" and c.pos_ == "VERB" and any(g.dep_ == "nsubj" for g in c.children)
                for c in tok.children):
            # ("inked the partnership, with ASEAN placing South Korea alongside superpowers such as the United States
            # and China": a circumstance told with its own doer, no party to the act)
            out.update(t.i for t in tok.subtree)
            continue
        # (or the title right before "to" that the parser hung elsewhere: "a ceremony at the Permanent Mission | to
        # the United Nations")
        titled = tok.head if tok.head.lemma_.lower() in TITLE_NOUNS else (
            tok.nbor(-1) if tok.i > 0 and tok.nbor(-1).lemma_.lower() in TITLE_NOUNS else None)
        title = tok.lower_ == "to" and titled is not None and titled.i not in acted_on
        topic = "topical" in trig.entry.traits and (tok.lower_ in TOPIC_PREPS or (tok.lower_ == "on" and (
            tok.head.lemma_.lower() in TOPIC_VERBS  # ("talks focused on North Korea")
            or (trig.entry.type == "CONSULT" and tok.head.pos_ == "NOUN"
                and (tok.head.i in words or tok.head.lemma_.lower() in GATHERINGS)  # ("met Xi for talks on Ukraine")
                and not words & {t.i for t in tok.subtree}  # (the act's own phrase: "on the sidelines of X's visit")
                and not any(g.lemma_.lower() in ACT_NOUNS for g in tok.children)))))  # ("talks on a deal between
        # Chile and Peru" are between the deal's parties)
        before = tok.doc[tok.i - 1] if tok.i > 0 else tok
        manner = tok.lower_ == "with" and before.lemma_.lower() in MANNER_NOUNS and before.dep_ == "pobj"
        amid = tok.lower_ in CIRCUMSTANCES and not words & {t.i for t in tok.subtree}  # ("amid tensions with China")
        if tok.lower_ in ROUTE_PREPS or topic or title or manner or amid or _whose_ally(tok):
            out.update(t.i for t in tok.subtree)
    return out


def _whose_ally(tok: Token) -> bool:
    """'met Lukashenko, president of Belarus and a close ally of Putin': whose ally (friend, critic) a person is,
    said in apposition after what he is, describes him and is no party ('granted clemency to Perez, an ally of
    Peru's president' says whose side the one pardoned is on: Peru is the target)."""
    head = tok.head
    return tok.lower_ == "of" and head.lemma_.lower() in RELATIONS and head.dep_ == "conj" and head.head.dep_ == "appos"


def _led_by_another(tok: Token, acted_on: set[int]) -> bool:
    """'The observation mission of the OAS, headed by a former minister of Uruguay': the leader of a body
    named by its own name speaks for that body, not for the leader's state (not 'a delegation led by Wang Yi',
    whose state the leader gives)."""
    if not (tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in ("head", "lead", "chair")
            and any(c.dep_ == "agent" for c in tok.children) and tok.i not in acted_on):
        return False
    own = {t.i for t in tok.head.subtree} - {t.i for t in tok.subtree}
    return any(tok.doc[i].ent_type_ in ("ORG", "NORP", "GPE") for i in own)


def _preposition_of(tok: Token) -> str:
    """The preposition a name's phrase hangs from ("on" in "tariffs on Mexico"), or ""."""
    root = tok
    while root.dep_ in ("compound", "amod", "nmod", "poss", "det", "punct", "conj") and root.head.i != root.i:
        root = root.head
    return root.head.lower_ if root.dep_ == "pobj" else ""


def aimed_at(toks: list[Token], trig: TriggerMatch) -> bool:
    """'lashed out at Manila', 'hit out at Washington': a name after 'at' on a trigger of the trait aimed_at is
    whom the words are aimed at, not where they were said."""
    if "aimed_at" not in trig.entry.traits or _preposition_of(toks[0]) != "at":
        return False
    root = toks[0]
    while root.dep_ in ("compound", "amod", "nmod", "poss", "det", "punct", "conj") and root.head.i != root.i:
        root = root.head
    return root.head.head.i in {w.i for w in trig.words}


def after_locative(tok: Token) -> bool:
    root = tok
    while root.dep_ in ("compound", "amod", "nmod", "poss", "det", "punct") and root.head.i != root.i:
        root = root.head
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.like_num or root.ent_type_ in ("DATE", "TIME") or root.lower_ in MONTH_NAMES:
        return False  # a mis-parse that hangs a name on "on April 25"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in ("outside", "inside"):
        return True  # "the attack outside of Moscow"
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def in_a_setting(tok: Token, trig: TriggerMatch) -> bool:
    """A name in the phrase of a setting noun ('on the sidelines of the UN General Assembly', 'on the margins of
    the summit') of another act than the one the noun names: a setting, not a party."""
    words = {w.i for w in trig.words}
    node = tok
    for _ in range(8):
        if node.i in words or node.head.i == node.i:
            return False
        if node.lemma_.lower() in SETTING_NOUNS and node.dep_ == "pobj":
            return True
        node = node.head
    return False


def names_a_place(toks: list[Token], label: str) -> bool:
    """A name after in/at/near as where something is; not a state after "on" or "at" ("tariffs on Peru")."""
    return after_locative(toks[0]) and not (label == "STATE" and _preposition_of(toks[0]) in ("on", "at"))


def is_place_use(toks: list[Token], trig: TriggerMatch, label: str) -> bool:
    """Is the mention used as the place of the event rather than as a party to it? A state after "on" or
    "at" is what the act falls on ("tariffs on Mexico", "pressure on Iran"), never where it happened."""
    if after_locative(toks[0]):
        if label == "CAPITAL" and aimed_at(toks, trig):
            return False  # "lashed out at Manila": whom the words are aimed at
        return not (label == "STATE" and _preposition_of(toks[0]) in ("on", "at"))
    if label in ("PLACE", "CAPITAL"):
        head = toks[-1]
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
            head = head.head
        if head.i == trig.token.i and toks[-1].dep_ in ("compound", "amod", "nmod"):
            return True  # "the Dushanbe meeting"
        if label == "PLACE":
            return True
        if is_destination(toks, trig):
            return True
    return False


def is_attacked(toks: list[Token], trig: TriggerMatch) -> bool:
    """'fired shells at Seoul', 'strikes on Kyiv', 'sanctions on Caracas': the place hit stands for its state."""
    if "hits_place" not in trig.entry.traits:
        return False
    root = toks[-1]
    while root.dep_ in ("compound", "amod", "conj") and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in ("at", "on", "against", "into", "toward", "towards")


def is_destination(toks: list[Token], trig: TriggerMatch) -> bool:
    """'visit to Baku', 'visited Baku': the capital hosts, so it is both place and party."""
    if trig.entry.type != "CONSULT":
        return False
    t = toks[-1]
    if t.dep_ == "pobj" and t.head.lower_ == "to":
        return True
    return t.dep_ == "dobj" and t.head.i == trig.token.i


def at_a_body(toks: list[Token]) -> bool:
    """A body named as the forum ("filed a case at the International Court of Justice")."""
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside), toks[-1])
    return root.dep_ == "pobj" and root.head.lower_ in ("at", "before")


def names_a_thing(toks: list[Token], trig: TriggerMatch) -> bool:
    """A city's name inside the name of a treaty, process or declaration ("signed the Rome Statute"); not
    of an institution, which is in that city's state ("aid to Baghdad University")."""
    last = toks[-1]
    return names_a_text(toks) and last.head.i != trig.token.i and last.head.i not in {w.i for w in trig.words}


def names_a_text(toks: list[Token]) -> bool:
    """A name inside the name of a text: 'the Vienna Convention', 'the Minsk Process'."""
    return toks[-1].dep_ == "compound" and toks[-1].head.lemma_.lower() in NAMED_TEXTS
