"""What the running program works with, for any front end: the data dir,
the keys it can see, the renewal site and the engines that use them.

Every method here may block (a key, the network, the disk), so the wizard
calls them from worker threads only. That is also why the heavy modules
(cryptography, the HTTP stacks, the key drivers) are imported inside the
methods: they load in a worker, and the window paints without waiting for
them. The practice key and the built-in reference site are always
available; real keys are added when a backend finds them.

Front ends hold :class:`KeyChoice` handles, never the key itself: every call
into a key is made here, through that key's gate (``keygate.py``), so a
change of password cannot log out a renewal half-way.
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
from typing import TYPE_CHECKING, Any, Protocol

from ukey_renew.errors import (
    DirectRenewalUnsupported,
    KeyBeingRenewed,
    PinIncorrect,
    PinLocked,
    PracticeKeyBroken,
    RenewalBusy,
    TokenError,
    UkeyError,
)
from ukey_renew.keygate import RENEWAL, KeyGate
from ukey_renew.site import PRODUCTION, site_for

if TYPE_CHECKING:
    from ukey_renew.casim.site import RunningSite
    from ukey_renew.certs import CertInfo, Eligibility
    from ukey_renew.fleet import Row
    from ukey_renew.receipt import Receipt
    from ukey_renew.remind import Reminder
    from ukey_renew.renewal.engine import RenewalEngine
    from ukey_renew.renewal.journal import JournalState
    from ukey_renew.renewal.records import Records, RenewalRecord
    from ukey_renew.renewal.steps import Prompts, RenewalEvent, RenewalResult
    from ukey_renew.renewal.unlock import PendingUnlock, UnlockFlow
    from ukey_renew.site.client import SiteClient
    from ukey_renew.site.profile import SiteProfile
    from ukey_renew.token import registry
    from ukey_renew.token.base import PinStatus, Token, TokenCertificate, TokenInfo
    from ukey_renew.token.pcsc import PcscMonitor

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
        return self.key.backend == "practice"

    @property
    def serial(self) -> str:
        return self.key.serial


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

    # --- keys ------------------------------------------------------------

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

    def detect(self) -> tuple[list[KeyChoice], list[UkeyError]]:
        """Every certificate on every key we can reach, and what could not be read.

        The one call outside the keys' gates: it opens fresh handles and reads
        public objects without logging in, so it cannot end another call's
        login (and PKCS#11 calls are serialised process-wide beneath)."""
        from ukey_renew.token import registry

        self.production  # read the profile here, so the window never waits on that file  # noqa: B018
        if self.practice_only:
            self.set_up_practice()
        backends = self._backends()
        where = registry.Where(self.data_dir)
        self._presence = self._present(backends, where)  # before the scan: a change during it is seen next time
        found, failures = registry.read_keys(backends, where, self._choices, everywhere=not self.practice_only)
        choices = [choice for key in found for choice in key]
        self._remember(choices)
        return choices, [exc for _, exc in failures]

    def set_up_practice(self) -> None:
        """The practice key and its reference CA, made on first use: in default
        mode only once the user chooses to practise."""
        from ukey_renew import practice

        practice.ensure_key(self.data_dir, self.clock())

    def practice_key(self) -> KeyChoice:
        """The practice key's certificate (a practice-only session's one key), or why it cannot be read."""
        choices, problems = self.detect()
        if not choices:
            raise problems[0] if problems else PracticeKeyBroken()
        return choices[0]

    def _remember(self, choices: list[KeyChoice]) -> None:
        """Every key seen, with its certificate's dates, for ``ukey-renew remind``."""
        from ukey_renew.status import known_key, remember

        by_key: dict[str, list[KeyChoice]] = {}
        for choice in choices:
            by_key.setdefault(choice.serial, []).append(choice)
        now = self.clock()
        known = [known_key(same[0].key, [choice.info for choice in same], now) for same in by_key.values()]
        remember(self.data_dir, [key for key in known if key is not None])

    def _backends(self) -> list[registry.Backend]:
        from ukey_renew.token import registry

        return [registry.BACKENDS["practice"]] if self.practice_only else registry.auto(self.data_dir)

    @staticmethod
    def _present(backends: list[registry.Backend], where: registry.Where) -> object:
        return tuple((backend.name, backend.presence(where)) for backend in backends)

    def keys_changed(self) -> bool:
        """Whether a key came or went since the last :meth:`detect`, asked as
        cheaply as each backend can say it (no key opened, no certificate
        read): the first page asks every few seconds, and detects again only
        when this says so."""
        from ukey_renew.token import registry

        return self._present(self._backends(), registry.Where(self.data_dir)) != self._presence

    def key_events(self) -> list[KeyEvents]:
        """The sources that tell at once when a key comes or goes, for a front end's watcher threads."""
        from ukey_renew.token import xtxapp

        return [] if self.practice_only else [CardEvents(), XtxappEvents(xtxapp.push_url(xtxapp.DEFAULT_URL))]

    @staticmethod
    def _choices(token: Token) -> list[KeyChoice]:
        from ukey_renew.certs import load_certificate

        key = token.info()
        return [KeyChoice(key, cert, load_certificate(cert.der), token) for cert in token.certificates()]

    def reread(self, choice: KeyChoice) -> KeyChoice:
        """The same container read afresh (after the user replugged the key)."""
        with self._using(choice, "读取证书") as token:
            for fresh in self._choices(token):
                if fresh.certificate.container == choice.certificate.container:
                    return fresh
        raise TokenError("Ukey 中找不到原来的证书。")

    def renewed_certificate(self, choice: KeyChoice) -> KeyChoice | None:
        """The certificate that replaced ``choice``'s on the key, once there is one.

        Renewed in the browser, BJCA writes the new certificate into a new
        container, so every certificate on the key is looked at: the newest
        one for the same unit (name and organisation code) from the same
        issuer that runs longer than the old one.
        """
        old = choice.info
        with self._using(choice, "读取证书") as token:
            found = [
                fresh
                for fresh in self._choices(token)
                if (fresh.info.subject_cn, fresh.info.org_code, fresh.info.issuer_cn)
                == (old.subject_cn, old.org_code, old.issuer_cn)
                and fresh.info.not_after > old.not_after
            ]
        return max(found, key=lambda fresh: fresh.info.not_after, default=None)

    def check(self, choice: KeyChoice) -> tuple[PinStatus, Eligibility]:
        """Guide 2.1 and 1.3 note 2: the PIN's state and whether the site will renew."""
        from ukey_renew.certs import renewal_eligibility

        policy = self.profile_for(choice).policy.renewal_policy()
        return self.pin_status(choice), renewal_eligibility(choice.info, self.clock(), policy)

    def pin_status(self, choice: KeyChoice) -> PinStatus:
        """Tries left before the key locks (guide 3.6): said before the PIN is asked."""
        with self._using(choice, "读取密码状态") as token:
            return token.pin_status()

    def status(self, choices: list[KeyChoice]) -> dict[str, Any]:
        from ukey_renew.status import Status, describe, unfinished

        keys = {choice.serial: choice for choice in choices}
        policy = self.production.policy.renewal_policy()
        described = []
        for choice in keys.values():
            with self._using(choice, "读取证书") as token:
                described.append(describe(token, self.clock(), policy))
        return Status(tokens=described, unfinished=unfinished(self.data_dir)).to_dict()

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

    def renew(
        self,
        choice: KeyChoice,
        prompts: Prompts,
        on_event: Callable[[RenewalEvent], None] | None = None,
        *,
        holder: tuple[str, str],
        dry_run: bool = False,
        again: bool = False,
    ) -> RenewalResult:
        """Guide 2.2 on the practice site, holding the key throughout: the
        renewal waits for the user's answers logged in, and nothing else may
        log the key out meanwhile. :meth:`cancel_renewal` stops it."""
        from ukey_renew.renewal.build import build_engine

        where = (choice.key.backend, choice.serial)
        with self._using(choice, RENEWAL) as token:
            engine = build_engine(
                token,
                choice.certificate.container,
                self.site_client(choice),
                self.data_dir,
                prompts,
                on_event=on_event,
                clock=self.clock,
            )
            with self._lock:
                self._renewals[where] = engine
            try:
                return engine.run(*holder, dry_run=dry_run, again=again)
            finally:
                with self._lock:
                    self._renewals.pop(where, None)

    def cancel_renewal(self, choice: KeyChoice) -> None:
        """From any thread: the running renewal of this key stops at its next safe point."""
        with self._lock:
            engine = self._renewals.get((choice.key.backend, choice.serial))
        if engine is not None:
            engine.cancel()

    def abandon(self, choice: KeyChoice) -> JournalState | None:
        """Drop this key's unfinished renewal on purpose; what was dropped, if any."""
        from ukey_renew.renewal.build import journal_for

        with journal_for(self.data_dir, choice.serial, choice.certificate.container) as journal:
            state = journal.load()
            journal.finish()
        return state

    def change_password(self, choice: KeyChoice, old: str, new: str) -> None:
        """Guide 3.9 case 3b, tried once. Refused while a renewal of this key
        runs, in this window (its gate) or another process (the journal's
        lock, held by a renewal throughout): its logout would end the
        renewal's login."""
        from ukey_renew.renewal.build import journal_for

        with self._using(choice, "修改密码") as token:
            try:
                with journal_for(self.data_dir, choice.serial, choice.certificate.container):
                    try:
                        token.change_pin(old, new)
                    finally:
                        token.logout()
            except RenewalBusy:
                raise KeyBeingRenewed() from None

    def unlock(self, choice: KeyChoice) -> Unlocking:
        """Guide 3.6 for this key, step by step (the steps may block: call them in a worker)."""
        from ukey_renew.renewal.unlock import UnlockFlow

        flow = UnlockFlow(self.data_dir, choice._token, choice.certificate.der, self.site_client(choice))
        return Unlocking(flow, lambda doing: self._using(choice, doing))

    def reset_practice_key(self, choice: KeyChoice) -> None:
        """A fresh practice key (PIN 111111, 20 days left): the way on for a
        practice key locked with no operator to approve its unlock. Through the
        key's gate, so never under a renewal of it."""
        from ukey_renew.casim.provision import reset_practice_key

        if not choice.practice:
            raise ValueError("only the practice key is reset")
        with self._using(choice, "重置练习 Ukey"):
            reset_practice_key(self.data_dir, self.clock())

    def last_holder(self, choice: KeyChoice) -> tuple[str, str] | None:
        """The holder recorded for this key (guide 2.2 ④), to fill the forms in."""
        return self.records.last_holder(choice.serial)

    def record_holder(self, choice: KeyChoice, name: str, mobile: str) -> None:
        """The holder given for a renewal in the browser: unlock requests (guide 3.6) repeat it."""
        self.records.record_holder(self.clock().isoformat(), choice.serial, name, mobile, "guided")

    def renewed_in_browser(self, old: KeyChoice, new: KeyChoice) -> RenewalRecord:
        """The renewal done in the browser, recorded when its certificate is
        first seen on the key: the activation (guide 2.3 ③) counts from then,
        and a restart or a second look today finds it. The production site's
        order number is not known here; the new certificate's serial number
        stands in for it."""
        from ukey_renew.renewal.records import RenewalRecord

        seen = self.clock()
        holder = self.last_holder(old) or ("", "")
        record = RenewalRecord(
            finished_at=seen.isoformat(),
            site=self.production.name,
            token_serial=old.serial,
            unit_name=old.info.subject_cn,
            org_code=old.info.org_code,
            holder_name=holder[0],
            holder_mobile=holder[1],
            order_no=f"{BROWSER_ORDER}{new.info.serial}",
            old_not_before=old.info.not_before.isoformat(),
            old_not_after=old.info.not_after.isoformat(),
            new_not_before=new.info.not_before.isoformat(),
            new_not_after=new.info.not_after.isoformat(),
            activation_at=(seen + self.production.policy.activation_delay).isoformat(),
        )
        self.records.add(record)  # once per certificate: seen again, the first sighting stays
        return self.records.last_renewal(old.serial) or record

    @property
    def renewal_url(self) -> str:
        """The production renewal site, for the browser (guide 2.2 ①)."""
        return self.production.base_url

    @property
    def login_url(self) -> str:
        """The production login site, for the browser (guide 2.3 ③)."""
        return self.production.login_url

    def run_check(self, check_id: str) -> Any:
        """One of the troubleshooting panel's automatic checks, against the
        site this session renews on: in practice mode the built-in one (the
        production site's reachability means nothing there)."""
        from ukey_renew.troubleshoot.checks import run_one
        from ukey_renew.troubleshoot.doctor import context_for

        if self.practice_only:
            running = self.practice_site()
            profile, ca_file = running.profile, running.ca_file
        else:
            profile, ca_file = self.production, None
        return run_one(check_id, context_for(self.data_dir, profile, ca_file))

    def receipt(self, choice: KeyChoice) -> Receipt:
        """The receipt of this key's last renewal, for IT staff (``receipt.no_renewal`` if none)."""
        from ukey_renew.receipt import last_receipt

        return last_receipt(self.records, choice.serial)

    def support_bundle(self, out: Path, choices: list[KeyChoice], *, step: str, last_error: str | None) -> None:
        """Everything IT staff need in one zip, secrets masked: the doctor's
        checks run against the site this session renews on."""
        from ukey_renew.bundle import write_bundle
        from ukey_renew.troubleshoot.doctor import run_doctor

        checks = run_doctor(self.data_dir, site_for(self.practice_only))
        write_bundle(
            out, self.data_dir, status=self.status(choices), checks=checks, now=self.clock(), step=step,
            last_error=last_error,
        )  # fmt: skip

    def reminders(self) -> list[Reminder]:
        """The keys remembered when last read, against today: no key opened, no network."""
        from ukey_renew.remind import reminders

        return reminders(self.records.known_keys(), self.clock())

    def records_export(self) -> list[Row]:
        """This computer's keys and renewals, one row per key, holders masked: for IT staff's campaign sheet."""
        from ukey_renew.fleet import local_rows

        return local_rows(self.records.known_keys(), self.records.all(), "本机延期记录")

    def last_renewal(self, choice: KeyChoice) -> RenewalRecord | None:
        return self.records.last_renewal(choice.serial)

    def renewed_today(self, choice: KeyChoice) -> RenewalRecord | None:
        """This key's renewal if it finished today: renewing again needs the
        user's explicit choice. Not while a renewal of it is unfinished (one
        asked for again, stopped after its order): going on with that order
        is what a plain rerun is for, and its journal says so."""
        if self.unfinished(choice) is not None:
            return None
        return self.records.renewed_today(choice.serial, self.clock())

    def unfinished(self, choice: KeyChoice) -> JournalState | None:
        """A renewal of this key that stopped after the site gave it an order:
        it is resumed with that order and holder, not started anew."""
        from ukey_renew.renewal.build import has_open_order, journal_for

        state = journal_for(self.data_dir, choice.serial, choice.certificate.container).load()
        # never made an order, or finished and recorded (stopped before the journal closed): nothing to go on with
        return state if has_open_order(state, self.records) else None

    def login_test(self, choice: KeyChoice, pin: str) -> dict[str, Any]:
        """Guide 2.3 ③ on the reference site: log in with the key as the login page would."""
        client = self.site_client(choice)
        try:
            with self._using(choice, "登录验证") as token:
                challenge = client.challenge()
                token.login(pin)
                try:
                    signature = token.sign(choice.certificate.container, challenge.server_random)
                finally:
                    token.logout()
            return client.login(choice.certificate.der, signature, choice.certificate.container)
        finally:
            client.close()

    def close(self) -> None:
        with self._lock:
            if self._site is not None:
                self._site.stop()
                self._site = None


BROWSER_ORDER = "browser-"  # a renewal done in the browser: see Session.renewed_in_browser


class Unlocking:
    """Guide 3.6 for one key, in the steps the user takes them: request,
    the operator's approval, the authorization code and the new password.
    The key and the site stay in here; every step that calls the key goes
    through its gate."""

    def __init__(self, flow: UnlockFlow, using: Callable[[str], Any]) -> None:
        self._flow = flow
        self._using = using

    def captcha(self) -> bytes:
        return self._flow.site.captcha()

    def pending(self) -> PendingUnlock | None:
        """The request made earlier for this key, kept while the program was closed."""
        with self._using("读取 Ukey"):
            return self._flow.pending()

    def request(self, name: str, mobile: str, captcha: str, now: str) -> PendingUnlock:
        with self._using("读取 Ukey"):
            return self._flow.request(name, mobile, captcha, now)

    def state(self, pending: PendingUnlock) -> str:
        return self._flow.state(pending)

    def complete(self, pending: PendingUnlock, auth_code: str, new_password: str, captcha: str) -> None:
        with self._using("解锁"):
            self._flow.complete(pending, auth_code, new_password, captcha)


class KeyEvents(Protocol):
    """A source that tells at once when a key comes or goes. :meth:`watch`
    blocks a watcher thread of the front end's; where the source cannot run
    (PC/SC not installed, BJCA's service absent) it just returns, and the
    front end's light poll, which always works, carries on."""

    def watch(self, changed: Callable[[], None]) -> None: ...

    def stop(self) -> None:
        """From any thread: end :meth:`watch` now, not at its next wake-up."""


class CardEvents:
    """Cards and readers coming and going, through PC/SC events. Many SM2
    keys are HID-only and never show up in PC/SC."""

    WAIT_SECONDS = 5.0  # how long one wait blocks in the PC/SC service

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._monitor: PcscMonitor | None = None

    def watch(self, changed: Callable[[], None]) -> None:
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
        self._stop.set()
        monitor = self._monitor
        if monitor is not None:
            monitor.cancel()  # wakes the blocked SCardGetStatusChange


class XtxappEvents:
    """BJCA's service pushing ``onUsbkeyChange`` over its WebSocket, which it
    serves beside the HTTP calls (DESIGN.md §3): the keys it reads through
    its own drivers, HID-only SM2 keys included."""

    WAIT_SECONDS = 5.0

    def __init__(self, url: str) -> None:
        self.url = url
        self._stop = threading.Event()
        self._client: Any = None

    def watch(self, changed: Callable[[], None]) -> None:
        from ukey_renew.token.xtxapp import XTXAppClient

        self._client = client = XTXAppClient(self.url)
        try:
            while not self._stop.is_set():
                if client.wait_for_change(self.WAIT_SECONDS):
                    changed()
        except UkeyError:
            pass  # no service, or it went away (or stop() closed the link): the poll carries on
        finally:
            client.close()

    def stop(self) -> None:
        self._stop.set()
        client = self._client
        if client is not None:
            client.close()  # ends a wait blocked on the socket
