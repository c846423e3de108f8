"""Documents Qt paints into memory: A4 PDFs of letters and receipts, also
from the command line (headless where there is no screen). The caller
writes the bytes, so a path that cannot be written is said, never painted
into nowhere (a QPdfWriter given such a path says nothing)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from ukey_renew.gui import pdf_text

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

_keep: list[object] = []  # a Qt application made here must outlive the call


def application() -> None:
    """A Qt application, offscreen where there is no screen."""
    if not sys.platform.startswith(("win", "darwin")) and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _keep.append(QGuiApplication(sys.argv[:1]))


def a4_pdf(document: QTextDocument, title: str) -> bytes:
    """``document`` on A4 with 25 mm margins, laid out at the PDF's resolution (not the screen's),
    its text copied and searched as shown (:mod:`ukey_renew.gui.pdf_text`)."""
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(25, 25, 25, 25), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.print_(writer)
    return pdf_text.as_drawn(bytes(buffer.data().data()), document)
