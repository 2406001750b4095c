"""Facing pages: printed double-sided (the print PDF, and the booklet imposed from it), the
inside and outside margins swap between right-hand (odd) and left-hand (even) pages, the
running foot follows the text block and the text block keeps its width, so the pages reflow
as the screen PDF's do; the screen PDF, read a page at a time, keeps its margins. Read back
from The Last Lock's PDFs by pdfplumber (the pages) and pdfium (the booklet's sheets)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from kitpress.errors import LayoutError
from kitpress.layout.load import load_layout
from kitpress.outputs.pdf.impose import booklet_order
from kitpress.pipeline import BuildOptions, build

from .conftest import REPO

KIT = REPO / "assets" / "the-last-lock"
MM = 72 / 25.4
FOOTER_BAND = 0.08  # of the page height: the running foot, apart from the text block
TOLERANCE = 0.25  # points


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("facing")
    result = build(KIT, BuildOptions(format="screen-pdf,print-pdf", out=out))
    assert result.pdf is not None and result.print_pdf is not None
    return result.pdf, result.print_pdf


def _pages(pdf: Path) -> list[tuple[list[dict[str, float]], list[dict[str, float]]]]:
    """Each page's visible glyphs, x from the trimmed page's left edge: those of the text
    block, then those of the running foot."""
    trims = [page.trimbox for page in PdfReader(pdf).pages]
    found = []
    with pdfplumber.open(pdf) as document:
        for page, trim in zip(document.pages, trims, strict=True):
            left, top = float(trim.left), float(page.height) - float(trim.top)
            foot_line = top + float(trim.height) * (1 - FOOTER_BAND)
            glyphs = [
                {**c, "x0": c["x0"] - left, "x1": c["x1"] - left}
                for c in page.chars
                if c["text"].strip()
            ]
            found.append(
                (
                    [c for c in glyphs if c["top"] < foot_line],
                    [c for c in glyphs if c["top"] >= foot_line],
                )
            )
    return found


def _left_edge(glyphs: list[dict[str, float]]) -> float:
    return min(c["x0"] for c in glyphs)


def test_printed_pages_mirror_their_margins(pdfs: tuple[Path, Path]) -> None:
    """The default layout's 3 mm binding: 23 mm inside, 17 mm outside. Page 3 (right-hand)
    starts its text 6 mm further right than page 4 (left-hand); on screen both at 20 mm."""
    page = load_layout("default").page
    assert (page.margin_inside, page.margin_outside) == pytest.approx((23 * MM, 17 * MM))
    screen, printed = (_pages(pdf) for pdf in pdfs)
    shift = _left_edge(printed[2][0]) - _left_edge(printed[3][0])
    assert shift == pytest.approx(page.margin_inside - page.margin_outside, abs=TOLERANCE)
    assert _left_edge(screen[2][0]) == pytest.approx(_left_edge(screen[3][0]), abs=TOLERANCE)
    for number, (body, _foot) in enumerate(printed[1:-2], start=2):  # to the blank before the back
        expected = page.margin_inside if number % 2 else page.margin_outside
        assert _left_edge(body) == pytest.approx(expected, abs=TOLERANCE), f"page {number}"
    for number, (body, _foot) in enumerate(screen[1:-1], start=2):
        assert _left_edge(body) == pytest.approx(page.margin_left, abs=TOLERANCE), f"page {number}"


def test_the_running_foot_follows_the_text_block(pdfs: tuple[Path, Path]) -> None:
    """On a left-hand page the folio sits at the outside margin and the running line ends at
    the inside one; on a right-hand page the line starts at the inside margin and the folio
    ends at the outside one: the foot spans the text block, the same width on both."""
    page = load_layout("default").page
    printed = _pages(pdfs[1])
    for number, (_body, foot) in enumerate(printed[1:-2], start=2):
        start, end = _left_edge(foot), max(c["x1"] for c in foot)
        if number % 2:
            expected = (page.margin_inside, page.width - page.margin_outside)
        else:
            expected = (page.margin_outside, page.width - page.margin_inside)
        assert (start, end) == pytest.approx(expected, abs=0.5), f"page {number}"
        assert end - start == pytest.approx(page.frame_width, abs=0.5)


def test_printed_pages_reflow_as_the_screen_pages(pdfs: tuple[Path, Path]) -> None:
    """Only the text block's place moves: every page holds the same text in print as on
    screen (an odd count of pages gains a blank inside back cover in print, before the
    back cover, so that it falls on the back of the last sheet)."""
    screen, printed = (
        ["".join(c["text"] for c in body) for body, _foot in _pages(pdf)] for pdf in pdfs
    )
    assert len(printed) == len(screen) + len(screen) % 2
    assert [text for text in printed if text] == screen


def test_a_booklet_puts_the_inside_margins_at_the_fold(tmp_path: Path) -> None:
    """On each sheet side of the booklet the left-hand page's text starts at the outside
    margin from the sheet's edge and the right-hand page's at the inside margin from the fold,
    so the wider margins meet at the fold."""
    result = build(KIT, BuildOptions(format="booklet", out=tmp_path))
    (booklet,) = [where for _, where in result.written if where.suffix == ".pdf"]
    page = load_layout("default").page
    document = pdfium.PdfDocument(str(booklet))
    pages = 2 * len(document)  # the print PDF's, in sheets of four
    inside = set(range(1, pages - 2))  # indexes: not the covers, nor the blank before the back
    measured = 0
    for sheet, (left_index, right_index) in zip(document, booklet_order(pages), strict=True):
        if not {left_index, right_index} <= inside:
            continue
        assert (left_index or 0) % 2 == 1  # page 2, 4...: a left-hand page, at the left
        width, height = sheet.get_size()
        fold = width / 2
        text = sheet.get_textpage()
        boxes = [text.get_charbox(i) for i in range(text.count_chars())]
        foot = (height - page.height) / 2 + page.height * FOOTER_BAND  # pdfium: y up
        body = [b for b in boxes if b[2] > b[0] and b[1] > foot]
        left = min(b[0] for b in body if b[0] < fold) - (fold - page.width)
        right = min(b[0] for b in body if b[0] >= fold) - fold
        # ink boxes: a glyph's ink may start a point from its origin; the sides are 8.5 pt apart
        assert (left, right) == pytest.approx((page.margin_outside, page.margin_inside), abs=2)
        measured += 1
    assert measured == (pages - 4) // 2  # every sheet side of inside pages


def test_a_page_without_binding_or_read_alone_keeps_its_margins() -> None:
    page = load_layout("default").page
    for spec in (replace(page, binding=0.0, pages_a_sheet=2), replace(page, pages_a_sheet=0)):
        assert {spec.left_margin(n) for n in (1, 2, 3, 4)} == {page.margin_left}
        assert {spec.right_margin(n) for n in (1, 2, 3, 4)} == {page.margin_right}
    booklet = replace(page, pages_a_sheet=4)
    assert (booklet.left_margin(5), booklet.right_margin(6)) == (
        page.margin_left + page.binding,
        page.margin_left + page.binding,
    )


def test_a_binding_that_leaves_no_outside_margin_is_a_located_error(tmp_path: Path) -> None:
    folder = tmp_path / "brand"
    folder.mkdir()
    text = "extends: default\npage:\n  binding: 18mm\n"
    (folder / "layout.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(LayoutError) as caught:
        load_layout(str(folder))
    assert caught.value.lines() == [
        "brand/layout.yaml:3: page.binding: 18 mm leaves a printed page an outside margin of "
        "2 mm (margin_right 20 mm less the binding; at least 5 mm is needed); make it smaller "
        "or margin_right larger"
    ]
