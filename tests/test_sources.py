"""Inputs at scale (#10): folders, manifests, feeds and URLs; publication dates from metadata and where they
came from; incremental re-runs. URLs are served by a local web site on 127.0.0.1 (tests/localweb.py)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from diplomap.cli import main
from diplomap.ingest import IngestError
from diplomap.ingest.fetch import Fetcher
from diplomap.ingest.folder import folder_files
from diplomap.ingest.manifest import BadRow, ManifestRow, read_manifest
from diplomap.ingest.reader import read_bytes
from diplomap.ingest.sources import Sources, expand
from diplomap.project import Project
from diplomap.store.corrections import record_correction
from diplomap.store.db import Store

from .conftest import EXAMPLES
from .localweb import Route, Site, atom, page, rss

KAZ = ["Kazakhstan and China signed an agreement on a new railway crossing at Khorgos on Tuesday.",
       "President Kassym-Jomart Tokayev met President Xi Jinping in Astana after the signing ceremony, and the two "
       "leaders discussed trade and energy.",
       "Officials said the crossing would double the freight that moves between the two countries each year."]
IND = ["India and Pakistan agreed to restore a hotline between their armies, officials in both capitals said.",
       "The foreign ministers of India and Pakistan met in Muscat to discuss the ceasefire along the border.",
       "Oman hosted the talks, which lasted two days and ended with a short joint statement."]
BRA = ["Brazil and Argentina signed a memorandum on energy cooperation in Brasilia.",
       "President Lula met the Argentine foreign minister at the Planalto palace to discuss the Mercosur summit.",
       "Both governments said the memorandum would let gas from Vaca Muerta reach Brazilian industry."]
META = "<meta property='article:published_time' content='2025-06-10T08:00:00Z'>"
JSON_LD = ("<script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", "
           "\"datePublished\": \"2025-07-02T10:00:00+00:00\", \"dateModified\": \"2025-07-09\"}</script>")


def _pdf(text: str, created: datetime) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(created)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in text.split("\n\n"):
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    return bytes(pdf.output())


PDF_DATED = _pdf("MONTEVIDEO, 4 July 2025\n\n" + "\n\n".join(BRA), datetime(2026, 1, 15, tzinfo=UTC))
PDF_UNDATED = _pdf("\n\n".join(IND), datetime(2025, 9, 1, tzinfo=UTC))


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    web = Site()
    rss_items = [
        {"title": "Rail deal at Khorgos", "link": web.url("/news/kaz.html"), "date": "Wed, 11 Jun 2025 09:00:00 GMT",
         "summary": "Kazakhstan and China signed a rail agreement."},
        {"title": "Hotline restored", "link": web.url("/gone.html"), "date": "Thu, 12 Jun 2025 09:00:00 GMT",
         "summary": " ".join(IND)},
        {"title": "Private talks", "link": web.url("/private/talks.html"), "date": "Fri, 13 Jun 2025 09:00:00 GMT",
         "summary": " ".join(BRA)},
    ]
    atom_entries = [
        {"title": "Energy memorandum", "link": web.url("/news/bra.html"), "updated": "2025-08-01T10:00:00Z",
         "content": "<p>" + "</p><p>".join(BRA) + "</p>"},
    ]
    web.routes.update({
        "/robots.txt": Route(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/news/kaz.html": Route(page("Rail deal at Khorgos", KAZ, META)),
        "/news/ind.html": Route(page("Hotline restored", IND, JSON_LD)),
        "/news/2025/03/14/bra.html": Route(page("Energy memorandum", BRA)),
        "/news/bra.html": Route(page("Energy memorandum", BRA)),
        "/report.pdf": Route(PDF_DATED, "application/pdf"),
        "/private/talks.html": Route(page("Private talks", BRA)),
        "/old": Route(status=301, location="/news/kaz.html"),
        "/to-private": Route(status=302, location="/private/talks.html"),
        "/loop": Route(status=302, location="/loop"),
        "/big.html": Route(page("Big", KAZ * 400)),
        "/big-stream.html": Route(page("Big", KAZ * 400), length=False),
        "/logo.png": Route(b"\x89PNG\r\n\x1a\n", "image/png"),
        "/feed.rss": Route(rss("The Example Times", rss_items), "application/rss+xml"),
        "/atom.xml": Route(atom("Energy news", atom_entries), "application/xml"),
    })
    web.start()
    yield web
    web.stop()


_SUMMARY = re.compile(r"\d+ added, \d+ updated, \d+ skipped \(already stored\), \d+ failed\n\Z")


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """The exit code, standard output without ingest's closing summary line (tests/test_scale.py checks it),
    and standard error."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, _SUMMARY.sub("", out), err


