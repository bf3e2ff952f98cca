"""Exports: CSV round-trips, GeoJSON is valid, GraphML loads in networkx, TimelineJS has its fields (#4)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomap.analyze.corridors import corridors
from diplomap.export.csv import read_csv, write_csv
from diplomap.export.geojson import write_geojson
from diplomap.export.graphml import write_graphml
from diplomap.export.timeline import write_timeline
from diplomap.model import DateSpan, Event, Evidence, Modality, Place, Precision, Quantity

from .synthetic import BAKU, day, event, events, knowledge


def _rich() -> list[Event]:
    """Events that exercise every column: several evidence, quantities, awkward text, no date, no place."""
    return [
        Event(type="AGREE", source=("AZE", "ARM"), target=(), participants=("EU",),
              date=DateSpan(date(2031, 3, 14), date(2031, 3, 15), Precision.RANGE, "14–15 March"),
              evidence=(Evidence("d1", 0, 0, 20, 'He said: "yes, | no,\nmaybe"'), Evidence("d2", 3, 5, 9, "ещё")),
              mode="", modality=Modality.PLANNED, location=BAKU,
              quantities=(Quantity(1.5e9, "USD", "$1.5 billion", "up to"),), trigger="sign", summary="a, b",
              id="ev_1"),
        Event(type="CONSULT", source=("GEO",), target=("TUR",), date=None, evidence=(Evidence("d1", 1, 0, 1, "x"),),
              mode="Phone", id="ev_2"),
    ]


def test_csv_round_trips() -> None:
    buf = io.StringIO()
    assert write_csv([*_rich(), *events()], buf) == 2 + len(events())
    buf.seek(0)
    assert read_csv(buf) == [*_rich(), *events()]


@given(st.text(), st.text(), st.floats(-90, 90))
def test_csv_round_trips_any_text(quote: str, summary: str, lat: float) -> None:
    ev = Event(type="CONSULT", source=("A",), target=("B",), date=day(1, 1),
               evidence=(Evidence("d", 0, 0, len(quote), quote),), summary=summary, id="e",
               location=Place("P", "AAA", lat, 10.0))
    buf = io.StringIO()
    write_csv([ev], buf)
    buf.seek(0)
    assert read_csv(buf) == [ev]


def test_geojson_layers_points_and_lines_in_range() -> None:
    """One layer per file (#9, finding 13): event points or corridor lines, each with the same fields."""
    kb = knowledge()
    evs = [
        *events(),
        event("bad", "CONSULT", ("A",), ("B",), day(1, 1), "q", location=Place("Nowhere", "", 95.0, 10.0)),
    ]
    docs = {}
    for layer in ("events", "corridors"):
        buf = io.StringIO()
        n = write_geojson(evs, buf, corridors=corridors(evs, kb), layer=layer)
        docs[layer] = json.loads(buf.getvalue())
        assert docs[layer]["type"] == "FeatureCollection" and len(docs[layer]["features"]) == n
        assert len({tuple(f["properties"]) for f in docs[layer]["features"]}) == 1, "one set of fields per layer"
        for feature in docs[layer]["features"]:
            coords = feature["geometry"]["coordinates"]
            for lon, lat in coords if feature["geometry"]["type"] == "LineString" else [coords]:
                assert -180 <= lon <= 180 and -90 <= lat <= 90
    with_place = [e for e in events() if e.location is not None]
    assert [f["geometry"]["type"] for f in docs["events"]["features"]] == ["Point"] * len(with_place) == ["Point"] * 2
    assert [f["geometry"]["type"] for f in docs["corridors"]["features"]] == ["LineString"]  # "bad" is out of range
    point = next(f for f in docs["events"]["features"] if f["id"] == "e04")
    assert point["geometry"]["coordinates"] == [BAKU.lon, BAKU.lat]  # [lon, lat], not [lat, lon]
    assert point["properties"]["evidence"][0]["quote"].startswith("Azerbaijan and Armenia signed")


def test_graphml_is_directed_and_loads_in_networkx(tmp_path: Path) -> None:
    """Who acted on whom (#9, finding 13): source -> target edges; joint actors have an undirected edge."""
    nx = pytest.importorskip("networkx")
    path = tmp_path / "actors.graphml"
    with path.open("w", encoding="utf-8") as out:
        nodes, edges = write_graphml(events(), out, kb=knowledge())
    graph = nx.read_graphml(path)
    assert graph.is_directed()
    assert graph.number_of_nodes() == nodes and graph.number_of_edges() == edges
    assert graph.nodes["ARM"]["label"] == "Armenia"
    assert graph.nodes["ARM"]["events"] == 6
    # AZE -> ARM: e01 e15 e16 (CONSULT); ARM -> AZE: e02 (ACCUSE); AZE with ARM: e03 e04 (AGREE, joint sources)
    to_arm, to_aze = graph.edges["AZE", "ARM"], graph.edges["ARM", "AZE"]
    assert (to_arm["acted"], to_arm["joint"], to_arm["weight"]) == (3, 2, 5)
    assert (to_aze["acted"], to_aze["joint"], to_aze["weight"]) == (1, 2, 3)
    assert to_arm["types"] == "CONSULT 3, AGREE 2" and to_aze["types"] == "AGREE 2, ACCUSE 1"
    assert isinstance(to_arm["mean_score"], float)
    assert graph.edges["FRA", "AZE"]["acted"] == 1 and not graph.has_edge("AZE", "FRA")  # France gave aid


def test_timeline_has_the_fields_timelinejs_requires() -> None:
    month = DateSpan(date(2031, 4, 1), date(2031, 4, 30), Precision.MONTH, "in April")
    evs = [
        *events(),
        event("m", "CONSULT", ("A",), ("B",), month, "Talks <b>resumed</b>."),
        event("u", "CONSULT", ("A",), ("B",), None, "Undated."),
    ]
    buf = io.StringIO()
    n = write_timeline(evs, buf, title="Invented & co", group=lambda e: e.source[0])
    doc = json.loads(buf.getvalue())
    assert doc["title"]["text"]["headline"] == "Invented &amp; co"
    assert len(doc["events"]) == n == len(evs) - 1  # the undated event has no slide
    for slide in doc["events"]:
        assert set(slide["start_date"]) >= {"year"} and slide["start_date"]["year"].isdigit()
        assert slide["text"]["headline"] and slide["text"]["text"]
    by_id = {s["unique_id"]: s for s in doc["events"]}
    assert by_id["m"]["start_date"] == {"year": "2031", "month": "4"}  # no day for a month-precise date
    assert by_id["m"]["display_date"] == "in April"
    assert "&lt;b&gt;resumed" in by_id["m"]["text"]["text"]
    assert by_id["e01"]["start_date"] == {"year": "2031", "month": "1", "day": "10"}
    assert [s["unique_id"] for s in doc["events"]][:3] == ["x02", "e01", "e02"]  # in date order
