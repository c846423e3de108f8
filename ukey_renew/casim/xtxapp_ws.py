"""BJCA's WebSocket (``ws://127.0.0.1:21051/xtxapp/``) for the XTXApp
simulator: the RFC 6455 handshake and framing written out, because the
simulator needs these few lines of it and not a server library.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from collections.abc import Callable
from io import BufferedIOBase
from typing import Any

_MAX_FRAME = 1 << 20

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455


def accept(key: str) -> str:
    return base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()


class WebSocketPage:
    """One page's WebSocket: calls are answered with their ``call_cmd_id``,
    and a key plugged in or pulled out is pushed as ``onUsbkeyChange``."""

    def __init__(
        self,
        answer: Callable[[str, list[Any]], dict[str, Any]],
        key_present: Callable[[], bool],
        rfile: BufferedIOBase,
        wfile: BufferedIOBase,
    ) -> None:
        self.answer = answer
        self.key_present = key_present
        self.rfile = rfile
        self.wfile = wfile
        self._send_lock = threading.Lock()
        self._open = True

    def run(self) -> None:
        threading.Thread(target=self._watch, daemon=True).start()
        try:
            while (frame := _read_frame(self.rfile)) is not None:
                opcode, data = frame
                if opcode == _CLOSE:
                    break
                if opcode == _PING:
                    self._send(_PONG, data)
                elif opcode == _TEXT:
                    self._send(_TEXT, json.dumps(self._call(data), ensure_ascii=False).encode())
        except OSError:
            pass  # the page went away
        finally:
            self._open = False

    def _call(self, data: bytes) -> dict[str, Any]:
        try:
            request = json.loads(data)
            func = str(request.get("xtx_func_name") or request["func"])
            params = request.get("param")
            if params is None:  # clients before 3.4.1: param_1 … param_n only
                params = [request[f"param_{n}"] for n in range(1, 1 + sum(k.startswith("param_") for k in request))]
        except (ValueError, KeyError, TypeError, AttributeError):
            return {"call_cmd_id": None, "retVal": ""}
        return {"call_cmd_id": request.get("call_cmd_id"), **self.answer(func, list(params))}

    def _watch(self) -> None:
        present = self.key_present()
        while self._open:
            time.sleep(0.05)
            if self.key_present() != present:
                present = not present
                try:
                    self._send(_TEXT, json.dumps({"call_cmd_id": "onUsbkeyChange", "retVal": ""}).encode())
                except OSError:
                    return

    def _send(self, opcode: int, payload: bytes) -> None:
        size = len(payload)
        if size < 126:
            head = bytes([0x80 | opcode, size])
        elif size < 1 << 16:
            head = bytes([0x80 | opcode, 126]) + size.to_bytes(2, "big")
        else:
            head = bytes([0x80 | opcode, 127]) + size.to_bytes(8, "big")
        with self._send_lock:
            self.wfile.write(head + payload)
            self.wfile.flush()


_TEXT, _CLOSE, _PING, _PONG = 0x1, 0x8, 0x9, 0xA


def _read_frame(rfile: BufferedIOBase) -> tuple[int, bytes] | None:
    """One frame (opcode, unmasked payload); None when the page closed the connection."""
    head = rfile.read(2)
    if len(head) < 2:
        return None
    size = head[1] & 0x7F
    if size == 126:
        size = int.from_bytes(rfile.read(2), "big")
    elif size == 127:
        size = int.from_bytes(rfile.read(8), "big")
    if size > _MAX_FRAME:
        return None
    mask = rfile.read(4) if head[1] & 0x80 else bytes(4)
    data = rfile.read(size)
    return head[0] & 0x0F, bytes(byte ^ mask[i % 4] for i, byte in enumerate(data))
