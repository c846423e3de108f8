"""What BJCA's XTXApp service and its simulator both speak, in one place
neither owns: the numbers of ``SOF_GetCertInfo``'s fields, the key types of
``GenKeyPair``, and subject names as ``ExportPKCS10`` takes them."""

from __future__ import annotations

from asn1crypto import x509

from ukey_renew.certs import decode_text
from ukey_renew.errors import TokenError

CERT_INFO_NOT_BEFORE = 11
CERT_INFO_NOT_AFTER = 12
CERT_INFO_CN = 17
CERT_INFO_SUBJECT = 33
KEY_TYPE_RSA = 1
KEY_TYPE_SM2 = 2
_DN_KEYS = {"2.5.4.6": "C", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.3": "CN"}


def dn_string(subject_der: bytes) -> str:
    """``C=CN,O=…,OU=…,CN=…`` from a DER Name, the form ExportPKCS10 takes."""
    parts = []
    for rdn in x509.Name.load(subject_der).chosen:
        for attribute in rdn:
            key = _DN_KEYS.get(attribute["type"].dotted)
            if key is None:
                raise TokenError(detail=f"DN attribute {attribute['type'].dotted} not supported")
            value = decode_text(attribute["value"].dump())
            if "," in value or "=" in value:
                raise TokenError(detail="DN value with ',' or '='")
            parts.append(f"{key}={value}")
    return ",".join(parts)


def parse_dn(dn: str) -> dict[str, str]:
    """The inverse of :func:`dn_string`, for the simulator."""
    fields = {}
    for part in dn.split(","):
        key, sep, value = part.partition("=")
        if not sep or key not in _DN_KEYS.values():
            raise ValueError(f"bad DN part {part!r}")
        fields[key] = value
    return fields
