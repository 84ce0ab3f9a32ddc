#!/usr/bin/env python3
"""Makes the PDF test files of `src/ingest/formats/pdf.rs` in `tests/data/formats/`.

    en.pdf       three pages in English: a headline on page 1, the cooperation event on page 2;
                 Info /Title and a custom Info /URL (the reader's title and address hints).
    zh.pdf       two pages in Chinese, the event on page 2, set in a subset of the repo's
                 Noto Sans CJK SC (converted to TrueType: reportlab embeds TrueType only) so the
                 text comes back through the font's ToUnicode map.
    zh-predefined-cmap.pdf  the Chinese headline in the reader's STSong-Light under the
                 predefined CMap UniGB-UCS2-H (no embedded font, no ToUnicode map), which
                 pdf-extract does not read: it is reported as damaged, naming the CMap.
    scanned.pdf  one page holding only an image of lines: no text layer.
    damaged.pdf  en.pdf cut off after its first third, with garbage where the rest was.

Run from the repository's root (the files are committed; CI does not run this):

    python3 -m venv /tmp/pdfvenv
    /tmp/pdfvenv/bin/pip install reportlab fonttools pillow
    /tmp/pdfvenv/bin/python tools/make_test_docs/pdf.py

The canvases are made `invariant` (fixed date and id); zh.pdf still changes from run to run
(reportlab names its font subset at random) with the same text.
"""

import io
import os
import random

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont, newTable
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont as ReportlabTTFont
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "data", "formats")
CJK_FONT = os.path.join(ROOT, "assets", "fonts", "NotoSansCJKsc-Subset.otf")

EN_PAGES = [
    [
        "Yangtze River Delta Cities Deepen Cooperation",
        "",
        "By a staff reporter",
        "",
        "Cities of the Yangtze River Delta have stepped up their cooperation on industry,",
        "innovation and public services over the past year, officials said on Monday.",
        "",
        "The province's development plan asks neighbouring districts to share parks,",
        "research centres and talent programmes.",
    ],
    [
        "On 5 March 2024, Nanjing's Jiangning District and Suzhou Industrial Park signed a",
        "cooperation agreement on advanced manufacturing and technology transfer in Nanjing.",
        "",
        "Under the agreement the two parks will set up a joint fund and exchange staff.",
    ],
    [
        "Officials from both sides said further projects would follow later in the year.",
    ],
]

ZH_PAGES = [
    [
        "长三角一体化合作签约仪式在南京举行",
        "",
        "本报讯 长三角一体化发展持续推进，区域合作不断深化。",
    ],
    [
        "2024年3月5日，南京市江宁区与苏州工业园区签署战略合作协议。",
        "双方将在产业协同、科技创新、人才交流等领域开展深度合作，",
        "推动区域高质量发展。",
    ],
]


def with_info_url(url):
    """Adds a custom /URL entry to the Info dictionary reportlab writes."""
    original = pdfdoc.PDFInfo.format

    def format_with_url(self, document):
        formatted = original(self, document)
        return formatted.replace(b">>", b" /URL " + pdfdoc.PDFString(url).format(document) + b" >>", 1)

    pdfdoc.PDFInfo.format = format_with_url
    return original


def write_pages(path, pages, font, size, title):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(title)
    for lines in pages:
        y = A4[1] - 72
        for line in lines:
            c.setFont(font, size)
            c.drawString(72, y, line)
            y -= size * 1.6
        c.showPage()
    c.save()


def cjk_truetype(text):
    """The repo's CFF font cut to `text`'s characters, its cubic outlines made quadratic."""
    font = TTFont(CJK_FONT)
    options = Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    subsetter = Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = {}
    for name in glyf.glyphOrder:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    for table in ("VORG", "BASE", "GDEF", "GPOS", "GSUB"):
        if table in font:
            del font[table]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["maxp"].tableVersion = 0x00010000
    for field in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
        "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(font["maxp"], field, 0)
    font["maxp"].maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    out = io.BytesIO()
    font.save(out)
    out.seek(0)
    return out


def scanned(path):
    """One page with a picture of text and no text at all, as a scanner makes."""
    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    rng = random.Random(5)
    for row in range(40, 760, 24):
        x = 40
        while x < 540:
            width = rng.randint(20, 70)
            draw.rectangle([x, row, min(x + width, 560), row + 10], fill=30)
            x += width + 12
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    from reportlab.lib.utils import ImageReader

    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()


def main():
    os.makedirs(OUT, exist_ok=True)
    original = with_info_url("https://example.org/news/2024/03/05/jiangning-suzhou.html")
    write_pages(
        os.path.join(OUT, "en.pdf"),
        EN_PAGES,
        "Helvetica",
        11,
        "Yangtze River Delta Cities Deepen Cooperation",
    )
    pdfdoc.PDFInfo.format = original

    text = "".join("".join(lines) for lines in ZH_PAGES)
    pdfmetrics.registerFont(ReportlabTTFont("NotoSansSC", cjk_truetype(text)))
    write_pages(
        os.path.join(OUT, "zh.pdf"),
        ZH_PAGES,
        "NotoSansSC",
        12,
        "长三角一体化合作签约仪式在南京举行",
    )

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    write_pages(
        os.path.join(OUT, "zh-predefined-cmap.pdf"),
        ZH_PAGES[:1],
        "STSong-Light",
        12,
        "长三角一体化合作签约仪式在南京举行",
    )

    scanned(os.path.join(OUT, "scanned.pdf"))

    with open(os.path.join(OUT, "en.pdf"), "rb") as f:
        whole = f.read()
    cut = whole[: len(whole) // 3]
    garbage = bytes(random.Random(7).randrange(256) for _ in range(200))
    with open(os.path.join(OUT, "damaged.pdf"), "wb") as f:
        f.write(cut + garbage)


if __name__ == "__main__":
    main()
