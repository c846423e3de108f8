"""What a renewal in progress has achieved, kept on disk so that a killed
process resumes where it stopped: the same order, the certificate already
received, never a second order and never the old certificate lost.

One JSON file per key and container, rewritten atomically after each step;
a file lock held for the whole renewal keeps a second window off the key.
PINs and passwords are never written here.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ukey_renew import atomic
from ukey_renew.certs import load_certificate
from ukey_renew.errors import CertificateError, JournalSetAside, LockBusy, RenewalBusy
from ukey_renew.lockfile import LockFile
from ukey_renew.paths import private_dir
from ukey_renew.renewal.steps import STEPS


@dataclass
class JournalState:
    token_serial: str
    container: str
    site: str
    started_at: str
    done: list[str] = field(default_factory=list)
    order_no: str | None = None
    holder_name: str | None = None
    holder_mobile: str | None = None
    old_cert: str | None = None  # base64 DER: what the key held before
    new_cert: str | None = None  # base64 DER, once downloaded
    # With an SM2 key, downloaded with it: the encryption certificate (base64
    # DER) and its key pair in an envelope only the new key opens (base64).
    new_enc_cert: str | None = None
    enc_envelope: str | None = None
    # Set just before the key's password is changed: if the run stops before
    # "password" is journalled, the key may already have the new password.
    password_changing: bool = False
    # How often what the site sent for this order was refused (then dropped, to be asked for again).
    refused: int = 0

    def has(self, step: str) -> bool:
        return step in self.done

    def pin_hint(self) -> str:
        """Which password the key has after a stop near the password step
        (guide 2.2 ⑥), said before the password is asked again: the key
        cannot tell, and a wrong guess spends a try."""
        if self.has("password"):
            return "上次已设置新的 Ukey 密码，请输入新密码。"
        if self.password_changing:
            return (
                "上次在设置新密码时中断，新密码可能已生效，Ukey 无法告知是哪一个：请先输入新设置的密码；"
                "若提示密码错误（这会用掉一次尝试机会），再输入原密码。"
            )
        return ""


class Journal:
    def __init__(self, folder: Path, token_serial: str, container: str) -> None:
        private_dir(folder)
        self.token_serial, self.container = token_serial, container
        name = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{token_serial}-{container}")
        self.path = folder / f"{name}.json"
        self._lock = LockFile(self.path.with_name(self.path.name + ".lock"))

    def __enter__(self) -> Journal:
        try:
            self._lock.acquire(seconds=0)
        except LockBusy:
            raise RenewalBusy() from None
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.release()

    def load(self) -> JournalState | None:
        try:
            data = atomic.read_json(self.path)
        except FileNotFoundError:
            return None
        except (ValueError, OSError):
            data = None
        if _valid(data) and self._usable(data):
            return JournalState(**data)
        # A journal we cannot use is set aside, not trusted and not lost; one
        # that names an order says so, or the user would never hear of it.
        aside = self.path.with_suffix(".unreadable")
        self.path.replace(aside)
        order_no = data.get("order_no") if isinstance(data, dict) else None
        if isinstance(order_no, str) and order_no:
            raise JournalSetAside(str(aside), order_no[:40])
        return None

    def _usable(self, data: dict[str, Any]) -> bool:
        """Of this key, and what it holds decodes: a field that does not would
        otherwise fail the same way on every resume."""
        if (data["token_serial"], data["container"]) != (self.token_serial, self.container):
            return False
        try:
            for name in ("old_cert", "new_cert", "new_enc_cert"):
                if data.get(name) is not None:
                    load_certificate(base64.b64decode(data[name], validate=True))
            if data.get("enc_envelope") is not None:
                base64.b64decode(data["enc_envelope"], validate=True)
        except (binascii.Error, ValueError, CertificateError):
            return False
        return True

    def save(self, state: JournalState) -> None:
        atomic.write_json(self.path, asdict(state))

    def mark(self, state: JournalState, step: str) -> None:
        if step not in state.done:
            state.done.append(step)
        self.save(state)

    def finish(self) -> None:
        self.path.unlink(missing_ok=True)


def read_all(folder: Path) -> list[JournalState]:
    """Every journal in ``folder`` as it stands, read and left alone (a view for status and
    support): one that cannot be read stays for the renewal that meets it to set aside."""
    found = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = atomic.read_json(path)
        except (OSError, ValueError):
            continue
        if _valid(data):
            found.append(JournalState(**data))
    return found


_STEP_IDS = frozenset(step.id for step in STEPS)


def _valid(data: Any) -> bool:
    """A journal as this program writes it: a file of another shape (cut
    short, edited) would otherwise fail somewhere in the middle of a resume."""
    if not isinstance(data, dict) or set(data) - {f.name for f in fields(JournalState)}:
        return False
    text = ("token_serial", "container", "site", "started_at", "old_cert")
    optional = ("order_no", "holder_name", "holder_mobile", "new_cert", "new_enc_cert", "enc_envelope")
    return (
        all(isinstance(data.get(name), str) for name in text)
        and all(isinstance(data.get(name), str | None) for name in optional)
        and isinstance(data.get("done", []), list)
        and all(isinstance(step, str) and step in _STEP_IDS for step in data.get("done", []))
        and isinstance(data.get("password_changing", False), bool)
        and type(data.get("refused", 0)) is int
    )
