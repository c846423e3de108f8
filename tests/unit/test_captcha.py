"""The reference site's captcha PNGs (guide 2.2 ⑤ ⑥), read back by a
decoder written here from the PNG specification."""

from __future__ import annotations

import random
import struct
import zlib

import pytest

from ukey_renew.casim.captcha import HEIGHT, WIDTH, captcha_png


def _decode(png: bytes) -> tuple[int, int, bytes]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks = 8, []
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + data), kind
        chunks.append((kind, data))
        at += 12 + length
    assert [kind for kind, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
    width, height, depth, colour, *_ = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (depth, colour) == (8, 2)
    raw = zlib.decompress(chunks[1][1])
    stride = 1 + width * 3
    assert len(raw) == height * stride and all(raw[y * stride] == 0 for y in range(height))
    pixels = b"".join(raw[y * stride + 1 : (y + 1) * stride] for y in range(height))
    return width, height, pixels


def _ink(pixels: bytes) -> int:
    """Pixels dark enough to be a digit's stroke (noise is lighter)."""
    return sum(1 for at in range(0, len(pixels), 3) if max(pixels[at : at + 3]) <= 110)


def test_a_valid_png_of_the_promised_size_with_digits_drawn() -> None:
    width, height, pixels = _decode(captcha_png("2309", random.Random(7)))
    assert (width, height) == (WIDTH, HEIGHT)
    assert _ink(pixels) > 4 * 5 * 25  # at least five font dots of 5×5 pixels per digit


def test_each_code_and_each_draw_differ() -> None:
    assert captcha_png("2309", random.Random(1)) == captcha_png("2309", random.Random(1))
    assert captcha_png("2309", random.Random(1)) != captcha_png("2310", random.Random(1))
    assert captcha_png("2309", random.Random(1)) != captcha_png("2309", random.Random(2))
    assert _ink(_decode(captcha_png("1111", random.Random(3)))[2]) < _ink(
        _decode(captcha_png("8888", random.Random(3)))[2]
    )


@pytest.mark.parametrize("code", ["", "23a9", "２３０９"])
def test_only_ascii_digits_are_drawn(code: str) -> None:
    with pytest.raises(ValueError):
        captcha_png(code)
