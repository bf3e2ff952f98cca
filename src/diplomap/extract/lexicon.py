"""The PLOVER trigger lexicon, indexed for the coder: lemma -> entries, phrases by their head."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from diplomap.knowledge import Knowledge


@dataclass(frozen=True)
class TriggerEntry:
    words: tuple[str, ...]  # head lemma first: ("lift", "restriction")
    pos: str
    type: str
    mode: str


@dataclass
class Lexicon:
    verbs: dict[str, list[TriggerEntry]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[TriggerEntry]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def from_knowledge(cls, kb: Knowledge) -> Lexicon:
        lex = cls()
        for trig in kb.triggers:
            words = tuple(trig.trigger.replace("-", " - ").split()) if " " in trig.trigger else (trig.trigger,)
            entry = TriggerEntry(words, trig.pos, trig.type, trig.mode)
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
