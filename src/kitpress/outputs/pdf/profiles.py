"""The two ways a kit travels: a small screen PDF for e-mail and a print-shop PDF for festivals.

A profile is the layout adjusted for one of them. Screen: the layout as it is (its PDF ppi,
sRGB, links). Print: the page grows by the bleed (3 mm; 0.125 in on US paper sizes) and, with
crop marks or a slug line, by a slug for them; pictures are placed at 300 ppi and every
colour goes through the printer's CMYK profile.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kitpress.errors import KitError, single
from kitpress.layout.model import Layout
from kitpress.layout.units import parse_length
from kitpress.outputs.base import PrintOptions
from kitpress.outputs.names import PROFILES as PROFILES
from kitpress.stills.cmyk import CmykProfile, load_cmyk_profile

PRINT_PPI = 300
PRINT_QUALITY = 92
SLUG = 24.0  # points of paper beyond the bleed that carry the crop marks and the slug line
US_SIZES = ((612.0, 792.0), (612.0, 1008.0), (792.0, 1224.0))  # Letter, Legal, Tabloid
METRIC_BLEED, US_BLEED = "3mm", "0.125in"
MAX_BLEED = 20 * 72 / 25.4


@dataclass(frozen=True)
class Profile:
    name: str
    layout: Layout
    cmyk: CmykProfile | None = None

    @property
    def ppi(self) -> int:
        return self.layout.stills.pdf_ppi


def make_profile(name: str, layout: Layout, options: PrintOptions) -> Profile:
    if name == "screen":
        return Profile(name, layout)
    limit = options.ink_limit or layout.ink_limit
    cmyk = replace(load_cmyk_profile(options.icc), ink_limit=limit / 100)
    return Profile(name, print_layout(layout, options), cmyk)


def print_layout(layout: Layout, options: PrintOptions) -> Layout:
    """The layout as the print profile uses it: bleed (and slug), 300 ppi pictures."""
    page = layout.page
    written = options.bleed or default_bleed(page.width, page.height)
    bleed = parse_length(written)
    if bleed is None or not 0 <= bleed <= MAX_BLEED:
        message = f"expected a bleed from 0 to 20mm, such as 3mm or 0.125in (got '{written}')"
        raise KitError([single("--bleed", message)])
    slug_line = layout.print_slug if options.slug is None else options.slug
    room = SLUG if options.marks or slug_line else 0.0
    page = replace(
        page,
        bleed=bleed,
        slug=room,
        crop_marks=options.marks,
        slug_line=slug_line,
        pages_a_sheet=4 if options.booklet else 2,
    )
    stills = replace(
        layout.stills,
        pdf_ppi=print_ppi(layout),
        pdf_quality=max(PRINT_QUALITY, layout.stills.pdf_quality),
    )
    return replace(layout, page=page, stills=stills)


def print_ppi(layout: Layout) -> int:
    """The print PDF's pictures: 300 ppi, or the layout's own when it asks for more."""
    return max(PRINT_PPI, layout.stills.pdf_ppi)


def default_bleed(width: float, height: float) -> str:
    """0.125 in on US paper (what US shops ask for), 3 mm everywhere else."""
    size = (min(width, height), max(width, height))
    us = any(abs(size[0] - w) < 1 and abs(size[1] - h) < 1 for w, h in US_SIZES)
    return US_BLEED if us else METRIC_BLEED
