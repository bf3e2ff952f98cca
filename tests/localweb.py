"""A small web site on 127.0.0.1 for the ingest tests (#10): pages, feeds, a robots.txt, redirects, errors.

The stdlib's http.server in a thread; nothing leaves the machine. Tests add or change routes as they need.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str = ""  # for a redirect
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


class Site:
    """The routes served and the requests seen (path, User-Agent)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> Site:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def asked(self, path: str) -> int:
        return sum(1 for seen, _ in self.requests if seen == path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            route = site.routes.get(self.path) or site.routes.get(self.path.split("?", 1)[0])
            if route is None:
                route = Route(b"<html><body><p>Not found</p></body></html>", status=404)
            self.send_response(route.status)
            if route.location:
                self.send_header("Location", route.location)
            self.send_header("Content-Type", route.content_type)
            if route.length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

    return Handler


def page(title: str, paragraphs: list[str], head: str = "") -> bytes:
    """An article page: a title, navigation and footer around the paragraphs, and ``head`` in <head>."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>{head}</head>"
            f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(title)}</h1>{body}</article>"
            f"<footer>Copyright The Example Times. All rights reserved.</footer></body></html>").encode()


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    parts = [f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
             + (f"<pubDate>{i['date']}</pubDate>" if "date" in i else "")
             + f"<description>{escape(i.get('summary', ''))}</description></item>" for i in items]
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(title)}</title>"
            f"<link>http://127.0.0.1/</link><description>news</description>{''.join(parts)}</channel></rss>").encode()


def atom(title: str, entries: list[dict[str, str]]) -> bytes:
    parts = [f"<entry><title>{escape(e['title'])}</title><link href='{escape(e['link'])}'/>"
             f"<id>{escape(e['link'])}</id><updated>{e['updated']}</updated>"
             f"<content type='html'>{escape(e['content'])}</content></entry>" for e in entries]
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>{escape(title)}</title><id>urn:feed</id><updated>2025-08-01T00:00:00Z</updated>"
            f"{''.join(parts)}</feed>").encode()
