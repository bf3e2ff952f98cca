"""Find the words of a sentence that name events: verbs and event nouns of the PLOVER lexicon, a light verb
with its event noun ("held talks"), phrases with their particle or object ("give in", "lift restrictions")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from diplomap.extract.gazetteer import ACTOR_LABELS
from diplomap.extract.lexicon import Lexicon, TriggerEntry
from diplomap.extract.syntax import (
    TriggerMatch,
    governing_verb,
    is_argument,
    is_light,
    meeting_as_setting,
    names_a_guest,
    names_words_said,
    near_lemmas,
    noun_doers,
    of_objects,
    topic_of,
)
from diplomap.knowledge.grammar import (
    ACT_NOUNS,
    APPROVING,
    AUTHOR_ADJ,
    BLAME_NOUNS,
    BLAME_VERBS,
    BLOWS,
    COMMENTING,
    COURTESIES,
    CRIMES,
    DEMANDING,
    ENABLERS,
    FAULTS,
    FORCES,
    HAPPENING,
    HELD,
    KNOWING,
    MANNER_NOUNS,
    NAMING_NEGATIVE,
    NAMING_POSITIVE,
    NAMING_VERBS,
    OBLIGATION,
    OCCASIONS,
    OPINION_NOUNS,
    OWN_AGENTS,
    PARTICLES,
    REPORTING,
    SPEECH_NOUNS,
    STANDING,
    THING_NOUNS,
    TOPIC_PREPS,
    WANTING,
)

# entity labels that are counts or times, not whose a thing is ("the first boat")
NUMBER_LABELS = frozenset({"ORDINAL", "CARDINAL", "DATE", "TIME", "QUANTITY", "PERCENT", "MONEY"})


def _for_clause(clause: Token) -> bool:
    """A clause with its own subject after "for" ("for all parties to return")."""
    return any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)


PHRASE_FRAMES = frozenset({"opens_a_work"})  # frames (trigger_frames.csv) any word of a trigger phrase brings


class TriggerFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def find(self, sent: Span) -> list[TriggerMatch]:
        found: list[TriggerMatch] = []
        for tok in sent:
            lemma = tok.lemma_.lower()  # (read once: spaCy makes the string anew at every read)
            if lemma in REPORTING and _blames(tok):
                # "Lin said the Philippines bore full responsibility": the teller accuses the one it blames
                found.append(self._trigger(tok, tok, self.lex.verb_entry(tok.lemma_, "ACCUSE", "Allege"), [tok]))
                continue
            if lemma in REPORTING and _judges(tok):
                # "China said the Philippines' actions were illegal": the teller condemns what it so judges
                found.append(self._trigger(tok, tok, self.lex.verb_entry(tok.lemma_, "ACCUSE", "Disapprove"),
                                           [tok]))
                continue
            if lemma == "blame" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be":
                continue  # "Kabul was to blame": the blame is the teller's (above)
            if lemma in NAMING_VERBS and self._names_something(tok):
                naming = self._naming(tok)
                if naming is not None:
                    found.append(naming)
                continue
            if tok.dep_ in ("amod", "compound") and tok.tag_ in ("VBN", "VBD", "VBG"):
                continue  # "Pakistan-Occupied Kashmir", "the annexed peninsula": a participle describes a name
            if tok.pos_ in ("VERB", "AUX") or (tok.tag_.startswith("VB") and tok.pos_ != "NOUN"):
                # ("re-open" is the lexicon's "reopen")
                entry, words = self._match(tok, self.lex.verbs.get(lemma) or self.lex.verbs.get(
                    lemma.replace("-", ""), []), verb=True)
                if entry is None:
                    continue  # (most verbs: none of the checks below can make them a trigger)
                if self.lex.has_frame(lemma, "no_clause") and any(
                        c.dep_ == "xcomp" or (c.dep_ == "ccomp" and not _for_clause(c)) for c in tok.children):
                    entry = None  # "helped to push", "sought to recalibrate", "demonstrated that": not events
                    # (a clause "for all parties to return" is a noun's, whatever the parser says: "supports the
                    # positions of Uganda in their call for all parties to return")
                # ("contributed to violence": the parser may take "to violence" for an infinitive of a noun)
                to_noun = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "NOUN"
                           and any(a.lower_ == "to" for a in c.children)]
                if (entry is not None and len(entry.words) == 1 and self.lex.has_frame(lemma, "needs_object")
                        and not any(c.dep_ in ("dobj", "dative", "nsubjpass", "xcomp", "conj") and c not in to_noun
                                    for c in tok.children)
                        and (to_noun or any(c.dep_ == "prep" and c.lower_ in ("to", "towards") for c in tok.children))):
                    entry = None  # "contributed to restoring channels": giving needs something given
                if (entry is not None and len(entry.words) == 1 and self.lex.has_frame(lemma, "needs_object")
                        and (any(c.dep_ in ("dobj", "nsubjpass") and _said_or_shown(c) for c in tok.children)
                             or (tok.dep_ == "acl" and tok.head.lemma_.lower() in SPEECH_NOUNS))):
                    entry = None  # "delivered a speech", "released a communique", "a photo released by": said or shown
                if (entry is not None and entry.type != "CONSULT" and self.lex.has_frame(lemma, "visitor_acts")
                        and any(c.dep_ == "dobj" and names_a_guest(c) for c in tok.children)):
                    # "Milei received Bolsonaro", "Starmer welcomed his Indian counterpart", "welcomed the SCO heads
                    # of government": receiving a person is a visit (a guest told as a passive's subject: type change
                    # guest_welcomed)
                    entry = self.lex.verb_entry(tok.lemma_, "CONSULT", "Visit")
                if entry is not None and self.lex.has_frame(lemma, "party_acts") and any(
                        c.dep_ == "nsubj" and (c.lemma_.lower() in OPINION_NOUNS or (
                            c.lemma_.lower() in THING_NOUNS
                            and not any(t.ent_type_ and t.ent_type_ not in NUMBER_LABELS
                                        for a in c.children if a.dep_ in ("poss", "compound", "amod")
                                        for t in a.subtree))) for c in tok.children):
                    # "the tariffs threatened to blow up the accord", "the escalation in Port Sudan threatens
                    # security": a risk, not a threat ("Russia's escalation" is Russia's act; "France's stance clashed
                    # with Italian policies" is no one's fight; "the first boat ... arrived" is no one's visit)
                    entry = None
                if entry is not None and self.lex.has_frame(lemma, "no_comment") and any(
                        c.dep_ == "xcomp" and c.lemma_.lower() in COMMENTING for c in tok.children):
                    entry = None  # "declined to comment", "refused to be drawn": no one is refused
                if entry is not None and self.lex.has_frame(lemma, "with_party") and not any(
                        t.ent_type_ for t in _after(tok, ("with",))):
                    entry = None  # "Palestinians celebrate in Gaza streets": with no one
                if entry is not None and self.lex.has_frame(lemma, "occasion") and _on_an_occasion(tok):
                    entry = None  # "congratulated Peru on its national day": a courtesy
                if entry is not None and self.lex.has_frame(lemma, "joins_a_body") and any(
                        (c.dep_ == "dobj" and c.ent_type_ in ("STATE", "CAPITAL", "PERSON")) or c.dep_ == "xcomp"
                        for c in tok.children):
                    # "joining the U.S. as the only countries to ...": siding with a state; "joined Macron to sign
                    # a statement": the act is the signing, done with him
                    entry = None
                if entry is not None and self.lex.has_frame(lemma, "own_object") and _own_object(tok):
                    entry = None  # "defended its decision": a party's own act, no support of another
                if (entry is not None and self.lex.has_frame(lemma, "questioned") and tok.tag_ == "VBN"
                        and tok.dep_ in ("advcl", "ccomp", "csubj") and not any(c.dep_ == "nsubjpass"
                                                                                for c in tok.children)):
                    entry = None  # "Asked by reporters about the island, Trump said ...": a question to the speaker
                if entry is not None and self.lex.has_frame(lemma, "not_a_crime") and any(
                        c.dep_ == "dobj" and c.lemma_.lower() in CRIMES for c in tok.children):
                    entry = None  # "committed genocide": a crime, no commitment
                if entry is not None and self.lex.has_frame(lemma, "needs_force") and any(
                        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() not in FORCES | HELD and not any(
                            a.lower_ == "military" for a in c.children) for c in tok.children):
                    entry = None  # "reinforce our dialogue": no forces reinforced (not "reinforced its troops")
                if entry is not None and self.lex.has_frame(lemma, "no_standing") and any(
                        c.dep_ == "dobj" and c.lemma_.lower() in STANDING for c in tok.children):
                    entry = None  # "building a relationship": an aim, no project
                if (entry is not None and len(entry.words) == 1 and self.lex.has_frame(lemma, "admits_fault")
                        and not any(t.lemma_.lower() in FAULTS for c in tok.children
                                    if c.dep_ in ("dobj", "ccomp", "prep", "xcomp") for t in c.subtree)
                        and not _own_act_told(tok)):
                    entry = None  # "acknowledged the need to remain clear-eyed": no fault, no concession
                if entry is not None and self.lex.has_frame(lemma, "asks_from") and not _asks_someone(tok, words):
                    entry = None  # "seeking a lasting settlement", "seeking closer ties with Brazil": asks no one
                if (entry is not None and len(entry.words) == 1 and self.lex.has_frame(lemma, "addressed")
                        and not _addresses_someone(tok)):
                    entry = None  # "encouraged more imports from Zambia": urges no one in particular
                if entry is not None and self.lex.has_frame(lemma, "enabling") and any(
                        c.dep_ in ("nsubj", "csubj") and c.lemma_.lower() in ENABLERS for c in tok.children):
                    entry = None  # "Indonesia's assistance allowed Fiji to move forward": a thing enables it
                if entry is not None and self.lex.has_frame(lemma, "perceived") and any(
                        c.dep_ == "auxpass" for c in tok.children) and any(
                        c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
                    entry = None  # "was received by the public as a gesture of friendship": how it was taken
                if entry is not None and self.lex.has_frame(lemma, "directs") and not _directs_someone(tok):
                    entry = None  # "told reporters that ...": a saying, no request
                if entry is not None:
                    found.append(self._trigger(tok, tok, entry, words))
            elif tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ in _NAMED_OCCASIONS and tok.dep_ not in (
                    "compound", "amod", "poss"):
                # (an event noun the statistical NER took for part of a name of a place or an event: "the Fourth
                # Ministerial Meeting of the Forum", "the G20 Summit")
                entry, words = self._match(tok, self.lex.nouns.get(lemma, []), verb=False)
                if (entry is not None and not self._modifies_an_event(tok) and not self._why_another_act(tok)
                        and not self._topic_of_talks(tok)):
                    found.append(self._trigger(tok, tok, entry, words))
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
                    # ("Peru's congress approved the deployment of troops": that act, as a light verb's)
                    if direct and len(verb.entry.words) == 1 and (
                            (is_light(gov) and verb.entry.type != trig.entry.type) or _approved_act(gov, trig)):
                        verbs[gov.i] = self._trigger(verb.token, verb.head, trig.entry, [*verb.words, trig.token])
                        continue
                    if not (direct and _reacted_to(trig, verb)) and not _met_at(trig, verb):
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
        return [t for t in result if t.token.i not in in_phrase and not topic_of(t.token, heads)
                and not _gerund_topic(t.token, heads | in_phrase)]

    def _topic_of_talks(self, noun: Token) -> bool:
        """'Talks on an agreement between EFTA and Mercosur', 'negotiations over a ceasefire': what is talked about,
        not an act of its own (the talks are)."""
        prep = noun.head
        return (noun.dep_ == "pobj" and prep.lower_ in (*TOPIC_PREPS, "on") and prep.head.pos_ == "NOUN"
                and self.lex.names_a_meeting(prep.head.lemma_))

    def _why_another_act(self, noun: Token) -> bool:
        """'summoned the envoy in protest', 'In retaliation, India launched strikes': why the act of the verb was
        done, no act of its own ("continued a hunger strike in protest" has no act in its verb: the protest is)."""
        verb = noun.head.head
        return (noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.lemma_.lower() in MANNER_NOUNS
                and verb.pos_ in ("VERB", "AUX") and (
                    is_light(verb) or bool(self.lex.word_types(verb.lemma_, verb=True, alone=True))))

    def _modifies_an_event(self, noun: Token) -> bool:
        """'The ceasefire meeting between ...' parsed as a ceasefire that is meeting: the event is the meeting,
        the noun before it only says what it was about."""
        nxt = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
        return (noun.pos_ == "NOUN" and nxt is not None and nxt.head.i == noun.i and nxt.dep_ == "acl"
                and nxt.tag_ == "VBG" and nxt.lower_ in self.lex.nouns
                and not any(c.dep_ == "dobj" for c in nxt.children))

    @staticmethod
    def _named(verb: Token) -> list[Token]:
        """What a verb of naming calls its object: 'an act of war' in 'called the strikes an act of war'; an
        adjective the parser made a clause of its own ('branded Chile's tariffs unfair')."""
        named = [c for c in verb.children if c.dep_ in ("oprd", "acomp") or (
            c.dep_ == "prep" and c.lower_ == "as" and verb.lemma_.lower() != "call") or (
            c.dep_ == "ccomp" and c.pos_ == "ADJ")]
        # 'called the threat by Venezuela unacceptable', 'called the decision "unjustified"': the parser hangs the
        # adjective inside the object
        for obj in (c for c in verb.children if c.dep_ == "dobj" and not named):
            last = max((t for t in obj.subtree if not t.is_punct), key=lambda t: t.i)
            if last.tag_ == "JJ" and last.i > obj.i and last.dep_ in ("pobj", "appos", "dobj", "amod"):
                named.append(last)
            # 'dubbed Ukraine's decision to halt the supplies as "sabotage"': the "as" that closes the object,
            # hung by the parser on a word inside it
            closing = [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "as" and t.i > obj.i
                       and max(g.i for g in t.subtree) >= last.i]
            if closing and not named and verb.lemma_.lower() != "call":
                named.append(closing[-1])
        if not named and names_words_said(verb):
            # 'called the statements of the president, that Russia threatens Europe, lies and fake': what words
            # said are called closes the sentence, wherever the parser hangs it
            last = max((t for t in verb.subtree if not t.is_punct), key=lambda t: t.i)
            named += [last, last.head] if last.dep_ == "conj" else [last]
        return named

    def _names_something(self, verb: Token) -> bool:
        """'called the meeting productive' names; 'called Erdogan' and 'called for talks' do not."""
        return bool(self._named(verb))

    def _naming(self, verb: Token) -> TriggerMatch | None:
        """'called the strikes an act of war' (ACCUSE), 'called the meeting productive' (SUPPORT): naming an act
        with a word of stance (grammar.toml, [naming]) is that stance; naming without one is no event (None)."""
        named = self._named(verb)
        words = {t.lemma_.lower() for c in named for t in c.subtree} | {t.lower_ for c in named for t in c.subtree}
        etype = "ACCUSE" if words & NAMING_NEGATIVE else "SUPPORT" if words & NAMING_POSITIVE else ""
        if not etype or (etype == "SUPPORT" and self._own_act(verb)):
            return None
        if any(c.dep_ == "dobj" and c.lower_ in ("what", "which") for c in verb.children) and not any(
                t.ent_type_ in ACTOR_LABELS for c in named for t in c.subtree):
            # "targeting what it described as terrorist infrastructure": a thing, no party named (not "what it
            # described as repeated Israeli violations")
            return None
        mode = "Disapprove" if etype == "ACCUSE" else ""
        entry = self.lex.verb_entry(verb.lemma_, etype, mode)
        return self._trigger(verb, verb, entry, [verb])

    def _own_act(self, verb: Token) -> bool:
        """'Maduro called the meeting productive', 'described the deal as historic': praising an act (a meeting,
        a deal) whose parties the phrase does not name is the speaker judging its own act, a courtesy and no
        SUPPORT; 'called the Saudi-Iranian deal historic' names others' act."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        # "called the meeting productive" parsed as one noun phrase: the act is a compound of the word named
        objects = objects or [c for n in self._named(verb) for c in n.children if c.dep_ == "compound"]
        return bool(objects) and all((o.lemma_.lower() in ACT_NOUNS or o.lower_ in ACT_NOUNS)
                                     and not any(t.ent_type_ for t in o.subtree) for o in objects)

    def obligations(self, sent: Span) -> list[TriggerMatch]:
        """'X said Y must (should) do Z', 'X insisted that Y withdraw' (a bare verb: what X demands of Y) is X asking
        Y: a REQUEST whose trigger is the reporting verb; so is 'X wants (told, is pushing) Y to do Z', Y a party
        (grammar.toml verbs.wanting)."""
        out = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if lemma in WANTING and _wants_of_a_party(tok):
                out.append(self._trigger(tok, tok, self.lex.verb_entry(tok.lemma_, "REQUEST"), [tok]))
                continue
            if lemma not in REPORTING and lemma not in DEMANDING:  # ("suggested that Peru reconsider")
                continue
            for c in tok.children:
                if any(s.dep_ == "nsubj" and s.lower_ in ("we", "i") for s in c.children):
                    continue  # "we must keep alive the only alternative": what the speaker's side owes, asks no one
                if c.dep_ == "ccomp" and (any(a.dep_ == "aux" and a.lower_ in OBLIGATION for a in c.children)
                                          or (lemma in DEMANDING and _mandative(c))):
                    entry = self.lex.verb_entry(tok.lemma_, "REQUEST")
                    out.append(self._trigger(tok, tok, entry, [tok]))
                    break
        return out

    def _trigger(self, token: Token, head: Token, entry: TriggerEntry, words: list[Token]) -> TriggerMatch:
        frames = self.lex.frames.get(token.lemma_.lower(), frozenset())
        # (a frame that holds for any word of the phrase: "attend the inauguration of President Deby")
        phrase = {f for w in words if w.i != token.i for f in self.lex.frames.get(w.lemma_.lower(), ())} & PHRASE_FRAMES
        return TriggerMatch(token, head, entry, words, frames | phrase)

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
            if verb and any(_behind_another_object(tok, h, entry) for h in hits if h is not None):
                continue
            if all(h is not None for h in hits):
                return entry, [tok, *[h for h in hits if h is not None]]
        return None, []


_NAMED_OCCASIONS = frozenset({"", "FAC", "EVENT"})


def _behind_another_object(verb: Token, word: Token, entry: TriggerEntry) -> bool:
    """Is a phrase's noun only the reason ("for") of a verb whose own object is another thing? "expressed
    gratitude to India for its support" expressed gratitude, not support; "provided Chad with aid" still provided
    aid (its object is a party, not a thing), "put the pact on hold" put it on hold."""
    prep = word.head
    if prep.dep_ != "prep" or prep.lower_ != "for" or prep.head.i != verb.i:
        return False
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and not c.ent_type_ and c.lemma_.lower() not in entry.words
               for c in verb.children)


def _blames(verb: Token) -> bool:
    """A verb of saying whose clause puts the blame on its subject: 'X bore full responsibility', 'X is to blame',
    'X was solely responsible' (grammar.toml: naming.blame_verbs, blame_nouns; adjectives.authorship)."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    # ("said Poland knew for sure that Russian services were behind the fire": what the teller says it knows)
    clauses += [g for c in clauses if c.lemma_.lower() in KNOWING for g in c.children if g.dep_ == "ccomp"]
    for clause in clauses:
        lemma = clause.lemma_.lower()
        if any(c.dep_ == "neg" for c in clause.children):
            continue  # "said China is not to blame": blame denied
        if lemma in BLAME_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in BLAME_NOUNS for c in clause.children):
            return True
        if lemma == "be" and any((c.dep_ == "acomp" and c.lemma_.lower() in AUTHOR_ADJ
                                  and not any(g.dep_ == "prep" for g in c.children))
                                 or (c.dep_ == "xcomp" and c.lemma_.lower() == "blame") for c in clause.children):
            return True  # (not "responsible for the attack": the attack's own telling accuses)
        if lemma == "be" and any(c.dep_ == "prep" and c.lower_ == "behind" for c in clause.children) and any(
                t.ent_type_ in ACTOR_LABELS for c in clause.children if c.dep_ == "nsubj" for t in c.subtree):
            return True  # "said Russian secret services were behind the fire" (unless what it was is an attack the
            # coder reads: authoring_verb)
    return False


