"""Chinese by its sound, so that pinyin and same-sound typos meet the guide's words.

Clerks type "mima wang le", "zhengshu zhushou", or pick the wrong character
of the same sound ("证数", "下一布", "兼融"): read as toneless pinyin, all of
these are the guide's own words. Characters are read with pypinyin's
single-character dictionary (the bundle keeps it for the basic CJK block,
build.spec); its phrase dictionary (2.5 MB, for choosing a polyphone's
reading by context) is neither loaded nor bundled: a polyphone counts with
its two commonest readings instead, so that 重启 typed "chongqi" still meets
the guide's word, and the FAQ and a query in characters are read alike.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache
from itertools import pairwise, product

os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")  # read before pypinyin loads its dictionaries

from pypinyin import Style, pinyin, pinyin_dict

_TOKEN = re.compile(r"[\u4e00-\u9fff]|[a-z]+|\s+|[^\sa-z\u4e00-\u9fff]+")
_LONGEST = 6  # "zhuang", "chuang"
_READINGS = 2


@cache
def syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin knows ("zhong", "lv")."""
    toned = {reading for readings in pinyin_dict.pinyin_dict.values() for reading in readings.split(",")}
    found = set()
    for reading in toned:
        plain = unicodedata.normalize("NFKD", reading).replace("u\u0308", "v")  # ǚ → v, as typed
        found.add("".join(c for c in plain if not unicodedata.combining(c)))
    return frozenset(found)


@cache
def split(word: str) -> tuple[str, ...] | None:
    """``word`` as pinyin syllables, fewest first ("zhengshu" → zheng shu), or None if it is no pinyin."""
    known = syllables()
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST), end):
            before, piece = best[start], word[start:end]
            if before is not None and piece in known:
                candidate = (*before, piece)
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    return best[-1]


@cache
def _readings(char: str) -> tuple[str, ...]:
    """A character's commonest readings: 重 is "zhong" in 重要 and "chong" in 重启, and without
    the phrase dictionary nothing tells which; a polyphone's third reading is seldom the one meant."""
    return tuple(pinyin(char, style=Style.NORMAL, heteronym=True)[0][:_READINGS])


def runs(text: str) -> list[list[tuple[str, ...]]]:
    """The syllables of ``text`` (lower case), each as its possible readings, in runs that
    punctuation, digits, other words or a space after a character break ("mima wang le" is
    one run; "密码 错误" two)."""
    found: list[list[tuple[str, ...]]] = [[]]
    chinese = False
    for token in _TOKEN.findall(text):
        if token.isspace():
            if chinese and found[-1]:
                found.append([])
            continue
        chinese = "\u4e00" <= token[0] <= "\u9fff"
        if chinese:
            found[-1].append(_readings(token))
            continue
        said = split(token) if token.isascii() and token.isalpha() else None
        if said:
            found[-1].extend((syllable,) for syllable in said)
        elif found[-1]:
            found.append([])
    return [run for run in found if run]


def pairs(text: str) -> dict[str, float]:
    """Neighbouring syllables of ``text`` ("mi ma"), every reading of a polyphone sharing one count."""
    found: dict[str, float] = {}
    for run in runs(text):
        for first, second in pairwise(run):
            for a, b in product(first, second):
                found[f"{a} {b}"] = found.get(f"{a} {b}", 0.0) + 1 / (len(first) * len(second))
    return found


@cache
def spellings(word: str) -> list[str]:
    """``word``'s syllables as a query may spell them, padded: " zhong qi ", " chong qi "."""
    return [" " + " ".join(combination) + " " for run in runs(word) for combination in product(*run)]


def of(text: str) -> str:
    """``text``'s syllables, space-separated and padded, each by its commonest reading, for finding a word in it."""
    return " " + " ".join(" ".join(readings[0] for readings in run) for run in runs(text)) + " "
