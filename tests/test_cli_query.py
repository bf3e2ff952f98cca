"""Issue #9, findings 12 and 13: `events` and `export` check their filters, resolve names, share the
filters (with --country), print JSON and CSV, and say what they wrote; the exports hold what they should."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from diplomap.cli import main
from diplomap.model import Document, Event
from diplomap.plover import event_types
from diplomap.store.db import Store

from .synthetic import events


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic 2031 events in two documents, in a file the CLI can open."""
    path = tmp_path_factory.mktemp("query") / "q.db"
    by_doc: dict[str, list[Event]] = {}
    for ev in events():
        by_doc.setdefault(ev.evidence[0].doc_id, []).append(ev)
    with Store(path) as store:
        for doc_id, evs in by_doc.items():
            text = " ".join(e.evidence[0].quote for e in evs)
            store.add_document(Document(id=doc_id, text=text, source=f"https://example.org/{doc_id}",
                                        title=f"Invented bulletin {doc_id[-1]}", publisher="Example Wire", raw=text),
                               [], [], evs)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def ids(out: str) -> list[str]:
    return [json.loads(line)["id"] for line in out.splitlines()]


# -- finding 12: the query CLI -------------------------------------------------------------------------------


def test_unknown_type_is_an_error_listing_the_types(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#9/12: `events --type CONSLT` printed nothing and exited 0."""
    code, out, err = run(capsys, "events", "--db", str(db), "--type", "CONSLT")
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "did you mean CONSULT?" in err
    assert all(t in err for t in event_types())
    code, out, _ = run(capsys, "events", "--db", str(db), "--type", "consult", "--format", "jsonl")
    assert code == 0 and len(ids(out)) == 9


def test_actor_name_is_resolved_to_its_code(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#9/12: `events --actor Azerbaijan` printed nothing and exited 0."""
    _, by_code, _ = run(capsys, "events", "--db", str(db), "--actor", "AZE", "--format", "jsonl")
    code, by_name, err = run(capsys, "events", "--db", str(db), "--actor", "Azerbaijan", "--format", "jsonl")
    assert code == 0 and by_name == by_code and len(ids(by_code)) == 17
    assert "'Azerbaijan' is AZE" in err
    _, lower, _ = run(capsys, "events", "--db", str(db), "--actor", "aze", "--format", "jsonl")
    assert lower == by_code


@pytest.mark.parametrize(("given", "hint"), [("Azerbijan", "did you mean Azerbaijan (AZE)?"),
                                              ("Armenai", "did you mean Armenia (ARM)"), ("Zzyzx", "give a code")])
def test_unknown_actor_says_did_you_mean(db: Path, capsys: pytest.CaptureFixture[str], given: str, hint: str) -> None:
    code, out, err = run(capsys, "events", "--db", str(db), "--actor", given)
    assert code == 2 and out == "" and hint in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("fmt", ["CSV", "Json", "JSONL", "csv"])
def test_events_prints_json_and_csv_in_any_case(db: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """#9/12: `--format CSV` was rejected and `events` had no JSON or CSV output."""
    code, out, _ = run(capsys, "events", "--db", str(db), "--actor", "ARM", "--format", fmt)
    assert code == 0
    if fmt.lower() == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        found = [r["id"] for r in rows]
    elif fmt.lower() == "json":
        found = [r["id"] for r in json.loads(out)]
    else:
        found = ids(out)
    assert sorted(found) == ["e01", "e02", "e03", "e04", "e15", "e16"]


def test_export_says_what_it_wrote(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#9/12: export said "wrote 49 events" for 49 graph nodes."""
    expected = {
        "jsonl": "wrote 18 events to", "csv": "wrote 18 events to",
        "graphml": "graph nodes from 18 events (", "timeline": "wrote 18 slides from 18 events",
        "geojson": "wrote 2 event points from 18 events",
    }
    for fmt, said in expected.items():
        out = tmp_path / f"x.{fmt}"
        code, _, err = run(capsys, "export", "events", "--db", str(db), "--format", fmt.upper(), "--out", str(out))
        assert code == 0 and said in err, (fmt, err)
    _, _, err = run(capsys, "export", "events", "--db", str(db), "--format", "graphml", "--out", str(tmp_path / "g"))
    nodes = int(err.split()[1])
    assert nodes == len({c for e in events() for c in e.actors}) == 14


# -- finding 13: exports ------------------------------------------------------------------------------------


def test_export_takes_the_filters_of_events(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for filters in (["--actor", "Armenia"], ["--type", "agree"], ["--from", "2031-06", "--to", "2031-09"],
                    ["--country", "Georgia"], ["--actor", "AZE", "--limit", "3"]):
        _, listed, _ = run(capsys, "events", "--db", str(db), *filters, "--format", "jsonl")
        code, exported, _ = run(capsys, "export", "events", "--db", str(db), *filters)
        assert code == 0 and ids(exported) == ids(listed) and ids(listed), filters


def test_country_is_an_actor_or_the_place(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "events", "--db", str(db), "--country", "GEO", "--format", "jsonl")
    # e05 and x02 have GEO as target; e01 (AZE -> ARM) took place in Tbilisi
    assert sorted(ids(out)) == ["e01", "e05", "x02"]
    code, _, err = run(capsys, "events", "--db", str(db), "--country", "EU")
    assert code == 2 and "no country 'EU'" in err


def test_csv_participants_lists_every_actor(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#9/13: the participants column was always empty."""
    _, out, _ = run(capsys, "export", "events", "--db", str(db), "--format", "csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert all(r["participants"] for r in rows.values())
    assert rows["e01"]["participants"] == "AZE|ARM" and rows["e03"]["participants"] == "AZE|ARM"
    assert rows["e08"]["participants"] == "FRA|AZE"


def test_timeline_slides_repeat_no_sentence_and_credit_the_source(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#9/13: every slide showed its sentence twice (summary, then quote) and named no source."""
    _, out, _ = run(capsys, "export", "events", "--db", str(db), "--format", "timeline")
    slides = json.loads(out)["events"]
    assert len(slides) == 18
    for slide in slides:
        text = slide["text"]["text"]
        quote = next(e.evidence[0].quote for e in events() if e.id == slide["unique_id"])
        assert text.count(quote.replace("'", "&#x27;")) == 1, text
        assert quote not in slide["text"]["headline"]
        assert 'Source: <a href="https://example.org/doc' in text and "Example Wire" in text


def test_geojson_layer_option(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#9/13: one GeoJSON mixed event points and corridor lines with different fields."""
    for layer, geometry in (("events", "Point"), ("corridors", "LineString")):
        code, out, _ = run(capsys, "export", "events", "--db", str(db), "--format", "geojson", "--layer", layer)
        features = json.loads(out)["features"]
        assert code == 0 and {f["geometry"]["type"] for f in features} <= {geometry}
        assert len({tuple(sorted(f["properties"])) for f in features}) <= 1
    out_file = tmp_path / "x.csv"
    code, _, err = run(capsys, "export", "events", "--db", str(db), "--format", "csv", "--layer", "events",
                       "--out", str(out_file))
    assert code == 2 and "--layer is for --format geojson" in err and not out_file.exists()


def test_swapped_dates_are_an_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "events", "--db", str(db), "--from", "2031-09", "--to", "2031-06")
    assert code == 2 and "swap them" in err
