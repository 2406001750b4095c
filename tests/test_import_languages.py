"""`kitpress import --language fr|es`: a French or Spanish press page, read by its own
headings, becomes a kit that says which language it is written in."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from kitpress.cli import main
from kitpress.errors import ImportProblem
from kitpress.importing.facts import parse_date
from kitpress.importing.page_import import ImportOptions, import_page
from kitpress.importing.page_words import FRENCH, SPANISH
from kitpress.kit.load import load_kit

from .conftest import make_still

FRENCH_PAGE = """\
La Dernière Écluse (The Last Lock)

Synopsis :
Nell, éclusière sur un canal oublié, voit passer la dernière péniche de l’hiver.

Synopsis long
Quand le canal doit fermer, Nell refuse de quitter sa maison d’écluse.

Note d’intention
J’ai grandi au bord d’un canal.

FICHE TECHNIQUE
Titre original : The Last Lock
Durée : 1 h 38
Pays : Royaume-Uni, Norvège
Langue : anglais
Année : 2026
Format : 1,85
Son : Dolby 5.1

LISTE ARTISTIQUE
Maren Oduya (Nell)
Ilya Brask … Tom

LISTE TECHNIQUE
Réalisation : Hester Vale
Scénario : Hester Vale, Jonah Pike
Image : Sofie Lindqvist
Montage
Anna Korhonen
Son : Piet Aarden

ENTRETIEN AVEC HESTER VALE
Q : D’où vient le film ?
R : D’un chemin de halage.

NOTES DE PRODUCTION
Un canal à soi
Le tournage a duré six semaines, de l’aube au soir.

FESTIVALS
Estuary Film Festival 2026 – Compétition

CONTACTS PRESSE
Claire Dumas – claire@example.com

PHOTOS
Maren Oduya dans LA DERNIÈRE ÉCLUSE.
"""

SPANISH_PAGE = """\
La última esclusa

Sinopsis
Nell, guardesa de una esclusa olvidada, ve pasar la última barcaza del invierno.

FICHA TÉCNICA
Duración: 98 min
País: Reino Unido
Idioma: inglés
Sonido: Dolby 5.1

FICHA ARTÍSTICA
Maren Oduya como Nell

EQUIPO TÉCNICO
Dirección: Hester Vale
Guion: Hester Vale
Montaje: Anna Korhonen
Sonido: Piet Aarden

