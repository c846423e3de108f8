"""The steps of guide 2.2 and what the engine tells and asks its front end.

Kept apart from the engine so that a front end can show the steps without
loading the engine's network and cryptography (the wizard's first paint).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from ukey_renew.dates import guide_period
from ukey_renew.errors import UkeyError


@dataclass(frozen=True)
class Step:
    id: str
    guide: str
    title: str


STEPS = (
    Step("check", "2.1", "查看证书有效期"),
    Step("login", "2.2 ③", "用 Ukey 登录延期网站"),
    Step("holder", "2.2 ④", "提交当前持有人信息"),
    Step("confirm", "2.2 ⑤", "核对信息，生成订单"),
    Step("keypair", "2.2 ⑦", "在 Ukey 中生成新密钥"),
    Step("download", "2.2 ⑧", "下载新证书"),
    Step("install", "2.2 ⑧", "写入新证书并核对"),
    Step("password", "2.2 ⑥", "设置新的 Ukey 密码"),
    Step("complete", "2.2 ⑨", "完成延期"),
)


@dataclass(frozen=True)
class OrderSummary:
    """Guide 2.2 ⑤ (figure 5): the order the user checks before it is confirmed.

    Data, not text, so that each front end writes it in its own language."""

    order_no: str
    unit_name: str  # 证书用户名: the certificate's subject as the site names it
    org_code: str | None  # from the key's certificate; None when it carries none
    holder_name: str
    holder_mobile: str
    new_not_before: datetime
    new_not_after: datetime

    def rows(self, period: Callable[[datetime, datetime], str] = guide_period) -> list[tuple[str, str]]:
        """(label, value) in figure 5's order; ``period`` writes the new validity."""
        return [
            ("订单号", self.order_no),
            ("证书用户名", self.unit_name),
            ("组织机构代码", self.org_code or "—"),
            ("持有人姓名", self.holder_name),
            ("持有人手机号", self.holder_mobile),
            ("新证书有效期", period(self.new_not_before, self.new_not_after)),
        ]


@dataclass(frozen=True)
class RenewalEvent:
    step: Step
    index: int  # 1-based, of len(STEPS)
    state: str  # "started", "done", "skipped"
    detail: str = ""  # a hint as a step starts
    order: OrderSummary | None = None  # the order to check, as the holder step is done


@dataclass(frozen=True)
class RenewalResult:
    result: str  # "renewed" or "dry_run"
    order_no: str | None
    old_not_before: datetime
    old_not_after: datetime
    new_not_before: datetime
    new_not_after: datetime
    activation_at: datetime | None
    # The renewal stands; only the local record of it is missing.
    record_not_saved: UkeyError | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "result": self.result,
            "order_no": self.order_no,
            "old": {"not_before": self.old_not_before.isoformat(), "not_after": self.old_not_after.isoformat()},
            "new": {"not_before": self.new_not_before.isoformat(), "not_after": self.new_not_after.isoformat()},
            "activation_at": self.activation_at.isoformat() if self.activation_at else None,
            "record_not_saved": self.record_not_saved.as_dict() if self.record_not_saved else None,
        }


class Prompts(Protocol):
    """What only the user can answer during the run. Each is asked when
    needed, never stored. The PIN is not among them: the front end asks it
    before the renewal starts and hands it to ``RenewalEngine.run``."""

    def new_password(self) -> str: ...

    def captcha(self, image: bytes) -> str:
        """What the picture says; "" asks for another picture (guide 3.10 tip 3: refresh an unreadable one)."""
