"""The reference CA: issues the certificates of practice mode and tests.

It stands in for BJCA's production CA, which cannot be reached from here, and
like it issues SM3withSM2 certificates from an SM2 CA: a signing and an
encryption certificate for each unit (双证), and the site's signing
certificate for the login random. Certificates carry the extensions RFC 5280
asks of a CA (key identifiers, key usage, basic constraints), so clients
check them strictly. HTTPS is the exception: Python's TLS cannot do SM2, so
the site's TLS identity comes from a second, EC P-256 CA. Keys and
certificates live in one folder and are made on first use, readable by the
user only.
"""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from asn1crypto import csr as asn1_csr
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ukey_renew import atomic, sm2
from ukey_renew.errors import CertificateError, PracticeSiteBroken
from ukey_renew.lockfile import LockFile
from ukey_renew.paths import private_dir

CA_NAME = "ukey-renew 练习 CA"
TLS_CA_NAME = "ukey-renew 练习 CA（HTTPS）"
SITE_HOST = "127.0.0.1"

_T = TypeVar("_T")

# Key usage of each kind of certificate (GM/T 0015: signing and encryption certificates apart).
SIGN_USAGE = {"digital_signature", "non_repudiation"}
ENC_USAGE = {"key_encipherment", "data_encipherment"}


