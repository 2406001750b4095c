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
from dataclasses import dataclass, replace

from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from kitpress.document import formats
from kitpress.document.art import ArtFile
from kitpress.document.labels import Labels
from kitpress.document.praise import lead_quote
from kitpress.document.typography import quotation
from kitpress.kit.model import Kit
from kitpress.layout.model import Layout
from kitpress.stills.cmyk import CmykProfile

from .artwork import draw_art, fit
from .laurels import draw_laurel, laurel_width
from .paragraphs import paragraph
from .scripts import font_runs
from .text import escape

Styles = dict[str, ParagraphStyle]
FULL_TEXT_SHARE = 0.5  # of the page height, from the foot, where a full cover's text sits
LAUREL_SIZE = 66.0
TITLE_SHARE = 0.55  # of the cover's text space the title may take before it shrinks
ART_SHARE = 0.75  # the title art's share: a logotype has one line, the names one more
MIN_TITLE_SIZE = 5.0  # points: the smallest a very long title is set
MAX_LAURELS = 3
LAUREL_GAP = 8.0  # points between laurels
FOOT_GAP = 14.0  # points between the foot's lines and the laurels
LAUREL_DROP = 8.0  # points a laurel beside the foot's lines sits below their foot


@dataclass(frozen=True)
class CoverArt:
    jpeg: bytes
    pixels: tuple[int, int]


@dataclass(frozen=True)
class CoverExtras:
    """What else the cover carries from the document: the title art, each festival's own
    laurel artwork (by position), the embargo line, and the print profile's CMYK."""

    title_art: ArtFile | None = None
    laurels: tuple[ArtFile | None, ...] = ()
    embargo: str | None = None
    cmyk: CmykProfile | None = None
    under: _Under | None = None  # the picture under the text, on a full-page cover

    def backdrop(self, box: tuple[float, float, float, float]) -> Image.Image | None:
        return self.under.crop(box) if self.under is not None else None


@dataclass(frozen=True)
class _Under:
    """The cover picture and where it is placed: what PNG art on it is flattened onto."""

    art: CoverArt
    box: tuple[float, float, float, float]  # x, y, width, height in points

    def crop(self, box: tuple[float, float, float, float]) -> Image.Image:
        """The picture's pixels under ``box`` (x, y, width, height in points)."""
        x, y, width, height = self.box
        with Image.open(io.BytesIO(self.art.jpeg)) as image:
            pixels = image.copy()
        sx, sy = pixels.width / width, pixels.height / height
        left, top = (box[0] - x) * sx, (y + height - box[1] - box[3]) * sy
        right, bottom = left + box[2] * sx, top + box[3] * sy
        return pixels.crop((round(left), round(top), round(right), round(bottom)))


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
    only_page: bool,
    labels: Labels,
    extras: CoverExtras = CoverExtras(),
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
    if art is not None and layout.cover.style == "full":  # art over the picture's fade
        extras = replace(extras, under=_Under(art, (x, y, width, height)))
    foot = foot_paragraph(kit, styles, only_page, labels, extras.embargo)
    text_box, laurels_y = foot_zones(foot, kit, layout)
    foot.drawOn(canvas, text_box[0], text_box[1])
    foot_top = text_box[1] + text_box[3]
    laurels_top = _draw_laurels(canvas, kit, layout, styles, labels, extras, laurels_y)
    floor = max(foot_top, laurels_top) + 18
    top = page.height * FULL_TEXT_SHARE if layout.cover.style == "full" else y - 34
    _draw_text(canvas, kit, layout, styles, top, floor, labels, extras)
    canvas.restoreState()


def cover_title_art_size(art: ArtFile, layout: Layout, room: float) -> tuple[float, float]:
    """The title art's size on the cover: the frame's width at most, ``room`` high at most."""
    return fit(art, layout.page.frame_width * 0.9, max(24.0, room))


def _draw_text(
    canvas: Canvas,
    kit: Kit,
    layout: Layout,
    styles: Styles,
    top: float,
    floor: float,
    labels: Labels,
    extras: CoverExtras,
) -> None:
    """Credit line, title, names and (when it fits above ``floor``) the quote."""
    x, width = layout.page.margin_left, layout.page.frame_width
    top = _draw(canvas, _credit_line(kit, labels), styles["cover_line"], x, top, width)
    room = (top - floor) * TITLE_SHARE  # a very long title shrinks, never runs off the page
    title_style = fitting_style(escape(kit.title), styles["cover_title"], width, room)
    if extras.title_art is not None:
        art_room = (top - floor) * ART_SHARE
        art_width, art_height = cover_title_art_size(extras.title_art, layout, art_room)
        art_top = top - 10
        _invisible_title(canvas, kit.title, title_style, x, art_top - art_height)
        paper = layout.colour("cover_paper")
        at = (x, art_top - art_height)
        under = extras.backdrop((*at, art_width, art_height))
        size = (art_width, art_height)
        draw_art(canvas, extras.title_art, at, size, paper, extras.cmyk, under)
        top = art_top - art_height
    else:
        top = _draw(canvas, escape(kit.title), title_style, x, top - 6, width)
    names = " · ".join(escape(m.actor) for m in kit.cast[:4])
    if names:
        top = _draw(canvas, names, styles["cover_line"], x, top - 10, width)
    if layout.cover.quote and kit.quotes:
        quote = paragraph(_quote(kit, labels.language), styles["cover_quote"])
        _, height = quote.wrap(width * 0.8, 1000)
        if top - 16 - height >= floor:
            quote.drawOn(canvas, x, top - 16 - height)


