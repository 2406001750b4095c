"""The cover's title art and foot, read back from the PDF: the version of the title art each
ground takes (by the colours its paths are filled with), the warning when it cannot be read,
the cast line visible under it (by the rendered pixels), the foot's lines and the laurels in
zones of their own (by text positions against image and drawing boxes), and a PNG laurel on
the cover's ground with no box around it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from pypdf.generic import ContentStream

from kitpress.document.title_art import contrast
from kitpress.pipeline import BuildOptions, build, check

from .conftest import SCREEN_PDF, make_still, needs_poppler
from .test_print_profile import needs_cmyk_profile

DARK, LIGHT = "#1d2a2e", "#f1ece2"  # the ink of the version for light grounds, and for dark
KIT = """\
title: The Last Lock
year: 2026
countries: [United Kingdom, Netherlands]
runtime: 104
presented_by: Northlight Releasing
copyright_line: © 2026 Lockside Pictures Ltd.
embargo: {until: "2026-09-04T18:00:00+01:00",
          text: "Reviews embargoed until 4 September 2026, 18:00 BST"}
title_art: TITLE
cast:
  - {id: nell, actor: Maren Oduya, character: Nell}
  - {id: tom, actor: Ilya Brask, character: Tom}
crew: {Director: Hester Vale}
rights: {copyright: Lockside Pictures, photographer: Ruth Amsel}
FESTIVALS
stills:
  - {file: stills/one.jpg, people: [nell, tom]}
"""
ONE_FESTIVAL = """festivals:
  - {name: Estuary International Film Festival, year: 2026, award: Golden Heron,
     laurel: laurels/estuary.png}"""
THREE_FESTIVALS = (
    ONE_FESTIVAL
    + """
  - {name: Northgate Film Festival, year: 2026, award: Best Actress}
  - {name: Lowland Film Days, year: 2026}"""
)
GOLD = (176, 134, 58)


def _svg(ink: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100">'
        f'<path fill="{ink}" d="M10 90 L60 10 L110 90 Z M150 90 V10 H210 V90 Z '
        'M250 90 V10 H390 V90 Z"/>'
        '<rect x="10" y="94" width="380" height="4" fill="#b07a34"/></svg>'
    )


def write_cover_kit(
    kit: Path, title_art: str = "art/title.svg", festivals: str = THREE_FESTIVALS
) -> Path:
    (kit / "art").mkdir(parents=True)
    (kit / "art" / "title.svg").write_text(_svg(DARK), encoding="utf-8")
    (kit / "art" / "title-on-dark.svg").write_text(_svg(LIGHT), encoding="utf-8")
    (kit / "laurels").mkdir()
    laurel = Image.new("RGBA", (600, 500), (*GOLD, 0))
    draw = ImageDraw.Draw(laurel)
    draw.ellipse((30, 30, 570, 470), outline=(*GOLD, 255), width=24)
    draw.rectangle((250, 200, 350, 300), fill=(*GOLD, 255))
    laurel.save(kit / "laurels" / "estuary.png")
    make_still(kit / "stills" / "one.jpg", (2400, 1600), 1)
    text = KIT.replace("TITLE", title_art).replace("FESTIVALS", festivals)
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    return kit


def _fills(reader: PdfReader, index: int) -> set[str]:
    """Every RGB fill colour set on a page, as #rrggbb."""
    page = reader.pages[index]
    found = set()
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"rg":
            found.add("#" + "".join(f"{round(float(v) * 255):02x}" for v in operands))
    return found


def _build(kit: Path, out: Path, layout: str = "default") -> Path:
    result = build(kit, BuildOptions(format="pdf", out=out, layout=layout))
    assert result.pdf is not None
    return result.pdf


def test_each_ground_takes_the_version_of_the_title_art_that_stands_out(tmp_path: Path) -> None:
    versions = "{file: art/title.svg, on_dark: art/title-on-dark.svg}"
    kit = write_cover_kit(tmp_path / "kit", versions)
    assert [str(w) for w in check(kit, formats=SCREEN_PDF).warnings] == []
    dark_cover = PdfReader(_build(kit, tmp_path / "default"))
    assert LIGHT in _fills(dark_cover, 0) and DARK not in _fills(dark_cover, 0)
    light_cover = PdfReader(_build(kit, tmp_path / "minimal", "minimal"))
    assert DARK in _fills(light_cover, 0) and LIGHT not in _fills(light_cover, 0)


def test_title_art_that_cannot_be_read_on_the_cover_is_a_located_warning(tmp_path: Path) -> None:
    kit = write_cover_kit(tmp_path / "kit")
    warnings = [str(w) for w in check(kit, formats=SCREEN_PDF).warnings]
    ratio = contrast(DARK, "#141211")
    assert warnings == [
        f"kit.yaml:9: title_art: warning: title.svg: its ink ({DARK}) stands {ratio:.1f}:1 "
        "against the cover's ground (#141211), under 3:1, barely legible; give a light version "
        "for dark grounds: title_art: {file: …, on_dark: light.svg}"
    ]
    assert ratio < 1.5
    assert [str(w) for w in check(kit, "minimal", formats=SCREEN_PDF).warnings] == []


