"""Where the program finds its bundled data and keeps the user's state.

Resources live in the top-level ``resources/`` folder of a source checkout; a
wheel installs them as ``ukey_renew/resources`` and a PyInstaller bundle
unpacks them under ``sys._MEIPASS``. One function looks in those places so no
caller needs to know how the program was installed.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

import platformdirs

from ukey_renew.errors import DataDirUnusable, why_not_written

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


@cache
def resource_table(*parts: str) -> dict[str, Any]:
    """A TOML resource, read and parsed once: the first page's poll asks the
    driver and card tables every few seconds. Callers only read it. The
    parser loads with the first table, after the wizard's first paint."""
    import tomllib

    return tomllib.loads(resource(*parts).read_text(encoding="utf-8"))


def data_dir() -> Path:
    """The user's state folder; ``UKEY_RENEW_HOME`` moves it (tests, portable use)."""
    return private_dir(data_dir_location())


def choose_data_dir(folder: str) -> None:
    """The data folder named on the command line (the scheduled task's way to carry it), set as
    ``UKEY_RENEW_HOME`` would set it, so what this program starts sees it too."""
    os.environ[HOME_ENV] = str(Path(folder).resolve())


def data_dir_location() -> Path:
    """Where the state folder is, without making it (to tell whether a path is in it)."""
    override = os.environ.get(HOME_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def private_dir(path: Path) -> Path:
    """``path``, made for the user only (0700) if missing: it holds keys and the
    holder's phone. A folder that already exists keeps its mode: it may be one
    the user chose. Windows ignores the mode; the user's profile is private there.
    One the program cannot write in (a file of that name, another user's
    folder) is refused here, by name, rather than by whichever write comes first."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirUnusable(str(path), why_not_written(exc), detail=f"{type(exc).__name__}: {exc}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise DataDirUnusable(str(path), "没有写入权限，可能属于另一个用户", detail="not writable")
    return path


def private_file(path: Path) -> Path:
    """``path``, made empty and for the user only (0600) if missing, before a
    library that would make it 0644 opens it (SQLite, whose -journal and -wal
    files then take the same mode; the log)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass  # made before: its contents and mode stay as they are
    return path
