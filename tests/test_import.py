"""`kitpress import`: press pages in the distributor's plain-text form become kits that build.

The seed page is the user's example; three more pages in the same form are written here.
Outputs are read back with independent readers (csv and pypdf on the built ZIP).
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from kitpress.cli import main
from kitpress.errors import ImportProblem, KitError
from kitpress.importing import page_import
from kitpress.importing.caption_parser import parse_caption
from kitpress.importing.kit_writer import scalar
from kitpress.importing.page_import import ImportOptions, import_page
from kitpress.importing.press_page import PageLine
from kitpress.kit.load import load_kit
from kitpress.pipeline import BuildOptions, build
from kitpress.reading.marked_yaml import Mapping, Scalar, load

from .conftest import EXAMPLE_KIT, make_still

SEED_TEXT = """\
Parallel Mothers


Synopsis

Two women, Janis and Ana, coincide in a hospital room where they are going to give birth. Both are single and became pregnant by accident. Janis, middle-aged, doesn’t regret it and she is exultant. The other, Ana, an adolescent, is scared, repentant and traumatized. Janis tries to encourage her while they move like sleepwalkers along the hospital corridors. The few words they exchange in these hours will create a very close link between the two, which by chance develops and complicates, and changes their lives in a decisive way.

Home Entertainment Release Date

Tuesday, April 05, 2022
Original Languages: Spanish
Genre: Drama
Running Time: 120
Year: 2021

CREDITS

CAST
Penélope Cruz
Rossy de Palma
DIRECTED BY
Pedro Almodóvar

TRAILER


PHOTOS

L to R: Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL MOTHERS. © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.
L to R: Rossy de Palma as Elena, Israel Elejalde as Arturo, Penélope Cruz as Janis, Milena Smit as Ana in PARALLEL MOTHERS. © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.
L to R: Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL MOTHERS. © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.
L to R; Milena Smit as Ana, Penélope Cruz as Janis, Pedro Almodóvar (director) in PARALLEL MOTH-ERS. © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.
L to R: Penélope Cruz as Janis, Milena Smit as Ana in PARALLEL MOTHERS. © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.
Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL MOTHERS. © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics
L to R: Milena Smit as Ana, Aitana Sánchez-Gijón as Teresa in PARALLEL MOTHERS. © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.
L to R: Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL MOTHERS. © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.
Left to Right: Penélope Cruz, Pedro Almodóvar (Director). Photo Credit: El Deseo D.A. S.L.U., photo by Iglesias Mas. Courtesy of Sony Pictures Classics."""  # noqa: E501

PAIR = "L to R: Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL MOTHERS."
SEED_CAPTIONS = [
    PAIR,
    "L to R: Rossy de Palma as Elena, Israel Elejalde as Arturo, Penélope Cruz as Janis, "
    "Milena Smit as Ana in PARALLEL MOTHERS.",
    PAIR,
    # behind the scenes (the director in the picture): names only, "on the set of"
    "Milena Smit, Penélope Cruz and director Pedro Almodóvar on the set of PARALLEL MOTHERS.",
    "L to R: Penélope Cruz as Janis, Milena Smit as Ana in PARALLEL MOTHERS.",
    PAIR,
    "L to R: Milena Smit as Ana, Aitana Sánchez-Gijón as Teresa in PARALLEL MOTHERS.",
    PAIR,
    "Penélope Cruz and director Pedro Almodóvar on the set of PARALLEL MOTHERS.",
]
RIGHTS = "© El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics."
RIGHTS_9 = "© El Deseo D.A. S.L.U., photo by Iglesias Mas. Courtesy of Sony Pictures Classics."

SEED_LABEL = "parallel-mothers-press-page.txt"
SEED_WARNINGS = [
    ":32: stills[3]: warning: changed 'L to R;' to 'L to R:'",
    ":32: stills[3]: warning: changed 'MOTH-ERS' to 'MOTHERS' in the title",
    ":34: stills[5]: warning: added 'L to R:' before the 2 people named",
    ":34: stills[5]: warning: added the final period",
    ":37: stills[8]: warning: changed 'Left to Right:' to 'L to R:'",
    ":37: stills[8]: warning: changed '(Director)' to '(director)'",
    ":37: stills[8]: warning: read 'Photo Credit: El Deseo D.A. S.L.U.' as the copyright "
    "holder: '© El Deseo D.A. S.L.U.'",
    ":37: stills[8]: warning: added the film title: 'in PARALLEL MOTHERS.'",
    ":37: stills[8]: warning: 'Iglesias Mas' here and 'Iglesias Más' on line 29 look like one "
    "name spelt two ways; both kept as written",
]


def seed_page(where: Path) -> Path:
    """The user's example press page, byte for byte."""
    page = where / SEED_LABEL
    page.write_text(SEED_TEXT, encoding="utf-8")
    return page


