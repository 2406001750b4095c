"""The cover: key art (or the strongest still), the title treatment, director and name cast,
festival laurels and one press quote when the kit has them, and who presents the film.

Four styles, chosen by the layout (`cover.style`):
- ``band``: the art across the top, the text on the cover paper below it;
- ``full``: the art over the whole page, the text over a scrim baked into the picture;
- ``framed``: the art across the frame's width inside the margins on the cover paper, the
  text below it;
- ``poster``: the art whole and uncropped across the top of the page (a portrait poster
  fills it), its foot faded into the cover paper under the text, as a one-sheet is shown.

Text is laid out top-down below the art on the cover paper; over the picture it stands on
the foot, so the picture shows down to the title and no part of the page is left empty. An
element that would run into the foot is left out rather than drawn over it (the quote
first, then the laurels).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from PIL import Image
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from kitpress.document import formats
from kitpress.document.art import ArtFile
from kitpress.document.labels import Labels
from kitpress.document.praise import lead_quote
from kitpress.document.typography import quotation
from kitpress.kit.model import Festival, Kit
from kitpress.layout.model import Layout
from kitpress.stills.cmyk import CmykProfile
from kitpress.stills.targets import Fade

from .artwork import draw_art, fit, ink_box
from .laurels import draw_laurel, laurel_size, wreath_ink
from .measure import line_widths
from .paragraphs import paragraph
from .scripts import font_runs
from .text import escape

Styles = dict[str, ParagraphStyle]
FULL_TEXT_SHARE = 0.55  # of the page height, from the foot: the text zone over the picture
SCRIM_FROM = 0.66  # of the page height, from the foot: where the picture starts to fade
SCRIM_TO = 0.3  # and where it has faded as far as the layout's scrim says
TOP_ZONE = 0.42  # of the page height, from its top: the text zone of a cover with text on top
FOOT_SCRIM_FROM = 0.32  # of the page height, from the foot: the foot's own scrim, on such a
FOOT_SCRIM_TO = 0.1  # cover, from here down to here
SCRIM_HALF = 0.5  # of a poster's picture height, from its foot: the scrim starts no higher
LAUREL_SIZE = 66.0  # points: a festival's own laurel artwork is set this high at most
MIN_LAUREL_ART_WIDTH = 62.0  # points (22 mm): narrower, its own small words are illegible
TITLE_SHARE = 0.55  # of the cover's text space the title may take before it shrinks
ART_SHARE = 0.75  # the title art's share: a logotype has one line, the names one more
DISPLAY_GROWTH = 2.0  # a display title grows to fill the measure, to twice its style's size
MIN_TITLE_SIZE = 5.0  # points: the smallest a very long title is set
MAX_LAURELS = 3
TITLE_GAP = 0.18  # of the typeset title's size: the space between it and the names under it
QUOTE_SHARE = 0.8  # of the frame: the cover quote's widest measure
QUOTE_STEP = 4.0  # points: the measures tried while balancing its lines
LAUREL_GAP = 8.0  # points between laurels
FOOT_GAP = 14.0  # points between the foot's lines and the laurels
TEXT_GAP = 6.0  # points between the text over a picture and the laurels or foot
LAUREL_DROP = 8.0  # points a laurel beside the foot's lines sits below their foot


@dataclass(frozen=True)
class CoverArt:
    jpeg: bytes
    pixels: tuple[int, int]


@dataclass(frozen=True)
class CoverExtras:
    """What else the cover carries from the document: the title art, each festival's own
    laurel artwork (by position), the embargo line, the logos at its foot, and the print
    profile's CMYK."""

    title_art: ArtFile | None = None
    laurels: tuple[ArtFile | None, ...] = ()
    embargo: str | None = None
    logos: tuple[ArtFile, ...] = ()  # the distributor's and sales company's, for the foot
    cmyk: CmykProfile | None = None
    under: _Under | None = None  # the picture under the text, on a full-page cover

    def backdrop(self, box: tuple[float, float, float, float]) -> Image.Image | None:
        """The picture under ``box``, or None where it is all paper."""
        under = self.under
        if (
            under is None
            or box[1] >= under.box[1] + under.box[3]
            or box[1] + box[3] <= under.box[1]
        ):
            return None
        return under.crop(box)


