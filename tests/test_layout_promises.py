"""Each shipped layout keeps the promise its `description:` makes: the fonts and colours its
inside pages actually use, read back from the built PDF, against the words of the description
("serif throughout", "sans throughout", "black sans type", "warm paper", "white paper",
"serif text with sans headings", "high contrast", "burgundy accents"). The covers are left
out: they are judged by the cover's own tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from kitpress.layout.discover import available
from kitpress.layout.load import load_layout
from kitpress.pipeline import BuildOptions, build

from .conftest import REPO

KIT = REPO / "assets" / "the-last-lock"  # every kind of page: questions, links, lists

Colour = tuple[float, float, float]
HEADING_SIZE = 18.0  # points: upright type this large on an inside page is a heading
NEUTRAL = 0.06  # an RGB colour whose channels differ by no more than this reads as grey


@dataclass(frozen=True)
class Used:
    """What the inside pages of one built PDF use."""

    fonts: set[str]  # font families, by glyph: "serif" or "sans" or the name when neither
    heading_fonts: set[str]
    body_fonts: set[str]
    text_colours: set[Colour]
    papers: set[Colour]  # fills that cover the whole page; none: the PDF's white


def _family(fontname: str) -> str:
    name = fontname.split("+")[-1]
    if "Serif" in name:
        return "serif"
    return "sans" if "Sans" in name else name


def _rgb(colour: object) -> Colour:
    values = tuple(float(v) for v in colour) if isinstance(colour, (tuple, list)) else ()
    if len(values) == 1:
        return (values[0],) * 3  # type: ignore[return-value]
    if len(values) == 3:
        return values  # type: ignore[return-value]
    return (0.0, 0.0, 0.0)


def used(pdf: Path) -> Used:
    fonts: set[str] = set()
    headings: set[str] = set()
    body: set[str] = set()
    colours: set[Colour] = set()
    papers: set[Colour] = set()
    with pdfplumber.open(pdf) as document:
        for page in document.pages[1:-1]:
            for char in page.chars:
                if not char["text"].strip():
                    continue
                family = _family(char["fontname"])
                fonts.add(family)
                heading = char["size"] >= HEADING_SIZE and "Italic" not in char["fontname"]
                (headings if heading else body).add(family)  # an italic display quote: text
                colours.add(tuple(round(v, 3) for v in _rgb(char["non_stroking_color"])))  # type: ignore[arg-type]
            for rect in page.rects:
                if rect["width"] >= 0.9 * page.width and rect["height"] >= 0.9 * page.height:
                    papers.add(_rgb(rect["non_stroking_color"]))
    return Used(fonts, headings, body, colours, papers)


def _luminance(colour: Colour) -> float:
    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: Colour, b: Colour) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _paper(use: Used) -> Colour:
    return next(iter(use.papers), (1.0, 1.0, 1.0))


def _darkest(use: Used) -> Colour:
    return min(use.text_colours, key=_luminance)


def _neutral(colour: Colour) -> bool:
    return max(colour) - min(colour) <= NEUTRAL


def _burgundy(colour: Colour) -> bool:
    red, green, blue = colour
    return red < 0.7 and red > 2 * green and red > 1.5 * blue


# A promise's words, and what the PDF must show for it: None when kept, else what is wrong.
PROMISES: dict[str, Callable[[Used], str | None]] = {
    "serif throughout": lambda u: None if u.fonts == {"serif"} else f"fonts {sorted(u.fonts)}",
    "sans throughout": lambda u: None if u.fonts == {"sans"} else f"fonts {sorted(u.fonts)}",
    "black sans type": lambda u: (
        None
        if u.fonts == {"sans"} and all(_neutral(c) for c in u.text_colours)
        else f"fonts {sorted(u.fonts)}, colours {sorted(u.text_colours)}"
    ),
    "serif text with sans headings": lambda u: (
        None
        if u.body_fonts >= {"serif"} and u.heading_fonts == {"sans"}
        else f"body {sorted(u.body_fonts)}, headings {sorted(u.heading_fonts)}"
    ),
    "warm paper": lambda u: (
        None
        if _paper(u) != (1.0, 1.0, 1.0) and _paper(u)[0] > _paper(u)[2]
        else f"paper {_paper(u)}"
    ),
    "white paper": lambda u: None if _paper(u) == (1.0, 1.0, 1.0) else f"paper {_paper(u)}",
    "high contrast": lambda u: (
        None
        if _contrast(_darkest(u), _paper(u)) >= 15
        else f"contrast {_contrast(_darkest(u), _paper(u)):.1f}:1"
    ),
    "burgundy accents": lambda u: (
        None if any(_burgundy(c) for c in u.text_colours) else f"colours {sorted(u.text_colours)}"
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Used]:
    found = {}
    for layout in sorted(available()):
        out = tmp_path_factory.mktemp(layout)
        result = build(KIT, BuildOptions(format="screen-pdf", out=out, layout=layout))
        assert result.pdf is not None
        found[layout] = used(result.pdf)
    return found


@pytest.mark.parametrize("layout", sorted(available()))
def test_each_layout_keeps_the_promises_of_its_description(
    built: dict[str, Used], layout: str
) -> None:
    description = load_layout(layout).description.lower()
    made = [words for words in PROMISES if words in description]
    assert made, f"{layout}: no promise this test can check in {description!r}"
    broken = {words: wrong for words in made if (wrong := PROMISES[words](built[layout]))}
    assert broken == {}


def test_a_broken_promise_is_seen() -> None:
    """The checks can fail: serif type in a sans layout, white paper called warm."""
    serif = Used({"serif", "sans"}, {"sans"}, {"serif"}, {(0.1, 0.1, 0.1)}, set())
    assert PROMISES["sans throughout"](serif) == "fonts ['sans', 'serif']"
    assert PROMISES["warm paper"](serif) == "paper (1.0, 1.0, 1.0)"
    assert PROMISES["black sans type"](serif) is not None
    assert PROMISES["serif text with sans headings"](serif) is None
