"""The reference site's HTTP layer, from the standard library: a threaded
WSGI server over TLS on 127.0.0.1, and what a handler reads of a request.

Connections stay open between requests (HTTP/1.1 keep-alive), as on a
production web server: a renewal's eight calls then share one TLS
handshake instead of making eight. wsgiref alone answers one request per
connection.

The site speaks WSGI, so tests can put middleware in front of it
(``tests/rig/faults.py``). A web framework's import alone (werkzeug's, about
30 ms) was a tenth of a practice renewal's own work; the site needs twelve
fixed routes, a form and a cookie.
"""

from __future__ import annotations

import contextlib
import io
import logging
import socket
import ssl
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from socketserver import ThreadingMixIn
from typing import Any, BinaryIO, cast
from urllib.parse import parse_qs
from wsgiref.headers import Headers
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

_log = logging.getLogger(__name__)

Environ = dict[str, Any]
App = Callable[[Environ, Callable[..., Any]], Iterable[bytes]]
Header = tuple[str, str]

IDLE_CONNECTION = 30.0  # seconds a kept-open connection waits for its next request


class BodyTooLarge(Exception):
    """A request body over the site's limit: answered 413, never read."""


class Request:
    """A request's query, urlencoded form and cookies, the first value of each name."""

    def __init__(self, environ: Environ, max_body: int) -> None:
        self.args = _fields(environ.get("QUERY_STRING", ""))
        self.cookies = _cookies(environ.get("HTTP_COOKIE", ""))
        self.form: dict[str, str] = {}
        length = _length(environ)
        if length > max_body:
            raise BodyTooLarge()
        if length > 0 and environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
            self.form = _fields(environ["wsgi.input"].read(length).decode("utf-8", "replace"))


@dataclass(frozen=True)
class Page:
    """An answer that is not the site's JSON: a page, a picture."""

    body: bytes
    kind: str
    headers: tuple[Header, ...] = ()


def respond(
    start_response: Callable[..., Any], status: HTTPStatus, body: bytes, kind: str, headers: Iterable[Header] = ()
) -> list[bytes]:
    fixed = [("Content-Type", kind), ("Content-Length", str(len(body)))]
    start_response(f"{status.value} {status.phrase}", [*fixed, *headers])
    return [body]


def _length(environ: Environ) -> int:
    try:
        return int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _fields(text: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(text, keep_blank_values=True).items()}


def _cookies(header: str) -> dict[str, str]:
    try:
        return {name: morsel.value for name, morsel in SimpleCookie(header).items()}
    except CookieError:
        return {}


class _ToLog(io.TextIOBase):
    """What wsgiref writes to stderr (an application's traceback) goes to the log, not the user's terminal."""

    def write(self, text: str) -> int:
        if text.strip():
            _log.warning("%s", text.rstrip())
        return len(text)


class _Answer(ServerHandler):
    """One answer on a kept-open connection, which ends the connection when
    what it sends would run into the next request or leave the client
    waiting: a body of no stated length, cut short, or a request body left
    unread (one over the limit)."""

    http_version = "1.1"  # the status line; wsgiref's default, 1.0, tells the client to close
    headers: Headers
    environ: Environ
    bytes_sent: int

    def __init__(self, handler: _QuietHandler, environ: Environ) -> None:
        super().__init__(handler.rfile, cast(BinaryIO, handler.wfile), handler.get_stderr(), environ, multithread=False)
        self.request_handler = handler  # wsgiref's back-pointer, for its log
        self.complete = False  # sent whole, of its stated length: the connection can carry another

    def cleanup_headers(self) -> None:
        super().cleanup_headers()
        if "Content-Length" not in self.headers or _length(self.environ) > self.request_handler.server.max_body:
            self.headers["Connection"] = "close"

    def close(self) -> None:
        """Called by wsgiref once an answer was sent whole, headers and all;
        not when the app failed half-way or the client went away."""
        said = self.headers
        self.complete = said.get("Connection") != "close" and said.get("Content-Length") == str(self.bytes_sent)
        super().close()


class _QuietHandler(WSGIRequestHandler):
    """Request after request on one connection while the client keeps it
    open; request lines go to the log at debug level."""

    protocol_version = "HTTP/1.1"
    timeout = IDLE_CONNECTION  # an idle connection's thread ends, as a web server's does
    disable_nagle_algorithm = True  # the headers and the body go out as two writes: no wait for an ACK between
    server: Server

    def handle(self) -> None:
        self.close_connection = True
        self._one_request()
        while not self.close_connection:
            self._one_request()

    def _one_request(self) -> None:
        """wsgiref's ``handle``, told whether the connection can carry another request."""
        try:
            self.raw_requestline = self.rfile.readline(65537)
        except TimeoutError:
            self.close_connection = True
            return
        if not self.raw_requestline:
            self.close_connection = True
            return
        if len(self.raw_requestline) > 65536:
            self.requestline = self.request_version = self.command = ""
            self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
            return
        if not self.parse_request():  # an error was sent, the connection to be closed
            return
        answer = _Answer(self, self.get_environ())
        answer.run(self.server.app)
        if not answer.complete:  # the client sees the end of a cut answer at once, as from a failed server
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        _log.debug(format, *args)

    def get_stderr(self) -> io.TextIOBase:
        return _ToLog()


class Server(ThreadingMixIn, WSGIServer):
    """HTTPS on 127.0.0.1, a thread per connection. Closed, it ends the
    connections kept open too, as a web server that stops does: a client
    finds the site gone, never a thread still answering for it."""

    daemon_threads = True

    def __init__(self, port: int, app: App, context: ssl.SSLContext, max_body: int) -> None:
        super().__init__(("127.0.0.1", port), _QuietHandler)
        self.max_body = max_body
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self.socket = context.wrap_socket(self.socket, server_side=True)

        def body_read_first(environ: Environ, start_response: Callable[..., Any]) -> Iterable[bytes]:
            """An answer sent before the request's body was read (a refusal, a
            fault a test put in front) would reach the client as a reset when
            the connection closes with the body unread."""
            length = _length(environ)
            if 0 < length <= max_body:
                environ["wsgi.input"] = io.BytesIO(environ["wsgi.input"].read(length))
            return app(environ, start_response)

        self.app: App = body_read_first

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        with self._open_lock:
            for connection in self._open:
                # The plain socket's shutdown: the TLS object stays the handler thread's, which reads the end.
                with contextlib.suppress(OSError):
                    socket.socket.shutdown(connection, socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        _log.debug("connection from %s ended badly", client_address, exc_info=True)
