"""CMYK for the print profile: a printer's ICC profile, and what it does to pictures and colours.

Pictures go through the profile with perceptual intent (what photos want); flat colours with
relative colorimetric, except for type and rules and large blacks. Every character of type,
and every rule, is black ink alone: small type in three or four inks is what print shops call
a registration problem (it fringes). A grey or near-grey (a warm off-black, a greige: CIELAB
chroma up to `NEUTRAL_CHROMA`) is a tint of black as light as the colour; type darker than
the profile's solid black is solid black; coloured type (an accent red) darker than a
mid-grey is solid black too, a lighter one a tint as light as it. A black area (near-black,
at least as dark as solid black ink) is solid black when small (a star, a bullet) and the
controlled rich black `RICH_BLACK` when large (a cover band), cut to the ink limit: solid
black alone prints a dull grey over a large area, a converted near-black lays down close to
300 %. Other flat colours go through the profile, within the ink limit.

The default profile is the system's standard CMYK profile (`system_profiles`: Ghostscript's
on Debian, the Generic CMYK Profile on macOS, RSWOP on Windows). It is not shipped with
kitpress (its licence does not allow it); a printer's own profile always wins (`--icc FILE`).
"""

from __future__ import annotations

import hashlib
import io
import math
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms, ImageMath

from ..errors import KitError, single
from .decode import srgb_profile
from .system_profiles import install_hint, system_cmyk_profile

NEUTRAL_CHROMA = 12.0  # CIELAB chroma up to which type reads as black or grey, not a colour
DARK_TYPE = 60.0  # CIELAB lightness under which coloured type is set in solid black
RICH_BLACK = (0.60, 0.40, 0.40, 1.0)  # a large black area: 240 %, under any usual ink limit
_SRGB_TO_XYZ = (
    (0.4124, 0.3576, 0.1805),
    (0.2126, 0.7152, 0.0722),
    (0.0193, 0.1192, 0.9505),
)
_D65 = (0.95047, 1.0, 1.08883)
_LAB = ImageCms.createProfile("LAB")
NO_PROFILE = "the print profile needs a CMYK ICC profile: pass the printer's own with --icc FILE"


@dataclass(frozen=True)
class CmykProfile:
    data: bytes
    name: str  # what the OutputIntent calls the printing condition
    source: Path | None = field(default=None, compare=False)  # the file it was read from
    ink_limit: float = 3.0  # total of the four inks (1 each) a flat colour may lay down
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

    def artwork(self, image: Image.Image) -> Image.Image:
        """An sRGB piece of artwork (a PNG logo, a laurel) in the printer's CMYK, every pixel
        within the ink limit as the flat colours are (`picture_within_ink_limit`): the profile
        itself lets a dark colour lay down as much as its own total, 300 % or so."""
        return picture_within_ink_limit(self.picture(image), self.ink_limit)

    @cached_property
    def _black_ramp(self) -> list[float]:
        """CIELAB lightness of black ink alone at 0/255, 1/255 ... 255/255 on this press."""
        ramp = Image.new("CMYK", (256, 1))
        ramp.putdata([(0, 0, 0, k) for k in range(256)])
        intent = ImageCms.Intent.RELATIVE_COLORIMETRIC
        to_lab = ImageCms.buildTransform(self._profile, _LAB, "CMYK", "LAB", intent)
        lab = ImageCms.applyTransform(ramp, to_lab)
        assert lab is not None
        return [lab.getpixel((k, 0))[0] * 100 / 255 for k in range(256)]  # type: ignore[index]

    def black_for(self, lightness: float) -> float:
        """The black ink (0-1) that prints as light as CIELAB ``lightness``; 1 when even
        solid black is lighter."""
        ramp = self._black_ramp
        if lightness >= ramp[0]:
            return 0.0
        for k in range(255):
            lighter, darker = ramp[k], ramp[k + 1]
            if darker <= lightness:
                step = (lighter - lightness) / (lighter - darker) if lighter > darker else 0.0
                return round((k + step) / 255, 4)
        return 1.0

    def colour(
        self, red: float, green: float, blue: float, text: bool = False
    ) -> tuple[float, ...]:
        """An sRGB colour (0-1 each) as CMYK (0-1 each); an exact grey, and type or a rule
        in any colour, as black ink alone."""
        lightness, chroma = lightness_and_chroma(red, green, blue)
        if text and chroma > NEUTRAL_CHROMA and lightness < DARK_TYPE:
            return (0.0, 0.0, 0.0, 1.0)  # an accent red question: a solid black one
        if max(red, green, blue) == min(red, green, blue) or text:
            return (0.0, 0.0, 0.0, self.black_for(lightness))
        pixel = Image.new("RGB", (1, 1), tuple(round(v * 255) for v in (red, green, blue)))
        converted = ImageCms.applyTransform(pixel, self._colours)
        assert converted is not None
        values: tuple[int, ...] = converted.getpixel((0, 0))  # type: ignore[assignment]
        return within_ink_limit(tuple(v / 255 for v in values), self.ink_limit)

    def fill(self, red: float, green: float, blue: float, large: bool = False) -> tuple[float, ...]:
        """A filled shape's colour: a black (near-neutral, at least as dark as solid black
        ink) is the rich black when ``large``, solid black when not; others as `colour`."""
        lightness, chroma = lightness_and_chroma(red, green, blue)
        if chroma <= NEUTRAL_CHROMA and self.black_for(lightness) >= 1.0:
            return self.rich_black if large else (0.0, 0.0, 0.0, 1.0)
        return self.colour(red, green, blue)

    def paper_pixel(self, colour: str) -> tuple[int, ...]:
        """A page's paper (#rrggbb, a large area) as a CMYK pixel (0-255 each): what a print
        picture's fade melts into, so it meets the flat paper drawn beside it without an edge
        (a converted near-black picture foot against the rich black band)."""
        red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return tuple(round(v * 255) for v in self.fill(red, green, blue, large=True))

    @property
    def rich_black(self) -> tuple[float, ...]:
        """`RICH_BLACK` within this profile's ink limit."""
        return within_ink_limit(RICH_BLACK, self.ink_limit)


