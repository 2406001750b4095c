"""The cover: key art (or the strongest still), the title treatment, director and name cast,
festival laurels and one press quote when the kit has them, and who presents the film.

Three styles, chosen by the layout (`cover.style`):
- ``band``: the art across the top, the text on the cover paper below it;
- ``full``: the art over the whole page, the text over a fade baked into the picture;
- ``framed``: the art inside the margins on the cover paper, the text below it.

Text is laid out top-down; an element that would run into the foot is left out rather than
drawn over it (the quote first, then the laurels).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from kitpress.document.labels import ENGLISH, Labels
from kitpress.kit.model import Kit
from kitpress.layout.model import Layout

from .laurels import draw_laurel, laurel_width
from .text import escape

Styles = dict[str, ParagraphStyle]
FULL_TEXT_SHARE = 0.5  # of the page height, from the foot, where a full cover's text sits
LAUREL_SIZE = 66.0
TITLE_SHARE = 0.55  # of the cover's text space the title may take before it shrinks
MIN_TITLE_SIZE = 5.0  # points: the smallest a very long title is set
MAX_LAURELS = 3


@dataclass(frozen=True)
class CoverArt:
    jpeg: bytes
    pixels: tuple[int, int]


def cover_box(layout: Layout) -> tuple[float, float, float, float]:
    """Points: x, y, width and height of the art, in the trimmed page's coordinates; art that
    touches an edge of the page runs on into the bleed (when the print profile has one)."""
    page, cover, bleed = layout.page, layout.cover, layout.page.bleed
    if cover.style == "full":
        return -bleed, -bleed, page.width + 2 * bleed, page.height + 2 * bleed
    height = page.height * cover.art_share
    if cover.style == "framed":
        height -= page.margin_top
        top = page.height - page.margin_top
        return page.margin_left, top - height, page.frame_width, height
    return -bleed, page.height - height, page.width + 2 * bleed, height + bleed


def draw_cover(
    canvas: Canvas,
    kit: Kit,
    layout: Layout,
    styles: Styles,
    art: CoverArt | None,
    only_page: bool = False,
    labels: Labels = ENGLISH,
) -> None:
    """The cover; ``only_page``: nothing follows it, so it also carries the copyright line."""
    page = layout.page
    canvas.saveState()
    canvas.setFillColor(layout.colour("cover_paper"))
    bleed = page.bleed
    canvas.rect(-bleed, -bleed, page.width + 2 * bleed, page.height + 2 * bleed, stroke=0, fill=1)
    x, y, width, height = cover_box(layout)
    if art is not None:
        canvas.drawImage(ImageReader(io.BytesIO(art.jpeg)), x, y, width, height)
    left, bottom = page.margin_left, page.margin_bottom
    foot = (left, bottom, page.frame_width)
    foot_top = _draw_foot(canvas, kit, styles, foot, only_page, labels)
    floor = max(foot_top, _draw_laurels(canvas, kit, layout, styles, labels)) + 18
    top = page.height * FULL_TEXT_SHARE if layout.cover.style == "full" else y - 34
    _draw_text(canvas, kit, layout, styles, top, floor, labels)
    canvas.restoreState()


def _draw_text(
    canvas: Canvas,
    kit: Kit,
    layout: Layout,
    styles: Styles,
    top: float,
    floor: float,
    labels: Labels,
) -> None:
    """Credit line, title, names and (when it fits above ``floor``) the quote."""
    x, width = layout.page.margin_left, layout.page.frame_width
    top = _draw(canvas, _credit_line(kit, labels), styles["cover_line"], x, top, width)
    room = (top - floor) * TITLE_SHARE  # a very long title shrinks, never runs off the page
    title_style = fitting_style(escape(kit.title), styles["cover_title"], width, room)
    top = _draw(canvas, escape(kit.title), title_style, x, top - 6, width)
    names = " · ".join(escape(m.actor) for m in kit.cast[:4])
    if names:
        top = _draw(canvas, names, styles["cover_line"], x, top - 10, width)
    if layout.cover.quote and kit.quotes:
        quote = Paragraph(_quote(kit), styles["cover_quote"])
        _, height = quote.wrap(width * 0.8, 1000)
        if top - 16 - height >= floor:
            quote.drawOn(canvas, x, top - 16 - height)


def _draw_laurels(
    canvas: Canvas, kit: Kit, layout: Layout, styles: Styles, labels: Labels
) -> float:
    """Up to three laurels in the bottom-right corner; returns their top (or the margin)."""
    page = layout.page
    festivals = kit.festivals[:MAX_LAURELS] if layout.cover.laurels else ()
    right = page.width - page.margin_right
    step = laurel_width(LAUREL_SIZE) + 8
    for i, festival in enumerate(reversed(festivals)):
        spot = right - (i + 1) * step + 8
        foot = page.margin_bottom - 8
        draw_laurel(canvas, festival, styles["laurel"], spot, foot, LAUREL_SIZE, labels)
    return page.margin_bottom - 8 + (LAUREL_SIZE if festivals else 0)


def fitting_style(
    markup: str, style: ParagraphStyle, width: float, height: float
) -> ParagraphStyle:
    """``style``, or a smaller copy of it, in which ``markup`` fits ``height`` points."""
    size = style.fontSize
    while True:
        scale = size / style.fontSize
        fitted = ParagraphStyle(
            f"{style.name}-{size:.1f}", parent=style, fontSize=size, leading=style.leading * scale
        )
        if Paragraph(markup, fitted).wrap(width, 10_000)[1] <= height or size <= MIN_TITLE_SIZE:
            return fitted
        size = max(MIN_TITLE_SIZE, size * 0.85)


def _quote(kit: Kit) -> str:
    quote = kit.quotes[0]
    source = ", ".join(escape(s) for s in (quote.author, quote.source) if s)
    said = f"“{escape(quote.text)}”"
    return f"{said}<br/><font size='-2'>— {source}</font>" if source else said


def _credit_line(kit: Kit, labels: Labels) -> str:
    if kit.directors:
        directors = " & ".join(kit.directors)
        return escape(labels.film_by.format(directors=directors))
    return escape(labels.press_kit)


def _draw_foot(
    canvas: Canvas,
    kit: Kit,
    styles: Styles,
    box: tuple[float, float, float],
    only_page: bool,
    labels: Labels,
) -> float:
    """The press-kit line and the presenter at the foot (and, on a kit's only page, the
    copyright line); returns the top of what it drew."""
    x, y, width = box
    facts = [
        str(kit.year) if kit.year else "",
        ", ".join(kit.countries),
        labels.minutes_short.format(n=kit.runtime) if kit.runtime else "",
    ]
    line = escape(labels.press_kit) + "".join(f"  ·  {escape(f)}" for f in facts if f)
    if kit.presented_by:
        line += "<br/>" + escape(labels.presented_by.format(name=kit.presented_by))
    if kit.copyright_line and only_page:
        line += f"<br/>{escape(kit.copyright_line)}"
    para = Paragraph(line, styles["cover_small"])
    _, height = para.wrap(width, 200)
    para.drawOn(canvas, x, y)
    return float(y + height)


def _draw(
    canvas: Canvas, markup: str, style: ParagraphStyle, x: float, top: float, width: float
) -> float:
    para = Paragraph(markup, style)
    _, height = para.wrap(width, 1000)
    para.drawOn(canvas, x, top - height)
    return float(top - height)
