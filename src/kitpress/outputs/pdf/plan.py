"""Decide the pages before anything is drawn: for each still the box it will fill, so its PDF
image is made at exactly the ppi the layout asks for.

Pure: the composed press document in, a `DocumentPlan` out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kitpress.document.captions import Caption
from kitpress.document.model import KEY_ART, PressDocument, StillEntry
from kitpress.errors import Issue, LayoutError
from kitpress.kit.model import Still
from kitpress.layout.discover import LAYOUT_FILE
from kitpress.layout.model import Layout

from .arrange import (
    Grid,
    PageGroup,
    cell_size,
    fit_box,
    group_stills,
    image_pixels,
    measure_box,
    row_boxes,
)


@dataclass(frozen=True)
class StillSlot:
    still: Still
    caption: Caption
    box: tuple[float, float]  # points: the image's placed width and height
    pixels: tuple[int, int]  # the PDF image's pixel size at the layout's ppi
    source_pixels: tuple[int, int]
    shown: float = 0.0  # points of the box's height shown (cropped evenly); 0: all of it
    made_for: tuple[float, float] | None = None  # the largest box it may be drawn at, if not box

    @property
    def picture_box(self) -> tuple[float, float]:
        """Points: the box the PDF's picture is made for (at the layout's ppi)."""
        return self.made_for or self.box

    @property
    def shown_height(self) -> float:
        return self.shown or self.box[1]

    @property
    def effective_ppi(self) -> float:
        return self.pixels[0] / (self.box[0] / 72)


@dataclass(frozen=True)
class StillPage:
    columns: int
    slots: tuple[StillSlot, ...]


@dataclass(frozen=True)
class DocumentPlan:
    sections: tuple[str, ...]
    slots: tuple[StillSlot, ...]  # every still the PDF places: the stills pages', then inline
    still_pages: tuple[StillPage, ...] = ()
    inline: tuple[StillSlot, ...] = ()  # stills set among the long prose too, in order
    back: StillSlot | None = None  # the still across the top of the back cover


MIN_CELL = 72.0  # points (one inch) a photo needs each way, or the layout leaves no room


MIN_GALLERY = 4  # stills the stills pages keep, before they give up those shown elsewhere
BACK_SHARE = 0.42  # of the frame's height: the back cover's still shows this high at most


def plan_document(document: PressDocument) -> DocumentPlan:
    """Which stills share a page and the box each fills, for the document's layout (a print
    profile changes the page's bleed and the pictures' ppi, never a box). A still set among
    the prose, or on the cover, is not shown again on the stills pages (a picture seen twice
    reads as a template) while the pages keep MIN_GALLERY stills; the ZIP has them all. So
    is the back cover's still, taken only from a gallery that keeps MIN_GALLERY without it."""
    layout = document.layout
    inline = _inline_slots(document)
    shown = {slot.still.id for slot in inline}
    cover = document.cover
    if cover is not None and cover.key != KEY_ART:
        shown.add(cover.key)
    entries = [entry for entry in document.stills if entry.still.id not in shown]
    if len(entries) < MIN_GALLERY:
        entries = list(document.stills)
    back = _back_still(document, entries)
    if back is not None:
        entries = [entry for entry in entries if entry is not back]
    sizes = [entry.pixels for entry in entries]
    pages = []
    whole_pages = "stills" in layout.new_page  # else the stills flow on after the section before
    first = 0
    if _opens_with_one(layout, sizes, whole_pages):  # an odd number in a flowing grid
        cell = cell_size(Grid(1, 2), layout.page)
        _check_room(layout, cell)
        pages.append(StillPage(1, (_slot(layout, entries[0], cell, True),)))
        first = 1
    groups = group_stills(sizes[first:], layout.stills, whole_pages=whole_pages)
    for number, group in enumerate(groups):
        cell = cell_size(group.grid, layout.page)
        _check_room(layout, cell)
        chosen = [entries[first + i] for i in group.members]
        if group.grid.columns == 1:
            stacked = layout.stills.arrangement == "stacked"
            members = tuple(_slot(layout, entry, cell, stacked) for entry in chosen)
        else:
            closing = not whole_pages and number == len(groups) - 1
            members = _justified(layout, chosen, group, cell, closing)
        pages.append(StillPage(group.grid.columns, members))
    slots = tuple(slot for page in pages for slot in page.slots) + inline
    back_slot = _back_slot(layout, back) if back is not None else None
    slots += (back_slot,) if back_slot is not None else ()
    return DocumentPlan(document.sections, slots, tuple(pages), inline, back_slot)


def _back_still(document: PressDocument, entries: list[StillEntry]) -> StillEntry | None:
    """The still the back cover opens with, when the layout asks for one and the stills
    pages can spare it: the last landscape (the film's closing image, as often as not) that
    shows none of its directors (a still from the set is for the stills pages)."""
    layout = document.layout
    if "back_cover" not in document.sections or not layout.cover.back_still:
        return None
    if len(entries) <= MIN_GALLERY:
        return None
    directors = set(document.kit.directors)
    scenes = [
        entry
        for entry in entries
        if _is_wide(entry) and not directors & {p.name for p in entry.still.people}
    ]
    return scenes[-1] if scenes else None


