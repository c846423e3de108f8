"""Answers for the renewal engine, scripted, with every question counted, and
a practice renewal through the session as the wizard and ``renew --practice``
make it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ukey_renew.practice import FIXED_CAPTCHA
from ukey_renew.renewal.steps import RenewalEvent, RenewalResult
from ukey_renew.session import Session

PIN = "111111"  # the practice key's, as made
HOLDER = ("张三", "13800138000")


@dataclass
class ScriptedPrompts:
    password_value: str = "abc12345"
    captchas: list[str] = field(default_factory=list)  # used in order, then ``default_captcha``
    default_captcha: str = FIXED_CAPTCHA
    asked: list[str] = field(default_factory=list)

    def new_password(self) -> str:
        self.asked.append("new_password")
        return self.password_value

    def captcha(self, image: bytes) -> str:
        assert image.startswith(b"\x89PNG")
        self.asked.append("captcha")
        return self.captchas.pop(0) if self.captchas else self.default_captcha


def renew_practice(
    home: Path,
    prompts: ScriptedPrompts | None = None,
    on_event: Callable[[RenewalEvent], None] | None = None,
    *,
    holder: tuple[str, str] = HOLDER,
    pin: str = PIN,
    **options: Any,
) -> RenewalResult:
    """The practice key in ``home`` renewed through a practice session, its
    built-in site showing :data:`FIXED_CAPTCHA` until the renewal ends;
    ``options``: ``dry_run``, ``again``."""
    with Session(home, practice_only=True, fixed_captcha=FIXED_CAPTCHA) as session:
        choice = session.practice_key()
        return session.renew(choice, prompts or ScriptedPrompts(), on_event, holder=holder, pin=pin, **options)