class ReferenceCA:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.key_path = directory / "sm2-ca-key.pem"
        self.cert_path = directory / "sm2-ca-cert.pem"
        self.tls_key_path = directory / "tls-ca-key.pem"
        self.tls_cert_path = directory / "tls-ca-cert.pem"
        self.anchors_path = directory / "anchors.pem"  # what a client of the site trusts: both CAs
        _made_once(self.cert_path, self.key_path, _new_sm2_ca)
        _made_once(self.tls_cert_path, self.tls_key_path, _new_tls_ca)
        anchors = self.cert_path.read_bytes() + self.tls_cert_path.read_bytes()
        if self.anchors_path.exists() and not self.anchors_path.is_file():
            raise PracticeSiteBroken(str(self.anchors_path))
        _holding(self.anchors_path, anchors)
        self._key = _read(self.key_path, lambda data: sm2.Sm2Key.from_pem(data.decode("ascii")))
        self.certificate = _read(self.cert_path, x509.load_pem_x509_certificate)
        self._der = self.certificate.public_bytes(serialization.Encoding.DER)
        self._tls_key = _read(self.tls_key_path, _ec_private_key)
        self.tls_certificate = _read(self.tls_cert_path, x509.load_pem_x509_certificate)
        # Each key must be its certificate's: a CA whose key is another's issues what nothing verifies.
        # Which of the two was changed cannot be told: both are named.
        if self._key.public_key_info() != self._public_key_info():
            raise PracticeSiteBroken(f"{self.key_path}、{self.cert_path}")
        if _ec_public(self._tls_key.public_key()) != _ec_public(self.tls_certificate.public_key()):
            raise PracticeSiteBroken(f"{self.tls_key_path}、{self.tls_cert_path}")

    def issued_this(self, cert_der: bytes) -> bool:
        """True when ``cert_der`` carries this CA's valid SM3withSM2 signature."""
        try:
            cert = asn1_x509.Certificate.load(cert_der)
            if cert["tbs_certificate"]["issuer"].dump() != _subject(self._der).dump():
                return False
            if cert["signature_algorithm"]["algorithm"].dotted != sm2.SIGNATURE_OID:
                return False
            tbs, signature = cert["tbs_certificate"].dump(), cert["signature_value"].native
        except (ValueError, TypeError, KeyError):
            return False
        return sm2.verify(self._public_key_info(), tbs, signature)

    # --- the site's identities ------------------------------------------

    def server_identity(self, directory: Path) -> tuple[Path, Path]:
        """Certificate and key files for a TLS server on 127.0.0.1, made once
        (and again when the TLS CA is not the one that made them)."""
        cert_path, key_path = directory / "server-cert.pem", directory / "server-key.pem"
        _made_once(cert_path, key_path, self._new_server_identity, lambda data: self._tls_issued(data, key_path))
        return cert_path, key_path

    def signing_identity(self, directory: Path) -> tuple[bytes, sm2.Sm2Key]:
        """The site's SM2 certificate (DER) and key for signing the login
        random, made once (and again when this CA did not make them)."""
        cert_path, key_path = directory / "signing-cert.pem", directory / "signing-key.pem"
        _made_once(cert_path, key_path, self._new_signing_identity, lambda data: self._sm2_issued(data, key_path))
        return _der_of(cert_path.read_bytes()), sm2.Sm2Key.from_pem(key_path.read_text())

    def _tls_issued(self, cert_pem: bytes, key_path: Path) -> bool:
        """The TLS CA's certificate, beside its own key."""
        try:
            cert = x509.load_pem_x509_certificate(cert_pem)
            cert.verify_directly_issued_by(self.tls_certificate)
            return _ec_public(_ec_private_key(key_path.read_bytes()).public_key()) == _ec_public(cert.public_key())
        except (OSError, ValueError, TypeError, UnsupportedAlgorithm, InvalidSignature):
            return False

    def _sm2_issued(self, cert_pem: bytes, key_path: Path) -> bool:
        """This CA's certificate, beside its own key."""
        try:
            cert_der = _der_of(cert_pem)
            key = sm2.Sm2Key.from_pem(key_path.read_text(encoding="ascii"))
            spki = asn1_x509.Certificate.load(cert_der)["tbs_certificate"]["subject_public_key_info"].dump()
        except (OSError, ValueError, TypeError, KeyError):
            return False
        return self.issued_this(cert_der) and key.public_key_info() == spki

    def _new_server_identity(self) -> tuple[bytes, bytes]:
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        issuer_ski = self.tls_certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, SITE_HOST)]))
            .issuer_name(self.tls_certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=825))
            .add_extension(
                x509.SubjectAlternativeName(
                    [x509.IPAddress(ipaddress.ip_address(SITE_HOST)), x509.DNSName("localhost")]
                ),
                critical=False,
            )
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(_key_usage(digital_signature=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_ski), critical=False)
            .sign(self._tls_key, hashes.SHA256())
        )
        return _pem(key, cert)

    def _new_signing_identity(self) -> tuple[bytes, bytes]:
        key = sm2.Sm2Key.generate()
        now = datetime.now(UTC)
        cert = self._sign(
            asn1_x509.Name.build({"country_name": "CN", "common_name": SITE_HOST}, use_printable=False),
            key.public_key_info(),
            now - timedelta(days=1),
            now + timedelta(days=825),
            SIGN_USAGE,
            names=[
                asn1_x509.GeneralName(name="ip_address", value=SITE_HOST),
                asn1_x509.GeneralName(name="dns_name", value="localhost"),
            ],
        )
        return key.to_pem().encode(), pem.armor("CERTIFICATE", cert)

    # --- unit certificates ----------------------------------------------------

    def issue(self, csr_der: bytes, not_before: datetime, not_after: datetime) -> bytes:
        """A unit's signing certificate for the request's subject and key (DER).

        The request must be signed by its own key: SM3withSM2 for an SM2 key
        (the red key's), SHA-256 with RSA or ECDSA for the keys of PKCS#11
        tokens."""
        try:
            request = asn1_csr.CertificationRequest.load(csr_der)
            info = request["certification_request_info"]
            subject, spki = info["subject"], info["subject_pk_info"].dump()
            signed = request["signature_algorithm"]["algorithm"].dotted
            tbs, signature = info.dump(), request["signature"].native
        except (ValueError, TypeError, KeyError) as exc:
            raise CertificateError("证书申请（PKCS#10）格式错误。") from exc
        if sm2.is_sm2_key(spki):
            valid = signed == sm2.SIGNATURE_OID and sm2.verify(spki, tbs, signature)
        else:
            valid = _classic_request_valid(csr_der)
        if not valid:
            raise CertificateError("证书申请（PKCS#10）签名无效。")
        return self._sign(subject, spki, not_before, not_after, SIGN_USAGE)

    def issue_encryption(
        self, subject_der: bytes, not_before: datetime, not_after: datetime
    ) -> tuple[bytes, sm2.Sm2Key]:
        """A unit's encryption certificate and its key pair, made here as BJCA's
        key management centre makes the encryption key (the key imports both)."""
        key = sm2.Sm2Key.generate()
        subject = asn1_x509.Name.load(subject_der)
        return self._sign(subject, key.public_key_info(), not_before, not_after, ENC_USAGE), key

    def _public_key_info(self) -> bytes:
        return bytes(asn1_x509.Certificate.load(self._der)["tbs_certificate"]["subject_public_key_info"].dump())

    def _sign(
        self,
        subject: asn1_x509.Name,
        spki: bytes,
        not_before: datetime,
        not_after: datetime,
        usage: set[str],
        *,
        names: list[asn1_x509.GeneralName] | None = None,
    ) -> bytes:
        issuer_ski = _key_id(self._public_key_info())
        extensions = [
            _extension("basic_constraints", {"ca": False}, critical=True),
            _extension("key_usage", usage, critical=True),
            _extension("key_identifier", _key_id(spki)),
            _extension("authority_key_identifier", {"key_identifier": issuer_ski}),
        ]
        if names:
            extensions.append(_extension("subject_alt_name", names))
        return sm2_certificate(subject, _subject(self._der), spki, not_before, not_after, extensions, self._key)


