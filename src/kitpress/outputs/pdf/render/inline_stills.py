"""Stills among the long prose: a still the width of the text column, its caption beside it
in the side column, set between two paragraphs of the long synopsis or two chapters of the
production notes, so the pages of reading carry the film's pictures and not only the stills
pages at the back. The caption's last line stands on the picture's foot, as a designer hangs
a caption in the margin of a magazine page.

A still that does not fit where it stands would leave a hole at the page's foot; instead the
text after it runs on down the page, and the still opens the next page (a float, as a
designer places a picture near, not exactly at, its mention).
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NullActionFlowable

from ..plan import INLINE_SECTIONS, StillSlot
from .flowables import Gap
from .jpeg_files import jpeg_image
from .side_column import fill
from .text import escape

SPACE = 14.0  # points above and below the still
AFTER = 3  # flowables of the text after it that may run on before a still that moved


class FloatingStill(Flowable):  # type: ignore[misc]
    """``still`` (a photo with its caption) with the flowables that follow it: here when it
    fits, else after as much of them as fills this page."""

    def __init__(self, still: Flowable, after: list[Flowable]) -> None:
        super().__init__()
        self.still, self.after = still, after
        self.set_width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.set_width = avail_width  # the text column's, inside the frame's indent
        return avail_width, 0xFFFFFF  # always asked to split, as a KeepTogether is

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        width = self.set_width or avail_width  # a frame splits at its whole width
        still = float(self.still.wrap(width, avail_height)[1])
        placed: list[Flowable] = [Gap(SPACE), self.still, Gap(SPACE)]
        if still + SPACE <= avail_height:
            return [NullActionFlowable(), *placed, *self.after]
        here, rest = fill(self.after, width, avail_height)
        while here and getattr(here[-1], "keepWithNext", False):
            rest.insert(0, here.pop())  # a question goes over with its answer
        return [NullActionFlowable(), *here, *placed, *rest]

    def identity(self, maxLen: Any = None) -> str:
        return f"FloatingStill(before {len(self.after)})"


CAPTION_GAP = 3.0  # points between a caption and its rights line


class SideCaptioned(Flowable):  # type: ignore[misc]
    """A picture in the text column with its caption (and rights line) in the side column,
    ``column`` points left of it and ``gap`` short of it, the caption's foot on the
    picture's foot; a caption taller than the picture runs on below it."""

    def __init__(self, picture: Flowable, notes: list[Flowable], column: float, gap: float) -> None:
        super().__init__()
        self.picture, self.notes = picture, notes
        self.column, self.gap = column, gap
        self.note_heights: list[float] = []

    def _notes_height(self, avail_height: float) -> float:
        width = self.column - self.gap
        self.note_heights = [float(f.wrap(width, avail_height)[1]) for f in self.notes]
        return sum(self.note_heights) + CAPTION_GAP * (len(self.notes) - 1)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.picture_height = float(self.picture.wrap(avail_width, avail_height)[1])
        self.width = avail_width
        self.height = max(self.picture_height, self._notes_height(avail_height))
        return self.width, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self.picture.drawOn(canvas, x, y + self.height - self.picture_height)
        foot = y + self.height - self.picture_height  # the notes' foot, where they fit
        note_y = foot + sum(self.note_heights) + CAPTION_GAP * (len(self.notes) - 1)
        for flowable, height in zip(self.notes, self.note_heights, strict=True):
            note_y -= height
            flowable.drawOn(canvas, x - self.column, note_y)
            note_y -= CAPTION_GAP

    def identity(self, maxLen: Any = None) -> str:
        return "SideCaptioned"


def still_among_prose(ctx: Any, slot: StillSlot, flowables: list[Flowable], at: int) -> None:
    """Set ``slot``'s still in ``flowables`` (the text column's) before ``flowables[at]``
    (after the last, in prose shorter than that), the text column wide, its caption and
    rights line beside it in the side column. The plan has left it off the stills pages."""
    at = min(at, len(flowables))
    page = ctx.layout.page
    column = min(page.label_column, page.frame_width / 2)
    width = page.frame_width - column
    source_width, source_height = slot.source_pixels
    picture = jpeg_image(ctx.images[slot.still.id], width, width * source_height / source_width)
    notes = [ctx.caption(slot)]
    if slot.caption.rights:  # its own rights: the stills pages' shared line is pages away
        notes.append(ctx.p(escape(slot.caption.rights), "rights"))
    still = SideCaptioned(picture, notes, column, page.columns_gap)
    after = flowables[at : at + AFTER]
    flowables[at : at + AFTER] = [FloatingStill(still, after)]


def inline_slot(ctx: Any, section: str) -> StillSlot | None:
    """The still set among ``section``'s prose, if any: the plan's inline stills in the order
    of the sections that take one."""
    takers = [key for key in INLINE_SECTIONS if key in ctx.plan.sections]
    if section not in takers:
        return None
    number = takers.index(section)
    return ctx.plan.inline[number] if number < len(ctx.plan.inline) else None
