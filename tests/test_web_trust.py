"""Issue #9, finding 9: hostile input to the web app gets a 4xx, never a 500, and every answer carries the
security headers. Property tests drive the query parsing with any text (hypothesis)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplomap.store.corrections import MAX_AUTHOR, MAX_VALUE
from diplomap.store.db import EventQuery, Store, fts_query
from diplomap.web.app import create_app
from diplomap.web.charts import network
from diplomap.web.queries import BadRequest, Cursor, Filters, list_events
from diplomap.web.security import SECURITY_HEADERS, SESSION_COOKIE
from tests import webdata

TOKEN = "trust-token-789"
BASE = "http://127.0.0.1"
HEADERS = [name.decode() for name, _ in SECURITY_HEADERS]
PARAMS = ("q", "type", "actor", "vector", "month", "modality", "doc", "status", "after", "limit")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("trust") / "web.db"
    return path, webdata.build(path)


@pytest.fixture(scope="module")
def client(db: tuple[Path, dict[str, str]]) -> Iterator[TestClient]:
    # raise_server_exceptions: a crash in a route fails the test with its traceback, not only a 500
    app = create_app(db[0], token=TOKEN, knowledge=webdata.knowledge())
    with TestClient(app, base_url=BASE) as c:
        yield c


def secured(response: object) -> bool:
    return all(name in response.headers for name in HEADERS)  # type: ignore[attr-defined]


@pytest.mark.parametrize("url", ["/events?q=a%00b", "/api/events?q=a%00b", "/api/search?q=a%00b",
                                 "/api/search?q=%00", "/events?q=%00%00&type=AGREE"])
def test_nul_byte_in_a_search_is_no_500(client: TestClient, url: str) -> None:
    """#9: a NUL in q ended FTS5's quoted string ("unterminated string") and gave 500."""
    r = client.get(url)
    assert r.status_code == 200 and secured(r)


def test_nul_byte_separates_words_like_a_space(client: TestClient) -> None:
    assert fts_query("transit\x00accord") == fts_query("transit accord") == '"transit" "accord"'
    by_nul = [e["id"] for e in client.get("/api/events?q=transit%00accord").json()["events"]]
    assert by_nul and by_nul == [e["id"] for e in client.get("/api/events?q=transit+accord").json()["events"]]


def test_cli_search_with_a_nul_byte_works_too(db: tuple[Path, dict[str, str]]) -> None:
    with Store(db[0]) as store:
        assert store.events(EventQuery(q="transit\x00accord")) == store.events(EventQuery(q="transit accord"))
        assert store.search("\x00") == [] and store.search("\udcff") == []


@pytest.mark.parametrize("cookie", ["é.é", "ÿ" * 40 + "." + "é" * 64, "x.é", "é", "\x7f.\x01"])
def test_non_ascii_session_cookie_is_a_new_session(client: TestClient, cookie: str) -> None:
    """#9: hmac.compare_digest refused non-ASCII str (TypeError), so any page gave 500."""
    r = client.get("/events", headers={"cookie": f"{SESSION_COOKIE}={cookie}".encode()})
    assert r.status_code == 200 and secured(r)
    assert SESSION_COOKIE in r.headers.get("set-cookie", "")  # a fresh session replaces the bad one


def test_non_ascii_csrf_value_is_a_403(client: TestClient, db: tuple[Path, dict[str, str]]) -> None:
    eid = db[1]["talks"]
    client.get(f"/events/{eid}")  # a session
    for csrf in ("é", "é" * 64, "\u2028"):
        r = client.post(f"/events/{eid}/corrections", data={"csrf": csrf, "action": "confirm", "author": "a",
                                                            "token": TOKEN}, headers={"origin": BASE})
        assert r.status_code == 403 and secured(r)
    r = client.post(f"/api/events/{eid}/corrections", json={"field": "status", "value": "confirmed", "author": "a"},
                    headers={"authorization": "Bearer é".encode()})
    assert r.status_code == 401


