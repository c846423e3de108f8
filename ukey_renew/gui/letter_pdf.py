"""The replacement application letter (guide 3.7) as PDF, through Qt's QPdfWriter."""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

from ukey_renew.troubleshoot.letter import LetterForm, paragraphs, save

_STYLES = {
    "title": "font-size:16pt; font-weight:bold; text-align:center; margin-bottom:18pt;",
    "body": "font-size:12pt; margin-top:8pt;",
    "item": "font-size:12pt; margin-left:24pt; margin-top:4pt;",
    "sign": "font-size:12pt; text-align:right; margin-top:6pt;",
}


def write_pdf(form: LetterForm, path: Path) -> None:
    """Works without a screen (offscreen), so the command line can make PDFs too.

    Qt paints into memory and the file is written here: a QPdfWriter given a
    path it cannot open paints nowhere and says nothing."""
    if not sys.platform.startswith(("win", "darwin")) and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
    from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    if QGuiApplication.instance() is None:
        _keep.append(QGuiApplication(sys.argv[:1]))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(25, 25, 25, 25), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle("Ukey 补办申请函")
    body = "".join(f'<p style="{_STYLES[style]}">{html.escape(text)}</p>' for style, text in paragraphs(form))
    seal = '<p style="font-size:12pt; text-align:right; margin-top:48pt;">&nbsp;</p>'
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # lay out at the PDF's resolution, not the screen's
    document.setDefaultFont(QFont(["SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC", "serif"], 12))
    document.setHtml(body + seal)
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.print_(writer)
    save(path, bytes(buffer.data().data()))


_keep: list[object] = []  # a Qt application made here must outlive the call
