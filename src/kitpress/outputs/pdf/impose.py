"""Impose a press kit PDF for an office printer: a saddle-stitch booklet, or 2-up handouts.

Pure functions, PDF bytes in and PDF bytes out (or file to file). Every page is placed at
(its TrimBox when it has one, else its MediaBox; bleed and crop marks are clipped away), never
scaled, two to a landscape sheet side and against the sheet's centre line (the fold), so that
the printed, folded and stapled stack is the booklet. A sheet is a standard size when one fits
the page pair (A4 pages on A3, A5 on A4, US Letter on Tabloid/Ledger 17 x 11 in), otherwise
exactly twice the page width by the page height. Output sheets carry a MediaBox only: no
trim or bleed boxes, no links or other annotations, no outline; the dates are the source's and
the /ID comes from the content, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

from kitpress.commit import atomic_write

from .pdf_metadata import PRODUCER
from .post import fix_identity, write_pdf
from .stand_ins import Pictures

MM = 72 / 25.4
INCH = 72.0
# Standard sheets (short edge, long edge, in points) a page pair may be printed on.
SHEETS: tuple[tuple[str, float, float], ...] = (
    ("A4", 210 * MM, 297 * MM),
    ("A3", 297 * MM, 420 * MM),
    ("A2", 420 * MM, 594 * MM),
    ("Letter", 8.5 * INCH, 11 * INCH),
    ("Tabloid", 11 * INCH, 17 * INCH),
)
# A standard sheet at most this much larger than the page pair, on each edge, is used instead
# of the exact size: two A5 pages (2 x 148 mm) sit on an A4 sheet (297 mm) with 0.5 mm spare.
SNAP = 3 * MM
EPSILON = 0.01

Slot = int | None  # a page index into the source document, or None for a blank page
Side = tuple[Slot, Slot]  # one side of a sheet: (left page, right page)


@dataclass(frozen=True)
class Box:
    """A page's finished area in its own coordinates."""

    left: float
    bottom: float
    width: float
    height: float


def impose_booklet(pdf: bytes) -> bytes:
    """A saddle-stitch booklet of ``pdf``: see :func:`booklet_order` for the page order."""
    out = io.BytesIO()
    _impose(PdfReader(io.BytesIO(pdf)), booklet_order, out)
    return out.getvalue()


def impose_two_up(pdf: bytes) -> bytes:
    """Two consecutive pages on each sheet side, in reading order (handouts, cut or not)."""
    out = io.BytesIO()
    _impose(PdfReader(io.BytesIO(pdf)), two_up_order, out)
    return out.getvalue()


def impose_file(source: Path, target: Path, booklet: bool, pictures: Pictures) -> None:
    """The booklet (or 2-up sheets) of the PDF file ``source``, written to ``target``; a
    source with stand-ins (stand_ins.py) gets its ``pictures`` spliced in as it is written."""
    with atomic_write(target) as handle:
        _impose(PdfReader(source), booklet_order if booklet else two_up_order, handle, pictures)


def booklet_slots(count: int) -> list[Slot]:
    """The booklet's pages in reading order, padded with blanks to a multiple of four.

    The blanks go just before the last page, so the document's last page stays the back
    cover of the folded booklet (in a kitpress kit: the contacts) and the blanks are the
    inside back pages, as a printer pads a booklet. A one-page document has no back cover:
    its blanks follow it.
    """
    if count < 1:
        raise ValueError("a booklet needs at least one page")
    blanks: list[Slot] = [None] * (-count % 4)
    pages: list[Slot] = list(range(count))
    if count == 1:
        return pages + blanks
    return pages[:-1] + blanks + pages[-1:]


