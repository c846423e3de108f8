"""A virtual smart card for the vpcd reader driver (DESIGN.md §4).

Connecting to vpcd's port is inserting the card into "Virtual PCD 00 0N";
closing the socket is pulling it out. Messages are a 2-byte big-endian
length and a payload: one byte is a control (0 off, 1 on, 2 reset, 4 ATR,
answered with the ATR), anything longer is an APDU, answered 90 00.
"""

from __future__ import annotations

import socket
import struct
import threading

VPCD_PORT = 35963
_CONTROL_ATR = 4


class VirtualCard:
    def __init__(self, atr: bytes, reader_index: int = 0, host: str = "127.0.0.1") -> None:
        self.atr = atr
        self.address = (host, VPCD_PORT + reader_index)
        self.apdus: list[bytes] = []
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def insert(self) -> None:
        self._socket = socket.create_connection(self.address, timeout=5)
        self._socket.settimeout(None)
        self._thread = threading.Thread(target=self._serve, args=(self._socket,), daemon=True)
        self._thread.start()

    def remove(self) -> None:
        if self._socket is not None:
            self._socket.shutdown(socket.SHUT_RDWR)
            self._socket.close()
            self._socket = None
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                header = _read_exact(sock, 2)
                payload = _read_exact(sock, struct.unpack(">H", header)[0])
                if len(payload) == 1:
                    if payload[0] == _CONTROL_ATR:
                        _send(sock, self.atr)
                    continue
                self.apdus.append(payload)
                _send(sock, b"\x90\x00")
        except (OSError, EOFError):
            return


def _read_exact(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def _send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(struct.pack(">H", len(payload)) + payload)
