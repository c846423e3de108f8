"""Certificate inspection (certs.py): fields, odd encodings, eligibility (guide 1.3, 2.1)."""

from __future__ import annotations

import base64
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.certbuild import BMP_STRING, PRINTABLE_STRING, UTF8_STRING, der, make_cert, raw_name, with_subject
from tests.conftest import rig_missing
from ukey_renew.certs import RenewalPolicy, load_certificate, renewal_eligibility
from ukey_renew.errors import CertificateEmpty, CertificateError

EXPECTED_FIXTURES = {
    # file: (subject CN, organization, issuer CN, not_after, serial)
    "gmssl-civil-servant-root-sm2.pem": (
        "Civil Servant ROOT", "NRCAC", "Civil Servant ROOT", "2044-07-07T06:48:56+00:00",
        "11D64C304B7F501E9A0650A508FAC774",
    ),
    "gmssl-sheca-sm2.pem": (
        "SHECA SM2", "UniTrust", "ROOTCA", "2033-09-08T08:10:25+00:00", "2DA1A6BD0CE76C624E634B7D6A29D02A",
    ),
    "gmssl-tjca-sm2.pem": (
        "TJCA", "天津市电子认证中心", "Civil Servant ROOT", "2037-12-01T02:57:30+00:00",
        "4BAE9CC5FB7FC24F0C75608BDAA4889A",
    ),
    "tongsuo-sm2-first-crt.pem": (
        "Test SM2 first level cert", "Test Org", "Test SM2 CA", "2020-09-23T13:34:05+00:00", "04",
    ),
}  # fmt: skip


def test_fixture_certificates_read_right(fixture_certs: list[Path], now: datetime) -> None:
    assert {path.name for path in fixture_certs} == set(EXPECTED_FIXTURES)
    for path in fixture_certs:
        info = load_certificate(path.read_bytes())
        cn, org, issuer, not_after, serial = EXPECTED_FIXTURES[path.name]
        assert (info.subject_cn, info.organization, info.issuer_cn) == (cn, org, issuer)
        assert info.not_after.isoformat() == not_after
        assert info.serial == serial
        assert info.key_algorithm == "SM2"


def test_pem_der_and_bare_base64_agree(fixture_certs: list[Path]) -> None:
    pem = fixture_certs[0].read_bytes()
    from_pem = load_certificate(pem)
    assert load_certificate(from_pem.der) == from_pem
    assert load_certificate(base64.b64encode(from_pem.der)) == from_pem


def test_a_certificate_read_again_is_not_parsed_again(fixture_certs: list[Path]) -> None:
    """A renewal reads the key's certificate and the new ones at each step: one parse each."""
    der = load_certificate(fixture_certs[0].read_bytes()).der
    first = load_certificate(der)
    assert load_certificate(bytes(bytearray(der))) is first
    assert load_certificate(base64.b64encode(der)) is first
    for _ in range(2):  # a failure is not kept as an answer: it fails again
        with pytest.raises(CertificateError):
            load_certificate(der[:-1])


@pytest.fixture
def openssl() -> None:
    if shutil.which("openssl") is None:
        rig_missing("openssl")


@pytest.mark.parametrize("subject", ["/C=CN/O=某某市人民检察院/OU=371724/CN=某某市人民检察院", "/CN=plain"])
def test_openssl_sm2_certificate(openssl: None, tmp_path: Path, subject: str, now: datetime) -> None:
    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    subprocess.run(["openssl", "genpkey", "-algorithm", "SM2", "-out", str(key)], check=True)
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-key",
            str(key),
            "-sm3",
            "-utf8",
            "-subj",
            subject,
            "-days",
            "30",
            "-out",
            str(cert),
        ],
        check=True,
    )
    info = load_certificate(cert.read_bytes())
    assert info.key_algorithm == "SM2"
    assert info.subject_cn == subject.rsplit("CN=", 1)[1]
    assert info.org_code == ("371724" if "OU=" in subject else None)
    assert (info.not_after - info.not_before).days == 30


def test_rsa_and_ec_algorithms(openssl: None, tmp_path: Path) -> None:
    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-subj", "/CN=rsa", "-days", "1", "-out", str(cert)], check=True, capture_output=True)  # fmt: skip
    assert load_certificate(cert.read_bytes()).key_algorithm == "RSA"
    assert load_certificate(make_cert()).key_algorithm == "EC"


@pytest.mark.parametrize(
    ("tag", "raw", "expected"),
    [
        (UTF8_STRING, "北京市人民检察院".encode("gbk"), "北京市人民检察院"),  # GBK bytes in a UTF8String
        (PRINTABLE_STRING, "天津检察".encode("gbk"), "天津检察"),  # GBK in a PrintableString
        (BMP_STRING, "上海检察院".encode("utf-16-be"), "上海检察院"),
        (UTF8_STRING, "正常名称".encode(), "正常名称"),
        (UTF8_STRING, b"\xff\xfe\xfd\x80", "\xff\xfe\xfd\x80"),  # neither utf-8 nor gbk: latin-1
    ],
)
def test_tolerant_name_decoding(tag: int, raw: bytes, expected: str) -> None:
    cert = with_subject(make_cert(), raw_name(("C", PRINTABLE_STRING, b"CN"), ("CN", tag, raw)))
    assert load_certificate(cert).subject_cn == expected


