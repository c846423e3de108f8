"""Windows code pages, simulated: the program run with its output redirected
to files under cp1252 (English Windows) and GBK (Chinese Windows) still
writes UTF-8 and never crashes on a character; Chinese dates do not depend
on the code page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ukey_renew import selftest
from ukey_renew.dates import clock_time, guide_date

CODE_PAGES = ["cp1252", "gbk"]


def run_redirected(home: Path, code_page: str, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Exit code, stdout and stderr, which must both decode as UTF-8."""
    environment = {**os.environ, "UKEY_RENEW_HOME": str(home), "PYTHONIOENCODING": code_page, **(env or {})}
    environment.pop("PYTHONUTF8", None)
    out, err = home / "out", home / "err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        command = [sys.executable, "-m", "ukey_renew", *args]
        done = subprocess.run(
            command, env=environment, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, timeout=110
        )
    return done.returncode, out.read_bytes().decode("utf-8"), err.read_bytes().decode("utf-8")


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_cert_json_is_utf8(home: Path, code_page: str, fixture_certs: list[Path]) -> None:
    code, out, err = run_redirected(home, code_page, "cert", str(fixture_certs[0]), "--json")
    assert code == 0, err
    renewal = json.loads(out)["renewal"]
    assert renewal["message"] and not renewal["message"].isascii()


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_text_and_errors_are_utf8(home: Path, code_page: str, fixture_certs: list[Path]) -> None:
    code, out, err = run_redirected(home, code_page, "cert", str(fixture_certs[0]))
    assert code == 0, err
    assert "有效期" in out
    code, out, err = run_redirected(home, code_page, "cert", str(home / "missing.cer"))
    assert code == 2
    assert "错误：读不了证书文件" in err


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_self_test_passes(home: Path, code_page: str) -> None:
    code, out, err = run_redirected(home, code_page, "--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert code == 0, out + err
    assert out.count("✓") == len(selftest.PARTS) and "自检通过" in out


class WindowsDatetime(datetime):
    """``strftime`` as Python 3.11 on Windows does it under a non-Chinese code
    page: the C runtime gets the format in that code page, which has no 年."""

    def strftime(self, format: str) -> str:  # noqa: A002 - the standard name
        if not format.isascii():
            raise UnicodeEncodeError("cp1252", format, 0, len(format), "not in the code page")
        return super().strftime(format)


@pytest.mark.parametrize(
    ("utc", "day", "clock"),
    [
        (WindowsDatetime(2023, 7, 18, 1, 5, tzinfo=UTC), "2023年07月18日", "09:05"),
        (WindowsDatetime(2028, 12, 31, 16, 0, tzinfo=UTC), "2029年01月01日", "00:00"),
    ],
    ids=["guide 2.2", "new year in Beijing"],
)
def test_chinese_dates_without_strftime(utc: datetime, day: str, clock: str) -> None:
    assert (guide_date(utc), clock_time(utc)) == (day, clock)
