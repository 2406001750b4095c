"""How sharp each picture will be where it is used, known from the plan before any pixel is
decoded: a still smaller than its print file, a still or the key art too small for 300 ppi in
the print PDF. `check` and `build` both take these warnings from here, so `check --strict`
refuses exactly what `build --strict` would.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kitpress.errors import Issue
from kitpress.kit.model import Kit
from kitpress.layout.model import Layout

from .arrange import image_pixels
from .plan import DocumentPlan, StillSlot
from .profiles import PRINT_PPI, PrintOptions, print_layout
from .render.cover import cover_box

A4_LONG_INCHES = 297 / 25.4


@dataclass(frozen=True)
class Wanted:
    """What the build makes, as far as these warnings care; `check` assumes all of it."""

    zip: bool = True  # the ZIP's print files
    print_pdf: bool = True
    print_options: PrintOptions = field(default_factory=PrintOptions)


EVERYTHING = Wanted()


def resolution_warnings(
    kit: Kit,
    layout: Layout,
    plan: DocumentPlan,
    key_art_size: tuple[int, int] | None,
    wanted: Wanted,
) -> list[Issue]:
    found: list[Issue] = []
    for slot in plan.slots:
        where = f"stills[{slot.still.number - 1}].file"
        messages = [
            _small_print_file(slot, layout.stills.print_long_edge) if wanted.zip else None,
            _print_ppi(slot) if wanted.print_pdf else None,
        ]
        found += [_warning(kit, slot.still.line, where, m) for m in messages if m]
    if wanted.print_pdf and key_art_size and kit.key_art and "cover" in plan.sections:
        printed = print_layout(layout, wanted.print_options)
        ppi = cover_ppi(key_art_size, cover_box(printed)[2:], printed.stills.pdf_ppi)
        if ppi < PRINT_PPI - 0.5:
            message = (
                f"{kit.key_art.name} prints at {ppi:.0f} ppi on the cover of the print PDF "
                f"({PRINT_PPI} wanted); a larger key art file would print sharper"
            )
            found.append(_warning(kit, kit.line_of("key_art"), "key_art", message))
    return found


def cover_ppi(source: tuple[int, int], box: tuple[float, float], ppi: int) -> float:
    """The ppi of art cropped to fill ``box`` points, never upsampled (as the cover is made)."""
    wanted = (max(1, round(box[0] / 72 * ppi)), max(1, round(box[1] / 72 * ppi)))
    scale = min(1.0, source[0] / wanted[0], source[1] / wanted[1])
    return max(1, round(wanted[0] * scale)) / (box[0] / 72)


def _small_print_file(slot: StillSlot, long_edge: int) -> str | None:
    width, height = slot.source_pixels
    if max(width, height) >= long_edge:
        return None
    ppi = max(width, height) / A4_LONG_INCHES
    return (
        f"{slot.still.file.name} is {width}×{height} px, smaller than the {long_edge} px print "
        f"rendition; delivered at its own size (never upsampled), {ppi:.0f} ppi on a full A4 page"
    )


def _print_ppi(slot: StillSlot) -> str | None:
    pixels = image_pixels(slot.box, slot.source_pixels, PRINT_PPI)
    ppi = pixels[0] / (slot.box[0] / 72)
    if ppi >= PRINT_PPI - 0.5:
        return None
    return (
        f"{slot.still.file.name} prints at {ppi:.0f} ppi in the print PDF "
        f"({PRINT_PPI} wanted); a larger source would print sharper"
    )


def _warning(kit: Kit, line: int | None, where: str, message: str) -> Issue:
    return Issue(kit.source.name, line, where, message, "warning")
