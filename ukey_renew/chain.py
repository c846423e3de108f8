"""Whose certificate is it: the site's login certificate and the renewed
certificate, checked against the site's CA certificates (its trust anchors)
before the key signs anything or loses its old certificate.

A site answer carries certificates the site chose; only a check against
anchors we already hold ties them to the site. RSA and EC signatures are
verified with ``cryptography``, SM3withSM2 ones (which ``cryptography``
cannot verify) with gmssl-pyx and the default signer ID of GM/T 0009; where
gmssl-pyx has no wheel, an SM2 certificate is refused, never taken on trust.
"""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from ukey_renew import sm2
from ukey_renew.certs import CertInfo
from ukey_renew.errors import IssuedCertificateWrong, SiteIdentityWrong, Sm2Unavailable

# A new certificate may start a little after our clock says "now": the CA's
# clock and ours differ by minutes, not hours.
CLOCK_SKEW = timedelta(minutes=10)

# How much longer a renewed certificate must run than the one it replaces.
# Guide 2.2 ⑤ (figure 5) renews a certificate ending 2023-09-18 to 2028-09-18:
# a renewal is for years. A year is the least still called one (a CA with
# shorter terms than the guide's five passes); a day or a month more is not a
# renewal, and would send the user back to renew again within weeks.
LEAST_EXTENSION = timedelta(days=365)

# What each slot of the key needs its certificate to be used for (RFC 5280
# §4.2.1.3 key usage): the login key signs; the encryption key (双证, GM/T
# 0015) enciphers keys or data. No unit certificate may sign certificates or
# CRLs: that is a CA's, whatever its basic constraints say.
SLOT_USAGE = {
    "sign": ("digital_signature",),
    "encrypt": ("key_encipherment", "data_encipherment", "key_agreement"),
}
_CA_USAGE = ("key_cert_sign", "crl_sign")


def check_server(cert_der: bytes, anchors: list[x509.Certificate], host: str, now: datetime) -> None:
    """The login certificate was issued by one of ``anchors``, is valid
    ``now`` and names ``host`` (subjectAltName).

    An RSA or EC certificate is checked as a browser checks a TLS server's
    (RFC 5280 path building by ``cryptography``, the web's extension rules).
    An SM2 one, a signing certificate as BJCA's sites use, is checked here:
    signed by the anchor its issuer name and authority key id name, for
    signing (key usage), not a CA. Python's TLS cannot do SM2, so the site's
    HTTPS certificate may be another one (docs/protocol.md §9, item 13).
    """
    try:  # asn1crypto parses lazily: a malformed part surfaces where it is read
        cert = asn1_x509.Certificate.load(cert_der)
        sm2_signed = cert["signature_algorithm"]["algorithm"].dotted == sm2.SIGNATURE_OID
        problem = _sm2_server_problem(cert, anchors, host, now) if sm2_signed else None
    except (ValueError, TypeError, KeyError) as exc:
        raise SiteIdentityWrong(detail=f"login certificate: {str(exc)[:160]}") from None
    if problem:
        raise SiteIdentityWrong(detail=f"login certificate: {problem}")
    if sm2_signed:
        return
    try:
        address: x509.DNSName | x509.IPAddress = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        address = x509.DNSName(host)
    try:
        verifier = PolicyBuilder().store(Store(anchors)).time(now).build_server_verifier(address)
        verifier.verify(x509.load_der_x509_certificate(cert_der), [])
    except (VerificationError, ValueError) as exc:
        raise SiteIdentityWrong(detail=f"login certificate: {str(exc)[:160]}") from None


def _sm2_server_problem(
    cert: asn1_x509.Certificate, anchors: list[x509.Certificate], host: str, now: datetime
) -> str | None:
    """What is wrong with an SM2 login certificate, or None."""
    issuer = _issuer_of(cert, anchors)
    if issuer is None:
        return "issuer not among the site's CA certificates"
    if not _sm2_signed(cert, issuer):
        return "SM3withSM2 signature does not verify"
    validity = cert["tbs_certificate"]["validity"]
    if not validity["not_before"].native <= now <= validity["not_after"].native:
        return "not valid now"
    constraints, usage = cert.basic_constraints_value, cert.key_usage_value
    if constraints is not None and constraints["ca"].native:
        return "a CA certificate"
    if usage is None or "digital_signature" not in usage.native:
        return "key usage does not allow signing"
    names = cert.subject_alt_name_value
    if names is None or host not in [name.native for name in names]:
        return f"does not name {host}"
    return None


