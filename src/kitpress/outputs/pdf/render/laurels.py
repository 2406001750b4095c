"""Festival laurels drawn as vectors: two leafy branches around the festival's name, the
year and the award (or "Official Selection"), the way distributors mark festival films."""

from __future__ import annotations

import math

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from kitpress.document.labels import Labels
from kitpress.kit.model import Festival

from .paragraphs import paragraph
from .text import escape

LEAVES = 9
SWEEP = (-58.0, 48.0)  # degrees of the arc each branch covers, from the bottom up
ASPECT = 1.3  # a laurel is wider than it is tall


def laurel_lines(festival: Festival, labels: Labels) -> str:
    top = escape(festival.award or labels.official_selection)
    name = escape(festival.name)
    year = f"<br/>{festival.year}" if festival.year else ""
    return f"{top}<br/>{name}{year}"


def laurel_width(height: float) -> float:
    return height * ASPECT


def draw_laurel(
    canvas: Canvas,
    festival: Festival,
    style: ParagraphStyle,
    x: float,
    y: float,
    height: float,
    labels: Labels,
) -> None:
    """A laurel ``height`` points tall with its bottom-left corner at (x, y)."""
    width = laurel_width(height)
    centre_x, centre_y = x + width / 2, y + height / 2
    radii = (width * 0.42, height * 0.42)
    canvas.saveState()
    canvas.setFillColor(style.textColor)
    canvas.setStrokeColor(style.textColor)
    canvas.setLineWidth(0.6)
    for side in (-1, 1):
        _branch(canvas, (centre_x, centre_y), radii, side, height * 0.17)
    canvas.restoreState()
    text = paragraph(laurel_lines(festival, labels), style)
    text_width = width * 0.64
    _, text_height = text.wrap(text_width, height)
    text.drawOn(canvas, centre_x - text_width / 2, centre_y - text_height / 2)


def _branch(
    canvas: Canvas, centre: tuple[float, float], radii: tuple[float, float], side: int, leaf: float
) -> None:
    """One side: a stem along the ellipse and leaves growing outward from it, smaller upward."""
    points = []
    for i in range(LEAVES):
        angle = math.radians(SWEEP[0] + (SWEEP[1] - SWEEP[0]) * i / (LEAVES - 1))
        point = (
            centre[0] + side * radii[0] * math.cos(angle),
            centre[1] + radii[1] * math.sin(angle),
        )
        points.append(point)
        along = (-side * radii[0] * math.sin(angle), radii[1] * math.cos(angle))
        heading = math.degrees(math.atan2(along[1], along[0]))
        _leaf(canvas, point, heading + side * 35, leaf * (1 - 0.035 * i))
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    canvas.drawPath(path, stroke=1, fill=0)


def _leaf(canvas: Canvas, at: tuple[float, float], angle: float, length: float) -> None:
    """One leaf: a narrow ellipse from the stem, pointing ``angle`` degrees."""
    canvas.saveState()
    canvas.translate(*at)
    canvas.rotate(angle)
    canvas.ellipse(0, -length * 0.2, length, length * 0.2, stroke=0, fill=1)
    canvas.restoreState()
