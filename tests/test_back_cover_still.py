"""The back cover's still, from the plan: a landscape scene the stills pages can spare (none
from the set, never one shown elsewhere), across the frame; none where the gallery would
drop below four, or where the layout turns it off."""

from __future__ import annotations

from pathlib import Path

import pytest

from kitpress.outputs.pdf.plan import MIN_GALLERY, plan_document
from kitpress.pipeline import check

from .conftest import SCREEN_PDF, make_still

KIT = """\
title: The Last Lock
crew: {Director: Hester Vale}
copyright_line: © 2026 Lockside Pictures
stills:
STILLS"""


def _kit(tmp_path: Path, sizes: list[tuple[int, int]], on_set: int | None = None) -> Path:
    kit = tmp_path / "kit"
    lines = []
    for n, size in enumerate(sizes, 1):
        make_still(kit / f"s{n}.jpg", size, n)
        people = ", people: [{name: Hester Vale, role: director}]" if n == on_set else ""
        lines.append(f"  - {{file: s{n}.jpg, description: Scene {n}{people}}}\n")
    (kit / "kit.yaml").write_text(KIT.replace("STILLS", "".join(lines)), encoding="utf-8")
    return kit


def _plan(kit: Path, layout: str = "default"):  # type: ignore[no-untyped-def]
    return plan_document(check(kit, layout, formats=SCREEN_PDF).document)


def test_the_back_cover_takes_the_last_landscape_scene_and_the_gallery_gives_it_up(
    tmp_path: Path,
) -> None:
    sizes = [(900, 600)] * 6 + [(600, 900)]  # the last a portrait: the one before it is taken
    plan = _plan(_kit(tmp_path, sizes))
    assert plan.back is not None
    assert plan.back.still.number == 6
    gallery = {slot.still.id for page in plan.still_pages for slot in page.slots}
    assert "still-06" not in gallery and len(gallery) >= MIN_GALLERY
    width = plan.back.box[0]
    assert plan.back.shown_height >= plan.back.box[1] * 0.9  # cropped a tenth at most
    assert plan.back in plan.slots and width > 400  # made at its size, across the frame


def test_a_still_from_the_set_is_left_to_the_stills_pages(tmp_path: Path) -> None:
    plan = _plan(_kit(tmp_path, [(900, 600)] * 7, on_set=7))
    assert plan.back is not None and plan.back.still.number == 6


@pytest.mark.parametrize("count", [MIN_GALLERY, MIN_GALLERY + 1])
def test_a_small_gallery_keeps_its_stills(tmp_path: Path, count: int) -> None:
    """The cover shows the first; the pages keep four, so the back cover takes none."""
    plan = _plan(_kit(tmp_path, [(900, 600)] * count))
    assert plan.back is None


def test_a_layout_can_keep_the_back_cover_without_a_still(tmp_path: Path) -> None:
    layout = tmp_path / "plain"
    layout.mkdir()
    (layout / "layout.yaml").write_text(
        "extends: default\ncover: {back_still: false}\n", encoding="utf-8"
    )
    assert _plan(_kit(tmp_path, [(900, 600)] * 8), str(layout)).back is None
