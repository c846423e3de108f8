"""The text layer of the receipt and letter PDFs: what is copied or searched
is what is shown, not the Kangxi radicals that share the CJK fonts' glyphs."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QImage, QTextDocument

from tests.conftest import rig_missing
from tests.integration.test_troubleshoot_cli import FORM
from tests.unit.test_receipt import RECORD
from ukey_renew.gui import letter_pdf, pdf, receipt_render
from ukey_renew.receipt import receipt_for
from ukey_renew.troubleshoot.letter import LetterForm

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement, Kangxi Radicals


def _text(path: Path) -> str:
    if not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        rig_missing("poppler-utils (pdftotext, pdftoppm)")
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert not [f"U+{ord(c):04X}" for c in text if ord(c) in RADICALS]
    return text


def _receipt(path: Path) -> None:
    receipt_render.write_pdf(receipt_for(dataclasses.replace(RECORD, holder_name="李生")), path)


def _letter(path: Path) -> None:
    letter_pdf.write_pdf(LetterForm.from_dict({**FORM, "receiver_name": "王人生"}), path)


@pytest.mark.parametrize(
    ("write", "shown"),
    [
        (_receipt, ["2021年12月15日", "某某市人民检察院", "李生"]),
        (_letter, ["2026年11月24日", "人民检察院", "王人生", "中国检察网", "一、", "二、"]),
    ],
)
def test_pdf_text_is_the_characters_shown(write, shown: list[str], tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    """月 日 人 一 二 (Kangxi radicals' twins) and 民 (a CJK Radicals
    Supplement twin) come out of pdftotext as drawn; the page still renders."""
    path = tmp_path / "out.pdf"
    write(path)
    text = _text(path)
    for words in shown:
        assert words in text, words
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-l", "1", str(path), str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    image = QImage(str(png))
    dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).lightness() < 128)  # fmt: skip
    assert dark > 100, "the page looks empty"


def test_a_longer_text_layer_keeps_the_pdf_whole(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    """Ten radicals' twins in a row, which Qt maps as one range of code points,
    need a longer CMap: its /Length and the offsets after it follow (poppler
    would silently rebuild a broken cross-reference table, so it is read here)."""
    shown = "一丨丶丿乙亅二亠人儿 民 月日"
    document = QTextDocument()
    document.setDefaultFont(QFont(["SimSun", "Noto Serif CJK SC", "serif"], 12))
    document.setPlainText(shown)
    data = pdf.a4_pdf(document, "部首")
    (tmp_path / "out.pdf").write_bytes(data)
    assert shown in _text(tmp_path / "out.pdf")
    xref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    assert data[xref:].startswith(b"xref")
    for number, entry in enumerate(re.finditer(rb"^(\d{10}) \d{5} ([nf])", data[xref:], re.MULTILINE)):
        assert entry[2] == b"f" or data[int(entry[1]) :].startswith(b"%d 0 obj" % number), number
    for stream in re.finditer(rb"/Length (\d+) >>\nstream\n", data):
        assert data[stream.end() + int(stream[1]) :].startswith(b"\nendstream"), stream[0]
