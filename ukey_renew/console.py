"""The program's console as Windows hands it over.

Redirected output uses the system code page there (GBK on Chinese Windows,
cp1252 on English ones), so JSON would not be UTF-8 and a "✓" could crash a
report; PyInstaller's bootloader ignores PYTHONUTF8 and PYTHONIOENCODING, so
the streams are switched here. The windowed exe has no console at all
(``sys.stderr`` is None): what the user must read goes to ``alert`` instead.
"""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import os
import sys
from typing import Any, TextIO

log = logging.getLogger(__name__)

TITLE = "Ukey 证书延期助手"
MB_ICONWARNING = 0x30
MB_SETFOREGROUND = 0x10000  # no window of ours is in front to lend it focus


def use_utf8() -> None:
    """Write stdout and stderr as UTF-8 whatever the code page; a missing one stays missing.
    On Windows stdout also says a closed pipe as other systems do (:class:`PipeOutput`)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors=stream.errors)
    if sys.platform == "win32" and isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout = PipeOutput(sys.stdout)


class PipeOutput:
    """Standard output that reports a reader gone as :class:`BrokenPipeError`. On Windows a
    write to a pipe whose reader has ended (``ukey-renew status | more``) fails with EINVAL,
    the C runtime's word for ERROR_NO_DATA; said as elsewhere, one handler serves both.
    Only this stream's writes are translated: an EINVAL from anything else stays what it is."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise _gone(exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise _gone(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _gone(exc: OSError) -> OSError:
    return BrokenPipeError(errno.EPIPE, "the reader of standard output has gone") if exc.errno == errno.EINVAL else exc


def reader_gone() -> None:
    """The program reading our output has ended (``ukey-renew status | head``): it wanted no
    more, which is no error. What is left unwritten goes nowhere, so that the interpreter's
    last flush at exit does not fail on the closed pipe again."""
    log.info("output's reader has gone; the rest is dropped")
    if sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def interactive() -> bool:
    """Someone can type at standard input. On Windows ``isatty()`` is True for
    any character device, ``NUL`` included (a scheduled task, ``< NUL`` in a
    script), where asking would read nothing or wait for ever; only a console
    handle answers ``GetConsoleMode``."""
    if sys.stdin is None:
        return False
    try:
        descriptor = sys.stdin.fileno()
    except (OSError, ValueError):  # closed, or a stream with no descriptor
        return False
    if not os.isatty(descriptor):
        return False
    if sys.platform != "win32":
        return True
    import ctypes
    import msvcrt
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.GetConsoleMode.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    mode = wintypes.DWORD()
    return bool(kernel32.GetConsoleMode(msvcrt.get_osfhandle(descriptor), ctypes.byref(mode)))


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
