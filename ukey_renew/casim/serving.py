"""The reference site's HTTP layer, from the standard library: a threaded
WSGI server over TLS on 127.0.0.1, and what a handler reads of a request.

The site speaks WSGI, so tests can put middleware in front of it
(``tests/rig/faults.py``). A web framework's import alone (werkzeug's, about
30 ms) was a tenth of a practice renewal's own work; the site needs twelve
fixed routes, a form and a cookie.
"""

from __future__ import annotations

import io
import logging
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

_log = logging.getLogger(__name__)

Environ = dict[str, Any]
App = Callable[[Environ, Callable[..., Any]], Iterable[bytes]]
Header = tuple[str, str]


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


class _QuietHandler(WSGIRequestHandler):
    """Request lines go to the log at debug level."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        _log.debug(format, *args)

    def get_stderr(self) -> io.TextIOBase:
        return _ToLog()


class Server(ThreadingMixIn, WSGIServer):
    """HTTPS on 127.0.0.1, a thread per connection."""

    daemon_threads = True

    def __init__(self, port: int, app: App, context: ssl.SSLContext, max_body: int) -> None:
        super().__init__(("127.0.0.1", port), _QuietHandler)
        self.socket = context.wrap_socket(self.socket, server_side=True)

        def body_read_first(environ: Environ, start_response: Callable[..., Any]) -> Iterable[bytes]:
            """An answer sent before the request's body was read (a refusal, a
            fault a test put in front) would reach the client as a reset when
            the connection closes with the body unread."""
            length = _length(environ)
            if 0 < length <= max_body:
                environ["wsgi.input"] = io.BytesIO(environ["wsgi.input"].read(length))
            return app(environ, start_response)

        self.set_app(body_read_first)

    def handle_error(self, request: Any, client_address: Any) -> None:
        _log.debug("connection from %s ended badly", client_address, exc_info=True)