def _mandative(clause: Token) -> bool:
    """A clause in the bare form with its own subject and no auxiliary: 'insisted that Kyiv withdraw its troops' (the
    tagger may read the bare form after a singular subject as a plural present: 'suggested the Commission
    consider')."""
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    bare = clause.tag_ == "VB" or (clause.tag_ == "VBP" and any(s.tag_ in ("NN", "NNP") for s in subjects))
    return bare and bool(subjects) and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)


def _wants_of_a_party(verb: Token) -> bool:
    """'wants the United States to lift its sanctions', 'told the IAEA to stop': a party (the object) and what it
    is to do (an infinitive)."""
    told = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    # (the parser may make the party the infinitive's subject: "wants the United States to lift")
    parties = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        s for c in told for s in c.children if s.dep_ == "nsubj"]
    return bool(told) and any(p.ent_type_ in ACTOR_LABELS for p in parties)


# verbs by which an act shows what it is ("the expulsion shows an intolerance unbecoming of democracies")
_SHOWING = frozenset({"show", "reflect", "demonstrate", "constitute", "represent", "reveal"})


def _judges(verb: Token) -> bool:
    """A verb of saying whose clause judges a party's act or words with a word of judgement (grammar.toml
    naming.negative): 'said the Philippines' actions were illegal', 'said Canada's allegations were preposterous',
    'said the US decision was a hostile act' (not 'said the situation was dangerous': no party's; not 'said the
    accusation against Israel was unfounded': Israel's is not the accusation; not 'was not illegal')."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        showing = clause.lemma_.lower() in _SHOWING  # "said Venezuela's expulsion shows an intolerance ..."
        if (clause.lemma_.lower() != "be" and not showing) or any(c.dep_ == "neg" for c in clause.children):
            continue
        judged = [w for c in clause.children if c.dep_ in (("dobj",) if showing else ("acomp", "attr"))
                  for w in _judgement_words(c)]
        owners = [t for c in clause.children if c.dep_ == "nsubj"
                  for t in (c, *(t for a in c.children if a.dep_ in ("poss", "compound", "amod") for t in a.subtree))]
        if ({t.lemma_.lower() for t in judged} | {t.lower_ for t in judged}) & NAMING_NEGATIVE and any(
                t.ent_type_ in ACTOR_LABELS for t in owners):
            return True
    return False


def _judgement_words(word: Token) -> list[Token]:
    """A complement's words that judge: itself, its modifiers and what it is 'of' ("an act of aggression"), those it
    is joined to ("unfriendly and reckless"), none under a negation ("defensive and not a threat")."""
    if any(c.dep_ == "neg" for c in word.children):
        return []
    out = [word]
    for c in word.children:
        if c.dep_ in ("amod", "compound", "conj"):
            out += _judgement_words(c)
        elif c.dep_ == "prep" and c.lower_ == "of":
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _asks_someone(verb: Token, words: list[Token]) -> bool:
    """Whether a verb of asking names whom it asks: a party after "from" ("sought a loan from the IMF") or as the
    owner of what is asked ("sought Russia's help"); when a phrase of the lexicon names what is asked, also after
    "with" or "in" on the verb or that word ("sought talks with New Delhi", "sought refuge in Germany"; not
    "seeking alliances with Russia for support")."""
    preps = ("from", "with", "in") if len(words) > 1 else ("from",)
    heads = [verb, *(w for w in words if w.i != verb.i)]
    asked = [t for h in heads for t in _after(h, preps)]
    asked += [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree if t.dep_ == "poss"]
    asked += [t for c in verb.children if c.dep_ == "dobj" for p in c.children
              if p.dep_ == "prep" and p.lower_ == "from" for t in p.subtree]
    return any(t.ent_type_ for t in asked)


def _said_or_shown(noun: Token) -> bool:
    """Words or pictures (grammar.toml nouns.speech), or a counted measure of them: "a communique", "about 40 seconds
    of footage"; or a blow dealt (nouns.blows): "delivered a stunning blow to France's influence"."""
    return noun.lemma_.lower() in SPEECH_NOUNS | BLOWS or (any(n.dep_ == "nummod" for n in noun.children) and any(
        w.lemma_.lower() in SPEECH_NOUNS for w in of_objects(noun)))


