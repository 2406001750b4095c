"""Which stills share a page and how large each is drawn: stacked and grid arrangements."""

from __future__ import annotations

from pathlib import Path

import pytest

from kitpress.errors import LayoutError
from kitpress.layout.load import load_layout
from kitpress.layout.model import StillSettings
from kitpress.outputs.pdf.arrange import (
    GAP,
    MAX_CROP,
    Grid,
    cell_size,
    fit_box,
    group_stills,
    measure_box,
    row_boxes,
)

L, P = (3000, 2000), (2000, 3000)


def _groups(sizes: list[tuple[int, int]], **settings: object) -> list[tuple[Grid, tuple[int, ...]]]:
    pages = group_stills(sizes, StillSettings(**settings))  # type: ignore[arg-type]
    return [(page.grid, page.members) for page in pages]


def test_stacked_keeps_order_pairs_portraits_and_gives_a_lone_portrait_a_page() -> None:
    assert _groups([L, L, L, P, P, P, L], per_page=2) == [
        (Grid(1, 2), (0, 1)),
        (Grid(1, 2), (2,)),
        (Grid(2, 1), (3, 4)),
        (Grid(1, 1), (5,)),
        (Grid(1, 2), (6,)),
    ]


def test_grid_takes_any_orientation_in_two_columns() -> None:
    assert _groups([L, P, L, L, P], arrangement="grid", per_page=4) == [
        (Grid(2, 2), (0, 1, 2)),  # the last page does not hold one still alone
        (Grid(2, 2), (3, 4)),
    ]


def test_every_page_of_a_kind_has_the_same_cells_and_photos_fit_them() -> None:
    page = load_layout("default").page
    cell = cell_size(Grid(1, 2), page)
    box = fit_box(L, cell)
    assert box[0] <= cell[0] + 1e-6 and box[1] <= cell[1] + 1e-6
    assert box[0] / box[1] == pytest.approx(1.5)
    half = cell_size(Grid(2, 1), page)
    assert half[0] < page.frame_width / 2  # a gap between the two portraits
    assert fit_box(P, half)[0] == pytest.approx(half[0])


def _layout(tmp_path: Path, stills: str) -> Path:
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "layout.yaml").write_text(f"extends: default\nstills:\n{stills}", encoding="utf-8")
    return folder


def test_grid_with_an_odd_count_is_a_located_error(tmp_path: Path) -> None:
    folder = _layout(tmp_path, "  arrangement: grid\n  per_page: 3\n")
    with pytest.raises(LayoutError) as caught:
        load_layout(str(folder))
    assert caught.value.lines() == [
        "brand/layout.yaml:4: stills.per_page: grid takes 2, 4, 6 stills a page (got 3)"
    ]


def test_unknown_arrangement_names_the_known_ones(tmp_path: Path) -> None:
    folder = _layout(tmp_path, "  arrangement: mosaic\n")
    with pytest.raises(LayoutError) as caught:
        load_layout(str(folder))
    assert caught.value.lines() == [
        "brand/layout.yaml:3: stills.arrangement: "
        "unknown arrangement 'mosaic' (known: stacked, grid)"
    ]


def test_a_lone_last_still_takes_one_from_a_full_page_before_it() -> None:
    assert _groups([L] * 9, arrangement="grid", per_page=4) == [
        (Grid(2, 2), (0, 1, 2, 3)),
        (Grid(2, 2), (4, 5, 6)),
        (Grid(2, 2), (7, 8)),
    ]
    assert _groups([L] * 7, per_page=3) == [
        (Grid(1, 3), (0, 1, 2)),
        (Grid(1, 3), (3, 4)),
        (Grid(1, 3), (5, 6)),
    ]


def test_a_lone_last_landscape_joins_a_stacked_pair_as_a_third_row() -> None:
    assert _groups([L] * 5, per_page=2) == [(Grid(1, 2), (0, 1)), (Grid(1, 3), (2, 3, 4))]


def _rows(sizes: list[tuple[int, int]], opener: bool = True) -> list[tuple[Grid, tuple[int, ...]]]:
    settings = StillSettings(per_page=2, opener=opener)  # type: ignore[call-arg]
    pages = group_stills(sizes, settings, whole_pages=False)
    return [(page.grid, page.members) for page in pages]


def test_flowing_stills_open_across_the_measure_then_pair_a_portrait_in_a_row() -> None:
    assert _rows([L, L, L, P, L]) == [
        (Grid(1, 2), (0,)),
        (Grid(2, 1), (1, 2)),
        (Grid(2, 1), (3, 4)),
    ]


def test_an_odd_one_out_runs_the_measure_after_the_first_row_never_last() -> None:
    assert _rows([L] * 5, opener=False) == [
        (Grid(2, 1), (0, 1)),
        (Grid(1, 2), (2,)),
        (Grid(2, 1), (3, 4)),
    ]
    assert _rows([P, P, P]) == [(Grid(2, 1), (0, 1)), (Grid(1, 1), (2,))]  # no landscape


def test_a_row_is_justified_across_the_measure_at_one_height() -> None:
    boxes = row_boxes([P, L], 470.0, 400.0)
    assert boxes[0][1] == boxes[1][1]  # one height: the captions start on one line
    assert sum(w for w, _ in boxes) + GAP == pytest.approx(470.0)
    assert boxes[0][0] / boxes[0][1] == pytest.approx(2 / 3)
    short = row_boxes([P, P], 470.0, 100.0)  # never taller than the cell: narrower instead
    assert [h for _, h in short] == [100.0, 100.0]


def test_a_still_across_the_measure_loses_a_tenth_of_its_frame_at_most() -> None:
    box, shown = measure_box(L, (470.0, 200.0))
    assert box == (470.0, pytest.approx(313.33, abs=0.01))
    assert shown == pytest.approx(box[1] * (1 - MAX_CROP))
    assert measure_box(L, (470.0, 300.0))[1] == pytest.approx(300.0)
