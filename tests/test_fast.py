"""The pipeline's set-up for speed (extract/fast.py) gives what spaCy's own components give (#10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomap.extract import quantities
from diplomap.extract.pipeline import _keep_prefixed_words, load_model

from .conftest import EXAMPLES

# the attribute ruler's rules of two words and of regular expressions, pronouns as objects, auxiliaries,
# "there is", words no rule names, spaces
TRICKY = [
    "We're gonna sign it, y'all, and there is nothin' they can do: I ain't leaving, let's go, c'mon.",
    "He gets what he got; it was given to me and to you, and they have had it, haven't they?",
    "Azerbaijan  and Armenia\n\ninitialled the agreement in Washington on 8 August 2025 — that's what was done.",
    "Whether or not the ministers will meet, the talks (which had stalled) resumed; those that did were few.",
]


@pytest.fixture(scope="module")
def spacy_own():  # type: ignore[no-untyped-def]
    """The model as loaded, with the pipeline's own words (one tokenizer rule) and none of fast.py's set-up."""
    nlp = load_model()
    _keep_prefixed_words(nlp)
    return nlp


@pytest.fixture(scope="module")
def texts() -> list[str]:
    paragraphs = [p for path in sorted(EXAMPLES.glob("news-*.txt")) + sorted(EXAMPLES.glob("*.md"))
                  for p in Path(path).read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return TRICKY + paragraphs


def _words(doc) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i)) for t in doc]


def test_remembered_attribute_rules_match_as_spacy_does(pipeline, spacy_own, texts) -> None:  # type: ignore[no-untyped-def]
    ours, theirs = pipeline.nlp.get_pipe("attribute_ruler"), spacy_own.get_pipe("attribute_ruler")
    with spacy_own.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        for doc in spacy_own.pipe(texts):
            assert ours.match(doc) == theirs.match(doc)


def test_each_word_is_tagged_and_lemmatised_as_by_spacy_alone(pipeline, spacy_own, texts) -> None:  # type: ignore[no-untyped-def]
    for ours, theirs in zip(pipeline.nlp.pipe(texts), spacy_own.pipe(texts), strict=True):
        assert _words(ours) == _words(theirs)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd", "Cs")), max_size=200)
       | st.sampled_from(["about ten percent", "$ billion", "one hundred km", "several years", "US$ m per year"]))
def test_the_quantities_skipped_without_a_digit_need_one(text: str) -> None:
    """find_quantities skips the patterns of figures in a sentence without a digit: none of them can match."""
    figures = (quantities._VOLUME, quantities._MONEY_PRE, quantities._MONEY_POST, quantities._DISTANCE,
               quantities._PERCENT, quantities._DURATION)
    assert not any(pattern.search(text) for pattern in figures)
