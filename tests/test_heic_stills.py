"""HEIC stills (phone photos): built like any other where pillow-heif (kitpress[heic]) is
installed, upright, in colour and with the caption they carry; where it is not, one located
line names the extra. Every HEIC is made here, with pillow-heif."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from kitpress.cli import main
from kitpress.errors import StillError
from kitpress.pipeline import BuildOptions, build
from kitpress.stills import heif

from .conftest import check_errors, needs_exiftool
from .test_images_bad import WHERE, kit_with

try:
    import pillow_heif
except ImportError:  # the extra is not installed: only the absent case runs
    pillow_heif = None

needs_pillow_heif = pytest.mark.skipif(pillow_heif is None, reason="pillow-heif not installed")
RED = (200, 30, 30)
CAPTION = "Penélope Cruz on the set, from the photographer's phone."
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>'
    f'<rdf:li xml:lang="x-default">{CAPTION}</rdf:li></rdf:Alt></dc:description>'
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
).encode()
FAKE_HEIC = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 64  # a HEIC's header, no picture
ABSENT = (
    "a.heic: the file is a HEIC photo; install kitpress[heic] (pip install 'kitpress[heic]') "
    "to read it, or export it as JPEG"
)


def phone_photo(path: Path) -> None:
    """A 600×400 landscape HEIC stored sideways: EXIF orientation 6 (turn 90° clockwise)."""
    assert pillow_heif is not None
    pillow_heif.register_heif_opener()
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (600, 400), RED).save(path, "HEIF", exif=exif.tobytes(), xmp=XMP)


def forget_heif_opener(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pillow as kitpress finds it at start-up: no HEIF opener (making a HEIC registers one),
    and kitpress has not registered its own yet."""
    Image.init()  # every plugin registered first: none may land in the copies below, then vanish
    monkeypatch.setattr(heif, "_registered", [])
    monkeypatch.setattr(Image, "ID", [name for name in Image.ID if name != "HEIF"])
    monkeypatch.setattr(Image, "OPEN", {k: v for k, v in Image.OPEN.items() if k != "HEIF"})


@pytest.fixture
def heic_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    kit = kit_with(tmp_path, "a.heic", phone_photo)
    forget_heif_opener(monkeypatch)
    return kit


@pytest.fixture
def without_pillow_heif(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without the extra: pillow-heif cannot be imported."""
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # import pillow_heif: ImportError
    forget_heif_opener(monkeypatch)


@needs_pillow_heif
def test_heic_still_builds_upright_and_in_colour(tmp_path: Path, heic_kit: Path) -> None:
    result = build(heic_kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert result.zip is not None
    with zipfile.ZipFile(result.zip) as archive:
        name = next(n for n in archive.namelist() if n.endswith("_web.jpg"))
        web = Image.open(io.BytesIO(archive.read(name)))
        assert web.format == "JPEG" and web.size == (400, 600)  # turned upright once
        centre = web.convert("RGB").getpixel((200, 300))
    assert centre == pytest.approx(RED, abs=8)
    notes = [str(w) for w in result.warnings if w.severity == "note"]
    assert f"kit.yaml:4: stills[0]: note: caption taken from the file's XMP: '{CAPTION}'" in notes


@needs_pillow_heif
@needs_exiftool
def test_heic_caption_reaches_the_delivered_files(tmp_path: Path, heic_kit: Path) -> None:
    result = build(heic_kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert result.zip is not None
    with zipfile.ZipFile(result.zip) as archive:
        name = next(n for n in archive.namelist() if n.endswith("_print.jpg"))
        (tmp_path / "print.jpg").write_bytes(archive.read(name))
    out = subprocess.run(
        ["exiftool", "-j", "-G1", str(tmp_path / "print.jpg")], capture_output=True, check=True
    )
    read = json.loads(out.stdout)[0]
    assert read["XMP-dc:Description"].startswith(CAPTION.removesuffix("."))
    assert read["XMP-dc:Creator"] == "Iglesias Más"
    assert read.get("IFD0:Orientation", "Horizontal (normal)") == "Horizontal (normal)"


@needs_pillow_heif
def test_damaged_heic_where_pillow_heif_is_installed(tmp_path: Path) -> None:
    assert check_errors(kit_with(tmp_path, "a.heic", FAKE_HEIC), StillError) == [
        f"{WHERE} a.heic: the file is a damaged HEIC image (pillow-heif reads HEIC, but "
        "not this file); export it as JPEG"
    ]


def test_heic_without_pillow_heif_names_the_extra(
    tmp_path: Path, without_pillow_heif: None
) -> None:
    assert check_errors(kit_with(tmp_path, "a.heic", FAKE_HEIC), StillError) == [
        f"{WHERE} {ABSENT}"
    ]


@needs_pillow_heif
def test_real_heic_without_pillow_heif_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, heic_kit: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # as without the extra
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "kit"])
    assert (result.exit_code, result.stderr) == (2, f"error: {WHERE} {ABSENT}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"]
