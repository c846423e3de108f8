"""The tour: the wizard drives itself through a renewal, saving a picture of
every page, for demonstrations, documentation and training. With the
practice key it renews on the built-in site; with a real key it goes the
real key's way: the guided page waits (up to :data:`BROWSER_WAIT_S`) while
the certificate is renewed in the browser, notices it on the key, and
verifies it.

A route (:data:`cli.parser.TOUR_ROUTES`) takes it another way through the
journey: a wrong PIN first, a locked key, a key expired over 30 days (the
letter is saved beside the pictures), the wizard opened again after a
renewal (the receipt is saved), or no key plugged in.

It types and clicks from outside, as a person would (:meth:`Tour._answer`):
the pages do not know they are on a tour.

It also measures what users feel: the time to the first paint of the window,
the longest stretch the event loop was blocked (``max_stall_ms``), and on
each page how the window fits its screen (:func:`fit`).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea, QStackedLayout, QWidget, QWizard

from ukey_renew import journey
from ukey_renew.gui.context import TourAnswers
from ukey_renew.gui.page import Page
from ukey_renew.gui.window import MainWindow

_TICK_MS = 10
_PAGE_LIMIT_S = 90.0
BROWSER_WAIT_S = 120.0  # the guided page: a person renewing in the browser
_READING_S = 0.3  # a question stays on screen this long before the tour answers it
_BUTTON_COUNT = QWizard.WizardButton.Stretch.value  # Back, Next, Commit, Finish, Cancel, Help, Custom1–3


class StallMonitor(QObject):
    """A 10 ms timer: how late each tick fires is how long the loop was blocked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.max_stall_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(_TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def skip(self) -> None:
        """Forget the time since the last tick (work the measurement itself did)."""
        self._last = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_stall_ms = max(self.max_stall_ms, (now - self._last) * 1000 - _TICK_MS)
        self._last = now


class FirstPaint(QObject):
    """Notes when the window is first painted, counted from ``started``."""

    def __init__(self, started: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.started = started
        self.ms: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self.ms is None and event.type() == QEvent.Type.Paint:
            self.ms = (time.perf_counter() - self.started) * 1000
        return False


class Tour(QObject):
    def __init__(self, window: MainWindow, folder: Path, first_paint: FirstPaint, route: str = "renew") -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.route = route
        self.saved: dict[str, str] = {}  # what the route saved beside the pictures: "letter", "receipt"
        self._done_once: set[str] = set()  # a route's one-off clicks
        self.first_paint = first_paint
        self.pages: list[dict[str, Any]] = []
        self.stalls = StallMonitor(self)
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._step)
        self._page_since = time.perf_counter()
        self._shot_question = False
        self._shot_waiting = False
        self._answered: set[str] = set()
        self._question: tuple[int, float] | None = None  # the question on screen, and since when
        self.exit_code = 1

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.stalls.start()
        self._poll.start()

    def _step(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:  # a dialog the route opened: answered as a person would
            self._answer_dialog(modal)
            return
        if self.window.busy:  # the route's own step still at work (the practice key being reset)
            return
        wizard = self.window.wizard
        page = wizard.currentPage()
        assert isinstance(page, Page)
        if self._route_step(wizard.at(), page):
            return
        if wizard.at() == journey.RENEW and not self._shot_question and page.isVisible():
            renew = wizard.renew_page
            if renew.questions.currentIndex() == 2:  # the new-password question on screen
                self._shot_question = True
                self._shoot(page, "renew-password")
        if wizard.at() == journey.GUIDED and not self._shot_waiting and page.isVisible():
            self._shot_waiting = True  # waiting for the browser: the page moves on by itself
            self._shoot(page, journey.GUIDED)
        answers = self.window.context.tour
        assert answers is not None  # app.run gives a tour its answers
        if wizard.at() == journey.RENEW:
            self._answer_question(answers)  # while the renewal runs
        elif not page.busy:
            self._answer(wizard.at(), answers)
        limit = BROWSER_WAIT_S if wizard.at() == journey.GUIDED else _PAGE_LIMIT_S
        if time.perf_counter() - self._page_since > limit or (
            page.notice.text.startswith("<b>")
            and (self.window.context.last_error is not None and not page.busy and not page.isComplete())
        ):
            self._shoot(page, page.page_key)
            self._finish()
            return
        if page.busy or not page.isComplete():
            return
        self._shoot(page, page.page_key)
        if wizard.at() == journey.VERIFY:
            self._finish()
            return
        self._page_since = time.perf_counter()
        wizard.next()

    def _route_step(self, at: str, page: Page) -> bool:
        """What a route does beyond the renewal's way; True when it acted (or ended) this tick."""
        wizard = self.window.wizard
        if page.busy:
            return False
        if self.route == "no-key" and at == journey.DETECT and not wizard.detect_page.no_key.isHidden():
            self._shoot(page, "detect-no-key")  # guide 3.3's checks have run in place
            self._finish()
            return True
        if self.route == "wrong-pin" and at == journey.RENEW and wizard.renew_page.again.isVisible():
            if self._once("again"):
                self._shoot(page, "renew-wrong-pin")
                self._answered.discard(journey.FORM)  # the form again, now with the right PIN
                wizard.renew_page.again.click()
                return True
        if self.route == "locked" and at == journey.UNLOCK and self._once("unlock"):
            self._shoot(page, journey.UNLOCK)
            QTimer.singleShot(0, wizard.unlock_page.request.click)  # its dialog is modal: clicked from the loop
            return True
        if self.route == "expired" and at == journey.REPLACEMENT:
            if self._once("letter"):
                self._shoot(page, journey.REPLACEMENT)
                QTimer.singleShot(0, wizard.replacement_page.letter.click)
            elif "letter" in self.saved:
                self._finish()
            return True
        if self.route == "reopen" and at == journey.VERIFY and page.isComplete():
            receipt = self.folder / "receipt.pdf"
            if self._once("receipt"):
                self._shoot(page, journey.VERIFY)
                wizard.verify_page.save_receipt_to(receipt)
            elif receipt.is_file():
                self.saved["receipt"] = receipt.name
                self._finish()
            return True
        return False

    def _once(self, what: str) -> bool:
        if what in self._done_once:
            return False
        self._done_once.add(what)
        return True

    def _answer_dialog(self, dialog: QWidget) -> None:
        """The route's dialogs: the locked practice key is reset (its unlock has no operator), the
        reset confirmed, and the replacement letter filled in and saved beside the pictures."""
        from ukey_renew.gui.letter_dialog import LetterDialog
        from ukey_renew.gui.unlock_dialog import UnlockDialog

        if isinstance(dialog, UnlockDialog) and self.route == "locked":
            dialog.done(UnlockDialog.PRACTICE_RESET)
        elif isinstance(dialog, QMessageBox) and self.route == "locked":
            yes = dialog.button(QMessageBox.StandardButton.Yes)
            if yes is not None:
                yes.click()
        elif isinstance(dialog, LetterDialog) and self.route == "expired":
            letter = self.folder / "letter.pdf"
            if self._once("letter-filled"):
                answers = self.window.context.tour
                assert answers is not None
                dialog.receiver_name.setText(answers.holder_name)
                dialog.receiver_phone.setText(answers.holder_mobile)
                dialog.receiver_address.setText(answers.receiver_address)
                dialog.description.setPlainText(answers.letter_description)
                dialog.save_to(letter, dialog.form())
            elif letter.is_file() and not dialog.busy:
                self.saved["letter"] = letter.name
                dialog.accept()

    def _answer(self, at: str, answers: TourAnswers) -> None:
        """What the user would type or click on the page at ``at``, once."""
        if at in self._answered or at not in (journey.FORM, journey.RESUME, journey.VERIFY):
            return
        self._answered.add(at)
        wizard = self.window.wizard
        if at == journey.FORM:
            wrong_first = self.route == "wrong-pin" and "again" not in self._done_once
            wizard.form_page.pin.setText(answers.wrong_pin if wrong_first else answers.pin)
            wizard.form_page.name.setText(answers.holder_name)
            wizard.form_page.mobile.setText(answers.holder_mobile)
        elif at == journey.RESUME:
            wizard.resume_page.pin.setText(answers.pin)  # the order and holder are the journal's
        else:
            wizard.verify_page.replug.click()

    def _answer_question(self, answers: TourAnswers) -> None:
        """The renewal's questions, each answered after a moment on screen."""
        renew = self.window.wizard.renew_page
        shown = renew.questions.currentIndex()
        now = time.perf_counter()
        if shown == 0:
            self._question = None
        elif self._question is None or self._question[0] != shown:
            self._question = (shown, now)
        elif now - self._question[1] >= _READING_S:
            self._question = None
            if shown == 1:
                renew.captcha.field.setText(answers.captcha)
                renew.answer_captcha()
            else:
                renew.password.setText(answers.new_password)
                renew.password_again.setText(answers.new_password)
                renew.answer_password()

    def _shoot(self, page: Page, key: str) -> None:
        png = self.folder / f"{len(self.pages) + 1:02d}-{key}.png"
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)  # the page as laid out, not half-way
        self.window.grab().save(str(png))
        self.stalls.skip()  # the tour's own screenshot is not a stall of the program
        self.pages.append(
            {"id": key, "title": page.title(), "guide_step": page.guide_step, "png": png.name, **fit(self.window)}
        )

    def _finish(self) -> None:
        """``renewed``: by the program (practice); ``verified``: the new validity shown (either way)."""
        self._poll.stop()
        self.stalls.stop()
        context = self.window.context
        renewed, verified = context.result is not None, context.journey.verified
        report = {
            "route": self.route,
            "renewed": renewed,
            "verified": verified,
            "saved": self.saved,
            "pages": self.pages,
            "first_paint_ms": round(self.first_paint.ms or -1, 1),
            "max_stall_ms": round(self.stalls.max_stall_ms, 1),
        }
        (self.folder / "tour.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        self.exit_code = 0 if self._arrived(renewed, verified) else 1
        QApplication.instance().exit(self.exit_code)  # type: ignore[union-attr]

    def _arrived(self, renewed: bool, verified: bool) -> bool:
        """Whether the route ended where it leads."""
        match self.route:
            case "no-key":
                return not self.window.wizard.detect_page.no_key.isHidden()
            case "expired":
                return "letter" in self.saved
            case "reopen":
                return verified and "receipt" in self.saved
            case _:
                return verified and (renewed or self.window.context.journey.new_certificate_seen)


def fit(window: MainWindow) -> dict[str, Any]:
    """How the window sits on its screen, for the checks at small screens: its
    frame, the screen's free area (less the taskbar), the wizard's buttons in
    the window, and what is :func:`cramped`."""
    buttons = [window.wizard.button(QWizard.WizardButton(which)) for which in range(_BUTTON_COUNT)]
    return {
        "frame": _rect(window.frameGeometry()),
        "available": _rect(window.screen().availableGeometry()),
        "client": [window.width(), window.height()],
        "buttons": [_rect(QRect(b.mapTo(window, QPoint(0, 0)), b.size())) for b in buttons if b.isVisible()],
        "cramped": cramped(window),
        "focus_hidden": focus_hidden(window),
    }


def focus_hidden(window: QWidget) -> str:
    """The focused field when a scroll area hides part of it ("" when in view): on a
    short screen the page scrolls, but never away from where the user types."""
    focus = window.focusWidget()
    area = focus.parentWidget() if focus is not None else None
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if focus is None or area is None:
        return ""
    viewport = area.viewport()
    top_left = focus.mapTo(viewport, QPoint(0, 0))
    if QRect(QPoint(0, 0), viewport.size()).contains(QRect(top_left, focus.size())):
        return ""
    return f"{type(focus).__name__} {focus.accessibleName()} at {top_left.toTuple()}, view {viewport.size().toTuple()}"


def cramped(window: QWidget) -> list[str]:
    """The widgets shown in ``window`` with less room than their layout needs
    at their width: there, text overlaps."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        layout = widget.layout()
        if layout is None or isinstance(layout, QStackedLayout) or not widget.isVisible():
            continue  # a stack's need counts its hidden pages; the page shown is looked at itself
        least = layout.totalMinimumSize()
        if layout.hasHeightForWidth():
            least.setHeight(layout.totalMinimumHeightForWidth(widget.width()))
        if widget.width() < least.width() or widget.height() < least.height():
            found.append(f"{type(widget).__name__} {widget.size().toTuple()} < {least.toTuple()}")
    return found


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]
