"""Work off the GUI thread: keys, network and disk never block the window.

A :class:`Job` runs one callable on a Python thread and reports back with
Qt signals, delivered queued so that every slot runs on the GUI thread.
:class:`GuiPrompts` lets the renewal engine, running in a job, ask the user
something (captcha, new password) and wait for the answer without the
window ever waiting for the engine.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ukey_renew.errors import RenewalCancelled, UkeyError

log = logging.getLogger(__name__)


class Job(QObject):
    finished = Signal(object)
    failed = Signal(object)  # always a UkeyError: anything else is logged and wrapped

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._thread: threading.Thread | None = None
        self._reported = False

    def start(self, on_done: Callable[[Any], None], on_error: Callable[[UkeyError], None]) -> Job:
        from PySide6.QtCore import Qt  # its 93 enum classes: the first job starts after the first paint

        self.finished.connect(lambda result: self._report(on_done, result), Qt.ConnectionType.QueuedConnection)
        self.failed.connect(lambda error: self._report(on_error, error), Qt.ConnectionType.QueuedConnection)
        # Gone once reported: a page that polls would otherwise keep one per poll.
        self.finished.connect(self.deleteLater, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self.deleteLater, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="ukey-job", daemon=True)
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        """Started and not yet reported back: a job whose thread has ended but
        whose result still waits in the event queue is running, or a poll
        could start again in between and act on what this one will change."""
        return self._thread is not None and not self._reported

    def _report(self, slot: Callable[[Any], None], outcome: Any) -> None:
        self._reported = True
        slot(outcome)

    def _run(self) -> None:
        try:
            result = self._work()
        except UkeyError as exc:
            self.failed.emit(exc)
        except Exception:
            log.exception("job failed")
            self.failed.emit(UkeyError(detail="unexpected error, see log"))
        else:
            self.finished.emit(result)


class GuiPrompts(QObject):
    """The engine's :class:`~ukey_renew.renewal.engine.Prompts`, answered by the wizard."""

    asked = Signal(str, object)  # kind ("captcha" / "new_password"), payload (captcha PNG)
    progressed = Signal(object)  # RenewalEvent

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._answer: str | None = None
        self._ready = threading.Event()
        self._cancelled = False

    # called on the engine's thread
    def new_password(self) -> str:
        return self._ask("new_password", None)

    def captcha(self, image: bytes) -> str:
        return self._ask("captcha", image)

    def on_event(self, event: object) -> None:
        self.progressed.emit(event)

    def _ask(self, kind: str, payload: object) -> str:
        self._ready.clear()
        self.asked.emit(kind, payload)
        self._ready.wait()
        if self._cancelled or self._answer is None:
            raise RenewalCancelled()
        answer, self._answer = self._answer, None
        return answer

    # called on the GUI thread
    def answer(self, value: str) -> None:
        self._answer = value
        self._ready.set()

    def cancel(self) -> None:
        self._cancelled = True
        self._ready.set()
