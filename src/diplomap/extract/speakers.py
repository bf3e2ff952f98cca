"""Who speaks in a text: whom a quotation is attributed to, a statement's speaker named at its top ("Press
statement by ..."), and the "we" a statement names ("We, the Heads of State of ...", "The following is the ASEAN
stance ...:"). Read paragraph by paragraph, in the order told (pipeline.Pipeline._code)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import islice

from spacy.tokens import Doc, Span

from diplomap.extract.gazetteer import ACTOR_LABELS
from diplomap.extract.layout import speaker_line
from diplomap.knowledge.grammar import OPINION_NOUNS, SPEECH_NOUNS
from diplomap.model import DateSpan, Mention

QUOTES = frozenset('"“‘«')
CLOSING_QUOTES = frozenset('"”’»')

Code = Callable[[Mention, "DateSpan | None"], str]  # a mention's actor code (actors.Actors.code)


class Speakers:
    """The speakers of one text, as it is read."""

    def __init__(self, code: Code, paragraphs: Sequence[str], narrative: bool) -> None:
        self._code = code
        self._narrative = narrative
        # a statement's speaker, named at its top ("Press statement by President von der Leyen ..."): its "I", "we"
        self._line = speaker_line(paragraphs) if not narrative else None
        self.text_speaker: tuple[str, ...] = ()
        self._last: tuple[str, ...] = ()  # the one the last quotation was attributed to

    def paragraph(self, n: int, pdoc: Doc, sents: list[Span], ptext: str, day: DateSpan | None
                  ) -> dict[int, tuple[str, ...]]:
        """The speakers of the quotations of paragraph ``n`` (``pdoc``, its ``sents`` and text), by the first token
        of their sentences; the text's speaker after it."""
        speakers = self._quote_speakers(sents, ptext, day)
        if n == self._line:
            self.text_speaker = self.actors_in(list(pdoc.ents), day)
        elif not self._narrative and (whose := whose_text_follows(pdoc, ptext)) is not None:
            self.text_speaker = self.actors_in(list(whose.ents), day) or self.text_speaker
        return speakers

    def sentence(self, sent: Span, day: DateSpan | None) -> None:
        """A sentence that names who "we" are ("We, the Heads of State of X and of Y, met ...")."""
        if not self._narrative and (we := we_named(sent)) is not None:
            self.text_speaker = self.actors_in(list(we.ents), day, every=True) or self.text_speaker

    def _quote_speakers(self, sents: list[Span], ptext: str, day: DateSpan | None) -> dict[int, tuple[str, ...]]:
        """'"I just spoke with President Sheinbaum. It was a very friendly conversation," Trump wrote.': the
        sentences of a quotation that runs over several, by their first token, and the actor it is attributed to
        after it closes (or, with a colon, in the sentence that opens it: 'Trump wrote: "I just spoke ...'); a
        quotation attributed to no one goes on quoting the one ``last`` quoted ('"..., we will be moving to the
        One-China Principle," the government said.' then '"This means we will sever relations with Taiwan."').
        (``sents``: the paragraph's sentences)."""
        out: dict[int, tuple[str, ...]] = {}
        last = self._last
        for sent in sents:
            # "Ciuca: We are approving a memorandum with Moldova": a headline's words after a name and a colon are
            # the named one's
            toks = list(islice((t for t in sent if not t.is_space), 6))  # (the first words are enough)
            colon = next((t for t in toks[1:6] if t.text == ":"), None)
            named = [e for e in sent.ents if e.end <= colon.i] if colon is not None else []
            if named and named[0].start == toks[0].i and (told := self.actors_in(named, day)):
                out[sent.start] = told
        if '"' not in ptext and "“" not in ptext:
            return out
        sents = [s for s in sents if ptext[s.start_char:s.end_char].strip()]
        opened: int | None = None  # the sentence an unclosed quotation began in
        for i, sent in enumerate(sents):
            text = ptext[sent.start_char:sent.end_char]
            if opened is None:
                if text.count("“") > text.count("”") or text.count('"') % 2 == 1:
                    opened = i
                elif text.strip()[:1] in QUOTES and text.rstrip()[-1:] in CLOSING_QUOTES:
                    out[sent.start] = last  # a whole sentence quoted, attributed to no one
                elif "”" in text or text.count('"') >= 2:
                    last = self._attributed(sent, day) or last
                continue
            if "”" not in text and '"' not in text:
                continue
            told = self._attributed(sent, day)
            if not told and opened > 0 and sents[opened - 1].text.rstrip().endswith(":"):
                told = self.actors_in(list(sents[opened - 1].ents), day)
            if not told and by_pronoun(sent):
                told = last  # ('"... I encouraged them," he added': the one quoted last goes on)
            for quoted in sents[opened:i + 1 if told else i]:
                out[quoted.start] = told  # (and the sentence it closes in)
            last = told or last
            opened = None
        self._last = last
        return out

    def _attributed(self, sent: Span, day: DateSpan | None) -> tuple[str, ...]:
        """The actor a quotation closing in ``sent`` is attributed to after it closes ('..." Trump wrote')."""
        close = quote_close(sent)
        return self.actors_in([e for e in sent.ents if e.start_char > close], day)

    def actors_in(self, ents: list[Span], day: DateSpan | None, every: bool = False) -> tuple[str, ...]:
        """The actor codes of the first gazetteer name among ``ents`` (or of ``every`` one)."""
        codes: list[str] = []
        for e in ents:
            if e.ent_id_ and e.label_ in ACTOR_LABELS:
                mention = Mention("", 0, e.start_char, e.end_char, e.text, e.ent_id_, e.label_)
                codes += [c for c in self._code(mention, day).split("/") if c]
                if not every:
                    break
        return tuple(dict.fromkeys(codes))


