"""The annual review: a section per vector, every chronology line cites its quote, clear errors (#4)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from diplomap.knowledge import Knowledge
from diplomap.report.narrative import opening, possessive
from diplomap.report.review import ReviewError, ReviewResult, _prose_name, md_escape, write_review
from diplomap.store.db import Store

from .synthetic import YEAR, events, knowledge, store


class _Page(HTMLParser):
    """Text under each element id, the chronology lines with their links, and every URL-bearing attribute."""

    VOID = frozenset({"meta", "input", "br", "img", "link", "hr", "rect", "circle", "line", "polyline", "path"})

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.classes: dict[str, list[str]] = {}
        self.chrono: list[tuple[str, str]] = []  # (line text, href of its citation)
        self.urls: list[str] = []
        self._open: list[tuple[str, str | None]] = []
        self._line: list[str] | None = None
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href", "xlink:href", "action", "data") and v]
        for cls in (a.get("class") or "").split():
            self.classes.setdefault(cls, []).append(a.get("id") or "")
        if "chrono" in (a.get("class") or "").split():
            self._line, self._href = [], None
        if tag == "a" and self._line is not None and "cite" in (a.get("class") or ""):
            self._href = a.get("href")
        if tag not in self.VOID:
            self._open.append((tag, a.get("id")))
            if a.get("id"):
                self.text.setdefault(a["id"] or "", "")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self._open:
            t, _ = self._open.pop()
            if t == tag:
                break
        if tag == "li" and self._line is not None:
            self.chrono.append(("".join(self._line), self._href or ""))
            self._line = None

    def handle_data(self, data: str) -> None:
        for _, eid in self._open:
            if eid:
                self.text[eid] += data
        if self._line is not None:
            self._line.append(data)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[ReviewResult, list[str]]:
    steps: list[str] = []
    with store() as st:
        result = write_review(st, knowledge(), "AZE", YEAR, tmp_path_factory.mktemp("review"), progress=steps.append)
    return result, steps


def _page(result: ReviewResult) -> _Page:
    page = _Page()
    page.feed(result.html.read_text(encoding="utf-8"))
    return page


def test_a_section_per_vector(written: tuple[ReviewResult, list[str]]) -> None:
    result, steps = written
    page = _page(result)
    vectors = ("Armenia", "United States and the EU", "Russia", "Türkiye", "Central Asia", "Middle East",
               "China and others")
    assert result.vectors == vectors
    assert len(page.classes["vector"]) == len(vectors)
    for slug in page.classes["vector"]:
        assert page.text[slug].strip()
    assert "writing review.html" in steps and result.events == 16  # x01 lacks AZE, x02 is the year before


def test_every_chronology_line_links_to_its_quote(written: tuple[ReviewResult, list[str]]) -> None:
    result, _ = written
    page = _page(result)
    quotes = {ev.id: ev.evidence[0].quote for ev in events()}
    assert len(page.chrono) == 16  # the full chronology: every event of the year once (#11)
    linked = []
    for line, href in page.chrono:
        assert href.startswith("#q-"), line
        anchor = href[1:]
        assert anchor in page.text, f"{line!r} links to a missing anchor {href}"
        event_id = anchor.split("-")[1]
        linked.append(event_id)
        assert quotes[event_id] in page.text[anchor]  # the anchor shows the quote...
        assert quotes[event_id] not in line  # ...which the line does not repeat: it says the event's headline
        assert "Invented bulletin" in page.text[anchor]  # with the document's title
    assert len(set(linked)) == 16


def test_markdown_links_resolve_too(written: tuple[ReviewResult, list[str]]) -> None:
    md = written[0].markdown.read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', md))
    links = re.findall(r"\]\(#([^)]+)\)", md)
    assert links and all(link in anchors for link in links)
    for line in md.splitlines():
        if line.startswith("- 2031"):
            assert re.search(r"\[E\d+\]\(#q-[\w]+-0\)$", line), line
    for chart in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md):
        assert (written[0].markdown.parent / chart).is_file()


def test_html_is_self_contained(written: tuple[ReviewResult, list[str]]) -> None:
    result, _ = written
    html = result.html.read_text(encoding="utf-8")
    page = _page(result)
    assert all(url.startswith("#") for url in page.urls), [u for u in page.urls if not u.startswith("#")]
    assert not re.search(r"<link|@import|url\(|<iframe|<img", html)
    assert result.html.stat().st_size < 5_000_000
    assert "dyad-chart" in page.classes and "corridor-map" in page.classes and "balance-chart" in page.classes


def test_agreements_corridors_and_balance_are_cited(written: tuple[ReviewResult, list[str]]) -> None:
    page = _page(written[0])
    agreements = page.text["agreements"]
    assert "treaty" in agreements and "initialled (2031-03-15) → signed (2031-05-20)" in agreements
    assert "comprehensive strategic partnership" in agreements
    assert "Steppe Link Railway" in page.text["corridors"]
    assert "HHI" in page.text["balance"] and "largest share went to" in page.text["balance"]
    html = written[0].html.read_text(encoding="utf-8")
    match = re.search(r'id="corridor-map">(.*?)</div>', html, re.S)
    assert match is not None
    corridor_map = match.group(1)
    assert "<polyline" in corridor_map and 'class="event-place"' in corridor_map
    assert 'class="country"' in corridor_map and "<title>Georgia</title>" in corridor_map  # the offline base map


def test_default_vectors_for_a_country_without_a_section(tmp_path: Path) -> None:
    with store() as st:
        result = write_review(st, knowledge(), "geo", YEAR, tmp_path)
    assert result.vectors == ("South Caucasus",)
    assert "Steppe Link Railway" in result.markdown.read_text(encoding="utf-8")  # in the corridors table


def test_unknown_country_says_what_to_do(tmp_path: Path) -> None:
    with store() as st, pytest.raises(ReviewError, match=r"unknown country code 'XXX'.*states\.csv"):
        write_review(st, knowledge(), "XXX", YEAR, tmp_path)
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_year_without_events_names_the_years_that_have_some(tmp_path: Path) -> None:
    with store() as st, pytest.raises(ReviewError, match=rf"no events of AZE dated in 2040.*{YEAR - 1}, {YEAR}"):
        write_review(st, knowledge(), "AZE", 2040, tmp_path)
    with Store(":memory:") as empty, pytest.raises(ReviewError, match="ingest reports that mention AZE"):
        write_review(empty, knowledge(), "AZE", YEAR, tmp_path)


def test_markdown_escaping_keeps_quotes_inert() -> None:
    assert md_escape("[x](http://a) | *b* #c") == r"\[x\](http://a) \| \*b\* \#c"


def test_the_outlook_names_the_parties_of_a_treaty_still_to_ratify_and_no_declaration(
        written: tuple[ReviewResult, list[str]]) -> None:
    """A signed treaty is still to be ratified, said with the parties' names; a declaration adopted binds no one
    later and is no line of the outlook."""
    result, _ = written
    md = result.markdown.read_text(encoding="utf-8")
    outlook = md[md.index("Outlook"):md.index("## Map")]
    assert "The treaty between Armenia and Azerbaijan is signed" in outlook, outlook
    assert "declaration" not in outlook.lower() and "AZE" not in outlook, outlook


def test_a_sentence_says_a_name_with_its_article() -> None:
    """"Relations with the Philippines", "the African Union"; "Kenya" and "BRICS" as they are (grammar.toml
    names.with_article); and the possessive of a name ending in s is an apostrophe."""
    kb = Knowledge.load()
    assert [_prose_name(kb, c) for c in ("PHL", "USA", "KEN", "AU", "BRICS")] == [
        "the Philippines", "the United States", "Kenya", "the African Union", "BRICS"]
    assert possessive("the Philippines") == "the Philippines'" and possessive("Kenya") == "Kenya's"
    first = opening(_prose_name(kb, "PHL"), 2031, 4, 2, 3, [])[0][0].text
    assert first.startswith("In 2031 the record holds 4 events of the Philippines' foreign policy"), first


def test_a_downturn_that_leaves_cooperation_cooperative_is_cooling_not_deterioration() -> None:
    from diplomap.analyze.dyads import Trend
    from diplomap.analyze.turning import TurningPoint
    from diplomap.report.narrative import DyadFacts, label

    def facts(before: float, after: float) -> DyadFacts:
        point = TurningPoint("2024-10", "downturn", before, after, ("e1",))
        return DyadFacts("IND", "India", 19, 16, 3, 5.7, Trend("stable", 0.0, 5), ((point, "a pact", ()),))

    assert label(facts(10.0, 4.1), 16, 3) == ("cooperation, cooling", "↘")
    assert label(facts(4.0, -3.0), 16, 3) == ("deteriorating relationship", "↘")  # into conflict
    assert label(facts(10.0, 4.1), 6, 4) == ("deteriorating relationship", "↘")  # a year of much conflict
