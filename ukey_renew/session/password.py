"""The key's password: changed (guide 3.9), or unlocked through the site
with the operator's approval (guide 3.6)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ukey_renew.errors import KeyBeingRenewed, RenewalBusy
from ukey_renew.session.base import KeyChoice, SessionBase

if TYPE_CHECKING:
    from ukey_renew.renewal.unlock import PendingUnlock, UnlockFlow


class Password(SessionBase):
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
