"""SoftHSM2 tokens made with the real command-line tools, in a private tokendir."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ukey_renew.token.pkcs11 import module_candidates

SO_PIN = "87654321"


def module_path() -> str | None:
    """SoftHSM2's module on Linux; None elsewhere (under Wine the Linux paths are reachable as Z:\\)."""
    if sys.platform != "linux":
        return None
    found = [path for path in module_candidates("linux") if "softhsm" in path]
    return found[0] if found else None


def spy_path() -> str | None:
    for candidate in ("/usr/lib/x86_64-linux-gnu/pkcs11-spy.so", "/usr/lib/aarch64-linux-gnu/pkcs11-spy.so"):
        if os.path.isfile(candidate):
            return candidate
    return None


class SoftHSM:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "tokens").mkdir(parents=True, exist_ok=True)
        self.conf = root / "softhsm2.conf"
        self.conf.write_text(
            f"directories.tokendir = {root / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n"
        )
        self.env = {**os.environ, "SOFTHSM2_CONF": str(self.conf)}

    def init_token(self, label: str, pin: str) -> None:
        self._run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", SO_PIN)

    def delete_token(self, label: str) -> None:
        self._run("softhsm2-util", "--delete-token", "--token", label)

    def import_certificate(self, label: str, pin: str, cert_der: Path, object_label: str) -> None:
        self._run(
            "pkcs11-tool", "--module", str(module_path()), "--token-label", label, "--login", "--pin", pin,
            "--write-object", str(cert_der), "--type", "cert", "--label", object_label, "--id", "01",
        )  # fmt: skip

    def _run(self, *command: str) -> str:
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {done.stderr.strip()}")
        return done.stdout


def unit_certificate(folder: Path, days: int, key: Path | None = None) -> tuple[Path, Path]:
    """(key PEM, certificate DER) for a procuratorate unit, self-issued:
    with ``key`` given, the same unit's certificate renewed on the same key."""
    folder.mkdir(parents=True, exist_ok=True)
    pem, der = folder / f"unit-{days}.pem", folder / f"unit-{days}.der"
    new_key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", str(folder / "unit.key")]
    subprocess.run(
        ["openssl", "req", "-x509", *(["-key", str(key)] if key else new_key), "-utf8",
         "-subj", "/C=CN/O=某某检察院/OU=371724/CN=某某检察院", "-days", str(days), "-out", str(pem)],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(["openssl", "x509", "-in", str(pem), "-outform", "DER", "-out", str(der)], check=True)
    return key or folder / "unit.key", der


def tools_present() -> bool:
    return bool(module_path()) and all(shutil.which(tool) for tool in ("softhsm2-util", "pkcs11-tool"))