def check_issued(
    new: CertInfo, old: CertInfo, anchors: list[x509.Certificate], now: datetime, slot: str = "sign"
) -> None:
    """The renewed certificate is signed by one of the site's CAs, is in force
    within ``CLOCK_SKEW`` and outlasts the old one by ``LEAST_EXTENSION``,
    names the same unit, and is an end-entity certificate for its ``slot``
    (``SLOT_USAGE``).

    The old certificate's issuer counts only as one of ``anchors``: a name
    alone cannot vouch for a signature. Whether its key is the one asked for
    is the engine's check, which holds the request.
    """
    issuer = _issuer_of(asn1_x509.Certificate.load(new.der), anchors)
    if issuer is None:
        raise IssuedCertificateWrong(
            "网站下发的新证书不是由延期网站的 CA 签发的，未写入 Ukey，原证书保持不变。",
            detail=f"issuer {new.issuer_cn!r}",
        )
    _check_signature(new.der, issuer)
    if new.not_before > now + CLOCK_SKEW:
        raise IssuedCertificateWrong(
            f"网站下发的新证书要到 {new.not_before:%Y-%m-%d %H:%M} (UTC) 才生效，未写入 Ukey，原证书保持不变。",
            detail=f"not_before {new.not_before.isoformat()}",
        )
    if new.not_after <= now:
        raise IssuedCertificateWrong(
            "网站下发的新证书已经过期，未写入 Ukey，原证书保持不变。", detail=f"not_after {new.not_after.isoformat()}"
        )
    if new.not_after <= old.not_after:
        raise IssuedCertificateWrong(
            f"网站下发的新证书有效期（至 {new.not_after:%Y-%m-%d}）不比原证书长，未写入 Ukey，原证书保持不变。",
            detail=f"not_after {new.not_after.isoformat()} <= old {old.not_after.isoformat()}",
        )
    if new.not_after < old.not_after + LEAST_EXTENSION:
        days = (new.not_after - old.not_after).days
        raise IssuedCertificateWrong(
            f"网站下发的新证书有效期（至 {new.not_after:%Y-%m-%d}）只比原证书长 {days} 天，"
            "不足一年（指南 2.2 ⑤ 的延期以年计），未写入 Ukey，原证书保持不变。",
            detail=f"not_after {new.not_after.isoformat()}: {days} d beyond the old, under {LEAST_EXTENSION.days}",
        )
    if (new.subject_cn, new.organization, new.org_code) != (old.subject_cn, old.organization, old.org_code):
        raise IssuedCertificateWrong(detail="subject differs from the old certificate")
    problem = _slot_problem(asn1_x509.Certificate.load(new.der), slot)
    if problem:
        raise IssuedCertificateWrong(
            f"网站下发的新{'加密' if slot == 'encrypt' else ''}证书{problem}，不能作为 Ukey 中的单位证书，"
            "未写入 Ukey，原证书保持不变。",
            detail=f"{slot} slot: {problem}",
        )


def _slot_problem(cert: asn1_x509.Certificate, slot: str) -> str | None:
    """Why ``cert`` cannot be the unit's certificate in ``slot``, in a clerk's words, or None."""
    try:
        constraints, usage = cert.basic_constraints_value, cert.key_usage_value
    except (ValueError, TypeError, KeyError):
        return "的扩展项格式错误"
    if constraints is not None and constraints["ca"].native:
        return "是证书颁发机构（CA）的证书"
    granted = set(usage.native) if usage is not None else set()
    if granted & set(_CA_USAGE):
        return "带有签发证书的用途（CA 的用途）"
    if not granted & set(SLOT_USAGE[slot]):
        return "没有加密用途" if slot == "encrypt" else "没有签名用途"
    return None


def _issuer_of(cert: asn1_x509.Certificate, anchors: list[x509.Certificate]) -> x509.Certificate | None:
    """The anchor that issued ``cert``: a CA whose name is the certificate's
    issuer (compared as encoded) and whose key identifier is its authority key
    identifier, which RFC 5280 §4.2.1.1 has every CA write: of two CAs under
    one name (a CA's new key), the one that signed."""
    try:
        issuer, key_id = cert["tbs_certificate"]["issuer"].dump(), cert.authority_key_identifier
    except (ValueError, TypeError, KeyError):  # a malformed authority key id names no anchor
        return None
    for anchor in anchors:
        parsed = asn1_x509.Certificate.load(anchor.public_bytes(Encoding.DER))
        constraints, usage = parsed.basic_constraints_value, parsed.key_usage_value
        if (
            parsed["tbs_certificate"]["subject"].dump() == issuer
            and key_id is not None
            and parsed.key_identifier == key_id
            and constraints is not None
            and constraints["ca"].native
            and (usage is None or "key_cert_sign" in usage.native)
        ):
            return anchor
    return None


def _check_signature(cert_der: bytes, issuer: x509.Certificate) -> None:
    cert = asn1_x509.Certificate.load(cert_der)
    if cert["signature_algorithm"]["algorithm"].dotted == sm2.SIGNATURE_OID:
        try:
            valid = _sm2_signed(cert, issuer)
        except Sm2Unavailable:
            raise IssuedCertificateWrong(
                "网站下发的新证书使用国密 SM2 签名，本电脑上的程序缺少核验 SM2 签名的组件，"
                "未写入 Ukey，原证书保持不变。",
                detail="SM3withSM2 signature: gmssl-pyx not installed",
            ) from None
    else:
        try:
            x509.load_der_x509_certificate(cert_der).verify_directly_issued_by(issuer)
            valid = True
        except (InvalidSignature, UnsupportedAlgorithm, ValueError, TypeError):
            valid = False
    if not valid:
        raise IssuedCertificateWrong(
            "网站下发的新证书签名无效（不是延期网站的 CA 签发的），未写入 Ukey，原证书保持不变。",
            detail=f"signature by {issuer.subject.rfc4514_string()[:80]} does not verify",
        )


def _sm2_signed(cert: asn1_x509.Certificate, issuer: x509.Certificate) -> bool:
    """True when ``issuer``'s SM2 key made the certificate's SM3withSM2 signature."""
    spki = asn1_x509.Certificate.load(issuer.public_bytes(Encoding.DER))["tbs_certificate"]["subject_public_key_info"]
    return sm2.verify(spki.dump(), cert["tbs_certificate"].dump(), cert["signature_value"].native)
