#!/usr/bin/env python3
"""Draws Accord's icon (icons/accord.png, 256x256) with nothing but the standard library.

Two overlapping rings, for places that cooperate, on a rounded square. Run from the project
root: `python3 tools/make_icon.py`. The PNG is committed; rerun only to change the design.
"""

import math
import struct
import zlib

SIZE = 256
BACKGROUND = (28, 74, 128)
RING_A = (255, 196, 61)
RING_B = (120, 214, 197)


def coverage(distance, half_width):
    """Anti-aliased coverage of a stroke at `distance` from its centre line."""
    return max(0.0, min(1.0, half_width + 0.5 - distance))


def pixel(x, y):
    cx, cy = x + 0.5, y + 0.5
    # Rounded square mask.
    margin, radius = 8, 48
    qx = max(abs(cx - SIZE / 2) - (SIZE / 2 - margin - radius), 0)
    qy = max(abs(cy - SIZE / 2) - (SIZE / 2 - margin - radius), 0)
    alpha = max(0.0, min(1.0, radius + 0.5 - math.hypot(qx, qy)))
    colour = list(BACKGROUND)
    for centre_x, ring in ((100, RING_A), (156, RING_B)):
        d = abs(math.hypot(cx - centre_x, cy - 128) - 58)
        a = coverage(d, 11)
        colour = [c * (1 - a) + r * a for c, r in zip(colour, ring)]
    return bytes([round(c) for c in colour] + [round(alpha * 255)])


def png(width, height, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    rows = [b"".join(pixel(x, y) for x in range(SIZE)) for y in range(SIZE)]
    with open("icons/accord.png", "wb") as out:
        out.write(png(SIZE, SIZE, rows))


if __name__ == "__main__":
    main()
