"""What is plugged in: every key the backends can see, its PIN state and
certificates, and the PC/SC readers.

Each backend, and each PKCS#11 module, is asked on its own, so one that fails
(no driver, a 32-bit driver, service not running, key pulled out) is reported
as a problem and never hides the others. Every key read is remembered with its
certificate's dates, so ``ukey-renew remind`` can warn without the key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ukey_renew.certs import CertInfo, RenewalPolicy, load_certificate
from ukey_renew.dates import clock_time, guide_date
from ukey_renew.errors import CertificateError, RecordsUnavailable, UkeyError
from ukey_renew.renewal.records import KnownKey
from ukey_renew.token import registry
from ukey_renew.token.base import PinStatus, Token, TokenInfo
from ukey_renew.token.registry import Where

log = logging.getLogger(__name__)


@dataclass
class Status:
    tokens: list[dict[str, Any]] = field(default_factory=list)
    readers: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)
    unfinished: list[dict[str, Any]] = field(default_factory=list)  # renewals stopped with an open order

    def to_dict(self) -> dict[str, Any]:
        return {
            "tokens": self.tokens,
            "readers": self.readers,
            "problems": self.problems,
            "unfinished": self.unfinished,
        }


def unfinished_text(entry: dict[str, Any]) -> str:
    """One unfinished renewal and what to do with it, for the user and IT staff alike."""
    try:
        started = datetime.fromisoformat(entry["started_at"])
        when = f"{guide_date(started)} {clock_time(started)}"
    except ValueError:  # a journal edited by hand: its words as they are
        when = entry["started_at"]
    return (
        f"未完成的延期：Ukey {entry['serial']}，订单号 {entry['order_no']}，{when} 开始。"
        "插上这把 Ukey 再次延期（向导或 ukey-renew renew）会沿用这个订单，不会重新下单；"
        "确定不再继续，运行 ukey-renew renew --abandon（指南 2.2 ⑤）。"
    )


def backend_title(name: str) -> str:
    """How a key was reached (or the readers, for their row), in words."""
    return registry.TITLES.get(name, name)


def beside_keys(problem: dict[str, Any]) -> bool:
    """A problem of a row like the readers': it matters to no key already read."""
    row = registry.row(problem["backend"])
    return row is not None and row.aside


def of_practice_key(problem: dict[str, Any]) -> bool:
    """A problem of the practice key's row: it says what to do itself."""
    return problem["backend"] == registry.PRACTICE.name


def pin_words(pin: dict[str, Any]) -> str:
    """A key's PIN state (as ``status`` gives it) in words."""
    return PinStatus.from_dict(pin).words()


def unfinished(data_dir: Path) -> list[dict[str, Any]]:
    """Renewals that stopped after the site gave them an order, whichever key is plugged in: the
    order is still open, and the next renewal of that key goes on with it. No holder data here."""
    from ukey_renew.renewal.build import open_orders

    return [
        {"serial": state.token_serial, "order_no": state.order_no, "started_at": state.started_at, "done": state.done}
        for state in open_orders(data_dir)
    ]


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

    def read(token: Token) -> tuple[dict[str, Any], KnownKey | None]:
        try:
            return _read(token, now, policy)
        finally:
            token.close()

    found, failures = registry.read_keys(
        registry.auto(data_dir) if auto else [registry.BACKENDS[backend]],
        Where(data_dir, pkcs11_module, xtxapp_url),
        read,
        everywhere=auto,
    )
    status.tokens = [entry for entry, _ in found]
    status.problems = [_problem(name, exc) for name, exc in failures]
    remember(data_dir, [known for _, known in found if known is not None])
    status.unfinished = unfinished(data_dir)
    if list_readers is not None and auto:  # a backend named alone: that backend's libraries only
        try:
            status.readers = [reader.to_dict() for reader in list_readers()]
        except UkeyError as exc:
            status.problems.append(_problem(registry.PCSC.name, exc))
    return status


def describe(token: Token, now: datetime, policy: RenewalPolicy) -> dict[str, Any]:
    return _read(token, now, policy)[0]


def _read(token: Token, now: datetime, policy: RenewalPolicy) -> tuple[dict[str, Any], KnownKey | None]:
    """The key described, and what is remembered of it: one read of its certificates for both."""
    info = token.info()
    entry: dict[str, Any] = info.to_dict()
    entry["pin"] = token.pin_status().to_dict()
    certificates = []
    loaded = []
    for cert in token.certificates():
        try:
            parsed = load_certificate(cert.der)
            loaded.append(parsed)
            fields = parsed.to_dict(now, policy)
        except CertificateError as exc:
            fields = {"error": exc.as_dict()}
        if cert.enc_der is not None:
            fields["encryption_certificate"] = _encryption(cert.enc_der)
        certificates.append({"id": cert.id, "container": cert.container, **fields})
    entry["certificates"] = certificates
    return entry, known_key(info, loaded, now)


def known_key(key: TokenInfo, certificates: Sequence[CertInfo], now: datetime) -> KnownKey | None:
    """The key with its login certificate's dates: of several (a renewal in the
    browser writes a new container beside the old, guide 2.3), the one that
    runs longest, a unit's certificate (one with an org code) first. None for
    a key with no certificate to renew."""
    own = [cert for cert in certificates if not cert.is_ca]
    if not own:
        return None
    cert = max(own, key=lambda cert: (cert.org_code is not None, cert.not_after))
    return KnownKey(
        token_serial=key.serial,
        seen_at=now.isoformat(),
        backend=key.backend,
        model=key.model or None,
        unit_name=cert.subject_cn,
        org_code=cert.org_code,
        not_before=cert.not_before.isoformat(),
        not_after=cert.not_after.isoformat(),
    )


def remember(data_dir: Path, known: Sequence[KnownKey]) -> None:
    """Remembered for the reminder; records that cannot be written leave the
    key's reading as it is, said only in the log: the key works without them."""
    from ukey_renew.renewal.build import records

    if not known:
        return
    try:
        store = records(data_dir)
        for key in known:
            store.remember(key)
    except RecordsUnavailable as exc:
        log.warning("keys not remembered: %s (%s)", exc.id, exc.detail)


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