def _words(pdf: Path, *texts: str) -> list[dict[str, float]]:
    with pdfplumber.open(pdf) as document:
        words = document.pages[0].extract_words()
    return [w for w in words if w["text"] in texts]


@needs_poppler
def test_the_cast_line_under_the_title_art_is_visible(tmp_path: Path) -> None:
    pdf = _build(write_cover_kit(tmp_path / "kit"), tmp_path / "out")
    (word,) = _words(pdf, "ODUYA")
    png = tmp_path / "cover"
    subprocess.run(["pdftoppm", "-r", "144", "-f", "1", "-l", "1", "-png", pdf, png], check=True)
    with Image.open(f"{png}-1.png") as page:
        box = tuple(round(v * 2) for v in (word["x0"], word["top"], word["x1"], word["bottom"]))
        brightest = max(page.convert("L").crop(box).get_flattened_data())
    assert isinstance(brightest, int) and brightest > 200  # light ink on the dark band


def _laurel_boxes(pdf: Path) -> list[tuple[float, float, float, float]]:
    """The laurels' boxes on the cover: the PNG's placed image and the drawn wreaths' leaves."""
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        boxes = [(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]
        boxes += [(c["x0"], c["top"], c["x1"], c["bottom"]) for c in page.curves]
        return [b for b in boxes if b[1] > page.height * 0.75]  # not the picture or title


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("festivals", [ONE_FESTIVAL, THREE_FESTIVALS], ids=["one", "three"])
def test_the_foot_lines_and_the_laurels_never_share_a_point(festivals: str, tmp_path: Path) -> None:
    # on a cover aligned on its left margin (the default centres its cover, laurels on a
    # row of their own above the lines): there the laurels may stand beside the lines
    layout = tmp_path / "flush-left"
    layout.mkdir()
    (layout / "layout.yaml").write_text("extends: default\ncover: {align: left}\n")
    kit = write_cover_kit(tmp_path / "kit", festivals=festivals)
    pdf = _build(kit, tmp_path / "out", str(layout))
    foot = _words(pdf, "Reviews", "18:00", "BST", "Press", "Netherlands", "104", "min", "Presented")
    foot_words = {w["text"] for w in foot}
    assert foot_words == {"Reviews", "18:00", "BST", "Press", "Netherlands", "104", "min"} | {
        "Presented"
    }
    laurels = _laurel_boxes(pdf)
    assert len(laurels) > (10 if festivals == THREE_FESTIVALS else 0)  # the PNG, and leaves
    words = [(w["x0"], w["top"], w["x1"], w["bottom"]) for w in foot]
    assert [(w, b) for w in words for b in laurels if _overlap(w, b)] == []
    laurels_top = min(b[1] for b in laurels)
    text_top, text_right = min(w[1] for w in words), max(w[2] for w in words)
    if festivals == ONE_FESTIVAL:  # the lines fit beside one laurel, unbroken
        assert text_right < min(b[0] for b in laurels) and laurels_top < text_top + 20
        assert len({round(w["top"]) for w in foot}) == 3
    else:  # three laurels leave too little room beside them: they stand on a row above
        assert max(b[3] for b in laurels) < text_top


@needs_poppler
def test_a_png_laurel_sits_on_the_cover_ground_without_a_box(tmp_path: Path) -> None:
    pdf = _build(write_cover_kit(tmp_path / "kit", festivals=ONE_FESTIVAL), tmp_path / "out")
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        (laurel,) = [i for i in page.images if i["srcsize"] == (600, 500)]
    png = tmp_path / "cover"
    subprocess.run(["pdftoppm", "-r", "144", "-f", "1", "-l", "1", "-png", pdf, png], check=True)
    with Image.open(f"{png}-1.png") as rendered:
        pixels = rendered.convert("RGB")
    x0, top, x1, bottom = (round(laurel[k] * 2) for k in ("x0", "top", "x1", "bottom"))
    ground = pixels.getpixel((x0 - 6, top - 6))
    inside = [
        pixels.getpixel(p) for p in ((x0 + 2, top + 2), (x1 - 3, top + 2), (x0 + 2, bottom - 3))
    ]
    assert ground == (20, 18, 17)  # the default layout's cover paper, #141211
    assert inside == [ground] * 3
    assert max(pixels.crop((x0, top, x1, bottom)).convert("L").get_flattened_data()) > 100  # gold


@needs_cmyk_profile
def test_in_print_the_band_and_a_png_laurels_ground_are_one_cmyk(tmp_path: Path) -> None:
    kit = write_cover_kit(tmp_path / "kit", festivals=ONE_FESTIVAL)
    result = build(kit, BuildOptions(format="print-pdf", out=tmp_path / "out"))
    assert result.print_pdf is not None
    reader = PdfReader(result.print_pdf)
    page = reader.pages[0]
    fills = [
        tuple(round(float(v) * 255) for v in operands)
        for operands, operator in ContentStream(page.get_contents(), reader).operations
        if operator == b"k"
    ]
    band = fills[0]  # the cover paper, drawn first: rich black, not black ink alone
    assert band[3] > 200 and sum(band) > 600
    (laurel,) = [i for i in page.images if i.image.size == (600, 500)]
    assert laurel.image.mode == "CMYK"
    assert laurel.image.getpixel((0, 0)) == band
