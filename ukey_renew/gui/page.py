"""The wizard's page: what every step of the guide has in common (its
guide step, its help entry, work off the GUI thread, telling the wizard
only what changed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWizardPage

from ukey_renew import journey
from ukey_renew.errors import UkeyError
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import t
from ukey_renew.gui.widgets import Notice, scrolling
from ukey_renew.gui.worker import Job


class Page(QWizardPage):
    """A page that names its guide step and runs its work off the GUI thread.

    ``page_key`` is its id in the journey's map, which decides where it
    leads and when it is complete (from what the page put in
    ``context.journey``). ``help_section`` is the FAQ entry its Help button
    opens. What the page shows goes in ``layout_``, which scrolls when the
    window is short.
    """

    page_key = ""
    guide_step = ""
    help_section = ""

    def __init__(self, context: Context, title: str) -> None:
        super().__init__()
        self.context = context
        self.setTitle(title)
        self.setSubTitle(t("指南 {step}", step=t(self.guide_step)))
        self.layout_ = QVBoxLayout()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(self.layout_))
        self.notice = Notice()
        self._jobs: list[Job] = []
        self._quiet: set[Job] = set()  # jobs the user did not ask for (polls): they leave the buttons alone
        self._told: tuple[bool, str | None] | None = None  # what the wizard was last told: complete, where next

    def finish_layout(self) -> None:
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.notice)

    @property
    def busy(self) -> bool:
        return any(job.running for job in self._jobs)

    @property
    def working(self) -> bool:
        """A job the user asked for is running: what it reads may change where the page leads."""
        return any(job.running for job in self._jobs if job not in self._quiet)

    def changed(self) -> None:
        """Tells the wizard the page may now be complete, or lead elsewhere;
        only when it is so: QWizard answers each completeChanged by hiding and
        showing all it holds and laying its buttons out anew, which a poll
        every few seconds must not cause."""
        now = (self.isComplete(), journey.next_page(self.context.journey, self.page_key))
        if now != self._told:
            self._told = now
            self.completeChanged.emit()

    def arrived(self) -> None:
        """Shown: the wizard has just asked the page itself."""
        self._told = None

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[UkeyError], None] | None = None,
        *,
        quiet: bool = False,
    ) -> None:
        """``work`` in a worker, ``done`` or ``failed`` back here. A ``quiet``
        job (a poll the user did not ask for) leaves the page's notice as it
        is, and its failure is not the user's last error (a key being
        replugged is not one)."""
        if not quiet:
            self.notice.clear()
        job = Job(work, self)
        self._jobs = [j for j in self._jobs if j.running] + [job]
        self._quiet = {j for j in self._quiet if j.running} | ({job} if quiet else set())
        job.start(lambda result: self._done(done, result), lambda error: self._failed(failed, error, quiet))
        self.changed()

    def _done(self, done: Callable[[Any], None], result: Any) -> None:
        done(result)
        self.changed()

    def _failed(self, failed: Callable[[UkeyError], None] | None, error: UkeyError, quiet: bool) -> None:
        if not quiet:
            self.context.last_error = error
            self.notice.show_error(error)
        if failed:
            failed(error)
        self.changed()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.context.step = f"{self.page_key}（{self.guide_step}）"

    def shown_again(self) -> None:
        """Reached again with Back (Qt does not initialise it again): a page
        whose facts may have changed meanwhile reads them again."""

    def isComplete(self) -> bool:  # noqa: N802
        return journey.is_complete(self.context.journey, self.page_key) and not self.working
