"""The web app in process (issue #5): every page and API route, the 4xx answers, the write-token rule."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diplomap.model import Modality
from diplomap.store.corrections import apply_corrections, format_span, history, parse_span, record_correction
from diplomap.store.db import EventQuery, Store
from diplomap.web.app import create_app
from tests import webdata

TOKEN = "test-token-123"
BASE = "http://127.0.0.1"


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "web.db"
    return path, webdata.build(path)


@pytest.fixture
def client(db: tuple[Path, dict[str, str]]) -> Iterator[TestClient]:
    app = create_app(db[0], token=TOKEN, knowledge=webdata.knowledge())
    with TestClient(app, base_url=BASE) as c:
        yield c


@pytest.fixture
def ids(db: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return db[1]


def listed(client: TestClient, url: str) -> list[str]:
    return [e["id"] for e in client.get(url).json()["events"]]


# -- browse -----------------------------------------------------------------------------------------


def test_event_list_shows_every_event_newest_first(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get("/events")
    assert r.status_code == 200
    found = re.findall(r'href="/events/(ev_[0-9a-f]+)" class="event-link"', r.text)
    assert found == [ids["thanks"], ids["aid"], ids["protest"], ids["accord"], ids["talks"]]
    assert "5 events" in r.text


def test_facets_filter_and_make_shareable_urls(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get("/events?actor=ALD&type=AGREE")
    assert re.findall(r'href="/events/(ev_[0-9a-f]+)" class="event-link"', r.text) == [ids["accord"]]
    assert 'href="/events?type=AGREE"' in r.text  # removing the actor keeps the type
    assert listed(client, "/api/events?month=2025-04") == [ids["thanks"], ids["aid"]]
    assert listed(client, f"/api/events?doc={ids['doc']}") == [ids["protest"], ids["accord"], ids["talks"]]
    assert listed(client, "/api/events?modality=planned") == []


def test_vector_facet_uses_the_focus_actors_vectors(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get("/api/events?actor=ALD&facets=true").json()
    vectors = {v["value"]: v["count"] for v in body["facets"]["vector"]}
    assert vectors == {"Inner Sea": 2, "Steppe": 1}  # BRV's area, CAS's area
    assert listed(client, "/api/events?actor=ALD&vector=Steppe") == [ids["protest"]]


def test_full_text_search(client: TestClient, ids: dict[str, str]) -> None:
    assert listed(client, "/api/events?q=accord") == [ids["protest"], ids["accord"]]
    r = client.get("/api/search?q=floods")
    assert r.status_code == 200
    assert [s["text"][:12] for s in r.json()["sentences"]] == ["Borvia sent "]
    assert [e["id"] for e in r.json()["events"]] == [ids["aid"]]
    # FTS syntax in user input is quoted, not an error
    assert client.get('/api/events?q="unbalanced OR (').status_code == 200


def test_keyset_pages_cover_everything_once(client: TestClient, db: tuple[Path, dict[str, str]]) -> None:
    path, _ = db
    extra = webdata.document("Borvia and Castria met. Aldoria wrote to Borvia.", "Undated notes")
    with Store(path) as store:
        store.add_document(extra, webdata.sentences(extra), [], [
            webdata.event(extra, "Borvia and Castria met", "CONSULT", ("BRV",), ("CAS",), None),
            webdata.event(extra, "Aldoria wrote to Borvia", "CONSULT", ("ALD",), ("BRV",), None),
        ])
        every = {e.id for e in store.events(EventQuery(modalities=tuple(Modality)))}
    seen: list[str] = []
    url: str | None = "/api/events?limit=2"
    while url:
        body = client.get(url).json()
        assert body["total"] == 7
        seen += [e["id"] for e in body["events"]]
        url = body["next_url"]
    assert len(seen) == len(set(seen)) == 7
    assert set(seen) == every
    assert [e["start"] for e in client.get("/api/events?limit=7").json()["events"]][-2:] == [None, None]


# -- event and document pages -------------------------------------------------------------------------


def test_event_page_marks_the_exact_evidence(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get(f"/events/{ids['accord']}")
    assert r.status_code == 200
    assert "<mark>signed a transit accord</mark>" in r.text
    assert "The ministers of Aldoria and Borvia <mark>" in r.text


def test_document_page_marks_every_evidence_with_a_link(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get(f"/documents/{ids['doc']}")
    marks = re.findall(r'<mark id="m(\d+)"><a href="/events/(ev_[0-9a-f]+)">([^<]*)</a></mark>', r.text)
    text = webdata.TEXT_ONE
    assert [(text[int(s) : int(s) + len(q)], e) for s, e, q in marks] == [
        ("held talks in Port Selva", ids["talks"]),
        ("signed a transit accord", ids["accord"]),
        ("protested against the accord", ids["protest"]),
    ]


def test_document_markup_is_shown_as_text(client: TestClient, ids: dict[str, str]) -> None:
    for url in (f"/documents/{ids['evil']}", f"/events/{ids['aid']}", "/events?q=floods"):
        r = client.get(url)
        assert "<script>document.title" not in r.text
        assert "<img src=x" not in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "&lt;script&gt;document.title=" in client.get(f"/documents/{ids['evil']}").text
    assert "Aid &lt;b&gt;report&lt;/b&gt;" in client.get(f"/documents/{ids['evil']}").text


def test_actor_page_has_chart_dyads_network_and_roles(client: TestClient) -> None:
    r = client.get("/actors/ald")
    assert r.status_code == 200
    assert "<h1>Aldoria" in r.text
    assert 'aria-label="ALD: events per month"' in r.text
    assert 'href="/actors/BRV"' in r.text and 'href="/actors/CAS"' in r.text
    assert "Ana Vela — President of Aldoria" in r.text and "2024-06-30" in r.text
    # the directions of a dyad need not add up to its events, and the page says why
    assert "counts in both directions" in r.text
    body = client.get("/api/actors/ALD").json()
    assert body["events"] == 3
    assert {p["partner"]: p["events"] for p in body["partners"]} == {"BRV": 2, "CAS": 1}
    assert dict((c, n) for c, n in body["neighbours"]) == {"BRV": 2, "CAS": 1}
    assert client.get("/api/actors").json()[0] == ["BRV", 4]


def test_map_review_and_openapi(client: TestClient) -> None:
    r = client.get("/map")
    assert r.status_code == 200 and "Inner Sea Railway" in r.text and "<polyline" in r.text and "Port Selva" in r.text
    r = client.get("/review")
    assert r.status_code == 200
    assert "foreign policy in 2025" in r.text or "not available yet" in r.text
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{eid}", "/api/events/{eid}/corrections", "/api/actors/{code}",
            "/api/search"} <= set(spec["paths"])
    assert "/events" not in spec["paths"]  # pages stay out of the API description


def test_review_of_an_unknown_country_says_so(client: TestClient) -> None:
    r = client.get("/review?country=ZZZ&year=2025")
    assert r.status_code == 200
    assert "review-problem" in r.text or "not available yet" in r.text


# -- bad requests ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "/api/events?month=2025-13", "/api/events?limit=0", "/api/events?limit=x", "/api/events?after=garbage",
    "/api/events?after=notadate~ev_1", "/api/events?modality=maybe", "/api/events?vector=Steppe",
    "/api/events?actor=%3Cscript%3E", "/api/search", "/api/search?q=",
])
def test_bad_api_requests_get_400_json(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["error"].startswith("Bad request")
    assert "Traceback" not in r.text


def test_bad_page_requests_get_an_html_page(client: TestClient) -> None:
    r = client.get("/events?month=March")
    assert r.status_code == 400 and "text/html" in r.headers["content-type"]
    assert "write the month as YYYY-MM" in r.text
    assert client.get("/events/ev_nope").status_code == 404
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/actors/ZZZ").status_code == 404
    assert client.get("/review?year=99").status_code == 400
    r = client.get("/api/events/ev_nope")
    assert r.status_code == 404 and r.json() == {"error": "no event 'ev_nope'", "status": 404}


def test_foreign_host_header_is_refused(client: TestClient) -> None:
    assert client.get("/events", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/events", headers={"host": "localhost:8000"}).status_code == 200


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="diplomap ingest"):
        create_app(tmp_path / "none.db")


# -- corrections through the API ---------------------------------------------------------------------------


def post(client: TestClient, eid: str, field: str, value: str, token: str | None = TOKEN):  # type: ignore[no-untyped-def]
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return client.post(f"/api/events/{eid}/corrections", json={"field": field, "value": value, "author": "tester"},
                       headers=headers)


def test_api_write_needs_the_token(client: TestClient, ids: dict[str, str]) -> None:
    assert post(client, ids["talks"], "type", "AGREE", token=None).status_code == 401
    assert post(client, ids["talks"], "type", "AGREE", token="wrong").status_code == 401
    assert client.get(f"/api/events/{ids['talks']}").json()["event"]["type"] == "CONSULT"
    r = client.post(f"/api/events/{ids['talks']}/corrections", json={"field": "type", "value": "AGREE", "author": "x"},
                    headers={"authorization": f"Bearer {TOKEN}", "origin": "http://evil.example"})
    assert r.status_code == 403


def test_api_edit_is_applied_and_kept_as_history(client: TestClient, ids: dict[str, str]) -> None:
    r = post(client, ids["talks"], "target", "brv, cas")
    assert r.status_code == 201
    assert r.json()[0] | {"created_at": ""} == {
        "id": 1, "event_id": ids["talks"], "field": "target", "old_value": "BRV", "new_value": "BRV, CAS",
        "author": "tester", "created_at": "",
    }
    body = client.get(f"/api/events/{ids['talks']}").json()
    assert body["event"]["target"] == ["BRV", "CAS"] and body["status"] == "edited"
    assert post(client, ids["talks"], "target", "BRV, CAS").json() == []  # unchanged: nothing recorded
    assert post(client, ids["talks"], "date", "2025-03").status_code == 201
    assert client.get(f"/api/events/{ids['talks']}").json()["event"]["date"]["precision"] == "month"
    assert [c["field"] for c in client.get(f"/api/events/{ids['talks']}/history").json()] == ["target", "date"]


@pytest.mark.parametrize(("field", "value"), [
    ("type", "DANCE"), ("date", "March"), ("date", "2025-03-05/2025-03-01"), ("location", "X | Y | 100 | 0"),
    ("source", "A B"), ("status", "maybe"), ("colour", "red"),
])
def test_api_bad_corrections_get_400(client: TestClient, ids: dict[str, str], field: str, value: str) -> None:
    r = post(client, ids["talks"], field, value)
    assert r.status_code == 400, r.text
    assert client.get(f"/api/events/{ids['talks']}/history").json() == []


def test_api_correction_of_unknown_event_is_404(client: TestClient) -> None:
    assert post(client, "ev_nope", "type", "AGREE").status_code == 404
    assert client.get("/api/events/ev_nope/history").status_code == 404


def test_rejected_event_leaves_the_list_and_confirm_brings_it_back(client: TestClient, ids: dict[str, str]) -> None:
    assert post(client, ids["protest"], "status", "rejected").status_code == 201
    assert ids["protest"] not in listed(client, "/api/events")
    assert listed(client, "/api/events?status=rejected") == [ids["protest"]]
    assert post(client, ids["protest"], "status", "confirmed").status_code == 201
    assert ids["protest"] in listed(client, "/api/events?status=confirmed")


def test_corrections_survive_reextraction(db: tuple[Path, dict[str, str]]) -> None:
    """Project.reextract calls Store.replace_extraction; apply_corrections then replays the history."""
    path, ids = db
    doc = webdata.document(webdata.TEXT_ONE, "Talks and an accord")
    with Store(path) as store:
        record_correction(store, ids["accord"], "type", "COOPERATE", "ana")
        record_correction(store, ids["talks"], "location", "Kest | BRV | 42 | 48", "ana")
        record_correction(store, ids["protest"], "status", "rejected", "ivo")
        store.replace_extraction(doc, webdata.sentences(doc), [], webdata.events_one(doc))
        assert store.event(ids["accord"]).type == "AGREE"  # type: ignore[union-attr]  # re-extracted as it was
        assert apply_corrections(store, doc.id) == 3
        assert store.event(ids["accord"]).type == "COOPERATE"  # type: ignore[union-attr]
        assert store.event_status(ids["accord"]) == "edited"
        assert store.event(ids["talks"]).location.name == "Kest"  # type: ignore[union-attr]
        assert store.event_status(ids["protest"]) == "rejected"
        assert apply_corrections(store, doc.id) == 3  # idempotent
        assert store.event(ids["accord"]).type == "COOPERATE"  # type: ignore[union-attr]
        assert [c.new_value for c in history(store, ids["accord"])] == ["COOPERATE"]
        assert apply_corrections(store, "other-doc") == 0


def test_date_values_round_trip() -> None:
    for text in ("2025", "2025-02", "2025-02-28", "2025-02-27/2025-03-02"):
        assert format_span(parse_span(text)) == text
    span = parse_span("2024-02")
    assert span is not None and (span.start, span.end) == (date(2024, 2, 1), date(2024, 2, 29))


# -- corrections through the page form ----------------------------------------------------------------------


def form_csrf(client: TestClient, eid: str) -> str:
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(f"/events/{eid}").text)
    assert match
    return match.group(1)


def submit(client: TestClient, eid: str, data: dict[str, str], origin: str | None = BASE):  # type: ignore[no-untyped-def]
    headers = {"origin": origin} if origin else {}
    return client.post(f"/events/{eid}/corrections", data=data, headers=headers, follow_redirects=False)


def test_form_edit_needs_the_token(client: TestClient, ids: dict[str, str]) -> None:
    csrf = form_csrf(client, ids["talks"])
    edit = {"csrf": csrf, "action": "edit", "author": "ana", "type": "AGREE", "source": "ALD", "target": "BRV",
            "date": "2025-03-02", "location": "Port Selva | ALD | 41.2 | 45.5"}
    r = submit(client, ids["talks"], edit)
    assert r.status_code == 403 and "write token" in r.text
    r = submit(client, ids["talks"], {**edit, "token": "wrong"})
    assert r.status_code == 403
    assert client.get(f"/api/events/{ids['talks']}").json()["event"]["type"] == "CONSULT"

    r = submit(client, ids["talks"], {**edit, "token": TOKEN})
    assert r.status_code == 303 and r.headers["location"] == f"/events/{ids['talks']}#history"
    page = client.get(f"/events/{ids['talks']}").text
    assert 'id="event-status">edited' in page
    assert "<td>ana</td><td>type</td><td>CONSULT</td><td>AGREE</td>" in page
    # the session now remembers the writer: the next correction needs no token, only a fresh CSRF token
    csrf = form_csrf(client, ids["talks"])
    assert submit(client, ids["talks"], {"csrf": csrf, "action": "reject"}).status_code == 303
    assert client.get(f"/api/events/{ids['talks']}").json()["status"] == "rejected"


def test_form_refuses_cross_site_posts(client: TestClient, ids: dict[str, str]) -> None:
    csrf = form_csrf(client, ids["talks"])
    confirm = {"csrf": csrf, "action": "confirm", "author": "ana", "token": TOKEN}
    assert submit(client, ids["talks"], confirm, origin="http://evil.example").status_code == 403
    assert submit(client, ids["talks"], confirm, origin=None).status_code == 403  # neither Origin nor Referer
    assert submit(client, ids["talks"], {**confirm, "csrf": "0" * 64}).status_code == 403
    assert submit(client, ids["talks"], {**confirm, "csrf": ""}).status_code == 403
    r = client.post(f"/events/{ids['talks']}/corrections", data=confirm, follow_redirects=False,
                    headers={"referer": f"{BASE}/events/{ids['talks']}"})
    assert r.status_code == 303
    assert client.get(f"/api/events/{ids['talks']}").json()["status"] == "confirmed"


def test_form_bad_value_is_a_400_page(client: TestClient, ids: dict[str, str]) -> None:
    csrf = form_csrf(client, ids["talks"])
    r = submit(client, ids["talks"], {"csrf": csrf, "action": "edit", "author": "ana", "token": TOKEN,
                                      "type": "CONSULT", "source": "ALD", "target": "BRV", "date": "soon",
                                      "location": ""})
    assert r.status_code == 400 and "text/html" in r.headers["content-type"]
    assert "is not a date" in r.text
    r = submit(client, ids["talks"], {"csrf": csrf, "action": "dance", "author": "ana", "token": TOKEN})
    assert r.status_code == 400


def test_large_database_pages_do_not_wait_for_their_totals(client: TestClient, ids: dict[str, str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Above views.SMALL events the facet index is read in the background; the counts show on a later view."""
    import time

    from diplomap.web import views

    monkeypatch.setattr(views, "SMALL", 0)
    deadline = time.monotonic() + 5
    while True:
        r = client.get("/events?type=AGREE")
        assert r.status_code == 200
        assert re.findall(r'href="/events/(ev_[0-9a-f]+)" class="event-link"', r.text) == [ids["accord"]]
        if "1 event<" in r.text or "1 event " in r.text:
            assert 'id="facets-pending"' not in r.text
            break
        assert 'id="facets-pending"' in r.text
        assert time.monotonic() < deadline, "the background count never arrived"
        time.sleep(0.05)


