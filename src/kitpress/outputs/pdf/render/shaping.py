"""ReportLab's shaping, one font at a time.

ReportLab shapes a word (text between spaces) in the font of its first piece, even when the
word changes font: a Hebrew word ending in a full stop the Hebrew font lacks (Noto Sans
Hebrew has no Latin punctuation; the main font sets it) came out with the stop's glyph taken
from the Hebrew font, which has none. Here such a word is shaped run by run, each run in its
own font, and the runs put back together: what `paragraphs.StyledParagraph` sets. A number
is not shaped: harfbuzz sets Arabic-Indic digits right to left, but numbers read from the
left in Arabic too.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Any

import reportlab.platypus.paragraph as rl_paragraph
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, makeShapedFragWord

_ORIGINAL = rl_paragraph.shapeFragWord
_NUMBER = re.compile(r"^[\d.,:/\-\u066b\u066c]+$")  # digits of any script, separators


def shape_by_font(word: Any, *args: Any, **kwargs: Any) -> Any:
    """``word`` (ReportLab's [width, (frag, text)…]) shaped, each run of one font alone."""
    pieces = word[1:]
    if any(isinstance(text, ShapedStr) for _, text in pieces):
        return word  # shaped already: a piece of a paragraph split across frames
    if _NUMBER.match("".join(str(text) for _, text in pieces)):
        return word  # a number reads from the left, in any script: harfbuzz would turn it
    fonts = {getattr(f, "fontName", None) for f, _ in pieces if not hasattr(f, "cbDefn")}
    if len(fonts) <= 1:
        return _ORIGINAL(word, *args, **kwargs)
    total = 0.0
    shaped: list[Any] = []
    for _, group in groupby(pieces, key=lambda piece: getattr(piece[0], "fontName", None)):
        run = list(group)
        width = sum(
            stringWidth(text, frag.fontName, frag.fontSize)
            for frag, text in run
            if not hasattr(frag, "cbDefn")
        )
        result = _ORIGINAL([width, *run], *args, **kwargs)
        total += float(result[0])
        shaped.extend(result[1:])
    return makeShapedFragWord(word)([total, *shaped])


def use_shaping_by_font() -> None:
    """Have ReportLab's paragraphs shape a word of several fonts run by run."""
    rl_paragraph.shapeFragWord = shape_by_font
