"""Reading lengths and colours out of a layout mapping."""

from __future__ import annotations

import re

from ..reading.checker import Obj
from .units import parse_length

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def length(obj: Obj, key: str, default: float, *, signed: bool = False) -> float:
    """Points from ``key``'s length; ``signed``: it may be negative (tracking set tight)."""
    text = obj.text(key)
    if text is None:
        return default
    negative = signed and text.startswith("-")
    value = parse_length(text[1:] if negative else text)
    if value is None or value < 0:
        example = "-0.5pt or 1.5pt" if signed else "18mm, 0.5in or 10pt"
        message = f"expected a length such as {example} (got '{text}')"
        obj.checker.error(obj.line_of(key), obj.sub(key), message)
        return default
    return -value if negative else value


def colour_ref(obj: Obj, key: str, colours: dict[str, str], default: str) -> str:
    text = obj.text(key)
    if text is None:
        return default
    if text in colours:
        return colours[text]
    if HEX.match(text):
        return text.lower()
    message = f"unknown colour '{text}' (a name from colours, or '#rrggbb')"
    obj.checker.error(obj.line_of(key), obj.sub(key), message)
    return default
