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
walk over the words, which asks each of its ~100 moves at each word whether it is allowed and in this spaCy build
takes Python's lock for each question, was 0.45 s of its 0.60 s on the seed: its choices are made here
(decode_entities_here), the same ones, and the recognizer takes 0.18 s (its network 0.15 s of it).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
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


def decode_entities_here(nlp: Language) -> None:
    """The statistical entity recognizer's choices made here, the same as spaCy's own (#10).

    spaCy's ``ner`` reads each word with its network (about a quarter of its time) and then walks the words one
    by one, at each asking every move it knows (four per label, 102 with the gazetteer's labels) whether it may
    be taken: in this build each such question takes and gives back Python's lock several times, and that walk
    was three quarters of the recognizer's time (0.45 s of 0.59 s on the seed, in one process). Here the network
    is the same (the same layers, on the same batches: spaCy's ``Parser.pipe``), and so is each move's score
    where no entity is open: it depends on the word alone (the other two of the state's three words are then
    padding), so all of them are scored at once, with the same sums in the same order and the same BLIS product;
    the gazetteer's entities are kept as spaCy keeps them (their one allowed move each), and a statistical
    entity once opened is scored word by word as spaCy does. The scores are spaCy's bit for bit
    (tests/test_fast.py); as insurance, where the two best allowed moves come within a millionth of each other
    the batch is left to spaCy itself (``_Entities.fallbacks`` counts them: none on the seed, the examples or the
    repository's documents). A recognizer of another kind is left as it is."""
    if "ner" not in nlp.component_names or not _Entities.fits(nlp.get_pipe("ner")):
        return
    from spacy.language import Language

    if not Language.has_factory(_ENTITIES):
        Language.factory(_ENTITIES, func=_make_entities)
    index = nlp.component_names.index("ner")
    _, ner = nlp.remove_pipe("ner")
    if index < len(nlp.component_names):
        ours: Any = nlp.add_pipe(_ENTITIES, name="ner", before=index)
    else:
        ours = nlp.add_pipe(_ENTITIES, name="ner")
    ours.inner = ner


_ENTITIES = "diplomap_entities"


def _make_entities(nlp: Language, name: str) -> _Entities:
    return _Entities()


