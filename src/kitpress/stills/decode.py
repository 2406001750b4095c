"""Decode a still once into an upright sRGB image, or fail with a located message.

Pillow is the only thing that ever reads a user's image; ReportLab only sees JPEGs we made.
`probe` reads headers only and says what is worth a warning (animation, damaged EXIF, a
very large image); `decode` stays quiet about the same things, so each is told once.
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .colour_source import source_profile
from .embedded import EmbeddedCaption, exif_is_readable, read_embedded
from .heif import heif_opener, is_heif
from .sniff import head, unreadable_kind

MAX_PIXELS = 150_000_000  # a 150 MP still is already far beyond any camera a unit uses
WARN_PIXELS = 100_000_000  # above this a still is worth a warning: slow, and memory-hungry
_ICC_DATE = slice(24, 36)
_BOMB = "a decompression bomb, or far larger than a press still needs"
_KNOWN = "JPEG, PNG, TIFF or WebP expected"
_PILLOW_ERRORS = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    Image.DecompressionBombError,
)


class DecodeProblem(Exception):
    """Why a file cannot be used as a still (the caller adds where it is named)."""


@dataclass(frozen=True)
class Probe:
    size: tuple[int, int]  # upright pixels
    embedded: EmbeddedCaption  # caption and credits the file already carries
    notes: tuple[str, ...] = ()  # worth a warning, not a refusal


def probe(path: Path) -> Probe:
    """Upright pixel size, embedded caption and warnings from the headers (no pixel decode).

    Call it from one thread: it records Pillow's warnings to report them as kitpress's own.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with _open(path) as image:
                width, height = image.size
                _check_size(width, height)
                readable = exif_is_readable(image)
                orientation, exif_note = _orientation(image) if readable else (1, None)
                embedded = read_embedded(image)
                _, colour_note = source_profile(image)
                notes = [n for n in (exif_note, _frames_note(image), colour_note) if n]
                _check_complete(path, image.format)
        except DecodeProblem:
            raise
        except _PILLOW_ERRORS as exc:
            raise DecodeProblem(_reason(path, exc)) from None
    quiet_pillow()
    notes += _warning_notes(caught) + _size_notes(width, height)
    size = (height, width) if orientation in (5, 6, 7, 8) else (width, height)
    return Probe(size, embedded, tuple(dict.fromkeys(notes)))


TAIL = 64 * 1024  # bytes at a file's end searched for its end marker


def _check_complete(path: Path, kind: str | None) -> None:
    """A JPEG or PNG whose end marker is missing was cut short (an interrupted copy or
    download): found from the file's last bytes, so `check` refuses it as `build` would,
    without decoding any pixel. (A JPEG's entropy-coded data never holds the EOI marker.)"""
    marker = {"JPEG": b"\xff\xd9", "PNG": b"IEND"}.get(kind or "")
    if marker is None:
        return
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - TAIL))
        if marker not in handle.read():
            raise DecodeProblem("the image is damaged or truncated (its end is missing)")


def decode(path: Path, need: tuple[int, int], background: str) -> Image.Image:
    """The whole still, upright, RGB in sRGB; decoded at reduced scale when ``need`` allows."""
    try:
        with _open(path) as image:
            _check_size(*image.size)
            if image.format == "JPEG":
                image.draft("RGB", _draft_size(image, need))
            exif = exif_is_readable(image)
            image.load()
            return _to_srgb(_upright(image) if exif else image, background)
    except DecodeProblem:
        raise
    except _PILLOW_ERRORS as exc:
        raise DecodeProblem(_reason(path, exc)) from None


def _open(path: Path) -> Image.Image:
    """The still opened by Pillow; a HEIC photo through pillow-heif, registered when first met."""
    try:
        return Image.open(path)
    except UnidentifiedImageError:
        if is_heif(head(path)) and heif_opener():
            return Image.open(path)
        raise


def quiet_pillow() -> None:
    """Pillow's own warnings (probe reports them, located) stay off the user's terminal.

    Filters, not `catch_warnings`, because stills decode in threads.
    """
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
    warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")


def _upright(image: Image.Image) -> Image.Image:
    """The image turned upright; the same image (no 96 MB copy) when it already is."""
    try:
        if image.getexif().get(0x0112, 1) not in range(2, 9):
            return image
        return ImageOps.exif_transpose(image)
    except Exception:  # a damaged EXIF block: probe warned, the still is used as stored
        return image