def quote_close(sent: Span) -> int:
    """Where the last quotation mark of ``sent`` stands, in its document (what follows tells whom it is by)."""
    text = sent.text
    return sent.start_char + max(text.rfind("”"), text.rfind('"'))

def by_pronoun(sent: Span) -> bool:
    """Is the quotation closing in ``sent`` attributed to "he" or "she" ('..." he added'), the one quoted last?"""
    close = quote_close(sent)
    after = next((t for t in sent if t.idx > close and not t.is_punct and not t.is_space), None)
    return after is not None and after.lower_ in ("he", "she")

def we_named(sent: Span) -> Span | None:
    """'We, the Heads of State of the European Union and of CELAC, met in Brussels': a statement whose "we" names
    who they are (the words after "We," up to its verb), if the sentence opens so."""
    first = next((t for t in sent if not (t.is_space or t.is_punct or t.like_num or t.tag_ == "LS")), None)  # ("1.")
    if first is None or first.lower_ != "we" or first.i + 1 >= sent.end or sent.doc[first.i + 1].text != ",":
        return None
    # (all the words up to its verb: the parser may hang "and of CELAC" on the verb, not on "the Heads of State")
    return sent.doc[first.i + 2:first.head.i] if first.dep_ == "nsubj" and first.head.i > first.i + 2 else None

def whose_text_follows(paragraph: Doc, text: str) -> Span | None:
    """'The following is the ASEAN stance on the Myanmar crisis:': a paragraph that ends on a colon, naming a text
    or a stance (nouns.speech, nouns.opinions) of one who holds it (its possessor or the name before it): the words
    that name them (the "we" of what follows is theirs)."""
    if not text.rstrip().endswith(":"):  # (``text``: the paragraph's, which spaCy would join again from its tokens)
        return None
    last = list(paragraph.sents)[-1]
    for tok in last:
        if tok.lemma_.lower() in SPEECH_NOUNS | OPINION_NOUNS and tok.pos_ == "NOUN":
            owners = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod") and c.ent_type_]
            if owners:
                return paragraph[owners[0].left_edge.i:owners[0].right_edge.i + 1]
    return None
