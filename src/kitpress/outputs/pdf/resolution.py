"""How sharp each picture will be in the print PDF, known from the plan before any pixel is
decoded: a still or the key art too small for 300 ppi. `check` and `build` both take these
warnings from here, so `check --strict` refuses exactly what `build --strict` would.
"""

from __future__ import annotations

from pathlib import Path

from kitpress.document.model import PressDocument
from kitpress.errors import Issue
from kitpress.stills.renditions import Target, fit

from ..base import PrintOptions
from .arrange import placed_ppi
from .plan import DocumentPlan, StillSlot
from .profiles import PRINT_PPI, print_layout
from .render.cover import cover_box


def print_warnings(
    document: PressDocument, plan: DocumentPlan, options: PrintOptions
) -> list[Issue]:
    """A still or the key art too small for 300 ppi where the print PDF places it."""
    kit = document.kit
    found = [
        document.entry(slot.still.id).located(message, "warning")
        for slot in plan.slots
        if (message := _print_ppi(slot))
    ]
    if document.key_art_pixels and kit.key_art and "cover" in plan.sections:
        printed = print_layout(document.layout, options)
        ppi = cover_ppi(
            document.key_art_pixels,
            cover_box(printed, document.key_art_pixels)[2:],
            printed.stills.pdf_ppi,
        )
        if ppi < PRINT_PPI - 0.5:
            message = (
                f"{kit.key_art.name} prints at {ppi:.0f} ppi on the cover of the print PDF "
                f"({PRINT_PPI} wanted); a larger key art file would print sharper"
            )
            line = kit.line_of("key_art")
            found.append(Issue(kit.source.name, line, "key_art", message, "warning"))
    return found


def cover_ppi(source: tuple[int, int], box: tuple[float, float], ppi: int) -> float:
    """The ppi of art cropped to fill ``box`` points, never upsampled: the size the stills
    engine makes the cover's picture at (a crop-to-fill request), over the box's width."""
    wanted = (max(1, round(box[0] / 72 * ppi)), max(1, round(box[1] / 72 * ppi)))
    width, _ = fit(source, Target("cover", None, wanted, 0, Path(), fill=True))
    return width / (box[0] / 72)


def _print_ppi(slot: StillSlot) -> str | None:
    ppi = placed_ppi(slot.picture_box, slot.source_pixels, PRINT_PPI)
    if ppi >= PRINT_PPI - 0.5:
        return None
    return (
        f"{slot.still.file.name} prints at {ppi:.0f} ppi in the print PDF ({PRINT_PPI} wanted); "
        "a larger source would print sharper"
    )
