"""The pipeline's set-up for speed (extract/fast.py) gives what spaCy's own components give (#10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomap.extract import quantities
from diplomap.extract.nlp import correct_lemmas, keep_prefixed_words, load_model
from diplomap.knowledge.grammar import VERB_LEMMAS

from .conftest import EXAMPLES

# the attribute ruler's rules of two words and of regular expressions, pronouns as objects, auxiliaries,
# "there is", words no rule names, spaces
TRICKY = [
    "We're gonna sign it, y'all, and there is nothin' they can do: I ain't leaving, let's go, c'mon.",
    "He gets what he got; it was given to me and to you, and they have had it, haven't they?",
    "Chile  and Peru\n\ninitialled the agreement in Lima on 8 August 2025 — that's what was done.",
    "Whether or not the ministers will meet, the talks (which had stalled) resumed; those that did were few.",
]


@pytest.fixture(scope="module")
def spacy_own():  # type: ignore[no-untyped-def]
    """The model as loaded, with the pipeline's own words (one tokenizer rule, its lemma corrections) and none of
    fast.py's set-up."""
    nlp = load_model()
    keep_prefixed_words(nlp)
    correct_lemmas(nlp, VERB_LEMMAS)
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


def test_verb_forms_the_model_mislemmatises_take_their_own_lemma(pipeline) -> None:  # type: ignore[no-untyped-def]
    # grammar.toml lemmas: the small model's rules give "hop", "stag", "wag"; a rabbit still hops
    doc = pipeline.nlp("Chile hopes Peru staged the drills it waged, and the rabbit hops.")
    assert [t.lemma_ for t in doc if t.lower_ in ("hopes", "staged", "waged", "hops")] == ["hope", "stage", "wage",
                                                                                             "hop"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd", "Cs")), max_size=200)
       | st.sampled_from(["about ten percent", "$ billion", "one hundred km", "several years", "US$ m per year"]))
def test_the_quantities_skipped_without_a_digit_need_one(text: str) -> None:
    """find_quantities skips the patterns of figures in a sentence without a digit: none of them can match."""
    figures = (quantities._VOLUME, quantities._MONEY_PRE, quantities._MONEY_POST, quantities._DISTANCE,
               quantities._PERCENT, quantities._DURATION)
    assert not any(pattern.search(text) for pattern in figures)


def test_the_gazetteers_phrase_words_match_as_spacys_phrase_matcher(pipeline, spacy_own, texts) -> None:  # type: ignore[no-untyped-def]
    from spacy.matcher import PhraseMatcher

    from diplomap.extract.gazetteer import patterns

    ruler = pipeline.nlp.get_pipe("entity_ruler")
    theirs = PhraseMatcher(spacy_own.vocab)
    for p in patterns(pipeline.kb):
        spec = p.spacy()
        if isinstance(spec["pattern"], str):
            key = ruler._create_label(spec["label"], spec["id"])
            theirs.add(key, [spacy_own.make_doc(spec["pattern"])])
    # every occurrence, nested and overlapping ones too ("Korea" within "Republic of Korea", "the Congo" twice)
    extra = ["The Democratic Republic of the Congo and the Republic of the Congo met the United Nations Security "
             "Council, the UN and the Council of Europe in Republic of Korea and Korea."]
    for text in texts + extra:
        doc = spacy_own.make_doc(text)
        assert sorted(ruler.phrase_matcher(doc)) == sorted(theirs(doc))


def test_the_phrases_words_are_kept_per_tokenizer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  spacy_own) -> None:  # type: ignore[no-untyped-def]
    from diplomap.extract import fast

    monkeypatch.setenv("DIPLOMAP_CACHE_DIR", str(tmp_path))
    phrases = ["Côte d'Ivoire", "U.S. State Department", "co-hosted summit"]
    words = fast.phrase_words(spacy_own, phrases)
    assert words == {p: [t.text for t in spacy_own.make_doc(p)] for p in phrases}
    [kept] = (tmp_path / "gazetteer").iterdir()
    # read back (not split again), and a phrase it lacks is added to the file
    kept.write_text(json.dumps({**words, "Côte d'Ivoire": ["as", "kept"]}), encoding="utf-8")
    again = fast.phrase_words(spacy_own, [*phrases, "Burkina Faso"])
    assert again["Côte d'Ivoire"] == ["as", "kept"] and again["Burkina Faso"] == ["Burkina", "Faso"]
    assert "Burkina Faso" in kept.read_text(encoding="utf-8")
    # another tokenizer (another rule of its own) keeps another file; an unreadable file is split again
    other = load_model()
    assert fast._tokenizer_key(other) != fast._tokenizer_key(spacy_own)
    kept.write_text("{not json", encoding="utf-8")
    assert fast.phrase_words(spacy_own, phrases) == words


# names the gazetteer knows next to names, dates and figures only the statistical model finds; sentence breaks,
# runs of spaces and line breaks (words on which spaCy lets no entity start or go on)
NAMED = [
    "President Cyril Ramaphosa received Zorbek Quillanov, chairman of Trans-Caspian Freight Holdings, in Pretoria on "
    "Monday. They signed two agreements worth $300 million. Kazakhstan and the European Union agreed to meet again "
    "in the second half of 2026.",
    "the talks resumed last week after three rounds.\n\nNo one came.  Then Xylander Corp objected",
    "Chile Peru Bolivia Turkey. Russia\nIran  China, the United States and the EU on 8 August 2025 in "
    "Washington; Boric and Arce initialled it at the White House with Donald Trump.",
    "They met Trans-Caspian Freight: Holdings said it was over.",  # (an entity would run over the sentence's end)
    "and March York Smith Paraguay March He Monday 2025 March Smith in Smith 2025",
    "", "Pretoria", "Quillanov", "   ", "On 3 March",
]


