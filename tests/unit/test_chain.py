"""SM2 certificates, made by OpenSSL 3 as a Chinese CA makes them, by the
reference CA, and published by others, checked by chain.check_issued and
chain.check_server: signed by the site's CA is taken, a look-alike CA is not."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from tests.conftest import FIXTURE_CERTS, rig_missing
from ukey_renew import chain
from ukey_renew.casim.ca import ReferenceCA, sm2_certificate
from ukey_renew.certs import CertInfo, load_certificate
from ukey_renew.chain import check_issued, check_server
from ukey_renew.errors import IssuedCertificateWrong, SiteIdentityWrong
from ukey_renew.signatures import signature_valid
from ukey_renew.sm2 import Sm2Key
from ukey_renew.token.csr import build_csr, subject_name

DER, PEM = serialization.Encoding.DER, serialization.Encoding.PEM

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


# What a CA writes into a unit's signing certificate (RFC 5280 §4.2.1.1: the authority key id above all).
UNIT_EXTENSIONS = """authorityKeyIdentifier = keyid
subjectKeyIdentifier = hash
keyUsage = critical, digitalSignature, nonRepudiation
basicConstraints = critical, CA:FALSE
"""


def _sm2_unit(ca: Path, out: str, days: int, extensions: str = UNIT_EXTENSIONS) -> CertInfo:
    _openssl(ca, "genpkey", "-algorithm", "SM2", "-out", f"{out}.key")
    _openssl(ca, "req", "-new", "-key", f"{out}.key", *SIGNER_ID, "-utf8", "-subj", UNIT, "-out", f"{out}.csr")
    (ca / f"{out}.ext").write_text(extensions)
    _openssl(
        ca, "x509", "-req", "-in", f"{out}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", *SIGNER_ID,
        "-vfyopt", "distid:1234567812345678", "-days", str(days), "-set_serial", "7", "-out", f"{out}.pem",
        "-extfile", f"{out}.ext",
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
    """Same name, its own key: its key identifier gives it away."""
    site_ca, look_alike = sm2
    old, forged = _sm2_unit(site_ca, "old", 20), _sm2_unit(look_alike, "new", 1000)
    with pytest.raises(IssuedCertificateWrong) as caught:
        check_issued(forged, old, _anchor(site_ca), datetime.now(UTC))
    assert "不是由延期网站的 CA 签发" in caught.value.message


def test_sm2_certificate_without_authority_key_id_is_refused(sm2: tuple[Path, Path]) -> None:
    """RFC 5280 §4.2.1.1: a CA writes it; without it the issuer is a name only."""
    site_ca, _ = sm2
    old = _sm2_unit(site_ca, "old", 20)
    bare = _sm2_unit(site_ca, "new", 1000, extensions="authorityKeyIdentifier = none\n")
    with pytest.raises(IssuedCertificateWrong):
        check_issued(bare, old, _anchor(site_ca), datetime.now(UTC))


def test_sm2_certificate_without_a_verifier_is_refused(sm2: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Where gmssl-pyx has no wheel the check refuses; it never passes unchecked."""
    site_ca, _ = sm2
    old, new = _sm2_unit(site_ca, "old", 20), _sm2_unit(site_ca, "new", 1000)
    monkeypatch.setitem(sys.modules, "gmssl_pyx", None)  # what an import finds when the package is absent
    with pytest.raises(IssuedCertificateWrong) as caught:
        check_issued(new, old, _anchor(site_ca), datetime.now(UTC))
    assert "SM2" in caught.value.message


# --- the reference CA's SM2 certificates, and SM2 certificates published by others ---------


@pytest.fixture
def ca(tmp_path: Path) -> ReferenceCA:
    pytest.importorskip("gmssl_pyx")
    return ReferenceCA(tmp_path / "ca")


def _unit_request(key: Sm2Key) -> bytes:
    return build_csr(subject_name("电信测试1", "电信测试1", "111111"), key.public_key_info(), "SM2", key.sign)


def _anchors(ca: ReferenceCA) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates(ca.anchors_path.read_bytes())