@dataclass(frozen=True)
class _Under:
    """The cover picture and where it is placed: what PNG art on it is flattened onto."""

    art: CoverArt
    box: tuple[float, float, float, float]  # x, y, width, height in points
    paper: str  # the cover paper, where ``box`` runs past the picture

    def crop(self, box: tuple[float, float, float, float]) -> Image.Image:
        """The picture's pixels under ``box`` (x, y, width, height in points)."""
        x, y, width, height = self.box
        with Image.open(io.BytesIO(self.art.jpeg)) as image:
            pixels = image.copy()
        sx, sy = pixels.width / width, pixels.height / height
        left, top = (box[0] - x) * sx, (y + height - box[1] - box[3]) * sy
        right, bottom = left + box[2] * sx, top + box[3] * sy
        cut = (round(left), round(top), round(right), round(bottom))
        ground = Image.new(pixels.mode, (cut[2] - cut[0], cut[3] - cut[1]), self.paper)
        inside = (
            max(0, cut[0]),
            max(0, cut[1]),
            min(pixels.width, cut[2]),
            min(pixels.height, cut[3]),
        )
        if inside[0] < inside[2] and inside[1] < inside[3]:
            ground.paste(pixels.crop(inside), (inside[0] - cut[0], inside[1] - cut[1]))
        return ground


def over_picture(layout: Layout, pixels: tuple[int, int] | None) -> bool:
    """Whether the cover's text stands on the picture (full and poster) or on the paper."""
    return layout.cover.style in ("full", "poster") and pixels is not None


def cover_box(
    layout: Layout, pixels: tuple[int, int] | None = None
) -> tuple[float, float, float, float]:
    """Points: x, y, width and height of the art (``pixels`` large, upright), in the trimmed
    page's coordinates; art that touches an edge of the page runs on into the bleed (when the
    print profile has one)."""
    page, cover, bleed = layout.page, layout.cover, layout.page.bleed
    full = (-bleed, -bleed, page.width + 2 * bleed, page.height + 2 * bleed)
    if cover.style == "poster" and pixels is not None:
        width = page.width + 2 * bleed
        height = min(full[3], width * pixels[1] / pixels[0])  # whole, unless taller than the page
        return -bleed, page.height + bleed - height, width, height
    if cover.style in ("full", "poster"):
        return full
    height = page.height * cover.art_share
    if cover.style == "framed":  # the frame's whole width, from the top margin down
        height -= page.margin_top
        top = page.height - page.margin_top
        return page.margin_left, top - height, page.frame_width, height
    return -bleed, page.height - height, page.width + 2 * bleed, height + bleed


def cover_fade(layout: Layout, pixels: tuple[int, int] | None) -> Fade | None:
    """The scrim baked into the cover picture under the text, at the layout's strength: from
    `SCRIM_FROM` of the page height down to `SCRIM_TO`, in the picture's own shares."""
    if not over_picture(layout, pixels) or layout.cover.scrim <= 0:
        return None
    _, y, _, height = cover_box(layout, pixels)
    page = layout.page.height
    on_top = layout.cover.text_zone == "top"
    if on_top:  # the title at the top: the foot's lines and laurels keep a scrim of their own
        begins = max(y, page * FOOT_SCRIM_FROM)
        ends = max(y, page * FOOT_SCRIM_TO)
    else:
        begins = min(page * SCRIM_FROM, y + height * SCRIM_HALF)  # in the picture's lower half
        ends = max(page * SCRIM_TO, y)
    start, length = (y + height - begins) / height, (begins - ends) / height
    melts = y > 0  # a picture that ends above the foot fades all the way into the paper
    strength = 255 if melts else round(255 * layout.cover.scrim)
    reach = (y + height - page * (1 - TOP_ZONE - 0.1)) / height if on_top else 0.0
    return Fade(layout.colour("cover_paper"), start, max(length, 0.01), strength, reach)


