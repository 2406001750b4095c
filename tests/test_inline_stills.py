"""A still among the prose floats: where it does not fit it lets the text after it run on
down the page and opens the next one, never leaving a hole at a page's foot."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from kitpress.outputs.pdf.render.inline_stills import FloatingStill

PAGE = (300.0, 400.0)  # points: a small page, 300 pt of frame height


class Box(Flowable):  # type: ignore[misc]
    """A still's stand-in that records the page it was drawn on and where."""

    def __init__(self, height: float, placed: list[tuple[int, float]]) -> None:
        super().__init__()
        self.height, self.placed = height, placed

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.height

    def drawOn(self, canvas: object, x: float, y: float, _sW: float = 0) -> None:
        self.placed.append((canvas.getPageNumber(), y))  # type: ignore[attr-defined]


def _build(tmp_path: Path, before: float, still: float) -> tuple[list[tuple[int, float]], int]:
    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
    words = " ".join(["word"] * 400)
    placed: list[tuple[int, float]] = []
    doc = SimpleDocTemplate(
        str(tmp_path / "out.pdf"), pagesize=PAGE, topMargin=50, bottomMargin=50,
        leftMargin=20, rightMargin=20,
    )  # fmt: skip
    after = [Paragraph(words, style)]
    doc.build([Spacer(0, before), FloatingStill(Box(still, placed), after)])
    return placed, doc.page


def test_a_still_that_fits_stands_where_it_is_set(tmp_path: Path) -> None:
    placed, _ = _build(tmp_path, before=50, still=120)
    assert placed and placed[0][0] == 1


def test_a_still_that_does_not_fit_lets_the_text_run_on_and_opens_the_next_page(
    tmp_path: Path,
) -> None:
    placed, pages = _build(tmp_path, before=220, still=120)
    ((page, y),) = placed
    assert page == 2 and pages >= 2  # not on the page it would not fit
    assert y >= PAGE[1] - 50 - 120 - 30  # at the top of page 2, under a gap at most
    with pdfplumber.open(tmp_path / "out.pdf") as document:
        first = document.pages[0].extract_words()
    assert first and min(w["top"] for w in first) < 50 + 220 + 20  # the text ran on under
    # the room the still left, instead of a hole
