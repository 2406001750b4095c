"""ReportLab paragraphs that set what a layout's style asks and ReportLab's own `Paragraph`
leaves out: letter-spacing (the style's ``charSpace``, written as the PDF's ``Tc``), a
longest measure, word spaces that a justified line never stretches past a limit, and a last
line that never holds one word alone.

ReportLab keeps ``charSpace`` in a `ParagraphStyle` but neither draws nor measures it, so
tracked capitals came out solid. Here the lines are broken with each glyph's extra advance
counted, and the text is drawn with that character spacing.
"""

from __future__ import annotations

import html
import re
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from kitpress.document.typography import curly_quotes

from . import no_break_spaces
from .scripts import script_style, visual_pieces, with_fallback_runs
from .shaping import use_shaping_by_font

use_shaping_by_font()

# A justified line's word spaces stretch to at most this many times the font's own space;
# a line that would need more is set ragged (short of the edge) rather than gappy.
MAX_SPACE_STRETCH = 1.55
TIE_LONGEST = 24  # characters: two last words longer than this together are not tied
TIE_FILL = 0.6  # of the measure: the line above a tied last line runs at least this far
EARLIER = (0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6)  # of the line before it, to give words
TIE_FROM = 4  # words: a shorter line (a name, a label) never wraps, and keeps plain spaces
TRACKING_PASSES = 6  # line breakings at most, for a tracked paragraph's lines to fit
# Ragged right, a word is broken only where the rag would be poor without: a line (but the
# last) running less than this far across its measure. Broken wherever a word overhangs,
# three lines in a row could end in hyphens.
RAG_FILL = 0.8
_TAG = re.compile(r"(<[^>]*>)")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_SPACES = re.compile(r"[ \t\n]+")
# A number and its unit are one word to the reader: "35 mm", "104 min", "19 h", "24 fps".
_NUMBER_UNIT = re.compile(r"(?<=\d) (?=(?:mm|cm|min|h|fps|kHz|Hz|dB|ppi|K)(?![\w-]))")
no_break_spaces.install()


def paragraph(
    markup: str, style: ParagraphStyle, bullet: str | None = None, tie_from: int = 0
) -> Paragraph:
    """``markup`` set in ``style``: its quotes typographic, by the style's ``language``, and
    its last two words tied, so no paragraph ends with one word alone on its last line (a
    runt), in prose, captions, headings or lists. Text the style's font cannot draw is set
    in the layout's fallback font for it, wrapped and ordered as its script needs.
    ``tie_from``: the fewest words a text is tied in (`TIE_FROM` unless given); a label or
    a side heading, which may wrap in its narrow column, is tied from two."""
    language = getattr(style, "language", "en")
    styled = script_style(markup, style)
    text = tie_units(quoted(markup, language))
    tied = False
    if styled.wordWrap != "RTL":  # a tie would make two words one run, shaped as one
        untied, text = text, tie_last_words(text, tie_from or TIE_FROM)
        tied = text != untied
    made = StyledParagraph(with_fallback_runs(text, style.fontName), styled, bulletText=bullet)
    made.tied = tied
    return made


# Words that lead into the next: a heading's line never ends on one ("Shooting a / real
# winter" is set "Shooting / a real winter").
LEADING_WORDS = (
    "a|an|the|of|for|in|on|at|to|and|&amp;|by|with|from|"
    "de|du|des|la|le|les|un|une|et|pour|en|au|aux|sur|dans|par"
)
_LEADING = re.compile(rf"(?<![\w’'&;-])((?:{LEADING_WORDS})) (?=\S)", re.I)
BALANCE_STEP = 2.0  # points the measure narrows by, looking for balanced lines


