"""A kit in French, and one in German, builds press notes in its language: the PDF's text
(read back with pypdf) holds the language's labels, its dates, its running time and its
quotation marks; a layout's `labels:` stand over them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from kitpress.pipeline import BuildOptions, build

from .conftest import SMALL_KIT, SYNOPSIS, make_still

NNBSP = "\u202f"


def _kit(tmp_path: Path, language: str) -> Path:
    kit = tmp_path / f"kit-{language}"
    kit.mkdir()
    text = f"language: {language}\n" + SMALL_KIT.replace(
        "logline: A family keeps", 'logline: A "family" keeps'
    )
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    (kit / "synopsis.md").write_text(SYNOPSIS, encoding="utf-8")
    make_still(kit / "stills" / "one.jpg", (1200, 800), 1)
    make_still(kit / "stills" / "Two Still.JPG", (600, 900), 2)
    make_still(kit / "stills" / "three.jpg", (1000, 700), 3)
    return kit


def _text(kit: Path, out: Path, layout: str = "default") -> str:
    result = build(kit, BuildOptions(format="pdf", out=out, layout=layout))
    assert result.pdf is not None
    return "\n".join(page.extract_text() for page in PdfReader(result.pdf).pages)


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("fr")
    return _text(_kit(tmp, "fr"), tmp / "out")


def test_a_french_kit_prints_french_labels(french: str) -> None:
    for words in (
        "Dossier de presse",
        "Caractéristiques techniques",  # the specs box, the one crew row merged into it
        "BANDE-ANNONCE",  # (one release date is a row of the technical details: no heading)
        "DURÉE",  # the technical details' labels are set in capitals
        "Sélection officielle — Un Certain Regard",
        "Kino Lorber présente",
    ):
        assert words in french, words
    assert "UN FILM DE GIORGOS LANTHIMOS" in french  # the cover's credit line, in capitals
    assert "Press kit" not in french and "Technical details" not in french


def test_a_french_kit_prints_french_dates_and_running_time(french: str) -> None:
    assert "29 octobre 2009" in french
    assert "Thursday" not in french and "October" not in french
    assert "1 h 37" in french


def test_a_french_kit_prints_french_quotation_marks(french: str) -> None:
    assert f"«{NNBSP}Startling.{NNBSP}»" in french  # the press quote
    assert f"«{NNBSP}family{NNBSP}»" in french  # quotes typed in the logline


def test_a_french_kit_captions_its_stills_in_french(french: str) -> None:
    flat = " ".join(french.split())
    assert "De gauche à droite" in flat and "dans Dogtooth & <Friends>." in flat  # italic
    assert "Avec l’aimable autorisation de Kino Lorber." in flat


def test_a_german_kit_prints_german_words_dates_and_quotes(tmp_path: Path) -> None:
    german = _text(_kit(tmp_path, "de"), tmp_path / "out")
    for words in (
        "Presseheft",
        "Technische Daten",
        "EIN FILM VON GIORGOS LANTHIMOS",
        "29. Oktober 2009",
        "97 Minuten",
        "„Startling.“",
        "„family“",
    ):
        assert words in german, words


def test_a_label_the_layout_overrides_is_printed(tmp_path: Path) -> None:
    layout = tmp_path / "storied"
    layout.mkdir()
    (layout / "layout.yaml").write_text(
        "extends: default\nlabels:\n  synopsis: Story\n  details: Le film en bref\n",
        encoding="utf-8",
    )
    text = _text(_kit(tmp_path, "fr"), tmp_path / "out", str(layout))
    assert "Story" in text and "Le film en bref" in text
    assert "Caractéristiques techniques" not in text and "Dossier de presse" in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "es",
            (
                "Dossier de prensa",
                "Datos técnicos",
                "29 de octubre de 2009",
                "97 minutos",
                "«Startling.»",
                "Kino Lorber presenta",
            ),
        ),
        (
            "it",
            (
                "Cartella stampa",
                "Scheda tecnica",
                "29 ottobre 2009",
                "97 minuti",
                "«Startling.»",
                "Selezione ufficiale — Un Certain Regard",
            ),
        ),
        (
            "pt",
            (
                "Dossier de imprensa",
                "Dados técnicos",
                "29 de outubro de 2009",
                "97 minutos",
                "“Startling.”",
                "Cortesia de Kino Lorber.",
            ),
        ),
        (
            "en-US",
            (
                "Press kit",
                "Technical details",
                "October 29, 2009",
                "97 minutes",
                "“Startling.”",
                "Courtesy of Kino Lorber.",
            ),
        ),
    ],
)
def test_each_catalogue_language_prints_its_words_dates_and_quotes(
    tmp_path: Path, language: str, words: tuple[str, ...]
) -> None:
    text = " ".join(_text(_kit(tmp_path, language), tmp_path / "out").split())
    for said in words:
        assert said in text, said
