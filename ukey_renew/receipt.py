"""The renewal receipt (回执): what a clerk sends IT staff once a key is renewed.

In a renewal campaign IT staff collect, key by key, that the renewal is done
and what the key now holds: unit, org code, which key, the validity before and
after (guide 2.1 ② asks to note the old one for this comparison), the order
(guide 2.2 ⑤) and the holder recorded for unlocks (guide 2.2 ④). The holder's
mobile is masked: the receipt travels by chat and e-mail. Built from the local
renewal record, so the command line and the wizard print the same receipt.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from ukey_renew import atomic
from ukey_renew.dates import clock_time, guide_date, guide_period
from ukey_renew.errors import NoRenewalRecorded
from ukey_renew.log import mask
from ukey_renew.renewal.records import Records, RenewalRecord, key_kind
from ukey_renew.site.profile import load_profile
from ukey_renew.troubleshoot.letter import KEY_TYPES

TITLE = "Ukey 证书延期回执"
REMEMBER = "请牢记新密码：延期时设置的 Ukey 新密码就是以后登录时的密码（指南 2.2 ⑥）。"


@dataclass(frozen=True)
class Receipt:
    unit_name: str
    org_code: str
    key_type: str
    token_serial: str
    old_validity: str
    new_validity: str
    order_no: str
    renewed_on: str
    effective_at: str
    holder_name: str
    holder_mobile: str  # masked

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) in the order the receipt shows them."""
        return [
            ("检察院（单位）", self.unit_name),
            ("组织机构代码", self.org_code),
            ("Ukey 类型", self.key_type),
            ("Ukey 序列号", self.token_serial),
            ("原有效期", self.old_validity),
            ("新有效期", self.new_validity),
            ("订单号", self.order_no),
            ("延期日期", self.renewed_on),
            ("新证书生效", self.effective_at),
            ("持有人", f"{self.holder_name}，手机 {self.holder_mobile}"),
        ]

    def text(self) -> str:
        return "\n".join([TITLE, *(f"{label}：{value}" for label, value in self.rows()), REMEMBER])

    def to_dict(self) -> dict[str, str]:
        return {**asdict(self), "remember": REMEMBER}


def receipt_for(record: RenewalRecord, department: str | None = None) -> Receipt:
    """``department``: which of the unit's keys (guide 1.2: 案管, 信息发布 …), when the user says."""
    if department is not None and department not in KEY_TYPES:
        raise ValueError(department)
    kind = key_kind(record.site)
    activation = "拔插 Ukey 后即可验证（指南 2.3）"
    if record.activation_at:
        moment = datetime.fromisoformat(record.activation_at)
        delay = _activation_minutes(record.site)
        after = f"延期 {delay} 分钟后生效" if delay is not None else "生效时间"
        activation = f"{guide_date(moment)} {clock_time(moment)}（{after}，指南 2.3 ③）"
    return Receipt(
        unit_name=record.unit_name or "—",
        org_code=record.org_code or "—",
        key_type=f"{department} Ukey，{kind}" if department else kind,
        token_serial=record.token_serial,
        old_validity=_validity(record.old_not_before, record.old_not_after),
        new_validity=_validity(record.new_not_before, record.new_not_after),
        order_no=record.order_no,
        renewed_on=guide_date(datetime.fromisoformat(record.finished_at)),
        effective_at=activation,
        holder_name=record.holder_name,
        holder_mobile=mask(record.holder_mobile),
    )


def last_receipt(records: Records, token_serial: str | None = None, department: str | None = None) -> Receipt:
    """The receipt of the key's last renewal (of any key's when no serial is given)."""
    record = records.last_renewal(token_serial) if token_serial else records.last()
    if record is None:
        raise NoRenewalRecorded()
    return receipt_for(record, department)


def save_text(receipt: Receipt, path: Path) -> None:
    save(path, (receipt.text() + "\n").encode("utf-8"))


def save(path: Path, data: bytes) -> None:
    """Written whole where the user asked, or :class:`OutputNotSaved` saying why not."""
    atomic.write_output("回执", path, data)


def _activation_minutes(site: str) -> int | None:
    """The recorded site's delay (15 minutes on 12309, one on the practice site); None for a site
    this version does not know."""
    try:
        return load_profile(site).policy.activation_minutes
    except (OSError, KeyError, TypeError, ValueError):  # no such profile, or not one this version reads
        return None


def _validity(not_before: str, not_after: str) -> str:
    return guide_period(datetime.fromisoformat(not_before), datetime.fromisoformat(not_after))
