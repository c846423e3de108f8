"""Setting up the practice key with a certificate worth renewing.

The certificates (signing and encryption, SM2 as on the red key) are shaped
like the guide's example (guide 2.2 figure 4: unit certificate of 电信测试1,
org code 111111, two months of validity) and expire in a chosen number of
days, so that every branch of the eligibility rules (guide 1.3 note 2) can
be practised.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from pathlib import Path

from ukey_renew import atomic
from ukey_renew.casim.ca import ReferenceCA
from ukey_renew.envelope import seal
from ukey_renew.errors import StateNotSaved
from ukey_renew.lockfile import LockFile
from ukey_renew.paths import private_dir
from ukey_renew.token import practice
from ukey_renew.token.base import EncryptionPair
from ukey_renew.token.csr import subject_name
from ukey_renew.token.practice import PracticeToken

CONTAINER = "UnitCert"
UNIT_NAME = "电信测试1"  # guide 2.2 figure 4
ORG_CODE = "111111"  # guide 2.2 figure 4
ADMIN_PIN = "12309admin"  # the practice operator's unlock PIN; practice only
_EXAMPLE_VALIDITY = timedelta(days=62)  # 2023-07-18 … 2023-09-18 in the guide


def reference_ca(data_dir: Path) -> ReferenceCA:
    return ReferenceCA(data_dir / "reference-ca")


def reset_practice_key(
    data_dir: Path,
    now: datetime,
    expires_in_days: int = 20,
    key_path: Path | None = None,
    *,
    unless_present: bool = False,
) -> PracticeToken:
    """A fresh practice key; ``key_path`` puts it elsewhere than the default
    (several keys issued by one reference CA, for load tests and training).

    The key is made in a file of its own and moved over the old one only once
    it holds its certificate, under the key's lock: another process (a renewal
    starting, a second `practice reset`) finds the old key or the new one,
    never one still being made, and two resets take turns. With
    ``unless_present`` (first use) a key another process has just made is kept:
    two renewals started together on a new machine use one key.
    """
    target = key_path or practice.default_path(data_dir)
    staging = target.with_name(target.name + ".new")
    private_dir(target.parent)
    with LockFile(practice.lock_path(target)):
        if unless_present and target.is_file():
            return PracticeToken(target)
        serial = "PR" + secrets.token_hex(5).upper()
        # Made in steps, each unsynced: the key counts only once it replaces the old one, flushed whole.
        token = PracticeToken.provision(staging, serial=serial, admin_pin=ADMIN_PIN, durable=False)
        token.login(practice.DEFAULT_PIN)
        spki = token.generate_key_pair(CONTAINER)
        subject = subject_name(UNIT_NAME, UNIT_NAME, ORG_CODE)
        not_after = now + timedelta(days=expires_in_days)
        not_before = min(now, not_after - _EXAMPLE_VALIDITY)
        ca = reference_ca(data_dir)
        token.install_certificate(CONTAINER, ca.issue(token.create_csr(CONTAINER, subject), not_before, not_after))
        enc_cert, enc_key = ca.issue_encryption(subject, not_before, not_after)
        token.import_encryption(CONTAINER, EncryptionPair(enc_cert, seal(enc_key, spki)))
        token.logout()
        try:
            atomic.flush(staging)
            atomic.replace(staging, target)
        except OSError as exc:
            raise StateNotSaved(target.name, exc) from exc
    practice.lock_path(staging).unlink(missing_ok=True)
    return PracticeToken(target)
