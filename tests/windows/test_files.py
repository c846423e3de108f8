"""Windows' file rules, for real: a file another program holds open cannot be
replaced (antivirus, the search indexer), and the user's folders are where
Windows keeps them, under a profile with a Chinese name."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from ukey_renew import atomic, paths
from ukey_renew.errors import StateNotSaved


def test_a_file_held_open_cannot_be_replaced(tmp_path: Path) -> None:
    """The premise of atomic.replace's retries: Python opens files without FILE_SHARE_DELETE."""
    target, source = tmp_path / "state.json", tmp_path / "state.json.tmp"
    target.write_bytes(b"old")
    source.write_bytes(b"new")
    with target.open("rb"), pytest.raises(PermissionError) as raised:
        os.replace(source, target)
    assert raised.value.winerror in atomic.BUSY_WINERRORS


def test_a_state_file_is_written_once_the_other_program_lets_go(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    target.write_bytes(b"old")
    held = target.open("rb")
    timer = threading.Timer(0.2, held.close)
    timer.start()
    try:
        atomic.write_bytes(target, b"new")
    finally:
        timer.join()
        held.close()
    assert target.read_bytes() == b"new"


def test_a_state_file_held_for_good_is_a_clear_error_and_the_old_one_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "RETRY_SECONDS", 0.3)
    target = tmp_path / "state.json"
    target.write_bytes(b"old")
    with target.open("rb"), pytest.raises(StateNotSaved):
        atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["state.json"]


def test_the_data_folder_is_in_the_users_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    """%LOCALAPPDATA%, read by Windows' shell API under a profile whose name may be Chinese."""
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    folder = paths.data_dir()
    assert folder.is_dir() and folder.name == paths.APP_NAME
    assert folder.is_relative_to(os.environ["LOCALAPPDATA"])
    assert Path.home().name in folder.parts
