"""What the running program works with, for any front end: the data dir,
the keys it can see, the renewal site and the engines that use them.

Every method here may block (a key, the network, the disk), so the wizard
calls them from worker threads only. That is also why the heavy modules
(cryptography, the HTTP stacks, the key drivers) are imported inside the
methods: they load in a worker, and the window paints without waiting for
them. The practice key and the built-in reference site are always
available; real keys are added when a backend finds them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ukey_renew.errors import DirectRenewalUnsupported, KeyBeingRenewed, RenewalBusy, TokenError, UkeyError

if TYPE_CHECKING:
    from ukey_renew.casim.site import RunningSite
    from ukey_renew.certs import CertInfo, Eligibility
    from ukey_renew.renewal.engine import RenewalEngine
    from ukey_renew.renewal.journal import JournalState
    from ukey_renew.renewal.records import Records, RenewalRecord
    from ukey_renew.renewal.steps import Prompts, RenewalEvent
    from ukey_renew.renewal.unlock import UnlockFlow
    from ukey_renew.site.client import SiteClient
    from ukey_renew.site.profile import SiteProfile
    from ukey_renew.token.base import PinStatus, Token, TokenCertificate, TokenInfo
    from ukey_renew.token.pcsc import PcscMonitor


@dataclass(frozen=True)
class KeyChoice:
    """One certificate on one key: what the user renews. What the key said of
    itself (``key``) is read once, in the worker that found it, so the window
    can show it without asking the key again."""

    token: Token
    key: TokenInfo
    certificate: TokenCertificate
    info: CertInfo

    @property
    def practice(self) -> bool:
        return self.key.backend == "practice"

    @property
    def serial(self) -> str:
        return self.key.serial

    def title(self) -> str:
        kind = "练习 Ukey" if self.practice else self.key.model
        return f"{self.info.subject_cn or '（无名称）'} — {kind}（{self.serial}）"


class Session:
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

    @cached_property
    def records(self) -> Records:
        from ukey_renew.renewal.build import records

        return records(self.data_dir)

    @cached_property
    def production(self) -> SiteProfile:
        from ukey_renew.site.profile import load_profile

        return load_profile("12309")

    # --- keys ------------------------------------------------------------

    def detect(self) -> tuple[list[KeyChoice], list[UkeyError]]:
        """Every certificate on every key we can reach, and what could not be read."""
        from ukey_renew import practice
        from ukey_renew.token import registry

        self.production  # read the profile here, so the window never waits on that file  # noqa: B018
        practice.ensure_key(self.data_dir, self.clock())
        backends = [registry.BACKENDS["practice"]] if self.practice_only else registry.auto(self.data_dir)
        where = registry.Where(self.data_dir)
        choices: list[KeyChoice] = []
        problems: list[UkeyError] = []
        for backend in backends:
            tokens, failures = backend.scan(where)
            # Looking everywhere, a missing service or driver is normal on most machines.
            problems.extend(exc for exc in failures if self.practice_only or exc.id not in backend.absent)
            for token in tokens:
                try:
                    choices.extend(self._choices(token))
                except UkeyError as exc:  # the key gone, unreadable, or held by another process
                    problems.append(exc)
        return choices, problems

    @staticmethod
    def _choices(token: Token) -> list[KeyChoice]:
        from ukey_renew.certs import load_certificate

        key = token.info()
        return [KeyChoice(token, key, cert, load_certificate(cert.der)) for cert in token.certificates()]

    def reread(self, choice: KeyChoice) -> KeyChoice:
        """The same container read afresh (after the user replugged the key)."""
        for fresh in self._choices(choice.token):
            if fresh.certificate.container == choice.certificate.container:
                return fresh
        raise TokenError("Ukey 中找不到原来的证书。")

    def check(self, choice: KeyChoice) -> tuple[PinStatus, Eligibility]:
        """Guide 2.1 and 1.3 note 2: the PIN's state and whether the site will renew."""
        from ukey_renew.certs import renewal_eligibility

        policy = self.profile_for(choice).policy.renewal_policy()
        return choice.token.pin_status(), renewal_eligibility(choice.info, self.clock(), policy)

    def status(self, choices: list[KeyChoice]) -> dict[str, Any]:
        from ukey_renew.status import Status, describe

        tokens: dict[str, Token] = {choice.serial: choice.token for choice in choices}
        status = Status(tokens=[describe(token, self.clock(), self.production.policy.renewal_policy())
                                for token in tokens.values()])  # fmt: skip
        return status.to_dict()

    # --- the site --------------------------------------------------------

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

    def engine(
        self, choice: KeyChoice, prompts: Prompts, on_event: Callable[[RenewalEvent], None] | None = None
    ) -> RenewalEngine:
        from ukey_renew.renewal.build import build_engine

        return build_engine(
            choice.token,
            choice.certificate.container,
            self.site_client(choice),
            self.data_dir,
            prompts,
            on_event=on_event,
            clock=self.clock,
        )

    def change_password(self, choice: KeyChoice, old: str, new: str) -> None:
        """Guide 3.9 case 3b, tried once. Refused while a renewal of this key
        runs, in this window or another process: its logout would end the
        renewal's login (the renewal holds the key's journal lock throughout)."""
        from ukey_renew.renewal.build import journal_for

        try:
            with journal_for(self.data_dir, choice.serial, choice.certificate.container):
                try:
                    choice.token.change_pin(old, new)
                finally:
                    choice.token.logout()
        except RenewalBusy:
            raise KeyBeingRenewed() from None

    def unlock_flow(self, choice: KeyChoice) -> UnlockFlow:
        from ukey_renew.renewal.unlock import UnlockFlow

        return UnlockFlow(self.data_dir, choice.token, choice.certificate.der, self.site_client(choice))

    def last_renewal(self, choice: KeyChoice) -> RenewalRecord | None:
        return self.records.last_renewal(choice.serial)

    def renewed_today(self, choice: KeyChoice) -> RenewalRecord | None:
        """This key's renewal if it finished today: renewing again needs the user's explicit choice."""
        return self.records.renewed_today(choice.serial, self.clock())

    def unfinished(self, choice: KeyChoice) -> JournalState | None:
        """A renewal of this key that stopped after the site gave it an order:
        it is resumed with that order and holder, not started anew."""
        from ukey_renew.renewal.build import journal_for

        state = journal_for(self.data_dir, choice.serial, choice.certificate.container).load()
        return state if state is not None and state.order_no else None

    def login_test(self, choice: KeyChoice, pin: str) -> dict[str, Any]:
        """Guide 2.3 ③ on the reference site: log in with the key as the login page would."""
        client = self.site_client(choice)
        try:
            challenge = client.challenge()
            choice.token.login(pin)
            signature = choice.token.sign(choice.certificate.container, challenge.server_random)
            return client.login(choice.certificate.der, signature, choice.certificate.container)
        finally:
            choice.token.logout()
            client.close()

    def close(self) -> None:
        with self._lock:
            if self._site is not None:
                self._site.stop()
                self._site = None


class CardEvents:
    """Cards and readers coming and going, seen at once through PC/SC events,
    for a front end's watcher thread. Without PC/SC (not installed, service
    gone) :meth:`watch` just returns: many SM2 keys are HID-only and never show
    up in PC/SC anyway, so the front end's light poll is what always works."""

    WAIT_SECONDS = 5.0  # how long one wait blocks in the PC/SC service

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._monitor: PcscMonitor | None = None

    def watch(self, changed: Callable[[], None]) -> None:
        """Call ``changed`` at each change until :meth:`stop`; blocks the calling thread."""
        from ukey_renew.token.pcsc import PcscMonitor

        try:
            monitor = PcscMonitor()
        except UkeyError:
            return
        self._monitor = monitor
        try:
            while not self._stop.is_set():
                if monitor.wait(self.WAIT_SECONDS):
                    changed()
        except UkeyError:
            pass  # the PC/SC service went away; the poll carries on
        finally:
            self._monitor = None
            monitor.close()

    def stop(self) -> None:
        """From any thread: end :meth:`watch` now, not at its next wake-up."""
        self._stop.set()
        monitor = self._monitor
        if monitor is not None:
            monitor.cancel()  # wakes the blocked SCardGetStatusChange