def _documents(db: Path) -> dict[str, tuple[str | None, str]]:
    """source -> (published, date_source) of every stored document."""
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT source, published, date_source FROM documents").fetchall()
    conn.close()
    return {source: (published, where) for source, published, where in rows}


# -- fetching: politely, within limits ---------------------------------------------------------------------


def test_the_fetcher_follows_redirects_respects_robots_and_refuses_what_is_too_large(site: Site) -> None:
    with Fetcher(max_bytes=20_000) as fetcher:
        fetched = fetcher.get(site.url("/old"))
        assert fetched.url == site.url("/news/kaz.html") and fetched.fmt == "html"
        with pytest.raises(IngestError, match=r"robots\.txt asks robots not to fetch this page; save it yourself"):
            fetcher.get(site.url("/private/talks.html"))
        with pytest.raises(IngestError, match=r"robots\.txt"):  # a redirect into a forbidden path is checked too
            fetcher.get(site.url("/to-private"))
        with pytest.raises(IngestError, match="more than 5 redirects; give the URL the page ends at"):
            fetcher.get(site.url("/loop"))
        for big in ("/big.html", "/big-stream.html"):  # said by Content-Length, or found while reading
            with pytest.raises(IngestError, match="over the 0 MB limit for a fetched page; download it yourself"):
                fetcher.get(site.url(big))
        with pytest.raises(IngestError, match="HTTP 404; no such page: check the URL"):
            fetcher.get(site.url("/missing.html"))
        assert fetcher.get(site.url("/logo.png")).fmt is None
        assert fetcher.get(site.url("/atom.xml")).fmt == "feed"  # sniffed: served as application/xml
    robots = [agent for path, agent in site.requests if path == "/robots.txt"]
    assert len(robots) == 1  # once per host
    assert all(agent.startswith("diplomap/") for _, agent in site.requests)


def test_an_unreachable_host_is_one_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with Fetcher(timeout=2) as fetcher, pytest.raises(IngestError, match=r"cannot be fetched .*; check the URL"):
        fetcher.get(f"http://127.0.0.1:{port}/news.html")


# -- publication dates and where they came from -----------------------------------------------------------


def test_html_dates_come_from_meta_tags_and_json_ld_then_the_text_then_the_url() -> None:
    meta = read_bytes(page("Rail deal", ["Astana, 3 March 2024", *KAZ], META), "https://example.org/a", "html")
    assert (meta.published, meta.date_source) == (date(2025, 6, 10), "html-meta")  # over the dateline
    ld = read_bytes(page("Hotline", IND, JSON_LD), "https://example.org/b", "html")
    assert (ld.published, ld.date_source) == (date(2025, 7, 2), "html-meta")  # published, not modified
    text = read_bytes(page("Rail deal", ["Astana, 3 March 2024", *KAZ]), "https://example.org/2025/01/02/c", "html")
    assert (text.published, text.date_source) == (date(2024, 3, 3), "text")
    url = read_bytes(page("Rail deal", KAZ), "https://example.org/2025/01/02/c", "html")
    assert (url.published, url.date_source) == (date(2025, 1, 2), "url")
    none = read_bytes(page("Rail deal", KAZ), "news.html", "html")
    assert (none.published, none.date_source) == (None, "none")