def text_top(layout: Layout, pixels: tuple[int, int] | None) -> float:
    """Points: the highest the cover's text may reach over the picture: the page's lower
    half, or on a poster, the top of the scrim at the picture's foot."""
    page = layout.page.height
    if layout.cover.style != "poster":
        return page * FULL_TEXT_SHARE
    _, y, _, height = cover_box(layout, pixels)
    return min(page * SCRIM_FROM, max(page * FULL_TEXT_SHARE, y + height * SCRIM_HALF))


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
    styles = cover_styles(styles, layout)
    page = layout.page
    canvas.saveState()
    canvas.setFillColor(layout.colour("cover_paper"))
    bleed = page.bleed
    canvas.rect(-bleed, -bleed, page.width + 2 * bleed, page.height + 2 * bleed, stroke=0, fill=1)
    pixels = art.pixels if art is not None else None
    x, y, width, height = cover_box(layout, pixels)
    if art is not None:
        canvas.drawImage(ImageReader(io.BytesIO(art.jpeg)), x, y, width, height)
    over = layout.cover.style in ("full", "poster")  # the text over the page, art or none
    if art is not None and over:  # art over the picture's fade
        under = _Under(art, (x, y, width, height), layout.colour("cover_paper"))
        extras = replace(extras, under=under)
    logos = logo_strip(extras.logos, layout)
    foot = foot_paragraph(kit, styles, only_page, labels, extras.embargo, bool(logos))
    sizes = laurel_sizes(kit, layout, styles, labels, extras)
    base = page.margin_bottom + (LOGO_STRIP + FOOT_GAP if logos else 0.0)
    text_box, laurels_y = foot_zones(foot, layout, sizes, base)
    foot.drawOn(canvas, text_box[0], text_box[1])
    for logo, (logo_x, logo_width, logo_height) in zip(extras.logos, logos, strict=True):
        at = (logo_x, page.margin_bottom + (LOGO_STRIP - logo_height) / 2)
        behind = extras.backdrop((*at, logo_width, logo_height))
        ink = layout.colour("cover_ink") if logo.kind == "svg" or logo.transparent else None
        paper = layout.colour("cover_paper")
        draw_art(canvas, logo, at, (logo_width, logo_height), paper, extras.cmyk, behind, ink)
    foot_top = text_box[1] + text_box[3]
    laurels_top = _draw_laurels(canvas, kit, layout, styles, labels, extras, laurels_y)
    floor = max(foot_top, laurels_top) + 18
    room_top = text_top(layout, pixels) if over else y - 34
    if over and layout.cover.text_zone == "top":  # from the top, the picture's upper part
        room_top = page.height - page.margin_top
        floor = max(floor, page.height * (1 - TOP_ZONE))
    top = room_top
    if over and layout.cover.text_zone != "top":  # on the foot: the picture shows down to it
        bottom = _draw_text(None, kit, layout, styles, top, floor, labels, extras)
        top -= max(0.0, bottom - floor - TEXT_GAP)
    _draw_text(canvas, kit, layout, styles, top, floor, labels, extras, room_top)
    canvas.restoreState()


def centred(layout: Layout) -> bool:
    """Whether the cover's title, lines and laurels stand on the page's centre line."""
    return layout.cover.align == "center"


def cover_styles(styles: Styles, layout: Layout) -> Styles:
    """The layout's styles, with the cover's own centred when the cover is."""
    if not centred(layout):
        return styles
    names = ("cover_line", "cover_title", "cover_small", "cover_quote")
    made = {
        name: ParagraphStyle(f"{name}-centred", parent=styles[name], alignment=TA_CENTER)
        for name in names
    }
    return {**styles, **made}


def cover_title_art_size(art: ArtFile, layout: Layout, room: float) -> tuple[float, float]:
    """The title art's size on the cover: the frame's width at most, ``room`` high at most."""
    return fit(art, layout.page.frame_width * 0.9, max(24.0, room))


