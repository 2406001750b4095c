"""Options with a unit refuse a bare number instead of guessing one: `--bleed 5` is not 5 pt,
`--max-size 10` is not 10 bytes. A usage error (exit 2) naming the option, with an example;
nothing is built."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kitpress.cli import main


def usage_error(args: list[str], tmp_path: Path) -> str:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "no-kit"), *args, "--out", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    return result.stderr.splitlines()[-1]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--bleed", "5"],
            "Error: Invalid value for '--bleed': '5' has no unit: write it as 5mm, or 0.125in, "
            "or 9pt",
        ),
        (
            ["--max-size", "10"],
            "Error: Invalid value for '--max-size': '10' has no unit: write it as 10MB or 500KB",
        ),
        (
            ["--max-size", "2.5"],
            "Error: Invalid value for '--max-size': '2.5' has no unit: write it as 2.5MB or 500KB",
        ),
    ],
)
def test_a_bare_number_is_a_usage_error(args: list[str], line: str, tmp_path: Path) -> None:
    assert usage_error(args, tmp_path) == line


@pytest.mark.parametrize("size", ["0MB", "999B"])
def test_a_size_no_pdf_fits_in_is_a_usage_error(size: str, tmp_path: Path) -> None:
    assert usage_error(["--max-size", size], tmp_path) == (
        f"Error: Invalid value for '--max-size': '{size}' leaves no room for a PDF: give 1KB "
        "or more, e.g. 10MB"
    )


@pytest.mark.parametrize("args", [["--bleed", "5mm"], ["--bleed", "0"], ["--max-size", "10MB"]])
def test_values_with_a_unit_pass_on_to_the_build(args: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(tmp_path / "no-kit"), *args])
    assert result.exit_code == 2  # the missing kit, found after the options were read
    assert result.stderr == (
        f"error: {tmp_path / 'no-kit'}: no kit here: no such file or folder "
        "(kitpress init makes a new kit)\n"
    )
