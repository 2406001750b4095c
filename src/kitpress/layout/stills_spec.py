"""Still settings: read from a layout's `stills:` and, for the ZIP renditions, from a kit's
`renditions:` (a film can ask for larger print files without a layout of its own)."""

from __future__ import annotations

from dataclasses import replace

from ..reading.checker import Obj
from .model import StillSettings
from .values import colour_ref

# key: (lowest, highest, example, what it means)
INTEGERS: dict[str, tuple[int, int, str, str]] = {
    "per_page": (1, 6, "2", "Stills a page: 1-3 landscape when stacked; 2, 4 or 6 in a grid."),
    "inline": (0, 2, "2", "Stills set among the long prose (long synopsis, production notes)."),
    "pdf_ppi": (72, 600, "200", "Pixels per inch of the images placed in the PDF."),
    "pdf_quality": (30, 100, "85", "JPEG quality of the PDF's images."),
    "print_long_edge": (256, 20000, "3508", "Long edge in pixels of the print files."),
    "print_quality": (30, 100, "92", "JPEG quality of the print files."),
    "print_ppi": (72, 1200, "300", "Pixels per inch the print files state (their print size)."),
    "web_long_edge": (128, 10000, "2048", "Long edge in pixels of the web files."),
    "web_quality": (30, 100, "85", "JPEG quality of the web files."),
    "web_ppi": (72, 1200, "72", "Pixels per inch the web files state."),
    "thumb_long_edge": (64, 2000, "480", "Long edge in pixels of the thumbnails."),
    "thumb_quality": (30, 100, "80", "JPEG quality of the thumbnails."),
    "thumb_ppi": (72, 1200, "72", "Pixels per inch the thumbnails state."),
}
RENDITION_KEYS = tuple(k for k in INTEGERS if k.startswith(("print_", "web_", "thumb_")))

ARRANGEMENTS = ("stacked", "grid")
PER_PAGE = {"stacked": (1, 2, 3), "grid": (2, 4, 6)}

LAYOUT_KEYS = {
    "arrangement": "stacked (one across the measure, then two a row) or grid (2 columns).",
    **{key: spec[3] for key, spec in INTEGERS.items()},
    "background": "Colour transparent pixels are flattened onto.",
    "opener": "Stacked stills open with the first across the measure (true) or a row (false).",
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
    arrangement = obj.text("arrangement") or base.arrangement
    if arrangement not in ARRANGEMENTS:
        message = f"unknown arrangement '{arrangement}' (known: {', '.join(ARRANGEMENTS)})"
        obj.checker.error(obj.line_of("arrangement"), obj.sub("arrangement"), message)
        arrangement = base.arrangement
    per_page = values.get("per_page", base.per_page)
    if arrangement == "grid" and "per_page" not in values:
        values["per_page"] = per_page = 4
    if per_page not in PER_PAGE[arrangement]:
        allowed = ", ".join(map(str, PER_PAGE[arrangement]))
        message = f"{arrangement} takes {allowed} stills a page (got {per_page})"
        obj.checker.error(obj.line_of("per_page"), obj.sub("per_page"), message)
        values.pop("per_page", None)
    opener = obj.boolean("opener", base.opener)
    return replace(base, arrangement=arrangement, background=background, opener=opener, **values)