def test_a_500_carries_the_security_headers(db: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """#9: Starlette answers a crash outside SecurityMiddleware; the handler now sets the headers itself."""
    from diplomap.web import api, pages

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(api, "list_view", boom)
    monkeypatch.setattr(pages, "list_view", boom)
    app = create_app(db[0], token=TOKEN, knowledge=webdata.knowledge())
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as c:
        for url in ("/events", "/api/events"):
            r = c.get(url)
            assert r.status_code == 500 and secured(r), url
            assert "a bug" not in r.text and "Traceback" not in r.text


@pytest.mark.parametrize(("field", "value", "author"), [
    ("status", "confirmed", "x" * (MAX_AUTHOR + 1)),
    ("location", "y" * (MAX_VALUE + 1), "ana"),
    ("source", ", ".join(["AZE"] * 200), "ana"),
    ("location", "Ba\x00ku", "ana"),
    ("status", "confirmed", "an\na"),
])
def test_corrections_cap_field_sizes(client: TestClient, db: tuple[Path, dict[str, str]], field: str, value: str,
                                     author: str) -> None:
    """#9: a 5 MB author name was accepted and stored."""
    eid = db[1]["accord"]
    r = client.post(f"/api/events/{eid}/corrections", json={"field": field, "value": value, "author": author},
                    headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 400 and ("at most" in r.text or "control character" in r.text)
    assert client.get(f"/api/events/{eid}/history").json() == []


def test_the_form_caps_the_author_too(client: TestClient, db: tuple[Path, dict[str, str]]) -> None:
    eid = db[1]["accord"]
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(f"/events/{eid}").text)
    assert csrf
    r = client.post(f"/events/{eid}/corrections", headers={"origin": BASE}, follow_redirects=False,
                    data={"csrf": csrf.group(1), "action": "confirm", "author": "n" * 5000, "token": TOKEN})
    assert r.status_code == 400 and f"at most {MAX_AUTHOR}" in r.text
    assert client.get(f"/api/events/{eid}/history").json() == []


def test_a_huge_body_is_refused_before_it_is_read(client: TestClient, db: tuple[Path, dict[str, str]]) -> None:
    eid = db[1]["accord"]
    r = client.post(f"/api/events/{eid}/corrections", headers={"authorization": f"Bearer {TOKEN}"},
                    json={"field": "status", "value": "confirmed", "author": "x" * 5_000_000})
    assert r.status_code == 413 and secured(r)


# -- property tests: any query text --------------------------------------------------------------------------

ANY_TEXT = st.text(max_size=60) | st.sampled_from(["\x00", "é", "2025-13", "~", "ev_~", '"', "*", "NEAR(", "AND"])
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(st.dictionaries(st.sampled_from(PARAMS), ANY_TEXT, max_size=4))
def test_any_query_gets_200_or_400_never_a_crash(client: TestClient, params: dict[str, str]) -> None:
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
    for path in ("/api/events", "/events"):
        r = client.get(f"{path}?{query}")
        assert r.status_code in (200, 400), (path, params, r.text[:200])
        assert secured(r)
        if path.startswith("/api"):
            assert "error" in r.json() if r.status_code == 400 else "events" in r.json()


@FAST
@given(ANY_TEXT)
def test_any_search_gets_200_or_400(client: TestClient, q: str) -> None:
    r = client.get(f"/api/search?q={quote(q, safe='')}")
    assert r.status_code in (200, 400), (q, r.text[:200])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(PARAMS[:-2]), st.text(max_size=40), max_size=5), st.text(max_size=30))
def test_filter_parsing_raises_only_bad_request(given_params: dict[str, str], after: str) -> None:
    """Filters.parse and Cursor.decode either give a value or BadRequest (the declared 400), and the
    parsed filters run as SQL without error."""
    try:
        f = Filters.parse(**given_params)
        cursor = Cursor.decode(after) if after else None
    except BadRequest:
        return
    with Store(":memory:") as store:
        list_events(store.conn, f, cursor, limit=5)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.binary(max_size=40).filter(lambda b: b"\r" not in b and b"\n" not in b), max_size=3))
def test_any_cookie_bytes_get_a_page(client: TestClient, parts: list[bytes]) -> None:
    r = client.get("/events", headers={"cookie": SESSION_COOKIE.encode() + b"=" + b".".join(parts)})
    assert r.status_code == 200



# -- finding 15, the web half: actor axis, favicon, API docs (facet counts: test_web_browser.py) ----------------


