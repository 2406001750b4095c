"""The colour profile a still's pixels are converted to sRGB from, and what to tell the user
when it is not the still's own.

An RGB still without a profile is sRGB by convention. A CMYK still without one was separated
for some press, nobody knows which: it goes through the system's standard CMYK profile
(SWOP-like: Ghostscript's, macOS's or Windows'), which is far closer than subtracting inks
from white, and the user is told; without that profile it is converted naively, with a louder
warning. A damaged embedded profile (or one for another colour space) is treated as none, and
said so.

Pillow reads Adobe (APP14) CMYK JPEGs, which Photoshop and libjpeg store inverted, as the
true ink values, so no inversion is needed here.
"""

from __future__ import annotations

import io
import sys
from functools import cache
from pathlib import Path

from PIL import Image, ImageCms

from .system_profiles import install_hint, system_cmyk_profile

_SPACES = {"RGB": "RGB", "CMYK": "CMYK"}  # image mode -> the profile colour space it needs
_PROFILE_ERRORS = (ImageCms.PyCMSError, OSError, ValueError, TypeError)


def source_profile(image: Image.Image) -> tuple[ImageCms.ImageCmsProfile | None, str | None]:
    """The profile to convert ``image`` from (None: take it as sRGB, or convert a CMYK image
    without colour management), and a warning when that is not the still's own profile."""
    wanted = _SPACES.get(image.mode)
    if wanted is None:
        return None, None
    icc = image.info.get("icc_profile")
    problem = None
    if icc:
        try:
            embedded = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            space = embedded.profile.xcolor_space.strip()
        except _PROFILE_ERRORS:
            problem = "its embedded ICC profile is damaged"
        else:
            if space == wanted:
                return embedded, None
            problem = f"its embedded ICC profile is for {space}, not {wanted}; it is ignored"
    if wanted == "RGB":
        return None, f"{problem}; the still is taken as sRGB" if problem else None
    start = problem or "a CMYK image without an ICC profile"
    standard = system_cmyk_profile()
    if standard is None:
        return None, (
            f"{start}, and no standard CMYK profile is installed ({install_hint(sys.platform)}): "
            "converted to sRGB without colour management, its colours will be off"
        )
    profile, name = _load(standard)
    return profile, (
        f"{start}: converted to sRGB through the standard CMYK profile ({name}); ask for "
        "the still in sRGB, or with its own profile, if its colours matter"
    )


@cache
def _load(path: Path) -> tuple[ImageCms.ImageCmsProfile, str]:
    profile = ImageCms.ImageCmsProfile(str(path))
    return profile, ImageCms.getProfileDescription(profile).strip() or path.stem