def test_generalized_time_after_2050() -> None:
    start = datetime(2049, 6, 1, tzinfo=UTC)
    info = load_certificate(make_cert(not_before=start, not_after=datetime(2055, 3, 4, 5, 6, 7, tzinfo=UTC)))
    assert info.not_after == datetime(2055, 3, 4, 5, 6, 7, tzinfo=UTC)
    assert info.not_before == start


@pytest.mark.parametrize(
    ("attributes", "extensions", "code", "source"),
    [
        ([("OU", UTF8_STRING, b"371724")], [], "371724", "subject.OU"),
        ([("OU", UTF8_STRING, "组织机构代码:110108".encode())], [], "110108", "subject.OU"),
        ([("serialNumber", PRINTABLE_STRING, b"420100")], [], "420100", "subject.serialNumber"),
        ([], [("1.2.156.10260.4.1.4", der(PRINTABLE_STRING, b"371724"))], "371724", "extension 1.2.156.10260.4.1.4"),
        ([], [("1.2.86.11.7.3", der(UTF8_STRING, b"500000"))], "500000", "extension 1.2.86.11.7.3"),
        ([("OU", UTF8_STRING, b"1234567")], [], None, None),  # seven digits is not the code
    ],
)
def test_org_code_sources(attributes: list, extensions: list, code: str | None, source: str | None) -> None:
    exts = [(x509.ObjectIdentifier(oid), value) for oid, value in extensions]
    subject = raw_name(("CN", UTF8_STRING, "单位".encode()), *attributes)
    info = load_certificate(with_subject(make_cert(extensions=exts), subject))
    assert (info.org_code, info.org_code_source) == (code, source)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", CertificateEmpty),
        (b"   \n", CertificateEmpty),
        (b"hello world", CertificateError),
        (b"\x30\x03\x02\x01\x01", CertificateError),
        (b"-----BEGIN CERTIFICATE-----\nMIIB\n", CertificateError),
    ],
)
def test_bad_input_gives_typed_error(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        load_certificate(data)
    assert caught.value.id.startswith("cert.")


def test_truncated_certificate(fixture_certs: list[Path]) -> None:
    whole = load_certificate(fixture_certs[0].read_bytes()).der
    for cut in (1, 10, len(whole) // 2, len(whole) - 1):
        with pytest.raises(CertificateError):
            load_certificate(whole[:cut])
    with pytest.raises(CertificateError):
        load_certificate(whole + b"\x00")  # trailing bytes are not a certificate either


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.data())
def test_mutated_bytes_raise_only_our_error(fixture_certs: list[Path], data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(fixture_certs))
    original = bytearray(load_certificate(path.read_bytes()).der)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    try:
        info = load_certificate(bytes(original))
    except CertificateError as exc:
        assert exc.id in ("cert.malformed", "cert.empty")
    else:
        info.to_dict(datetime(2026, 1, 1, tzinfo=UTC))  # what survives also renders


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_our_error(blob: bytes) -> None:
    try:
        load_certificate(blob)
    except CertificateError:
        pass


# --- eligibility: guide 1.3 note 2 and 2.1 -------------------------------------


def _cert_expiring(not_after: datetime) -> bytes:
    """Valid from 2026-01-01 or two months before expiry, whichever is earlier."""
    start = min(datetime(2026, 1, 1, tzinfo=UTC), not_after - timedelta(days=62))
    return make_cert(not_before=start, not_after=not_after)


@pytest.mark.parametrize(
    ("offset", "eligible", "reason"),
    [
        (timedelta(days=20), True, "renewable"),
        (timedelta(days=365 * 3), True, "renewable"),  # guide 2.1: whatever the year
        (-timedelta(hours=1), True, "expired_renewable"),
        (-timedelta(days=30), True, "expired_renewable"),  # exactly 30 days: still allowed
        (-timedelta(days=30, seconds=1), False, "expired_too_long"),
        (-timedelta(days=400), False, "expired_too_long"),
    ],
)
def test_eligibility(now: datetime, offset: timedelta, eligible: bool, reason: str) -> None:
    info = load_certificate(_cert_expiring(now + offset))
    verdict = renewal_eligibility(info, now, RenewalPolicy())
    assert (verdict.eligible, verdict.reason) == (eligible, reason)
    if reason == "expired_too_long":
        assert "3.7" in verdict.message  # routed to replacement


@pytest.mark.parametrize(("past", "said"), [(timedelta(days=30, hours=5), "31 天"), (timedelta(hours=1), "1 天")])
def test_days_expired_are_counted_as_a_person_counts(now: datetime, past: timedelta, said: str) -> None:
    """Thirty days and five hours past is the 31st day: never "已过期 30 天，超过 30 天"."""
    info = load_certificate(_cert_expiring(now - past))
    assert f"已过期 {said}" in renewal_eligibility(info, now, RenewalPolicy()).message


def test_window_and_not_yet_valid(now: datetime) -> None:
    info = load_certificate(_cert_expiring(now + timedelta(days=100)))
    assert renewal_eligibility(info, now, RenewalPolicy(window_days=60)).reason == "not_in_window"
    assert renewal_eligibility(info, now, RenewalPolicy(window_days=120)).reason == "renewable"
    early = datetime(2025, 12, 1, tzinfo=UTC)
    assert renewal_eligibility(info, early, RenewalPolicy()).reason == "not_yet_valid"


def test_days_left_counts_started_days(now: datetime) -> None:
    info = load_certificate(_cert_expiring(now + timedelta(days=19, hours=5)))
    assert info.days_left(now) == 20
    assert load_certificate(_cert_expiring(now - timedelta(hours=1))).days_left(now) == -1
