"""The reference CA: issues the certificates of practice mode and tests.

It stands in for BJCA's production CA, which cannot be reached from here.
The CA's own key is EC P-256; it signs requests for RSA and EC keys (SM2
needs a CA library we do not have here). Its key and certificate live in one
folder and are made on first use, readable by the user only.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ukey_renew import atomic
from ukey_renew.errors import CertificateError
from ukey_renew.lockfile import LockFile
from ukey_renew.paths import private_dir

CA_NAME = "ukey-renew 练习 CA"


class ReferenceCA:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.key_path = directory / "ca-key.pem"
        self.cert_path = directory / "ca-cert.pem"
        _made_once(self.cert_path, self.key_path, self._new)
        key = serialization.load_pem_private_key(self.key_path.read_bytes(), password=None)
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        self._key = key
        self.certificate = x509.load_pem_x509_certificate(self.cert_path.read_bytes())

    @staticmethod
    def _new() -> tuple[bytes, bytes]:
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME),
            ]
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
            .sign(key, hashes.SHA256())
        )
        return _pem(key, cert)

    def issued_this(self, cert_der: bytes) -> bool:
        """True when ``cert_der`` carries this CA's valid signature."""
        try:
            x509.load_der_x509_certificate(cert_der).verify_directly_issued_by(self.certificate)
        except (ValueError, TypeError, InvalidSignature):
            return False
        return True

    def server_identity(self, directory: Path) -> tuple[Path, Path]:
        """Certificate and key files for a TLS server on 127.0.0.1, made once."""
        cert_path, key_path = directory / "server-cert.pem", directory / "server-key.pem"
        _made_once(cert_path, key_path, self._new_server_identity)
        return cert_path, key_path

    def _new_server_identity(self) -> tuple[bytes, bytes]:
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=825))
            .add_extension(
                x509.SubjectAlternativeName(
                    [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
                ),
                critical=False,
            )
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(self._key, hashes.SHA256())
        )
        return _pem(key, cert)

    def issue(self, csr_der: bytes, not_before: datetime, not_after: datetime) -> bytes:
        """A unit certificate for the request's subject and key (DER)."""
        try:
            request = x509.load_der_x509_csr(csr_der)
            valid = request.is_signature_valid
        except ValueError as exc:
            raise CertificateError("证书申请（PKCS#10）格式错误。") from exc
        if not valid:
            raise CertificateError("证书申请（PKCS#10）签名无效。")
        try:
            public_key = request.public_key()
        except UnsupportedAlgorithm:
            raise CertificateError("练习 CA 不能签发此类密钥（如 SM2）的证书。") from None
        if not isinstance(public_key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey):
            raise CertificateError("练习 CA 只签发 RSA 和 EC 密钥的证书。")
        cert = (
            x509.CertificateBuilder()
            .subject_name(request.subject)
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(int.from_bytes(secrets.token_bytes(16), "big") >> 1)
            .not_valid_before(not_before)
            .not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .sign(self._key, hashes.SHA256())
        )
        return cert.public_bytes(serialization.Encoding.DER)


def _made_once(cert_path: Path, key_path: Path, make: Callable[[], tuple[bytes, bytes]]) -> None:
    """Make a key pair's two files unless its certificate is there.

    Two processes can meet here on first use (two `practice reset`, two
    renewals started together): they take turns on a lock file, and the second
    finds the pair made. Each file is written whole or not at all, the key
    first and the certificate last, so "certificate present" means "pair
    complete" and a reader needs no lock; a process killed between the two
    writes leaves a key alone, which the next one replaces.
    """
    if cert_path.is_file():
        return
    private_dir(cert_path.parent)
    with LockFile(cert_path.with_name(cert_path.name + ".lock")):
        if not cert_path.is_file():
            key_pem, cert_pem = make()
            atomic.write_bytes(key_path, key_pem)
            atomic.write_bytes(cert_path, cert_pem)


def _pem(key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> tuple[bytes, bytes]:
    return (
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        cert.public_bytes(serialization.Encoding.PEM),
    )
