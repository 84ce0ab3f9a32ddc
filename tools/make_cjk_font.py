#!/usr/bin/env python3
"""Build the bundled Chinese UI font: assets/fonts/NotoSansCJKsc-Subset.otf.

What
    A subset of Noto Sans CJK SC Regular (SIL Open Font License 1.1) that
    covers:
      * printable ASCII (U+0020-U+007E);
      * every character of GB2312: the symbol rows 0xA1-0xA9 and all 6,763
        hanzi (rows 0xB0-0xF7);
      * CJK Symbols and Punctuation (U+3000-U+303F);
      * Halfwidth and Fullwidth Forms (U+FF00-U+FFEF);
      * optionally the Big5 level-1 "frequently used" traditional hanzi
        (Big5 0xA440-0xC67E, 5,401 characters). With --big5=auto (the
        default) they are kept only if the font stays under 4,500,000 bytes.
    Hinting is dropped, the default OpenType layout features are kept but for 'locl',
    outlines stay CFF (so the output is .otf). All name-table records
    (copyright, trademark, license description and URL, ...) are kept in
    English, so the family name stays "Noto Sans CJK SC".

Why
    The app must show Chinese text on machines that have no CJK system font.
    The full Noto Sans CJK collection is ~20 MB per weight; this subset is a
    few MB and can be embedded in the binary. The license text that must ship
    with it is assets/fonts/OFL.txt.

How to run (from the repository root)
    apt-get install -y fonts-noto-cjk     # /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
    pip install fonttools
    python3 tools/make_cjk_font.py        # writes assets/fonts/NotoSansCJKsc-Subset.otf

    Options: --source PATH (the .ttc or a NotoSansCJKsc-Regular.otf),
    --output PATH, --big5 {auto,yes,no}, --max-bytes N (limit for auto),
    --keep-locl (keep the 'locl' feature and the Japanese / Korean /
    traditional glyph variants it pulls in; dropped by default because egui
    does no OpenType shaping and never uses them, and dropping them roughly
    halves the file).

    The script is deterministic for a given source font and fontTools version
    (head.modified is kept from the source, not set to the build time).
"""

from __future__ import annotations

import argparse
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "assets", "fonts", "NotoSansCJKsc-Subset.otf")
WANTED_FAMILY = "Noto Sans CJK SC"
DEFAULT_MAX_BYTES = 4_500_000


def is_hanzi(ch: str) -> bool:
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF


def decode_double_byte(codec: str, rows, cols) -> list[str]:
    """Decode every 2-byte code row x col; invalid / unassigned codes are skipped."""
    out = []
    for hi in rows:
        for lo in cols:
            try:
                s = bytes([hi, lo]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1 and s != "\ufffd":
                out.append(s)
    return out


def gb2312_chars() -> tuple[list[str], list[str]]:
    """Return (symbols from rows 0xA1-0xA9, hanzi from rows 0xB0-0xF7)."""
    cols = range(0xA1, 0xFF)
    symbols = decode_double_byte("gb2312", range(0xA1, 0xAA), cols)
    hanzi = decode_double_byte("gb2312", range(0xB0, 0xF8), cols)
    return symbols, hanzi


def big5_common_hanzi() -> list[str]:
    """Big5 level 1 (frequently used) hanzi: 0xA440-0xC67E."""
    cols = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    chars = []
    for hi in range(0xA4, 0xC7):
        for lo in cols:
            if hi == 0xC6 and lo > 0x7E:
                break
            try:
                s = bytes([hi, lo]).decode("big5")
            except UnicodeDecodeError:
                continue
            if len(s) == 1 and is_hanzi(s):
                chars.append(s)
    return chars


def base_codepoints() -> set[int]:
    symbols, hanzi = gb2312_chars()
    if len(hanzi) != 6763:
        sys.exit(f"expected 6763 GB2312 hanzi, decoded {len(hanzi)}")
    cps = set(range(0x20, 0x7F))
    cps |= {ord(c) for c in symbols + hanzi}
    cps |= set(range(0x3000, 0x3040))
    cps |= set(range(0xFF00, 0xFFF0))
    return cps


def load_source(path: str) -> TTFont:
    """Open the SC face: pick it by family name from a .ttc, or open an .otf."""
    if path.lower().endswith((".ttc", ".otc")):
        coll = TTCollection(path, lazy=True)
        for index, font in enumerate(coll.fonts):
            if font["name"].getDebugName(1) == WANTED_FAMILY:
                print(f"source: {path} font #{index} ({WANTED_FAMILY})")
                return TTFont(path, fontNumber=index, recalcTimestamp=False)
        sys.exit(f"no face named {WANTED_FAMILY!r} in {path}")
    font = TTFont(path, recalcTimestamp=False)
    print(f"source: {path} ({font['name'].getDebugName(1)})")
    return font


def make_subset(source: str, codepoints: set[int], output: str, no_locl: bool = False) -> int:
    font = load_source(source)
    options = subset.Options()
    options.hinting = False          # --no-hinting
    options.desubroutinize = False   # keep CFF subroutines: smaller file
    options.name_IDs = ["*"]         # keep copyright, trademark, license (0, 7, 13, 14 ...)
    options.name_legacy = True
    options.name_languages = [0x0409]  # English records only
    options.notdef_outline = True
    options.recalc_bounds = True
    options.drop_tables += ["DSIG"]
    # layout_features stays at fontTools' default set, unless --no-locl
    if no_locl:
        options.layout_features = [f for f in options.layout_features if f != "locl"]
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)

    # Mark the unique ID so the subset is not mistaken for the full font.
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID == 3:
            name.setName(rec.toUnicode() + ";GB2312-subset", 3,
                         rec.platformID, rec.platEncID, rec.langID)

    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    tmp = output + ".tmp"
    font.save(tmp)
    font.close()
    os.replace(tmp, output)
    return os.path.getsize(output)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    ap.add_argument("--output", default=DEFAULT_OUTPUT)
    ap.add_argument("--big5", choices=["auto", "yes", "no"], default="auto",
                    help="add Big5 level-1 traditional hanzi (auto: only if under --max-bytes)")
    ap.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    ap.add_argument("--keep-locl", action="store_true",
                    help="keep the locl feature and its regional glyph variants (about twice the size)")
    args = ap.parse_args()
    args.no_locl = not args.keep_locl

    if not os.path.exists(args.source):
        sys.exit(f"{args.source} not found: apt-get install -y fonts-noto-cjk")

    base = base_codepoints()
    if args.big5 == "no":
        size = make_subset(args.source, base, args.output, args.no_locl)
        big5_used = False
    else:
        with_big5 = base | {ord(c) for c in big5_common_hanzi()}
        print(f"trying with Big5 common hanzi: {len(with_big5)} code points")
        size = make_subset(args.source, with_big5, args.output, args.no_locl)
        big5_used = True
        if args.big5 == "auto" and size > args.max_bytes:
            print(f"  {size} bytes > {args.max_bytes}: dropping the Big5 characters")
            size = make_subset(args.source, base, args.output, args.no_locl)
            big5_used = False

    final = TTFont(args.output, lazy=True)
    print(f"wrote {args.output}: {size} bytes, {len(final.getGlyphOrder())} glyphs, "
          f"{len(final.getBestCmap())} code points, Big5 traditional: "
          f"{'included' if big5_used else 'skipped'}")


if __name__ == "__main__":
    main()
