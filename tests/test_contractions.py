"""The words kitpress sets around a kit's names, joined as each language writes them: a
preposition meeting an article contracts (French, Italian), a French "de" elides before a
vowel, a decimal mark is the language's, and a crew member on set is named without a job
title that would need a gender."""

from __future__ import annotations

from pathlib import Path

import pytest

from kitpress.document.captions import caption_text
from kitpress.document.contractions import fill
from kitpress.document.formats import ratio
from kitpress.document.labels import labels_for
from kitpress.kit.model import Still, StillPerson
from kitpress.layout.caption_style import CaptionStyle


@pytest.mark.parametrize(
    ("character", "written"),
    [
        ("Le Sacristain", "dans le rôle du Sacristain"),
        ("Les Jumeaux", "dans le rôle des Jumeaux"),
        ("Ada Veen", "dans le rôle d’Ada Veen"),
        ("Isla", "dans le rôle d’Isla"),
        ("Élise", "dans le rôle d’Élise"),
        ("L’Inspecteur", "dans le rôle de l’Inspecteur"),
        ("Hester", "dans le rôle de Hester"),  # an h a name may aspirate: no elision
        ("La Mère", "dans le rôle de La Mère"),
        ("Tom Harrow", "dans le rôle de Tom Harrow"),
        ("Le", "dans le rôle de Le"),  # a name that is only the word
    ],
)
def test_a_french_role_contracts_and_elides(character: str, written: str) -> None:
    assert labels_for("fr").as_role(character) == written


def test_a_contraction_changes_only_where_the_template_meets_the_value() -> None:
    assert fill(
        "{people} sur le tournage de {title}.", "fr", people="Le Roi", title="LE MÉPRIS"
    ) == ("Le Roi sur le tournage du MÉPRIS.")
    assert fill("vu à {place}", "fr", place="Le Havre") == "vu au Havre"
    assert fill("vu à {place}", "fr", place="Les Lilas") == "vu aux Lilas"
    assert fill("de {x}", "fr", x="L’ÉCUME") == "de L’ÉCUME"  # a title in capitals stays so
    assert fill("nel ruolo di {c}", "it", c="Il Sagrestano") == "nel ruolo del Sagrestano"
    assert fill("nel ruolo di {c}", "it", c="Lo Straniero") == "nel ruolo dello Straniero"
    assert fill("sul set di {title}", "it", title="LA DOLCE VITA") == "sul set di LA DOLCE VITA"


@pytest.mark.parametrize("tag", ["en", "de", "es", "pt"])
def test_languages_whose_patterns_need_none_are_filled_as_written(tag: str) -> None:
    labels = labels_for(tag)
    assert labels.as_role("El Sacristán") == labels.as_character.format(character="El Sacristán")
    assert fill("de {t}", tag, t="El Padrino") == "de El Padrino"  # Spanish keeps titles whole


@pytest.mark.parametrize(
    ("tag", "written"),
    [("en", "1.85:1"), ("en-US", "1.85:1"), ("fr", "1,85:1"), ("de", "1,85:1"),
     ("es", "1,85:1"), ("it", "1,85:1"), ("pt", "1,85:1"), ("pt-BR", "1,85:1")],
)  # fmt: skip
def test_an_aspect_ratio_takes_the_languages_decimal_mark(tag: str, written: str) -> None:
    assert ratio("1.85:1", tag) == written
    assert ratio("16:9", tag) == "16:9"


def _on_set(style: CaptionStyle, language: str) -> str:
    still = Still(
        id="still-08",
        number=8,
        file=Path("still-08.jpg"),
        line=1,
        people=(
            StillPerson("Hester Vale", role="réalisation", on_set=True),
            StillPerson("Maren Oduya", on_set=True),
        ),
    )
    return caption_text(still, "La Dernière Écluse", style, language)


@pytest.mark.parametrize(
    ("tag", "written"),
    [
        ("fr", "Hester Vale (réalisation) et Maren Oduya sur le tournage de La Dernière "
         "Écluse."),
        ("de", "Hester Vale (réalisation) und Maren Oduya bei den Dreharbeiten zu La Dernière "
         "Écluse."),
        ("es", "Hester Vale (réalisation) y Maren Oduya en el rodaje de La Dernière Écluse."),
        ("it", "Hester Vale (réalisation) e Maren Oduya sul set di La Dernière Écluse."),
        ("pt", "Hester Vale (réalisation) e Maren Oduya nas filmagens de La Dernière Écluse."),
        ("en", "Réalisation Hester Vale and Maren Oduya on the set of LA DERNIÈRE ÉCLUSE."),
    ],
)  # fmt: skip
def test_crew_on_set_are_named_with_their_department_not_a_gendered_title(
    tag: str, written: str
) -> None:
    labels = labels_for(tag)
    assert _on_set(labels.caption_style(CaptionStyle()), tag) == written
