"""Figures for docs/reliability.md: every failure has a way out.

    python -m tests.benchmarks.bench_ways_out [--repeat N]

A hostile but trusted site in each mode of tests/integration/test_renewal.py
(certificates and envelopes refused, a signing certificate alone), then the
honest site; each corrupted journal of the same file, then a rerun; and the
holder input set. Counted: loops (an honest site after the hostile one, or
a rerun after a corrupted journal, still failing), "internal" errors, half
renewals reported as done, second orders, bad input sent. Then, through
the command line as a user runs it (``--state``): every state file of
tests/integration/test_broken_state.py damaged (records rows, the practice
site's files), each command run on it, then the way on the message names;
and a real small disk filled to 0-128 KiB free before a renewal. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization

from tests.integration.test_broken_state import (
    BROKEN_SITE_FILES,
    SECRETS,
    SITE_IDENTITIES,
    TEXT_DAMAGE,
    _another_identity,
    _garbage,
    _orders,
    _recorded_then,
)
from tests.integration.test_cli import run
from tests.integration.test_renewal import (
    CORRUPTED_JOURNALS,
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
from tests.rig.prompts import HOLDER, PIN, ScriptedPrompts
from tests.rig.small_disk import fill, small_disk
from ukey_renew.casim.provision import CONTAINER
from ukey_renew.certs import load_certificate
from ukey_renew.errors import HolderInvalid, UkeyError
from ukey_renew.renewal.build import journal_for, records
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
        return rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN).result
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


HOLDER_ARGS = ("--holder-name", "张三", "--holder-phone", "13800138000")
RECORD_DATES = ["finished_at", "old_not_after", "new_not_before", "activation_at"]
SET_BY_THE_FIRST = {"UKEY_RENEW_PIN": "abc12345", "UKEY_RENEW_NEW_PASSWORD": "abc12346"}  # after one renewal
READERS = [("receipt", "--json"), ("status", "--support", "--backend", "practice"), ("remind",)]


def _said(done: Any) -> str:
    return str(done.stdout) + str(done.stderr)


def _internal(done: Any) -> bool:
    return "内部错误" in _said(done) or "Traceback" in str(done.stderr)


def records_trials(tally: Counter[str]) -> None:
    """Each damaged record under each reader (receipt, support summary, reminder, bundle)."""
    damages: list[tuple[str, object]] = [
        (f"UPDATE renewals SET {column} = ?", "2026-13-45 garbage") for column in RECORD_DATES
    ]
    damages += [(f"UPDATE renewals SET {column} = ?", value) for column, value in TEXT_DAMAGE.values()]
    for sql, value in damages:
        for reader in [*READERS, None]:
            with tempfile.TemporaryDirectory() as folder:
                home = Path(folder)
                _recorded_then(home, sql, value)
                command = reader or ("support-bundle", str(home / "b.zip"), "--no-network")
                first = run(home, *command)
                again = run(home, *command)  # the way on of records.damaged: run it again
                tally["trials"] += 1
                tally["internal"] += _internal(first) or _internal(again)
                tally["loop"] += "records.damaged" in again.stdout
                tally["mobile shown"] += "13800138000" in _said(first) + _said(again)


def site_file_trials(tally: Counter[str]) -> None:
    """Each damaged practice-site file: a renewal refuses naming it (or the site remakes its own
    identity), `practice reset` rebuilds, and the next renewal goes through with one order."""
    cases = [(where, spoil, True) for where, spoil in BROKEN_SITE_FILES.values()]
    cases += [(where, spoil, False) for where in SITE_IDENTITIES for spoil in (_garbage, _another_identity)]
    for where, spoil, named in cases:
        with tempfile.TemporaryDirectory() as folder:
            home = Path(folder) / "home"
            run(home, "practice", "reset")
            run(home, "renew", "--practice", "--json", *HOLDER_ARGS, env=SECRETS)
            spoil(home / where)
            status = run(home, "status", "--backend", "practice")
            renew = run(home, "renew", "--practice", "--again", "--json", *HOLDER_ARGS, env=SET_BY_THE_FIRST)
            tally["trials"] += 1
            tally["internal"] += _internal(status) or _internal(renew)
            if named:
                tally["named"] += "practice.site_broken" in renew.stdout and str(home / where) in renew.stdout
                run(home, "practice", "reset")
                after = run(home, "renew", "--practice", "--json", *HOLDER_ARGS, env=SECRETS)
            else:
                after = renew
            tally["loop"] += '"renewed"' not in after.stdout
            tally["internal"] += _internal(after)


def disk_trials(tally: Counter[str]) -> None:
    """A renewal with 0-128 KiB free on a real tmpfs, then with room again, then once more."""
    for room in range(0, 129, 8):
        with small_disk(3 * 1024) as disk:
            home = disk / "home"
            run(home, "practice", "reset")
            run(home, "renew", "--practice", "--dry-run", *HOLDER_ARGS, env=SECRETS)
            filler = fill(disk, room)
            full = run(home, "renew", "--practice", "--json", *HOLDER_ARGS, env=SECRETS)
            filler.unlink()
            tally["trials"] += 1
            tally["internal"] += _internal(full)
            tally["disk.full before the order"] += '"disk.full"' in full.stdout and _orders(home) == 0
            tally["renewed"] += '"renewed"' in full.stdout
            tally["site error or SQLite's words"] += "延期网站暂时出错" in _said(full) or "disk I/O" in _said(full)
            pin = "abc12345" if '"renewed"' in full.stdout else "111111"
            run(home, "renew", "--practice", "--json", *HOLDER_ARGS, env={**SECRETS, "UKEY_RENEW_PIN": pin})
            run(home, "renew", "--practice", "--json", *HOLDER_ARGS, env={**SECRETS, "UKEY_RENEW_PIN": "abc12345"})
            tally["second order"] += _orders(home) > 1
            tally["not recorded"] += len(records(home).all()) != 1


def _key_certificates(home: Path) -> tuple[str, str | None]:
    box = next(iter(json.loads((home / "practice-key.json").read_text(encoding="utf-8"))["containers"].values()))
    return box["cert"], box.get("enc_cert")


def kill_trials(tally: Counter[str], every: int = 1) -> None:
    """A renewal killed at every ``every``-th counted moment (tests/rig/killed_at_moment.py), then
    rerun as a user would: the password the program's hint says first (the new one after a stop at
    the password step), the other if refused."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base"
        run(base, "practice", "reset")
        run(base, "renew", "--practice", "--dry-run", *HOLDER_ARGS, env=SECRETS)
        old = _key_certificates(base)
        moments = _moments(base)
        for moment in range(1, moments + 1, every):
            home = Path(folder) / f"killed-{moment}"
            shutil.copytree(base, home)
            subprocess.run(
                [sys.executable, "-m", "tests.rig.killed_at_moment", str(moment), "renew", "--practice", "--json",
                 *HOLDER_ARGS], env={**os.environ, "UKEY_RENEW_HOME": str(home), **SECRETS}, capture_output=True,
            )  # fmt: skip
            now = _key_certificates(home)
            tally["trials"] += 1
            tally["one certificate old after the kill"] += (now[0] != old[0]) != (now[1] != old[1])
            journals = list((home / "journal").glob("*.json"))
            state = json.loads(journals[0].read_text(encoding="utf-8")) if journals else {}
            said = bool(state.get("password_changing")) and "password" not in state.get("done", [])
            new_first = said or "password" in state.get("done", [])
            first, other = ("abc12345", "111111") if new_first else ("111111", "abc12345")
            done = run(home, "renew", "--practice", "--json", *HOLDER_ARGS, env={**SECRETS, "UKEY_RENEW_PIN": first})
            if '"pin.incorrect"' in done.stdout:
                tally["PIN try lost, said beforehand" if said else "PIN try lost, not said"] += 1
                done = run(
                    home, "renew", "--practice", "--json", *HOLDER_ARGS, env={**SECRETS, "UKEY_RENEW_PIN": other}
                )
            tally["internal"] += _internal(done)
            tally["already_done"] += '"renewal.already_done"' in done.stdout
            now = _key_certificates(home)
            tally["not renewed whole at the end"] += now[0] == old[0] or now[1] == old[1]
            tally["second order"] += _orders(home) > 1
            tally["not recorded once"] += len(records(home).all()) != 1