def _addresses_someone(verb: Token) -> bool:
    """Whether a verb of urging names whom it urges: a party, a person or a pronoun as its object, or whoever is to
    do what its infinitive tells ("encouraged Zambia to export more", "encouraged both sides to talk"), or whose
    part it urges ("encouraged China's constructive role"), not a thing ("encouraged more imports")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(c.dep_ == "xcomp" for c in verb.children) or any(
        c.ent_type_ or c.pos_ in ("PRON", "PROPN") for c in objects) or any(
        g.dep_ == "poss" and g.ent_type_ for c in objects for g in c.children)  # "encouraged China's role"


def _directs_someone(verb: Token) -> bool:
    """Whether a verb of telling tells someone named what to do: an object and a 'to'-verb ("told Vucic to avoid
    provocations", "told the ships not to enter"), not a report ("told reporters that", "told Reuters")."""
    return any(c.dep_ in ("dobj", "dative") for c in verb.children) and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)


def _own_act_told(verb: Token) -> bool:
    """Does the clause a verb governs tell what the speaker's own forces or things did ("acknowledged that its
    drone strayed into Iranian airspace", "admitted that their troops crossed the border"): an admission of an
    act of its own, whatever the act."""
    return any(s.dep_ in ("nsubj", "nsubjpass") and s.lemma_.lower() in OWN_AGENTS
               and any(p.dep_ == "poss" and p.lower_ in ("its", "their", "our") for p in s.children)
               for c in verb.children if c.dep_ == "ccomp" for s in c.children)


