"""What the wizard's pages share while the user goes through them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ukey_renew.errors import UkeyError
from ukey_renew.journey import Journey

if TYPE_CHECKING:
    from ukey_renew.renewal.steps import RenewalResult  # loads with the renewal's page
    from ukey_renew.session import KeyChoice, Session  # opened after the first paint


@dataclass
class TourAnswers:
    """What the tour types for the user (practice only), from outside the pages."""

    pin: str = "111111"
    wrong_pin: str = "000000"  # the wrong-pin and locked routes type it
    holder_name: str = "张三"
    holder_mobile: str = "13800138000"
    new_password: str = "abc12345"
    captcha: str = "2309"
    receiver_address: str = "某某省某某市某某路 1 号"  # the replacement letter's (guide 3.7)
    letter_description: str = "证书已过期超过 30 天，无法在线延期。"


class Context:
    """The session the pages work through, and what they learnt on the way.

    The desktop start hands over how to open the session (``opening``) and
    whether it practises: the session's modules (the key registry, the
    renewal's and the records' parts) then load in the worker of the first
    page's first look for keys, after the window's first paint, and hold
    neither the paint nor the event loop up. A lock makes it one session
    whichever thread asks first."""

    def __init__(
        self,
        session: Session | None = None,
        tour: TourAnswers | None = None,
        *,
        opening: Callable[[], Session] | None = None,
        practice_only: bool = False,
    ) -> None:
        self._session = session
        self._opening = opening
        self._opened = threading.Lock()
        self.practice_only = session.practice_only if session is not None else practice_only
        self.tour = tour
        self.choices: list[KeyChoice] = []
        self.choice: KeyChoice | None = None
        self.journey = Journey()  # what the pages learnt: the routes read it
        self.result: RenewalResult | None = None
        self.renewed: KeyChoice | None = None
        self.step = "detect"
        self.last_error: UkeyError | None = None
        self.faq_path = ""  # the troubleshooting walk, for the support summary
        self._pin: str | None = None

    @property
    def session(self) -> Session:
        with self._opened:
            if self._session is None:
                assert self._opening is not None, "a context is given a session or a way to open one"
                self._session = self._opening()
            return self._session

    def close(self) -> None:
        """The session's built-in site stopped, if the session was opened."""
        if self._session is not None:
            self._session.close()

    def hand_pin(self, pin: str) -> None:
        """From the page that asked for the PIN, as the user commits to the renewal."""
        self._pin = pin

    def take_pin(self) -> str | None:
        """The PIN handed over, once: the renewal page takes it for its one login."""
        pin, self._pin = self._pin, None
        return pin
