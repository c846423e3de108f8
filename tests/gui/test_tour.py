"""The tour: in a real X server (Xvfb) the program drives itself through a
practice renewal and leaves a readable picture of every page; with a real
key it goes through the browser's renewal to verify."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import REPO, rig_missing
from tests.rig.softhsm import SoftHSM, module_path, tools_present, unit_certificate


def test_tour_under_xvfb(home: Path, tmp_path: Path) -> None:
    if not shutil.which("xvfb-run"):
        rig_missing("xvfb (xvfb-run)")
    folder = tmp_path / "tour"
    environment = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, "-m", "ukey_renew", "--practice",
         "--lang", "zh", "--tour", str(folder)],
        env={**environment, "UKEY_RENEW_HOME": str(home)}, cwd=REPO, capture_output=True, encoding="utf-8", timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((folder / "tour.json").read_text(encoding="utf-8"))
    assert report["renewed"] is True
    ids = [page["id"] for page in report["pages"]]
    assert ids == ["detect", "check", "form", "renew-password", "renew", "verify"]
    assert all(page["guide_step"] and page["title"] for page in report["pages"])
    assert report["first_paint_ms"] > 0 and report["max_stall_ms"] >= 0
    for page in report["pages"]:
        image = QImage(str(folder / page["png"]))
        assert image.width() >= 600 and image.height() >= 400
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20, f"{page['png']} looks blank"


def test_tour_of_a_real_key_waits_for_the_browser_and_verifies(home: Path, tmp_path: Path) -> None:
    """``--tour`` with a real key (a SoftHSM2 token through the module
    variable): detect → check → guided, where it waits while this test plays
    the browser's part and writes the renewed certificate onto the key in a
    new container; the tour notices it and verifies. The tour runs in a
    process of its own, so its SoftHSM has a token dir of its own: the only
    key plugged in is this one."""
    if not tools_present():
        rig_missing("softhsm2 and opensc (softhsm2-util, pkcs11-tool)")
    softhsm = SoftHSM(tmp_path / "hsm")
    label = "tour-real-key"
    softhsm.init_token(label, "123456")
    key, der = unit_certificate(tmp_path / "old", 30)
    softhsm.import_certificate(label, "123456", der, "UnitCert")
    folder = tmp_path / "tour"
    environment = {**os.environ, "UKEY_RENEW_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
                   "UKEY_RENEW_PKCS11_MODULE": str(module_path()), "SOFTHSM2_CONF": str(softhsm.conf)}  # fmt: skip
    tour = subprocess.Popen(
        [sys.executable, "-m", "ukey_renew", "--lang", "zh", "--tour", str(folder)],
        env=environment, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, encoding="utf-8",
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not list(folder.glob("*-check.png")):  # shot as the check page is left for the guided page
            if tour.poll() is not None or time.monotonic() > deadline:
                tour.kill()
                pytest.fail(f"the tour never reached the check page: {tour.communicate()[0]}")
            time.sleep(0.2)
        _, renewed = unit_certificate(tmp_path / "renewed", 400, key)
        softhsm.import_certificate(label, "123456", renewed, "UnitCert_R1")
        output, _ = tour.communicate(timeout=180)
    finally:
        tour.kill()
    assert tour.returncode == 0, output
    report = json.loads((folder / "tour.json").read_text(encoding="utf-8"))
    assert [page["id"] for page in report["pages"]] == ["detect", "check", "guided", "verify"]
    assert report["verified"] is True and report["renewed"] is False  # renewed in the "browser", not by the program


ROUTES = {  # route → the journey's pages in order, what is saved beside the pictures
    "wrong-pin": (["detect", "check", "form", "renew-wrong-pin", "form", "renew-password", "renew", "verify"], {}),
    "locked": (
        ["detect", "check", "unlock", "detect", "check", "form", "renew-password", "renew", "verify"],
        {},
    ),
    "expired": (["detect", "check", "replacement"], {"letter": "letter.pdf"}),
    "reopen": (["detect", "check", "verify"], {"receipt": "receipt.pdf"}),
    "no-key": (["detect-no-key"], {}),
}


@pytest.mark.parametrize("route", list(ROUTES))
def test_every_route_of_the_journey_can_be_toured(route: str, home: Path, tmp_path: Path, empty_softhsm) -> None:  # type: ignore[no-untyped-def]
    """``--tour DIR --route NAME`` from outside: each route ends where it leads, its pages in
    the journey's order with a picture each (no-key: nothing plugged in, default mode)."""
    folder = tmp_path / "tour"
    # 1366×768 at 150 % less a 40 px taskbar: the pages scroll, never away from the cursor.
    (tmp_path / "screen.json").write_text(json.dumps({"screens": [{"x": 0, "y": 0, "width": 1366, "height": 728}]}))
    environment = {**os.environ, **empty_softhsm, "UKEY_RENEW_HOME": str(home), "QT_SCALE_FACTOR": "1.5",
                   "QT_QPA_PLATFORM": "offscreen:configfile=screen.json",
                   "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "ukey_renew", "--practice", "--lang", "zh", "--tour", str(folder), "--route", route],
        env=environment, cwd=tmp_path, capture_output=True, encoding="utf-8", timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((folder / "tour.json").read_text(encoding="utf-8"))
    pages, saved = ROUTES[route]
    assert (report["route"], [page["id"] for page in report["pages"]], report["saved"]) == (route, pages, saved)
    for page in report["pages"]:
        assert (folder / page["png"]).is_file()
        assert (page["focus_hidden"], page["cramped"]) == ("", []), page["png"]
    if route in ("wrong-pin", "locked", "reopen"):
        assert report["verified"] is True
    for name in saved.values():
        assert (folder / name).read_bytes().startswith(b"%PDF")
    if route == "expired" and shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(folder / "letter.pdf"), "-"], capture_output=True, text=True).stdout
        assert "（过期）" in text and "指南 1.3 注 2" in text


def test_a_route_needs_a_tour(home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ukey_renew", "--practice", "--route", "locked"],
        env={**os.environ, "UKEY_RENEW_HOME": str(home)}, cwd=REPO, capture_output=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and "--tour" in done.stderr
