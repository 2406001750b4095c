"""The billing block typeset as a poster's credit block: the names in capitals at the block's
size, the role words between them ("presents", "directed by") smaller, the title in quotes
never broken, every line centred and the lines balanced to one measure, so none runs short
and the last is never a name alone. The kit's people are known by name: each is held on one
line, and two named one after the other stand a wider space apart (`NAME_GAP`), so "MAREN
ODUYA ILYA BRASK" reads as two people, not four words. The block is set condensed and close,
as a poster's is: the layout's own face drawn at `CONDENSED` of its width (the text stays
text, found by search and copy), its lines `LEADING` of the names' size apart.
"""

from __future__ import annotations

import itertools
import re

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from .paragraphs import paragraph
from .text import escape

ROLE_SHARE = 0.7  # a role word's size, of a name's
ROLE_LEAST = 7.0  # points: and never smaller (no type in the kit is)
SIZE = 9.0  # points: the names' size
LEADING = 1.12  # of the names' size: close, as billing is set
CONDENSED = 0.78  # of the face's width: the block's letters drawn this narrow
TRACKING = -0.05  # points between letters: narrow, not solid
STEP = 2.0  # points: the measures tried while balancing
NAME_GAP = 2.6  # the space between two people's names, in word spaces
NBSP = "\u00a0"
_SPACES = re.compile(r"[ \t\n\r]+")
_AMPERSAND = re.compile(r"[ \t\n\r]+&[ \t\n\r]+")
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


def billing_style(parent: ParagraphStyle, colour: object) -> ParagraphStyle:
    """The block's names' style: ``parent``'s font in ``colour``, roman, centred, small,
    narrow."""
    return ParagraphStyle(
        "billing",
        parent=parent,
        textColor=colour,
        fontSize=SIZE,
        leading=SIZE * LEADING,
        alignment=TA_CENTER,
        charSpace=TRACKING,
        textTransform=None,
        measure=0,
        spaceBefore=0,
        spaceAfter=0,
    )


def is_role_word(word: str) -> bool:
    """A billing block writes its names in capitals and the words between them in lower
    case: a word with a lower-case letter is a role word."""
    return any(c.islower() for c in word)


def billing_markup(text: str, style: ParagraphStyle, people: tuple[str, ...] = ()) -> str:
    """The block's text as markup: role words at `ROLE_SHARE` of the names' size (`ROLE_LEAST`
    at least), the quoted title's words held together, and an ampersand to the words either
    side of it (a line neither ends nor starts with one); each of ``people`` (the kit's cast
    and crew) found in it held on one line, `NAME_GAP` word spaces from a name beside it."""
    text = _QUOTED.sub(lambda m: "“" + m.group(1).replace(" ", NBSP) + "”", text)
    text = _AMPERSAND.sub(NBSP + "&" + NBSP, text)  # "CANAL & RIVER": never a line's end
    text = _SPACES.sub(" ", text)
    named = set()
    for person in sorted({p.upper() for p in people if " " in p.strip()}, key=len, reverse=True):
        held = _SPACES.sub(NBSP, person.strip())
        found = re.compile(rf"(?<![^ ]){re.escape(_SPACES.sub(' ', person.strip()))}(?![^ ])")
        text, count = found.subn(held, text)
        if count:
            named.add(held)
    small = round(max(ROLE_LEAST, style.fontSize * ROLE_SHARE), 2)
    runs: list[tuple[bool, list[str]]] = []
    for word in _SPACES.split(text.strip()):  # not str.split: it splits at the NBSP too
        role = is_role_word(word)
        if runs and runs[-1][0] == role:
            runs[-1][1].append(word)
        else:
            runs.append((role, [word]))
    gap = f"<font size='{round(style.fontSize * NAME_GAP, 2)}'> </font>"  # still a break
    parts = []
    for role, words in runs:
        if role:
            parts.append(f"<font size='{small}'>{escape(' '.join(words))}</font>")
            continue
        said = escape(words[0])
        for before, word in itertools.pairwise(words):
            apart = before in named or word in named
            said += (gap if apart else " ") + escape(word)
        parts.append(said)
    return " ".join(parts)


def billing_paragraph(
    text: str, style: ParagraphStyle, width: float, people: tuple[str, ...] = ()
) -> tuple[Paragraph, float]:
    """The block and the measure it is set on, in its own uncondensed points (drawn, it is
    `CONDENSED` of that wide): the narrowest at which it keeps the lines it takes across
    ``width`` drawn, so every line is about as long as the others."""
    width /= CONDENSED
    markup = billing_markup(text, style, people)
    para = paragraph(markup, style)
    _, height = para.wrap(width, 10_000)
    measure = width
    while measure - STEP > width * 0.5:
        narrower = paragraph(markup, style)
        if narrower.wrap(measure - STEP, 10_000)[1] > height:
            break
        measure -= STEP
    para = paragraph(markup, style)
    para.wrap(measure, 10_000)
    return para, measure


def draw_condensed(
    canvas: Canvas, para: Paragraph, centre: float, y: float, measure: float
) -> float:
    """``para`` (wrapped to ``measure``) drawn `CONDENSED` wide, centred on ``centre``, its
    foot at ``y``; returns the width it takes."""
    drawn = measure * CONDENSED
    canvas.saveState()
    canvas.translate(centre - drawn / 2, y)
    canvas.scale(CONDENSED, 1)
    para.drawOn(canvas, 0, 0)
    canvas.restoreState()
    return drawn


def opens_with(text: str, name: str) -> bool:
    """Whether the block opens with ``name`` (whatever its case): then it already says who
    presents the film."""
    return text.strip().casefold().startswith(name.strip().casefold())
