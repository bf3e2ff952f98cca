"""The annual review (report/review.py) rendered inside the app, its citations linked to event pages."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplomap.web.state import WebState

if TYPE_CHECKING:
    from diplomap.report.views import Review


@dataclass(frozen=True)
class ReviewPage:
    country: str
    year: int
    review: Review | None
    problem: str  # why there is no review, in words the user can act on


def available() -> bool:
    return importlib.util.find_spec("diplomap.report.review") is not None


def default_subject(state: WebState) -> tuple[str, int] | None:
    """The state with most events, and the latest year with events of it that happened: plans and forecasts
    dated later ("the 2026 elections") do not make a year of their own (#9)."""
    kb = state.knowledge()
    conn = state.store().conn
    for code, _ in conn.execute(
        "SELECT a.code, COUNT(*) FROM event_actors a JOIN events e ON e.id = a.event_id"
        " WHERE e.status != 'rejected' GROUP BY a.code ORDER BY 2 DESC LIMIT 50"
    ):
        if kb is None or code in kb.states:
            year = latest_year(state, str(code))
            if year is not None:
                return str(code), year
    return None


def latest_year(state: WebState, code: str) -> int | None:
    """The latest year in which the actor has events that happened, or None."""
    row = state.store().conn.execute(
        "SELECT MAX(substr(e.start, 1, 4)) FROM event_actors a JOIN events e ON e.id = a.event_id"
        " WHERE a.code = ? AND e.start IS NOT NULL AND e.status != 'rejected' AND e.modality = 'happened'"
        " AND julianday(e.\"end\") - julianday(e.start) <= 366",
        (code,),
    ).fetchone()
    return int(row[0]) if row and row[0] else None


def review_page(state: WebState, country: str, year: int) -> ReviewPage:
    from diplomap.analyze.vectors import VectorError, load_vectors
    from diplomap.report.review import ReviewError, build_review, review_events

    kb = state.knowledge()
    if kb is None:
        return ReviewPage(country, year, None, f"The review needs the knowledge files: {state.kb_error}.")
    store = state.store()
    try:
        events = review_events(store, kb, country, year)
        vmap = load_vectors(country, kb)
    except (ReviewError, VectorError) as exc:
        return ReviewPage(country, year, None, str(exc))
    return ReviewPage(country, year, build_review(store, kb, vmap, events, year, lambda _msg: None), "")


def cite_url(href: str) -> str:
    """The review cites "#q-<event id>-<n>" inside its own appendix; in the app, the event page."""
    if href.startswith("#q-"):
        return "/events/" + href[3:].rsplit("-", 1)[0]
    return href
