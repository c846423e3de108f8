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
from cryptography.x509.verification import Criticality, ExtensionPolicy, PolicyBuilder, Store, VerificationError

from ukey_renew.certs import CertInfo, load_certificate
from ukey_renew.errors import IssuedCertificateWrong, SiteIdentityWrong

# A new certificate may start a little after our clock says "now": the CA's
# clock and ours differ by minutes, not hours.
CLOCK_SKEW = timedelta(minutes=10)

_SM3_WITH_SM2 = "1.2.156.10197.1.501"


def check_server(cert_der: bytes, anchors: list[x509.Certificate], host: str, now: datetime) -> None:
    """The login certificate chains to one of ``anchors``, is valid ``now``,
    is a TLS server certificate and names ``host`` (subjectAltName), as a
    browser would check it (RFC 5280 path building by ``cryptography``).

    Two extensions the web's rules require are let go, because the reference
    CA made before this check has neither: the server certificate's authority
    key id and the CA's key usage. Name, chain, validity and purpose are all
    still checked.
    """
    policy_ee = ExtensionPolicy.webpki_defaults_ee().may_be_present(
        x509.AuthorityKeyIdentifier, Criticality.AGNOSTIC, None
    )
    policy_ca = ExtensionPolicy.webpki_defaults_ca().may_be_present(x509.KeyUsage, Criticality.AGNOSTIC, None)
    try:
        address: x509.DNSName | x509.IPAddress = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        address = x509.DNSName(host)
    try:
        verifier = (
            PolicyBuilder()
            .store(Store(anchors))
            .time(now)
            .extension_policies(ca_policy=policy_ca, ee_policy=policy_ee)
            .build_server_verifier(address)
        )
        verifier.verify(x509.load_der_x509_certificate(cert_der), [])
    except (VerificationError, ValueError) as exc:
        raise SiteIdentityWrong(detail=f"login certificate: {str(exc)[:160]}") from None


def check_issued(new: CertInfo, old: CertInfo, anchors: list[x509.Certificate], now: datetime) -> None:
    """The renewed certificate is signed by one of the site's CAs, is in force
    within ``CLOCK_SKEW`` and outlasts the old one, and names the same unit.

    The old certificate's issuer counts only as one of ``anchors``: a name
    alone cannot vouch for a signature. Whether its key is the one asked for
    is the engine's check, which holds the request.
    """
    issuer = _issuer_of(new.der, anchors)
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
    if (new.subject_cn, new.organization, new.org_code) != (old.subject_cn, old.organization, old.org_code):
        raise IssuedCertificateWrong(detail="subject differs from the old certificate")


def _issuer_of(cert_der: bytes, anchors: list[x509.Certificate]) -> x509.Certificate | None:
    """The anchor whose name is the certificate's issuer, compared as encoded."""
    issuer = asn1_x509.Certificate.load(cert_der)["tbs_certificate"]["issuer"].dump()
    return next((anchor for anchor in anchors if anchor.subject.public_bytes() == issuer), None)


def _check_signature(cert_der: bytes, issuer: x509.Certificate) -> None:
    cert = asn1_x509.Certificate.load(cert_der)
    if cert["signature_algorithm"]["algorithm"].dotted == _SM3_WITH_SM2:
        valid = _sm2_signed(cert, issuer)
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
    try:
        from gmssl_pyx import SM2_DEFAULT_SIGNER_ID, GmsslInnerError, InvalidValueError, sm2_verify
        from gmssl_pyx import normalize_sm2_public_key as sm2_point
    except ImportError:
        raise IssuedCertificateWrong(
            "网站下发的新证书使用国密 SM2 签名，本电脑上的程序缺少核验 SM2 签名的组件，未写入 Ukey，原证书保持不变。",
            detail="SM3withSM2 signature: gmssl-pyx not installed",
        ) from None
    issuer_der = issuer.public_bytes(Encoding.DER)
    if load_certificate(issuer_der).key_algorithm != "SM2":
        return False
    point = asn1_x509.Certificate.load(issuer_der)["tbs_certificate"]["subject_public_key_info"]["public_key"].native
    try:
        tbs, signature = cert["tbs_certificate"].dump(), cert["signature_value"].native
        return bool(sm2_verify(sm2_point(point), tbs, signature, SM2_DEFAULT_SIGNER_ID))
    except (InvalidValueError, GmsslInnerError):
        return False
