"""Scripts beyond Latin, Greek and Cyrillic: a layout names a fallback font per script
(`fonts.fallback`); Japanese is set in it and wraps between characters, inside the measure;
Arabic is shaped and set right to left (the ``rtl`` extra); the text read back from the PDF
is the source's, in logical order. Fonts: small Noto subsets in tests/data/fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle

from kitpress.errors import KitError, LayoutError
from kitpress.layout.load import load_layout
from kitpress.outputs.pdf.render.scripts import rtl_available, script_style
from kitpress.pipeline import BuildOptions, BuildResult, build, check

from .conftest import check_errors, needs_poppler
from .pdfbox import classpath, preflight
from .script_samples import (
    ARABIC_LOGLINE,
    ARABIC_SYNOPSIS,
    ARABIC_TITLE,
    ARABIC_YEAR,
    HEBREW_LOGLINE,
    JAPANESE_LOGLINE,
    JAPANESE_SYNOPSIS,
    JAPANESE_TITLE,
)

FONTS = Path(__file__).resolve().parent / "data" / "fonts"
JAPANESE = "Jpan: {regular: NotoSansJP-Regular.ttf, bold: NotoSansJP-Bold.ttf}"
HEBREW = "Hebr: NotoSansHebrew-Regular.ttf"  # one face for both
ARABIC = "Arab: {regular: NotoNaskhArabic-Regular.ttf, bold: NotoNaskhArabic-Bold.ttf}"


def _layout(folder: Path, *fallbacks: str) -> Path:
    """A layout over the default one naming ``fallbacks``, the test fonts copied beside it
    (paths in a layout are relative to it)."""
    folder.mkdir(parents=True, exist_ok=True)
    for font in FONTS.glob("*.ttf"):
        shutil.copy(font, folder / font.name)
    lines = "".join(f"    {line}\n" for line in fallbacks)
    text = f"extends: default\nfonts:\n  fallback:\n{lines}" if fallbacks else "extends: default\n"
    (folder / "layout.yaml").write_text(text, encoding="utf-8")
    return folder


def _kit(folder: Path, title: str, language: str, logline: str, synopsis: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (
        f"title: {title}\nlanguage: {language}\nlogline: {logline}\n"
        "synopsis: {file: synopsis.md}\n"
    )
    (folder / "kit.yaml").write_text(text, encoding="utf-8")
    (folder / "synopsis.md").write_text(synopsis + "\n", encoding="utf-8")
    return folder


def _text(pdf: Path) -> str:
    """What poppler reads from the PDF, without its line breaks and spaces."""
    run = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", "", run.stdout.decode("utf-8"))


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def japanese(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("japanese")
    layout = _layout(root / "layout", JAPANESE)
    kit = _kit(root / "kit", JAPANESE_TITLE, "ja", JAPANESE_LOGLINE, JAPANESE_SYNOPSIS)
    return build(kit, BuildOptions(format="pdf,print-pdf", layout=str(layout), out=root / "out"))


@needs_poppler
def test_japanese_kit_builds_and_reads_back_in_order(japanese: BuildResult) -> None:
    assert japanese.pdf is not None
    text = _text(japanese.pdf)
    for source in (JAPANESE_TITLE, JAPANESE_LOGLINE, JAPANESE_SYNOPSIS):
        assert _plain(source) in text


@needs_poppler
@pytest.mark.parametrize("role", ["pdf", "print_pdf"])
def test_japanese_is_set_in_the_fallback_font_embedded(japanese: BuildResult, role: str) -> None:
    """In the screen PDF (PDF/A-1b) and the print PDF (PDF/X-1a) alike."""
    pdf = japanese.path(role)
    assert pdf is not None
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:]]
    cjk = [row for row in rows if "NotoSansCJKjp" in row[0]]
    assert cjk, fonts.stdout
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in cjk)  # embedded, subset, mapped


HANGING = "。、"  # Japanese punctuation that may hang in the margin at a line's end


def test_long_japanese_paragraph_wraps_inside_the_measure(japanese: BuildResult) -> None:
    assert japanese.pdf is not None
    page = load_layout("default").page
    left, right = page.margin_left, page.width - page.margin_right
    with pdfplumber.open(japanese.pdf) as document:
        chars = [c for p in document.pages for c in p.chars if "CJK" in c["fontname"] and c["text"]]
    lines = {round(c["top"]) for c in chars}
    assert len(lines) >= 4  # the synopsis is several lines, not one line running off the page
    assert min(c["x0"] for c in chars) >= left - 0.5
    # Only a line's closing full stop or comma may hang past the edge (burasage), by itself.
    inside = [c for c in chars if c["text"] not in HANGING]
    assert max(c["x1"] for c in inside) <= right + 0.5
    assert max(c["x1"] - c["size"] for c in chars) <= right + 0.5


def test_only_mostly_cjk_paragraphs_wrap_between_characters() -> None:
    style = ParagraphStyle("body")
    assert script_style(JAPANESE_SYNOPSIS, style).wordWrap == "CJK"
    english = f"The film, {JAPANESE_TITLE} in Japan, follows a lock keeper and a girl."
    assert script_style(english, style).wordWrap is None


@pytest.mark.skipif(classpath() is None, reason="PDFBox Preflight is not installed")
def test_japanese_screen_pdf_is_still_pdfa(japanese: BuildResult) -> None:
    assert japanese.pdf is not None
    verdict = preflight(japanese.pdf)
    assert verdict.valid, verdict.report


def test_without_a_covering_fallback_the_glyph_error_stays(tmp_path: Path) -> None:
    layout = _layout(tmp_path / "layout", ARABIC)
    kit = _kit(tmp_path / "kit", JAPANESE_TITLE, "ja", "A canal.", "A lock keeper.")
    with pytest.raises(KitError) as caught:
        check(kit, str(layout))
    assert caught.value.lines() == [
        "kit.yaml:1: title: characters '最' U+6700, '後' U+5F8C, 'の' U+306E, '水' U+6C34, "
        "'門' U+9580 (Chinese, Japanese or Korean) are not in the layout's fonts "
        "(NotoSerif, NotoSans); configure a font that covers them in the layout (fonts:), "
        "or remove them"
    ]


@pytest.mark.parametrize(
    ("fallback", "message"),
    [
        pytest.param(
            "japanese: NotoSansJP-Regular.ttf",
            "layout/layout.yaml:4: fonts.fallback.japanese: expected an ISO 15924 script "
            "code such as Jpan, Hans, Kore, Arab or Hebr",
            id="not-a-script-code",
        ),
        pytest.param(
            "Jpan: {regular: missing.ttf}",
            "layout/layout.yaml:4: fonts.fallback.Jpan.regular: 'missing.ttf' is not a font "
            "file (paths are relative to the layout)",
            id="missing-file",
        ),
        pytest.param(
            "Jpan: {regular: NotoSansJP-Regular.ttf, italic: NotoSansJP-Regular.ttf}",
            "layout/layout.yaml:4: fonts.fallback.Jpan: expected a .ttf file or "
            "{regular: file, bold: file}",
            id="unknown-face",
        ),
        pytest.param(
            "Jpan: cff.otf",
            "layout/layout.yaml:4: fonts.fallback.Jpan: 'cff.otf' has PostScript (CFF) "
            "outlines; kitpress embeds TrueType outlines: use the family's .ttf release",
            id="cff-outlines",
        ),
    ],
)
def test_a_wrong_fallback_is_a_located_error(tmp_path: Path, fallback: str, message: str) -> None:
    layout = _layout(tmp_path / "layout", fallback)
    (layout / "cff.otf").write_bytes(b"OTTO" + bytes(60))
    kit = _kit(tmp_path / "kit", "Gate", "en", "A canal.", "A lock keeper.")
    with pytest.raises(LayoutError) as caught:
        check(kit, str(layout))
    assert [line.replace(str(tmp_path) + "/", "") for line in caught.value.lines()] == [message]


def test_one_file_sets_both_faces(tmp_path: Path) -> None:
    layout = load_layout(str(_layout(tmp_path / "layout", "Jpan: NotoSansJP-Regular.ttf")))
    (fallback,) = layout.fallback_fonts
    assert fallback.script == "Jpan"
    assert fallback.regular == fallback.bold == (tmp_path / "layout" / "NotoSansJP-Regular.ttf")


def test_a_kit_without_fallback_fonts_reads_as_before(tmp_path: Path) -> None:
    kit = _kit(tmp_path / "kit", JAPANESE_TITLE, "ja", "A canal.", "A lock keeper.")
    assert check_errors(kit, KitError)[0].startswith("kit.yaml:1: title: characters '最'")


needs_rtl = pytest.mark.skipif(not rtl_available(), reason="the rtl extra is not installed")


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("arabic")
    layout = _layout(root / "layout", ARABIC)
    kit = _kit(root / "kit", ARABIC_TITLE, "ar", ARABIC_LOGLINE, ARABIC_SYNOPSIS)
    return build(kit, BuildOptions(format="pdf,print-pdf", layout=str(layout), out=root / "out"))


@needs_rtl
@needs_poppler
def test_arabic_kit_builds_and_reads_back_in_logical_order(arabic: BuildResult) -> None:
    """Poppler reads each right-to-left line of a page mostly in Arabic in the order it was
    typed (it marks the lines with Unicode's embedding controls, left out here)."""
    assert arabic.pdf is not None
    text = re.sub("[\u202a-\u202e]", "", _text(arabic.pdf))
    assert _plain(f"{ARABIC_LOGLINE}{ARABIC_SYNOPSIS}") in text  # the synopsis section
    assert _plain(ARABIC_TITLE) in text  # the cover and the running footer


@needs_rtl
def test_arabic_is_joined_and_its_letters_read_back(arabic: BuildResult) -> None:
    """Shaped: the glyphs drawn are the joined forms (not the letters' own), and the PDF's
    text maps each back to its letter, so no private-use or presentation code is read."""
    assert arabic.pdf is not None
    text = "".join(page.extract_text() for page in PdfReader(arabic.pdf).pages)
    assert not re.search("[\ue000-\uf8ff\ufb50-\ufdff\ufe70-\ufeff]", text)
    with pdfplumber.open(arabic.pdf) as document:
        fonts = {
            c["fontname"] for p in document.pages for c in p.chars if "Arabic" in c["fontname"]
        }
    assert fonts, "the Arabic text is set in the fallback font"


@needs_rtl
def test_arabic_paragraph_is_set_from_the_right(arabic: BuildResult) -> None:
    assert arabic.pdf is not None
    page = load_layout("default").page
    with pdfplumber.open(arabic.pdf) as document:
        words = document.pages[1].extract_words()
    logline = [w for w in words if w["text"] and re.search("[\u0600-\u06ff]", w["text"])]
    first_line = min(round(w["top"]) for w in logline)
    line = [w for w in logline if round(w["top"]) == first_line]
    assert min(w["x0"] for w in line) > page.margin_left + 20  # ragged on the left


@needs_rtl
@pytest.mark.skipif(classpath() is None, reason="PDFBox Preflight is not installed")
def test_arabic_screen_pdf_is_still_pdfa(arabic: BuildResult) -> None:
    assert arabic.pdf is not None
    verdict = preflight(arabic.pdf)
    assert verdict.valid, verdict.report


@needs_rtl
def test_latin_and_numbers_in_arabic_read_left_to_right(tmp_path: Path) -> None:
    """A name and a year inside an Arabic sentence: the Arabic words run from the right, the
    name and the year, between them, from the left."""
    layout = _layout(tmp_path / "layout", ARABIC)
    logline = "حارس عجوز Jean Dupont 1960 ينتظر القارب"
    kit = _kit(tmp_path / "kit", "The Last Lock", "ar", logline, "A lock keeper.")
    result = build(kit, BuildOptions(format="pdf", layout=str(layout), out=tmp_path / "out"))
    assert result.pdf is not None
    with pdfplumber.open(result.pdf) as document:
        words = document.pages[1].extract_words()
    x = {}
    for word in words:
        for typed in logline.split():
            if word["text"] in (typed, typed[::-1]):
                x[typed] = word["x0"]
    typed = logline.split()
    assert set(x) == set(typed)
    assert x["حارس"] > x["عجوز"] > x["1960"] > x["Dupont"] > x["Jean"] > x["ينتظر"] > x["القارب"]


@needs_rtl
def test_a_number_in_arabic_digits_reads_from_the_left(tmp_path: Path) -> None:
    layout = _layout(tmp_path / "layout", ARABIC)
    kit = _kit(tmp_path / "kit", "The Last Lock", "ar", ARABIC_YEAR, ARABIC_SYNOPSIS)
    result = build(kit, BuildOptions(format="pdf", layout=str(layout), out=tmp_path / "out"))
    assert result.pdf is not None
    with pdfplumber.open(result.pdf) as document:
        chars = document.pages[1].chars
    digits = [c for c in chars if c["text"] in "١٩٦٠"]
    assert "".join(c["text"] for c in sorted(digits, key=lambda c: c["x0"])) == "١٩٦٠"
    year = min(c["x0"] for c in digits)
    words = {w["text"]: w["x0"] for w in document_words(result.pdf)}
    assert words["ماع"] > year > words["رظتني"]  # after "عام" (to its left), before "ينتظر"


def document_words(pdf: Path) -> list[dict[str, float | str]]:
    with pdfplumber.open(pdf) as document:
        return list(document.pages[1].extract_words())


@needs_rtl
@needs_poppler
def test_hebrew_in_one_face_builds_and_reads_back_in_order(tmp_path: Path) -> None:
    layout = _layout(tmp_path / "layout", HEBREW)
    kit = _kit(tmp_path / "kit", "The Last Lock", "he", HEBREW_LOGLINE, HEBREW_LOGLINE)
    result = build(kit, BuildOptions(format="pdf", layout=str(layout), out=tmp_path / "out"))
    assert result.pdf is not None
    text = re.sub("[\u202a-\u202e]", "", _text(result.pdf))
    assert _plain(HEBREW_LOGLINE * 2) in text
    with pdfplumber.open(result.pdf) as document:
        words = [w for w in document.pages[1].extract_words() if w["text"] in ("שומר", "רמוש")]
    page = load_layout("default").page
    assert words and min(w["x0"] for w in words) > page.margin_left + 100  # set from the right


def test_arabic_without_the_rtl_extra_is_one_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kitpress.outputs.pdf.glyphs.rtl_available", lambda: False)
    layout = _layout(tmp_path / "layout", ARABIC)
    kit = _kit(tmp_path / "kit", "The Last Lock", "ar", ARABIC_LOGLINE, "A lock keeper.")
    with pytest.raises(KitError) as caught:
        check(kit, str(layout))
    assert caught.value.lines() == [
        "kit.yaml:3: logline: Arabic text is written right to left and must be shaped and "
        "ordered, which needs kitpress's rtl extra: pip install 'kitpress[rtl]'"
    ]


def test_arabic_without_a_covering_font_keeps_the_glyph_error(tmp_path: Path) -> None:
    layout = _layout(tmp_path / "layout", JAPANESE)
    kit = _kit(tmp_path / "kit", "Wadjda", "ar", "وجدة", "A bicycle.")
    with pytest.raises(KitError) as caught:
        check(kit, str(layout))
    assert caught.value.lines() == [
        "kit.yaml:3: logline: characters 'و' U+0648, 'ج' U+062C, 'د' U+062F, 'ة' U+0629 "
        "(Arabic, written right to left) are not in the layout's fonts (NotoSerif, NotoSans); "
        "configure a font that covers them in the layout (fonts:), or remove them"
    ]