def test_renewed_certificate_of_the_reference_ca_is_taken(ca: ReferenceCA) -> None:
    now = datetime.now(UTC)
    old = load_certificate(
        ca.issue(_unit_request(Sm2Key.generate()), now - timedelta(days=40), now + timedelta(days=20))
    )
    new = load_certificate(ca.issue(_unit_request(Sm2Key.generate()), now, now + timedelta(days=1800)))
    parsed = asn1_x509.Certificate.load(new.der)
    assert parsed["signature_algorithm"]["algorithm"].dotted == "1.2.156.10197.1.501"
    assert (
        parsed.authority_key_identifier == asn1_x509.Certificate.load(ca.certificate.public_bytes(DER)).key_identifier
    )
    assert parsed.key_usage_value.native == {"digital_signature", "non_repudiation"}
    assert parsed.basic_constraints_value["ca"].native is False
    check_issued(new, old, _anchors(ca), now)


def test_certificate_claiming_the_cas_name_and_key_id_is_refused(ca: ReferenceCA) -> None:
    """A stranger's SM2 key, writing the site CA's name and authority key id: only the signature tells."""
    now = datetime.now(UTC)
    old = load_certificate(
        ca.issue(_unit_request(Sm2Key.generate()), now - timedelta(days=40), now + timedelta(days=20))
    )
    genuine = asn1_x509.Certificate.load(ca.issue(_unit_request(Sm2Key.generate()), now, now + timedelta(days=1800)))
    tbs = genuine["tbs_certificate"]
    forged = sm2_certificate(
        tbs["subject"], tbs["issuer"], tbs["subject_public_key_info"].dump(), now, now + timedelta(days=1800),
        list(tbs["extensions"]), Sm2Key.generate(),
    )  # fmt: skip
    with pytest.raises(IssuedCertificateWrong) as caught:
        check_issued(load_certificate(forged), old, _anchors(ca), now)
    assert "签名无效" in caught.value.message


def test_reference_ca_certificates_verify_with_openssl(ca: ReferenceCA, tmp_path: Path) -> None:
    """OpenSSL 3, given the GM/T 0009 signer ID, takes what the CA signs: the same SM3withSM2."""
    if shutil.which("openssl") is None:
        rig_missing("openssl")
    cert, _key = ca.signing_identity(tmp_path / "signing")
    (tmp_path / "signing.pem").write_bytes(x509.load_der_x509_certificate(cert).public_bytes(PEM))
    done = subprocess.run(
        ["openssl", "verify", "-CAfile", str(ca.cert_path), "-vfyopt", "distid:1234567812345678", "signing.pem"],
        cwd=tmp_path, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_published_sm2_certificates_verify(fixture_certs: list[Path]) -> None:
    """GmSSL's TJCA certificate, signed by the Chinese civil-servant root: SM3 Z-value and default signer ID."""
    pytest.importorskip("gmssl_pyx")
    root = x509.load_pem_x509_certificate((FIXTURE_CERTS / "gmssl-civil-servant-root-sm2.pem").read_bytes())
    tjca = asn1_x509.Certificate.load(
        x509.load_pem_x509_certificate((FIXTURE_CERTS / "gmssl-tjca-sm2.pem").read_bytes()).public_bytes(DER)
    )
    assert chain._issuer_of(tjca, [root]) is root
    chain._check_signature(tjca.dump(), root)
    tampered = bytearray(tjca.dump())
    tampered[tampered.index(b"TJCA")] ^= 1
    with pytest.raises(IssuedCertificateWrong):
        chain._check_signature(bytes(tampered), root)


# --- the site's login certificate (check_server) ----------------------------------------


def test_site_signing_certificate_is_the_sites(ca: ReferenceCA, tmp_path: Path) -> None:
    cert, key = ca.signing_identity(tmp_path / "signing")
    check_server(cert, _anchors(ca), "127.0.0.1", datetime.now(UTC))
    check_server(cert, _anchors(ca), "localhost", datetime.now(UTC))
    assert signature_valid(cert, b"random", key.sign(b"random"))
    assert not signature_valid(cert, b"another random", key.sign(b"random"))


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("another host", "does not name"),
        ("expired", "not valid now"),
        ("another CA", "issuer not among"),
        ("encryption certificate", "key usage"),
        ("a CA naming the site", "a CA certificate"),
    ],
)
def test_site_signing_certificate_not_the_sites(ca: ReferenceCA, tmp_path: Path, case: str, words: str) -> None:
    now = datetime.now(UTC)
    cert, _key = ca.signing_identity(tmp_path / "signing")
    host, anchors = "127.0.0.1", _anchors(ca)
    if case == "another host":
        host = "ca.elsewhere.example"
    elif case == "expired":
        now += timedelta(days=900)
    elif case == "another CA":
        cert, _key = ReferenceCA(tmp_path / "other-ca").signing_identity(tmp_path / "other-signing")
    elif case == "encryption certificate":
        cert, _key = ca.issue_encryption(subject_name("127.0.0.1"), now - timedelta(days=1), now + timedelta(days=9))
    else:
        cert = _sub_ca(ca, now)
    with pytest.raises(SiteIdentityWrong) as caught:
        check_server(cert, anchors, host, now)
    assert words in str(caught.value.detail)


