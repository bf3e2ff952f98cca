"""The same parse, sooner: how the spaCy pipeline is set up so that loading and parsing cost less, with results
identical to spaCy's own (#10; checked by benchmarks/same_events.py, which compares every stored row and every
sentence, mention and event before and after on the seed, the examples and the 147 real-news items, and by
tests/test_fast.py).

Measured on the real-news dev items (benchmarks/throughput.py): the entity ruler's phrases were made by the
whole pipeline (most of the ~10 s a load took), the ruler counted its patterns on every text (a tenth of the
parse), and the lemmatizer re-derived the lemma of every word it had seen before (about a tenth). Then, per
pass over the dev items (17,311 words): the lemmatizer scanned lists of up to 57,000 known words for each new
form (0.46 s -> 0.05 s), the attribute ruler asked ~180 rules of every word (0.37 s -> 0.07 s), and Python's
collector walked what loading made again and again (~0.2 s of a 1.5 s load). The statistical entity recognizer's
walk over the words is decoded in ``recognizer.py``.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplomap.cache import cache_dir

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
    """The gazetteer as an entity ruler before the statistical NER, which keeps its entities.

    The ruler matches its ~11,000 phrases by their words (ORTH) with spaCy's PhraseMatcher, which takes each
    phrase as a Doc: making them cost 0.9 s of every load (half of it the vocabulary's new entries for words
    no text may hold), while one core waited. Here the phrases' words come from a cache file (the tokenizer's
    split of each phrase, kept per tokenizer) and the ruler's phrase matcher is a PhraseWords over them:
    the same matches, so the same entities."""
    ruler: Any = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    specs = [p.spacy() for p in found]
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns([s for s in specs if not isinstance(s["pattern"], str)])  # token patterns
    phrases = [s for s in specs if isinstance(s["pattern"], str)]
    words = phrase_words(nlp, [str(s["pattern"]) for s in phrases])
    matcher = PhraseWords()
    for spec in phrases:
        key = ruler.matcher._normalize_key(ruler._create_label(spec["label"], spec["id"]))
        ruler._ent_ids[key] = (spec["label"], spec["id"])  # as add_patterns keeps them, for set_annotations
        matcher.add(key, words[str(spec["pattern"])])
    ruler.phrase_matcher = matcher
    # it counts its patterns on every text, to warn when it has none: it has thousands
    ruler._require_patterns = lambda: None


class PhraseWords:
    """spaCy's PhraseMatcher on ORTH, as the entity ruler calls it (``matcher(doc)``: every occurrence of every
    phrase, nested and overlapping ones too, as (key, start, end)), over phrases given as their words' texts: a
    tree of words, walked from each word of the text."""

    def __init__(self) -> None:
        self.root: dict[str | None, Any] = {}

    def add(self, key: int, words: Sequence[str]) -> None:
        if not words:
            return  # (PhraseMatcher skips an empty phrase)
        node = self.root
        for word in words:
            node = node.setdefault(word, {})
        node.setdefault(None, []).append(key)  # None: the phrase ends here, with these keys

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        words = [t.text for t in doc]
        root, n = self.root, len(words)
        out: list[tuple[int, int, int]] = []
        for start, word in enumerate(words):
            node, end = root.get(word), start + 1
            while node is not None:
                out.extend((key, start, end) for key in node.get(None, ()))
                if end == n:
                    break
                node, end = node.get(words[end]), end + 1
        return out


def phrase_words(nlp: Language, texts: Sequence[str]) -> dict[str, list[str]]:
    """Each phrase's words as the tokenizer splits it, from the cache file of this tokenizer (spaCy's version,
    the model, its tokenizer's rules and diplomap's own); the phrases it lacks are split and the file saved
    again. Without a cache folder, or when the file cannot be read or written, they are split here."""
    folder = cache_dir()
    path = folder / "gazetteer" / f"words-{_tokenizer_key(nlp)}.json" if folder is not None else None
    known: dict[str, list[str]] = {}
    if path is not None and path.is_file():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            known = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            known = {}
    missing = [t for t in dict.fromkeys(texts) if not isinstance(known.get(t), list)]
    if missing:
        tokenizer: Any = nlp.tokenizer
        for text, doc in zip(missing, tokenizer.pipe(missing), strict=True):
            known[text] = [t.text for t in doc]
        if path is not None:
            _save(path, known)
    return known


def _save(path: Path, data: dict[str, list[str]]) -> None:
    """Written whole to a file of its own, then moved in place: a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                         suffix=".tmp") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(out.name, path)
    except OSError:
        pass  # a cache: without it the next load splits the phrases again


def _tokenizer_key(nlp: Language) -> str:
    """What a phrase's split depends on: spaCy, the model, the tokenizer's rules (its own token_match is a
    function of ours, told by its ``key``) and this module's format."""
    from spacy import about

    tokenizer: Any = nlp.tokenizer
    rules = tokenizer.to_bytes(exclude=["vocab", "token_match"])
    told = getattr(tokenizer.token_match, "key", repr(tokenizer.token_match))
    parts = [about.__version__, nlp.meta.get("name", ""), nlp.meta.get("version", ""), str(told), _FORMAT]
    return hashlib.sha256(rules + "|".join(parts).encode("utf-8")).hexdigest()[:24]


