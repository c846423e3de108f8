"""The scheduled reminder's notification: a small window in the screen's
bottom-right corner naming the keys that need action, with "开始续期" (the
wizard opens) and "稍后提醒" (quiet for a week).

A window of its own rather than a tray balloon: the tray is missing on many
desktops and under Xvfb, and a balloon cannot be reached by keyboard.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ukey_renew.gui.i18n import N_, day, t
from ukey_renew.notice import SNOOZE_DAYS
from ukey_renew.remind import RENEWABLE_AFTER, Reminder
from ukey_renew.session import Session

SHOWN = 3  # keys named in full; a clerk rarely holds more, IT staff use the campaign sheet
WIDTH = 420  # a notification's width, a third of a 1366×768 screen at 150 %
MARGIN = 16  # from the screen's edges, clear of the taskbar's own notifications' shadow
STATES = {  # what the state is called, and the next step, where the wizard is one click away
    "due": (N_("需要延期"), N_("请尽快延期：插上这把 Ukey，点“开始续期”（指南 2.2）。")),
    "expired": (
        N_("已过期"),
        N_("请立即延期：过期超过 {limit} 天就无法在线延期（指南 1.3 注 2）。插上这把 Ukey，点“开始续期”。"),
    ),
    "replace": (N_("需更换 Ukey"), N_("已无法在线延期，需要更换 Ukey（指南 3.7）。点“开始续期”查看怎么办。")),
}


def when(reminder: Reminder) -> str:
    until = day(datetime.fromisoformat(reminder.not_after))
    if reminder.days_left > 0:
        return t("还有 {days} 天到期（{date}）", days=reminder.days_left, date=until)
    if reminder.days_left == 0:
        return t("今天是有效期的最后一天（{date}）", date=until)
    return t("{days} 天前到期（{date}）", days=-reminder.days_left, date=until)


class ReminderNotice(QDialog):
    """Accepted: "开始续期". Rejected: "稍后提醒" (``snoozed``) or closed, which counts as seen for today."""

    def __init__(self, reminders: list[Reminder], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snoozed = False
        self.setWindowTitle(t("Ukey 证书到期提醒"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        layout = QVBoxLayout(self)
        heading = QLabel(t("<b>有 Ukey 证书需要处理</b>"))
        layout.addWidget(heading)
        for reminder in reminders[:SHOWN]:
            unit = t("（{unit}）", unit=escape(reminder.unit)) if reminder.unit else ""
            state, step = STATES[reminder.state]
            lines = [
                f"<b>Ukey {escape(reminder.serial)}</b>{unit}",
                t("{state}：{when}", state=t(state), when=when(reminder)),
            ]
            label = QLabel("<br>".join([*lines, t(step, limit=RENEWABLE_AFTER)]))
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the serial, for a call
            layout.addWidget(label)
        if len(reminders) > SHOWN:
            layout.addWidget(QLabel(t("另有 {count} 把 Ukey 也需要处理。", count=len(reminders) - SHOWN)))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.later = QPushButton(t("稍后提醒(&L)"))
        self.later.setToolTip(t("{days} 天内不再提醒", days=SNOOZE_DAYS))
        self.later.setAutoDefault(False)
        self.later.clicked.connect(self._snooze)
        self.start = QPushButton(t("开始续期(&S)"))
        self.start.setDefault(True)
        self.start.clicked.connect(self.accept)
        buttons.addWidget(self.later)
        buttons.addWidget(self.start)
        layout.addLayout(buttons)
        self.setFixedWidth(WIDTH)
        self.setFixedHeight(self.heightForWidth(WIDTH))  # the wrapped lines' height, no gaps between them
        self.start.setFocus()

    def _snooze(self) -> None:
        self.snoozed = True
        self.reject()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Into the bottom-right corner of the free area, title bar and frame included."""
        super().showEvent(event)
        area = self.screen().availableGeometry()
        frame = self.frameGeometry()
        self.move(
            area.right() - frame.width() - MARGIN + 1 + (self.x() - frame.x()),
            area.bottom() - frame.height() - MARGIN + 1 + (self.y() - frame.y()),
        )


def ask(session: Session, reminders: list[Reminder]) -> bool:
    """Shows the notification, noted as today's; True when the clerk chose to renew now."""
    notice = ReminderNotice(reminders)
    session.notice_shown()
    chosen = notice.exec() == QDialog.DialogCode.Accepted
    if notice.snoozed:
        session.snooze_reminders()
    return chosen
