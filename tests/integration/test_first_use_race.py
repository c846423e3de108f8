"""First use by several processes at once: two `practice
reset`, or two renewals right after one, each making the reference CAs, the
site's TLS and signing identities, the site's records and the practice key.

Several creators start each round together on a fresh data dir (they wait for
one "go" file) while a watcher reads every key pair and the practice key as
soon as it is there, as another process would: a file seen half-made fails the
watcher, a creator's error fails the round, and a pair left mismatched fails
the checks after it. The processes start once and play every round, so a
round costs the work, not Python's start.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import PublicFormat

from ukey_renew.casim.provision import reference_ca, reset_practice_key
from ukey_renew.casim.site import ReferenceSite
from ukey_renew.certs import load_certificate, public_key_bits
from ukey_renew.sm2 import Sm2Key
from ukey_renew.token import practice

ROUNDS = 6
CREATORS = 4
WAIT_SECONDS = 60
REPO = Path(__file__).resolve().parents[2]


def _practice_reset(home: Path) -> None:
    """`practice reset`: the key (and with it the CA), then the site as a renewal starts it."""
    reset_practice_key(home, datetime.now(UTC))
    ReferenceSite(home).state.close()


def _first_renewal(home: Path) -> None:
    """A renewal on a new machine: the key made unless another process has
    just made it (noted, to check that all use one key), then the site."""
    token = reset_practice_key(home, datetime.now(UTC), unless_present=True)
    (home.parent / f"serial-{os.getpid()}").write_text(token.info().serial)
    ReferenceSite(home).state.close()


def _site(home: Path) -> None:
    """The site alone (a renewal of a key made elsewhere): its CA, TLS identity and records."""
    ReferenceSite(home).state.close()


FIRST_USES = {"practice reset": _practice_reset, "first renewal": _first_renewal, "site": _site}


def pairs(home: Path) -> list[tuple[Path, Path]]:
    """(certificate, key) of the reference CA (SM2), its TLS CA, the site's TLS
    identity and the site's SM2 signing identity."""
    ca, site = home / "reference-ca", home / "casim"
    return [
        (ca / "sm2-ca-cert.pem", ca / "sm2-ca-key.pem"),
        (ca / "tls-ca-cert.pem", ca / "tls-ca-key.pem"),
        (site / "tls" / "server-cert.pem", site / "tls" / "server-key.pem"),
        (site / "signing" / "signing-cert.pem", site / "signing" / "signing-key.pem"),
    ]


def check_pair(cert_path: Path, key_path: Path) -> x509.Certificate:
    info = load_certificate(cert_path.read_bytes())
    if info.key_algorithm == "SM2":
        public = Sm2Key.from_pem(key_path.read_text(encoding="utf-8")).public_key_info()
    else:
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        public = key.public_key().public_bytes(serialization.Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    assert info.public_key == public_key_bits(public), f"{cert_path.name} does not match {key_path.name}"
    return x509.load_pem_x509_certificate(cert_path.read_bytes())


def check_practice_key(home: Path) -> None:
    (held,) = practice.PracticeToken(practice.default_path(home)).certificates()
    assert reference_ca(home).issued_this(held.der)


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(path)
        time.sleep(0.001)


def _watch(home: Path, creators_done: list[Path]) -> None:
    """Read whatever another process would find, as soon as it is there, until
    every creator is done; the first bad read raises."""
    while True:
        finished = all(path.exists() for path in creators_done)
        for cert_path, key_path in pairs(home):
            if cert_path.exists():
                check_pair(cert_path, key_path)
        if practice.default_path(home).exists():
            check_practice_key(home)
        if finished:
            return


def child(base: Path, me: str, first_use: str) -> None:
    """One process's part in every round: ``me`` is "watcher" or a creator's number."""
    for number in range(ROUNDS):
        folder = base / str(number)
        (folder / f"ready-{me}").touch()
        _wait_for(folder / "go")
        if me == "watcher":
            _watch(folder / "home", [folder / f"done-{n}" for n in range(CREATORS)])
        else:
            FIRST_USES[first_use](folder / "home")
            (folder / f"done-{me}").touch()


def _start(base: Path, me: str, first_use: str) -> subprocess.Popen[str]:
    code = f"from pathlib import Path\nfrom {__name__} import child\nchild(Path({str(base)!r}), {me!r}, {first_use!r})"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE, text=True)


def _play(base: Path, processes: list[subprocess.Popen[str]], members: list[str]) -> None:
    """Start each round once everyone is ready; stop at once when a process has failed."""
    for number in range(ROUNDS):
        folder = base / str(number)
        deadline = time.monotonic() + WAIT_SECONDS
        while not all((folder / f"ready-{me}").exists() for me in members):
            if any(p.poll() for p in processes) or time.monotonic() > deadline:
                return
            time.sleep(0.005)
        (folder / "go").touch()


@pytest.mark.parametrize("first_use", list(FIRST_USES))
def test_first_use_by_several_processes_at_once(tmp_path: Path, first_use: str) -> None:
    members = ["watcher", *map(str, range(CREATORS))]
    for number in range(ROUNDS):
        (tmp_path / str(number)).mkdir()
    processes = [_start(tmp_path, me, first_use) for me in members]
    try:
        _play(tmp_path, processes, members)
        if any(p.poll() for p in processes):  # the others would wait for it in vain
            for process in processes:
                process.kill()
        errors = [p.communicate(timeout=WAIT_SECONDS)[1] for p in processes]
    finally:
        for process in processes:
            process.kill()
    assert not any(p.returncode for p in processes), "\n".join(errors)
    for number in range(ROUNDS):
        home = tmp_path / str(number) / "home"
        ca = reference_ca(home)
        _sm2_ca, tls_ca, tls_cert, signing_cert = (check_pair(*pair) for pair in pairs(home))
        tls_cert.verify_directly_issued_by(tls_ca)
        assert ca.issued_this(signing_cert.public_bytes(serialization.Encoding.DER))
        if first_use != "site":
            check_practice_key(home)
        if first_use == "first renewal":
            serials = {path.read_text(encoding="utf-8") for path in home.parent.glob("serial-*")}
            assert serials == {practice.PracticeToken(practice.default_path(home)).info().serial}
        with sqlite3.connect(home / "casim" / "site.sqlite") as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # The CA that came out of the race still issues: a fresh key gets a certificate from it.
    reset_practice_key(home, datetime.now(UTC))
    check_practice_key(home)
