"""The cover: key art (or the strongest still) across the top, then the title treatment,
director and name cast, and one line of who is presenting the film."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..kit.model import Kit
from ..layout.model import Layout
from .text import escape

Styles = dict[str, ParagraphStyle]
IMAGE_SHARE = 0.58  # of the page height, from the top edge


@dataclass(frozen=True)
class CoverArt:
    jpeg: bytes
    pixels: tuple[int, int]


def cover_box(layout: Layout) -> tuple[float, float]:
    """Points: the art runs edge to edge across the top of the page."""
    return layout.page.width, layout.page.height * IMAGE_SHARE


def draw_cover(
    canvas: Canvas, kit: Kit, layout: Layout, styles: Styles, art: CoverArt | None
) -> None:
    page = layout.page
    canvas.saveState()
    canvas.setFillColor(layout.colour("cover_paper"))
    canvas.rect(0, 0, page.width, page.height, stroke=0, fill=1)
    art_w, art_h = cover_box(layout)
    if art is not None:
        reader = ImageReader(io.BytesIO(art.jpeg))
        canvas.drawImage(reader, 0, page.height - art_h, art_w, art_h)
    x, width = page.margin_left, page.frame_width
    y = page.height - art_h - 34
    y = _draw(canvas, _credit_line(kit), styles["cover_line"], x, y, width)
    y = _draw(canvas, escape(kit.title), styles["cover_title"], x, y - 6, width)
    names = " · ".join(escape(m.actor) for m in kit.cast[:4])
    if names:
        y = _draw(canvas, names, styles["cover_line"], x, y - 10, width)
    _draw_foot(canvas, kit, styles, x, page.margin_bottom, width)
    canvas.restoreState()


def _credit_line(kit: Kit) -> str:
    if kit.directors:
        return "A film by " + " &amp; ".join(escape(d) for d in kit.directors)
    return "Press kit"


def _draw_foot(canvas: Canvas, kit: Kit, styles: Styles, x: float, y: float, width: float) -> None:
    facts = [
        str(kit.year) if kit.year else "",
        ", ".join(kit.countries),
        f"{kit.runtime} min" if kit.runtime else "",
    ]
    line = "Press kit" + "".join(f"  ·  {escape(f)}" for f in facts if f)
    presenter = kit.rights.courtesy
    if presenter:
        line += f"<br/>{escape(presenter)}"
    para = Paragraph(line, styles["cover_small"])
    para.wrap(width, 200)
    para.drawOn(canvas, x, y)


def _draw(
    canvas: Canvas, markup: str, style: ParagraphStyle, x: float, top: float, width: float
) -> float:
    para = Paragraph(markup, style)
    _, height = para.wrap(width, 1000)
    para.drawOn(canvas, x, top - height)
    return float(top - height)
