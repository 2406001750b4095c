"""The back cover: a designed page with no folio, everything on it centred on the frame's
one axis. From the foot up the film's © line, its web site and press materials portal, the
logos in a row at one common height, the distributor's block (who presents the film and whom
the press writes to) and the billing block above them, set condensed, the way distributors
close their press notes. Above them the title treatment as a mark (or the typeset title, whose
film it is and, without a billing block, the names): over the billing block, as on a poster,
or without one centred in the room left, so a sparse kit's back cover is composed too, not a
lone line. Across the top of the frame, when the stills pages can spare one, a still of its
own (the plan's ``back``: shown nowhere else, since a still seen twice reads as a template),
its rights line under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from kitpress.document import formats
from kitpress.document.art import ArtFile
from kitpress.document.model import PressDocument
from kitpress.document.title_art import title_art_on
from kitpress.kit.model import Kit

from .artwork import draw_art, fit
from .billing_block import billing_paragraph, billing_style, draw_condensed, opens_with
from .cover import cast_line
from .flowables import CroppedImage
from .paragraphs import paragraph
from .sections import Context
from .text import escape, link

LOGO_HEIGHT = 30.0  # points: every logo is set to this height (narrower when the row is full)
LOGO_GAP = 22.0  # points between logos
MAX_LOGO_WIDTH_SHARE = 0.3  # of the frame: a very wide logo is set lower instead
MARK_HEIGHT = 54.0  # points: the title art's running mark
MARK_WIDTH_SHARE = 0.5
BILLING_IMAGE_HEIGHT = 110.0  # points at most for a billing block given as an image
GAP = 14.0
BACK_CONTACTS = 3  # the distributor's block names this many contacts at most
LINE_GAP = 7.0  # points between the typeset title's lines (title, credit, names)
TITLE_OVER_BILLING = 30.0  # points between the title and the billing block under it
RIGHTS_GAP = 5.0  # points between the back cover's still and its rights line


@dataclass(frozen=True)
class PlacedArt:
    """A piece of art where the back cover puts it: lower-left corner and size, in the frame."""

    art: ArtFile
    x: float
    y: float
    width: float
    height: float


def logo_row(document: PressDocument, width: float) -> list[PlacedArt]:
    """The logos side by side at one height, centred; lower for all when the row is too wide."""
    arts = [a for logo in document.kit.logos if (a := document.artwork(logo.art))]
    if not arts:
        return []
    height = LOGO_HEIGHT
    widths = [min(height * a.aspect, width * MAX_LOGO_WIDTH_SHARE) for a in arts]
    total = sum(widths) + LOGO_GAP * (len(arts) - 1)
    if total > width:
        scale = (width - LOGO_GAP * (len(arts) - 1)) / sum(widths)
        widths = [w * scale for w in widths]
        total = width
    placed, x = [], (width - total) / 2
    for art, box_width in zip(arts, widths, strict=True):
        w, h = fit(art, box_width, height)
        placed.append(PlacedArt(art, x + (box_width - w) / 2, (height - h) / 2, w, h))
        x += box_width + LOGO_GAP
    return placed


def title_mark(document: PressDocument, width: float) -> tuple[float, float] | None:
    """The title art's size as the back cover's mark, or None (no title art, or the layout
    repeats it elsewhere)."""
    art = back_title_art(document)
    if art is None or document.layout.cover.title_mark != "back_cover":
        return None
    return fit(art, width * MARK_WIDTH_SHARE, MARK_HEIGHT)


def back_title_art(document: PressDocument) -> ArtFile | None:
    """The version of the title art the back cover's paper takes."""
    return title_art_on(document, document.layout.colour("paper"))


def billing_image_size(document: PressDocument, width: float) -> tuple[float, float] | None:
    block = document.kit.billing_block
    art = document.artwork(block.art if block else None)
    return fit(art, width, BILLING_IMAGE_HEIGHT) if art else None


def back_styles(styles: dict[str, ParagraphStyle]) -> dict[str, ParagraphStyle]:
    """The back cover's styles, centred versions of the layout's own: the © line and links
    as rights lines, "Presented by" as a label, the billing block condensed, the title (when
    there is no title art) as a heading."""
    made = {}
    for name, parent in (
        ("back_small", "rights"),
        ("back_line", "label"),
        ("back_title", "heading"),
    ):
        made[name] = ParagraphStyle(  # across the frame: a measure would move the axis
            name,
            parent=styles[parent],
            alignment=TA_CENTER,
            spaceBefore=0,
            spaceAfter=0,
            measure=0,
        )
    made["billing"] = billing_style(made["back_line"], styles["body"].textColor)
    return made


def back_copyright(kit: Kit) -> str | None:
    """The back cover's © line: the kit's own, else one made from the stills' rights holder
    (the kit's, or the first still's that names one), with the film's year. A still's fuller
    form of the kit's holder ("El Deseo D.A. S.L.U." for "El Deseo") is its legal name."""
    if kit.copyright_line:
        return kit.copyright_line
    holders = [h for h in [kit.rights.copyright] + [s.rights.copyright for s in kit.stills] if h]
    holder = holders[0] if holders else None
    fuller = [h for h in holders if holder and h.startswith(holder)]
    holder = max(fuller, key=len, default=holder)
    if holder is None:
        return None
    return f"© {kit.year} {holder}" if kit.year else f"© {holder}"


def kit_people(kit: Kit) -> tuple[str, ...]:
    """Everyone the kit names in its cast and crew: the people a billing block names."""
    crew = (name for credit in (*kit.crew, *kit.credits) for name in credit.names)
    return tuple(dict.fromkeys([*(m.actor for m in kit.cast), *crew]))


