"""`kitpress help kit` prints the kit.yaml reference shipped in the package, the README's
section is that same text, and the skeleton from `kitpress init` points to it."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from kitpress.cli import main

from .conftest import REPO

REFERENCE = REPO / "src" / "kitpress" / "docs" / "kit-reference.md"


def test_help_kit_prints_the_reference() -> None:
    result = CliRunner().invoke(main, ["help", "kit"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == REFERENCE.read_text(encoding="utf-8")
    assert result.stdout.startswith("## kit.yaml reference\n")
    assert "| `release_dates` | Release dates: a list of {territory, window, date}. |" in (
        result.stdout.splitlines()
    )


def test_readme_section_is_a_copy_of_the_reference() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"<!-- The kit\.yaml reference:.*?-->\n(.*?)<!-- end of the kit\.yaml reference -->",
        readme,
        re.S,
    )
    assert found, "README.md has lost the kit.yaml reference markers"
    assert found.group(1) == REFERENCE.read_text(encoding="utf-8"), (
        "README's kit.yaml reference differs from src/kitpress/docs/kit-reference.md: edit the "
        "file, then run scripts/sync_kit_reference.py"
    )


def test_help_on_a_command_is_its_own_help() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["help", "init"]).stdout == (
        runner.invoke(main, ["init", "--help"]).stdout
    )


def test_help_on_an_unknown_topic_suggests_the_nearest(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["help", "kitt"])
    assert (result.exit_code, result.stdout) == (2, "")
    topics = ", ".join(sorted([*main.commands, "kit"]))  # build, check, help, ..., kit, ...
    assert result.stderr == (
        f"error: help: no help on 'kitt' (did you mean 'kit'?); there is help on: {topics}\n"
    )


def test_skeleton_points_to_help_kit(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["init", str(tmp_path / "film")]).exit_code == 0
    skeleton = (tmp_path / "film" / "kit.yaml").read_text(encoding="utf-8")
    assert "# Every key and what it means: run `kitpress help kit`.\n" in skeleton
    assert "README" not in skeleton
