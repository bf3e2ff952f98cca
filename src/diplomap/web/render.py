"""Templates, sessions on page responses, and the write rule shared by pages and API."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from jinja2.filters import do_urlencode

from diplomap.store.corrections import FIELDS, Correction, current_value, normalise, record_correction
from diplomap.web.security import SESSION_COOKIE, Session
from diplomap.web.state import WebState


def environment() -> Environment:
    # Autoescape for every template, whatever its extension: document text is untrusted input.
    env = Environment(
        loader=PackageLoader("diplomap.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # The templates ship with the package: no need to stat them for changes on every page.
        auto_reload=False,
    )
    env.filters["urlencode"] = urlencode
    return env


_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*")


def urlencode(value: Any) -> str:
    """Jinja's urlencode, minus its work for text that needs no quoting: the event ids and actor codes
    of a list page (a hundred and more links) are such text."""
    if isinstance(value, str) and _PLAIN.fullmatch(value):
        return value
    return do_urlencode(value)


def web(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def session_of(request: Request) -> tuple[Session, bool]:
    """The request's session, and whether it is new (so the response must set the cookie)."""
    sessions = web(request).sessions
    found = sessions.load(request.cookies.get(SESSION_COOKIE))
    return (found, False) if found is not None else (sessions.new(), True)


def set_session(response: Response, request: Request, session: Session) -> None:
    response.set_cookie(
        SESSION_COOKIE, web(request).sessions.dump(session), httponly=True, samesite="lax", path="/",
        secure=request.url.scheme == "https",
    )


def render(request: Request, name: str, context: Mapping[str, Any], status: int = 200) -> HTMLResponse:
    session, fresh = session_of(request)
    env: Environment = request.app.state.templates
    html = env.get_template(name).render(
        request=request, session=session, csrf=web(request).sessions.csrf(session), **context
    )
    response = HTMLResponse(html, status_code=status)
    if fresh:
        set_session(response, request, session)
    return response


def correct(state: WebState, eid: str, changes: Mapping[str, str], author: str) -> list[Correction]:
    """Record the fields that differ from the event as it is now; confirm/reject are always recorded."""
    store = state.store()
    if store.event_status(eid) is None:
        raise HTTPException(404, f"no event {eid!r}")
    made = []
    for field, value in changes.items():
        if field not in FIELDS:
            raise HTTPException(400, f"unknown field {field!r}: use one of {', '.join(FIELDS)}")
        if field != "status" and normalise(field, value) == current_value(store, eid, field):
            continue
        made.append(record_correction(store, eid, field, value, author))
    state.cache.clear()
    return made
