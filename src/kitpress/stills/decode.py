"""Decode a still once into an upright sRGB image, or fail with a located message.

Pillow is the only thing that ever reads a user's image; ReportLab only sees JPEGs we made.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .embedded import EmbeddedCaption, read_embedded

MAX_PIXELS = 150_000_000  # a 150 MP still is already far beyond any camera a unit uses
_ICC_DATE = slice(24, 36)


class DecodeProblem(Exception):
    """Why a file cannot be used as a still (the caller adds where it is named)."""


@dataclass(frozen=True)
class Probe:
    size: tuple[int, int]  # upright pixels
    embedded: EmbeddedCaption  # caption and credits the file already carries


def probe(path: Path) -> Probe:
    """Upright pixel size and embedded caption from the headers alone (no pixel decode)."""
    try:
        with Image.open(path) as image:
            width, height = image.size
            orientation = image.getexif().get(0x0112, 1)
            embedded = read_embedded(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise DecodeProblem(_reason(path, exc)) from None
    _check_size(width, height)
    size = (height, width) if orientation in (5, 6, 7, 8) else (width, height)
    return Probe(size, embedded)


def decode(path: Path, need: tuple[int, int], background: str) -> Image.Image:
    """The whole still, upright, RGB in sRGB; decoded at reduced scale when ``need`` allows."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                _check_size(*image.size)
                if image.format == "JPEG":
                    image.draft("RGB", _draft_size(image, need))
                image.load()
                upright = ImageOps.exif_transpose(image)
                return _to_srgb(upright, background)
    except DecodeProblem:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise DecodeProblem(_reason(path, exc)) from None


def _draft_size(image: Image.Image, need: tuple[int, int]) -> tuple[int, int]:
    """Ask the decoder for at least the largest rendition, in stored (not upright) axes."""
    width, height = image.size
    scale = min(1.0, max(need) / max(width, height))
    return (round(width * scale), round(height * scale))


def _check_size(width: int, height: int) -> None:
    if width < 1 or height < 1:
        raise DecodeProblem("the image has no pixels")
    if width * height > MAX_PIXELS:
        raise DecodeProblem(
            f"{width}×{height} pixels is over the {MAX_PIXELS // 1_000_000} MP limit "
            "(a decompression bomb or a scan far larger than a press still needs)"
        )


def _to_srgb(image: Image.Image, background: str) -> Image.Image:
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "La", "RGBa") or "transparency" in image.info:
        flat = Image.new("RGB", image.size, background)
        rgba = image.convert("RGBA")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    icc = image.info.get("icc_profile")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            mode = "RGB" if image.mode != "CMYK" else "CMYK"
            converted = ImageCms.profileToProfile(
                image.convert(mode), source, srgb_profile(), outputMode="RGB"
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken embedded profile: fall back to a plain conversion
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    return image.convert("RGB")


@cache
def srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(io.BytesIO(srgb_icc_bytes()))


@cache
def srgb_icc_bytes() -> bytes:
    """Pillow's built-in sRGB profile with its creation date fixed, so output is repeatable."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[_ICC_DATE] = bytes.fromhex("07e8 0001 0001 0000 0000 0000")
    return bytes(data)


def _reason(path: Path, exc: BaseException) -> str:
    if isinstance(exc, (Image.DecompressionBombError, Image.DecompressionBombWarning)):
        return "the image is too large to decode safely (decompression bomb limit)"
    if path.stat().st_size == 0:
        return "the file is empty"
    if isinstance(exc, UnidentifiedImageError):
        return "not an image Pillow can read (JPEG, PNG, TIFF or WebP expected)"
    text = str(exc).rstrip(".")
    return f"the image is damaged or truncated ({text})" if text else "the image is damaged"
