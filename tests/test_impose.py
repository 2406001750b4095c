"""Booklet and 2-up imposition: the order of pages on every sheet side, read back as text,
sheet sizes, trim boxes, no annotations, identical bytes; and one end-to-end booklet build."""

from __future__ import annotations

import io
import math
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, A5, letter
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from kitpress.outputs.pdf.impose import (
    booklet_order,
    impose_booklet,
    impose_two_up,
    sheet_size,
    two_up_order,
)
from kitpress.pipeline import BuildOptions, build

from .conftest import needs_poppler

A3_LANDSCAPE = (420 * mm, 297 * mm)
TABLOID_LANDSCAPE = (17 * 72.0, 11 * 72.0)
BLANK = ""


def numbered_pdf(count: int, size: tuple[float, float] = A4, links: bool = False) -> bytes:
    """``count`` pages, each with one big word: P01, P02, ..."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=size, invariant=1)
    for number in range(1, count + 1):
        page.setFont("Helvetica-Bold", 48)
        page.drawCentredString(size[0] / 2, size[1] / 2, f"P{number:02d}")
        if links:
            page.linkURL("https://example.com/", (20, 20, 200, 60))
        page.showPage()
    page.save()
    return out.getvalue()


def halves(pdf: bytes, index: int) -> tuple[str, str]:
    """The text left and right of the sheet's centre line (the fold), read by pdfium (which,
    unlike pypdf's extraction, places the text of a form where the sheet draws it)."""
    page = pdfium.PdfDocument(pdf)[index]
    width, height = page.get_size()
    text = page.get_textpage()
    left = text.get_text_bounded(0, 0, width / 2, height)
    right = text.get_text_bounded(width / 2, 0, width, height)
    return " ".join(left.split()), " ".join(right.split())


def sides(pdf: bytes) -> list[tuple[str, str]]:
    return [halves(pdf, index) for index in range(len(PdfReader(io.BytesIO(pdf)).pages))]


def names(*numbers: int | None) -> list[str]:
    return [BLANK if n is None else f"P{n:02d}" for n in numbers]


def expected(pairs: list[tuple[int | None, int | None]]) -> list[tuple[str, str]]:
    return [(names(left)[0], names(right)[0]) for left, right in pairs]


def sheet_of(pdf: bytes) -> tuple[float, float]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return float(page.mediabox.width), float(page.mediabox.height)


def test_ten_pages_make_three_sheets_in_saddle_stitch_order() -> None:
    booklet = impose_booklet(numbered_pdf(10))
    # 12 slots: pages 1-9, two blanks (inside back), page 10 stays the back cover.
    assert sides(booklet) == expected([(10, 1), (2, None), (None, 3), (4, 9), (8, 5), (6, 7)])
    assert len(PdfReader(io.BytesIO(booklet)).pages) == 6  # 3 sheets, front and back


@needs_poppler
def test_ten_page_booklet_order_read_by_poppler(tmp_path: Path) -> None:
    target = tmp_path / "booklet.pdf"
    target.write_bytes(impose_booklet(numbered_pdf(10)))
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    read = [page.split() for page in text.split("\f")[:6]]
    assert read == [
        ["P10", "P01"],
        ["P02"],
        ["P03"],
        ["P04", "P09"],
        ["P08", "P05"],
        ["P06", "P07"],
    ]


def test_booklet_order_pads_before_the_back_cover() -> None:
    assert booklet_order(10) == [(9, 0), (1, None), (None, 2), (3, 8), (7, 4), (5, 6)]
    assert booklet_order(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]
    assert booklet_order(5) == [(4, 0), (1, None), (None, 2), (3, None)]
    with pytest.raises(ValueError):
        booklet_order(0)


@pytest.mark.parametrize("count", range(1, 26))
def test_booklet_uses_every_page_once_and_pads_to_four(count: int) -> None:
    order = booklet_order(count)
    slots = [slot for side in order for slot in side]
    assert len(slots) == 4 * math.ceil(count / 4)
    assert sorted(s for s in slots if s is not None) == list(range(count))
    if count > 1:
        assert order[0] == (count - 1, 0)  # back cover beside the front cover


def test_one_page_booklet_is_one_sheet_with_the_page_as_its_cover() -> None:
    assert sides(impose_booklet(numbered_pdf(1))) == [(BLANK, "P01"), (BLANK, BLANK)]


def test_four_page_booklet_needs_no_blank() -> None:
    assert sides(impose_booklet(numbered_pdf(4))) == expected([(4, 1), (2, 3)])


def test_two_up_is_reading_order_with_a_half_empty_last_side() -> None:
    assert sides(impose_two_up(numbered_pdf(5))) == expected([(1, 2), (3, 4), (5, None)])
    assert sides(impose_two_up(numbered_pdf(4))) == expected([(1, 2), (3, 4)])
    assert two_up_order(1) == [(0, None)]


@pytest.mark.parametrize(
    ("page", "sheet"),
    [
        (A4, A3_LANDSCAPE),
        (letter, TABLOID_LANDSCAPE),
        (A5, (297 * mm, 210 * mm)),  # 2 x 148 mm fits A4 with 1 mm to spare
        ((100 * mm, 100 * mm), (200 * mm, 100 * mm)),  # no standard sheet: exact
        ((297 * mm, 210 * mm), (594 * mm, 210 * mm)),  # landscape A4: exact
    ],
)
def test_sheet_sizes(page: tuple[float, float], sheet: tuple[float, float]) -> None:
    assert sheet_size(*page) == pytest.approx(sheet, abs=0.01)


