"""The local web app: browse, search, chart, map and correct the record (issue #5).

    app = create_app("diplomap.db")            # token from DIPLOMAP_TOKEN, else a fresh one
    serve("diplomap.db", port=8000)            # prints the URL and the token, runs uvicorn
"""

from __future__ import annotations

import ipaddress
import logging
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from diplomap.knowledge import Knowledge
from diplomap.store.corrections import CorrectionError
from diplomap.web import api, apidocs, pages
from diplomap.web.queries import BadRequest
from diplomap.web.render import environment, render
from diplomap.web.security import HEADERS_FOR_CRASH, LOOPBACK_HOSTS, SecurityMiddleware, Sessions, new_token
from diplomap.web.state import WebState
from diplomap.web.views import warm_up

log = logging.getLogger("diplomap.web")
TOKEN_ENV = "DIPLOMAP_TOKEN"


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    knowledge: Knowledge | None = None,
    allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS,
) -> FastAPI:
    """The app over one database file. ``token`` guards writes (default: $DIPLOMAP_TOKEN, else random).

    ``knowledge`` replaces the shipped knowledge base (tests); ``allowed_hosts`` lists the Host headers
    served (None: any, for a deliberate non-loopback bind).
    """
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such database; build one with `diplomap ingest --db {path} FILE`")
    state = WebState(path, token or os.environ.get(TOKEN_ENV) or new_token(), knowledge, Sessions())
    state.store()  # migrate now (schema v2 adds corrections), not inside the first request
    warm_up(state)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="diplomap",
        summary="Browse, search and correct a diplomap database of sourced PLOVER events.",
        version="1",
        # Swagger UI and ReDoc load script from a CDN and run inline script: both break the CSP and
        # need a network. /docs is drawn on the server from the schema instead (web/apidocs.py).
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.openapi = lambda: apidocs.openapi(app)  # type: ignore[method-assign]  # errors as we answer them
    app.state.web = state
    app.state.templates = environment()
    app.mount("/static", StaticFiles(directory=str(resources.files("diplomap.web").joinpath("static"))), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _handlers(app)
    app.add_middleware(SecurityMiddleware, allowed_hosts=allowed_hosts)
    return app


def _handlers(app: FastAPI) -> None:
    """Every error answers in the caller's language: JSON under /api, a page elsewhere; never a traceback."""

    def respond(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return render(request, "error.html", {"status": status, "message": message}, status=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"Nothing at {request.url.path}."
        return respond(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
        return respond(request, 400, "Bad request: " + "; ".join(parts))

    @app.exception_handler(BadRequest)
    async def bad_filter(request: Request, exc: BadRequest) -> Response:
        return respond(request, 400, f"Bad request: {exc}")

    @app.exception_handler(CorrectionError)
    async def bad_correction(request: Request, exc: CorrectionError) -> Response:
        return respond(request, 400, f"Correction refused: {exc}")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path, exc_info=exc)
        # Starlette answers a crash from ServerErrorMiddleware, outside our routes' session handling
        # and outside SecurityMiddleware, so the page is plain (no template that could fail again)
        # and carries the security headers itself.
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": "internal error; see the server log", "status": 500}, status_code=500,
                                headers=HEADERS_FOR_CRASH)
        return HTMLResponse("<!doctype html><title>Error</title><h1>Internal error</h1>"
                            "<p>See the server log.</p>", status_code=500, headers=HEADERS_FOR_CRASH)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Print the URL and the write token, then serve until interrupted."""
    import uvicorn

    loopback = host in LOOPBACK_HOSTS or _is_loopback(host)
    token = token or os.environ.get(TOKEN_ENV) or new_token()
    app = create_app(db_path, token, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    shown = f"[{host}]" if ":" in host else host
    print(f"diplomap: serving {db_path} at http://{shown}:{port}/")
    print(f"diplomap: write token (corrections): {token}")
    if not loopback:
        print(f"diplomap: warning: {host} is not a loopback address; anyone who can reach it can read the data")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
