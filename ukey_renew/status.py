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
from ukey_renew.errors import CertificateError, TokenError, UkeyError
from ukey_renew.token import practice
from ukey_renew.token.base import Token

log = logging.getLogger(__name__)


@dataclass
class Status:
    tokens: list[dict[str, Any]] = field(default_factory=list)
    readers: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"tokens": self.tokens, "readers": self.readers, "problems": self.problems}


def open_backend(backend: str, *, data_dir: Path, pkcs11_module: str | None, xtxapp_url: str | None) -> list[Token]:
    """The tokens of one backend; raises the backend's typed error.

    Each backend's module (its driver binding, its HTTP client) loads only
    when that backend is asked for: the practice key needs neither.
    """
    if backend == "pkcs11":
        from ukey_renew.token import pkcs11

        return list(pkcs11.open_tokens(pkcs11_module))
    if backend == "xtxapp":
        from ukey_renew.token import xtxapp

        client = xtxapp.XTXAppClient(xtxapp_url or xtxapp.DEFAULT_URL, timeout=2.0)
        return list(xtxapp.open_tokens(client))
    if backend == "practice":
        return [practice.PracticeToken(practice.default_path(data_dir))]
    raise ValueError(backend)


def auto_backends(data_dir: Path) -> list[str]:
    """PKCS#11 and XTXApp always; the practice key once it has been set up."""
    chosen = ["pkcs11", "xtxapp"]
    if practice.default_path(data_dir).is_file():
        chosen.append("practice")
    return chosen


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
    chosen = auto_backends(data_dir) if backend == "auto" else [backend]
    for name in chosen:
        tokens, failures = _open(name, data_dir=data_dir, pkcs11_module=pkcs11_module, xtxapp_url=xtxapp_url)
        # In auto mode a missing service or driver is normal on most machines.
        status.problems.extend(_problem(name, exc) for exc in failures if backend != "auto" or not _absent(exc))
        for token in tokens:
            try:
                status.tokens.append(describe(token, now, policy))
            except TokenError as exc:
                status.problems.append(_problem(name, exc))
            finally:
                token.close()
    if list_readers is not None:
        try:
            status.readers = [reader.to_dict() for reader in list_readers()]
        except UkeyError as exc:
            status.problems.append(_problem("pcsc", exc))
    return status


def _open(
    backend: str, *, data_dir: Path, pkcs11_module: str | None, xtxapp_url: str | None
) -> tuple[list[Token], list[UkeyError]]:
    """The backend's tokens and what failed; for PKCS#11, each module that failed,
    even when another one found the key."""
    if backend == "pkcs11":
        from ukey_renew.token import pkcs11

        scans = pkcs11.scan_modules(pkcs11.module_paths(pkcs11_module))
        return [token for scan in scans for token in scan.tokens], [scan.error for scan in scans if scan.error]
    try:
        return open_backend(backend, data_dir=data_dir, pkcs11_module=pkcs11_module, xtxapp_url=xtxapp_url), []
    except UkeyError as exc:
        return [], [exc]


def describe(token: Token, now: datetime, policy: RenewalPolicy) -> dict[str, Any]:
    entry: dict[str, Any] = token.info().to_dict()
    entry["pin"] = token.pin_status().to_dict()
    certificates = []
    for cert in token.certificates():
        try:
            fields = load_certificate(cert.der).to_dict(now, policy)
        except CertificateError as exc:
            fields = {"error": exc.as_dict()}
        certificates.append({"id": cert.id, "container": cert.container, **fields})
    entry["certificates"] = certificates
    return entry


def _absent(exc: UkeyError) -> bool:
    return exc.id in ("xtxapp.unavailable", "pkcs11.module_not_found", "token.not_present")


def _problem(backend: str, exc: UkeyError) -> dict[str, str]:
    log.warning("status: %s: %s (%s)", backend, exc.id, exc.detail)
    return {"backend": backend, **exc.as_dict()}
