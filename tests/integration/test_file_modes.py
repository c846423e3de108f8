"""State files readable by the user only, the data dir 0700:
the practice key (private keys, PIN verifier), the records (holders' mobiles),
the reference CA's and the site's keys, the logs."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from tests.integration.test_cli import run

SECRETS = {"UKEY_RENEW_PIN": "111111", "UKEY_RENEW_NEW_PASSWORD": "abc12345"}
EXPECTED = {
    "practice-key.json", "records.sqlite", "reference-ca/sm2-ca-key.pem", "reference-ca/tls-ca-key.pem",
    "casim/tls/server-key.pem", "casim/signing/signing-key.pem", "casim/site.sqlite", "logs/ukey-renew.log",
}  # fmt: skip


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_practice_renewal_leaves_nothing_for_others_to_read(tmp_path: Path) -> None:
    home = tmp_path / "new" / "ukey-renew"  # the program makes it
    umask = os.umask(0o022)  # the usual one, whatever the test runner's
    try:
        done = run(home, "renew", "--practice", "--json", "--holder-name", "张三", "--holder-phone", "13800138000",
                   env=SECRETS)  # fmt: skip
    finally:
        os.umask(umask)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    files = {path.relative_to(home).as_posix(): stat.S_IMODE(path.stat().st_mode) for path in home.rglob("*")}
    assert EXPECTED <= set(files)
    open_to_others = {name: oct(mode) for name, mode in files.items() if mode & 0o077 and not (home / name).is_dir()}
    assert not open_to_others
