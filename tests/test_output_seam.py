"""The output seam: an output plugs in through the registry alone, `--format` takes a list,
and an output that is only built on leaves nothing behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kitpress.cli import main
from kitpress.errors import KitError
from kitpress.outputs import registry
from kitpress.outputs.base import BuildContext, Made, Output, Product
from kitpress.pipeline import BuildOptions, build


class CaptionList(Output):
    """A throw-away output, defined here only: every still's caption, one a line."""

    name = "caption-list"
    label = "captions"

    def make(self, ctx: BuildContext) -> Made:
        lines = [entry.caption.full for entry in ctx.document.stills]
        text = "\n".join(lines).encode("utf-8")
        return Made((Product("captions", f"{ctx.document.name}_captions.txt", text),))


@pytest.fixture
def caption_list() -> Iterator[Output]:
    output = registry.register(CaptionList())
    yield output
    registry.unregister(output.name)


def test_an_output_registered_from_outside_is_built_by_name(
    small_kit: Path, tmp_path: Path, caption_list: Output
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(small_kit), "--format", "pdf,caption-list", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["dogtooth-friends_press-kit.pdf", "dogtooth-friends_press-kit_captions.txt"]
    captions = (
        (out / "dogtooth-friends_press-kit_captions.txt").read_text(encoding="utf-8").splitlines()
    )
    assert len(captions) == 3
    assert captions[0].startswith("L to R: ")
    assert f"captions  {out / 'dogtooth-friends_press-kit_captions.txt'}" in result.output


def test_an_output_only_built_on_leaves_nothing(small_kit: Path, tmp_path: Path) -> None:
    result = build(small_kit, BuildOptions(format="booklet", out=tmp_path / "out"))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "dogtooth-friends_press-kit_booklet.pdf"
    ]  # the print PDF it is imposed from was made, not kept
    assert result.print_pdf is None and result.imposed is not None


def test_an_unknown_format_names_the_known_ones(small_kit: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(small_kit), "--format", "pdf,epub"])
    assert result.exit_code == 2
    assert (
        "Invalid value for '--format': 'epub': choose from pdf, screen-pdf, zip, print-pdf, "
        "booklet, 2up, preview, html, catalog, screen-catalog, print-catalog, all (e.g. pdf,zip)"
    ) in result.output
    empty = CliRunner().invoke(main, ["build", str(small_kit), "--format", "pdf,,zip"])
    assert empty.exit_code == 2
    assert (
        "Invalid value for '--format': 'pdf,,zip' has an empty name between commas; write e.g. "
        "pdf,zip"
    ) in empty.output
    with pytest.raises(KitError) as caught:
        build(small_kit, BuildOptions(format="pdf,,zip", out=tmp_path / "out"))
    assert caught.value.lines() == [
        "--format: expected output names separated by commas, such as pdf,zip (got 'pdf,,zip')"
    ]
    assert not (tmp_path / "out").exists()