def test_a_pdf_creation_date_never_overrides_the_date_its_text_states() -> None:
    dated = read_bytes(PDF_DATED, "report.pdf", "pdf")
    assert (dated.published, dated.date_source) == (date(2025, 7, 4), "text")  # not 15 January 2026
    undated = read_bytes(PDF_UNDATED, "report.pdf", "pdf")
    assert (undated.published, undated.date_source) == (date(2025, 9, 1), "pdf-meta")
    given = read_bytes(PDF_DATED, "report.pdf", "pdf", published=date(2025, 7, 5))
    assert (given.published, given.date_source) == (date(2025, 7, 5), "given")


def test_a_document_without_a_date_says_so_and_how_to_set_it(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    db, news = tmp_path / "t.db", tmp_path / "news.txt"
    news.write_text("\n\n".join(KAZ) + "\n", encoding="utf-8")
    code, _, err = _run(capsys, "ingest", "--db", db, news)
    doc_id = next(iter(Store(db).documents())).id
    assert code == 0 and err.splitlines() == [
        f"warning: {news}: no publication date found; set it with 'diplomap documents set {doc_id[:12]} --date "
        "YYYY-MM-DD' (relative dates such as 'yesterday' resolve against it)"]
    _, out, _ = _run(capsys, "documents", "show", doc_id[:12], "--db", db)
    assert f"published  none (set it: diplomap documents set {doc_id[:12]} --date YYYY-MM-DD)" in out
    _, out, _ = _run(capsys, "documents", "list", "--db", db)
    assert f"{doc_id[:12]}  -          none" in out
    assert _run(capsys, "documents", "set", doc_id[:12], "--date", "2025-06-10", "--db", db)[0] == 0
    _, out, _ = _run(capsys, "documents", "show", doc_id[:12], "--db", db)
    assert "published  2025-06-10 (given: given on the command line or set)" in out
    _, out, _ = _run(capsys, "documents", "list", "--db", db)
    assert f"{doc_id[:12]}  2025-06-10 given" in out


def test_migration_8_says_dates_stored_before_it_came_from_an_unknown_place(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Project(db) as project:
        project.ingest([EXAMPLES / "news-india-pakistan-2025.txt"])
    conn = sqlite3.connect(db)
    with conn:  # as a version 7 database had it
        conn.execute("ALTER TABLE documents DROP COLUMN date_source")
        conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    conn.close()
    with Store(db) as store:
        assert store.schema_version >= 8  # and on, through the later migrations
        [doc] = store.documents()
        assert doc.published == date(2025, 5, 11) and doc.date_source == "unknown"


# -- URLs, feeds, folders and manifests through the command line --------------------------------------------


def test_urls_are_fetched_read_and_dated_and_bad_ones_are_one_line_each(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    code, out, err = _run(capsys, "ingest", "--db", db, site.url("/news/kaz.html?utm_source=rss"),
                          site.url("/news/ind.html"), site.url("/news/2025/03/14/bra.html"), site.url("/report.pdf"),
                          site.url("/private/talks.html"), site.url("/missing.html"), site.url("/logo.png"))
    assert code == 1
    errors = err.splitlines()
    assert errors == [
        f"error: {site.url('/private/talks.html')}: the site's robots.txt asks robots not to fetch this page; "
        "save it yourself and ingest the file if you may",
        f"error: {site.url('/missing.html')}: HTTP 404; no such page: check the URL",
        f"error: {site.url('/logo.png')}: content type image/png is not one diplomap reads (HTML, PDF, plain text, "
        "Markdown); save it in one of those and ingest the file"]
    assert sum(line.startswith("added   http://") for line in out.splitlines()) == 4
    assert _documents(db) == {  # the canonical URL names each: no tracking parameters
        site.url("/news/kaz.html"): ("2025-06-10", "html-meta"),
        site.url("/news/ind.html"): ("2025-07-02", "html-meta"),
        site.url("/news/2025/03/14/bra.html"): ("2025-03-14", "url"),
        site.url("/report.pdf"): ("2025-07-04", "text"),
    }
    code, out, _ = _run(capsys, "ingest", "--db", db, site.url("/old"))  # a redirect: the URL asked for names it
    assert code == 0 and out.startswith(f"added   {site.url('/old')}")


def test_a_feed_gives_one_item_per_entry_dated_by_the_feed(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    code, out, err = _run(capsys, "ingest", "--db", db, "--feed", site.url("/feed.rss"))
    assert code == 0, err
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == [
        f"added   {site.url(path)}" for path in ("/news/kaz.html", "/gone.html", "/private/talks.html")]
    warnings = err.splitlines()
    assert len(warnings) == 2 and all("the text is the feed entry's own content or summary" in w for w in warnings)
    assert "HTTP 404" in warnings[0] and "robots.txt" in warnings[1]
    assert _documents(db) == {site.url("/news/kaz.html"): ("2025-06-11", "feed"),  # over the page's meta date
                              site.url("/gone.html"): ("2025-06-12", "feed"),
                              site.url("/private/talks.html"): ("2025-06-13", "feed")}
    with Store(db) as store:
        kaz = next(d for d in store.documents() if d.source.endswith("kaz.html"))
        assert kaz.title == "Rail deal at Khorgos" and kaz.publisher == "The Example Times" and "Tokayev" in kaz.text

    # a feed named as a URL is known by its content (served as application/xml); --no-fetch reads the entry
    asked = site.asked("/news/bra.html")
    code, out, err = _run(capsys, "ingest", "--db", db, "--no-fetch", site.url("/atom.xml"))
    assert code == 0 and out.startswith(f"added   {site.url('/news/bra.html')}")
    assert "fetching is off (--no-fetch)" in err and site.asked("/news/bra.html") == asked
    assert _documents(db)[site.url("/news/bra.html")] == ("2025-08-01", "feed")


def test_a_feed_file_is_read_by_its_suffix(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "saved.atom"
    feed.write_bytes(site.routes["/atom.xml"].body)
    code, out, _ = _run(capsys, "ingest", "--db", tmp_path / "t.db", feed)
    assert code == 0 and out.startswith(f"added   {site.url('/news/bra.html')}")
    bad = tmp_path / "notes.xml"
    bad.write_text("<notes><note>not a feed</note></notes>", encoding="utf-8")
    code, _, err = _run(capsys, "ingest", "--db", tmp_path / "t.db", bad)
    assert code == 1 and err.startswith(f"error: {bad}: not an RSS or Atom feed") and err.count("\n") == 1


def test_folders_are_read_recursively_with_globs_in_a_stable_order(tmp_path: Path) -> None:
    root = tmp_path / "news"
    for name in ("b.md", "a.txt", "README.md", "notes.docx", "sub/c.html", "sub/drafts/d.md", ".git/e.md",
                 "sub/.f.md", "z/2025-g.pdf"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(root).as_posix() for p in folder_files(root)]
    assert found == ["a.txt", "b.md", "sub/c.html", "sub/drafts/d.md", "z/2025-g.pdf"]
    assert [p.name for p in folder_files(root, exclude=["drafts"])] == ["a.txt", "b.md", "c.html", "2025-g.pdf"]
    assert [p.name for p in folder_files(root, exclude=["sub/drafts/*", "*.pdf"])] == ["a.txt", "b.md", "c.html"]
    assert [p.name for p in folder_files(root, include=["*.md"])] == ["b.md", "d.md"]
    assert [p.name for p in folder_files(root, include=["z/**", "a.*"])] == ["a.txt", "2025-g.pdf"]


def test_a_folder_ingested_again_adds_only_what_is_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, db = tmp_path / "news", tmp_path / "t.db"
    (root / "drafts").mkdir(parents=True)
    (root / "kaz.md").write_text("Astana, 10 June 2025\n\n" + "\n\n".join(KAZ) + "\n", encoding="utf-8")
    (root / "drafts" / "ind.txt").write_text("\n\n".join(IND) + "\n", encoding="utf-8")
    (root / "README.md").write_text("# Our news folder\n", encoding="utf-8")
    code, out, err = _run(capsys, "ingest", "--db", db, root, "--exclude", "drafts/*")
    assert code == 0 and out.splitlines()[0].startswith(f"added   {root / 'kaz.md'}: ") and len(out.splitlines()) == 1
    (root / "ind.txt").write_text("New Delhi, 12 June 2025\n\n" + "\n\n".join(IND) + "\n", encoding="utf-8")
    code, out, err = _run(capsys, "ingest", "--db", db, root, "--exclude", "drafts/*")
    assert code == 0 and out.splitlines() == [
        f"added   {root / 'ind.txt'}: " + out.splitlines()[0].split(": ", 1)[1],
        f"skipped {root / 'kaz.md'}: already stored ({_id(db, root / 'kaz.md')[:12]})"]
    code, _, err = _run(capsys, "ingest", "--db", db, root, "--include", "*.pdf")
    assert code == 1 and err == (f"error: {root}: a directory with no .htm .html .markdown .md .pdf .text .txt files "
                                 "in it matching --include *.pdf; check the folder or the globs\n")


def _id(db: Path, source: Path) -> str:
    with Store(db) as store:
        return next(d.id for d in store.documents() if d.source == str(source))


def test_manifests_give_each_item_its_date_and_a_bad_row_is_one_line(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "items").mkdir()
    (tmp_path / "items" / "kaz.txt").write_text("\n\n".join(KAZ) + "\n", encoding="utf-8")
    (tmp_path / "items" / "ind.md").write_text("\n\n".join(IND) + "\n", encoding="utf-8")
    jsonl = tmp_path / "items.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"path": "items/kaz.txt", "published": "2025-06-10", "title": "Rail deal", "publisher": "Wire",
                    "language": "en", "desk": "Asia", "tags": ["rail"]}),
        "{not json",
        json.dumps({"url": site.url("/news/ind.html"), "published": "2025-07-20T08:00:00Z"}),
        json.dumps({"path": "items/missing.txt", "published": "2025-06-11"}),
        "", json.dumps({"url": site.url("/news/2025/03/14/bra.html")}),
    ]) + "\n", encoding="utf-8")
    code, out, err = _run(capsys, "ingest", "--db", tmp_path / "t.db", "--manifest", jsonl)
    assert code == 1 and len(out.splitlines()) == 3
    assert err.splitlines() == [
        f"error: {jsonl}: line 2: not JSON (Expecting property name enclosed in double quotes); write one object a "
        "line, as {\"path\": \"a.md\", \"published\": \"2025-06-10\"}",
        f"error: {jsonl}: line 4: {tmp_path / 'items' / 'missing.txt'}: no such file; check the path"]
    assert _documents(tmp_path / "t.db") == {
        str(tmp_path / "items" / "kaz.txt"): ("2025-06-10", "manifest"),
        site.url("/news/ind.html"): ("2025-07-20", "manifest"),  # over the page's JSON-LD
        site.url("/news/2025/03/14/bra.html"): ("2025-03-14", "url"),  # the row gave none
    }
    with Store(tmp_path / "t.db") as store:
        kaz = next(d for d in store.documents() if d.source.endswith("kaz.txt"))
        assert (kaz.title, kaz.publisher) == ("Rail deal", "Wire")

    csv = tmp_path / "more.csv"
    csv.write_text("path,published,title,region\nitems/ind.md,2025-06-12,Hotline,South Asia\n"
                   "items/kaz.txt,June 2025,,\n,2025-06-13,No path,\n", encoding="utf-8")
    code, out, err = _run(capsys, "ingest", "--db", tmp_path / "t.db", "--manifest", csv, "--date", "2025-06-30")
    assert code == 1 and out.startswith(f"added   {tmp_path / 'items' / 'ind.md'}")
    assert err.splitlines() == [f"error: {csv}: line 3: published 'June 2025' is not a date; write YYYY-MM-DD",
                                f"error: {csv}: line 4: no path or url; say where the item is"]
    assert _documents(tmp_path / "t.db")[str(tmp_path / "items" / "ind.md")] == ("2025-06-30", "given")  # --date wins


