"""Who presents the film comes from `presented_by`, never from a still's courtesy line; the
film's copyright line is printed on the last page. Read back with poppler and pypdf."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from kitpress.pipeline import BuildOptions, build

from .conftest import check_errors, needs_poppler
from .test_print_profile import needs_cmyk_profile

KIT = """\
title: The Last Lock
{presenter}copyright_line: © 2026 Lock Films Ltd.
synopsis: A lock keeper waits for a barge that never comes.
cast:
  - {{id: ana, actor: Milena Smit, character: Ana}}
rights: {{copyright: Lock Films, courtesy: Sales Agent Co}}
"""


def _pages(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def _author(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    found = [line for line in info.stdout.splitlines() if line.startswith("Author:")]
    return found[0].split(":", 1)[1].strip() if found else ""


@needs_poppler
@needs_cmyk_profile
def test_presenter_and_copyright_line_in_both_pdfs(
    write_kit: Callable[[str], Path], tmp_path: Path
) -> None:
    kit = write_kit(KIT.format(presenter="presented_by: Lock Distribution\n"))
    result = build(kit, BuildOptions(format="all", out=tmp_path / "out"))
    assert result.pdf is not None and result.print_pdf is not None
    for pdf in (result.pdf, result.print_pdf):
        pages = _pages(pdf)
        assert "Presented by Lock Distribution" in pages[0]
        assert "Sales Agent Co" not in " ".join(pages)
        assert [i for i, text in enumerate(pages) if "© 2026 Lock Films Ltd." in text] == [
            len(pages) - 1
        ]
        assert _author(pdf) == "Lock Distribution"
        xmp = PdfReader(pdf).xmp_metadata
        assert xmp is not None and xmp.dc_creator == ["Lock Distribution"]


@needs_poppler
def test_without_presented_by_no_presenter_and_no_author(
    write_kit: Callable[[str], Path], tmp_path: Path
) -> None:
    kit = write_kit(KIT.format(presenter=""))
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None
    pages = _pages(result.pdf)
    assert "Presented by" not in pages[0] and "Sales Agent Co" not in " ".join(pages)
    assert "© 2026 Lock Films Ltd." in pages[-1]
    assert _author(result.pdf) == ""


def test_a_kit_with_only_a_cover_prints_its_copyright_line_there(
    write_kit: Callable[[str], Path], tmp_path: Path
) -> None:
    kit = write_kit("title: The Last Lock\ncopyright_line: © 2026 Lock Films Ltd.\n")
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None and result.pages == 1
    assert "© 2026 Lock Films Ltd." in _pages(result.pdf)[0]


def test_presented_by_is_validated(write_kit: Callable[[str], Path]) -> None:
    kit = write_kit("title: The Last Lock\npresented_by: [One, Two]\n")
    assert check_errors(kit) == ["kit.yaml:2: presented_by: expected text (a list given)"]
