"""`ukey-renew receipt`, run as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.test_cli import run
from tests.unit.test_receipt import RECORD
from ukey_renew.renewal.build import records


def test_receipt_before_any_renewal_says_what_to_do(home: Path) -> None:
    done = run(home, "receipt", "--json")
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "receipt.no_renewal" and error["faq"] == "2.2"


def test_receipt_as_text_pdf_png_and_json(home: Path, tmp_path: Path) -> None:
    records(home).add(RECORD)
    shown = run(home, "receipt", "--key-type", "petition")
    assert shown.returncode == 0, shown.stderr
    assert "信访 Ukey" in shown.stdout and "138****8000" in shown.stdout and "13800138000" not in shown.stdout
    magic = {"r.pdf": b"%PDF", "r.png": b"\x89PNG", "r.txt": "Ukey 证书延期回执".encode()}
    for name, start in magic.items():
        done = run(home, "receipt", "--out", str(tmp_path / name))
        assert done.returncode == 0, done.stderr
        assert (tmp_path / name).read_bytes().startswith(start)
    done = run(home, "receipt", "--json", "--out", str(tmp_path / "r.json"))
    assert json.loads(done.stdout)["receipt"]["order_no"] == RECORD.order_no
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["org_code"] == "371724"


def test_receipt_into_a_missing_folder_is_refused(home: Path, tmp_path: Path) -> None:
    records(home).add(RECORD)
    done = run(home, "receipt", "--json", "--out", str(tmp_path / "nowhere" / "r.txt"))
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"]["id"] == "output.not_saved"
