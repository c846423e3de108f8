"""PKCS#10 requests whose signature is made on the key.

``cryptography``'s CSR builder wants a private key object, which a hardware
key never hands out; asn1crypto lets us assemble the request around a
signature produced by any backend.
"""

from __future__ import annotations

from collections.abc import Callable

from asn1crypto import csr, keys, x509

# X.509 signature algorithm for each key type: SM2 keys sign SM2-with-SM3.
SIGNATURE_ALGORITHMS = {
    "EC": "sha256_ecdsa",
    "RSA": "sha256_rsa",
    "SM2": "1.2.156.10197.1.501",
}


def subject_name(common_name: str, organization: str | None = None, unit: str | None = None) -> bytes:
    """A DER Name in the shape of the 12309 unit certificates (C, O, OU, CN)."""
    fields: dict[str, str] = {"country_name": "CN"}
    if organization:
        fields["organization_name"] = organization
    if unit:
        fields["organizational_unit_name"] = unit
    fields["common_name"] = common_name
    return x509.Name.build(fields, use_printable=False).dump()


def build_csr(
    subject_der: bytes,
    public_key_info_der: bytes,
    key_algorithm: str,
    sign: Callable[[bytes], bytes],
) -> bytes:
    info = csr.CertificationRequestInfo(
        {
            "version": "v1",
            "subject": x509.Name.load(subject_der),
            "subject_pk_info": keys.PublicKeyInfo.load(public_key_info_der),
            "attributes": [],
        }
    )
    request = csr.CertificationRequest(
        {
            "certification_request_info": info,
            "signature_algorithm": {"algorithm": SIGNATURE_ALGORITHMS[key_algorithm]},
            "signature": sign(info.dump()),
        }
    )
    return request.dump()
