"""Make every rendition of one still from a single decode: the PDF's image sized to its box,
then the ZIP's print, web and thumbnail files, largest first, each cut from the one before.

Nothing is ever upsampled: a source smaller than a rendition is delivered at its own size.
Encoded pixels come from the cache when the source and every size before them are unchanged;
the caption, credits and rights are embedded afresh at every build.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from ..commit import atomic_write
from .cache import StillCache
from .cmyk import CmykProfile
from .decode import decode, srgb_icc_bytes
from .engine import encoder, version
from .icc import srgb_v2_profile
from .metadata import StillMetadata, embed_metadata, encode_jpeg

FULL_CHROMA_QUALITY = 90  # from this JPEG quality up, colour is kept at full resolution
BICUBIC_FROM = 4000  # long edge (px) from which a mild reduction uses bicubic, not Lanczos


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
    fill: bool = False  # cropped (centred) to fill ``box``'s shape, not fitted inside it
    fade: Fade | None = None


@dataclass(frozen=True)
class Fade:
    """The lower part of a picture faded into a colour, so text set over it reads; done in
    the pixels, not with transparency, which print shops reject."""

    colour: str
    start: float  # share of the height where it begins
    length: float  # share of the height it takes to reach ``strength``
    strength: int  # 0-255: how far it goes into the colour


@dataclass(frozen=True)
class Rendition:
    kind: str
    path: Path
    size: tuple[int, int]
    wanted_long_edge: int


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


def make_renditions(
    source: Path,
    upright_size: tuple[int, int],
    targets: list[Target],
    meta: StillMetadata,
    background: str,
    cache: StillCache,
    decode_size: tuple[int, int] | None = None,
    engine: str = "pillow",
) -> tuple[list[Rendition], list[str]]:
    """Write every target; returns what was made and the metadata warnings.

    One decode, for at least ``decode_size`` pixels (default: the largest target). A target
    with ``own_decode`` is cut straight from that decode, so with the same ``decode_size`` its
    pixels do not depend on which other renditions are made: a PDF's pictures (and the PDF)
    are the same bytes whether the build makes the ZIP too or not. The others are a cascade,
    largest first, each cut from the one before. ``engine`` (`engine.ENGINES`) makes the
    pixels; the cache keeps each engine's apart.
    """
    alone = [t for t in targets if t.own_decode]
    cascade = sorted(
        (t for t in targets if not t.own_decode), key=lambda t: -max(fit(upright_size, t))
    )
    order = alone + cascade
    sizes = [fit(upright_size, t) for t in order]
    need = decode_size or max((decode_for(upright_size, t) for t in order), key=max)
    digest = cache.source_digest(source)
    keys = [
        cache.key(
            source=digest,
            engine=version(engine),
            background=background,
            decode=list(need),
            sizes=[size] if i < len(alone) else sizes[len(alone) : i + 1],
            quality=t.quality,
            cmyk=t.cmyk.digest if t.cmyk else None,
            ppi=t.ppi,
            fill=t.fill,
            fade=dataclasses.astuple(t.fade) if t.fade else None,
        )
        for i, (t, size) in enumerate(zip(order, sizes, strict=True))
    ]
    cached = [cache.get(key) for key in keys]
    encoded = [jpeg for jpeg in cached if jpeg is not None]
    if len(encoded) < len(keys):
        cache.redo(source)
        encoded = encoder(engine)(source, order, sizes, len(alone), need, background)
        for key, jpeg in zip(keys, encoded, strict=True):
            cache.put(key, jpeg)
    results: list[Rendition] = []
    warnings: list[str] = []
    for target, size, jpeg in zip(order, sizes, encoded, strict=True):
        if target.embed:
            jpeg, notes = embed_metadata(jpeg, meta)
            warnings += [n for n in notes if n not in warnings]
        _write(target.path, jpeg)
        results.append(Rendition(target.kind, target.path, size, wanted(upright_size, target)))
    return results, warnings


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
            picture = ImageOps.fit(current, size, Image.Resampling.LANCZOS)
        elif number < alone:
            picture = current if current.size == size else _resize(current, size)
        else:
            if current.size != size:
                current = _resize(current, size)
            picture = current
        subsampling = "4:4:4" if target.quality >= FULL_CHROMA_QUALITY else "4:2:0"
        if target.fade is not None:
            picture = _faded(picture, target.fade)
        if target.cmyk is not None:
            picture = target.cmyk.picture(picture)
        jpeg = encode_jpeg(
            picture,
            quality=target.quality,
            icc_profile=embedded_profile(target),
            subsampling=subsampling,
            ppi=target.ppi,
        )
        encoded.append(jpeg)
    return encoded


def _faded(image: Image.Image, fade: Fade) -> Image.Image:
    height = image.height
    start = round(height * fade.start)
    ramp = [0] * start + [
        min(fade.strength, round(fade.strength * (row - start) / (height * fade.length)))
        for row in range(start, height)
    ]
    mask = Image.new("L", (1, height))
    mask.putdata(ramp)
    paper = Image.new("RGB", image.size, fade.colour)
    return Image.composite(paper, image, mask.resize(image.size))


def embedded_profile(target: Target) -> bytes | None:
    """The ICC profile a rendition carries: none in CMYK (the PDF's OutputIntent says it);
    ICC version 2 sRGB in delivered files, which older viewers and layout software read
    correctly (some mishandle Pillow's version 4); the PDF's own images keep Pillow's, which
    no PDF reader looks at."""
    if target.cmyk is not None:
        return None
    return srgb_v2_profile() if target.embed else srgb_icc_bytes()


def _resize(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    mild = max(image.size) < 2 * max(size)  # a reduction by less than half
    if mild and max(image.size) >= BICUBIC_FROM:
        return image.resize(size, Image.Resampling.BICUBIC)
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _write(path: Path, data: bytes) -> None:
    with atomic_write(path) as out:
        out.write(data)
