"""Text beyond the layout's families: runs set in the fallback font of their script, CJK
paragraphs wrapped between any two characters, right-to-left paragraphs shaped and ordered.

A character the paragraph's font lacks goes to the first fallback font (`fonts.fallback`)
that draws it; spaces, punctuation and marks that follow stay in that font, so a Japanese or
Arabic sentence is one run. Shaping (Arabic letters joined, marks placed) is ReportLab's,
through uharfbuzz; it and python-bidi are the ``rtl`` extra.
"""

from __future__ import annotations

import html
import importlib.util
import re
import unicodedata
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kitpress.layout.model import FallbackFont

from .fonts import covers, fallback_font_name, registered_fallbacks

RTL_EXTRA = "pip install 'kitpress[rtl]'"
_TAG = re.compile(r"(<[^>]*>)")
_TOKEN = re.compile(r"&#?\w+;|.", re.S)
_BOLD, _ITALIC = ("b", "strong"), ("i", "em")
_CJK = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "KANGXI", "YI")
_NEUTRAL = "MZPNS"  # Unicode categories a run keeps: marks, spaces, punctuation, numbers, signs


def rtl_available() -> bool:
    """Whether the ``rtl`` extra is installed: ReportLab shapes with uharfbuzz, python-bidi
    finds a paragraph's direction, fontTools traces shaped glyphs to their letters."""
    extra = ("uharfbuzz", "bidi", "fontTools")
    return all(importlib.util.find_spec(name) is not None for name in extra)