def sm2_certificate(
    subject: asn1_x509.Name,
    issuer: asn1_x509.Name,
    spki: bytes,
    not_before: datetime,
    not_after: datetime,
    extensions: list[asn1_x509.Extension],
    signer: sm2.Sm2Key,
) -> bytes:
    """An X.509 v3 certificate signed SM3withSM2 by ``signer`` (DER)."""
    tbs = asn1_x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": int.from_bytes(secrets.token_bytes(16), "big") >> 1,
            "signature": {"algorithm": sm2.SIGNATURE_OID},
            "issuer": issuer,
            "validity": {"not_before": _time(not_before), "not_after": _time(not_after)},
            "subject": subject,
            "subject_public_key_info": asn1_x509.PublicKeyInfo.load(spki),
            "extensions": extensions,
        }
    )
    cert = asn1_x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": {"algorithm": sm2.SIGNATURE_OID},
            "signature_value": signer.sign(tbs.dump()),
        }
    )
    return bytes(cert.dump())


def _new_sm2_ca() -> tuple[bytes, bytes]:
    key = sm2.Sm2Key.generate()
    name = asn1_x509.Name.build({"country_name": "CN", "common_name": CA_NAME}, use_printable=False)
    now = datetime.now(UTC)
    extensions = [
        _extension("basic_constraints", {"ca": True, "path_len_constraint": 0}, critical=True),
        _extension("key_usage", {"key_cert_sign", "crl_sign"}, critical=True),
        _extension("key_identifier", _key_id(key.public_key_info())),
    ]
    cert = sm2_certificate(
        name, name, key.public_key_info(), now - timedelta(days=1), now + timedelta(days=365 * 30), extensions, key
    )
    return key.to_pem().encode(), pem.armor("CERTIFICATE", cert)


