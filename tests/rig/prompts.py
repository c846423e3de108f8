"""Answers for the renewal engine, scripted, with every question counted."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ScriptedPrompts:
    pin_value: str = "111111"
    password_value: str = "abc12345"
    captchas: list[str] = field(default_factory=list)  # used in order, then ``default_captcha``
    default_captcha: str = "2309"
    asked: list[str] = field(default_factory=list)

    def pin(self) -> str:
        self.asked.append("pin")
        return self.pin_value

    def new_password(self) -> str:
        self.asked.append("new_password")
        return self.password_value

    def captcha(self, image: bytes) -> str:
        assert image.startswith(b"\x89PNG")
        self.asked.append("captcha")
        return self.captchas.pop(0) if self.captchas else self.default_captcha
