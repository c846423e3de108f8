"""Renewing a key: on the site the session renews on, or seen afterwards
when done in the browser; stopped, resumed or given up; then checked by
logging in (guide 2.2, 2.3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ukey_renew.keygate import RENEWAL
from ukey_renew.session.base import KeyChoice, SessionBase

if TYPE_CHECKING:
    from ukey_renew.renewal.journal import JournalState
    from ukey_renew.renewal.records import RenewalRecord
    from ukey_renew.renewal.steps import Prompts, RenewalEvent, RenewalResult

BROWSER_ORDER = "browser-"  # a renewal done in the browser: see Renewing.renewed_in_browser


class Renewing(SessionBase):
    def renew(
        self,
        choice: KeyChoice,
        prompts: Prompts,
        on_event: Callable[[RenewalEvent], None] | None = None,
        *,
        holder: tuple[str, str],
        pin: str,
        dry_run: bool = False,
        again: bool = False,
    ) -> RenewalResult:
        """Guide 2.2 on the practice site, holding the key throughout: the
        renewal waits for the user's answers logged in, and nothing else may
        log the key out meanwhile. ``pin`` is the password the user typed,
        tried once. :meth:`cancel_renewal` stops it."""
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
                return engine.run(*holder, pin=pin, dry_run=dry_run, again=again)
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

    @staticmethod
    def steps_done(state: JournalState) -> list[str]:
        """The titles of the steps an unfinished renewal had done, in the guide's order."""
        from ukey_renew.renewal.steps import STEPS

        return [step.title for step in STEPS if step.id in state.done]

    def unfinished(self, choice: KeyChoice) -> JournalState | None:
        """A renewal of this key that stopped after the site gave it an order:
        it is resumed with that order and holder, not started anew."""
        from ukey_renew.renewal.build import has_open_order, journal_for

        state = journal_for(self.data_dir, choice.serial, choice.certificate.container).load()
        # never made an order, or finished and recorded (stopped before the journal closed): nothing to go on with
        return state if has_open_order(state, self.records) else None

    def renewed_today(self, choice: KeyChoice) -> RenewalRecord | None:
        """This key's renewal if it finished today: renewing again needs the
        user's explicit choice. Not while a renewal of it is unfinished (one
        asked for again, stopped after its order): going on with that order
        is what a plain rerun is for, and its journal says so."""
        if self.unfinished(choice) is not None:
            return None
        return self.records.renewed_today(choice.serial, self.clock())

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