@pytest.mark.parametrize(("page", "sheet"), [(A4, A3_LANDSCAPE), (letter, TABLOID_LANDSCAPE)])
def test_imposed_sheets_have_the_standard_size(
    page: tuple[float, float], sheet: tuple[float, float]
) -> None:
    for impose in (impose_booklet, impose_two_up):
        reader = PdfReader(io.BytesIO(impose(numbered_pdf(6, page))))
        for side in reader.pages:
            assert (float(side.mediabox.width), float(side.mediabox.height)) == pytest.approx(
                sheet, abs=0.01
            )


def bleed_pdf(count: int, trim: tuple[float, float], bleed: float) -> bytes:
    """Print-style pages: MediaBox = BleedBox = trim + bleed; a background colour per page
    runs into the bleed (red, blue, red, ...), the page number sits in the trim."""
    width, height = trim[0] + 2 * bleed, trim[1] + 2 * bleed
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(width, height), invariant=1)
    page.setTrimBox((bleed, bleed, bleed + trim[0], bleed + trim[1]))
    page.setBleedBox((0, 0, width, height))
    for number in range(1, count + 1):
        page.setFillColorRGB(*((1, 0, 0) if number % 2 else (0, 0, 1)))
        page.rect(0, 0, width, height, stroke=0, fill=1)
        page.setFillColorRGB(1, 1, 1)
        page.setFont("Helvetica-Bold", 48)
        page.drawCentredString(width / 2, height / 2, f"P{number:02d}")
        page.showPage()
    page.save()
    return out.getvalue()


def test_trim_box_pages_are_imposed_at_trim_with_the_bleed_clipped() -> None:
    source = bleed_pdf(2, (100 * mm, 150 * mm), 3 * mm)
    assert "/TrimBox" in PdfReader(io.BytesIO(source)).pages[0]
    booklet = impose_booklet(source)
    assert sheet_of(booklet) == pytest.approx((200 * mm, 150 * mm), abs=0.01)
    assert sides(booklet)[0] == ("P02", "P01")
    side = pdfium.PdfDocument(booklet)[0].render(scale=2).to_pil().convert("RGB")
    fold, middle = side.width // 2, side.height // 2
    near = round(1.5 * mm * 2)  # 1.5 mm each side of the fold: within the neighbour's bleed
    assert side.getpixel((fold - near, middle))[2] > 200  # P02 (blue) left of the fold
    assert side.getpixel((fold + near, middle))[0] > 200  # P01 (red) right of the fold
    assert side.getpixel((fold + near, middle))[2] < 50
    assert side.getpixel((2, 2))[2] > 200 and side.getpixel((side.width - 3, 2))[0] > 200


def test_a4_print_pages_with_bleed_go_on_a3() -> None:
    booklet = impose_booklet(bleed_pdf(4, A4, 3 * mm))
    assert sheet_of(booklet) == pytest.approx(A3_LANDSCAPE, abs=0.01)
    assert sides(booklet) == expected([(4, 1), (2, 3)])


def test_sheets_have_only_a_media_box_and_no_annotations() -> None:
    source = numbered_pdf(6, links=True)
    assert "/Annots" in PdfReader(io.BytesIO(source)).pages[0]
    for impose in (impose_booklet, impose_two_up):
        imposed = impose(source)
        for side in PdfReader(io.BytesIO(imposed)).pages:
            assert "/Annots" not in side
            for box in ("/TrimBox", "/BleedBox", "/CropBox", "/ArtBox"):
                assert box not in side
        assert b"/Annot" not in imposed and b"/URI" not in imposed


def test_imposition_is_deterministic() -> None:
    source = bleed_pdf(7, A4, 3 * mm)
    assert impose_booklet(source) == impose_booklet(source)
    assert impose_two_up(source) == impose_two_up(source)
    assert impose_booklet(source) != impose_two_up(source)
    trailer = PdfReader(io.BytesIO(impose_booklet(source))).trailer
    assert "/ID" in trailer


def test_build_writes_a_booklet_of_the_kit(small_kit: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(small_kit, BuildOptions(format="booklet", out=out))
    assert result.imposed == out / "dogtooth-friends_press-kit_booklet.pdf"
    assert result.pdf is None and result.zip is None
    reader = PdfReader(result.imposed)
    assert len(reader.pages) == 2 * math.ceil(result.pages / 4)
    assert sheet_of(result.imposed.read_bytes()) == pytest.approx(A3_LANDSCAPE, abs=0.01)
    left, right = halves(result.imposed.read_bytes(), 0)
    assert "DOGTOOTH" in right  # the cover is the booklet's front
    # the last page (the back cover with the distributor's block: contacts are on the inside
    # front now) is its back
    assert "PRESENTED BY KINO LORBER" in left and "press@example.com" in left
    for side in reader.pages:
        assert "/Annots" not in side


def test_imposed_document_keeps_the_title() -> None:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=1)
    page.setTitle("Dogtooth — Press kit")
    page.drawString(100, 100, "P01")
    page.showPage()
    page.save()
    metadata = PdfReader(io.BytesIO(impose_booklet(out.getvalue()))).metadata
    assert metadata is not None and metadata.title == "Dogtooth — Press kit"