def _own_object(verb: Token) -> bool:
    """The object is the actor's own, by a possessive pronoun, and names no party: "defended its decision",
    "defended the presence of its patrol vessel" (not "defended Serbia's position")."""
    objects = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
    return any(t.dep_ == "poss" and t.lower_ in ("its", "their", "our", "his", "her") for t in objects) and not any(
        t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in objects)


def _on_an_occasion(word: Token) -> bool:
    """'congratulated Peru on its national day', 'greetings on the occasion of Eid': paid on an occasion; 'praised
    the Ivorian people for the welcome and hospitality': for a courtesy (nouns.courtesies)."""
    return any(t.lemma_.lower() in OCCASIONS or t.lower_ == "occasion" for t in _after(word, ("on", "for"))) or any(
        t.lemma_.lower() in COURTESIES and t.dep_ in ("pobj", "conj") for t in _after(word, ("for",)))


# the acts a state's own approval does ("approved the deployment of troops", "authorized the delivery of aid")
_APPROVED_ACTS = frozenset({"MOBILIZE", "AID", "COOPERATE", "SANCTION", "RETREAT", "COERCE", "ASSAULT"})


def _approved_act(verb: Token, act: TriggerMatch) -> bool:
    """A verb of approving (grammar.toml verbs.approving) whose object is an act the approver's state does: a
    deployment only of forces ("approved the deployment of troops"; observers approved stay a support)."""
    return verb.lemma_.lower() in APPROVING and act.entry.type in _APPROVED_ACTS and (
        act.entry.type != "MOBILIZE" or any(t.lemma_.lower() in FORCES for t in of_objects(act.token)))