def within_ink_limit(inks: tuple[float, ...], limit: float) -> tuple[float, ...]:
    """CMYK (0-1 each) whose total stays within ``limit``: the black kept, cyan, magenta and
    yellow cut in proportion (a 75/68/67/90 black, 300 %, under a 260 % limit: its three
    colour inks cut by a fifth), so a dark area dries on the press instead of setting off."""
    cyan, magenta, yellow, black = inks
    colour = cyan + magenta + yellow
    if colour + black <= limit or colour == 0:
        return tuple(round(v, 4) for v in inks)
    scale = max(0.0, limit - black) / colour
    cut = [math.floor(v * scale * 10000) / 10000 for v in (cyan, magenta, yellow)]
    return (*cut, round(black, 4))


def picture_within_ink_limit(image: Image.Image, limit: float) -> Image.Image:
    """A CMYK picture whose every pixel keeps within ``limit`` (the four inks' total, 1
    each), as `within_ink_limit` does a colour: where a pixel lays down more, its black is
    kept and its cyan, magenta and yellow are cut in proportion (rounded down)."""
    most = math.floor(limit * 255)
    cyan, magenta, yellow, black = image.split()
    inks = {"c": cyan, "m": magenta, "y": yellow, "k": black}

    def scale(a: dict[str, Any]) -> Any:
        colour = a["float"](a["c"]) + a["m"] + a["y"]
        room = a["float"](a["k"]) * -1 + most
        over = (colour + a["k"]) > most
        cut = room / (colour + (colour == 0)) * (room > 0)
        return over * cut + (over == 0) * 1.0

    factor = ImageMath.lambda_eval(scale, **inks)

    def channel(name: str) -> Image.Image:
        result = ImageMath.lambda_eval(
            lambda a: a["convert"](a["float"](a[name]) * a["f"], "L"), f=factor, **inks
        )
        assert isinstance(result, Image.Image)
        return result

    return Image.merge("CMYK", [channel("c"), channel("m"), channel("y"), black])


def lightness_and_chroma(red: float, green: float, blue: float) -> tuple[float, float]:
    """CIELAB L* and chroma C*ab (D65) of an sRGB colour given 0-1 per channel."""
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
    ]
    x, y, z = (sum(w * c for w, c in zip(row, linear, strict=True)) for row in _SRGB_TO_XYZ)
    fx, fy, fz = (_lab_f(v / white) for v, white in zip((x, y, z), _D65, strict=True))
    return 116 * fy - 16, math.hypot(500 * (fx - fy), 200 * (fy - fz))


def _lab_f(t: float) -> float:
    return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29


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
    chosen = path if path is not None else system_cmyk_profile()
    if chosen is None:
        raise KitError([single("--icc", no_profile_message(sys.platform))])
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
    cmyk = CmykProfile(data, name, chosen)
    try:
        cmyk.picture(Image.new("RGB", (1, 1)))  # LittleCMS can use it both ways, or says now
        cmyk.colour(0.5, 0.25, 0.0)
    except (ImageCms.PyCMSError, OSError, TypeError, ValueError) as exc:
        raise KitError([single(str(chosen), f"not a usable ICC profile ({exc})")]) from None
    return cmyk


def no_profile_message(platform: str) -> str:
    """Why the print PDF cannot be made here, and what to do about it."""
    if platform in ("darwin", "win32"):
        return f"{NO_PROFILE} (no standard CMYK profile found: {install_hint(platform)})"
    return f"{NO_PROFILE}, or install Ghostscript's ({install_hint(platform)})"


def used_profile_note(cmyk: CmykProfile, given: bool) -> str:
    """Which profile a print file's colours went through, in a few words."""
    where = f"{cmyk.source} ({cmyk.name})" if cmyk.source is not None else cmyk.name
    return f"in CMYK through {where}" + ("" if given else ", this system's standard profile")
