"""Keep the no-break spaces (U+00A0, U+202F) unbreakable in ReportLab's paragraphs, and in
the PDF's text.

French sets a narrow no-break space inside « » and before ; ! ? and a no-break space before
: (`document.typography`). ReportLab splits a paragraph's words at every Unicode space but
the no-break one (U+00A0), so the narrow one became a word space: "«" could end a line, "!"
start the next, and the PDF's text lost the character. Its word splitter is replaced, once,
by one that splits where it did before except at U+202F.

ReportLab also writes U+00A0 as an ordinary space (code 32) in its TrueType subsets, so a
reader of the PDF (a copy and paste, a search, text extraction) found "Titre : …" with a
breakable space. A no-break space before a mark of punctuation (French : and the others) is
given its own code, the space's glyph and its own Unicode: the PDF holds U+00A0 there. Not
being code 32 it takes no justification (word spacing), so ReportLab no longer counts it
among a line's stretchable spaces. A no-break space that only ties two words (a paragraph's
last two) stays the space it reads as."""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfbase import ttfonts as _ttfonts
from reportlab.platypus import paragraph as _paragraph

NBSP = "\u00a0"
UNBREAKABLE = "\u00a0\u202f"
STAND_IN = 0xF8A0  # a private-use code point that carries U+00A0 past ReportLab's mapping
_SEPARATORS = "".join(c for c in _paragraph._wsc if c not in UNBREAKABLE)
_split_at_spaces = re.compile(f"[{re.escape(_SEPARATORS)}]+").split
_reportlab_split = _paragraph.split
_reportlab_split_string = _ttfonts.TTFont.splitString
_BEFORE_PUNCTUATION = re.compile("\u00a0(?=[:;!?\u00bb])")
_TIE = re.compile("\u00a0(?![:;!?\u00bb])")


def split(text: Any, delim: str | None = None) -> list[str]:
    """ReportLab's `split`, with U+202F as unbreakable as U+00A0."""
    if delim is None and isinstance(text, str) and "\u202f" in text:
        return _split_at_spaces(text)
    return _reportlab_split(text, delim)  # type: ignore[no-any-return]


def split_string(font: Any, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
    """`TTFont.splitString`, with U+00A0 before punctuation its own character rather than
    code 32: it goes in as the stand-in (which ReportLab gives a code like any other
    character), and the subset then names that code U+00A0, for its glyph and its ToUnicode
    entry alike."""
    if isinstance(text, bytes):
        text = text.decode(encoding)
    if not isinstance(text, str) or not _BEFORE_PUNCTUATION.search(text):
        return _reportlab_split_string(font, text, doc, encoding)
    face = font.face
    if ord(NBSP) not in face.charToGlyph:
        return _reportlab_split_string(font, text, doc, encoding)
    face.charToGlyph.setdefault(STAND_IN, face.charToGlyph[ord(NBSP)])
    face.charWidths.setdefault(STAND_IN, face.charWidths[ord(NBSP)])
    chunks = _reportlab_split_string(
        font, _BEFORE_PUNCTUATION.sub(chr(STAND_IN), text), doc, encoding
    )
    state = font.state[doc]
    code = state.assignments.get(STAND_IN)
    if code is not None:
        state.subsets[code >> 8][code & 0xFF] = ord(NBSP)
    return chunks


def _stretchable_no_break_spaces(word: Any) -> int:
    """How many no-break spaces of ``word`` justification stretches: the ties, which are
    still code 32, not those before punctuation (ReportLab counted every one)."""
    if isinstance(word, bytes):
        word = word.decode("utf-8")
    return len(_TIE.findall(word))


def install() -> None:
    _paragraph.split = split
    _paragraph._nbspCount = _stretchable_no_break_spaces
    _ttfonts.TTFont.splitString = split_string
