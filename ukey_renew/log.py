"""The program's log: a file in the user's data dir, rotated at start.

Tracebacks go here, never to the user. The formatter masks mobile numbers and
ID-card numbers in every line it writes, tracebacks included (an exception's
text can quote what the user typed); PINs and passwords are never passed to
the logger at all. The file is readable by the user only.
"""

from __future__ import annotations

import logging
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from ukey_renew.dates import beijing_time
from ukey_renew.errors import DataDirUnusable, why_not_written
from ukey_renew.paths import private_dir, private_file

MAX_BYTES = 1_000_000
KEEP = 3  # older logs: ukey-renew.log.1 (newest) … .3
# Full-width digits and signs (as a Chinese input method types them) read as
# ASCII, one character for one, so a match's place is the same in both texts.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９＋－Ｘｘ\u3000", "0123456789+-Xx ")
# A mainland mobile, 1[3-9] and 9 more digits, maybe after +86 or 0086 and
# split anywhere by a space, hyphen or dot (139 1234 5678, +86-139-1234-5678,
# 1391.234.5678); never part of a longer run of digits (an order number
# 20261125-000001, a date). Its 4th to 7th digits are hidden.
_MOBILE = re.compile(
    r"(?:(?<![0-9+])(?:\+|00)86[ .-]?|(?<![0-9]))"  # +86 or 0086, or no digit before
    r"1[ .-]?[3-9][ .-]?[0-9](?P<hidden>(?:[ .-]?[0-9]){4})(?:[ .-]?[0-9]){4}(?![0-9])"
)
_ID_CARD = re.compile(r"(?<![0-9A-Za-z])[0-9]{6}(?P<hidden>[0-9]{8})[0-9]{3}[0-9Xx](?![0-9A-Za-z])")


def mask(text: str) -> str:
    """13800138000 → 138****8000, +86 139 1234 5678 → +86 139 **** 5678; an
    ID number keeps its first 6 and last 4."""
    plain = text.translate(_HALF_WIDTH)
    hidden = [match.span("hidden") for pattern in (_ID_CARD, _MOBILE) for match in pattern.finditer(plain)]
    if not hidden:
        return text
    characters = list(text)
    for start, end in hidden:
        for place in range(start, end):
            if plain[place].isdigit():  # the separators between them stay
                characters[place] = "*"
    return "".join(characters)


def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***: the surname tells IT staff whose key it is, no more."""
    name = name.strip()
    return name[:1] + "*" * (len(name) - 1)


class MaskingFormatter(logging.Formatter):
    """Masks the whole line: the message, and the traceback and stack that
    the standard formatter adds after it. Times are Beijing time with the
    offset written, as the receipt, the site and the guide give them, whatever
    zone the computer is set to."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802 - logging's name
        return beijing_time(datetime.fromtimestamp(record.created, UTC), "milliseconds")


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


class LogFile(logging.FileHandler):
    """Stops at the first record it cannot write (a full disk, a log made
    read-only) and says so once on stderr, where the standard handler would
    print "--- Logging error ---" and a traceback for every record."""

    failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if not self.failed:
            self.failed = True
            not_written(self.baseFilename, why_not_written(sys.exc_info()[1]))


def not_written(path: str, why: str) -> None:
    """Said once on stderr, if there is one: the windowed exe has none to say it on."""
    if sys.stderr is not None:
        print(f"注意：无法写入日志文件 {path}（{why}），本次运行的详情不会记录。", file=sys.stderr)


def written() -> Path | None:
    """The log file, while it is being written: what is told to the user must
    not send them looking for details that were never written."""
    for handler in logging.getLogger("ukey_renew").handlers:
        if isinstance(handler, LogFile) and not handler.failed:
            return Path(handler.baseFilename)
    return None


def setup(data_dir: Path, level: int = logging.INFO) -> Path:
    """The log in ``data_dir``; one that cannot be opened is said once on
    stderr and the program goes on without it (``written`` is then None)."""
    path = data_dir / "logs" / "ukey-renew.log"
    root = logging.getLogger("ukey_renew")
    root.setLevel(level)
    try:
        private_dir(path.parent)
        rotate(path)
        handler: logging.Handler = LogFile(private_file(path), encoding="utf-8")
    except OSError as exc:
        not_written(str(path), why_not_written(exc))
        handler = logging.NullHandler()
    except DataDirUnusable as exc:
        not_written(str(path), exc.why)
        handler = logging.NullHandler()
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.handlers[:] = [handler]
    return path


# Until the log is set up (or when the data dir is refused before it is),
# records go nowhere rather than to Python's last-resort stderr handler.
logging.getLogger("ukey_renew").addHandler(logging.NullHandler())
