"""The replacement application letter (guide 3.7) as PDF, through Qt's QPdfWriter."""

from __future__ import annotations

import html
from pathlib import Path

from ukey_renew.gui import pdf
from ukey_renew.troubleshoot.letter import LetterForm, paragraphs, save

_STYLES = {
    "title": "font-size:16pt; font-weight:bold; text-align:center; margin-bottom:18pt;",
    "body": "font-size:12pt; margin-top:8pt;",
    "item": "font-size:12pt; margin-left:24pt; margin-top:4pt;",
    "sign": "font-size:12pt; text-align:right; margin-top:6pt;",
}


def write_pdf(form: LetterForm, path: Path) -> None:
    """Works without a screen (offscreen), so the command line can make PDFs too."""
    pdf.application()
    from PySide6.QtGui import QFont, QTextDocument

    body = "".join(f'<p style="{_STYLES[style]}">{html.escape(text)}</p>' for style, text in paragraphs(form))
    seal = '<p style="font-size:12pt; text-align:right; margin-top:48pt;">&nbsp;</p>'
    document = QTextDocument()
    document.setDefaultFont(QFont(["SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC", "serif"], 12))
    document.setHtml(body + seal)
    save(path, pdf.a4_pdf(document, "Ukey 补办申请函"))
