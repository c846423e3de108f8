"""Answers for the engine from a terminal or, for scripts, the environment.

``UKEY_RENEW_PIN`` and ``UKEY_RENEW_NEW_PASSWORD`` serve scripted runs; with
neither and no terminal, the run stops with a clear error instead of hanging.
"No terminal" is ``console.interactive()``'s answer: Windows calls ``NUL`` a
terminal too. The windowed exe has no stdin at all (None) and says so.
"""

from __future__ import annotations

import getpass
import os
import sys

from ukey_renew import console
from ukey_renew.errors import (
    EnvironmentNotText,
    HolderInvalid,
    InputMissing,
    NewPasswordsDiffer,
    NoConsole,
    PinRuleViolated,
    UkeyError,
)
from ukey_renew.rules import check_new_pin

PIN_ENV = "UKEY_RENEW_PIN"
NEW_PASSWORD_ENV = "UKEY_RENEW_NEW_PASSWORD"
# The holder (guide 2.2 ④) for scripted runs: off the command line, a mobile
# stays out of the shell's history and other users' process lists.
HOLDER_NAME_ENV = "UKEY_RENEW_HOLDER_NAME"
HOLDER_MOBILE_ENV = "UKEY_RENEW_HOLDER_MOBILE"
NEW_PASSWORD_TRIES = 3


def holder_from_environment(name: str | None, mobile: str | None) -> tuple[str | None, str | None]:
    return name or environment_text(HOLDER_NAME_ENV) or None, mobile or environment_text(HOLDER_MOBILE_ENV) or None


def environment_text(name: str) -> str | None:
    """The variable's text, or None when unset. On POSIX, bytes that are not
    UTF-8 come through as lone surrogates, which no encoder takes further
    on: refused here by name instead of failing later as an internal error."""
    value = os.environ.get(name)
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise EnvironmentNotText(name) from None
    return value


def ask_holder(name: str | None, mobile: str | None) -> tuple[str, str]:
    """What is still missing of the holder, asked at the terminal; with none, a clear error."""
    if not (name and mobile) and console.interactive():
        name = name or input("当前持有 Ukey 人员的姓名：").strip()
        mobile = mobile or input("当前持有 Ukey 人员的手机号：").strip()
    if not (name and mobile):
        raise HolderInvalid(
            "请填写当前持有 Ukey 人员的姓名和手机号：在终端中运行时会询问；"
            f"也可用 --holder-name 和 --holder-phone，或环境变量 {HOLDER_NAME_ENV} 和 {HOLDER_MOBILE_ENV}。"
        )
    return name, mobile


def read_pin(hint: str) -> str:
    """The key's password, read once before the renewal starts; ``hint``
    (which password, after a stop near the password step) is said before it
    is typed."""
    given = environment_text(PIN_ENV)
    if given:
        return given
    if hint:
        print(hint, file=sys.stderr)
    return _secret("请输入 Ukey 密码（默认 111111）：")


class TerminalPrompts:
    def __init__(self, fixed_captcha: str | None = None) -> None:
        self.fixed_captcha = fixed_captcha

    def new_password(self) -> str:
        """Asked again after a typo or a password the rule refuses, ``NEW_PASSWORD_TRIES`` times
        in all: the person is at the keyboard, and nothing has been sent yet (guide 2.2 ⑥)."""
        given = environment_text(NEW_PASSWORD_ENV)
        if given is not None:
            return given
        problem: UkeyError = NewPasswordsDiffer()
        for left in range(NEW_PASSWORD_TRIES - 1, -1, -1):
            first = _secret("请设置新的 Ukey 密码（6–8 位，字母和数字组合）：")
            try:
                check_new_pin(first)
            except PinRuleViolated as refused:
                problem = refused
            else:
                if _secret("请再输入一次新密码：") == first:
                    return first
                problem = NewPasswordsDiffer()
            if left:
                print(f"{problem.message}请重新输入（还可以输入 {left} 次）。", file=sys.stderr)
        raise problem

    def captcha(self, image: bytes) -> str:
        if self.fixed_captcha is not None:
            return self.fixed_captcha
        _need_terminal("需要输入验证码，但没有终端。")
        path = os.path.join(os.path.expanduser("~"), "ukey-renew-captcha.png")
        with open(path, "wb") as handle:
            handle.write(image)
        return input(f"请打开 {path} 查看验证码，并在此输入：").strip()


def _secret(prompt: str) -> str:
    _need_terminal()
    return getpass.getpass(prompt)


def _need_terminal(missing: str | None = None) -> None:
    if sys.stdin is None:
        raise NoConsole()
    if not console.interactive():
        raise InputMissing(missing)
