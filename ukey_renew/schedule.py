"""Reminders that come by themselves: ``ukey-renew remind`` registered to run
for this user, with no admin rights, as certbot's renewal timers do.

On Windows a Task Scheduler task of the current user's, at logon and once a
day, starts the windowed program (no console flashes up) with ``--remind``:
it checks the remembered keys and shows a notification only when one needs
action (``notice.py``). The task's definition is written as XML and handed to
``schtasks``, the one seam the tests check. On Linux an XDG autostart entry
starts it at login: a systemd user timer needs a user service manager, which
many desktops and every test container lack. Each scheduled run notes when it
ran in the data folder, so ``--status`` can say so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol
from xml.sax.saxutils import escape

from ukey_renew import atomic, paths
from ukey_renew.errors import ScheduleRefused

REMIND = "--remind"  # the program's option for a run the schedule started: a notification, or nothing
HOME_OPTION = "--home"  # the program's option naming the data folder
TASK_NAME = "ukey-renew 到期提醒"
DAILY_AT = "10:00:00"  # an office hour: the computer is on, the clerk at it
LAST_RUN = "remind-last-run.json"
AUTOSTART_NAME = "ukey-renew-remind.desktop"


def command() -> list[str]:
    """What the schedule starts: the windowed program (on Windows, so no console flashes up) with
    ``--remind``, and the data folder if one was chosen, as a word: the task has no environment to carry it."""
    if getattr(sys, "frozen", False):
        here = Path(sys.executable)
        windowed = here.with_name("ukey-renew.exe")  # beside ukey-renew-cli.exe (build.spec)
        start = [str(windowed if windowed.is_file() else here)]
    else:
        python = Path(sys.executable)
        windowless = python.with_name("pythonw.exe")
        start = [str(windowless if windowless.is_file() else python), "-m", "ukey_renew"]
    home = os.environ.get(paths.HOME_ENV)
    return [*start, *([HOME_OPTION, str(Path(home).resolve())] if home else []), REMIND]


class Schedule(Protocol):
    kind: str

    def install(self, command: Sequence[str]) -> str:
        """Registers ``command``; returns where it was registered."""

    def remove(self) -> bool:
        """Whether there was one to remove."""

    def installed(self) -> str | None:
        """Where it is registered, or None."""


# --- Linux: XDG autostart -------------------------------------------------------


@dataclass
class XdgAutostart:
    """``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart``): every desktop that follows XDG starts it at login."""

    config_home: Path
    kind: str = "xdg-autostart"

    @property
    def path(self) -> Path:
        return self.config_home / "autostart" / AUTOSTART_NAME

    def install(self, command: Sequence[str]) -> str:
        entry = "\n".join([
            "[Desktop Entry]",
            "Type=Application",
            "Name=Ukey 证书到期提醒",
            "Name[en]=Ukey certificate expiry reminder",
            "Comment=ukey-renew remind：证书到期前提醒延期（指南 1.3 注 2）",
            f"Exec={desktop_exec(command)}",
            "Terminal=false",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
        ])  # fmt: skip
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ScheduleRefused(str(self.path.parent), type(exc).__name__) from None
        atomic.write_output("到期提醒设置", self.path, (entry + "\n").encode("utf-8"))
        return str(self.path)

    def remove(self) -> bool:
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise ScheduleRefused(str(self.path), type(exc).__name__) from None
        return True

    def installed(self) -> str | None:
        return str(self.path) if self.path.is_file() else None


def desktop_exec(words: Sequence[str]) -> str:
    """The Exec line of the Desktop Entry spec: words with spaces or reserved characters quoted, and
    inside quotes ``"`` `` ` `` ``$`` ``\\`` escaped; ``%`` doubled everywhere (field codes)."""
    quoted = []
    for word in words:
        word = word.replace("%", "%%")
        if word and not any(c in word for c in " \t\n\"'\\><~|&;$*?#()`"):
            quoted.append(word)
            continue
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in word)
        quoted.append(f'"{escaped}"')
    return " ".join(quoted)