def right_to_left(text: str) -> bool:
    """The paragraph direction of ``text`` (Unicode rules P2, P3: its first strong letter's),
    by python-bidi where installed."""
    if rtl_available():
        from bidi import get_base_level  # the rtl extra

        return bool(get_base_level(text))
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def needs_shaping(text: str) -> bool:
    """Whether ``text`` holds letters written right to left (Arabic joins, Hebrew orders)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def mostly_cjk(text: str) -> bool:
    """Whether most letters of ``text`` are Chinese, Japanese or Korean: such a paragraph
    wraps between any two characters; an English one naming a Japanese title does not."""
    letters = [c for c in text if unicodedata.category(c)[0] == "L"]
    cjk = sum(unicodedata.name(c, "").split(" ", 1)[0] in _CJK for c in letters)
    return bool(letters) and cjk * 2 >= len(letters)


def script_style(markup: str, style: ParagraphStyle) -> ParagraphStyle:
    """``style`` as ``markup`` needs it: CJK prose wraps between characters and is set solid;
    right-to-left text is shaped and set from the right (a left-aligned style aligns right)."""
    text = html.unescape(_TAG.sub("", markup))
    changes: dict[str, object] = {}
    if mostly_cjk(text):
        changes["wordWrap"] = "CJK"
        changes["charSpace"] = 0  # set solid: tracking is for Latin capitals, and the CJK
        # line breaking would not count it (a tracked display title ran past the measure)
    if needs_shaping(text) and rtl_available():
        changes["shaping"] = 1
        if right_to_left(text):
            changes["wordWrap"] = "RTL"
            if style.alignment == TA_LEFT:
                changes["alignment"] = TA_RIGHT
    if not changes:
        return style
    changed = ParagraphStyle(f"{style.name}-script", parent=style, **changes)
    for name in ("measure", "language"):  # kitpress's own, which a child does not inherit
        if hasattr(style, name):
            setattr(changed, name, getattr(style, name))
    return changed


def with_fallback_runs(markup: str, font_name: str) -> str:
    """``markup`` with every run its font (``font_name``, made bold or italic by the
    markup's tags) cannot draw set in the fallback font of that run's script."""
    fallbacks = registered_fallbacks()
    if not fallbacks:
        return markup
    try:
        family, bold, italic = ps2tt(font_name)
    except ValueError:  # a font registered without a family (none of the layout's)
        family, bold, italic = font_name, 0, 0
    stack: list[str] = []
    parts = _TAG.split(markup)
    for index, part in enumerate(parts):
        if index % 2:
            _follow(part, stack)
            continue
        is_bold = bool(bold) or any(t in _BOLD for t in stack)
        is_italic = bool(italic) or any(t in _ITALIC for t in stack)
        face = tt2ps(family, int(is_bold), int(is_italic)) if family != font_name else font_name
        parts[index] = _set_runs(part, face, fallbacks, is_bold)
    return "".join(parts)


def _follow(tag: str, stack: list[str]) -> None:
    name = tag.strip("</>").split(" ", 1)[0].lower()
    if tag.startswith("</"):
        if name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name)]
    elif not tag.endswith("/>"):
        stack.append(name)


def _set_runs(text: str, face: str, fallbacks: tuple[FallbackFont, ...], bold: bool) -> str:
    out: list[str] = []
    for fallback, run in _runs(_TOKEN.findall(text), face, fallbacks, bold):
        if fallback is None:
            out.append(run)
        else:
            out.append(f'<font face="{fallback_font_name(fallback, bold)}">{run}</font>')
    return "".join(out)


def font_runs(text: str, face: str) -> list[tuple[str, str]]:
    """Plain ``text`` (not markup) as (font name, text) runs: ``face`` where it draws the
    text, a fallback font where it does not; for text drawn straight on the canvas."""
    fallbacks = registered_fallbacks()
    bold = face.endswith(("-Bold", "-BoldItalic"))
    return [
        (face if f is None else fallback_font_name(f, bold), run)
        for f, run in _runs(list(text), face, fallbacks, bold)
    ]


def draw_string(canvas: Canvas, x: float, y: float, text: str, right: bool = False) -> None:
    """``text`` at (x, y) in the canvas's font and size, its runs in the fonts that draw
    them; ``right``: ending at x."""
    face, size = canvas._fontname, canvas._fontsize
    runs = font_runs(text, face)
    if right:
        x -= sum(stringWidth(run, font, size) for font, run in runs)
    for font, run in runs:
        canvas.setFont(font, size)
        for piece, width in _shaped(run, font, size):
            canvas.drawString(x, y, piece)
            x += width
    canvas.setFont(face, size)


def _shaped(run: str, font: str, size: float) -> list[tuple[str, float]]:
    """``run`` as drawn: right-to-left text shaped by harfbuzz, which also sets a run of one
    direction in visual order; other text as it is. Pieces with their widths."""
    width = stringWidth(run, font, size)
    if not (needs_shaping(run) and rtl_available()):
        return [(run, width)]
    core = run.strip()
    if core != run:  # spaces at a run's ends stay where they are, not turned round with it
        head, tail = run[: run.index(core)], run[run.index(core) + len(core) :]
        spaces = [(s, stringWidth(s, font, size)) for s in (head, tail)]
        return [spaces[0], *_shaped(core, font, size), spaces[1]]
    from reportlab.lib.abag import ABag
    from reportlab.pdfbase.ttfonts import shapeFragWord

    word = shapeFragWord([width, (ABag(fontName=font, fontSize=size), run)], force=True)
    pieces = [text for _, text in word[1:]]
    total = float(word[0])
    return [(text, total * len(text) / max(sum(map(len, pieces)), 1)) for text in pieces]


def _runs(
    tokens: list[str], face: str, fallbacks: tuple[FallbackFont, ...], bold: bool
) -> list[tuple[FallbackFont | None, str]]:
    """``tokens`` (characters, or entities of markup) grouped into runs: None for those
    ``face`` draws, else the first fallback that draws them; neutral characters (spaces,
    punctuation, marks) stay in the run they follow when its font draws them."""
    drawn = pdfmetrics.getFont(face).face.charToGlyph
    runs: list[tuple[FallbackFont | None, str]] = []
    current: FallbackFont | None = None
    for token in tokens:
        char = html.unescape(token) if len(token) > 1 else token
        kept = (
            current is not None
            and len(char) == 1
            and (unicodedata.category(char)[0] in _NEUTRAL or ord(char) not in drawn)
            and not (char.isdigit() and ord(char) in drawn)  # numbers read left to right
            and covers(current.bold if bold else current.regular, char)
        )
        if not kept:
            found = None if len(char) != 1 or ord(char) in drawn else _first(fallbacks, char)
            if found is not current or not runs:
                runs.append((found, ""))
                current = found
        runs[-1] = (runs[-1][0], runs[-1][1] + token)
    return _spaces_out(runs)


def _spaces_out(
    runs: list[tuple[FallbackFont | None, str]],
) -> list[tuple[FallbackFont | None, str]]:
    """Spaces that end a fallback run set in the main font: between runs of two directions
    they must stay between them, not turn round with a right-to-left run."""
    out: list[tuple[FallbackFont | None, str]] = []
    for fallback, text in runs:
        core = text.rstrip(" ") if fallback is not None else text
        if core:
            out.append((fallback, core))
        if len(core) < len(text):
            out.append((None, text[len(core) :]))
    return out


def _first(fallbacks: tuple[FallbackFont, ...], char: str) -> FallbackFont | None:
    if char.isspace():
        return None
    return next((f for f in fallbacks if covers(f.regular, char) and covers(f.bold, char)), None)


_PIECES = re.compile(r"( +)")
RIGHT_TO_LEFT_SCRIPTS = {"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Samr", "Mand", "Adlm"}


def visual_pieces(frags: list[Any]) -> list[Any]:
    """A right-to-left line's frags as ReportLab should draw them: one per word or space
    (ReportLab turns the line's frags round, not the words inside one), with each run of
    left-to-right words (a name, a year, set in the main font) turned round beforehand, so
    that it reads from the left inside the line read from the right."""
    pieces: list[Any] = []
    for frag in frags:
        text = getattr(frag, "text", None)
        if not text or hasattr(frag, "cbDefn"):
            pieces.append(frag)
            continue
        at = 0
        for token in _PIECES.split(str(text)):
            if token:
                pieces.append(frag.clone(text=text[at : at + len(token)]))  # keeps shaping
            at += len(token)
    out: list[Any] = []
    run: list[Any] = []  # left-to-right pieces, and the spaces between them
    for piece in pieces:
        if _left_to_right(piece):
            run.append(piece)
            continue
        if run and _blank(piece) and not _blank(run[-1]):
            run.append(piece)
            continue
        out += [*_turned(run), piece]
        run = []
    return out + _turned(run)


def _turned(run: list[Any]) -> list[Any]:
    """A left-to-right run reversed, its trailing spaces kept after it (outside)."""
    end = len(run)
    while end and _blank(run[end - 1]):
        end -= 1
    return run[:end][::-1] + run[end:]


def _blank(piece: Any) -> bool:
    return not str(getattr(piece, "text", "x")).strip()


def _left_to_right(piece: Any) -> bool:
    if _blank(piece) or hasattr(piece, "cbDefn"):
        return False
    name = str(getattr(piece, "fontName", ""))
    script = name.removeprefix("KP-fallback-").split("-", 1)[0] if "fallback" in name else ""
    return script not in RIGHT_TO_LEFT_SCRIPTS