def _entities(doc) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """Every word's entity annotation, and the entities."""
    words = [(t.ent_iob, t.ent_type, t.ent_kb_id, t.ent_id) for t in doc]
    return [*words, *((e.start, e.end, e.label_, e.kb_id_, e.id_) for e in doc.ents)]


def _decoded_both_ways(pipeline, texts: list[str], batch_size: int):  # type: ignore[no-untyped-def]
    """The texts parsed up to the recognizer, then its entities as decoded here and as spaCy decodes them."""
    ner = pipeline.nlp.get_pipe("ner")
    before = list(pipeline.nlp.pipe(texts, disable=["ner"]))
    ours, theirs = [d.copy() for d in before], [d.copy() for d in before]
    list(ner.pipe(ours, batch_size=batch_size))
    list(ner.inner.pipe(theirs, batch_size=batch_size))
    return ours, theirs


def test_the_recognizer_is_decoded_here(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert type(pipeline.nlp.get_pipe("ner")).__name__ == "_Entities"
    assert pipeline.nlp.pipe_names[-2:] == ["entity_ruler", "ner"]


@pytest.mark.parametrize("batch_size", [128, 32, 3, 1])
def test_the_entities_decoded_here_are_spacys(pipeline, texts, batch_size: int) -> None:  # type: ignore[no-untyped-def]
    ner = pipeline.nlp.get_pipe("ner")
    fallbacks = ner.fallbacks
    ours, theirs = _decoded_both_ways(pipeline, NAMED + texts, batch_size)
    assert [_entities(d) for d in ours] == [_entities(d) for d in theirs]
    assert ner.fallbacks == fallbacks  # (each decided here, none left to spaCy)


def test_the_scores_are_spacys_bit_for_bit(pipeline, texts) -> None:  # type: ignore[no-untyped-def]
    """Each move's score as spaCy's own step model gives it (its Python path: the same sums of precomputed rows,
    maxout and output layer as its greedy C loop), with no entity open and with one open since an earlier word."""
    import numpy

    ner = pipeline.nlp.get_pipe("ner")
    docs = list(pipeline.nlp.pipe(NAMED + texts[:40], disable=["ner"]))
    for i in range(0, len(docs), 16):
        batch = docs[i:i + 16]
        cached, scores = ner.scores(batch)
        step = ner.inner.model.predict(batch)
        words = len(scores)
        ids = numpy.full((words, 3), -1, dtype="i")
        ids[:, 0] = numpy.arange(words)
        assert numpy.array_equal(scores, step.vec2scores.predict(step.state2vec.predict(ids)))
        opened = [(t, s) for t in range(1, words) for s in (0, t // 2, t - 1)]
        ids = numpy.array([(t, s, t - 1) for t, s in opened], dtype="i")
        theirs = step.vec2scores.predict(step.state2vec.predict(ids))
        assert numpy.array_equal(numpy.stack([ner.open_scores(cached, t, s) for t, s in opened]), theirs)


def test_statistical_entities_are_found_beside_the_gazetteers(pipeline) -> None:  # type: ignore[no-untyped-def]
    # in sentences the gazetteer covers in part, and in one it does not touch at all
    [doc] = _decoded_both_ways(pipeline, NAMED[:2], 32)[0][:1]
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert {("Cyril Ramaphosa", "PERSON", "cyril_ramaphosa"), ("Pretoria", "CAPITAL", "ZAF"),
            ("the European Union", "ORG", "EU")} <= found  # the gazetteer's, kept
    assert {("Zorbek Quillanov", "PERSON", ""), ("Trans-Caspian Freight Holdings", "ORG", ""), ("Monday", "DATE", ""),
            ("two", "CARDINAL", ""), ("$300 million", "MONEY", ""), ("the second half of 2026", "DATE", "")} <= found
    doc = pipeline.nlp(NAMED[1])  # (one document alone: the component's own call)
    assert [(e.text, e.label_) for e in doc.ents] == [("last week", "DATE"), ("three", "CARDINAL"),
                                                      ("Xylander Corp", "ORG")]


_WORDS = ["Pretoria", "Paraguay", "the European Union", "Cyril Ramaphosa", "Quillanov", "Zorbek", "Holdings", "Corp",
          "Monday", "March", "2025", "two", "$", "300", "million", "%", "the", "signed", "met", "in", "and", "of",
          "second", "half", "last", "week", ",", ".", ";", ":", "\n", "\n\n", "  ", "New", "York", "Trans-Caspian",
          "John", "He", "Smith", "said"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join), min_size=1, max_size=6))
def test_any_words_are_decoded_as_spacy_decodes_them(pipeline, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    ner = pipeline.nlp.get_pipe("ner")
    fallbacks = ner.fallbacks
    ours, theirs = _decoded_both_ways(pipeline, texts, 4)
    assert [_entities(d) for d in ours] == [_entities(d) for d in theirs]
    assert ner.fallbacks == fallbacks
