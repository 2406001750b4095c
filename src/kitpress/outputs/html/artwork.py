"""The kit's artwork and portraits as the page's pictures: title art, logos, the billing
block's image and festival laurels copied as content-hashed assets (SVG as drawn, PNG as
given), and each person's portrait as a web rendition from the one stills pass."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kitpress.document.model import PersonEntry, PressDocument
from kitpress.kit.model import Artwork
from kitpress.stills.renditions import Target

from ..base import Renditions
from .page import Picture
from .site import SiteFiles

PORTRAIT_BOX = (400, 560)  # px: twice the portrait's column on screen, for sharp displays
PORTRAIT_KIND = "web-portrait"


@dataclass(frozen=True)
class Art:
    picture: Picture
    alt: str


@dataclass(frozen=True)
class PersonView:
    entry: PersonEntry
    portrait: Picture | None


def art_picture(
    document: PressDocument, files: SiteFiles, art: Artwork | None, stem: str, alt: str
) -> Art | None:
    """``art`` as an asset of the page, sized by its own proportions (an SVG's drawing units,
    a PNG's pixels), so the browser keeps its room before it loads."""
    found = document.artwork(art)
    if found is None:
        return None
    data = found.art.file.read_bytes()
    href = files.hashed(stem, f".{found.kind}", data)
    width, height = (max(1, round(n)) for n in found.size)
    return Art(Picture(href, width, height, len(data)), alt)


def portrait_targets(document: PressDocument, work: Path) -> dict[str, list[Target]]:
    """The page's own rendition of each portrait (the ZIP carries none)."""
    quality = document.layout.stills.web_quality
    return {
        p.key: [
            Target(
                PORTRAIT_KIND,
                None,
                PORTRAIT_BOX,
                quality,
                work / PORTRAIT_KIND / f"{p.stem}.jpg",
                embed=False,
                own_decode=True,
            )
        ]
        for p in document.portraits
    }


def people_views(
    people: tuple[PersonEntry, ...], files: SiteFiles, renditions: Renditions
) -> list[PersonView]:
    out = []
    for person in people:
        picture = None
        entry = person.portrait
        if entry is not None and PORTRAIT_KIND in renditions.get(entry.key, {}):
            made = renditions[entry.key][PORTRAIT_KIND]
            data = made.path.read_bytes()
            href = files.hashed(entry.stem, ".jpg", data)
            picture = Picture(href, *made.size, len(data))
        out.append(PersonView(person, picture))
    return out
