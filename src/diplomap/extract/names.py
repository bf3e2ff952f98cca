"""People named again in a story by one of their names alone: "Pope Francis ... Francis described Ortega's government
as a dictatorship", "Foreign Minister Mahamoud Ali Youssouf said ... Youssouf announced". The gazetteer lists a
surname alone only where it is distinctive everywhere (knowledge/README.md); within one story, a name the story
has given in full stands for that person wherever it comes again alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from diplomap.extract.context import mention_tokens
from diplomap.knowledge.grammar import HONORIFICS, STATE_ANAPHORS
from diplomap.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_T = TypeVar("_T")
PATRONYMIC = frozenset({"bin", "bint", "ibn"})  # "son of", "daughter of" in a name: the given name comes first
_NAMES_MISTAKEN = frozenset({"PERSON", "GPE", "ORG", "LOC", "NORP"})  # the model's labels a told short form may get


class ToldNames:
    """The short forms of the people a story has named in full so far (one story, one instance)."""

    def __init__(self) -> None:
        self._known: dict[str, str] = {}  # short form -> person id
        self._shared: set[str] = set()  # short forms of two people the story named: neither
        self._serving: dict[str, tuple[str, str]] = {}  # a person no gazetteer lists -> (label, id) of whom they serve

    def learn(self, ents: Sequence[Span], mentions: Sequence[Mention]) -> None:
        """The short forms of the people a sentence names in full ("Pope Francis": "Francis"; "Javier Milei":
        "Milei"), among its entities ``ents``."""
        for ent in ents:
            if ent.label_ != "PERSON" or not ent.ent_id_ or not any(
                    m.entity_id == ent.ent_id_ and m.label == "PERSON" for m in mentions):
                continue
            names = [t for t in ent if t.is_alpha and t.is_title and t.lower_ not in HONORIFICS]
            if not names or len(ent) == 1:
                continue  # (a name given alone is no full name)
            # the last name, and of a two-word name the first too: a family name told first ("Park Jin": "Park");
            # of a name with a patronymic the given name ("King Hamad bin Isa Al Khalifa": "Hamad")
            patronymic = any(t.lower_ in PATRONYMIC for t in ent)
            for short in {names[-1].text, *([names[0].text] if len(names) == 2 or patronymic else [])}:
                if len(short) >= 3:
                    self._remember(self._known, short, ent.ent_id_)

    def _remember(self, table: dict[str, _T], form: str, who: _T) -> None:
        """``form`` names ``who`` in ``table``, unless the story has given it to two: then to neither."""
        if form in self._shared:
            return
        if table.get(form, who) != who:
            self._shared.add(form)
            del table[form]
        else:
            table[form] = who

    def learn_serving(self, sent: Span, mentions: Sequence[Mention], offset: int) -> None:
        """'Chilean Senate president Ana Morales Vidal ended her visit': a person no gazetteer lists, told with the
        one state or body they serve in their own words (before the name, or in apposition: "Li Wen, a Chinese
        spokesman", "Peru's envoy to Chile, Luis Soto": Peru), stands for it where the story names them again
        ("Morales Vidal also visited Bolivia"; ``offset``: where the sentence starts in the text)."""
        runs = [run for run in _unlisted_runs(sent) if run[-1].ent_type_ == "PERSON"]
        if not runs:
            return
        at = {t.i: m for m in mentions if m.label in _SERVED for t in mention_tokens(sent, m, offset)}
        for run in runs:
            head = run[-1]
            words = [t for t in head.subtree if t.i < run[0].i and not _in_a_phrase(t, head)]
            words += [t for c in head.children if c.dep_ == "appos" for t in c.subtree]
            if head.dep_ == "appos":  # "Peru's envoy to Chile, Luis Soto": the title the name stands beside
                title = head.head
                while title.dep_ == "pobj" and title.head.dep_ == "prep" and title.head.head.pos_ in ("NOUN", "PROPN"):
                    title = title.head.head  # (the parser may hang the name on the phrase's last word: "to Chile";
                    # not the verb's phrase the title is in: "spoke with the Counselor of the State Department, X")
                words += [t for t in title.subtree if t.i < run[0].i and not _in_a_phrase(t, title)]
            served = {(at[t.i].label, at[t.i].entity_id) for t in words if t.i in at}
            if len(served) != 1:
                continue
            for form in _short_forms(run):
                self._remember(self._serving, form, next(iter(served)))

    def recall(self, sent: Span, ents: Sequence[Span], doc_id: str, idx: int, start: int) -> list[Mention]:
        """Mentions of the people a sentence names by a short form alone that the gazetteer does not know, among
        its entities ``ents`` (whatever the model labelled them) or its proper nouns the parser took for no name
        ("Park also held talks"; ``start``: where the sentence's paragraph starts in the text)."""
        # (the model may take the name for a place or a body: "hosted Talon in Paris", once "Patrice Talon" was told)
        words = [ent for ent in ents if ent.label_ in _NAMES_MISTAKEN and not ent.ent_id_ and len(ent) == 1]
        words += [sent.doc[t.i:t.i + 1] for t in sent if t.pos_ == "PROPN" and not t.ent_type_ and t.is_title
                  and not _beside_a_proper_noun(t)]
        found = [Mention(doc_id, idx, start + w.start_char, start + w.end_char, w.text, self._known[w.text], "PERSON")
                 for w in words if w.text in self._known]
        for run in _unlisted_runs(sent) if self._serving else ():
            text = sent.doc[run[0].i:run[-1].i + 1].text  # (the span's own text: the paragraph's costs a join)
            if text in self._serving and not any(f.start <= start + run[0].idx < f.end for f in found):
                label, entity = self._serving[text]
                found.append(Mention(doc_id, idx, start + run[0].idx, start + run[-1].idx + len(run[-1]), text,
                                     entity, label))
        return found


_SERVED = frozenset({"STATE", "DEMONYM", "ORG", "GROUP", "CAPITAL", "METONYM"})  # whom a person told may serve


def _unlisted_runs(sent: Span) -> list[list[Token]]:
    """The runs of capitalised proper nouns of a sentence no gazetteer entry holds (no titles): names of people
    it may not know ("Ana Morales Vidal")."""
    runs: list[list[Token]] = []
    doc = sent.doc
    for tok in sent:
        if _unlisted_proper_noun(tok) and tok.is_alpha and not _a_title(tok):
            if runs and runs[-1][-1].i == tok.i - 1:
                runs[-1].append(tok)
            elif (runs and runs[-1][-1].i == tok.i - 2 and doc[tok.i - 1].text == "-"
                  and not runs[-1][-1].whitespace_ and not doc[tok.i - 1].whitespace_):
                runs[-1] += [doc[tok.i - 1], tok]  # ("Jorge Al-Mansur": a name's hyphen joins its words)
            else:
                runs.append([tok])
    return runs


def _in_a_phrase(tok: Token, head: Token) -> bool:
    """Is ``tok`` in a prepositional phrase under ``head`` ("US envoy to Russia"): no word of whom one serves (but
    "of" is: "Secretary General of the GCC", "President of Algeria")."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ != "of":
            return True
        tok = tok.head
    return False


def _short_forms(run: list[Token]) -> set[str]:
    """The forms a story names a person again by: the whole name, the last name, the name without its first word
    ("Morales Vidal"), and of a two-word name the first too (a family name told first: "Mao")."""
    doc, last = run[0].doc, run[-1].i + 1
    words = [t for t in run if t.i == run[0].i or doc[t.i - 1].whitespace_]  # (a hyphened word is one word)
    forms = {doc[words[0].i:last].text, doc[words[-1].i:last].text}
    if len(words) > 1:
        forms.add(doc[words[1].i:last].text)
    if len(words) == 2:
        forms.add(doc[words[0].i:words[1].i].text.rstrip())
    return {f for f in forms if len(f) >= 3}


def own_states(sent: Span, mentions: Sequence[Mention], start: int, state_of: Callable[[str], str]) -> list[Mention]:
    """'Lasso expressed his joy at the signing of the FTA between his country and China': "his country" (or "her
    nation", "his government") is the state of the person the sentence named last before it, when the gazetteer
    knows whose office they held (``state_of`` a person's id: their state, or ""; ``start``: where the sentence's
    paragraph starts in the text). Not "his country retreat", a thing of the country's."""
    found: list[Mention] = []
    for tok in sent:
        if (tok.lemma_.lower() not in _OWN_STATE_WORDS or tok.dep_ == "compound"
                or not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.children)):
            continue
        at = start + tok.idx
        before = [m for m in mentions if m.label == "PERSON" and m.end <= at]
        code = state_of(before[-1].entity_id) if before else ""
        if code:
            first = min(c.idx for c in tok.children if c.dep_ == "poss")
            found.append(Mention(before[-1].doc_id, before[-1].sentence, start + first, at + len(tok.text),
                                 sent.doc.text[first:tok.idx + len(tok.text)], code, "STATE"))
    return found


_OWN_STATE_WORDS = (STATE_ANAPHORS - {"neighbour", "neighbor"}) | {"government"}


def _beside_a_proper_noun(tok: Token) -> bool:
    """Is the word part of a longer name: a proper noun right before or after it?"""
    doc = tok.doc
    return any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" for i in (tok.i - 1, tok.i + 1))


def _unlisted_name_beside(ent: Span, label: str, after: bool = False) -> Token | None:
    """The capitalised proper noun no gazetteer entry holds right before (or ``after``) a one-word name of ``label``,
    if any."""
    if ent.label_ != label or len(ent) != 1:
        return None
    i = ent.end if after else ent.start - 1
    if not 0 <= i < len(ent.doc):
        return None
    tok = ent.doc[i]
    return tok if _unlisted_proper_noun(tok) else None


def _unlisted_proper_noun(tok: Token) -> bool:
    """A capitalised proper noun no gazetteer entry holds."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.ent_id_


def _initial(tok: Token) -> bool:
    """A middle initial: "J."."""
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _a_title(tok: Token) -> bool:
    """A title (grammar.toml naming.honorifics), however written: "Dr.", "Presidents"."""
    return (tok.lower_.rstrip(".") in HONORIFICS or tok.lemma_.lower() in HONORIFICS
            or tok.lower_.rstrip("s") in HONORIFICS)  # ("Presidents Aliyev and Trump")


def someone_elses_surname(ent: Span, given: Callable[[], frozenset[str]] = frozenset) -> bool:
    """'(AP Photo/Eraldo Peres)': a known person's surname alone, after a given name that is not theirs (any
    capitalised word but a title), names someone else; so does a known person's one-word name before more of a name
    no gazetteer entry holds ('Deputy Minister Yunus Bek Yevkurov': Yunus is his given name, not Muhammad Yunus).
    A middle initial after the person's own given name (``given()``, lower case: asked only then) is theirs:
    'Antony J. Blinken'."""
    before = _unlisted_name_beside(ent, "PERSON")
    if before is not None and _initial(before) and before.i > 0 and before.doc[before.i - 1].lower_ in given():
        before = None
    if before is not None and not _a_title(before):
        return True
    after = _unlisted_name_beside(ent, "PERSON", after=True)
    return after is not None and after.is_alpha and after.ent_type_ in ("", "PERSON") and not _a_title(after)


def inside_a_longer_name(ent: Span) -> bool:
    """'the ruling African National Congress': a body's one-word name ("Congress") after capitalised words no
    gazetteer entry holds is the end of another body's name, not that body."""
    before = _unlisted_name_beside(ent, "ORG")
    return before is not None and before.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
