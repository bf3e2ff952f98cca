"""Event ids: unique within a document, and the same when the document is extracted again.

Corrections are keyed on event ids (diplomap.store.corrections), so an id must come back when the same
sentence of the same document yields the same event again, after the extractor or the gazetteer
changed (``reextract``), after the document's date was fixed (``documents set``), or after the text
was edited elsewhere (a page updated in place keeps its document id; diplomap.ingest.identity).

An event's key is its document, the text of its first evidence sentence and which occurrence of that
text in the document it is (sentences move when text is added before them; their words do not), its
type and its trigger. Two events of one sentence with the same type and trigger ("Azerbaijan signed
agreements with Georgia and with Türkiye", coded apart on purpose) would share that key: the first in
extraction order keeps it, each later one adds its actors to it, and, if those are the same too, its
rank. Nothing is dropped: an id can never be given twice (#9, where the second event replaced the first).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from diplomap.model import Event, Sentence

PREFIX = "ev_"


def event_key(doc_id: str, quote: str, occurrence: int, type_: str, trigger: str) -> str:
    """The id of the event so keyed (see the module's docstring)."""
    key = f"{doc_id}\x1f{quote}\x1f{occurrence}\x1f{type_}\x1f{trigger}"
    return PREFIX + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def occurrences(sentences: Iterable[Sentence]) -> dict[int, int]:
    """For each sentence index, how many earlier sentences of its document have the same text."""
    seen: dict[str, int] = {}
    out: dict[int, int] = {}
    for sent in sorted(sentences, key=lambda s: s.index):
        out[sent.index] = seen.get(sent.text, 0)
        seen[sent.text] = out[sent.index] + 1
    return out


def base_id(event: Event, occurrence: Mapping[int, int]) -> str:
    """The id of an event that shares its sentence, type and trigger with no earlier event."""
    ev = event.evidence[0]
    return event_key(ev.doc_id, ev.quote, occurrence.get(ev.sentence, 0), event.type, event.trigger)


def event_ids(events: Sequence[Event], sentences: Sequence[Sentence] = (), taken: Iterable[str] = ()) -> list[str]:
    """Distinct ids for the events of one extraction, in order; an event with an ``id`` keeps it.

    ``sentences`` are the document's (for the occurrence of each evidence sentence's text); ``taken`` are
    ids that must not be given (none, for a document's own extraction)."""
    occurrence = occurrences(sentences)
    used = set(taken)
    ids: list[str] = []
    for event in events:
        eid = event.id or base_id(event, occurrence)
        if eid in used and not event.id:
            actors = ";".join((",".join(event.source), ",".join(event.target), ",".join(sorted(event.participants))))
            eid = by_actors = _suffixed(eid, actors)
            rank = 2
            while eid in used:
                eid = _suffixed(by_actors, str(rank))
                rank += 1
        used.add(eid)
        ids.append(eid)
    return ids


def _suffixed(eid: str, suffix: str) -> str:
    return PREFIX + hashlib.sha1(f"{eid}\x1f{suffix}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
