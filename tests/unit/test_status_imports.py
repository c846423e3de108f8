"""``status --backend X`` asks backend X alone: the other backends' libraries
(PC/SC, BJCA's HTTP and WebSocket clients) and the renewal engine never load,
and no PC/SC reader is listed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PROBE = """
import json, sys
from datetime import UTC, datetime
from pathlib import Path
from ukey_renew.certs import RenewalPolicy
from ukey_renew.status import collect
listed = []
status = collect(sys.argv[1], data_dir=Path(sys.argv[2]), now=datetime.now(UTC), policy=RenewalPolicy(),
                 list_readers=lambda: listed.append(1) or [])
print(json.dumps({"modules": sorted(sys.modules), "readers_listed": len(listed), "tokens": len(status.tokens)}))
"""

ELSEWHERE = ("smartcard", "requests", "websocket", "urllib3", "ukey_renew.token.xtxapp", "ukey_renew.renewal.engine")


def probe(backend: str, home: Path, env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, backend, str(home)],
        cwd=REPO,
        env={**os.environ, **env, "UKEY_RENEW_HOME": str(home)},
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    answer: dict[str, object] = json.loads(done.stdout)
    return answer


def test_a_named_backend_loads_only_itself(home: Path, empty_softhsm: dict[str, str]) -> None:
    named = probe("pkcs11", home, empty_softhsm)
    modules = named["modules"]
    assert isinstance(modules, list)
    loaded = [name for name in modules if name.split(".")[0] in ELSEWHERE or name in ELSEWHERE]
    assert loaded == []
    assert "ukey_renew.token.pkcs11" in modules
    assert named["readers_listed"] == 0


def test_auto_still_lists_the_readers(home: Path, empty_softhsm: dict[str, str]) -> None:
    assert probe("auto", home, empty_softhsm)["readers_listed"] == 1
