"""The text layer of Qt's PDFs: the characters drawn, not their radical twins.

CJK fonts such as Noto CJK draw a Kangxi radical such as ⽉ U+2F49 and the
ideograph 月 U+6708 with one glyph. QPdfWriter writes each glyph's character
into the font's ToUnicode CMap as the first code point the font maps to it, so
月 is copied, searched and read aloud as ⽉. Qt has no option against this, so
the CMaps are corrected after Qt writes the PDF. Which character a glyph
stands for comes from the document's own text and the fonts its lines were
laid out in, so CJK Radicals Supplement twins (⺠ of 民), which Unicode's NFKC
leaves alone, are corrected too, without reading font files here.

Qt writes the CMaps uncompressed, each in an object of its own with a direct
/Length, and one cross-reference table at the end; a corrected CMap may be
longer, so its /Length and every later offset move with it.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QRawFont, QTextDocument

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement, Kangxi Radicals

_TO_UNICODE = re.compile(rb"\d+ 0 obj\n<< /Length (\d+) >>\nstream\n(?=/CIDInit )")
_RANGE = re.compile(rb"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (?:<([0-9A-Fa-f]{4})>|\[([^\]]*)\])")
_ENTRY = re.compile(rb"^(\d{10}) (\d{5}) n", re.MULTILINE)
_START = re.compile(rb"startxref\s+(\d+)")


def as_drawn(pdf: bytes, document: QTextDocument) -> bytes:
    """``pdf``, printed from ``document``, with its text read as ``document`` shows it."""
    return _with_cmaps(pdf, _twins(document))


def _twins(document: QTextDocument) -> dict[str, str]:
    """Each radical and the character of the document that shares its glyph in a font the document is laid out in.

    A radical typed as such stays one, as long as its ideograph is not drawn in the same font too."""
    drawn = {c for c in document.toPlainText() if ord(c) not in RADICALS}
    document.size()  # lays the whole document out
    fonts: dict[tuple[str, str], QRawFont] = {}
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for line in map(layout.lineAt, range(layout.lineCount())):
            for run in line.glyphRuns():
                font = run.rawFont()
                fonts[font.familyName(), font.styleName()] = font
        block = block.next()
    twins: dict[str, str] = {}
    for font in fonts.values():
        # of characters sharing a glyph, the first in Unicode, as Qt would pick
        character = {font.glyphIndexesForString(c)[0]: c for c in sorted(drawn, reverse=True)}
        character.pop(0, None)  # not in this font
        for radical in map(chr, RADICALS):
            glyph = font.glyphIndexesForString(radical)[0]
            if glyph in character:
                twins[radical] = character[glyph]
    return twins


def _with_cmaps(pdf: bytes, twins: dict[str, str]) -> bytes:
    """Rewrites each ToUnicode CMap that names a twin, moving what follows it."""
    xref = int(_START.findall(pdf[-64:])[-1])
    objects = sorted(int(entry[1]) for entry in _ENTRY.finditer(pdf, xref))
    out, kept, moves = bytearray(), 0, [(0, 0)]  # moves: (old offset, shift from there on)
    for offset in objects:
        found = _TO_UNICODE.match(pdf, offset)
        if found is None:
            continue
        start = found.end()
        end = start + int(found[1])
        cmap = _RANGE.sub(lambda entry: _entry(entry, twins), pdf[start:end])
        if cmap == pdf[start:end]:
            continue
        out += pdf[kept : found.start(1)] + b"%d >>\nstream\n" % len(cmap) + cmap
        kept = end
        moves.append((end, len(out) - end))
    if kept == 0:
        return pdf
    written = bytes(out + pdf[kept:])
    at = [offset for offset, _ in moves]

    def moved(offset: int) -> int:
        return offset + moves[bisect.bisect_right(at, offset) - 1][1]

    xref = moved(xref)
    table = _ENTRY.sub(lambda entry: b"%010d %s n" % (moved(int(entry[1])), entry[2]), written[xref:])
    return written[:xref] + _START.sub(b"startxref\n%d" % xref, table)


def _entry(entry: re.Match[bytes], twins: dict[str, str]) -> bytes:
    """A bfrange line, its twins replaced; a run of consecutive code points becomes a list when one is."""
    first, last, start, listed = entry.groups()
    if start is not None:
        code = int(start, 16)
        targets = [chr(code + i) for i in range(int(last, 16) - int(first, 16) + 1)]
    else:
        targets = [
            bytes.fromhex(target.decode()).decode("utf-16-be") for target in re.findall(rb"<([0-9A-Fa-f]+)>", listed)
        ]
    shown = [twins.get(target, target) for target in targets]
    if shown == targets:
        return entry[0]
    hexes = b" ".join(b"<%s>" % target.encode("utf-16-be").hex().upper().encode() for target in shown)
    return b"<%s> <%s> [%s]" % (first, last, hexes)
