"""Which version of the title art a page sets, and whether it can be read there.

Distributors send a title treatment in dark ink for light grounds and a light one for dark
grounds (`title_art: {file: …, on_dark: …}`). Each page takes the version whose ink stands out
most from its ground: the cover's paper (a band, a frame, or the fade a full-page picture is
laid into) or the page paper on the back cover and in the folio line. Title art that stands
under 3:1 against the cover's ground (the contrast WCAG asks of large type) is a warning.
"""

from __future__ import annotations

from ..errors import Issue
from .art import ArtFile
from .model import PressDocument

MIN_CONTRAST = 3.0


def relative_luminance(colour: str) -> float:
    """WCAG's relative luminance of an sRGB colour #rrggbb, from 0 (black) to 1 (white)."""

    def linear(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    digits = colour.lstrip("#")
    red, green, blue = (linear(int(digits[i : i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    """WCAG's contrast ratio of two colours, from 1:1 to 21:1."""
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def title_art_on(document: PressDocument, ground: str) -> ArtFile | None:
    """The version of the title art set on ``ground`` (#rrggbb): the one whose ink stands out
    most from it; the only one when the kit gives one."""
    kit = document.kit
    versions = [a for art in (kit.title_art, kit.title_art_on_dark) if (a := document.artwork(art))]
    if len(versions) < 2:
        return versions[0] if versions else None
    on_light, on_dark = versions
    if on_light.ink is None or on_dark.ink is None:  # no ink to measure: go by the ground
        return on_dark if relative_luminance(ground) < 0.18 else on_light
    return max(versions, key=lambda art: contrast(art.ink or ground, ground))


def cover_ground(document: PressDocument) -> str:
    return document.layout.colour("cover_paper")


def title_art_contrast(document: PressDocument) -> list[Issue]:
    """A warning when the cover's title art stands under 3:1 from the cover's ground."""
    if "cover" not in document.sections:
        return []
    ground = cover_ground(document)
    art = title_art_on(document, ground)
    if art is None or art.ink is None:
        return []
    ratio = contrast(art.ink, ground)
    if ratio >= MIN_CONTRAST:
        return []
    if document.kit.title_art_on_dark is None and relative_luminance(ground) < 0.18:
        fix = "give a light version for dark grounds: title_art: {file: …, on_dark: light.svg}"
    else:
        fix = "give a version that stands out from it"
    message = (
        f"its ink ({art.ink}) stands {ratio:.1f}:1 against the cover's ground ({ground}), "
        f"under {MIN_CONTRAST:.0f}:1, barely legible; {fix}"
    )
    return [art.issue(message)]
