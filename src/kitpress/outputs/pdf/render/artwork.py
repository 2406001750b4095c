"""Place the kit's artwork (title art, logos, billing block, laurels) on a page.

SVG goes in as vector paths through svglib (sharp at any size, and its colours are page
colours, which the print profile turns into CMYK like every other colour); its transparency
is dropped, since neither PDF/A-1 nor PDF/X-1a allows it. PNG goes in as pixels, flattened
onto the paper it sits on (no soft mask for the same reason) and, in print, converted to the
printer's CMYK like the stills and kept within the ink limit like the flat colours. On
screen, on a flat paper, the pixels of exactly the paper's colour are left out by a
colour-key mask (PDF/A-1 allows it; the print preflight allows no mask), so the page's own
ground shows there and no box can.
"""

from __future__ import annotations

import copy
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


Box = tuple[float, float, float, float]
FULL: Box = (0.0, 0.0, 1.0, 1.0)
INK_ALPHA = 16  # of 255: a PNG's pixels more opaque than this are its ink, not its margin


def ink_box(art: ArtFile) -> Box:
    """Where the art's ink is, inside its clear margins: left, bottom, right and top as
    shares of its width and height, from its lower-left corner (the whole of an opaque PNG).
    A festival's laurel file often has a fifth of clear space around the wreath. An SVG is
    taken whole: its own clips and masks make its drawn bounds no measure of its ink."""
    if art.kind != "png" or not art.transparent:
        return FULL
    return _ink_box(art.art.file)


@lru_cache(maxsize=32)
def _ink_box(path: Path) -> Box:
    with Image.open(path) as source:
        alpha = source.convert("RGBA").getchannel("A")
    bbox = alpha.point(lambda a: 255 if a > INK_ALPHA else 0).getbbox()
    if bbox is None:
        return FULL
    width, height = alpha.size
    left, top, right, bottom = bbox
    return left / width, 1 - bottom / height, right / width, 1 - top / height


def draw_art(
    canvas: Canvas,
    art: ArtFile,
    at: tuple[float, float],
    size: tuple[float, float],
    paper: str,
    cmyk: CmykProfile | None,
    backdrop: Image.Image | None = None,
    ink: str | None = None,
) -> None:
    """``art`` with its lower-left corner at ``at``, ``size`` points large (in proportion);
    a PNG is flattened onto ``backdrop`` (the picture under it) when given, else ``paper``.
    ``ink`` (#rrggbb): the art in that one colour, as a logo is reversed out of a cover."""
    x, y = at
    width, height = size
    if art.kind == "svg":
        drawing = _drawing(art.art.file) if ink is None else _inked(art.art.file, ink)
        drawing.initialFontName = canvas._fontname  # an embedded font, never Helvetica
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(width / drawing.width, height / drawing.height)
        renderPDF.draw(drawing, canvas, 0, 0)
        canvas.restoreState()
        return
    pixels = flattened(art.art.file, paper, cmyk, backdrop, ink)
    keyed = backdrop is None and cmyk is None  # print keeps to PDF/X-1a: no masks at all
    key = paper_key(paper_pixel(paper, cmyk)) if keyed else None
    canvas.drawImage(ImageReader(pixels), x, y, width, height, mask=key)


@lru_cache(maxsize=32)
def _drawing(path: Path) -> Drawing:
    logging.getLogger("svglib").setLevel(logging.CRITICAL)  # our own error says it once
    drawing = svg2rlg(str(path))
    if drawing is None or not drawing.width or not drawing.height:
        raise BuildError(f"{path.name}: the SVG could not be drawn; save it again as plain SVG")
    _opaque(drawing)
    return drawing


@lru_cache(maxsize=32)
def _inked(path: Path, ink: str) -> Drawing:
    """The SVG's drawing with every fill and stroke in ``ink``."""
    drawing = copy.deepcopy(_drawing(path))
    _recolour(drawing, HexColor(ink))
    return drawing


def _recolour(node: Group | Shape, ink: Color) -> None:
    for name in ("fillColor", "strokeColor"):
        if isinstance(getattr(node, name, None), Color):
            setattr(node, name, ink)
    for child in getattr(node, "contents", ()):
        _recolour(child, ink)


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


def flattened(
    path: Path,
    paper: str,
    cmyk: CmykProfile | None,
    backdrop: Image.Image | None = None,
    ink: str | None = None,
) -> Image.Image:
    """The PNG flattened onto ``backdrop`` or ``paper`` (#rrggbb), in the printer's CMYK in
    print; its ink all ``ink`` when given (its shape, from its alpha, kept). In print the art
    goes through the profile as a picture and the paper as the page's flat colour is
    converted (`CmykProfile.colour`), so no edge shows where the art ends."""
    with Image.open(path) as source:
        image = source.convert("RGBA")
    alpha = image.getchannel("A")
    rgb = image.convert("RGB")  # the ink's own colour: the alpha is applied once, below
    if ink is not None:
        rgb = Image.new("RGB", image.size, ink)
    art = cmyk.artwork(rgb) if cmyk is not None else rgb
    if backdrop is not None:
        under = backdrop.convert(art.mode).resize(image.size, Image.Resampling.LANCZOS)
    else:
        under = Image.new(art.mode, image.size, paper_pixel(paper, cmyk))
    return Image.composite(art, under, alpha)


def paper_pixel(paper: str, cmyk: CmykProfile | None) -> tuple[int, ...]:
    """``paper`` (#rrggbb) as the pixel value a flattened PNG has where it is clear: RGB on
    screen, the printer's CMYK (as the page's flat colour, a large area, is converted) in
    print."""
    red, green, blue = HexColor(paper).rgb()
    values = cmyk.fill(red, green, blue, large=True) if cmyk is not None else (red, green, blue)
    return tuple(round(v * 255) for v in values)


def paper_key(pixel: tuple[int, ...]) -> list[int]:
    """The colour-key mask that leaves out the pixels of exactly the paper's colour: where
    the PNG is clear, the page's own ground shows; an edge pixel that the viewer blends with
    its neighbours blends with the paper's colour, never with another."""
    return [v for channel in pixel for v in (channel, channel)]
