"""The renewal of guide 2.2, step by step, resumable, with no UI in it.

The front end (CLI or wizard) gives the engine a key, a site client and a
:class:`Prompts` object for what only the user can answer (PIN, new password,
captcha). The engine reports each step as an event, stops at a step boundary
when cancelled (while that is still safe), and journals what it achieved so
that a killed process resumes with the same order.

Two choices of ours, for safety: the new Ukey password (guide 2.2 ⑥) is set
only after the new certificate is on the key and verified, so a failure
earlier leaves the old PIN and the old certificate; and the PIN is typed once
per run and tried once (a wrong one ends the run with PinIncorrect). An SM2
key's new encryption certificate (双证) is checked like the signing one and
installed with it, in the same two-phase write.
"""

from __future__ import annotations

import base64
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from asn1crypto import csr as asn1_csr
from asn1crypto import x509

from ukey_renew.certs import CertInfo, load_certificate, renewal_eligibility
from ukey_renew.chain import check_issued
from ukey_renew.dates import guide_date
from ukey_renew.diskspace import require_room
from ukey_renew.errors import (
    AlreadyRenewed,
    CaptchaGivenUp,
    CertificateKeyMismatch,
    EnvelopeNotOpened,
    IssuedCertificateWrong,
    NoSuchContainer,
    RecordNotSaved,
    RecordsUnavailable,
    RenewalCancelled,
    RenewalNotEligible,
    RenewalStuck,
    SiteRefused,
    UkeyError,
)
from ukey_renew.renewal.journal import Journal, JournalState
from ukey_renew.renewal.records import Records, RenewalRecord
from ukey_renew.renewal.steps import STEPS, OrderSummary, Prompts, RenewalEvent, RenewalResult, Step
from ukey_renew.rules import check_holder, check_new_pin
from ukey_renew.site.client import SiteClient, SiteOrder
from ukey_renew.token.base import EncryptionPair, Token, TokenCertificate

log = logging.getLogger(__name__)

CAPTCHA_TRIES = 3
CAPTCHA_REFRESHES = 20  # another picture asked for: no try spent, but not forever
# The site answered the order with certificates refused this many times: asking once more will not help.
ASKED_AGAIN = 2
# Refusals of what the site sent for an order (not of the network or the key): asked for again.
_UNUSABLE_ANSWERS = (IssuedCertificateWrong, CertificateKeyMismatch, EnvelopeNotOpened)


# Past this step the key is being written: cancelling would help nobody.
_LAST_CANCELLABLE = "download"


