"""The two image engines, Pillow and libvips, make the same renditions: the same pixel sizes,
upright, in the same colours (PSNR ≥ 40 dB between them), with the same metadata read back by
exiftool; each gives the same bytes run to run, and the cache keeps their work apart."""

from __future__ import annotations

import io
import json
import math
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat
from pypdf import PdfReader

from kitpress.cli import main
from kitpress.pipeline import BuildOptions, BuildResult, build
from kitpress.stills import engine
from kitpress.stills.icc import srgb_v2_profile

from .conftest import needs_exiftool

needs_vips = pytest.mark.skipif(not engine.vips_usable(), reason="pyvips/libvips not installed")
MIN_PSNR = 40.0
KIT = """\
title: Two Engines
rights: {copyright: Engine Films, photographer: Jiří Dvořák}
stills:
  - {file: stills/camera.jpg, description: "Penélope at the window, at night."}
  - {file: stills/tagged.jpg, description: A street.}
  - {file: stills/cut-out.png, description: A poster.}
"""


def _photo(size: tuple[int, int], seed: int) -> Image.Image:
    """Something with a photo's edges and texture: gradient, shapes, fine lines, grain."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w * 0.2, h * 0.1, w * 0.6, h * 0.9), fill=(150 + seed, 40, 50))
    for x in range(0, w, 37):
        draw.line((x, 0, x + h // 3, h), fill=(30, 90 + seed, 140), width=2)
    draw.text((w * 0.65, h * 0.5), "kitpress 1234", fill=(250, 240, 200))
    noise = Image.effect_noise(size, 24).convert("RGB")
    return Image.blend(image.filter(ImageFilter.GaussianBlur(1.2)), noise, 0.08)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("engines") / "kit"
    (folder / "stills").mkdir(parents=True)
    (folder / "kit.yaml").write_text(KIT, encoding="utf-8")
    turned = Image.Exif()
    turned[0x0112] = 6  # stored on its side: upright it is portrait
    _photo((3000, 2000), 0).save(folder / "stills" / "camera.jpg", quality=92, exif=turned)
    _photo((1600, 1200), 9).save(
        folder / "stills" / "tagged.jpg", quality=90, icc_profile=srgb_v2_profile()
    )
    poster = _photo((900, 1200), 20).convert("RGBA")
    poster.putalpha(Image.linear_gradient("L").resize((900, 1200)))
    poster.save(folder / "stills" / "cut-out.png")
    return folder


def _build(kit: Path, out: Path, name: str) -> BuildResult:
    options = BuildOptions(format="all", out=out, use_cache=False, engine=name)
    return build(kit, options)


@pytest.fixture(scope="module")
def built(kit: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildResult]:
    if not engine.vips_usable():
        pytest.skip("pyvips/libvips not installed")
    where = tmp_path_factory.mktemp("built")
    return {name: _build(kit, where / name, name) for name in engine.ENGINES}


def _jpegs(zip_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(zip_path) as bundle:
        return {n: bundle.read(n) for n in bundle.namelist() if n.endswith(".jpg")}


def psnr(a: Image.Image, b: Image.Image) -> float:
    difference = ImageStat.Stat(ImageChops.difference(a, b))
    mse = sum(rms * rms for rms in difference.rms) / len(difference.rms)
    return 99.0 if mse == 0 else 10 * math.log10(255**2 / mse)


@needs_vips
def test_both_engines_make_every_file_at_the_same_size_in_the_same_colours(
    built: dict[str, BuildResult],
) -> None:
    pillow, vips = (_jpegs(built[name].zip) for name in ("pillow", "vips"))  # type: ignore[arg-type]
    assert sorted(pillow) == sorted(vips)
    assert len(pillow) == 9  # print, web and thumbnail of each still
    for name, data in pillow.items():
        ours, theirs = Image.open(io.BytesIO(data)), Image.open(io.BytesIO(vips[name]))
        assert (ours.size, ours.mode, ours.info.get("dpi")) == (
            theirs.size,
            theirs.mode,
            theirs.info.get("dpi"),
        ), name
        assert ours.info.get("icc_profile") == theirs.info.get("icc_profile") == srgb_v2_profile()
        assert psnr(ours, theirs) >= MIN_PSNR, name
    camera = Image.open(io.BytesIO(vips[next(n for n in vips if n.endswith("01_print.jpg"))]))
    assert camera.width < camera.height  # turned upright by its EXIF orientation


@needs_vips
def test_both_engines_put_the_same_pictures_in_both_pdfs(built: dict[str, BuildResult]) -> None:
    for role in ("pdf", "print_pdf"):
        pictures = {}
        for name, result in built.items():
            path = result.path(role)
            assert path is not None
            pictures[name] = [  # by size on each page: the XObjects' names follow their bytes
                image
                for page in PdfReader(path).pages
                for image in sorted((i.image for i in page.images), key=lambda i: i.size)
            ]
        assert len(pictures["pillow"]) == len(pictures["vips"]) > 0
        for ours, theirs in zip(pictures["pillow"], pictures["vips"], strict=True):
            assert (ours.size, ours.mode) == (theirs.size, theirs.mode)
            assert psnr(ours, theirs) >= MIN_PSNR
    print_modes = {i.image.mode for p in PdfReader(built["vips"].print_pdf).pages for i in p.images}  # type: ignore[arg-type]
    assert print_modes == {"CMYK"}


@needs_vips
@needs_exiftool
def test_both_engines_embed_the_same_metadata(
    built: dict[str, BuildResult], tmp_path: Path
) -> None:
    read = {}
    for name, result in built.items():
        folder = tmp_path / name
        with zipfile.ZipFile(result.zip) as bundle:  # type: ignore[arg-type]
            bundle.extractall(folder)
        run = subprocess.run(
            ["exiftool", "-json", "-G", "-r", "-ext", "jpg", "-XMP:all", "-IPTC:all", "-EXIF:all",
             "-JFIF:all", "-ICC_Profile:ProfileDescription", str(folder)],
            capture_output=True, check=True, text=True,
        )  # fmt: skip
        records = json.loads(run.stdout)
        read[name] = {Path(r.pop("SourceFile")).name: r for r in records}
    assert read["pillow"] == read["vips"]
    camera = next(r for n, r in read["vips"].items() if n.endswith("01_print.jpg"))
    assert camera["XMP:Description"].startswith("Penélope at the window, at night in TWO ENGINES.")
    assert camera["EXIF:XResolution"] == 300


@needs_vips
def test_each_engine_gives_the_same_bytes_run_to_run(
    kit: Path, built: dict[str, BuildResult], tmp_path: Path
) -> None:
    for name, first in built.items():
        again = _build(kit, tmp_path / name, name)
        for role in ("pdf", "print_pdf", "zip"):
            assert again.path(role).read_bytes() == first.path(role).read_bytes(), (name, role)  # type: ignore[union-attr]


@needs_vips
def test_the_cache_keeps_each_engine_s_renditions_apart(kit: Path, tmp_path: Path) -> None:
    def cached(name: str) -> BuildResult:
        cache = tmp_path / "cache"
        return build(
            kit, BuildOptions(format="zip", out=tmp_path / name, cache_dir=cache, engine=name)
        )

    first, other, again = cached("pillow"), cached("vips"), cached("vips")
    assert first.cache_hits == other.cache_hits == 0 < other.cache_misses
    assert (again.cache_hits, again.cache_misses) == (other.cache_misses, 0)


@needs_vips
def test_the_engine_is_reported_with_v_and_in_json(kit: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = str(tmp_path / "out")
    args = ["build", str(kit), "--format", "zip", "--out", out, "--engine", "vips"]
    verbose = runner.invoke(main, ["-v", *args])
    assert verbose.exit_code == 0, verbose.output
    assert f"engine    vips {engine.version('vips').split()[1]}" in verbose.stderr.splitlines()
    document = json.loads(runner.invoke(main, [*args, "--engine", "pillow", "--json"]).stdout)
    assert document["engine"] == engine.version("pillow")


def test_asking_for_vips_where_it_is_missing_is_one_line_and_exit_2(
    kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "vips_usable", lambda: False)
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["build", str(kit), "--out", str(out), "--engine", "vips"])
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [f"error: --engine: {engine.NO_VIPS}"]
    assert not out.exists()
    assert engine.chosen(None) == "pillow"  # the default without libvips
