"""Cue words: a cheap look for the words a pattern cannot match without, before the pattern's own search (#10).

Most sentences name no date and no quantity, and a plain search for a word costs a fraction of a regular
expression's search, whose optional leading words are tried at every character. A pattern runs when each of its
cues has one of its words in the text; a cue finds all the text its patterns would match, and more, so skipping a
pattern whose cues are missing changes no result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, eq=False)  # (each one made once: known by its identity, the quickest to hash)
class Cue:
    words: tuple[str, ...]  # any one of them
    folded: bool = True  # as a pattern of re.I finds them (in any case: ``fold``), else as written


def fold(text: str) -> str:
    """The text in lower case, where every letter that re.I matches to an ASCII letter is that letter (Python's
    re also takes the dotless 'ı' for 'i', 'İ' for 'i' and the long 'ſ' for 's'; checked over all of Unicode)."""
    return text.lower().replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


DIGIT = re.compile(r"\d")  # (any digit a pattern's \d takes: the one cue that is a pattern)


class Cues:
    """Which cues a text holds, each looked for at most once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._found: dict[Cue | re.Pattern[str], bool] = {}

    def allow(self, cues: tuple[Cue | re.Pattern[str], ...]) -> bool:
        """Can a pattern with these cues match anywhere in the text (has it all of them)?"""
        for cue in cues:
            if not self.has(cue):
                return False
        return True

    def has(self, cue: Cue | re.Pattern[str]) -> bool:
        """Does the text hold the cue?"""
        found = self._found.get(cue)
        if found is None:
            found = self._found[cue] = self._look(cue)
        return found

    def _look(self, cue: Cue | re.Pattern[str]) -> bool:
        if isinstance(cue, re.Pattern):
            return cue.search(self.text) is not None
        if not cue.folded:
            return any(w in self.text for w in cue.words)
        if self._folded is None:
            self._folded = fold(self.text)
        return any(w in self._folded for w in cue.words)
