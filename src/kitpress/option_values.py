"""Values of command-line options that carry a unit: a bleed length and a file size.

A bare number is refused rather than guessed: `--bleed 5` meant 5 mm to the user who typed it
and would have been 5 pt (1.8 mm); `--max-size 10` would have been 10 bytes.
"""

from __future__ import annotations

import re

import click

_BARE_NUMBER = re.compile(r"\s*\d+(?:\.\d+)?\s*")
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?\s*", re.IGNORECASE)
_SIZE_UNITS = {"B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3}


def parse_size(text: str | None) -> int | None:
    """Bytes from '10MB', '500 KB', '3.5MB' or a plain number of bytes."""
    if text is None:
        return None
    match = _SIZE.fullmatch(text)
    if match is None:
        raise click.BadParameter(f"expected a size such as 10MB or 500KB (got '{text}')")
    unit = _SIZE_UNITS[(match.group(2) or "B").upper()]
    return round(float(match.group(1)) * unit)


def size_option(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """--max-size: a size with its unit (10MB, 500KB, 2000000B)."""
    if value is not None and _BARE_NUMBER.fullmatch(value):
        raise click.BadParameter(f"'{value}' has no unit: write it as {value.strip()}MB or 500KB")
    size = parse_size(value)
    if size is not None and size < 1000:
        raise click.BadParameter(f"'{value}' leaves no room for a PDF: give 1KB or more, e.g. 10MB")
    return size


def length_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--bleed: a length with its unit (3mm, 0.125in, 9pt); a bare 0 is no bleed at all."""
    if value is not None and _BARE_NUMBER.fullmatch(value) and float(value) != 0:
        raise click.BadParameter(
            f"'{value}' has no unit: write it as {value.strip()}mm, or 0.125in, or 9pt"
        )
    return value
