"""Figures for docs/performance.md: what the wizard does while nobody uses it.

    python -m tests.benchmarks.bench_idle [--seconds 30] [--cpu-seconds 180] [--pcscd]

The wizard in default mode on its first page with no key plugged in (an
empty SoftHSM2 token dir, so the machine's own keys do not count), left to
settle for 5 s, then watched for ``--seconds``: the events Qt delivered
(counted by an application event filter installed only for the count) and
the process's CPU time over the stretch; then, the filter removed, the CPU
time alone over ``--cpu-seconds``, beside the bare three-page QWizard's
over the same minutes (its anchor, started with it), how often the threads other than the
GUI's woke (each wake ends in a voluntary context switch) and the threads
alive at its end. ``--pcscd``: with the PC/SC service running and its
virtual readers (pcscd + vpcd, as on an office PC whose smart-card service
runs), so the card-event thread waits in it. First,
what each look's search for the PKCS#11 drivers of ``resources/tokens.toml``
costs on Windows, simulated: a System32 of ``--system32-files`` files,
``%SystemRoot%`` expanded as Windows expands it. Prints figures and the
machine's load; asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.benchmarks.bench_memory import IDLE_BARE


def driver_search(files: int, looks: int = 20) -> None:
    import ntpath

    from ukey_renew.token import pkcs11

    root = Path(tempfile.mkdtemp())
    for folder in ("System32", "SysWOW64"):
        (root / folder).mkdir()
        for number in range(files if folder == "System32" else files // 2):
            (root / folder / f"file{number}.dll").write_bytes(b"")
    os.environ["SystemRoot"] = str(root)
    expandvars, os.path.expandvars = os.path.expandvars, ntpath.expandvars
    try:
        times = []
        for _ in range(looks):
            started = time.process_time()
            pkcs11.module_candidates("win32")
            times.append((time.process_time() - started) * 1000)
    finally:
        os.path.expandvars = expandvars
    print(f"drivers' search, Windows simulated ({files} files in System32, {files // 2} in SysWOW64): "
          f"first look {times[0]:.2f} ms CPU, each later look {statistics.median(times[1:]):.3f} ms "
          f"(median of {looks - 1})")  # fmt: skip


def wakes() -> dict[str, int]:
    """Each thread's voluntary context switches but the GUI thread's (Linux's ``/proc``)."""
    counts = {}
    for task in Path("/proc/self/task").iterdir():
        if int(task.name) == os.getpid():
            continue
        status = (task / "status").read_text()
        counts[task.name] = int(status.split("voluntary_ctxt_switches:")[1].split()[0])
    return counts


def cpu_time_ms(pid: int) -> float:
    """A process's CPU time so far, every thread's, to the nanosecond (``/proc/PID/task/*/schedstat``)."""
    return sum(int((task / "schedstat").read_text().split()[0]) for task in Path(f"/proc/{pid}/task").iterdir()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--cpu-seconds", type=float, default=180.0)
    parser.add_argument("--system32-files", type=int, default=4000)
    parser.add_argument("--pcscd", action="store_true")
    args = parser.parse_args()
    driver_search(args.system32_files)
    service = None
    if args.pcscd:
        from tests.rig import pcscd

        service = pcscd.ensure_running()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home, tokens = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    conf = tokens / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n", encoding="utf-8")
    os.environ.update(UKEY_RENEW_HOME=str(home), SOFTHSM2_CONF=str(conf))
    # The anchor, idling beside the wizard over the same minutes.
    bare = subprocess.Popen([sys.executable, "-c", IDLE_BARE], env={**os.environ, "UKEY_RENEW_STARTED_AT": "0"},
                            stdout=subprocess.DEVNULL)  # fmt: skip

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from ukey_renew.gui.context import Context
    from ukey_renew.gui.window import MainWindow
    from ukey_renew.session import Session

    app = QApplication(sys.argv[:1])
    session = Session(home, practice_only=False)
    window = MainWindow(Context(session=session))
    window.show()
    counts: collections.Counter[str] = collections.Counter()

    class Counting(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            counts[event.type().name] += 1
            return False

    counting = Counting()
    started: list[float] = []
    woken_before: dict[str, int] = {}

    def watch() -> None:
        app.installEventFilter(counting)
        started.append(time.process_time())
        QTimer.singleShot(int(args.seconds * 1000), report)

    def report() -> None:
        app.removeEventFilter(counting)
        cpu_ms = (time.process_time() - started[0]) * 1000
        per_minute = 60 / args.seconds
        print(f"idle {args.seconds:g} s, default mode, no key: {sum(counts.values())} events, "
              f"CPU {cpu_ms * per_minute:.0f} ms/min (with the counting filter)")  # fmt: skip
        print("most frequent:", ", ".join(f"{name} {count}" for name, count in counts.most_common(6)))
        started.extend((time.process_time(), cpu_time_ms(bare.pid)))
        woken_before.update(wakes())
        QTimer.singleShot(int(args.cpu_seconds * 1000), report_cpu)

    def report_cpu() -> None:
        used = (time.process_time() - started[-2]) * 1000
        bare_used = cpu_time_ms(bare.pid) - started[-1]
        now = wakes()
        woke = sum(count - woken_before.get(thread, 0) for thread, count in now.items())
        ended = len(woken_before.keys() - now.keys())
        print(f"idle {args.cpu_seconds:g} s more, no filter: CPU {used:.0f} ms, "
              f"{used * 60 / args.cpu_seconds:.1f} ms/min (bare QWizard beside it: "
              f"{bare_used * 60 / args.cpu_seconds:.1f} ms/min); other threads woke {woke * 60 / args.cpu_seconds:.1f} "
              f"times/min ({ended} ended meanwhile, not counted); threads alive: {threading.active_count()}; "
              f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")  # fmt: skip
        app.quit()

    QTimer.singleShot(5000, watch)  # the first look and the no-key checks done
    app.exec()
    session.close()
    bare.terminate()
    if service is not None:
        service.terminate()


if __name__ == "__main__":
    main()
