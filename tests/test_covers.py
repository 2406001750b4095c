"""The cover read back from the PDF: laurel type at 7 pt at least and inside its wreath (by
pdfplumber's character and curve positions), the poster style's key art whole (the drawn
image's proportions against the source's), a focus point moving the cover's crop (by the
drawn image's pixels), a sparse kit's back cover with the distributor's block, and kit.yaml's
``cover:`` read as located lines."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PIL import Image, ImageDraw, ImageStat
from pypdf import PdfReader

from kitpress.errors import LayoutError
from kitpress.pipeline import BuildOptions, build, check

from .conftest import SCREEN_PDF, check_errors, make_still, needs_poppler

LONG_AWARD = "Special Jury Prize for Outstanding Artistic Contribution"
KIT = """\
title: The Last Lock
presented_by: Northlight Releasing
crew: {Director: Hester Vale}
festivals:
  - {name: Estuary International Film Festival, year: 2026, award: AWARD}
  - {name: Lowland Film Days, year: 2026}
stills:
  - {file: stills/one.jpg}
"""


def _layout(tmp_path: Path, cover: str, name: str = "brand") -> str:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    (folder / "layout.yaml").write_text(f"extends: default\ncover: {cover}\n", encoding="utf-8")
    return str(folder)


def _pdf(kit: Path, out: Path, layout: str = "default") -> Path:
    result = build(kit, BuildOptions(format="pdf", out=out, layout=layout))
    assert result.pdf is not None
    return result.pdf


def _laurel_kit(kit: Path, award: str = LONG_AWARD) -> Path:
    make_still(kit / "stills" / "one.jpg", (1200, 800), 1)
    (kit / "kit.yaml").write_text(KIT.replace("AWARD", award), encoding="utf-8")
    return kit


def _wreaths(page: pdfplumber.page.Page) -> list[list[tuple[float, float, float, float]]]:
    """The drawn laurels' leaves (small filled curves), one list per wreath: nine leaves a
    side, the wreaths side by side, left to right."""
    leaves = sorted(
        (c["x0"], c["top"], c["x1"], c["bottom"])
        for c in page.curves
        if c["fill"] and c["x1"] - c["x0"] < 20 and c["bottom"] - c["top"] < 20
    )
    return [leaves[i : i + 18] for i in range(0, len(leaves), 18)]


@pytest.mark.parametrize("layout", ["default", "classic"])
def test_laurel_lines_are_7_pt_at_least_inside_their_wreath_clear_of_the_leaves(
    tmp_path: Path, layout: str
) -> None:
    pdf = _pdf(_laurel_kit(tmp_path / "kit"), tmp_path / "out", layout)
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        wreaths = _wreaths(page)
        assert [len(w) for w in wreaths] == [18, 18]
        for wreath in wreaths:
            left, right = min(b[0] for b in wreath), max(b[2] for b in wreath)
            top, bottom = min(b[1] for b in wreath), max(b[3] for b in wreath)
            chars = [
                c
                for c in page.chars
                if left <= (c["x0"] + c["x1"]) / 2 <= right
                and top <= (c["top"] + c["bottom"]) / 2 <= bottom
                and c["text"].strip()
            ]
            assert chars and min(c["size"] for c in chars) >= 7
            lines = {round(c["top"]) for c in chars}
            assert len(lines) <= 4
            for line in lines:  # no letter runs into the next (a long tracked line shrunk)
                row = sorted((c["x0"], c["x1"]) for c in chars if round(c["top"]) == line)
                assert all(a[1] <= b[0] + 0.3 for a, b in pairwise(row))
            for c in chars:  # inside the wreath's box, touching no leaf
                assert left < c["x0"] and c["x1"] < right and top < c["top"] < c["bottom"] < bottom
                box = (c["x0"], c["top"], c["x1"], c["bottom"])
                assert not [leaf for leaf in wreath if _overlap(box, leaf)], c["text"]
        text = page.extract_text()
    assert "CONTRIBUTION" in text and "ESTUARY INTERNATIONAL" in text  # nothing left out
    assert "WINNER" not in text  # it would make five lines: the award alone, in two even ones
    assert not [line for line in text.splitlines() if line.rstrip().endswith(" FOR")]


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_a_long_award_widens_the_wreath_instead_of_spilling(tmp_path: Path) -> None:
    short = _pdf(_laurel_kit(tmp_path / "short", "Best Film"), tmp_path / "a")
    long = _pdf(_laurel_kit(tmp_path / "long"), tmp_path / "b")
    widths = []
    for pdf in (short, long):
        with pdfplumber.open(pdf) as document:
            first = _wreaths(document.pages[0])[0]
        widths.append(max(b[2] for b in first) - min(b[0] for b in first))
    assert widths[1] > widths[0] + 20


def _poster_kit(kit: Path, size: tuple[int, int]) -> Path:
    make_still(kit / "stills" / "one.jpg", (1200, 800), 1)
    make_still(kit / "poster.jpg", size, 2)
    text = "title: The Last Lock\nkey_art: poster.jpg\nstills:\n  - {file: stills/one.jpg}\n"
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    return kit


@pytest.mark.parametrize("size", [(1100, 1500), (1500, 1000)], ids=["portrait", "landscape"])
def test_the_poster_cover_shows_the_whole_key_art(tmp_path: Path, size: tuple[int, int]) -> None:
    kit = _poster_kit(tmp_path / "kit", size)
    poster = _pdf(kit, tmp_path / "poster", _layout(tmp_path, "{style: poster}"))
    band = _pdf(kit, tmp_path / "band", _layout(tmp_path, "{style: band}", "banded"))
    aspects = []
    for pdf in (poster, band):
        with pdfplumber.open(pdf) as document:
            page = document.pages[0]
            (art,) = [i for i in page.images if i["width"] > page.width / 2]
            aspects.append((art["x1"] - art["x0"]) / (art["bottom"] - art["top"]))
            if pdf == poster:  # across the page, from its top
                assert art["x0"] < 0.01 and art["x1"] > page.width - 0.01 and art["top"] < 0.01
    assert aspects[0] == pytest.approx(size[0] / size[1], rel=0.005)
    assert aspects[1] != pytest.approx(size[0] / size[1], rel=0.05)  # the band crops it


def _halves_kit(kit: Path, focus: str) -> Path:
    """A landscape still red on its left third, blue on its right third, grey between."""
    image = Image.new("RGB", (1500, 600), (128, 128, 128))
    image.paste((220, 20, 20), (0, 0, 500, 600))
    image.paste((20, 20, 220), (1000, 0, 1500, 600))
    (kit / "stills").mkdir(parents=True)
    image.save(kit / "stills" / "one.jpg", quality=90)
    cover = f"cover: {{focus: {focus}}}\n" if focus else ""
    text = f"title: The Last Lock\n{cover}stills:\n  - {{file: stills/one.jpg}}\n"
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    return kit


def _cover_colour(pdf: Path) -> tuple[int, ...]:
    """The mean colour of the top of the cover's picture, as drawn."""
    reader = PdfReader(pdf)
    (picture,) = [i for i in reader.pages[0].images if i.image is not None and i.image.width > 200]
    image = picture.image
    assert image is not None
    top = image.convert("RGB").crop((0, 0, image.width, image.height // 4))
    return tuple(round(v) for v in ImageStat.Stat(top).mean)


@pytest.mark.parametrize(("focus", "colour"), [("[0, 0.5]", 0), ("[1, 0.5]", 2), ("", None)])
def test_a_focus_point_moves_the_cover_crop(tmp_path: Path, focus: str, colour: int | None) -> None:
    full = _layout(tmp_path, "{style: full}")
    mean = _cover_colour(_pdf(_halves_kit(tmp_path / "kit", focus), tmp_path / "out", full))
    if colour is None:  # no focus: the centre, grey
        assert max(mean) - min(mean) < 30
    else:
        assert mean[colour] > 150 and min(mean) < 60


def test_a_sparse_kit_closes_with_the_distributors_block(
    write_kit: Callable[[str], Path], tmp_path: Path
) -> None:
    kit = write_kit(
        "title: Parallel Mothers\nsynopsis: Two mothers.\npresented_by: Sony Pictures Classics\n"
        "crew: {Director: Pedro Almodóvar}\n"
        "contacts:\n  - {role: us_press, name: Carmelo Pirrone, email: press@example.com}\n"
    )
    assert check(kit, formats=SCREEN_PDF).document.sections[-1] == "back_cover"
    reader = PdfReader(_pdf(kit, tmp_path / "out"))
    back = reader.pages[-1].extract_text()
    assert "Sony Pictures Classics".upper() in back.upper()
    assert "Carmelo Pirrone" in back and "press@example.com" in back
    assert "A FILM BY PEDRO ALMODÓVAR" in back.upper()  # under the typeset title
    alone = write_kit("title: Parallel Mothers\npresented_by: Sony Pictures Classics\n")
    assert "back_cover" not in check(alone, formats=SCREEN_PDF).document.sections  # one page


@pytest.mark.parametrize(
    ("cover", "message"),
    [
        (
            "{still: 4}",
            "kit.yaml:2: cover.still: expected a whole number from 1 to 1, e.g. 1 (got '4')",
        ),
        (
            "{focus: [1.5, 0.2]}",
            "kit.yaml:2: cover.focus: expected two shares of the picture, across and down, from "
            "0 to 1, e.g. [0.5, 0.3] (got '1.5, 0.2')",
        ),
        (
            "{focal: [0.5, 0.5]}",
            "kit.yaml:2: cover.focal: unknown key 'focal' (did you mean 'focus'?)",
        ),
    ],
)
def test_the_cover_choice_is_checked_as_located_lines(
    write_kit: Callable[[str], Path], cover: str, message: str
) -> None:
    kit = write_kit(f"title: The Last Lock\ncover: {cover}\nstills:\n  - {{file: one.jpg}}\n")
    make_still(kit / "one.jpg")
    assert check_errors(kit) == [message]


def test_the_cover_shows_the_still_kit_yaml_names(
    write_kit: Callable[[str], Path],
) -> None:
    kit = write_kit(
        "title: The Last Lock\ncover: {still: 2, focus: [0.3, 0.4]}\n"
        "stills:\n  - {file: one.jpg}\n  - {file: two.jpg}\n"
    )
    make_still(kit / "one.jpg", (900, 600), 1)
    make_still(kit / "two.jpg", (600, 900), 2)
    cover = check(kit, formats=SCREEN_PDF).document.cover
    assert cover is not None
    assert (cover.source.name, cover.focus) == ("two.jpg", (0.3, 0.4))


@pytest.mark.parametrize(("zone", "high"), [("top", True), ("bottom", False)])
def test_the_text_zone_puts_the_title_where_the_layout_says(
    tmp_path: Path, zone: str, high: bool
) -> None:
    layout = _layout(tmp_path, f"{{style: full, text_zone: {zone}}}")
    pdf = _pdf(_laurel_kit(tmp_path / "kit", "Best Film"), tmp_path / "out", layout)
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        (word,) = [w for w in page.extract_words() if w["text"] == "LOCK"]
        laurel = [c for c in page.chars if c["text"] == "E" and c["size"] < 10]
        assert (word["bottom"] < page.height * 0.42) is high
        assert min(c["top"] for c in laurel) > page.height * 0.75  # the foot stays at the foot


def _figure_still(path: Path, figure: tuple[float, float]) -> Path:
    """A landscape still of soft fog with one hard-edged dark figure standing from
    ``figure[0]`` to ``figure[1]`` of its height, in the middle of its width."""
    image = Image.linear_gradient("L").resize((1200, 800)).convert("RGB")
    ImageDraw.Draw(image).rectangle((560, 800 * figure[0], 640, 800 * figure[1]), fill=(20,) * 3)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=90)
    return path


@pytest.mark.parametrize(("figure", "high"), [((0.5, 0.78), True), ((0.08, 0.4), False)])
def test_an_auto_text_zone_sets_the_title_where_the_picture_is_quiet(
    tmp_path: Path, figure: tuple[float, float], high: bool
) -> None:
    """A figure standing where a title on the foot would go sends the title to the top; one
    in the picture's upper part keeps it on the foot (the laurels stay at the foot)."""
    layout = _layout(tmp_path, "{style: full, text_zone: auto}")
    kit = _laurel_kit(tmp_path / "kit", "Best Film")
    _figure_still(kit / "stills" / "one.jpg", figure)
    with pdfplumber.open(_pdf(kit, tmp_path / "out", layout)) as document:
        page = document.pages[0]
        (word,) = [w for w in page.extract_words() if w["text"] == "LOCK"]
        laurel = [c for c in page.chars if c["text"] == "E" and c["size"] < 10]
        assert (word["bottom"] < page.height * 0.42) is high
        assert min(c["top"] for c in laurel) > page.height * 0.75


def test_a_display_title_fills_the_measure_in_capitals_set_a_touch_tight(tmp_path: Path) -> None:
    """DESIGN.md: large display capitals slightly tight, the small ones tracked open."""
    kit = Path(__file__).resolve().parent.parent / "assets" / "parallel-mothers"
    pdf = _pdf(kit, tmp_path / "out")
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        title = [c for c in page.chars if c["size"] > 46]  # larger than the style's own size
    lines = {round(c["top"]) for c in title}
    assert "".join(c["text"] for c in title) == "PARALLELMOTHERS" and len(lines) == 2
    frame = page.width - 2 * 22 * 72 / 25.4  # the default layout's 22 mm margins
    widest = max(
        max(c["x1"] for c in title if round(c["top"]) == line)
        - min(c["x0"] for c in title if round(c["top"]) == line)
        for line in lines
    )
    assert widest > 0.9 * frame
    size = title[0]["size"]
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(title) if round(a["top"]) == round(b["top"])]
    assert -0.02 * size <= sorted(gaps)[len(gaps) // 2] < 0  # measured, not solid


@pytest.mark.parametrize("style", ["poster", "full"])
def test_a_cover_without_a_picture_sets_its_title_on_the_page(
    write_kit: Callable[[str], Path], tmp_path: Path, style: str
) -> None:
    kit = write_kit("title: The Last Lock\nsynopsis: A lock keeper waits.\n")
    pdf = _pdf(kit, tmp_path / "out", _layout(tmp_path, f"{{style: {style}}}"))
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        (word,) = [w for w in page.extract_words() if w["text"] == "LOCK"]
    assert page.height * 0.3 < word["top"] < word["bottom"] < page.height - 60  # above the foot


BILLING_KIT = """\
title: The Last Lock
year: 2026
presented_by: Northlight Releasing
synopsis: A lock keeper waits.
crew: {Director: Hester Vale}
rights: {copyright: Lockside}
stills:
  - {file: one.jpg, rights: {copyright: Lockside Pictures Ltd.}}
billing_block: >-
  NORTHLIGHT RELEASING presents a LOCKSIDE PICTURES production MAREN ODUYA ILYA BRASK
  SOFIE LINDQVIST “THE LAST LOCK” DEON ACHTERBERG music by CORA LIND edited by SAMI QUELL
  produced by ANNA KORHONEN JOOST VEENHUIS written by HESTER VALE & TOBIAS WREN
  directed by HESTER VALE
"""


def test_the_billing_block_is_set_as_billing(
    write_kit: Callable[[str], Path], tmp_path: Path
) -> None:
    kit = write_kit(BILLING_KIT)
    make_still(kit / "one.jpg")
    pdf = _pdf(kit, tmp_path / "out")
    with pdfplumber.open(pdf) as document:
        page = document.pages[-1]
        words = page.extract_words(extra_attrs=["size"])
        text = page.extract_text()
    top = min(w["top"] for w in words if w["text"] == "NORTHLIGHT")
    block = [w for w in words if w["top"] >= top - 1 and w["size"] <= 9]  # the © line under
    sizes = {w["text"]: w["size"] for w in block}
    assert sizes["NORTHLIGHT"] == sizes["VALE"] == 9  # the names small, all at one size
    for role in ("presents", "directed", "produced", "music"):  # the role words smaller
        assert sizes[role] < 0.8 * sizes["NORTHLIGHT"]
    lines = [line for line in text.splitlines() if "NORTHLIGHT" in line or "by" in line]
    assert not any(line.rstrip().endswith("“THE") for line in lines)  # the title in one piece
    assert not any(line.rstrip().endswith("&") or line.startswith("&") for line in lines)
    assert "“THE LAST LOCK”" in text.replace("\n", " ")
    assert "PRESENTED BY" not in text.upper().replace("RELEASING PRESENTS", "")  # no repeat
    rows: dict[int, list[float]] = {}
    for w in block:  # the block's lines, by the names' baselines (role words sit on them)
        if w["size"] == 9 and w["text"].isupper():
            rows.setdefault(round(w["bottom"]), []).extend((w["x0"], w["x1"]))
    widths = [max(r) - min(r) for r in rows.values()]
    assert len(widths) >= 2 and min(widths) > 0.6 * max(widths)  # no short last line
    assert "© 2026 Lockside Pictures Ltd." in text  # the stills' holder, its fuller name


def test_the_back_cover_of_parallel_mothers_carries_its_copyright_line(tmp_path: Path) -> None:
    kit = Path(__file__).resolve().parent.parent / "assets" / "parallel-mothers"
    back = PdfReader(_pdf(kit, tmp_path / "out")).pages[-1].extract_text()
    assert "© 2021 El Deseo D.A. S.L.U." in back
    assert "PRESENTED BY SONY PICTURES CLASSICS" in back.upper()


LAUREL_ROW_KIT = """\
title: The Last Lock
festivals:
  - {name: Northgate Film Festival, year: 2026, award: Best Actress (Maren Oduya)}
  - {name: Lowland Film Days, year: 2026}
  - {name: Estuary International Film Festival, year: 2026, award: Best Film,
     laurel: laurel.png}
stills:
  - {file: stills/one.jpg}
"""


def test_the_cover_laurels_share_one_height_official_art_first(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    make_still(kit / "stills" / "one.jpg", (1200, 800), 1)
    Image.new("RGB", (500, 430), (200, 160, 60)).save(kit / "laurel.png")
    (kit / "kit.yaml").write_text(LAUREL_ROW_KIT, encoding="utf-8")
    pdf = _pdf(kit, tmp_path / "out")
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        wreaths = _wreaths(page)
        (art,) = [i for i in page.images if i["width"] < page.width / 3]
        said = [  # each drawn laurel's lines
            page.within_bbox(
                (
                    min(b[0] for b in w),
                    min(b[1] for b in w),
                    max(b[2] for b in w),
                    max(b[3] for b in w),
                )
            )
            .extract_text()
            .splitlines()
            for w in wreaths
        ]
    assert len(wreaths) == 2
    heights = [art["bottom"] - art["top"]]
    for wreath in wreaths:
        heights.append(max(b[3] for b in wreath) - min(b[1] for b in wreath))
        assert art["x1"] < min(b[0] for b in wreath)  # the festival's own artwork first
    # the drawn wreaths' leaves reach into their box's corners less than the art's pixels
    assert max(heights[1:]) - min(heights[1:]) < 1
    assert heights[0] == pytest.approx(heights[1], rel=0.25)
    assert art["x1"] - art["x0"] >= 22 * 72 / 25.4 - 0.5  # legible: 22 mm wide at least
    assert said[0][-2:] == ["NORTHGATE", "FILM FESTIVAL 2026"]  # broken before its kind
    assert said[1][-2:] == ["LOWLAND", "FILM DAYS 2026"]


def test_a_short_classic_kit_has_no_contents_page(tmp_path: Path) -> None:
    kit = Path(__file__).resolve().parent.parent / "assets" / "parallel-mothers"
    pages = [p.extract_text() for p in PdfReader(_pdf(kit, tmp_path / "out", "classic")).pages]
    assert len(pages) < 12 and not any("Contents" in page for page in pages)
    assert "Synopsis" in pages[1]  # the notes begin straight after the cover


def test_a_contents_page_asked_for_from_too_few_pages_is_a_located_line(
    write_kit: Callable[[str], Path], tmp_path: Path
) -> None:
    kit = write_kit("title: The Last Lock\nsynopsis: A lock keeper waits.\n")
    layout = tmp_path / "listed"
    layout.mkdir()
    (layout / "layout.yaml").write_text("extends: classic\ncontents: {min_pages: -1}\n")
    with pytest.raises(LayoutError) as raised:
        _pdf(kit, tmp_path / "out", str(layout))
    assert "layout.yaml:2: contents.min_pages: expected a whole number from 0 to 999" in str(
        raised.value
    )


def test_a_centred_cover_stands_on_one_axis(tmp_path: Path) -> None:
    """The default cover's title art, lines and laurels are all centred on the page."""
    kit = Path(__file__).resolve().parent.parent / "assets" / "the-last-lock"
    with pdfplumber.open(_pdf(kit, tmp_path / "out")) as document:
        page = document.pages[0]
        words = page.extract_words(extra_attrs=["size"])
        lines: dict[int, list[float]] = {}
        for w in words:
            if w["size"] < 7.5:  # a laurel's lines: centred in their wreath
                continue
            lines.setdefault(round(w["bottom"]), []).extend((w["x0"], w["x1"]))
        (art,) = [i for i in page.images if i["width"] < page.width / 3]  # the Golden Heron
        wreaths = _wreaths(page.crop((0, art["top"], page.width, art["bottom"])))
    with Image.open(kit / "laurels" / "estuary-2026.png") as png:  # its ink, in its margins
        ink = png.convert("RGBA").getchannel("A").getbbox()
        art["x0"] += ink[0] / png.width * art["width"]
    middle = page.width / 2
    for xs in lines.values():  # every line of type, the cast, the embargo, the imprint
        assert (min(xs) + max(xs)) / 2 == pytest.approx(middle, abs=2)
    row = [art["x0"], max(b[2] for w in wreaths for b in w)]  # the laurels' row (the last
    assert (row[0] + row[1]) / 2 == pytest.approx(middle, abs=4)  # leaf inside its box)


def test_a_framed_cover_cuts_a_portrait_poster_to_the_frame_not_to_a_band(
    tmp_path: Path,
) -> None:
    """Across the frame's width, a portrait poster is cut by its focus point to the frame's
    shape, which is nearly square (never a band), and drawn unstretched."""
    kit = _poster_kit(tmp_path / "kit", (1100, 1500))
    pdf = _pdf(kit, tmp_path / "out", "minimal")
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        (art,) = [i for i in page.images if i["width"] > page.width / 3]
    aspect = (art["x1"] - art["x0"]) / (art["bottom"] - art["top"])
    assert 1100 / 1500 < aspect < 1.2  # over 60 % of its height shows
    assert aspect == pytest.approx(art["srcsize"][0] / art["srcsize"][1], rel=0.01)
    assert (art["x0"] + art["x1"]) / 2 == pytest.approx(page.width / 2, abs=1)


@pytest.mark.parametrize("name", ["the-last-lock", "parallel-mothers"])
def test_the_minimal_cover_art_fills_the_frame_and_half_the_page(tmp_path: Path, name: str) -> None:
    kit = Path(__file__).resolve().parent.parent / "assets" / name
    with pdfplumber.open(_pdf(kit, tmp_path / "out", "minimal")) as document:
        page = document.pages[0]
        (art,) = [i for i in page.images if i["width"] > page.width / 3]
        title = [w for w in page.extract_words() if w["top"] > art["bottom"]]
    margin = 20 * 72 / 25.4  # minimal's margins: 20 mm
    assert art["x0"] == pytest.approx(margin, abs=0.5)
    assert art["x1"] == pytest.approx(page.width - margin, abs=0.5)
    assert art["top"] == pytest.approx(margin, abs=0.5)
    assert art["bottom"] - art["top"] >= page.height * 0.49  # about half the page or more
    drawn = (art["x1"] - art["x0"]) / (art["bottom"] - art["top"])
    assert drawn == pytest.approx(art["srcsize"][0] / art["srcsize"][1], rel=0.01)  # unstretched
    assert title and min(w["top"] for w in title) - art["bottom"] >= 18  # the text clear of it


@pytest.mark.parametrize("layout", ["default", "festival-letter"])
def test_the_cast_line_stands_clear_under_a_large_title(tmp_path: Path, layout: str) -> None:
    kit = Path(__file__).resolve().parent.parent / "assets" / "parallel-mothers"
    with pdfplumber.open(_pdf(kit, tmp_path / "out", layout)) as document:
        page = document.pages[0]
        title = [c for c in page.chars if c["size"] > 30]
        names = [c for c in page.chars if c["text"] == "É" and c["size"] < 12]  # PENÉLOPE
    foot = max(c["bottom"] for c in title)  # the title's last line, its descent included
    assert min(c["top"] for c in names) - foot > 2 * 72 / 25.4  # 2 mm clear below it


def test_classic_sets_its_rights_lines_and_billing_block_roman(tmp_path: Path) -> None:
    kit = Path(__file__).resolve().parent.parent / "assets" / "the-last-lock"
    with pdfplumber.open(_pdf(kit, tmp_path / "out", "classic")) as document:
        fonts: dict[str, set[str]] = {"rights": set(), "billing": set(), "cover": set()}
        for page in document.pages[1:]:
            for w in page.extract_words(extra_attrs=["fontname"]):
                if w["text"] == "©":  # a rights line (on a stills page and the back cover)
                    fonts["rights"].add(w["fontname"].split("+")[-1])
        back = document.pages[-1].extract_words(extra_attrs=["fontname"])
        fonts["billing"] = {w["fontname"].split("+")[-1] for w in back if w["text"] == "presents"}
        cover = document.pages[0].extract_words(extra_attrs=["fontname", "size"])
        fonts["cover"] = {w["fontname"].split("+")[-1] for w in cover if w["size"] >= 7.5}
    assert fonts["rights"] and all("Italic" not in f for f in fonts["rights"])
    assert fonts["billing"] == {"NotoSerif-Regular"}
    assert {f.split("-")[0] for f in fonts["cover"]} == {"NotoSerif"}  # no sans on its cover


def _axes(page: pdfplumber.page.Page) -> dict[str, float]:
    """The horizontal centre of everything on a page, by what it is: each line of type (its
    characters on one baseline), each picture, and each band of vector art (a row of logos,
    the title art), all in points from the page's left edge."""
    centres: dict[str, float] = {}
    lines: dict[float, list[dict[str, Any]]] = {}
    for c in page.chars:
        if c["text"].strip():
            lines.setdefault(round(c["matrix"][5], 1), []).append(c)
    for chars in lines.values():
        said = "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))
        centres[said] = (min(c["x0"] for c in chars) + max(c["x1"] for c in chars)) / 2
    for n, image in enumerate(page.images):
        centres[f"picture {n}"] = (image["x0"] + image["x1"]) / 2
    shapes = [s for s in page.rects + page.curves + page.lines if s["width"] < page.width * 0.9]
    bands: list[list[dict[str, Any]]] = []
    for shape in sorted(shapes, key=lambda s: s["top"]):
        if bands and shape["top"] <= max(s["bottom"] for s in bands[-1]):
            bands[-1].append(shape)
        else:
            bands.append([shape])
    for band in bands:
        left, right = min(s["x0"] for s in band), max(s["x1"] for s in band)
        centres[f"art at {round(band[0]['top'])}"] = (left + right) / 2
    return centres


@pytest.mark.parametrize("layout", ["default", "classic", "festival-letter", "minimal"])
@pytest.mark.parametrize("name", ["the-last-lock", "parallel-mothers"])
def test_everything_on_the_back_cover_stands_on_one_axis(
    tmp_path: Path, name: str, layout: str
) -> None:
    kit = Path(__file__).resolve().parent.parent / "assets" / name
    with pdfplumber.open(_pdf(kit, tmp_path / "out", layout)) as document:
        page = document.pages[-1]
        centres = _axes(page)
        (still,) = page.images  # a still of its own, shown on no other page
        inside = {i["stream"].objid for p in document.pages[:-1] for i in p.images}
        assert still["stream"].objid not in inside
        assert still["width"] == pytest.approx(page.width - 2 * still["x0"], abs=0.5)
    assert len(centres) >= 5
    middle = page.width / 2  # the frame's centre: the back cover's margins are even
    off = {
        what: round(x - middle, 2)
        for what, x in centres.items()  # vector art by its ink: a logo has its own margins
        if abs(x - middle) > (3 if what.startswith("art at") else 1)
    }
    assert not off


def test_the_billing_block_is_set_condensed_and_close(tmp_path: Path) -> None:
    kit = Path(__file__).resolve().parent.parent / "assets" / "the-last-lock"
    with pdfplumber.open(_pdf(kit, tmp_path / "out")) as document:
        page = document.pages[-1]
        words = page.extract_words(extra_attrs=["matrix", "size"])
        chars = page.chars
        page_text = page.extract_text()
    names = [w for w in words if w["text"] in ("NORTHLIGHT", "VALE")]
    for word in names:  # the names drawn at 78 % of the face's width, still as text
        assert word["matrix"][0] / word["matrix"][3] == pytest.approx(0.78, abs=0.005)
    rights = [c for c in chars if c["text"] == "©"]
    assert rights and all(c["matrix"][0] == pytest.approx(c["matrix"][3]) for c in rights)
    lines = page_text.splitlines()  # "CANAL & RIVER FILM FUND" ran "CANAL &" / "RIVER …"
    assert not any(line.rstrip().endswith("&") or line.startswith("&") for line in lines)
    baselines = sorted({round(w["matrix"][5], 1) for w in words if w["size"] == 9})
    steps = [a - b for a, b in pairwise(reversed(baselines))]
    assert len(steps) >= 3 and max(steps) <= 9 * 1.15  # close: 1.12 of the names' size


def _inked_rows(picture: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, int]:
    """The first and last row of ``box`` with a pixel that stands out from the ground (the
    pixel left of the box, at its middle height)."""
    grey = picture.convert("L")
    ground = grey.getpixel((box[0] - 4, (box[1] + box[3]) // 2))
    assert isinstance(ground, int)
    marked = grey.crop(box).point(lambda v: 255 if abs(v - ground) > 48 else 0)
    found = marked.getbbox()
    assert found is not None
    return box[1] + found[1], box[1] + found[3]


@needs_poppler
@pytest.mark.parametrize("layout", ["default", "minimal"])
def test_a_festivals_own_laurel_stands_as_high_as_the_typeset_wreaths(
    tmp_path: Path, layout: str
) -> None:
    """The Last Lock's Golden Heron file has clear margins round its wreath: its ink, not
    the file, is as high as the typeset wreaths' leaves reach, and on their middle (as
    rendered, at 288 ppi: 4 pixels a point)."""
    kit = Path(__file__).resolve().parent.parent / "assets" / "the-last-lock"
    pdf = _pdf(kit, tmp_path / "out", layout)
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        (art,) = [i for i in page.images if i["width"] < page.width / 3]
        row = page.crop((0, art["top"] - 4, page.width, art["bottom"] + 4))
        wreaths = _wreaths(row)  # the row's leaves, not the title art's small curves
    assert len(wreaths) == 2
    png = tmp_path / "cover"
    subprocess.run(["pdftoppm", "-r", "288", "-f", "1", "-l", "1", "-png", pdf, png], check=True)
    (rendered,) = tmp_path.glob("cover-*.png")
    top, bottom = round((art["top"] - 4) * 4), round((art["bottom"] + 4) * 4)
    with Image.open(rendered) as picture:
        ink = _inked_rows(picture, (round(art["x0"] * 4), top, round(art["x1"] * 4), bottom))
        for wreath in wreaths:
            x0, x1 = min(b[0] for b in wreath), max(b[2] for b in wreath)
            leaves = _inked_rows(picture, (round(x0 * 4), top, round(x1 * 4), bottom))
            assert abs((ink[1] - ink[0]) - (leaves[1] - leaves[0])) <= 4  # 1 pt
            assert abs((ink[0] + ink[1]) - (leaves[0] + leaves[1])) / 2 <= 4
        with Image.open(kit / "laurels" / "estuary-2026.png") as png_file:
            left, _, right, _ = png_file.convert("RGBA").getchannel("A").getbbox()
            drawn = (right - left) / png_file.width * art["width"]
    assert drawn >= 22 * 72 / 25.4 - 0.5  # its ink legible: 22 mm wide at least


@needs_poppler
@pytest.mark.parametrize("layout", ["default", "minimal"])
def test_a_festivals_own_laurel_is_reversed_out_in_the_wreaths_ink(
    tmp_path: Path, layout: str
) -> None:
    """The Golden Heron file is gold; on the cover it takes the typeset wreaths' ink (light on
    default's dark cover, dark on minimal's white), as a poster sets every laurel in one
    colour: its most inked pixels are the ink's colour, not gold."""
    from kitpress.layout.load import load_layout

    ink = tuple(round(c * 255) for c in _rgb(load_layout(layout).colour("cover_ink")))
    kit = Path(__file__).resolve().parent.parent / "assets" / "the-last-lock"
    pdf = _pdf(kit, tmp_path / "out", layout)
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        (art,) = [i for i in page.images if i["width"] < page.width / 3]
    subprocess.run(["pdftoppm", "-r", "144", "-f", "1", "-l", "1", "-png", pdf, tmp_path / "c"])
    (rendered,) = tmp_path.glob("c-*.png")
    with Image.open(rendered) as picture:
        box = tuple(round(v * 2) for v in (art["x0"], art["top"], art["x1"], art["bottom"]))
        crop = picture.convert("RGB").crop(box)
    ground = crop.getpixel((0, crop.height // 2))
    assert isinstance(ground, tuple)

    def apart(pixel: tuple[int, ...]) -> int:
        return sum(abs(a - b) for a, b in zip(pixel, ground, strict=True))

    far = sorted(crop.convert("RGB").get_flattened_data(), key=apart, reverse=True)
    strongest = far[: len(far) // 20]  # the leaves' and words' cores
    mean = [sum(p[i] for p in strongest) / len(strongest) for i in range(3)]
    assert max(abs(m - i) for m, i in zip(mean, ink, strict=True)) <= 40


@pytest.mark.parametrize("layout", ["default", "minimal"])
def test_an_award_laurel_says_winner_over_the_award_in_four_lines(
    tmp_path: Path, layout: str
) -> None:
    """As an official laurel reads: WINNER, the award, the festival; the award in two even
    lines, never broken after 'for', where WINNER would make five (the laurel test above)."""
    kit = Path(__file__).resolve().parent.parent / "assets" / "parallel-mothers"
    with pdfplumber.open(_pdf(kit, tmp_path / "out", layout)) as document:
        page = document.pages[0]
        (wreath,) = _wreaths(page.crop((0, page.height * 0.6, page.width, page.height)))
        box = (
            min(b[0] for b in wreath),
            min(b[1] for b in wreath),
            max(b[2] for b in wreath),
            max(b[3] for b in wreath),
        )
        said = page.within_bbox(box).extract_text().splitlines()
    assert said == [
        "WINNER",
        "VOLPI CUP FOR BEST ACTRESS",
        "VENICE INTERNATIONAL",
        "FILM FESTIVAL 2021",
    ]


def test_the_cover_quote_is_set_in_even_lines(tmp_path: Path) -> None:
    """The Last Lock's classic cover ran "… to keep something / alive.": a word alone."""
    kit = Path(__file__).resolve().parent.parent / "assets" / "the-last-lock"
    with pdfplumber.open(_pdf(kit, tmp_path / "out", "classic")) as document:
        page = document.pages[0]
        words = page.extract_words(extra_attrs=["size"])
    first = next(w for w in words if w["text"].startswith("“"))
    last = next(w for w in words if w["text"].endswith("”"))
    quoted = [w for w in words if first["top"] - 1 <= w["top"] <= last["top"] + 1]
    rows: dict[int, list[dict[str, Any]]] = {}
    for w in quoted:
        rows.setdefault(round(w["top"]), []).append(w)
    widths = [max(w["x1"] for w in r) - min(w["x0"] for w in r) for r in rows.values()]
    assert len(rows) == 2 and all(len(r) >= 2 for r in rows.values())
    assert min(widths) > 0.75 * max(widths)
    for row in rows.values():  # on the cover's axis
        centre = (min(w["x0"] for w in row) + max(w["x1"] for w in row)) / 2
        assert centre == pytest.approx(page.width / 2, abs=1.5)


@pytest.mark.parametrize("layout", ["default", "minimal"])
def test_the_cover_foot_carries_the_distributors_and_sales_logos_in_its_ink(
    tmp_path: Path, layout: str
) -> None:
    """The Last Lock's cover ends on a strip of the distributor's and the sales company's
    logos, reversed out in the cover's ink (light on default's dark cover, dark on minimal's
    white), in place of a typeset 'Presented by' line."""
    from kitpress.layout.load import load_layout

    spec = load_layout(layout)
    kit = Path(__file__).resolve().parent.parent / "assets" / "the-last-lock"
    with pdfplumber.open(_pdf(kit, tmp_path / "out", layout)) as document:
        page = document.pages[0]
        text = page.extract_text()
        strip = [
            o
            for o in page.curves + page.rects
            if o["fill"]
            and page.height - o["bottom"] >= spec.page.margin_bottom - 1
            and page.height - o["top"] <= spec.page.margin_bottom + 21
        ]
    assert "Presented by" not in text
    ink = tuple(round(c * 255) for c in _rgb(spec.colour("cover_ink")))
    assert len(strip) > 10
    assert {tuple(round(c * 255) for c in o["non_stroking_color"]) for o in strip} == {ink}
    lefts = sorted(o["x0"] for o in strip)
    gaps = [b - a for a, b in pairwise(sorted(o["x1"] for o in strip))]
    assert max(gaps) >= 10 and lefts[0] >= spec.page.margin_left - 1  # two logos, apart


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def test_the_billing_block_holds_each_person_on_one_line_a_wider_space_apart() -> None:
    """The kit's people in a billing block: each name's words held together (no break inside
    "TEUN DE GRAAF"), two names side by side a wider space apart than a name's own words, and
    the words of a company left as they are."""
    from reportlab.lib.styles import ParagraphStyle

    from kitpress.outputs.pdf.render.billing_block import NAME_GAP, billing_markup

    style = ParagraphStyle("billing", fontSize=9)
    text = "NORTHLIGHT RELEASING presents MAREN ODUYA ILYA BRASK produced by TEUN DE GRAAF"
    markup = billing_markup(text, style, ("Maren Oduya", "Ilya Brask", "Teun de Graaf"))
    gap = f"<font size='{round(9 * NAME_GAP, 2)}'> </font>"
    assert f"MAREN\u00a0ODUYA{gap}ILYA\u00a0BRASK" in markup
    assert "TEUN\u00a0DE\u00a0GRAAF" in markup and "NORTHLIGHT RELEASING" in markup
    assert billing_markup(text, style).count(gap) == 0  # without the kit's people, as given
