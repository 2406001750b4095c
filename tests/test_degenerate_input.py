"""Input at the edges of what arithmetic and recursion survive: stills and key art one pixel
thin, layouts with no room left for a photo, YAML nested thousands of levels deep. Each is a
located error or a correct PDF, never a ZeroDivisionError or a RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from kitpress.errors import KitError, LayoutError
from kitpress.outputs.pdf.arrange import image_pixels
from kitpress.pipeline import BuildOptions, build, check

from .conftest import check_errors, placed_slots

RIGHTS = "rights: {copyright: El Deseo, photographer: Iglesias Más}\n"

STRIPS = [
    pytest.param((20_000, 2), id="20000x2"),
    pytest.param((2, 20_000), id="2x20000"),
    pytest.param((12_000, 1), id="12000x1"),
    pytest.param((1, 12_000), id="1x12000"),
]


def _kit(tmp_path: Path, text: str) -> Path:
    kit = tmp_path / "kit"
    kit.mkdir(exist_ok=True)
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    return kit


def _strip(path: Path, size: tuple[int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (150, 40, 30)).save(path)


@pytest.mark.parametrize("size", STRIPS)
def test_a_still_one_pixel_thin_is_placed_with_at_least_one_pixel(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    kit = _kit(tmp_path, f"title: Strips\n{RIGHTS}stills:\n  - file: stills/strip.png\n")
    _strip(kit / "stills" / "strip.png", size)
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    slot = placed_slots(kit)[0]
    assert slot.box[0] > 0 and slot.box[1] > 0
    assert result.pdf is not None
    placed = [i.image.size for p in PdfReader(result.pdf).pages[1:] for i in p.images]
    assert len(placed) == 1
    long_side = max(placed[0])
    assert min(placed[0]) >= 1 and long_side > 100  # the strip's length, not a 1×1 speck


@pytest.mark.parametrize("size", STRIPS)
def test_key_art_one_pixel_thin_makes_a_cover(tmp_path: Path, size: tuple[int, int]) -> None:
    kit = _kit(tmp_path, f"title: Strips\n{RIGHTS}key_art: poster.png\n")
    _strip(kit / "poster.png", size)
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None
    cover = PdfReader(result.pdf).pages[0]
    assert [min(i.image.size) >= 1 for i in cover.images] == [True]


def test_image_pixels_are_never_zero_for_a_box_thinner_than_a_pixel() -> None:
    assert image_pixels((470.0, 0.05), (20_000, 2), 200) == (1306, 1)
    assert image_pixels((0.03, 267.0), (2, 20_000), 200) == (1, 742)


def test_a_layout_leaving_no_room_for_a_photo_is_a_located_error(tmp_path: Path) -> None:
    layout = tmp_path / "cramped"
    layout.mkdir()
    (layout / "layout.yaml").write_text(
        "extends: default\npage: {margin_top: 74mm, margin_bottom: 74mm}\nstills: {per_page: 3}\n",
        encoding="utf-8",
    )
    kit = _kit(tmp_path, f"title: Cramped\n{RIGHTS}stills:\n  - file: a.png\n")
    _strip(kit / "a.png", (1200, 800))
    with pytest.raises(LayoutError) as caught:
        check(kit, str(layout))
    assert caught.value.lines() == [
        "cramped/layout.yaml: page: the page leaves no room for 3 stills a page: a photo "
        "would get 170×23 mm (25 mm each way is the least); use smaller margins or fewer "
        "stills.per_page"
    ]
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("layout_yaml", "expected"),
    [
        pytest.param(
            "page: {margin_left: 100mm, margin_right: 100mm}\n",
            "narrow/layout.yaml:2: page: the margins leave a text area of 10×247 mm on a "
            "210×297 mm page (at least half the page each way is needed); make them smaller",
            id="narrow",
        ),
        pytest.param(
            "page: {margin_top: 110mm}\ncover: {style: framed, art_share: 0.4}\n",
            "narrow/layout.yaml:3: cover.art_share: a framed cover with art_share 0.4 and a "
            "110 mm top margin leaves the art no room; raise art_share or lower page.margin_top",
            id="framed-cover",
        ),
    ],
)
def test_margins_leaving_no_page_are_a_located_error(
    tmp_path: Path, layout_yaml: str, expected: str
) -> None:
    layout = tmp_path / "narrow"
    layout.mkdir()
    (layout / "layout.yaml").write_text("extends: default\n" + layout_yaml, encoding="utf-8")
    kit = _kit(tmp_path, "title: Narrow\nlogline: A text that needs a column.\n")
    with pytest.raises(LayoutError) as caught:
        check(kit, str(layout))
    assert caught.value.lines() == [expected]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [pytest.param("[", "]", id="lists"), pytest.param("{a: ", "}", id="mappings")],
)
def test_flow_nesting_thousands_deep_is_located(tmp_path: Path, opening: str, closing: str) -> None:
    deep = opening * 5000 + "x" + closing * 5000
    kit = _kit(tmp_path, f"title: Deep\nlogline: {deep}\n")
    assert check_errors(kit, KitError) == ["kit.yaml:2: nesting deeper than 20 levels"]


def test_block_nesting_hundreds_deep_is_located(tmp_path: Path) -> None:
    lines = "".join("  " * depth + f"k{depth}:\n" for depth in range(1, 600))
    kit = _kit(tmp_path, "title: Deep\nrights:\n" + lines)
    assert check_errors(kit, KitError) == ["kit.yaml:23: nesting deeper than 20 levels"]


def test_sequence_entries_hundreds_deep_are_located(tmp_path: Path) -> None:
    lines = "".join("  " * depth + "-\n" for depth in range(600))
    kit = _kit(tmp_path, "title: Deep\nstills:\n" + lines)
    assert check_errors(kit, KitError) == ["kit.yaml:23: nesting deeper than 20 levels"]


def test_a_layout_nested_thousands_deep_is_located(tmp_path: Path) -> None:
    layout = tmp_path / "deep"
    layout.mkdir()
    (layout / "layout.yaml").write_text(
        "extends: default\nfooter: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8"
    )
    kit = _kit(tmp_path, "title: Deep\n")
    with pytest.raises(LayoutError) as caught:
        check(kit, str(layout))
    assert caught.value.lines() == ["deep/layout.yaml:2: nesting deeper than 20 levels"]


DEEP_MARKDOWN = [
    pytest.param(">" * 5000 + " deep", id="quotes"),
    pytest.param("*" * 5000 + "deep" + "*" * 5000, id="emphasis"),
    pytest.param("[" * 5000 + "deep" + "]" * 5000 + "(https://example.com)", id="links"),
    pytest.param("".join("  " * depth + "- deep\n" for depth in range(300)), id="lists"),
]


@pytest.mark.parametrize("markdown", DEEP_MARKDOWN)
def test_markdown_nested_thousands_deep_still_makes_a_pdf(tmp_path: Path, markdown: str) -> None:
    kit = _kit(tmp_path, "title: Deep\nsynopsis: {file: synopsis.md}\n")
    (kit / "synopsis.md").write_text(markdown + "\n", encoding="utf-8")
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None
    text = " ".join(page.extract_text() for page in PdfReader(result.pdf).pages)
    assert "deep" in text


def test_a_strip_rather_than_a_photo_is_a_warning(tmp_path: Path) -> None:
    kit = _kit(tmp_path, f"title: Strips\n{RIGHTS}stills:\n  - file: stills/strip.png\n")
    _strip(kit / "stills" / "strip.png", (5000, 3))
    warnings = [str(w) for w in check(kit, formats="screen-pdf").warnings]
    assert warnings == [
        "kit.yaml:4: stills[0].file: warning: strip.png: 5000×3 px is a strip, not a photo "
        "(more than 8 times as long as it is wide): it prints as a thin line; is it the right "
        "file?"
    ]
