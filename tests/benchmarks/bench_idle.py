"""Figures for docs/performance.md: what the wizard does while nobody uses it.

    python -m tests.benchmarks.bench_idle [--seconds 30] [--cpu-seconds 180]

The wizard in default mode on its first page with no key plugged in (an
empty SoftHSM2 token dir, so the machine's own keys do not count), left to
settle for 5 s, then watched for ``--seconds``: the events Qt delivered
(counted by an application event filter installed only for the count) and
the process's CPU time over the stretch; then, the filter removed, the CPU
time alone over ``--cpu-seconds`` and the threads alive at its end. Prints
figures and the machine's load; asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import threading
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--cpu-seconds", type=float, default=180.0)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home, tokens = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    conf = tokens / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n", encoding="utf-8")
    os.environ.update(UKEY_RENEW_HOME=str(home), SOFTHSM2_CONF=str(conf))

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
        started.append(time.process_time())
        QTimer.singleShot(int(args.cpu_seconds * 1000), report_cpu)

    def report_cpu() -> None:
        cpu_ms = (time.process_time() - started[-1]) * 1000
        print(f"idle {args.cpu_seconds:g} s more, no filter: CPU {cpu_ms:.0f} ms, "
              f"{cpu_ms * 60 / args.cpu_seconds:.0f} ms/min; threads alive: {threading.active_count()}; "
              f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")  # fmt: skip
        app.quit()

    QTimer.singleShot(5000, watch)  # the first look and the no-key checks done
    app.exec()
    session.close()


if __name__ == "__main__":
    main()
