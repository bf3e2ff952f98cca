"""Who acts in a trigger's clause: its subject (across conjuncts, reported clauses and controlling verbs), and
the subjects the parser misplaced (a fronted place or phrase taken for the subject, a main verb hung on a relative
clause). Pure functions of spaCy tokens, as syntax.py's.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplomap.extract.gazetteer import ACTOR_LABELS
from diplomap.extract.syntax import (
    SUBJECT_DEPS,
    TriggerMatch,
    authoring_verb,
    governing_verb,
    listed_before,
    meeting_as_setting,
    noun_doers,
)
from diplomap.knowledge.grammar import ALLEGING, CONTROLLING, CROWNING, PRONOUNS, REPORTING, RESOLVES, STATIVE


def subject_tokens(trig: TriggerMatch) -> set[int]:
    """Tokens of the acting side: the clause subject (inherited across conjuncts), agents, possessors."""
    out: set[int] = set()
    node: Token | None = trig.head
    if (trig.head.dep_ == "attr" and trig.head.head.lemma_.lower() == "be" and trig.head.pos_ == "NOUN"
            and "characterization" in trig.frames):
        node = trig.head.head  # "Arce's comments were an interference": what the subject of "were" is, it did
    via = ""  # the dependency climbed to reach node
    for _ in range(4):
        if node is None:
            break
        subj = [c for c in node.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "nsubjpass"]
        if not subj and node.dep_ == "xcomp" and node.head.lemma_.lower() in CONTROLLING:
            # "prompting Nairobi to retaliate", "called on Pakistan to release": the object does what the infinitive
            # tells
            subj = [c for c in node.head.children if c.dep_ == "dobj"] or [
                g for c in node.head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < node.i
                for g in c.children if g.dep_ == "pobj"]
        for c in node.children:
            if c.dep_ == "agent":
                subj += [g for g in c.children if g.dep_ == "pobj"]
        if not subj and any(c.dep_ == "nsubjpass" for c in node.children):
            if via == "xcomp" or (node.lemma_.lower() in STATIVE and any(
                    c.dep_ == "prep" and c.lower_ == "to" for c in node.children)):
                # ("Israel is opposed to French mediation": a stance its subject holds)
                # "A and B are expected to sign": the subject of the raising verb signs
                subj = [c for c in node.children if c.dep_ == "nsubjpass"]
            else:
                break  # passive with no agent: the subject undergoes the event
        if not subj and node.pos_ == "VERB":
            # ("Nauru switched its allegiance": a name the parser took for an adverb of the verb is its subject)
            subj = [c for c in node.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < node.i
                    and c.ent_type_ in ACTOR_LABELS]
        if not subj:
            subj = names_hung_before(node)
        fronted = not subj and node.pos_ in ("VERB", "AUX")
        if fronted:
            subj = fronted_subject(node)
        elif len(subj) == 1 and (after := fronted_after_phrase(node, subj[0])):
            fronted, subj = True, after
        if not subj and misparsed_main_verb(node):
            root = node.sent.root  # its subject: the root's phrase, without the verb and the relative clause
            told = {t.i for t in node.subtree} | {t.i for r in root.children if r.dep_ == "relcl" for t in r.subtree}
            out.update(t.i for t in root.subtree if t.i not in told)
            break
        pronoun = subj and all(x.pos_ == "PRON" and x.lower_ in PRONOUNS for x in subj)
        as_it = node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in node.children)
        if pronoun and (node.dep_ in ("ccomp", "relcl") or as_it) and not any(
                c.dep_ == "nsubj" and (c.lower_ in ("this", "that") or (c.lower_ == "it" and subj[0].lower_ in (
                    "he", "she"))) for c in node.head.children):
            # "Benin said it would ...", "Baku elevated the agreement, which it signed with China", "the regime is
            # deepening ties with Russia as it seeks membership": "it" is the subject of the clause above (through
            # the noun a relative clause describes; not "this" in "This means we will sever relations", nor a
            # statement's "it" in "He called on Iran to end the occupation, it added": he is no statement)
            via, node = node.dep_, node.head
            if node.pos_ in ("NOUN", "PROPN"):  # "attended the summit in Tianjin, where he met Xi"
                node = governing_verb(node) or node
            continue
        infinitive = not subj and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)
        if (pronoun or infinitive) and node.dep_ == "acl" and node.head.pos_ == "NOUN":
            told_by = noun_doers(node.head, frozenset({"voiced"}))
            if any(node.doc[i].ent_type_ in ACTOR_LABELS for i in told_by):
                # "a U.S. announcement that it would lift all sanctions": "it" is who made the announcement;
                # "Trump's decision to delay tariffs": whose decision it is acts
                out |= told_by
                break
            if (infinitive and node.head.lemma_.lower() in RESOLVES and node.head.dep_ == "dobj"
                    and node.head.head.pos_ in ("VERB", "AUX")):
                # "Kishida conveyed the decision to provide a research vessel": who holds the decision acts
                via, node = "dobj", node.head.head
                continue
        if subj and node.dep_ == "relcl" and all(x.lower_ in ("who", "which", "that") for x in subj):
            # "Chile's president, who met Peru's leader": the one the relative clause describes acts
            inside = {t.i for t in node.subtree}
            out.update(t.i for t in node.head.subtree if t.i not in inside)
            break
        if subj:
            for s in subj:
                # "Ruto, who met Trump last week, accused Somalia": the relative clause is not who acts, nor a
                # reason the parser hung on the doer ("criticized by the opposition for inviting Peru's president")
                described = {t.i for r in s.subtree if (r.dep_ == "relcl" or (r.dep_ == "pcomp" and r.tag_ == "VBG"))
                             and r.i != trig.head.i for t in r.subtree}
                out.update(t.i for t in s.subtree if t.i not in described)
            if not fronted:  # (before a subject found in a fronted phrase: the rest of that phrase, not more doers)
                out |= listed_before(trig.head.doc, min(out))
            break
        if node.dep_ == "pobj" and node.head.lower_ == "on" and node.head.head.lemma_.lower() == "be":
            via, node = "prep", node.head.head  # "X is on a two-day visit to Peru": X visits
            continue
        if (node.i == trig.token.i and meeting_as_setting(trig) and node.head.head.pos_ in ("VERB", "AUX")
                and any(c.dep_ == "prep" and c.lower_ == "with" for c in node.children)):
            via, node = "prep", node.head.head  # "spoke at a joint press conference with Zelensky": the speaker's
            continue
        if (node.dep_ == "pobj" and node.head.lower_ == "with" and node.head.head.pos_ == "VERB"
                and node.head.head.lemma_.lower() in CROWNING and node.pos_ == "NOUN"):
            via, node = "prep", node.head.head  # "reached a milestone with the signing of a deal": the subject signs
            continue
        if node.dep_ == "pobj" and (author := authoring_verb(node)) is not None:
            via, node = "prep", author  # "Russia was behind the cyberattack", "X is responsible for the attack"
            continue
        if (node.dep_ == "conj" and node.tag_ == "VBD" and node.head.dep_ == "relcl" and node.head.tag_ == "VBN"
                and any(c.dep_ == "auxpass" for c in node.head.children)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
                and (main := governing_verb(node.head.head)) is not None):
            # "Nepal called back nationals who were recruited by Russia and also demanded repatriation": an active
            # verb the parser joined to a passive relative clause goes on from the main clause
            via, node = "conj", main
            continue
        if node.dep_ == "conj" and node.tag_ == "VBD" and node.head.tag_ != "VBD":
            # "explosions were heard as Israeli forces struck X and targeted Y": the parser joined "targeted" to
            # "heard"; it goes on from the nearer verb of its own tense
            nearer = [v for v in node.doc[node.head.i + 1:node.i] if v.tag_ == "VBD" and v.pos_ == "VERB"
                      and any(c.dep_ == "nsubj" for c in v.children)]
            if nearer:
                via, node = "conj", nearer[-1]
                continue
        if (node.dep_ == "conj" and node.tag_ in ("VBZ", "VBD") and node.head.tag_ == "VB" and node.head.dep_ == "xcomp"
                and any(c.tag_ == "TO" for c in node.head.children)):
            # "Ghana calls on armed groups to lay down their arms and urges Kinshasa to ...": a finite verb the parser
            # joined to the infinitive is said of the one who calls, not of those called on
            via, node = "conj", node.head.head
            continue
        if (node.dep_ == "conj" and node.head.dep_ == "ccomp" and node.head.head.lemma_.lower() in REPORTING
                and any(t.tag_ == "''" or t.text in ("”", '"') for t in node.doc[node.head.i + 1:node.i])
                and any(t.tag_ == "``" or t.text in ("“", '"') for t in node.doc[node.head.head.i:node.head.i])):
            # 'The Taoiseach said that "Israel loses nothing" and condemned the massacre': a verb after the quotation
            # closes goes on from the one who said it, not from the quoted clause the parser joined it to
            via, node = "conj", node.head.head
            continue
        if (node.dep_ == "advcl" and node.tag_ == "VBG" and node.head.dep_ == "ccomp"
                and node.head.head.lemma_.lower() in REPORTING | ALLEGING and node.i > node.head.i):
            # "Hayashi said the Chinese action violated international law, describing the intrusion as unacceptable":
            # the parser hangs the speaker's participle on the told clause; the speaker describes
            via, node = "advcl", node.head.head
            continue
        if (node.dep_ in ("appos", "acl") and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN")
                and node.i > node.head.i and node.doc[node.i - 1].text == ","):
            # "The two leaders, meeting in Tokyo, agreed": a participle set off after a noun is done by what the
            # noun names (not one that says what a thing does: "a fund allowing countries to borrow")
            inside = {t.i for t in node.subtree}
            out.update(t.i for t in node.head.subtree if t.i not in inside)
            break
        if node.dep_ in ("conj", "xcomp", "advcl", "acl", "relcl", "pcomp", "prep", "acomp") and node.head.i != node.i:
            via, node = node.dep_, node.head  # "Arnor is about to restore ties": the subject of the governing verb
            continue
        break
    tok = trig.token
    if tok.pos_ in ("NOUN", "PROPN"):
        out |= noun_doers(tok, trig.entry.traits)
    return out


def names_hung_before(verb: Token) -> list[Token]:
    """'PM Modi and Mohammed bin Salman, the Crown Prince, sign MoUs in Delhi': the names the parser hung before a
    root verb with no subject as its modifiers, which are its subject."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or verb.tag_ == "VBN" or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return []
    return [c for c in verb.lefts if c.dep_ in ("npadvmod", "advcl", "dep", "nmod") and c.pos_ == "PROPN"
            and any(t.ent_type_ in ACTOR_LABELS for t in c.subtree)]


