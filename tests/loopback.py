"""A real HTTP server on 127.0.0.1 (a thread, a random port) for fetching tests: no internet.

It serves the saved pages of ../shared/testdata/mozilla-readability/ (read when asked for) at
/readability/NAME/, routes a test adds (feeds it generates, odd pages), and the awkward cases:

    /status/CODE          that status, a short HTML body
    /slow                 headers only after `slow_seconds` (past a client's read timeout)
    /held                 a page only once the test sets `release` (a fetch kept in progress)
    /drip                 a body of one byte every 0.2 s, forever (past a client's deadline)
    /loop                 a redirect to itself
    /redirect/N           N redirects, then a page
    /huge                 an endless body without Content-Length (past any size cap)
    /huge-declared        a Content-Length past the cap

Every request is logged (method, path, headers) so a test can see what a client sent.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

READABILITY = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "testdata"
    / "mozilla-readability"
    / "test"
    / "test-pages"
)


@dataclass
class Route:
    """What one path answers. `etag`/`last_modified` make it answer 304 to a matching
    conditional request; change `body` (and the etag) between fetches to change the feed."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str = ""
    last_modified: str = ""
    gzip: bool = False
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client that hangs up early (a timeout, a size cap) is what tests do


class LoopbackServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.slow_seconds = 3.0
        self.release = threading.Event()
        self.max_in_flight = 0  # most requests being answered at once
        self._in_flight = 0
        self._count_lock = threading.Lock()
        self._stop = threading.Event()
        # The connections being answered, and their threads: a keep-alive connection a client
        # never closed keeps its thread waiting for the next request, and a process with more
        # than one thread does not fork (Library.prefetch_file_stats): stop() ends them all.
        self._open: dict[socket.socket, threading.Thread] = {}
        self._httpd = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def readability_url(self, name: str) -> str:
        return self.url(f"/readability/{name}/")

    def add(self, path: str, body: bytes | str, **options: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def paths_requested(self) -> list[str]:
        return [request.path for request in self.requests]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.release.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        with self._count_lock:
            still_open = list(self._open.items())
        for connection, _ in still_open:
            try:
                connection.shutdown(socket.SHUT_RDWR)  # a waiting read ends, a write fails
            except OSError:
                pass  # closed already
        for _, thread in still_open:
            thread.join(timeout=10)  # /slow sleeps its seconds out first


def readability_page(name: str) -> bytes:
    return (READABILITY / name / "source.html").read_bytes()


def _handler_for(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

        def setup(self) -> None:
            super().setup()
            with server._count_lock:
                server._open[self.connection] = threading.current_thread()

        def finish(self) -> None:
            with server._count_lock:
                server._open.pop(self.connection, None)
            super().finish()

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            server.requests.append(Request("GET", self.path, dict(self.headers.items())))
            with server._count_lock:
                server._in_flight += 1
                server.max_in_flight = max(server.max_in_flight, server._in_flight)
            try:
                self._answer()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout or a size cap): that is the test
            finally:
                with server._count_lock:
                    server._in_flight -= 1

        def _answer(self) -> None:
            path = self.path.split("?")[0]
            if path in server.routes:
                self._route(server.routes[path])
            elif path.startswith("/readability/"):
                self._readability(path.split("/")[2])
            elif path.startswith("/status/"):
                code = int(path.split("/")[2])
                self._send(code, b"<html><body><p>status page</p></body></html>")
            elif path == "/slow":
                time.sleep(server.slow_seconds)
                self._send(200, readability_page("nytimes-1"))
            elif path == "/held":
                server.release.wait(timeout=60)
                self._send(200, readability_page("nytimes-1"))
            elif path == "/drip":
                self._drip()
            elif path == "/loop":
                self._redirect("/loop")
            elif path.startswith("/redirect/"):
                left = int(path.split("/")[2])
                self._redirect(f"/redirect/{left - 1}" if left > 1 else "/readability/nytimes-1/")
            elif path == "/huge":
                self._endless()
            elif path == "/huge-declared":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(1 << 40))
                self.end_headers()
            else:
                self._send(404, b"<html><body>not here</body></html>")

        def _readability(self, name: str) -> None:
            source = READABILITY / name / "source.html"
            if not name or not source.is_file():
                self._send(404, b"not here")
                return
            self._send(200, source.read_bytes())

        def _route(self, route: Route) -> None:
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self._send(304, b"", extra={"ETag": route.etag})
                return
            if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                self._send(304, b"", extra={"Last-Modified": route.last_modified})
                return
            extra = dict(route.headers)
            if route.etag:
                extra["ETag"] = route.etag
            if route.last_modified:
                extra["Last-Modified"] = route.last_modified
            body = route.body
            if route.gzip:
                body = gzip.compress(body)
                extra["Content-Encoding"] = "gzip"
            self._send(route.status, body, route.content_type, extra)

        def _send(
            self,
            status: int,
            body: bytes,
            content_type: str = "text/html; charset=utf-8",
            extra: dict[str, str] | None = None,
        ) -> None:
            self.send_response(status)
            if content_type and status != 304:
                self.send_header("Content-Type", content_type)
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def _redirect(self, target: str) -> None:
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _drip(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"<html><body><p>")
            while not server._stop.is_set():
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)

        def _endless(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"<html><body><p>")
            chunk = b"news " * 2000
            while not server._stop.is_set():
                self.wfile.write(chunk)

    return Handler


def http_date(seconds: float) -> str:
    return formatdate(seconds, usegmt=True)


@pytest.fixture
def loopback(monkeypatch: pytest.MonkeyPatch) -> Iterator[LoopbackServer]:
    """A started LoopbackServer; proxies from the environment are switched off so that every
    request goes straight to 127.0.0.1."""
    if not READABILITY.is_dir():
        pytest.skip("../shared/testdata/mozilla-readability is not present")
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name.lower(), raising=False)
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(socket.socket, "connect", _loopback_only(socket.socket.connect))
    server = LoopbackServer()
    server.start()
    yield server
    server.stop()


def _loopback_only(connect: Any) -> Any:
    """socket.connect that refuses any address but loopback: a test that reaches further fails."""

    def guarded(sock: socket.socket, address: Any) -> Any:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            if not ipaddress.ip_address(address[0]).is_loopback:
                raise AssertionError(f"a test tried to reach {address[0]}: loopback only")
        return connect(sock, address)

    return guarded
