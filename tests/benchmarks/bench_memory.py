"""Figures for docs/performance.md: the wizard's memory while it idles on its
first page, against the bare three-page QWizard of ``bench_gui``.

    python -m tests.benchmarks.bench_memory [--minutes 30] [--every 30]

Starts three programs side by side, each a fresh Python process, offscreen:
the bare wizard, the wizard in practice mode (practice key set up
beforehand) and the wizard in default mode with no key plugged in (an empty
SoftHSM2 token dir). Samples each one's resident memory (``VmRSS``) every
``--every`` seconds for ``--minutes``, then prints, for each, the RSS after
the first minute, its ratio to the bare wizard's, and the slope of a least-
squares line through the samples after the first minute (MiB per hour): flat
means nothing accumulates while it idles; and, at the last sample, what the
resident memory of each is made of (``/proc/PID/smaps``, by what is mapped:
the heap, Qt's libraries, the fonts' files, OpenSSL, SQLite, the key
drivers). Linux only (``/proc``). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.benchmarks.bench_gui import BARE_WIZARD, compile_package

IDLE_BARE = BARE_WIZARD.replace("app.quit()", "pass")  # painted, then left to idle


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise LookupError("no VmRSS")


# What a mapping's path says it holds; the first match names it.
_KINDS = (
    ("fonts", "font files (the CJK glyphs on show)"),
    ("libcrypto", "OpenSSL libcrypto"),
    ("_hashlib", "OpenSSL libcrypto"),
    ("sqlite", "SQLite"),
    ("pkcs11", "PKCS#11 (python-pkcs11, SoftHSM2)"),
    ("softhsm", "PKCS#11 (python-pkcs11, SoftHSM2)"),
    ("scard", "PC/SC"),
    ("pcsclite", "PC/SC"),
    ("PySide6", "Qt and PySide6 code"),
    ("shiboken", "Qt and PySide6 code"),
    ("[anon]", "heap: Python's and Qt's objects"),
    ("[heap]", "heap: Python's and Qt's objects"),
)


def made_of(pid: int) -> dict[str, float]:
    """Resident MiB by what is mapped there."""
    kinds: dict[str, float] = {}
    kind = ""
    for line in Path(f"/proc/{pid}/smaps").read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split()
        if "-" in fields[0] and not fields[0].endswith(":"):  # a mapping's first line: range, perms, ..., path
            path = fields[5] if len(fields) > 5 else "[anon]"
            kind = next((name for part, name in _KINDS if part in path), "other files")
        elif fields[0] == "Rss:":
            kinds[kind] = kinds.get(kind, 0.0) + int(fields[1]) / 1024
    return kinds


def slope_per_hour(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MiB), in MiB per hour."""
    if len(samples) < 2:
        return 0.0
    return float(statistics.linear_regression([t for t, _ in samples], [m for _, m in samples]).slope) * 3600


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--every", type=float, default=30.0)
    args = parser.parse_args()
    compile_package()
    folder = Path(tempfile.mkdtemp())
    tokens = folder / "tokens"
    tokens.mkdir()
    conf = tokens / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n", encoding="utf-8")
    base = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOFTHSM2_CONF": str(conf), "UKEY_RENEW_STARTED_AT": "0"}
    homes = {"practice": folder / "practice", "default": folder / "default"}
    from ukey_renew.casim.provision import reset_practice_key

    reset_practice_key(homes["practice"], datetime.now(UTC))
    commands = {
        "bare": ([sys.executable, "-c", IDLE_BARE], base),
        "practice": (
            [sys.executable, "-m", "ukey_renew", "--practice"],
            {**base, "UKEY_RENEW_HOME": str(homes["practice"])},
        ),
        "default": ([sys.executable, "-m", "ukey_renew"], {**base, "UKEY_RENEW_HOME": str(homes["default"])}),
    }
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    running = {
        name: subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for name, (command, env) in commands.items()
    }
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in running}
    started = time.monotonic()
    try:
        while (elapsed := time.monotonic() - started) < args.minutes * 60:
            for name, process in running.items():
                if process.poll() is not None:
                    raise SystemExit(f"{name} ended with {process.returncode}")
                samples[name].append((elapsed, rss_mib(process.pid)))
            time.sleep(args.every)
        parts = {name: made_of(process.pid) for name, process in running.items()}
    finally:
        for process in running.values():
            process.terminate()
            process.wait(timeout=30)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("resident at the last sample, MiB (bare / practice / default):")
    for kind in sorted({kind for made in parts.values() for kind in made}):
        print(f"  {kind}: " + " / ".join(f"{parts[name].get(kind, 0.0):.1f}" for name in running))
    settled = {name: [s for s in taken if s[0] >= 60] or taken[-1:] for name, taken in samples.items()}
    bare = settled["bare"][0][1]
    for name, taken in settled.items():
        first, last = taken[0][1], taken[-1][1]
        print(
            f"{name}: RSS {first:.1f} MiB after the first minute ({first / bare:.2f}x bare), "
            f"{last:.1f} MiB at {taken[-1][0] / 60:.0f} min, slope {slope_per_hour(taken):+.2f} MiB/h "
            f"over {len(taken)} samples"
        )


if __name__ == "__main__":
    main()
