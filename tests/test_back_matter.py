"""Press notes' back matter (issue 13, part B): title art on the cover, a back cover with the
billing block, logos, © line, web site and press materials; contacts under any role;
festivals as press notes word them, with their own laurels; the lead quote and its stars;
the embargo on the cover, the inside front and in the stills; behind-the-scenes captions.

Everything is read back by an independent reader: pypdf for text, poppler's pdfimages for
the pixel size and effective ppi of placed artwork, exiftool for the stills' metadata."""

from __future__ import annotations

import json
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from pypdf.generic import ContentStream

from kitpress.document.captions import caption_text
from kitpress.kit.model import Still, StillPerson
from kitpress.layout.caption_style import CaptionStyle
from kitpress.pipeline import BuildOptions, BuildResult, build, check

from .conftest import SCREEN_PDF, check_errors, make_still, needs_exiftool, needs_poppler
from .test_print_profile import needs_cmyk_profile

LAYOUTS = ("default", "classic", "festival-letter", "minimal")
TITLE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 80">'
    '<rect x="0" y="70" width="400" height="6" fill="#d9a441"/>'
    '<path d="M10 60 L40 10 L70 60 Z M90 60 L90 10 L130 10 L130 60 Z" fill="#c0392b"/></svg>'
)
LOGO_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
    '<circle cx="50" cy="50" r="40" fill="#1d6f42" fill-opacity="0.8"/>'
    '<rect x="100" y="20" width="90" height="60" fill="#1d3557"/></svg>'
)
KIT = """\
title: The Last Lock
year: 2026
runtime: 101
presented_by: Lock Distribution
title_art: art/title.svg
logos:
  - {file: logos/lock-films.svg, name: Lock Films, role: production}
  - {file: logos/sales.png, name: Canal Sales, role: sales}
billing_block: "LOCK DISTRIBUTION presents a LOCK FILMS production\\nMILENA SMIT in THE LAST LOCK"
copyright_line: © 2026 Lock Films Ltd.
website: https://example.com/the-last-lock
press_materials: https://press.example.com/the-last-lock
embargo: {until: "2026-09-01T19:00:00+02:00", text: Reviews embargoed until 1 September 2026}
synopsis: A lock keeper waits for a barge that never comes.
cast:
  - {id: ana, actor: Milena Smit, character: Ana}
  - {id: eli, actor: Eli Stone, character: Eli}
crew:
  Director: Pat Director
contacts:
  - {role: UK Press, name: Una Press, email: una@example.com}
  - {role: world_sales, company: Canal Sales, email: sales@example.com}
  - {role: press, name: Ana Press}
festivals:
  - {name: Venice Film Festival, year: 2026, section: In Competition,
     award: Volpi Cup for Best Actress, laurel: laurels/venice.png}
  - {name: Locarno Film Festival, year: 2026, section: Official Selection – Piazza Grande}
quotes:
  - {text: "“Quietly devastating.”", source: Variety, author: Jo Critic, stars: 4}
  - {text: The film of the year., source: Sight & Sound, stars: 5, hero: true}
rights: {copyright: Lock Films, photographer: Pat Photo, courtesy: Lock Distribution}
stills:
  - {file: stills/one.jpg, people: [ana, eli]}
  - file: stills/two.jpg
    people: [{cast: ana, in_character: false}, {crew: Director}]
    description: at the lock gates
renditions: {print_long_edge: 2400}
"""
LOGO_PNG = (1200, 400)  # at 30 pt high on the back cover: 90 pt wide, 960 ppi
LAUREL_PNG = (600, 450)


