"""Shared test helpers: small kits generated on the fly (no binary fixtures in the repo)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter

from kitpress import output_cache
from kitpress.errors import InputError
from kitpress.outputs.pdf.plan import StillSlot, plan_document
from kitpress.pipeline import check

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_KIT = REPO / "assets" / "parallel-mothers"

# What `build --format pdf` makes: no print files or print PDF, so no print-sharpness warnings
# (for tests about other warnings, with stills far smaller than a print file).
SCREEN_PDF = "screen-pdf"  # check() for a build that makes the screen PDF only

needs_exiftool = pytest.mark.skipif(
    shutil.which("exiftool") is None, reason="exiftool not installed"
)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdffonts") is None, reason="poppler-utils not installed"
)
needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")


@pytest.fixture(autouse=True, scope="session")
def _private_still_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Builds in tests (and the CLI they start) cache renditions in a temporary folder."""
    os.environ["KITPRESS_CACHE_DIR"] = str(tmp_path_factory.mktemp("still-cache"))


@pytest.fixture(autouse=True)
def _outputs_made_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test makes its outputs (faults a test injects into an output's code are met);
    tests/test_output_cache.py turns the outputs' cache back on."""
    monkeypatch.setattr(output_cache, "USE", False)


def check_errors(kit: Path, kind: type[InputError] = InputError) -> list[str]:
    """The lines of the input error `kitpress check` raises for ``kit`` (exit status 2)."""
    with pytest.raises(kind) as caught:
        check(kit)
    assert caught.value.exit_code == 2
    return caught.value.lines()


def make_still(
    path: Path, size: tuple[int, int] = (900, 600), seed: int = 0, **save: object
) -> Path:
    """A small photographic-ish JPEG: gradient, a soft figure, blur."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w * 0.3 + seed * 7, h * 0.2, w * 0.55 + seed * 7, h * 0.95), fill=(120, 30, 40))
    image = image.filter(ImageFilter.GaussianBlur(3))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=85, **save)
    return path


SMALL_KIT = """\
title: "Dogtooth & <Friends>"
original_title: Κυνόδοντας
year: 2009
countries: Greece
languages: Greek
genres: [Drama, Comedy]
runtime: 97
aspect_ratio: "1.85:1"
logline: A family keeps its children inside the garden walls.
synopsis: {file: synopsis.md}
release_dates:
  - {territory: Greece, window: theatrical, date: 2009-10-29}
cast:
  - {id: father, actor: Christos Stergioglou, character: Father}
  - {id: ana, actor: Aggeliki Papoulia, character: Older Daughter}
  - {id: zofia, actor: Zofia Łęcka-Wróblewská, character: Guest}
crew:
  Director: Giorgos Lanthimos
  Screenplay: [Efthymis Filippou, Giorgos Lanthimos]
festivals:
  - {name: Festival de Cannes, year: 2009, section: Un Certain Regard,
     award: Prix Un Certain Regard}
quotes:
  - {text: Startling., source: Sight & Sound}
contacts:
  - {role: press, name: Ana Press, company: PR & Co, email: press@example.com}
trailer: https://example.com/trailer?a=1&b=2
rights:
  copyright: Boo Productions
  photographer: Iglesias Más
  courtesy: Kino Lorber
stills:
  - file: stills/one.jpg
    people: [ana, father]
  - file: stills/Two Still.JPG
    people: [zofia]
  - file: stills/three.jpg
    people: [{crew: Director}]
    rights: {photographer: Jiří Dvořák}
presented_by: Kino Lorber
"""

SYNOPSIS = (
    'A *strange* family: AT&T <Cannes> <img src="x.png"/> and [a link](https://example.com).\n'
)


@pytest.fixture
def small_kit(tmp_path: Path) -> Path:
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "kit.yaml").write_text(SMALL_KIT, encoding="utf-8")
    (kit / "synopsis.md").write_text(SYNOPSIS, encoding="utf-8")
    make_still(kit / "stills" / "one.jpg", (1200, 800), 1)
    make_still(kit / "stills" / "Two Still.JPG", (600, 900), 2)
    make_still(kit / "stills" / "three.jpg", (1000, 700), 3)
    return kit


@pytest.fixture
def write_kit(tmp_path: Path) -> Callable[[str], Path]:
    def write(text: str) -> Path:
        kit = tmp_path / "kit"
        kit.mkdir(exist_ok=True)
        (kit / "kit.yaml").write_text(text, encoding="utf-8")
        return kit

    return write


def placed_slots(kit: Path) -> tuple[StillSlot, ...]:
    """Where the PDF places each still of ``kit``: its box, pixels and source pixels."""
    return plan_document(check(kit, formats=SCREEN_PDF).document).slots
