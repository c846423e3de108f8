"""Run the program as a user whom file modes bind.

Root writes through any mode, and CI containers (and this rig) run tests as
root: there the program is started without the powers that override modes
(setpriv drops them from the bounding set), so a read-only file or a folder
of another owner refuses it as it refuses a clerk.
"""

from __future__ import annotations

import os
import shutil

from tests.conftest import rig_missing

POWERS = "-dac_override,-dac_read_search,-fowner"


def prefix() -> list[str]:
    """The words to put before a command so that file modes bind it."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        rig_missing("setpriv (util-linux), to run the program as root without overriding file modes")
    return [str(setpriv), f"--bounding-set={POWERS}", "--"]
