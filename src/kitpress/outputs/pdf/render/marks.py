"""Crop marks for the print profile: thin lines at the trim's corners, drawn outside the bleed
in registration colour (every ink at 100 %) so they show on every printing plate."""

from __future__ import annotations

from typing import Any

from kitpress.layout.model import PageSpec

MARK_WEIGHT = 0.25  # points
GAP = 2.0  # points between the bleed's edge and the start of a mark


def draw_crop_marks(canvas: Any, page: PageSpec) -> None:
    left, bottom, right, top = page.trim_box()
    start = page.bleed + GAP  # marks begin beyond the bleed ...
    length = page.slug - GAP - 2  # ... and stop short of the sheet's edge
    canvas.saveState()
    canvas.setStrokeColorCMYK(1, 1, 1, 1)
    canvas.setLineWidth(MARK_WEIGHT)
    for x, y, sx, sy in (
        (left, bottom, -1, -1),
        (right, bottom, 1, -1),
        (left, top, -1, 1),
        (right, top, 1, 1),
    ):
        canvas.line(x + sx * start, y, x + sx * (start + length), y)  # along the trim line
        canvas.line(x, y + sy * start, x, y + sy * (start + length))
    canvas.restoreState()
