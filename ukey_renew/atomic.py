"""State files written whole or not at all, readable by the user only.

A temporary file beside the target, flushed to disk, then renamed over it:
a killed process leaves either the old file or the new one. On Windows the
rename fails with "access denied" or a sharing violation (WinError 5, 32, 33)
while an antivirus scanner or the search indexer has just opened the new
file, usually for a few milliseconds; the rename is tried again for about
two seconds before the failure is reported (DESIGN.md §4).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ukey_renew.errors import OutputNotSaved, StateNotSaved
from ukey_renew.paths import data_dir_location

# ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
BUSY_WINERRORS = frozenset({5, 32, 33})
RETRY_SECONDS = 2.0
_FIRST_PAUSE = 0.01


def replace(source: Path, target: Path) -> None:
    """``os.replace``, tried again with growing pauses while another program holds the file."""
    _while_held(lambda: os.replace(source, target))


def _while_held(action: Callable[[], None]) -> None:
    """``action`` on a file, tried again with growing pauses while another program holds it."""
    deadline = time.monotonic() + RETRY_SECONDS
    pause = _FIRST_PAUSE
    while True:
        try:
            action()
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in BUSY_WINERRORS or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (mode 0600 where the system has modes).

    ``durable=False`` leaves the flush to disk to the caller: a file made in
    steps and relied on only once whole (:func:`flush`) is synced once, not
    at every step. Any failure (a full disk, a file held by another program)
    raises :class:`StateNotSaved` and leaves the previous file as it was.
    """
    temporary = path.with_name(path.name + ".tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with open(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # no temporary file where a folder is missing
            temporary.unlink(missing_ok=True)
        raise StateNotSaved(path.name, exc) from exc


def flush(path: Path) -> None:
    """``path``'s content on disk, before anything relies on it (a rename
    over the file it replaces); opened again while another program holds
    it, as :func:`replace` is tried. OSError as it comes."""

    def synced() -> None:
        descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows flushes only what it may write
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    _while_held(synced)


def write_output(what: str, path: Path, data: bytes) -> None:
    """A file the user asked for (``what``: a receipt, a certificate ...), written whole where
    asked, or :class:`OutputNotSaved` saying why not: never a file that is there but empty.

    Only a new path or a regular file of the user's is written: the rename
    would replace a device (``/dev/full``, run as root), a pipe or a link with
    a file, and one of the program's own state files (the practice key) would
    be lost."""
    refused = not_for_output(path)
    if refused:
        raise OutputNotSaved(what, str(path), None, refused)
    try:
        write_bytes(path, data)
    except StateNotSaved as exc:
        raise OutputNotSaved(what, str(path), exc.__cause__) from exc


def not_for_output(path: Path) -> str | None:
    """Why ``path`` must not be written over, in a clerk's words, or None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None  # a new file (or a folder missing: the write says so)
    if stat.S_ISDIR(mode):
        return "同名的是一个文件夹"
    if not stat.S_ISREG(mode):
        return "这是设备、管道或快捷链接，不是普通文件"
    if path.resolve().is_relative_to(data_dir_location().resolve()):
        return "这是本程序自己的数据文件（如练习 Ukey、延期记录），不能用来保存"
    return None


def read_json(path: Path) -> Any:
    """A state file's JSON; ValueError for one that is not, including arrays
    nested deeper than Python's reader recurses (RecursionError otherwise,
    which no caller expects of a file). OSError as it comes."""
    text = path.read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(f"{path.name}: nested too deep") from None


def write_json(path: Path, value: Any, *, durable: bool = True) -> None:
    write_bytes(path, json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8"), durable=durable)
