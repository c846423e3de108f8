"""The support summary: Chinese for people, with the last renewal and the checks."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tests.unit.test_receipt import RECORD
from ukey_renew.support import support_summary
from ukey_renew.token.base import PinStatus
from ukey_renew.troubleshoot.checks import CheckResult

STATUS = {
    "tokens": [
        {
            "model": "练习 Ukey（软件）", "serial": "PR1", "backend": "practice",
            "pin": {"locked": False, "retries_left": 9, "count_low": True},
            "certificates": [
                {"id": "c1", "subject_cn": "某某市人民检察院", "org_code": "371724",
                 "not_before": "2021-12-15T00:00:00+00:00", "not_after": "2026-12-15T00:00:00+00:00",
                 "days_left": 20, "renewal": {"eligible": True, "reason": "renewable",
                                              "message": "证书有效，还有 20 天到期，可以延期。", "guide": "2.1"}},
            ],
        }
    ],
    "readers": [],
    "problems": [{"backend": "pcsc", "id": "pcsc.unavailable", "message": "系统的智能卡服务不可用。",
                  "next_step": "请重启电脑后再试（指南 3.3 ③）。", "faq": "3.3"}],
}  # fmt: skip
CHECKS = [
    CheckResult("clock.plausible", "ok", "电脑日期 2026-11-25", "2.1"),
    CheckResult("key.xtxapp", "fail", "BJCA 证书应用环境没有运行。", "3.2"),
]


def test_summary_is_chinese_with_the_last_renewal_and_the_checks() -> None:
    text = support_summary(
        STATUS, datetime(2026, 11, 25, tzinfo=UTC), last_error="pin.incorrect", last_renewal=RECORD, checks=CHECKS
    )
    assert "时间：2026-11-25 08:00:00+08:00（北京时间）" in text  # midnight UTC, said as the receipt says times
    ids = {"renewable", "practice", "pcsc", "pcsc.unavailable", "pin.incorrect", "key.xtxapp", "clock.plausible"}
    assert not {word for word in re.findall(r"[a-z][a-z0-9_.]+", text) if word in ids}
    assert "订单号 20261125-000040" in text and "持有人手机 138****8000" in text and "张三" not in text
    assert "延期：可以（证书有效" in text and "练习 Ukey" in text and "系统的智能卡服务不可用" in text
    assert "自动检查：正常 1 项，问题 1 项" in text and "[问题] BJCA 证书应用环境没有运行。（指南 3.2）" in text
    assert "最近错误：忘记 / 重置 Ukey 密码（指南 3.6）" in text


def test_summary_names_an_unfinished_renewal() -> None:
    entry = {"serial": "BJ0042", "order_no": "20261207-000042", "started_at": "2026-12-07T02:05:00+00:00", "done": []}
    text = support_summary({**STATUS, "unfinished": [entry]}, datetime(2026, 12, 7, 3, tzinfo=UTC))
    assert "未完成的延期：Ukey BJ0042，订单号 20261207-000042" in text and "--abandon" in text
    hand_edited = support_summary({**STATUS, "unfinished": [{**entry, "started_at": "昨天"}]}, datetime.now(UTC))
    assert "订单号 20261207-000042，昨天 开始" in hand_edited


@pytest.mark.parametrize(
    ("pin", "state", "words"),
    [
        (PinStatus(0, locked=True, count_low=True), "locked", "已锁定（指南 3.6）"),
        (PinStatus(2, locked=False, count_low=True), "few", "只剩 2 次机会，输错将锁定（指南 3.6）"),
        (PinStatus(None, locked=False, count_low=True, final_try=True), "few", "只剩 1 次机会，输错将锁定（指南 3.6）"),
        (PinStatus(9, locked=False, count_low=True), "left", "正常，还可尝试 9 次"),
        (PinStatus(None, locked=False, count_low=True), "low", "曾输错，剩余次数较少"),
        (PinStatus(None, locked=False, count_low=False), "unknown", "正常"),
    ],
)
def test_the_pin_state_in_words_once(pin: PinStatus, state: str, words: str) -> None:
    """One wording for the command line's status and the summary; PKCS#11's final-try flag is one try left."""
    assert (pin.state, pin.words()) == (state, words)
    assert PinStatus.from_dict(pin.to_dict()) == pin
    tokens = [{**STATUS["tokens"][0], "pin": pin.to_dict()}]  # type: ignore[index]
    assert f"密码 {words}\n" in support_summary({**STATUS, "tokens": tokens}, datetime(2026, 11, 25, tzinfo=UTC))
