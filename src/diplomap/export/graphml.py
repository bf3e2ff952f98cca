"""GraphML of the actor network, written with the standard library so exporting needs no networkx."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import IO

from diplomap.analyze.network import Network, actor_network
from diplomap.knowledge import Knowledge
from diplomap.model import Event

NS = "http://graphml.graphdrawing.org/xmlns"
_KEYS = (  # (id, for, name, type)
    ("label", "node", "label", "string"),
    ("n_events", "node", "events", "int"),
    ("weight", "edge", "weight", "int"),
    ("mean_score", "edge", "mean_score", "double"),
)


def network_xml(network: Network) -> str:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for key_id, target, name, kind in _KEYS:
        ET.SubElement(root, f"{{{NS}}}key", {"id": key_id, "for": target, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "actors", "edgedefault": "undirected"})
    for node in network.nodes:
        el = ET.SubElement(graph, f"{{{NS}}}node", {"id": node.code})
        _data(el, "label", node.label)
        _data(el, "n_events", str(node.events))
    for i, edge in enumerate(network.edges):
        el = ET.SubElement(graph, f"{{{NS}}}edge", {"id": f"e{i}", "source": edge.a, "target": edge.b})
        _data(el, "weight", str(edge.events))
        if edge.mean_score is not None:  # absent, not 0: an unscored pair is not a neutral one
            _data(el, "mean_score", repr(edge.mean_score))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_graphml(events: Iterable[Event], out: IO[str], kb: Knowledge | None = None) -> int:
    """Write the network of the events' actors; returns the number of nodes. ``kb`` names the nodes."""
    network = actor_network(events, kb)
    out.write(network_xml(network))
    return len(network.nodes)


def _data(parent: ET.Element, key: str, value: str) -> None:
    ET.SubElement(parent, f"{{{NS}}}data", {"key": key}).text = value
