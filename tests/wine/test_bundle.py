"""The Windows bundle's console program as scripts and IT staff run it: output
redirected (UTF-8 whatever the code page), standard input from NUL (a
scheduled task, ``< NUL``: no prompt, no hang), and the commands a support
call uses. Every run has a deadline; none is a timing assertion."""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.wine.conftest import FOLDERS, WINE_RUN, windows_path, wine
from ukey_renew import selftest

SELFTEST_CERT = REPO / "resources" / "selftest" / "sm2.pem"
HOLDER = ("--holder-name", "张三", "--holder-phone", "13800138000")
SECRETS = {"UKEY_RENEW_PIN": "111111", "UKEY_RENEW_NEW_PASSWORD": "abc12345"}


def test_the_rig_is_a_chinese_windows(tmp_path: Path) -> None:
    """Its ANSI code page, the one redirected output would be written in: 936 (GBK)."""
    nls = r"HKLM\System\CurrentControlSet\Control\Nls\CodePage"
    done = wine(["reg", "query", nls, "/v", "ACP"], home=tmp_path)
    assert done.stdout.decode("gbk").split()[-1] == "936"


@pytest.mark.parametrize("folder", FOLDERS)
def test_self_test_written_to_a_pipe_is_utf8(folder: str, tmp_path: Path) -> None:
    cli = windows_path(FOLDERS[folder] / "ukey-renew-cli.exe")
    done = wine([cli], "--self-test", home=tmp_path)
    text = done.stdout.decode("utf-8")
    assert done.returncode == 0, text + done.stderr.decode("utf-8", "replace")
    assert text.count("✓") == len(selftest.PARTS) and "自检通过" in text
    windowed = wine([windows_path(FOLDERS[folder] / "ukey-renew.exe")], "--self-test", home=tmp_path)
    assert windowed.returncode == 0


@pytest.mark.parametrize("folder", FOLDERS)
def test_cert_json_piped_is_utf8_under_code_page_936(folder: str, tmp_path: Path) -> None:
    cli = windows_path(FOLDERS[folder] / "ukey-renew-cli.exe")
    done = wine([cli], "cert", windows_path(SELFTEST_CERT), "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8"))["subject_cn"] == "ukey-renew 自检证书"


def test_renew_from_nul_without_holder_is_a_clear_error(cli: list[str], tmp_path: Path) -> None:
    done = wine(cli, "renew", "--practice", home=tmp_path, timeout=120)
    told = done.stderr.decode("utf-8")
    assert done.returncode == 2, told
    for way in ("--holder-name", "--holder-phone", "UKEY_RENEW_HOLDER_NAME", "UKEY_RENEW_HOLDER_MOBILE"):
        assert way in told
    assert "内部错误" not in told


def test_renew_from_cmd_with_nul_and_the_holder_but_no_pin_names_the_variables(cli: list[str], tmp_path: Path) -> None:
    """``< NUL`` as a batch file writes it: Windows' own NUL device, opened by cmd."""
    line = " ".join([*cli, "renew", "--practice", "--json", *HOLDER, "< NUL"])
    done = wine(["cmd", "/c", line], home=tmp_path, timeout=120)
    assert done.returncode == 2, done.stderr
    error = json.loads(done.stdout.decode("utf-8"))["error"]
    assert error["id"] == "input.missing" and "UKEY_RENEW_PIN" in error["next_step"]


def test_renew_from_nul_with_everything_given_renews(cli: list[str], tmp_path: Path) -> None:
    done = wine(cli, "renew", "--practice", "--json", *HOLDER, home=tmp_path, env=SECRETS, timeout=300)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    result = json.loads(done.stdout.decode("utf-8"))
    assert result["result"] == "renewed" and result["new"]["not_after"] > result["old"]["not_after"]
    status = wine(cli, "status", "--json", "--backend", "practice", home=tmp_path)
    assert status.returncode == 0
    (token,) = json.loads(status.stdout.decode("utf-8"))["tokens"]
    assert token["certificates"][0]["not_after"] == result["new"]["not_after"]


def test_doctor_and_support_bundle(cli: list[str], tmp_path: Path) -> None:
    doctor = wine(cli, "doctor", "--no-network", "--json", home=tmp_path)
    assert doctor.returncode in (0, 3), doctor.stderr  # 3: a check found a problem (no BJCA software here)
    checks = {check["id"]: check for check in json.loads(doctor.stdout.decode("utf-8"))["checks"]}
    assert checks["os.windows"]["status"] == "ok" and "Windows 10" in checks["os.windows"]["detail"], checks
    out = tmp_path / "支持信息.zip"
    bundle = wine(cli, "support-bundle", windows_path(out), "--no-network", home=tmp_path)
    assert bundle.returncode == 0, bundle.stderr.decode("utf-8", "replace")
    assert "支持信息包已保存" in bundle.stdout.decode("utf-8")
    with zipfile.ZipFile(out) as archive:
        assert "README.txt" in archive.namelist()


def test_a_console_user_is_asked(cli: list[str], tmp_path: Path) -> None:
    """On a terminal (Wine's console over a pty) the program still asks: only NUL and pipes are refused."""
    import pty  # POSIX only: these tests drive Wine from Linux, and are collected on Windows too
    import select

    question = "当前持有 Ukey 人员的姓名".encode()
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the program on the pty
        os.environ["UKEY_RENEW_HOME"] = windows_path(tmp_path)
        os.execv(WINE_RUN, [str(WINE_RUN), *cli, "renew", "--practice"])
    seen = b""
    deadline = time.monotonic() + 120
    try:
        while question not in seen and time.monotonic() < deadline:
            if select.select([terminal], [], [], 1)[0]:
                try:
                    seen += os.read(terminal, 4096)
                except OSError:  # the program ended
                    break
        assert question in seen, seen.decode("utf-8", "replace")
    finally:
        wine(["taskkill", "/f", "/im", "ukey-renew-cli.exe"], home=tmp_path)
        os.waitpid(pid, 0)
