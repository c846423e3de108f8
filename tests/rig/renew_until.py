"""Run a practice renewal in this process and kill the process with SIGKILL
at a chosen point: after a step is done, between the two installs (new
signing certificate written and verified, its encryption pair not yet:
"signing-written"), half-way through the install (both written, old ones
not yet replaced), or right after the key took the new password, before the
step is journalled ("pin-changed").

    python -m tests.rig.renew_until HOME STEP
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from tests.rig.prompts import renew_practice
from ukey_renew.renewal.steps import RenewalEvent
from ukey_renew.token.practice import PracticeToken


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(home: str, step: str) -> None:
    def on_event(event: RenewalEvent) -> None:
        if event.step.id == step and event.state == "done":
            die()

    if step == "signing-written":
        PracticeToken.write_pending_encryption = lambda self, container, pair: die()  # type: ignore[method-assign]
    if step == "half-installed":
        PracticeToken.promote_pending = lambda self, container: die()  # type: ignore[method-assign]
    if step == "pin-changed":
        change_pin = PracticeToken.change_pin

        def change_then_die(self: PracticeToken, old: str, new: str) -> None:
            change_pin(self, old, new)
            die()

        PracticeToken.change_pin = change_then_die  # type: ignore[method-assign]
    renew_practice(Path(home), on_event=on_event)
    print("finished without being killed")


if __name__ == "__main__":
    main(*sys.argv[1:3])
