"""Layout `TextStyle`s as ReportLab `ParagraphStyle`s."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ..layout.model import Layout, TextStyle
from .fonts import font_name

_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "justify": TA_JUSTIFY}


def paragraph_styles(layout: Layout) -> dict[str, ParagraphStyle]:
    return {name: _paragraph_style(style) for name, style in layout.styles.items()}


def _paragraph_style(style: TextStyle) -> ParagraphStyle:
    return ParagraphStyle(
        name=style.name,
        fontName=font_name(style.font, style.bold, style.italic),
        fontSize=style.size,
        leading=style.leading,
        textColor=style.colour,
        spaceBefore=style.space_before,
        spaceAfter=style.space_after,
        alignment=_ALIGN[style.align],
        textTransform="uppercase" if style.upper else None,
        # ReportLab's tracking is in points per character, as designers give it.
        charSpace=style.tracking,
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,
        hyphenationLang=None,
        embeddedHyphenation=0,
    )