def _sub_ca(ca: ReferenceCA, now: datetime) -> bytes:
    """A CA certificate from the site's CA that also names the site and may sign."""
    issuer = asn1_x509.Certificate.load(ca.certificate.public_bytes(DER))
    key = Sm2Key.generate()
    extensions = [
        asn1_x509.Extension({"extn_id": "basic_constraints", "critical": True, "extn_value": {"ca": True}}),
        asn1_x509.Extension(
            {"extn_id": "key_usage", "critical": True, "extn_value": {"digital_signature", "key_cert_sign"}}
        ),
        asn1_x509.Extension(
            {"extn_id": "authority_key_identifier", "extn_value": {"key_identifier": issuer.key_identifier}}
        ),
        asn1_x509.Extension(
            {"extn_id": "subject_alt_name", "extn_value": [asn1_x509.GeneralName(name="ip_address", value="127.0.0.1")]}
        ),
    ]
    subject = asn1_x509.Name.load(subject_name("127.0.0.1"))
    signer = Sm2Key.from_pem(ca.key_path.read_text(encoding="utf-8"))
    return sm2_certificate(
        subject,
        issuer.subject,
        key.public_key_info(),
        now - timedelta(days=1),
        now + timedelta(days=9),
        extensions,
        signer,
    )


def test_tls_certificate_is_checked_by_the_webs_rules(ca: ReferenceCA, tmp_path: Path) -> None:
    """An EC login certificate goes through path building with nothing let go:
    the reference CA's TLS identity passes, one without an authority key id does not."""
    cert_file, _key_file = ca.server_identity(tmp_path / "tls")
    genuine = x509.load_pem_x509_certificate(cert_file.read_bytes())
    check_server(genuine.public_bytes(DER), _anchors(ca), "127.0.0.1", datetime.now(UTC))
    tls_key = serialization.load_pem_private_key(ca.tls_key_path.read_bytes(), password=None)
    assert isinstance(tls_key, ec.EllipticCurvePrivateKey)
    builder = (
        x509.CertificateBuilder()
        .subject_name(genuine.subject)
        .issuer_name(genuine.issuer)
        .public_key(genuine.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(genuine.not_valid_before_utc)
        .not_valid_after(genuine.not_valid_after_utc)
    )
    for extension in genuine.extensions:
        if not isinstance(extension.value, x509.AuthorityKeyIdentifier):
            builder = builder.add_extension(extension.value, extension.critical)
    without_aki = builder.sign(tls_key, hashes.SHA256()).public_bytes(DER)
    with pytest.raises(SiteIdentityWrong):
        check_server(without_aki, _anchors(ca), "127.0.0.1", datetime.now(UTC))


def test_site_identities_follow_a_remade_ca(tmp_path: Path) -> None:
    """A data dir whose site identities came from another CA (an earlier version's
    EC CA, a CA folder deleted) gets new ones from the CA there now."""
    pytest.importorskip("gmssl_pyx")
    first = ReferenceCA(tmp_path / "ca")
    old_tls, _ = first.server_identity(tmp_path / "tls")
    old_tls_pem = old_tls.read_bytes()
    old_signing, _ = first.signing_identity(tmp_path / "signing")
    shutil.rmtree(tmp_path / "ca")
    now = ReferenceCA(tmp_path / "ca")
    tls_file, _ = now.server_identity(tmp_path / "tls")
    signing, _ = now.signing_identity(tmp_path / "signing")
    assert tls_file.read_bytes() != old_tls_pem and signing != old_signing
    check_server(signing, _anchors(now), "127.0.0.1", datetime.now(UTC))
    tls = x509.load_pem_x509_certificate(tls_file.read_bytes()).public_bytes(DER)
    check_server(tls, _anchors(now), "127.0.0.1", datetime.now(UTC))
