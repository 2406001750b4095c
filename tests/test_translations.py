"""A kit in several languages: `kit.fr.yaml` overlays read and checked like kit.yaml, and
`--lang` builds: each language's PDF (its text, `/Lang`, XMP `dc:language`), one ZIP with
every language's PDF and caption sheet, and a site per language linked with hreflang."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from kitpress.cli import main
from kitpress.errors import KitError
from kitpress.kit.load import load_kit
from kitpress.kit.translations import in_language
from kitpress.outputs.html.output import alternates
from kitpress.pipeline import BuildOptions, build, check

from .conftest import REPO, SMALL_KIT, SYNOPSIS, make_still

LONG_SYNOPSIS = "long_synopsis: The garden is the world, and the world is a lie.\n"
FATHER = "{id: father, actor: Christos Stergioglou, character: Father"
KIT = SMALL_KIT.replace(FATHER, FATHER + ", bio: A stage actor.") + LONG_SYNOPSIS
FRENCH = """\
title: Canine
logline: Une famille garde ses enfants entre les murs du jardin.
synopsis: {file: synopsis.fr.md}
genres: [Drame, Comédie]
crew:
  Director: Réalisateur
cast:
  - {id: father, character: Le Père}
stills:
  - {file: stills/one.jpg, description: au jardin}
quotes:
  - {text: Saisissant.}
"""
FRENCH_SYNOPSIS = "Une famille *étrange* vit à l’écart du monde.\n"


def bilingual(kit: Path, french: str = FRENCH, translations: str = "[fr]") -> Path:
    """The small test kit, with a long synopsis, translated into French."""
    kit.mkdir()
    text = KIT + f"translations: {translations}\n"
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    (kit / "synopsis.md").write_text(SYNOPSIS, encoding="utf-8")
    make_still(kit / "stills" / "one.jpg", (600, 400), 1)
    make_still(kit / "stills" / "Two Still.JPG", (300, 450), 2)
    make_still(kit / "stills" / "three.jpg", (500, 350), 3)
    (kit / "kit.fr.yaml").write_text(french, encoding="utf-8")
    (kit / "synopsis.fr.md").write_text(FRENCH_SYNOPSIS, encoding="utf-8")
    return kit


def kit_line(key: str) -> int:
    """The line of ``key`` in the test kit's kit.yaml."""
    lines = KIT.splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.lstrip(" -{").startswith(key))


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def catalog_lang(path: Path) -> str:
    return str(PdfReader(path).trailer["/Root"]["/Lang"])


def xmp_languages(path: Path) -> list[str]:
    xmp = PdfReader(path).xmp_metadata
    assert xmp is not None
    return list(xmp.dc_language)


def errors_of(kit: Path) -> list[str]:
    with pytest.raises(KitError) as caught:
        check(kit, formats="screen-pdf")
    return caught.value.lines()


def test_the_overlay_translates_the_kit_and_keeps_what_is_the_same(tmp_path: Path) -> None:
    kit, _ = load_kit(bilingual(tmp_path / "kit"))
    french = in_language(kit, "fr")
    assert french.language == "fr"
    assert french.title == "Canine" and french.genres == ("Drame", "Comédie")
    assert french.synopsis is not None and french.synopsis.markdown == FRENCH_SYNOPSIS.strip()
    assert french.long_synopsis == kit.long_synopsis  # not translated: the kit's own
    assert french.runtime == 97 and french.cast[0].actor == "Christos Stergioglou"
    assert french.cast[0].character == "Le Père"
    assert french.directors == ("Giorgos Lanthimos",)  # still its director, in French
    assert french.stills[0].description == "au jardin"
    assert french.stills[0].people[1].character == "Le Père"  # the still names him in French
    assert french.stills[2].people[0].role == "réalisateur"
    assert french.quotes[0].text == "Saisissant." and french.quotes[0].source == "Sight & Sound"
    assert in_language(kit, "en") is kit