class RenewalEngine:
    def __init__(
        self,
        token: Token,
        container: str,
        site: SiteClient,
        journal: Journal,
        records: Records,
        prompts: Prompts,
        *,
        on_event: Callable[[RenewalEvent], None] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.token = token
        self.container = container
        self.site = site
        self.journal = journal
        self.records = records
        self.prompts = prompts
        self.on_event = on_event or (lambda event: None)
        self.clock = clock or (lambda: datetime.now(UTC))
        self._cancel = threading.Event()
        self._pin: str | None = None
        self._new_password: str | None = None
        self._dry_run = False

    def cancel(self) -> None:
        """Stop at the next step boundary, if the key is not being written yet."""
        self._cancel.set()

    # --- the run -----------------------------------------------------------

    def run(
        self, holder_name: str, holder_mobile: str, *, pin: str, dry_run: bool = False, again: bool = False
    ) -> RenewalResult:
        """``pin``: the key's password as the user typed it, tried once at the
        login (guide 2.2 ③) and held only until the run ends (the password
        step changes it). ``again``: renew although the key was renewed today
        (the user's explicit choice)."""
        name, mobile = check_holder(holder_name, holder_mobile)
        self._dry_run, self._pin = dry_run, pin
        with self.journal:
            try:
                return self._run(name, mobile, dry_run, again)
            finally:
                self._pin = self._new_password = None
                self.token.logout()

    def _run(self, name: str, mobile: str, dry_run: bool, again: bool) -> RenewalResult:
        state = None if dry_run else self._unfinished()
        if state is None and not (dry_run or again):
            self._refuse_if_renewed_today()
        if state is None:
            state = JournalState(
                token_serial=self.token.info().serial,
                container=self.container,
                site=self.site.profile.name,
                started_at=self.clock().isoformat(),
                old_cert=base64.b64encode(self._current_certificate().der).decode(),
            )
        old = load_certificate(base64.b64decode(str(state.old_cert)))
        state.holder_name, state.holder_mobile = name, mobile
        if not state.has("download") and state.has("keypair"):
            state.done.remove("keypair")  # a new key pair goes with a new download

        self._step("check", state, lambda: self._check(old))
        if not (dry_run or state.has("holder")):  # before the order: nothing at the site yet
            require_room(self.journal.path.parent)
        self._step("login", state, self._login, always=True, detail=state.pin_hint())
        if dry_run:
            order = self._with_captcha(lambda code: self.site.submit_holder(name, mobile, code, dry_run=True))
            return _result("dry_run", None, old, order.new_not_before, order.new_not_after, None)

        self._step("holder", state, lambda: self._submit_holder(state, old))
        order_no = str(state.order_no)
        with self._answers_checked(state, old):
            self._step("confirm", state, lambda: self.site.confirm(order_no))
            if not state.has("password"):
                self._new_password = self._ask_new_password()
            self._step("keypair", state, lambda: self.token.generate_key_pair(self.container))
            self._step("download", state, lambda: self._download(state, old))
            new = load_certificate(base64.b64decode(str(state.new_cert)))
            self._step("install", state, lambda: self._install(new, old, state))
        self._step("password", state, lambda: self._set_password(state))
        done: SiteOrder = self._step("complete", state, lambda: self.site.complete(order_no), always=True)
        unsaved = self._record(
            RenewalRecord(
                finished_at=self.clock().isoformat(),
                site=self.site.profile.name,
                token_serial=state.token_serial,
                unit_name=old.subject_cn,
                org_code=old.org_code,
                holder_name=name,
                holder_mobile=mobile,
                order_no=order_no,
                old_not_before=old.not_before.isoformat(),
                old_not_after=old.not_after.isoformat(),
                new_not_before=new.not_before.isoformat(),
                new_not_after=new.not_after.isoformat(),
                activation_at=done.activation_at.isoformat() if done.activation_at else None,
            )
        )
        if unsaved is None:
            self.journal.finish()
        result = _result("renewed", order_no, old, new.not_before, new.not_after, done.activation_at)
        return replace(result, record_not_saved=unsaved)

    # --- step machinery -----------------------------------------------------

    def _step(
        self, step_id: str, state: JournalState, action: Callable[[], Any], *, always: bool = False, detail: str = ""
    ) -> Any:
        """Run one step unless the journal says it is done; ``always`` steps
        (login, the idempotent completion) run on every attempt."""
        index, step = _find(step_id)
        if state.has(step_id) and not always:
            self.on_event(RenewalEvent(step, index, "skipped", "上次已完成"))
            return None
        if self._cancel.is_set() and index <= _find(_LAST_CANCELLABLE)[0]:
            raise RenewalCancelled()
        self.on_event(RenewalEvent(step, index, "started", detail))
        result = action()
        if not self._dry_run:
            self.journal.mark(state, step_id)
        log.info("renewal step %s done", step_id)
        self.on_event(RenewalEvent(step, index, "done", order=result if isinstance(result, OrderSummary) else None))
        return result

    @contextmanager
    def _answers_checked(self, state: JournalState, old: CertInfo) -> Iterator[None]:
        """What the site sent for the order and was refused here or by the key
        is dropped from the journal, so that the next run asks for it again
        (same order, a new key pair) instead of failing on it for ever; once
        the site has answered so ``ASKED_AGAIN`` times, or no longer knows
        the order, the way on is to drop the order (``RenewalStuck``)."""
        try:
            yield
        except _UNUSABLE_ANSWERS as refused:
            if not self._still_old(old):  # something of it is on the key: kept, the resume finishes it
                raise
            state.done = [step for step in state.done if step not in ("keypair", "download")]
            state.new_cert = state.new_enc_cert = state.enc_envelope = None
            state.refused += 1
            self.journal.save(state)
            log.warning("renewal: answer for the order refused (%d): %s", state.refused, refused.detail)
            if state.refused >= ASKED_AGAIN:
                raise RenewalStuck(str(state.order_no), refused) from refused
            raise
        except SiteRefused as refusal:
            if refusal.id != "site.order_unknown":
                raise
            raise RenewalStuck(str(state.order_no), refusal) from refusal

    def _still_old(self, old: CertInfo) -> bool:
        """The key still holds the old certificate and nothing else in its place."""
        try:
            return self._current_entry().der == old.der
        except UkeyError:
            return False

    # --- the steps ----------------------------------------------------------

    def _unfinished(self) -> JournalState | None:
        """The journal's renewal to go on with, unless its order is recorded
        as finished: stopped between the record and the journal's close, it
        is done, and going on would redo that order instead of the new one
        asked for (``--again``)."""
        state = self.journal.load()
        if state is not None and state.order_no and self.records.recorded(state.order_no):
            self.journal.finish()
            return None
        return state

    def _refuse_if_renewed_today(self) -> None:
        """Decided here, under the journal's lock: a second window or command
        that found the key not yet renewed before the first renewal finished
        would otherwise log in with the password that renewal changed, and
        spend a try, then place a second order."""
        done = self.records.renewed_today(self.token.info().serial, self.clock())
        if done is not None:
            raise AlreadyRenewed(done.order_no, guide_date(datetime.fromisoformat(done.new_not_after)))

    def _record(self, record: RenewalRecord) -> RecordNotSaved | None:
        """The key is renewed whatever befalls its record: a failure here is
        told with the result. The journal keeps the order until the record is
        safe: with neither, the next plain run would find the key not renewed
        today and place a second order; with the journal, it goes on with
        this order (every step done) and records it."""
        try:
            self.records.add(record)
        except RecordsUnavailable as exc:
            log.warning("renewal %s not recorded: %s", record.order_no, exc.detail)
            return RecordNotSaved(exc.path, exc.why, detail=exc.detail)
        return None

    def _current_certificate(self) -> CertInfo:
        return load_certificate(self._current_entry().der)

    def _current_entry(self) -> TokenCertificate:
        for cert in self.token.certificates():
            if cert.container == self.container:
                return cert
        raise NoSuchContainer(detail=self.container)

    def _check(self, old: CertInfo) -> None:
        verdict = renewal_eligibility(old, self.clock(), self.site.profile.policy.renewal_policy())
        if not verdict.eligible:
            raise RenewalNotEligible(verdict.message)

    def _login(self) -> None:
        """Guide 2.2 ③: the PIN opens the key, the key signs the site's random."""
        challenge = self.site.challenge()
        assert self._pin is not None  # given to run()
        self.token.login(self._pin)  # one attempt; PinIncorrect ends the run
        current = self._current_certificate()
        signature = self.token.sign(self.container, challenge.server_random)
        self.site.login(current.der, signature, self.container)

    def _submit_holder(self, state: JournalState, old: CertInfo) -> OrderSummary:
        """Guide 2.2 ④; returns the order of figure 5 for the user to check."""
        name, mobile = str(state.holder_name), str(state.holder_mobile)
        order = self._with_captcha(lambda code: self.site.submit_holder(name, mobile, code))
        state.order_no = order.order_no  # journalled with the step
        return OrderSummary(
            order_no=str(order.order_no),
            unit_name=order.unit_name,
            org_code=old.org_code,
            holder_name=order.holder_name,
            holder_mobile=order.holder_mobile or mobile,
            new_not_before=order.new_not_before,
            new_not_after=order.new_not_after,
        )

    def _download(self, state: JournalState, old: CertInfo) -> None:
        subject = x509.Certificate.load(old.der)["tbs_certificate"]["subject"].dump()
        csr = self.token.create_csr(self.container, subject)
        order_no = str(state.order_no)
        download = self._with_captcha(lambda code: self.site.request_certificate(order_no, csr, code))
        new_der = download.certificate
        new = load_certificate(new_der)
        check_issued(new, old, self.site.anchors, self.clock())
        requested = asn1_csr.CertificationRequest.load(csr)["certification_request_info"]["subject_pk_info"]
        if new.public_key != bytes(requested["public_key"].contents):
            raise IssuedCertificateWrong(
                "网站下发的新证书不是为本次在 Ukey 中生成的密钥签发的，未写入 Ukey，原证书保持不变。",
                detail="key differs from the request",
            )
        if download.enc_certificate is not None and download.enc_envelope is not None:
            check_issued(load_certificate(download.enc_certificate), old, self.site.anchors, self.clock(), "encrypt")
            state.new_enc_cert = base64.b64encode(download.enc_certificate).decode()
            state.enc_envelope = base64.b64encode(download.enc_envelope).decode()
        elif self._current_entry().enc_der is not None:
            raise _encryption_missing()
        # Journalled with the step, and only once verified: a rerun never installs a certificate refused here.
        state.new_cert = base64.b64encode(new_der).decode()

    def _install(self, new: CertInfo, old: CertInfo, state: JournalState) -> None:
        """Checked again first: a journal written by an earlier version held
        whatever the site sent. The old encryption certificate goes only with
        the old signing one, once both new ones are verified on the key."""
        check_issued(new, old, self.site.anchors, self.clock())
        encryption = self._encryption(state, old)
        current = self._current_entry()
        if encryption is None and current.enc_der is not None and current.der != new.der:
            raise _encryption_missing()  # a journal of an earlier version: both certificates or none
        if current.der != new.der:  # else installed before the process stopped last time
            self.token.install_certificate(self.container, new.der, encryption)
            current = self._current_entry()
        if current.der != new.der:
            raise IssuedCertificateWrong(detail="read back differs after install")
        if encryption is not None and current.enc_der != encryption.cert_der:
            raise IssuedCertificateWrong(detail="encryption certificate read back differs after install")

    def _encryption(self, state: JournalState, old: CertInfo) -> EncryptionPair | None:
        if state.new_enc_cert is None or state.enc_envelope is None:
            return None
        cert = base64.b64decode(state.new_enc_cert)
        check_issued(load_certificate(cert), old, self.site.anchors, self.clock(), "encrypt")
        return EncryptionPair(cert, base64.b64decode(state.enc_envelope))

    def _ask_new_password(self) -> str:
        """Guide 2.2 ⑥ asks here, before the download; it is applied after the
        new certificate is verified on the key (see the module docstring)."""
        new = self.prompts.new_password()
        check_new_pin(new)
        return new

    def _set_password(self, state: JournalState) -> None:
        assert self._pin is not None and self._new_password is not None
        if self._new_password != self._pin:
            # Journalled first: a run that stops after the key changed, before
            # "password" is journalled, must not send the user back to the old PIN.
            state.password_changing = True
            self.journal.save(state)
            self.token.change_pin(self._pin, self._new_password)
            self._pin = self._new_password

    def _with_captcha(self, call: Callable[[str], Any]) -> Any:
        """A wrong captcha is a typo: ask again with a fresh image, a few
        times. An unreadable picture is refreshed on the user's word without
        spending a try (guide 3.10 tip 3)."""
        refreshes = 0
        for _ in range(CAPTCHA_TRIES):
            code = self.prompts.captcha(self.site.captcha())
            while not code and refreshes < CAPTCHA_REFRESHES:
                refreshes += 1
                code = self.prompts.captcha(self.site.captcha())
            try:
                return call(code)
            except SiteRefused as refusal:
                if refusal.id != "site.captcha_wrong":
                    raise
                log.warning("renewal: captcha wrong")
        raise CaptchaGivenUp()


def _encryption_missing() -> IssuedCertificateWrong:
    """The key holds an encryption certificate (双证) and the site sent only the
    signing one: installed alone, the key would keep an encryption certificate
    about to expire beside a renewed signing one, a half renewal."""
    return IssuedCertificateWrong(
        "网站只下发了新的签名证书，没有下发新的加密证书：两张证书须一起更新，未写入 Ukey，原证书保持不变。",
        detail="no encryption certificate and envelope beside the signing certificate",
    )


def _find(step_id: str) -> tuple[int, Step]:
    for index, step in enumerate(STEPS, start=1):
        if step.id == step_id:
            return index, step
    raise KeyError(step_id)


def _result(
    kind: str,
    order_no: str | None,
    old: CertInfo,
    new_before: datetime,
    new_after: datetime,
    activation_at: datetime | None,
) -> RenewalResult:
    return RenewalResult(kind, order_no, old.not_before, old.not_after, new_before, new_after, activation_at)
