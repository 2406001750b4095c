"""The grid's side column beside the text column: long prose is set in the text column (from
the value column every list sets its values on), and what a designer hangs beside it, a
chapter's heading or a pull quote, stands in the side column with its first baseline on the
first baseline of the text it goes with.

`Hanging` pairs such a side note with the flowable it stands beside; it travels with the
first part of that flowable when the flowable splits over a page, and takes the height of
the taller of the two, so nothing below runs into it.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Indenter


def in_text_column(flowables: list[Flowable], column: float) -> list[Flowable]:
    """``flowables`` set from ``column`` points into the frame (the text column) to its
    right edge, on every page they run over."""
    if not flowables:
        return []
    return [Indenter(left=column), *flowables, Indenter(left=-column)]


def first_size(flowable: Flowable) -> float:
    """The type size of a flowable's first line; for one without text (a critic's stars),
    its height: it stands on the first baseline of the text beside it."""
    style = getattr(flowable, "style", None)
    if style is None:
        return float(getattr(flowable, "height", 0.0))
    return float(getattr(style, "fontSize", 0.0))


def fill(
    flowables: list[Flowable], width: float, height: float
) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables (and the first part of one, split) that fill ``height`` as a frame
    would set them one under another, and the rest."""
    here: list[Flowable] = []
    rest = list(flowables)
    used = 0.0
    while rest:
        flowable = rest[0]
        space = float(flowable.getSpaceBefore()) if here else 0.0
        room = height - used - space
        needed = float(flowable.wrap(width, room)[1])
        if needed <= room:
            here.append(rest.pop(0))
            used += space + needed + float(flowable.getSpaceAfter())
            continue
        parts = flowable.split(width, room) if room > 0 else []
        if len(parts) >= 2:
            here.append(parts[0])
            rest[0:1] = parts[1:]
        break
    return here, rest


class Hanging(Flowable):  # type: ignore[misc]
    """``side`` set ``column`` points left of the text column, ``gap`` short of it, beside
    ``text`` (a chapter's paragraphs): the two first baselines on one line. Over a page
    break the side note stays with the text's first part, which takes the page's room; a
    paragraph that must stay with the next (a question) is never the last one on it."""

    def __init__(
        self, side: list[Flowable], text: list[Flowable], column: float, gap: float
    ) -> None:
        super().__init__()
        self.side, self.text = side, text
        self.column, self.gap = column, gap
        self.side_heights: list[float] = []
        self.text_heights: list[float] = []
        self.keepWithNext = bool(getattr(text[-1], "keepWithNext", False))

    @property
    def drop(self) -> float:
        """How far the side note starts below the text's top (above it, for a note in larger
        type): their first baselines level."""
        return first_size(self.text[0]) - first_size(self.side[0])

    def _side_height(self, avail_height: float) -> float:
        width = self.column - self.gap
        self.side_heights = [float(f.wrap(width, avail_height)[1]) for f in self.side]
        spaces = sum(float(f.getSpaceAfter()) for f in self.side[:-1])
        return max(0.0, self.drop + sum(self.side_heights) + spaces)

    def _between(self, index: int) -> float:
        """The space above ``text[index]``: the one before's space after, and its own before."""
        if index == 0:
            return 0.0
        return float(self.text[index - 1].getSpaceAfter() + self.text[index].getSpaceBefore())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.text_heights = [float(f.wrap(avail_width, avail_height)[1]) for f in self.text]
        text = sum(self.text_heights) + sum(self._between(i) for i in range(len(self.text)))
        self.width = avail_width
        self.height = max(text, self._side_height(avail_height))
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        # A frame asks for a split at its whole width, past an Indenter's indent: the text
        # is split at the width it was set to (its last wrap's), as a Paragraph does.
        avail_width = getattr(self, "width", avail_width)
        if self._side_height(avail_height) > avail_height:
            return []  # the side note does not fit here: it goes over the page with its text
        here, rest = fill(self.text, avail_width, avail_height)
        while here and getattr(here[-1], "keepWithNext", False) and rest:
            rest.insert(0, here.pop())  # a question goes over with its answer
        if not here or not rest:
            return []  # nothing fits, or all its text but not the note beside it: over
        return [Hanging(self.side, here, self.column, self.gap), *rest]

    def getSpaceBefore(self) -> float:
        return float(self.text[0].getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.text[-1].getSpaceAfter())

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        top = y + self.height
        text_y = top
        for index, (flowable, height) in enumerate(zip(self.text, self.text_heights, strict=True)):
            text_y -= self._between(index) + height
            flowable.drawOn(canvas, x, text_y)
        side_y = top - self.drop
        for flowable, height in zip(self.side, self.side_heights, strict=True):
            side_y -= height
            flowable.drawOn(canvas, x - self.column, side_y)
            side_y -= float(flowable.getSpaceAfter())

    def identity(self, maxLen: Any = None) -> str:
        return f"Hanging({len(self.side)} beside {len(self.text)})"


class Outdented(Flowable):  # type: ignore[misc]
    """``inner`` set ``column`` points left of where it stands, across the whole frame: a
    section's heading at the margin while its text keeps to the text column, so the heading
    and the text's first lines move as one (an indent change between them would part them)."""

    def __init__(self, inner: Flowable, column: float) -> None:
        super().__init__()
        self.inner, self.column = inner, column
        self.keepWithNext = getattr(inner, "keepWithNext", False)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(avail_width + self.column, avail_height)
        return self.width - self.column, self.height

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self.inner.drawOn(canvas, x - self.column, y)

    def identity(self, maxLen: Any = None) -> str:
        return f"Outdented({self.inner.identity(maxLen)})"
