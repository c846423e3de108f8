"""Figures for docs/performance.md: what a command loads before it answers.

    python -m tests.benchmarks.bench_cli_imports

Each command run in a fresh interpreter (an empty data dir) with Python's
``-X importtime``: the modules imported, the heavy packages among them, and
the import time the program's own imports took (with all they pull in). Prints figures; asserts nothing (the test
``test_status_of_one_backend_loads_only_that_backend`` holds the line).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

COMMANDS = (
    ("--help",),
    ("status", "--backend", "pkcs11", "--json"),
    ("status", "--json"),
    ("remind", "--json"),
    ("renew", "--practice", "--json", "--holder-name", "张三", "--holder-phone", "13800138000"),  # last: makes the key
)
ANSWERS = {"UKEY_RENEW_PIN": "111111", "UKEY_RENEW_NEW_PASSWORD": "abc12345"}  # the renewal's, unasked
HEAVY = ("PySide6", "smartcard", "requests", "cryptography", "werkzeug", "pkcs11")


def main() -> None:
    env = {**os.environ, **ANSWERS, "UKEY_RENEW_HOME": tempfile.mkdtemp()}
    print(f"{'command':40} {'modules':>7} {'import ms':>9}  heavy packages")
    for command in COMMANDS:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "ukey_renew", *command],
            env=env, capture_output=True, encoding="utf-8", timeout=120,
        )  # fmt: skip
        rows = [line.split("|") for line in done.stderr.splitlines() if line.startswith("import time:")][1:]
        names = [row[2].strip() for row in rows]
        # cumulative µs of the program's own top-level imports (Python's start-up, site and .pth files, left out)
        top = sum(int(row[1]) for row in rows if row[2].startswith(" ukey_renew"))
        heavy = sorted({name.split(".")[0] for name in names} & set(HEAVY))
        print(f"{' '.join(command[:3]):40} {len(names):7} {top / 1000:9.0f}  {', '.join(heavy) or '-'}")


if __name__ == "__main__":
    main()
