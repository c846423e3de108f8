"""What is plugged in: every key the backends can see, its PIN state and
certificates, and the PC/SC readers.

Each backend, and each PKCS#11 module, is asked on its own, so one that fails
(no driver, a 32-bit driver, service not running, key pulled out) is reported
as a problem and never hides the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ukey_renew.certs import RenewalPolicy, load_certificate
from ukey_renew.errors import CertificateError, UkeyError
from ukey_renew.token import registry
from ukey_renew.token.base import Token
from ukey_renew.token.registry import Where

log = logging.getLogger(__name__)


@dataclass
class Status:
    tokens: list[dict[str, Any]] = field(default_factory=list)
    readers: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"tokens": self.tokens, "readers": self.readers, "problems": self.problems}


def collect(
    backend: str,
    *,
    data_dir: Path,
    now: datetime,
    policy: RenewalPolicy,
    pkcs11_module: str | None = None,
    xtxapp_url: str | None = None,
    list_readers: Callable[[], Sequence[Any]] | None = None,
) -> Status:
    status = Status()
    auto = backend == "auto"
    where = Where(data_dir, pkcs11_module, xtxapp_url)
    for chosen in registry.auto(data_dir) if auto else [registry.BACKENDS[backend]]:
        tokens, failures = chosen.scan(where)
        # In auto mode a missing service or driver is normal on most machines.
        status.problems.extend(_problem(chosen.name, exc) for exc in failures if not (auto and exc.id in chosen.absent))
        for token in tokens:
            try:
                status.tokens.append(describe(token, now, policy))
            except UkeyError as exc:  # the key gone, its file broken or held by another process
                status.problems.append(_problem(chosen.name, exc))
            finally:
                token.close()
    if list_readers is not None:
        try:
            status.readers = [reader.to_dict() for reader in list_readers()]
        except UkeyError as exc:
            status.problems.append(_problem("pcsc", exc))
    return status


def describe(token: Token, now: datetime, policy: RenewalPolicy) -> dict[str, Any]:
    entry: dict[str, Any] = token.info().to_dict()
    entry["pin"] = token.pin_status().to_dict()
    certificates = []
    for cert in token.certificates():
        try:
            fields = load_certificate(cert.der).to_dict(now, policy)
        except CertificateError as exc:
            fields = {"error": exc.as_dict()}
        if cert.enc_der is not None:
            fields["encryption_certificate"] = _encryption(cert.enc_der)
        certificates.append({"id": cert.id, "container": cert.container, **fields})
    entry["certificates"] = certificates
    return entry


def _encryption(der: bytes) -> dict[str, Any]:
    """The encryption certificate beside a signing one (双证): what tells it apart, no verdict of its own."""
    try:
        cert = load_certificate(der)
    except CertificateError as exc:
        return {"error": exc.as_dict()}
    return {
        "serial": cert.serial,
        "not_before": cert.not_before.isoformat(),
        "not_after": cert.not_after.isoformat(),
        "key_algorithm": cert.key_algorithm,
    }


def _problem(backend: str, exc: UkeyError) -> dict[str, str]:
    log.warning("status: %s: %s (%s)", backend, exc.id, exc.detail)
    return {"backend": backend, **exc.as_dict()}
