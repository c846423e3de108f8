"""How a call reaches BJCA's XTXApp service and how its answer is read:
HTTP ``POST /synctl`` or the WebSocket at ``/xtxapp/`` (both used by BJCA's
own pages), and the decoding of BJCA's 2021 page script (xtxsync.js):
``retValue`` first, else ``retVal``, converted by the function's answer
type; no value is the type's failure value. The calls themselves, and what
they mean, are in :mod:`ukey_renew.token.xtxapp`.

The HTTP and WebSocket clients load once something answers at the
service's port: where BJCA's service does not run (not installed, not
started), the first page's look for keys, every few seconds, would
otherwise hold them (and TLS, which they load) for nothing, a sixth of the
idle wizard's memory.
"""

from __future__ import annotations

import json
import time
from socket import create_connection
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from ukey_renew.errors import ServiceBadAnswer, ServiceSlow, ServiceUnavailable

if TYPE_CHECKING:
    import requests
    import websocket

CONNECT_TIMEOUT = 2.0  # loopback: a running service accepts at once
_MAX_ANSWER = 1 << 20

Kind = Literal["string", "bool", "number"]
FAILURE: dict[Kind, Any] = {"string": "", "bool": False, "number": -1}


def open_link(url: str) -> HttpLink | WebSocketLink:
    return WebSocketLink(url) if url.startswith(("ws://", "wss://")) else HttpLink(url)


def _listening(url: str) -> None:
    """Something accepts at the service's port, asked with a bare socket."""
    parts = urlsplit(url)
    try:
        create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=CONNECT_TIMEOUT).close()
    except OSError as exc:
        raise ServiceUnavailable(detail=type(exc).__name__) from None


class HttpLink:
    """POST ``/synctl``: one request, one answer."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._http: requests.Session | None = None

    def _connect(self) -> requests.Session:
        _listening(self.url)
        import requests

        self._http = requests.Session()
        self._http.trust_env = False  # a system proxy must never see loopback traffic
        return self._http

    def exchange(self, body: dict[str, Any], timeout: float) -> dict[str, Any] | None:
        http = self._http or self._connect()
        import requests  # loaded by the connecting

        try:
            answer = http.post(self.url, json=body, timeout=(CONNECT_TIMEOUT, timeout))
        except requests.ReadTimeout:
            raise ServiceSlow(detail=f"{body['func']}: no answer in {timeout:g} s") from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise ServiceUnavailable(detail=type(exc).__name__) from None
        if len(answer.content) > _MAX_ANSWER:
            raise ServiceBadAnswer(detail=f"{body['func']}: {len(answer.content)} bytes")
        if answer.status_code != 200:
            return None
        try:
            return _object(body["func"], answer.json())
        except ValueError:
            raise ServiceBadAnswer(detail=f"{body['func']}: not JSON") from None

    def wait_for_change(self, timeout: float) -> bool:
        time.sleep(timeout)
        return False

    def close(self) -> None:
        if self._http is not None:
            self._http.close()


class WebSocketLink:
    """``ws://…/xtxapp/``: requests carry a ``call_cmd_id`` that the answer
    repeats; pushes arrive in between with ``call_cmd_id`` "onUsbkeyChange"."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._socket: websocket.WebSocket | None = None
        self._count = 0
        self._changed = False

    def _open(self) -> websocket.WebSocket:
        if self._socket is None:
            _listening(self.url)
            import websocket

            try:
                self._socket = websocket.create_connection(self.url, timeout=CONNECT_TIMEOUT)
            except (OSError, websocket.WebSocketException) as exc:
                raise ServiceUnavailable(detail=type(exc).__name__) from None
        return self._socket

    def exchange(self, body: dict[str, Any], timeout: float) -> dict[str, Any] | None:
        self._count += 1
        command = f"ukey-renew-{self._count}"
        request = {
            "call_cmd_id": command,
            "xtx_func_name": body["func"],
            "func": body["func"],
            "CLSID": body["clsid"],
            "URL": body["url"],
            "param": body["param"],
            **{f"param_{n}": value for n, value in enumerate(body["param"], start=1)},
        }
        if "token" in body:
            request["token"] = body["token"]
        socket = self._open()
        import websocket  # loaded by the opening

        try:
            socket.send(json.dumps(request, ensure_ascii=False))
            deadline = time.monotonic() + timeout
            while True:
                message = self._receive(socket, deadline - time.monotonic(), body["func"])
                if message is not None and message.get("call_cmd_id") == command:
                    return message
        except websocket.WebSocketTimeoutException:
            raise ServiceSlow(detail=f"{body['func']}: no answer in {timeout:g} s") from None
        except (OSError, websocket.WebSocketException) as exc:
            self.close()
            raise ServiceUnavailable(detail=type(exc).__name__) from None

    def _receive(self, socket: websocket.WebSocket, seconds: float, func: str) -> dict[str, Any] | None:
        """The next answer; a push is noted and gives None."""
        import websocket  # loaded by the opening

        if seconds <= 0:
            raise websocket.WebSocketTimeoutException()
        socket.settimeout(seconds)
        text = socket.recv()
        if len(text) > _MAX_ANSWER:
            raise ServiceBadAnswer(detail=f"{func}: {len(text)} bytes")
        try:
            message = _object(func, json.loads(text))
        except ValueError:
            raise ServiceBadAnswer(detail=f"{func}: not JSON") from None
        if str(message.get("call_cmd_id", "")).lower() == "onusbkeychange":
            self._changed = True
            return None
        return message

    def wait_for_change(self, timeout: float) -> bool:
        socket = self._open()
        import websocket  # loaded by the opening

        deadline = time.monotonic() + timeout
        try:
            while not self._changed:
                self._receive(socket, deadline - time.monotonic(), "onUsbkeyChange")
        except websocket.WebSocketTimeoutException:
            pass
        except (OSError, websocket.WebSocketException) as exc:
            self.close()
            raise ServiceUnavailable(detail=type(exc).__name__) from None
        changed, self._changed = self._changed, False
        return changed

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def _object(func: str, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ServiceBadAnswer(detail=f"{func}: not a JSON object")
    return data


def decode(func: str, data: dict[str, Any], kind: Kind) -> Any:
    """``retValue`` first, else ``retVal``, converted by the answer type.
    BJCA's script takes ``retValue`` as it is; converting it too costs nothing
    for typed values and keeps a text "false" from reading as true."""
    value = data["retValue"] if data.get("retValue") is not None else data.get("retVal")
    if value is None or value == "":  # no value: the call failed, whatever its type
        return FAILURE[kind]
    if kind == "bool":
        return value == "true" if isinstance(value, str) else bool(value)
    if kind == "number":
        number = _number(value)
        if number is None:
            raise ServiceBadAnswer(detail=f"{func}: not a number")
        return number
    if not isinstance(value, str):
        raise ServiceBadAnswer(detail=f"{func}: expected text")
    return value


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        for base in (10, 0):  # "-8", "184549538", "0x0B0000A2"
            try:
                return int(text, base)
            except ValueError:
                continue
    return None