def _batches(items: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    """spaCy's minibatch: lists of ``size`` items, the last shorter."""
    stream = iter(items)
    while batch := list(islice(stream, size)):
        yield batch


class _Undecided(Exception):
    """A choice this decoding does not make itself: spaCy makes it, for the whole batch."""


_OUT, _BEGIN, _IN, _LAST, _UNIT = range(5)
_KINDS = {"O": _OUT, "B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT}


class _Entities:
    """spaCy's EntityRecognizer (``inner``) as a pipeline component, decoded greedily here (decode_entities_here).
    The moves allowed in each state are those of spaCy's BILUO system (spacy/pipeline/_parser_internals/ner.pyx),
    with the gazetteer's entities preset; the score of a state is spaCy's (spacy/ml/parser_model.pyx): its three
    words' precomputed rows summed in order, the bias, maxout, then the output layer."""

    TOLERANCE = 1e-6  # two scores closer than this (relative to the larger, at least 1) are left to spaCy

    def __init__(self) -> None:
        self.inner: Any = None
        self.fallbacks = 0  # batches spaCy decoded itself (a near tie)
        self._moves = -1  # how many moves the classes below are of

    @staticmethod
    def fits(ner: Any) -> bool:
        """A greedy BILUO recognizer with spaCy's TransitionBasedParser (three state words, maxout, an output
        layer) on the CPU: the kind decoded here."""
        try:
            from spacy.pipeline import EntityRecognizer
            from thinc.api import NumpyOps

            model = ner.model
            _, lower, upper = model.layers
            return (isinstance(ner, EntityRecognizer) and ner.cfg.get("beam_width", 1) == 1
                    and model.attrs.get("has_upper") and lower.get_dim("nF") == 3 and lower.get_dim("nP") >= 2
                    and isinstance(model.ops, NumpyOps) and isinstance(lower.ops, NumpyOps)
                    and isinstance(upper.ops, NumpyOps)
                    and all(ner.moves.get_class_name(i)[:1] in _KINDS for i in range(ner.moves.n_moves)))
        except (AttributeError, ValueError, KeyError, ImportError):
            return False

    def __call__(self, doc: Doc) -> Doc:
        for _ in self.pipe([doc], batch_size=1):
            pass
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """As spaCy's Parser.pipe: batches of ``batch_size``, each decoded in sub-batches of a quarter of it,
        by length (the network's batches, whose sums these are)."""
        error_handler = self.inner.get_error_handler()
        for in_order in _batches(docs, batch_size):
            try:
                for sub in _batches(sorted(in_order, key=len), max(batch_size // 4, 2)):
                    self._annotate(sub)
                yield from in_order
            except Exception as e:
                error_handler(self.inner.name, self.inner, in_order, e)

    def __getattr__(self, name: str) -> Any:  # labels, model, moves, cfg ...: the recognizer's own
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def _annotate(self, docs: list[Doc]) -> None:
        if not any(len(doc) for doc in docs):
            return  # (spaCy sets no entity on empty documents)
        try:
            found = self._decode(docs)
        except _Undecided:
            self.fallbacks += 1
            self.inner.set_annotations(docs, self.inner.predict(docs))
            return
        from spacy.attrs import ENT_IOB
        from spacy.tokens import Span

        for doc, ents in zip(docs, found, strict=True):
            # as spaCy's BiluoPushDown.set_annotations: the entities, then O for every word left unset
            doc.set_ents([Span(doc, s, e, label=label, kb_id=doc[s].ent_kb_id) for s, e, label in ents],
                         default="unmodified")
            missing = (doc.to_array(ENT_IOB) == 0).nonzero()[0].tolist()
            if missing:
                doc.set_ents([], outside=[doc[i:i + 1] for i in missing], default="unmodified")

    def _classes(self) -> None:
        """Each move's kind and label, in spaCy's order (its ties go to the first), and which are scored."""
        import numpy

        ner = self.inner
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        self.kinds = [_KINDS[n[:1]] for n in names]
        strings = ner.vocab.strings
        self.labels = [strings.add(n[2:]) if len(n) > 2 else 0 for n in names]
        unseen = ner.model.attrs.get("unseen_classes", set())
        seen = numpy.array([i not in unseen for i in range(len(names))])
        kinds = numpy.array(self.kinds)
        self.out_cols = (kinds == _OUT) & seen
        self.begin_cols = (kinds == _BEGIN) & seen & (numpy.array(self.labels) != 0)
        self.unit_cols = (kinds == _UNIT) & seen & (numpy.array(self.labels) != 0)
        self.any_unseen = not bool(seen.all())
        self.inside = {(k, label): i for i, (k, label) in enumerate(zip(self.kinds, self.labels, strict=True))
                       if seen[i] and k in (_IN, _LAST)}
        self._moves = len(names)

    def _decode(self, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
        """The entities spaCy's greedy decoding would set on each document, as (start, end, label)."""
        import numpy
        from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, SENT_START

        if self.inner.moves.n_moves != self._moves:
            self._classes()
        if self.inner.model.get_ref("upper").get_param("W").shape[0] != self._moves:
            raise _Undecided  # (moves the output layer does not score yet)
        cached, scores = self.scores(docs)
        # each word's preset entity, and its next word's (spaCy's empty token after the last)
        table = numpy.concatenate([doc.to_array([ENT_IOB, ENT_TYPE, SENT_START, IS_SPACE]).reshape(-1, 4)
                                   for doc in docs])  # (unsigned: a label's hash, SENT_START's -1 wrapped)
        etype = table[:, 1]
        iob, sent_start, space = table[:, [0, 2, 3]].astype("int64").T
        ends = numpy.cumsum([len(doc) for doc in docs]) - 1
        ends = ends[ends >= 0]
        nxt_iob, nxt_start = numpy.append(iob[1:], 0), numpy.append(sent_start[1:], 0)
        has_next = numpy.ones(len(iob), dtype=bool)
        nxt_iob[ends], nxt_start[ends], has_next[ends] = 0, 0, False
        # with no entity open, on a word no preset entity holds: Out, or Begin or Unit of any label, as allowed
        not_space = space == 0
        begin_ok = has_next & (nxt_iob != 3) & (nxt_start != 1) & not_space
        unit_ok = (nxt_iob != 1) & not_space
        allowed = self.out_cols | (self.begin_cols & begin_ok[:, None]) | (self.unit_cols & unit_ok[:, None])
        masked = numpy.where(allowed, scores, -numpy.inf)
        rows = numpy.arange(len(masked))
        choice = masked.argmax(axis=1)  # (the first of equal scores, as spaCy's arg_max_if_valid)
        best = masked[rows, choice]
        masked[rows, choice] = -numpy.inf
        near = (best - masked.max(axis=1)) <= self.TOLERANCE * numpy.maximum(1.0, numpy.abs(best))
        if self.any_unseen:
            # a move the model never saw scores the step's lowest score: it may tie only with the lowest
            low = scores.min(axis=1)
            near |= best <= low + self.TOLERANCE * numpy.maximum(1.0, numpy.abs(low))
        lists = (iob.tolist(), etype.tolist(), nxt_iob.tolist(), nxt_start.tolist(), has_next.tolist(),
                 choice.tolist(), near.tolist())
        found = []
        offset = 0
        for doc in docs:
            found.append(self._walk(offset, len(doc), lists, cached))
            offset += len(doc)
        return found

    def scores(self, docs: list[Doc]) -> tuple[Any, Any]:
        """The network on a batch, as spaCy's ParserStepModel runs it: each word's precomputed rows for the
        state's three words (words + 1, 3, hidden, pieces; row 0 the padding), and each move's score on each
        word with no entity open (the state's other two words are then padding)."""
        tok2vec, lower, _ = self.inner.model.layers
        cached = lower.predict(tok2vec.predict(docs))
        return cached, self._scored(cached[1:, 0] + cached[0, 1], cached[0, 2])

    def open_scores(self, cached: Any, word: int, start: int) -> Any:
        """Each move's score on a word (its index in the batch) with an entity open since ``start``: the word,
        the entity's first word and the word before."""
        return self._scored((cached[word + 1, 0] + cached[start + 1, 1])[None], cached[word, 2][None])[0]

    def _scored(self, summed: Any, third: Any) -> Any:
        """The rest of spaCy's predict_states, in its order: the third word's rows added, the bias, maxout, the
        output layer (BLIS, as spaCy's) and its bias."""
        _, lower, upper = self.inner.model.layers
        summed += third
        summed += lower.get_param("b")
        ops = upper.ops
        scores = ops.gemm(ops.as_contig(summed.max(axis=2)), upper.get_param("W"), trans2=True)
        scores += upper.get_param("b")
        return scores

    def _walk(self, offset: int, n: int, lists: tuple[list[Any], ...], cached: Any) -> list[tuple[int, int, int]]:
        """One document's moves, word by word: a preset entity's one allowed move, a free word's best move with
        no entity open (scored in advance), or, with an entity open, In or Last, scored here."""
        iob, etype, nxt_iob, nxt_start, has_next, choice, near = lists
        kinds, labels = self.kinds, self.labels
        ents: list[tuple[int, int, int]] = []
        start, label = -1, 0  # the open entity
        for i in range(n):
            t = offset + i
            here, after = iob[t], nxt_iob[t]
            if start < 0:
                if here == 3:  # a preset entity starts: Begin or Unit, of its label
                    if etype[t] == 0:
                        raise _Undecided  # (a blocked word)
                    if after == 1 and has_next[t]:
                        start, label = i, etype[t]
                    else:
                        ents.append((i, i + 1, etype[t]))
                elif here == 1:
                    raise _Undecided  # (inside a preset entity with none open: not in a consistent document)
                else:
                    if near[t]:
                        raise _Undecided
                    move = choice[t]
                    if kinds[move] == _BEGIN:
                        start, label = i, labels[move]
                    elif kinds[move] == _UNIT:
                        ents.append((i, i + 1, labels[move]))
                continue
            # an entity is open: In or Last of its label
            may_go_on = (has_next[t] and here != 3 and after != 3
                         and ((after == 1 and label == etype[t]) if here == 1 else nxt_start[t] != 1))
            may_end = (label == etype[t]) if (here == 1 and after != 1) else after != 1
            if may_go_on and may_end:
                go_on, end = self.inside.get((_IN, label)), self.inside.get((_LAST, label))
                if go_on is None or end is None:
                    raise _Undecided
                row = self.open_scores(cached, t, offset + start)
                a, b = float(row[go_on]), float(row[end])
                if abs(a - b) <= self.TOLERANCE * max(1.0, abs(a), abs(b)):
                    raise _Undecided
                may_go_on, may_end = a > b, b > a
            if may_end:
                ents.append((start, i + 1, label))
                start, label = -1, 0
            elif not may_go_on:
                raise _Undecided  # (no move allowed: spaCy stops the document there)
        if start >= 0:
            raise _Undecided
        return ents
