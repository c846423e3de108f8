"""The unlock of guide 3.6, with no UI in it.

Request (holder name and mobile as recorded at renewal, captcha) → the
operator approves and gives an authorization code → code and the new
password → the key is unlocked. The pending request is kept on disk, so the
user can close the program while waiting for the operator and come back.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from ukey_renew import atomic
from ukey_renew.errors import CaptchaGivenUp, SiteRefused
from ukey_renew.rules import check_holder, check_new_pin
from ukey_renew.site.client import SiteClient
from ukey_renew.token.base import Token

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingUnlock:
    request_id: str
    token_serial: str
    requested_at: str


class UnlockFlow:
    def __init__(self, data_dir: Path, token: Token, certificate: bytes, site: SiteClient) -> None:
        self.path = data_dir / "unlock-pending.json"
        self.token = token
        self.certificate = certificate
        self.site = site

    def pending(self) -> PendingUnlock | None:
        try:
            data = atomic.read_json(self.path)
            found = PendingUnlock(**data)
        except (FileNotFoundError, ValueError, TypeError):
            return None
        return found if found.token_serial == self.token.info().serial else None

    def request(self, name: str, mobile: str, captcha: str, now: str) -> PendingUnlock:
        name, mobile = check_holder(name, mobile)
        try:
            request_id = self.site.request_unlock(self.certificate, name, mobile, captcha)
        except SiteRefused as refusal:
            log.warning("unlock: request refused: %s", refusal.id)
            raise
        pending = PendingUnlock(request_id, self.token.info().serial, now)
        atomic.write_json(self.path, asdict(pending))
        log.info("unlock: requested for key %s, request %s", pending.token_serial, request_id)
        return pending

    def state(self, pending: PendingUnlock) -> str:
        return self.site.unlock_state(pending.request_id)

    def complete(self, pending: PendingUnlock, auth_code: str, new_password: str, captcha: str) -> None:
        check_new_pin(new_password)
        try:
            response = self.site.complete_unlock(self.certificate, pending.request_id, auth_code.strip(), captcha)
        except SiteRefused as refusal:
            log.warning("unlock: completion refused: %s", refusal.id)
            if refusal.id == "site.captcha_wrong":
                raise CaptchaGivenUp() from refusal
            raise
        self.token.unlock(response, new_password)
        self.path.unlink(missing_ok=True)
        log.info("unlock: key %s unlocked, request %s", pending.token_serial, pending.request_id)
