"""Figures for docs/performance.md: the wizard's first paint against a bare
three-page QWizard, in practice mode and in default mode with no key plugged
in (an empty SoftHSM2 token dir), and the longest event-loop stall during a
practice renewal with the reference site answering after one second per call.

    python -m tests.benchmarks.bench_gui [--runs N] [--against DIR]

Both programs are started the same way (a fresh Python process, offscreen)
and report their first paint counted from the moment this script launched
them. ``--against DIR`` also starts the wizard from the source tree in DIR
(another checkout), interleaved, for before-and-after figures from the same
stretch of time. Prints figures and the machine's load; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WIZARD = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
started = float(os.environ["UKEY_RENEW_STARTED_AT"])
app = QApplication(sys.argv[:1])
wizard = QWizard()
for title in ("第一页", "第二页", "第三页"):
    page = QWizardPage()
    page.setTitle(title)
    QVBoxLayout(page).addWidget(QLabel(title))
    wizard.addPage(page)
class Paint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(round((time.time() - started) * 1000, 1), flush=True)
            app.quit()
        return False
watcher = Paint()
wizard.installEventFilter(watcher)
wizard.show()
app.exec()
"""

# The program as ``python -m ukey_renew`` starts it, ended at its first paint
# (a tour would go on through its whole route): many more runs in the time.
# The paint is watched from where the program loads its window, after it has
# set PySide6's import hook up (app._lighter_pyside_import_hook): importing
# the window first, as this script once did, read the source of every module
# of the program a second time through PySide6's own hook.
WIZARD = r"""
import os, runpy, sys, time
started = float(os.environ["UKEY_RENEW_STARTED_AT"])
from ukey_renew.gui import app
set_up = app._lighter_pyside_import_hook
def set_up_then_watch():
    set_up()
    from PySide6.QtCore import QEvent, QObject
    from ukey_renew.gui import window
    class Paint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                print(round((time.time() - started) * 1000, 1), flush=True)
                os._exit(0)
            return False
    painted = Paint()
    show = window.MainWindow.show
    def showing(self):
        self.installEventFilter(painted)
        show(self)
    window.MainWindow.show = showing
app._lighter_pyside_import_hook = set_up_then_watch
sys.argv = ["ukey-renew", *sys.argv[1:]]
runpy.run_module("ukey_renew", run_name="__main__")
"""


def compile_package() -> None:
    """Byte-compile the package first, as installing it with pip does, so that
    no run pays for compiling the sources (PYTHONDONTWRITEBYTECODE would
    otherwise make every run pay)."""
    import compileall

    import ukey_renew

    compileall.compile_dir(Path(ukey_renew.__file__).parent, quiet=1)


def _environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}


def bare_first_paint() -> float:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", BARE_WIZARD],
        env=_environment(UKEY_RENEW_STARTED_AT=repr(started)),
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return float(done.stdout.split()[-1])


def wizard_first_paint(practice: bool, tree: Path | None) -> float:
    """The wizard's first paint in a fresh process, from the source in ``tree`` if given."""
    with tempfile.TemporaryDirectory() as folder:
        tokens = Path(folder) / "tokens"
        tokens.mkdir()
        conf = tokens / "softhsm2.conf"
        conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n", encoding="utf-8")
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-c", WIZARD, *(["--practice"] if practice else [])],
            env=_environment(UKEY_RENEW_HOME=str(Path(folder) / "home"), UKEY_RENEW_STARTED_AT=repr(started),
                             SOFTHSM2_CONF=str(conf), **({"PYTHONPATH": str(tree)} if tree else {})),
            cwd=tree or Path(__file__).resolve().parents[2], capture_output=True, text=True, check=True, timeout=60,
        )  # fmt: skip
        return float(done.stdout.split()[-1])


def tour(latency: float = 0.0, route: str = "renew", tree: Path | None = None) -> dict[str, object]:
    """A tour in a fresh process: ``renew`` in practice mode, ``no-key`` in
    default mode with no key; the program from ``tree`` if given."""
    with tempfile.TemporaryDirectory() as folder:
        home, out, tokens = Path(folder) / "home", Path(folder) / "tour", Path(folder) / "tokens"
        tokens.mkdir()
        conf = tokens / "softhsm2.conf"
        conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n", encoding="utf-8")
        started = time.time()
        subprocess.run(
            [sys.executable, "-m", "ukey_renew", "--practice", "--tour", str(out), "--route", route,
             "--site-latency", str(latency)],
            env=_environment(UKEY_RENEW_HOME=str(home), UKEY_RENEW_STARTED_AT=repr(started), SOFTHSM2_CONF=str(conf),
                             **({"PYTHONPATH": str(tree)} if tree else {})),
            cwd=tree, capture_output=True, check=True, timeout=600,  # python -m: the working directory comes first
        )  # fmt: skip
        report: dict[str, object] = json.loads((out / "tour.json").read_text(encoding="utf-8"))
        return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another source tree of the program, run interleaved")
    args = parser.parse_args()
    compile_package()
    trees: dict[str, Path | None] = {"now": None}
    if args.against:
        import compileall

        compileall.compile_dir(args.against / "ukey_renew", quiet=1)
        trees["before"] = args.against.resolve()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    bare: list[float] = []
    ours: dict[tuple[str, str], list[float]] = {(name, route): [] for name in trees for route in ("renew", "no-key")}
    for _ in range(args.runs):  # interleaved, so all see the same machine
        bare.append(bare_first_paint())
        for (name, route), times in ours.items():
            times.append(wizard_first_paint(route == "renew", trees[name]))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"first paint, bare 3-page QWizard: median {statistics.median(bare):.0f} ms ({args.runs} runs)")
    for (name, route), times in ours.items():
        mode = "--practice" if route == "renew" else "default mode, no key"
        ratio = statistics.median(ours_ms / bare_ms for ours_ms, bare_ms in zip(times, bare, strict=True))
        print(f"[{name}] first paint, ukey-renew wizard ({mode}): median {statistics.median(times):.0f} ms, "
              f"{ratio:.2f}x the bare wizard (median of paired ratios; target <= 1.2x)")  # fmt: skip
    tour_paint = tour(route="no-key")["first_paint_ms"]
    print(f"the tour's own first_paint_ms (default mode, no key, one run): {tour_paint}")
    slow = tour(latency=1.0)
    print(f"practice renewal with 1 s site latency: renewed={slow['renewed']}, "
          f"longest event-loop stall {slow['max_stall_ms']} ms (target <= 50 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
