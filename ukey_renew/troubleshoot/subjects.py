"""The subjects the guide is not about, by kind (``resources/other_subjects.toml``).

A question about another CA's certificate, another app's password or an office
device shares the guide's words (证书, 密码, 插上没反应) and would get a forced
answer. Kinds, not past questions, say what such a subject is, each in
Chinese, English and, through :mod:`sounds`, pinyin; the search decides with
them what the guide's words in a question belong to.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ukey_renew import paths
from ukey_renew.troubleshoot import sounds

Shares = Literal["owner", "setting"]
# Plain words (two characters or more) are also found typed in pinyin, as whole typed words ("xuexi qiangguo",
# "youjian"): syllables heard across words are often another word ("meiyou jiancha" has the "you jian" of 邮件,
# "wei shibie" the "wei shi" of 卫士, 工作正常 the "gong zuo zheng" of 工作证), so the Chinese of a question is
# not heard for them.
_PLAIN = re.compile(r"[\u4e00-\u9fff]{2,}")
_LATIN = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Kind:
    name: str
    shares: Shares
    words: re.Pattern[str]
    typed: frozenset[str]  # its plain words' spellings (:func:`sounds.spellings`), as typed in pinyin


@dataclass(frozen=True)
class OtherSubjects:
    kinds: tuple[Kind, ...]

    def shares(self, query: str, said: str) -> Shares | None:
        """What the other subject named in ``query`` (``said`` as the search rewrote it) shares with the
        guide: "owner" before "setting", or None when it names none."""
        typed = _typed(query)
        named = {kind.shares for kind in self.kinds if kind.words.search(said) or not typed.isdisjoint(kind.typed)}
        return "owner" if "owner" in named else "setting" if named else None

    def without(self, said: str) -> str:
        """``said`` with the other subjects' own words taken out: "默认浏览器" names no default password."""
        for kind in self.kinds:
            said = kind.words.sub(" ", said)
        return said


def _typed(query: str) -> set[str]:
    """Every run of whole words typed in pinyin, spelled: "xuexi qiangguo" gives " xue xi ", " qiang guo " and
    " xue xi qiang guo "."""
    words = [sounds.of(word).split() for word in _LATIN.findall(query)]
    found = set()
    for start in range(len(words)):
        run: list[str] = []
        for syllables in words[start:]:
            if not syllables:
                break  # not pinyin ("ukey"): a run ends
            run += syllables
            found.add(" " + " ".join(run) + " ")
    return found


def parse(data: dict[str, list[dict[str, object]]]) -> OtherSubjects:
    kinds = []
    for kind in data["kind"]:
        words = [*_strings(kind["zh"]), *_strings(kind["en"])]
        shares = kind["shares"]
        if not words:
            raise ValueError(f"{kind['name']}: no words")
        if shares not in ("owner", "setting"):
            raise ValueError(f"{kind['name']}: shares is owner or setting, not {shares!r}")
        pattern = re.compile("|".join(words))
        kinds.append(Kind(str(kind["name"]), shares, pattern, _spellings(words)))
    return OtherSubjects(tuple(kinds))


def _spellings(words: list[str]) -> frozenset[str]:
    return frozenset(spelled for word in words if _PLAIN.fullmatch(word) for spelled in sounds.spellings(word))


def _strings(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise ValueError(f"a list of words, not {value!r}")
    return value


@cache
def load() -> OtherSubjects:
    return parse(tomllib.loads(paths.resource("other_subjects.toml").read_text(encoding="utf-8")))
