"""Arrange stills on pages: which stills share a page, in what grid, and the box each fills.

Two arrangements, chosen by the layout:

- ``stacked``: flowing on from the section before, the first landscape still opens the
  section across the full measure and the others follow two to a row, each row justified
  across the measure (its photos at one height, so their captions start on one line; a
  portrait shares its row with a neighbour, never alone between landscapes). An odd one out
  runs the full measure after the first row (``opener: false``: the section opens with a
  row). On whole pages (``new_page``): landscape
  stills full width, ``per_page`` (1–3) above one another; two portraits side by side.
- ``grid``: two columns, ``per_page`` (2, 4 or 6) stills a page, any orientation; each row
  justified across the measure as above, never taller than its cell.

A landscape alone in its row runs the full measure, cropped top and foot to its cell
(``measure_box``) when it is taller, by MAX_CROP of its frame at most. Stills keep the kit's
order. The last page never holds one still alone when the page before it can share: a full
page gives it a still (four, four, one become four, three, two), and a stacked pair takes it
as a third row. Pure: sizes and settings in, pages out.
"""

from __future__ import annotations

from dataclasses import dataclass

from kitpress.layout.model import PageSpec, StillSettings

GAP = 18.0  # points between photos, across and down
HEADING_ALLOWANCE = 60.0  # points every stills page keeps for the section heading
CAPTION_ALLOWANCE = {1: 44.0, 2: 64.0}  # points under each photo, by columns on the page


@dataclass(frozen=True)
class Grid:
    columns: int
    rows: int


@dataclass(frozen=True)
class PageGroup:
    grid: Grid
    members: tuple[int, ...]  # indices into the kit's stills


