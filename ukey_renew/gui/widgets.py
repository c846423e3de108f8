"""Small pieces the windows and pages share: the message panel, the
validity table, a scrolling body, and fitting a window on its screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ukey_renew.errors import UkeyError
from ukey_renew.gui.i18n import day, t, window_language

if TYPE_CHECKING:
    from ukey_renew.certs import CertInfo
    from ukey_renew.session import KeyChoice
    from ukey_renew.troubleshoot.faq import Contacts

_STYLES = {
    "error": "background:#fdecea; border:1px solid #f5c2c0; color:#611a15;",
    "warn": "background:#fff4e5; border:1px solid #ffd59e; color:#663c00;",
    "info": "background:#e8f4fd; border:1px solid #b6dcfe; color:#0d3c61;",
    "ok": "background:#edf7ed; border:1px solid #b7dfb9; color:#1e4620;",
}

# A window's frame on Windows 10/11: 8 px borders and a 31 px title bar. Qt
# knows the real one only once the window is on screen; room is kept for it.
_FRAME = QSize(16, 39)

# Flags set while the first page is made, given by value to the widget's Qt
# property: PySide6 builds all 93 enum classes of its ``Qt`` namespace the
# first time any of them is used (about 27 ms of the start), and a property
# takes the plain number. The values are Qt's (tests/gui/test_first_paint.py).
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus
SELECTABLE_BY_MOUSE = 1  # Qt.TextInteractionFlag.TextSelectableByMouse
ALIGN_CENTER = 0x84  # Qt.AlignmentFlag.AlignCenter


def set_flags(widget: QWidget, **values: int) -> None:
    """Qt properties that hold flags, set by value (see above)."""
    for name, value in values.items():
        if not widget.setProperty(name, value):
            raise AttributeError(f"{type(widget).__name__} has no property {name!r} taking {value}")


def fit_to_screen(window: QWidget, size: QSize, beside: QWidget | None = None) -> None:
    """Give ``window`` ``size``, or less so that it fits, frame and all, in
    its screen's free area (less the taskbar), and place it there: beside
    ``beside`` where there is room, else centred. Office PCs have 1366×768
    screens, or 1920×1080 at 150 % (DESIGN §4)."""
    area = window.screen().availableGeometry()
    frame = window.frameGeometry().size() - window.size()
    if frame.isEmpty():  # not on screen yet, or no window manager to draw one
        frame = _FRAME
    # Never narrower than its contents allow (their text may be wider in the system's fonts than in
    # ours): the window would grow to that when shown and overhang the place reckoned for ``size``.
    size = size.expandedTo(window.minimumSizeHint()).boundedTo(area.size() - frame)
    window.resize(size)
    outer = size + frame
    if beside is None:
        x, y = area.x() + (area.width() - outer.width()) // 2, area.y() + (area.height() - outer.height()) // 2
    else:
        x, y = beside.frameGeometry().right() + 1, beside.frameGeometry().top()
    right, bottom = area.right() + 1 - outer.width(), area.bottom() + 1 - outer.height()
    window.move(max(area.left(), min(x, right)), max(area.top(), min(y, bottom)))  # where the frame goes


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """``then`` in the event loop's turn after ``widget`` is first painted:
    what the window does not show at once (a menu's entries, the first look
    at the keys) does not delay that paint. A timer alone could run before it."""
    _FirstPaint(widget, then)


def scrolling(layout: QLayout) -> QScrollArea:
    """``layout`` in a frameless scroll area: on a short screen its contents
    scroll instead of pushing the buttons below them off the window."""
    area = _FollowsFocus()
    area.setFrameShape(QFrame.Shape.NoFrame)
    set_flags(area, focusPolicy=NO_FOCUS)  # a page opens with the cursor in its first field, not here
    area.setWidgetResizable(True)
    body = _Body()
    body.setLayout(layout)
    area.setWidget(body)
    return area


class _FollowsFocus(QScrollArea):
    """Keeps in view what the user works in, on screens too short for the
    whole page (1366×768 at 150 %): the field with the cursor, and an error
    when it is shown (:meth:`reveal`). What was revealed stays in view while
    the page grows around it (text filled in above it), until the user
    scrolls."""

    def __init__(self) -> None:
        super().__init__()
        self.setViewport(_viewport())
        self._kept: QWidget | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._regrown)
        bar.actionTriggered.connect(self._scrolled_by_user)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.reveal(new)

    def reveal(self, part: QWidget) -> None:
        """``part`` in view, with the group it belongs to (a question with its
        button): all of the group where the view holds it, else ``part`` and
        as much of the group below it as fits."""
        self._kept = part
        self._reveal()

    def _regrown(self) -> None:
        if self._kept is not None:
            self._reveal()

    def _scrolled_by_user(self) -> None:
        self._kept = None

    def _reveal(self) -> None:
        part, body = self._kept, self.widget()
        if part is None or body is None or not shiboken6.isValid(part) or not body.isAncestorOf(part):
            self._kept = None
            return
        group = part
        while (parent := group.parentWidget()) is not None and parent is not body:
            group = parent
        x = part.mapTo(body, QPoint(0, 0)).x()
        group_top = group.mapTo(body, QPoint(0, 0)).y()
        top = group_top if group.height() <= self.viewport().height() else part.mapTo(body, QPoint(0, 0)).y()
        bottom = min(group_top + group.height(), top + self.viewport().height())  # Qt sees its last row shown
        self.ensureVisible(x, bottom, 0, 0)
        self.ensureVisible(x, top, 0, 0)  # the top wins where both cannot be seen


def _viewport() -> QWidget:
    """The scroll area's viewport as Qt makes one, but made here: handing
    Python a widget Qt made makes PySide6 look through every widget class
    for its type, building about 80 enum classes (QCalendarWidget's,
    QMdiArea's …) before the first paint."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.NoRole)  # as QScrollArea sets its own
    viewport.setAutoFillBackground(True)
    return viewport


def focus_in_view(field: QWidget) -> None:
    """The cursor put in ``field`` by the program, and the field scrolled into
    view: with the window inactive (a dialog just closed) Qt reports no focus
    change, so the page cannot follow it by itself."""
    field.setFocus()
    _reveal_in_page(field)


def _reveal_in_page(part: QWidget) -> None:
    area = part.parentWidget()
    while area is not None and not isinstance(area, _FollowsFocus):
        area = area.parentWidget()
    if area is not None:
        area.reveal(part)


class _Body(QWidget):
    """Asks its scroll area for the least height its contents need at a
    width, not the height they would like, so that it scrolls only when they
    cannot fit and its stretches share what is left."""

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else -1


class Notice(QFrame):
    """A coloured box: an error with its next step, a warning, or good news."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        set_flags(self._label, textInteractionFlags=SELECTABLE_BY_MOUSE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self._label)
        self.hide()

    @property
    def text(self) -> str:
        """What the box says, or "" while it is hidden."""
        return "" if self.isHidden() else self._label.text()

    def show_text(self, kind: str, text: str) -> None:
        self.setStyleSheet(f"QFrame {{{_STYLES[kind]} border-radius:4px;}} QLabel {{border:none;}}")
        self._label.setText(text)
        self._label.setAccessibleName(text)
        self.show()
        _reveal_in_page(self)  # scrolled into view: an error below the fold is not seen

    def show_error(self, error: UkeyError) -> None:
        """An error's message and next step, in English where the translation
        has them (those of the error classes, and the templates of messages
        made with values; a message made otherwise stays as made)."""
        headline = t(error.template, **error.values) if error.values else t(error.message)
        self.show_text(
            "error",
            f"<b>{headline}</b><br>"
            + t("下一步：{step}", step=t(error.next_step))
            + "<br><small>"
            + t("参见指南 {section}　错误代码：{id}", section=error.guide, id=error.id)
            + "</small>",
        )

    def clear(self) -> None:
        self._label.clear()
        self.hide()


class ValidityTable(QWidget):
    """Validity before and after, side by side (guide 2.1 ② and 2.3 ②). Its
    labels are made once and their text changed: labels made anew would show
    only once the event loop has run, a moment with no table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self._cells = [[QLabel() for _column in range(3)] for _row in range(4)]
        for row, cells in enumerate(self._cells):
            for column, label in enumerate(cells):
                set_flags(label, textInteractionFlags=SELECTABLE_BY_MOUSE)
                grid.addWidget(label, row, column)

    def show_pair(self, before: CertInfo, after: CertInfo | None, now: datetime) -> None:
        rows = [
            ("", f"<b>{t('延期前')}</b>", f"<b>{t('延期后')}</b>" if after else ""),
            (t("生效日期"), day(before.not_before), day(after.not_before) if after else ""),
            (t("到期日期"), day(before.not_after), day(after.not_after) if after else ""),
            (t("剩余天数"), days_left(before, now), days_left(after, now) if after else ""),
        ]
        for cells, values in zip(self._cells, rows, strict=True):
            for label, text in zip(cells, values, strict=True):
                label.setText(text)


class AltTypesNothing(QObject):
    """Alt+letter is a button's accelerator. When no shown, enabled button
    has that letter, Qt hands the key to the focused field, which would type
    the letter; this filter drops it there. Ctrl+Alt stays: on Windows it is
    AltGr, which types characters. It sits on the field with the cursor only
    (keys go nowhere else), not on the whole application, where it would see
    every event of every widget."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        # by Qt's class name: the window gets the focus before its first paint, and
        # the first page has no text field, whose Python class would load then
        if old is not None and old.inherits("QLineEdit"):
            old.removeEventFilter(self)
        if new is not None and new.inherits("QLineEdit"):
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress:
            from PySide6.QtCore import Qt  # a key pressed: after the first paint

            modifiers = event.modifiers()  # type: ignore[attr-defined]  # a QKeyEvent
            alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
            return bool(modifiers & alt) and not modifiers & ctrl
        return False


def confirmed(parent: QWidget, title: str, question: str) -> bool:
    """Yes to ``question``; No, the safe answer, is the default: Enter pressed
    out of habit changes nothing."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, question, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def save_file_name(parent: QWidget, title: str, name: str, filters: str = "") -> str:
    """Where to save, asked in the window's language: the system's own dialog
    speaks the system's, so a window in another language asks with Qt's."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QFileDialog

    options = QFileDialog.Option(0)
    if QLocale().language() != QLocale.system().language():
        options = QFileDialog.Option.DontUseNativeDialog
    chosen, _ = QFileDialog.getSaveFileName(parent, title, name, filters, options=options)
    return chosen


def key_model(choice: KeyChoice) -> str:
    """The key's model as the window's language says it (the practice key's is ours to translate)."""
    return t("练习 Ukey（软件）") if choice.practice else choice.key.model


def contacts_text(contacts: Contacts) -> str:
    """Whom to call, with their numbers (guide 3.12), in the window's language."""
    lang = window_language()
    separator = "; " if lang == "en" else "；"
    return t(
        "Ukey 运维人员：{people}<br>平台运维人员：{platform}（指南 3.12）",
        people=separator.join(person.said(lang) for person in contacts.ukey),
        platform=separator.join(person.said(lang) for person in contacts.platform),
    )


def days_left(info: CertInfo, now: datetime) -> str:
    """ "20 天", or "已过期 41 天": never a negative count beside the verdict's words."""
    days = info.days_left(now)
    return t("{days} 天", days=days) if days >= 0 else t("已过期 {days} 天", days=-days)
