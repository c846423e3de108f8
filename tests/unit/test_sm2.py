"""SM3withSM2 signatures as other SM2 code reads them: GmSSL's check of the
whole message (with its own Z-value and the default signer ID) and OpenSSL's."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import gmssl_pyx as gmssl
import pytest
from asn1crypto import pem

from tests.conftest import rig_missing
from ukey_renew import sm2
from ukey_renew.sm2 import Sm2Key


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 1000])
def test_a_signature_is_gmssls_over_the_whole_message(size: int) -> None:
    key, other = Sm2Key.generate(), Sm2Key.generate()
    data = bytes(range(256)) * 4
    signature = key.sign(data[:size])
    assert gmssl.sm2_verify(key.public, data[:size], signature, gmssl.SM2_DEFAULT_SIGNER_ID)
    assert sm2.verify(key.public_key_info(), data[:size], signature)
    assert not gmssl.sm2_verify(key.public, data[: size + 1], signature, gmssl.SM2_DEFAULT_SIGNER_ID)
    assert not gmssl.sm2_verify(other.public, data[:size], signature, gmssl.SM2_DEFAULT_SIGNER_ID)
    assert not gmssl.sm2_verify(key.public, data[:size], signature, b"another signer")


def test_openssl_verifies_a_signature_with_the_default_signer_id(tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        rig_missing("openssl")
    key = Sm2Key.generate()
    public = tmp_path / "public.pem"
    public.write_bytes(pem.armor("PUBLIC KEY", key.public_key_info()))
    (tmp_path / "message").write_bytes(b"server random")
    (tmp_path / "other").write_bytes(b"server randoM")
    (tmp_path / "signature").write_bytes(key.sign(b"server random"))

    def verify(name: str) -> subprocess.CompletedProcess[str]:
        command = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(public), "-rawin", "-digest", "sm3"]
        command += ["-in", str(tmp_path / name), "-sigfile", str(tmp_path / "signature")]
        command += ["-pkeyopt", "distid:1234567812345678"]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    assert verify("message").returncode == 0, verify("message").stderr
    assert verify("other").returncode != 0
