"""Register a layout's TrueType families with ReportLab and check glyph coverage before layout.

ReportLab drops a character its font cannot draw without a word; we check first instead.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kitpress.layout.model import FontFamily, Layout

_IGNORED = {"\n", "\t", "\r", "\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}


def font_name(key: str, bold: bool = False, italic: bool = False) -> str:
    suffix = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic"}
    return f"KP-{key}" + suffix.get((bold, italic), "-BoldItalic")


def register_layout_fonts(layout: Layout) -> None:
    for family in layout.fonts.values():
        _register(family)


def _register(family: FontFamily) -> None:
    faces = {
        (False, False): family.regular,
        (True, False): family.bold,
        (False, True): family.italic,
        (True, True): family.bold_italic,
    }
    for (bold, italic), path in faces.items():
        name = font_name(family.key, bold, italic)
        pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(font_name(family.key), int(bold), int(italic), name)


@cache
def _coverage(path: Path) -> frozenset[int]:
    return frozenset(TTFont(f"probe-{path}", str(path)).face.charToGlyph)


def missing_glyphs(text: str, layout: Layout) -> list[str]:
    """Characters of ``text`` that some family of the layout cannot draw."""
    missing: list[str] = []
    for family in layout.fonts.values():
        for path in (family.regular, family.bold, family.italic, family.bold_italic):
            covered = _coverage(path)
            for char in text:
                if char not in _IGNORED and ord(char) not in covered and char not in missing:
                    missing.append(char)
    return missing
