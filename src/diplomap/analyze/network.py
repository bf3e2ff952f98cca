"""The actor network: who appears in events with whom, how often, and how cooperatively."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from diplomap.knowledge import Knowledge
from diplomap.model import Event
from diplomap.plover import plover_score


@dataclass(frozen=True)
class Node:
    code: str
    label: str
    events: int


@dataclass(frozen=True)
class Edge:
    """Undirected: a and b in code order. Every pair of an event's actors is one co-occurrence."""

    a: str
    b: str
    events: int
    mean_score: float | None  # over the events with a PLOVER score
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def actor_network(events: Iterable[Event], kb: Knowledge | None = None) -> Network:
    counts: Counter[str] = Counter()
    pair_ids: dict[tuple[str, str], list[str]] = defaultdict(list)
    pair_scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    for event in events:
        actors = sorted(event.actors)
        counts.update(actors)
        score = plover_score(event.type, event.mode)
        for pair in combinations(actors, 2):
            pair_ids[pair].append(event.id)
            if score is not None:
                pair_scores[pair].append(score)
    nodes = tuple(Node(code, _label(code, kb), n) for code, n in sorted(counts.items()))
    edges = tuple(
        Edge(a, b, len(ids), _mean(pair_scores[(a, b)]), tuple(ids)) for (a, b), ids in sorted(pair_ids.items())
    )
    return Network(nodes, edges)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _label(code: str, kb: Knowledge | None) -> str:
    if kb is not None:
        if code in kb.states:
            return kb.states[code].name
        if code in kb.organisations:
            return kb.organisations[code].name
    return code
