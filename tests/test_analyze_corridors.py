"""Corridors from knowledge projects and the events that name them; the actor network (#4)."""

from __future__ import annotations

import pytest

from diplomap.analyze.corridors import corridors, name_pattern, project_events
from diplomap.analyze.network import actor_network

from .synthetic import day, event, knowledge


def test_acronyms_match_case_sensitively_and_names_in_any_case() -> None:
    rx = name_pattern(knowledge().projects["steppe_link"])
    assert rx.search("freight on the SLR doubled")
    assert rx.search("the steppe link railway opened")
    assert not rx.search("they slr the rails")  # the acronym only in capitals
    assert not rx.search("SLRX terminal")  # whole words only


def test_corridors_with_their_events_and_coordinates() -> None:
    kb = knowledge()
    events = [
        event("e1", "COOPERATE", ("AZE",), ("GEO",), day(2, 1), "Tracklaying on the SLR reached the border."),
        event("e2", "CONSULT", ("AZE",), ("GEO",), day(2, 2), "The ministers met."),
    ]
    assert [e.id for e in project_events(events, kb.projects["steppe_link"])] == ["e1"]
    (link,) = corridors(events, kb)
    assert (link.name, link.mode, link.status, link.partners) == ("Steppe Link Railway", "rail", "under construction",
                                                                  ("AZE", "GEO", "TUR"))
    assert link.event_ids == ("e1",)
    assert link.line == [(49.87, 40.41), (44.79, 41.72), (43.10, 40.60)]
    # a project the country is party to is listed even when no event names it
    assert corridors(events[1:], kb) == []
    assert [c.id for c in corridors(events[1:], kb, country="GEO")] == ["steppe_link"]


def test_actor_network_weights() -> None:
    events = [
        event("e1", "CONSULT", ("A",), ("B",), None, "q"),  # +2.5
        event("e2", "AID", ("B",), ("A",), None, "q"),  # +10
        event("e3", "ACCUSE", ("A",), ("C",), None, "q", participants=("B",)),  # -3
    ]
    net = actor_network(events)
    assert {(n.code, n.events) for n in net.nodes} == {("A", 3), ("B", 3), ("C", 1)}
    edges = {(e.a, e.b): e for e in net.edges}
    assert set(edges) == {("A", "B"), ("A", "C"), ("B", "C")}
    # A-B: three events, (2.5 + 10 - 3) / 3 = 3.166667
    assert edges[("A", "B")].events == 3
    assert edges[("A", "B")].mean_score == pytest.approx(9.5 / 3)
    assert edges[("B", "C")].event_ids == ("e3",)
