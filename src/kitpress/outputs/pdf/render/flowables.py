"""Small flowables: a section bookmark, vertical gaps, a photo kept with its caption."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import (
    Flowable,
    FrameBreak,
    Image,
    KeepInFrame,
    KeepTogether,
    NullActionFlowable,
    Paragraph,
    Table,
    TableStyle,
)

from ..arrange import GAP, HEADING_ALLOWANCE
from .jpeg_files import jpeg_image

MIN_CAPTION_WIDTH = 120.0  # points: under a very narrow photo, captions still read as lines
MIN_PHOTO_HEIGHT = 72.0  # points: below this a long caption shrinks with its photo instead


class Bookmark(Flowable):  # type: ignore[misc]
    """Zero-size marker that adds a PDF outline entry pointing at where it lands."""

    _ZEROSIZE = True  # the frame places it even where the page has no room left

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0, closed=False)


class Gap(Flowable):  # type: ignore[misc]
    """Vertical space between two things on one page: none at the top of a page, and never
    more than the page has left, so a gap can neither push a page's text down nor start a
    page of its own (which a following page break would then leave blank): on a page a
    still has filled to its foot it is placed, at no height, where ReportLab would start a
    page for it."""

    _ZEROSIZE = True

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        at_top = frame is not None and getattr(frame, "_atTop", False)
        return avail_width, 0 if at_top else min(self.height, avail_height)

    def draw(self) -> None:
        pass


class Rule(Flowable):  # type: ignore[misc]
    """A thin horizontal rule across the frame."""

    def __init__(self, colour: str, width: float = 0.6, space: float = 6) -> None:
        super().__init__()
        self.colour = colour
        self.line_width = width
        self.space = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.space * 2

    def draw(self) -> None:
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(self.line_width)
        self.canv.line(0, self.space, self.width, self.space)


class PullQuote(Flowable):  # type: ignore[misc]
    """A pull quote: its paragraphs indented behind an accent rule down their left side,
    kept whole on one page."""

    RULE = 2.0  # points
    INDENT = 14.0
    SPACE = 14.0  # above and below: the quote stands apart from the text it interrupts

    def __init__(self, paragraphs: list[Paragraph], colour: str) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        self.colour = colour
        self.heights: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = avail_width - self.INDENT
        self.heights = [p.wrap(inner, avail_height)[1] for p in self.paragraphs]
        gaps = sum(p.style.spaceAfter for p in self.paragraphs[:-1])
        self.width = avail_width
        self.text_height = sum(self.heights) + gaps
        self.height = self.text_height + 2 * self.SPACE
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFillColor(self.colour)
        self.canv.rect(0, self.SPACE, self.RULE, self.text_height, stroke=0, fill=1)
        y = self.SPACE + self.text_height
        for paragraph, height in zip(self.paragraphs, self.heights, strict=True):
            y -= height
            paragraph.drawOn(self.canv, self.INDENT, y)
            y -= paragraph.style.spaceAfter


class AtFoot(Flowable):  # type: ignore[misc]
    """A paragraph set at the foot of the frame, below whatever the page already holds (the
    film's copyright line on the last page); on the next page when the foot is too short."""

    def __init__(self, paragraph: Paragraph) -> None:
        super().__init__()
        self.paragraph = paragraph

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, needed = self.paragraph.wrap(avail_width, avail_height)
        self.height = max(needed, avail_height)  # the rest of the frame, down to its foot
        return self.width, self.height

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, 0, 0)


class CroppedImage(Flowable):  # type: ignore[misc]
    """A photo drawn at ``box`` and shown ``shown`` points high: cut evenly off its top and
    foot by a clipping path, so the image placed is the whole picture (what the plan sized)."""

    def __init__(self, jpeg: Path, box: tuple[float, float], shown: float) -> None:
        super().__init__()
        self.image = jpeg_image(jpeg, box[0], box[1])
        self.box, self.width, self.height = box, box[0], shown

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        path = self.canv.beginPath()
        path.rect(0, 0, self.width, self.height)
        self.canv.clipPath(path, stroke=0, fill=0)
        self.image.drawOn(self.canv, 0, -(self.box[1] - self.height) / 2)
        self.canv.restoreState()


