"""--max-size: the screen PDF is made to fit by placing its pictures at fewer ppi and a lower
JPEG quality, step by step; a budget nothing can meet is one clear error, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from kitpress.cli import main
from kitpress.errors import KitError
from kitpress.option_values import parse_size
from kitpress.pipeline import BuildOptions, build

from .conftest import make_still

KIT = "title: Budget Film\nrights: {copyright: B Films, photographer: Pat}\nstills:\n"


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kit")
    lines = []
    for i in range(4):
        make_still(folder / "stills" / f"s{i}.jpg", (3000, 2000), i)
        lines.append(f"  - {{file: stills/s{i}.jpg, description: Scene {i}}}\n")
    (folder / "kit.yaml").write_text(KIT + "".join(lines), encoding="utf-8")
    return folder


def test_a_reachable_budget_is_met_and_said(kit: Path, tmp_path: Path) -> None:
    natural = build(kit, BuildOptions(format="pdf", out=tmp_path / "natural")).pdf
    assert natural is not None
    budget = round(natural.stat().st_size * 0.7)
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "fit", max_size=budget))
    assert result.pdf is not None and result.pdf.stat().st_size <= budget
    notes = [str(w) for w in result.warnings if w.path == "" and w.source == "--max-size"]
    assert len(notes) == 1 and notes[0].startswith("--max-size: note: screen PDF fitted to ")
    assert len(PdfReader(result.pdf).pages) == len(PdfReader(natural).pages)


def test_a_budget_already_met_changes_nothing(kit: Path, tmp_path: Path) -> None:
    plain = build(kit, BuildOptions(format="pdf", out=tmp_path / "a")).pdf
    roomy = build(kit, BuildOptions(format="pdf", out=tmp_path / "b", max_size=10**9)).pdf
    assert plain is not None and roomy is not None
    assert plain.read_bytes() == roomy.read_bytes()


def test_an_impossible_budget_is_one_error_and_nothing_written(kit: Path, tmp_path: Path) -> None:
    with pytest.raises(KitError) as caught:
        build(kit, BuildOptions(format="pdf", out=tmp_path / "out", max_size=20_000))
    [line] = caught.value.lines()
    assert line.startswith("--max-size: the screen PDF is ")
    assert line.endswith(
        "even with pictures at 80 ppi, over the 20 KB budget: use fewer stills or a larger "
        "--max-size"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("text", "size"), [("10MB", 10_000_000), ("500 kb", 500_000), ("3.5MB", 3_500_000), ("42", 42)]
)
def test_sizes_are_read_as_people_write_them(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_a_size_that_is_not_one_is_a_usage_error(kit: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(kit), "--max-size", "lots"])
    assert result.exit_code == 2
    assert "expected a size such as 10MB or 500KB (got 'lots')" in result.output
