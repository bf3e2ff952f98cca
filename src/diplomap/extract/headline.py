"""A one-line headline per event, built from the parse of its sentence: who – did what – to whom/what.

"Pashinyan and Aliyev initialed the peace agreement text in Washington"; "Azerbaijan, China and Kazakhstan
signed an agreement to establish an intermodal cargo terminal". The words are the sentence's own, in its
order, so a headline says nothing its quote does not:

- the doer is the clause's subject (or the agent of a passive) when it names one of the event's actors,
  shortened to the names it holds ("Armenian Prime Minister Nikol Pashinyan" -> "Nikol Pashinyan");
  otherwise ("the two sides", "it") the actors' names from the knowledge files;
- the act is the verb that carries the trigger (a light verb keeps its noun: "held talks"), with its
  particle, negation and the "to"-verb it governs ("agreed to resume");
- then its object phrase and the phrases that name a partner ("with Kazakhstan", "to Armenia"), without
  relative clauses, appositions, dates or asides; a long phrase stops at a word boundary;
- then the place, when the event has one the line does not name yet.

An event noun with no verb of its own ("the Dushanbe meeting") reads "<actors>: <noun phrase>".
One call site: Pipeline.extract, as each sentence's events come from the coder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from diplomap.extract.context import tokens_in
from diplomap.extract.syntax import is_light
from diplomap.model import Event, Mention

MAX_WORDS = 18  # a headline is a line, not the sentence again
OBJECT_WORDS = 11  # of which the object phrase
# clauses and asides that describe rather than tell: never part of a headline
_DROP_DEPS = {"relcl", "appos", "advcl", "parataxis", "preconj", "det:predet", "npadvmod", "meta",
              "dep", "mark", "discourse", "intj"}
_PARTNER_PREPS = {"with", "to", "between", "against", "from", "on", "for", "into", "of"}
_LIGHT_OBJ_DEPS = {"dobj", "attr", "oprd"}
_TIME_LABELS = {"DATE", "TIME"}
# verbs whose "to"-verb is the act told: "is expected to travel", "agreed to expand", "refused to attend"
_CONTROL = {"expect", "agree", "decide", "plan", "pledge", "promise", "refuse", "decline", "continue", "begin",
            "start", "seek", "try", "move", "vote", "intend", "aim", "schedule", "set", "fail", "threaten"}

Names = Callable[[str], str]


def headline(sent: Span, event: Event, offset: int, mentions: Sequence[Mention], name: Names) -> str:
    """The event's headline, or "" when the trigger cannot be found in the sentence."""
    if event.trigger_at is None:
        return ""
    at = event.trigger_at - offset + sent.start_char
    trigger = next((t for t in sent if t.idx == at), None)
    if trigger is None:
        return ""
    actor_tokens = _actor_tokens(sent, mentions, offset, set(event.actors))
    verb = _verb_of(trigger)
    if verb is not None and verb.i != trigger.i and not is_light(verb) and verb.lemma_ != "be" and (
            verb.lower_ not in event.trigger.lower().split() and verb.lemma_.lower() not in event.trigger.lower()):
        verb = None  # "China has not condemned Russia's attack": the attack is told by its noun, not by the verb
        # of another act ("held talks", "signed a memorandum" keep theirs)
    if verb is None:
        line = _noun_line(trigger, event, actor_tokens, name)
    else:
        line = _verb_line(verb, trigger, event, actor_tokens, name)
    if event.location and event.location.name.lower() not in line.lower():
        line += f" in {event.location.name}"
    return _tidy(line)


def fallback(event: Event, name: Names) -> str:
    """A headline for an event stored before headlines existed: actors and trigger, no parse."""
    who = _join([name(c) for c in event.source] or [name(c) for c in event.target])
    whom = _join([name(c) for c in event.target]) if event.source else ""
    act = event.trigger or event.type.lower()
    line = f"{who} {act}" + (f" ({whom})" if whom else "")
    if event.location:
        line += f" in {event.location.name}"
    return _tidy(line)


