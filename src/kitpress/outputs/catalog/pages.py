"""Draw the line-up catalogue: a cover, the contents, one page per title, the company's
contacts. Every page is set on the layout's grid, in its fonts, colours and styles, in the
trimmed page's coordinates (pictures that touch an edge run on into the bleed)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from kitpress.document import formats
from kitpress.document.lineup import Lineup, Title
from kitpress.kit.model import Contact
from kitpress.layout.model import Layout, PageSpec

from ..pdf.render.cover import fitting_style
from ..pdf.render.fonts import font_name
from ..pdf.render.styles import paragraph_styles
from ..pdf.render.text import escape, link

BAND_SHARE = 0.47  # of the page height: a landscape picture across the top of a title's page
POSTER_SHARE = 0.5  # of the frame width: a poster, shown whole, beside the text
MOSAIC = (0.36, 0.70)  # the cover's strip of pictures, from and to these shares of the height
ROW = 34.0  # points a title takes in the contents
CAST_SHOWN = 5
SALES_FIRST = ("world_sales", "sales", "international_press", "distributor", "press", "us_press")


@dataclass(frozen=True)
class Picture:
    jpeg: bytes
    pixels: tuple[int, int]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


def picture_box(pixels: tuple[int, int], layout: Layout) -> tuple[Box, bool]:
    """Where a title's picture goes on its page, and whether it is cropped to fill the box:
    a landscape across the top into the bleed; a poster whole, at the left of the frame."""
    page, bleed = layout.page, layout.page.bleed
    width, height = pixels
    if width >= height:
        band = page.height * BAND_SHARE
        box = Box(-bleed, page.height - band, page.width + 2 * bleed, band + bleed)
        return box, True
    shown = page.frame_width * POSTER_SHARE
    tall = min(shown * height / width, page.height * 0.62)
    shown = tall * width / height
    return Box(page.margin_left, page.height - page.margin_top - tall, shown, tall), False


def contents_pages(titles: int, layout: Layout) -> int:
    rows = max(1, int((layout.page.frame_height - 60) // ROW))
    return max(1, ceil(titles / rows))


def first_title_page(lineup: Lineup) -> int:
    return 2 + contents_pages(len(lineup.titles), lineup.layout)


class Pages:
    """The catalogue's pages, drawn one after the other on ``canvas``."""

    def __init__(
        self,
        canvas: Canvas,
        lineup: Lineup,
        layout: Layout,
        pictures: dict[int, Picture],
        logo: Picture | None,
    ) -> None:
        self.canvas, self.lineup, self.layout = canvas, lineup, layout
        self.pictures, self.logo = pictures, logo
        self.styles = paragraph_styles(layout)
        self.labels = lineup.titles[0].document.labels
        self.page = 0

    def draw(self) -> int:
        self.cover()
        self.contents()
        for number, title in enumerate(self.lineup.titles):
            self.title_page(number, title)
        self.contacts_page()
        return self.page

    # one page each ---------------------------------------------------------------------

    def cover(self) -> None:
        page, lineup = self._open(), self.lineup
        c, bleed = self.canvas, page.bleed
        c.setFillColor(self.layout.colour("cover_paper"))
        c.rect(-bleed, -bleed, page.width + 2 * bleed, page.height + 2 * bleed, stroke=0, fill=1)
        low, high = (page.height * share for share in MOSAIC)
        self._mosaic(Box(-bleed, low, page.width + 2 * bleed, high - low))
        left, width = page.margin_left, page.frame_width
        top = page.height - page.margin_top
        if self.logo is not None:
            self._logo_plate(left, top, 40)
        else:
            self._text(escape(lineup.company.name), "cover_line", left, top, width)
        title = escape(lineup.market or self.labels.line_up)
        style = fitting_style(
            title, self.styles["cover_title"], width, low - page.margin_bottom - 90
        )
        y = self._text(title, style, left, low - 30, width)
        lines = [self.labels.line_up, lineup.company.name]
        if lineup.market_date is not None:
            lines.insert(1, formats.long_date(lineup.market_date, self.labels.language))
        self._text("  ·  ".join(escape(x) for x in lines), "cover_line", left, y - 10, width)
        count = f"{len(lineup.titles)} {'title' if len(lineup.titles) == 1 else 'titles'}"
        foot = [count, *(x for x in (lineup.company.url,) if x)]
        self._text(
            "  ·  ".join(escape(x) for x in foot),
            "cover_small",
            left,
            page.margin_bottom + 12,
            width,
        )
        self._close(folio=False)

    def contents(self) -> None:
        titles = self.lineup.titles
        per_page = max(1, int((self.layout.page.frame_height - 60) // ROW))
        first = first_title_page(self.lineup)
        for start in range(0, len(titles), per_page):
            page = self._open()
            left, width = page.margin_left, page.frame_width
            y = page.height - page.margin_top
            if start == 0:
                y = self._text(escape(self.labels.contents), "heading", left, y, width) - 6
            for number in range(start, min(start + per_page, len(titles))):
                y = self._contents_row(number, titles[number], first + number, y)
            self._close()

    def title_page(self, number: int, title: Title) -> None:
        """A landscape picture across the top, the title and the body below it; or a poster
        whole at the left with the title and logline beside it, the body below both."""
        page = self._open()
        document, kit = title.document, title.document.kit
        picture = self.pictures.get(number)
        left, width = page.margin_left, page.frame_width
        top = page.height - page.margin_top
        x, w, below = left, width, top
        if picture is not None:
            box, fill = picture_box(picture.pixels, self.layout)
            self._image(picture, box)
            if fill:
                top = below = box.y - 26
            else:
                gap = self.layout.page.columns_gap * 1.5
                x, w, below = left + box.width + gap, width - box.width - gap, box.y
        kicker = f"{number + 1:02d}" + (f"  ·  {title.status}" if title.status else "")
        y = self._text(escape(kicker), "kicker", x, top, w)
        name = escape(kit.title)
        y = self._text(name, fitting_style(name, self._title_style(), w, 80), x, y - 2, w)
        if kit.original_title:
            y = self._text(escape(kit.original_title), "role", x, y - 2, w)
        if kit.directors:
            directors = formats.names(kit.directors, self.labels.language)
            credit = self.labels.directed_by.format(directors=directors)
            y = self._text(escape(credit), "name", x, y - 6, w)
        beside = w != width  # a poster's page: the logline beside it, under the title
        if beside and kit.logline:
            y = self._text(escape(kit.logline), "lead", x, y - 14, w)
        floor = page.margin_bottom + 70
        body_top = min(y, below) - 18
        text_w = width * 0.58
        y = body_top
        if kit.logline and not beside:
            y = self._text(escape(kit.logline), "lead", left, y, text_w) - 6
        if kit.cast:
            names = ", ".join(member.actor for member in kit.cast[:CAST_SHOWN])
            y = self._text(escape(self.labels.sections["cast"]), "label", left, y, text_w)
            self._text(escape(names), "value", left, y - 2, text_w)
        facts = list(document.facts)
        if title.status:
            facts.append((self.labels.status, title.status))
        self._facts(facts, left + width * 0.64, body_top, width * 0.36, floor)
        self._title_contacts(kit.contacts or self.lineup.company.contacts, floor)
        self._close()

    def contacts_page(self) -> None:
        page, company = self._open(), self.lineup.company
        left, width = page.margin_left, page.frame_width
        y = page.height - page.margin_top
        y = self._text(escape(self.labels.sections["contacts"]), "heading", left, y, width)
        y = self._text(escape(company.name), "name", left, y, width) - 14
        gap = self.layout.page.columns_gap
        half = (width - gap) / 2
        tops = [y, y]
        for i, contact in enumerate(_sales_first(company.contacts)):
            side = i % 2
            x = left + side * (half + gap)
            top = self._text(escape(contact.role.replace("_", " ")), "label", x, tops[side], half)
            tops[side] = self._text(self._contact_lines(contact), "value", x, top - 2, half) - 14
        bottom = page.margin_bottom + 10
        if self.logo is not None:
            self._logo_plate(left, bottom + 44, 44)
        if company.url:
            accent = self.layout.colour("accent")
            self._text(
                link(company.url, colour=accent), "value", left + width / 2, bottom + 14, width / 2
            )
        self._close()

    # parts of pages ---------------------------------------------------------------------

    def _contents_row(self, number: int, title: Title, page_number: int, top: float) -> float:
        page, kit = self.layout.page, title.document.kit
        left, width = page.margin_left, page.frame_width
        c = self.canvas
        c.setStrokeColor(self.layout.colour("rule"))
        c.setLineWidth(0.5)
        c.line(left, top, left + width, top)
        baseline = top - 20
        self._text(f"{number + 1:02d}", "kicker", left, baseline + 10.3, 24)
        name = escape(kit.title)
        self._text(name, "name", left + 30, baseline + 12, width * 0.40)
        who = " & ".join(kit.directors)
        if who:
            self._text(escape(who), "role", left + 30 + width * 0.41, baseline + 12, width * 0.28)
        if title.status:
            self._text(
                escape(title.status), "label", left + width * 0.72, baseline + 10.4, width * 0.22
            )
        style = ParagraphStyle("folio", parent=self.styles["value"], alignment=2)
        self._text(str(page_number), style, left + width - 30, baseline + 12, 30)
        return top - ROW

    def _facts(
        self, facts: Sequence[tuple[str, str]], x: float, top: float, width: float, floor: float
    ) -> None:
        label_w = width * 0.42
        for label, value in facts:
            para = Paragraph(escape(value), self.styles["value"])
            name = Paragraph(escape(label), self.styles["label"])
            _, height = para.wrap(width - label_w, 400)
            _, label_h = name.wrap(label_w - 6, 400)
            tallest = max(height, label_h + 1)
            if top - tallest < floor:
                return  # the rest would run into the contacts: the press kit has them all
            name.drawOn(self.canvas, x, top - 1 - label_h)
            para.drawOn(self.canvas, x + label_w, top - height)
            top -= tallest + 4

    def _title_contacts(self, contacts: Sequence[Contact], floor: float) -> None:
        page = self.layout.page
        left, width = page.margin_left, page.frame_width
        chosen = _sales_first(contacts)[:2]
        if not chosen:
            return
        c = self.canvas
        c.setStrokeColor(self.layout.colour("rule"))
        c.setLineWidth(0.5)
        c.line(left, floor - 8, left + width, floor - 8)
        gap = page.columns_gap
        half = (width - gap) / 2
        for i, contact in enumerate(chosen):
            x = left + i * (half + gap)
            top = self._text(escape(contact.role.replace("_", " ")), "label", x, floor - 14, half)
            self._text(self._contact_lines(contact, compact=True), "caption", x, top, half)

    def _contact_lines(self, contact: Contact, compact: bool = False) -> str:
        accent = self.layout.colour("accent")
        names = [x for x in (contact.name, contact.company) if x]
        lines = [escape(", ".join(names))] if compact else [escape(x) for x in names]
        if contact.address and not compact:
            lines.append(escape(contact.address))
        reach = []
        if contact.email:
            reach.append(link(f"mailto:{contact.email}", contact.email, accent))
        if contact.phone:
            reach.append(escape(contact.phone))
        if contact.url and not compact:
            reach.append(link(contact.url, colour=accent))
        lines += ["  ·  ".join(reach)] if compact and reach else reach
        return "<br/>".join(lines)

    def _mosaic(self, strip: Box) -> None:
        shown = [self.pictures[i] for i in sorted(self.pictures)][:5]
        if not shown:
            return
        gap = 3.0
        cell = (strip.width - gap * (len(shown) - 1)) / len(shown)
        for i, picture in enumerate(shown):
            self._image(
                picture, Box(strip.x + i * (cell + gap), strip.y, cell, strip.height), crop=True
            )

    def _logo_plate(self, x: float, top: float, height: float) -> None:
        assert self.logo is not None
        width, tall = self.logo.pixels
        shown_w = height * width / tall
        pad = 8.0
        c = self.canvas
        c.setFillColor(self.layout.colour("paper"))
        c.rect(x, top - height - 2 * pad, shown_w + 2 * pad, height + 2 * pad, stroke=0, fill=1)
        self._image(self.logo, Box(x + pad, top - height - pad, shown_w, height))

    def _image(self, picture: Picture, box: Box, crop: bool = False) -> None:
        c = self.canvas
        reader = ImageReader(io.BytesIO(picture.jpeg))
        if not crop:
            c.drawImage(reader, box.x, box.y, box.width, box.height)
            return
        width, height = picture.pixels
        scale = max(box.width / width, box.height / height)
        shown = (width * scale, height * scale)
        c.saveState()
        path = c.beginPath()
        path.rect(box.x, box.y, box.width, box.height)
        c.clipPath(path, stroke=0, fill=0)
        x = box.x + (box.width - shown[0]) / 2
        y = box.y + (box.height - shown[1]) / 2
        c.drawImage(reader, x, y, shown[0], shown[1])
        c.restoreState()

    def _title_style(self) -> ParagraphStyle:
        heading = self.styles["heading"]
        return ParagraphStyle(
            "lineup-title",
            parent=heading,
            fontName=font_name("serif", bold=True)
            if "serif" in self.layout.fonts
            else heading.fontName,
            fontSize=heading.fontSize * 1.5,
            leading=heading.fontSize * 1.5 * 1.12,
            spaceAfter=0,
        )

    def _text(
        self, markup: str, style: str | ParagraphStyle, x: float, top: float, width: float
    ) -> float:
        """``markup`` set in ``style`` with its first line's top at ``top``; the bottom."""
        chosen = self.styles[style] if isinstance(style, str) else style
        para = Paragraph(markup, chosen)
        _, height = para.wrap(width, 2000)
        para.drawOn(self.canvas, x, top - height)
        return float(top - height)

    def _open(self) -> PageSpec:
        self.page += 1
        page = self.layout.page
        self.canvas.saveState()
        self.canvas.translate(page.offset, page.offset)
        if self.page > 1:
            self.canvas.setFillColor(self.layout.colour("paper"))
            bleed = page.bleed
            self.canvas.rect(
                -bleed, -bleed, page.width + 2 * bleed, page.height + 2 * bleed, stroke=0, fill=1
            )
        return page

    def _close(self, folio: bool = True) -> None:
        page = self.layout.page
        if folio:
            left, width = page.margin_left, page.frame_width
            y = page.margin_bottom - 14
            line = (
                self.labels.line_up_of.format(
                    company=self.lineup.company.name, market=self.lineup.market
                )
                if self.lineup.market
                else self.lineup.company.name
            )
            self._text(escape(line), "footer", left, y, width * 0.8)
            style = ParagraphStyle("folio", parent=self.styles["footer"], alignment=2)
            self._text(str(self.page), style, left + width - 40, y, 40)
        self.canvas.restoreState()
        self.canvas.showPage()


def _sales_first(contacts: Sequence[Contact]) -> list[Contact]:
    rank = {role: i for i, role in enumerate(SALES_FIRST)}
    return sorted(contacts, key=lambda c: rank.get(c.role, len(rank)))
