"""Reading a Ukey certificate and deciding whether it can be renewed.

Parsing uses asn1crypto rather than ``cryptography``: Chinese CA certificates
carry SM2 keys (``cryptography`` cannot hand out the key) and sometimes GBK
bytes inside UTF8String or PrintableString names (``cryptography`` refuses
the name, or the whole certificate). asn1crypto parses lazily and lets us
decode each name value ourselves: utf-8, then gbk, then latin-1.

Everything here is a pure function of its inputs; ``now`` is always passed in.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from asn1crypto import keys, pem, x509
from asn1crypto import parser as der_parser

from ukey_renew.errors import CertificateEmpty, CertificateError

SM2_CURVE_OID = "1.2.156.10197.1.301"

# Where CAs put the organization code. GB/T 20518-2006 defines
# 1.2.156.10260.4.1.4 (企业组织机构代码); 1.2.86.11.7.3 is the older arc some
# CAs still write. The 12309 keys carry the 6-digit procuratorate code
# (guide 3.7 note 2), most often in OU.
ORG_CODE_EXTENSION_OIDS = ("1.2.156.10260.4.1.4", "1.2.86.11.7.3")
_ORG_CODE = re.compile(r"(?<!\d)(\d{6})(?!\d)")

_OID_CN = "2.5.4.3"
_OID_O = "2.5.4.10"
_OID_OU = "2.5.4.11"
_OID_SERIAL_NUMBER = "2.5.4.5"

_TAG_UNIVERSAL_STRING = 28
_TAG_BMP_STRING = 30


@dataclass(frozen=True)
class CertInfo:
    subject_cn: str | None
    organization: str | None
    org_code: str | None
    org_code_source: str | None
    issuer_cn: str | None
    serial: str
    not_before: datetime
    not_after: datetime
    key_algorithm: str
    public_key: bytes = field(repr=False)
    der: bytes = field(repr=False)
    is_ca: bool = False  # basicConstraints cA: a CA's certificate, never a key's own

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.der).hexdigest()

    def days_left(self, now: datetime) -> int:
        """Days until expiry, a started day counted (19.2 → 20, as a person
        counts "还有 20 天"); once expired, minus the days past (an hour → -1)."""
        days = (self.not_after - now).total_seconds() / 86400
        return math.ceil(days) if days > 0 else math.floor(days)

    def to_dict(self, now: datetime, policy: RenewalPolicy | None = None) -> dict[str, Any]:
        verdict = renewal_eligibility(self, now, policy or RenewalPolicy())
        return {
            "subject_cn": self.subject_cn,
            "organization": self.organization,
            "org_code": self.org_code,
            "org_code_source": self.org_code_source,
            "issuer_cn": self.issuer_cn,
            "serial": self.serial,
            "not_before": self.not_before.isoformat(),
            "not_after": self.not_after.isoformat(),
            "key_algorithm": self.key_algorithm,
            "days_left": self.days_left(now),
            "fingerprint_sha256": self.fingerprint,
            "renewal": verdict.to_dict(),
        }


@dataclass(frozen=True)
class RenewalPolicy:
    """The site's rules; the 12309 defaults come from guide 1.3 and 2.1."""

    max_expired_days: int = 30  # guide 1.3 note 2
    window_days: int | None = None  # guide 2.1 note: renew whatever the year


# What each verdict says, its numbers as fields: a front end may translate
# the template and fill in the same numbers.
VERDICTS = {
    "not_yet_valid": "证书尚未生效，请检查电脑的日期和时间是否正确。",
    "expired_too_long": "证书已过期 {days} 天，超过 {limit} 天，无法在线延期，请按指南 3.7 申请更换 Ukey。",
    "expired_renewable": "证书已过期 {days} 天，仍在 {limit} 天内，请尽快延期。",
    "not_in_window": "证书还有 {days} 天到期，到期前 {limit} 天内才能延期。",
    "renewable": "证书有效，还有 {days} 天到期，可以延期。",
}


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reason: str  # a key of VERDICTS
    guide: str
    days: int = 0  # left, or past expiry
    limit: int = 0  # the rule's number of days

    @property
    def template(self) -> str:
        return VERDICTS[self.reason]

    @property
    def message(self) -> str:
        return self.template.format(days=self.days, limit=self.limit)

    def to_dict(self) -> dict[str, Any]:
        return {
            "eligible": self.eligible,
            "reason": self.reason,
            "message": self.message,
            "guide": self.guide,
        }


def renewal_eligibility(cert: CertInfo, now: datetime, policy: RenewalPolicy) -> Eligibility:
    if now < cert.not_before:
        return Eligibility(False, "not_yet_valid", "2.1")
    overdue = now - cert.not_after
    expired_days = -cert.days_left(now)  # counted as a person counts: a started day is a day
    if overdue > timedelta(days=policy.max_expired_days):
        return Eligibility(False, "expired_too_long", "1.3", expired_days, policy.max_expired_days)
    if overdue > timedelta(0):
        return Eligibility(True, "expired_renewable", "1.3", expired_days, policy.max_expired_days)
    days_left = cert.days_left(now)
    if policy.window_days is not None and days_left > policy.window_days:
        return Eligibility(False, "not_in_window", "2.1", days_left, policy.window_days)
    return Eligibility(True, "renewable", "2.1", days_left)


def not_a_login_certificate(cert: CertInfo) -> str | None:
    """Why a certificate file is not a red key's login certificate (a CA's, or
    one with no org code), or None: such a file has nothing to renew."""
    if cert.is_ca:
        why = "这是证书颁发机构（CA）的证书"
    elif not cert.org_code:
        why = "证书中没有检察院的组织机构代码"
    else:
        return None
    return f"这不是 Ukey 登录证书（{why}），无需也无法延期。Ukey 中的单位证书请用 ukey-renew status 查看（指南 2.1）。"


