"""`ukey-renew --self-test`: what the bundled program runs on a machine with no Python."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_cli import run
from ukey_renew import paths, selftest
from ukey_renew.troubleshoot import faq


def test_self_test_passes(home: Path) -> None:
    done = run(home, "--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("✓") == len(selftest.PARTS) and "自检通过" in done.stdout
    assert "SM2" in done.stdout


def test_self_test_names_what_is_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), broken)
    (broken / "faq" / "3.3.toml").write_text('[[entry]]\nid = "half"\n', encoding="utf-8")
    (broken / "selftest" / "sm2.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n")
    monkeypatch.setattr(paths, "resources_dir", lambda: broken)
    faq.load_faq.cache_clear()
    monkeypatch.setattr(selftest, "PARTS", [p for p in selftest.PARTS if p[0] != "向导首页显示"])
    try:
        assert selftest.run() == 1
    finally:
        faq.load_faq.cache_clear()
    report = capsys.readouterr().out
    assert "✗ 问题排查条目：FaqError" in report and "✗ SM2 证书解析" in report
    assert "✓ 资源文件" in report and "自检失败：2 项" in report


def test_self_test_names_a_module_the_bundle_left_out() -> None:
    """As in a bundle built without the standard library's ``xml``: the task definition and the letter use it."""
    script = (
        "import sys; sys.modules['xml'] = None\n"  # what an excluded package looks like to an import
        "from ukey_renew import selftest; selftest._modules()"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "No module named 'xml" in done.stderr
