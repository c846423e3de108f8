"""The renewal receipt as PDF (to print or file) or PNG (to paste into a chat), through Qt.

Qt paints into memory and :func:`ukey_renew.receipt.save` writes the file, so
a path that cannot be written is said, not silently painted nowhere.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from ukey_renew.gui import pdf
from ukey_renew.receipt import REMEMBER, TITLE, Receipt, save

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

PNG_WIDTH = 900  # pixels: readable in a chat window without zooming


def write_pdf(receipt: Receipt, path: Path) -> None:
    pdf.application()
    save(path, pdf.a4_pdf(_document(receipt), TITLE))


def write_png(receipt: Receipt, path: Path) -> None:
    pdf.application()
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    document = _document(receipt)
    document.setDocumentMargin(32)
    document.setTextWidth(PNG_WIDTH)
    size = document.size().toSize()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes the format as str, its stubs say bytes
    save(path, bytes(buffer.data().data()))


def _document(receipt: Receipt) -> QTextDocument:
    from PySide6.QtGui import QFont, QTextDocument

    rows = "".join(
        f'<tr><td style="padding:4pt 12pt 4pt 0; color:#444;">{html.escape(label)}</td>'
        f'<td style="padding:4pt 0;">{html.escape(value)}</td></tr>'
        for label, value in receipt.rows()
    )
    body = (
        f'<p style="font-size:16pt; font-weight:bold; text-align:center;">{html.escape(TITLE)}</p>'
        f'<table style="font-size:12pt; margin-top:12pt;">{rows}</table>'
        f'<p style="font-size:12pt; font-weight:bold; margin-top:16pt;">{html.escape(REMEMBER)}</p>'
    )
    document = QTextDocument()
    document.setDefaultFont(QFont(["Microsoft YaHei", "SimSun", "Noto Sans CJK SC", "sans-serif"], 12))
    document.setHtml(body)
    return document
