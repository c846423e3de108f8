"""The help panel in English: every entry, node and search result it can show is in English."""

from __future__ import annotations

import re

import pytest

from tests.gui.test_panel import _panel

TIMEOUT = 20_000
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CHINESE_PUNCTUATION = re.compile(r"[（）：，。；]")


def _chinese_only(text: str) -> list[str]:
    """Lines written in Chinese: Chinese punctuation, or more Chinese characters than Latin letters. Names
    and addresses kept in Chinese beside their English ("巩婧 (Gong Jing)", a courier's address) pass."""
    return [
        line
        for line in text.splitlines()
        if _CHINESE_PUNCTUATION.search(line) or len(_CJK.findall(line)) > len(re.findall(r"[A-Za-z]", line))
    ]


def test_every_entry_and_node_in_english(english, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(make_window(), qtbot)
    assert panel.faq is not None
    for entry in panel.faq.entries.values():
        for node_id in entry.nodes:
            panel._enter(entry.id, node_id)
            shown = "\n".join((panel.heading.text(), panel.text.text(), panel.open_link.text(), panel.trail.text()))
            assert not _chinese_only(shown), (entry.id, node_id, shown)
    assert not _chinese_only(panel.contacts.text()) and "work line 1" in panel.contacts.text()


def test_the_search_box_invites_english(english, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The search understands English, pinyin and pasted messages: the English hint says so, with an
    English example (it had asked for Chinese, with a Chinese one)."""
    hint = _panel(make_window(), qtbot).search.placeholderText()
    assert not _CJK.search(hint) and "Chinese" not in hint, hint


@pytest.mark.parametrize(
    "query",
    [
        "I forgot my Ukey password",
        "ukey",
        "错误码：0x0B000001 校验证书口令失败!",
        "NET::ERR_CERT_DATE_INVALID",
        "打印机坏了",
    ],
)
def test_search_results_and_notes_in_english(english, make_window, qtbot, query: str) -> None:  # type: ignore[no-untyped-def]
    """Results name entries in English; a pasted code or message is explained in English (the
    pasted words themselves are quoted as the screen showed them)."""
    panel = _panel(make_window(), qtbot)
    panel.search.setText(query)
    items = [panel.results.item(i).text() for i in range(panel.results.count())]
    assert panel.index is not None
    pasted = next((hit.known for hit in panel.index.search(query) if hit.known), None)
    note = panel.notice.text.replace(pasted.said, "") if pasted else panel.notice.text
    assert items or note  # something is shown, never nothing
    for shown in [*items, note]:
        assert not _chinese_only(shown), shown


def test_the_automatic_checks_answer_in_english(english, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """What a check found (ukey_renew/troubleshoot/checks.py) is said in English, the values it carries (an
    address, a module's file name) as they are."""
    panel = _panel(make_window(), qtbot)
    assert panel.faq is not None
    checks = {str(node.data["check"]): (entry.id, node.id) for entry in panel.faq.entries.values()
              for node in entry.nodes.values() if node.kind == "check"}  # fmt: skip
    assert len(checks) >= 3
    for entry_id, node_id in checks.values():
        panel._enter(entry_id, node_id)
        qtbot.waitUntil(lambda: panel.onward.isVisible(), timeout=TIMEOUT)
        shown = panel.check_result.text
        assert shown and not _chinese_only(shown), (entry_id, node_id, shown)
