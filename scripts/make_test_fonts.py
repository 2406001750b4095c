"""Make the small fonts the tests of scripts beyond Latin set their texts in: Noto Sans CJK
JP, Noto Naskh Arabic and Noto Sans Hebrew (SIL OFL 1.1), cut to the characters of
tests/script_samples.py.

Noto Sans CJK has PostScript (CFF) outlines, which kitpress does not embed: its subset is
converted to TrueType outlines (quadratic curves, fontTools' cu2qu). Run when the samples
change:
    python scripts/make_test_fonts.py /usr/share/fonts
(Debian packages fonts-noto-cjk and fonts-noto-core; needs fontTools.)
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "tests" / "data" / "fonts"
SAMPLES = runpy.run_path(str(REPO / "tests" / "script_samples.py"))
# (source under the fonts folder, face in a collection, output name, sample characters)
FONTS = [
    ("opentype/noto/NotoSansCJK-Regular.ttc", 0, "NotoSansJP-Regular.ttf", "JAPANESE"),
    ("opentype/noto/NotoSansCJK-Bold.ttc", 0, "NotoSansJP-Bold.ttf", "JAPANESE"),
    ("truetype/noto/NotoNaskhArabic-Regular.ttf", 0, "NotoNaskhArabic-Regular.ttf", "ARABIC"),
    ("truetype/noto/NotoNaskhArabic-Bold.ttf", 0, "NotoNaskhArabic-Bold.ttf", "ARABIC"),
    ("truetype/noto/NotoSansHebrew-Regular.ttf", 0, "NotoSansHebrew-Regular.ttf", "HEBREW"),
]
MAXP_ZEROS = (  # a TrueType maxp table's fields for instructions: none in these fonts
    "maxZones",
    "maxTwilightPoints",
    "maxStorage",
    "maxFunctionDefs",
    "maxInstructionDefs",
    "maxStackElements",
    "maxSizeOfInstructions",
    "maxComponentElements",
)
MAX_ERROR = 1.0  # font units: how far a quadratic curve may stray from the cubic it replaces


def main(source: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for path, number, name, sample in FONTS:
        target = OUT / name
        subset.main(
            [
                str(source / path),
                f"--font-number={number}",
                f"--text={SAMPLES[sample]}",
                "--layout-features+=kern,liga,mark,mkmk,ccmp,locl,init,medi,fina,isol,rlig,calt",
                "--no-hinting",
                "--desubroutinize",
                "--drop-tables+=vhea,vmtx,VORG,BASE,JSTF,DSIG",
                f"--output-file={target}",
            ]
        )
        font = TTFont(target, recalcTimestamp=False)  # the same bytes each time
        if "CFF " in font:
            to_truetype(font)
            font.save(target)
        print(name, target.stat().st_size)


def to_truetype(font: TTFont) -> None:
    """Replace the font's CFF outlines with TrueType ones (the outlines drawn again in
    quadratic curves), as fontTools' otf2ttf recipe does."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    drawn = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        drawn[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = drawn
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in MAXP_ZEROS:
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    maxp.compile(font)
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    post.glyphOrder = order
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts"))
