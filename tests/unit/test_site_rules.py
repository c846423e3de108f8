"""Site profiles, holder rules, the client's reading of answers, the journal."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.certbuild import make_cert
from ukey_renew.errors import HolderInvalid, SiteBadAnswer, SiteError
from ukey_renew.renewal.journal import Journal, JournalState
from ukey_renew.rules import check_holder
from ukey_renew.site.client import REFUSALS, _checked, _order
from ukey_renew.site.profile import add_years, load_profile


def test_profiles() -> None:
    production = load_profile("12309")
    assert production.base_url == "https://ca.12309.gov.cn:8080/xtxuserweb"  # guide 3.4, 3.6, 3.10
    assert production.login_url == "https://login.12309.gov.cn"
    assert production.trust == "system" and not production.direct_client
    assert production.policy.activation_minutes == 15  # guide 2.3 ③
    assert production.policy.max_expired_days == 30  # guide 1.3 note 2
    practice = load_profile("practice").on_port(8443)
    assert practice.base_url == "https://127.0.0.1:8443/xtxuserweb"
    assert practice.policy.activation_minutes < 15


def test_new_validity_follows_the_guide_example() -> None:
    """Guide 2.2 figure 5: 2023-07-18…2023-09-18 renewed on 2023-07-18 → …2028-09-18."""
    policy = load_profile("12309").policy
    start, end = policy.new_validity(datetime(2023, 9, 18, tzinfo=UTC), datetime(2023, 7, 18, tzinfo=UTC))
    assert (start.date().isoformat(), end.date().isoformat()) == ("2023-07-18", "2028-09-18")
    # an expired certificate runs from the download date
    start, end = policy.new_validity(datetime(2023, 6, 1, tzinfo=UTC), datetime(2023, 7, 18, tzinfo=UTC))
    assert end.date().isoformat() == "2028-07-18"


def test_leap_day() -> None:
    assert add_years(datetime(2024, 2, 29, tzinfo=UTC), 5) == datetime(2029, 2, 28, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "mobile", "expected"),
    [
        ("张三", "13800138000", ("张三", "13800138000")),
        (" 张三 ", "138-0013-8000", ("张三", "13800138000")),
        ("阿依古丽·买买提", "19912345678", ("阿依古丽·买买提", "19912345678")),
        ("Li Lei", "15000000000", ("Li Lei", "15000000000")),
        ("张三", "１３８００１３８０００", ("张三", "13800138000")),  # full-width, as an IME types them
        ("Ｌｉ　Ｌｅｉ", "+86 138-0013-8000", ("Li Lei", "13800138000")),
    ],
)
def test_holder_accepted(name: str, mobile: str, expected: tuple[str, str]) -> None:
    assert check_holder(name, mobile) == expected


@pytest.mark.parametrize("separator", ["\n", "\r", "\t", "\x0b", "\x1c", "\x85", "\u2028", "\u2029", "\x00"])
def test_a_name_with_a_control_character_or_odd_separator_is_refused(separator: str) -> None:
    """A \\r would rewrite the receipt's line on screen; none is sent to the site."""
    with pytest.raises(HolderInvalid):
        check_holder(f"张{separator}三", "13800138000")
    with pytest.raises(HolderInvalid):
        check_holder(f"张三{separator}x", "13800138000")


@pytest.mark.parametrize(
    "mobile",
    ["١٣٨٠٠١٣٨٠٠٠", "१३८००१३८०००", "138001\n38000", "1380013800٠"],
    ids=["arabic-indic", "devanagari", "line break inside", "one arabic-indic digit"],
)
def test_a_mobile_in_other_digits_is_refused(mobile: str) -> None:
    """Other scripts' digits pass ``\\d`` but no mask or site reads them as a number."""
    with pytest.raises(HolderInvalid):
        check_holder("张三", mobile)


@pytest.mark.parametrize(
    ("name", "mobile"),
    [("张", "13800138000"), ("32423", "13800138000"), ("", "13800138000"), ("张三", "12345678901"), ("张三", "")],
)
def test_holder_refused(name: str, mobile: str) -> None:
    with pytest.raises(HolderInvalid):
        check_holder(name, mobile)


@pytest.mark.parametrize("mobile", ["12345678901", "10000000000", "1380013800", "138001380001", "1380013800x"])
def test_a_refused_mobile_is_told_the_rule_it_breaks(mobile: str) -> None:
    """11 digits starting with 1 can still be refused (12…): the message says what a mobile number starts with."""
    with pytest.raises(HolderInvalid) as refused:
        check_holder("张三", mobile)
    message = refused.value.message
    assert "11 位数字" in message and "13–19" in message


def test_known_refusals_route_to_the_guide() -> None:
    with pytest.raises(SiteError) as caught:
        _checked(json.dumps({"ok": False, "error": {"code": "revoked", "message": "您的证书已被吊销"}}).encode())
    assert caught.value.id == "site.revoked" and caught.value.guide == REFUSALS["revoked"][1] == "3.7"
    with pytest.raises(SiteError) as unknown:
        _checked(json.dumps({"ok": False, "error": {"code": "new_thing", "message": "x"}}).encode())
    assert unknown.value.id == "site.new_thing" and unknown.value.guide == "3.12"


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 200_000,  # deeper than the parser's stack
        b'{"ok": true, "a": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
        b'{"ok": true, "order_no": 1' + b"0" * 5000 + b"}",  # more digits than Python converts
    ],
    ids=["nested", "nested inside", "huge number"],
)
def test_answers_beyond_the_parser(body: bytes) -> None:
    with pytest.raises(SiteBadAnswer):
        _checked(body)


@pytest.mark.parametrize(
    "moment",
    [
        "9999-12-31T23:59:59+00:00",
        "9999-12-31T20:00:00-05:00",
        "0001-01-01T00:00:00+08:00",
        "0000-01-01T00:00:00+00:00",
    ],
)
def test_dates_no_site_can_mean(moment: str) -> None:
    with pytest.raises(SiteBadAnswer):
        _order({"order_no": "20261125-000001", "new_not_before": moment, "new_not_after": moment})


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_as_answer(body: bytes) -> None:
    try:
        _checked(body)
    except SiteError:
        pass


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=15), children, max_size=5),
    max_leaves=20,
)
_order_keys = st.sampled_from(
    [
        "order_no",
        "unit_name",
        "holder_name",
        "holder_mobile",
        "new_not_before",
        "new_not_after",
        "state",
        "activation_at",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_order_keys | st.text(max_size=10), _json | st.just("2031-12-14T10:00:00+00:00"), max_size=9))
def test_any_order_object(data: dict) -> None:
    try:
        order = _order(data)
    except SiteError:
        return
    assert order.new_not_after.tzinfo is not None


@settings(max_examples=200, deadline=None)
@given(_json)
def test_any_json_as_answer(data: object) -> None:
    try:
        result = _checked(json.dumps(data).encode())
    except SiteError:
        return
    assert result["ok"] is True


def test_journal_round_trip_and_unreadable(tmp_path: Path) -> None:
    journal = Journal(tmp_path, "PR01", "Unit/Cert")
    old_cert = base64.b64encode(make_cert()).decode()
    state = JournalState(token_serial="PR01", container="Unit/Cert", site="practice", started_at="t", old_cert=old_cert)
    journal.mark(state, "holder")
    assert journal.load() == state and journal.load().has("holder")  # type: ignore[union-attr]
    journal.path.write_text("{ not json")
    assert journal.load() is None
    assert journal.path.with_suffix(".unreadable").exists()  # set aside, not deleted
