"""`check` knows everything `build` would warn about or refuse, in the same words: stills
smaller than their print file, stills and key art too small for 300 ppi in the print PDF.
The key art's figure is read back from the print PDF with pdfimages, an independent reader."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from kitpress.cli import main
from kitpress.outputs.pdf.profiles import PrintOptions
from kitpress.pipeline import BuildOptions, build, check

from .conftest import make_still, needs_poppler

KIT = """\
title: Sharpness
rights: {copyright: El Deseo, photographer: Iglesias Más}
key_art: poster.jpg
stills:
  - file: stills/small.jpg
  - file: stills/large.jpg
"""
SMALL_FILE = (
    "kit.yaml:5: stills[0].file: warning: small.jpg is 1200×800 px, smaller than the 3508 px "
    "print rendition; delivered at its own size (never upsampled), 103 ppi on a full A4 page"
)
SMALL_PPI = (
    "kit.yaml:5: stills[0].file: warning: small.jpg prints at 179 ppi in the print PDF "
    "(300 wanted); a larger source would print sharper"
)
KEY_ART = (
    "kit.yaml:3: key_art: warning: poster.jpg prints at {} ppi on the cover of the print PDF "
    "(300 wanted); a larger key art file would print sharper"
)

EVERY_WARNING = [SMALL_FILE, SMALL_PPI, KEY_ART.format(106)]


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "kit.yaml").write_text(KIT, encoding="utf-8")
    make_still(folder / "stills" / "small.jpg", (1200, 800), 1)
    make_still(folder / "stills" / "large.jpg", (3600, 2400), 2)
    make_still(folder / "poster.jpg", (900, 1300), 3)
    return folder


def _lines(issues: list[object]) -> list[str]:
    return [str(issue) for issue in issues]


def test_check_reports_the_same_warning_lines_as_build(kit: Path, tmp_path: Path) -> None:
    built = build(kit, BuildOptions(out=tmp_path / "out"))
    checked = check(kit)
    made, note = _lines(built.warnings)[:-1], _lines(built.warnings)[-1]
    assert _lines(checked.warnings) == made
    assert _lines(checked.warnings) == EVERY_WARNING
    assert note.startswith(f"{built.print_pdf.name}: note: in CMYK through ")  # build's only


def test_check_strict_fails_with_the_lines_build_strict_fails_with(
    kit: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    checked = runner.invoke(main, ["check", "--strict", str(kit)])
    built = runner.invoke(main, ["build", "--strict", str(kit), "--out", str(tmp_path / "out")])
    assert (checked.exit_code, built.exit_code) == (2, 2)
    assert checked.stderr == built.stderr
    as_errors = sorted("error: " + line.replace(" warning: ", " ") for line in EVERY_WARNING)
    assert checked.stderr.splitlines() == as_errors
    assert not (tmp_path / "out").exists()


def test_a_screen_pdf_build_is_not_warned_about_print(kit: Path, tmp_path: Path) -> None:
    built = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert _lines(built.warnings) == []


def test_a_zip_build_is_warned_about_its_print_files_only(kit: Path, tmp_path: Path) -> None:
    built = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert _lines(built.warnings) == [SMALL_FILE]


@needs_poppler
@pytest.mark.parametrize("bleed", ["3mm", "20mm"])
def test_the_key_art_figure_is_what_the_print_pdf_holds(
    kit: Path, tmp_path: Path, bleed: str
) -> None:
    options = BuildOptions(
        format="pdf", profile="print", out=tmp_path / "out", print=PrintOptions(bleed=bleed)
    )
    built = build(kit, options)
    assert built.print_pdf is not None
    listing = subprocess.run(
        ["pdfimages", "-list", str(built.print_pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    cover_ppi = next(int(row.split()[12]) for row in listing if row.split()[0] == "1")
    warned = [w.message for w in built.warnings if w.path == "key_art"]
    assert len(warned) == 1
    assert re.findall(r"prints at (\d+) ppi", warned[0]) == [str(cover_ppi)]
    assert cover_ppi < 300


def test_key_art_large_enough_for_print_is_not_warned_about(kit: Path) -> None:
    make_still(kit / "poster.jpg", (2700, 3900), 3)
    assert [w.path for w in check(kit).warnings] == ["stills[0].file", "stills[0].file"]


def test_key_art_on_a_layout_without_a_cover_is_not_warned_about(kit: Path, tmp_path: Path) -> None:
    layout = tmp_path / "no-cover"
    layout.mkdir()
    (layout / "layout.yaml").write_text(
        "extends: default\nsections: [synopsis, stills]\n", encoding="utf-8"
    )
    assert "key_art" not in [w.path for w in check(kit, str(layout)).warnings]


def test_a_small_key_art_is_warned_about_at_check(kit: Path) -> None:
    Image.new("RGB", (300, 200), (10, 20, 30)).save(kit / "poster.jpg")
    lines = _lines(check(kit).warnings)
    assert lines[-1] == KEY_ART.format(35)  # the default poster cover shows it whole