def _moments(base: Path) -> int:
    """How many counted moments a whole renewal has, from a copy run to the end."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "whole"
        shutil.copytree(base, home)
        whole = subprocess.run(
            [sys.executable, "-m", "tests.rig.killed_at_moment", "0", "renew", "--practice", "--json", *HOLDER_ARGS],
            env={**os.environ, "UKEY_RENEW_HOME": str(home), **SECRETS}, capture_output=True, text=True,
        )  # fmt: skip
        return int(whole.stderr.rsplit("moments: ", 1)[1].split()[0])


def state_figures(every: int) -> None:
    kills = functools.partial(kill_trials, every=every)
    for name, trial, counted in (
        ("damaged records x readers", records_trials, ("internal", "loop", "mobile shown")),
        ("practice site files damaged", site_file_trials, ("internal", "named", "loop")),
        (f"killed at counted moments (every {every}), then rerun", kills, ("one certificate old after the kill",
                                                                         "PIN try lost, said beforehand",
                                                                         "PIN try lost, not said", "internal",
                                                                         "already_done", "not renewed whole at the end",
                                                                         "second order", "not recorded once")),
        ("disk 0-128 KiB free, step 8", disk_trials, ("internal", "disk.full before the order", "renewed",
                                                      "site error or SQLite's words", "second order", "not recorded")),
    ):  # fmt: skip
        tally: Counter[str] = Counter()
        trial(tally)
        print(f"{name}: {tally['trials']} trials")
        for what in counted:
            print(f"  {what}: {tally[what]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--state", action="store_true", help="only the state files, kills and the full disk")
    parser.add_argument("--every", type=int, default=1, metavar="N", help="with --state: kill at every N-th moment")
    args = parser.parse_args()
    if args.state:
        state_figures(args.every)
        return
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
