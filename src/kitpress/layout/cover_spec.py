"""The cover as data: how the art sits on the page, and whether laurels and a quote appear."""

from __future__ import annotations

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Mapping, Value
from .model import CoverSpec

COVER_STYLES = {
    "band": "key art across the top, title and names on the cover paper below",
    "full": "key art over the whole page, title and names on a dark fade at the foot",
    "framed": "key art inside the margins on the cover paper, title below it",
}
COVER_KEYS = {
    "style": "band, full or framed.",
    "art_share": "Share of the page height the art takes in band and framed covers (0.3-0.8).",
    "laurels": "true to draw festival laurels (from festivals) on the cover.",
    "quote": "true to print the first press quote on the cover.",
    "title_mark": "Where the kit's title art is repeated small: back_cover, footer (the folio "
    "line of every page) or none.",
}
TITLE_MARKS = ("back_cover", "footer", "none")


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
    return CoverSpec(
        style=style,
        title_mark=mark,
        art_share=_share(obj, checker, default.art_share),
        laurels=obj.boolean("laurels", default.laurels),
        quote=obj.boolean("quote", default.quote),
    )


def _share(obj: Obj, checker: Checker, default: float) -> float:
    text = obj.text("art_share")
    if text is None:
        return default
    try:
        share = float(text)
    except ValueError:
        share = -1.0
    if not 0.3 <= share <= 0.8:
        message = f"expected a share of the page from 0.3 to 0.8, e.g. 0.52 (got '{text}')"
        checker.error(obj.line_of("art_share"), obj.sub("art_share"), message)
        return default
    return share
