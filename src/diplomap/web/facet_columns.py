"""The facet index's columns and the array helpers it is read with (web/facets.py): a value per event as small
integer codes (Column), (event, value) pairs (Pairs), ids cut from one long string, and event ids looked up among
sorted ones by 8-byte integers (IdLookup).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from diplomap.web.queries import FacetValue

Mask = NDArray[np.bool_]
Codes = NDArray[np.int64]


@dataclass(frozen=True)
class Column:
    """One value per row, as an index into ``names``, which are sorted (SQL NULL is read as '')."""

    codes: Codes
    names: tuple[str, ...]
    position: dict[str, int] = field(repr=False)

    @classmethod
    def of(cls, values: Iterable[str]) -> Column:
        first: dict[str, int] = {}  # value -> number, in order of first appearance
        codes = np.fromiter((first.setdefault(v, len(first)) for v in values), dtype=np.int64)
        names = sorted(first)
        place = np.zeros(len(names), dtype=np.int64)  # number -> place in name order
        place[[first[n] for n in names]] = np.arange(len(names))
        return cls(place[codes], tuple(names), {n: k for k, n in enumerate(names)})

    def among(self, values: Iterable[str]) -> Mask:
        """Rows whose value is one of ``values``."""
        if len(values := list(values)) == 1:  # one comparison per row: 7x faster than looking each row up
            found: Mask = self.codes == self.position.get(values[0], -1)
            return found
        wanted = np.zeros(len(self.names), dtype=np.bool_)
        wanted[[self.position[v] for v in values if v in self.position]] = True
        return wanted[self.codes]

    def top(self, rows: Mask | Codes, limit: int, newest: bool = False) -> list[FacetValue]:
        """The values of the chosen rows (a mask, or their numbers ascending) with their number of rows, most
        first and then by value (or by value, last first, when ``newest``); never the empty value.

        Given the rows' numbers it takes their codes (0.3 ms for 400,000 of 1,000,000 rows) where a mask
        compresses every row's code (4 ms: a branch per row, mispredicted): FacetIndex.facets finds the
        numbers once for every column."""
        return self.ranked(np.bincount(self.codes[rows], minlength=len(self.names)), limit, newest)

    def ranked(self, found: Codes, limit: int, newest: bool = False) -> list[FacetValue]:
        """The values with a count in ``found`` (one per value, changed here), ranked as ``top`` says."""
        if "" in self.position:
            found[self.position[""]] = 0
        present = np.flatnonzero(found)
        order = present[::-1] if newest else present[np.lexsort((present, -found[present]))]
        return [FacetValue(self.names[k], self.names[k], int(found[k])) for k in order[:limit]]


@dataclass(frozen=True)
class Pairs:
    """Distinct (event, value) pairs, sorted by value and then event: an event's actors, or the documents
    of its evidence. ``starts[k]`` is where value k's pairs begin, so one value's events are one slice."""

    event: Codes
    value: Column
    starts: Codes

    @classmethod
    def of(cls, events: Codes, values: Iterable[str]) -> Pairs:
        column = Column.of(values)
        return cls.coded(events, column.codes, column.names)

    @classmethod
    def coded(cls, events: Codes, codes: Codes, names: tuple[str, ...]) -> Pairs:
        """From each pair's event and the number of its value among ``names`` (sorted)."""
        width = max(int(events.max(initial=0)) + 1, 1)
        # One pair per (event, value): an actor in two roles, or two quotes from one document, count once.
        both = distinct_sorted(codes * width + events)
        value = both // width
        starts = np.searchsorted(value, np.arange(len(names) + 1))
        return cls(both % width, Column(value, names, {n: k for k, n in enumerate(names)}), starts)

    def events_with(self, n_events: int, values: Iterable[str]) -> Mask:
        chosen = np.zeros(n_events, dtype=np.bool_)
        for v in values:
            k = self.value.position.get(v)
            if k is not None:
                chosen[self.event[self.starts[k]:self.starts[k + 1]]] = True
        return chosen

    def counts(self, picked: Mask) -> Codes:
        """Each value's number of picked pairs (``picked``: one flag per pair), summed slice by slice.

        The pairs are sorted by value, so this is one pass over the flags, with no codes compressed by a mask
        and no bincount of them: 1 ms for 2,200,000 pairs where that took 13 ms."""
        found = np.zeros(len(self.starts) - 1, dtype=np.int64)
        full = np.flatnonzero(self.starts[:-1] < self.starts[1:])  # reduceat counts an empty slice wrong
        if len(full):
            found[full] = np.add.reduceat(picked, self.starts[full], dtype=np.int64)
        return found

    def top(self, chosen: Mask, limit: int, picked: Mask | None = None) -> list[FacetValue]:
        """The values of the chosen events with their number of events (a pair is an event); ``picked``, the
        pairs of the chosen events, when the caller has it already (FacetIndex.vectors needs it too)."""
        return self.value.ranked(self.counts(chosen[self.event] if picked is None else picked), limit)