def contact_lines(ctx: Context) -> list[str]:
    """The distributor's block: one line per contact (its role, name, company and e-mail)."""
    lines = []
    for contact in ctx.kit.contacts[:BACK_CONTACTS]:
        names = [escape(x) for x in (contact.name, contact.company) if x]
        role = escape(ctx.labels.contact_role(contact.role))
        reach = [escape(x) for x in (contact.email, contact.phone) if x]
        lines.append(f"<b>{role}</b>  " + "  ·  ".join(names + reach))
    return lines


class BackCover(Flowable):  # type: ignore[misc]
    """The whole back cover, drawn into the body frame of a page without a folio: every
    element centred on the frame's one axis."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.styles = back_styles(ctx.styles)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height - 1
        return self.width, self.height

    def draw(self) -> None:
        self._head(self._foot(), self._still())

    def _still(self) -> float:
        """The back cover's still from the frame's top, its rights line under it; returns
        the lowest point it takes (the frame's top without one)."""
        slot = self.ctx.plan.back
        if slot is None:
            return self.height
        image = CroppedImage(self.ctx.images[slot.still.id], slot.box, slot.shown_height)
        top = self.height - slot.shown_height
        image.drawOn(self.canv, 0, top)
        rights = slot.caption.rights or back_copyright(self.ctx.kit)
        if not rights:
            return top
        para = paragraph(escape(rights), self.styles["back_small"])
        _, height = para.wrap(self.width, self.height)
        para.drawOn(self.canv, 0, top - RIGHTS_GAP - height)
        return top - RIGHTS_GAP - float(height)

    def _foot(self) -> float:
        """From the foot up: the © line, the links, the logos, the distributor's block and
        the billing block; returns the top of what was set."""
        ctx, width = self.ctx, self.width
        kit, labels, styles = ctx.kit, ctx.labels, self.styles
        accent = ctx.layout.colour("accent")
        y = 0.0
        rights = back_copyright(kit)
        if rights:
            y = self._para(escape(rights), "back_small", y) + 4
        links = []
        if kit.website:
            links.append(link(kit.website, colour=accent))
        if kit.press_materials:
            portal = link(kit.press_materials, colour=accent)
            links.append(f"{escape(labels.press_materials)}: {portal}")
        if links:
            y = self._para("<br/>".join(links), "back_small", y) + GAP
        row = logo_row(ctx.document, width)
        for placed in row:
            self._art(placed.art, placed.x, y + placed.y, placed.width, placed.height)
        if row:
            y += LOGO_HEIGHT + GAP * 1.5
        contacts = contact_lines(ctx)
        if contacts:
            y = self._para("<br/>".join(contacts), "back_small", y) + GAP
        block = kit.billing_block
        text = block.text if block else None
        if kit.presented_by and not (text and opens_with(text, kit.presented_by)):
            line = escape(labels.presented_by.format(name=kit.presented_by))
            y = self._para(line, "back_line", y) + GAP
        if text:
            para, measure = billing_paragraph(text, styles["billing"], width, kit_people(kit))
            draw_condensed(self.canv, para, width / 2, y, measure)
            y += para.height + GAP
        size = billing_image_size(ctx.document, width)
        if block and block.art and size:
            art = ctx.document.artwork(block.art)
            assert art is not None
            self._art(art, (width - size[0]) / 2, y, *size)
            y += size[1] + GAP
        return y

    def _head(self, floor: float, ceiling: float) -> None:
        """Between ``floor`` and ``ceiling``: the title (its art as a mark, or typeset with
        whose film it is and, without a billing block, the names), over the billing block as
        on a poster, else centred in the room above the foot's block."""
        ctx, width, kit = self.ctx, self.width, self.ctx.kit
        labels, styles = ctx.labels, self.styles
        mark = title_mark(ctx.document, width)
        title_art = back_title_art(ctx.document)
        lines: list[Paragraph] = []
        if not (mark and title_art):  # the typeset title, and under it whose film it is
            lines.append(paragraph(escape(kit.title), styles["back_title"]))
            if kit.directors:
                credit = escape(formats.film_by(labels, kit.directors))
                lines.append(paragraph(credit, styles["back_line"]))
            names = cast_line(kit, styles["back_line"], width)
            if names and not kit.billing_block:
                lines.append(paragraph(names, styles["back_line"]))
        heights = [float(line.wrap(width, self.height)[1]) for line in lines]
        title_height = mark[1] if mark and title_art else 0.0
        title_height += sum(heights) + LINE_GAP * max(0, len(heights) - 1)
        room = ceiling - floor - GAP * 2
        top = floor + GAP * 2 + (room + title_height) / 2
        if kit.billing_block is not None:  # the title over its billing block, as a poster's
            top = min(top, floor + TITLE_OVER_BILLING + title_height)
        if mark and title_art:
            top -= mark[1]
            self._art(title_art, (width - mark[0]) / 2, top, *mark)
        for line, height in zip(lines, heights, strict=True):
            top -= height
            line.drawOn(self.canv, 0, top)
            top -= LINE_GAP

    def _para(self, markup: str, style: str, y: float) -> float:
        """A centred paragraph with its foot at ``y``; returns its top."""
        para = paragraph(markup, self.styles[style])
        _, height = para.wrap(self.width, self.height)
        para.drawOn(self.canv, 0, y)
        return y + float(height)

    def _art(self, art: ArtFile, x: float, y: float, width: float, height: float) -> None:
        paper = self.ctx.layout.colour("paper")
        draw_art(self.canv, art, (x, y), (width, height), paper, self.ctx.cmyk)
