"""The libvips engine (`--engine vips`, the `kitpress[fast]` extra): the same renditions as the
Pillow engine, made by libvips, which decodes, converts and resizes a camera still in a
fraction of Pillow's time and memory.

Pillow still reads every header (what the file is, its orientation, whether its colour
profile is usable: the rules `decode.py` holds for both engines); libvips decodes the pixels
of an ordinary RGB JPEG, shrinking on load by the same factor Pillow's ``draft`` picks,
through its ICC profile into sRGB with the same intent, streams them down to the size every
rendition is cut from (the only copy held in memory, so a worker holds a print-size picture,
not a camera-size one) and turns that upright. Anything else (PNG,
TIFF, WebP, HEIC, grey or CMYK JPEGs, transparency) is decoded by Pillow and handed over as
pixels. Resizing is Lanczos-3; CMYK goes through the same printer's profile with perceptual
intent; JPEGs are written with the same quality and chroma subsampling, then given the JFIF
header and ICC profile the Pillow engine's files have, so `metadata.py` embeds the caption
into both alike.
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pyvips
from PIL import Image

from ..commit import atomic_write
from .colour_source import source_profile
from .decode import decode, srgb_icc_bytes
from .embedded import exif_is_readable
from .targets import (
    CENTRE,
    FULL_CHROMA_QUALITY,
    Fade,
    Target,
    crop_box,
    embedded_profile,
    fade_ramp,
)

MIN_VERSION = (8, 15)  # `keep=` on save
_SHRINKS = (8, 4, 2, 1)  # what a JPEG decoder can scale by (Pillow's draft, libvips' shrink)
_ICC_HEADER = b"ICC_PROFILE\x00\x01\x01"
_ICC_MAX = 0xFFFF - 2 - len(_ICC_HEADER)


def version() -> str:
    return ".".join(str(pyvips.version(part)) for part in range(3))


def usable() -> bool:
    """Whether libvips is recent enough and does what this engine asks of it."""
    if (pyvips.version(0), pyvips.version(1)) < MIN_VERSION:
        return False
    pyvips.cache_set_max(0)  # no operation cache: it would hold decodes and stale files
    try:
        pixel = pyvips.Image.black(2, 2, bands=3).cast("uchar").copy(interpretation="srgb")
        pixel.icc_transform(_profile_file(srgb_icc_bytes()), input_profile="srgb")
        pixel.jpegsave_buffer(Q=90, keep="none")
    except pyvips.Error:
        return False
    return True


def encode(
    source: Path,
    order: list[Target],
    sizes: list[tuple[int, int]],
    alone: int,
    need: tuple[int, int],
    background: str,
) -> list[bytes]:
    """One decode; the first ``alone`` targets each cut from it, then the cascade, each size
    cut from the one before it (as `pillow_engine.encode_with_pillow` does)."""
    decoded = _decode(source, need, background)
    current = decoded
    encoded = []
    for number, (target, size) in enumerate(zip(order, sizes, strict=True)):
        if number < alone and target.fill:
            picture = _filled(decoded, size, target.focus)
        elif number < alone:
            picture = decoded if _size(decoded) == size else _resize(decoded, size)
        else:
            if _size(current) != size:
                current = _resize(current, size)
            picture = current
        if target.fade is not None and target.cmyk is None:
            picture = _faded(picture, target.fade)
        profile = embedded_profile(target)
        if target.cmyk is not None:
            picture = picture.icc_transform(
                _profile_file(target.cmyk.data),
                input_profile=_profile_file(srgb_icc_bytes()),
                intent="perceptual",
            )
            if target.fade is not None:  # in ink: the fade ends in the paper's own CMYK
                paper = list(target.cmyk.paper_pixel(target.fade.colour))
                picture = _faded(picture, target.fade, paper)
        encoded.append(_jpeg(picture, target.quality, profile, target.ppi))
    return encoded


def _decode(source: Path, need: tuple[int, int], background: str) -> Any:
    """The still upright, in sRGB, at ``need`` (the size every rendition is cut from), held in
    memory; the full-size pixels of a JPEG only ever stream through, a few rows at a time."""
    with Image.open(source) as header:  # headers only: Pillow decides what the file is
        plain_jpeg = header.format == "JPEG" and header.mode == "RGB"
        if plain_jpeg:
            profile, _ = source_profile(header)
            icc = header.info.get("icc_profile") if profile is not None else None
            orientation = _orientation(header) if exif_is_readable(header) else 1
            shrink = _shrink(header.size, need)
    if plain_jpeg:
        try:
            return _vips_jpeg(source, shrink, orientation, icc, need)
        except pyvips.Error:  # what libvips cannot read, Pillow reads or names the fault of
            pass
    return _from_pillow(decode(source, need, background))


def _vips_jpeg(
    source: Path, shrink: int, orientation: int, icc: bytes | None, need: tuple[int, int]
) -> Any:
    try:
        image = pyvips.Image.new_from_file(
            str(source), shrink=shrink, autorotate=False, access="sequential"
        )
    except UnicodeEncodeError:  # a name in another encoding: libvips takes UTF-8 names only
        data = source.read_bytes()  # the same decoder, from the bytes; held until copied below
        image = pyvips.Image.new_from_buffer(
            data, "", shrink=shrink, autorotate=False, access="sequential"
        )
    if icc:
        image = image.icc_transform(
            _profile_file(srgb_icc_bytes()), input_profile=_profile_file(icc), intent="perceptual"
        )
    stored = (need[1], need[0]) if orientation in (5, 6, 7, 8) else need
    if image.width > stored[0] and image.height >= stored[1]:
        image = _exactly(
            image.resize(stored[0] / image.width, vscale=stored[1] / image.height), stored
        )
    image = image.copy_memory()
    if orientation == 1:
        return image
    image = image.copy()
    image.set_type(pyvips.GValue.gint_type, "orientation", orientation)
    return image.autorot().copy_memory()


def _orientation(header: Image.Image) -> int:
    """The EXIF orientation the Pillow engine turns a still by (1: as stored)."""
    try:
        value = header.getexif().get(0x0112, 1)
    except Exception:  # a damaged EXIF block: probe warned, the still is used as stored
        return 1
    return value if isinstance(value, int) and 2 <= value <= 8 else 1


def _shrink(size: tuple[int, int], need: tuple[int, int]) -> int:
    """The JPEG decoder's scale Pillow's ``draft`` picks for ``need`` (upright axes)."""
    width, height = size
    scale = min(1.0, max(need) / max(width, height))
    wanted = (max(1, round(width * scale)), max(1, round(height * scale)))
    ratio = min(width // wanted[0], height // wanted[1])
    return next(s for s in _SHRINKS if ratio >= s)


def _from_pillow(picture: Image.Image) -> Any:
    rgb = picture if picture.mode == "RGB" else picture.convert("RGB")
    image = pyvips.Image.new_from_memory(rgb.tobytes(), rgb.width, rgb.height, 3, "uchar")
    return image.copy(interpretation="srgb")


def _size(image: Any) -> tuple[int, int]:
    return int(image.width), int(image.height)


def _resize(image: Any, size: tuple[int, int]) -> Any:
    width, height = _size(image)
    scaled = image.resize(size[0] / width, vscale=size[1] / height, kernel="lanczos3")
    return _exactly(scaled, size).copy_memory()


def _exactly(image: Any, size: tuple[int, int]) -> Any:
    """``image`` at exactly ``size`` (a resize may round one edge a pixel off)."""
    if _size(image) == size:
        return image
    if image.width >= size[0] and image.height >= size[1]:
        return image.crop(0, 0, *size)
    return image.embed(0, 0, *size, extend="copy")


def _filled(image: Any, size: tuple[int, int], focus: tuple[float, float] = CENTRE) -> Any:
    """Cropped to ``size``'s shape about the focus point, then sized (as ``ImageOps.fit``)."""
    left_f, top_f, crop_w, crop_h = crop_box(_size(image), size, focus)
    left, top = round(left_f), round(top_f)
    cut = image.crop(left, top, max(1, round(crop_w)), max(1, round(crop_h)))
    return cut if _size(cut) == size else _resize(cut, size)