@pytest.mark.parametrize(("by_month", "expected"), [
    ({"1990-01": 1, **{f"2025-{m:02d}": 10 for m in range(1, 13)}}, ("2025-01", "2025-12")),  # one bogus event
    ({"2024-11": 1, **{f"2025-{m:02d}": 10 for m in range(1, 13)}}, ("2024-11", "2025-12")),  # a near one stays
    ({"2025-01": 1, "2031-06": 1}, ("2025-01", "2031-06")),  # too few events to call one an outlier
    ({"2025-03": 4}, ("2025-03", "2025-03")),
    ({f"20{y:02d}-06": 1 for y in range(0, 26)}, ("2000-06", "2025-06")),  # evenly spread: all of it
    ({**{f"2025-{m:02d}": 20 for m in range(1, 13)}, "2031-01": 1, "2031-02": 1}, ("2025-01", "2025-12")),
])
def test_actor_axis_frames_the_bulk_of_the_record(by_month: dict[str, int], expected: tuple[str, str]) -> None:
    """#9/15: one misdated event (1990) stretched the actor page's axis over 36 years."""
    from diplomap.web.actors import frame

    assert frame(by_month) == expected


def test_actor_page_leaves_an_old_outlier_off_the_axis_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "outlier.db"
    webdata.build(path)
    extra = webdata.document(" ".join(f"Aldoria and Borvia met in round {i}." for i in range(30))
                             + " Aldoria wrote to Castria long ago.", "Many rounds")
    from datetime import date

    with Store(path) as store:
        rounds = [webdata.event(extra, f"met in round {i}.", "CONSULT", ("ALD",), ("BRV",), date(2025, 1 + i % 6, 2))
                  for i in range(30)]
        old = webdata.event(extra, "wrote to Castria long ago", "CONSULT", ("ALD",), ("CAS",), date(1990, 5, 1))
        store.add_document(extra, webdata.sentences(extra), [], [*rounds, old])
    app = create_app(path, token=TOKEN, knowledge=webdata.knowledge())
    with TestClient(app, base_url=BASE) as c:
        page = c.get("/actors/ALD").text
        labels = re.findall(r'<text x="[\d.]+" y="\d+" text-anchor="(?:middle|end)" font-size="10"[^>]*>(\d{4}-\d\d)<',
                            page)
        assert labels and labels[0] == "2025-01" and "1990-05" not in labels
        assert 'id="off-axis"' in page and 'href="/events?actor=ALD&amp;month=1990-05">1990-05</a> (1)' in page
        assert c.get("/api/actors/ALD").json()["monthly"]["1990-05"] == 1  # the API keeps the whole series


def test_actor_page_orders_its_dyads_as_its_events_column_counts(tmp_path: Path) -> None:
    """Seen as a new user: a partner with more events dated only to the year came first, above one with more
    events in the column the table shows (dated to the month)."""
    path = tmp_path / "order.db"
    webdata.build(path)
    extra = webdata.document("Aldoria and Castria met in spring. Aldoria and Castria met in summer. Aldoria and "
                             "Castria met in autumn. Aldoria and Borvia met twice more.", "Rounds")
    from dataclasses import replace
    from datetime import date

    from diplomap.model import DateSpan, Precision

    year = DateSpan(date(2025, 1, 1), date(2025, 12, 31), Precision.YEAR, "2025")
    with Store(path) as store:
        vague = [replace(webdata.event(extra, f"Castria met in {season}", "CONSULT", ("ALD",), ("CAS",), None),
                         date=year) for season in ("spring", "summer", "autumn")]
        dated = webdata.event(extra, "Borvia met twice more", "CONSULT", ("ALD",), ("BRV",), date(2025, 6, 2))
        store.add_document(extra, webdata.sentences(extra), [], [*vague, dated])
    app = create_app(path, token=TOKEN, knowledge=webdata.knowledge())
    with TestClient(app, base_url=BASE) as c:
        rows = c.get("/api/actors/ALD").json()["partners"]
        totals = [r["events"] for r in rows]
        assert totals == sorted(totals, reverse=True) and rows[0]["partner"] == "BRV", rows