ENTREVISTA CON HESTER VALE
P: ¿De dónde viene la película?
R: De un camino de sirga.
"""


def _import(tmp_path: Path, text: str, language: str) -> tuple[Path, list[str]]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    make_still(tmp_path / "photos" / "01.jpg", (240, 160), 1)
    out = tmp_path / "kit"
    result = import_page(page, ImportOptions(tmp_path / "photos", out, language=language))
    return out, [str(w) for w in result.warnings]


def test_a_french_page_is_read_by_its_own_headings(tmp_path: Path) -> None:
    out, warnings = _import(tmp_path, FRENCH_PAGE, "fr")
    kit, _ = load_kit(out)
    assert kit.language == "fr"
    assert (kit.title, kit.original_title, kit.year) == (
        "La Dernière Écluse",
        "The Last Lock",
        2026,
    )
    assert (kit.runtime, kit.countries, kit.languages) == (
        98,
        ("Royaume-Uni", "Norvège"),
        ("anglais",),
    )
    assert (kit.aspect_ratio, kit.sound) == ("1,85", "Dolby 5.1")  # 'Son' with a format: a detail
    assert [(c.actor, c.character) for c in kit.cast] == [
        ("Maren Oduya", "Nell"),
        ("Ilya Brask", "Tom"),
    ]
    assert [(c.role, c.names) for c in kit.crew] == [
        ("Réalisation", ("Hester Vale",)),
        ("Scénario", ("Hester Vale", "Jonah Pike")),
        ("Image", ("Sofie Lindqvist",)),
        ("Montage", ("Anna Korhonen",)),  # a role on its own line, its name under it
        ("Son", ("Piet Aarden",)),  # 'Son' with a name: the sound crew
    ]
    synopsis = (out / "synopsis.md").read_text(encoding="utf-8")
    assert synopsis.startswith("Nell, éclusière sur un canal oublié")
    assert (out / "long-synopsis.md").read_text(encoding="utf-8").startswith("Quand le canal")
    assert "J’ai grandi" in (out / "directors-statement.md").read_text(encoding="utf-8")
    interview = (out / "interview.md").read_text(encoding="utf-8")
    assert "Q : D’où vient le film ?" in interview and "R : D’un chemin de halage." in interview
    notes = (out / "production-notes.md").read_text(encoding="utf-8")
    assert notes.startswith("## Un canal à soi\n\nLe tournage a duré six semaines")
    text = (out / "kit.yaml").read_text(encoding="utf-8")
    assert "\nlanguage: fr\n" in text
    assert "# line 42: Estuary Film Festival 2026 – Compétition" in text
    assert (
        "page.txt:42: warning: the import does not read this section yet; write it under "
        "festivals: in kit.yaml; kept as a comment at the end of kit.yaml"
    ) in warnings
    assert any(w.startswith("page.txt:45: warning:") and "contacts:" in w for w in warnings)


def test_a_spanish_page_is_read_by_its_own_headings(tmp_path: Path) -> None:
    out, _ = _import(tmp_path, SPANISH_PAGE, "es")
    kit, _ = load_kit(out)
    assert kit.language == "es"
    assert (kit.runtime, kit.countries, kit.sound) == (98, ("Reino Unido",), "Dolby 5.1")
    assert [(c.actor, c.character) for c in kit.cast] == [("Maren Oduya", "Nell")]
    assert [(c.role, c.names) for c in kit.crew] == [
        ("Dirección", ("Hester Vale",)),
        ("Guion", ("Hester Vale",)),
        ("Montaje", ("Anna Korhonen",)),
        ("Sonido", ("Piet Aarden",)),
    ]
    assert "De un camino de sirga." in (out / "interview.md").read_text(encoding="utf-8")


def test_a_regional_tag_reads_its_languages_page_and_is_kept(tmp_path: Path) -> None:
    out, _ = _import(tmp_path, FRENCH_PAGE, "fr-ca")
    kit, _ = load_kit(out)
    assert kit.language == "fr-CA" and kit.runtime == 98


def test_an_english_page_writes_no_language(tmp_path: Path) -> None:
    out, _ = _import(tmp_path, "The Last Lock\n\nSynopsis\nA lock.\n", "en")
    assert "language:" not in (out / "kit.yaml").read_text(encoding="utf-8")
    assert load_kit(out)[0].language == "en"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("de", "--language: kitpress reads press pages in en, es, fr, not 'de'"),
        ("français", "--language: 'français' is not a language tag (did you mean 'fr'?)"),
        ("Spanish", "--language: 'Spanish' is not a language tag (did you mean 'es'?)"),
        ("frenchy", "--language: 'frenchy' is not a language tag (e.g. en, fr, es, fr-CA)"),
    ],
)
def test_a_language_it_cannot_read_is_one_line(tmp_path: Path, language: str, message: str) -> None:
    with pytest.raises(ImportProblem) as raised:
        _import(tmp_path, FRENCH_PAGE, language)
    assert [str(i) for i in raised.value.issues] == [message]
    assert not (tmp_path / "kit").exists()


def test_the_command_takes_the_language(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(FRENCH_PAGE, encoding="utf-8")
    make_still(tmp_path / "photos" / "01.jpg", (240, 160), 1)
    out = tmp_path / "kit"
    args = ["import", str(page), "--language", "fr", "--stills", str(tmp_path / "photos")]
    result = CliRunner().invoke(main, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert load_kit(out)[0].language == "fr"
    refused = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "k2"), "--language", "de"])
    assert refused.exit_code != 0
    assert "--language: kitpress reads press pages in en, es, fr, not 'de'" in refused.output


RELEASES_FR = """\
La Dernière Écluse

Sortie en salles
Mercredi 12 mars 2027

FICHE TECHNIQUE
Sortie vidéo : 1er juillet 2027
Durée : 98 min
"""


def test_french_release_dates_under_a_heading_or_as_a_detail(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(RELEASES_FR, encoding="utf-8")
    make_still(tmp_path / "photos" / "01.jpg", (240, 160), 1)
    options = ImportOptions(tmp_path / "photos", tmp_path / "kit", "France", language="fr")
    import_page(page, options)
    kit, _ = load_kit(tmp_path / "kit")
    assert [(r.territory, r.window, r.date) for r in kit.releases] == [
        ("France", "Sortie en salles", datetime.date(2027, 3, 12)),
        ("France", "Sortie vidéo", datetime.date(2027, 7, 1)),
    ]
    assert kit.runtime == 98


@pytest.mark.parametrize(
    ("text", "months", "date"),
    [
        ("12 mars 2027", FRENCH.months, datetime.date(2027, 3, 12)),
        ("mercredi 1er décembre 2027", FRENCH.months, datetime.date(2027, 12, 1)),
        ("12 de marzo de 2027", SPANISH.months, datetime.date(2027, 3, 12)),
        ("miércoles, 3 de febrero de 2027", SPANISH.months, datetime.date(2027, 2, 3)),
        ("31 février 2027", FRENCH.months, None),  # no such day
        ("12 mars 2027", (), None),  # an English page knows no French months
    ],
)
def test_dates_in_a_pages_own_month_names(
    text: str, months: tuple[str, ...], date: datetime.date | None
) -> None:
    assert parse_date(text, months) == date