def load_certificate(data: bytes) -> CertInfo:
    """Parse DER, PEM or bare base64 (what XTXApp hands out); never raises anything
    but :class:`CertificateError`."""
    if not data or not data.strip():
        raise CertificateEmpty()
    der = bytes(_to_der(data))
    # The bytes are untrusted and asn1crypto parses lazily, so any of its
    # exceptions can surface on first access: all of them mean "malformed".
    try:
        return _read(der)
    except CertificateError:
        raise
    except Exception as exc:  # noqa: BLE001 - boundary for untrusted input
        raise CertificateError(detail=f"{type(exc).__name__} while parsing") from None


def _to_der(data: bytes) -> bytes:
    stripped = data.strip()
    if stripped.startswith(b"-----BEGIN"):
        try:
            for _type, _headers, der in pem.unarmor(stripped, multiple=True):
                return der
        except (ValueError, TypeError):
            pass
        raise CertificateError("无法读取证书：PEM 格式不完整。")
    if stripped[:1] == b"\x30":
        return data
    try:
        return base64.b64decode(b"".join(stripped.split()), validate=True)
    except (binascii.Error, ValueError):
        raise CertificateError() from None


@functools.lru_cache(maxsize=32)
def _read(der: bytes) -> CertInfo:
    """Each certificate parsed once: a renewal reads the key's and the new
    ones again at each step (15 reads of 4 certificates, about 0.8 ms each).
    A :class:`CertInfo` is frozen, so every reader may share it; what fails
    to parse is not kept and fails again."""
    cert = x509.Certificate.load(der, strict=True)
    tbs = cert["tbs_certificate"]
    subject = _name_values(tbs["subject"])
    issuer = _name_values(tbs["issuer"])
    validity = tbs["validity"]
    org_code, source = _find_org_code(subject, tbs["extensions"])
    spki = tbs["subject_public_key_info"]
    return CertInfo(
        subject_cn=_first(subject, _OID_CN),
        organization=_first(subject, _OID_O),
        org_code=org_code,
        org_code_source=source,
        issuer_cn=_first(issuer, _OID_CN),
        serial=_serial_hex(tbs["serial_number"].native),
        not_before=_utc(validity["not_before"].native),
        not_after=_utc(validity["not_after"].native),
        key_algorithm=key_algorithm(spki),
        public_key=bytes(spki["public_key"].contents),
        der=der,
        is_ca=bool(cert.ca),
    )


def _serial_hex(number: int) -> str:
    text = format(abs(number), "X")
    return ("-" if number < 0 else "") + text.zfill(len(text) + len(text) % 2)


def public_key_bits(public_key_info_der: bytes) -> bytes:
    """The key itself (BIT STRING contents) of a SubjectPublicKeyInfo, which is
    what a certificate and a key pair must share."""
    return bytes(keys.PublicKeyInfo.load(public_key_info_der)["public_key"].contents)


def _utc(value: object) -> datetime:
    if not isinstance(value, datetime):
        raise CertificateError("无法读取证书：有效期字段格式错误。")
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def key_algorithm(spki: Any) -> str:
    """The key's algorithm, "SM2", "RSA", "EC" or the dotted OID, from a parsed SubjectPublicKeyInfo."""
    algorithm = spki["algorithm"]["algorithm"].dotted
    if algorithm == SM2_CURVE_OID:
        return "SM2"
    if algorithm == "1.2.840.113549.1.1.1":
        return "RSA"
    if algorithm == "1.2.840.10045.2.1":
        params = spki["algorithm"]["parameters"]
        if params.name == "named" and params.chosen.dotted == SM2_CURVE_OID:
            return "SM2"
        return "EC"
    return algorithm


def _name_values(name: Any) -> list[tuple[str, str]]:
    """(OID, text) pairs in order, each value decoded tolerantly."""
    values = []
    for rdn in name.chosen:
        for attribute in rdn:
            values.append((attribute["type"].dotted, decode_text(attribute["value"].dump())))
    return values


def decode_text(tlv: bytes) -> str:
    """Decode one DER string value whatever its declared type."""
    _class, _method, tag, _header, contents, _trailer = der_parser.parse(tlv)
    if tag == _TAG_BMP_STRING:
        return contents.decode("utf-16-be", errors="replace")
    if tag == _TAG_UNIVERSAL_STRING:
        return contents.decode("utf-32-be", errors="replace")
    for encoding in ("utf-8", "gbk"):
        try:
            return contents.decode(encoding)
        except UnicodeDecodeError:
            continue
    return contents.decode("latin-1")


def _first(values: list[tuple[str, str]], oid: str) -> str | None:
    return next((text for key, text in values if key == oid), None)


def _find_org_code(subject: list[tuple[str, str]], extensions: Any) -> tuple[str | None, str | None]:
    for oid, label in ((_OID_OU, "subject.OU"), (_OID_SERIAL_NUMBER, "subject.serialNumber")):
        for key, text in subject:
            match = _ORG_CODE.search(text) if key == oid else None
            if match:
                return match.group(1), label
    for extension in extensions or []:
        oid = extension["extn_id"].dotted
        if oid not in ORG_CODE_EXTENSION_OIDS:
            continue
        raw = extension["extn_value"].contents
        try:
            text = decode_text(raw)
        except ValueError:
            text = raw.decode("latin-1")
        match = _ORG_CODE.search(text)
        if match:
            return match.group(1), f"extension {oid}"
    return None, None
