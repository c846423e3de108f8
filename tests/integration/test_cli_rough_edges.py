"""What IT staff meet at the command line: Chinese help for every argument,
files named when they cannot be read, doctor's exit code, and verdicts that
say what a file or a message really is."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.integration.test_cli import run
from tests.integration.test_troubleshoot_cli import FORM
from ukey_renew import cli
from ukey_renew.cli.keys import status_text
from ukey_renew.troubleshoot import doctor
from ukey_renew.troubleshoot.checks import CHECKS, CheckContext, CheckResult, run_one


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _parsers(child)


def test_every_argument_is_explained_in_chinese() -> None:
    for parser in _parsers(cli.build_parser()):
        for action in parser._actions:
            if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help and any("\u4e00" <= c <= "\u9fff" for c in action.help), (parser.prog, action.dest)
        shown = parser.format_help()
        assert shown.startswith("用法：") and "选项" in shown, parser.prog
        assert not [words for words in ("usage:", "positional arguments", "options:", "show this") if words in shown]


def test_help_and_usage_errors_in_chinese(home: Path) -> None:
    shown = run(home, "-h").stdout
    assert "用法：" in shown and "显示本说明后退出" in shown and "show this help" not in shown
    wrong = run(home, "cert")
    assert wrong.returncode == 2 and "缺少必须的参数：FILE" in wrong.stderr and "required" not in wrong.stderr


@pytest.mark.parametrize(
    ("command", "named"), [(("cert",), "证书文件"), (("letter", "--out", "x.docx", "--in"), "申请函表单文件")]
)
def test_a_missing_input_file_is_named(home: Path, tmp_path: Path, command: tuple[str, ...], named: str) -> None:
    missing = tmp_path / "没有这个文件.json"
    done = run(home, *command, str(missing), "--json")
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "input.file_unreadable"
    assert named in error["message"] and str(missing) in error["message"] and "文件不存在" in error["message"]
    assert "支持信息" not in error["next_step"] and "路径" in error["next_step"]


def test_letter_takes_either_language_for_both(home: Path, tmp_path: Path) -> None:
    for key_type, situation in (("petition", "损坏"), ("信访", "damaged"), ("case_management", "lost")):
        form = tmp_path / "form.json"
        form.write_text(json.dumps({**FORM, "key_type": key_type, "situation": situation}), encoding="utf-8")
        done = run(home, "letter", "--in", str(form), "--out", str(tmp_path / "x.docx"))
        assert done.returncode == 0, done.stdout + done.stderr
    schema = json.loads(run(home, "letter", "--schema").stdout)
    assert {"petition", "信访"} <= set(schema["properties"]["key_type"]["enum"])
    assert {"damaged", "损坏"} <= set(schema["properties"]["situation"]["enum"])
    assert "date" not in schema["required"] and "procuratorate" in schema["required"]


def _doctor_exit(monkeypatch: pytest.MonkeyPatch, *statuses: str) -> int:
    results = [CheckResult(f"check.{n}", status, "说明", "3.3") for n, status in enumerate(statuses)]
    monkeypatch.setattr(doctor, "run_doctor", lambda *args, **kwargs: results)
    return cli.main(["doctor", "--json", "--no-network"])


def test_doctor_exit_code(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Non-zero when a check failed, 0 with warnings only; the help says so."""
    assert _doctor_exit(monkeypatch, "ok", "warn", "skip") == 0
    assert _doctor_exit(monkeypatch, "ok", "warn", "fail") == cli.EXIT_CHECKS_FAILED != 0
    helped = next(p for p in _parsers(cli.build_parser()) if p.prog == "ukey-renew doctor").format_help()
    assert f"{cli.EXIT_CHECKS_FAILED} 有检查未通过" in helped


class _Answers(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(404 if self.path.startswith("/gone") else 200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_a_404_is_not_working(home: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        context = CheckContext(data_dir=home, renewal_url=f"{base}/gone/", login_url=f"{base}/")
        gone, there = run_one("net.renewal_site", context), run_one("net.login_site", context)
    finally:
        server.shutdown()
    assert gone.status == "fail" and "正常" not in gone.detail and "404" in gone.detail
    assert there.status == "ok"


def test_the_clock_check_cites_where_dates_are_read() -> None:
    assert CHECKS["clock.plausible"][1] == "2.1"


def test_status_tells_a_practice_user_no_restart() -> None:
    token = {"label": "BJCA 练习 Ukey", "model": "练习 Ukey（软件）", "serial": "PR1", "backend": "practice",
             "pin": {"locked": False, "retries_left": 10, "count_low": False}, "certificates": []}  # fmt: skip
    problem = {"backend": "pcsc", "id": "pcsc.unavailable", "message": "系统的智能卡服务不可用。",
               "next_step": "请重启电脑后再试（指南 3.3 ③）。", "faq": "3.3"}  # fmt: skip
    text = status_text({"tokens": [token], "readers": [], "problems": [problem]})
    assert "重启" not in text and "智能卡服务不可用" in text and "practice" not in text


def test_a_ca_certificate_is_not_a_login_certificate(home: Path, fixture_certs: list[Path]) -> None:
    for path in fixture_certs:  # CA certificates, none with an org code
        data = json.loads(run(home, "cert", str(path), "--json").stdout)
        assert (data["renewal"]["eligible"], data["renewal"]["reason"]) == (False, "not_login_certificate")
        text = run(home, "cert", str(path)).stdout
        assert "不是 Ukey 登录证书" in text and "延期：可以" not in text


def test_output_into_a_closed_pipe_ends_quietly(home: Path) -> None:
    """``ukey-renew status | head -1``: once the reader has gone, the rest is not wanted (exit 0, as head expects)."""
    reader, writer = os.pipe()
    os.close(reader)  # gone before the first line: every write meets a closed pipe
    try:
        environment = {**os.environ, "UKEY_RENEW_HOME": str(home)}
        done = subprocess.run([sys.executable, "-m", "ukey_renew", "troubleshoot", "--show", "3.3"], env=environment,
                              stdout=writer, stderr=subprocess.PIPE, encoding="utf-8", timeout=60)  # fmt: skip
    finally:
        os.close(writer)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
