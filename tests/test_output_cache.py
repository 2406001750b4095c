"""Warm rebuilds: an output whose inputs are all unchanged is copied from the cache, not made
again, and is the same bytes; a caption change makes again what shows it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from kitpress import output_cache
from kitpress.cli import main
from kitpress.outputs.pdf.outputs import ScreenPdf
from kitpress.pipeline import BuildOptions, BuildResult, build

from .conftest import make_still

LONG = ("A long night. " * 150).strip()  # over IPTC-IIM's caption limit: embedding it warns
KIT = f"""\
title: Warm Rebuilds
rights: {{copyright: Cache Films, photographer: Pat Photo}}
stills:
  - {{file: stills/a.jpg, description: Ana waits at the door.}}
  - {{file: stills/b.jpg, description: A street at night.}}
  - {{file: stills/c.jpg, description: "{LONG}"}}
"""

EVERY = ("screen-pdf", "zip", "print-pdf", "html")  # what `all` makes


@pytest.fixture(autouse=True)
def _outputs_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output_cache, "USE", True)


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "kit.yaml").write_text(KIT, encoding="utf-8")
    make_still(folder / "stills" / "a.jpg", (1200, 800), 1)
    make_still(folder / "stills" / "b.jpg", (900, 600), 2)
    make_still(folder / "stills" / "c.jpg", (900, 600), 3)
    return folder


def _build(kit: Path, out: Path, cache: Path, **options: object) -> BuildResult:
    return build(kit, BuildOptions(format="all", out=out, cache_dir=cache, **options))  # type: ignore[arg-type]


def _count_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []
    real = ScreenPdf.make

    def counting(self: ScreenPdf, ctx: object) -> object:
        made.append(self.name)
        return real(self, ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(ScreenPdf, "make", counting)
    return made


def _files(result: BuildResult) -> dict[str, bytes]:
    return {product.role: where.read_bytes() for product, where in result.written}


def test_a_rebuild_with_nothing_changed_copies_every_output_and_is_the_same_bytes(
    kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    renders = _count_renders(monkeypatch)
    cold = _build(kit, tmp_path / "cold", cache)
    assert cold.outputs_reused == []
    assert renders == ["screen-pdf"]
    warm = _build(kit, tmp_path / "warm", cache)
    assert warm.outputs_reused == list(EVERY)
    assert renders == ["screen-pdf"]  # not rendered the second time
    assert (warm.cache_hits, warm.cache_misses) == (0, 0)  # no still needed at all
    cut = [str(w) for w in warm.warnings if "IPTC Caption-Abstract holds 2000 bytes" in str(w)]
    assert len(cut) == 1  # what embedding the caption warned about, told again
    assert cut[0].startswith("kit.yaml:6: stills[2].file: warning: c.jpg: IPTC")
    assert _files(warm) == _files(cold)
    assert (warm.pages, [str(w) for w in warm.warnings]) == (
        cold.pages,
        [str(w) for w in cold.warnings],
    )
    plain = _build(kit, tmp_path / "plain", tmp_path / "other", use_cache=False)
    assert plain.outputs_reused == []
    assert _files(plain) == _files(cold)


def test_a_caption_change_makes_every_output_that_shows_it_again(kit: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _build(kit, tmp_path / "before", cache)
    yaml = kit / "kit.yaml"
    yaml.write_text(yaml.read_text().replace("Ana waits", "Ana runs"), encoding="utf-8")
    after = _build(kit, tmp_path / "after", cache)
    assert after.outputs_reused == []
    assert after.cache_misses == 0  # the stills' pixels still came from the stills cache
    assert after.pdf is not None and after.zip is not None
    text = "".join(page.extract_text() for page in PdfReader(after.pdf).pages)
    assert "Ana runs at the door" in text
    with zipfile.ZipFile(after.zip) as bundle:
        captions = next(n for n in bundle.namelist() if n.endswith("captions.txt"))
        assert "Ana runs at the door" in bundle.read(captions).decode()


def test_an_output_asked_for_another_way_is_keyed_by_its_options(kit: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plain = _build(kit, tmp_path / "screen", cache)
    marked = _build(kit, tmp_path / "marks", cache, print=_marks())
    assert "print-pdf" not in marked.outputs_reused
    assert plain.print_pdf is not None and marked.print_pdf is not None
    slug = PdfReader(marked.print_pdf).pages[0].mediabox.width
    assert slug > PdfReader(plain.print_pdf).pages[0].mediabox.width  # room for the marks


def test_a_damaged_stored_file_is_made_again(kit: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = _build(kit, tmp_path / "cold", cache)
    for stored in (cache / "file").glob("*/*"):
        stored.write_bytes(stored.read_bytes()[:-1] + b"!")
    again = _build(kit, tmp_path / "again", cache)
    assert again.outputs_reused == []
    assert _files(again) == _files(cold)


def test_v_says_which_outputs_came_from_the_cache(kit: Path, tmp_path: Path) -> None:
    runner = CliRunner(env={"KITPRESS_CACHE_DIR": str(tmp_path / "cache")})
    args = ["-v", "build", str(kit), "--format", "pdf", "--out", str(tmp_path / "out")]
    assert runner.invoke(main, args).exit_code == 0
    lines = runner.invoke(main, args).stderr.splitlines()
    assert "reused    screen-pdf: nothing they show changed, taken from the cache" in lines


def _marks() -> object:
    from kitpress.outputs.base import PrintOptions

    return PrintOptions(marks=True)
