"""The JSON API behind the pages; described at /openapi.json and, for people, at /docs. Writes take
``Authorization: Bearer TOKEN``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from diplomap.model import Event, Sentence
from diplomap.store.corrections import MAX_AUTHOR, MAX_VALUE, Correction, history
from diplomap.web.actors import actor_counts, cached_actor_view
from diplomap.web.queries import MAX_PAGE_SIZE, PAGE_SIZE, EventRow, FacetValue, Filters
from diplomap.web.render import correct, web
from diplomap.web.security import bearer, same_origin, same_secret
from diplomap.web.views import list_view

router = APIRouter(prefix="/api", tags=["api"])


class EventList(BaseModel):
    total: int = Field(description="events matching the filters")
    next: str | None = Field(description="pass as `after` for the next page; null on the last page")
    next_url: str | None
    events: list[EventRow]
    facets: dict[str, list[FacetValue]] = Field(default_factory=dict)


class EventDetail(BaseModel):
    event: Event
    status: str = Field(description="auto, confirmed, edited or rejected")
    source_count: int
    history: list[Correction]


class CorrectionIn(BaseModel):
    field: str = Field(max_length=20, description="status, type, source, target, date or location")
    value: str = Field(max_length=MAX_VALUE,
                       description="see diplomap.store.corrections for each field's form, e.g. 'AZE, TUR'")
    author: str = Field(min_length=1, max_length=MAX_AUTHOR, description="who makes the correction")


class ActorSummary(BaseModel):
    code: str
    name: str
    kind: str
    events: int
    first: str | None
    last: str | None
    monthly: dict[str, int]
    partners: list[dict[str, object]]
    neighbours: list[tuple[str, int]]
    recent: list[EventRow]


class SearchResult(BaseModel):
    sentences: list[Sentence]
    events: list[EventRow]
    total_events: int


def _param(text: str) -> Any:
    return Query(description=text)


@router.get("/events", response_model=EventList, summary="List events, newest first, filtered")
def api_events(
    request: Request,
    q: Annotated[str, _param("full-text search in the evidence sentences (words are ANDed)")] = "",
    type: Annotated[str, _param("PLOVER event type, e.g. CONSULT")] = "",
    actor: Annotated[str, _param("actor code, e.g. AZE")] = "",
    vector: Annotated[str, _param("a vector (group) of the actor's partners, e.g. Russia; needs actor")] = "",
    month: Annotated[str, _param("events starting in this month, YYYY-MM")] = "",
    modality: Annotated[str, _param("happened, planned, expected, negated, hypothetical or background")] = "",
    doc: Annotated[str, _param("document id: events with evidence in it")] = "",
    status: Annotated[str, _param("auto, confirmed, edited or rejected (default: all but rejected)")] = "",
    after: Annotated[str, _param("the value of next on the previous page")] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="events per page")] = PAGE_SIZE,
    facets: Annotated[bool, _param("add the facet counts of the whole selection")] = False,
) -> EventList:
    f = Filters.parse(q=q, type=type, actor=actor, vector=vector, month=month, modality=modality, doc=doc,
                      status=status)
    view = list_view(web(request), f, after, limit, with_facets=facets, wait=None)
    nxt = view.page.next.encode() if view.page.next else None
    return EventList(
        total=view.total or 0, next=nxt, next_url=f.url("/api/events", after=nxt, limit=str(limit)) if nxt else None,
        events=view.page.rows, facets=view.facets,
    )


@router.get("/events/{eid}", response_model=EventDetail, summary="One event with its evidence and corrections")
def api_event(request: Request, eid: str) -> EventDetail:
    store = web(request).store()
    event = store.event(eid)
    if event is None:
        raise HTTPException(404, f"no event {eid!r}")
    return EventDetail(event=event, status=store.event_status(eid) or "auto", source_count=store.source_count(eid),
                       history=history(store, eid))


@router.get("/events/{eid}/history", response_model=list[Correction], summary="The corrections of one event")
def api_history(request: Request, eid: str) -> list[Correction]:
    store = web(request).store()
    if store.event_status(eid) is None:
        raise HTTPException(404, f"no event {eid!r}")
    return history(store, eid)


@router.post("/events/{eid}/corrections", response_model=list[Correction], status_code=201,
             summary="Correct an event (needs the write token)")
def api_correct(request: Request, eid: str, body: CorrectionIn) -> list[Correction]:
    """Record one correction. An unchanged value records nothing and returns an empty list."""
    state = web(request)
    # A browser on another site cannot add the Authorization header without a CORS preflight we never
    # answer, but refuse a foreign Origin outright anyway.
    if request.headers.get("origin") is not None and not same_origin(request):
        raise HTTPException(403, "cross-origin writes are refused")
    if not same_secret(state.token, bearer(request)):
        raise HTTPException(401, "this needs the write token: send 'Authorization: Bearer TOKEN'")
    return correct(state, eid, {body.field: body.value}, body.author)


@router.get("/actors", response_model=list[tuple[str, int]], summary="Actors by number of events")
def api_actors(request: Request, limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> list[tuple[str, int]]:
    """Actor codes with their number of events, most first."""
    return actor_counts(web(request).store(), limit)


@router.get("/actors/{code}", response_model=ActorSummary,
            summary="One actor: activity per month, partners, network neighbours, latest events")
def api_actor(request: Request, code: str) -> ActorSummary:
    state = web(request)
    code = code.upper()
    view = cached_actor_view(state, code)
    partners: list[dict[str, object]] = [
        {"partner": d.b, "events": d.both.total, "outgoing": d.forward.total, "incoming": d.backward.total,
         "trend": d.trend.label, "slope": d.trend.slope,
         "monthly": {m.month: m.events for m in d.both.months}}
        for d in view.dyads
    ]
    return ActorSummary(
        code=view.code, name=view.name, kind=view.kind, events=view.events, first=view.first, last=view.last,
        monthly=dict(zip(view.months, view.monthly, strict=True)), partners=partners, neighbours=view.neighbours,
        recent=view.recent,
    )


@router.get("/search", response_model=SearchResult, summary="Search the sentences")
def api_search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words to find (ANDed)")],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="sentences and events at most")] = PAGE_SIZE,
) -> SearchResult:
    """Full-text search: matching sentences, and the events whose evidence they are."""
    state = web(request)
    f = Filters.parse(q=q)
    view = list_view(state, f, "", limit, with_facets=False, wait=None)
    return SearchResult(sentences=state.store().search(q, limit), events=view.page.rows, total_events=view.total or 0)