def balanced(markup: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A short text that may wrap in a narrow column, a side heading: in as few lines as at
    ``width``, as even as its words allow ("The keeper's / cottage", not "The / keeper's
    cottage"), no line ending on a word that leads into the next; untied, as its last line
    is as long as the others."""
    parts = _TAG.split(markup)
    parts[::2] = [_LEADING.sub("\\1\xa0", text) for text in parts[::2]]
    bound = "".join(parts)
    lines = _line_count(bound, style, width)
    measure = width
    narrowest = max(width / 2, _widest_word(bound, style))  # no word broken to balance
    while lines > 1 and measure - BALANCE_STEP >= narrowest:
        if _line_count(bound, style, measure - BALANCE_STEP) > lines:
            break
        measure -= BALANCE_STEP
    even = ParagraphStyle(f"{style.name}-balanced", parent=style, measure=measure)
    return paragraph(bound, even, tie_from=99)


def set_width(text: str, style: ParagraphStyle) -> float:
    """Points: plain ``text`` on one line in ``style``, in its case and tracking."""
    shown = text.upper() if getattr(style, "textTransform", None) == "uppercase" else text
    tracking = float(getattr(style, "charSpace", 0) or 0)
    return float(stringWidth(shown, style.fontName, style.fontSize)) + tracking * len(shown)


def _widest_word(markup: str, style: ParagraphStyle) -> float:
    """Points: the widest of ``markup``'s words (those bound by no-break spaces as one), as
    the style sets them: a measure narrower would break it inside ("THE KEEPER / ’S")."""
    text = html.unescape(_TAG.sub("", markup))
    return max((set_width(word, style) for word in text.split(" ")), default=0.0)


def _line_count(markup: str, style: ParagraphStyle, width: float) -> int:
    made = paragraph(markup, style, tie_from=99)
    made.wrap(width, 10_000)
    return len(made.blPara.lines)


def quoted(markup: str, language: str) -> str:
    """``markup`` with the typewriter quotes of its text (not of its tags) made typographic."""
    parts = _TAG.split(markup)
    shown = ""  # the text so far, which decides whether a quote opens or closes
    for index in range(0, len(parts), 2):
        text = parts[index].replace("&quot;", '"').replace("&#x27;", "'")
        parts[index] = curly_quotes(text, language, shown[-1:])
        shown += html.unescape(parts[index])
    return "".join(parts)


class StyledParagraph(Paragraph):  # type: ignore[misc]
    """A `Paragraph` that honours its style's ``charSpace``, ``measure`` (the longest line,
    in points; 0 for the whole width) and, when justified, ``MAX_SPACE_STRETCH``."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        measure = getattr(self.style, "measure", 0) or avail_width
        return super().wrap(min(avail_width, measure), avail_height)  # type: ignore[no-any-return]

    tied = False  # its last two words tied by `paragraph`

    def breakLines(self, width: float | list[float]) -> Any:
        widths = list(width) if isinstance(width, list | tuple) else [width]
        lines = self._broken(widths)
        if self.tied and self.style.alignment == TA_LEFT:
            lines = self._penultimate_full(lines, widths)
        return lines

    def _penultimate_full(self, lines: Any, widths: list[float]) -> Any:
        """A tie pulls a word down to the last line, and can leave the line above it short
        ("to be / over quietly."): then the line before that one is broken earlier, so its
        last words run on and fill it, when that leaves both lines ``TIE_FILL`` full."""
        count = len(lines.lines)
        full = widths + [widths[-1]] * (count + 1 - len(widths))
        if count < 3 or _fill(lines, count - 2, full, full) >= TIE_FILL:
            return lines
        for factor in EARLIER:
            narrower = [*full[: count - 3], full[count - 3] * factor, *full[count - 2 :]]
            trial = self._broken(narrower)
            if len(trial.lines) != count:
                continue
            if all(_fill(trial, i, narrower, full) >= TIE_FILL for i in (count - 3, count - 2)):
                return trial
        return lines

    def _broken(self, widths: list[float]) -> Any:
        lines = self._hyphenated_if_needed(widths)
        if self.style.charSpace:
            lines = self._tracked(lines, widths, self.style.charSpace)
        if self.style.alignment == TA_JUSTIFY:
            self._limit_stretch(lines)
        if self.style.wordWrap == "RTL" and lines.kind == 1:
            for line in lines.lines:
                line.words = visual_pieces(line.words)
        return lines

    # Whether its ragged lines break words (None: not yet decided): decided once, at its
    # first line breaking, and kept by the parts it is split into, which ReportLab breaks
    # again and expects to set as they did in the whole.
    hyphenated: bool | None = None

    def _hyphenated_if_needed(self, widths: list[float]) -> Any:
        """ReportLab's lines; ragged right, set without a hyphen when none of its lines but
        the last is left shorter than `RAG_FILL` of its width for want of one."""
        style: ParagraphStyle = self.style
        if style.alignment != TA_LEFT or not style.hyphenationLang or self.hyphenated:
            return super().breakLines(widths)
        if self.hyphenated is False:
            return self._unhyphenated_lines(style, widths)
        lines = super().breakLines(widths)
        if not getattr(self, "_hyphenations", 0):
            return lines  # nothing to decide yet: a later breaking may still break a word
        plain = self._unhyphenated_lines(style, widths)
        count = len(plain.lines)
        self.hyphenated = not all(
            _fill(plain, i, widths, widths) >= RAG_FILL for i in range(count - 1)
        )
        return lines if self.hyphenated else plain

    def _unhyphenated_lines(self, style: ParagraphStyle, widths: list[float]) -> Any:
        self.style = _unhyphenated(style)
        try:
            return super().breakLines(widths)
        finally:
            self.style = style

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        for part in parts:
            if isinstance(part, StyledParagraph):
                part.hyphenated = self.hyphenated
        return parts

    def _tracked(self, lines: Any, widths: list[float], track: float) -> Any:
        """``lines`` broken again, each line narrower by the tracking it ran long with, until
        every line fits; each line's free space is then what its tracking leaves of the full
        width. A line's width only narrows from one pass to the next, so the breaking
        settles instead of swinging between two breaks."""
        broken_at = list(widths)  # the widths the lines were last broken to

        def room(index: int, line: Any) -> float:  # free space across the full width
            return _free(lines, line) + _at(widths, index) - _at(broken_at, index)

        for _ in range(TRACKING_PASSES):
            extra = [track * max(_chars(lines, line) - 1, 0) for line in lines.lines]
            if all(room(i, ln) >= extra[i] - 1e-6 for i, ln in enumerate(lines.lines)):
                break
            extra.append(max(extra))  # for any line past the last: the most any line needs
            broken_at = [min(_at(broken_at, i), _at(widths, i) - e) for i, e in enumerate(extra)]
            lines = super().breakLines(broken_at)
        for i, line in enumerate(lines.lines):
            added = track * max(_chars(lines, line) - 1, 0)
            lines.lines[i] = _with_free(lines, line, room(i, line) - added)
        return lines

    def _limit_stretch(self, lines: Any) -> None:
        """Lines whose word spaces would stretch past ``MAX_SPACE_STRETCH`` set flush left."""
        space = stringWidth(" ", self.style.fontName, self.style.fontSize)
        for i, line in enumerate(lines.lines[:-1]):
            gaps = _spaces(lines, line)
            if gaps and _free(lines, line) > gaps * space * (MAX_SPACE_STRETCH - 1):
                lines.lines[i] = _with_free(lines, line, 0.0)  # no free space: not stretched

    def beginText(self, x: float, y: float) -> Any:
        text = super().beginText(x, y)
        if self.style.charSpace:
            text.setCharSpace(self.style.charSpace)  # drawPara restores the state after
        return text


_UNHYPHENATED: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}


