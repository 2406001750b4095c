"""Decide the document before anything is drawn: which sections, and for each still the box
it will fill on the page, so its PDF image is made at exactly the ppi the layout asks for.

Pure: kit + layout + what the stills' headers say (upright pixel size, any caption already
inside the file) in, a `DocumentPlan` out.
"""

from __future__ import annotations

from dataclasses import dataclass

from kitpress.document.captions import Caption, compose
from kitpress.document.embedded_captions import adopt_embedded
from kitpress.errors import Issue, LayoutError
from kitpress.kit.model import Kit, Still
from kitpress.layout.discover import LAYOUT_FILE
from kitpress.layout.model import Layout
from kitpress.stills.decode import Probe

from .arrange import cell_size, fit_box, group_stills, image_pixels


@dataclass(frozen=True)
class StillSlot:
    still: Still
    caption: Caption
    box: tuple[float, float]  # points: the image's placed width and height
    pixels: tuple[int, int]  # the PDF image's pixel size at the layout's ppi
    source_pixels: tuple[int, int]

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
    slots: tuple[StillSlot, ...]
    notes: tuple[Issue, ...] = ()  # captions or credits taken from, or differing from, files
    still_pages: tuple[StillPage, ...] = ()


MIN_CELL = 72.0  # points (one inch) a photo needs each way, or the layout leaves no room


def plan_document(kit: Kit, layout: Layout, probes: dict[str, Probe]) -> DocumentPlan:
    stills, notes = [], []
    for still in kit.stills:
        still, adopted = adopt_embedded(still, kit, layout.captions, probes[still.id].embedded)
        where = f"stills[{still.number - 1}]"
        notes += [Issue(kit.source.name, still.line, where, m, s) for s, m in adopted]
        stills.append(still)
    sizes = [probes[still.id].size for still in stills]
    pages = []
    for group in group_stills(sizes, layout.stills):
        cell = cell_size(group.grid, layout.page)
        _check_room(layout, cell)
        members = tuple(_slot(kit, layout, stills[i], sizes[i], cell) for i in group.members)
        pages.append(StillPage(group.grid.columns, members))
    slots = tuple(slot for page in pages for slot in page.slots)
    sections = tuple(name for name in layout.sections if has_content(kit, name))
    return DocumentPlan(sections, slots, tuple(notes), tuple(pages))


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


def _slot(
    kit: Kit, layout: Layout, still: Still, size: tuple[int, int], cell: tuple[float, float]
) -> StillSlot:
    box = fit_box(size, cell)
    pixels = image_pixels(box, size, layout.stills.pdf_ppi)
    caption = compose(still, kit, layout.captions)
    return StillSlot(still, caption, box, pixels, size)


def has_content(kit: Kit, section: str) -> bool:
    present = {
        "cover": True,
        "synopsis": bool(kit.logline or kit.synopsis),
        "long_synopsis": kit.long_synopsis is not None,
        "directors_statement": kit.directors_statement is not None,
        "details": bool(technical_details(kit)),
        "releases": bool(kit.releases),
        "cast": bool(kit.cast),
        "crew": bool(kit.crew),
        "festivals": bool(kit.festivals),
        "quotes": bool(kit.quotes),
        "stills": bool(kit.stills),
        "contacts": bool(kit.contacts),
    }
    return present.get(section, False)


def technical_details(kit: Kit) -> list[tuple[str, str]]:
    """Label and value rows of the technical details table, in trade-paper order."""
    rows = [
        ("Original title", kit.original_title),
        ("Year", str(kit.year) if kit.year else None),
        ("Country", ", ".join(kit.countries)),
        ("Original language", ", ".join(kit.languages)),
        ("Subtitles", ", ".join(kit.subtitles)),
        ("Genre", ", ".join(kit.genres)),
        ("Running time", f"{kit.runtime} minutes" if kit.runtime else None),
        ("Aspect ratio", kit.aspect_ratio),
        ("Sound", kit.sound),
        ("Colour", kit.colour),
        ("Rating", kit.rating),
        ("Production", ", ".join(kit.production_companies)),
    ]
    return [(label, value) for label, value in rows if value]
