"""The keys: which are plugged in, what they hold, their PIN state, and
when one comes or goes.

``detect`` is the one call outside the keys' gates; every other call into a
key goes through its gate (:meth:`SessionBase._using`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ukey_renew.errors import PracticeKeyBroken, TokenError, UkeyError
from ukey_renew.session.base import KeyChoice, SessionBase
from ukey_renew.token import registry
from ukey_renew.token.registry import KeyEvents

if TYPE_CHECKING:
    from ukey_renew.certs import Eligibility
    from ukey_renew.token.base import PinStatus, Token


PRACTICE_DAYS_LEFT = 20  # a fresh practice key's certificate: within the renewal window (guide 1.3)


class Keys(SessionBase):
    def detect(self) -> tuple[list[KeyChoice], list[UkeyError]]:
        """Every certificate on every key we can reach, and what could not be read.

        The one call outside the keys' gates: it opens fresh handles and reads
        public objects without logging in, so it cannot end another call's
        login (and PKCS#11 calls are serialised process-wide beneath)."""
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
        """Every key seen, with its certificate's dates, for ``ukey-renew remind``.
        None seen, nothing to remember: the records (SQLite) stay unopened."""
        if not choices:
            return
        from ukey_renew.status import known_key, remember

        by_key: dict[str, list[KeyChoice]] = {}
        for choice in choices:
            by_key.setdefault(choice.serial, []).append(choice)
        now = self.clock()
        known = [known_key(same[0].key, [choice.info for choice in same], now) for same in by_key.values()]
        remember(self.data_dir, [key for key in known if key is not None])

    def _backends(self) -> list[registry.Backend]:
        return [registry.PRACTICE] if self.practice_only else registry.auto(self.data_dir)

    @staticmethod
    def _present(backends: list[registry.Backend], where: registry.Where) -> object:
        return tuple((backend.name, backend.presence(where)) for backend in backends)

    def keys_changed(self) -> bool:
        """Whether a key came or went since the last :meth:`detect`, asked as
        cheaply as each backend can say it (no key opened, no certificate
        read): the first page asks every few seconds, and detects again only
        when this says so."""
        return self._present(self._backends(), registry.Where(self.data_dir)) != self._presence

    def key_events(self) -> list[KeyEvents]:
        """The sources that tell at once when a key comes or goes, for a front end's watcher threads."""
        where = registry.Where(self.data_dir)
        return [backend.events(where) for backend in self._backends() if backend.events is not None]

    @staticmethod
    def usb_changes() -> KeyEvents | None:
        """USB devices coming and going, where the system tells any program
        (Linux's kernel): a key is one before a driver lists it. None where it
        does not; on Windows every window is told instead (the front end's part)."""
        from ukey_renew.hotplug import UsbChanges

        return UsbChanges.open()

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

    def reset_practice_key(self, choice: KeyChoice) -> None:
        """A fresh practice key (PIN 111111, 20 days left): the way on for a
        practice key locked with no operator to approve its unlock. Through the
        key's gate, so never under a renewal of it, as ``practice reset`` does."""
        from ukey_renew.practice import reset_key

        if not choice.practice:
            raise ValueError("only the practice key is reset")
        with self._using(choice, "重置练习 Ukey"):
            reset_key(self.data_dir, self.clock(), PRACTICE_DAYS_LEFT)

    def key_status(
        self, backend: str = "auto", *, pkcs11_module: str | None = None, xtxapp_url: str | None = None
    ) -> tuple[dict[str, Any], bool]:
        """Every key ``backend`` reaches and what could not be read (``ukey-renew
        status``), with ``auto`` also every backend and the PC/SC readers; and
        whether a backend asked for by name could not be opened, which is a
        failure. A backend named loads that backend's module only."""
        from ukey_renew.certs import RenewalPolicy
        from ukey_renew.status import collect

        status = collect(
            backend,
            data_dir=self.data_dir,
            now=self.clock(),
            policy=RenewalPolicy(),
            pkcs11_module=pkcs11_module,
            xtxapp_url=xtxapp_url,
            list_readers=registry.PCSC.list if backend == "auto" else None,
        )
        notes = registry.BACKENDS[backend].notes if backend != "auto" else frozenset()
        failed = backend != "auto" and any(p["backend"] == backend and p["id"] not in notes for p in status.problems)
        return status.to_dict(), failed

    def reset_practice(self, expires_in_days: int) -> dict[str, Any]:
        """A fresh practice key (``practice reset``), described as ``status`` describes keys."""
        from ukey_renew.certs import RenewalPolicy
        from ukey_renew.practice import reset_key
        from ukey_renew.status import describe

        token = reset_key(self.data_dir, self.clock(), expires_in_days)
        return {"tokens": [describe(token, self.clock(), RenewalPolicy())], "readers": [], "problems": []}
