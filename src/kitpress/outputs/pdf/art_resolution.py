"""How sharp each PNG artwork (title art, logos, billing block, laurels) will be where the PDF
places it, known before anything is made: below `SCREEN_PPI` on screen, or `PRINT_PPI` in
print, is a located warning naming the file and its ppi. SVG artwork is vector: always sharp.
"""

from __future__ import annotations

from kitpress.document.art import ArtFile
from kitpress.document.model import PressDocument
from kitpress.document.title_art import title_art_on
from kitpress.errors import Issue
from kitpress.layout.model import Layout

from .profiles import PRINT_PPI
from .render.back_cover import billing_image_size, logo_row, title_mark
from .render.cover import cover_title_art_size, laurel_art_size
from .render.pdf import footer_mark_size
from .render.sections import laurel_row_size

SCREEN_PPI = 200


def art_warnings(document: PressDocument, layout: Layout, profile: str) -> list[Issue]:
    """A PNG artwork too small for ``profile``'s ppi at its largest placed width."""
    wanted = PRINT_PPI if profile == "print" else SCREEN_PPI
    found = []
    for art, width in placed_widths(document, layout).items():
        ppi = art.ppi(width)
        if ppi is not None and ppi < wanted - 0.5:
            message = (
                f"{art.size[0]:.0f} px wide, it prints at {ppi:.0f} ppi in the {profile} PDF "
                f"({wanted} wanted); a larger file (or SVG) would be sharper"
            )
            found.append(art.issue(message))
    return found


def placed_widths(document: PressDocument, layout: Layout) -> dict[ArtFile, float]:
    """Each artwork's widest placement in points, by the rules the pages are drawn with."""
    kit, sections, width = document.kit, document.sections, layout.page.frame_width
    widths: dict[ArtFile, float] = {}

    def place(art: ArtFile | None, placed: float | None) -> None:
        if art is not None and placed is not None:
            widths[art] = max(widths.get(art, 0.0), placed)

    cover_title = title_art_on(document, layout.colour("cover_paper"))
    title = title_art_on(document, layout.colour("paper"))
    if "cover" in sections and cover_title is not None:
        place(cover_title, cover_title_art_size(cover_title, layout, layout.page.height)[0])
    if title is not None and layout.cover.title_mark == "footer":
        place(title, footer_mark_size(title, layout.styles["footer"].size)[0])
    if "back_cover" in sections:
        for placed in logo_row(document, width):
            place(placed.art, placed.width)
        mark = title_mark(document, width)
        place(title, mark[0] if mark else None)
        block = kit.billing_block
        billing = billing_image_size(document, width)
        place(document.artwork(block.art if block else None), billing[0] if billing else None)
    for festival in kit.festivals:
        laurel = document.artwork(festival.laurel)
        if laurel is None:
            continue
        if "cover" in sections and layout.cover.laurels:
            place(laurel, laurel_art_size(laurel)[0])
        if "festivals" in sections:
            place(laurel, laurel_row_size(laurel)[0])
    return widths