def test_actor_page_has_no_dyad_row_for_a_partner_only_named_beside_it(tmp_path: Path) -> None:
    """Seen as a new user: India had a row of zeros on China's page, named beside China as a target of exercises
    Thailand and the US held, never acting with China or on it."""
    path = tmp_path / "beside.db"
    webdata.build(path)
    extra = webdata.document("Aldoria held drills with Castria and Dornia.", "Drills")
    from datetime import date

    with Store(path) as store:
        drills = webdata.event(extra, "Aldoria held drills", "COOPERATE", ("ALD",), ("CAS", "DRN"), date(2025, 6, 2))
        store.add_document(extra, webdata.sentences(extra), [], [drills])
    app = create_app(path, token=TOKEN, knowledge=webdata.knowledge())
    with TestClient(app, base_url=BASE) as c:
        partners = {r["partner"] for r in c.get("/api/actors/CAS").json()["partners"]}
        assert "ALD" in partners and "DRN" not in partners, partners


def test_actor_page_has_no_dyad_row_for_a_partner_met_only_in_a_year(tmp_path: Path) -> None:
    """Seen as a new user: India again had a row of zeros on China's page, its one event with China dated only by its
    year, which the table's months leave out (as its note says); the row of a month-less partner is no row."""
    from dataclasses import replace as renew
    from datetime import date

    from diplomap.model import DateSpan, Precision

    path = tmp_path / "year.db"
    webdata.build(path)
    extra = webdata.document("Castria met Dornia in 2023.", "Meeting")
    met = webdata.event(extra, "Castria met Dornia", "CONSULT", ("CAS",), ("DRN",), None)
    met = renew(met, date=DateSpan(date(2023, 1, 1), date(2023, 12, 31), Precision.YEAR, "2023"))
    with Store(path) as store:
        store.add_document(extra, webdata.sentences(extra), [], [met])
    app = create_app(path, token=TOKEN, knowledge=webdata.knowledge())
    with TestClient(app, base_url=BASE) as c:
        rows = c.get("/api/actors/CAS").json()["partners"]
        assert all(r["events"] for r in rows) and "DRN" not in {r["partner"] for r in rows}, rows


def test_favicon_is_served_and_linked(client: TestClient) -> None:
    """#9/15: no favicon (a 404 in every browser console)."""
    for url in ("/favicon.ico", "/static/favicon.svg"):
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
        assert r.text.startswith("<svg") and "<script" not in r.text
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/events").text


def test_api_docs_are_served_offline_from_the_schema(client: TestClient) -> None:
    """#9/15: the API link opened raw /openapi.json; Swagger UI and ReDoc would load from a CDN."""
    assert 'href="/docs">API</a>' in client.get("/events").text
    spec = client.get("/openapi.json").json()
    r = client.get("/docs")
    assert r.status_code == 200 and secured(r)
    page = r.text
    assert "<script" not in page and "cdn" not in page.lower() and "http://" not in page.replace(BASE, "")
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert f'<code>{path}</code>' in page and op["summary"] in page, (method, path)
    for name in spec["components"]["schemas"]:
        assert f'id="schema-{name}"' in page
    assert 'href="/openapi.json"' in page
    assert "events per page" in page and "integer 1–200" in page  # parameter descriptions and bounds


def test_openapi_describes_errors_as_the_app_answers_them(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for ops in spec["paths"].values():
        for op in ops.values():
            assert "422" not in op["responses"] and op["responses"]["4XX"]["content"]
    assert client.get("/api/events?limit=0").json()["status"] == 400  # as described


MONTHS = st.tuples(st.integers(1900, 2100), st.integers(1, 12)).map(lambda ym: f"{ym[0]:04d}-{ym[1]:02d}")


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(MONTHS, st.integers(1, 50), min_size=1, max_size=40))
def test_actor_axis_holds_the_bulk_whatever_the_record(by_month: dict[str, int]) -> None:
    from diplomap.web.actors import BULK, frame

    first, last = frame(by_month)
    assert first in by_month and last in by_month and first <= last
    inside = sum(n for m, n in by_month.items() if first <= m <= last)
    assert inside >= BULK * sum(by_month.values())


def test_the_smallest_neighbour_in_the_network_still_holds_its_code() -> None:
    # (seen on France's actor page: "ITA" and "DEU", one shared event each, drawn wider than their circles)
    svg = str(network("FRA", [("IRN", 6), ("ITA", 1)], [], "France's neighbours"))
    radii = [float(r) for r in re.findall(r'<a href="/actors/[A-Z]+"><circle [^>]*r="([\d.]+)"', svg)]
    assert len(radii) == 2 and min(radii) >= 12, radii