SEP = "\x1f"  # between the ids read in one string (unit separator: in no id diplomap makes)


def split_ids(text: str) -> NDArray[np.bytes_]:
    """The ids of a group_concat with SEP, as UTF-8 bytes: numpy compares them byte by byte, four times
    faster than str.

    Ids of one width (diplomap's are: "ev_" and 16 hex digits) are cut from the bytes as one array, 0.02 s
    for 2,200,000 ids where splitting them into Python bytes and gathering those took 0.35 s (with the GIL
    held, so the other reading thread waited too); ids of several widths are split."""
    raw = text.encode("utf-8", "surrogatepass")
    sep = SEP.encode()
    width = raw.find(sep)
    if width > 0 and (len(raw) + 1) % (width + 1) == 0:
        n = (len(raw) + 1) // (width + 1)
        if raw.count(sep) == n - 1:  # then every separator is at its place, or one would be missing there
            cells = np.frombuffer(raw + sep, dtype=np.uint8).reshape(n, width + 1)
            if bool((cells[:, width] == sep[0]).all()):
                return np.ascontiguousarray(cells[:, :width]).view(f"S{width}").ravel()
    return np.array(raw.split(sep))


def is_ascending(values: NDArray[Any]) -> bool:
    """Whether the values are sorted (ascending, repeats allowed): one pass, where a sort takes several."""
    return bool(np.all(values[1:] >= values[:-1])) if len(values) > 1 else True


@dataclass(frozen=True)
class IdLookup:
    """Event ids to index rows, by a binary search among 8-byte integers rather than among the ids.

    Eight bytes of each id after the prefix all share ("ev_"), read as one big-endian integer, rise with the
    ids; the first id with a wanted id's integer is that id, unless two ids share those bytes, and those few
    are looked up among the ids themselves. At 1,000,000 events this finds 2,200,000 actor rows in 0.24 s
    where the search among the ids took 0.7 s (most of it cache misses across 19 MB of ids)."""

    ids: NDArray[np.bytes_]  # ascending
    keys: NDArray[np.uint64]
    skip: int

    @classmethod
    def of(cls, ids: NDArray[np.bytes_]) -> IdLookup:
        first, last = (bytes(ids[0]), bytes(ids[-1])) if len(ids) else (b"", b"")
        skip = 0  # the prefix of the first and last ids is every id's (they are sorted)
        while skip < min(len(first), len(last)) and first[skip] == last[skip]:
            skip += 1
        return cls(ids, id_keys(ids, skip), skip)

    def rows(self, wanted: NDArray[np.bytes_]) -> tuple[Codes, Mask]:
        """The index rows of the wanted ids, and which of them are events at all."""
        last = len(self.ids) - 1
        at = np.minimum(np.searchsorted(self.keys, id_keys(wanted, self.skip)), last)
        found: Mask = self.ids[at] == wanted
        if not found.all():  # ids that share those bytes with another, or no event's ids
            again = np.minimum(np.searchsorted(self.ids, wanted[~found]), last)
            at[~found] = again
            found[~found] = self.ids[again] == wanted[~found]
        return np.asarray(at, dtype=np.int64), found


def id_keys(ids: NDArray[np.bytes_], skip: int) -> NDArray[np.uint64]:
    """Bytes ``skip`` to ``skip`` + 8 of each id (zeros past its end), as one big-endian integer."""
    raw = ids.view(np.uint8).reshape(len(ids), ids.dtype.itemsize)[:, skip:skip + 8]
    if raw.shape[1] < 8:
        raw = np.pad(raw, ((0, 0), (0, 8 - raw.shape[1])))
    return np.ascontiguousarray(raw).view(">u8").ravel().astype(np.uint64)


def split_ints(text: str | None) -> Codes:
    """The integers of a comma-separated string (a group_concat), parsed by numpy in one call."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def distinct_sorted(values: Codes) -> Codes:
    """The distinct values, ascending: sorted, then repeats dropped (np.unique hashes first, 10-20x slower here).
    An actor's pairs come sorted already (by code, then event): no sort then."""
    ordered = values if is_ascending(values) else np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered
