"""Unusual and hostile input: long and odd text, markup, scripts the fonts lack, and titles
that would make dangerous names (paths: test_hostile_paths.py).

Everything is generated in ``tmp_path``: symlinks, named pipes, stills. Kit-file cases that
are only YAML live in ``tests/data/kits/`` and are checked by test_kit_validation.py.
"""

from __future__ import annotations

import random
import re
import time
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from kitpress.cli import main
from kitpress.errors import KitError
from kitpress.kit.load import load_kit
from kitpress.pipeline import BuildOptions, build
from kitpress.stills.metadata import StillMetadata, save_jpeg

from .conftest import check_errors, make_still

MARKUP = 'AT&T <Cannes> <img src="x.png"/>'
FONTS = "(NotoSerif, NotoSans)"
COVER_IT = "configure a font that covers it in the layout (fonts:), or remove it"
COVER_THEM = "configure a font that covers them in the layout (fonts:), or remove them"
RIGHTS = "rights: {copyright: El Deseo, photographer: Iglesias Más}\n"


def write(kit: Path, text: str, **files: str) -> Path:
    kit.mkdir(parents=True, exist_ok=True)
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    for name, content in files.items():
        (kit / name).write_text(content, encoding="utf-8")
    return kit


def pages_text(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


TYPEWRITER = str.maketrans("“”‘’", "\"\"''")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- text ---------------------------------------------------------------------------------


def test_fifty_thousand_word_synopsis_lays_out(tmp_path: Path) -> None:
    rng = random.Random(6)
    vocabulary = ["the", "mother", "light", "Madrid", "remembers", "quietly", "shadow", "a", "of"]
    words = [rng.choice(vocabulary) for _ in range(50_000)]
    words[0], words[-1] = "Alphastart", "Omegaend."
    paragraphs = [" ".join(words[i : i + 150]) for i in range(0, len(words), 150)]
    kit = write(
        tmp_path / "kit",
        "title: Long\nlong_synopsis: {file: long.md}\n",
        **{"long.md": "\n\n".join(paragraphs)},
    )
    started = time.monotonic()
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert time.monotonic() - started < 120  # a sanity bound, not a speed test
    assert result.pdf is not None
    reader = PdfReader(result.pdf)
    assert 60 <= result.pages == len(reader.pages) <= 250  # about 500 words a page
    assert "Alphastart" in reader.pages[1].extract_text()
    assert "Omegaend." in reader.pages[-1].extract_text()


def test_five_thousand_character_word_is_split_across_lines(tmp_path: Path) -> None:
    word = "".join(random.Random(5).choice("abcdefghij") for _ in range(5000))
    kit = write(tmp_path / "kit", f"title: Word\nsynopsis: {word}\n")
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None
    text = re.sub(r"Word — Press kit\s*\d+", "", "".join(pages_text(result.pdf)[1:]))  # folios
    assert word in squeeze(text).replace("-", "")  # over two pages of lines, hyphenated


@pytest.mark.parametrize("size", [(1200, 800), (800, 1200)], ids=["landscape", "portrait"])
@pytest.mark.parametrize(
    "description",
    [
        pytest.param(" ".join(["words"] * 333), id="2000-characters-of-words"),
        pytest.param("w" * 2000, id="one-2000-character-word"),
    ],
)
def test_two_thousand_character_caption_stays_with_its_photo(
    tmp_path: Path, description: str, size: tuple[int, int]
) -> None:
    """The photo gives way (it is drawn smaller) so photo and caption share one page."""
    kit = write(
        tmp_path / "kit",
        f"title: Cap\n{RIGHTS}stills:\n  - file: stills/a.jpg\n    description: {description}\n",
    )
    make_still(kit / "stills" / "a.jpg", size)
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None
    reader = PdfReader(result.pdf)
    with_photo = [p for p in reader.pages[1:] if p.images]
    assert len(with_photo) == 1
    caption = description[:1].upper() + description[1:]  # a caption starts with a capital
    assert squeeze(caption) in squeeze(with_photo[0].extract_text())


def test_markup_prints_literally_in_every_field(tmp_path: Path) -> None:
    kit = write(
        tmp_path / "kit",
        f"title: '{MARKUP}'\n"
        f"logline: '<a href=\"javascript:alert(1)\">{MARKUP}</a>'\n"
        "synopsis: {file: synopsis.md}\n"
        f"cast:\n  - {{id: a, actor: '<font size=\"40\">{MARKUP}</font>', character: '&amp;'}}\n"
        f"crew:\n  '<b>Director</b>': '{MARKUP}'\n"
        f"festivals:\n  - {{name: '<i>Cannes</i>', section: '{MARKUP}', award: '<br/>'}}\n"
        f"quotes:\n  - {{text: '{MARKUP}', source: '<u>Variety</u>'}}\n"
        f"contacts:\n  - {{role: press, name: '{MARKUP}', company: '<para>PR</para>'}}\n"
        f"{RIGHTS}stills:\n  - file: stills/a.jpg\n    description: '{MARKUP}'\n",
        **{
            "synopsis.md": f"{MARKUP} [click](javascript:alert(1)) "
            "<javascript:alert(1)> [site](https://example.com/a?b=1&c=2) "
            '<a href="javascript:alert(2)">raw</a> [file](file:///etc/passwd)\n'
        },
    )
    make_still(kit / "stills" / "a.jpg", (600, 400))
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None
    text = " ".join(" ".join(pages_text(result.pdf)).split())
    text = text.translate(TYPEWRITER)  # the user's quotes are typeset: “x” prints as "x" does
    for literal in (
        MARKUP,
        f'<a href="javascript:alert(1)">{MARKUP}</a>',
        f'<font size="40">{MARKUP}</font>',
        "&amp; <font size",  # the character, then the actor: the cast in end-credit columns
        "[click](javascript:alert(1)) <javascript:alert(1)>",
        '<a href="javascript:alert(2)">raw</a>',
        "<i>Cannes</i>",
        "<br/>",
        "<u>Variety</u>",
        "<para>PR</para>",
    ):
        assert literal.casefold() in text.casefold(), literal  # some styles print capitals
    uris = [
        a.get_object()["/A"]["/URI"]
        for page in PdfReader(result.pdf).pages
        for a in page.get("/Annots", [])
    ]
    assert uris == ["https://example.com/a?b=1&c=2"]


def test_emoji_is_a_located_error_naming_the_character(tmp_path: Path) -> None:
    kit = write(
        tmp_path / "kit", "title: Smile\ncast:\n  - {id: a, actor: 'Ana 😀', character: B}\n"
    )
    assert check_errors(kit, KitError) == [
        f"kit.yaml:3: cast[0].actor: character '😀' U+1F600 (emoji) is not in the layout's "
        f"fonts {FONTS}; {COVER_IT}"
    ]


def test_cjk_text_is_a_located_error_pointing_at_the_layout(tmp_path: Path) -> None:
    kit = write(tmp_path / "kit", "title: In the Mood for Love\noriginal_title: 花样年华\n")
    assert check_errors(kit, KitError) == [
        "kit.yaml:2: original_title: characters '花' U+82B1, '样' U+6837, '年' U+5E74, "
        f"'华' U+534E (Chinese, Japanese or Korean) are not in the layout's fonts {FONTS}; "
        f"{COVER_THEM}"
    ]


def test_right_to_left_text_in_a_prose_file_names_its_line(tmp_path: Path) -> None:
    kit = write(
        tmp_path / "kit",
        "title: Footnote\nsynopsis: {file: synopsis.md}\n",
        **{"synopsis.md": "A father and son.\n\nBoth are scholars: הערת שוליים.\n"},
    )
    assert check_errors(kit, KitError) == [
        "synopsis.md:3: synopsis: characters 'ה' U+05D4, 'ע' U+05E2, 'ר' U+05E8, 'ת' U+05EA, "
        "'ש' U+05E9, 'ו' U+05D5 and 3 more (Hebrew, written right to left) are not in the "
        f"layout's fonts {FONTS}; {COVER_THEM}"
    ]


def test_arabic_and_cli_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "kit", "title: Wadjda\noriginal_title: وجدة\n")
    result = CliRunner().invoke(main, ["build", "kit"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: kit.yaml:2: original_title: characters 'و' U+0648, 'ج' U+062C, 'د' U+062F, "
        f"'ة' U+0629 (Arabic, written right to left) are not in the layout's fonts {FONTS}; "
        f"{COVER_THEM}\n"
    )
    assert not (tmp_path / "output").exists()


def test_control_character_in_a_prose_file_is_located(tmp_path: Path) -> None:
    kit = write(tmp_path / "kit", "title: Bell\nsynopsis: {file: s.md}\n")
    (kit / "s.md").write_bytes(b"First line.\nA bell \x07 rings.\n")
    with pytest.raises(KitError) as exc:
        load_kit(kit)
    assert exc.value.lines() == [
        "s.md:2: synopsis: contains a control character (U+0007); remove it"
    ]


def test_utf16_prose_file_says_so(tmp_path: Path) -> None:
    kit = write(tmp_path / "kit", "title: Wide\nsynopsis: {file: s.md}\n")
    (kit / "s.md").write_bytes("A synopsis.".encode("utf-16"))
    with pytest.raises(KitError) as exc:
        load_kit(kit)
    assert exc.value.lines() == [
        "kit.yaml:2: synopsis.file: 's.md' is UTF-16 text; save it as UTF-8"
    ]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "kit.yaml").write_bytes("\ufefftitle: Volver\nyear: 2006\n".encode())
    loaded, warnings = load_kit(kit)
    assert (loaded.title, loaded.year, warnings) == ("Volver", 2006, [])


