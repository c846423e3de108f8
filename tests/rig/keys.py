"""Putting the practice key into the states users get it into."""

from __future__ import annotations

import pytest

from ukey_renew.errors import PinIncorrect, PinLocked
from ukey_renew.token import practice


def lock(key: practice.PracticeToken) -> None:
    """Ten wrong PINs, as a user who forgot it would type them."""
    for _ in range(practice.MAX_PIN_RETRIES):
        try:
            key.login("000000")
        except (PinIncorrect, PinLocked):
            pass
    assert key.pin_status().locked


def logins(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every PIN a practice key is asked to log in with, from now on (the
    key's own check of the old PIN inside ``change_pin`` included)."""
    tried: list[str] = []
    login = practice.PracticeToken.login

    def counted(self: practice.PracticeToken, pin: str) -> None:
        tried.append(pin)
        login(self, pin)

    monkeypatch.setattr(practice.PracticeToken, "login", counted)
    return tried
