"""Figures for docs/performance.md: what an ``.xlsx`` writer would add to the one-folder bundle.

    python -m tests.benchmarks.bench_xlsx_size WHEEL...

For each wheel (``pip download --no-deps openpyxl et-xmlfile xlsxwriter``), its modules compiled and
zlib-compressed as PyInstaller stores them in the bundle's archive (level 9), beside the wheel's size;
data files as they are. Prints the sums; asserts nothing.
"""

from __future__ import annotations

import marshal
import sys
import zipfile
import zlib
from pathlib import Path

MB = 1_000_000


def bundled_bytes(wheel: Path) -> tuple[int, int]:
    """(bytes in the bundle, files) of one wheel's package."""
    total = files = 0
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if ".dist-info/" in name or name.endswith("/"):
                continue
            data = archive.read(name)
            if name.endswith(".py"):
                code = compile(data, name, "exec", dont_inherit=True, optimize=0)
                data = zlib.compress(marshal.dumps(code), 9)
            total += len(data)
            files += 1
    return total, files


def main(wheels: list[str]) -> int:
    grand = 0
    for wheel in map(Path, wheels):
        size, files = bundled_bytes(wheel)
        grand += size
        wheel_mb = wheel.stat().st_size / MB
        print(f"{wheel.name}: {files} files, {size / MB:.2f} MB in the bundle (wheel {wheel_mb:.2f} MB)")
    print(f"together: {grand / MB:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
