"""Draw the artwork of the second example kit ("The Last Lock", an invented film): its title
logotype (in dark ink for light grounds, and the light version for dark ones, as distributors
send both), four company logos and a festival laurel.

The logotype and the logos are SVG made of paths only: the lettering is Noto Serif and Noto
Sans (the fonts kitpress ships, SIL OFL) converted to outlines with fontTools, so no reader
needs the fonts; the marks are drawn geometry. The laurel is a transparent PNG, as festivals
send theirs. Every file is deterministic: run it twice and the bytes are the same.

Run from the repository root (needs fontTools: ``pip install -e '.[assets]'``)::

    python scripts/make_example_art.py            # writes into assets/the-last-lock/
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parent.parent
FONTS = REPO / "src" / "kitpress" / "fonts"
DEFAULT_OUT = REPO / "assets" / "the-last-lock"

INK = "#1d2a2e"  # the title's deep canal green-black
LIGHT_INK = "#f1ece2"  # the light version's ink, for dark grounds: fog over the water
OCHRE = "#b07a34"  # the accent: lamplight on the water
WORD_WIDTH = 1100  # the title's big word keeps within the waterline under it …
WORD_TOP = 160  # … and its top (an accent too) 10 px below the rule over it, as LOCK's is


@dataclass(frozen=True)
class Run:
    """A line of lettering: its text, font, size, tracking and where its baseline centre is."""

    text: str
    font: str
    size: float
    x: float  # centre, or left edge when ``left`` is set
    baseline: float
    tracking: float = 0.0  # extra space after each letter, in ems
    left: bool = False
    fill: str = INK


class Outlines:
    """Glyph outlines of one font as SVG path data, placed and scaled."""

    def __init__(self, name: str) -> None:
        self.font = TTFont(FONTS / name)
        self.glyphs = self.font.getGlyphSet()
        self.cmap = self.font.getBestCmap()
        self.upem = self.font["head"].unitsPerEm
        self.advances = self.font["hmtx"].metrics

    def width(self, text: str, size: float, tracking: float) -> float:
        scale = size / self.upem
        total = sum(self.advances[self.cmap[ord(c)]][0] * scale for c in text)
        return total + tracking * size * (len(text) - 1)

    def top(self, text: str, size: float) -> float:
        """How far above the baseline the tallest glyph of ``text`` reaches at ``size``."""
        scale = size / self.upem
        tops = []
        for char in text:
            pen = BoundsPen(self.glyphs)
            self.glyphs[self.cmap[ord(char)]].draw(pen)
            if pen.bounds is not None:
                tops.append(pen.bounds[3] * scale)
        return max(tops, default=0.0)

    def path(self, text: str, size: float, left: float, baseline: float, tracking: float) -> str:
        scale = size / self.upem
        x = left
        parts = []
        for char in text:
            name = self.cmap[ord(char)]
            pen = SVGPathPen(self.glyphs, ntos=lambda v: f"{v:.1f}".rstrip("0").rstrip("."))
            self.glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, baseline)))
            parts.append(pen.getCommands())
            x += self.advances[name][0] * scale + tracking * size
        return " ".join(part for part in parts if part)


_FONTS: dict[str, Outlines] = {}


def lettering(run: Run) -> str:
    outlines = _FONTS.setdefault(run.font, Outlines(run.font))
    width = outlines.width(run.text, run.size, run.tracking)
    left = run.x if run.left else run.x - width / 2
    d = outlines.path(run.text, run.size, left, run.baseline, run.tracking)
    return f'<path fill="{run.fill}" d="{d}"/>'


def svg(width: int, height: int, body: Sequence[str], label: str, top: int = 0) -> str:
    """The SVG file: ``body`` shown from ``top`` down, ``width`` by ``height``."""
    inner = "\n  ".join(body)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 {top} {width} {height}">\n  <title>{escape(label)}</title>\n  {inner}\n'
        "</svg>\n"
    )


def title_art(
    ink: str = INK,
    ground: str = "#ffffff",
    over: str = "THE LAST",
    word: str = "LOCK",
    label: str = "The Last Lock",
) -> str:
    """``over`` (THE LAST) over ``word`` (LOCK) on a waterline at the foot of the capitals;
    in ``ink``, for a ``ground`` of about the opposite colour (the dark version for light
    grounds, the light one for dark grounds: only the ink tells them apart). A word
    longer than LOCK (ÉCLUSE, for the French title) is set smaller, to keep within the
    waterline and its accents under the rule above it."""
    w, h = 1400, 390
    big = _FONTS.setdefault("NotoSerif-Bold.ttf", Outlines("NotoSerif-Bold.ttf"))
    size = min(330.0, WORD_WIDTH / (big.width(word, 1.0, 0.02)))
    while 400 - big.top(word, size) < WORD_TOP:  # an accent (É) would touch the rule
        size -= 1.0
    size = 330 if size == 330.0 else round(size, 1)
    lock = Run(word, "NotoSerif-Bold.ttf", size, w / 2, 400, tracking=0.02, fill=ink)
    body = [
        lettering(Run(over, "NotoSerif-Regular.ttf", 64, w / 2, 118, tracking=0.42, fill=ink)),
        f'<rect x="{w / 2 - 70}" y="146" width="140" height="4" fill="{OCHRE}"/>',
        lettering(lock),
        f'<rect x="150" y="412" width="{w - 300}" height="5" fill="{OCHRE}"/>',
    ]
    # Cut to the lettering and its waterline, margins alike above and below: a mirrored
    # reflection under it read as a second word ("TOCK"), struck through by the rule.
    return svg(w, h, body, label, top=50)


def northlight() -> str:
    """The distributor: a beam of light through a circle, and the name."""
    body = [
        '<circle cx="110" cy="110" r="92" fill="none" stroke="#1b2a3a" stroke-width="14"/>',
        '<path fill="#c8962e" d="M62 170 L150 38 L172 52 L84 184 Z"/>',
        lettering(
            Run("NORTHLIGHT", "NotoSans-Bold.ttf", 84, 240, 112, 0.08, left=True, fill="#1b2a3a")
        ),
        lettering(
            Run("RELEASING", "NotoSans-Regular.ttf", 40, 244, 170, 0.42, left=True, fill="#1b2a3a")
        ),
    ]
    return svg(900, 220, body, "Northlight Releasing")


def harbourline() -> str:
    """The sales company: three swells over a quay, and the name."""
    waves = []
    for row in range(3):
        y = 70 + row * 42
        waves.append(
            f'<path fill="none" stroke="#0f4c5c" stroke-width="14" stroke-linecap="round" '
            f'd="M22 {y} q 30 -30 60 0 t 60 0 t 60 0"/>'
        )
    body = [
        *waves,
        '<rect x="14" y="190" width="188" height="14" fill="#0f4c5c"/>',
        lettering(
            Run("HARBOURLINE", "NotoSans-Bold.ttf", 78, 236, 118, 0.04, left=True, fill="#0f4c5c")
        ),
        lettering(
            Run(
                "INTERNATIONAL SALES",
                "NotoSans-Regular.ttf",
                34,
                240,
                170,
                0.3,
                left=True,
                fill="#0f4c5c",
            )
        ),
    ]
    return svg(1000, 220, body, "Harbourline International Sales")


def fund() -> str:
    """The funder: a pair of lock gates seen from above in a square, and the name."""
    body = [
        '<rect x="10" y="10" width="200" height="200" fill="#2f5d3a"/>',
        '<path fill="#f3efe4" d="M40 40 L104 110 L40 180 L62 180 L118 118 L118 102 L62 40 Z"/>',
        '<path fill="#f3efe4" d="M180 40 L116 110 L180 180 L158 180 L102 118 L102 102 L158 40 Z"'
        ' fill-opacity="0.78"/>',
        lettering(
            Run(
                "CANAL & RIVER", "NotoSerif-Bold.ttf", 70, 240, 104, 0.02, left=True, fill="#2f5d3a"
            )
        ),
        lettering(
            Run("FILM FUND", "NotoSerif-Regular.ttf", 58, 242, 176, 0.24, left=True, fill="#2f5d3a")
        ),
    ]
    return svg(860, 220, body, "Canal & River Film Fund")


def lockside() -> str:
    """The production company: a keyhole in a lock chamber, and the name."""
    body = [
        '<path fill="#3a2a22" d="M20 20 H200 V200 H20 Z M50 50 V170 H170 V50 Z"/>',
        '<circle cx="110" cy="96" r="24" fill="#3a2a22"/>',
        '<path fill="#3a2a22" d="M98 108 H122 L132 150 H88 Z"/>',
        lettering(
            Run("LOCKSIDE", "NotoSerif-Bold.ttf", 82, 236, 112, 0.12, left=True, fill="#3a2a22")
        ),
        lettering(
            Run("PICTURES", "NotoSans-Regular.ttf", 38, 240, 170, 0.5, left=True, fill="#3a2a22")
        ),
    ]
    return svg(820, 220, body, "Lockside Pictures")


def laurel(lines: Sequence[str], size: tuple[int, int] = (1000, 860)) -> Image.Image:
    """A festival laurel: two sprays of leaves rising from the foot round the award's lines,
    on a transparent ground; drawn at four times the size and reduced, for smooth edges."""
    scale = 4
    w, h = size[0] * scale, size[1] * scale
    leaves = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(leaves)
    cx, cy, radius = w / 2, h * 0.5, h * 0.4
    for side in (-1, 1):
        spine = [_on_arc(cx, cy, radius, 262 - i * 9.5, side) for i in range(14)]
        draw.line(spine[:-2], fill=255, width=round(h * 0.006), joint="curve")
        for i, (x, y) in enumerate(spine[1:], 1):
            px, py = spine[i - 1]
            heading = math.atan2(y - py, x - px)
            length = h * 0.095 * (1 - i * 0.04)
            for turn in (0.62, -0.42):  # one leaf outwards, one inwards, as on a branch
                draw.polygon(_leaf(x, y, heading - side * turn, length), fill=255)
    image = Image.new("RGBA", (w, h), (176, 134, 58, 0))
    image.putalpha(leaves)
    text = ImageDraw.Draw(image)
    sizes = (0.05, 0.082, 0.036, 0.036)
    fonts = ("NotoSans-Bold.ttf", "NotoSerif-Bold.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
    y = h * 0.35
    for line, rel, font_name in zip(lines, sizes, fonts, strict=False):
        font = ImageFont.truetype(str(FONTS / font_name), round(h * rel))
        left, top, right, bottom = text.textbbox((0, 0), line, font=font)
        where = (cx - (right - left) / 2 - left, y - top)
        text.text(where, line, font=font, fill=(176, 134, 58, 255))  # one ink, as laurels are
        y += (bottom - top) + h * 0.04
    return image.resize(size, Image.Resampling.LANCZOS)


def _on_arc(cx: float, cy: float, radius: float, degrees: float, side: int) -> tuple[float, float]:
    angle = math.radians(degrees)
    return cx + side * -math.cos(angle) * radius * -1, cy - math.sin(angle) * radius


def _leaf(x: float, y: float, heading: float, length: float) -> list[tuple[float, float]]:
    """A pointed leaf from its stalk at (x, y) along ``heading``."""
    points = []
    for step in range(13):
        t = step / 12
        half = math.sin(math.pi * t) ** 0.8 * length * 0.2
        points.append((t * length, half))
    outline = points + [(px, -py) for px, py in reversed(points)]
    cos, sin = math.cos(heading), math.sin(heading)
    return [(x + px * cos - py * sin, y + px * sin + py * cos) for px, py in outline]


FRENCH = {"over": "LA DERNIÈRE", "word": "ÉCLUSE", "label": "La Dernière Écluse"}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the kit folder")
    out: Path = parser.parse_args(argv).out
    files = {
        "art/title.svg": title_art(),
        "art/title-on-dark.svg": title_art(LIGHT_INK, "#141211"),
        "art/title.fr.svg": title_art(**FRENCH),  # La Dernière Écluse, for kit.fr.yaml
        "art/title-on-dark.fr.svg": title_art(LIGHT_INK, "#141211", **FRENCH),
        "logos/northlight-releasing.svg": northlight(),
        "logos/harbourline-sales.svg": harbourline(),
        "logos/canal-river-film-fund.svg": fund(),
        "logos/lockside-pictures.svg": lockside(),
    }
    for name, text in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    path = out / "laurels" / "estuary-2026.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    award = ("WINNER", "Golden Heron", "ESTUARY INTERNATIONAL", "FILM FESTIVAL 2026")
    laurel(award).quantize(64, method=Image.Quantize.FASTOCTREE).save(path, "PNG", optimize=True)
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
