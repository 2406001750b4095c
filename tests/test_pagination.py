"""No page of any kit in any shipped layout holds nothing but the running footer: read back
with pypdf, a page counts as blank when no text sits above the footer and it has no picture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from kitpress.layout.load import load_layout
from kitpress.pipeline import BuildOptions, build

from .conftest import make_still

LAYOUTS = ["default", "classic", "festival-letter", "minimal"]
QUOTE = "  - {{text: Quote number {i} is a fine and rather long sentence about the film., "
QUOTE += "source: Paper {i}}}\n"
FULL = """\
title: The Last Lock
logline: A lock keeper waits for a barge that never comes.
synopsis: |
  Night on the canal.

  - the keeper
  - the barge
cast:
  - {id: ana, actor: Milena Smit, character: Ana}
  - {id: janis, actor: Penélope Cruz, character: Janis}
crew: {Director: Pat Director, Screenplay: [One Writer, Two Writer]}
festivals:
  - {name: Festival de Cannes, year: 2026, section: Un Certain Regard}
quotes:
  - {text: A triumph., source: Variety}
  - {text: Startling., source: Sight & Sound}
trailer: https://example.com/trailer
contacts:
  - {role: press, name: Ana Press, email: press@example.com}
copyright_line: © 2026 Lock Films Ltd.
rights: {copyright: Lock Films, photographer: Pat Photo}
stills:
  - {file: a.jpg, people: [ana, janis]}
  - {file: b.jpg, people: [janis]}
  - {file: c.jpg, description: The lock gates}
"""
KITS = {
    # Twelve quotes end the press page a gap short of its foot in festival-letter: the gap
    # once started a page of its own, which the stills' page break then left blank.
    "many-quotes": "title: Blank Test\nlogline: A test.\nquotes:\n"
    + "".join(QUOTE.format(i=i) for i in range(12))
    + "stills:\n  - {file: a.jpg, description: A lock}\n",
    "full": FULL,
    "stills-only": "title: The Last Lock\nstills:\n  - {file: a.jpg}\n  - {file: b.jpg}\n",
    "cover-only": "title: The Last Lock\ncopyright_line: © 2026 Lock Films Ltd.\n",
}


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders = {}
    for name, text in KITS.items():
        folder = tmp_path_factory.mktemp(name)
        (folder / "kit.yaml").write_text(text, encoding="utf-8")
        for i, (still, size) in enumerate(
            {"a": (300, 200), "b": (200, 300), "c": (300, 200)}.items()
        ):
            make_still(folder / f"{still}.jpg", size, i)
        folders[name] = folder
    return folders


def _has_content(page: PageObject, foot: float) -> bool:
    """Text whose baseline is above ``foot`` (the frame's bottom), or any picture."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            found.append(cm[3] * tm[5] + cm[5])

    page.extract_text(visitor_text=visit)
    return any(y > foot for y in found) or bool(page.images)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", list(KITS))
def test_no_page_holds_only_the_footer(
    kits: dict[str, Path], kit: str, layout: str, tmp_path: Path
) -> None:
    result = build(kits[kit], BuildOptions(format="pdf", out=tmp_path, layout=layout))
    assert result.pdf is not None
    foot = load_layout(layout).page.margin_bottom
    pages = PdfReader(result.pdf).pages
    blank = [number for number, page in enumerate(pages, 1) if not _has_content(page, foot)]
    assert blank == [], f"blank pages {blank} of {len(pages)}"


def _top_line(page: PageObject) -> float:
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            found.append(round(cm[3] * tm[5] + cm[5], 1))

    page.extract_text(visitor_text=visit)
    return max(found)


def test_a_section_that_flows_onto_a_new_page_starts_on_the_pages_first_line(
    write_kit: Callable[[str], Path], tmp_path: Path
) -> None:
    """The space above a heading is dropped at the top of a page, as after a page break."""
    synopsis = " ".join(["A keeper waits at the lock for a barge that never comes."] * 41)
    kit = write_kit(
        f"title: The Last Lock\nsynopsis: {synopsis}\n"
        "release_dates:\n  - {territory: US, window: theatrical, date: 2026-01-01}\n"
        "cast:\n  - {id: ana, actor: Milena Smit, character: Ana}\n"
        "crew: {Director: Pat Director}\n"
    )
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None
    synopsis_page, flowed_page = PdfReader(result.pdf).pages[1:]
    assert "Synopsis" not in flowed_page.extract_text()
    assert _top_line(flowed_page) == _top_line(synopsis_page)
