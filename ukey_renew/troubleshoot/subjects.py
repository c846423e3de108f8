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
# Plain words heard in whatever a question says, or of two characters only in its pinyin: two syllables heard
# across Chinese words are often another word ("没有检查" sounds "you jian", as 邮件 does).
_HEARD = re.compile(r"[\u4e00-\u9fff]{3,}")
_TYPED = re.compile(r"[\u4e00-\u9fff]{2}")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Kind:
    name: str
    shares: Shares
    words: re.Pattern[str]
    heard: tuple[str, ...]  # the spellings (:func:`sounds.spellings`) of plain words of three characters or more
    typed: tuple[str, ...]  # and of two, for pinyin typed


@dataclass(frozen=True)
class OtherSubjects:
    kinds: tuple[Kind, ...]

    def shares(self, query: str, said: str) -> Shares | None:
        """What the other subject named in ``query`` (``said`` as the search rewrote it) shares with the
        guide: "owner" before "setting", or None when it names none."""
        heard, typed = sounds.of(query), sounds.of(_CJK.sub(" ", query))
        named = {
            kind.shares
            for kind in self.kinds
            if kind.words.search(said) or _heard_in(kind.heard, heard) or _heard_in(kind.typed, typed)
        }
        return "owner" if "owner" in named else "setting" if named else None

    def without(self, said: str) -> str:
        """``said`` with the other subjects' own words taken out: "默认浏览器" names no default password."""
        for kind in self.kinds:
            said = kind.words.sub(" ", said)
        return said


def _heard_in(spellings: tuple[str, ...], heard: str) -> bool:
    return any(spelled in heard for spelled in spellings)


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
        kinds.append(Kind(str(kind["name"]), shares, pattern, _spellings(words, _HEARD), _spellings(words, _TYPED)))
    return OtherSubjects(tuple(kinds))


def _spellings(words: list[str], plain: re.Pattern[str]) -> tuple[str, ...]:
    return tuple(spelled for word in words if plain.fullmatch(word) for spelled in sounds.spellings(word))


def _strings(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise ValueError(f"a list of words, not {value!r}")
    return value


@cache
def load() -> OtherSubjects:
    return parse(tomllib.loads(paths.resource("other_subjects.toml").read_text(encoding="utf-8")))