_FORMAT = "1"  # raise it when the file's layout changes


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
    The rules of one word match alike on any two words that agree on what those rules ask: the values they
    name ("TAG": "VBZ", "LOWER": {"IN": [...]}; any value none names counts as one more) and the regular
    expressions they match. So each kind of word is asked once, and remembered. The rules of several words run
    over the whole text, as spaCy runs them, but only when some word could start one. The same matches, in the
    same order, as spaCy's own ``AttributeRuler.match``."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler: Any = nlp.get_pipe("attribute_ruler")
        ruler.match = _AttributeRules(nlp, ruler).match


class _AttributeRules:
    def __init__(self, nlp: Language, ruler: Any) -> None:
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        self.attr_ids: dict[str, int] = IDS
        self.strings = nlp.vocab.strings
        self.per_word, self.starts, self.whole = (Matcher(nlp.vocab, validate=False) for _ in range(3))
        self.named: dict[str, set[int]] = {}  # per attribute, the values the rules of one word name
        self.regexes: dict[str, list[re.Pattern[str]]] = {}  # and the regular expressions they match
        self.always_whole = False  # a rule of several words whose first word cannot be told apart
        for i in range(len(ruler.attrs)):
            _, alternatives = ruler.matcher.get(str(i))
            if all(len(p) == 1 and self._take(p[0]) for p in alternatives):
                self.per_word.add(str(i), alternatives)
                continue
            self.whole.add(str(i), alternatives)
            if all(p and self._take(p[0]) for p in alternatives):
                self.starts.add(str(i), [[p[0]] for p in alternatives])  # where it can start
            else:
                self.always_whole = True
        attrs = sorted(self.named)
        self.ids = [self.attr_ids[a] for a in attrs]
        seen: list[dict[int, tuple[bool, ...]]] = [{} for _ in attrs]  # per attribute: its values' regex matches
        self.asked = [(self.named[a], self.regexes.get(a, []), seen[j]) for j, a in enumerate(attrs)]
        self.known: dict[tuple[object, ...], tuple[list[tuple[int, int]], bool]] = {}

    def _take(self, word: dict[str, object]) -> bool:
        """Learn what the conditions of one word ask; False when one asks what is not told apart here."""
        for attr, condition in word.items():
            if attr not in self.attr_ids or attr in ("OP", "_"):
                return False
            if isinstance(condition, dict) and set(condition) == {"REGEX"} and attr in _STRING_ATTRS:
                self.regexes.setdefault(attr, []).append(re.compile(str(condition["REGEX"])))
                self.named.setdefault(attr, set())
                continue
            values = _named_values(condition)
            if values is None:
                return False
            self.named.setdefault(attr, set()).update(values)
        return True

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found: list[tuple[int, int, int, int]] = []
        could_start = self.always_whole
        if self.ids and len(doc):
            values_of: Any = doc.to_array(self.ids)  # (hashes and flags: unsigned integers)
            rows: list[list[int]] = values_of.reshape(len(doc), len(self.ids)).tolist()
            for i, row in enumerate(rows):
                kind = tuple(v if v in named else (self._matched(doc, v, regexes, seen) if regexes else -1)
                             for v, (named, regexes, seen) in zip(row, self.asked, strict=True))
                known = self.known.get(kind)
                if known is None:
                    word = doc[i:i + 1]
                    hits = [(int(self.strings[m]), m) for m, _, _ in self.per_word(word, allow_missing=True,
                                                                                    as_spans=False)]
                    known = self.known[kind] = (hits, bool(self.starts(word, allow_missing=True)))
                found.extend((a, m, i, i + 1) for a, m in known[0])
                could_start = could_start or known[1]
        if could_start:
            found += [(int(self.strings[m]), m, s, e) for m, s, e in self.whole(doc, allow_missing=True,
                                                                                  as_spans=False)]
        found.sort()
        return found

    @staticmethod
    def _matched(doc: Doc, value: int, regexes: list[re.Pattern[str]], seen: dict[int, tuple[bool, ...]]
                 ) -> tuple[bool, ...]:
        """Which of the regular expressions a value no rule names matches (spaCy's REGEX: a search)."""
        matched = seen.get(value)
        if matched is None:
            text = doc.vocab.strings[value]
            matched = seen[value] = tuple(bool(rx.search(text)) for rx in regexes)
        return matched


_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP"})  # attributes whose values are strings


def _named_values(condition: object) -> set[int] | None:
    """The values a condition of one word names, when any value it does not name fails or passes it alike
    (an exact value, IN, NOT_IN; a flag's both values); None for any other condition."""
    from spacy.strings import get_string_id

    if isinstance(condition, bool):
        return {0, 1}
    if isinstance(condition, str):
        return {get_string_id(condition)}
    if isinstance(condition, dict) and condition and set(condition) <= {"IN", "NOT_IN"} and all(
            isinstance(v, list) and all(isinstance(s, str) for s in v) for v in condition.values()):
        return {get_string_id(s) for v in condition.values() for s in v}
    return None
