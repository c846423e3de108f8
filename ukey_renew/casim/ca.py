"""The reference CA: issues the certificates of practice mode and tests.

It stands in for BJCA's production CA, which cannot be reached from here.
The CA's own key is EC P-256; it signs requests for RSA and EC keys (SM2
needs a CA library we do not have here). Its key and certificate live in one
folder and are made on first use.
"""

from __future__ import annotations

import ipaddress
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ukey_renew.errors import CertificateError

CA_NAME = "ukey-renew 练习 CA"


class ReferenceCA:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.key_path = directory / "ca-key.pem"
        self.cert_path = directory / "ca-cert.pem"
        if not self.cert_path.is_file():
            self._create()
        key = serialization.load_pem_private_key(self.key_path.read_bytes(), password=None)
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        self._key = key
        self.certificate = x509.load_pem_x509_certificate(self.cert_path.read_bytes())

    def _create(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
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
        self.key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        self.cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))

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
        if cert_path.is_file() and key_path.is_file():
            return cert_path, key_path
        directory.mkdir(parents=True, exist_ok=True)
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
        key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        return cert_path, key_path

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
