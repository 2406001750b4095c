"""The cover as data: how the art sits on the page, and whether laurels and a quote appear."""

from __future__ import annotations

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Mapping, Value
from .model import CoverSpec

COVER_STYLES = {
    "band": "key art across the top, title and names on the cover paper below",
    "full": "key art over the whole page, title and names on a dark fade at the foot",
    "framed": "key art inside the margins on the cover paper, title below it",
    "poster": "the key art whole, uncropped, across the top of the page, title and names over "
    "a scrim at its foot",
}
COVER_KEYS = {
    "style": "band, full, framed or poster.",
    "art_share": "Share of the page height the art takes in band and framed covers (0.3-0.8).",
    "scrim": "How far a full or poster cover's picture fades into the cover paper under the "
    "text, from 0 (not at all) to 1 (solid).",
    "text_zone": "Where a full or poster cover sets the title and names over the picture: "
    "bottom (on the foot) or top (from the top margin, the foot's lines staying at the foot).",
    "title": "display (the typeset title grows until its longest line fills the measure, "
    "the cover_title style's size its smallest) or set (at the style's size).",
    "laurels": "true to draw festival laurels (from festivals) on the cover.",
    "quote": "true to print the first press quote on the cover.",
    "align": "The one axis of the cover's title (or title art), lines and laurels: left (the "
    "frame's left margin) or center (the page's centre).",
    "title_mark": "Where the kit's title art is repeated small: back_cover, footer (the folio "
    "line of every page) or none.",
}
TITLE_MARKS = ("back_cover", "footer", "none")
TITLE_SETTINGS = ("display", "set")
TEXT_ZONES = ("bottom", "top")
ALIGNS = ("left", "center")


def read_cover(top: Obj, checker: Checker) -> CoverSpec:
    value: Value = top.get("cover") or Mapping({}, {}, top.line)
    obj = checker.obj(value, "cover", COVER_KEYS)
    default = CoverSpec()
    if obj is None:
        return default
    style = obj.text("style") or default.style
    if style not in COVER_STYLES:
        message = f"unknown cover style '{style}' (known: {', '.join(COVER_STYLES)})"
        checker.error(obj.line_of("style"), obj.sub("style"), message)
        style = default.style
    mark = obj.text("title_mark") or default.title_mark
    if mark not in TITLE_MARKS:
        message = f"unknown title_mark '{mark}' (known: {', '.join(TITLE_MARKS)})"
        checker.error(obj.line_of("title_mark"), obj.sub("title_mark"), message)
        mark = default.title_mark
    title = obj.text("title") or default.title
    if title not in TITLE_SETTINGS:
        message = f"unknown title setting '{title}' (known: {', '.join(TITLE_SETTINGS)})"
        checker.error(obj.line_of("title"), obj.sub("title"), message)
        title = default.title
    zone = obj.text("text_zone") or default.text_zone
    if zone not in TEXT_ZONES:
        message = f"unknown text_zone '{zone}' (known: {', '.join(TEXT_ZONES)})"
        checker.error(obj.line_of("text_zone"), obj.sub("text_zone"), message)
        zone = default.text_zone
    align = obj.text("align") or default.align
    if align not in ALIGNS:
        message = f"unknown align '{align}' (known: {', '.join(ALIGNS)})"
        checker.error(obj.line_of("align"), obj.sub("align"), message)
        align = default.align
    return CoverSpec(
        style=style,
        align=align,
        title=title,
        text_zone=zone,
        title_mark=mark,
        art_share=_share(obj, checker, default.art_share),
        scrim=_scrim(obj, checker, default.scrim),
        laurels=obj.boolean("laurels", default.laurels),
        quote=obj.boolean("quote", default.quote),
    )


def _share(obj: Obj, checker: Checker, default: float) -> float:
    return _fraction(obj, checker, "art_share", default, (0.3, 0.8), "a share of the page", 0.52)


def _scrim(obj: Obj, checker: Checker, default: float) -> float:
    return _fraction(obj, checker, "scrim", default, (0.0, 1.0), "a strength", 0.9)


def _fraction(
    obj: Obj,
    checker: Checker,
    key: str,
    default: float,
    bounds: tuple[float, float],
    what: str,
    example: float,
) -> float:
    """``key`` as a number within ``bounds``; a located error (and the default) otherwise."""
    text = obj.text(key)
    if text is None:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    low, high = bounds
    if not low <= value <= high:
        message = f"expected {what} from {low:g} to {high:g}, e.g. {example:g} (got '{text}')"
        checker.error(obj.line_of(key), obj.sub(key), message)
        return default
    return value
