"""SM2 certificates, made by OpenSSL 3 as a Chinese CA makes them, checked by
chain.check_issued: signed by the site's CA is taken, a look-alike CA is not."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509

from tests.conftest import rig_missing
from ukey_renew.certs import CertInfo, load_certificate
from ukey_renew.chain import check_issued
from ukey_renew.errors import IssuedCertificateWrong

SIGNER_ID = ["-sm3", "-sigopt", "distid:1234567812345678"]
UNIT = "/CN=某某县人民检察院/OU=110101"


def _openssl(folder: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True, timeout=30)


def _sm2_ca(folder: Path, name: str) -> None:
    folder.mkdir()
    _openssl(folder, "genpkey", "-algorithm", "SM2", "-out", "ca.key")
    _openssl(
        folder, "req", "-x509", "-new", "-key", "ca.key", *SIGNER_ID, "-utf8", "-subj", name, "-days", "3650",
        "-addext", "basicConstraints=critical,CA:TRUE", "-out", "ca.pem",
    )  # fmt: skip


def _sm2_unit(ca: Path, out: str, days: int) -> CertInfo:
    _openssl(ca, "genpkey", "-algorithm", "SM2", "-out", f"{out}.key")
    _openssl(ca, "req", "-new", "-key", f"{out}.key", *SIGNER_ID, "-utf8", "-subj", UNIT, "-out", f"{out}.csr")
    _openssl(
        ca, "x509", "-req", "-in", f"{out}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", *SIGNER_ID,
        "-vfyopt", "distid:1234567812345678", "-days", str(days), "-set_serial", "7", "-out", f"{out}.pem",
    )  # fmt: skip
    return load_certificate((ca / f"{out}.pem").read_bytes())


@pytest.fixture
def sm2(tmp_path: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        rig_missing("openssl")
    pytest.importorskip("gmssl_pyx")
    site_ca, look_alike = tmp_path / "site-ca", tmp_path / "look-alike"
    try:
        _sm2_ca(site_ca, "/C=CN/CN=SM2 测试 CA")
        _sm2_ca(look_alike, "/C=CN/CN=SM2 测试 CA")  # same name, its own key
    except subprocess.CalledProcessError:
        rig_missing("OpenSSL 3 with SM2")
    return site_ca, look_alike


def _anchor(ca: Path) -> list[x509.Certificate]:
    return [x509.load_pem_x509_certificate((ca / "ca.pem").read_bytes())]


def test_sm2_certificate_of_the_sites_ca_is_taken(sm2: tuple[Path, Path]) -> None:
    site_ca, _ = sm2
    old, new = _sm2_unit(site_ca, "old", 20), _sm2_unit(site_ca, "new", 1000)
    assert new.key_algorithm == "SM2"
    check_issued(new, old, _anchor(site_ca), datetime.now(UTC))


def test_sm2_certificate_of_a_look_alike_ca_is_refused(sm2: tuple[Path, Path]) -> None:
    site_ca, look_alike = sm2
    old, forged = _sm2_unit(site_ca, "old", 20), _sm2_unit(look_alike, "new", 1000)
    with pytest.raises(IssuedCertificateWrong) as caught:
        check_issued(forged, old, _anchor(site_ca), datetime.now(UTC))
    assert "签名无效" in caught.value.message


def test_sm2_certificate_without_a_verifier_is_refused(sm2: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Where gmssl-pyx has no wheel the check refuses; it never passes unchecked."""
    site_ca, _ = sm2
    old, new = _sm2_unit(site_ca, "old", 20), _sm2_unit(site_ca, "new", 1000)
    monkeypatch.setitem(sys.modules, "gmssl_pyx", None)  # what an import finds when the package is absent
    with pytest.raises(IssuedCertificateWrong) as caught:
        check_issued(new, old, _anchor(site_ca), datetime.now(UTC))
    assert "SM2" in caught.value.message