def _unhyphenated(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` breaking words only at their own hyphens."""
    made = _UNHYPHENATED.get(id(style))
    if made is None or made[0] is not style:
        plain = ParagraphStyle(f"{style.name}-unhyphenated", parent=style, hyphenationLang=None)
        made = _UNHYPHENATED[id(style)] = (style, plain)
    return made[1]


def longest_line(made: Paragraph) -> float:
    """Points: the longest line of ``made`` (its line breaks kept) set without wrapping."""
    room = 100_000.0
    made.wrap(room, room)
    return max((room - _free(made.blPara, line) for line in made.blPara.lines), default=0.0)


def _chars(lines: Any, line: Any) -> int:
    if lines.kind == 0:
        return len(" ".join(line[1]))
    text = "".join(getattr(f, "text", "") for f in line.words)
    return len(text.rstrip())


def _at(widths: list[float], index: int) -> float:
    """The width of line ``index``: the last width given stands for every line after it."""
    return widths[min(index, len(widths) - 1)]


def _spaces(lines: Any, line: Any) -> int:
    if lines.kind == 0:
        return len(line[1]) - 1
    return int(line.wordCount) - 1


def _free(lines: Any, line: Any) -> float:
    return float(line[0] if lines.kind == 0 else line.extraSpace)


def _fill(lines: Any, index: int, broken: list[float], measure: list[float]) -> float:
    """How far line ``index``, broken to ``broken``'s width for it, runs across its
    ``measure``: 0 to 1."""
    width = measure[min(index, len(measure) - 1)]
    used = broken[min(index, len(broken) - 1)] - _free(lines, lines.lines[index])
    return float(used / width) if width > 0 else 1.0


def _with_free(lines: Any, line: Any, free: float) -> Any:
    if lines.kind == 0:
        return (free, *line[1:])
    line.extraSpace = free
    return line


def tie_units(markup: str) -> str:
    """``markup`` with the space between a number and its unit a no-break space (in its
    text, not its tags), so "35 mm" never breaks across two lines."""
    parts = _TAG.split(markup)
    parts[::2] = [_NUMBER_UNIT.sub("\xa0", text) for text in parts[::2]]
    return "".join(parts)


def tie_last_words(markup: str, least: int = TIE_FROM) -> str:
    """``markup`` with the space before its last word a no-break space (outside tags, after
    its last line break), so its last line holds at least two words; two words longer than
    ``TIE_LONGEST`` together stay free to break, and so do texts of fewer than ``TIE_FROM``
    words (which a reader may copy, such as a name)."""
    breaks = list(_BREAK.finditer(markup))
    start = breaks[-1].end() if breaks else 0
    if len(_words(markup[start:])) < least:
        return markup
    parts = _TAG.split(markup[start:])  # text at even indexes, tags between
    for index in range(len(parts) - 1, -1, -2):
        for space in reversed(list(_SPACES.finditer(parts[index]))):
            after = _words(parts[index][space.end() :] + "".join(parts[index + 1 :]))
            if not after:
                continue  # trailing space
            before = _words("".join(parts[:index]) + parts[index][: space.start()])
            if not before or len(before[-1]) + 1 + len(after[0]) > TIE_LONGEST:
                return markup
            text = parts[index]
            parts[index] = text[: space.start()] + "\xa0" + text[space.end() :]
            return markup[:start] + "".join(parts)
    return markup


def _words(markup: str) -> list[str]:
    return _TAG.sub("", markup).split()
