"""Figures for docs/reliability.md: every failure has a way out.

    python -m tests.benchmarks.bench_ways_out [--repeat N]

A hostile but trusted site in each mode of tests/integration/test_renewal.py
(certificates and envelopes refused, a signing certificate alone), then the
honest site; each corrupted journal of the same file, then a rerun; and the
holder input set. Counted: loops (an honest site after the hostile one, or
a rerun after a corrupted journal, still failing), "internal" errors, half
renewals reported as done, second orders, bad input sent. Prints figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization

from tests.integration.test_renewal import (
    CORRUPTED_JOURNALS,
    HOLDER,
    MALFORMED_ENVELOPES,
    WRONG_ENCRYPTION_CERTIFICATES,
    WRONG_SIGNING_CERTIFICATES,
    EditEveryDownload,
    Rig,
    _reference_ca_key,
    _remade,
    _sealed_to_another_key,
    make_rig,
    without_encryption_pair,
)
from tests.rig.prompts import ScriptedPrompts
from ukey_renew.casim.provision import CONTAINER
from ukey_renew.certs import load_certificate
from ukey_renew.errors import HolderInvalid, UkeyError
from ukey_renew.renewal.build import journal_for
from ukey_renew.rules import check_holder

Edit = Callable[[Rig], Callable[[dict[str, Any]], None]]


def _signed(field: str, case: tuple[Callable[..., bytes], str]) -> Edit:
    def edit(rig: Rig) -> Callable[[dict[str, Any]], None]:
        ca_cert = rig.running.site.ca.certificate.public_bytes(serialization.Encoding.DER)
        ca = (_reference_ca_key(rig), asn1_x509.Certificate.load(ca_cert).subject)
        return _remade(field, lambda genuine: case[0](genuine, ca))

    return edit


def _as_is(change: Callable[[dict[str, Any]], None]) -> Edit:
    return lambda rig: change


HOSTILE: dict[str, Edit] = {
    **{f"answer: {name}": _as_is(change) for name, change in MALFORMED_ENVELOPES.items()},
    "answer: no encryption pair at all": _as_is(without_encryption_pair),
    "envelope sealed to another key": _sealed_to_another_key,
    **{f"signing: {name}": _signed("certificate", case) for name, case in WRONG_SIGNING_CERTIFICATES.items()},
    **{f"encryption: {name}": _signed("enc_certificate", case) for name, case in WRONG_ENCRYPTION_CERTIFICATES.items()},
}  # fmt: skip


def _outcome(rig: Rig) -> str:
    try:
        return rig.engine(ScriptedPrompts()).run(*HOLDER).result
    except UkeyError as error:
        return error.id


def _renewed_whole(rig: Rig, result: str) -> bool:
    """Renewed, and both certificates new and ending together: not half."""
    (cert,) = rig.key().certificates()
    if result != "renewed" or cert.enc_der is None:
        return False
    return load_certificate(cert.der).not_after == load_certificate(cert.enc_der).not_after and (
        rig.running.site.ca.issued_this(cert.enc_der)
    )


def hostile_trial(edit: Edit, tally: Counter[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        rig = make_rig(Path(folder) / "home")
        try:
            honest = rig.faults.app
            rig.faults.app = EditEveryDownload(honest, edit(rig))
            refusals = [_outcome(rig), _outcome(rig)]
            rig.faults.app = honest
            final = _outcome(rig)
            tally["runs"] += 3
            tally["internal"] += [*refusals, final].count("internal")
            tally["refusal named the way on"] += "renewal.stuck" in refusals
            tally["loop"] += final != "renewed"
            tally["half renewal reported done"] += "renewed" in refusals or (
                final == "renewed" and not _renewed_whole(rig, final)
            )
            tally["second order"] += len(rig.orders()) > 1
        finally:
            rig.running.stop()


def journal_trial(change: dict[str, object], tally: Counter[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        rig = make_rig(Path(folder) / "home")
        try:
            rig.faults.on("/renew/csr", "500")
            first = _outcome(rig)
            journal = journal_for(rig.home, rig.key().info().serial, CONTAINER)
            data = json.loads(journal.path.read_text(encoding="utf-8"))
            data.update(change)
            journal.path.write_text(json.dumps(data), encoding="utf-8")
            told, final = _outcome(rig), _outcome(rig)
            tally["runs"] += 3
            tally["internal"] += [first, told, final].count("internal")
            tally["set aside, order named"] += told == "journal.set_aside"
            tally["loop"] += final != "renewed"
            tally["half renewal reported done"] += final == "renewed" and not _renewed_whole(rig, final)
            tally["second order"] += len(rig.orders()) > 1
        finally:
            rig.running.stop()


def two_instances_trial(delay: float, tally: Counter[str]) -> None:
    """Two renewals of one key with the old password, the second starting
    ``delay`` seconds after the first, both having found it not renewed today."""
    with tempfile.TemporaryDirectory() as folder:
        rig = make_rig(Path(folder) / "home")
        try:
            retries = rig.key().pin_status().retries_left
            outcomes: list[str] = []

            def second() -> None:
                time.sleep(delay)
                outcomes.append(_outcome(rig))

            late = threading.Thread(target=second)
            late.start()
            outcomes.append(_outcome(rig))
            late.join()
            tally["trials"] += 1
            tally["renewed once"] += outcomes.count("renewed") == 1
            tally["PIN try lost"] += "pin.incorrect" in outcomes or rig.key().pin_status().retries_left != retries
            tally["internal"] += outcomes.count("internal")
            tally["second order"] += len(rig.orders()) > 1
        finally:
            rig.running.stop()


BAD_NAMES = [f"张{c}三" for c in "\n\r\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\x00\x7f"]
BAD_MOBILES = ["١٣٨٠٠١٣٨٠٠٠", "۱۳۸۰۰۱۳۸۰۰۰", "१३८००१३८०००", "১৩৮০০১৩৮০০০", "1380013800٠", "138001\n38000"]


def input_trials() -> tuple[int, int]:
    """(inputs, accepted): every one of them must be refused before anything is sent."""
    accepted = 0
    cases = [(name, "13800138000") for name in BAD_NAMES] + [("张三", mobile) for mobile in BAD_MOBILES]
    for name, mobile in cases:
        try:
            check_holder(name, mobile)
            accepted += 1
        except HolderInvalid:
            pass
    return len(cases), accepted


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    hostile: Counter[str] = Counter()
    for _ in range(args.repeat):
        for edit in HOSTILE.values():
            hostile_trial(edit, hostile)
    trials = len(HOSTILE) * args.repeat
    print(f"hostile site, {len(HOSTILE)} modes x {args.repeat}: {trials} trials, {hostile['runs']} runs")
    for what in ("loop", "internal", "half renewal reported done", "second order", "refusal named the way on"):
        print(f"  {what}: {hostile[what]}")
    journals: Counter[str] = Counter()
    for _ in range(args.repeat):
        for change in CORRUPTED_JOURNALS.values():
            journal_trial(change, journals)
    trials = len(CORRUPTED_JOURNALS) * args.repeat
    print(
        f"corrupted journal fields, {len(CORRUPTED_JOURNALS)} x {args.repeat}: {trials} trials, {journals['runs']} runs"
    )
    for what in ("loop", "internal", "half renewal reported done", "second order", "set aside, order named"):
        print(f"  {what}: {journals[what]}")
    pairs: Counter[str] = Counter()
    for index in range(10 * args.repeat):
        two_instances_trial((index % 10) * 0.15, pairs)
    print(f"two instances on one key, second 0-1.35 s later: {pairs['trials']} trials")
    for what in ("renewed once", "PIN try lost", "internal", "second order"):
        print(f"  {what}: {pairs[what]}")
    count, accepted = input_trials()
    print(f"holder input set: {count} names and mobiles with control characters or other digits, {accepted} accepted")


if __name__ == "__main__":
    main()