def fronted_after_phrase(verb: Token, subj: Token) -> list[Token]:
    """'After talks in Nairobi, Kenya and Ethiopia signed a trade deal': the parser takes the fronted phrase's noun
    for the subject ('After' marking the verb) and the subject for more of its place; what follows the comma up to
    the verb is the subject."""
    if subj.pos_ != "NOUN" or not any(c.dep_ == "mark" and c.lower_ in ("after", "following", "before", "since")
                                       and c.i < subj.i for c in verb.children):
        return []
    doc = verb.doc
    for t in subj.subtree:
        if t.dep_ == "conj" and t.i > 0 and doc[t.left_edge.i - 1].text == "," and t.right_edge.i == verb.i - 1:
            return [t]
    return []


def fronted_subject(verb: Token) -> list[Token]:
    """'On 26 October, in Brussels, Chile and Peru signed': the parser may take the subject for more of the
    fronted place ('Brussels, Chile and Peru'); what follows the comma up to the verb is its subject."""
    doc = verb.doc
    for prep in (c for c in verb.lefts if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for conj in (c for c in obj.children if c.dep_ == "conj"):
                if conj.i > 0 and doc[conj.left_edge.i - 1].text == "," and conj.right_edge.i == verb.i - 1:
                    return [conj]
            # "At the invitation of Captain Traoré, President of Burkina Faso, John Mahama, President of Ghana,
            # paid a visit": the last name set off by commas before the verb, taken for one more of the inviter's
            # (or for one more of the inviter's titles: "..., the Minister of Foreign Affairs of Chile, Alberto van
            # Klaveren, paid")
            for appos in (t for t in obj.subtree if t.dep_ in ("appos", "conj") and t.ent_type_ == "PERSON"):
                end = appos.right_edge.i  # (the comma before the verb may be the name's last word or follow it)
                comma_before_verb = (end + 1 == verb.i and doc[end].text == ",") or (
                    end + 2 == verb.i and doc[end + 1].text == ",")
                if appos.left_edge.i > 0 and doc[appos.left_edge.i - 1].text == "," and comma_before_verb:
                    return [appos]
            # "At the invitation of Sultan Haitham, Sultan of Oman, Narendra Modi, Prime Minister of India, paid a
            # visit": the name, taken for one more of the inviter's, with its own title set off before the verb
            for name in (t for t in reversed(list(obj.subtree)) if t.ent_type_ == "PERSON"
                         and t.dep_ in ("conj", "appos") and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ","):
                end = name.right_edge.i if doc[name.right_edge.i].text == "," else name.right_edge.i + 1
                title = doc[end + 1:verb.i - 1]
                if (end < verb.i - 1 and doc[end].text == "," and doc[verb.i - 1].text == "," and 0 < len(title) <= 12
                        and title[0].is_title and not any(t.pos_ in ("VERB", "AUX") for t in title)):
                    return [name]
                break  # (only the last name before the verb)
            # "At the invitation of President Xi, President of Chile Gabriel Boric will pay a visit": a title and
            # name after the comma, right before the verb (or its auxiliary), taken for another title of the inviter
            opens = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i)])
            inviter = {t.i for t in obj.subtree}
            comma = max((i for i in inviter if i < opens and doc[i].text == ","), default=-1)
            words = doc[comma + 1:opens]
            if (comma >= 0 and 0 < len(words) <= 10 and all(t.i in inviter for t in words)
                    and any(t.ent_type_ == "PERSON" for t in words)
                    and not any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in words)):
                return [t for t in words if not comma < t.head.i < opens]
    return after_phrase_subject(verb)


def after_phrase_subject(verb: Token) -> list[Token]:
    """The verb's subject when the parser took a fronted 'After ...' phrase's noun for it (``fronted_after_phrase``
    of its one subject), else none."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return fronted_after_phrase(verb, subjects[0]) if len(subjects) == 1 else []


def misparsed_main_verb(verb: Token) -> bool:
    """'Anwar Ibrahim, who chairs ASEAN, called on both sides': a finite past verb the parser hung on the relative
    clause's object, in a sentence it left without a main verb, is the main verb (its subject the sentence's root)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.sent.root.pos_ in ("NOUN", "PROPN")
