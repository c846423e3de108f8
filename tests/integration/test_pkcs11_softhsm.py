"""The PKCS#11 backend against real SoftHSM2 tokens made with softhsm2-util."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pkcs11 import exceptions as p11

from tests.certbuild import make_cert
from tests.conftest import REPO
from tests.rig.softhsm import SoftHSM, module_path, spy_path
from ukey_renew import pe
from ukey_renew.casim.ca import ReferenceCA
from ukey_renew.certs import RenewalPolicy, load_certificate
from ukey_renew.errors import (
    CertificateKeyMismatch,
    ModuleInvalid,
    ModuleNotFound,
    PinIncorrect,
    TokenError,
    TokenRemoved,
    TokenWriteFailed,
)
from ukey_renew.status import collect
from ukey_renew.token import pkcs11 as backend
from ukey_renew.token.base import EncryptionPair
from ukey_renew.token.csr import subject_name
from ukey_renew.token.pkcs11 import Pkcs11Token
from ukey_renew.troubleshoot.checks import CheckContext, run_one

PIN = "123456"
WIN32 = REPO / "tests" / "fixtures" / "pe" / "_speedups.cp311-win32.pyd"  # a real 32-bit DLL


@pytest.fixture
def fresh_token(softhsm: SoftHSM) -> Iterator[Callable[[], tuple[str, Pkcs11Token]]]:
    """Makes a new SoftHSM token and opens it; closes what it opened."""
    opened: list[Pkcs11Token] = []

    def make() -> tuple[str, Pkcs11Token]:
        label = "t-" + uuid.uuid4().hex[:8]
        softhsm.init_token(label, PIN)
        for token in backend.open_tokens(module_path()):
            if token.info().label == label:
                opened.append(token)
                return label, token
        raise AssertionError(f"token {label} not found")

    yield make
    for token in opened:
        token.close()


def _renew(token: Pkcs11Token, ca: ReferenceCA, container: str, now: datetime) -> bytes:
    token.login(PIN)
    token.generate_key_pair(container)
    csr = token.create_csr(container, subject_name("电信测试1", "电信测试1", "111111"))
    return ca.issue(csr, now, now + timedelta(days=365))


def test_identify(fresh_token: Callable[[], tuple[str, Pkcs11Token]]) -> None:
    label, token = fresh_token()
    info = token.info()
    assert (info.label, info.manufacturer, info.model) == (label, "SoftHSM project", "SoftHSM v2")
    assert info.serial
    assert token.certificates() == []
    status = token.pin_status()
    assert not status.locked and not status.count_low


def test_wrong_pin_sets_count_low(fresh_token: Callable[[], tuple[str, Pkcs11Token]]) -> None:
    _, token = fresh_token()
    with pytest.raises(PinIncorrect) as caught:
        token.login("000000")
    assert caught.value.id == "pin.incorrect"
    assert token.pin_status().count_low  # CKF_USER_PIN_COUNT_LOW, read afresh
    token.login(PIN)


def test_renewal_cycle_on_the_key(
    fresh_token: Callable[[], tuple[str, Pkcs11Token]], tmp_path: Path, now: datetime
) -> None:
    _, token = fresh_token()
    ca = ReferenceCA(tmp_path / "ca")
    first = _renew(token, ca, "UnitCert", now)
    token.install_certificate("UnitCert", first)
    assert [c.der for c in token.certificates()] == [first]

    second = _renew(token, ca, "UnitCert", now + timedelta(days=1))
    assert [c.der for c in token.certificates()] == [first]  # pending key is invisible
    token.install_certificate("UnitCert", second)
    assert [c.der for c in token.certificates()] == [second]
    signature = token.sign("UnitCert", b"server random")
    load_certificate(second)  # parses
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    public = x509.load_der_x509_certificate(second).public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey)
    public.verify(signature, b"server random", ec.ECDSA(hashes.SHA256()))  # new key signs


def test_mismatch_and_failure_leave_old_intact(
    fresh_token: Callable[[], tuple[str, Pkcs11Token]], tmp_path: Path, now: datetime, monkeypatch
) -> None:
    _, token = fresh_token()
    ca = ReferenceCA(tmp_path / "ca")
    old = _renew(token, ca, "UnitCert", now)
    token.install_certificate("UnitCert", old)
    new = _renew(token, ca, "UnitCert", now)
    with pytest.raises(CertificateKeyMismatch):
        token.install_certificate("UnitCert", make_cert())
    assert [c.der for c in token.certificates()] == [old]
    with pytest.raises(TokenWriteFailed) as caught:  # an EC key holds no encryption certificate (双证)
        token.install_certificate("UnitCert", new, EncryptionPair(make_cert(), b"envelope"))
    assert "加密证书" in caught.value.message and [c.der for c in token.certificates()] == [old]

    def pulled_out(container: str) -> None:
        raise TokenRemoved()

    monkeypatch.setattr(token, "promote_pending", pulled_out)
    with pytest.raises(TokenRemoved):
        token.install_certificate("UnitCert", new)
    assert [c.der for c in token.certificates()] == [old]
    token.sign("UnitCert", b"old key still signs")
    monkeypatch.undo()
    token.install_certificate("UnitCert", new)
    assert [c.der for c in token.certificates()] == [new]


def test_change_pin(fresh_token: Callable[[], tuple[str, Pkcs11Token]]) -> None:
    _, token = fresh_token()
    token.change_pin(PIN, "abc123")
    token.logout()
    with pytest.raises(PinIncorrect):
        token.login(PIN)
    token.login("abc123")


def test_token_deleted_between_calls(softhsm: SoftHSM, fresh_token: Callable[[], tuple[str, Pkcs11Token]]) -> None:
    label, token = fresh_token()
    token.info()
    softhsm.delete_token(label)
    with pytest.raises(TokenError) as caught:
        token.info()
    assert caught.value.id == "token.removed"


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (p11.DeviceRemoved, "token.removed"),
        (p11.TokenNotPresent, "token.removed"),
        (p11.PinLocked, "pin.locked"),
        (p11.NoSuchKey, "token.no_container"),
        (p11.GeneralError, "token.error"),
    ],
)
def test_return_codes_map_to_our_errors(raised: type[Exception], expected: str) -> None:
    """The CKR_ codes SoftHSM cannot be made to return (a real key pulled out)."""
    with pytest.raises(TokenError) as caught, backend._mapped():
        raise raised()
    assert caught.value.id == expected


def test_module_errors(tmp_path: Path) -> None:
    with pytest.raises(ModuleNotFound):
        backend.open_tokens(str(tmp_path / "missing.so"))
    not_a_module = tmp_path / "fake.so"
    not_a_module.write_bytes(b"\x7fELF not really")
    with pytest.raises(ModuleInvalid):
        backend.open_tokens(str(not_a_module))
    libz = next(Path("/").glob("usr/lib/*-linux-gnu/libz.so.1"), None)
    if libz is not None:  # a real library without C_GetFunctionList
        with pytest.raises(ModuleInvalid):
            backend.open_tokens(str(libz))


@pytest.fixture
def windows_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """System32 and SysWOW64 as a 64-bit program sees them; SoftHSM stands in for a 64-bit driver."""
    monkeypatch.setattr(pe, "interpreter_machine", lambda: pe.AMD64)
    monkeypatch.delenv(backend.MODULE_ENV, raising=False)
    system32, wow64 = tmp_path / "System32", tmp_path / "SysWOW64"
    system32.mkdir()
    wow64.mkdir()
    return system32, wow64


def test_a_32_bit_driver_beside_a_working_one(
    windows_folders: tuple[Path, Path], fresh_token: Callable[[], tuple[str, Pkcs11Token]], home: Path, now: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Every module is tried; the key is found through one and the 32-bit one is named, in status and doctor."""
    label, _ = fresh_token()
    _, wow64 = windows_folders
    only_32 = str(shutil.copy(WIN32, wow64 / "bjcacsp11_ft11.dll"))
    monkeypatch.setattr(backend, "module_candidates", lambda platform="": [only_32, str(module_path())])
    assert label in [token.info().label for token in backend.open_tokens()]
    status = collect("auto", data_dir=home, now=now, policy=RenewalPolicy(), xtxapp_url="http://127.0.0.1:9")
    assert label in [token["label"] for token in status.tokens]
    (problem,) = status.problems
    assert problem["id"] == "pkcs11.module_arch" and "bjcacsp11_ft11.dll" in problem["message"]
    context = CheckContext(data_dir=home, renewal_url="https://127.0.0.1:9/", login_url="https://127.0.0.1:9/")
    result = run_one("key.pkcs11", context)
    assert result.status == "ok" and label in result.detail and "驱动为 32 位" in result.detail