def _back_slot(layout: Layout, entry: StillEntry) -> StillSlot:
    """The back cover's still across the frame's width, cropped evenly top and foot towards
    BACK_SHARE of the frame's height when it is taller (by MAX_CROP of it at most)."""
    page = layout.page
    box, shown = measure_box(entry.pixels, (page.frame_width, page.frame_height * BACK_SHARE))
    pixels = image_pixels(box, entry.pixels, layout.stills.pdf_ppi)
    cropped = shown if shown < box[1] else 0.0
    return StillSlot(entry.still, entry.caption, box, pixels, entry.pixels, cropped)


INLINE_SECTIONS = ("long_synopsis", "production_notes")  # where stills are set among prose


def _inline_slots(document: PressDocument) -> tuple[StillSlot, ...]:
    """The stills set among the long prose, one for each section there is to take one:
    landscapes, not the first (the cover's, as often as not), spread over the kit's stills;
    each the text column's width."""
    layout = document.layout
    takers = [key for key in INLINE_SECTIONS if key in document.sections]
    first = document.stills[:1]
    landscapes = [entry for entry in document.stills[1:] if _is_wide(entry)]
    cover = document.cover
    if cover is not None and cover.key == KEY_ART and first and _is_wide(first[0]):
        landscapes = [*first, *landscapes]  # the cover is the key art: the first is free
    count = min(layout.stills.inline, len(takers), len(landscapes))
    chosen = [landscapes[i * len(landscapes) // (count + 1)] for i in range(1, count + 1)]
    page = layout.page
    column = page.frame_width - min(page.label_column, page.frame_width / 2)
    slots = []
    for entry in chosen:
        box = (column, column * entry.pixels[1] / entry.pixels[0])
        pixels = image_pixels(box, entry.pixels, layout.stills.pdf_ppi)
        slots.append(StillSlot(entry.still, entry.caption, box, pixels, entry.pixels))
    return tuple(slots)


def _is_wide(entry: StillEntry) -> bool:
    return entry.pixels[0] > entry.pixels[1]


def _opens_with_one(layout: Layout, sizes: list[tuple[int, int]], whole_pages: bool) -> bool:
    """A flowing grid of an odd number of stills opens with its first across the measure,
    so its rows end two by two and the last page never holds one still alone."""
    if whole_pages or layout.stills.arrangement != "grid" or len(sizes) % 2 == 0:
        return False
    return len(sizes) >= 3 and sizes[0][0] >= sizes[0][1]


def _check_room(layout: Layout, cell: tuple[float, float]) -> None:
    """Margins so wide, or so many stills a page, that a photo gets less than an inch (or a
    negative size) are the layout's error, not a page of specks."""
    if min(cell) >= MIN_CELL:
        return
    width, height = (round(max(0.0, side) * 25.4 / 72) for side in cell)
    message = (
        f"the page leaves no room for {layout.stills.per_page} stills a page: a photo would "
        f"get {width}×{height} mm (25 mm each way is the least); use smaller margins or "
        f"fewer stills.per_page"
    )
    raise LayoutError([Issue(f"{layout.folder.name}/{LAYOUT_FILE}", None, "page", message)])


def _justified(
    layout: Layout,
    entries: list[StillEntry],
    group: PageGroup,
    cell: tuple[float, float],
    closing: bool,
) -> tuple[StillSlot, ...]:
    """Rows of ``group.grid.columns`` photos at one height across the measure, each row no
    taller than the cell. ``closing``: the group ends flowing stills; its last row, two
    landscapes, may be drawn one a row across the measure (at the top of a page of its own),
    so its pictures are made for that width."""
    columns = group.grid.columns
    out: list[StillSlot] = []
    for i in range(0, len(entries), columns):
        row = entries[i : i + columns]
        if len(row) < columns:  # a grid's last photo alone: its cell, as before
            out += [_slot(layout, entry, cell, False) for entry in row]
            continue
        boxes = row_boxes([entry.pixels for entry in row], layout.page.frame_width, cell[1])
        landscapes = all(entry.pixels[0] >= entry.pixels[1] for entry in row)
        last = closing and landscapes and i + columns >= len(entries)  # may be set stacked
        for entry, box in zip(row, boxes, strict=True):
            widest = (layout.page.frame_width, layout.page.frame_width * box[1] / box[0])
            made = widest if last else box
            pixels = image_pixels(made, entry.pixels, layout.stills.pdf_ppi)
            slot = StillSlot(entry.still, entry.caption, box, pixels, entry.pixels)
            out.append(replace(slot, made_for=made) if made != box else slot)
    return tuple(out)


def _slot(layout: Layout, entry: StillEntry, cell: tuple[float, float], stacked: bool) -> StillSlot:
    """A landscape stacked in a one-column row runs the full measure (cropped to its cell);
    any other photo is fitted inside its cell."""
    if stacked and entry.pixels[0] >= entry.pixels[1]:
        box, shown = measure_box(entry.pixels, cell)
    else:
        box = fit_box(entry.pixels, cell)
        shown = box[1]
    pixels = image_pixels(box, entry.pixels, layout.stills.pdf_ppi)
    cropped = shown if shown < box[1] else 0.0
    return StillSlot(entry.still, entry.caption, box, pixels, entry.pixels, cropped)
