"""What a rendition is asked to be (its size, quality, colour, density, crop and fade) and the
pixel sizes that follow from a source's size: shared by every image engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cmyk import CmykProfile
from .decode import srgb_icc_bytes
from .icc import srgb_v2_profile

CENTRE = (0.5, 0.5)
FULL_CHROMA_QUALITY = 90  # from this JPEG quality up, colour is kept at full resolution


@dataclass(frozen=True)
class Target:
    kind: str  # "pdf", "print", "web" or "thumb"
    long_edge: int | None  # None: the box size below
    box: tuple[int, int] | None
    quality: int
    path: Path
    embed: bool = True  # carry caption and credits (the PDF's own images need not)
    cmyk: CmykProfile | None = None  # the print PDF's images: in the printer's CMYK
    ppi: int | None = None  # the density a delivered file states (its size in print)
    own_decode: bool = False  # cut from the decode, never from another rendition
    fill: bool = False  # cropped to fill ``box``'s shape, not fitted inside it
    fade: Fade | None = None
    focus: tuple[float, float] = CENTRE  # what a crop to fill keeps: shares across, down


@dataclass(frozen=True)
class Fade:
    """The lower part of a picture faded into a colour, so text set over it reads; done in
    the pixels, not with transparency, which print shops reject."""

    colour: str
    start: float  # share of the height where it begins
    length: float  # share of the height it takes to reach ``strength``
    strength: int  # 0-255: how far it goes into the colour
    top: float = 0.0  # share of the height from the top faded too, from ``strength`` to none


def fade_ramp(height: int, fade: Fade) -> list[int]:
    """Each row's share of the fade's colour, 0-255: the lower part from ``start`` on and, with
    ``top``, the upper part down to it."""
    start = round(height * fade.start)
    ramp = [0] * start + [
        min(fade.strength, round(fade.strength * (row - start) / (height * fade.length)))
        for row in range(start, height)
    ]
    if fade.top > 0:
        reach = height * fade.top
        for row in range(min(height, round(reach))):
            ramp[row] = max(ramp[row], round(fade.strength * (1 - row / reach)))
    return ramp


def crop_box(
    size: tuple[int, int], shape: tuple[int, int], focus: tuple[float, float] = CENTRE
) -> tuple[float, float, float, float]:
    """The largest part of a picture ``size`` large of ``shape``'s proportions, placed so the
    focus point (shares of the width and height) is as near its middle as the edges allow:
    left, top, width, height in pixels."""
    width, height = size
    ratio = shape[0] / shape[1]
    crop_w, crop_h = (height * ratio, height) if width / height >= ratio else (width, width / ratio)
    left = min(max(0.0, width * focus[0] - crop_w / 2), width - crop_w)
    top = min(max(0.0, height * focus[1] - crop_h / 2), height - crop_h)
    return left, top, crop_w, crop_h


def fit(size: tuple[int, int], target: Target) -> tuple[int, int]:
    """The rendition's pixel size: the target's, or the source's when that is smaller."""
    width, height = size
    if target.fill and target.box is not None:  # the box's shape, as large as the source allows
        scale = min(1.0, width / target.box[0], height / target.box[1])
        return max(1, round(target.box[0] * scale)), max(1, round(target.box[1] * scale))
    if target.box is not None:
        scale = min(target.box[0] / width, target.box[1] / height, 1.0)
    else:
        scale = min((target.long_edge or max(size)) / max(width, height), 1.0)
    return max(1, round(width * scale)), max(1, round(height * scale))


def decode_for(size: tuple[int, int], target: Target) -> tuple[int, int]:
    """The decoded pixels ``target`` needs of a source of ``size``: its own size, or for a
    crop to fill, the source scaled until the box fits inside it (never upsampled)."""
    if not (target.fill and target.box is not None):
        return fit(size, target)
    width, height = size
    scale = min(1.0, max(target.box[0] / width, target.box[1] / height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def wanted(size: tuple[int, int], target: Target) -> int:
    if target.box is not None:
        return max(target.box) if size[0] >= size[1] else target.box[1]
    return target.long_edge or max(size)


def embedded_profile(target: Target) -> bytes | None:
    """The ICC profile a rendition carries: none in CMYK (the PDF's OutputIntent says it);
    ICC version 2 sRGB in delivered files, which older viewers and layout software read
    correctly (some mishandle Pillow's version 4); the PDF's own images keep Pillow's, which
    no PDF reader looks at."""
    if target.cmyk is not None:
        return None
    return srgb_v2_profile() if target.embed else srgb_icc_bytes()
