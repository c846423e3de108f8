"""The reminder's schedule: the Windows task definition at its seam (what schtasks is handed), the XDG
autostart entry's Exec line."""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from ukey_renew import paths, schedule
from ukey_renew.errors import ScheduleRefused

NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
COMMAND = [r"C:\Program Files\ukey-renew\ukey-renew.exe", "--home", r"D:\ukey 数据", "--remind"]


class FakeSchtasks:
    """schtasks as Windows answers: /Create reads the XML file named, /Query finds what was created."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.xml: bytes | None = None

    def __call__(self, words: list[str]) -> subprocess.CompletedProcess[bytes]:
        self.calls.append(words)
        if words[1] == "/Create":
            self.xml = Path(words[words.index("/XML") + 1]).read_bytes()
        elif words[1] == "/Delete":
            self.xml = None
        found = words[1] != "/Query" or self.xml is not None
        return subprocess.CompletedProcess(
            words, 0 if found else 1, b"", b"" if found else "错误: 系统找不到指定的文件。".encode()
        )


def test_the_task_runs_the_windowed_program_at_logon_and_daily_as_the_user_alone() -> None:
    schtasks = FakeSchtasks()
    task = schedule.WindowsTask(r"PROCURATORATE\clerk", "2026-12-07", schtasks)
    assert task.install(COMMAND) == schedule.TASK_NAME
    assert schtasks.calls[0] == ["schtasks", "/Create", "/TN", schedule.TASK_NAME, "/XML", schtasks.calls[0][5], "/F"]
    assert schtasks.xml is not None and schtasks.xml.startswith(b"\xff\xfe")  # UTF-16 with its BOM, as schtasks reads
    root = ElementTree.fromstring(schtasks.xml.decode("utf-16").split("?>", 1)[1])
    logon = root.find("t:Triggers/t:LogonTrigger", NS)
    daily = root.find("t:Triggers/t:CalendarTrigger", NS)
    assert logon is not None and logon.findtext("t:UserId", namespaces=NS) == r"PROCURATORATE\clerk"
    assert daily is not None and daily.findtext("t:StartBoundary", namespaces=NS) == "2026-12-07T10:00:00"
    assert daily.findtext("t:ScheduleByDay/t:DaysInterval", namespaces=NS) == "1"
    principal = root.find("t:Principals/t:Principal", NS)
    assert principal is not None
    assert (principal.findtext("t:UserId", namespaces=NS), principal.findtext("t:LogonType", namespaces=NS),
            principal.findtext("t:RunLevel", namespaces=NS)) == (r"PROCURATORATE\clerk", "InteractiveToken",
                                                                "LeastPrivilege")  # fmt: skip
    assert root.findtext("t:Settings/t:StartWhenAvailable", namespaces=NS) == "true"  # run when ten o'clock was missed
    assert root.findtext("t:Actions/t:Exec/t:Command", namespaces=NS) == COMMAND[0]
    assert root.findtext("t:Actions/t:Exec/t:Arguments", namespaces=NS) == '--home "D:\\ukey 数据" --remind'
    assert root.findtext("t:Settings/t:ExecutionTimeLimit", namespaces=NS) == "PT0S"  # a renewal is never cut off
    assert task.installed() == schedule.TASK_NAME
    assert task.remove() is True and task.installed() is None and task.remove() is False


def test_a_refusal_of_task_scheduler_is_a_clear_error() -> None:
    def refuses(words: list[str]) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(words, 1, b"", "错误: 拒绝访问。".encode())

    try:
        schedule.WindowsTask("clerk", "2026-12-07", refuses).install(COMMAND)
    except ScheduleRefused as exc:
        assert exc.id == "remind.schedule_failed" and "拒绝访问" in (exc.detail or "")
    else:
        raise AssertionError("installed although schtasks refused")


def test_a_task_scheduler_that_cannot_be_started_is_a_clear_error() -> None:
    """Not "internal": the wizard's tick says the reminder was not set up, and what to do."""
    with pytest.raises(ScheduleRefused, match="到期提醒没有设置好") as refused:
        schedule._schtasks(["ukey-renew-no-such-schtasks", "/Query"])
    assert "FileNotFoundError" in (refused.value.detail or "")


def exec_words(line: str) -> list[str]:
    """An Exec line read as the Desktop Entry spec says a desktop reads it: words split at spaces outside
    double quotes, inside them a backslash keeps the next of " ` $ \\, and %% is %."""
    words: list[str] = []
    word, quoted, started, place = "", False, False, 0
    while place < len(line):
        char = line[place]
        if quoted and char == "\\" and line[place + 1 : place + 2] in ('"', "`", "$", "\\"):
            word, place = word + line[place + 1], place + 2
            continue
        if char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started:
                words.append(word)
            word, started = "", False
        elif char == "%" and line[place + 1 : place + 2] == "%":
            word, started, place = word + "%", True, place + 1
        else:
            word, started = word + char, True
        place += 1
    assert not quoted, line
    return [*words, word] if started else words


def test_the_exec_line_gives_back_the_words() -> None:
    words = ["/opt/ukey renew/python3", "-m", "ukey_renew", "--remind", "100%", 'say "hi" $HOME \\n', ""]
    line = schedule.desktop_exec(words)
    assert "%%" in line and exec_words(line) == words


def test_the_command_carries_a_chosen_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    plain = schedule.command()
    assert plain[-1] == "--remind" and "--home" not in plain
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "数据"))
    assert schedule.command()[-3:] == ["--home", str((tmp_path / "数据").resolve()), "--remind"]
