"""The PLOVER trigger lexicon, indexed for the coder: lemma -> entries (phrases by their head), the frames of
each trigger word, the traits of each event type and the type changes, all read from ``knowledge/``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from diplomap.knowledge import Knowledge, TypeChange


@dataclass(frozen=True)
class TriggerEntry:
    words: tuple[str, ...]  # head lemma first: ("lift", "restriction")
    pos: str
    type: str
    mode: str
    traits: frozenset[str] = frozenset()  # of its type (plover_types.csv): "hostile", "voiced", ...


@dataclass
class Lexicon:
    verbs: dict[str, list[TriggerEntry]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[TriggerEntry]] = field(default_factory=lambda: defaultdict(list))
    frames: dict[str, frozenset[str]] = field(default_factory=dict)  # lemma -> frames (trigger_frames.csv)
    traits: dict[str, frozenset[str]] = field(default_factory=dict)  # type -> traits (plover_types.csv)
    aspects: dict[str, frozenset[str]] = field(default_factory=dict)  # type -> types it is an aspect of (same)
    changes: tuple[TypeChange, ...] = ()  # type_changes.csv, in order

    @classmethod
    def from_knowledge(cls, kb: Knowledge) -> Lexicon:
        lex = cls(frames={k: frozenset(v) for k, v in kb.frames.items()}, traits=dict(kb.type_traits),
                  aspects=dict(kb.type_aspects), changes=tuple(kb.type_changes))
        for trig in kb.triggers:
            words = tuple(trig.trigger.replace("-", " - ").split()) if " " in trig.trigger else (trig.trigger,)
            entry = TriggerEntry(words, trig.pos, trig.type, trig.mode, lex.traits.get(trig.type, frozenset()))
            # a verb phrase is keyed by its verb ("lift restriction"), a noun phrase by its head noun,
            # which in English comes last ("hunger strike")
            if trig.pos == "NOUN":
                lex.nouns[words[-1]].append(entry)
            else:
                lex.verbs[words[0]].append(entry)
        # longest phrases are tried first
        for table in (lex.verbs, lex.nouns):
            for key in table:
                table[key].sort(key=lambda e: -len(e.words))
        return lex

    def verb_entry(self, word: str, event_type: str, mode: str = "") -> TriggerEntry:
        """An entry for a verb the coder reads as an event of ``event_type`` in context ('said' that another
        attacked: ACCUSE; 'received' a person: CONSULT), with its type's traits."""
        return TriggerEntry((word.lower(),), "VERB", event_type, mode, self.traits.get(event_type, frozenset()))

    def types_with(self, trait: str) -> frozenset[str]:
        """The event types that have ``trait`` (plover_types.csv)."""
        return frozenset(t for t, traits in self.traits.items() if trait in traits)

    def word_types(self, lemma: str, verb: bool, alone: bool = False) -> frozenset[str]:
        """The event types a word codes as a verb (else as a noun): in any of its entries, or with ``alone`` in those
        of the word alone ('summit' CONSULT; not 'attack' through "attack on the embassy" phrases only)."""
        table = self.verbs if verb else self.nouns
        return frozenset(e.type for e in table.get(lemma.lower(), []) if not alone or len(e.words) == 1)

    def names_a_meeting(self, lemma: str) -> bool:
        """Is the noun one word of a meeting, as the lexicon codes it (CONSULT): 'talks', 'summit', 'visit'."""
        return "CONSULT" in self.word_types(lemma, verb=False, alone=True)

    def has_frame(self, lemma: str, frame: str) -> bool:
        return frame in self.frames.get(lemma.lower(), frozenset())

    def has_trait(self, event_type: str, trait: str) -> bool:
        return trait in self.traits.get(event_type, frozenset())
