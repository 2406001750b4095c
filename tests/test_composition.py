"""Page composition and the grid, read back from the built PDFs of both example kits in every
shipped layout: one value column for every two-column list, labels on their values'
baseline, the praise never split into a lone quote, a lone still never on the last page."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from kitpress.layout.discover import available
from kitpress.layout.load import load_layout
from kitpress.pipeline import BuildOptions, build

from .conftest import EXAMPLE_KIT, REPO

KITS = {"parallel-mothers": EXAMPLE_KIT, "the-last-lock": REPO / "assets" / "the-last-lock"}
LAYOUTS = ("default", "classic", "festival-letter", "minimal")
MAX_VALUE_COLUMNS = 2  # distinct second-column positions a layout may use, all pages together
COLUMN_GAP = 12.0  # points of white between a label's end and its value's start
BASELINE = 0.5  # points: glyphs this close in baseline share a line
MM = 72 / 25.4
FOOTER_BAND = 0.08  # of the page height: the running footer, not content


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    assert set(LAYOUTS) <= set(available())
    built = {}
    for name, kit in KITS.items():
        for layout in LAYOUTS:
            out = tmp_path_factory.mktemp(f"{name}-{layout}")
            result = build(kit, BuildOptions(format="screen-pdf", out=out, layout=layout))
            assert result.pdf is not None
            built[name, layout] = result.pdf
    return built


def _lines(page: pdfplumber.page.Page) -> list[list[dict[str, float]]]:
    """The page's visible glyphs grouped by baseline (from each glyph's text matrix, so type
    of two sizes on one baseline is one line), each line from left to right."""
    glyphs = [c for c in page.chars if c["text"].strip()]
    lines: list[list[dict[str, float]]] = []
    for glyph in sorted(glyphs, key=lambda c: (-c["matrix"][5], c["x0"])):
        if lines and abs(lines[-1][0]["matrix"][5] - glyph["matrix"][5]) <= BASELINE:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _second_columns(pdf: Path, margin: float) -> Counter[float]:
    """Where each two-column line (a label at the left margin, a value well clear of it)
    starts its second column, in whole millimetres from the page's left edge."""
    found: Counter[float] = Counter()
    with pdfplumber.open(pdf) as document:
        for page in document.pages[1:-1]:  # the covers set no lists
            foot = page.height * (1 - FOOTER_BAND)
            for line in _lines(page):
                if abs(line[0]["x0"] - margin) > 1 or line[0]["bottom"] > foot:
                    continue
                for left, right in itertools.pairwise(line):
                    if right["x0"] - left["x1"] > COLUMN_GAP:
                        found[round(right["x0"] / MM)] += 1
                        break
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_every_two_column_list_sets_its_values_in_one_column(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    margin = load_layout(layout).page.margin_left
    columns = _second_columns(pdfs[kit, layout], margin)
    # Labels that sat above their values' baseline would make no two-column line at all.
    assert sum(columns.values()) >= 8, columns
    assert len(columns) <= MAX_VALUE_COLUMNS, columns


def _content(page: pdfplumber.page.Page) -> str:
    foot = page.height * (1 - FOOTER_BAND)
    return " ".join(w["text"] for w in page.extract_words() if w["bottom"] < foot)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_no_page_holds_a_lone_quote(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    with pdfplumber.open(pdfs[kit, layout]) as document:
        for number, page in enumerate(document.pages[1:-1], start=2):
            text = _content(page)
            alone = text.startswith("“") and text.count("“") == 1 and len(text) < 400
            assert not alone, f"page {number} holds one quote: {text}"


LONE_LAST_STILL = pytest.mark.xfail(
    strict=True, reason="flowing stacked stills: seven landscapes from a fresh page end 2, 2, 2, 1"
)

# Seen since Parallel Mothers closes with a back cover (the last page was taken for one).
LONE_GRID_STILL = pytest.mark.xfail(
    strict=True, reason="nine stills in the minimal layout's grid of four a page end 4, 4, 1"
)


@pytest.mark.parametrize(
    ("kit", "layout"),
    [
        pytest.param(kit, layout, marks=LONE_LAST_STILL)
        if (kit, layout) in {("the-last-lock", "default"), ("the-last-lock", "classic")}
        else pytest.param(kit, layout, marks=LONE_GRID_STILL)
        if (kit, layout) == ("parallel-mothers", "minimal")
        else (kit, layout)
        for kit in KITS
        for layout in LAYOUTS
    ],
)
def test_the_last_stills_page_does_not_hold_one_still_alone(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    with pdfplumber.open(pdfs[kit, layout]) as document:
        photos = [len([i for i in page.images if i["width"] > 40 * MM]) for page in document.pages]
    stills_pages = [count for count in photos[1:-1] if count]
    assert stills_pages[-1] >= 2 or stills_pages[-2] <= 1, photos


MIN_FILL = 0.60  # of the text area, on every inside page but the last and the contents
# Festivals' pages that the stills' first row will not fit under (it starts the next page);
# known, left for the stills to flow into a part-filled page.
KNOWN_THIN = {
    ("the-last-lock", "minimal"): 12,
    ("the-last-lock", "default"): 13,
    ("the-last-lock", "classic"): 14,
}


def _fill(page: pdfplumber.page.Page, top: float, height: float) -> float:
    foot = page.height * (1 - FOOTER_BAND)
    bottoms = [w["bottom"] for w in page.extract_words() if w["bottom"] < foot]
    bottoms += [i["bottom"] for i in page.images]
    return (max(bottoms, default=top) - top) / height


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_no_inside_page_is_left_thin(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    spec = load_layout(layout).page
    thin = []
    with pdfplumber.open(pdfs[kit, layout]) as document:
        inside = document.pages[1:-2]  # the covers, and the last inside page, may end short
        for number, page in enumerate(inside, start=2):
            if page.extract_words()[:1] and page.extract_words()[0]["text"] == "Contents":
                continue  # the table of contents is a page of its own by design
            fill = _fill(page, spec.margin_top, spec.frame_height)
            if fill < MIN_FILL and KNOWN_THIN.get((kit, layout)) != number:
                thin.append((number, round(fill, 2)))
    assert thin == []
