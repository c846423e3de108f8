"""Jobs: work on a thread, its outcome handed back on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ukey_renew.errors import UkeyError
from ukey_renew.gui.worker import Job


def _fail() -> None:
    raise UkeyError(detail="no key")


def test_a_job_runs_until_its_outcome_is_handed_back(qapp) -> None:  # type: ignore[no-untyped-def]
    """A page polls only while none of its jobs runs. A job whose thread has
    ended but whose result still waits in the event queue must count as
    running: a poll started in that gap acts on what the result is about to
    change (seen as two detections of one plugged key)."""
    for work in (lambda: "found", _fail):
        outcomes: list[object] = []
        job = Job(work)
        job.start(outcomes.append, outcomes.append)
        assert job._thread is not None
        job._thread.join(timeout=10)
        assert not job._thread.is_alive()
        assert job.running, "ended thread, outcome not yet delivered"
        assert outcomes == []
        QCoreApplication.processEvents()
        assert len(outcomes) == 1
        assert not job.running
