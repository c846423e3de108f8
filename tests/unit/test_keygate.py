"""One call at a time into each key: a renewal holds its key until it ends,
and nothing else may log the key in or out meanwhile."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.rig.prompts import ScriptedPrompts
from ukey_renew.errors import KeyBeingRenewed, KeyBusy
from ukey_renew.keygate import RENEWAL, KeyGate
from ukey_renew.session import Session


def test_a_renewal_refuses_others_at_once_and_others_take_turns(monkeypatch: pytest.MonkeyPatch) -> None:
    gate = KeyGate()
    with gate.use(RENEWAL), pytest.raises(KeyBeingRenewed, match="不能修改密码"):
        with gate.use("修改密码"):
            pass
    monkeypatch.setattr(KeyGate, "WAIT_SECONDS", 0.05)
    with gate.use("读取证书"), pytest.raises(KeyBusy, match="正在读取证书，现在不能解锁"):
        with gate.use("解锁"):
            pass
    with gate.use("解锁"):  # free again once the holder is done
        pass


class _WaitsAtNewPassword(ScriptedPrompts):
    """The user is still thinking about the new password."""

    def __init__(self) -> None:
        super().__init__()
        self.asking = threading.Event()
        self.answer = threading.Event()

    def new_password(self) -> str:
        self.asking.set()
        assert self.answer.wait(30)
        return super().new_password()


def test_the_key_is_the_renewals_while_it_runs(home: Path) -> None:
    """While a renewal waits at the new-password question, the session refuses
    every other call into that key (a login test, the PIN's state, a change of
    password), and the renewal then finishes. Before, a login test logged the
    key out under the renewal."""
    session = Session(home, practice_only=True, fixed_captcha="2309")
    try:
        choices, _ = session.detect()
        (choice,) = choices
        prompts = _WaitsAtNewPassword()
        results: list[object] = []
        renewal = threading.Thread(
            target=lambda: results.append(session.renew(choice, prompts, holder=("张三", "13800138000"), pin="111111"))
        )
        renewal.start()
        assert prompts.asking.wait(30)
        with pytest.raises(KeyBeingRenewed, match="登录验证"):
            session.login_test(choice, "111111")
        with pytest.raises(KeyBeingRenewed):
            session.pin_status(choice)
        with pytest.raises(KeyBeingRenewed):
            session.change_password(choice, "111111", "xyz98765")
        prompts.answer.set()
        renewal.join(60)
        (result,) = results
        assert result.result == "renewed"  # type: ignore[attr-defined]
        assert session.pin_status(choice).retries_left is not None  # the key is free again
    finally:
        session.close()


def test_the_windows_reset_waits_for_a_renewal_in_another_process(home: Path) -> None:
    """The practice key's reset from the window is ``practice reset``'s: under
    a renewal that holds the key's journal (another process: the window's
    gate cannot see it) it is refused, and the key stays as it was."""
    from ukey_renew.renewal.build import journal_for
    from ukey_renew.token.practice import default_path

    session = Session(home, practice_only=True)
    try:
        (choice,) = session.detect()[0]
        before = default_path(home).read_bytes()
        with journal_for(home, choice.serial, choice.certificate.container):  # the other process's hold
            with pytest.raises(KeyBeingRenewed, match="重置练习 Ukey"):
                session.reset_practice_key(choice)
        assert default_path(home).read_bytes() == before
        session.reset_practice_key(choice)  # the renewal over, the reset goes through
        assert default_path(home).read_bytes() != before
    finally:
        session.close()
