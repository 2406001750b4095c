"""Vector artwork in the print PDF keeps to the total-ink limit: a supplied SVG logo's dark
colour (The Last Lock's distributor logo, #1b2a3a: 293 % through the standard profile) keeps
its black and has its cyan, magenta and yellow cut in proportion under a lower limit, as the
rich black is; read back by pdfplumber, an independent reader of the painted shapes. The
print preflight names a colour over the limit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from kitpress.outputs.pdf.preflight import preflight_print
from kitpress.outputs.pdf.profiles import PrintOptions
from kitpress.outputs.pdf.render.artwork import flattened
from kitpress.pipeline import BuildOptions, build
from kitpress.stills.cmyk import load_cmyk_profile, picture_within_ink_limit
from kitpress.stills.system_profiles import system_cmyk_profile

from .conftest import REPO

KIT = REPO / "assets" / "the-last-lock"
LOGO_NAVY = (0x1B / 255, 0x2A / 255, 0x3A / 255)  # logos/northlight-releasing.svg
BLEED = 3 * 72 / 25.4

pytestmark = pytest.mark.skipif(
    system_cmyk_profile() is None,
    reason="no system CMYK profile (Debian package libgs-common)",
)


def _shape_fills(pdf: Path) -> list[tuple[int, tuple[float, ...]]]:
    """(page, CMYK) of every filled rectangle, curve and line pdfplumber finds."""
    found = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            for shape in page.rects + page.curves + page.lines:
                colour = shape.get("non_stroking_color")
                if shape.get("fill") and isinstance(colour, (list, tuple)) and len(colour) == 4:
                    found.append((number, tuple(float(v) for v in colour)))
    return found


@pytest.mark.parametrize("limit", [None, 260])
def test_the_logos_fills_keep_to_the_ink_limit(tmp_path: Path, limit: int | None) -> None:
    options = BuildOptions(format="print-pdf", out=tmp_path, print=PrintOptions(ink_limit=limit))
    result = build(KIT, options)
    assert result.print_pdf is not None
    fills = _shape_fills(result.print_pdf)
    most = (limit or 300) / 100
    assert max(sum(colour) for _, colour in fills) <= most + 0.0005
    profile = replace(load_cmyk_profile(None), ink_limit=most)
    navy = profile.colour(*LOGO_NAVY)
    with pdfplumber.open(result.print_pdf) as document:
        back = len(document.pages)
    on_back = [colour for number, colour in fills if number == back]
    assert any(colour == pytest.approx(navy, abs=0.0001) for colour in on_back)
    full = load_cmyk_profile(None).colour(*LOGO_NAVY)  # 292.9 % within the default 300 %
    assert navy[3] == full[3]  # the black kept ...
    assert navy[0] / navy[1] == pytest.approx(full[0] / full[1], rel=0.002)  # ... colour cut
    assert (sum(navy) == pytest.approx(2.6, abs=0.0005)) is (limit == 260)
    assert preflight_print(result.print_pdf, BLEED, most) == []


def test_the_preflight_names_a_colour_over_the_ink_limit(tmp_path: Path) -> None:
    path = tmp_path / "heavy.pdf"
    canvas = Canvas(str(path), pagesize=(200, 200))
    canvas.setFillColorCMYK(0.9, 0.8, 0.7, 0.9)
    canvas.rect(20, 20, 100, 100, stroke=0, fill=1)
    canvas.save()
    within = [p for p in preflight_print(path, 0, 3.4) if "ink limit" in p]
    assert within == [] and [p for p in preflight_print(path, 0) if "ink limit" in p] == []
    problems = [p for p in preflight_print(path, 0, 3.0) if "ink limit" in p]
    assert problems == [
        "page 1: a colour of 330 % total ink (C90 M80 Y70 K90) over the 300 % ink limit"
    ]


def _most_ink(image: Image.Image) -> float:
    """The largest total of the four inks of any pixel of a CMYK picture, 1 each."""
    return max(sum(pixel) for pixel in image.get_flattened_data()) / 255


def test_a_png_logo_keeps_to_the_ink_limit(tmp_path: Path) -> None:
    """A PNG logo in the same dark navy goes through the profile as a picture: the profile
    alone lays it down at about 290 %; flattened for print, its black is kept and its colour
    inks cut until every pixel fits the limit, its clear parts the paper."""
    logo = tmp_path / "logo.png"
    picture = Image.new("RGBA", (40, 20), (0, 0, 0, 0))
    picture.paste((0x1B, 0x2A, 0x3A, 255), (0, 0, 30, 20))
    picture.save(logo)
    profile = replace(load_cmyk_profile(None), ink_limit=2.6)
    through_profile = profile.picture(Image.new("RGB", (1, 1), (0x1B, 0x2A, 0x3A)))
    assert _most_ink(through_profile) > 2.8
    flat = flattened(logo, "#ffffff", profile)
    assert flat.mode == "CMYK" and _most_ink(flat) <= 2.6
    navy, paper = flat.getpixel((5, 5)), flat.getpixel((35, 5))
    full = through_profile.getpixel((0, 0))
    assert isinstance(navy, tuple) and isinstance(full, tuple)
    assert navy[3] == full[3] and navy[0] < full[0] and sum(navy) >= 2.6 * 255 - 3
    assert paper == (0, 0, 0, 0)


def test_pixels_within_the_limit_are_left_as_they_are() -> None:
    picture = Image.new("CMYK", (3, 1))
    picture.putdata([(230, 200, 180, 230), (10, 20, 30, 40), (255, 255, 255, 255)])
    cut = picture_within_ink_limit(picture, 2.6)
    heavy, light, registration = cut.get_flattened_data()
    assert (
        heavy[3] == 230
        and sum(heavy) <= 663
        and heavy[0] / heavy[1] == pytest.approx(1.15, abs=0.01)
    )
    assert light == (10, 20, 30, 40)
    assert registration == (136, 136, 136, 255)