def booklet_order(count: int) -> list[Side]:
    """Sheet sides for a booklet of ``count`` pages, front then back of each sheet, outermost
    sheet first: front = (last, first), back = (second, second-last), and so inwards.

    Printed double-sided (flip on the short edge), stacked in order and folded in the
    middle, the sheets read 1, 2, 3, ... For 10 pages: (10, 1), (2, blank), (blank, 3),
    (4, 9), (8, 5), (6, 7), with pages numbered from 1.
    """
    slots = booklet_slots(count)
    total = len(slots)
    sides: list[Side] = []
    for sheet in range(total // 4):
        outer, inner = 2 * sheet, 2 * sheet + 1
        sides.append((slots[total - 1 - outer], slots[outer]))
        sides.append((slots[inner], slots[total - 1 - inner]))
    return sides


def two_up_order(count: int) -> list[Side]:
    """Consecutive pairs in reading order; the last side is half empty when ``count`` is odd."""
    if count < 1:
        raise ValueError("a 2-up document needs at least one page")
    return [(i, i + 1 if i + 1 < count else None) for i in range(0, count, 2)]


def sheet_size(page_width: float, page_height: float) -> tuple[float, float]:
    """The landscape sheet for two pages side by side: a standard size when one holds them
    with at most ``SNAP`` to spare on each edge, else exactly 2 x width by height."""
    need_width, need_height = 2 * page_width, page_height
    for _name, short, long in SHEETS:
        for width, height in ((long, short), (short, long)):
            spare_width, spare_height = width - need_width, height - need_height
            if -EPSILON <= spare_width <= SNAP and -EPSILON <= spare_height <= SNAP:
                return width, height
    return need_width, need_height


def finished_box(page: PageObject) -> Box:
    """The page's TrimBox when it has one (a print PDF), else its MediaBox."""
    rect = page.trimbox if "/TrimBox" in page else page.mediabox
    return Box(float(rect.left), float(rect.bottom), float(rect.width), float(rect.height))


def _impose(
    reader: PdfReader,
    order: Callable[[int], list[Side]],
    out: BinaryIO,
    pictures: Pictures | None = None,
) -> None:
    pages = list(reader.pages)
    for page in pages:
        if page.rotation:
            page.transfer_rotation_to_content()
    sides = order(len(pages))
    boxes = [finished_box(page) for page in pages]
    slot_width = max(box.width for box in boxes)
    slot_height = max(box.height for box in boxes)
    width, height = sheet_size(slot_width, slot_height)
    writer = PdfWriter()
    writer.pdf_header = reader.pdf_header
    forms: dict[int, IndirectObject] = {}
    for left, right in sides:
        sheet = writer.add_blank_page(width, height)
        placed = DictionaryObject()
        drawing = []
        for slot, left_of_fold in ((left, True), (right, False)):
            if slot is None:
                continue
            if slot not in forms:
                forms[slot] = writer._add_object(page_form(writer, pages[slot], boxes[slot]))
            name = NameObject(f"/Page{slot + 1}")
            placed[name] = forms[slot]
            x, y = _origin(width, height, boxes[slot], left_of_fold)
            drawing.append(f"q 1 0 0 1 {x:.4f} {y:.4f} cm {name} Do Q")
        sheet[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): placed})
        content = DecodedStreamObject()
        content.set_data("\n".join(drawing).encode("ascii"))
        sheet[NameObject("/Contents")] = writer._add_object(content.flate_encode(level=9))
    _finished(writer, reader, out, pictures)


def page_form(writer: PdfWriter, page: PageObject, box: Box) -> StreamObject:
    """The page as a form XObject clipped to its finished box: it keeps its own resources,
    so fonts and pictures shared by pages on one sheet are named once, never renamed (two
    names for one font are what Ghostscript reports as a circular reference)."""
    contents = page.get_contents()
    data = DecodedStreamObject()
    data.set_data(contents.get_data() if contents is not None else b"")
    form = data.flate_encode(level=9)
    resources = page.get("/Resources")
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                FloatObject(v)
                for v in (box.left, box.bottom, box.left + box.width, box.bottom + box.height)
            ),
            NameObject("/Resources"): (
                resources.get_object().clone(writer)
                if resources is not None
                else DictionaryObject()
            ),
        }
    )
    return form


def _origin(width: float, height: float, box: Box, left_of_fold: bool) -> tuple[float, float]:
    """Where the page's coordinates start on the sheet: its finished edge on the fold (the
    centre line), centred in height, unscaled."""
    fold = width / 2
    x = fold - box.width if left_of_fold else fold
    y = (height - box.height) / 2
    return x - box.left, y - box.bottom


def _finished(
    writer: PdfWriter, reader: PdfReader, out: BinaryIO, pictures: Pictures | None
) -> None:
    """Write the imposed document: the source's title and dates, an /ID from the content,
    no extras."""
    source = reader.metadata
    for key in ("/Title", "/Author", "/Subject", "/CreationDate", "/ModDate"):
        if source is not None and key in source:
            writer.add_metadata({key: str(source[key])})
    writer.add_metadata({"/Producer": PRODUCER})
    fix_identity(writer)
    write_pdf(writer, out, pictures)
