"""The console Windows gives a program started from a script or a scheduled
task: standard input from ``NUL``, which Windows calls a terminal. What the
commands then say is tests/integration/test_renew_cli.py's, run here too."""

from __future__ import annotations

import subprocess
import sys

ASK = "import sys; from ukey_renew import console; print(sys.stdin.isatty(), console.interactive())"


def _interactive(stdin: int) -> str:
    done = subprocess.run([sys.executable, "-c", ASK], stdin=stdin, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_nul_is_a_terminal_to_isatty_but_nobody_types_there() -> None:
    assert _interactive(subprocess.DEVNULL) == "True False"


def test_a_pipe_is_no_terminal() -> None:
    assert _interactive(subprocess.PIPE) == "False False"
