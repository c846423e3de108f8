"""Certificates with the oddities Chinese CAs produce, made for the tests.

``cryptography`` makes a sound certificate; asn1crypto then swaps in a
subject encoded exactly as wanted (GBK bytes in a UTF8String, BMPString …).
The signature no longer matches, which a parser that only reads must not mind.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from asn1crypto import parser as der_parser
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

UTF8_STRING = 12
PRINTABLE_STRING = 19
BMP_STRING = 30

OID_DER = {
    "C": bytes.fromhex("550406"),
    "O": bytes.fromhex("55040a"),
    "OU": bytes.fromhex("55040b"),
    "CN": bytes.fromhex("550403"),
    "serialNumber": bytes.fromhex("550405"),
}


def der(tag: int, content: bytes) -> bytes:
    length = len(content)
    if length < 0x80:
        head = bytes([length])
    else:
        size = length.to_bytes((length.bit_length() + 7) // 8, "big")
        head = bytes([0x80 | len(size)]) + size
    return bytes([tag]) + head + content


def raw_name(*attributes: tuple[str, int, bytes]) -> bytes:
    """A Name from (attribute, string tag, raw value bytes) triples."""
    rdns = b"".join(der(0x31, der(0x30, der(0x06, OID_DER[key]) + der(tag, value))) for key, tag, value in attributes)
    return der(0x30, rdns)


def make_cert(
    *,
    cn: str = "测试单位",
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    extensions: list[tuple[x509.ObjectIdentifier, bytes]] | None = None,
) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    start = not_before or datetime(2026, 1, 1, tzinfo=UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(0x1234)
        .not_valid_before(start)
        .not_valid_after(not_after or start + timedelta(days=365))
    )
    for oid, value in extensions or []:
        builder = builder.add_extension(x509.UnrecognizedExtension(oid, value), critical=False)
    return builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _elements(content: bytes) -> list[bytes]:
    """The TLVs of a constructed value's content, byte for byte."""
    found = []
    while content:
        _cls, _method, _tag, header, inner, trailer = der_parser.parse(content)
        size = len(header) + len(inner) + len(trailer)
        found.append(content[:size])
        content = content[size:]
    return found


def with_subject(cert_der: bytes, subject_der: bytes) -> bytes:
    """The certificate with its subject replaced by these exact bytes."""
    tbs, algorithm, signature = _elements(der_parser.parse(cert_der)[4])
    fields = _elements(der_parser.parse(tbs)[4])
    subject_index = 5 if fields[0][0] == 0xA0 else 4  # after the optional [0] version
    fields[subject_index] = subject_der
    return der(0x30, der(0x30, b"".join(fields)) + algorithm + signature)