def photos(where: Path, count: int, names: str = "still-{:02d}.jpg") -> Path:
    folder = where / "photos"
    for i in range(1, count + 1):
        make_still(folder / names.format(i), (240, 160), i)
    return folder


def built_captions(kit: Path, out: Path) -> tuple[list[dict[str, str]], str]:
    """The caption sheet rows and the PDF text of the ZIP that `build` makes of ``kit``."""
    result = build(kit, BuildOptions(format="zip", out=out))
    assert result.zip is not None
    with zipfile.ZipFile(result.zip) as archive:
        sheet = next(n for n in archive.namelist() if n.endswith("/captions.csv"))
        rows = list(csv.DictReader(io.StringIO(archive.read(sheet).decode("utf-8-sig"))))
        pdf = next(n for n in archive.namelist() if n.endswith(".pdf"))
        reader = PdfReader(io.BytesIO(archive.read(pdf)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return rows, text


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def seed_import(tmp_path: Path) -> tuple[Path, list[str]]:
    page = seed_page(tmp_path)
    options = ImportOptions(photos(tmp_path, 9), tmp_path / "kit", territory="US")
    result = import_page(page, options)
    return tmp_path / "kit", [str(w) for w in result.warnings]


def test_seed_page_builds_the_seeds_nine_captions_in_house_style(
    seed_import: tuple[Path, list[str]], tmp_path: Path
) -> None:
    kit, _ = seed_import
    rows, pdf = built_captions(kit, tmp_path / "out")
    assert [row["caption"] for row in rows] == SEED_CAPTIONS
    assert [row["credits"] for row in rows] == [RIGHTS] * 8 + [RIGHTS_9]
    assert rows[1]["people"] == "Rossy de Palma; Israel Elejalde; Penélope Cruz; Milena Smit"
    for caption in SEED_CAPTIONS:
        assert caption in pdf
    # the eight stills' common rights line is set once, under the Stills heading; the ninth's own
    assert pdf.count(RIGHTS) == 1 and pdf.count(RIGHTS_9) == 1


def test_seed_page_reports_each_deviation_from_the_house_style(
    seed_import: tuple[Path, list[str]],
) -> None:
    _, warnings = seed_import
    assert warnings == [SEED_LABEL + line for line in SEED_WARNINGS]


def test_seed_kit_says_what_the_hand_written_example_says(
    seed_import: tuple[Path, list[str]],
) -> None:
    imported, _ = load_kit(seed_import[0])
    example, _ = load_kit(EXAMPLE_KIT)
    for name in ("title", "year", "languages", "genres", "runtime", "releases", "rights"):
        assert getattr(imported, name) == getattr(example, name), name
    assert imported.crew == example.crew
    assert {(c.actor, c.character) for c in imported.cast} == {
        (c.actor, c.character) for c in example.cast
    }
    assert imported.synopsis and example.synopsis
    assert imported.synopsis.markdown == example.synopsis.markdown
    people = [[(p.name, p.character, p.role) for p in s.people] for s in imported.stills]
    assert people == [[(p.name, p.character, p.role) for p in s.people] for s in example.stills]
    # Still 9: the page spells the photographer 'Iglesias Mas'; kept as written (and warned).
    assert imported.stills[8].rights.copyright == "El Deseo D.A. S.L.U."
    assert imported.stills[8].rights.photographer == "Iglesias Mas"
    assert [s.rights for s in imported.stills[:8]] == [s.rights for s in example.stills[:8]]


def test_seed_kit_yaml_is_commented_block_style_and_keeps_the_page_captions(
    seed_import: tuple[Path, list[str]],
) -> None:
    text = (seed_import[0] / "kit.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# Imported by `kitpress import` from {SEED_LABEL} (a press page)")
    assert "{" not in text and "[" not in text  # block style throughout
    assert "  - file: stills/still-09.jpg\n    people:\n      - cast: janis\n" in text
    assert "        in_character: false\n      - crew: Director\n    rights:\n" in text
    assert "  # page line 34: Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL" in text
    assert "    date: 2022-04-05\n" in text


DOGTOOTH = """\
Dogtooth (Κυνόδοντας)

Synopsis

A father & mother keep their three children inside the garden walls; anything < the fence is \
"dangerous", they say.

Theatrical Release Date

Thursday, October 29, 2009
Original Languages: Greek
Genre: Drama, Comedy
Running Time: 97 min
Year: 2009
Country: Greece

CREDITS

CAST
Christos Stergioglou
Aggeliki Papoulia
DIRECTED BY
Γιώργος Λάνθιμος

TRAILER

https://example.com/dogtooth?a=1&b=2

PHOTOS

L to R: Christos Stergioglou as Father, Aggeliki Papoulia as Older Daughter in DOGTOOTH. \
© Boo Productions & Friends, photo by Jiří Dvořák. Courtesy of Kino Lorber.
Aggeliki Papoulia as Older Daughter in DOGTOOTH. © Boo Productions & Friends, photo by \
Jiří Dvořák. Courtesy of Kino Lorber.
Γιώργος Λάνθιμος (director) in DOGTOOTH. © Boo Productions & Friends. Photo Credit: Jiří \
Dvořák. Courtesy of Kino Lorber.
"""
PORTRAIT = """\
Portrait de la jeune fille en feu

Synopsis

Bretagne, 1770. Marianne, peintre, doit réaliser le portrait de mariage d'Héloïse <sans \
qu'elle le sache>.

Sortie en salles Release Date

18 September 2019
Original Language: French
Genre: Drame / Romance
Running Time: 2h 2min
Year: 2019

CREDITS

CAST
Noémie Merlant as Marianne
Adèle Haenel as Héloïse
DIRECTED BY
Céline Sciamma

PHOTOS

Noémie Merlant as Marianne in PORTRAIT DE LA JEUNE FILLE EN FEU. Photo Credit: Claire Mathon. \
Courtesy of Pyramide & Co.
L to R: Adèle Haenel as Héloïse, Noémie Merlant as Marianne in PORTRAIT DE LA JEUNE FILLE EN \
FEU. © Lilies Films, photo by Claire Mathon. Courtesy of Pyramide & Co.
"""
LEVIATHAN = """\
Leviathan (Левиафан)

Synopsis

Kolya fights the corrupt mayor & his men <in Pribrezhny> for his house by the sea.

CREDITS

CAST
Алексей Серебряков
Елена Лядова
DIRECTED BY
Андрей Звягинцев

PHOTOS

L to R: Алексей Серебряков as Kolya, Елена Лядова as Lilya in LEVIATHAN. © Non-Stop \
Production & A <Company>, photo by Anna Matveeva. Courtesy of Sony Pictures Classics.
The whale skeleton on the shore in LEVIATHAN. © Non-Stop Production & A <Company>, photo by \
Anna Matveeva. Courtesy of Sony Pictures Classics.
Андрей Звягинцев (director). © Non-Stop Production & A <Company>, photo by Anna Matveeva. \
Courtesy of Sony Pictures Classics.
"""
OTHER_PAGES: dict[str, tuple[str, dict[str, object], list[tuple[str, str]]]] = {
    "dogtooth": (
        DOGTOOTH,
        {"title": "Dogtooth", "original_title": "Κυνόδοντας", "runtime": 97, "year": 2009},
        [
            (
                "L to R: Christos Stergioglou as Father, Aggeliki Papoulia as Older Daughter "
                "in DOGTOOTH.",
                "© Boo Productions & Friends, photo by Jiří Dvořák. Courtesy of Kino Lorber.",
            ),
            (
                "Aggeliki Papoulia as Older Daughter in DOGTOOTH.",
                "© Boo Productions & Friends, photo by Jiří Dvořák. Courtesy of Kino Lorber.",
            ),
            (
                "Director Γιώργος Λάνθιμος on the set of DOGTOOTH.",  # behind the scenes
                "© Boo Productions & Friends, photo by Jiří Dvořák. Courtesy of Kino Lorber.",
            ),
        ],
    ),
    "portrait": (
        PORTRAIT,
        {"title": "Portrait de la jeune fille en feu", "runtime": 122, "year": 2019},
        [
            (
                "Noémie Merlant as Marianne in PORTRAIT DE LA JEUNE FILLE EN FEU.",
                "Photo by Claire Mathon. Courtesy of Pyramide & Co.",
            ),
            (
                "L to R: Adèle Haenel as Héloïse, Noémie Merlant as Marianne in PORTRAIT DE LA "
                "JEUNE FILLE EN FEU.",
                "© Lilies Films, photo by Claire Mathon. Courtesy of Pyramide & Co.",
            ),
        ],
    ),
    "leviathan": (
        LEVIATHAN,
        {"title": "Leviathan", "original_title": "Левиафан"},
        [
            (
                "L to R: Алексей Серебряков as Kolya, Елена Лядова as Lilya in LEVIATHAN.",
                "© Non-Stop Production & A <Company>, photo by Anna Matveeva. Courtesy of Sony "
                "Pictures Classics.",
            ),
            (
                "The whale skeleton on the shore in LEVIATHAN.",
                "© Non-Stop Production & A <Company>, photo by Anna Matveeva. Courtesy of Sony "
                "Pictures Classics.",
            ),
            (
                "Director Андрей Звягинцев on the set of LEVIATHAN.",  # behind the scenes
                "© Non-Stop Production & A <Company>, photo by Anna Matveeva. Courtesy of Sony "
                "Pictures Classics.",
            ),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(OTHER_PAGES))
def test_other_press_pages_import_and_build_without_editing(name: str, tmp_path: Path) -> None:
    text, facts, expected = OTHER_PAGES[name]
    page = tmp_path / f"{name}.txt"
    page.write_text(text, encoding="utf-8")
    import_page(page, ImportOptions(photos(tmp_path, len(expected)), tmp_path / "kit"))
    kit, _ = load_kit(tmp_path / "kit")
    for key, value in facts.items():
        assert getattr(kit, key) == value
    rows, pdf = built_captions(tmp_path / "kit", tmp_path / "out")
    assert [(row["caption"], row["credits"]) for row in rows] == expected
    assert all(caption in pdf for caption, _ in expected)


def test_dogtooth_keeps_scripts_symbols_and_the_crew_member(tmp_path: Path) -> None:
    page = tmp_path / "dogtooth.txt"
    page.write_text(DOGTOOTH, encoding="utf-8")
    result = import_page(page, ImportOptions(photos(tmp_path, 3), tmp_path / "kit"))
    kit, _ = load_kit(tmp_path / "kit")
    assert kit.crew[0].names == ("Γιώργος Λάνθιμος",)
    assert kit.stills[2].people[0].role == "director"
    assert kit.trailer == "https://example.com/dogtooth?a=1&b=2"
    assert kit.countries == ("Greece",) and kit.genres == ("Drama", "Comedy")
    synopsis = (tmp_path / "kit" / "synopsis.md").read_text(encoding="utf-8")
    assert "A father & mother keep their three children inside the garden walls; anything <" in (
        synopsis
    )
    assert [str(w) for w in result.warnings] == [
        "dogtooth.txt:9: release_dates: warning: the page does not say where the 'Theatrical' "
        "release is; kept as a comment in kit.yaml (import with --territory to write it)",
        "dogtooth.txt:32: stills[2]: warning: changed 'Photo Credit: Jiří Dvořák' to "
        "'photo by Jiří Dvořák'",
    ]
    assert "# line 9: Theatrical release 2009-10-29" in (tmp_path / "kit" / "kit.yaml").read_text(
        encoding="utf-8"
    )


def test_unreadable_lines_are_kept_verbatim_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Film\n\nFestival Notes: Cannes 2021\n\nPHOTOS\n\n"
        "L to R: Ann Lee as Jo, Bo Kim as Al in FILM. © Studio. All rights reserved. "
        "Courtesy of X.\n",
        encoding="utf-8",
    )
    result = import_page(page, ImportOptions(photos(tmp_path, 1), tmp_path / "kit"))
    assert [str(w) for w in result.warnings] == [
        "page.txt:3: warning: not a detail kitpress knows; kept as a comment at the end of "
        "kit.yaml",
        "page.txt:7: stills[0]: warning: kept 'All rights reserved.' verbatim in the "
        "description (not a caption part)",
    ]
    kit, _ = load_kit(tmp_path / "kit")
    assert kit.stills[0].description == "All rights reserved."
    assert kit.stills[0].rights.over(kit.rights).copyright == "Studio"
    text = (tmp_path / "kit" / "kit.yaml").read_text(encoding="utf-8")
    assert "# line 3: Festival Notes: Cannes 2021\n" in text


def test_stills_pair_in_natural_name_order_with_any_case_extension(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    for i, name in enumerate(("b-10.JPG", "b-2.jpeg", "A-1.PNG", "c.TIFF", "d.webp")):
        make_still(folder / "tmp.jpg", (120, 80), i)
        (folder / "tmp.jpg").rename(folder / name)
    (folder / "notes.txt").write_text("not a still", encoding="utf-8")
    make_still(folder / ".hidden.jpg", (120, 80))
    page = tmp_path / "page.txt"
    captions = "\n".join(f"Ann Lee as Jo in FILM. © S, photo by P{i}." for i in range(5))
    page.write_text(f"Film\n\nPHOTOS\n{captions}\n", encoding="utf-8")
    import_page(page, ImportOptions(folder, tmp_path / "kit"))
    kit, _ = load_kit(tmp_path / "kit")
    assert [s.file.name for s in kit.stills] == [
        "A-1.PNG",
        "b-2.jpeg",
        "b-10.JPG",
        "c.TIFF",
        "d.webp",
    ]
    photographers = [s.rights.over(kit.rights).photographer for s in kit.stills]
    assert photographers == [f"P{i}" for i in range(5)]


def test_the_users_files_are_copied_never_touched(tmp_path: Path) -> None:
    page = seed_page(tmp_path)
    folder = photos(tmp_path, 9)

    def digest() -> dict[str, str]:
        files = [page, *sorted(folder.iterdir())]
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

    before = digest()
    import_page(page, ImportOptions(folder, tmp_path / "kit", force=True))
    assert digest() == before
    copied = tmp_path / "kit" / "stills" / "still-04.jpg"
    assert copied.read_bytes() == (folder / "still-04.jpg").read_bytes()


@pytest.mark.parametrize(
    ("stills", "message"),
    [
        (
            8,
            "9 captions but 8 stills in photos/: no still for the captions on lines 37 (kept as "
            "comments in kit.yaml)",
        ),
        (
            10,
            "9 captions but 10 stills in photos/: no caption for still-10.jpg (added to the kit "
            "without people)",
        ),
    ],
)
def test_a_count_mismatch_is_a_warning_listing_the_unpaired(
    stills: int, message: str, tmp_path: Path
) -> None:
    page = seed_page(tmp_path)
    result = import_page(page, ImportOptions(photos(tmp_path, stills), tmp_path / "kit"))
    assert f"{SEED_LABEL}: stills: warning: {message}" in [str(w) for w in result.warnings]
    kit, _ = load_kit(tmp_path / "kit")
    assert len(kit.stills) == stills
    text = (tmp_path / "kit" / "kit.yaml").read_text(encoding="utf-8")
    assert ("# line 37 (caption without a still): Left to Right:" in text) == (stills == 8)


def test_an_existing_kit_is_replaced_only_with_force(tmp_path: Path) -> None:
    page = seed_page(tmp_path)
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "kit.yaml").write_text("title: Mine\n", encoding="utf-8")
    options = ImportOptions(photos(tmp_path, 9), kit)
    with pytest.raises(ImportProblem) as caught:
        import_page(page, options)
    assert caught.value.lines() == [
        f"{kit / 'kit.yaml'}: a kit is already there; import with --force to replace it"
    ]
    assert (kit / "kit.yaml").read_text(encoding="utf-8") == "title: Mine\n"
    assert sorted(p.name for p in kit.iterdir()) == ["kit.yaml"]
    import_page(page, ImportOptions(options.stills, kit, force=True))
    assert load_kit(kit)[0].title == "Parallel Mothers"
    assert not list(kit.glob(".kitpress-*"))


def test_a_failed_import_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(target: Path) -> None:
        raise KitError([])

    monkeypatch.setattr(page_import, "load_kit", refuse)
    page = seed_page(tmp_path)
    folder = photos(tmp_path, 9)
    with pytest.raises(KitError):
        import_page(page, ImportOptions(folder, tmp_path / "kit"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [SEED_LABEL, "photos"]


def test_cli_import_exit_codes_and_exact_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    seed_page(tmp_path)
    photos(tmp_path, 9)
    missing = run("import", "nope.txt", "--stills", "photos", "--out", "kit")
    assert missing.exit_code == 2
    assert missing.stderr == "error: nope.txt: cannot read the page: No such file or directory\n"
    no_stills = run("import", SEED_LABEL, "--stills", "pics", "--out", "kit")
    assert no_stills.exit_code == 2
    assert no_stills.stderr == "error: pics: --stills: no such folder\n"
    done = run("import", SEED_LABEL, "--stills", "photos", "--out", "kit", "--territory", "US")
    assert done.exit_code == 0
    assert done.stdout == "wrote kit/kit.yaml (9 stills, 5 cast); then:\n  kitpress check kit\n"
    assert done.stderr.splitlines() == [SEED_LABEL + line for line in SEED_WARNINGS]
    again = run("import", SEED_LABEL, "--stills", "photos", "--out", "kit")
    assert again.exit_code == 2
    assert again.stderr == (
        "error: kit/kit.yaml: a kit is already there; import with --force to replace it\n"
    )
    forced = run("import", SEED_LABEL, "--stills", "photos", "--out", "kit", "--force")
    assert forced.exit_code == 0
    assert run("check", "kit").exit_code == 0


def test_a_control_character_on_the_page_is_a_located_error(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Film\n\nCAST\nAnn\x07 Lee\n", encoding="utf-8")
    with pytest.raises(ImportProblem) as caught:
        import_page(page, ImportOptions(photos(tmp_path, 1), tmp_path / "kit"))
    assert caught.value.lines() == ["page.txt:4: contains a control character (U+0007); remove it"]
    assert not (tmp_path / "kit").exists()


@given(st.text(max_size=30))
def test_any_text_is_written_so_that_it_reads_back_the_same(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kit.yaml"
        path.write_text(f"key: {scalar(text)}\n", encoding="utf-8")
        value = load(path, "kit.yaml", KitError)
    assert isinstance(value, Mapping)
    read = value.entries["key"]
    assert isinstance(read, Scalar) and read.text == text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Drama", "Drama"),
        ("Sight & Sound <1>", "Sight & Sound <1>"),
        ("NO", '"NO"'),
        ("16:9", '"16:9"'),
        ("2021", '"2021"'),
        ("- dash", '"- dash"'),
        ("key: value", '"key: value"'),
        ("& anchor", '"& anchor"'),
        ("", '""'),
    ],
)
def test_text_is_quoted_only_where_yaml_would_read_it_otherwise(text: str, written: str) -> None:
    assert scalar(text) == written


@pytest.mark.parametrize(
    ("line", "people", "rights", "notes"),
    [
        (
            "Ann Lee as herself, Bo Kim (producer) in FILM. (c) Films Inc. Courtesy of X Ltd.",
            [("Ann Lee", None, None, True), ("Bo Kim", None, "producer", False)],
            ("Films Inc.", None, "X Ltd."),
            ["added 'L to R:' before the 2 people named"],
        ),
        (
            "L-R: Ann Lee as Jo in Film. Photo Credit: J. Doe",
            [("Ann Lee", "Jo", None, False)],
            (None, "J. Doe", None),
            [
                "removed 'L-R:' (only one person is named)",
                "changed 'Photo Credit: J. Doe' to 'photo by J. Doe'",
                "changed 'Film' to 'FILM' (the title in capitals)",
                "added the final period",
            ],
        ),
    ],
)
def test_caption_parts_and_notes(
    line: str,
    people: list[tuple[str, str | None, str | None, bool]],
    rights: tuple[str | None, str | None, str | None],
    notes: list[str],
) -> None:
    parsed = parse_caption(PageLine(7, line), "Film", ("Film",), frozenset())
    assert [(p.name, p.character, p.role, p.as_self) for p in parsed.people] == people
    found = parsed.rights
    assert (found.copyright, found.photographer, found.courtesy) == rights
    assert parsed.notes == notes
