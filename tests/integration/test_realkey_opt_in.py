"""tests/realkey runs only when asked for a key by serial, and logs in only
when asked again; here a SoftHSM2 token stands in for the key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.realkey.conftest import LOGIN_ENV, PIN_ENV, SERIAL_ENV
from tests.rig.softhsm import SoftHSM, module_path, unit_certificate
from ukey_renew.token import pkcs11

PIN = "123456"


def _realkey(env: dict[str, str], *extra: str) -> subprocess.CompletedProcess[str]:
    clean = {name: value for name, value in os.environ.items() if not name.startswith("UKEY_RENEW_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", "tests/realkey", *extra],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_skipped_unless_asked() -> None:
    done = _realkey({})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 skipped" in done.stdout and f"set {SERIAL_ENV}" in done.stdout


def test_a_key_asked_for_by_serial(softhsm: SoftHSM, tmp_path: Path) -> None:
    label = "realkey-stand-in"
    softhsm.init_token(label, PIN)
    _key, der = unit_certificate(tmp_path / "cert", 365)
    softhsm.import_certificate(label, PIN, der, "UnitCert")
    tokens = pkcs11.open_tokens(module_path())
    (serial,) = [token.info().serial for token in tokens if token.info().label == label]
    for token in tokens:
        token.close()
    env = {"SOFTHSM2_CONF": str(softhsm.conf), "UKEY_RENEW_PKCS11_MODULE": str(module_path()), SERIAL_ENV: serial}

    done = _realkey(env)
    assert "PASSED tests/realkey/test_real_key.py::test_certificates_parse" in done.stdout, done.stdout
    assert "PASSED tests/realkey/test_real_key.py::test_pin_status_reads" in done.stdout
    assert f"logging in is tested only when asked: set {LOGIN_ENV}=1" in done.stdout
    # SoftHSM2 is no USB key: the probe says so (there is no BJCA key on a test machine either)
    assert "FAILED tests/realkey/test_real_key.py::test_usb_probe_sees_it" in done.stdout

    logged_in = _realkey({**env, LOGIN_ENV: "1", PIN_ENV: PIN}, "-k", "login")
    assert logged_in.returncode == 0 and "PASSED tests/realkey/test_real_key.py::test_login_once" in logged_in.stdout

    wrong = _realkey({**env, SERIAL_ENV: "NOT-THIS-ONE"}, "-k", "certificates")
    assert wrong.returncode == 1 and "no key with serial NOT-THIS-ONE through pkcs11; keys seen: [" in wrong.stdout
