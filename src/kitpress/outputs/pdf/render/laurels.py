"""Festival laurels drawn as vectors: two leafy branches around the festival's name, the
year and the award (or "Official Selection"), the way distributors mark festival films.

The type comes first: it is set at the laurel style's size (never under `MIN_TYPE` points)
in four short lines at most, at the narrowest measure they fit (a long name is set at
`MIN_TYPE` on a wider measure before it takes a fifth line), and the wreath is drawn around
that block, sized to it, so a long award name widens the wreath instead of running out of
it or into its leaves.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from kitpress.document.labels import Labels
from kitpress.kit.model import Festival

from .measure import line_widths
from .paragraphs import paragraph, set_width
from .text import escape

LEAVES = 9
SWEEP = (-58.0, 48.0)  # degrees of the arc each branch covers, from the bottom up
MIN_TYPE = 7.0  # points: a laurel's lines are never set smaller
MAX_LINES = 4
NARROWEST = 44.0  # points: the narrowest measure a laurel's lines are tried at
WIDEST = 150.0  # points: the widest at the style's size; then at MIN_TYPE
LONGEST_MEASURE = 230.0  # points: the widest at all; a name needing more gets more lines
STEP = 4.0  # points between the measures tried
CLEAR_X = 1.6  # the ellipse's half-axes over the text block's, across and up
CLEAR_Y = 1.6
LEAF_SHARE = 0.2  # a leaf's length, of the wreath's height
TEXT_LIFT = 0.04  # of the wreath's height: the lines sit this far above its middle, where the
# wreath is widest for the festival's name and year, clear of the stems' upturned ends
MIN_HEIGHT = 52.0  # points: a laurel of one short line is still a laurel
NBSP = "\u00a0"
CLINGING = frozenset(  # words that lead into the next: a line of an award never ends on one
    ("for", "of", "the", "a", "an", "in", "and", "&", "de", "du", "des", "la", "le", "et", "pour")
)
CLING_PENALTY = 1.3  # a break after such a word counts its longer line this much longer
KIND_WORDS = frozenset(  # the words that name a festival's kind, at the end of its name
    ("film", "festival", "festivals", "days", "week", "weeks", "biennale", "fest", "cinema")
)


_WHO = re.compile(r"\s*\([^()]*\)\s*$")  # "Best Actress (Maren Oduya)": whose award


def laurel_award(festival: Festival, labels: Labels) -> str:
    """What the laurel says was won: the award without whose it was ("BEST ACTRESS", the
    actress named on the cover and in the festivals' list), else the official selection."""
    award = _WHO.sub("", festival.award or "").strip()
    return award or labels.official_selection


def winner_word(labels: Labels) -> str:
    """The language's word for a festival's winner, from its festival-list form ("Winner —
    {award}", "Lauréat — {award}"); empty where the form does not open with one."""
    return labels.festival_award.split("{award}")[0].strip(" —–-:")


def laurel_lines(
    festival: Festival, labels: Labels, award: str | None = None, winner: bool = True
) -> str:
    """The award (``award``: its markup as broken, if given), then the festival's name and
    year. The name breaks before its kind, which is held together with the year
    ("NORTHGATE / FILM FESTIVAL 2026", never "NORTHGATE FILM / FESTIVAL 2026")."""
    top = award or escape(laurel_award(festival, labels))
    said = winner_word(labels) if festival.award and winner else ""
    if said:  # "WINNER / BEST ACTRESS", as an official laurel reads
        top = f"{escape(said)}<br/>{top}"
    words = festival.name.split()
    kind = 0  # how many of the name's last words say what kind of festival it is
    while kind < len(words) - 1 and words[-1 - kind].casefold() in KIND_WORDS:
        kind += 1
    tail = words[len(words) - kind :] + ([str(festival.year)] if festival.year else [])
    head = escape(" ".join(words[: len(words) - kind]))
    if not kind:  # no kind to break before: the year kept with the name's last word
        return f"{top}<br/>{escape(NBSP.join([festival.name, *tail]))}"
    return f"{top}<br/>{head}<br/>{escape(NBSP.join(tail))}"


@dataclass(frozen=True)
class LaurelText:
    """A laurel's lines as set: the paragraph and its measured block."""

    paragraph: Paragraph
    width: float
    height: float


def laurel_style(style: ParagraphStyle) -> ParagraphStyle:
    """The layout's laurel style, at ``MIN_TYPE`` points at least; a word too long for the
    measure runs past it (and the measure is widened) rather than breaking inside it."""
    size = max(MIN_TYPE, style.fontSize)
    leading = style.leading * size / style.fontSize
    return ParagraphStyle(
        f"{style.name}-laurel", parent=style, fontSize=size, leading=leading, splitLongWords=0
    )


def laurel_text(festival: Festival, style: ParagraphStyle, labels: Labels) -> LaurelText:
    """The lines at the narrowest measure that keeps them to ``MAX_LINES``: at the style's
    size up to `WIDEST`, then at `MIN_TYPE` up to `WIDEST` and on to `LONGEST_MEASURE`; an
    award's laurel says WINNER over it where the lines still fit, else the award alone."""
    smallest = ParagraphStyle(
        f"{style.name}-min",
        parent=style,
        fontSize=MIN_TYPE,
        leading=style.leading * MIN_TYPE / style.fontSize,
        splitLongWords=0,
    )
    tries = ((laurel_style(style), WIDEST), (smallest, WIDEST), (smallest, LONGEST_MEASURE))
    for winner in (True, False) if festival.award else (False,):
        markup = laurel_lines(festival, labels, winner=winner)
        for chosen, widest in tries:
            set_ = _narrowest(markup, chosen, widest)
            if set_ is None:
                continue
            halves = balanced_award(laurel_award(festival, labels), chosen)
            if halves is not None:  # the award in two even lines, when it takes two anyway
                even = _narrowest(laurel_lines(festival, labels, halves, winner), chosen, widest)
                if even is not None and even.height <= set_.height:
                    return even
            return set_
    para = paragraph(markup, smallest)
    _, height = para.wrap(LONGEST_MEASURE, 10_000)
    return LaurelText(para, max(line_widths(para) or [LONGEST_MEASURE]), float(height))


def balanced_award(award: str, style: ParagraphStyle) -> str | None:
    """The award's markup broken into two lines as even as its words allow, never after a
    word that leads into the next unless the lines would be far from even ("VOLPI CUP /
    FOR BEST ACTRESS", not "VOLPI CUP FOR BEST / ACTRESS" or "VOLPI CUP FOR / BEST
    ACTRESS"); None for a single word."""
    words = award.split()
    if len(words) < 2:
        return None

    def longer(at: int) -> float:  # a line never ends on a word that leads the next
        clings = words[at - 1].casefold() in CLINGING
        halves = max(set_width(" ".join(words[:at]), style), set_width(" ".join(words[at:]), style))
        return halves * (CLING_PENALTY if clings else 1.0)

    at = min(range(1, len(words)), key=longer)
    return f"{escape(' '.join(words[:at]))}<br/>{escape(' '.join(words[at:]))}"


def _narrowest(markup: str, style: ParagraphStyle, widest: float) -> LaurelText | None:
    width = NARROWEST
    while width <= widest:
        para = paragraph(markup, style)
        _, height = para.wrap(width, 10_000)
        used = max(line_widths(para) or [width])
        fits = used <= width + 0.01  # a tracked line may run long; its spaces would shrink
        if round(height / style.leading) <= MAX_LINES and fits:
            return LaurelText(para, used, float(height))
        width += STEP
    return None


def laurel_size(
    festival: Festival,
    style: ParagraphStyle,
    labels: Labels,
    height: float = 0.0,
    width: float = 0.0,
) -> tuple[float, float]:
    """Points: the laurel's width and height, from its lines (``height`` high and ``width``
    wide at least, so the laurels of a row stand at one size)."""
    return _wreath(laurel_text(festival, style, labels), height, width)


def _wreath(text: LaurelText, least: float = 0.0, least_width: float = 0.0) -> tuple[float, float]:
    height = max(MIN_HEIGHT, least, (text.height * CLEAR_Y) / (1 - 2 * LEAF_SHARE * 0.5))
    leaf = height * LEAF_SHARE
    width = max(least_width, text.width * CLEAR_X + 2 * leaf)
    return width, height


def draw_laurel(
    canvas: Canvas,
    festival: Festival,
    style: ParagraphStyle,
    x: float,
    y: float,
    labels: Labels,
    least: float = 0.0,
    least_width: float = 0.0,
) -> tuple[float, float]:
    """The laurel with its bottom-left corner at (x, y), ``least`` high and ``least_width``
    wide at least; returns its width and height."""
    text = laurel_text(festival, style, labels)
    width, height = _wreath(text, least, least_width)
    radii, leaf = _geometry(width, height)
    centre_x, centre_y = x + width / 2, y + height / 2
    canvas.saveState()
    canvas.setFillColor(style.textColor)
    canvas.setStrokeColor(style.textColor)
    canvas.setLineWidth(0.6)
    for side in (-1, 1):
        _branch(canvas, (centre_x, centre_y), radii, side, leaf)
    canvas.restoreState()
    text.paragraph.wrap(text.paragraph.width, 10_000)
    left = centre_x - text.paragraph.width / 2
    lift = height * TEXT_LIFT  # off the stems that curl in under the last, widest line
    text.paragraph.drawOn(canvas, left, centre_y - text.height / 2 + lift)
    return width, height


Leaf = tuple[tuple[float, float], float, float]  # where on the stem, heading, length


def _leaves(
    centre: tuple[float, float], radii: tuple[float, float], side: int, leaf: float
) -> list[Leaf]:
    """One side's leaves: each where it grows on the stem, its heading in degrees and its
    length, smaller upward."""
    leaves = []
    for i in range(LEAVES):
        angle = math.radians(SWEEP[0] + (SWEEP[1] - SWEEP[0]) * i / (LEAVES - 1))
        point = (
            centre[0] + side * radii[0] * math.cos(angle),
            centre[1] + radii[1] * math.sin(angle),
        )
        along = (-side * radii[0] * math.sin(angle), radii[1] * math.cos(angle))
        heading = math.degrees(math.atan2(along[1], along[0]))
        leaves.append((point, heading - side * 35, leaf * (1 - 0.035 * i)))
    return leaves


def _geometry(width: float, height: float) -> tuple[tuple[float, float], float]:
    """A wreath ``width`` × ``height`` (its corner at 0, 0): the stem's half-axes and the
    leaves' length."""
    leaf = height * LEAF_SHARE
    return (width / 2 - leaf, height / 2 - leaf * 0.5), leaf


def wreath_ink(width: float, height: float) -> tuple[float, float]:
    """Points from a wreath's foot: how low and how high its leaves reach, which is what the
    eye takes for its height (its box has room at the top the upward leaves do not fill)."""
    radii, leaf = _geometry(width, height)
    low, high = height, 0.0
    for (_, y), heading, length in _leaves((width / 2, height / 2), radii, 1, leaf):
        turn = math.radians(heading)  # the leaf: an ellipse along ``heading`` from its point
        middle = y + length / 2 * math.sin(turn)
        half = math.hypot(length / 2 * math.sin(turn), length * 0.2 * math.cos(turn))
        low, high = min(low, middle - half), max(high, middle + half)
    return low, high


def _branch(
    canvas: Canvas, centre: tuple[float, float], radii: tuple[float, float], side: int, leaf: float
) -> None:
    """One side: a stem along the ellipse and leaves growing outward from it."""
    leaves = _leaves(centre, radii, side, leaf)
    for point, heading, length in leaves:
        _leaf(canvas, point, heading, length)
    path = canvas.beginPath()
    path.moveTo(*leaves[0][0])
    for point, _, _ in leaves[1:]:
        path.lineTo(*point)
    canvas.drawPath(path, stroke=1, fill=0)


def _leaf(canvas: Canvas, at: tuple[float, float], angle: float, length: float) -> None:
    """One leaf: a narrow ellipse from the stem, pointing ``angle`` degrees."""
    canvas.saveState()
    canvas.translate(*at)
    canvas.rotate(angle)
    canvas.ellipse(0, -length * 0.2, length, length * 0.2, stroke=0, fill=1)
    canvas.restoreState()
