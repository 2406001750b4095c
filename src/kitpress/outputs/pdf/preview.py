"""Pages as pictures: every page of a built PDF as a PNG, plus one contact sheet of them all,
so a user can look at a kit without a PDF reader (and a reviewer can look at it in a chat)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw

from kitpress.errors import BuildError

SHEET_COLUMNS = 4
SHEET_GAP = 16
SHEET_PAPER = "#8a8a8a"


def render_pages(pdf: Path, dpi: float) -> list[Image.Image]:
    """Each page of ``pdf`` rasterised at ``dpi``, as RGB images."""
    try:
        document = pypdfium2.PdfDocument(str(pdf))
    except pypdfium2.PdfiumError as exc:
        raise BuildError(f"{pdf.name}: cannot be rendered ({exc})") from None
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def contact_sheet(
    pages: list[Image.Image], width: int, columns: int = SHEET_COLUMNS
) -> Image.Image:
    """All pages side by side, ``columns`` to a row, on grey, each with a thin shadow."""
    columns = max(1, min(columns, len(pages)))
    cell_w = (width - SHEET_GAP * (columns + 1)) // columns
    scale = cell_w / pages[0].width
    cell_h = round(max(p.height for p in pages) * scale)
    rows = -(-len(pages) // columns)
    sheet = Image.new("RGB", (width, SHEET_GAP + rows * (cell_h + SHEET_GAP)), SHEET_PAPER)
    draw = ImageDraw.Draw(sheet)
    for i, page in enumerate(pages):
        x = SHEET_GAP + (i % columns) * (cell_w + SHEET_GAP)
        y = SHEET_GAP + (i // columns) * (cell_h + SHEET_GAP)
        small = page.resize((cell_w, round(page.height * scale)), Image.Resampling.LANCZOS)
        draw.rectangle((x + 3, y + 3, x + small.width + 3, y + small.height + 3), fill="#555555")
        sheet.paste(small, (x, y))
    return sheet