def _draw_text(
    canvas: Canvas | None,
    kit: Kit,
    layout: Layout,
    styles: Styles,
    top: float,
    floor: float,
    labels: Labels,
    extras: CoverExtras,
    room_top: float | None = None,
) -> float:
    """Credit line, title, names and (when it fits above ``floor``) the quote, from ``top``
    down, sized for the room from ``room_top`` (``top`` when not given); returns where they
    end. Without a ``canvas``, only measured."""
    x, width = layout.page.margin_left, layout.page.frame_width
    shift = (room_top - top) if room_top is not None else 0.0
    top = _draw(canvas, _credit_line(kit, labels), styles["cover_line"], x, top, width)
    room = (top + shift - floor) * TITLE_SHARE  # a long title shrinks, never runs off the page
    title_style = styles["cover_title"]
    if layout.cover.title == "display":
        title_style = display_style(escape(kit.title), title_style, width)
    title_style = fitting_style(escape(kit.title), title_style, width, room)
    if extras.title_art is not None:
        art_room = (top + shift - floor) * ART_SHARE
        art_width, art_height = cover_title_art_size(extras.title_art, layout, art_room)
        art_top = top - 10
        left = x + (width - art_width) / 2 if centred(layout) else x
        at = (left, art_top - art_height)
        if canvas is not None:
            said = float(stringWidth(kit.title, title_style.fontName, 12))
            under_art = left + (art_width - said) / 2 if centred(layout) else left
            _invisible_title(canvas, kit.title, title_style, under_art, art_top - art_height)
            paper = layout.colour("cover_paper")
            under = extras.backdrop((*at, art_width, art_height))
            size = (art_width, art_height)
            draw_art(canvas, extras.title_art, at, size, paper, extras.cmyk, under)
        top = art_top - art_height
    else:
        top = _draw(canvas, escape(kit.title), title_style, x, top - 6, width)
    names = cast_line(kit, styles["cover_line"], width)
    gap = 10.0 if extras.title_art is not None else 10.0 + title_style.fontSize * TITLE_GAP
    if names:  # a large title's capitals sit on its baseline: the names kept clear of them
        top = _draw(canvas, names, styles["cover_line"], x, top - gap, width)
    if layout.cover.quote and kit.quotes:
        markup = _quote(kit, labels.language)
        measure = balanced_measure(markup, styles["cover_quote"], width * QUOTE_SHARE)
        quote = paragraph(markup, styles["cover_quote"])
        _, height = quote.wrap(measure, 1000)
        if top - 16 - height >= floor:
            if canvas is not None:
                left = x + (width - measure) / 2 if centred(layout) else x
                quote.drawOn(canvas, left, top - 16 - height)
            top -= 16 + height
    return top


def balanced_measure(markup: str, style: ParagraphStyle, width: float) -> float:
    """Points: the narrowest measure, down to half of ``width``, at which ``markup`` takes no
    more lines than at ``width``: its lines about as long as each other, the last never a
    word alone ("… to keep something / alive.")."""
    lines = len(line_widths(_wrapped(markup, style, width)))
    measure = width
    while measure - QUOTE_STEP >= width / 2:
        if len(line_widths(_wrapped(markup, style, measure - QUOTE_STEP))) > lines:
            break
        measure -= QUOTE_STEP
    return measure


def _wrapped(markup: str, style: ParagraphStyle, width: float) -> Paragraph:
    para = paragraph(markup, style)
    para.wrap(width, 10_000)
    return para


def cast_line(kit: Kit, style: ParagraphStyle, width: float) -> str:
    """The first four names of the cast, or as many of them as fit one line of ``width``
    (measured as the paragraph sets them, tracking included): a line that wrapped would end
    on a separator, "ROSSY DE PALMA ·", over a name alone."""
    actors = [m.actor for m in kit.cast[:4]]
    while len(actors) > 1 and _lines(" · ".join(escape(a) for a in actors), style, width) > 1:
        actors.pop()
    return " · ".join(escape(a) for a in actors)


def _lines(markup: str, style: ParagraphStyle, width: float) -> int:
    made = paragraph(markup, style)
    made.wrap(width, 10_000)
    return len(made.blPara.lines)


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


def cover_laurel_list(
    kit: Kit, layout: Layout, extras: CoverExtras
) -> list[tuple[Festival, ArtFile | None]]:
    """The cover's festivals with their own laurel artwork (or None), the festivals' own
    official artwork first, then the drawn laurels, each group in the kit's order."""
    chosen = [
        (festival, extras.laurels[i] if i < len(extras.laurels) else None)
        for i, festival in enumerate(kit.festivals[: cover_laurels(kit, layout)])
    ]
    return [pair for pair in chosen if pair[1] is not None] + [
        pair for pair in chosen if pair[1] is None
    ]


def laurel_sizes(
    kit: Kit, layout: Layout, styles: Styles, labels: Labels, extras: CoverExtras
) -> list[tuple[float, float]]:
    """Points: each cover laurel's place in the row, width and height, in
    `cover_laurel_list`'s order, all at one size: the typeset wreaths as tall as the tallest
    and as wide as the widest (the official artwork's `LAUREL_SIZE` in a row of artwork
    alone). A festival's own artwork is as wide as its ink (its clear margins left out),
    which is as high as the wreaths' leaves reach, and never narrower than
    `MIN_LAUREL_ART_WIDTH`, so its own small words stay legible."""
    laurels = cover_laurel_list(kit, layout, extras)
    height, reach, width = laurel_row(kit, layout, styles, labels, extras)
    sizes = []
    for festival, own in laurels:
        if own is not None:
            sizes.append(laurel_art_place(own, height, reach)[:2])
        else:
            sizes.append(laurel_size(festival, styles["laurel"], labels, height, width))
    return sizes


