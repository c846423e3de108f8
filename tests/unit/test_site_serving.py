"""The practice site sleeps while nobody calls it: a practice renewal ends by
stopping it, and a site that woke on a timer to look for that stop kept the
whole command waiting for the next wake-up."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

import requests

from ukey_renew.casim.site import ReferenceSite


def test_an_idle_site_does_not_wake_and_stops_at_once(home: Path) -> None:
    waits: list[int | None] = []

    def profile(frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_code.co_name == "select" and frame.f_code.co_filename.endswith("selectors.py"):
            waits.append(threading.get_ident())

    threading.setprofile(profile)  # the threads started from here on: the site's
    try:
        running = ReferenceSite(home).serve()
    finally:
        threading.setprofile(None)
    try:
        answered = requests.get(f"https://127.0.0.1:{running.port}/", verify=str(running.ca_file), timeout=10)
        assert answered.status_code < 500
        time.sleep(0.5)  # idle: a site polling for its stop would wake several times meanwhile
        serving = [ident for ident in waits if ident == running._thread.ident]  # not the request's own thread
    finally:
        running.stop()
    # Asleep, woken by the request (looked at twice as it is taken), asleep
    # again: nothing woke it in between.
    assert len(serving) <= 3, len(serving)
    assert not running._thread.is_alive()
