"""Where resources and state live, and what the log may contain."""

from __future__ import annotations

import errno
import io
import logging
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ukey_renew import log as logsetup
from ukey_renew import paths

REPO = Path(__file__).resolve().parents[2]


def test_resources_found_in_checkout() -> None:
    assert paths.resource("tokens.toml").is_file()


def test_resources_found_in_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "tokens.toml").write_text("")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"


def test_wheel_carries_resources(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("ukey_renew-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    expected = {
        f"ukey_renew/resources/{p.relative_to(REPO / 'resources').as_posix()}"
        for p in (REPO / "resources").rglob("*")
        if p.is_file()
    }
    assert expected and expected <= set(names)


def test_home_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UKEY_RENEW_HOME", str(tmp_path / "portable"))
    assert paths.data_dir() == tmp_path / "portable"
    assert (tmp_path / "portable").is_dir()


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("holder phone 13800138000 saved", "holder phone 138****8000 saved"),
        ("id 11010519491231002X", "id 110105********002X"),
        ("order 20230718-000040 org 371724", "order 20230718-000040 org 371724"),
    ],
)
def test_mask(text: str, masked: str) -> None:
    assert logsetup.mask(text) == masked


def test_log_file_masks_personal_data(tmp_path: Path) -> None:
    path = logsetup.setup(tmp_path)
    logging.getLogger("ukey_renew.test").warning("holder %s, %s", "张三", "13912345678")
    for handler in logging.getLogger("ukey_renew").handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "139****5678" in text and "13912345678" not in text


def test_log_times_are_beijing_time_whatever_the_computers_zone(tmp_path: Path) -> None:
    """As the receipt and the site give them: an IT helper compares them without converting."""
    path = logsetup.setup(tmp_path)
    before = datetime.now(UTC)
    logging.getLogger("ukey_renew.test").warning("a moment")
    for handler in logging.getLogger("ukey_renew").handlers:
        handler.flush()
    (line,) = [line for line in path.read_text(encoding="utf-8").splitlines() if line.endswith("a moment")]
    written = datetime.fromisoformat(" ".join(line.split(" ")[:2]))
    assert written.utcoffset() == timedelta(hours=8)
    assert abs(written - before) < timedelta(minutes=1)  # the same moment, written in Beijing's zone


def test_log_rotates_at_start_keeping_three(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    log = folder / "ukey-renew.log"
    for run in range(5):  # five starts, each finding a full log
        log.write_bytes(f"run {run}\n".encode() * (logsetup.MAX_BYTES // 6 + 1))
        assert logsetup.setup(tmp_path) == log
        logging.getLogger("ukey_renew").info("started %d", run)
        logging.getLogger("ukey_renew").handlers[0].close()
    assert sorted(path.name for path in folder.iterdir()) == [
        "ukey-renew.log", "ukey-renew.log.1", "ukey-renew.log.2", "ukey-renew.log.3",
    ]  # fmt: skip
    assert log.read_text(encoding="utf-8").strip().endswith("started 4")
    assert (folder / "ukey-renew.log.1").read_text(encoding="utf-8").startswith("run 4")
    assert (folder / "ukey-renew.log.3").read_text(encoding="utf-8").startswith("run 2")
    small = log.stat().st_size
    logsetup.setup(tmp_path)  # a small log is appended to, not rotated
    logging.getLogger("ukey_renew").handlers[0].close()
    assert log.stat().st_size == small and not (folder / "ukey-renew.log.4").exists()


class FullDisk(io.StringIO):
    """A log file's stream on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def full_disk_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(logsetup.LogFile, "_open", lambda self: FullDisk())
    yield logsetup.setup(tmp_path)
    logging.getLogger("ukey_renew").handlers[0].close()


def test_a_log_on_a_full_disk_is_said_once(full_disk_log: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert logsetup.written() == full_disk_log
    for number in range(5):
        logging.getLogger("ukey_renew.test").warning("record %d", number)
    err = capsys.readouterr().err
    assert err.count("无法写入日志文件") == 1 and "磁盘已满" in err and str(full_disk_log) in err
    assert "Logging error" not in err and "Traceback" not in err
    assert logsetup.written() is None


def test_an_internal_error_does_not_claim_an_unwritten_log(
    full_disk_log: Path, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ukey_renew import cli
    from ukey_renew.cli import troubleshooting

    def broken(args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(troubleshooting, "cmd_troubleshoot", broken)
    assert cli.main(["troubleshoot", "--query", "x"]) == 1
    err = capsys.readouterr().err
    assert "详情已写入日志" not in err and "日志无法写入" in err and "RuntimeError" in err
    assert err.count("无法写入日志文件") == 1 and "Logging error" not in err


def test_an_internal_error_names_the_log(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ukey_renew import cli
    from ukey_renew.cli import troubleshooting

    def broken(args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(troubleshooting, "cmd_troubleshoot", broken)
    assert cli.main(["troubleshoot", "--query", "x"]) == 1
    logging.getLogger("ukey_renew").handlers[0].close()
    log = home / "logs" / "ukey-renew.log"
    assert f"详情已写入日志 {log}" in capsys.readouterr().err
    assert "RuntimeError: a bug" in log.read_text(encoding="utf-8")
