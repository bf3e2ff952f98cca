"""The statistical entity recognizer's choices made here, the same as spaCy's own (#10): how, and why it is
faster, in ``decode_entities_here``; tests/test_fast.py compares them with spaCy's, score by score."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


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
        from spacy.util import minibatch

        error_handler = self.inner.get_error_handler()
        for in_order in minibatch(docs, batch_size):  # type: ignore[no-untyped-call]
            try:
                by_length = sorted(in_order, key=len)
                for sub in minibatch(by_length, max(batch_size // 4, 2)):  # type: ignore[no-untyped-call]
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
