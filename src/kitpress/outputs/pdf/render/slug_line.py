"""The print PDF's slug line: one line of 6.5 pt type in black ink outside the bleed, under
the page, saying what the sheet is (kit, date, page, the PDF/X profile and ink limit) for
the print shop; it is trimmed away with the slug."""

from __future__ import annotations

import datetime
from typing import Any

from kitpress.layout.model import PageSpec
from kitpress.stills.cmyk import CmykProfile

from .scripts import draw_string

SLUG_SIZE = 6.5  # points: the one type smaller than 7 pt the print PDF sets
INSET = 12.0  # points from the trim's left edge (clear of the crop mark on it)


def slug_text(
    title: str,
    dated: datetime.datetime,
    number: int,
    cmyk: CmykProfile | None,
    conformance: str = "PDF/X-1a:2001",
) -> str:
    """What the slug line says: ``title`` (the kit's, with "press kit"), the build's date,
    the page number and the print profile (conformance, CMYK profile, ink limit)."""
    parts = [title, dated.strftime("%Y-%m-%d"), f"p. {number}", conformance]
    if cmyk is not None:
        parts += [cmyk.name, f"ink limit {round(cmyk.ink_limit * 100)} %"]
    return " · ".join(parts)


def draw_slug_line(canvas: Any, page: PageSpec, text: str, font: str) -> None:
    """``text`` in the slug below the page, beyond the bleed, in solid black ink only."""
    canvas.saveState()
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.setFont(font, SLUG_SIZE)
    left = page.trim_box()[0]
    baseline = (page.slug - SLUG_SIZE) / 2 + 1  # centred in the slug, under the bleed
    draw_string(canvas, left + INSET, baseline, text)
    canvas.restoreState()
