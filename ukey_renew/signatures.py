"""A signature checked as BJCA's sites and keys make them: read by the
site's client (the site's challenge) and by the reference site (the key's
login), which must not share the client's code to test it."""

from __future__ import annotations

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from ukey_renew import sm2


def signature_valid(cert_der: bytes, data: bytes, signature: bytes) -> bool:
    """A signature over ``data`` by the certificate's key: SM3withSM2 for an
    SM2 key (as the red key and BJCA's sites sign), SHA-256 for RSA and EC."""
    try:
        spki = asn1_x509.Certificate.load(cert_der)["tbs_certificate"]["subject_public_key_info"].dump()
        if sm2.is_sm2_key(spki):
            return sm2.verify(spki, data, signature)
        key = x509.load_der_x509_certificate(cert_der).public_key()
        if isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
    except (InvalidSignature, UnsupportedAlgorithm, ValueError, TypeError):
        return False
    return True