def test_the_32_bit_twin_of_a_loaded_driver_is_left_alone(windows_folders: tuple[Path, Path], softhsm: SoftHSM) -> None:
    """BJCA puts each driver in System32 (64-bit) and SysWOW64 (32-bit): the second copy is no problem."""
    system32, wow64 = windows_folders
    shutil.copy(str(module_path()), system32 / "bjcacsp11_3k.dll")  # a copy: a second instance, as on Windows
    shutil.copy(WIN32, wow64 / "BJCACSP11_3K.DLL")
    scans = backend.scan_modules([str(system32 / "bjcacsp11_3k.dll"), str(wow64 / "BJCACSP11_3K.DLL")])
    assert [(Path(scan.path).parent.name, scan.error) for scan in scans] == [("System32", None)]


def test_one_login_per_typed_pin(softhsm: SoftHSM, tmp_path: Path) -> None:
    """Counted by OpenSC's pkcs11-spy between us and SoftHSM, in a fresh process."""
    spy = spy_path()
    if spy is None:
        pytest.fail("pkcs11-spy.so missing (package opensc)")
    label = "spy-" + uuid.uuid4().hex[:6]
    softhsm.init_token(label, PIN)
    log = tmp_path / "spy.log"
    script = (
        "from ukey_renew.token.pkcs11 import open_tokens\n"
        "from ukey_renew.errors import PinIncorrect\n"
        f"token = [t for t in open_tokens() if t.info().label == {label!r}][0]\n"
        "try:\n    token.login('999999')\nexcept PinIncorrect:\n    print('incorrect')\n"
    )
    env = {
        **os.environ,
        "SOFTHSM2_CONF": str(softhsm.conf),
        "UKEY_RENEW_PKCS11_MODULE": spy,
        "PKCS11SPY": str(module_path()),
        "PKCS11SPY_OUTPUT": str(log),
    }
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "incorrect", done.stderr
    calls = log.read_text(errors="replace")
    assert calls.count("C_Login") == 1
    assert "999999" not in done.stdout + done.stderr


OVERLAPPING_READS = """
import sys, threading
from ukey_renew.token import pkcs11

errors = []

def look():
    for _ in range(60):
        try:
            for token in pkcs11.open_tokens(sys.argv[1]):
                token.info()
                token.pin_status()
                token.certificates()
        except Exception as exc:
            errors.append(repr(exc))

threads = [threading.Thread(target=look) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(len(errors), errors[:3])
"""


def test_overlapping_looks_at_the_keys_never_interleave(fresh_token: Callable[[], tuple[str, Pkcs11Token]]) -> None:
    """Four threads listing the module and reading every key at once, as the
    wizard's detections did when they overlapped: before the calls were
    serialised this ended in "double free or corruption" or a segmentation
    fault, or in SessionHandleInvalid while another thread re-initialised."""
    for _ in range(3):
        fresh_token()
    done = subprocess.run(
        [sys.executable, "-c", OVERLAPPING_READS, str(module_path())],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("0 "), done.stdout