def test_oversized_kit_file_is_refused_before_parsing(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "kit.yaml").write_bytes(b"title: Big\n" + b"# padding\n" * 600_000)
    with pytest.raises(KitError) as exc:
        load_kit(kit)
    assert exc.value.lines() == ["kit.yaml: the file is 6,000,011 bytes; the limit is 5 MB"]


# --- titles that make hostile names ----------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("../../evil", "evil"),
        ("CON", "con-film"),
        ("Mission: Impossible?", "mission-impossible"),
        ("A/B", "a-b"),
        ("?!…", "kit"),
        ("C:\\\\Windows\\\\nul", "c-windows-nul"),
    ],
)
def test_hostile_titles_make_safe_names_inside_the_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str, slug: str
) -> None:
    monkeypatch.chdir(tmp_path)
    kit = write(
        tmp_path / "kit",
        f'title: "{title}"\n{RIGHTS}stills:\n  - {{id: "../../../etc/passwd", file: a.jpg}}\n',
    )
    make_still(kit / "a.jpg", (300, 200))
    result = build(kit, BuildOptions(format="all"))
    out = tmp_path / "output" / slug
    assert result.pdf == Path("output") / slug / f"{slug}_press-kit.pdf"
    made = sorted(p.name for p in out.iterdir())
    assert {f"{slug}_press-kit.pdf", f"{slug}_press-kit.zip", "manifest.json"} <= set(made)
    safe = rf"{slug}_[a-z0-9_.-]+|manifest\.json|site"  # site/: the web page's folder
    assert all(re.fullmatch(safe, name) for name in made), made
    site = [p.relative_to(out).as_posix() for p in (out / "site").rglob("*") if p.is_file()]
    assert site and all(re.fullmatch(r"site/([a-z]+/)*[a-z0-9_.-]+", name) for name in site), site
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit", "output"]
    assert result.zip is not None
    with zipfile.ZipFile(result.zip) as archive:
        names = archive.namelist()
    assert any("etc-passwd" in name for name in names)
    for name in names:
        parts = PurePosixPath(name).parts
        assert not PurePosixPath(name).is_absolute() and "\\" not in name and ":" not in name
        assert ".." not in parts and parts[0] == f"{slug}_press-kit", name
        assert all(re.fullmatch(r"[a-z0-9_.-]+", part) for part in parts), name


STILL_AT = "title: Paths\n{rights}stills:\n  - file: {file}\n"


def test_caption_found_inside_a_still_is_checked_too(tmp_path: Path) -> None:
    """A photo desk's caption inside the file is printed like kit.yaml's: same glyph check."""
    kit = write(tmp_path / "kit", STILL_AT.format(rights=RIGHTS, file="stills/a.jpg"))
    (kit / "stills").mkdir()
    meta = StillMetadata(caption="Maggie Cheung in 花样年华.", photographer="Wing Shya")
    with (kit / "stills" / "a.jpg").open("wb") as handle:
        save_jpeg(Image.new("RGB", (300, 200)), handle, meta, quality=80, icc_profile=None)
    assert check_errors(kit, KitError) == [
        "kit.yaml:4: stills[0]: in its caption: characters '花' U+82B1, '样' U+6837, "
        f"'年' U+5E74, '华' U+534E (Chinese, Japanese or Korean) are not in the layout's fonts "
        f"{FONTS}; {COVER_THEM}"
    ]
