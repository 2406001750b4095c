"""The cover picture: the kit's key art, or its first landscape still, cropped to fill the
cover's art box and sized for the layout's ppi."""

from __future__ import annotations

import io

from PIL import Image, ImageOps

from kitpress.kit.model import Kit
from kitpress.layout.model import Layout
from kitpress.stills.cmyk import CmykProfile
from kitpress.stills.decode import DecodeProblem, decode, srgb_icc_bytes

from ..plan import DocumentPlan
from .cover import FULL_TEXT_SHARE, CoverArt, cover_box


def make_cover_art(
    kit: Kit, layout: Layout, plan: DocumentPlan, cmyk: CmykProfile | None = None
) -> CoverArt | None:
    if "cover" not in plan.sections:
        return None
    source = kit.key_art
    if source is None:
        landscape = [s for s in plan.slots if s.source_pixels[0] >= s.source_pixels[1]]
        chosen = landscape[0] if landscape else (plan.slots[0] if plan.slots else None)
        source = chosen.still.file if chosen else None
    if source is None:
        return None
    box = cover_box(layout)[2:]
    ppi = layout.stills.pdf_ppi
    pixels = (round(box[0] / 72 * ppi), round(box[1] / 72 * ppi))
    try:
        image = decode(source, pixels, layout.stills.background)
    except DecodeProblem:
        return None  # the stills stage reports it with its location
    fitted = ImageOps.fit(image, _no_upsample(image.size, pixels), Image.Resampling.LANCZOS)
    if layout.cover.style == "full":
        fitted = _fade(fitted, layout.colour("cover_paper"))
    buffer = io.BytesIO()
    if cmyk is not None:  # the print profile: in the printer's inks
        cmyk.picture(fitted).save(buffer, "JPEG", quality=layout.stills.pdf_quality)
    else:
        fitted.save(buffer, "JPEG", quality=layout.stills.pdf_quality, icc_profile=srgb_icc_bytes())
    return CoverArt(buffer.getvalue(), fitted.size)


def _fade(image: Image.Image, colour: str) -> Image.Image:
    """Darken the foot of a full-page cover into the cover paper, so its text reads. Done in
    the pixels, not with PDF transparency, which print shops reject."""
    height = image.height
    start = round(height * (1 - FULL_TEXT_SHARE - 0.12))
    ramp = [0] * start + [
        min(235, round(235 * (row - start) / (height * 0.3))) for row in range(start, height)
    ]
    mask = Image.new("L", (1, height))
    mask.putdata(ramp)
    paper = Image.new("RGB", image.size, colour)
    return Image.composite(paper, image, mask.resize(image.size))


def _no_upsample(source: tuple[int, int], wanted: tuple[int, int]) -> tuple[int, int]:
    """The crop size: the wanted aspect, no larger than the source allows."""
    scale = min(1.0, source[0] / wanted[0], source[1] / wanted[1])
    return max(1, round(wanted[0] * scale)), max(1, round(wanted[1] * scale))
