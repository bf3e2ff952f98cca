"""The same parse, sooner: how the spaCy pipeline is set up so that loading and parsing cost less, with results
identical to spaCy's own (#10; checked by comparing every sentence, mention and event before and after on the
seed, the examples and the real-news dev items).

Measured on the real-news dev items (benchmarks/throughput.py): the entity ruler's phrases were made by the
whole pipeline (most of the ~10 s a load took), the ruler counted its patterns on every text (a tenth of the
parse), and the lemmatizer re-derived the lemma of every word it had seen before (about a tenth).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

    from diplomap.extract.gazetteer import Pattern


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

