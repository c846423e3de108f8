"""What the wizard's pages share while the user goes through them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ukey_renew.errors import UkeyError
from ukey_renew.journey import Journey
from ukey_renew.session import KeyChoice, Session

if TYPE_CHECKING:
    from ukey_renew.renewal.steps import RenewalResult  # loads with the renewal's page


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


@dataclass
class Context:
    session: Session
    tour: TourAnswers | None = None
    choices: list[KeyChoice] = field(default_factory=list)
    choice: KeyChoice | None = None
    journey: Journey = field(default_factory=Journey)  # what the pages learnt: the routes read it
    result: RenewalResult | None = None
    renewed: KeyChoice | None = None
    step: str = "detect"
    last_error: UkeyError | None = None
    faq_path: str = ""  # the troubleshooting walk, for the support summary
    _pin: str | None = field(default=None, repr=False)

    def hand_pin(self, pin: str) -> None:
        """From the page that asked for the PIN, as the user commits to the renewal."""
        self._pin = pin

    def take_pin(self) -> str | None:
        """The PIN handed over, once: the renewal page takes it for its one login."""
        pin, self._pin = self._pin, None
        return pin
