"""Place the kit's artwork (title art, logos, billing block, laurels) on a page.

SVG goes in as vector paths through svglib (sharp at any size, and its colours are page
colours, which the print profile turns into CMYK like every other colour); its transparency
is dropped, since neither PDF/A-1 nor PDF/X-1a allows it. PNG goes in as pixels, flattened
onto the paper it sits on (no soft mask for the same reason) and, in print, converted to the
printer's CMYK like the stills.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from PIL import Image
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Shape
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from svglib.svglib import svg2rlg

from kitpress.document.art import ArtFile
from kitpress.errors import BuildError
from kitpress.stills.cmyk import CmykProfile


def fit(art: ArtFile, width: float, height: float) -> tuple[float, float]:
    """The largest size of ``art`` inside ``width`` × ``height`` points, in proportion."""
    scale = min(width / art.size[0], height / art.size[1])
    return art.size[0] * scale, art.size[1] * scale


def draw_art(
    canvas: Canvas,
    art: ArtFile,
    at: tuple[float, float],
    size: tuple[float, float],
    paper: str,
    cmyk: CmykProfile | None,
) -> None:
    """``art`` with its lower-left corner at ``at``, ``size`` points large (in proportion)."""
    x, y = at
    width, height = size
    if art.kind == "svg":
        drawing = _drawing(art.art.file)
        drawing.initialFontName = canvas._fontname  # an embedded font, never Helvetica
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(width / drawing.width, height / drawing.height)
        renderPDF.draw(drawing, canvas, 0, 0)
        canvas.restoreState()
        return
    canvas.drawImage(ImageReader(_pixels(art.art.file, paper, cmyk)), x, y, width, height)


@lru_cache(maxsize=32)
def _drawing(path: Path) -> Drawing:
    logging.getLogger("svglib").setLevel(logging.CRITICAL)  # our own error says it once
    drawing = svg2rlg(str(path))
    if drawing is None or not drawing.width or not drawing.height:
        raise BuildError(f"{path.name}: the SVG could not be drawn; save it again as plain SVG")
    _opaque(drawing)
    return drawing


def _opaque(node: Group | Shape) -> None:
    """Drop fill and stroke opacity: PDF/A-1 and PDF/X-1a allow no transparency."""
    for name in ("fillOpacity", "strokeOpacity"):
        if getattr(node, name, None) is not None:
            setattr(node, name, 1.0)
    for name in ("fillColor", "strokeColor"):
        colour = getattr(node, name, None)
        if isinstance(colour, Color) and colour.alpha != 1:
            setattr(node, name, Color(colour.red, colour.green, colour.blue))
    for child in getattr(node, "contents", ()):
        _opaque(child)


def _pixels(path: Path, paper: str, cmyk: CmykProfile | None) -> Image.Image:
    """The PNG flattened onto ``paper`` (a #rrggbb colour), in the printer's CMYK in print."""
    with Image.open(path) as source:
        image = source.convert("RGBA")
    red, green, blue = (round(v * 255) for v in HexColor(paper).rgb())
    flat = Image.new("RGB", image.size, (red, green, blue))
    flat.paste(image, mask=image.getchannel("A"))
    return cmyk.picture(flat) if cmyk is not None else flat
