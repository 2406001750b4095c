"""CMYK for the print profile: a printer's ICC profile, and what it does to pictures and colours.

Pictures go through the profile with perceptual intent (what photos want); flat colours with
relative colorimetric, except that type in a grey or near-grey (a warm off-black, say) is set
in black ink only: small type in a rich black of four inks is what print shops call a
registration problem. Large dark areas keep the profile's rich black.

The default profile is the system's Ghostscript CMYK profile (Debian: libgs-common). It is
not shipped with kitpress (its licence does not allow it); a printer's own profile always
wins (`--icc FILE`).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from PIL import Image, ImageCms

from .errors import KitError, single
from .stills.decode import srgb_profile

DEFAULT_PROFILES = (
    Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"),
    Path("/usr/share/ghostscript/iccprofiles/default_cmyk.icc"),
)
NEUTRAL = 12 / 255  # channels this close together read as a grey
NO_PROFILE = (
    "the print profile needs a CMYK ICC profile: pass the printer's own with --icc FILE, or "
    "install Ghostscript's (Debian/Ubuntu: apt-get install libgs-common)"
)


@dataclass(frozen=True)
class CmykProfile:
    data: bytes
    name: str  # what the OutputIntent calls the printing condition
    digest: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "digest", hashlib.sha256(self.data).hexdigest())

    @property
    def version(self) -> int:
        """The ICC major version (2 or 4), from the profile's header."""
        return self.data[8]

    @cached_property
    def _profile(self) -> ImageCms.ImageCmsProfile:
        return _AsGiven(self.data)

    @cached_property
    def _pictures(self) -> ImageCms.ImageCmsTransform:
        intent = ImageCms.Intent.PERCEPTUAL
        return ImageCms.ImageCmsTransform(srgb_profile(), self._profile, "RGB", "CMYK", intent)

    @cached_property
    def _colours(self) -> ImageCms.ImageCmsTransform:
        intent = ImageCms.Intent.RELATIVE_COLORIMETRIC
        return ImageCms.ImageCmsTransform(srgb_profile(), self._profile, "RGB", "CMYK", intent)

    def picture(self, image: Image.Image) -> Image.Image:
        """An sRGB picture in the printer's CMYK."""
        converted = ImageCms.applyTransform(image.convert("RGB"), self._pictures)
        assert converted is not None
        return converted

    def colour(
        self, red: float, green: float, blue: float, text: bool = False
    ) -> tuple[float, ...]:
        """An sRGB colour (0-1 each) as CMYK (0-1 each); type in (near-)grey as black alone."""
        spread = max(red, green, blue) - min(red, green, blue)
        if spread == 0 or (text and spread <= NEUTRAL):
            lightness = 0.2126 * red + 0.7152 * green + 0.0722 * blue
            return (0.0, 0.0, 0.0, round(1.0 - lightness, 4))
        pixel = Image.new("RGB", (1, 1), tuple(round(v * 255) for v in (red, green, blue)))
        converted = ImageCms.applyTransform(pixel, self._colours)
        assert converted is not None
        values: tuple[int, ...] = converted.getpixel((0, 0))  # type: ignore[assignment]
        return tuple(round(v / 255, 4) for v in values)


class _AsGiven(ImageCms.ImageCmsProfile):
    """A profile that gives back its own bytes. A transform tags every image it makes with its
    output profile, which Pillow gets by having LittleCMS write the profile out again; for some
    version 4 profiles (Ghostscript's ps_cmyk.icc) LittleCMS cannot ("Could not determine
    profile size"). The bytes the user gave are the profile: they are what is wanted."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._data = data

    def tobytes(self) -> bytes:
        return self._data


def load_cmyk_profile(path: Path | None) -> CmykProfile:
    """The printer's profile when given, else the system default; a located error otherwise."""
    candidates = [path] if path is not None else [p for p in DEFAULT_PROFILES if p.is_file()]
    if not candidates:
        raise KitError([single("--icc", NO_PROFILE)])
    chosen = candidates[0]
    try:
        data = chosen.read_bytes()
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError) as exc:
        raise KitError([single(str(chosen), f"not a usable ICC profile ({exc})")]) from None
    space = profile.profile.xcolor_space.strip()
    if space != "CMYK":
        article = "an" if space[:1] in "AEIOR" else "a"  # an RGB, a Lab... profile
        message = f"is {article} {space} profile; the print profile needs a CMYK one"
        raise KitError([single(str(chosen), message)])
    name = ImageCms.getProfileDescription(profile).strip() or chosen.stem
    cmyk = CmykProfile(data, name)
    try:
        cmyk.picture(Image.new("RGB", (1, 1)))  # LittleCMS can use it both ways, or says now
        cmyk.colour(0.5, 0.25, 0.0)
    except (ImageCms.PyCMSError, OSError, TypeError, ValueError) as exc:
        raise KitError([single(str(chosen), f"not a usable ICC profile ({exc})")]) from None
    return cmyk
