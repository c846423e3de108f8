"""The wizard's tick "到期前提醒我" (guide 1.3 note 2: a key nobody watched
lapses): the reminder registered to run by itself, or removed, by the user's
own click, never silently."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from ukey_renew.errors import UkeyError
from ukey_renew.gui.i18n import t
from ukey_renew.gui.widgets import Notice
from ukey_renew.session import Session


class ReminderTick(QWidget):
    """ "到期前提醒我": ticked while the reminder is registered; ticking registers it, unticking removes it,
    and what happened is said beside it. The work runs through ``run`` (the page's worker jobs, quiet so
    the page's own message stays): on Windows it is a schtasks call."""

    def __init__(self, session: Session, run: Callable[..., None]) -> None:
        super().__init__()
        self.session = session
        self._run = run
        self.box = QCheckBox(t("到期前提醒我(&R)"))
        self.box.setToolTip(t("证书到期前 30 天起，登录电脑时在屏幕右下角提醒延期，每天最多一次"))
        self.box.clicked.connect(self._clicked)  # the user's click only, not the state read back
        self.said = Notice()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.said)

    def refresh(self) -> None:
        """Reads whether the reminder is registered; the tick waits, disabled, until it knows."""
        self.said.clear()
        self.box.setEnabled(False)
        self._run(self.session.reminder_schedule, self._read, self._failed, quiet=True)

    def _read(self, where: str | None) -> None:
        self.box.setChecked(where is not None)
        self.box.setEnabled(True)

    def _clicked(self, on: bool) -> None:
        self.said.clear()
        self.box.setEnabled(False)
        self._run(
            lambda: self.session.set_reminder_schedule(on),
            self._set,
            lambda error: self._failed(error, back_to=not on),
            quiet=True,
        )

    def _set(self, where: str | None) -> None:
        self.box.setEnabled(True)
        if where is None:
            self.said.show_text("info", t("已取消到期提醒。"))
        else:
            self.said.show_text("ok", t("已设置到期提醒（{where}）。可随时取消勾选。", where=where))

    def _failed(self, error: UkeyError, back_to: bool | None = None) -> None:
        """Why, with the tick as it was before the click (after a failed read, as it stands: unticked)."""
        if back_to is not None:
            self.box.setChecked(back_to)
        self.box.setEnabled(True)
        self.said.show_error(error)
