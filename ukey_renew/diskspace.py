"""Room on the disk of the program's state, checked before an order is placed.

A renewal writes its progress, the key (the practice key is a file) and its
record after the order: a disk that fills up between them leaves an order
the site has issued and the program could not note. Checking first stops a
full disk before anything happens at the site, with the disk named.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ukey_renew.errors import DiskFull

# What a renewal writes at most (progress ~4 KB per step, the practice key,
# its record, SQLite's journals, the practice site's database), with room to spare.
LEAST_FREE = 1024 * 1024


def free_bytes(folder: Path) -> int | None:
    """Free bytes on the folder's disk, or None when it cannot be told (then nothing is refused)."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def require_room(folder: Path) -> None:
    """:class:`DiskFull` unless the folder's disk has :data:`LEAST_FREE` bytes free."""
    free = free_bytes(folder)
    if free is not None and free < LEAST_FREE:
        raise DiskFull(str(folder), free // 1024)


def full(folder: Path) -> bool:
    """Whether a write that failed in the folder may have failed for want of room
    (SQLite says "disk I/O error" for some of those)."""
    free = free_bytes(folder)
    return free is not None and free < LEAST_FREE
