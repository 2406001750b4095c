"""How a caption sets the film's title: as the language's press usage does (capitals in
English, italics in French, Spanish, Italian, Portuguese and German), a layout's
`captions.title_style` over it, `title_upper: false` never in capitals. The italics are
paragraph markup for the PDF; every plain-text reader gets the title as written."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from kitpress.document.captions import as_markup, caption_text
from kitpress.document.labels import labels_for
from kitpress.document.styled_text import StyledText
from kitpress.errors import LayoutError
from kitpress.kit.model import Still, StillPerson
from kitpress.layout.caption_style import TITLE_STYLES, CaptionStyle
from kitpress.layout.label_catalogue import read_catalogue, shipped
from kitpress.layout.load import load_layout
from kitpress.outputs.pdf.render.text import escape


def _still(*people: StillPerson, description: str | None = None) -> Still:
    return Still("still-01", 1, Path("still-01.jpg"), 1, people, description)


ANA = StillPerson("Milena Smit", character="Ana", cast_id="ana")


def _layout(tmp_path: Path, captions: str) -> Path:
    folder = tmp_path / "house"
    folder.mkdir()
    text = f"extends: default\ncaptions:\n{captions}"
    (folder / "layout.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("tag", "sentence", "title"),
    [
        ("en", "Milena Smit as Ana in {}.", "MADRES PARALELAS"),
        ("en-US", "Milena Smit as Ana in {}.", "MADRES PARALELAS"),
        ("fr", "Milena Smit (Ana) dans {}.", "<i>Madres paralelas</i>"),
        ("es", "Milena Smit como Ana en {}.", "<i>Madres paralelas</i>"),
        ("it", "Milena Smit (Ana) in {}.", "<i>Madres paralelas</i>"),
        ("pt", "Milena Smit como Ana em {}.", "<i>Madres paralelas</i>"),
        ("de", "Milena Smit als Ana in {}.", "<i>Madres paralelas</i>"),
    ],
)
def test_each_language_sets_the_title_as_its_press_does(
    tag: str, sentence: str, title: str
) -> None:
    style = labels_for(tag).caption_style(CaptionStyle())
    caption = caption_text(_still(ANA), "Madres paralelas", style, tag)
    plain = title.removeprefix("<i>").removesuffix("</i>")
    assert caption == sentence.format(plain)  # the caption sheets' and embedded captions'
    assert as_markup(caption) == escape(caption) == sentence.format(title)  # the PDF's


def test_the_italics_cover_the_title_as_contracted() -> None:
    style = labels_for("fr").caption_style(CaptionStyle())
    piccoli = StillPerson("Michel Piccoli", on_set=True)
    caption = caption_text(_still(piccoli), "Le Mépris", style, "fr")
    assert caption == "Michel Piccoli sur le tournage du Mépris."
    assert as_markup(caption) == "Michel Piccoli sur le tournage du <i>Mépris</i>."


def test_every_catalogue_names_a_known_title_style() -> None:
    for tag in shipped():
        style = read_catalogue(tag)["captions"].get("title_style", "upper")
        assert style in TITLE_STYLES, tag
    assert read_catalogue("en")["captions"]["title_style"] == "upper"
    assert read_catalogue("fr")["captions"]["title_style"] == "italic"


def test_a_layouts_title_style_stands_over_the_languages(tmp_path: Path) -> None:
    layout = load_layout(str(_layout(tmp_path, "  title_style: italic\n")))
    style = labels_for("en").caption_style(layout.captions, layout.caption_words)
    caption = caption_text(_still(ANA), "Parallel Mothers", style, "en")
    assert as_markup(caption) == "Milena Smit as Ana in <i>Parallel Mothers</i>."


def test_title_upper_false_never_sets_capitals_and_leaves_italics_be(tmp_path: Path) -> None:
    layout = load_layout(str(_layout(tmp_path, "  title_upper: false\n")))
    for tag, markup in (
        ("en", "Milena Smit as Ana in Parallel Mothers."),
        ("fr", "Milena Smit (Ana) dans <i>Parallel Mothers</i>."),
    ):
        style = labels_for(tag).caption_style(layout.captions, layout.caption_words)
        assert as_markup(caption_text(_still(ANA), "Parallel Mothers", style, tag)) == markup


def test_an_unknown_title_style_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(LayoutError) as caught:
        load_layout(str(_layout(tmp_path, "  title_style: bold\n")))
    assert caught.value.lines() == [
        "house/layout.yaml:3: captions.title_style: expected one of upper, italic, plain "
        "(got 'bold')"
    ]


def test_a_caption_starts_with_a_capital_letter() -> None:
    style = labels_for("en").caption_style(CaptionStyle())
    towpath = _still(description="on the towpath")
    assert caption_text(towpath, "The Last Lock", style) == "On the towpath in THE LAST LOCK."
    crew = _still(StillPerson("Hester Vale", role="director", on_set=True), ANA)
    assert caption_text(crew, "The Last Lock", style).startswith("Director Hester Vale and ")


def test_styled_text_reads_as_plain_text_and_escapes_its_markup() -> None:
    text = StyledText("A & <B> in Tom & Jerry.", ((11, 22),))
    assert text == "A & <B> in Tom & Jerry." and text.upper() == "A & <B> IN TOM & JERRY."
    assert text.markup() == "A &amp; &lt;B&gt; in <i>Tom &amp; Jerry</i>."
    assert (
        escape(text) == text.markup()
        and escape(str(text)) == "A &amp; &lt;B&gt; in Tom &amp; Jerry."
    )
    copied = pickle.loads(pickle.dumps(text))
    assert copied == text and copied.italic == text.italic
    assert repr(text) != repr(str(text))  # a cache key over the document tells them apart
