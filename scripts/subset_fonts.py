"""Make the fonts kitpress ships: Noto Serif and Noto Sans (SIL OFL 1.1), cut to the scripts
the default layouts promise (Latin incl. Extended, Greek, Cyrillic, punctuation, symbols).

Shipping the fonts keeps output identical on every machine. Run once when fonts change:
    python scripts/subset_fonts.py /usr/share/fonts/truetype/noto
(Debian package fonts-noto-core; needs fontTools.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

UNICODES = ",".join(
    [
        "U+0020-007E",
        "U+00A0-024F",
        "U+0250-02FF",
        "U+0300-036F",
        "U+0370-03FF",
        "U+0400-04FF",
        "U+0500-052F",
        "U+1E00-1EFF",
        "U+1F00-1FFF",
        "U+2000-206F",
        "U+20A0-20CF",
        "U+2100-214F",
        "U+2190-21FF",
        "U+2212",
        "U+2215",
        "U+25CF",
        "U+25A0",
        "U+FB00-FB06",
    ]
)
FACES = [
    f"Noto{family}-{style}"
    for family in ("Serif", "Sans")
    for style in ("Regular", "Bold", "Italic", "BoldItalic")
]
OUT = Path(__file__).resolve().parent.parent / "src" / "kitpress" / "fonts"


def main(source: Path) -> None:
    for face in FACES:
        args = [
            str(source / f"{face}.ttf"),
            f"--unicodes={UNICODES}",
            "--layout-features=kern,liga,clig,mark,mkmk,ccmp,locl",
            "--no-hinting",
            "--desubroutinize",
            f"--output-file={OUT / (face + '.ttf')}",
        ]
        subset.main(args)
        print(face, (OUT / f"{face}.ttf").stat().st_size)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/noto"))
