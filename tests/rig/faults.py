"""WSGI middleware that makes the reference site misbehave on chosen paths."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

Environ = dict[str, Any]


class Faults:
    """``faults.on("/renew/csr", "500", times=1)``; each fault fires ``times`` times."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self._rules: dict[str, list[Any]] = {}
        self.hits: dict[str, int] = {}

    def on(self, path: str, kind: str, times: int = 1, **options: Any) -> None:
        self._rules[path] = [kind, times, options]

    def clear(self) -> None:
        self._rules.clear()

    def __call__(self, environ: Environ, start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ["PATH_INFO"].removeprefix("/xtxuserweb")
        self.hits[path] = self.hits.get(path, 0) + 1
        rule = self._rules.get(path)
        if not rule or rule[1] <= 0:
            return self.app(environ, start_response)
        rule[1] -= 1
        kind, _, options = rule
        if kind == "slow":
            time.sleep(options.get("seconds", 2.0))
            return self.app(environ, start_response)
        if kind == "500":
            return _answer(start_response, "500 Internal Server Error", b"<html>error</html>", "text/html")
        if kind == "redirect":
            start_response("302 Found", [("Location", "https://elsewhere.invalid/steal"), ("Content-Length", "0")])
            return [b""]
        if kind == "body":
            return _answer(start_response, "200 OK", options["body"], "application/json")
        if kind == "json":
            return _answer(start_response, "200 OK", json.dumps(options["data"]).encode(), "application/json")
        if kind == "truncated":
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", "5000")])
            return [b'{"ok": true, "certif']
        if kind == "reset":
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", "5000")])
            return _broken()
        raise ValueError(kind)


def _answer(start_response: Callable[..., Any], status: str, body: bytes, kind: str) -> list[bytes]:
    start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body)))])
    return [body]


def _broken() -> Iterator[bytes]:
    yield b'{"ok"'
    raise ConnectionResetError("connection reset in the middle of the answer")
