"""Where a person's portrait sits on *About the cast* / *About the filmmakers* pages, at what
pixel size the stills engine makes it, and how sharp it will be: known before anything is
drawn, so `check` warns exactly as `build` does."""

from __future__ import annotations

from kitpress.document.model import PortraitEntry, PressDocument
from kitpress.errors import Issue
from kitpress.layout.model import Layout

from .arrange import fit_box, image_pixels, placed_ppi

PORTRAIT_TALLEST = 1.4  # a portrait is at most this many times as tall as it is wide
PORTRAIT_WIDEST = 38 * 72 / 25.4  # points (38 mm): a head and shoulders beside a short bio


def portrait_box(layout: Layout, pixels: tuple[int, int]) -> tuple[float, float]:
    """Points: the portrait at its own aspect ratio in the grid's side column, from its
    left edge, the bio beside it in the text column; 38 mm wide at most, so a bio of four
    lines stands beside a picture about its height, not one that holds the next bio over."""
    page = layout.page
    width = min(page.label_column, page.frame_width / 2) - page.columns_gap
    width = min(width, PORTRAIT_WIDEST)
    return fit_box(pixels, (width, width * PORTRAIT_TALLEST))


def portrait_pixels(layout: Layout, entry: PortraitEntry, ppi: int) -> tuple[int, int]:
    return image_pixels(portrait_box(layout, entry.pixels), entry.pixels, ppi)


def portrait_warnings(document: PressDocument, ppi: int, where: str) -> list[Issue]:
    """A portrait whose file is too small for ``ppi`` where the PDF places it (``where``:
    'in the PDF', 'in the print PDF')."""
    found = []
    for entry in document.portraits:
        box = portrait_box(document.layout, entry.pixels)
        effective = placed_ppi(box, entry.pixels, ppi)
        if effective < ppi - 0.5:
            message = (
                f"{entry.source.name} is placed at {effective:.0f} ppi {where} ({ppi} "
                "wanted); a larger portrait would be sharper"
            )
            found.append(entry.located(message, "warning"))
    return found
