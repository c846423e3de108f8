"""The command-line contract, run as a user runs it: a separate process."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import rig_missing
from tests.rig.softhsm import SoftHSM, module_path
from tests.unit.test_certs import EXPECTED_FIXTURES
from tests.unit.test_receipt import RECORD
from ukey_renew.cli.parser import build_parser, handler
from ukey_renew.renewal.build import journal_for, records
from ukey_renew.renewal.journal import JournalState

CERT_KEYS = {
    "subject_cn", "organization", "org_code", "issuer_cn", "serial", "not_before", "not_after",
    "key_algorithm", "days_left", "renewal",
}  # fmt: skip


def run(
    home: Path,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    prefix: Sequence[str] = (),
    stdin: int | None = None,
    program: str = "ukey_renew",
) -> subprocess.CompletedProcess[str]:
    """``prefix``: words before the command (see tests/rig/unprivileged.py);
    ``program``: the module run (``ukey_renew.casim``: the simulator's)."""
    environment = {**os.environ, "UKEY_RENEW_HOME": str(home), **(env or {})}
    return subprocess.run(
        [*prefix, sys.executable, "-m", program, *args],
        env=environment,
        stdin=stdin,
        capture_output=True,
        encoding="utf-8",
        timeout=timeout,
    )


def test_cert_json_for_every_fixture(home: Path, fixture_certs: list[Path]) -> None:
    for path in fixture_certs:
        done = run(home, "cert", str(path), "--json")
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        assert CERT_KEYS <= data.keys()
        cn, org, issuer, not_after, serial = EXPECTED_FIXTURES[path.name]
        assert (data["subject_cn"], data["organization"], data["issuer_cn"]) == (cn, org, issuer)
        assert (data["not_after"], data["serial"], data["key_algorithm"]) == (not_after, serial, "SM2")
        assert datetime.fromisoformat(data["not_before"]).tzinfo is not None
        assert set(data["renewal"]) >= {"eligible", "reason"}


def test_cert_text_is_chinese(home: Path, fixture_certs: list[Path]) -> None:
    done = run(home, "cert", str(fixture_certs[0]))
    assert done.returncode == 0
    assert "有效期" in done.stdout and "年" in done.stdout


@pytest.mark.parametrize("content", [b"garbage", b"", b"\x30\x82\xff\xff"])
def test_cert_bad_input(home: Path, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.cer"
    bad.write_bytes(content)
    done = run(home, "cert", str(bad), "--json")
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["id"] in ("cert.malformed", "cert.empty") and error["message"]
    assert "Traceback" not in done.stderr


def test_cert_missing_file(home: Path, tmp_path: Path) -> None:
    done = run(home, "cert", str(tmp_path / "nope.cer"))
    assert done.returncode == 2
    assert "错误" in done.stderr and "Traceback" not in done.stderr


def test_status_without_any_key(home: Path, empty_softhsm: dict[str, str]) -> None:
    done = run(home, "status", "--json", env=empty_softhsm)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["tokens"] == []
    assert isinstance(data["readers"], list)
    text = run(home, "status", env=empty_softhsm)
    assert text.returncode == 0 and "未检测到 Ukey" in text.stdout


_LOADED = """
import contextlib, io, json, sys
from ukey_renew.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_status_of_one_backend_loads_only_that_backend(home: Path) -> None:
    """A named backend is read without Qt, the PC/SC binding or the HTTP stack:
    each command imports what it uses, and the session what the backend needs."""
    command = [sys.executable, "-c", _LOADED, "status", "--backend", "pkcs11", "--json"]
    env = {**os.environ, "UKEY_RENEW_HOME": str(home)}
    done = subprocess.run(command, env=env, capture_output=True, encoding="utf-8", timeout=60)
    loaded = json.loads(done.stdout)
    assert loaded["code"] in (0, 2), done.stderr  # 2: no PKCS#11 driver on this machine
    assert "pkcs11" in loaded["modules"]
    assert not {"PySide6", "smartcard", "requests", "werkzeug"} & set(loaded["modules"])
    handlers = {name for name in loaded["modules"] if name.startswith("ukey_renew.cli.")}
    assert handlers <= {"ukey_renew.cli.parser", "ukey_renew.cli.output", "ukey_renew.cli.keys"}, handlers


def test_a_practice_renewal_leaves_the_system_trust_store_alone(home: Path) -> None:
    """The practice site is trusted through its own CA: the OS trust store's
    library loads only for the production site."""
    renew = ["renew", "--practice", "--json", "--holder-name", "张三", "--holder-phone", "13800138000"]
    answers = {"UKEY_RENEW_PIN": "111111", "UKEY_RENEW_NEW_PASSWORD": "abc12345"}
    env = {**os.environ, **answers, "UKEY_RENEW_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, *renew], env=env, capture_output=True, encoding="utf-8", timeout=120
    )
    loaded = json.loads(done.stdout)
    assert loaded["code"] == 0, done.stderr
    assert "requests" in loaded["modules"] and "truststore" not in loaded["modules"]


def test_the_program_leaves_its_objects_to_the_system_at_exit(home: Path, fixture_certs: list[Path]) -> None:
    """The interpreter's last collections would walk every object the command
    made (about 40 ms after a practice renewal): they are frozen out of them."""
    script = (
        "import gc, runpy, sys\n"
        "try:\n    runpy.run_module('ukey_renew', run_name='__main__')\n"
        "except SystemExit as end:\n    print(end.code, gc.get_freeze_count(), file=sys.stderr)\n"
    )
    env = {**os.environ, "UKEY_RENEW_HOME": str(home)}
    command = [sys.executable, "-c", script, "cert", str(fixture_certs[0]), "--json"]
    done = subprocess.run(command, env=env, capture_output=True, encoding="utf-8", timeout=60)
    code, frozen = done.stderr.split()[-2:]
    assert code == "0" and json.loads(done.stdout)["subject_cn"], done.stderr
    assert int(frozen) > 10_000


def test_every_command_names_a_handler_that_exists() -> None:
    """Handlers are named, and imported when their command runs: a name that
    went wrong shows here, not when a user first types that command."""
    named = set()
    parsers = [build_parser()]
    while parsers:
        parser = parsers.pop()
        named.add(parser.get_default("func"))
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
    named.discard(None)
    assert len(named) == 13 and all(callable(handler(name)) for name in named)  # the wizard and 12 commands


def test_status_of_a_practice_key_not_made_yet_says_how_to_make_one(home: Path) -> None:
    """Nothing to plug in: no USB port to try, the command that makes one instead."""
    done = run(home, "status", "--backend", "practice")
    assert done.returncode == 2
    assert "practice reset" in done.stdout and "USB" not in done.stdout, done.stdout


def test_practice_reset_then_status(home: Path, empty_softhsm: dict[str, str]) -> None:
    assert run(home, "practice", "reset", "--expires-in-days", "-40").returncode == 0
    done = run(home, "status", "--json", env=empty_softhsm)
    (token,) = json.loads(done.stdout)["tokens"]
    assert token["backend"] == "practice"
    assert token["pin"] == {"retries_left": 10, "locked": False, "count_low": False, "final_try": False}
    (cert,) = token["certificates"]
    not_after = datetime.fromisoformat(cert["not_after"])
    assert abs(not_after - (datetime.now(UTC) - timedelta(days=40))) < timedelta(minutes=1)
    assert cert["days_left"] == -41  # 40 days and some seconds past: the 41st day has begun
    assert cert["renewal"]["eligible"] is False and cert["renewal"]["reason"] == "expired_too_long"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows always has a screen for the wizard")
def test_bare_command_without_a_screen_says_so(home: Path) -> None:
    """The bare command is the desktop wizard; with no display it explains, no traceback."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "ukey_renew"],
        env={**environment, "UKEY_RENEW_HOME": str(home)}, capture_output=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "图形界面" in done.stderr and "Traceback" not in done.stderr


def test_status_with_missing_module(home: Path, tmp_path: Path) -> None:
    done = run(home, "status", "--json", "--backend", "pkcs11", "--pkcs11-module", str(tmp_path / "x.dll"))
    assert done.returncode == 2
    problems = [p for p in json.loads(done.stdout)["problems"] if p["backend"] == "pkcs11"]
    assert [p["id"] for p in problems] == ["pkcs11.module_not_found"]


def test_status_of_a_softhsm_token_made_by_hand(home: Path, tmp_path: Path) -> None:
    """softhsm2-util, openssl and pkcs11-tool make the token; we only read it."""
    if module_path() is None:
        rig_missing("SoftHSM2's module")
    hsm = SoftHSM(tmp_path / "hsm")
    hsm.init_token("12309-红色", "123456")
    key, cert_pem, cert_der = tmp_path / "k.pem", tmp_path / "c.pem", tmp_path / "c.der"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
         "-keyout", str(key), "-utf8", "-subj", "/C=CN/O=某某市人民检察院/OU=371724/CN=某某市人民检察院",
         "-days", "40", "-out", str(cert_pem)],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(["openssl", "x509", "-in", str(cert_pem), "-outform", "DER", "-out", str(cert_der)], check=True)
    hsm.import_certificate("12309-红色", "123456", cert_der, "UnitCert")

    done = run(home, "status", "--json", "--backend", "pkcs11", "--pkcs11-module", str(module_path()), env=hsm.env)
    assert done.returncode == 0, done.stderr
    (token,) = json.loads(done.stdout)["tokens"]
    assert token["label"] == "12309-红色"
    (cert,) = token["certificates"]
    assert (cert["subject_cn"], cert["org_code"], cert["org_code_source"]) == (
        "某某市人民检察院",
        "371724",
        "subject.OU",
    )
    not_after = datetime.fromisoformat(cert["not_after"])
    assert abs(not_after - (datetime.now(UTC) + timedelta(days=40))) < timedelta(minutes=5)
    assert cert["container"] == "UnitCert"


def test_xtxapp_simulator_command(home: Path) -> None:
    assert run(home, "practice", "reset").returncode == 0
    server = subprocess.Popen(
        [sys.executable, "-m", "ukey_renew.casim", "xtxapp", "--port", "0"],
        env={**os.environ, "UKEY_RENEW_HOME": str(home)},
        stdout=subprocess.PIPE,
        encoding="utf-8",
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        url = line.split("：", 1)[1].split()[0]
        done = run(home, "status", "--json", "--backend", "xtxapp", "--xtxapp-url", url)
        assert done.returncode == 0, done.stderr
        (token,) = json.loads(done.stdout)["tokens"]
        assert token["backend"] == "xtxapp" and token["pin"]["retries_left"] == 10
        assert token["certificates"][0]["org_code"] == "111111"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_xtxapp_not_running_named_explicitly(home: Path) -> None:
    done = run(home, "status", "--json", "--backend", "xtxapp", "--xtxapp-url", "http://127.0.0.1:9/synctl")
    assert done.returncode == 2
    assert json.loads(done.stdout)["problems"][0]["id"] == "xtxapp.unavailable"


def test_a_device_or_huge_file_is_not_read_whole(home: Path, tmp_path: Path) -> None:
    """`cert /dev/zero` read 3 GB before it failed; now a clear error at once."""
    big = tmp_path / "big.cer"
    big.write_bytes(b"0" * (3 << 20))
    for path in [str(big)] + ["/dev/zero"] * os.path.exists("/dev/zero"):
        done = run(home, "cert", path, "--json")
        assert done.returncode == 2, done.stderr
        assert json.loads(done.stdout)["error"]["id"] == "cert.malformed"


def test_status_names_an_unfinished_renewal_and_what_to_do(home: Path) -> None:
    """Stopped after the order (guide 2.2 ⑤): named whichever key is plugged in, with how to go on
    or drop it; no holder data. An order already recorded as done is not named."""
    assert run(home, "practice", "reset").returncode == 0
    open_order = JournalState("BJ0042", "c1", "12309", "2026-12-07T02:05:00+00:00", done=["check", "login", "holder",
                              "confirm"], order_no="20261207-000042", holder_name="张三", old_cert="AA==")  # fmt: skip
    journal_for(home, "BJ0042", "c1").save(open_order)
    done = run(home, "status", "--json", "--backend", "practice")
    assert done.returncode == 0, done.stderr
    (entry,) = json.loads(done.stdout)["unfinished"]
    assert (entry["serial"], entry["order_no"]) == ("BJ0042", "20261207-000042") and "张三" not in done.stdout
    text = run(home, "status", "--backend", "practice").stdout
    assert "未完成的延期：Ukey BJ0042，订单号 20261207-000042，2026年12月07日 10:05 开始" in text
    assert "ukey-renew renew --abandon" in text
    records(home).add(replace(RECORD, order_no="20261207-000042", token_serial="BJ0042"))
    assert json.loads(run(home, "status", "--json", "--backend", "practice").stdout)["unfinished"] == []