def _reacted_to(act: TriggerMatch, stance: TriggerMatch) -> bool:
    """'welcomed the signing of a memorandum', 'condemned the Israeli strike': the act a stance is taken on is news of
    its own (trait reacted_to); a hostile one only when condemned, not backed ('recognised Morocco's annexation'),
    and with its doer named in its phrase."""
    if not ("reaction" in stance.entry.traits and "reacted_to" in act.entry.traits
            and stance.entry.type != act.entry.type):
        return False
    return "hostile" not in act.entry.traits or ("cooperative" not in stance.entry.traits and any(
        act.token.doc[i].ent_type_ in ACTOR_LABELS for i in noun_doers(act.token, act.entry.traits)))


def _met_at(noun: TriggerMatch, verb: TriggerMatch) -> bool:
    """'failed to reach an agreement at talks in Brussels', 'signed the accord during the summit': a meeting the act of
    another kind was done at is a happening of its own (a meeting at a meeting is the same one)."""
    return meeting_as_setting(noun) and verb.entry.type != "CONSULT" and noun.token.head.head.i in (verb.token.i, *(
        c.i for c in verb.token.children if c.dep_ == "dobj"))


def _gerund_topic(verb: Token, triggers: set[int]) -> bool:
    """'reached an agreement with Chile on patrolling along the border', 'talks over deploying troops', 'imposed
    measures on importing brandy' (``triggers``: trigger words): the gerund says what another act is about; it is no
    act of its own."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in (*TOPIC_PREPS, "on"):
        return False
    host = verb.head.head
    return host.i in triggers or any(c.dep_ == "dobj" and c.i in triggers for c in host.children)


def _after(word: Token, preps: tuple[str, ...]) -> list[Token]:
    """The words of the word's prepositional phrases opened by one of ``preps`` ("with Jordan's king")."""
    return [t for c in word.children if c.dep_ == "prep" and c.lower_ in preps for t in c.subtree]