def test_manifest_rows_keep_their_other_columns(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("\ufeffURL,Path,published,language,desk\nhttps://example.org/a,,2025-06-10,fr,Europe\n"
                        ",a.md,,,\n,\"b.md\",2025-13-01,,\n", encoding="utf-8")
    rows = list(read_manifest(manifest))
    assert rows == [
        ManifestRow(2, None, "https://example.org/a", date(2025, 6, 10), None, "", "fr", {"desk": "Europe"}),
        ManifestRow(3, (tmp_path / "a.md").absolute(), ""),
        BadRow(4, "published '2025-13-01' is not a date; write YYYY-MM-DD"),
    ]
    with pytest.raises(IngestError, match="a manifest is JSON Lines"):
        list(read_manifest(tmp_path / "m.txt"))
    (tmp_path / "h.csv").write_text("file,date\na.md,2025-01-01\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no 'path' or 'url' column"):
        list(read_manifest(tmp_path / "h.csv"))


# -- incremental: the same sources again -------------------------------------------------------------------


def test_a_feed_again_adds_nothing_and_a_changed_page_is_re_extracted_keeping_corrections(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    site.routes["/live.html"] = Route(page("Hotline restored", IND, JSON_LD))
    site.routes["/live.rss"] = Route(rss("Live", [{"title": "Hotline", "link": site.url("/live.html"),
                                                   "summary": "India and Pakistan restore a hotline."}]),
                                     "application/rss+xml")
    assert _run(capsys, "ingest", "--db", db, "--feed", site.url("/live.rss"))[0] == 0
    with Store(db) as store:
        [event] = [e for e in store.events() if e.type == "CONSULT"]
        record_correction(store, event.id, "status", "confirmed", "tester")

    code, out, _ = _run(capsys, "ingest", "--db", db, "--feed", site.url("/live.rss"))
    assert code == 0 and out.startswith(f"skipped {site.url('/live.html')}: already stored")

    changed = [IND[0], "The two armies will talk each week.", *IND[1:]]
    site.routes["/live.html"] = Route(page("Hotline restored", changed, JSON_LD))
    code, out, _ = _run(capsys, "ingest", "--db", db, "--feed", site.url("/live.rss"))
    assert code == 0 and out.startswith(f"updated {site.url('/live.html')}") and "re-extracted in place" in out
    with Store(db) as store:
        assert store.stats().documents == 1 and store.event_status(event.id) == "confirmed"  # the correction kept
        [doc] = store.documents()
        assert "each week" in doc.text and doc.date_source == "html-meta"

    # the page is gone: the feed's summary stands in, but never replaces the full text stored
    site.routes["/live.html"] = Route(status=404)
    code, out, _ = _run(capsys, "ingest", "--db", db, "--feed", site.url("/live.rss"))
    assert code == 0 and out.startswith(f"skipped {site.url('/live.html')}: already stored")
    with Store(db) as store:
        assert "each week" in store.documents()[0].text


def test_expand_is_lazy_and_applies_the_command_line_title_and_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    items = expand(Sources(names=(str(tmp_path), str(tmp_path / "none.md")), title="T", published=date(2025, 1, 2)))
    first = next(items)  # nothing else was looked at yet
    assert (first.source, first.title, first.published, first.date_source) == (
        str(tmp_path / "a.txt"), "T", date(2025, 1, 2), "given")
    [missing] = list(items)
    with pytest.raises(IngestError, match="no such file"):
        missing.read()


def test_a_manifest_row_with_a_path_and_a_url_is_a_saved_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    (tmp_path / "saved.txt").write_text("\n\n".join(KAZ) + "\n", encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"path": "saved.txt", "url": "https://news.example/2025/06/rail?utm_source=x"})
                        + "\n", encoding="utf-8")
    code, _, err = _run(capsys, "ingest", "--db", tmp_path / "t.db", "--manifest", manifest)
    assert code == 0, err
    # known by its address (canonical: no tracking parameters), dated by it (a month: no day in the address)
    assert list(_documents(tmp_path / "t.db")) == ["https://news.example/2025/06/rail"]
    code, out, _ = _run(capsys, "ingest", "--db", tmp_path / "t.db", "--manifest", manifest)
    assert code == 0 and "already stored" in out
