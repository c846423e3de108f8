"""pip on this Linux machine, resolving requirements as Windows x64 CPython 3.12 does.

``pip download --platform win_amd64 --python-version 3.12`` takes Windows wheels
but still evaluates environment markers against Linux, so Windows-only
dependencies (pyscard, colorama, pywin32-ctypes, pefile ...) would be left out.
Here the markers see Windows; nothing else changes.
"""

import sys

from pip._internal.cli.main import main
from pip._vendor.packaging import markers

_linux = markers.default_environment


def _windows() -> dict[str, str]:
    environment = _linux()
    environment.update(
        os_name="nt",
        sys_platform="win32",
        platform_system="Windows",
        platform_machine="AMD64",
        platform_release="10",
        implementation_name="cpython",
        platform_python_implementation="CPython",
        python_version="3.12",
        python_full_version="3.12.9",
        implementation_version="3.12.9",
    )
    return environment


markers.default_environment = _windows
sys.exit(main())