def test_every_text_field_the_overlay_lacks_is_a_located_warning(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    bilingual(kit, FRENCH.replace("title: Canine\n", ""))
    text = (kit / "kit.yaml").read_text(encoding="utf-8")
    extra = "colour: Colour\ncopyright_line: © 2009 Boo Productions\nbilling_block: BOO presents\n"
    text = text.replace("rights:\n", "rights:\n  usage: Editorial use only.\n") + extra
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def line(key: str) -> int:
        return next(n for n, written in enumerate(lines, 1) if written.startswith(key))

    said = [str(w) for w in check(kit, formats="screen-pdf").warnings if w.source == "kit.fr.yaml"]
    for key, where in (
        ("title", line("title:")),
        ("colour", line("colour:")),
        ("copyright_line", line("copyright_line:")),
        ("countries", line("countries:")),
        ("billing_block", line("billing_block:")),
        ("rights.usage", line("  usage:")),
    ):
        message = (
            f"kit.fr.yaml: warning: no {key} (kit.yaml:{where} has one): the French press kit "
            "prints it in English"
        )
        assert message in said, key
    assert not any("no genres" in w for w in said)  # the overlay translates them


def test_a_translated_title_makes_the_kits_own_the_original_title(tmp_path: Path) -> None:
    french = FRENCH + "title_art: art/titre.svg\nkey_art: art/affiche.jpg\n"
    kit_dir = bilingual(tmp_path / "kit", french.replace("title: Canine", "title: Canine, le film"))
    text = (
        (kit_dir / "kit.yaml")
        .read_text(encoding="utf-8")
        .replace("original_title: Κυνόδοντας\n", "")
    )
    text = text.replace(
        FATHER + ", bio: A stage actor.",
        FATHER + ", bio: A stage actor., filmography: [{year: 2009, title: "
        "'Dogtooth & <Friends>'}, {year: 2005, title: Kinetta}]",
    )
    (kit_dir / "kit.yaml").write_text(text + "title_art: art/title.svg\n", encoding="utf-8")
    (kit_dir / "art").mkdir()
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"/>'
    for name in ("title.svg", "titre.svg"):
        (kit_dir / "art" / name).write_text(svg, encoding="utf-8")
    make_still(kit_dir / "art" / "affiche.jpg", (400, 600), 4)
    kit, _ = load_kit(kit_dir)
    french_kit = in_language(kit, "fr")
    assert french_kit.original_title == "Dogtooth & <Friends>" and kit.original_title is None
    assert french_kit.title_art is not None and french_kit.title_art.file.name == "titre.svg"
    assert french_kit.key_art is not None and french_kit.key_art.name == "affiche.jpg"
    films = [f.title for f in french_kit.cast[0].profile.filmography]
    assert films == ["Canine, le film", "Kinetta"]  # the film's own title, translated
    assert kit.title_art is not None and kit.title_art.file.name == "title.svg"


def test_a_translated_title_without_its_title_art_is_set_as_type_with_a_warning(
    tmp_path: Path,
) -> None:
    kit_dir = bilingual(tmp_path / "kit")  # kit.fr.yaml: title: Canine, and no title_art
    text = (kit_dir / "kit.yaml").read_text(encoding="utf-8")
    (kit_dir / "kit.yaml").write_text(text + "title_art: art/title.svg\n", encoding="utf-8")
    (kit_dir / "art").mkdir()
    svg = (  # light ink, for the cover's dark ground
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100">'
        '<path fill="#f1ece2" d="M0 0H400V100H0Z"/></svg>'
    )
    (kit_dir / "art" / "title.svg").write_text(svg, encoding="utf-8")
    kit, _ = load_kit(kit_dir)
    assert in_language(kit, "fr").title_art is None and kit.title_art is not None
    checked = check(kit_dir, formats="screen-pdf")
    said = [str(w) for w in checked.warnings if "title_art" in w.message]
    assert said == [
        "kit.fr.yaml:1: title: warning: translated, but no title_art: the French cover sets "
        "'Canine' as type, not kit.yaml's title art of 'Dogtooth & <Friends>' (art/title.svg); "
        "give this language's logotype as title_art (or kit.yaml's file, to keep it)"
    ]
    out = tmp_path / "out"
    build(kit_dir, BuildOptions(format="pdf", out=out, language="all"))
    english, french = (
        PdfReader(out / f"dogtooth-friends_press-kit_{tag}.pdf").pages[0].extract_text()
        for tag in ("en", "fr")
    )
    # The French title typeset on the French cover (in capitals), no English title there …
    assert "CANINE" in french and "Dogtooth" not in french
    # … where the English cover sets the title art, the title as invisible text under it
    assert "Dogtooth & <Friends>" in english and "DOGTOOTH" not in english


def test_a_missing_translation_is_a_located_warning(tmp_path: Path) -> None:
    checked = check(bilingual(tmp_path / "kit"), formats="screen-pdf")
    said = [str(w) for w in checked.warnings if w.source == "kit.fr.yaml"]
    assert said == [
        f"kit.fr.yaml: warning: no long_synopsis (kit.yaml:{kit_line('long_synopsis:')} has "
        "one): the French press kit prints it in English",
        f"kit.fr.yaml: warning: no countries (kit.yaml:{kit_line('countries:')} has one): the "
        "French press kit prints it in English",
        f"kit.fr.yaml: warning: no languages (kit.yaml:{kit_line('languages:')} has one): the "
        "French press kit prints it in English",
        f"kit.fr.yaml: warning: no cast[0].bio (kit.yaml:{kit_line('id: father')} has one): "
        "the French press kit prints it in English",
    ]


def test_build_all_languages(tmp_path: Path) -> None:
    kit = bilingual(tmp_path / "kit")
    out = tmp_path / "out"
    result = build(kit, BuildOptions(format="pdf,zip,html", out=out, language="all"))
    english, french = (
        out / "dogtooth-friends_press-kit_en.pdf",
        out / "dogtooth-friends_press-kit_fr.pdf",
    )
    assert {p.name for p in out.glob("*.pdf")} == {english.name, french.name}
    # each PDF in its language: the translated text, the catalog's /Lang, XMP dc:language
    french_text = pdf_text(french)
    assert "Une famille étrange vit à l’écart du monde." in french_text
    assert "Une famille garde ses enfants" in french_text and "Le Père" in french_text
    assert "The garden is the world" in french_text  # untranslated: printed in English
    assert "Une famille" not in pdf_text(english)
    assert (catalog_lang(english), catalog_lang(french)) == ("en", "fr")
    assert (xmp_languages(english), xmp_languages(french)) == (["en"], ["fr"])
    # one ZIP: every language's PDF and caption sheet, the stills once
    archive = out / "dogtooth-friends_press-kit.zip"
    assert result.zip == archive
    with zipfile.ZipFile(archive) as opened:
        names = [n.removeprefix("dogtooth-friends_press-kit/") for n in opened.namelist()]
        captions = opened.read("dogtooth-friends_press-kit/captions_fr.txt").decode()
    assert [n for n in names if not n.startswith("stills-")] == [
        "captions_en.csv",
        "captions_en.txt",
        "captions_fr.csv",
        "captions_fr.txt",
        english.name,
        french.name,
        "manifest.json",
    ]
    assert len([n for n in names if n.startswith("stills-web/")]) == 3
    assert "(Le Père) au jardin dans Canine." in captions  # French words around the French
    # a site per language, each linking to every language's page
    main_page = (out / "site" / "index.html").read_text(encoding="utf-8")
    french_page = (out / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in main_page and '<html lang="fr">' in french_page
    assert '<meta property="og:locale" content="fr">' in french_page
    assert '<link rel="alternate" hreflang="fr" href="fr/index.html">' in main_page
    assert '<link rel="alternate" hreflang="en" href="../index.html">' in french_page
    assert '<a href="fr/index.html" hreflang="fr" lang="fr">fr</a>' in main_page
    assert f'href="downloads/{french.name}"' in french_page
    for still in ("still-01", "still-02", "still-03"):
        assert (
            out / "site" / "fr" / "stills" / "web" / f"dogtooth-friends_{still}_web.jpg"
        ).is_file()


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
def test_one_language_names_its_files_and_says_its_language(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(bilingual(tmp_path / "kit"), BuildOptions(format="pdf,zip", out=out, language="fr"))
    assert sorted(p.name for p in out.iterdir()) == [
        "dogtooth-friends_press-kit_fr.pdf",
        "dogtooth-friends_press-kit_fr.zip",
        "manifest.json",
    ]
    pdf = out / "dogtooth-friends_press-kit_fr.pdf"
    read = subprocess.run(
        ["exiftool", "-s3", "-XMP-dc:Language", str(pdf)], capture_output=True, text=True
    )
    assert read.stdout.strip() == "fr"
    with zipfile.ZipFile(out / "dogtooth-friends_press-kit_fr.zip") as opened:
        names = opened.namelist()
    assert "dogtooth-friends_press-kit_fr/captions_fr.csv" in names


def test_the_default_build_keeps_its_names(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(bilingual(tmp_path / "kit"), BuildOptions(format="pdf", out=out))
    pdf = out / "dogtooth-friends_press-kit.pdf"
    assert [p.name for p in out.glob("*.pdf")] == [pdf.name]
    assert catalog_lang(pdf) == "en" and xmp_languages(pdf) == ["en"]


def test_an_undeclared_language_is_a_usage_error(tmp_path: Path) -> None:
    kit = bilingual(tmp_path / "kit")
    done = CliRunner().invoke(
        main, ["build", str(kit), "--lang", "de", "--out", str(tmp_path / "o")]
    )
    assert done.exit_code == 2
    assert done.stderr.strip().endswith(
        "--lang: 'de' is not a language of this kit: choose from en, fr, or all"
    )
    assert not (tmp_path / "o").exists()


def test_an_overlay_for_an_undeclared_language_is_an_error(tmp_path: Path) -> None:
    kit = bilingual(tmp_path / "kit", translations="[]")
    assert errors_of(kit) == [
        "kit.fr.yaml: language 'fr' is not declared: add `translations: [fr]` to kit.yaml to "
        "build it"
    ]
    shutil.rmtree(kit)
    kit = bilingual(kit, translations="[fr]")
    (kit / "kit.fr-CA.yaml").write_text("title: Canine\n", encoding="utf-8")
    (kit / "kit.old.yaml").write_text("title: Dogtooth\n", encoding="utf-8")  # no language
    assert errors_of(kit) == [
        "kit.fr-CA.yaml: language 'fr-CA' is not in kit.yaml's translations: [fr] (did you "
        "mean kit.fr.yaml?)"
    ]


def test_a_declared_language_needs_its_overlay(tmp_path: Path) -> None:
    kit = bilingual(tmp_path / "kit")
    (kit / "kit.fr.yaml").unlink()
    line = len(KIT.splitlines()) + 1
    assert errors_of(kit) == [
        f"kit.yaml:{line}: translations: no kit.fr.yaml beside kit.yaml: its translations "
        "name 'fr', so the French text is expected there"
    ]


def test_keys_an_overlay_cannot_hold_are_located_errors(tmp_path: Path) -> None:
    french = FRENCH + "synopsys: Non.\nruntime: 97\ncast:\n  - {id: fathr, character: Papa}\n"
    french = french.replace("cast:\n  - {id: father, character: Le Père}\n", "")
    kit = bilingual(tmp_path / "kit", french)
    assert errors_of(kit) == [
        "kit.fr.yaml:11: synopsys: unknown key 'synopsys' (did you mean 'synopsis'?)",
        "kit.fr.yaml:12: runtime: 'runtime' is not translated: it is the same in every "
        "language, so it stays in kit.yaml only",
        "kit.fr.yaml:14: cast[0].id: no cast id 'fathr' in kit.yaml (did you mean 'father'?)",
    ]


def test_check_takes_the_language_too(tmp_path: Path) -> None:
    checked = check(bilingual(tmp_path / "kit"), formats="screen-pdf", language="all")
    assert [d.language for d in checked.documents] == ["en", "fr"]
    assert [d.name for d in checked.documents] == [
        "dogtooth-friends_press-kit_en",
        "dogtooth-friends_press-kit_fr",
    ]
    assert checked.documents[1].slug == checked.documents[0].slug  # the title is translated


@pytest.mark.parametrize("example", ["parallel-mothers", "the-last-lock"])
def test_the_example_kits_build_in_every_language_they_declare(
    example: str, tmp_path: Path
) -> None:
    kit_folder = REPO / "assets" / example
    kit, _ = load_kit(kit_folder)
    out = tmp_path / "out"
    build(kit_folder, BuildOptions(format="screen-pdf", out=out, language="all"))
    slug = check(kit_folder, formats="screen-pdf").document.slug
    for tag in (kit.language, *kit.translations):
        pdf = out / f"{slug}_press-kit_{tag}.pdf"
        assert (catalog_lang(pdf), xmp_languages(pdf)) == (tag, [tag])


def test_the_pages_link_by_address_when_the_layout_says_where_the_site_is() -> None:
    site = "https://press.example.com/canine/"
    languages = ("en", "fr", "pt-BR")
    assert alternates(languages, "fr", site) == [
        ("en", site),
        ("fr", "https://press.example.com/canine/fr/"),
        ("pt-BR", "https://press.example.com/canine/pt-BR/"),
    ]
    assert alternates(languages, "pt-BR") == [
        ("en", "../index.html"),
        ("fr", "../fr/index.html"),
        ("pt-BR", "../pt-BR/index.html"),
    ]
    assert alternates(("en",), "en", site) == []  # one language: no links to others


def test_entries_the_kit_does_not_have_are_located_errors(tmp_path: Path) -> None:
    french = FRENCH.replace("stills/one.jpg", "stills/on.jpg") + (
        "festivals:\n  - {section: Un Certain Regard}\n  - {section: Autre}\n"
        "crew: {Directr: Réalisateur}\n"
    )
    french = french.replace("crew:\n  Director: Réalisateur\n", "")
    assert errors_of(bilingual(tmp_path / "kit", french)) == [
        "kit.fr.yaml:8: stills[0].file: file not found: 'stills/on.jpg' (did you mean "
        "'stills/one.jpg'?)",
        "kit.fr.yaml:13: festivals[1]: kit.yaml's festivals has 1 entry: no entry 2 to "
        "translate (they are matched by position)",
        "kit.fr.yaml:14: crew.Directr: no crew role 'Directr' in kit.yaml (did you mean "
        "'Director'?)",
    ]


def test_a_still_listed_twice_is_translated_twice(tmp_path: Path) -> None:
    kit_folder = bilingual(tmp_path / "kit")
    text = (kit_folder / "kit.yaml").read_text(encoding="utf-8")
    twice = "  - file: stills/one.jpg\n    id: again\n    description: in the garden\n"
    (kit_folder / "kit.yaml").write_text(text.replace("presented_by:", twice + "presented_by:"))
    kit, _ = load_kit(kit_folder)
    french = in_language(kit, "fr")
    assert [s.id for s in french.stills] == [s.id for s in kit.stills]
    assert [s.description for s in french.stills if s.file.name == "one.jpg"] == ["au jardin"] * 2


def test_the_web_page_names_a_contact_role_in_its_language(tmp_path: Path) -> None:
    # the French PDF says 'Relations presse' for `role: press`; its web page did say 'press'
    out = tmp_path / "out"
    build(bilingual(tmp_path / "kit"), BuildOptions(format="html", out=out, language="all"))
    french = (out / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    english = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert '<p class="t-label">Relations presse</p>' in french
    assert '<p class="t-label">Press</p>' in english


def test_an_overlay_named_in_the_tags_case_as_written_is_read(tmp_path: Path) -> None:
    # `translations: [fr-ca]` is fr-CA; its overlay named as the user wrote it, kit.fr-ca.yaml,
    # was found on a Mac and Windows (names ignore case) and missing on Linux
    kit = bilingual(tmp_path / "kit", translations="[fr-ca]")
    (kit / "kit.fr.yaml").rename(kit / "kit.fr-ca.yaml")
    checked = check(kit, formats="screen-pdf", language="all")
    assert [d.kit.title for d in checked.documents] == ["Dogtooth & <Friends>", "Canine"]
    loaded, _ = load_kit(kit)
    assert in_language(loaded, "fr-CA").title == "Canine"


def test_contacts_roles_are_translated_by_their_place_in_kit_yaml_not_by_print_order() -> None:
    kit, _ = load_kit(REPO / "assets" / "the-last-lock")  # printed in another order than listed
    french = {c.company: c.role for c in in_language(kit, "fr").contacts}
    assert french["Fenwick & Lowe PR"] == "Presse Royaume-Uni"
    assert french["Studio Marée"] == "international_press"  # a known role: the catalogue's words
    assert [c.company for c in in_language(kit, "fr").contacts] == [c.company for c in kit.contacts]