def laurel_row(
    kit: Kit, layout: Layout, styles: Styles, labels: Labels, extras: CoverExtras
) -> tuple[float, tuple[float, float], float]:
    """Points: the cover laurels' one height, how low and how high above their foot the
    typeset wreaths' leaves reach at that height (the whole height without), and the
    wreaths' one width: a row of wreaths of one size, whose leaves reach alike."""
    wreaths = [f for f, own in cover_laurel_list(kit, layout, extras) if own is None]
    drawn = [laurel_size(f, styles["laurel"], labels) for f in wreaths]
    height = max((h for _, h in drawn), default=LAUREL_SIZE if any(extras.laurels) else 0.0)
    if not wreaths:
        return height, (0.0, height), 0.0
    width = max(laurel_size(f, styles["laurel"], labels, height)[0] for f in wreaths)
    return height, wreath_ink(width, height), width


def laurel_art_place(
    art: ArtFile, row: float, reach: tuple[float, float]
) -> tuple[float, float, float, float, float, float]:
    """A festival's own laurel artwork in a row of laurels ``row`` high: the width and
    height of its place in the row (its ink's width, the row's height), then where its ink
    stands in that place (its foot, its height) and where the whole file is drawn (its
    lower-left corner's offset from the ink's, in points). Its ink is as high as ``reach``
    (how low and how high the row's wreaths' leaves reach)."""
    low, high = reach
    width, height = laurel_art_size(art, high - low)
    left, bottom, right, top = ink_box(art)
    ink_width, ink_height = width * (right - left), height * (top - bottom)
    foot = (low + high - ink_height) / 2  # a widened artwork grows about the leaves' middle
    return ink_width, row, foot, ink_height, -width * left, -height * bottom


def laurel_art_size(art: ArtFile, height: float = LAUREL_SIZE) -> tuple[float, float]:
    """Points: a festival's own laurel artwork drawn with its ink ``height`` high (its clear
    margins beyond), but its ink never narrower than `MIN_LAUREL_ART_WIDTH`."""
    left, bottom, right, top = ink_box(art)
    ink_aspect = art.aspect * (right - left) / (top - bottom)
    ink_width = max(MIN_LAUREL_ART_WIDTH, height * ink_aspect)
    full_height = ink_width / ink_aspect / (top - bottom)
    return full_height * art.aspect, full_height


def laurel_zone(sizes: list[tuple[float, float]]) -> float:
    """Points: the width the laurels take at the right of the cover's foot (0 without)."""
    return sum(width for width, _ in sizes) + LAUREL_GAP * max(0, len(sizes) - 1)


def foot_zones(
    foot: Paragraph, layout: Layout, sizes: list[tuple[float, float]], base: float = -1.0
) -> tuple[tuple[float, float, float, float], float]:
    """Where the foot's lines go (x, y, width, height) and the laurels' foot: the lines beside
    the laurels when each of them fits there as it is, else across the frame with the laurels
    on a row above them. Text and laurels never share a point. ``base``: the lines' foot
    (the bottom margin unless given: the logos stand under them)."""
    page = layout.page
    x, full = page.margin_left, page.frame_width
    y = base if base >= 0 else page.margin_bottom
    zone = laurel_zone(sizes)
    beside = full - zone - FOOT_GAP
    _, across = foot.wrap(full, 1000)
    if not zone:
        return (x, y, full, across), y
    if centred(layout):  # the laurels on a row of their own, centred above the lines
        return (x, y, full, across), y + across + FOOT_GAP
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
    """Up to three laurels at the right, centred on one row whose foot is ``foot``; returns
    the row's top (or the foot's)."""
    page = layout.page
    sizes = laurel_sizes(kit, layout, styles, labels, extras)
    laurels = cover_laurel_list(kit, layout, extras)
    row = max((height for _, height in sizes), default=0.0)
    spot = page.width - page.margin_right - laurel_zone(sizes)
    if centred(layout):
        spot = (page.width - laurel_zone(sizes)) / 2
    paper = layout.colour("cover_paper")
    _, reach, wreath_width = laurel_row(kit, layout, styles, labels, extras)
    for (festival, own), (width, height) in zip(laurels, sizes, strict=True):
        at = (spot, foot + (row - height) / 2)
        if own is not None:  # the festival's own artwork, its ink where the leaves reach
            place = laurel_art_place(own, row, reach)
            _draw_laurel_art(canvas, own, at, place, extras, paper, styles["laurel"].textColor)
        else:
            draw_laurel(canvas, festival, styles["laurel"], *at, labels, height, wreath_width)
        spot += width + LAUREL_GAP
    return foot + row


