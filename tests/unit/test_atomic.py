"""State files under Windows' antivirus and a full disk (DESIGN.md §4): the
rename is retried while another program holds the file, every failure is a
clear error, and the previous file is never lost."""

from __future__ import annotations

import base64
import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from tests.certbuild import make_cert
from ukey_renew import atomic
from ukey_renew.errors import OutputNotSaved, StateNotSaved
from ukey_renew.renewal.journal import Journal, JournalState

REAL_REPLACE = os.replace


def held_by_another_program(winerror: int) -> PermissionError:
    """PermissionError as Windows raises it from MoveFileEx (the winerror field exists only there)."""
    exc = PermissionError(errno.EACCES, "The process cannot access the file")
    exc.winerror = winerror  # type: ignore[attr-defined]
    return exc


class FlakyReplace:
    """``os.replace`` that fails ``times`` times with ``error``, then works."""

    def __init__(self, error: OSError, times: int) -> None:
        self.error, self.left, self.calls = error, times, 0

    def __call__(self, source: Path, target: Path) -> None:
        self.calls += 1
        if self.left > 0:
            self.left -= 1
            raise self.error
        REAL_REPLACE(source, target)


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def sleep(self, seconds: float) -> None:
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.mark.parametrize("winerror", sorted(atomic.BUSY_WINERRORS))
def test_a_rename_refused_for_a_moment_is_tried_again(tmp_path: Path, monkeypatch, winerror: int) -> None:  # type: ignore[no-untyped-def]
    flaky = FlakyReplace(held_by_another_program(winerror), times=3)
    monkeypatch.setattr(os, "replace", flaky)
    target = tmp_path / "state.json"
    atomic.write_json(target, {"done": ["login"]})
    assert flaky.calls == 4
    assert target.read_text(encoding="utf-8") == '{\n "done": [\n  "login"\n ]\n}'
    assert not (tmp_path / "state.json.tmp").exists()


def test_a_file_held_for_a_moment_is_opened_again_to_be_synced(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "practice-key.json.new"
    atomic.write_bytes(target, b"{}", durable=False)
    real_open, refused = os.open, [held_by_another_program(32)]

    def scanned(path, flags, *args):  # type: ignore[no-untyped-def]
        if refused:
            raise refused.pop()
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", scanned)
    atomic.flush(target)
    assert not refused and target.read_bytes() == b"{}"


def test_a_file_held_for_good_gives_a_clear_error_after_about_two_seconds(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "state.json"
    target.write_text("previous", encoding="utf-8")
    flaky = FlakyReplace(held_by_another_program(32), times=10_000)
    fake = FakeTime()
    monkeypatch.setattr(os, "replace", flaky)
    monkeypatch.setattr(atomic.time, "sleep", fake.sleep)
    monkeypatch.setattr(atomic.time, "monotonic", fake.clock)
    with pytest.raises(StateNotSaved) as caught:
        atomic.write_json(target, {"new": True})
    assert caught.value.id == "disk.not_saved" and "杀毒软件" in caught.value.message
    assert 1.5 <= fake.now <= atomic.RETRY_SECONDS and flaky.calls > 5
    assert target.read_text(encoding="utf-8") == "previous"
    assert not (tmp_path / "state.json.tmp").exists()


def test_a_real_permission_problem_is_not_waited_on(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    flaky = FlakyReplace(PermissionError(errno.EACCES, "read-only folder"), times=10_000)
    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(StateNotSaved):
        atomic.write_bytes(tmp_path / "x", b"data")
    assert flaky.calls == 1


def test_a_full_disk_says_so(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left")))
    target = tmp_path / "state.json"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(StateNotSaved, match="磁盘已满"):
        atomic.write_json(target, {"new": True})
    assert target.read_text(encoding="utf-8") == "previous"
    assert not (tmp_path / "state.json.tmp").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_state_files_are_readable_by_the_user_only(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    atomic.write_json(target, {})
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_journal_survives_an_antivirus_scan(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(os, "replace", FlakyReplace(held_by_another_program(5), times=2))
    journal = Journal(tmp_path, "SERIAL", "C1")
    old_cert = base64.b64encode(make_cert()).decode()
    state = JournalState("SERIAL", "C1", "practice", "2026-11-25T00:00:00+00:00", old_cert=old_cert)
    with journal:
        journal.mark(state, "login")
        assert journal.load() == state


def test_a_file_where_a_folder_should_be_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder", encoding="utf-8")
    with pytest.raises(StateNotSaved):
        atomic.write_json(tmp_path / "data" / "state.json", {})


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links without privileges")
def test_an_output_never_replaces_a_link_or_a_folder(tmp_path: Path) -> None:
    """A receipt asked for over a link or a folder: refused by name, both left as they were."""
    (tmp_path / "real.txt").write_text("the user's", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    (tmp_path / "folder").mkdir()
    for target, why in ((tmp_path / "link.txt", "不是普通文件"), (tmp_path / "folder", "文件夹")):
        with pytest.raises(OutputNotSaved) as refused:
            atomic.write_output("回执", target, b"receipt")
        assert str(target) in refused.value.message and why in refused.value.message
    assert (tmp_path / "link.txt").is_symlink() and (tmp_path / "real.txt").read_text(encoding="utf-8") == "the user's"
    atomic.write_output("回执", tmp_path / "new.txt", b"receipt")  # a new path is written
    atomic.write_output("回执", tmp_path / "real.txt", b"receipt")  # and a regular file of the user's replaced
    assert (tmp_path / "real.txt").read_bytes() == b"receipt"
