"""Figures for docs/performance.md on the bundled program (PyInstaller).

    python -m PyInstaller build.spec --noconfirm
    python -m PyInstaller build.spec --noconfirm --distpath dist/onefile -- --onefile
    python -m tests.benchmarks.bench_bundle [--runs N] [--bundle dist/ukey-renew/ukey-renew]
                                            [--onefile dist/onefile/ukey-renew] [--cert-only]

Size on disk, a quick command (``cert``) from source, the folder and the one
file, first paint from the bundle and from source against a bare three-page
QWizard (same run), peak memory idle on the first page against the bare
script, and a headless practice renewal. Prints figures; asserts nothing.
Offscreen, like CI.
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

from tests.benchmarks.bench_gui import BARE_WIZARD, bare_first_paint, compile_package


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}


def folder_size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file() and not file.is_symlink())


def tour_first_paint(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "tour"
        started = time.time()
        subprocess.run(
            [*command, "--practice", "--tour", str(out)],
            env=_env(UKEY_RENEW_HOME=str(Path(folder) / "home"), UKEY_RENEW_STARTED_AT=repr(started)),
            capture_output=True, check=True, timeout=300,
        )  # fmt: skip
        return float(json.loads((out / "tour.json").read_text(encoding="utf-8"))["first_paint_ms"])


def idle_peak_memory(command: list[str], prepare: list[str] | None = None, settle: float = 3.0) -> int:
    """VmHWM (peak resident set, KiB) of a program left idle on its first
    page; ``prepare`` runs first in the same home (to set up the practice key)."""
    with tempfile.TemporaryDirectory() as folder:
        if prepare:
            subprocess.run(prepare, env=_env(UKEY_RENEW_HOME=folder), capture_output=True, check=True, timeout=120)
        process = subprocess.Popen(
            command,
            env=_env(UKEY_RENEW_HOME=folder, UKEY_RENEW_STARTED_AT=repr(time.time())),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(settle)  # start-up and the first page's key detection; then idle
            status = Path(f"/proc/{process.pid}/status").read_text(encoding="utf-8")
            return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))
        finally:
            process.kill()
            process.wait()


def cert_ms(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of ``cert`` on the self-test certificate, the
    programs taking turns so that a busy machine slows all of them alike."""
    pem = str(Path(__file__).resolve().parents[2] / "resources" / "selftest" / "sm2.pem")
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            for name, command in commands.items():
                started = time.perf_counter()
                subprocess.run([*command, "cert", pem], env=_env(UKEY_RENEW_HOME=folder), capture_output=True,
                               check=True, timeout=120)  # fmt: skip
                times[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def renewal_seconds(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        subprocess.run(
            [*command, "renew", "--practice", "--json", "--holder-name", "张三", "--holder-phone", "13800138000"],
            env=_env(UKEY_RENEW_HOME=folder, UKEY_RENEW_PIN="111111", UKEY_RENEW_NEW_PASSWORD="abc12345"),
            capture_output=True, check=True, timeout=120,
        )  # fmt: skip
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", default="dist/ukey-renew/ukey-renew")
    parser.add_argument("--onefile", default="dist/onefile/ukey-renew", help="left out when not built")
    parser.add_argument("--cert-only", action="store_true", help="only the sizes and the cert command")
    args = parser.parse_args()
    bundle = [str(Path(args.bundle).resolve())]
    source = [sys.executable, "-m", "ukey_renew"]
    compile_package()

    print(f"bundle on disk: {folder_size(Path(args.bundle).parent) / 1e6:.1f} MB ({Path(args.bundle).parent})")
    quick = {"source": source, "folder": bundle}
    if Path(args.onefile).is_file():
        print(f"one-file program: {Path(args.onefile).stat().st_size / 1e6:.1f} MB ({args.onefile})")
        quick["one file"] = [str(Path(args.onefile).resolve())]
    cert = cert_ms(quick, max(args.runs, 10))
    print("cert: " + ", ".join(f"{name} {ms:.0f} ms = {ms / cert['source']:.2f}x source" for name, ms in cert.items()))
    if args.cert_only:
        return
    bare, from_source, from_bundle = [], [], []
    for _ in range(args.runs):
        bare.append(bare_first_paint())
        from_source.append(tour_first_paint(source))
        from_bundle.append(tour_first_paint(bundle))
    bare_ms = statistics.median(bare)
    for name, values, target in (("source", from_source, 1.5), ("bundle", from_bundle, 2.0)):
        ms = statistics.median(values)
        ratio = ms / bare_ms
        print(f"first paint from {name}: median {ms:.0f} ms = {ratio:.2f}x bare {bare_ms:.0f} ms (target <= {target}x)")
    bare_kib = statistics.median(
        idle_peak_memory([sys.executable, "-c", BARE_WIZARD.replace("app.quit()", "pass")]) for _ in range(3)
    )
    for name, command, prepare in (
        ("source, practice key already set up", [*source, "--practice"], [*source, "practice", "reset"]),
        ("source, first start (sets the practice key up)", [*source, "--practice"], None),
        ("bundle, practice key already set up", [*bundle, "--practice"], [*bundle, "practice", "reset"]),
    ):
        ours_kib = statistics.median(idle_peak_memory(command, prepare) for _ in range(3))
        print(f"peak memory idle on the first page, {name}: {ours_kib / 1024:.1f} MiB "
              f"vs bare {bare_kib / 1024:.1f} MiB = {ours_kib / bare_kib:.2f}x (target <= 1.3x)")  # fmt: skip
    from_source_s, from_bundle_s = renewal_seconds(source), renewal_seconds(bundle)
    print(f"headless practice renewal: source {from_source_s:.2f} s, bundle {from_bundle_s:.2f} s (target <= 3 s)")


if __name__ == "__main__":
    main()