# --- Windows: a Task Scheduler task ---------------------------------------------


@dataclass
class WindowsTask:
    """The current user's task, made with ``schtasks /Create /XML``: no admin rights needed for a task
    that runs as the user who made it, only while logged on (InteractiveToken, LeastPrivilege)."""

    user: str
    today: str  # YYYY-MM-DD: the daily trigger's first day
    run: Callable[[list[str]], subprocess.CompletedProcess[bytes]]
    kind: str = "schtasks"

    def install(self, command: Sequence[str]) -> str:
        with tempfile.TemporaryDirectory() as folder:
            xml = Path(folder) / "task.xml"
            xml.write_bytes(task_xml(command, self.user, self.today).encode("utf-16"))  # with a BOM, as schtasks reads
            self._schtasks(["/Create", "/TN", TASK_NAME, "/XML", str(xml), "/F"])
        return TASK_NAME

    def remove(self) -> bool:
        if self.installed() is None:
            return False
        self._schtasks(["/Delete", "/TN", TASK_NAME, "/F"])
        return True

    def installed(self) -> str | None:
        return TASK_NAME if self.run(["schtasks", "/Query", "/TN", TASK_NAME]).returncode == 0 else None

    def _schtasks(self, words: list[str]) -> None:
        done = self.run(["schtasks", *words])
        if done.returncode != 0:
            said = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip()
            raise ScheduleRefused(TASK_NAME, f"schtasks {words[0]}: exit {done.returncode}: {said[:200]}")


def task_xml(command: Sequence[str], user: str, today: str) -> str:
    """The task's definition (Task Scheduler schema 1.2): at this user's logon, a minute after, and once a day;
    started when missed (the computer was off at ten), never twice at once. Never stopped for running long:
    the notification waits for the clerk, and the wizard it opens runs in the same process, renewing."""
    program, *arguments = command
    who = escape(user)
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>ukey-renew：Ukey 证书到期前提醒延期（指南 1.3 注 2）</Description>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger>
      <Enabled>true</Enabled>
      <UserId>{who}</UserId>
      <Delay>PT1M</Delay>
    </LogonTrigger>
    <CalendarTrigger>
      <StartBoundary>{today}T{DAILY_AT}</StartBoundary>
      <Enabled>true</Enabled>
      <ScheduleByDay>
        <DaysInterval>1</DaysInterval>
      </ScheduleByDay>
    </CalendarTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <UserId>{who}</UserId>
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <Enabled>true</Enabled>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{escape(program)}</Command>
      <Arguments>{escape(subprocess.list2cmdline(arguments))}</Arguments>
    </Exec>
  </Actions>
</Task>
"""


def _schtasks(words: list[str]) -> subprocess.CompletedProcess[bytes]:
    """``schtasks`` run hidden; one that cannot be started, or hangs, is a refusal like any other."""
    hidden = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # the wizard's tick must not flash a console
    try:
        return subprocess.run(words, capture_output=True, timeout=30, creationflags=hidden, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ScheduleRefused(TASK_NAME, f"{words[0]}: {type(exc).__name__}") from None


def for_this_system(now: datetime) -> Schedule:
    if sys.platform == "win32":
        user = os.environ.get("USERNAME", "")
        domain = os.environ.get("USERDOMAIN")
        return WindowsTask(f"{domain}\\{user}" if domain else user, now.date().isoformat(), _schtasks)
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return XdgAutostart(Path(config))


# --- what the runs leave -------------------------------------------------------------


def note_run(data_dir: Path, now: datetime) -> None:
    atomic.write_json(data_dir / LAST_RUN, {"ran_at": now.isoformat()})


def last_run(data_dir: Path) -> str | None:
    """When a scheduled reminder last ran; None if never, or if the note cannot be read (it is only a note)."""
    try:
        value: Any = json.loads((data_dir / LAST_RUN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ran = value.get("ran_at") if isinstance(value, dict) else None
    return ran if isinstance(ran, str) else None
