"""Putting the practice key into the states users get it into."""

from __future__ import annotations

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
