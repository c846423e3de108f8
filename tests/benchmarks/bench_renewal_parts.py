"""Figures for docs/performance.md: where a practice renewal's whole process
spends its time (``renew --practice --json`` in a fresh home, as
``bench_commands`` runs it).

    python -m tests.benchmarks.bench_renewal_parts [--runs 9] [--against DIR]

A first run lists the modules the renewal loads, in the order it loads
them. Each timed run then starts a fresh interpreter that imports those
modules first (the imports apart from the work they serve), then runs the
program as ``python -m ukey_renew`` does, noting the moment each part ends:
the practice key and its CA made, the site started, each of guide 2.2's
steps, the site stopped. The interpreter's start (with ``site``) is counted
from the parent's start of the process, its end to the parent's sight of it
ended. ``--against DIR`` runs another source tree's program interleaved.
Also printed: the time the garbage collector ran during the renewal. Prints
medians; asserts nothing.
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

RENEW = ["renew", "--practice", "--json", "--holder-name", "张三", "--holder-phone", "13800138000"]
ANSWERS = {"UKEY_RENEW_PIN": "111111", "UKEY_RENEW_NEW_PASSWORD": "abc12345"}

_LIST = """
import runpy, sys
sys.argv = ["ukey_renew", *sys.argv[1:]]
before = set(sys.modules)
try:
    runpy.run_module("ukey_renew", run_name="__main__")
except SystemExit:
    pass
loaded = [name for name, module in sys.modules.items() if name not in before and module is not None]
print("\\n".join(loaded), file=sys.stderr)  # None: a module the program keeps from loading
"""

_TIMED = """
import functools, gc, importlib, json, os, runpy, sys, time
marks = [("interpreter and site", time.monotonic_ns())]
collected = [0]
started = [0]
gc.callbacks.append(lambda phase, info: started.__setitem__(0, time.perf_counter_ns()) if phase == "start"
                    else collected.__setitem__(0, collected[0] + time.perf_counter_ns() - started[0]))
for name in os.environ["BENCH_MODULES"].split():
    try:
        importlib.import_module(name)
    except Exception:  # a module the platform lacks, tried and passed over by its importer
        pass
marks.append(("imports", time.monotonic_ns()))

def noted(owner, name, label):
    function = getattr(owner, name)
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        result = function(*args, **kwargs)
        marks.append((label(args) if callable(label) else label, time.monotonic_ns()))
        return result
    setattr(owner, name, wrapper)

practice = importlib.import_module("ukey_renew.practice")
engine = importlib.import_module("ukey_renew.renewal.engine").RenewalEngine
noted(practice, "ensure_key", "practice key and its CA made")
noted(practice, "serve_site", "site started")
noted(engine, "_step", lambda args: "step " + args[1])
noted(importlib.import_module("ukey_renew.session.base").SessionBase, "close", "site stopped")
sys.argv = ["ukey_renew", *sys.argv[1:]]
try:
    runpy.run_module("ukey_renew", run_name="__main__")
except SystemExit:
    pass
marks.append(("result printed", time.monotonic_ns()))
print(json.dumps({"marks": marks, "gc_ns": collected[0]}), file=sys.stderr)
"""


def listed_modules(tree: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as home:
        done = subprocess.run(
            [sys.executable, "-c", _LIST, *RENEW], env=_env(tree, home), cwd=tree,
            capture_output=True, encoding="utf-8", timeout=120, check=True,
        )  # fmt: skip
    names = [line for line in done.stderr.splitlines() if line and " " not in line]
    return [name for name in names if not name.endswith("__main__")]  # importing it would run the program


def timed_parts(tree: Path, modules: list[str]) -> dict[str, float]:
    """Milliseconds of each part of one whole-process renewal."""
    with tempfile.TemporaryDirectory() as home:
        env = {**_env(tree, home), "BENCH_MODULES": " ".join(modules)}
        started = time.monotonic_ns()
        done = subprocess.run(
            [sys.executable, "-c", _TIMED, *RENEW], env=env, cwd=tree,
            capture_output=True, encoding="utf-8", timeout=120, check=True,
        )  # fmt: skip
        ended = time.monotonic_ns()
    found = json.loads(done.stderr.strip().splitlines()[-1])
    parts, previous = {}, started
    for label, moment in found["marks"]:
        parts[label] = (moment - previous) / 1e6
        previous = moment
    parts["interpreter's end"] = (ended - previous) / 1e6
    parts["whole process"] = (ended - started) / 1e6
    parts["(garbage collector, imports and work)"] = found["gc_ns"] / 1e6
    return parts


def _env(tree: Path, home: str) -> dict[str, str]:
    return {**os.environ, **ANSWERS, "PYTHONPATH": str(tree), "UKEY_RENEW_HOME": home}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--against", type=Path, help="another source tree of the program, run interleaved")
    args = parser.parse_args()
    from tests.benchmarks.bench_commands import compileall_tree

    trees = {"now": Path(__file__).resolve().parents[2]}
    if args.against:
        trees["before"] = args.against.resolve()
    for tree in trees.values():
        compileall_tree(tree)
    modules = {name: listed_modules(tree) for name, tree in trees.items()}
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.runs):  # interleaved: each tree sees the same machine
        for name, tree in trees.items():
            runs[name].append(timed_parts(tree, modules[name]))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name in trees:
        print(f"[{name}] {len(modules[name])} modules loaded; medians of {args.runs} runs, ms:")
        for part in runs[name][0]:
            values = [run[part] for run in runs[name] if part in run]
            print(f"  {part:40} {statistics.median(values):7.1f}  (min {min(values):.1f})")


if __name__ == "__main__":
    main()
