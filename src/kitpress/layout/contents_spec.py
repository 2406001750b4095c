"""The contents page as data: ``contents: true`` (one when the kit has `MIN_PAGES` inside
pages or more) or ``contents: {min_pages: N}``; a short kit is read through without one."""

from __future__ import annotations

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Mapping

MIN_PAGES = 12  # inside pages: a shorter kit has no contents page
CONTENTS_KEYS = {"min_pages": "The fewest inside pages (between the covers) that get one."}


def read_contents(top: Obj, checker: Checker) -> int | None:
    """The fewest inside pages a contents page is set for, or None for no contents page."""
    value = top.get("contents")
    if not isinstance(value, Mapping):
        return MIN_PAGES if top.boolean("contents", False) else None
    obj = checker.obj(value, "contents", CONTENTS_KEYS)
    if obj is None:
        return None
    least = obj.integer("min_pages", 0, 999, str(MIN_PAGES))
    return MIN_PAGES if least is None else least
