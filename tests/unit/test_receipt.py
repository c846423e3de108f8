"""The renewal receipt built from the local record."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from ukey_renew.errors import NoRenewalRecorded
from ukey_renew.receipt import last_receipt
from ukey_renew.renewal.records import Records, RenewalRecord

RECORD = RenewalRecord(
    finished_at="2026-11-25T02:00:00+00:00",
    site="12309",
    token_serial="BJ0001",
    unit_name="某某市人民检察院",
    org_code="371724",
    holder_name="张三",
    holder_mobile="13800138000",
    order_no="20261125-000040",
    old_not_before="2021-12-15T00:00:00+00:00",
    old_not_after="2026-12-15T00:00:00+00:00",
    new_not_before="2026-11-25T00:00:00+00:00",
    new_not_after="2031-12-15T00:00:00+00:00",
    activation_at="2026-11-25T02:15:00+00:00",
)


def test_receipt_of_the_last_renewal(tmp_path: Path) -> None:
    records = Records(tmp_path / "records.sqlite")
    records.add(RECORD)
    text = last_receipt(records, department="信访").text()
    for expected in ("某某市人民检察院", "371724", "信访 Ukey，红色 Ukey（BJCA）", "BJ0001", "20261125-000040",
                     "2021年12月15日 至 2026年12月15日", "2026年11月25日 至 2031年12月15日", "2026年11月25日 10:15",
                     "张三，手机 138****8000", "请牢记新密码"):  # fmt: skip
        assert expected in text, expected
    assert "13800138000" not in text
    assert last_receipt(records, "BJ0001").to_dict()["holder_mobile"] == "138****8000"


def test_no_renewal_yet_is_a_typed_error(tmp_path: Path) -> None:
    records = Records(tmp_path / "records.sqlite")
    with pytest.raises(NoRenewalRecorded) as raised:
        last_receipt(records)
    assert raised.value.id == "receipt.no_renewal" and "2.2" in raised.value.next_step
    records.add(RECORD)
    with pytest.raises(NoRenewalRecorded):
        last_receipt(records, "another key")


@pytest.mark.parametrize(("site", "said"), [("12309", "延期 15 分钟后生效"), ("practice", "延期 1 分钟后生效"),
                                           ("a site of a later version", "10:15（生效时间")])  # fmt: skip
def test_the_receipt_states_the_sites_own_activation_delay(tmp_path: Path, site: str, said: str) -> None:
    """Guide 2.3 ③: 15 minutes on the 12309 site; the practice site waits one minute, and says so."""
    records = Records(tmp_path / "records.sqlite")
    records.add(dataclasses.replace(RECORD, site=site))
    assert said in last_receipt(records).effective_at
