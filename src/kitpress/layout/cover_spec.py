"""The cover as data: how the art sits on the page, and whether laurels and a quote appear."""

from __future__ import annotations

from collections.abc import Collection

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
    "bottom (on the foot), top (from the top margin, the foot's lines staying at the foot) or "
    "auto (whichever of the two crosses less of the picture's figures and outlines; the foot "
    "when it is as quiet).",
    "title": "display (the typeset title grows until its longest line fills the measure, "
    "the cover_title style's size its smallest) or set (at the style's size).",
    "laurels": "true to draw festival laurels (from festivals) on the cover.",
    "quote": "true to print the first press quote on the cover.",
    "back_still": "true to open the back cover with a still across the frame: the last "
    "landscape scene (none from the set), when the stills pages keep four without it.",
    "align": "The one axis of the cover's title (or title art), lines and laurels: left (the "
    "frame's left margin) or center (the page's centre).",
    "title_mark": "Where the kit's title art is repeated small: back_cover, footer (the folio "
    "line of every page) or none.",
}
TITLE_MARKS = ("back_cover", "footer", "none")
TITLE_SETTINGS = ("display", "set")
TEXT_ZONES = ("bottom", "top", "auto")
ALIGNS = ("left", "center")


def read_cover(top: Obj, checker: Checker) -> CoverSpec:
    value: Value = top.get("cover") or Mapping({}, {}, top.line)
    obj = checker.obj(value, "cover", COVER_KEYS)
    default = CoverSpec()
    if obj is None:
        return default
    style = _choice(obj, "style", COVER_STYLES, default.style, "cover style")
    mark = _choice(obj, "title_mark", TITLE_MARKS, default.title_mark, "title_mark")
    title = _choice(obj, "title", TITLE_SETTINGS, default.title, "title setting")
    zone = _choice(obj, "text_zone", TEXT_ZONES, default.text_zone, "text_zone")
    align = _choice(obj, "align", ALIGNS, default.align, "align")
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
        back_still=obj.boolean("back_still", default.back_still),
    )


def _choice(obj: Obj, key: str, known: Collection[str], default: str, what: str) -> str:
    """``key``, one of ``known``; a located error (and the default) for anything else."""
    value = obj.text(key) or default
    if value not in known:
        message = f"unknown {what} '{value}' (known: {', '.join(known)})"
        obj.checker.error(obj.line_of(key), obj.sub(key), message)
        return default
    return value


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
