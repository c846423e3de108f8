"""`ukey-renew fleet` and `records export`, run as IT staff and clerks run them: practice renewals in
separate data folders, their receipts, bundles and exports gathered into one sheet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.integration.test_broken_state import HOLDER, SECRETS
from tests.integration.test_cli import run


def _ok(home: Path, *args: str) -> str:
    done = run(home, *args, env=SECRETS)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def renewed(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, dict[str, str]]]:
    """Three clerks, each with a renewed practice key and its receipt as JSON."""
    found = []
    for number in (1, 2, 3):
        home = tmp_path_factory.mktemp(f"clerk{number}")
        _ok(home, "practice", "reset", "--expires-in-days", str(10 * number))
        _ok(home, "renew", "--practice", *HOLDER)
        receipt = home / f"r{number}.json"
        _ok(home, "receipt", "--out", str(receipt))
        found.append((home, json.loads(receipt.read_text(encoding="utf-8"))))
    return found


def test_three_receipts_give_three_rows(renewed: list[tuple[Path, dict[str, str]]], home: Path) -> None:
    receipts = [str(clerk / f"r{number}.json") for number, (clerk, _) in enumerate(renewed, 1)]
    out = home / "f.csv"
    _ok(home, "fleet", *receipts, "--out", str(out))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert sorted(row["Ukey 序列号"] for row in rows) == sorted(receipt["token_serial"] for _, receipt in renewed)
    for row in rows:
        assert row["组织机构代码"] == "111111" and row["状态"] == "正常" and row["有效期至"] > "2030"
        assert row["持有人"] == "张*，138****8000"

    page = home / "f.html"
    shown = json.loads(_ok(home, "fleet", *receipts, "--out", str(page), "--json"))
    assert shown["counts"]["ok"] == 3 and shown["written"] == str(page)
    assert "<svg" in page.read_text(encoding="utf-8")


def test_bundles_exports_and_junk_in_a_folder(renewed: list[tuple[Path, dict[str, str]]], home: Path) -> None:
    """A folder as IT staff collect it: a bundle, an export, a key read but not yet renewed, a broken zip and a
    random file; the two last listed as skipped with their reasons."""
    inbox = home / "inbox"
    inbox.mkdir()
    first, second = renewed[0][0], renewed[1][0]
    _ok(first, "support-bundle", str(inbox / "b1.zip"), "--no-network")
    _ok(second, "records", "export", "--out", str(inbox / "e2.csv"))
    waiting = home / "waiting"
    _ok(waiting, "practice", "reset", "--expires-in-days", "20")
    _ok(waiting, "status", "--backend", "practice")
    _ok(waiting, "records", "export", "--out", str(inbox / "e3.json"))
    (inbox / "broken.zip").write_bytes((inbox / "b1.zip").read_bytes()[:200])
    (inbox / "random.bin").write_bytes(b"\x00\x01 random")
    sheet = json.loads(_ok(home, "fleet", str(inbox), "--json"))
    states = {row["serial"]: row["state"] for row in sheet["rows"]}
    assert states.pop(renewed[0][1]["token_serial"]) == "ok" and states.pop(renewed[1][1]["token_serial"]) == "ok"
    assert list(states.values()) == ["due"] and sheet["rows"][0]["state"] == "due"  # the most urgent first
    assert {Path(entry["path"]).name for entry in sheet["skipped"]} == {"broken.zip", "random.bin"}
    assert all(entry["reason"] for entry in sheet["skipped"])
    # The rows' own fields, not the files' paths: on Windows those run through the profile C:\users\张三.
    shown = json.dumps([{k: v for k, v in row.items() if k != "source"} for row in sheet["rows"]], ensure_ascii=False)
    assert "13800138000" not in shown and "张三" not in shown


def test_nothing_readable_is_a_clear_error(home: Path) -> None:
    (home / "notes.txt").write_text("x", encoding="utf-8")
    done = run(home, "fleet", str(home / "notes.txt"), "--json")
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "fleet.nothing_read" and "notes.txt" in error["message"]


def test_an_output_of_another_kind_is_refused(home: Path) -> None:
    done = run(home, "fleet", str(home), "--out", str(home / "f.xlsx"))
    assert done.returncode == 2 and ".csv 或 .html" in done.stderr and "Excel 打开" in done.stderr  # the way to Excel
    done = run(home, "records", "export", "--out", str(home / "e.txt"))
    assert done.returncode == 2 and ".csv 或 .json" in done.stderr
