"""Layout `TextStyle`s as ReportLab `ParagraphStyle`s."""

from __future__ import annotations

import pyphen
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from kitpress.layout.model import Layout, TextStyle

from .fonts import font_name

_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "justify": TA_JUSTIFY}
LIST_INDENT = 1.7  # ems per list level: room for a bullet or a two-digit number and a space


# Styles of the long sections that a layout written before them may not have: each is then
# set as the older style it is closest to.
STAND_INS = {
    "subheading": "heading",
    "pull_quote": "lead",
    "question": "name",
    "byline": "role",
    "bio": "body",
    "bio_name": "name",
    "bio_part": "role",
    "filmography_heading": "label",
    "filmography": "value",
    "credit_role": "label",
    "credit_names": "value",
    "side_quote": "pull_quote",
    "cast_actor": "name",
}

# Display styles: a word broken across two lines of large type reads as a mistake, so these
# are never hyphenated, whatever style they inherit from (the lead from the body).
DISPLAY = frozenset(
    {
        "lead",
        "pull_quote",
        "side_quote",
        "hero_quote",
        "heading",
        "subheading",
        "bio_name",
        "cover_title",
    }
)


def paragraph_styles(layout: Layout, language: str = "en") -> dict[str, ParagraphStyle]:
    """The layout's styles for `paragraphs.StyledParagraph`; those that hyphenate break
    words by the rules of ``language`` (a code such as en, en_GB or fr)."""
    styles = {name: _paragraph_style(style, language) for name, style in layout.styles.items()}
    for name, stand_in in STAND_INS.items():
        if name not in styles and stand_in in styles:
            styles[name] = ParagraphStyle(name, parent=styles[stand_in])
    lead, size = styles["lead"], styles["heading"].fontSize
    styles["hero_quote"] = ParagraphStyle(  # the quote that leads the press page: the lead
        "hero_quote",  # at the headings' size, one step up the layout's few sizes
        parent=lead,
        fontSize=size,
        leading=lead.leading * size / lead.fontSize,
    )
    return styles


def list_item_style(style: ParagraphStyle, depth: int) -> ParagraphStyle:
    """``style`` for a list item ``depth`` lists deep: its text indented a step per level,
    its bullet or number hanging in the step before, in the paragraph's own font."""
    step = style.fontSize * LIST_INDENT
    return ParagraphStyle(
        f"{style.name}-list-{depth}",
        parent=style,
        leftIndent=style.leftIndent + step * depth,
        bulletIndent=style.leftIndent + step * (depth - 1),
        bulletFontName=style.fontName,
        bulletFontSize=style.fontSize,
    )


def _paragraph_style(style: TextStyle, language: str) -> ParagraphStyle:
    font = font_name(style.font, style.bold, style.italic)
    hyphenate = style.hyphenate and style.name not in DISPLAY
    return ParagraphStyle(
        name=style.name,
        fontName=font,
        bulletFontName=font,  # ReportLab's default is Helvetica, which is never embedded
        bulletFontSize=style.size,  # and its 10 pt: a filmography's years in the titles' size
        fontSize=style.size,
        leading=style.leading,
        textColor=style.colour,
        spaceBefore=style.space_before,
        spaceAfter=style.space_after,
        alignment=_ALIGN[style.align],
        textTransform="uppercase" if style.upper else None,
        # Points per character, as designers give it; StyledParagraph draws it (PDF Tc).
        charSpace=style.tracking,
        measure=style.measure,
        language=language,  # for StyledParagraph: how its quotes are set
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,
        # ReportLab hyphenates through pyphen's dictionaries: a word at the line's end is
        # broken where the language allows, and an existing hyphen is a break too.
        hyphenationLang=hyphenation_language(language) if hyphenate else None,
        embeddedHyphenation=1 if hyphenate else 0,
        hyphenationMinWordLength=HYPHENATE_FROM,
        uriWasteReduce=0.3 if hyphenate else 0,  # a long web address breaks too
    )


HYPHENATE_FROM = 6  # letters: shorter words are never broken


def hyphenation_language(language: str) -> str:
    """pyphen's dictionary for ``language`` (``en`` is its British English); a language pyphen
    has no dictionary for is not hyphenated."""
    return pyphen.language_fallback(language) or ""
