"""Which remembered keys need renewing soon, from the dates read earlier.

Every costly case in the guide starts with a key nobody watched: renewal is
possible only until 30 days after expiry (guide 1.3 note 2); after that the
unit writes a letter and waits for a new key (guide 3.7). The reminder works
from the keys remembered when they were last read (``status``, the wizard,
``renew``): it never opens a key and never uses the network, so it can run
at logon with no key plugged in. Days are counted on Beijing dates, as the
site and the guide date them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ukey_renew.certs import RenewalPolicy
from ukey_renew.dates import CHINA_TIME, guide_date
from ukey_renew.renewal.records import KnownKey

SOON_DAYS = 60  # time to plan the renewal
DUE_DAYS = 30  # time to do it
# Days past expiry the site still renews (guide 1.3 note 2): the rule the eligibility check uses.
RENEWABLE_AFTER = RenewalPolicy().max_expired_days

STATES = ("ok", "soon", "due", "expired", "replace")
TITLES = {"ok": "正常", "soon": "即将到期", "due": "需要延期", "expired": "已过期", "replace": "需更换 Ukey"}
NEXT_STEPS = {
    "ok": "暂时不用延期。",
    "soon": "请在到期前安排延期（指南 2.2）。",
    "due": "请尽快延期：插上这把 Ukey，打开 ukey-renew 按向导延期（指南 2.2）。",
    "expired": f"请立即延期：过期超过 {RENEWABLE_AFTER} 天就无法在线延期（指南 1.3 注 2）。",
    "replace": "已无法在线延期，请按指南 3.7 申请更换 Ukey（ukey-renew letter 可生成申请函）。",
}


def days_left(not_after: datetime, now: datetime) -> int:
    """Beijing days from today to the last valid day: 0 on that day, -1 the day after."""
    return (not_after.astimezone(CHINA_TIME).date() - now.astimezone(CHINA_TIME).date()).days


def state_for(days: int) -> str:
    if days > SOON_DAYS:
        return "ok"
    if days > DUE_DAYS:
        return "soon"
    if days >= 0:
        return "due"
    if days >= -RENEWABLE_AFTER:
        return "expired"
    return "replace"


@dataclass(frozen=True)
class Reminder:
    serial: str
    unit: str | None
    org_code: str | None
    not_after: str
    days_left: int
    state: str

    @property
    def next_step(self) -> str:
        return NEXT_STEPS[self.state]

    def to_dict(self) -> dict[str, Any]:
        return {
            "serial": self.serial,
            "unit": self.unit,
            "org_code": self.org_code,
            "not_after": self.not_after,
            "days_left": self.days_left,
            "state": self.state,
            "next_step": self.next_step,
        }


def reminders(keys: Iterable[KnownKey], now: datetime) -> list[Reminder]:
    """Each key's state, the most urgent first (the fewest days left)."""
    found = []
    for key in keys:
        days = days_left(datetime.fromisoformat(key.not_after), now)
        found.append(Reminder(key.token_serial, key.unit_name, key.org_code, key.not_after, days, state_for(days)))
    return sorted(found, key=lambda reminder: (reminder.days_left, reminder.serial))


def text(keys: list[dict[str, Any]]) -> str:
    if not keys:
        return (
            "本机还没有读到过 Ukey，无从提醒。插上 Ukey 后打开 ukey-renew 或运行 ukey-renew status，"
            "程序会记下证书的有效期。"
        )
    lines = []
    for key in keys:
        unit = key["unit"] or "（单位未知）"
        org = f"，组织机构代码 {key['org_code']}" if key["org_code"] else ""
        days = key["days_left"]
        left = f"还有 {days} 天" if days > 0 else "今天到期" if days == 0 else f"已过期 {-days} 天"
        until = guide_date(datetime.fromisoformat(key["not_after"]))
        lines.append(f"[{TITLES[key['state']]}] Ukey {key['serial']}（{unit}{org}）：有效期至 {until}，{left}。")
        lines.append(f"  下一步：{key['next_step']}")
    return "\n".join(lines)
