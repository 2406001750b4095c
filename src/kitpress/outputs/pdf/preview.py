"""Pages as pictures: every page of a built PDF as a PNG, plus one contact sheet of them all,
so a user can look at a kit without a PDF reader (and a reviewer can look at it in a chat)."""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw

from kitpress.commit import atomic_write, describe
from kitpress.errors import BuildError
from kitpress.naming import slugify
from kitpress.pipeline import BuildOptions, BuildResult, build

SHEET_COLUMNS = 4
SHEET_GAP = 16
SHEET_PAPER = "#8a8a8a"


@dataclass(frozen=True)
class Preview:
    pages: list[Path]
    sheet: Path


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


def preview_kit(
    kit: Path, layout: str, out: Path | None, dpi: float
) -> tuple[BuildResult, Preview]:
    """The kit's screen PDF, built aside, as pictures in ``out``/preview/ (default out:
    output/<film-slug>/). The build's own outputs in ``out`` are never touched: a preview
    never leaves a PDF there that manifest.json does not describe."""
    with tempfile.TemporaryDirectory(prefix="kitpress-preview-") as scratch:
        result = build(kit, BuildOptions(format="pdf", out=Path(scratch), layout=layout))
        assert result.pdf is not None
        folder = (out or Path("output") / slugify(result.kit.title)) / "preview"
        try:
            shown = write_preview(result.pdf, folder, dpi=dpi)
        except OSError as exc:  # a full disk, a folder that cannot be written
            if exc.errno is None:
                raise
            raise BuildError(describe(exc, folder)) from None
    return result, shown


def write_preview(pdf: Path, folder: Path, dpi: float = 60, sheet_width: int = 1600) -> Preview:
    """``folder``/<pdf-stem>-page-NN.png for every page and <pdf-stem>-pages.png (the sheet);
    the pictures of an earlier preview that this one does not replace are removed."""
    pages = render_pages(pdf, dpi)
    written = []
    for number, image in enumerate(pages, 1):
        target = folder / f"{pdf.stem}-page-{number:02d}.png"
        _save(image, target)
        written.append(target)
    sheet = folder / f"{pdf.stem}-pages.png"
    _save(contact_sheet(pages, sheet_width), sheet)
    for earlier in _earlier_pictures(folder):
        if earlier not in written and earlier != sheet:
            earlier.unlink(missing_ok=True)
    return Preview(written, sheet)


def _earlier_pictures(folder: Path) -> list[Path]:
    """What previews write, and nothing else a user may keep beside them."""
    patterns = ("*_press-kit-page-[0-9][0-9]*.png", "*_press-kit-pages.png")
    return [p for pattern in patterns for p in folder.glob(pattern) if p.is_file()]


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


def _save(image: Image.Image, target: Path) -> None:
    data = io.BytesIO()
    image.save(data, "PNG", optimize=True)
    with atomic_write(target) as out:
        out.write(data.getvalue())
