"""The captcha the renewal site and the unlock ask for: its picture and the
field for what it says. In a module of its own: the first page has no text
field, and its widget classes load with the pages that do."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from ukey_renew.gui.i18n import t
from ukey_renew.gui.widgets import focus_in_view


class CaptchaInput(QWidget):
    """A site's captcha picture above the field for what it says (guide 2.2 ④⑥, 3.6).
    An unreadable picture is swapped for another, by its button or a click on
    it, as the guide advises (3.10 tip 3)."""

    refresh = Signal()  # another picture, please

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QLabel()
        self.image.setAccessibleName(t("验证码图片"))
        self.image.setToolTip(t("看不清？点图片换一张"))
        from PySide6.QtCore import Qt  # with a later page: not before the first paint

        self.image.setCursor(Qt.CursorShape.PointingHandCursor)
        self.image.installEventFilter(self)
        self.another = QPushButton(t("换一张(&G)"))
        self.another.clicked.connect(self.refresh)
        self.field = QLineEdit()
        self.field.setAccessibleName(t("验证码"))
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.image, self.another)
        layout.addRow(t("验证码(&V)："), self.field)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.image and event.type() == QEvent.Type.MouseButtonRelease:
            self.refresh.emit()
            return True
        return False

    def show_image(self, png: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(png)
        self.image.setPixmap(pixmap)
        self.field.clear()
        focus_in_view(self.field)

    def text(self) -> str:
        return self.field.text().strip()
