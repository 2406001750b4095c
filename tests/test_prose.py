"""Prose fields as typeset: Markdown lists in the layout's own fonts in both PDFs, read back
with poppler and pypdf."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PageObject, PdfReader
from reportlab.platypus import Paragraph

from kitpress.layout.load import load_layout
from kitpress.pipeline import BuildOptions, BuildResult, build

from .conftest import needs_poppler
from .test_print_profile import needs_cmyk_profile

LISTS_KIT = """\
title: The Last Lock
synopsis: |
  The synopsis says:

  - synopsis bullet one
  - synopsis bullet two
    - synopsis nested bullet
long_synopsis: {file: long.md}
directors_statement: {file: statement.md}
"""
LONG = "The long synopsis counts:\n\n1. long first\n2. long second\n   1. long nested number\n"
STATEMENT = "Why I made it:\n\n3. statement third\n   - statement nested bullet\n"


@pytest.fixture(scope="module")
def lists_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    kit = tmp_path_factory.mktemp("lists")
    (kit / "kit.yaml").write_text(LISTS_KIT, encoding="utf-8")
    (kit / "long.md").write_text(LONG, encoding="utf-8")
    (kit / "statement.md").write_text(STATEMENT, encoding="utf-8")
    return build(kit, BuildOptions(format="all", out=kit / "out"))


def _lines(pdf: Path) -> dict[str, float]:
    """Each text line's words (bullet or number first), with the x where the line starts."""
    found: dict[str, float] = {}
    for page in PdfReader(pdf).pages:
        for row in _rows(page).values():
            row.sort()
            found[" ".join(text for _, text in row)] = row[0][0]
    return found


def _rows(page: PageObject) -> dict[float, list[tuple[float, str]]]:
    """The page's text pieces by baseline: (x, text) on each."""
    rows: dict[float, list[tuple[float, str]]] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x, y = cm[0] * tm[4] + cm[4], cm[3] * tm[5] + cm[5]
            rows.setdefault(round(y, 1), []).append((x, text.strip()))

    page.extract_text(visitor_text=visit)
    return rows


def _profiles(result: BuildResult) -> list[Path]:
    assert result.pdf is not None and result.print_pdf is not None
    return [result.pdf, result.print_pdf]


@needs_cmyk_profile
@pytest.mark.parametrize("profile", [0, 1], ids=["screen", "print"])
def test_lists_in_every_prose_field_are_bulleted_numbered_and_nested(
    lists_build: BuildResult, profile: int
) -> None:
    lines = _lines(_profiles(lists_build)[profile])
    outer = {
        "• synopsis bullet one",
        "• synopsis bullet two",
        "1. long first",
        "2. long second",
        "3. statement third",
    }
    nested = {
        "– synopsis nested bullet",
        "1. long nested number",
        "– statement nested bullet",
    }
    assert outer | nested <= set(lines)
    margin = lines["The synopsis says:"]
    assert {lines[line] for line in outer} == {margin}  # bullets hang at the margin
    assert len({lines[line] for line in nested}) == 1
    assert lines["– synopsis nested bullet"] > margin + 10


@needs_poppler
@needs_cmyk_profile
@pytest.mark.parametrize("profile", [0, 1], ids=["screen", "print"])
def test_list_bullets_are_set_in_the_layouts_embedded_fonts(
    lists_build: BuildResult, profile: int
) -> None:
    listing = subprocess.run(
        ["pdffonts", str(_profiles(lists_build)[profile])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    names = {line.split()[0].split("+")[-1] for line in listing}
    assert names == {"NotoSans-Regular", "NotoSans-Bold", "NotoSerif-Regular", "NotoSerif-Bold"}
    assert all(line.split()[-5] == "yes" for line in listing), listing


SENTENCE = "a keeper waits at night while river barges pass slowly under *bright* lamps"
WORDS = SENTENCE.split()


def _long_paragraph(words: int) -> str:
    return " ".join(WORDS[i % len(WORDS)] + ("." if i % 17 == 16 else "") for i in range(words))


@needs_poppler
def test_a_very_long_paragraph_is_broken_into_lines_once_and_prints_whole(
    write_kit: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Laying out a paragraph of many pages breaks its text into lines about once, not once
    per page for all that is left (which made a 1 MB paragraph take six minutes)."""
    text = _long_paragraph(12_000)  # about 70 KB, 18 pages
    kit = write_kit("title: The Last Lock\nlong_synopsis: {file: long.md}\n")
    (kit / "long.md").write_text(text, encoding="utf-8")
    broken: list[int] = []  # lines made by each line breaking
    break_lines = Paragraph.breakLines

    def counting(self: Paragraph, width: object) -> Any:
        lines = break_lines(self, width)
        broken.append(len(lines.lines))
        return lines

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None and result.pages > 15
    assert sum(broken) < 5 * max(broken)  # about 12 times before: once a page, all that is left
    page = load_layout("default").page
    above_footer = ["-x", "0", "-y", "0", "-W", str(int(page.width))]
    above_footer += ["-H", str(int(page.height - page.margin_bottom))]
    printed = subprocess.run(
        ["pdftotext", "-f", "2", "-r", "72", *above_footer, str(result.pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    printed = re.sub(r"(?<=\w)-\s+(?=\w)", "", printed)  # a word hyphenated at a line's end
    assert " ".join(text.replace("*", "").split()) in " ".join(printed.split())
