"""The bundled program (``pyinstaller build.spec``) beyond its --self-test:
the commands that reach the parts the bundle trims (codecs, compressors,
ICU data, requests without an encoding detector) still work and print no
warnings. CI builds the bundle before the tests; elsewhere build it first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import rig_missing
from tests.integration.test_troubleshoot_cli import FORM
from ukey_renew.troubleshoot.checks import CHECKS

BUNDLE = Path(__file__).resolve().parents[2] / "dist" / "ukey-renew" / "ukey-renew"


@pytest.fixture
def bundled(home: Path):  # type: ignore[no-untyped-def]
    if sys.platform != "linux" or not BUNDLE.is_file():
        rig_missing(f"the bundled program at {BUNDLE} (python -m PyInstaller build.spec)")

    def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "UKEY_RENEW_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **env}
        done = subprocess.run([str(BUNDLE), *args], env=environment, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        assert not done.stderr.strip(), done.stderr  # no warnings from what the bundle leaves out
        return done

    return run


def test_practice_renewal_from_the_bundle(bundled) -> None:  # type: ignore[no-untyped-def]
    done = bundled(
        "renew", "--practice", "--json", "--holder-name", "张三", "--holder-phone", "13800138000",
        UKEY_RENEW_PIN="111111", UKEY_RENEW_NEW_PASSWORD="Abc12345",
    )  # fmt: skip
    result = json.loads(done.stdout)
    assert result["result"] == "renewed" and result["new"]["not_after"] > result["old"]["not_after"]
    status = bundled("status", "--support").stdout
    assert "练习 Ukey" in status and result["new"]["not_after"][:10] in status


def test_letter_doctor_and_search_from_the_bundle(bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    form = tmp_path / "form.json"
    form.write_text(json.dumps(FORM, ensure_ascii=False), encoding="utf-8")
    for suffix in (".docx", ".pdf"):
        bundled("letter", "--in", str(form), "--out", str(tmp_path / f"letter{suffix}"))
    assert "371724" in "\n".join(p.text for p in Document(str(tmp_path / "letter.docx")).paragraphs)
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")
    checks = json.loads(bundled("doctor", "--json", "--site", "practice", "--no-network").stdout)["checks"]
    assert {check["id"] for check in checks} == set(CHECKS)
    found = json.loads(bundled("troubleshoot", "--query", "插上ukey没反应", "--json").stdout)
    assert found["results"][0]["section"] == "3.3"
