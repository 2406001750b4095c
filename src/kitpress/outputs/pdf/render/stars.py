"""A critic's stars, drawn as shapes (the layout's fonts have no ★), with the rating also as
invisible text, for search and screen readers."""

from __future__ import annotations

import math

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

STAR_SIZE = 9.0  # points across one star
STAR_GAP = 2.5
MAX_STARS = 5


class Stars(Flowable):  # type: ignore[misc]
    """``count`` filled stars out of five (the rest outlined), left-aligned."""

    def __init__(self, count: int, colour: str, said: str, font: str, size: float) -> None:
        """``said``: the rating in words, set invisibly in ``font`` at ``size`` (the labels'
        type, so it adds no size of its own to the page)."""
        super().__init__()
        self.count, self.colour, self.said, self.font = count, colour, said, font
        self.size = size
        self.width = MAX_STARS * STAR_SIZE + (MAX_STARS - 1) * STAR_GAP
        self.height = STAR_SIZE + 3

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.colour)
        canvas.setStrokeColor(self.colour)
        canvas.setLineWidth(0.6)
        for i in range(MAX_STARS):
            _star(
                canvas,
                i * (STAR_SIZE + STAR_GAP) + STAR_SIZE / 2,
                3 + STAR_SIZE / 2,
                i < self.count,
            )
        text = canvas.beginText(0, 3)
        text.setTextRenderMode(3)  # invisible: "4 out of 5 stars" for search and readers
        text.setFont(self.font, self.size)
        text.textLine(self.said)
        canvas.drawText(text)
        canvas.restoreState()


def _star(canvas: Canvas, cx: float, cy: float, filled: bool) -> None:
    outer, inner = STAR_SIZE / 2, STAR_SIZE / 2 * 0.42
    path = canvas.beginPath()
    for point in range(10):
        radius = outer if point % 2 == 0 else inner
        angle = math.pi / 2 + point * math.pi / 5
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        if point == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    canvas.drawPath(path, stroke=0 if filled else 1, fill=1 if filled else 0)
