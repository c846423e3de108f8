"""The program's console as Windows hands it over.

Redirected output uses the system code page there (GBK on Chinese Windows,
cp1252 on English ones), so JSON would not be UTF-8 and a "✓" could crash a
report; PyInstaller's bootloader ignores PYTHONUTF8 and PYTHONIOENCODING, so
the streams are switched here. The windowed exe has no console at all
(``sys.stderr`` is None): what the user must read goes to ``alert`` instead.
"""

from __future__ import annotations

import io
import logging
import sys

log = logging.getLogger(__name__)

TITLE = "Ukey 证书延期助手"
MB_ICONWARNING = 0x30
MB_SETFOREGROUND = 0x10000  # no window of ours is in front to lend it focus


def use_utf8() -> None:
    """Write stdout and stderr as UTF-8 whatever the code page; a missing one stays missing."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors=stream.errors)


def alert(text: str) -> None:
    """The seam tests replace: a message box on Windows; the log holds it everywhere."""
    log.warning("told without a console: %s", text)
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, TITLE, MB_ICONWARNING | MB_SETFOREGROUND)


def tell(text: str) -> None:
    """A message for the person at the keyboard: on stderr, or by ``alert`` when there is none."""
    if sys.stderr is None:
        alert(text)
    else:
        print(text, file=sys.stderr)
