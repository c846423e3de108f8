"""The tour in a real X server (Xvfb): the program drives itself through a
practice renewal and leaves a readable picture of every page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.conftest import REPO, rig_missing


def test_tour_under_xvfb(home: Path, tmp_path: Path) -> None:
    if not shutil.which("xvfb-run"):
        rig_missing("xvfb (xvfb-run)")
    folder = tmp_path / "tour"
    environment = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, "-m", "ukey_renew", "--practice",
         "--lang", "zh", "--tour", str(folder)],
        env={**environment, "UKEY_RENEW_HOME": str(home)}, cwd=REPO, capture_output=True, text=True, timeout=180,
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
