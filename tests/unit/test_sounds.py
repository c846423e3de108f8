"""Chinese read by its sound (pypinyin), for pinyin and same-sound typos in help search."""

from __future__ import annotations

import pytest

from ukey_renew.troubleshoot import sounds


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("zhengshu", ("zheng", "shu")), ("mima", ("mi", "ma")), ("xian", ("xian",)), ("lv", ("lv",)), ("le", ("le",))],
)
def test_pinyin_words_split_into_syllables(word: str, syllables: tuple[str, ...]) -> None:
    assert sounds.split(word) == syllables


@pytest.mark.parametrize("word", ["the", "ukey", "bjca", "ie"])
def test_other_words_are_no_pinyin(word: str) -> None:
    assert sounds.split(word) is None


def test_same_sound_typos_read_as_the_guides_words() -> None:
    """证数 for 证书, 密马 for 密码, 下一布 for 下一步, 兼融 for 兼容 (guide 3.3, 3.6, 3.9, 3.4)."""
    for typo, word in [("证数", "证书"), ("密马", "密码"), ("下一布", "下一步"), ("兼融", "兼容")]:
        assert sounds.of(typo) == sounds.of(word)


def test_pinyin_and_characters_mixed_make_one_run() -> None:
    assert sounds.of("ukey密码suo le") == " mi ma suo le "
    assert sounds.pairs("mima wang le") == {"mi ma": 1.0, "ma wang": 1.0, "wang le": 1.0}


def test_punctuation_digits_and_spaces_after_characters_break_a_run() -> None:
    assert sounds.runs("密码 错误") == [[("mi",), ("ma",)], [("cuo",), ("wu",)]]
    assert len(sounds.runs("密码，12309，错误")) == 2


def test_a_polyphone_is_found_by_either_reading() -> None:
    """重启 (guide 3.3 ③) is "chong qi"; a character read alone says "zhong" first."""
    assert sounds.pairs("重启") == {"zhong qi": 0.5, "chong qi": 0.5}
    assert " chong qi " in sounds.spellings("重启")
