"""Still settings: read from a layout's `stills:` and, for the ZIP renditions, from a kit's
`renditions:` (a film can ask for larger print files without a layout of its own)."""

from __future__ import annotations

from dataclasses import replace

from ..checker import Obj
from .model import StillSettings
from .values import colour_ref

# key: (lowest, highest, example, what it means)
INTEGERS: dict[str, tuple[int, int, str, str]] = {
    "per_page": (1, 2, "2", "1 or 2 landscape stills a page; portrait stills take a page."),
    "pdf_ppi": (72, 600, "200", "Pixels per inch of the images placed in the PDF."),
    "pdf_quality": (30, 100, "85", "JPEG quality of the PDF's images."),
    "print_long_edge": (256, 20000, "3508", "Long edge in pixels of the print files."),
    "print_quality": (30, 100, "92", "JPEG quality of the print files."),
    "web_long_edge": (128, 10000, "2048", "Long edge in pixels of the web files."),
    "web_quality": (30, 100, "85", "JPEG quality of the web files."),
    "thumb_long_edge": (64, 2000, "480", "Long edge in pixels of the thumbnails."),
    "thumb_quality": (30, 100, "80", "JPEG quality of the thumbnails."),
}
RENDITION_KEYS = tuple(k for k in INTEGERS if k.startswith(("print_", "web_", "thumb_")))

LAYOUT_KEYS = {
    **{key: spec[3] for key, spec in INTEGERS.items()},
    "background": "Colour transparent pixels are flattened onto.",
}
KIT_KEYS = {key: INTEGERS[key][3] for key in RENDITION_KEYS}


def read_integers(obj: Obj, keys: tuple[str, ...]) -> dict[str, int]:
    """The integer settings ``obj`` gives, each checked against its range."""
    found: dict[str, int] = {}
    for key in keys:
        low, high, example, _ = INTEGERS[key]
        value = obj.integer(key, low, high, example)
        if value is not None:
            found[key] = value
    return found


def read_still_settings(obj: Obj, colours: dict[str, str]) -> StillSettings:
    base = StillSettings()
    values = read_integers(obj, tuple(INTEGERS))
    background = colour_ref(obj, "background", colours, base.background)
    return replace(base, background=background, **values)
