"""Stills that are broken, disguised, enormous, tiny, animated or carry damaged EXIF: each is
one located line (an error, exit 2, nothing written) or a build with a located warning.

Every image is generated here; decompression bombs are PNG headers that declare huge sizes
over a few bytes of data, never real huge images.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from kitpress.cli import main
from kitpress.errors import StillError
from kitpress.pipeline import BuildOptions, build, check
from kitpress.stills import decode, sniff

from .conftest import SCREEN_PDF, check_errors, make_still, placed_slots

KIT = "title: Stills\nrights: {copyright: El Deseo, photographer: Iglesias Más}\n"
STILL = "stills:\n  - file: stills/{name}\n"
WHERE = "kit.yaml:4: stills[0].file:"


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width``×``height`` pixels but holds almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def jpeg_bytes(size: tuple[int, int] = (400, 300), **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(buffer, "JPEG", **save)
    return buffer.getvalue()


def with_app1(jpeg: bytes, payload: bytes) -> bytes:
    """``jpeg`` with an extra APP1 (EXIF) segment holding ``payload`` as it is."""
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def exif_orientation(kind: int, count: int, value: bytes) -> bytes:
    """An EXIF block whose only tag is Orientation, written with any type and value."""
    entry = struct.pack(">HHI", 0x0112, kind, count) + value
    return b"Exif\0\0MM\0\x2a" + struct.pack(">IH", 8, 1) + entry + b"\0\0\0\0"


def kit_with(tmp_path: Path, name: str, data: bytes | Callable[[Path], object]) -> Path:
    kit = tmp_path / "kit"
    (kit / "stills").mkdir(parents=True)
    (kit / "kit.yaml").write_text(KIT + STILL.format(name=name), encoding="utf-8")
    target = kit / "stills" / name
    if isinstance(data, bytes):
        target.write_bytes(data)
    else:
        data(target)
    return kit


def header_warnings(kit: Path) -> list[str]:
    return [str(w) for w in check(kit, formats=SCREEN_PDF).warnings if w.path.endswith(".file")]


# --- refused, with the reason ------------------------------------------------------------------

REFUSED = [
    ("empty.jpg", b"", "empty.jpg: the file is empty"),
    ("text.jpg", b"Photo to follow, sorry!\n", "text.jpg: the file is a text file, not an image"),
    (
        "page.jpg",
        b"<!DOCTYPE html>\n<html><body>403 Forbidden</body></html>\n",
        "page.jpg: the file is an HTML page, not an image (a web page saved instead of the photo?)",
    ),
    (
        "sheet.jpg",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "sheet.jpg: the file is a PDF document, not an image; export the picture as JPEG",
    ),
    (
        "logo.jpg",
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>\n',
        "logo.jpg: the file is an SVG drawing, not a photo; export it as PNG or JPEG",
    ),
    (
        "bomb.png",
        png_header(20_000, 20_000),
        "bomb.png: 400 MP is over the 150 MP limit (a decompression bomb, or far larger than "
        "a press still needs)",
    ),
    (
        "scan.png",
        png_header(13_000, 12_000),
        "scan.png: 13000×12000 px (156 MP) is over the 150 MP limit (a decompression bomb, or "
        "far larger than a press still needs)",
    ),
    (
        "zero.png",
        png_header(0, 10),
        "zero.png: the file is a damaged PNG image (its header cannot be read)",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_unusable_still_is_one_located_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    lines = check_errors(kit_with(tmp_path, name, data), StillError)
    assert len(lines) == 1
    assert lines[0].startswith(f"{WHERE} {message}"), lines[0]


def test_decompression_bomb_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    kit_with(tmp_path, "bomb.png", png_header(30_000, 30_000))
    result = CliRunner().invoke(main, ["build", "kit"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {WHERE} bomb.png: 900 MP is over the 150 MP limit (a decompression bomb, or "
        "far larger than a press still needs)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"]


def test_truncated_header_is_refused_at_check(tmp_path: Path) -> None:
    lines = check_errors(kit_with(tmp_path, "cut.jpg", jpeg_bytes()[:300]), StillError)
    assert lines == [f"{WHERE} cut.jpg: the image is damaged or truncated (Truncated File Read)"]


def test_truncated_pixels_are_refused_at_check_and_build_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The header is whole, but the file's end marker is missing: `check` refuses it from the
    last bytes alone (no decode), and `build` with the same line."""
    monkeypatch.chdir(tmp_path)
    photo = io.BytesIO()
    make_still(tmp_path / "whole.jpg", (1200, 800))
    photo.write((tmp_path / "whole.jpg").read_bytes()[:4000])
    kit_with(tmp_path, "cut.jpg", photo.getvalue())
    line = f"error: {WHERE} cut.jpg: the image is damaged or truncated (its end is missing)\n"
    for command in ("check", "build"):
        result = CliRunner().invoke(main, [command, "kit"])
        assert (result.exit_code, result.stderr) == (2, line), command
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit", "whole.jpg"]


def test_avif_when_pillow_cannot_read_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff.features, "check", lambda feature: False)
    avif = b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf" + b"\0" * 64
    assert check_errors(kit_with(tmp_path, "still.avif", avif), StillError) == [
        f"{WHERE} still.avif: the file is an AVIF image, which this installation of Pillow "
        "cannot read; export it as JPEG"
    ]


@pytest.mark.skipif(not sniff.features.check("avif"), reason="this Pillow reads no AVIF")
def test_avif_when_pillow_reads_it(tmp_path: Path) -> None:
    kit = kit_with(tmp_path, "still.avif", lambda p: Image.new("RGB", (320, 200)).save(p, "AVIF"))
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert [s.entry.pixels for s in result.stills] == [(320, 200)]


