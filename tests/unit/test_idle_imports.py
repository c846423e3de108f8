"""What the first page's look for keys loads in default mode when no key is
plugged in: it stays loaded for as long as the wizard idles there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

LOOK = """
import json, sys
from pathlib import Path
from ukey_renew.session import Session

with Session(Path(sys.argv[1]), practice_only=False) as session:
    found, _problems = session.detect()
    print(json.dumps({"found": len(found), "modules": sorted(sys.modules)}))
"""


def test_a_look_that_finds_no_key_opens_no_records(tmp_path: Path, empty_softhsm) -> None:  # type: ignore[no-untyped-def]
    """No key seen, nothing to remember for the reminder: SQLite and the
    records' modules stay unloaded (about 1 MiB of the idle wizard)."""
    done = subprocess.run(
        [sys.executable, "-c", LOOK, str(tmp_path / "home")],
        cwd=REPO,
        env={**os.environ, **empty_softhsm},
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    looked = json.loads(done.stdout.strip().splitlines()[-1])
    assert looked["found"] == 0
    assert not {"sqlite3", "ukey_renew.renewal.records", "ukey_renew.status"} & set(looked["modules"])
    assert not (tmp_path / "home" / "records.sqlite").exists()