def _new_tls_ca() -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"), x509.NameAttribute(NameOID.COMMON_NAME, TLS_CA_NAME)]
    )
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * 30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(key_cert_sign=True, crl_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return _pem(key, cert)


def _classic_request_valid(csr_der: bytes) -> bool:
    """An RSA or EC request signed by its own key."""
    try:
        request = x509.load_der_x509_csr(csr_der)
        key = request.public_key()
    except (ValueError, UnsupportedAlgorithm):
        key = None
    if not isinstance(key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey):
        raise CertificateError("练习 CA 只签发 SM2、RSA 和 EC 密钥的证书。")
    return bool(request.is_signature_valid)


def _key_usage(**chosen: bool) -> x509.KeyUsage:
    flags = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement")
    return x509.KeyUsage(
        **{flag: chosen.get(flag, False) for flag in (*flags, "key_cert_sign", "crl_sign")},
        encipher_only=False,
        decipher_only=False,
    )


def _extension(name: str, value: object, *, critical: bool = False) -> asn1_x509.Extension:
    return asn1_x509.Extension({"extn_id": name, "critical": critical, "extn_value": value})


def _key_id(spki: bytes) -> bytes:
    """RFC 5280 §4.2.1.2 (1): SHA-1 of the key's bits, as OpenSSL computes it."""
    bits = asn1_x509.PublicKeyInfo.load(spki)["public_key"].contents[1:]
    return hashlib.sha1(bits).digest()  # an identifier, not a security function


def _subject(cert_der: bytes) -> asn1_x509.Name:
    return asn1_x509.Certificate.load(cert_der)["tbs_certificate"]["subject"]


def _time(moment: datetime) -> asn1_x509.Time:
    """UTCTime up to 2049, GeneralizedTime after, in whole seconds (RFC 5280 §4.1.2.5)."""
    whole = moment.replace(microsecond=0)
    return asn1_x509.Time(name="utc_time" if moment.year < 2050 else "general_time", value=whole)


def _der_of(cert_pem: bytes) -> bytes:
    _type, _headers, der = pem.unarmor(cert_pem)
    return bytes(der)


def _read(path: Path, load: Callable[[bytes], _T]) -> _T:
    """A file of the CA as this program wrote it, or PracticeSiteBroken naming it."""
    try:
        return load(path.read_bytes())
    except (ValueError, TypeError, KeyError, UnsupportedAlgorithm):  # asn1crypto and cryptography on garbage
        raise PracticeSiteBroken(str(path)) from None


def _ec_public(key: object) -> bytes:
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise TypeError("not an EC key")
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def _ec_private_key(data: bytes) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(data, password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise TypeError("not an EC key")
    return key


def _made_once(
    cert_path: Path,
    key_path: Path,
    make: Callable[[], tuple[bytes, bytes]],
    still_good: Callable[[bytes], bool] = lambda cert_pem: True,
) -> None:
    """Make a key pair's two files unless its certificate is there (and
    ``still_good``: an identity from a CA since remade is made again).

    Two processes can meet here on first use (two `practice reset`, two
    renewals started together): they take turns on a lock file, and the second
    finds the pair made. Each file is written whole or not at all, the key
    first and the certificate last, so "certificate present" means "pair
    complete" and a reader needs no lock; a process killed between the two
    writes leaves a key alone, which the next one replaces.
    """
    for path in (cert_path, key_path):  # a folder (or device) of that name is not to be written over
        if path.exists() and not path.is_file():
            raise PracticeSiteBroken(str(path))
    if cert_path.is_file() and still_good(cert_path.read_bytes()):
        return
    private_dir(cert_path.parent)
    with LockFile(cert_path.with_name(cert_path.name + ".lock")):
        if not (cert_path.is_file() and still_good(cert_path.read_bytes())):
            key_pem, cert_pem = make()
            atomic.write_bytes(key_path, key_pem)
            atomic.write_bytes(cert_path, cert_pem)


def _holding(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` unless it holds that already. Processes
    starting together take turns on a lock file, as in :func:`_made_once`:
    two writers of one file would share its temporary file, and the second
    would find it renamed away by the first."""
    if path.is_file() and path.read_bytes() == data:
        return
    with LockFile(path.with_name(path.name + ".lock")):
        if not (path.is_file() and path.read_bytes() == data):
            atomic.write_bytes(path, data)


def _pem(key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> tuple[bytes, bytes]:
    return (
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        cert.public_bytes(serialization.Encoding.PEM),
    )
