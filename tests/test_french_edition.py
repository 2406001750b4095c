"""The example kit's French edition (`the-last-lock --lang fr`) as a French press reader gets
it: the PDF's own text, read back with pypdf, holds French usage and no English kitpress set."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from pypdf import PdfReader

from kitpress.kit.load import load_kit
from kitpress.kit.translations import read_translation
from kitpress.pipeline import BuildOptions, build

from .conftest import REPO

KIT = REPO / "assets" / "the-last-lock"
SCRIPT = REPO / "scripts" / "make_example_art.py"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def french_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out: Path = tmp_path_factory.mktemp("fr")
    result = build(KIT, BuildOptions(format="pdf", out=out, language="fr"))
    return next(path for _, path in result.written if path.suffix == ".pdf")


@pytest.fixture(scope="module")
def french(french_pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(french_pdf).pages)


def _italic_text(pdf: Path, page_text: str) -> tuple[str, str]:
    """The text set in an italic font and all the text, of the pages holding ``page_text``."""
    italic: list[str] = []

    def visit(text: str, cm: object, tm: object, font: object, size: object) -> None:
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        if "Italic" in name:
            italic.append(text)

    pages = [p for p in PdfReader(pdf).pages if page_text in _words(p.extract_text())]
    text = " ".join(p.extract_text(visitor_text=visit) for p in pages)
    return _words(" ".join(italic)), _words(text)


def _words(text: str) -> str:  # lines joined: a phrase may be broken across two
    return " ".join(text.split())


def test_a_french_colon_follows_a_no_break_space_in_the_pdf_text(french: str) -> None:
    assert f"De gauche à droite{NBSP}:" in french  # the captions' house words
    assert f"photo{NBSP}: Ruth Amsel" in french
    assert f"saison{NBSP}: un bateau" in french  # the prose, through French typography
    assert re.findall(r"\w :(?!//)", french) == []  # no breakable space before a colon


def test_a_french_role_contracts_and_elides_in_the_pdf(french: str) -> None:
    words = _words(french)
    assert "dans le rôle du Sacristain" in words and "de Le Sacristain" not in words
    assert "dans le rôle d’Ada Veen" in words and "dans le rôle d’Isla" in words


def test_crew_on_set_are_captioned_with_their_department(french: str) -> None:
    words = _words(french)  # captions at a reading measure: a phrase may break a line
    assert "Hester Vale (réalisation) et Maren Oduya sur le tournage de" in words
    assert "Jonah Pike (image) et Hester Vale (réalisation)" in words
    assert "Réalisation Hester Vale" not in words
    assert "De gauche à droite : Hester Vale" not in words  # no line-up on the set


def test_captions_set_the_film_title_in_italics_not_capitals(french_pdf: Path) -> None:
    italic, text = _italic_text(french_pdf, "sur le tournage de")
    assert "sur le tournage de La Dernière Écluse." in text
    assert "LA DERNIÈRE ÉCLUSE" not in text
    assert italic.count("Écluse") >= 2  # each caption's title, in the italic face
    assert "tournage" not in italic  # the caption's own words stay upright


def test_french_numbers_and_section_names(french: str) -> None:
    assert "1,85:1" in french and "1.85:1" not in french
    assert "1 h 44" in french
    for heading in ("Fiche artistique", "Fiche technique", "Caractéristiques techniques"):
        assert heading in french, heading
    assert "Générique" not in french
    assert "Entretien avec Hester Vale" in french


# Words kitpress sets itself in an English press kit: none may reach the French one (the kit's
# own names and untranslated titles are its data, not kitpress's words).
ENGLISH_WORDS = (
    "Press kit", "Technical details", "Running time", "Aspect ratio", "Original title",
    "Release dates", "About the cast", "About the filmmakers", "Selected filmography",
    "Interview", "Production notes", "Festivals and awards", "Contacts and", "Crew",
    "Credits", "Cast", "Stills", "still", "as", "on the set of", "in", "Courtesy",
    "photo by", "L to R", "A film by", "Presented by", "Embargoed until", "Winner",
    "Official Selection", "out of 5 stars", "Trailer", "Scan for the trailer", "(short)",
)  # fmt: skip


def test_no_english_word_kitpress_sets_is_left_in_the_french_pdf(french: str) -> None:
    left = [w for w in ENGLISH_WORDS if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", french)]
    assert left == []
    assert not re.search(r"\d+ minutes", french)  # "1 h 44", not "104 minutes"


def test_the_interview_and_the_other_prose_keep_the_overlays_text(french: str) -> None:
    assert "Comment est né La Dernière Écluse" in french
    assert "Propos recueillis par Dara Fennimore" in french
    assert "Une histoire née sur le chemin de halage" in _words(french)  # a chapter, hung
    # in the side column: its lines wrap there
    assert "Where did" not in french and "A story from the towpath" not in french
    # French sets a film's title in italics: in capitals only in the billing block
    assert _words(french).count("LA DERNIÈRE ÉCLUSE") == 1
    assert "SALT ROADS" not in french and "Salt Roads" in french


def test_the_translated_title_names_the_original_and_retitles_the_filmographies(
    french: str,
) -> None:
    assert re.search(r"Titre original\s*The Last Lock", french, re.I)
    assert "2026 The Last Lock" not in french  # Hester Vale's filmography names it in French
    assert french.count("2026 La Dernière Écluse") >= 3


def _example_art() -> ModuleType:
    """scripts/make_example_art.py, which drew the example kit's title art (needs fontTools)."""
    pytest.importorskip("fontTools")
    spec = importlib.util.spec_from_file_location("make_example_art", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_french_cover_sets_the_french_title_art_made_as_the_english_one() -> None:
    kit, _ = load_kit(KIT)
    translation = read_translation(kit, "fr")
    french = translation.kit
    assert french.title_art is not None and french.title_art_on_dark is not None
    names = (french.title_art.file.name, french.title_art_on_dark.file.name)
    assert names == ("title.fr.svg", "title-on-dark.fr.svg")
    assert not [w for w in translation.warnings if w.path == "title"]  # its logotype is given
    art = _example_art()
    for name, made in (
        ("title.fr.svg", art.title_art(**art.FRENCH)),
        ("title-on-dark.fr.svg", art.title_art(art.LIGHT_INK, "#141211", **art.FRENCH)),
        ("title.svg", art.title_art()),  # the English one's bytes, as they were
    ):
        assert (KIT / "art" / name).read_text(encoding="utf-8") == made, name
    assert "<title>La Dernière Écluse</title>" in art.title_art(**art.FRENCH)
