"""A real small disk: a tmpfs mounted for one test, filled to leave a chosen room.

What a full disk does to SQLite, to the journal and to the practice key's
file is only seen on one: no write is faked. Linux as root only (a mount);
elsewhere the tests that need it are skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import rig_missing

PAGE = 4096


@contextmanager
def small_disk(size_kib: int) -> Iterator[Path]:
    if sys.platform != "linux":
        pytest.skip("a tmpfs mount: Linux only")
    if os.geteuid() != 0:
        rig_missing("root, to mount a small tmpfs")
    where = Path(tempfile.mkdtemp(prefix="small-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode != 0:
        where.rmdir()
        rig_missing(f"mount of a tmpfs ({mounted.stderr.decode(errors='replace').strip()})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
        where.rmdir()


def free_kib(where: Path) -> int:
    return os.statvfs(where).f_bavail * os.statvfs(where).f_frsize // 1024


def fill(where: Path, leave_kib: int) -> Path:
    """A file taking all but ``leave_kib`` of the disk's room; remove it to give the room back."""
    filler = where / "filler"
    with filler.open("ab") as out:
        while free_kib(where) > leave_kib:
            out.write(b"\0" * max(PAGE, (free_kib(where) - leave_kib) * 1024))
            out.flush()
    return filler
