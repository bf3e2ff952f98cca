"""Who may write, and protection from other sites: the write token, sessions, CSRF, Origin, headers.

Reading is open to whoever reaches the (loopback) port. Writing needs the token: the JSON API takes
it as ``Authorization: Bearer``; the pages take it once in a correction form and remember it in a
signed session cookie. Forms also carry a CSRF token derived from the session, and every cookie-
authenticated POST must come from our own origin (Origin, else Referer), so another site open in the
same browser can neither read the CSRF token nor forge a correction.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request

SESSION_COOKIE = "diplomap_session"

# No inline script or style anywhere: charts are server-drawn SVG with presentation attributes,
# so the policy can be strict and ingested HTML, were it ever unescaped, still could not run.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
    " font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # our own Referer reaches us (the POST check), no one else's
    (b"cross-origin-opener-policy", b"same-origin"),
)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
MAX_BODY = 64 * 1024  # bytes of a request body; a correction form is well under 4 KiB
# A crash is answered by Starlette's ServerErrorMiddleware, which sits outside SecurityMiddleware,
# so the 500 handler sets these itself (#9).
HEADERS_FOR_CRASH = {name.decode(): value.decode() for name, value in SECURITY_HEADERS}


def new_token() -> str:
    return secrets.token_urlsafe(24)


def same_secret(expected: str, given: str) -> bool:
    """Constant-time comparison, so the token cannot be guessed byte by byte from response times.

    Compared as UTF-8 bytes: hmac.compare_digest refuses str with non-ASCII characters (TypeError),
    and a cookie or form value is whatever another program put there (#9).
    """
    return bool(given) and hmac.compare_digest(expected.encode(), given.encode("utf-8", "surrogatepass"))


def bearer(request: Request) -> str:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


@dataclass(frozen=True)
class Session:
    sid: str
    author: str = ""
    writer: bool = False  # has given the token in this browser


class Sessions:
    """Stateless sessions: the cookie holds the session, signed with a secret that lives in memory.

    Nothing is stored server-side, so page views cannot grow memory; restarting the app signs
    everyone out, which for a local tool is the right default.
    """

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def new(self) -> Session:
        return Session(sid=secrets.token_urlsafe(16))

    def dump(self, session: Session) -> str:
        payload = base64.urlsafe_b64encode(
            json.dumps({"sid": session.sid, "author": session.author, "writer": session.writer}).encode()
        ).decode()
        return f"{payload}.{self._sign('session:' + payload)}"

    def load(self, cookie: str | None) -> Session | None:
        if not cookie or "." not in cookie:
            return None
        payload, _, signature = cookie.rpartition(".")
        if not same_secret(self._sign("session:" + payload), signature):
            return None
        data = json.loads(base64.urlsafe_b64decode(payload.encode()))
        return Session(str(data["sid"]), str(data["author"]), bool(data["writer"]))

    def upgrade(self, session: Session, author: str) -> Session:
        """The session after its browser gave the right token; a new sid, so an old cookie gains nothing."""
        return replace(session, sid=secrets.token_urlsafe(16), author=author, writer=True)

    def csrf(self, session: Session) -> str:
        return self._sign("csrf:" + session.sid)

    def csrf_ok(self, session: Session, given: str) -> bool:
        return same_secret(self.csrf(session), given)

    def _sign(self, text: str) -> str:
        return hmac.new(self._secret, text.encode(), hashlib.sha256).hexdigest()


def same_origin(request: Request) -> bool:
    """True when the request says it comes from a page of this app (Origin, else Referer)."""
    ours = f"{request.url.scheme}://{request.url.netloc}"
    origin = request.headers.get("origin")
    if origin is not None:
        return origin == ours
    referer = request.headers.get("referer")
    if referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}" == ours
    return False


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityMiddleware:
    """Adds the security headers to every response and refuses unknown Host headers.

    The Host check stops DNS rebinding: a web page on evil.example that re-points its name at
    127.0.0.1 would otherwise read this app from the victim's browser. Plain ASGI (not
    BaseHTTPMiddleware) because it runs on every request and must stay cheap.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.allowed = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None and _host(scope) not in self.allowed:
            await _refuse(send, 400, b"Unknown Host header: open the app at the address `diplomap serve` printed.\n")
            return
        length = _header(scope, b"content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY):
            # Refused before it is read: the largest thing anyone posts is a correction form (#9).
            await _refuse(send, 413, b"Request body too large: a correction is a few hundred characters.\n")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(send: Send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, wanted: bytes) -> str:
    for name, value in scope.get("headers", []):
        if name == wanted:
            return bytes(value).decode("latin-1").strip()
    return ""


def _host(scope: Scope) -> str:
    host = _header(scope, b"host").lower()
    if host.startswith("["):  # [::1]:8000
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
