"""The HTML pages: browse and search, event, document, actor, map, review; the correction form."""

from __future__ import annotations

import re
from datetime import date as date_cls
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from jinja2 import Environment
from markupsafe import Markup

from diplomap.plover import event_types
from diplomap.store.corrections import format_place, format_span
from diplomap.web import apidocs, charts, review
from diplomap.web.actors import actor_counts, cached_actor_view, off_axis
from diplomap.web.corridors import map_view
from diplomap.web.queries import MAX_PAGE_SIZE, PAGE_SIZE, FacetValue, Filters
from diplomap.web.render import correct, render, session_of, set_session, web
from diplomap.web.security import same_origin, same_secret
from diplomap.web.views import ListView, Summary, document_view, event_view, list_view, summary

router = APIRouter(include_in_schema=False)
FAVICON = str(resources.files("diplomap.web").joinpath("static", "favicon.svg"))

FACET_TITLES = (
    ("type", "Type"), ("actor", "Actor"), ("vector", "Vector"), ("month", "Month"),
    ("modality", "Modality"), ("status", "Status"), ("doc", "Document"),
)


@router.get("/", response_class=HTMLResponse)
@router.get("/events", response_class=HTMLResponse)
async def events_page(
    request: Request,
    q: str = "", type: str = "", actor: str = "", vector: str = "", month: str = "",
    modality: str = "", doc: str = "", status: str = "", after: str = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = PAGE_SIZE,
) -> HTMLResponse:
    f = Filters.parse(q=q, type=type, actor=actor, vector=vector, month=month, modality=modality, doc=doc,
                      status=status)
    return await web(request).page(_list_page, request, f, after, limit)


def _list_page(request: Request, f: Filters, after: str, limit: int) -> HTMLResponse:
    view = list_view(web(request), f, after, limit)
    return render(request, "events.html", {"view": view, "f": f, "facet_panel": facet_panel(request, view)})


def facet_panel(request: Request, view: ListView) -> Markup:
    """The facet column. It depends on the filters and the data only (not on the page or the visitor),
    so it is rendered once per view and cached until the database changes: its hundred-odd links cost
    about as much to render as the rest of the page."""
    state = web(request)
    env: Environment = request.app.state.templates
    f = view.filters

    def draw(facets: dict[str, list[FacetValue]], fallback: dict[str, list[FacetValue]]) -> Markup:
        html = env.get_template("_facets.html").render(f=f, facets=facets, fallback=fallback, pending=view.pending,
                                                       facet_titles=FACET_TITLES)
        return Markup(html)  # the template escaped every value

    if not view.pending:
        # Drawn from the cached counts, fetched inside: never older than the version it is cached under.
        return state.cache.get(("facet-panel", f), lambda: draw(summary(state, f).facets, {}))
    # While this view is counted, offer the front page's facet values (without their counts).
    front = state.cache.peek(("summary", Filters()))
    return draw({}, front.facets if isinstance(front, Summary) else {})


@router.get("/events/{eid}", response_class=HTMLResponse)
async def event_page(request: Request, eid: str) -> HTMLResponse:
    return await web(request).page(_event_page, request, eid)


def _event_page(request: Request, eid: str) -> HTMLResponse:
    view = event_view(web(request), eid)
    if view is None:
        raise HTTPException(404, f"No event {eid!r}: it may have been re-extracted under another id.")
    event = view.event
    form = {
        "type": event.type,
        "source": ", ".join(event.source),
        "target": ", ".join(event.target),
        "date": format_span(event.date),
        "location": format_place(event.location),
    }
    return render(request, "event.html", {"view": view, "form": form, "types": event_types()})


