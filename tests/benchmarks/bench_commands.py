"""Figures for docs/performance.md: commands as whole processes.

    python -m tests.benchmarks.bench_commands [--runs 9] [--against DIR] [--bundle EXE ...]

- ``status --backend pkcs11`` on a SoftHSM2 token holding a certificate,
  against ``pkcs11-tool -O`` listing the same token's objects (the ratio is
  the median of paired ratios, the two run one after the other);
- a practice renewal (``renew --practice --json``: the practice key set up,
  the reference site started, guide 2.2's steps, the site stopped).

``--against DIR`` also runs each command of ours from the source tree in
DIR (another checkout of the program), interleaved with this one, so a
change is measured before and after on the same machine at the same time.
``--bundle EXE`` also runs ``status`` from the bundled program (``dist/ukey-renew/ukey-renew``);
given again, from each build (one built otherwise, to compare), all interleaved.

Beside them, the floors any Python program starts from on this machine:
the interpreter doing nothing (with ``site``, which loads the environment's
``.pth`` files, and without, as the bundle starts), and the interpreter
without ``site`` importing python-pkcs11 alone (with the asn1crypto it
pulls in): what ``status --backend pkcs11`` cannot do without.
Prints the machine's load with the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_gui import compile_package
from tests.rig.softhsm import SoftHSM, module_path, unit_certificate

PIN = "123456"


def timed(command: list[str], env: dict[str, str], tree: Path | None = None) -> float:
    """``python -m`` puts the working directory first on the path: a tree's program runs from the tree."""
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=tree, capture_output=True, check=True, timeout=120)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--against", type=Path, help="another source tree of the program, run interleaved")
    parser.add_argument(
        "--bundle", type=Path, action="append", default=[], help="a bundled program, its status run interleaved"
    )
    args = parser.parse_args()
    compile_package()
    module = module_path()
    if module is None or shutil.which("pkcs11-tool") is None:
        raise SystemExit("SoftHSM2 and pkcs11-tool are needed")
    folder = Path(tempfile.mkdtemp())
    softhsm = SoftHSM(folder / "softhsm")
    softhsm.init_token("bench", PIN)
    _, der = unit_certificate(folder / "cert", 30)
    softhsm.import_certificate("bench", PIN, der, "UnitCert")
    trees = {"now": Path(__file__).resolve().parents[2]}
    if args.against:
        trees["before"] = args.against.resolve()
        compileall_tree(args.against)

    def env(tree: Path, **extra: str) -> dict[str, str]:
        return {**softhsm.env, "PYTHONPATH": str(tree), **extra}

    tool: list[float] = []
    status: dict[str, list[float]] = {name: [] for name in trees}
    renewal: dict[str, list[float]] = {name: [] for name in trees}
    bundled: dict[Path, list[float]] = {bundle: [] for bundle in args.bundle}
    packages = next(path for path in sys.path if path.endswith("site-packages"))
    floors = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -S -c pass": [sys.executable, "-S", "-c", "pass"],
        "python -S, import pkcs11": [
            sys.executable,
            "-S",
            "-c",
            f"import sys; sys.path.append({packages!r}); import pkcs11",
        ],
    }
    floor_ms: dict[str, list[float]] = {name: [] for name in floors}
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    status_command = [sys.executable, "-m", "ukey_renew", "status", "--backend", "pkcs11"]
    renew_command = [sys.executable, "-m", "ukey_renew", "renew", "--practice", "--json",
                     "--holder-name", "张三", "--holder-phone", "13800138000"]  # fmt: skip
    answers = {"UKEY_RENEW_PIN": "111111", "UKEY_RENEW_NEW_PASSWORD": "abc12345"}
    for _ in range(args.runs):  # interleaved: every program sees the same machine
        tool.append(timed(["pkcs11-tool", "--module", module, "-O"], softhsm.env))
        for name, command in floors.items():
            floor_ms[name].append(timed(command, softhsm.env, folder))
        for name, tree in trees.items():
            with tempfile.TemporaryDirectory() as home:
                status[name].append(timed(status_command, env(tree, UKEY_RENEW_HOME=home), tree))
            with tempfile.TemporaryDirectory() as home:
                renewal[name].append(timed(renew_command, env(tree, UKEY_RENEW_HOME=home, **answers), tree))
        for bundle, runs in bundled.items():
            with tempfile.TemporaryDirectory() as home:
                command = [str(bundle), "status", "--backend", "pkcs11"]
                runs.append(timed(command, {**softhsm.env, "UKEY_RENEW_HOME": home}))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"pkcs11-tool -O: median {statistics.median(tool):.0f} ms ({args.runs} runs)")
    for name, runs in floor_ms.items():
        ratio = statistics.median(ours / theirs for ours, theirs in zip(runs, tool, strict=True))
        print(f"floor, {name}: median {statistics.median(runs):.0f} ms, {ratio:.1f}x pkcs11-tool -O")
    for name in trees:
        ratio = statistics.median(ours / theirs for ours, theirs in zip(status[name], tool, strict=True))
        print(f"[{name}] status --backend pkcs11: median {statistics.median(status[name]):.0f} ms, "
              f"{ratio:.1f}x pkcs11-tool -O (median of paired ratios; target <= 5x)")  # fmt: skip
        renewed = [ms / 1000 for ms in renewal[name]]
        print(f"[{name}] practice renewal, whole process: median {statistics.median(renewed):.2f} s "
              f"(min {min(renewed):.2f}, max {max(renewed):.2f}; target <= 0.4 s)")  # fmt: skip
    for bundle, runs in bundled.items():
        ratio = statistics.median(ours / theirs for ours, theirs in zip(runs, tool, strict=True))
        print(f"[bundle {bundle}] status --backend pkcs11: median {statistics.median(runs):.0f} ms, "
              f"{ratio:.1f}x pkcs11-tool -O (median of paired ratios)")  # fmt: skip
    if "before" in trees:  # each run's pair saw the same moment of a shared machine
        ratio = statistics.median(now / before for now, before in zip(renewal["now"], renewal["before"], strict=True))
        print(f"practice renewal, now / before: {ratio:.2f} (median of paired ratios)")


def compileall_tree(tree: Path) -> None:
    import compileall

    compileall.compile_dir(tree / "ukey_renew", quiet=1)


if __name__ == "__main__":
    main()
