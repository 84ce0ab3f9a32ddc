#!/usr/bin/env python3
"""Renders Accord's icon files from their SVG sources in icons/.

    icons/accord.svg        the icon (drawn for 32 px and up)
    icons/accord-small.svg  the same picture simplified for 16 and 24 px

become

    icons/png/NNxNN.png     16, 24, 32, 48, 64, 128, 256, 512 and 1024 px (Linux bundles)
    icons/accord.png        256 px, the window icon (src/app.rs includes it)
    icons/accord.ico        16–256 px (Windows installers)
    icons/accord.icns       16–1024 px (the macOS .app)

Needs Python 3.9+, Cairo (Debian: `apt-get install libcairo2`; macOS: `brew install cairo`)
and two PyPI packages: `pip install cairosvg pillow`. Run from anywhere:

    python3 tools/make_icons.py

The outputs are committed; rerun after changing an SVG and commit them too. `tests/it/icons.rs`
checks that every file is there and decodes at its size.
"""

import io
import struct
from pathlib import Path

import cairosvg
from PIL import Image

ICONS = Path(__file__).resolve().parent.parent / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
# Below this size the simplified drawing is used.
SMALL_BELOW = 32
WINDOW_ICON = 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entries holding PNG data: type code and pixel size (the "@2x" types for 32 px and up).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"ic11", 32),
    (b"icp5", 32),
    (b"ic12", 64),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def render(size):
    """The icon at `size` px as PNG bytes (RGBA, 8 bits a channel)."""
    source = ICONS / ("accord-small.svg" if size < SMALL_BELOW else "accord.svg")
    drawn = cairosvg.svg2png(url=str(source), output_width=size, output_height=size)
    image = Image.open(io.BytesIO(drawn)).convert("RGBA")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def icns(pngs):
    """An ICNS file: a header, then one entry per type, each holding a PNG."""
    entries = b"".join(
        code + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for code, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(entries)) + entries


def main():
    pngs = {size: render(size) for size in SIZES}
    folder = ICONS / "png"
    folder.mkdir(exist_ok=True)
    for size, data in pngs.items():
        (folder / f"{size}x{size}.png").write_bytes(data)
    (ICONS / "accord.png").write_bytes(pngs[WINDOW_ICON])

    # Pillow writes each ICO frame from the image of that size we hand it (PNG-compressed).
    frames = [Image.open(io.BytesIO(pngs[size])) for size in ICO_SIZES]
    frames[-1].save(
        ICONS / "accord.ico",
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=frames[:-1],
    )
    (ICONS / "accord.icns").write_bytes(icns(pngs))

    for path in sorted(ICONS.rglob("*")):
        if path.is_file() and path.suffix != ".svg":
            print(f"{path.relative_to(ICONS.parent)}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
