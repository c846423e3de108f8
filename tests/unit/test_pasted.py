"""Pasted error codes and messages (resources/bjca_errors.toml) lead to their entry."""

from __future__ import annotations

import re
import tomllib

import pytest

from ukey_renew import paths
from ukey_renew.casim import xtxapp
from ukey_renew.troubleshoot.faq import load_faq
from ukey_renew.troubleshoot.pasted import ASK_IT_STAFF, load_table
from ukey_renew.troubleshoot.search import DONE_STEPS, Index

DATA = tomllib.loads(paths.resource("bjca_errors.toml").read_text(encoding="utf-8"))


def _spellings(code: int) -> list[str]:
    """How a code reaches a clerk's paste: BJCA's tools print hex or decimal, any case, with or without 0x."""
    return [f"0x{code:08X}", f"0x{code:08x}", f"{code:08X}", f"0X{code:X}", str(code)]


@pytest.mark.parametrize("item", DATA["code"], ids=lambda item: f"0x{item['code']:08X}")
def test_every_code_is_recognised_in_every_spelling(item: dict[str, object]) -> None:
    table, faq = load_table(), load_faq()
    code = int(str(item["code"]))
    assert item["entry"] in faq.entries
    for spelling in _spellings(code):
        found = table.recognise(f"登录时弹出：错误码{spelling}，请联系管理员")
        assert [k.entry for k in found] == [item["entry"]], spelling
        assert found[0].said.startswith(f"0x{code:08X}") and found[0].note


def test_texts_lead_to_real_entries_and_say_why() -> None:
    faq = load_faq()
    for item in DATA["text"]:
        assert item["entry"] in faq.entries and item["note"], item
    for item in DATA["code"] + DATA["text"]:  # said in English too, whenever said in Chinese
        assert ("note" in item) == ("note_en" in item), item
        assert not re.search(r"[\u4e00-\u9fff]", item.get("note_en", "")), item
    for item in DATA["code"]:  # 3.12 is "ask IT staff": the answer says why
        if item["entry"] == "3.12":
            assert load_table().codes[int(str(item["code"]))][1].note in (ASK_IT_STAFF, item.get("note"))


def test_the_simulators_codes_are_the_listed_ones() -> None:
    """The XTXApp simulator answers BJCA's codes; each is in the list with the same text."""
    codes = load_table().codes
    simulated = [v for v in vars(xtxapp).values() if isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], int)]
    assert len(simulated) > 10
    for code, message in simulated:
        assert code in codes and codes[code][0].strip() == message.strip(), hex(code)


@pytest.mark.parametrize(
    "text",
    ["订单号 20230718-000040", "手机 13800138000", "有效期到 20281231", "证书序列号 1234567890ab", "0x0A0000250"],
)
def test_numbers_that_are_no_codes(text: str) -> None:
    assert load_table().recognise(text) == []


@pytest.mark.parametrize(
    ("pasted", "entry"),
    [
        ("证书助手提示：证书未发现", "3.3"),
        ("指定设备不存在！", "3.3"),
        ("未检测到证书设备", "3.3"),  # however a tool words a key or certificate not found
        ("没有找到USBKey", "3.3"),
        ("无法显示此页", "2.2"),
        ("Internet Explorer 无法显示该网页 https://ca.12309.gov.cn:8080/xtxuserweb", "2.2"),  # IE 8 and 9
        ("This site can’t be reached  ERR_CONNECTION_REFUSED", "2.2"),
        ("您的连接不是私密连接 NET::ERR_CERT_AUTHORITY_INVALID", "3.4"),
        ("此网站的安全证书有问题。", "3.4"),
        ("解锁页面一直显示正在解锁中", "3.6"),  # guide 3.6 ⑦ (its advice: 3.4)
    ],
)
def test_messages_of_the_assistant_and_browsers(pasted: str, entry: str) -> None:
    assert [k.entry for k in load_table().recognise(pasted)] == [entry]


def test_search_and_errors_lead_with_the_pasted_code() -> None:
    index = Index(load_faq())
    first = index.search("SOF_Login 失败，错误码 0x0b000001 校验证书口令失败! ")[0]
    assert first.entry.id == "3.6" and first.score == 1.0 and first.known and "0x0B000001" in first.known.said
    assert index.for_error("167772197")[0].entry.id == "3.6"  # 0x0A000025 in decimal, PIN locked
    browser = index.for_error("NET::ERR_CERT_DATE_INVALID")[0]
    assert browser.entry.id == "3.4" and browser.known and browser.known.said == "ERR_CERT_DATE_INVALID"
    assert "日期和时间" in browser.known.note


@pytest.mark.parametrize(
    ("pasted", "entry"),
    [
        ("刚延期好，登录时报 0x0A000024", "3.9-3"),  # guide 3.9 情况 3: the new password, its first 8 characters
        ("0x0B000001 校验证书口令失败! (after renewing the key)", "3.9-3"),
        ("解锁完了以后登录：校验证书口令失败", "3.9-3"),
        ("解锁后还是弹 PIN被锁死", "3.9-4"),  # guide 3.9 情况 4: unlock again in compatibility mode
        ("延期以后 PIN被锁死", "3.6"),  # locked after renewal is no 3.9 case: unlock as 3.6 says
        ("延期前登录报 0x0A000024", "3.6"),
        ("0x0B000001 用户口令错误 延期才弄完，用新密码登录就这样", "3.9-3"),  # 延期才弄完: terse, no 了
    ],
)
def test_what_was_just_done_leads_to_the_guides_case(pasted: str, entry: str) -> None:
    """A wrong or locked password right after renewal or unlocking has a guide 3.9 case of its own."""
    assert Index(load_faq()).search(pasted)[0].entry.id == entry


def test_every_case_named_after_a_step_is_an_entry() -> None:
    faq = load_faq()
    named = [
        (step, entry)
        for kind in ("code", "text")
        for item in DATA[kind]
        for step, entry in item.get("after", {}).items()
    ]
    assert named and all(step in DONE_STEPS and entry in faq.entries for step, entry in named)


@pytest.mark.parametrize(
    "pasted",
    ["提示：请使用IE浏览器", "网页提示请使用IE8以上版本", "Please use Internet Explorer", "本页面必须在IE下打开"],
)
def test_a_page_asking_for_ie_is_guide_3_8(pasted: str) -> None:
    """Guide 3.8: the speed mode shows the input box but the page asks for IE, whatever its version or wording."""
    assert Index(load_faq()).search(pasted)[0].entry.id == "3.8"


def test_the_assistant_missing_is_no_key_missing() -> None:
    """ "找不到证书助手" is guide 3.2's (install it), not a tool finding no certificate."""
    assert load_table().recognise("桌面上找不到证书助手") == []
