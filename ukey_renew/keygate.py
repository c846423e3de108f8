"""One call at a time into each key.

A key has one login state. Changing the password, unlocking or a login test
logs the key out when it ends, which would end a renewal's login half-way;
two logins at once would each count a try against the PIN. So the session
runs every call into one key through that key's gate. A renewal holds its
gate for minutes (it waits for the user's answers): whatever else asks
meanwhile is refused at once, saying why. Short calls wait their turn, up to
a deadline, never forever.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ukey_renew.errors import KeyBeingRenewed, KeyBusy

RENEWAL = "延期"


class KeyGate:
    WAIT_SECONDS = 30.0  # BJCA's service may show its own PIN box or progress box meanwhile

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._doing = ""

    @contextmanager
    def use(self, doing: str) -> Iterator[None]:
        """Hold the key for ``doing`` (words for a user: "修改密码", or :data:`RENEWAL`)."""
        renewing = self._doing == RENEWAL
        if not self._lock.acquire(timeout=0 if renewing else self.WAIT_SECONDS):
            if self._doing == RENEWAL:
                raise KeyBeingRenewed(doing)
            raise KeyBusy(self._doing, doing)
        self._doing = doing
        try:
            yield
        finally:
            self._doing = ""
            self._lock.release()