def _orientation(image: Image.Image) -> tuple[int, str | None]:
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # Pillow raises many kinds on a damaged EXIF block
        return 1, "damaged EXIF data; its orientation is ignored and the still used as stored"
    if isinstance(value, int) and 1 <= value <= 8:
        return value, None
    shown = repr(value)[:20]
    return 1, f"EXIF orientation {shown} is not a valid value (1 to 8); the still is used as stored"


def _frames_note(image: Image.Image) -> str | None:
    if not getattr(image, "is_animated", False):
        return None
    frames = int(getattr(image, "n_frames", 1))
    if image.format == "TIFF":
        return f"the file has {frames} pages; only the first is used"
    if image.format in ("GIF", "PNG", "WEBP", "AVIF"):  # not MPO: a phone's depth map frame
        return f"an animated image ({frames} frames); only the first frame is used"
    return None


def _warning_notes(caught: list[warnings.WarningMessage]) -> list[str]:
    notes = []
    for found in caught:
        from_pillow = Path(found.filename).parent.name == "PIL"
        if not from_pillow or not issubclass(found.category, UserWarning):
            continue  # not about the file; a DecompressionBombWarning: our own check decides
        detail = str(found.message).strip().rstrip(".")[:100]
        notes.append(f"damaged metadata ({detail}); what cannot be read is ignored")
    return notes[:1]


def _size_notes(width: int, height: int) -> list[str]:
    if width * height <= WARN_PIXELS:
        return []
    megapixels = width * height / 1_000_000
    return [
        f"{width}×{height} px ({megapixels:.0f} MP) is unusually large for a still; it decodes "
        f"slowly and needs up to {width * height * 4 // 1_000_000} MB of memory "
        f"(over {MAX_PIXELS // 1_000_000} MP is refused)"
    ]


def _draft_size(image: Image.Image, need: tuple[int, int]) -> tuple[int, int]:
    """Ask the decoder for at least the largest rendition, in stored (not upright) axes."""
    width, height = image.size
    scale = min(1.0, max(need) / max(width, height))
    return (round(width * scale), round(height * scale))


def _check_size(width: int, height: int) -> None:
    if width < 1 or height < 1:
        raise DecodeProblem("the image has no pixels")
    if width * height > MAX_PIXELS:
        megapixels = width * height / 1_000_000
        raise DecodeProblem(
            f"{width}×{height} px ({megapixels:.0f} MP) is over the "
            f"{MAX_PIXELS // 1_000_000} MP limit ({_BOMB})"
        )


def _to_srgb(image: Image.Image, background: str) -> Image.Image:
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "La", "RGBa") or "transparency" in image.info:
        flat = Image.new("RGB", image.size, background)
        rgba = image.convert("RGBA")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode in ("RGB", "CMYK"):
        source, _ = source_profile(image)  # probe has warned when it is not the still's own
        if source is not None:
            with contextlib.suppress(ImageCms.PyCMSError, OSError, ValueError):
                if image.mode == "RGB":  # converted in place: no second full-size copy
                    ImageCms.profileToProfile(image, source, srgb_profile(), inPlace=True)
                    return image
                converted = ImageCms.profileToProfile(
                    image, source, srgb_profile(), outputMode="RGB"
                )
                if converted is not None:
                    return converted
        return image if image.mode == "RGB" else image.convert("RGB")
    icc = image.info.get("icc_profile")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(
                image.convert("RGB"), source, srgb_profile(), outputMode="RGB"
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken embedded profile: fall back to a plain conversion
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    return image if image.mode == "RGB" else image.convert("RGB")


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
    if isinstance(exc, Image.DecompressionBombError):
        found = re.search(r"\((\d+) pixels\)", str(exc))
        size = f"{int(found.group(1)) / 1_000_000:.0f} MP" if found else "the image"
        return f"{size} is over the {MAX_PIXELS // 1_000_000} MP limit ({_BOMB})"
    if isinstance(exc, PermissionError):
        return "cannot read the file (permission denied)"
    data = head(path)
    if not data:
        return "the file is empty"
    if isinstance(exc, UnidentifiedImageError):
        kind = unreadable_kind(data)
        return f"the file is {kind}" if kind else f"not an image Pillow can read ({_KNOWN})"
    text = str(exc).rstrip(".")
    return f"the image is damaged or truncated ({text})" if text else "the image is damaged"


quiet_pillow()