def group_stills(
    sizes: list[tuple[int, int]], settings: StillSettings, *, whole_pages: bool = True
) -> list[PageGroup]:
    """The stills' groups; ``whole_pages``: each group is a page of its own (else the groups'
    rows flow on from page to page, and only their cells matter)."""
    if settings.arrangement == "grid":
        grid = Grid(2, -(-settings.per_page // 2))
        step = settings.per_page
        pages = [
            PageGroup(grid, tuple(range(i, min(i + step, len(sizes)))))
            for i in range(0, len(sizes), step)
        ]
        return _balance(pages, stacked=False) if whole_pages else pages
    if whole_pages:
        return _balance(_stacked(sizes, settings.per_page), stacked=True)
    return _rows(sizes, settings.per_page, settings.opener)


def _rows(sizes: list[tuple[int, int]], per_page: int, opener: bool) -> list[PageGroup]:
    """Flowing stacked rows: a landscape opener alone (``opener``), then pairs; an odd one
    out is a landscape alone across the measure, the first after a row of two that leaves
    pairs on both sides of it (so it never ends the section alone on a page), or, with no
    such landscape, the last still alone."""
    single, pair = Grid(1, per_page), Grid(2, 1)
    start = 1 if opener and sizes and _is_landscape(sizes[0]) else 0
    rows = [PageGroup(single, (0,))] if start else []
    rest = list(range(start, len(sizes)))
    alone = -1
    if len(rest) % 2:
        even = [i for n, i in enumerate(rest) if n % 2 == 0 and _is_landscape(sizes[i])]
        alone = (even[1:] or even or rest[-1:])[0]  # after the first row: never last alone
    run: list[int] = []
    for i in rest:
        if i == alone:
            rows.append(PageGroup(single if _is_landscape(sizes[i]) else Grid(1, 1), (i,)))
            continue
        run.append(i)
        if len(run) == 2:
            rows.append(PageGroup(pair, tuple(run)))
            run = []
    return rows


MAX_STACKED = 3  # landscape stills one stacked page can hold


def _balance(pages: list[PageGroup], *, stacked: bool) -> list[PageGroup]:
    """No lone still on the last page when the page before it is of the same kind: it gives
    the last page one of its stills, or (a stacked pair) takes the lone one as a third row."""
    if len(pages) < 2 or len(pages[-1].members) != 1:
        return pages
    before, last = pages[-2], pages[-1]
    if before.grid != last.grid or len(before.members) < 2:
        return pages
    if len(before.members) >= 3:
        moved = before.members[-1]
        return [
            *pages[:-2],
            PageGroup(before.grid, before.members[:-1]),
            PageGroup(last.grid, (moved, *last.members)),
        ]
    if stacked and before.grid.rows < MAX_STACKED:
        grid = Grid(1, MAX_STACKED)
        return [*pages[:-2], PageGroup(grid, (*before.members, *last.members))]
    return pages


def _stacked(sizes: list[tuple[int, int]], per_page: int) -> list[PageGroup]:
    pages: list[PageGroup] = []
    i = 0
    while i < len(sizes):
        landscape = _is_landscape(sizes[i])
        limit = per_page if landscape else 2
        run = [i]
        while len(run) < limit and i + len(run) < len(sizes):
            if _is_landscape(sizes[i + len(run)]) != landscape:
                break
            run.append(i + len(run))
        pages.append(PageGroup(_stacked_grid(landscape, len(run), per_page), tuple(run)))
        i += len(run)
    return pages


def _stacked_grid(landscape: bool, count: int, per_page: int) -> Grid:
    if landscape:
        return Grid(1, per_page)
    return Grid(2, 1) if count == 2 else Grid(1, 1)


def cell_size(grid: Grid, page: PageSpec) -> tuple[float, float]:
    """Points: the largest photo one cell of ``grid`` can hold, caption space kept below."""
    width = (page.frame_width - GAP * (grid.columns - 1)) / grid.columns
    usable = page.frame_height - HEADING_ALLOWANCE - GAP * (grid.rows - 1)
    caption = CAPTION_ALLOWANCE[min(grid.columns, 2)]
    return width, usable / grid.rows - caption


def fit_box(size: tuple[int, int], cell: tuple[float, float]) -> tuple[float, float]:
    """Points: the photo at its own aspect ratio, as large as the cell allows."""
    width, height = size
    scale = min(cell[0] / width, cell[1] / height)
    return width * scale, height * scale


MAX_CROP = 0.10  # of a photo's height, cut evenly off its top and foot at most: the
# photographer's frame stays whole but for a trim (the cell's caption room is generous)


def measure_box(
    size: tuple[int, int], cell: tuple[float, float]
) -> tuple[tuple[float, float], float]:
    """Points: a photo across the full measure, and the height of it shown: the cell's, the
    photo cropped evenly top and foot, but never by more than MAX_CROP of its height."""
    width, height = size
    box = (cell[0], cell[0] * height / width)
    if box[1] <= cell[1]:
        return box, box[1]
    return box, max(cell[1], box[1] * (1 - MAX_CROP))


def row_boxes(
    sizes: list[tuple[int, int]], width: float, height: float
) -> list[tuple[float, float]]:
    """Points: photos side by side at one height, GAP apart, together exactly ``width``
    wide (a justified row), or ``height`` high and narrower when that would be taller."""
    ratios = [w / h for w, h in sizes]
    common = min(height, (width - GAP * (len(sizes) - 1)) / sum(ratios))
    return [(common * ratio, common) for ratio in ratios]


def image_pixels(box: tuple[float, float], size: tuple[int, int], ppi: int) -> tuple[int, int]:
    """The pixels a photo placed at ``box`` points needs at ``ppi``, never more than the
    source has (a smaller source is placed as it is, at a lower effective ppi)."""
    # At least one pixel each way: a 20000×2 strip fills a box a fraction of a point high.
    wanted = (max(1, round(box[0] / 72 * ppi)), max(1, round(box[1] / 72 * ppi)))
    scale = min(1.0, size[0] / wanted[0], size[1] / wanted[1])
    return max(1, round(wanted[0] * scale)), max(1, round(wanted[1] * scale))


def placed_ppi(box: tuple[float, float], size: tuple[int, int], ppi: int) -> float:
    """The ppi a source of ``size`` pixels shows at when placed at ``box`` points and asked
    for at ``ppi``: lower than ``ppi`` only when the source is too small for the box."""
    return image_pixels(box, size, ppi)[0] / (box[0] / 72)


def _is_landscape(size: tuple[int, int]) -> bool:
    return size[0] >= size[1]
