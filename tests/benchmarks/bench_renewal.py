"""Figures for docs/performance.md: how long a practice renewal takes on this
machine, alone and twenty at once, and how fast certificates parse.

    python -m tests.benchmarks.bench_renewal [--runs N]

Prints figures; asserts nothing (timings are not tests).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.rig.prompts import PIN, ScriptedPrompts, renew_practice
from ukey_renew import certs
from ukey_renew.casim.config import SiteConfig
from ukey_renew.casim.provision import CONTAINER, reset_practice_key
from ukey_renew.casim.site import ReferenceSite
from ukey_renew.certs import load_certificate
from ukey_renew.renewal.build import build_engine
from ukey_renew.site.client import SiteClient

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "certs"


def one_renewal() -> float:
    """Wall time of a whole practice renewal: site start, nine steps, site stop."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        reset_practice_key(home, datetime.now(UTC))
        started = time.perf_counter()
        renew_practice(home)
        return time.perf_counter() - started


def concurrent_renewals(count: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        keys = [reset_practice_key(home, datetime.now(UTC), key_path=home / f"k{i}.json") for i in range(count)]
        running = ReferenceSite(home, SiteConfig(fixed_captcha="2309")).serve()

        def renew(key: object) -> None:
            client = SiteClient(running.profile, running.ca_file)
            engine = build_engine(key, CONTAINER, client, home, ScriptedPrompts())  # type: ignore[arg-type]
            engine.run("张三", "13800138000", pin=PIN)

        threads = [threading.Thread(target=renew, args=(key,)) for key in keys]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        done = sum(order.state == "done" for order in running.site.state.orders())
        running.stop()
        assert done == count, f"{done} of {count} orders completed"
        return elapsed


def certificate_parsing(rounds: int = 2000, *, again: bool = False) -> float:
    """Seconds a certificate's read takes: parsed anew, or (``again``) one already parsed, which is kept."""
    blobs = [path.read_bytes() for path in sorted(FIXTURES.glob("*.pem"))]
    started = time.perf_counter()
    for index in range(rounds):
        if not again:
            certs._read.cache_clear()
        load_certificate(blobs[index % len(blobs)])
    return (time.perf_counter() - started) / rounds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    single = [one_renewal() for _ in range(args.runs)]
    print(f"practice renewal, end to end: median {statistics.median(single):.3f} s "
          f"(min {min(single):.3f}, max {max(single):.3f}, {args.runs} runs)")  # fmt: skip
    print(f"20 concurrent renewals on one site: {concurrent_renewals(20):.3f} s wall")
    print(f"certificate parse (SM2 fixtures, PEM): {certificate_parsing() * 1e6:.0f} µs each, "
          f"{certificate_parsing(again=True) * 1e6:.0f} µs read again")  # fmt: skip


if __name__ == "__main__":
    main()
