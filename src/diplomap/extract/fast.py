"""The same parse, sooner: how the spaCy pipeline is set up so that loading and parsing cost less, with results
identical to spaCy's own (#10; checked by comparing every sentence, mention and event before and after on the
seed, the examples and the real-news dev items).

Measured on the real-news dev items (benchmarks/throughput.py): the entity ruler's phrases were made by the
whole pipeline (most of the ~10 s a load took), the ruler counted its patterns on every text (a tenth of the
parse), and the lemmatizer re-derived the lemma of every word it had seen before (about a tenth).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from diplomap.extract.gazetteer import Pattern


@contextmanager
def collected_rarely() -> Iterator[None]:
    """Loading (spaCy's modules, the model, the gazetteer's 10,000 phrases) makes some 160,000 objects that live as
    long as the process and next to no garbage, and Python's collector walked them again and again as they came:
    about 0.2 s of a 1.5 s load. Meanwhile it runs after 100,000 new objects instead of 700."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def add_gazetteer(nlp: Language, found: list[Pattern]) -> None:
    """The gazetteer as an entity ruler before the statistical NER, which keeps its entities."""
    ruler: Any = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    # the ruler matches phrases by their words (ORTH): spaCy runs the pipes before it over each phrase to make
    # it; the tokenizer alone makes the same phrases
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns([p.spacy() for p in found])
    # it counts its patterns on every text, to warn when it has none: it has thousands
    ruler._require_patterns = lambda: None


def remember_lemmas(nlp: Language) -> None:
    """The rule lemmatizer's lemma depends only on the word, its part of speech and its morphology: the key
    of spaCy's own cache, which it skips for base forms. Remembered here for every word.

    The lemmatizer asks whether each form its rules make is a known word, in the model's lists of words per
    part of speech (up to 57,000 words each): a scan of the list each time, most of the time a word took
    the first time it was seen. The same words as sets answer the same, at once."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    if "lemma_index" in lemmatizer.lookups:
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos, words in list(index.items()):
            index[pos] = frozenset(words)
    derive = lemmatizer.lemmatize
    known: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        lemmas = known.get(key)
        if lemmas is None:
            lemmas = known[key] = derive(token)
        return lemmas

    lemmatizer.lemmatize = lemmatize


def remember_attribute_rules(nlp: Language) -> None:
    """The attribute ruler (the model's rules that set a word's part of speech and morphology from its tag,
    its lower-case form and its dependency) runs spaCy's Matcher over every word, asking each of its ~180 rules.
    The rules of one word whose conditions name values ("TAG": "VBZ", "LOWER": {"IN": [...]}) match alike on
    any two words that agree on those values, counting every value no rule names as one: so each kind of word
    is asked once, and remembered. The other rules (of two words, or with a regular expression) still run
    over the whole text. The same matches, in the same order, as spaCy's own ``AttributeRuler.match``."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    from spacy.attrs import IDS
    from spacy.matcher import Matcher

    ruler: Any = nlp.get_pipe("attribute_ruler")
    per_word, whole = Matcher(nlp.vocab, validate=False), Matcher(nlp.vocab, validate=False)
    named: dict[str, set[int] | None] = {}  # per attribute: the values the rules name (None: every value counts)
    for i in range(len(ruler.attrs)):
        _, alternatives = ruler.matcher.get(str(i))
        if not all(len(p) == 1 and all(_named_values(attr, value) is not None for attr, value in p[0].items())
                   for p in alternatives):
            whole.add(str(i), alternatives)
            continue
        per_word.add(str(i), alternatives)
        for attr, value in (item for p in alternatives for item in p[0].items()):
            values, before = _named_values(attr, value), named.get(attr, set())
            named[attr] = None if values is None or before is None else before | values
    attrs = sorted(named)
    ids, kinds = [IDS[a] for a in attrs], [named[a] for a in attrs]
    strings = nlp.vocab.strings
    known: dict[tuple[int, ...], list[tuple[int, int]]] = {}

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        found = [(int(strings[m]), m, s, e) for m, s, e in whole(doc, allow_missing=True, as_spans=False)]
        if ids and len(doc):
            values_of: Any = doc.to_array(ids)  # (hashes and flags: unsigned integers)
            rows: list[list[int]] = values_of.reshape(len(doc), len(ids)).tolist()
            for i, row in enumerate(rows):
                kind = tuple(v if values is None or v in values else -1 for v, values in zip(row, kinds, strict=True))
                hits = known.get(kind)
                if hits is None:
                    hits = known[kind] = [(int(strings[m]), m)
                                          for m, _, _ in per_word(doc[i:i + 1], allow_missing=True, as_spans=False)]
                found.extend((a, m, i, i + 1) for a, m in hits)
        found.sort()
        return found

    ruler.match = match


def _named_values(attr: str, value: object) -> set[int] | None:
    """The values a condition of one word names, when any value it does not name fails or passes it alike
    (an exact value, IN, NOT_IN; a flag's both values); None for any other condition (a regular expression, a
    comparison)."""
    from spacy.attrs import IDS
    from spacy.strings import get_string_id

    if attr not in IDS or attr in ("OP", "_"):
        return None
    if isinstance(value, bool):
        return {0, 1}
    if isinstance(value, str):
        return {get_string_id(value)}
    if isinstance(value, dict) and value and set(value) <= {"IN", "NOT_IN"} and all(
            isinstance(v, list) and all(isinstance(s, str) for s in v) for v in value.values()):
        return {get_string_id(s) for v in value.values() for s in v}
    return None
