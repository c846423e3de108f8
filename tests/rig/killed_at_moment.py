"""Run the command line and SIGKILL it at its N-th moment: a file opened for
writing, renamed or removed, a folder made, a lock taken or let go, a
database opened, a request sent to the site (Python's audit events, from
every thread). With N 0 it runs to the end and says how many there were.

    python -m tests.rig.killed_at_moment N ARG...
"""

from __future__ import annotations

import os
import sys
from typing import Any

from tests.rig.renew_until import die
from ukey_renew import cli

EVENTS = frozenset({"os.rename", "os.remove", "os.mkdir", "fcntl.flock", "sqlite3.connect", "http.client.send"})
_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND


def is_moment(event: str, args: tuple[Any, ...]) -> bool:
    if event == "open":
        _path, mode, flags = args
        return any(c in mode for c in "wax+") if isinstance(mode, str) else bool(flags & _WRITING)
    return event in EVENTS


def main(kill_at: int, argv: list[str]) -> int:
    seen = 0

    def hook(event: str, args: tuple[Any, ...]) -> None:
        nonlocal seen
        if is_moment(event, args):
            seen += 1
            if seen == kill_at:
                die()

    sys.addaudithook(hook)
    code = cli.main(argv)
    print(f"moments: {seen}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]), sys.argv[2:]))
