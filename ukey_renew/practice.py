"""The practice world, wired for the session layer: the practice key set up
on first use, and the built-in reference site started for it.

This is the one way the program reaches ``casim`` (DESIGN.md §2). The
reference CA and the site's web stack load only when they are first
needed: looking for keys loads none of them. The renewal itself is the
session's (``Session.renew``), as for any key.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ukey_renew.errors import KeyBeingRenewed, PracticeSiteBroken, RenewalBusy, UkeyError
from ukey_renew.token import practice

if TYPE_CHECKING:
    from ukey_renew.casim.site import RunningSite as RunningSite  # what the session holds of the site
    from ukey_renew.site.client import SiteClient
    from ukey_renew.token.practice import PracticeToken

# The practice site's own state in the data folder: its CA and TLS CA, and its database and identities.
_SITE_FOLDERS = ("reference-ca", "casim")

FIXED_CAPTCHA = "2309"  # what the built-in site shows in scripted practice runs


@dataclass(frozen=True)
class ScriptedAnswers:
    """The renewal's questions answered with no one at the keyboard (the
    self-test, the tour's starting points): the built-in site shows
    :data:`FIXED_CAPTCHA`. ``password``: the new one, None for a dry run,
    which never asks."""

    password: str | None = None

    def new_password(self) -> str:
        if self.password is None:
            raise AssertionError("a dry run never asks for a new password")
        return self.password

    def captcha(self, image: bytes) -> str:
        return FIXED_CAPTCHA


def ensure_key(data_dir: Path, now: datetime) -> Path:
    """The practice key's file, made (with the reference CA) on first use."""
    key_path = practice.default_path(data_dir)
    if not key_path.is_file():
        from ukey_renew.casim.provision import reset_practice_key

        reset_practice_key(data_dir, now, unless_present=True)  # another process may make it at the same moment
    return key_path


def reset_key(data_dir: Path, now: datetime, expires_in_days: int) -> PracticeToken:
    """A fresh practice key (``practice reset``), refused while a renewal holds
    the key's journal, naming its order: the renewal would go on, and finish,
    on the new key. The journal's lock is held through the reset, so none
    starts meanwhile."""
    from ukey_renew.renewal.build import journal_for
    from ukey_renew.renewal.journal import read_all

    try:
        key = practice.PracticeToken(practice.default_path(data_dir))
        serial, container = key.info().serial, key.certificates()[0].container
    except (UkeyError, IndexError):  # no key, or none a renewal could hold: nothing to wait for
        return _rebuilt(data_dir, now, expires_in_days)
    journal = journal_for(data_dir, serial, container)
    try:
        with journal:
            return _rebuilt(data_dir, now, expires_in_days)
    except RenewalBusy:
        held = [
            s.order_no for s in read_all(journal.path.parent) if (s.token_serial, s.container) == (serial, container)
        ]
        raise KeyBeingRenewed("重置练习 Ukey", held[0] if held else None) from None


def _rebuilt(data_dir: Path, now: datetime, expires_in_days: int) -> PracticeToken:
    """The practice world made anew around a new key: a site whose CA or
    database cannot be read is moved aside (as ``<folder>.broken``, the last
    one kept for support) and made again with the key it will renew."""
    from ukey_renew.casim.config import SiteConfig
    from ukey_renew.casim.provision import reset_practice_key
    from ukey_renew.casim.site import ReferenceSite

    try:
        ReferenceSite(data_dir, SiteConfig()).state.close()
    except PracticeSiteBroken:
        for name in _SITE_FOLDERS:
            folder, aside = data_dir / name, data_dir / f"{name}.broken"
            if folder.exists():
                shutil.rmtree(aside, ignore_errors=True)
                folder.replace(aside)
    return reset_practice_key(data_dir, now, expires_in_days)


def serve_site(data_dir: Path, *, latency: float = 0.0, fixed_captcha: str | None = None) -> RunningSite:
    """The reference site on a free loopback port, until its ``stop()``."""
    from ukey_renew.casim.config import SiteConfig
    from ukey_renew.casim.site import ReferenceSite

    return ReferenceSite(data_dir, SiteConfig(latency=latency, fixed_captcha=fixed_captcha)).serve()


def site_client(running: RunningSite) -> SiteClient:
    from ukey_renew.site.client import SiteClient

    return SiteClient(running.profile, running.ca_file)


def prepare_route(data_dir: Path, now: datetime, route: str, wrong_pin: str) -> None:
    """The practice key in the state a tour route starts from: expired over
    30 days (guide 1.3 note 2), locked by wrong passwords (guide 3.6), or
    fresh for a renewal today (the wizard opened again, guide 2.3: the
    caller renews it through the session). Other routes start from the key
    as it is."""
    from ukey_renew.casim.provision import reset_practice_key
    from ukey_renew.errors import PinIncorrect, PinLocked

    if route == "expired":
        reset_practice_key(data_dir, now, expires_in_days=-40)
    elif route == "locked":
        token = reset_practice_key(data_dir, now)
        for _ in range(practice.MAX_PIN_RETRIES):
            try:
                token.login(wrong_pin)
            except (PinIncorrect, PinLocked):
                pass
    elif route == "reopen":
        reset_practice_key(data_dir, now)