def test_broken_key_art_is_located(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "kit.yaml").write_text("title: Poster\n\nkey_art: poster.jpg\n", encoding="utf-8")
    (kit / "poster.jpg").write_bytes(b"<html>not found</html>")
    assert check_errors(kit, StillError) == [
        "kit.yaml:3: key_art: poster.jpg: the file is an HTML page, not an image "
        "(a web page saved instead of the photo?)"
    ]


# --- used, with a warning ------------------------------------------------------------------


def test_very_large_still_is_a_warning_below_the_limit(tmp_path: Path) -> None:
    kit = kit_with(tmp_path, "big.png", png_header(12_000, 10_000))
    assert header_warnings(kit) == [
        f"{WHERE} warning: big.png: 12000×10000 px (120 MP) is unusually large for a still; it "
        "decodes slowly and needs up to 480 MB of memory (over 150 MP is refused)"
    ]


def test_thresholds_are_ordered() -> None:
    assert 24_000_000 < decode.WARN_PIXELS < decode.MAX_PIXELS < Image.MAX_IMAGE_PIXELS * 2


def test_animated_gif_uses_its_first_frame(tmp_path: Path) -> None:
    def animation(path: Path) -> None:
        frames = [Image.new("RGB", (200, 100), c) for c in ((255, 0, 0), (0, 0, 255))]
        frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)

    kit = kit_with(tmp_path, "wave.gif", animation)
    assert header_warnings(kit) == [
        f"{WHERE} warning: wave.gif: an animated image (2 frames); only the first frame is used"
    ]
    result = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert result.zip is not None
    with zipfile.ZipFile(result.zip) as archive:
        name = next(n for n in archive.namelist() if n.endswith("_web.jpg"))
        web = Image.open(io.BytesIO(archive.read(name))).convert("RGB")
    red, _, blue = web.getpixel((100, 50))  # type: ignore[misc]
    assert red > 200 and blue < 60


@pytest.mark.parametrize(
    ("exif", "shown"),
    [
        pytest.param(exif_orientation(3, 1, b"\0\x63\0\0"), "99", id="out-of-range"),
        pytest.param(exif_orientation(2, 4, b"six\0"), "'six'", id="text"),
        pytest.param(exif_orientation(3, 1, b"\xff\xff\0\0"), "65535", id="all-ones"),
    ],
)
def test_garbage_orientation_is_a_warning_and_ignored(
    tmp_path: Path, exif: bytes, shown: str
) -> None:
    kit = kit_with(tmp_path, "o.jpg", with_app1(jpeg_bytes((400, 300)), exif))
    assert header_warnings(kit) == [
        f"{WHERE} warning: o.jpg: EXIF orientation {shown} is not a valid value (1 to 8); "
        "the still is used as stored"
    ]
    result = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert result.stills[0].files["web"].size == (400, 300)


@pytest.mark.parametrize(
    "exif",
    [
        pytest.param(b"Exif\0\0MM\0\x2a\xff\xff\xff\xf0", id="offset-past-the-end"),
        pytest.param(exif_orientation(3, 0x7FFFFFFF, b"\0\0\0\x08"), id="huge-count"),
    ],
)
def test_corrupt_exif_block_is_a_warning_not_a_traceback(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], exif: bytes
) -> None:
    kit = kit_with(tmp_path, "o.jpg", with_app1(jpeg_bytes(), exif))
    warnings = header_warnings(kit)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{WHERE} warning: o.jpg: damaged metadata (")
    assert warnings[0].endswith("); what cannot be read is ignored")
    result = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert result.stills[0].files["web"].size == (400, 300)
    assert capfd.readouterr().err == ""  # no raw Pillow warning on the terminal


def test_bad_exif_from_the_command_line_prints_located_warnings_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    damaged = with_app1(jpeg_bytes((4000, 3000)), b"Exif\0\0MM\0\x2a\xff\xff\xff\xf0")
    kit_with(tmp_path, "o.jpg", damaged)
    result = CliRunner().invoke(main, ["build", "kit", "--out", "out"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"{WHERE} warning: o.jpg: damaged metadata (")
    lines = result.stderr.splitlines()
    assert "Warning" not in result.stderr and len(lines) == 2
    assert lines[1].startswith("stills_press-kit_print.pdf: note: in CMYK through ")  # its profile


# --- unusual but fine ------------------------------------------------------------------------


def test_one_pixel_still(tmp_path: Path) -> None:
    kit = kit_with(tmp_path, "dot.png", lambda p: Image.new("RGB", (1, 1), (200, 0, 0)).save(p))
    result = build(kit, BuildOptions(format="all", out=tmp_path / "out"))
    assert result.stills[0].files["print"].size == (1, 1)
    assert result.pdf is not None
    sizes = [image.image.size for page in PdfReader(result.pdf).pages[1:] for image in page.images]
    assert sizes == [(1, 1)]


@pytest.mark.parametrize(
    "size",
    [
        pytest.param((20_000, 50), id="panorama-20000x50"),
        pytest.param((50, 20_000), id="column-50x20000"),
    ],
)
def test_extreme_aspect_ratios_lay_out(tmp_path: Path, size: tuple[int, int]) -> None:
    kit = kit_with(tmp_path, "wide.png", lambda p: Image.new("RGB", size, (9, 9, 9)).save(p))
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    slot = placed_slots(kit)[0]
    assert slot.box[0] > 0 and slot.box[1] > 0
    assert min(slot.pixels) >= 1
    assert result.pdf is not None
    reader = PdfReader(result.pdf)
    placed = [image.image.size for page in reader.pages[1:] for image in page.images]
    assert len(placed) == 1 and min(placed[0]) >= 1
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Still from STILLS." in " ".join(text.split())
