"""Register a layout's TrueType families and fallback fonts with ReportLab, and check glyph
coverage before layout.

ReportLab drops a character its font cannot draw without a word; we check first instead. A
character no family draws but a fallback font (`fonts.fallback`) does is covered: the
paragraphs set it in that font (`scripts.with_fallback_runs`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kitpress.layout.model import FallbackFont, FontFamily, Layout

_IGNORED = {"\n", "\t", "\r", "\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}


def font_name(key: str, bold: bool = False, italic: bool = False) -> str:
    suffix = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic"}
    return f"KP-{key}" + suffix.get((bold, italic), "-BoldItalic")


def fallback_font_name(fallback: FallbackFont, bold: bool = False) -> str:
    """The ReportLab name of a fallback's face; one file for both faces is one font, so its
    shaped glyphs have one set of codes (shaped_glyphs.py reads them back)."""
    own_bold = bold and fallback.bold != fallback.regular
    return f"KP-fallback-{fallback.script}" + ("-Bold" if own_bold else "")


def register_layout_fonts(layout: Layout) -> None:
    for family in layout.fonts.values():
        _register(family)
    for fallback in layout.fallback_fonts:
        _register_fallback(fallback)
    _FALLBACKS[:] = layout.fallback_fonts


# The fallback fonts of the layout registered last, in its order: like ReportLab's own font
# registry, what the paragraphs of the PDF being built are set with.
_FALLBACKS: list[FallbackFont] = []


def registered_fallbacks() -> tuple[FallbackFont, ...]:
    return tuple(_FALLBACKS)


def _register_fallback(fallback: FallbackFont) -> None:
    """Both faces, mapped for every style (a script without italics is set upright)."""
    for bold, path in ((False, fallback.regular), (True, fallback.bold)):
        if not bold or fallback.bold != fallback.regular:
            pdfmetrics.registerFont(TTFont(fallback_font_name(fallback, bold), str(path)))
    family = fallback_font_name(fallback)
    for bold, italic in ((True, True), (False, True), (True, False), (False, False)):
        addMapping(family, int(bold), int(italic), fallback_font_name(fallback, bold))


def covers(path: Path, char: str) -> bool:
    return ord(char) in _coverage(path)


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
    """Characters of ``text`` that some family of the layout cannot draw, and that no
    fallback font draws in both its faces."""
    fallbacks = [(f.regular, f.bold) for f in layout.fallback_fonts]
    drawn = {c for c in text if any(covers(r, c) and covers(b, c) for r, b in fallbacks)}
    missing: list[str] = []
    for family in layout.fonts.values():
        for path in (family.regular, family.bold, family.italic, family.bold_italic):
            covered = _coverage(path)
            for char in text:
                if char in _IGNORED or char in drawn or char in missing:
                    continue
                if ord(char) not in covered:
                    missing.append(char)
    return missing