def _draw_laurel_art(
    canvas: Canvas,
    art: ArtFile,
    at: tuple[float, float],
    place: tuple[float, float, float, float, float, float],
    extras: CoverExtras,
    paper: str,
    ink: str,
) -> None:
    """The artwork in its place at ``at``, clipped to its ink: its clear margins, flattened
    onto what is under them, never show as a box on the picture or reach a neighbour. Its
    leaves and words are reversed out in the typeset wreaths' ink, as a poster sets every
    festival's laurel in one colour, so a row of official and typeset laurels reads as one."""
    width, _, foot, ink_height, dx, dy = place
    full = laurel_art_size(art, ink_height)
    corner = (at[0] + dx, at[1] + foot + dy)
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(at[0], at[1] + foot, width, ink_height)
    canvas.clipPath(clip, stroke=0, fill=0)
    under = extras.backdrop((*corner, *full))
    draw_art(canvas, art, corner, full, paper, extras.cmyk, under, ink)
    canvas.restoreState()


def display_style(markup: str, style: ParagraphStyle, width: float) -> ParagraphStyle:
    """``style`` grown until the title's longest line fills ``width`` (at most
    `DISPLAY_GROWTH` times its size), its lines broken where they broke at its own size."""
    base = paragraph(markup, style)
    base.wrap(width, 10_000)
    lines = line_widths(base)
    if not lines:
        return style
    size = style.fontSize * min(DISPLAY_GROWTH, width / max(lines))
    while size > style.fontSize:
        scale = size / style.fontSize
        grown = ParagraphStyle(
            f"{style.name}-display", parent=style, fontSize=size, leading=style.leading * scale
        )
        para = paragraph(markup, grown)
        para.wrap(width, 10_000)
        widths = line_widths(para)
        if len(widths) == len(lines) and max(widths) <= width:
            return grown
        size *= 0.97
    return style


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
        return escape(formats.film_by(labels, kit.directors))
    return escape(labels.press_kit)


LOGO_STRIP = 20.0  # points: the logos' height at the cover's foot
LOGO_STRIP_GAP = 20.0  # points between them
LOGO_STRIP_WIDEST = 0.28  # of the frame: a wide logo is set lower instead


def logo_strip(logos: tuple[ArtFile, ...], layout: Layout) -> list[tuple[float, float, float]]:
    """Each logo's x, width and height on the strip at the cover's foot: one height, on the
    cover's axis (centred, or from the left margin)."""
    page = layout.page
    sizes = [fit(art, page.frame_width * LOGO_STRIP_WIDEST, LOGO_STRIP) for art in logos]
    total = sum(w for w, _ in sizes) + LOGO_STRIP_GAP * max(0, len(sizes) - 1)
    x = page.margin_left + ((page.frame_width - total) / 2 if centred(layout) else 0.0)
    placed = []
    for width, height in sizes:
        placed.append((x, width, height))
        x += width + LOGO_STRIP_GAP
    return placed


def foot_paragraph(
    kit: Kit,
    styles: Styles,
    only_page: bool,
    labels: Labels,
    embargo: str | None = None,
    logos: bool = False,
) -> Paragraph:
    """The press-kit line and the presenter at the foot (and, on a kit's only page, the
    copyright line), the embargo above them; ``logos``: the presenter's logo is under them,
    and says who presents the film."""
    facts = [
        str(kit.year) if kit.year else "",
        ", ".join(kit.countries),
        formats.running_time(kit.runtime, labels.minutes_short, labels) if kit.runtime else "",
    ]
    line = escape(labels.press_kit) + "".join(f"  ·  {escape(f)}" for f in facts if f)
    if embargo:
        line = f"<b>{escape(embargo)}</b><br/>{line}"
    if kit.presented_by and not logos:
        line += "<br/>" + escape(labels.presented_by.format(name=kit.presented_by))
    if kit.copyright_line and only_page:
        line += f"<br/>{escape(kit.copyright_line)}"
    return paragraph(line, styles["cover_small"])


def _draw(
    canvas: Canvas | None, markup: str, style: ParagraphStyle, x: float, top: float, width: float
) -> float:
    para = paragraph(markup, style)
    _, height = para.wrap(width, 1000)
    if canvas is not None:
        para.drawOn(canvas, x, top - height)
    return float(top - height)
