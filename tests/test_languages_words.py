"""Every word kitpress sets, in the kit's language: the catalogues (every key English has, no
other, the same template fields), the nearest catalogue, a layout's `labels:`, the local
formats (Babel) and the quotation marks and French spacing of `document.typography`."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from pyphen import Pyphen

from kitpress.document.formats import long_date, names, number, running_time
from kitpress.document.labels import ENGLISH, labels_for
from kitpress.document.typography import curly_quotes, quotation
from kitpress.errors import LayoutError
from kitpress.layout.caption_style import CaptionStyle
from kitpress.layout.label_catalogue import (
    FLAT_GROUPS,
    GROUPS,
    allowed_fields,
    read_catalogue,
    shipped,
    template_fields,
)
from kitpress.layout.load import load_layout
from kitpress.outputs.pdf.render.styles import hyphenation_language
from kitpress.pipeline import check

from .conftest import SCREEN_PDF, make_still

NNBSP, NBSP = "\u202f", "\u00a0"
APRIL_5 = datetime.date(2022, 4, 5)


def test_kitpress_ships_a_catalogue_for_each_press_language() -> None:
    assert {"en", "en-GB", "en-US", "fr", "es", "de", "it", "pt"} <= set(shipped())


@pytest.mark.parametrize("tag", ["fr", "es", "de", "it", "pt"])
def test_a_language_catalogue_has_every_english_key_and_no_other(tag: str) -> None:
    english, words = read_catalogue("en"), read_catalogue(tag)
    for group in GROUPS:
        assert set(words[group]) == set(english[group]), (tag, group)


@pytest.mark.parametrize("tag", shipped())
def test_every_template_fills_only_the_fields_english_fills(tag: str) -> None:
    for group, words in read_catalogue(tag).items():
        for key, word in words.items():
            if group == "captions":
                continue  # checked against the caption style below
            texts = word if isinstance(word, tuple) else (word,)
            for text in texts:
                assert template_fields(text) <= allowed_fields(group, key), (tag, key, text)
            english = read_catalogue("en")[group][key]
            if isinstance(english, tuple):
                assert isinstance(word, tuple) and len(word) == len(english), (tag, key)


def test_a_regional_catalogue_holds_only_known_keys() -> None:
    english = read_catalogue("en")
    for tag in ("en-GB", "en-US"):
        for group, words in read_catalogue(tag).items():
            assert set(words) <= set(english[group]), (tag, group)


def test_the_flat_keys_a_layout_names_are_unambiguous() -> None:
    english = read_catalogue("en")
    keys = [key for group in FLAT_GROUPS for key in english[group]]
    assert len(keys) == len(set(keys))


def test_english_captions_are_the_caption_style_defaults() -> None:
    assert dict(ENGLISH.captions) == {k: getattr(CaptionStyle(), k) for k in ENGLISH.captions}
    assert set(ENGLISH.captions) == set(CaptionStyle.__dataclass_fields__) - {"title_upper"}


def test_english_words_are_those_kitpress_always_set() -> None:
    assert ENGLISH.sections["synopsis"] == "Synopsis"
    assert ENGLISH.facts["colour"] == "Colour"
    assert ENGLISH.film_by.format(directors="X") == "A film by X"
    assert ENGLISH.contact_role("world_sales") == "World sales"


def test_the_nearest_catalogue_is_used() -> None:
    assert labels_for("pt-BR").press_kit == labels_for("pt").press_kit == "Dossier de imprensa"
    assert labels_for("fr-CA").sections["details"] == "Caractéristiques techniques"
    assert labels_for("en-US").facts["colour"] == "Color"
    assert labels_for("en-GB").facts["colour"] == "Colour"
    assert labels_for("nl").press_kit == "Press kit"  # no Dutch catalogue: English
    assert labels_for("pt-BR").language == "pt-BR"


def test_french_labels_are_french_press_usage() -> None:
    french = labels_for("fr")
    assert french.press_kit == "Dossier de presse"
    assert french.official_selection == "Sélection officielle"
    assert french.film_by.format(directors="Agnès Varda") == "Un film de Agnès Varda"
    # the cast and crew lists as French press notes pair them, the specs box apart
    assert french.sections["cast"] == "Fiche artistique"
    assert french.sections["crew"] == french.sections["credits"] == "Fiche technique"
    assert french.sections["details"] == "Caractéristiques techniques"
    assert french.captions["courtesy"] == "Avec l’aimable autorisation de {name}."


def test_overrides_stand_over_any_label() -> None:
    labels = labels_for("fr", {"synopsis": "Histoire", "runtime": "Longueur", "trailer": "BA"})
    assert labels.sections["synopsis"] == "Histoire"
    assert labels.facts["runtime"] == "Longueur"
    assert labels.trailer == "BA"
    assert labels.sections["details"] == "Caractéristiques techniques"


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "5 April 2022"),
        ("en-GB", "5 April 2022"),
        ("en-US", "April 5, 2022"),
        ("fr", "5 avril 2022"),
        ("de", "5. April 2022"),
        ("es", "5 de abril de 2022"),
        ("it", "5 aprile 2022"),
        ("pt", "5 de abril de 2022"),
        ("xx", "5 April 2022"),  # no such language: English
    ],
)
def test_dates_are_the_languages_long_form_without_a_weekday(language: str, written: str) -> None:
    assert long_date(APRIL_5, language) == written


@pytest.mark.parametrize(
    ("language", "minutes", "written"),
    [
        ("en", 104, "104 minutes"),
        ("fr", 104, "1 h 44"),
        ("fr", 100, "1 h 40"),
        ("fr", 45, "45 min"),
        ("de", 100, "100 Minuten"),
        ("es", 104, "104 minutos"),
    ],
)
def test_running_time_is_written_as_the_languages_press_writes_it(
    language: str, minutes: int, written: str
) -> None:
    labels = labels_for(language)
    assert running_time(minutes, labels.minutes, labels) == written


def test_short_running_times() -> None:
    assert running_time(100, labels_for("de").minutes_short, labels_for("de")) == "100 Min."
    assert running_time(97, ENGLISH.minutes_short, ENGLISH) == "97 min"


def test_lists_and_numbers_follow_the_language() -> None:
    cast = ["Penélope Cruz", "Milena Smit"]
    assert names(cast, "fr") == "Penélope Cruz et Milena Smit"
    assert names(cast, "de") == "Penélope Cruz und Milena Smit"
    assert names(["A", "B", "C"], "en") == "A, B and C"  # British: no serial comma
    assert number(1234.5, "fr") == f"1{NNBSP}234,5"
    assert number(1234.5, "de") == "1.234,5"


@pytest.mark.parametrize(
    ("language", "typed", "set_as"),
    [
        ("en", '"Yes," she said. Don\'t.', "“Yes,” she said. Don’t."),
        ("fr", 'Il dit "oui" à l\'ami.', f"Il dit «{NNBSP}oui{NNBSP}» à l’ami."),
        ("fr", "« Déjà » vu", f"«{NNBSP}Déjà{NNBSP}» vu"),
        ("fr", 'Un "a "b" c" d', f"Un «{NNBSP}a “b” c{NNBSP}» d"),
        ("de", "Er sagt \"ja\" und 'nein', geht's?", "Er sagt „ja“ und ‚nein‘, geht’s?"),
        ("es", 'Dijo "hola "tú" ya"', "Dijo «hola “tú” ya»"),
        ("it", 'Disse "ciao"', "Disse «ciao»"),
        ("pt", 'Disse "olá"', "Disse “olá”"),
        ("nl", 'Hij zei "ja"', 'Hij zei "ja"'),  # no rules known: as typed
    ],
)
def test_quotation_marks_are_the_languages(language: str, typed: str, set_as: str) -> None:
    assert curly_quotes(typed, language) == set_as


def test_french_punctuation_takes_its_no_break_spaces() -> None:
    typed = "Quoi? Vraiment ! Enfin; voilà: fin"
    assert curly_quotes(typed, "fr") == (
        f"Quoi{NNBSP}? Vraiment{NNBSP}! Enfin{NNBSP}; voilà{NBSP}: fin"
    )


def test_french_spacing_leaves_addresses_times_ratios_and_entities_alone() -> None:
    typed = "https://example.fr/?q=1 à 10:30, en 2.39:1, AT&amp;T `a:b`"
    assert curly_quotes(typed, "fr") == typed


def test_a_press_quote_is_set_in_the_languages_marks() -> None:
    assert quotation("Magistral.", "fr") == f"«{NNBSP}Magistral.{NNBSP}»"
    assert quotation("Meisterhaft.", "de") == "„Meisterhaft.“"
    assert quotation("Masterful.", "en") == "“Masterful.”"


def _layout(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "worded"
    folder.mkdir()
    (folder / "layout.yaml").write_text(f"extends: default\n{text}", encoding="utf-8")
    return folder


def test_a_layouts_labels_are_read(tmp_path: Path) -> None:
    folder = _layout(tmp_path, "labels:\n  synopsis: Story\n  film_by: A {directors} picture\n")
    layout = load_layout(str(folder))
    assert dict(layout.labels) == {"synopsis": "Story", "film_by": "A {directors} picture"}


def test_an_unknown_label_is_a_located_error_with_the_nearest_key(tmp_path: Path) -> None:
    folder = _layout(tmp_path, "labels:\n  synopsys: Story\n")
    with pytest.raises(LayoutError) as caught:
        load_layout(str(folder))
    assert caught.value.lines() == [
        "worded/layout.yaml:3: labels.synopsys: unknown key 'synopsys' (did you mean 'synopsis'?)"
    ]


def test_a_label_with_a_field_english_has_not_is_a_located_error(tmp_path: Path) -> None:
    folder = _layout(tmp_path, "labels:\n  film_by: A film by {director}\n")
    with pytest.raises(LayoutError) as caught:
        load_layout(str(folder))
    assert caught.value.lines() == [
        "worded/layout.yaml:3: labels.film_by: may use only {directors} "
        "(as in 'A film by {directors}')"
    ]


def test_a_layouts_caption_words_stand_over_the_languages(tmp_path: Path) -> None:
    folder = _layout(tmp_path, "captions:\n  courtesy: 'Avec l’accord de {name}.'\n")
    layout = load_layout(str(folder))
    style = labels_for("fr").caption_style(layout.captions, layout.caption_words)
    assert style.courtesy == "Avec l’accord de {name}."
    assert style.in_title == "{people} dans {title}."
    assert labels_for("fr").caption_style(CaptionStyle()).left_to_right == (
        f"De gauche à droite{NBSP}: "
    )


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("fr", "Sous embargo jusqu’au 1 septembre 2026 à 19:00 UTC+02:00"),
        ("de", "Sperrfrist bis 1. September 2026, 19:00 Uhr UTC+02:00"),
        ("en-US", "Embargoed until September 1, 2026, 19:00 UTC+02:00"),
    ],
)
def test_an_embargo_is_worded_in_the_kits_language(
    write_kit: Callable[[str], Path], language: str, line: str
) -> None:
    kit = write_kit(
        f"title: The Last Lock\nlanguage: {language}\n"
        "embargo: {until: 2026-09-01T19:00:00+02:00}\n"
    )
    assert check(kit, formats=SCREEN_PDF).document.embargo == line


def test_a_kit_in_german_captions_its_stills_in_german(write_kit: Callable[[str], Path]) -> None:
    kit = write_kit(
        "title: Die Schleuse\nlanguage: de\n"
        "cast:\n  - {id: ilse, actor: Maren Holt, character: Ilse}\n"
        "  - {id: joost, actor: Piet Aalders, character: Joost}\n"
        "rights: {copyright: Kanaal Films, photographer: Lotte Smit, courtesy: Verleih X}\n"
        "stills:\n  - {file: stills/a.jpg, people: [ilse, joost]}\n"
    )
    make_still(kit / "stills" / "a.jpg")
    caption = check(kit, formats=SCREEN_PDF).document.stills[0].caption
    assert (
        caption.text == "V. l. n. r.: Maren Holt als Ilse, Piet Aalders als Joost in Die Schleuse."
    )
    assert caption.markup.endswith(" in <i>Die Schleuse</i>.")  # a work's title in italics
    assert caption.rights == (
        "© Kanaal Films, Foto: Lotte Smit. Mit freundlicher Genehmigung von Verleih X."
    )


def test_a_list_label_needs_as_many_texts_as_english_has(tmp_path: Path) -> None:
    folder = _layout(tmp_path, "labels:\n  caption_sheet_columns: [file, caption]\n")
    with pytest.raises(LayoutError) as caught:
        load_layout(str(folder))
    [line] = caught.value.lines()
    assert line.startswith("worded/layout.yaml:3: labels.caption_sheet_columns: expected a list")
    assert "of 7 texts" in line


def test_a_contact_role_and_a_list_label_can_be_overridden(tmp_path: Path) -> None:
    columns = "[a, b, c, d, e, f, g]"
    folder = _layout(
        tmp_path, f"labels:\n  world_sales: Sales agent\n  caption_sheet_columns: {columns}\n"
    )
    layout = load_layout(str(folder))
    labels = labels_for("de", layout.labels)
    assert labels.contact_role("world_sales") == "Sales agent"
    assert labels.caption_sheet_columns == ("a", "b", "c", "d", "e", "f", "g")
    assert labels.contact_role("distributor") == "Verleih"


@pytest.mark.parametrize("tag", ["en", "en-US", "fr", "es", "de", "it", "pt", "pt-BR"])
def test_every_catalogue_language_hyphenates_by_its_own_dictionary(tag: str) -> None:
    dictionary = hyphenation_language(tag)
    assert dictionary.split("_")[0] == tag.split("-")[0]
    assert Pyphen(lang=dictionary).inserted("photographie") != "photographie"


@pytest.mark.parametrize("role", ["Réalisation", "Regie", "Dirección", "Regia", "Realização"])
def test_the_director_is_found_by_the_credit_each_language_gives(role: str) -> None:
    from kitpress.kit.model import is_director

    assert is_director(role) and not is_director("Montage")
