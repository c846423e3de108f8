"""The windowed program on a 1366×768 screen with a taskbar, drawn by Wine's X11
driver under Xvfb: its first page is painted and the window fits the screen.
The screenshot stays in $UKEY_WINE/out/ (the stage's) to be looked at."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.wine.conftest import FOLDERS, WINE_RUN, windows_path, wine

WIDTH, HEIGHT, TASKBAR = 1366, 768, 40
TITLE = "Ukey 证书延期助手"


@pytest.fixture
def screen() -> Iterator[str]:
    """An X display with a taskbar's worth of work area kept free, as Windows has."""
    for tool in ("Xvfb", "xdotool", "xprop", "import", "convert"):
        assert shutil.which(tool), f"{tool} missing: .ci/windows/setup installs it"
    # Wine's desktop (explorer.exe) keeps the display its server started with: a fresh one for this screen.
    subprocess.run([str(WINE_RUN), "wineserver", "-k"], timeout=60)
    display = f":{90 + os.getpid() % 9}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-noreset", "-nolisten", "tcp"])
    try:
        deadline = time.monotonic() + 30
        while subprocess.run(["xprop", "-display", display, "-root"], capture_output=True).returncode != 0:
            assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.2)
        area = f"0, 0, {WIDTH}, {HEIGHT - TASKBAR}"
        subprocess.run(["xprop", "-display", display, "-root", "-f", "_NET_WORKAREA", "32c", "-set",
                        "_NET_WORKAREA", area], check=True)  # fmt: skip
        yield display
    finally:
        subprocess.run([str(WINE_RUN), "wineserver", "-k"], timeout=60)
        server.terminate()
        server.wait(timeout=30)


def _window(display: str) -> tuple[int, int, int, int] | None:
    """The wizard's window on ``display`` (x, y, width, height), once it is mapped."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", TITLE], capture_output=True, text=True,
                           env={**os.environ, "DISPLAY": display})  # fmt: skip
    for window in found.stdout.split():
        shape = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], capture_output=True, text=True,
                               env={**os.environ, "DISPLAY": display})  # fmt: skip
        values = dict(line.split("=", 1) for line in shape.stdout.split())
        if int(values.get("WIDTH", 0)) > 200:
            return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])
    return None


def _colours(shot: Path, box: tuple[int, int, int, int]) -> int:
    x, y, width, height = box
    counted = subprocess.run(["convert", str(shot), "-crop", f"{width}x{height}+{x}+{y}", "+repage", "-format", "%k",
                              "info:"], capture_output=True, text=True, check=True)  # fmt: skip
    return int(counted.stdout.strip())


@pytest.mark.timeout(300)
def test_the_windowed_program_paints_its_first_page(screen: str, tmp_path: Path) -> None:
    out = Path(os.environ["UKEY_WINE"]) / "out" if "UKEY_WINE" in os.environ else tmp_path  # the stage sets it
    shot = out / f"wizard-{WIDTH}x{HEIGHT}.png"
    environment = {**os.environ, "DISPLAY": screen, "UKEY_RENEW_HOME": windows_path(tmp_path)}
    environment.pop("QT_QPA_PLATFORM", None)
    program = subprocess.Popen([str(WINE_RUN), windows_path(FOLDERS["onedir"] / "ukey-renew.exe"), "--practice"],
                               env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)  # fmt: skip
    try:
        deadline = time.monotonic() + 180
        box, colours = None, 0
        # painted: the window is mapped and holds a page's text and widgets, not a blank or black box
        while colours < 64:
            assert program.poll() is None, f"the program ended: {program.communicate()[0]!r}"
            assert time.monotonic() < deadline, f"no painted window within the deadline (window {box})"
            time.sleep(1)
            box = _window(screen)
            if box is not None:
                subprocess.run(["import", "-display", screen, "-window", "root", str(shot)], check=True)
                colours = _colours(shot, box)
        x, y, width, height = box
        assert x >= 0 and y >= 0 and x + width <= WIDTH and y + height <= HEIGHT - TASKBAR, box
    finally:
        wine(["taskkill", "/f", "/im", "ukey-renew.exe"], home=tmp_path)
        program.wait(timeout=60)