@router.post("/events/{eid}/corrections")
def correct_event(
    request: Request,
    eid: str,
    csrf: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "edit",
    author: Annotated[str, Form()] = "",
    token: Annotated[str, Form()] = "",
    type: Annotated[str, Form()] = "",
    source: Annotated[str, Form()] = "",
    target: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    location: Annotated[str, Form()] = "",
) -> Response:
    state = web(request)
    session, _ = session_of(request)
    # Order matters: a forged cross-site post fails here before the token is even looked at.
    if not same_origin(request) or not state.sessions.csrf_ok(session, csrf):
        raise HTTPException(403, "This form did not come from this app's own page (CSRF check): reload and retry.")
    if not session.writer and not same_secret(state.token, token):
        raise HTTPException(403, "Corrections need the write token: paste the token `diplomap serve` printed.")
    name = author.strip() or session.author
    if not name:
        raise HTTPException(400, "Say who makes the correction: fill in 'your name'.")
    if action in ("confirm", "reject"):
        changes = {"status": "confirmed" if action == "confirm" else "rejected"}
    elif action == "edit":
        changes = {"type": type, "source": source, "target": target, "date": date, "location": location}
    else:
        raise HTTPException(400, f"Unknown action {action!r}: use confirm, reject or edit.")
    correct(state, eid, changes, name)
    response = RedirectResponse(f"/events/{eid}#history", status_code=303)
    if not session.writer or name != session.author:
        set_session(response, request, state.sessions.upgrade(session, name))
    return response


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    view = document_view(web(request), doc_id)
    if view is None:
        raise HTTPException(404, f"No document {doc_id!r}.")
    return render(request, "document.html", {"view": view})


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    state = web(request)
    rows = state.cache.get(("actors",), lambda: actor_counts(state.store(), 500))
    return render(request, "actors.html", {"actors": rows})


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str) -> HTMLResponse:
    state = web(request)
    code = code.upper()
    view = cached_actor_view(state, code)
    first, last = view.axis or ("", "")
    shown = [(m, n) for m, n in zip(view.months, view.monthly, strict=True) if first <= m <= last]
    monthly = charts.bar_chart(shown, f"{code}: events per month")
    sparks = {d.b: charts.sparkline([m.events for m in d.both.months if first <= m.month <= last],
                                    f"{code}–{d.b} per month")
              for d in view.dyads}
    graph = charts.network(code, view.neighbours, view.links, f"{code}: network neighbours")
    roles = charts.gantt(view.roles, f"{code}: roles over time")
    return render(request, "actor.html", {
        "view": view, "monthly": monthly, "sparks": sparks, "graph": graph, "roles": roles,
        "kb_error": state.kb_error, "off_axis": off_axis(view),
    })


@router.get("/docs", response_class=HTMLResponse)
def api_docs_page(request: Request) -> HTMLResponse:
    """The API reference, drawn from the OpenAPI schema: offline and without script (#9)."""
    spec = apidocs.openapi(request.app)
    return render(request, "api.html", {"ref": apidocs.reference(spec), "spec_version": spec.get("openapi", "")})


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    """Browsers ask for /favicon.ico whatever the page links; answer with the SVG icon."""
    return FileResponse(FAVICON, media_type="image/svg+xml")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    state = web(request)
    view = state.cache.get(("map",), lambda: map_view(state.store().conn, state.knowledge()))
    svg = charts.map_svg(view.points, view.lines, "Located events and corridors")
    return render(request, "map.html", {"view": view, "svg": svg, "kb_error": state.kb_error})


@router.get("/review", response_class=HTMLResponse)
def review_route(
    request: Request, country: str = "", year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
) -> HTMLResponse:
    if not review.available():
        return render(request, "review.html", {"page": None, "available": False})
    state = web(request)
    subject = review.default_subject(state)
    if country and not re.fullmatch(r"[A-Za-z0-9_.\-]{2,40}", country):
        raise HTTPException(400, f"country={country!r}: give an actor code such as AZE")
    if not country and subject is None:
        return render(request, "review.html", {"page": None, "available": True})
    code = country.upper() or (subject[0] if subject else "")
    when = year or (subject[1] if subject and subject[0] == code else review.latest_year(state, code)
                    or date_cls.today().year)
    page = state.cache.get(("review", code, when), lambda: review.review_page(state, code, when))
    return render(request, "review.html", {"page": page, "available": True, "cite_url": review.cite_url})