def _invisible_title(canvas: Canvas, title: str, style: ParagraphStyle, x: float, y: float) -> None:
    """The title as text no one sees (render mode 3), under the title art: what search,
    copy and screen readers find where the logotype is."""
    canvas.saveState()  # the render mode is graphics state: it must not outlive the title
    # in the type's colour, not the cover paper's: in print a colour text is shown in is
    # converted as type (black ink alone), and the paper must stay the rich black it is
    canvas.setFillColor(style.textColor)
    text = canvas.beginText(x, y)
    text.setTextRenderMode(3)
    for font, run in font_runs(title, style.fontName):
        text.setFont(font, 12)
        text.textOut(run)
    canvas.drawText(text)
    canvas.restoreState()


def cover_laurels(kit: Kit, layout: Layout) -> int:
    """How many laurels the cover carries."""
    return len(kit.festivals[:MAX_LAURELS]) if layout.cover.laurels else 0


def laurel_zone(kit: Kit, layout: Layout) -> float:
    """Points: the width the laurels take at the right of the cover's foot (0 without)."""
    count = cover_laurels(kit, layout)
    return count * (laurel_width(LAUREL_SIZE) + LAUREL_GAP) if count else 0.0


def foot_zones(
    foot: Paragraph, kit: Kit, layout: Layout
) -> tuple[tuple[float, float, float, float], float]:
    """Where the foot's lines go (x, y, width, height) and the laurels' foot: the lines beside
    the laurels when each of them fits there as it is, else across the frame with the laurels
    on a row above them. Text and laurels never share a point."""
    page = layout.page
    x, y, full = page.margin_left, page.margin_bottom, page.frame_width
    zone = laurel_zone(kit, layout)
    beside = full - zone - FOOT_GAP
    _, across = foot.wrap(full, 1000)
    if not zone:
        return (x, y, full, across), y
    _, height = foot.wrap(beside, 1000) if beside > 0 else (0.0, across + 1)
    if height <= across:  # no line had to break to make room for the laurels
        return (x, y, beside, height), y - LAUREL_DROP
    foot.wrap(full, 1000)
    return (x, y, full, across), y + across + FOOT_GAP


def _draw_laurels(
    canvas: Canvas,
    kit: Kit,
    layout: Layout,
    styles: Styles,
    labels: Labels,
    extras: CoverExtras,
    foot: float,
) -> float:
    """Up to three laurels at the right, their foot at ``foot``; returns their top (or the
    foot's)."""
    page = layout.page
    festivals = kit.festivals[: cover_laurels(kit, layout)]
    right = page.width - page.margin_right
    step = laurel_width(LAUREL_SIZE) + LAUREL_GAP
    paper = layout.colour("cover_paper")
    count = len(festivals)
    for i, festival in enumerate(reversed(festivals)):
        spot = right - (i + 1) * step + LAUREL_GAP
        own = extras.laurels[count - 1 - i] if count - 1 - i < len(extras.laurels) else None
        if own is not None:  # the festival's own artwork, centred in the laurel's place
            width, height = laurel_art_size(own)
            at = (spot + (step - LAUREL_GAP - width) / 2, foot + (LAUREL_SIZE - height) / 2)
            under = extras.backdrop((*at, width, height))
            draw_art(canvas, own, at, (width, height), paper, extras.cmyk, under)
        else:
            draw_laurel(canvas, festival, styles["laurel"], spot, foot, LAUREL_SIZE, labels)
    return foot + (LAUREL_SIZE if festivals else 0)


def laurel_art_size(art: ArtFile) -> tuple[float, float]:
    """A festival's own laurel artwork in the place of a drawn laurel."""
    return fit(art, laurel_width(LAUREL_SIZE), LAUREL_SIZE)


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
        if paragraph(markup, fitted).wrap(width, 10_000)[1] <= height or size <= MIN_TITLE_SIZE:
            return fitted
        size = max(MIN_TITLE_SIZE, size * 0.85)


def _quote(kit: Kit, language: str) -> str:
    quote = lead_quote(kit.quotes)
    source = ", ".join(escape(s) for s in (quote.author, quote.source) if s)
    said = quotation(escape(quote.text), language)
    return f"{said}<br/><font size='-2'>— {source}</font>" if source else said


def _credit_line(kit: Kit, labels: Labels) -> str:
    if kit.directors:
        directors = formats.names(kit.directors, labels.language)
        return escape(labels.film_by.format(directors=directors))
    return escape(labels.press_kit)


def foot_paragraph(
    kit: Kit,
    styles: Styles,
    only_page: bool,
    labels: Labels,
    embargo: str | None = None,
) -> Paragraph:
    """The press-kit line and the presenter at the foot (and, on a kit's only page, the
    copyright line), the embargo above them."""
    facts = [
        str(kit.year) if kit.year else "",
        ", ".join(kit.countries),
        formats.running_time(kit.runtime, labels.minutes_short, labels) if kit.runtime else "",
    ]
    line = escape(labels.press_kit) + "".join(f"  ·  {escape(f)}" for f in facts if f)
    if embargo:
        line = f"<b>{escape(embargo)}</b><br/>{line}"
    if kit.presented_by:
        line += "<br/>" + escape(labels.presented_by.format(name=kit.presented_by))
    if kit.copyright_line and only_page:
        line += f"<br/>{escape(kit.copyright_line)}"
    return paragraph(line, styles["cover_small"])


def _draw(
    canvas: Canvas, markup: str, style: ParagraphStyle, x: float, top: float, width: float
) -> float:
    para = paragraph(markup, style)
    _, height = para.wrap(width, 1000)
    para.drawOn(canvas, x, top - height)
    return float(top - height)
