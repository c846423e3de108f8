"""Error codes and messages pasted from BJCA's tools, the key's driver or a
browser (``resources/bjca_errors.toml``), recognised anywhere in a text.

A clerk pastes what the screen says: "错误码：0x0B000001 校验证书口令失败!",
"SOF_Login 失败 167772196", "NET::ERR_CERT_DATE_INVALID". A code counts in hex
(with or without 0x, any letter case) or in decimal, as BJCA's tools print
either; only codes of the list are taken, so a date or an order number in the
same text is no code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ukey_renew import paths

# The guide has no answer of its own for these: say so, and whom to ask.
ASK_IT_STAFF = "这是 Ukey 驱动或证书环境内部的错误，指南中没有对应的处理办法：请把错误码和提示原样告诉 Ukey 运维人员。"
ASK_IT_STAFF_EN = (
    "An internal error of the Ukey's driver or certificate environment, which the guide has no remedy for: "
    "tell the Ukey support staff the code and message exactly as shown."
)
_HEX = re.compile(r"(?<![0-9a-z])(?:0x([0-9a-f]{1,8})|([0-9a-f]{8}))(?![0-9a-z])")
_WORD = re.compile(r"[0-9a-z_]*")
_DECIMAL = re.compile(r"(?<![0-9a-z])(\d{9,10})(?![0-9a-z])")


@dataclass(frozen=True)
class Known:
    """A recognised code or text: what it is, the entry that helps, and why."""

    said: str  # as shown to the user: "0x0A000025 PIN被锁死" or the text itself
    entry: str
    note: str
    note_en: str
    after: tuple[tuple[str, str], ...] = ()  # (what was just done, the guide 3.9 case of the same message then)
    guessed: bool = False  # a code pasted without its own message: the words around it may tell another story

    def entry_after(self, done: Collection[str]) -> str:
        """The entry that helps when the text says what was just done ("renewal", "unlocking"): a wrong password
        after renewal is guide 3.9 case 3, not 3.6."""
        return next((entry for step, entry in self.after if step in done), self.entry)

    def explanation(self, lang: str) -> str:
        """What it means and what to do, in the asked language."""
        return self.note_en if lang == "en" else self.note


@dataclass(frozen=True)
class Table:
    codes: dict[int, tuple[str, Known]]  # code → (message, what it means, said as its message)
    texts: tuple[tuple[re.Pattern[str], Known], ...]  # (lower-case text or its pattern, what it means)

    def recognise(self, text: str) -> list[Known]:
        """Every known code and text in ``text``, in the order they appear, each once."""
        lowered = text.lower()
        found: list[tuple[int, Known]] = []
        for match in _HEX.finditer(lowered):
            code = int(match.group(1) or match.group(2), 16)
            if code in self.codes:
                found.append((match.start(), self._code(code, lowered)))
        for match in _DECIMAL.finditer(lowered):
            code = int(match.group(1))
            if code in self.codes:
                found.append((match.start(), self._code(code, lowered)))
        for words, known in self.texts:
            shown = words.search(lowered)
            if shown:
                at, end = shown.span()
                tail = _WORD.match(lowered, end)
                if shown.group().isascii() and tail:  # "err_cert_" names the whole "ERR_CERT_DATE_INVALID"
                    end = tail.end()
                found.append((at, replace(known, said=text[at:end])))
        found.sort(key=lambda pair: pair[0])
        kept: list[Known] = []
        for _, known in found:
            if all(known.entry != other.entry for other in kept):
                kept.append(known)
        return kept

    def _code(self, code: int, text: str) -> Known:
        message, known = self.codes[code]
        shown = message.strip().rstrip("!！ ").lower()
        return replace(known, said=f"0x{code:08X} {message.strip()}", guessed=bool(shown) and shown not in text)


def parse(data: dict[str, list[dict[str, Any]]]) -> Table:
    def known(item: dict[str, Any]) -> Known:
        note, note_en = item.get("note") or ASK_IT_STAFF, item.get("note_en") or ASK_IT_STAFF_EN
        after = tuple((str(step), str(entry)) for step, entry in item.get("after", {}).items())
        return Known("", str(item["entry"]), str(note), str(note_en), after)

    codes = {int(item["code"]): (str(item["message"]), known(item)) for item in data["code"]}
    texts = tuple((_text(item), known(item)) for item in data["text"])
    return Table(codes, texts)


def _text(item: dict[str, Any]) -> re.Pattern[str]:
    """A text as written, or a ``pattern`` where a tool words the same message several ways."""
    if "pattern" in item:
        return re.compile(str(item["pattern"]).lower())
    return re.compile(re.escape(str(item["text"]).lower()))


@cache
def load_table() -> Table:
    return parse(tomllib.loads(paths.resource("bjca_errors.toml").read_text(encoding="utf-8")))
