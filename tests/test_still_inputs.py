"""Every kind of file a unit photographer or a lab sends decodes to an upright sRGB still with
the right colours: RGB, greyscale, CMYK with and without a profile, 16-bit, alpha, palette,
Adobe RGB, JPEG with upper-case extensions, PNG, TIFF and WebP."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageCms, features

from kitpress.pipeline import BuildOptions, build
from kitpress.stills.decode import decode, probe
from kitpress.stills.system_profiles import system_cmyk_profile

ICC_FOLDERS = (Path("/usr/share/color/icc/ghostscript"), Path("/usr/share/color/icc"))
SIZE = (240, 160)


def _profile(name: str) -> bytes:
    for folder in ICC_FOLDERS:
        if (folder / name).is_file():
            return (folder / name).read_bytes()
    pytest.skip(f"ICC profile {name} not installed (Debian package libgs-common)")


def _expected(pixel: tuple[int, ...], mode: str, icc: bytes) -> tuple[int, ...]:
    source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    srgb = ImageCms.createProfile("sRGB")
    one = Image.new(mode, (1, 1), pixel)
    converted = ImageCms.profileToProfile(one, source, srgb, outputMode="RGB")
    assert converted is not None
    return tuple(converted.getpixel((0, 0)))  # type: ignore[arg-type]


def _png16_rgb(path: Path, rgb16: tuple[int, int, int]) -> None:
    """A 16-bit-per-channel RGB PNG (Pillow cannot write one), built chunk by chunk."""
    width, height = SIZE
    row = b"\x00" + struct.pack(">3H", *rgb16) * width
    header = struct.pack(">2I5B", width, height, 16, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body + chunk(b"IEND", b""))


def _save(mode: str, colour: object, name: str, **options: object) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        Image.new(mode, SIZE, colour).save(path, **options)  # type: ignore[arg-type]
        return path

    return make


def _palette(folder: Path) -> Path:
    path = folder / "palette.png"
    Image.new("RGB", SIZE, (30, 90, 200)).quantize(8).save(path)
    return path


def _palette_transparent(folder: Path) -> Path:
    path = folder / "palette-alpha.png"
    image = Image.new("P", SIZE, 1)
    image.putpalette([0, 0, 0, 200, 30, 40] + [0] * 762)
    image.paste(0, (0, 0, 20, 20))  # a transparent corner
    image.save(path, transparency=0)
    return path


def _png16(folder: Path) -> Path:
    path = folder / "deep.png"
    _png16_rgb(path, (51400, 10280, 15420))  # (200, 40, 60) in 16 bits
    return path


def _grey16(folder: Path) -> Path:
    path = folder / "grey16.png"
    Image.new("I;16", SIZE, 32896).save(path)  # 128 in 16 bits
    return path


def _through_standard_cmyk(cmyk: tuple[int, int, int, int]) -> tuple[int, ...]:
    """What a CMYK pixel without a profile becomes: LittleCMS through the system's standard
    CMYK profile, or the naive conversion where none is installed."""
    standard = system_cmyk_profile()
    if standard is None:
        return tuple(Image.new("CMYK", (1, 1), cmyk).convert("RGB").getpixel((0, 0)))  # type: ignore[arg-type]
    return _expected(cmyk, "CMYK", standard.read_bytes())


# name -> (maker, expected sRGB pixel)
KINDS: dict[str, tuple[Callable[[Path], Path], tuple[int, int, int]]] = {
    "rgb jpeg": (_save("RGB", (200, 40, 60), "rgb.jpg", quality=95), (200, 40, 60)),
    "upper-case .JPG": (_save("RGB", (200, 40, 60), "UPPER.JPG", quality=95), (200, 40, 60)),
    "upper-case .JPEG": (_save("RGB", (200, 40, 60), "UPPER.JPEG", format="JPEG"), (200, 40, 60)),
    "greyscale jpeg": (_save("L", 128, "grey.jpg", quality=95), (128, 128, 128)),
    "cmyk jpeg, no profile": (
        _save("CMYK", (0, 200, 150, 0), "cmyk.jpg", quality=95),
        _through_standard_cmyk((0, 200, 150, 0)),
    ),
    "16-bit rgb png": (_png16, (200, 40, 60)),
    "16-bit grey png": (_grey16, (128, 128, 128)),
    "rgba png": (_save("RGBA", (200, 40, 60, 0), "alpha.png"), (255, 255, 255)),
    "la png": (_save("LA", (10, 255), "la.png"), (10, 10, 10)),
    "palette png": (_palette, (30, 90, 200)),
    "palette png with transparency": (_palette_transparent, (200, 30, 40)),
    "rgb tiff (lzw)": (
        _save("RGB", (200, 40, 60), "lzw.tif", compression="tiff_lzw"),
        (200, 40, 60),
    ),
    "cmyk tiff, no profile": (
        _save("CMYK", (0, 200, 150, 0), "cmyk.tiff"),
        _through_standard_cmyk((0, 200, 150, 0)),
    ),
}


def test_transparent_palette_entries_become_background(tmp_path: Path) -> None:
    image = decode(_palette_transparent(tmp_path), (4000, 4000), "#ffffff")
    assert image.getpixel((5, 5)) == (255, 255, 255)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_input_kind_decodes_to_srgb(kind: str, tmp_path: Path) -> None:
    make, expected = KINDS[kind]
    image = decode(make(tmp_path), (4000, 4000), "#ffffff")
    assert image.mode == "RGB"
    assert image.size == SIZE
    centre = image.getpixel((SIZE[0] // 2, SIZE[1] // 2))
    assert centre == pytest.approx(expected, abs=4)


def test_alpha_is_flattened_onto_the_layout_background(tmp_path: Path) -> None:
    path = _save("RGBA", (200, 40, 60, 0), "alpha.png")(tmp_path)
    assert decode(path, (100, 100), "#102030").getpixel((5, 5)) == (16, 32, 48)


@pytest.mark.skipif(not features.check("webp"), reason="Pillow built without WebP")
def test_webp_decodes(tmp_path: Path) -> None:
    path = _save("RGB", (200, 40, 60), "still.webp", lossless=True)(tmp_path)
    assert decode(path, (4000, 4000), "#ffffff").getpixel((10, 10)) == (200, 40, 60)


def test_adobe_rgb_is_converted_to_srgb(tmp_path: Path) -> None:
    icc = _profile("a98.icc")
    path = tmp_path / "adobe.jpg"
    Image.new("RGB", SIZE, (40, 200, 60)).save(path, quality=95, icc_profile=icc)
    expected = _expected((40, 200, 60), "RGB", icc)
    centre = decode(path, (4000, 4000), "#ffffff").getpixel((50, 50))
    assert centre == pytest.approx(expected, abs=4)
    assert abs(centre[0] - 40) > 20  # really converted: Adobe RGB green lies outside sRGB


def test_cmyk_with_profile_is_converted_through_it(tmp_path: Path) -> None:
    icc = _profile("default_cmyk.icc")
    path = tmp_path / "cmyk-profile.jpg"
    Image.new("CMYK", SIZE, (0, 200, 150, 0)).save(path, quality=95, icc_profile=icc)
    expected = _expected((0, 200, 150, 0), "CMYK", icc)
    centre = decode(path, (4000, 4000), "#ffffff").getpixel((50, 50))
    assert centre == pytest.approx(expected, abs=4)
    assert centre != pytest.approx((255, 55, 105), abs=4)  # not the naive conversion


def test_kit_with_every_kind_builds_srgb_files(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    (kit / "stills").mkdir(parents=True)
    files = [make(kit / "stills") for make, _ in (KINDS[k] for k in sorted(KINDS))]
    entries = "\n".join(f"  - {{file: 'stills/{f.name}', description: {f.stem}}}" for f in files)
    (kit / "kit.yaml").write_text(
        f"title: Every Kind\nrights: {{copyright: Labs, photographer: Pat}}\nstills:\n{entries}\n",
        encoding="utf-8",
    )
    result = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    with zipfile.ZipFile(result.zip) as archive:  # type: ignore[arg-type]
        prints = [n for n in archive.namelist() if n.endswith("_print.jpg")]
        assert len(prints) == len(KINDS)
        for name in prints:
            image = Image.open(io.BytesIO(archive.read(name)))
            assert (image.format, image.mode, image.size) == ("JPEG", "RGB", SIZE)
            profile = ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"]))
            assert "sRGB" in ImageCms.getProfileDescription(profile)


CMYK_PATCH = (0, 200, 150, 0)
NAIVE = (255, 55, 105)  # white less the inks: what a CMYK still became before
THROUGH_STANDARD = (
    "converted to sRGB through the standard CMYK profile (Artifex CMYK SWOP Profile); ask for "
    "the still in sRGB, or with its own profile, if its colours matter"
)


def _vips_cmyk_jpeg(folder: Path) -> Path:
    """A CMYK JPEG written by libjpeg through libvips: Adobe APP14, stored inverted."""
    tiff, jpeg = folder / "patch.tif", folder / "vips-cmyk.jpg"
    Image.new("CMYK", SIZE, CMYK_PATCH).save(tiff)
    subprocess.run(["vips", "copy", str(tiff), f"{jpeg}[Q=95]"], check=True)
    assert b"Adobe" in jpeg.read_bytes()[:400]
    return jpeg


def _pillow_cmyk_jpeg(folder: Path) -> Path:
    return _save("CMYK", CMYK_PATCH, "pillow-cmyk.jpg", quality=95)(folder)


MAKERS = {"pillow": _pillow_cmyk_jpeg, "libvips": _vips_cmyk_jpeg}


@pytest.mark.parametrize("writer", sorted(MAKERS))
def test_cmyk_without_a_profile_goes_through_the_standard_profile(
    writer: str, tmp_path: Path
) -> None:
    if writer == "libvips" and shutil.which("vips") is None:
        pytest.skip("libvips-tools not installed")
    standard = _profile("default_cmyk.icc")
    path = MAKERS[writer](tmp_path)
    expected = _expected(CMYK_PATCH, "CMYK", standard)
    centre = decode(path, (4000, 4000), "#ffffff").getpixel((50, 50))
    assert centre == pytest.approx(expected, abs=4)
    assert centre != pytest.approx(NAIVE, abs=20)
    assert probe(path).notes == (f"a CMYK image without an ICC profile: {THROUGH_STANDARD}",)


def test_cmyk_without_any_profile_is_converted_naively_and_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kitpress.stills.system_profiles.GHOSTSCRIPT_CMYK_PROFILES", ())
    path = _pillow_cmyk_jpeg(tmp_path)
    assert decode(path, (4000, 4000), "#ffffff").getpixel((50, 50)) == pytest.approx(NAIVE, abs=3)
    assert probe(path).notes == (
        "a CMYK image without an ICC profile, and no standard CMYK profile is installed "
        "(Debian/Ubuntu: apt-get install libgs-common): converted to sRGB without colour "
        "management, its colours will be off",
    )


def test_a_damaged_embedded_profile_is_said_so(tmp_path: Path) -> None:
    standard = _profile("default_cmyk.icc")
    damaged = b"acsp" * 200
    cmyk = tmp_path / "cmyk-damaged.jpg"
    Image.new("CMYK", SIZE, CMYK_PATCH).save(cmyk, quality=95, icc_profile=damaged)
    centre = decode(cmyk, (4000, 4000), "#ffffff").getpixel((50, 50))
    assert centre == pytest.approx(_expected(CMYK_PATCH, "CMYK", standard), abs=4)
    assert probe(cmyk).notes == (f"its embedded ICC profile is damaged: {THROUGH_STANDARD}",)
    rgb = tmp_path / "rgb-damaged.jpg"
    Image.new("RGB", SIZE, (200, 40, 60)).save(rgb, quality=95, icc_profile=damaged)
    assert decode(rgb, (4000, 4000), "#ffffff").getpixel((50, 50)) == pytest.approx(
        (200, 40, 60), abs=3
    )
    assert probe(rgb).notes == ("its embedded ICC profile is damaged; the still is taken as sRGB",)


def test_the_build_warns_naming_the_cmyk_still(tmp_path: Path) -> None:
    _profile("default_cmyk.icc")
    kit = tmp_path / "kit"
    (kit / "stills").mkdir(parents=True)
    _pillow_cmyk_jpeg(kit / "stills")
    (kit / "kit.yaml").write_text(
        "title: Inks\nrights: {copyright: Labs, photographer: Pat}\n"
        "stills:\n  - {file: stills/pillow-cmyk.jpg, description: A patch.}\n",
        encoding="utf-8",
    )
    result = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert [str(w) for w in result.warnings if "CMYK" in w.message] == [
        "kit.yaml:4: stills[0].file: warning: pillow-cmyk.jpg: a CMYK image without an ICC "
        f"profile: {THROUGH_STANDARD}"
    ]
