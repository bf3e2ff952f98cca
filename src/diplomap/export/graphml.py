"""GraphML of the actor network, directed (#9): who acted on whom. Written with the standard library,
so exporting needs no networkx.

One edge per ordered pair of actors, a -> b. An event with sources and targets counts on the edge
from each source to each target (``acted``). Actors on the same side of an event (two states that sign
together, a participant) have no direction between them: the event counts on the edges both ways
(``joint``), since networkx and others refuse GraphML's per-edge directed="false" in a directed graph.
``weight`` = acted + joint; ``types`` lists the event types; ``mean_score`` is the mean PLOVER score of
the edge's events that have one, and is absent (not 0) when none has.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import IO

from diplomap.knowledge import Knowledge
from diplomap.model import Event
from diplomap.plover import plover_score

NS = "http://graphml.graphdrawing.org/xmlns"
_KEYS = (  # (id, for, name, type)
    ("label", "node", "label", "string"),
    ("n_events", "node", "events", "int"),
    ("weight", "edge", "weight", "int"),
    ("mean_score", "edge", "mean_score", "double"),
    ("acted", "edge", "acted", "int"),
    ("joint", "edge", "joint", "int"),
    ("types", "edge", "types", "string"),
)


class _Edges:
    """Events per edge a -> b: how many with a acting on b, how many with both on one side."""

    def __init__(self) -> None:
        self.acted: Counter[tuple[str, str]] = Counter()
        self.joint: Counter[tuple[str, str]] = Counter()
        self.types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.scores: dict[tuple[str, str], list[float]] = defaultdict(list)

    def add(self, edge: tuple[str, str], event: Event, score: float | None, acted: bool) -> None:
        (self.acted if acted else self.joint)[edge] += 1
        self.types[edge][event.type] += 1
        if score is not None:
            self.scores[edge].append(score)


def network_xml(events: Iterable[Event], kb: Knowledge | None = None) -> tuple[str, int, int]:
    """The GraphML document, its number of nodes and of edges. ``kb`` names the nodes."""
    counts: Counter[str] = Counter()
    edges = _Edges()
    for event in events:
        counts.update(event.actors)
        score = plover_score(event.type, event.mode)
        acting = {(s, t) for s in event.source for t in event.target if s != t}
        sides = (event.source, event.target, (*event.source, *event.participants),
                 (*event.target, *event.participants))
        together = {pair for side in sides for a, b in combinations(set(side), 2) for pair in ((a, b), (b, a))}
        for edge in acting:
            edges.add(edge, event, score, acted=True)
        for edge in together - acting:
            if edge[::-1] not in acting:  # an actor on both sides acts on the other: that is its relation
                edges.add(edge, event, score, acted=False)

    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for key_id, target, name, kind in _KEYS:
        ET.SubElement(root, f"{{{NS}}}key", {"id": key_id, "for": target, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "actors", "edgedefault": "directed"})
    for code, n in sorted(counts.items()):
        el = ET.SubElement(graph, f"{{{NS}}}node", {"id": code})
        _data(el, "label", _label(code, kb))
        _data(el, "n_events", str(n))
    for i, (a, b) in enumerate(sorted(edges.types)):
        el = ET.SubElement(graph, f"{{{NS}}}edge", {"id": f"e{i}", "source": a, "target": b})
        types, scores = edges.types[(a, b)], edges.scores[(a, b)]
        _data(el, "weight", str(sum(types.values())))
        if scores:
            _data(el, "mean_score", repr(sum(scores) / len(scores)))
        _data(el, "acted", str(edges.acted[(a, b)]))
        _data(el, "joint", str(edges.joint[(a, b)]))
        _data(el, "types", ", ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda p: (-p[1], p[0]))))
    ET.indent(root)
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    return xml, len(counts), len(edges.types)


def write_graphml(events: Iterable[Event], out: IO[str], kb: Knowledge | None = None) -> tuple[int, int]:
    """Write the network of the events' actors; returns the numbers of nodes and edges."""
    xml, nodes, edges = network_xml(events, kb)
    out.write(xml)
    return nodes, edges


def _label(code: str, kb: Knowledge | None) -> str:
    if kb is not None:
        if code in kb.states:
            return kb.states[code].name
        if code in kb.organisations:
            return kb.organisations[code].name
    return code


def _data(parent: ET.Element, key: str, value: str) -> None:
    ET.SubElement(parent, f"{{{NS}}}data", {"key": key}).text = value
