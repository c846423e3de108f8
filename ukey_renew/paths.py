"""Where the program finds its bundled data and keeps the user's state.

Resources live in the top-level ``resources/`` folder of a source checkout; a
wheel installs them as ``ukey_renew/resources`` and a PyInstaller bundle
unpacks them under ``sys._MEIPASS``. One function looks in those places so no
caller needs to know how the program was installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ukey-renew"
HOME_ENV = "UKEY_RENEW_HOME"


def resources_dir() -> Path:
    package = Path(__file__).resolve().parent
    candidates = [
        package / "resources",  # installed wheel
        package.parent / "resources",  # source checkout or editable install
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if (candidate / "tokens.toml").is_file():
            return candidate
    raise FileNotFoundError("resources folder not found next to the ukey_renew package")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The user's state folder; ``UKEY_RENEW_HOME`` moves it (tests, portable use)."""
    override = os.environ.get(HOME_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