def photo(
    ctx: Any,
    jpeg: Path,
    box: tuple[float, float],
    caption: Any,
    rights: Any,
    shown: float | None = None,
) -> Flowable:
    """The photo at its planned box with caption and rights under it, as one unsplittable cell;
    ``shown``: the height of it shown, cropped evenly top and foot (a stacked photo across the
    measure).

    A caption too long for the space the plan kept makes the photo smaller, so both still fit
    one page; only a caption taller than a page is shrunk with it. Never a layout error.
    """
    limit = ctx.layout.page.frame_height - HEADING_ALLOWANCE
    if shown is not None and shown < box[1]:
        image = CroppedImage(jpeg, box, shown)
        cropped = _photo_table(ctx, image, box[0], [caption, rights])
        if cropped.wrap(ctx.layout.page.frame_width, limit)[1] <= limit:
            return cropped  # else a caption too long for a page: the photo gives way below
    width = max(box[0], MIN_CAPTION_WIDTH)  # a narrow or shrunk photo: its caption keeps room
    table = _photo_table(ctx, _image(jpeg, box), width, [caption, rights])
    for _ in range(3):
        height = table.wrap(ctx.layout.page.frame_width, limit)[1]
        room = limit - (height - box[1])  # what the caption leaves for the photo
        if height <= limit or room < MIN_PHOTO_HEIGHT or room >= box[1]:
            break
        box = (box[0] * room / box[1] * 0.98, room * 0.98)
        table = _photo_table(ctx, _image(jpeg, box), width, [caption, rights])
    if table.wrap(ctx.layout.page.frame_width, limit)[1] <= limit:
        return table
    return KeepInFrame(0, limit, [table], mode="shrink")


def _image(jpeg: Path, box: tuple[float, float]) -> Image:
    return jpeg_image(jpeg, box[0], box[1])


def _photo_table(ctx: Any, image: Flowable, width: float, texts: list[Any]) -> Table:
    rows = [[image]] + [[text] for text in texts if text is not None]
    table = Table(rows, colWidths=[width], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), ctx.styles["body"].fontName),
                ("ALIGN", (0, 0), (0, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (0, 1), 5),
            ]
        )
    )
    return table


def photo_grid(
    ctx: Any, cells: list[Any], columns: int, widths: list[float] | None = None
) -> Table:
    """Photos (from ``photo``) in rows of ``columns``, top-aligned, GAP apart; a page that
    cannot hold them all splits between rows, never inside a photo and its caption.
    ``widths``: one row's photos' own widths (a justified row), else equal columns."""
    width = ctx.layout.page.frame_width
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    column = (width - GAP * (columns - 1)) / columns
    own = widths or [column] * columns
    widths = [w + GAP for w in own[:-1]] + own[-1:]  # the gap is the right padding
    table = Table(rows, colWidths=widths, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), ctx.styles["body"].fontName),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-2, -1), GAP),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), GAP),
            ]
        )
    )
    return table


THIN_PAGE = 0.6  # of the frame's height: a page filled less than this is thin


class KeptUnlessThin(KeepTogether):  # type: ignore[misc]
    """Groups of flowables kept on one page, as a box a reader takes in at once (the praise,
    its quotes the groups; the technical details, one group), unless moving them would
    leave the page they start on thin. Then a single group flows on over the break as it
    would unkept, and several part after as many groups as fit here, with ``apart`` groups
    at least on each side (never a lone quote over the page)."""

    def __init__(
        self,
        groups: list[list[Flowable]],
        frame_height: float,
        apart: int = 2,
        flowing: list[Flowable] | None = None,
        lead: float = 0.0,
    ) -> None:
        """``flowing``: a single group as it flows on a thin page (its own keeps inside);
        ``lead``: the space set above it (its heading's gap), which fills none of the page."""
        super().__init__([f for group in groups for f in group])
        self.groups, self.frame_height, self.apart = groups, frame_height, apart
        self.flowing, self.lead = flowing, lead

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        # A frame asks for a split at its whole width, past an Indenter's indent: measured
        # at the width it was set to (its last wrap's), as a Paragraph is.
        avail_width = getattr(self, "_wrapInfo", (avail_width,))[0]
        self.wrap(avail_width, avail_height)
        at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
        if at_top or avail_height - SLACK >= self._H:
            # all of it fits here, or it fits no page whole; the frame adds a split's first
            return [NullActionFlowable(), *self._content]  # flowable as it is, unsplit
        filled = self.frame_height - avail_height - self.lead
        if filled / self.frame_height >= THIN_PAGE:
            return [FrameBreak(), *self._content]  # the page is full enough: all over
        if len(self.groups) == 1:
            return [NullActionFlowable(), *(self.flowing or self._content)]
        for count in range(len(self.groups) - self.apart, self.apart - 1, -1):
            here = KeepTogether([f for group in self.groups[:count] for f in group])
            here.canv = self.canv  # measured as the frame measures it, spaces between included
            here.wrap(avail_width, avail_height)
            if avail_height - SLACK >= here._H:
                rest = [f for group in self.groups[count:] for f in group]
                return [NullActionFlowable(), *here._content, KeepTogether(rest)]
        return [FrameBreak(), *self._content]


SLACK = 1.0  # points: rounding between KeepTogether's measure and the frame's
