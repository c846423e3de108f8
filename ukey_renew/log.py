"""The program's log: a file in the user's data dir, rotated at start.

Tracebacks go here, never to the user. A filter masks mobile numbers and
ID-card numbers in every record; PINs and passwords are never passed to the
logger at all.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

MAX_BYTES = 1_000_000
KEEP = 3  # older logs: ukey-renew.log.1 (newest) … .3
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_ID_CARD = re.compile(r"(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])")


def mask(text: str) -> str:
    """13800138000 → 138****8000; an ID number keeps its first 6 and last 4."""
    text = _ID_CARD.sub(r"\1********\2", text)
    return _MOBILE.sub(r"\1****\2", text)


class MaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask(record.getMessage())
        record.args = None
        return True


def rotate(path: Path) -> None:
    """Once at start rather than per record: a run writes a few kilobytes, and
    the standard rotating handler's module slows every start (it brings in
    sockets and pickling). A log another running copy holds open stays."""
    try:
        if path.stat().st_size <= MAX_BYTES:
            return
        for number in range(KEEP - 1, 0, -1):
            older = path.with_name(f"{path.name}.{number}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{number + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
    except OSError:
        return  # no log yet, or held open (Windows): go on appending


def setup(data_dir: Path, level: int = logging.INFO) -> Path:
    folder = data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ukey-renew.log"
    rotate(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskingFilter())
    root = logging.getLogger("ukey_renew")
    root.setLevel(level)
    root.handlers[:] = [handler]
    # The reference site's web server reports its own errors; they belong in
    # the log too, not on the user's terminal.
    server = logging.getLogger("werkzeug")
    server.setLevel(logging.WARNING)
    server.handlers[:] = [handler]
    server.propagate = False
    return path
