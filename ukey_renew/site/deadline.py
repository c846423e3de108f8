"""An overall deadline for the wait on an answer's headers.

requests bounds each read of a socket, not their sum: a site that sends its
status line and headers a byte at a time, each just inside the read timeout,
would hold a call for ever. The connections made here cut their own socket
when the deadline of the call in progress (``until``) passes while the headers
are awaited; the body is watched as it arrives by the client itself.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()


@contextmanager
def until(deadline: float) -> Iterator[None]:
    """Calls in this thread get their headers by ``deadline`` (a monotonic time)."""
    _current.deadline = deadline
    try:
        yield
    finally:
        _current.deadline = None


def _cut(sock: socket.socket) -> None:
    """The TCP socket shut under TLS too (the plain socket's method, not
    SSLSocket's): the read waiting on it returns at once."""
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # closed already


class _Watched:
    def getresponse(self) -> Any:
        deadline = getattr(_current, "deadline", None)
        sock = getattr(self, "sock", None)
        if deadline is None or sock is None:
            return super().getresponse()  # type: ignore[misc]
        watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), _cut, (sock,))
        watchdog.daemon = True
        watchdog.start()
        try:
            return super().getresponse()  # type: ignore[misc]
        finally:
            watchdog.cancel()


class _Connection(_Watched, HTTPConnection):
    pass


class _TlsConnection(_Watched, HTTPSConnection):
    pass


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _TlsPool(HTTPSConnectionPool):
    ConnectionCls = _TlsConnection


_POOLS = {"http": _Pool, "https": _TlsPool}


class DeadlineAdapter(HTTPAdapter):
    """requests' adapter on the connections above, also through a proxy."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = _POOLS
        return manager