def _png(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> None:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w * 0.05, h * 0.05, w * 0.95, h * 0.95), outline=(*colour, 255), width=w // 30)
    draw.rectangle((w * 0.4, h * 0.4, w * 0.6, h * 0.6), fill=(*colour, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG")


def write_back_matter_kit(kit: Path, text: str = KIT) -> Path:
    kit.mkdir(parents=True, exist_ok=True)
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    (kit / "art").mkdir(exist_ok=True)
    (kit / "art" / "title.svg").write_text(TITLE_SVG, encoding="utf-8")
    (kit / "logos").mkdir(exist_ok=True)
    (kit / "logos" / "lock-films.svg").write_text(LOGO_SVG, encoding="utf-8")
    _png(kit / "logos" / "sales.png", LOGO_PNG, (20, 20, 90))
    _png(kit / "laurels" / "venice.png", LAUREL_PNG, (200, 160, 60))
    make_still(kit / "stills" / "one.jpg", (2400, 1600), 1)
    make_still(kit / "stills" / "two.jpg", (2400, 1600), 2)
    return kit


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_back_matter_kit(tmp_path_factory.mktemp("back-matter") / "kit")


@pytest.fixture(scope="module")
def built(kit: Path, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    out = tmp_path_factory.mktemp("out")
    return build(kit, BuildOptions(format="pdf,print-pdf,zip", out=out))


def _pages(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@needs_cmyk_profile
def test_no_warnings_in_either_profile(built: BuildResult) -> None:
    assert [str(w) for w in built.warnings if w.severity != "note"] == []


@needs_cmyk_profile
def test_the_cover_sets_the_title_art_and_says_the_embargo(built: BuildResult) -> None:
    for pdf in (built.pdf, built.print_pdf):
        assert pdf is not None
        cover = _pages(pdf)[0]
        assert "The Last Lock" in cover  # under the art, as invisible text
        assert "THE LAST LOCK" not in cover  # the typeset (upper-case) title is not set
        assert "Reviews embargoed until 1 September 2026" in cover
        # the distributor's logo at the foot says who presents the film: not typeset too
        assert "Presented by" not in cover


@needs_cmyk_profile
def test_the_back_cover_closes_the_notes_without_a_folio(built: BuildResult) -> None:
    for pdf in (built.pdf, built.print_pdf):
        assert pdf is not None
        pages = _pages(pdf)
        back = pages[-1]
        for text in (
            "LOCK DISTRIBUTION presents a LOCK FILMS production MILENA SMIT in THE LAST LOCK",
            "https://example.com/the-last-lock",
            "Press materials: https://press.example.com/the-last-lock",
            "© 2026 Lock Films Ltd.",
        ):
            assert text in back
        # the billing block opens with who presents the film: not said again under it
        assert "PRESENTED BY" not in back
        assert "Press kit" not in back and str(len(pages)) not in back.split()
        assert [i for i, page in enumerate(pages) if "© 2026 Lock Films Ltd." in page] == [
            len(pages) - 1
        ]


def test_the_back_cover_links_are_live_on_screen(built: BuildResult) -> None:
    assert built.pdf is not None
    back = PdfReader(built.pdf).pages[-1]
    links = {a.get_object()["/A"]["/URI"] for a in back.get("/Annots", [])}
    assert links == {"https://example.com/the-last-lock", "https://press.example.com/the-last-lock"}


def test_contacts_take_any_role_known_roles_first_and_the_embargo(built: BuildResult) -> None:
    assert built.pdf is not None
    inside = _pages(built.pdf)[1]
    assert inside.index("Contacts") < inside.index("Reviews embargoed") < inside.index("WORLD")
    roles = ["WORLD SALES", "PRESS", "UK PRESS"]  # world_sales, press, then as written
    found = [inside.index(f"{role} ") for role in roles]
    assert found == sorted(found)
    assert "Press materials: https://press.example.com/the-last-lock" in inside


def test_the_hero_quote_leads_with_its_stars(built: BuildResult) -> None:
    assert built.pdf is not None
    page = next(p for p in _pages(built.pdf) if "Quietly devastating" in p and "Press" in p)
    assert page.index("“The film of the year.”") < page.index("“Quietly devastating.”")
    assert "““" not in page and "””" not in page
    assert "5 out of 5 stars" in page and "4 out of 5 stars" in page
    reader = PdfReader(built.pdf)
    index = next(i for i, p in enumerate(_pages(built.pdf)) if p == page)
    sizes = _font_sizes(reader, index)
    assert max(sizes) >= 1.35 * 13  # the lead quote at 1.4 × the layout's lead size


def _font_sizes(reader: PdfReader, index: int) -> list[float]:
    stream = ContentStream(reader.pages[index].get_contents(), reader)
    return [float(operands[1]) for operands, op in stream.operations if op == b"Tf"]


def test_festivals_read_as_press_notes_word_them(built: BuildResult) -> None:
    assert built.pdf is not None
    text = " ".join(_pages(built.pdf))
    assert "Winner — Volpi Cup for Best Actress Official Selection — In Competition" in text
    assert "Official Selection – Piazza Grande" in text  # already says so: as written
    assert "Official Selection — Official Selection" not in text


@needs_poppler
@needs_cmyk_profile
def test_png_art_at_its_pixels_and_ppi_svg_as_vectors(built: BuildResult) -> None:
    """The PNG logo and laurel are placed at their own pixels, sharp enough for the profile;
    the SVG art adds no image at all (it is paths)."""
    for pdf, ppi in ((built.pdf, 200), (built.print_pdf, 300)):
        assert pdf is not None
        rows = [r.split() for r in _run("pdfimages", "-list", str(pdf)).splitlines()[2:]]
        art = [r for r in rows if (int(r[3]), int(r[4])) in (LOGO_PNG, LAUREL_PNG)]
        laurels = [r for r in art if (int(r[3]), int(r[4])) == LAUREL_PNG]
        logos = [r for r in art if (int(r[3]), int(r[4])) == LOGO_PNG]
        assert len(laurels) == 2  # the cover and the festivals page
        assert [r[0] for r in logos] == ["1", str(len(PdfReader(pdf).pages))]  # cover and back
        assert all(min(int(r[12]), int(r[13])) >= ppi for r in art)
        assert all(r[5] == ("cmyk" if ppi == 300 else "rgb") for r in art)
        assert all(r[2] == "image" for r in art)  # no soft masks: flattened onto the paper


@needs_cmyk_profile
def test_print_art_is_cmyk_and_the_print_pdf_passes_preflight(built: BuildResult) -> None:
    """The SVG's RGB fills are CMYK in print (the build preflights, or it fails)."""
    assert built.print_pdf is not None
    reader = PdfReader(built.print_pdf)
    back = ContentStream(reader.pages[-1].get_contents(), reader).operations
    operators = {op for _, op in back}
    assert b"k" in operators and not operators & {b"rg", b"RG"}


def test_the_embargo_is_in_the_stills_usage_terms(kit: Path) -> None:
    document = check(kit, formats=SCREEN_PDF).document
    assert [e.metadata.usage_terms for e in document.stills] == [
        "Reviews embargoed until 1 September 2026"
    ] * 2


@needs_exiftool
def test_the_zip_carries_the_embargo_in_files_sheet_and_manifest(
    built: BuildResult, tmp_path: Path
) -> None:
    assert built.zip is not None
    with zipfile.ZipFile(built.zip) as archive:
        archive.extractall(tmp_path)
        sheet = next(n for n in archive.namelist() if n.endswith("captions.txt"))
        manifest = json.loads(
            archive.read(next(n for n in archive.namelist() if n.endswith(".json")))
        )
    still = next(tmp_path.rglob("the-last-lock_still-02_print.jpg"))
    tags = json.loads(_run("exiftool", "-j", "-G1", "-a", str(still)))[0]
    assert tags["XMP-xmpRights:UsageTerms"] == "Reviews embargoed until 1 September 2026"
    text = (tmp_path / sheet).read_text(encoding="utf-8").splitlines()
    assert text[2] == "Reviews embargoed until 1 September 2026"
    assert manifest["embargo"] == {
        "until": "2026-09-01T19:00:00+02:00",
        "text": "Reviews embargoed until 1 September 2026",
    }
    caption = "Milena Smit and director Pat Director at the lock gates on the set of THE LAST LOCK."
    assert tags["XMP-dc:Description"].startswith(caption)  # no "L to R:" on set


@needs_cmyk_profile
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_builds_the_back_matter_without_warnings(
    kit: Path, layout: str, tmp_path: Path
) -> None:
    result = build(kit, BuildOptions(format="pdf,print-pdf", out=tmp_path, layout=layout))
    assert [str(w) for w in result.warnings if w.severity != "note"] == []
    for pdf in (result.pdf, result.print_pdf):
        assert pdf is not None
        pages = _pages(pdf)
        assert "The Last Lock" in pages[0] and "© 2026 Lock Films Ltd." in pages[-1]


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        (
            (
                StillPerson("Penélope Cruz", cast_id="janis", on_set=True),
                StillPerson("Pedro Almodóvar", role="director", on_set=True),
            ),
            "Penélope Cruz and director Pedro Almodóvar on the set of PARALLEL MOTHERS.",
        ),
        (
            (
                StillPerson("Pedro Almodóvar", role="director", on_set=True),
                StillPerson("Penélope Cruz", cast_id="janis", on_set=True),
            ),
            "Director Pedro Almodóvar and Penélope Cruz on the set of PARALLEL MOTHERS.",
        ),
        (
            (
                StillPerson("Milena Smit", character="Ana", cast_id="ana"),
                StillPerson("Penélope Cruz", character="Janis", cast_id="janis"),
                StillPerson("Pedro Almodóvar", role="director", on_set=True),
            ),
            "Milena Smit, Penélope Cruz and director Pedro Almodóvar on the set of "
            "PARALLEL MOTHERS.",
        ),
        (
            (StillPerson("Pedro Almodóvar", role="director", on_set=True),),
            "Director Pedro Almodóvar on the set of PARALLEL MOTHERS.",
        ),
        (  # someone named with a role, not crew: as before
            (StillPerson("Ana Guest", role="producer"),),
            "Ana Guest (producer) in PARALLEL MOTHERS.",
        ),
    ],
)
def test_behind_the_scenes_captions_read_as_photo_desks_write_them(
    people: tuple[StillPerson, ...], expected: str
) -> None:
    still = Still("s", 1, Path("s.jpg"), 1, people=people)
    assert caption_text(still, "Parallel Mothers", CaptionStyle()) == expected


def test_a_description_goes_inside_a_behind_the_scenes_caption() -> None:
    people = (StillPerson("Pedro Almodóvar", role="director", on_set=True),)
    still = Still("s", 1, Path("s.jpg"), 1, people=people, description="At the hospital.")
    assert caption_text(still, "Parallel Mothers", CaptionStyle()) == (
        "Director Pedro Almodóvar at the hospital on the set of PARALLEL MOTHERS."
    )


@pytest.mark.parametrize(
    ("description", "style", "expected"),
    [
        ("on the set", CaptionStyle(), "Director Pedro Almodóvar on the set of PARALLEL MOTHERS."),
        ("On the set.", CaptionStyle(), "Director Pedro Almodóvar on the set of PARALLEL MOTHERS."),
        (
            "sur le tournage",
            CaptionStyle(on_set="{people} sur le tournage de {title}."),
            "Director Pedro Almodóvar sur le tournage de PARALLEL MOTHERS.",
        ),
    ],
)
def test_a_description_the_behind_the_scenes_form_says_already_is_not_said_twice(
    description: str, style: CaptionStyle, expected: str
) -> None:
    # kitpress init's skeleton gives {crew: Director} the description 'on the set', which
    # read 'on the set on the set of TITLE'
    people = (StillPerson("Pedro Almodóvar", role="director", on_set=True),)
    still = Still("s", 1, Path("s.jpg"), 1, people=people, description=description)
    assert caption_text(still, "Parallel Mothers", style) == expected


# Problems only the files themselves show: each one located line, exit status 2.
ART_PROBLEMS = [
    (
        "logos/sales.png",
        b"this is not a picture",
        "kit.yaml:8: logos[1].file: sales.png: cannot be read as a PNG image (damaged, or not "
        "an image)",
    ),
    (
        "logos/lock-films.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>",
        "kit.yaml:7: logos[0].file: lock-films.svg: is not valid SVG: mismatched tag: line 1, "
        "column 48",
    ),
    (
        "art/title.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 9 9'><text>Lock</text></svg>",
        "kit.yaml:5: title_art: title.svg: the SVG has live text (<text>): convert its text to "
        "outlines (paths) and export it again, so it prints in its own letters",
    ),
    (
        "art/title.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg' xmlns:x='http://www.w3.org/1999/xlink' "
        b"viewBox='0 0 9 9'><image x:href='https://example.com/t.png'/></svg>",
        "kit.yaml:5: title_art: title.svg: the SVG holds a bitmap (<image>): give the PNG "
        "itself, or an SVG of paths",
    ),
    (
        "art/title.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 9 9'>"
        b"<use href='shapes.svg#lock'/></svg>",
        "kit.yaml:5: title_art: title.svg: the SVG refers to another file or address "
        "('shapes.svg#lock'): make it self-contained",
    ),
    (
        "art/title.svg",
        b"<!DOCTYPE svg [<!ENTITY big 'xxxxxxxx'>]><svg>&big;</svg>",
        "kit.yaml:5: title_art: title.svg: the SVG declares a DTD or entities, which kitpress "
        "does not read (they can make a small file huge): export it again as plain SVG",
    ),
    (
        "art/title.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg'><path d='M0 0 L1 1'/></svg>",
        "kit.yaml:5: title_art: title.svg: the SVG gives no size: add a viewBox (or width and "
        "height)",
    ),
    (
        "laurels/venice.png",
        b"\xff\xd8\xff\xe0 not really a JPEG either",
        "kit.yaml:26: festivals[0].laurel: venice.png: cannot be read as a PNG image (damaged, "
        "or not an image)",
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "message"), ART_PROBLEMS, ids=[p[0] for p in ART_PROBLEMS]
)
def test_an_unreadable_artwork_file_is_one_located_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    kit = write_back_matter_kit(tmp_path / "kit")
    (kit / name).write_bytes(data)
    assert check_errors(kit) == [message]


def test_a_jpeg_named_png_says_what_it_holds(tmp_path: Path) -> None:
    kit = write_back_matter_kit(tmp_path / "kit")
    make_still(kit / "logos" / "sales.png")
    assert check_errors(kit) == [
        "kit.yaml:8: logos[1].file: sales.png: not a PNG file (it holds JPEG image data)"
    ]


@needs_cmyk_profile
def test_a_small_png_logo_is_a_warning_naming_file_and_ppi(tmp_path: Path) -> None:
    kit = write_back_matter_kit(tmp_path / "kit")
    _png(kit / "logos" / "sales.png", (180, 60), (20, 20, 90))  # 90 pt wide: 144 ppi
    screen = [str(w) for w in check(kit, formats="screen-pdf").warnings]
    printed = [str(w) for w in check(kit, formats="print-pdf").warnings]
    assert screen == [
        "kit.yaml:8: logos[1].file: warning: sales.png: 180 px wide, it prints at 144 ppi in "
        "the screen PDF (200 wanted); a larger file (or SVG) would be sharper"
    ]
    assert printed == [
        "kit.yaml:8: logos[1].file: warning: sales.png: 180 px wide, it prints at 144 ppi in "
        "the print PDF (300 wanted); a larger file (or SVG) would be sharper"
    ]


def test_without_back_matter_there_is_no_back_cover(
    write_kit: Callable[[str], Path], tmp_path: Path
) -> None:
    kit = write_kit("title: The Last Lock\nsynopsis: A lock keeper waits.\n")
    assert "back_cover" not in check(kit, formats=SCREEN_PDF).document.sections
    kit = write_kit("title: The Last Lock\ncopyright_line: © 2026 Lock Films Ltd.\n")
    assert "back_cover" not in check(kit, formats=SCREEN_PDF).document.sections  # one page
    kit = write_kit("title: The Last Lock\nsynopsis: Waits.\ncopyright_line: © 2026 Lock\n")
    assert check(kit, formats=SCREEN_PDF).document.sections[-1] == "back_cover"


def test_an_embargo_without_text_is_worded_from_its_moment(
    write_kit: Callable[[str], Path],
) -> None:
    kit = write_kit("title: The Last Lock\nembargo: {until: 2026-09-01T19:00:00+02:00}\n")
    document = check(kit, formats=SCREEN_PDF).document
    assert document.embargo == "Embargoed until 1 September 2026, 19:00 UTC+02:00"


def _draws_title_art(reader: PdfReader, index: int) -> bool:
    """Whether page ``index`` fills with the title art's red (#c0392b), in the screen PDF."""
    stream = ContentStream(reader.pages[index].get_contents(), reader)
    red = [round(float(v), 3) for v in (0xC0 / 255, 0x39 / 255, 0x2B / 255)]
    return any(
        op == b"rg" and [round(float(v), 3) for v in operands] == red
        for operands, op in stream.operations
    )


@pytest.mark.parametrize(
    ("mark", "on_back", "in_folio"),
    [
        ("back_cover", True, False),
        ("footer", False, True),
        ("none", False, False),
    ],
)
def test_the_title_mark_goes_where_the_layout_says(
    kit: Path, tmp_path: Path, mark: str, on_back: bool, in_folio: bool
) -> None:
    layout = tmp_path / "brand"
    layout.mkdir()
    (layout / "layout.yaml").write_text(
        f"extends: default\ncover: {{title_mark: {mark}}}\n", encoding="utf-8"
    )
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out", layout=str(layout)))
    assert result.pdf is not None
    reader = PdfReader(result.pdf)
    assert _draws_title_art(reader, 0)  # the cover's title art, always
    assert _draws_title_art(reader, len(reader.pages) - 1) is on_back
    assert _draws_title_art(reader, 1) is in_folio


def test_an_unknown_title_mark_is_a_layout_error(tmp_path: Path) -> None:
    from kitpress.errors import LayoutError
    from kitpress.layout.load import load_layout

    layout = tmp_path / "brand"
    layout.mkdir()
    (layout / "layout.yaml").write_text(
        "extends: default\ncover: {title_mark: spine}\n", encoding="utf-8"
    )
    with pytest.raises(LayoutError) as caught:
        load_layout(str(layout))
    assert caught.value.lines() == [
        "brand/layout.yaml:2: cover.title_mark: unknown title_mark 'spine' (known: back_cover, "
        "footer, none)"
    ]


def test_without_contacts_the_embargo_opens_the_praise(
    write_kit: Callable[[str], Path], tmp_path: Path
) -> None:
    kit = write_kit(
        "title: The Last Lock\nembargo: {until: 2026-09-01T19:00:00+02:00, text: Embargoed.}\n"
        "quotes:\n  - {text: Superb., source: Variety}\n"
    )
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None
    inside = _pages(result.pdf)[1]
    assert inside.index("Press") < inside.index("Embargoed.") < inside.index("“Superb.”")


GRADIENT_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><defs>'
    '<linearGradient id="g"><stop offset="0" stop-color="#ff0000"/>'
    '<stop offset="1" stop-color="#0000ff"/></linearGradient></defs>'
    '<rect width="200" height="100" fill="url(#g)"/></svg>'
)


@needs_cmyk_profile
def test_an_svg_gradient_is_cmyk_in_print(tmp_path: Path) -> None:
    """svglib draws an SVG gradient as an RGB shading; in print its colour stops go through
    the profile, and the preflight would refuse one left in RGB."""
    kit = write_back_matter_kit(tmp_path / "kit")
    (kit / "logos" / "lock-films.svg").write_text(GRADIENT_SVG, encoding="utf-8")
    result = build(kit, BuildOptions(format="pdf,print-pdf", out=tmp_path / "out"))
    assert result.pdf is not None and result.print_pdf is not None
    spaces = {}
    for name, pdf in (("screen", result.pdf), ("print", result.print_pdf)):
        shadings = PdfReader(pdf).pages[-1]["/Resources"]["/Shading"]
        spaces[name] = {s.get_object()["/ColorSpace"] for s in shadings.values()}
    assert spaces == {"screen": {"/DeviceRGB"}, "print": {"/DeviceCMYK"}}


def test_the_preflight_names_an_rgb_shading() -> None:
    from pypdf.generic import DictionaryObject, NameObject

    from kitpress.outputs.pdf.preflight import _shadings

    shading = DictionaryObject({NameObject("/ColorSpace"): NameObject("/DeviceRGB")})
    resources = DictionaryObject(
        {NameObject("/Shading"): DictionaryObject({NameObject("/Sh0"): shading})}
    )
    assert _shadings(resources) == ["shading /Sh0 is /DeviceRGB, not CMYK or grey"]


def test_an_opaque_png_on_the_cover_is_a_warning(tmp_path: Path) -> None:
    kit = write_back_matter_kit(tmp_path / "kit")
    Image.new("RGBA", LAUREL_PNG, (255, 255, 255, 255)).save(kit / "laurels" / "venice.png")
    warnings = [str(w) for w in check(kit, formats=SCREEN_PDF).warnings]
    assert warnings == [
        "kit.yaml:26: festivals[0].laurel: warning: venice.png: a PNG without transparency: "
        "its background prints as a box on the cover; export it with a transparent background "
        "(or as SVG)"
    ]
    both = [str(w) for w in check(kit, formats="screen-pdf,print-pdf").warnings]
    assert both == warnings  # said once, whichever PDFs are made
