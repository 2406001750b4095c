"""Where a full-page cover sets its title over the picture when the layout leaves it to the
picture (``text_zone: auto``): on the foot, as most covers do, unless the picture's figures
stand there and its top is clearly quieter (fog, sky, a wall), so the title never lands on a
face by accident."""

from __future__ import annotations

import dataclasses

from ..layout.model import Layout
from ..stills.decode import DecodeProblem
from ..stills.detail import band_detail
from .model import CoverPicture

TOP_BAND = (0.06, 0.42)  # shares of the page's height from its top: a title set from the top
FOOT_BAND = (0.42, 0.75)  # and one set on the foot, above the laurels and the foot's lines
QUIETER = 0.6  # the top is taken when its detail is below this share of the foot's


def resolved_text_zone(layout: Layout, cover: CoverPicture | None) -> Layout:
    """``layout`` with its cover's ``auto`` text zone made ``top`` or ``bottom`` for this
    picture; any other layout as it is."""
    if layout.cover.text_zone != "auto":
        return layout
    return dataclasses.replace(
        layout, cover=dataclasses.replace(layout.cover, text_zone=text_zone(layout, cover))
    )


def text_zone(layout: Layout, cover: CoverPicture | None) -> str:
    """``top`` where a full or poster cover's picture is clearly quieter there than on its
    foot. A full cover crops the picture to the page; a poster shows it whole across the
    page's width from its top, so the page's bands are the picture's, scaled to its height
    (a band below the picture lies on the paper, which is quiet)."""
    if cover is None or layout.cover.style not in ("full", "poster"):
        return "bottom"
    width, height = layout.page.width, layout.page.height
    shape, bands = (width, height), [TOP_BAND, FOOT_BAND]
    if layout.cover.style == "poster":
        shape = (float(cover.pixels[0]), float(cover.pixels[1]))
        scale = height / (width * shape[1] / shape[0])  # the page's height in the picture's
        bands = [(min(1.0, a * scale), min(1.0, b * scale)) for a, b in bands]
    try:
        top, foot = (
            band_detail(cover.source, shape, [band], cover.focus)[0] if band[0] < 1 else 0.0
            for band in bands
        )
    except DecodeProblem:  # the stills engine says so, located, when it decodes the picture
        return "bottom"
    return "top" if top < QUIETER * foot else "bottom"
