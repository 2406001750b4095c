"""The Pillow image engine, which always works: one decode, then each rendition cut from it
or from the one before."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageOps

from .decode import decode
from .metadata import encode_jpeg
from .targets import (
    CENTRE,
    FULL_CHROMA_QUALITY,
    Fade,
    Target,
    crop_box,
    embedded_profile,
    fade_ramp,
)

BICUBIC_FROM = 4000  # long edge (px) from which a mild reduction uses bicubic, not Lanczos


def encode_with_pillow(
    source: Path,
    order: list[Target],
    sizes: list[tuple[int, int]],
    alone: int,
    need: tuple[int, int],
    background: str,
) -> list[bytes]:
    """One decode; the first ``alone`` targets each cut from it, then the cascade, each size
    cut from the one before it (the decode itself is then no longer held).

    Measured against a Lanczos resize of the full decode (benchmarks/stills.py): the first,
    largest step by less than half is done with bicubic, which costs a third less than
    Lanczos on a camera-size still and loses under 0.3 dB there; high-quality files keep full
    colour resolution (4:4:4, as libvips does from quality 90), which gains more than that.
    """
    current = decode(source, need, background)
    encoded = []
    for number, (target, size) in enumerate(zip(order, sizes, strict=True)):
        if number < alone and target.fill:
            picture = _filled(current, size, target.focus)
        elif number < alone:
            picture = current if current.size == size else _resize(current, size)
        else:
            if current.size != size:
                current = _resize(current, size)
            picture = current
        subsampling = "4:4:4" if target.quality >= FULL_CHROMA_QUALITY else "4:2:0"
        if target.fade is not None and target.cmyk is None:
            picture = _faded(picture, target.fade)
        if target.cmyk is not None:
            picture = target.cmyk.picture(picture)
            if target.fade is not None:  # in ink: the fade ends in the paper's own CMYK
                picture = _faded(picture, target.fade, target.cmyk.paper_pixel(target.fade.colour))
        jpeg = encode_jpeg(
            picture,
            quality=target.quality,
            icc_profile=embedded_profile(target),
            subsampling=subsampling,
            ppi=target.ppi,
        )
        encoded.append(jpeg)
    return encoded


def _filled(image: Image.Image, size: tuple[int, int], focus: tuple[float, float]) -> Image.Image:
    """Cropped to ``size``'s shape about the focus point, then sized."""
    if focus == CENTRE:  # as before: the same pixels, the same cache
        return ImageOps.fit(image, size, Image.Resampling.LANCZOS)
    left, top, width, height = crop_box(image.size, size, focus)
    box = (left, top, left + width, top + height)
    return image.resize(size, Image.Resampling.LANCZOS, box=box)


def _faded(
    image: Image.Image, fade: Fade, paper_pixel: tuple[int, ...] | None = None
) -> Image.Image:
    """The lower part faded into ``fade.colour``; into ``paper_pixel`` (CMYK) in print."""
    height = image.height
    ramp = fade_ramp(height, fade)
    mask = Image.new("L", (1, height))
    mask.putdata(ramp)
    paper = Image.new(image.mode, image.size, paper_pixel or fade.colour)
    return Image.composite(paper, image, mask.resize(image.size))


def _resize(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    mild = max(image.size) < 2 * max(size)  # a reduction by less than half
    if mild and max(image.size) >= BICUBIC_FROM:
        return image.resize(size, Image.Resampling.BICUBIC)
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
