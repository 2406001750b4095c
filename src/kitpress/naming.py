"""ASCII-safe names for files made from user text: 'Penélope' -> 'penelope'.

Transliteration happens in names only, never in metadata or printed text.
"""

from __future__ import annotations

import re
from pathlib import Path

from anyascii import anyascii

_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def slugify(text: str, fallback: str = "kit", max_length: int = 60) -> str:
    """Lower-case ASCII letters, digits and single hyphens; never empty, never a device name."""
    ascii_text = anyascii(text).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:max_length].strip("-")
    if not slug:
        return fallback
    return f"{slug}-film" if slug in _RESERVED else slug


def printable(text: str | Path) -> str:
    """``text`` (a path, or a message naming one) with any bytes of a file name that are not
    UTF-8 written as \\xNN: Python keeps such bytes as surrogates, which no terminal shows."""
    return str(text).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def language_suffix(tag: str) -> str:
    """What a file name made in one of several languages ends with before its extension:
    ``_fr``, ``_pt-BR``; nothing for no language."""
    return f"_{tag}" if tag else ""