def _faded(image: Any, fade: Fade, paper_pixel: list[int] | None = None) -> Any:
    """The lower part faded into ``fade.colour`` (into ``paper_pixel``, CMYK, in print), as
    `pillow_engine._faded` does."""
    height = int(image.height)
    ramp = fade_ramp(height, fade)
    mask = pyvips.Image.new_from_memory(bytes(ramp), 1, height, 1, "uchar").replicate(
        image.width, 1
    )
    paper = paper_pixel or _rgb(fade.colour)
    mixed = (image * (255 - mask) + mask * paper + 128) / 255
    space = "cmyk" if paper_pixel is not None else "srgb"
    return mixed.floor().cast("uchar").copy(interpretation=space).copy_memory()


def _rgb(colour: str) -> list[int]:
    pixel = Image.new("RGB", (1, 1), colour).getpixel((0, 0))
    assert isinstance(pixel, tuple)
    return [int(v) for v in pixel]


def _jpeg(image: Any, quality: int, profile: bytes | None, ppi: int | None) -> bytes:
    subsample = "off" if quality >= FULL_CHROMA_QUALITY else "on"
    data: bytes = image.jpegsave_buffer(Q=quality, subsample_mode=subsample, keep="none")
    cmyk = int(image.bands) == 4
    return _with_header(data, profile, ppi, jfif=not cmyk or ppi is not None)


def _with_header(jpeg: bytes, profile: bytes | None, ppi: int | None, jfif: bool) -> bytes:
    """``jpeg`` with the JFIF header Pillow writes (density ``ppi`` per inch, or 1:1) and
    ``profile`` as APP2, in place of whatever APP0 libvips wrote."""
    rest = jpeg[2:]
    if rest[:2] == b"\xff\xe0":
        rest = rest[2 + struct.unpack(">H", rest[2:4])[0] :]
    head = b""
    if jfif:
        unit, density = (1, ppi) if ppi else (0, 1)
        body = b"JFIF\x00\x01\x01" + struct.pack(">BHHBB", unit, density, density, 0, 0)
        head += b"\xff\xe0" + struct.pack(">H", len(body) + 2) + body
    if profile:
        if len(profile) > _ICC_MAX:
            raise ValueError(f"ICC profile too long for one segment ({len(profile)} bytes)")
        body = _ICC_HEADER + profile
        head += b"\xff\xe2" + struct.pack(">H", len(body) + 2) + body
    return b"\xff\xd8" + head + rest


@cache
def _profile_file(data: bytes) -> str:
    """An ICC profile as a file libvips can read, named by its content (written once)."""
    digest = hashlib.sha256(data).hexdigest()[:24]
    path = Path(tempfile.gettempdir()) / f"kitpress-{digest}.icc"
    try:
        if path.read_bytes() == data:
            return str(path)
    except OSError:
        pass
    try:
        with atomic_write(path) as out:
            out.write(data)
    except OSError:  # another user's file of that name in a shared temp folder: one of our own
        handle, name = tempfile.mkstemp(prefix="kitpress-", suffix=".icc")
        os.write(handle, data)
        os.close(handle)
        return name
    return str(path)