# -- the parts -----------------------------------------------------------------------------------------


def _actor_tokens(sent: Span, mentions: Sequence[Mention], offset: int, actors: set[str]) -> dict[int, Mention]:
    """Token index -> the actor mention it belongs to (mentions of the event's actors, or of anyone when the
    event's codes are not resolvable from the mention, such as a person)."""
    out: dict[int, Mention] = {}
    for m in mentions:
        for t in tokens_in(sent, m.start - offset, m.end - offset):
            out[t.i] = m
    return out


def _verb_of(trigger: Token) -> Token | None:
    """The verb whose clause tells the event: the trigger itself, or the verb whose object it is."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    if trigger.dep_ in _LIGHT_OBJ_DEPS | {"nsubjpass"} and trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and trigger.head.head.pos_ == "VERB" and (
            trigger.head.lower_ in ("in", "to", "into")):  # "took part in talks", "paid a visit to"
        return None
    return None


def _subject(verb: Token) -> tuple[list[Token], bool]:
    """The subject tokens of the verb's clause (climbing conjuncts and 'to'-verbs), and whether it is the
    agent of a passive."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            break
        agent = [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent, True
        subj = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        if len(subj) == 1 and subj[0].lower_ in ("who", "which", "that") and node.dep_ == "relcl":
            return [node.head], False  # "Oli, who returned home after ...": the one the clause is about
        if subj:
            return subj, False
        raised = [c for c in node.children if c.dep_ == "nsubjpass"]
        if raised and node.i != verb.i:
            return raised, False  # "Tokayev is expected to travel": the raised subject travels
        if raised:
            break
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.lower_ in _TIME_PREPS and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head  # "returned home after concluding his visit": who returned concluded it
            continue
        if node.dep_ == "ROOT":
            # ("PM of Samoa to visit China": a headline's doer the parser hung before its verb as a modifier)
            return [c for c in node.lefts if c.dep_ in ("dep", "npadvmod", "nmod") and c.pos_ in ("NOUN", "PROPN")
                    and any(t.ent_type_ and t.ent_type_ not in _TIME_LABELS for t in c.subtree)][:1], False
        break
    return [], False


_RANK = {"PERSON": 0, "ORG": 1, "STATE": 1, "GROUP": 1, "CAPITAL": 2, "METONYM": 2, "DEMONYM": 3}


def _who(subject: list[Token], event: Event, actor_tokens: dict[int, Mention], name: Names,
         side: Sequence[str]) -> str:
    """The doer as the sentence names it: per coordinated part its strongest name (a person over the state
    before it, "U.S. President Donald Trump" -> "Donald Trump"); a demonym keeps its noun ("a Chinese
    company"). Else the codes' names."""
    parts: list[str] = []
    for head in subject:
        for part in [head, *head.conjuncts]:
            # ("the Chinese Mission to the European Union": whom a mission or an envoy is to is not who spoke)
            own = _own(part) - {t.i for c in part.children if c.dep_ == "prep" and c.text == "to" for t in c.subtree}
            found = list({(m.start, m.end): m for i in sorted(own) if (m := actor_tokens.get(i))}.values())
            if not found:
                continue
            rank = min(_RANK.get(m.label, 4) for m in found)
            # ("The Washington Summit Declaration called on China": a name on a thing's name is not the doer)
            named_thing = part.i not in actor_tokens and all(
                _in_the_name_of(part.doc[i], part) for i in own if i in actor_tokens)
            # ("Iran's elite Revolutionary Guards": a body told with whose it is is one doer, not "Iran and ...")
            whose = sum(_RANK.get(m.label, 4) == rank for m in found) > 1 and any(
                c.dep_ == "poss" and c.i in actor_tokens for c in part.children)
            if rank == _RANK["DEMONYM"] or named_thing or whose:
                parts.append(_phrase(part, 5, alone=True))
            else:  # "the leaders of China, Kazakhstan and ...": every name of the strongest kind
                parts += [m.text.strip() for m in found if _RANK.get(m.label, 4) == rank]
    if parts:
        return _join(list(dict.fromkeys(parts)))
    if not side and subject and subject[0].pos_ in ("NOUN", "PROPN"):
        return _phrase(subject[0], 5)  # "Officials charge that Chile ...": no party is told as the doer
    if subject and subject[0].lower_ in ("he", "she"):
        # ("Barth Eide made the comments as he held talks with his Chinese counterpart": the person the sentence
        # named before "he", not the state, which would leave "his" without its owner)
        people = [m for i, m in sorted(actor_tokens.items()) if i < subject[0].i and m.label == "PERSON"]
        if people:
            return people[-1].text.strip()
    codes = list(side) or list(event.actors)
    return _join([name(c) for c in codes])


def _in_the_name_of(tok: Token, head: Token) -> bool:
    """Is the word part of the compound name of the noun ``head`` ("Washington" in "the Washington Summit
    Declaration")?"""
    while tok.i != head.i:
        if tok.dep_ != "compound" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _own(part: Token) -> set[int]:
    """A coordinated part's own tokens: its subtree without the parts coordinated to it, or clauses on it."""
    out: set[int] = set()

    def walk(tok: Token, top: bool) -> None:
        out.add(tok.i)
        for c in tok.children:
            if c.dep_ not in ("relcl", "acl", "appos", "punct") and not (top and c.dep_ in ("conj", "cc")):
                walk(c, False)

    walk(part, True)
    return out


def _verb_line(verb: Token, trigger: Token, event: Event, actor_tokens: dict[int, Mention], name: Names) -> str:
    subject, by_agent = _subject(verb)
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive and not by_agent:
        # "a session ... was held in Qabala": what underwent the act leads, told as the text tells it
        aux = [c.text for c in verb.children if c.dep_ == "auxpass"]
        undergone = " ".join([_phrase(passive[0], OBJECT_WORDS), *aux, verb.text, *_partner_preps(verb, actor_tokens)])
        shown = {*_kept(passive[0]), *(w.i for c in verb.children if c.dep_ in ("prep", "dative")
                                       and c.lower_ in _PARTNER_PREPS for w in c.subtree)}
        if event.actors and not shown & set(actor_tokens):
            # ("Agreements were concluded", told of China and Hungary: whose they were leads, as a noun's line)
            return f"{_join([name(c) for c in event.actors])}: {undergone[:1].lower() + undergone[1:]}"
        return undergone
    if not subject and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "the opening of the gas pipeline, inaugurated during ...": the noun it describes and the act
        # ("a note of protest expressing serious concern": with what it does; after who issued it, when the verb
        # whose object it is has a subject that names an actor: "Chile issued a communique expressing concern")
        objects = [_phrase(c, OBJECT_WORDS) for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
        line = [_phrase(verb.head, OBJECT_WORDS), verb.text, *objects, *_partner_preps(verb, actor_tokens)]
        if verb.i in _kept(verb.head):
            line = line[:1]  # "Turkey's move to halt trade with Israel": the noun's phrase holds its act
        issuer = verb.head.head
        by, _ = _subject(issuer) if verb.head.dep_ == "dobj" and issuer.pos_ == "VERB" else ([], False)
        if any(i in actor_tokens for s in by for i in _own(s)):
            line = [_who(by, event, actor_tokens, name, event.source), _verb_words(issuer), *line]
        return " ".join(line)
    who = _who(subject, event, actor_tokens, name, event.source)
    by_name = bool(subject) and all(s.pos_ == "PRON" for s in subject)  # a pronoun told by the names it stands for
    if verb.lemma_ == "be" and subject and subject[0].pos_ in ("NOUN", "PROPN") and not any(
            i in actor_tokens for i in _own(subject[0])):
        # "the BrahMos missile is a joint venture between India and Russia": what it is said of leads, not the names
        who = _phrase(subject[0], OBJECT_WORDS)
    obj_heads = list(passive) if by_agent else []  # "a treaty was signed by the six leaders": they signed it
    obj_heads += [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd", "acomp")]
    xcomp = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    parts = []
    for h in sorted(obj_heads, key=lambda t: t.i):
        if h.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":  # "the agreement, which it signed": the agreement
            h = verb.head
        parts.append(_phrase(h, OBJECT_WORDS))
    if xcomp:  # "agreed to resume negotiations on a new agreement"
        x = xcomp[0]
        parts += _partner_preps(verb, actor_tokens, before=x.i)  # ("called on China to cease ...": in that order)
        inner = [c for c in x.children if c.dep_ in ("dobj", "attr", "prep", "prt", "xcomp")
                 and not _temporal(c)]
        to = "to" if any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children) else ""
        not_ = "not" if any(c.dep_ == "neg" for c in x.children) else ""  # "warned the U.S. not to meddle"
        parts.append(" ".join([not_, to, x.text, *[_phrase(c, OBJECT_WORDS)
                                                    for c in sorted(inner, key=lambda t: t.i)]]))
    told = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if told and not obj_heads and not xcomp and trigger.i == verb.i:
        # "They charge that Moscow is using Libya as a platform": what is charged, said or denied
        that = ["that"] if any(c.dep_ == "mark" and c.lower_ == "that" for c in told[0].children) else []
        parts.append(" ".join([*that, _phrase(told[0], OBJECT_WORDS + 5)]))  # (a clause: a subject and its say)
    if trigger.i != verb.i and trigger.i not in {t.i for h in obj_heads for t in h.subtree} and not xcomp:
        parts.append(_phrase(trigger, OBJECT_WORDS))  # the trigger noun under the verb, when not its object
    parts += _partner_preps(verb, actor_tokens, after=xcomp[0].i if xcomp else -1)
    # ("named CNNC as its preferred partner": an "as" phrase holding a word of the trigger is part of the act)
    said = set(event.trigger.lower().split()) - {verb.lower_, verb.lemma_.lower()}
    parts += [_phrase(p, OBJECT_WORDS) for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
              and any(t.lower_ in said or t.lemma_.lower() in said for t in p.subtree)]
    kept: list[str] = []
    for part in (p for p in parts if p.strip()):
        if not any(part in k for k in kept):  # (a phrase the parser hung twice is told once)
            kept.append(part)
    words = _verb_words(verb)
    if verb.tag_ == "VBP" and by_name and " and " not in who and words == verb.text:
        words = _third_person(verb)  # "They charge" told of one party by name: "Libya charges"
    elif (gerund := _bare_participle(verb, words)) is not None:
        # a participle with no auxiliary ("..., while continuing to back its partner", "Xi held talks, expressing
        # ..."): told as a headline tells an act, in the present
        words = " ".join([gerund.lemma_ if " and " in who else _third_person(gerund), *words.split()[1:]])
    return " ".join([who, words, *kept])


_TIME_PREPS = ("after", "before", "upon", "on", "while", "since")


def _bare_participle(verb: Token, words: str) -> Token | None:
    """The participle with no auxiliary that ``words`` (the verb's words) open with: the verb, or the verb of
    control it is the 'to'-verb of ("continuing to back")."""
    first = words.split()[0] if words else ""
    for tok in (verb, verb.head if verb.dep_ == "xcomp" else None):
        # (a clause of its own, not a gerund after a preposition: "support Senegal in building parks")
        own_clause = tok is not None and (tok.dep_ in ("advcl", "conj", "ROOT", "ccomp") or (
            tok.dep_ == "pcomp" and tok.head.lower_ in _TIME_PREPS))  # ("after concluding his visit")
        if tok is not None and own_clause and tok.tag_ == "VBG" and tok.text == first and not any(
                c.dep_ in ("aux", "auxpass") for c in tok.children):
            return tok
    return None


def _third_person(verb: Token) -> str:
    """A present-tense verb as said of one party ("charge" -> "charges", "have" -> "has")."""
    lemma = verb.lemma_.lower()
    if lemma in ("be", "have"):
        return {"be": "is", "have": "has"}[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _partner_preps(verb: Token, actor_tokens: dict[int, Mention], before: int = -1, after: int = -1) -> list[str]:
    """"with Kazakhstan", "to a comprehensive strategic partnership", "on green energy": never when or where (those
    told before the token at ``before``, or after the one at ``after``, when given)."""
    out = []
    for prep in sorted((c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in _PARTNER_PREPS
                        and (before < 0 or c.i < before) and (after < 0 or c.i > after)),
                       key=lambda t: t.i):
        if not _temporal(prep) and prep.n_lefts + prep.n_rights:  # (not a preposition the parser left bare)
            out.append(_phrase(prep, OBJECT_WORDS))
    return out


def _temporal(tok: Token) -> bool:
    """A date or a phrase whose object is one ("on 8 August", "in October"), not one that mentions a date deep
    inside ("the text of the agreement ending decades of conflict")."""
    return tok.ent_type_ in _TIME_LABELS or any(g.ent_type_ in _TIME_LABELS for g in tok.children)


def _verb_words(verb: Token) -> str:
    """The verb with its negation, an auxiliary of plan ("will sign"), and its particle."""
    out = []
    aux = [_spelt(c, verb) for c in verb.children if c.dep_ == "aux" and c.lower_ != "to"]
    if any(c.dep_ == "neg" for c in verb.children):
        # ("has not condemned", "is not attending": the auxiliary keeps the verb's form; "did not sign")
        kept = bool(aux) and verb.tag_ in ("VBN", "VBG")
        out += [aux[0] if aux else "did", "not", verb.text if kept else verb.lemma_]
    elif verb.dep_ == "conj" and verb.tag_ == "VB" and not aux and (ready := _infinitive_frame(verb)):
        out += ready  # "is ready to deepen trust ... and continue to support": "is ready to continue"
    elif verb.dep_ == "xcomp" and verb.tag_ == "VB" and verb.head.lemma_.lower() in _CONTROL:
        head = verb.head  # "is expected to travel", "agreed to expand"
        head_aux = [c.text for c in head.children if c.dep_ in ("aux", "auxpass")][:1]
        if not head_aux and head.tag_ == "VB" and head.dep_ == "conj" and (ready := _infinitive_frame(head)):
            out += [*ready, "to", verb.text]  # "is ready to deepen trust, and continue to support"
        else:
            out += [*head_aux, head.text, "to", verb.text]
    elif verb.dep_ == "xcomp" and verb.tag_ == "VB" and (
            chosen := [c for c in verb.head.children if c.dep_ == "dobj"]):
        # "chose Rosatom to lead construction": the one chosen does it, not the subject
        out += [verb.head.text, _phrase(chosen[0], 5), "to", verb.text]
    elif verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        out.append(verb.text)  # "was signed by" -> "signed"
    elif verb.tag_ in ("VB", "VBG", "VBZ", "VBP") and aux:
        out += [aux[0], verb.text]
    elif verb.dep_ == "ROOT" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                           for c in verb.children):
        out += ["to", verb.text]  # a headline's plan: "PM of Samoa to visit China"
    elif verb.tag_ == "VB" and verb.dep_ != "ROOT":
        out += ["to", verb.text]  # "deployed ships to patrol the waterway": "... to patrol", a plan's headline
    else:
        out.append(verb.text)
    out += [c.text for c in verb.children if c.dep_ == "prt"]
    return " ".join(out)


def _infinitive_frame(verb: Token) -> list[str]:
    """A bare verb joined to a 'to'-verb before it ("China is ready to deepen trust and continue to support ..."):
    that verb's frame with this verb ("is ready to continue"), else nothing."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.i == verb.i:
        return []
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
        # (joined to the copula itself: "China is ready to deepen trust, and continue to support")
        ready = [c for c in first.children if c.dep_ == "acomp" and c.pos_ == "ADJ" and any(
            x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children) for x in c.children)]
        if first.lemma_ == "be" and ready:
            return [first.text, ready[0].text, "to", verb.text]
        # (or to a verb with its auxiliary: "China will continue to send experts, support Senegal": "will support")
        modal = [c.text for c in first.children if c.dep_ == "aux" and c.tag_ == "MD"][:1]
        return [*modal, verb.text] if modal else []
    frame = first.head
    if frame.pos_ == "ADJ" and frame.dep_ == "acomp":  # "is ready to", "are willing to"
        return [frame.head.text, frame.text, "to", verb.text]
    if frame.pos_ == "VERB" and frame.lemma_.lower() in _CONTROL:  # "agreed to"
        return [frame.text, "to", verb.text]
    return []


_CONTRACTED = {"'re": "are", "'ll": "will", "'ve": "have", "'m": "am", "ca": "can", "wo": "will", "sha": "shall"}


def _spelt(aux: Token, verb: Token) -> str:
    """An auxiliary spelt out, since its subject may be told by name ("they're talking" -> "United States and
    Canada are talking", not "... 're talking")."""
    word = aux.lower_.replace("’", "'")
    if word == "'s":
        return "is" if verb.tag_ == "VBG" else "has"
    if word == "'d":
        return "had" if verb.tag_ == "VBN" else "would"
    return _CONTRACTED.get(word, aux.text)


def _noun_line(trigger: Token, event: Event, actor_tokens: dict[int, Mention], name: Names) -> str:
    """"President Masoud Pezeshkian's two visits to Azerbaijan"; with no actor in the phrase,
    "Azerbaijan and the EU: the third meeting of the High-Level Energy Dialogue"."""
    phrase = _phrase(trigger, OBJECT_WORDS + 3, lead_det=False)
    if any(i in actor_tokens for i in _kept(trigger)):
        return phrase
    return f"{_join([name(c) for c in event.actors])}: {phrase}"


def _kept(head: Token) -> list[int]:
    return [t.i for t in _walk(head)]


def _walk(head: Token, alone: bool = False) -> list[Token]:
    keep: list[Token] = []

    def walk(tok: Token, top: bool) -> None:
        if not top and alone and tok.head.i == head.i and tok.dep_ in ("conj", "cc"):
            return  # (one coordinated part: its partners are told apart)
        if not top:
            if tok.dep_ in _DROP_DEPS or tok.ent_type_ in _TIME_LABELS:
                return
            if tok.dep_ == "prep" and _temporal(tok):
                return  # "on 8 August", "in October"
            if tok.dep_ == "acl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                return  # "the Treaty ..., brokered by"; keeps "an agreement to establish"
            if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.head.dep_ not in ("amod", "compound"):
                return  # (another clause; not a participle among adjectives: "the largest and longest-running")
            if tok.dep_ == "advmod" and tok.lower_.endswith("ly") and tok.head.pos_ in ("NOUN", "PROPN", "VERB"):
                return  # "most notably", "widely": asides, not what happened ("mutually beneficial" stays)
            if tok.is_punct and tok.text not in _INNER_PUNCT:
                return
        for c in tok.lefts:
            walk(c, False)
        keep.append(tok)
        for c in tok.rights:
            walk(c, False)

    walk(head, True)
    return keep


_INNER_PUNCT = {"-", "–", "—", "'", "’", ",", "/", "&"}


def _phrase(head: Token, limit: int, lead_det: bool = True, alone: bool = False) -> str:
    """The phrase under ``head`` without clauses, asides and dates, cut at ``limit`` words (``alone``: without the
    parts coordinated to it)."""
    keep = _walk(head, alone)
    # a hyphenated word stays whole ("Indian-administered Kashmir", not "-administered Kashmir")
    ids = {t.i for t in keep}
    keep += [t.doc[t.i - 1] for t in keep if t.tag_ == "HYPH" and t.i > 0 and t.i - 1 not in ids
             and t.whitespace_ == "" and not t.doc[t.i - 1].whitespace_]
    keep = sorted(keep, key=lambda t: t.i)
    if not lead_det:
        while len(keep) > 1 and keep[0].dep_ == "det" and keep[0].lower_ in ("the", "a", "an"):
            keep = keep[1:]
    words = [t for t in keep if not t.is_punct]
    if len(words) > limit:
        last = _unbroken(words[limit - 1], {t.i for t in keep})
        keep = [t for t in keep if t.i <= last]
    while len(keep) > 1 and (keep[-1].is_punct or keep[-1].pos_ in ("ADP", "DET", "CCONJ", "PART", "PRON", "AUX")):
        keep.pop()  # never end on "of", "the", "and", "to" or a comma
    while len(keep) > 1 and keep[0].is_punct:
        keep = keep[1:]
    out = ""
    for prev, tok in zip([None, *keep[:-1]], keep, strict=True):
        if prev is not None:
            out += prev.whitespace_ if tok.i == prev.i + 1 else " "
        out += _as_inside(tok)
    return out


def _as_inside(tok: Token) -> str:
    """A word as it reads inside a line: the capital a sentence gave its first word goes when that word is a
    common one ("The signing ceremony was attended by Rubio" -> "Rubio attended the signing ceremony")."""
    if tok.i == tok.sent.start and tok.pos_ in ("DET", "PRON", "ADJ", "NOUN", "ADP") and tok.text[:1].isupper() and (
            not tok.ent_type_ and tok.text[1:].islower()):
        return tok.text.lower()
    return tok.text


_NAME_WAIT = 4  # words a cut may run on to end a name or a noun whole


def _unbroken(last: Token, kept: set[int]) -> int:
    """Where a cut after ``last`` ends so that it breaks no name and leaves no modifier without its noun ("with
    Saudi Crown Prince Mohammed bin| Salman", "with Argentina's central| bank"): on to the name's or the noun's last
    word when it is near, else back to before the name or noun phrase begins."""
    doc, end = last.doc, last.i
    for _ in range(_NAME_WAIT + 1):
        if not _continues(doc, end, kept):
            return end
        end += 1
    start = last.i  # too long to end whole
    while start - 1 in kept and _continues(doc, start - 1, kept):
        start -= 1
    return start - 1


_MODIFIERS = {"compound", "amod", "nmod", "poss", "case", "det"}


def _continues(doc: Doc, i: int, kept: set[int]) -> bool:
    """The kept word after ``i`` belongs to the same name, or is on the way to the noun ``i`` modifies, or is joined
    to it by a hyphen ("far-right")."""
    return i + 1 < len(doc) and i + 1 in kept and (
        doc[i + 1].ent_iob_ == "I" or (doc[i].dep_ in _MODIFIERS and doc[i].head.i > i)
        or (not doc[i].whitespace_ and "HYPH" in (doc[i].tag_, doc[i + 1].tag_)))


def _join(names: Sequence[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " and " + names[-1]


_OVERRUN = 3  # words a line may run over MAX_WORDS rather than lose the end of what it tells ("are full of lies")


def _tidy(line: str) -> str:
    words = line.replace("\n", " ").split()
    if len(words) > MAX_WORDS + _OVERRUN:
        words = words[:MAX_WORDS]
        while len(words) > 3 and words[-1].lower() in {"of", "the", "a", "an", "and", "to", "in", "on", "with",
                                                        "for", "by", "at", "from", "its", "their"}:
            words.pop()
        words[-1] = words[-1].rstrip(",;:")
        words.append("…")
    text = " ".join(words).replace(" ,", ",").replace("( ", "(").replace(" )", ")")
    text = text.strip(" ,;:")
    return text[:1].upper() + text[1:] if text else ""
