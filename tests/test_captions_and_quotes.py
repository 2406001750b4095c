"""Captions read as one sentence in house style, quotes print with one pair of quotation
marks, and a quote with no publication is a warning in both `check` and `build`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from kitpress.document.captions import caption_text
from kitpress.kit.model import Still, StillPerson
from kitpress.kit.quotes import without_outer_quotes
from kitpress.layout.caption_style import CaptionStyle
from kitpress.pipeline import BuildOptions, build, check

from .conftest import SCREEN_PDF, make_still

ANA = StillPerson("Milena Smit", character="Ana")
JANIS = StillPerson("Penélope Cruz", character="Janis")


def _caption(description: str | None, *people: StillPerson) -> str:
    still = Still("s", 1, Path("s.jpg"), 1, people=people, description=description)
    return caption_text(still, "The Last Lock", CaptionStyle())


@pytest.mark.parametrize(
    ("description", "people", "expected"),
    [
        (
            "at the lock gates",
            (ANA, JANIS),
            "L to R: Milena Smit as Ana, Penélope Cruz as Janis at the lock gates in "
            "THE LAST LOCK.",
        ),
        ("At the lock gates.", (ANA,), "Milena Smit as Ana at the lock gates in THE LAST LOCK."),
        ("In Venice.", (ANA,), "Milena Smit as Ana in Venice in THE LAST LOCK."),
        ("At the lock gates.", (), "At the lock gates in THE LAST LOCK."),
        (None, (ANA,), "Milena Smit as Ana in THE LAST LOCK."),
    ],
)
def test_a_description_reads_in_the_caption_sentence(
    description: str | None, people: tuple[StillPerson, ...], expected: str
) -> None:
    assert _caption(description, *people) == expected


@pytest.mark.parametrize(
    ("typed", "bare"),
    [
        ('"A triumph."', "A triumph."),
        ("“A triumph.”", "A triumph."),
        ("‘A triumph.’", "A triumph."),
        ("'A triumph.'", "A triumph."),
        ("«\u202fUn triomphe.\u202f»", "Un triomphe."),
        ("« Un triomphe. »", "Un triomphe."),
        ("„Ein Triumph.“", "Ein Triumph."),
        ("»Ein Triumph.«", "Ein Triumph."),
        ("„Triumf.”", "Triumf."),
        ("”En triumf.”", "En triumf."),
        ("「傑作だ。」", "傑作だ。"),
        ("“A triumph”.", "A triumph."),
        ("“It’s a triumph.”", "It’s a triumph."),
        ("'It's a triumph.'", "It's a triumph."),
        ("“She says ‘no’ and means it.”", "She says ‘no’ and means it."),
        ("A triumph.", "A triumph."),
        ("“Startling,” says one; “funny,” says the other.", None),
        ("'Tis a triumph.", None),
        ("The “best” film", None),
        ('""', None),
    ],
)
def test_quotation_marks_typed_around_a_quote_are_dropped(typed: str, bare: str | None) -> None:
    assert without_outer_quotes(typed) == (typed if bare is None else bare)


QUOTES_KIT = """\
title: The Last Lock
cast:
  - {id: ana, actor: Milena Smit, character: Ana}
  - {id: janis, actor: Penélope Cruz, character: Janis}
quotes:
  - {text: "“A triumph.”", source: Variety}
  - {text: Startling., author: Pat Critic}
rights: {copyright: Lock Films, photographer: Pat Photo}
stills:
  - {file: a.jpg, people: [ana, janis], description: At the lock gates.}
"""
NO_SOURCE = (
    "kit.yaml:7: quotes[1]: warning: a quote with no publication: name it in `source:` "
    "(e.g. source: Variety)"
)


@pytest.fixture
def quotes_kit(write_kit: Callable[[str], Path]) -> Path:
    kit = write_kit(QUOTES_KIT)
    make_still(kit / "a.jpg")
    return kit


def test_a_quote_with_no_publication_is_a_warning_in_check_and_build(
    quotes_kit: Path, tmp_path: Path
) -> None:
    assert [str(w) for w in check(quotes_kit, formats=SCREEN_PDF).warnings] == [NO_SOURCE]
    result = build(quotes_kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert NO_SOURCE in [str(w) for w in result.warnings]


def test_quotes_and_captions_print_as_one_sentence_with_one_pair_of_marks(
    quotes_kit: Path, tmp_path: Path
) -> None:
    result = build(quotes_kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(result.pdf).pages).split())
    assert text.count("“A triumph.”") == 2  # the cover and the press page
    assert "““" not in text and "””" not in text
    assert (
        "L to R: Milena Smit as Ana, Penélope Cruz as Janis at the lock gates in THE LAST LOCK."
        in text
    )
