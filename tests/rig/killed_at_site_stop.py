"""Run the command line with SIGKILL at the moment the built-in site starts
shutting down, the slow last part of a practice renewal.

    python -m tests.rig.killed_at_site_stop ARG...
"""

from __future__ import annotations

import sys

from tests.rig.renew_until import die
from ukey_renew import cli
from ukey_renew.casim.site import RunningSite

if __name__ == "__main__":
    RunningSite.stop = lambda self: die()  # type: ignore[method-assign]
    cli.main(sys.argv[1:])
