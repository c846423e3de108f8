"""What every part of the session shares: the data dir, the clock, each
key's gate, the records and the renewal site (the built-in one started on
first use).

Front ends hold :class:`KeyChoice` handles, never the key itself: every call
into a key is made through that key's gate (``keygate.py``), so a change of
password cannot log out a renewal half-way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Self

from ukey_renew.errors import DirectRenewalUnsupported, PinIncorrect, PinLocked
from ukey_renew.keygate import KeyGate
from ukey_renew.site import PRODUCTION
from ukey_renew.token import registry

if TYPE_CHECKING:
    from ukey_renew.certs import CertInfo
    from ukey_renew.practice import RunningSite
    from ukey_renew.renewal.engine import RenewalEngine
    from ukey_renew.renewal.records import Records
    from ukey_renew.site.client import SiteClient
    from ukey_renew.site.profile import SiteProfile
    from ukey_renew.token.base import Token, TokenCertificate, TokenInfo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeyChoice:
    """One certificate on one key: what the user renews. What the key said of
    itself (``key``) is read once, in the worker that found it, so the window
    can show it without asking the key again. The key itself is the
    session's to call."""

    key: TokenInfo
    certificate: TokenCertificate
    info: CertInfo
    _token: Token = field(repr=False, compare=False)

    @property
    def practice(self) -> bool:
        return self.key.backend == registry.PRACTICE.name

    @property
    def serial(self) -> str:
        return self.key.serial


class SessionBase:
    def __init__(
        self,
        data_dir: Path,
        *,
        practice_only: bool,
        site_latency: float = 0.0,
        fixed_captcha: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """``site_latency`` and ``fixed_captcha`` shape the practice site: the
        benchmarks slow it down, the tour and the tests read its captcha."""
        self.data_dir = data_dir
        self.practice_only = practice_only
        self.site_latency = site_latency
        self.fixed_captcha = fixed_captcha
        self.clock = clock or (lambda: datetime.now(UTC))
        self._site: RunningSite | None = None
        self._lock = threading.Lock()
        self._gates: dict[tuple[str, str], KeyGate] = {}
        self._presence: object = None  # what was plugged in at the last detect
        self._renewals: dict[tuple[str, str], RenewalEngine] = {}

    @cached_property
    def records(self) -> Records:
        from ukey_renew.renewal.build import records

        return records(self.data_dir)

    @cached_property
    def production(self) -> SiteProfile:
        from ukey_renew.site.profile import load_profile

        return load_profile(PRODUCTION)

    @contextmanager
    def _using(self, choice: KeyChoice, doing: str) -> Iterator[Token]:
        """The key, for ``doing``, while no other call into it runs."""
        with self._lock:
            gate = self._gates.setdefault((choice.key.backend, choice.serial), KeyGate())
        with gate.use(doing):
            try:
                yield choice._token
            except (PinIncorrect, PinLocked) as exc:  # for support: how often, never what was typed
                log.warning("key: %s while %s (%s)", exc.id, doing, exc.message)
                raise

    def practice_site(self) -> RunningSite:
        from ukey_renew import practice

        with self._lock:
            if self._site is None:
                self._site = practice.serve_site(
                    self.data_dir, latency=self.site_latency, fixed_captcha=self.fixed_captcha
                )
            return self._site

    def site_client(self, choice: KeyChoice) -> SiteClient:
        from ukey_renew import practice
        from ukey_renew.site.client import SiteClient

        if not choice.practice:
            if not self.production.direct_client:  # the profile says whether the site can be called
                raise DirectRenewalUnsupported()
            return SiteClient(self.production)
        return practice.site_client(self.practice_site())

    def profile_for(self, choice: KeyChoice) -> SiteProfile:
        return self.practice_site().profile if choice.practice else self.production

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """The built-in site stopped, if it was started."""
        with self._lock:
            if self._site is not None:
                self._site.stop()
                self._site = None
