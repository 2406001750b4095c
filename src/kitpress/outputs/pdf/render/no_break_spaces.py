"""Keep the narrow no-break space (U+202F) unbreakable in ReportLab's paragraphs.

French sets a narrow no-break space inside « » and before ; ! ? (`document.typography`).
ReportLab splits a paragraph's words at every Unicode space but the no-break one (U+00A0),
so the narrow one became a word space: "«" could end a line, "!" start the next, and the
PDF's text lost the character. Its word splitter is replaced, once, by one that splits
where it did before except at U+202F; nothing else of ReportLab changes."""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import paragraph as _paragraph

UNBREAKABLE = "\u00a0\u202f"
_SEPARATORS = "".join(c for c in _paragraph._wsc if c not in UNBREAKABLE)
_split_at_spaces = re.compile(f"[{re.escape(_SEPARATORS)}]+").split
_reportlab_split = _paragraph.split


def split(text: Any, delim: str | None = None) -> list[str]:
    """ReportLab's `split`, with U+202F as unbreakable as U+00A0."""
    if delim is None and isinstance(text, str) and "\u202f" in text:
        return _split_at_spaces(text)
    return _reportlab_split(text, delim)  # type: ignore[no-any-return]


def install() -> None:
    _paragraph.split = split
