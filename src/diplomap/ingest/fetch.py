"""URL -> bytes and a format, politely: robots.txt respected, a User-Agent that names diplomap, timeouts, a
size limit, a bounded number of redirects, one request at a time (and the Crawl-delay a site asks for).

Every failure is one IngestError naming the URL and what to do; nothing here retries.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from diplomap import __version__
from diplomap.ingest.errors import IngestError

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"diplomap/{__version__} (local-first foreign-policy research tool; one request at a time)"
ROBOTS_AGENT = "diplomap"  # the name robots.txt rules address
MAX_FETCH_BYTES = 50 * 2**20  # a news page is well under 5 MB; a long PDF report can be tens of MB
MAX_REDIRECTS = 5
TIMEOUT = 20.0  # seconds to connect, and between two reads
MAX_SECONDS = 120.0  # for the whole of one page: a server that sends a byte now and then is not waited on forever
MAX_CRAWL_DELAY = 30.0  # a longer Crawl-delay than this is waited as this

# content type -> reader format; feeds are recognised by their content type or by sniffing (is_feed)
_FORMATS = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf", "text/plain": "text",
            "text/markdown": "markdown", "text/x-markdown": "markdown"}
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
_XML_TYPES = {"application/xml", "text/xml"}
_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".txt": "text", ".md": "markdown"}


@dataclass(frozen=True)
class Fetched:
    """What a URL gave: the URL it ended at after redirects, its content type and its bytes."""

    url: str  # after redirects
    content_type: str  # media type, lower case, without parameters
    data: bytes
    charset: str = ""

    @property
    def fmt(self) -> str | None:
        """The reader format (html, pdf, text, markdown), "feed", or None when diplomap cannot read it."""
        if is_feed(self.content_type, self.data):
            return "feed"
        if self.content_type in _FORMATS:
            return _FORMATS[self.content_type]
        if self.content_type in ("", "application/octet-stream", "binary/octet-stream"):
            if self.data.startswith(b"%PDF"):
                return "pdf"
            path = urlsplit(self.url).path.lower()
            return next((fmt for suffix, fmt in _SUFFIX_FORMATS.items() if path.endswith(suffix)), None)
        return None

    def utf8(self) -> bytes:
        """The bytes as UTF-8 when the server named another charset (the readers read UTF-8)."""
        charset = self.charset.lower().replace("_", "-")
        if not charset or charset in ("utf-8", "utf8", "us-ascii", "ascii") or self.fmt == "pdf":
            return self.data
        try:
            return self.data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            return self.data  # the reader says it is not UTF-8, with the fix


def is_feed(content_type: str, data: bytes) -> bool:
    """An RSS or Atom feed: by its content type, or an XML document whose root is <rss>, <feed> or <rdf:RDF>."""
    if content_type in _FEED_TYPES:
        return True
    if content_type and content_type not in (*_XML_TYPES, "text/plain", "application/octet-stream"):
        return False
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
    while head.startswith(b"<!--") and b"-->" in head:
        head = head[head.find(b"-->") + 3:].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


@dataclass
class Fetcher:
    """Fetches URLs one at a time with one HTTP client; keeps each host's robots.txt rules.

    ``transport`` replaces the network (tests use a local server instead, or httpx.MockTransport)."""

    timeout: float = TIMEOUT
    max_seconds: float = MAX_SECONDS
    max_bytes: int = MAX_FETCH_BYTES
    max_redirects: int = MAX_REDIRECTS
    user_agent: str = USER_AGENT
    transport: httpx.BaseTransport | None = None
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict, init=False, repr=False)
    _last: dict[str, float] = field(default_factory=dict, init=False, repr=False)  # host -> time of last request

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            import httpx

            self._client = httpx.Client(timeout=self.timeout, follow_redirects=False, transport=self.transport,
                                        headers={"User-Agent": self.user_agent})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Fetched:
        """The page at ``url``, following redirects (each hop checked against its host's robots.txt).
        Raises IngestError naming the URL and what to do."""
        current = url
        for _ in range(self.max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise IngestError(f"{url}: cannot fetch {current!r}: only http and https URLs are fetched; "
                                  "save the page to a file and ingest the file")
            if not self.allowed(current):
                raise IngestError(f"{current}: the site's robots.txt asks robots not to fetch this page; "
                                  "save it yourself and ingest the file if you may")
            response = self._request(current, url)
            if response[0] in (301, 302, 303, 307, 308):
                location = response[1]
                if not location:
                    raise IngestError(f"{current}: redirect ({response[0]}) without a Location; check the URL")
                current = urljoin(current, location)
                continue
            status, _, content_type, charset, data = response
            if status >= 400:
                raise IngestError(f"{current}: HTTP {status}{_STATUS_HINT.get(status, '; check the URL or try later')}")
            return Fetched(current, content_type, data, charset)
        raise IngestError(f"{url}: more than {self.max_redirects} redirects; give the URL the page ends at")

    def _request(self, url: str, asked: str) -> tuple[int, str, str, str, bytes]:
        """(status, Location, content type, charset, body) of one GET; the body only for a final answer."""
        import httpx

        self._wait(url)
        try:
            with self.client.stream("GET", url) as response:
                status = response.status_code
                if status in (301, 302, 303, 307, 308):
                    return status, response.headers.get("location", ""), "", "", b""
                if status >= 400:
                    return status, "", "", "", b""
                media, _, params = response.headers.get("content-type", "").partition(";")
                charset = next((p.split("=", 1)[1].strip(" \"'") for p in params.split(";")
                                if p.strip().lower().startswith("charset=")), "")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise IngestError(self._too_large(url, int(declared)))
                body = bytearray()
                started = time.monotonic()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise IngestError(self._too_large(url, len(body), more=True))
                    if time.monotonic() - started > self.max_seconds:
                        raise IngestError(f"{url}: still loading after {self.max_seconds:.0f} s; try again later, "
                                          "or download it yourself and ingest the file")
                return status, "", media.strip().lower(), charset, bytes(body)
        except httpx.TimeoutException:
            raise IngestError(f"{url}: no answer within {self.timeout:.0f} s; try again later") from None
        except httpx.HTTPError as exc:
            reason = " ".join(str(exc).split())[:120] or type(exc).__name__
            raise IngestError(f"{url}: cannot be fetched ({reason}); check the URL and the network") from None

    def _too_large(self, url: str, size: int, more: bool = False) -> str:
        mb = 2**20
        over = "more than " if more else ""
        return (f"{url}: {over}{size / mb:.1f} MB is over the {self.max_bytes / mb:.0f} MB limit for a fetched "
                "page; download it yourself and ingest the file")

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets diplomap fetch ``url``: read once per host; a missing robots.txt
        allows everything, one that answers 401 or 403 nothing (as Python's robotparser reads them)."""
        rules = self._rules(url)
        return rules is None or rules.can_fetch(ROBOTS_AGENT, url)

    def _rules(self, url: str) -> RobotFileParser | None:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host in self._robots:
            return self._robots[host]
        import httpx

        rules: RobotFileParser | None = RobotFileParser(f"{host}/robots.txt")
        try:
            self._wait(url)
            response = self.client.get(f"{host}/robots.txt", follow_redirects=True)
        except httpx.HTTPError:
            rules = None  # an unreachable host: the page's own request says so
        else:
            assert rules is not None
            if response.status_code in (401, 403):
                rules.parse(["User-agent: *", "Disallow: /"])
            elif response.status_code >= 400:
                rules = None
            else:
                rules.parse(response.text[:500_000].splitlines())
        self._robots[host] = rules
        return rules

    def _wait(self, url: str) -> None:
        """Wait out the Crawl-delay the host's robots.txt asks for, between two requests to it."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(host)
        delay = rules.crawl_delay(ROBOTS_AGENT) if rules is not None else None
        last = self._last.get(host)
        if delay and last is not None:
            pause = min(float(delay), MAX_CRAWL_DELAY) - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()


_STATUS_HINT = {
    401: "; the page needs a login: save it from your browser and ingest the file",
    403: "; the site refuses it: save it from your browser and ingest the file",
    404: "; no such page: check the URL",
    410: "; the page was removed",
    429: "; the site asks to slow down: try again later",
}
