"""Plain text that knows which of its spans are set in italics: a caption whose film title a
language sets in italics ("… sur le tournage de *La Dernière Écluse*.").

It is a `str`, and everything that reads it as one gets the plain text: the caption sheets,
the stills' embedded XMP, IPTC and EXIF captions, the web page, comparisons. A renderer that
sets type asks it for its `markup`: the PDF's paragraphs set the spans in italics.
"""

from __future__ import annotations

from html import escape

Span = tuple[int, int]


class StyledText(str):
    """``text`` with ``italic`` spans (start, end), in order and apart."""

    italic: tuple[Span, ...]

    def __new__(cls, text: str, italic: tuple[Span, ...] = ()) -> StyledText:
        made = super().__new__(cls, text)
        made.italic = tuple((start, end) for start, end in italic if 0 <= start < end <= len(text))
        return made

    def __reduce__(self) -> tuple[type[StyledText], tuple[str, tuple[Span, ...]]]:
        return (StyledText, (str(self), self.italic))

    def __repr__(self) -> str:  # what the outputs' cache keys hold: the spans count too
        return f"StyledText({str(self)!r}, {self.italic!r})"

    def markup(self) -> str:
        """The text as paragraph markup (XML-escaped, as ReportLab and HTML read it), each
        italic span inside ``<i>…</i>``."""
        plain = str(self)
        out, at = [], 0
        for start, end in self.italic:
            out += [escape(plain[at:start]), "<i>", escape(plain[start:end]), "</i>"]
            at = end
        out.append(escape(plain[at:]))
        return "".join(out)
