"""Lengths as designers write them: '18mm', '0.5in', '10pt', '2cm', or a bare number of points."""

from __future__ import annotations

import re

_UNITS = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in)?\s*$")

PAGE_SIZES = {
    "A3": ("297mm", "420mm"),
    "A4": ("210mm", "297mm"),
    "A5": ("148mm", "210mm"),
    "LETTER": ("8.5in", "11in"),
    "LEGAL": ("8.5in", "14in"),
    "TABLOID": ("11in", "17in"),
}


def parse_length(text: str) -> float | None:
    """Points, or None when ``text`` is not a length."""
    match = _LENGTH.match(text)
    if match is None:
        return None
    return float(match.group(1)) * _UNITS[match.group(2) or "pt"]
