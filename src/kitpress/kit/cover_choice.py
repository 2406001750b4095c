"""kit.yaml's ``cover:``: which still the cover shows instead of the key art (or the first
landscape still), and its focus point, the part of the picture a crop to the cover's shape
keeps (the faces, not the wall between them)."""

from __future__ import annotations

from ..reading.checker import Checker, Obj
from . import fields
from .model import CoverChoice

FOCUS_EXAMPLE = "[0.5, 0.3]"


def read_cover_choice(top: Obj, stills: int, checker: Checker) -> CoverChoice | None:
    value = top.get("cover")
    if value is None:
        return None
    obj = checker.obj(value, "cover", fields.COVER)
    if obj is None:
        return None
    still = obj.integer("still", 1, max(1, stills), "1") if stills else None
    if stills == 0 and obj.get("still") is not None:
        checker.error(obj.line_of("still"), obj.sub("still"), "the kit has no stills to show")
    return CoverChoice(still, _focus(obj, checker), obj.line)


def _focus(obj: Obj, checker: Checker) -> tuple[float, float] | None:
    if obj.get("focus") is None:
        return None
    texts = obj.texts("focus")
    message = (
        "expected two shares of the picture, across and down, from 0 to 1, "
        f"e.g. {FOCUS_EXAMPLE} (got '{', '.join(texts)}')"
    )
    try:
        across, down = (float(t) for t in texts)
    except ValueError:
        across = down = -1.0
    if not (0 <= across <= 1 and 0 <= down <= 1):
        checker.error(obj.line_of("focus"), obj.sub("focus"), message)
        return None
    return across, down
