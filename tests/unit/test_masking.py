"""Mobile numbers masked in the log in every form a user types them, and in
tracebacks too; order numbers and dates left alone."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ukey_renew import log as logsetup

_FULL_WIDTH = str.maketrans("0123456789+-", "０１２３４５６７８９＋－")


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("+8613912345678", "+86139****5678"),
        ("+86 139 1234 5678", "+86 139 **** 5678"),
        ("+86-139-1234-5678", "+86-139-****-5678"),
        ("008613912345678", "0086139****5678"),
        ("电话：139 1234 5678。", "电话：139 **** 5678。"),
        ("139-1234-5678", "139-****-5678"),
        ("１３９１２３４５６７８", "１３９****５６７８"),
        ("＋８６ １３９－１２３４－５６７８", "＋８６ １３９－****－５６７８"),
        ("tel=17712345678&name=张三", "tel=177****5678&name=张三"),
        ("order 20261125-000001, holder 13800138000", "order 20261125-000001, holder 138****8000"),
        ("1391 234 5678", "139* *** 5678"),
        ("139.1234.5678", "139.****.5678"),
        ("+86.13912345678", "+86.139****5678"),
        ("(+86)139 1234 5678", "(+86)139 **** 5678"),
        ("1 3 9 1 2 3 4 5 6 7 8", "1 3 9 * * * * 5 6 7 8"),
    ],
)
def test_mobiles_masked(text: str, masked: str) -> None:
    assert logsetup.mask(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "order 20261125-000001",
        "order 20230718-000040 org 371724",
        "2026-11-25 13:45:12,031 INFO ukey_renew: started",
        "not_after 2031-11-25T00:00:00+00:00",
        "12345678901",  # no mobile starts with 12
        "139123456789",  # twelve digits: not a mobile
        "1732456789123",  # a time in milliseconds
        "8613912345678",  # 86 without + or 00 is just a longer number
        "serial 7A3F13912345678901",
        "010-12345678",
        "version 1.3.9",
        "192.168.100.101",
        "Windows 10.0.19045.3693",
    ],
)
def test_other_numbers_left_alone(text: str) -> None:
    assert logsetup.mask(text) == text


_AROUND = st.text(st.characters(blacklist_categories=["Nd", "Cs"], blacklist_characters="+＋"), max_size=8)


@given(
    before=_AROUND,
    after=_AROUND,
    digits=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    prefix=st.sampled_from(["", "+86", "+86 ", "+86-", "0086", "0086 "]),
    gaps=st.tuples(st.sampled_from(["", " ", "-"]), st.sampled_from(["", " ", "-"])),
    full_width=st.booleans(),
)
def test_any_form_of_a_mobile_loses_its_middle(
    before: str, after: str, digits: str, prefix: str, gaps: tuple[str, str], full_width: bool
) -> None:
    shown = f"{prefix}{digits[:3]}{gaps[0]}{digits[3:7]}{gaps[1]}{digits[7:]}"
    hidden = f"{prefix}{digits[:3]}{gaps[0]}****{gaps[1]}{digits[7:]}"
    if full_width:
        shown, hidden = shown.translate(_FULL_WIDTH), hidden.translate(_FULL_WIDTH)
    assert logsetup.mask(before + shown + after) == before + hidden + after


@given(
    digits=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    prefix=st.sampled_from(["", "+86", "+86 ", "0086-", "+86."]),
    gaps=st.lists(st.sampled_from(["", "", " ", "-", "."]), min_size=10, max_size=10),
)
def test_a_mobile_split_anywhere_loses_its_middle(digits: str, prefix: str, gaps: list[str]) -> None:
    shown = prefix + digits[0] + "".join(gap + digit for gap, digit in zip(gaps, digits[1:], strict=True))
    masked = logsetup.mask(f"holder {shown}.")
    assert (
        masked.replace(prefix, "", 1).translate(str.maketrans("", "", " .-")) == f"holder{digits[:3]}****{digits[7:]}"
    )


def test_traceback_text_masked(tmp_path: Path) -> None:
    path = logsetup.setup(tmp_path)
    try:
        raise ValueError("holder mobile 13912345678 refused")
    except ValueError:
        logging.getLogger("ukey_renew.test").exception("renewal failed for %s", "+86 139 1234 5678")
    for handler in logging.getLogger("ukey_renew").handlers:
        handler.close()
    text = path.read_text(encoding="utf-8")
    assert "Traceback" in text and "139****5678 refused" in text and "+86 139 **** 5678" in text
    assert "13912345678" not in text and "139 1234 5678" not in text
