"""Captcha images for the reference site (guide 2.2 ⑤ and ⑥ ask for one).

Drawn here, digit by digit from a small bitmap font, and written as PNG with
zlib alone: the site only needs a picture a person can read and a script
cannot trivially, and an imaging library would add 12 MB to the program.
"""

from __future__ import annotations

import random
import struct
import zlib

WIDTH, HEIGHT = 160, 60

# 5×7 digits, one string per row.
_DIGITS = {
    "0": ("01110", "10001", "10001", "10001", "10001", "10001", "01110"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11110", "00001", "00001", "01110", "00001", "00001", "11110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
}
_CELL = 5  # pixels per font dot


class _Canvas:
    def __init__(self, background: tuple[int, int, int]) -> None:
        self.pixels = bytearray(bytes(background) * (WIDTH * HEIGHT))

    def dot(self, x: int, y: int, colour: tuple[int, int, int]) -> None:
        if 0 <= x < WIDTH and 0 <= y < HEIGHT:
            at = (y * WIDTH + x) * 3
            self.pixels[at : at + 3] = bytes(colour)

    def line(self, start: tuple[int, int], end: tuple[int, int], colour: tuple[int, int, int]) -> None:
        steps = max(abs(end[0] - start[0]), abs(end[1] - start[1]), 1)
        for step in range(steps + 1):
            self.dot(
                start[0] + (end[0] - start[0]) * step // steps,
                start[1] + (end[1] - start[1]) * step // steps,
                colour,
            )

    def png(self) -> bytes:
        rows = b"".join(b"\0" + self.pixels[y * WIDTH * 3 : (y + 1) * WIDTH * 3] for y in range(HEIGHT))
        header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)  # 8-bit RGB
        return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows)) + _chunk(b"IEND")


def _chunk(kind: bytes, data: bytes = b"") -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def captcha_png(code: str, rng: random.Random | None = None) -> bytes:
    """A PNG of ``code`` (digits): each digit slanted and placed a little
    apart from the line, over speckles and crossing lines."""
    if not code or not set(code) <= _DIGITS.keys():
        raise ValueError(f"a captcha is drawn from digits, not {code!r}")
    rng = rng or random.Random()
    canvas = _Canvas((rng.randint(225, 250), rng.randint(225, 250), rng.randint(225, 250)))
    for _ in range(WIDTH * HEIGHT // 12):
        canvas.dot(rng.randrange(WIDTH), rng.randrange(HEIGHT), _ink(rng, 150, 210))
    step = (WIDTH - 16) // max(len(code), 1)
    for index, digit in enumerate(code):
        colour, slant = _ink(rng, 20, 110), rng.uniform(-0.35, 0.35)
        left, top = 10 + index * step + rng.randint(-3, 3), rng.randint(4, HEIGHT - 7 * _CELL - 4)
        for row, dots in enumerate(_DIGITS[digit]):
            for column, on in enumerate(dots):
                if on == "1":
                    x = left + column * _CELL + round((3 - row) * _CELL * slant)
                    for dy in range(_CELL):
                        for dx in range(_CELL):
                            canvas.dot(x + dx, top + row * _CELL + dy, colour)
    for _ in range(2):
        canvas.line((0, rng.randrange(HEIGHT)), (WIDTH - 1, rng.randrange(HEIGHT)), _ink(rng, 60, 140))
    return canvas.png()


def _ink(rng: random.Random, low: int, high: int) -> tuple[int, int, int]:
    return rng.randint(low, high), rng.randint(low, high), rng.randint(low, high)