@pytest.mark.parametrize("frequent", [True, False])
def test_actor_filter_gives_the_same_page_either_way(db: tuple[Path, dict[str, str]], frequent: bool,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from diplomap.web import queries

    monkeypatch.setattr(queries, "_frequent", lambda _conn, _code: frequent)
    path, ids = db
    with Store(path) as store:
        page = queries.list_events(store.conn, queries.Filters(actor="CAS"), limit=2)
        assert [r.id for r in page.rows] == [ids["thanks"], ids["aid"]]
        assert page.next is not None
        rest = queries.list_events(store.conn, queries.Filters(actor="CAS"), page.next, limit=2)
        assert [r.id for r in rest.rows] == [ids["protest"]] and rest.next is None


def test_event_list_says_what_happened_above_its_evidence(tmp_path: Path) -> None:
    """Each row leads with the event's one-line headline, then the sentence it rests on."""
    from dataclasses import replace

    path = tmp_path / "headline.db"
    one = webdata.document(webdata.TEXT_ONE, "Talks and an accord")
    events = [replace(e, headline="Aldoria and Borvia signed a transit accord") if e.type == "AGREE" else e
              for e in webdata.events_one(one)]
    with Store(path) as store:
        store.add_document(one, webdata.sentences(one), [], events)
    with TestClient(create_app(path, token=TOKEN, knowledge=webdata.knowledge()), base_url=BASE) as c:
        page = c.get("/events").text
    assert '<span class="headline">Aldoria and Borvia signed a transit accord</span>' in page
    assert page.count('class="headline"') == 1  # only where a headline was made
