"""Stills among the long prose: a still the width of the text column, with its caption, set
between two paragraphs of the long synopsis or two chapters of the production notes, so the
pages of reading carry the film's pictures and not only the stills pages at the back.

A still that does not fit where it stands would leave a hole at the page's foot; instead the
text after it runs on down the page, and the still opens the next page (a float, as a
designer places a picture near, not exactly at, its mention).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, NullActionFlowable

from ..plan import INLINE_SECTIONS, StillSlot
from .flowables import Gap, photo
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


def still_among_prose(ctx: Any, slot: StillSlot, flowables: list[Flowable], at: int) -> None:
    """Set ``slot``'s still in ``flowables`` (the text column's) before ``flowables[at]``,
    the text column wide, its caption and rights line under it."""
    if not 0 < at < len(flowables):
        return
    page = ctx.layout.page
    width = page.frame_width - min(page.label_column, page.frame_width / 2)
    source_width, source_height = slot.source_pixels
    box = (width, width * source_height / source_width)
    caption = ctx.p(escape(slot.caption.text), "caption")
    rights = ctx.p(escape(slot.caption.rights), "rights") if slot.caption.rights else None
    still = photo(ctx, ctx.images[slot.still.id], box, caption, rights)  # its own rights:
    # the stills pages' shared line is pages away
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
