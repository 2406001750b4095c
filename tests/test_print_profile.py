"""The print profile: trim and bleed boxes, crop marks, CMYK only, 300 ppi, no annotations, the
PDF/X structure; and the preflight that fails a deliberately RGB or transparent file."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream, NameObject, TextStringObject
from reportlab.pdfgen.canvas import Canvas

from kitpress.errors import KitError
from kitpress.layout.discover import available
from kitpress.outputs.pdf.preflight import preflight_print
from kitpress.outputs.pdf.profiles import PrintOptions
from kitpress.pipeline import BuildOptions, BuildResult, build
from kitpress.stills.cmyk import load_cmyk_profile
from kitpress.stills.system_profiles import system_cmyk_profile

from .conftest import needs_poppler, needs_qpdf

needs_cmyk_profile = pytest.mark.skipif(
    system_cmyk_profile() is None,
    reason="no system CMYK profile (Debian package libgs-common)",
)
MM3 = 3 * 72 / 25.4


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, small_kit_module: Path) -> BuildResult:
    out = tmp_path_factory.mktemp("print")
    return build(small_kit_module, BuildOptions(format="all", out=out))


@pytest.fixture(scope="module")
def small_kit_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import SMALL_KIT, SYNOPSIS, make_still

    kit = tmp_path_factory.mktemp("kit")
    (kit / "kit.yaml").write_text(SMALL_KIT, encoding="utf-8")
    (kit / "synopsis.md").write_text(SYNOPSIS, encoding="utf-8")
    make_still(kit / "stills" / "one.jpg", (3000, 2000), 1)
    make_still(kit / "stills" / "Two Still.JPG", (620, 930), 2)
    make_still(kit / "stills" / "three.jpg", (3000, 2100), 3)
    return kit


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


pytestmark = needs_cmyk_profile


@needs_poppler
def test_trim_and_bleed_boxes_3mm_apart_on_every_page(printed: BuildResult) -> None:
    boxes = _run("pdfinfo", "-box", "-f", "1", "-l", "99", str(printed.print_pdf))
    trims = re.findall(r"TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", boxes)
    bleeds = re.findall(r"BleedBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", boxes)
    assert len(trims) == len(bleeds) == len(PdfReader(printed.print_pdf).pages) > 3
    for trim, bleed in zip(trims, bleeds, strict=True):
        t, b = [float(v) for v in trim], [float(v) for v in bleed]
        gaps = (t[0] - b[0], t[1] - b[1], b[2] - t[2], b[3] - t[3])
        assert gaps == pytest.approx((MM3,) * 4, abs=0.02)
        assert (t[2] - t[0], t[3] - t[1]) == pytest.approx((595.28, 841.89), abs=0.05)


@needs_poppler
def test_only_cmyk_images_at_300_ppi_or_a_warning(printed: BuildResult) -> None:
    listing = _run("pdfimages", "-list", str(printed.print_pdf)).splitlines()[2:]
    rows = [line.split() for line in listing]
    assert rows and all(row[5] == "cmyk" for row in rows)
    low = [row for row in rows if int(row[12]) < 295]
    warned = [w.message for w in printed.warnings if "print PDF" in w.message]
    # The 620×930 portrait shares a row with three.jpg at one height, 52 mm wide: 300 ppi,
    # so nothing prints soft and nothing is warned of (test_check_agrees_with_build has a
    # still too small for its box, and its warning).
    assert low == [] and warned == [], (low, warned)


@needs_poppler
def test_every_font_embedded(printed: BuildResult) -> None:
    fonts = _run("pdffonts", str(printed.print_pdf)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)


def test_no_annotations_no_rgb_and_the_pdfx_structure(printed: BuildResult) -> None:
    reader = PdfReader(printed.print_pdf)
    assert all("/Annots" not in page for page in reader.pages)
    for page in reader.pages:
        operators = {op for _, op in ContentStream(page.get_contents(), reader).operations}
        assert not operators & {b"rg", b"RG"}
    intent = reader.root_object["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFX"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 4
    info = reader.metadata
    assert info is not None
    assert info["/GTS_PDFXVersion"] == "PDF/X-1:2001" and info["/Trapped"] == "/False"
    assert isinstance(info["/Trapped"], NameObject)
    assert preflight_print(Path(printed.print_pdf), MM3) == []  # type: ignore[arg-type]


@needs_qpdf
def test_trapped_is_the_name_false_read_by_qpdf(printed: BuildResult) -> None:
    """qpdf's JSON writes a name as "/False" and a text string as "u:/False"."""
    dump = json.loads(_run("qpdf", "--json=2", "--json-key=qpdf", str(printed.print_pdf)))
    objects = dump["qpdf"][1]
    info = objects["obj:" + objects["trailer"]["value"]["/Info"]]["value"]
    assert info["/Trapped"] == "/False"
    assert info["/GTS_PDFXVersion"] == "u:PDF/X-1:2001"


def test_preflight_fails_trapped_written_as_a_string(printed: BuildResult, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(printed.print_pdf))
    assert writer._info is not None
    writer._info[NameObject("/Trapped")] = TextStringObject("/False")
    faulty = tmp_path / "trapped-string.pdf"
    writer.write(faulty)
    problems = preflight_print(faulty, MM3)
    assert problems == ["/Trapped is the string (/False), not the name /True or /False"]


def test_preflight_fails_a_print_pdf_that_says_pdf_1_4(
    printed: BuildResult, tmp_path: Path
) -> None:
    writer = PdfWriter(clone_from=PdfReader(printed.print_pdf))
    writer.pdf_header = "%PDF-1.4"
    faulty = tmp_path / "pdf-1.4.pdf"
    writer.write(faulty)
    problems = preflight_print(faulty, MM3)
    assert problems == ["the file says PDF-1.4, PDF/X-1a:2001 is PDF 1.3"]


def test_type_is_black_ink_only(printed: BuildResult) -> None:
    reader = PdfReader(printed.print_pdf)
    in_text, text_colours = False, set()
    for _, (operands, operator) in enumerate(
        ContentStream(reader.pages[1].get_contents(), reader).operations
    ):
        in_text = {b"BT": True, b"ET": False}.get(operator, in_text)
        if in_text and operator == b"k":
            text_colours.add(tuple(round(float(v), 3) for v in operands))
    body = [c for c in text_colours if c[3] > 0.8]  # the near-black body type
    assert body and all(c[:3] == (0, 0, 0) for c in body)


def test_screen_pdf_in_the_zip_and_both_pdfs_written(printed: BuildResult) -> None:
    assert printed.pdf is not None and printed.print_pdf is not None
    assert printed.print_pdf.name.endswith("_press-kit_print.pdf")
    screen = PdfReader(printed.pdf)
    assert any("/Annots" in page for page in screen.pages)  # links live by e-mail


def test_preflight_fails_a_deliberately_rgb_file(printed: BuildResult) -> None:
    problems = preflight_print(Path(printed.pdf), MM3)  # type: ignore[arg-type]
    assert "no /GTS_PDFXVersion in the document information" in problems
    assert "no GTS_PDFX output intent with a destination profile" in problems
    assert "page 1: no TrimBox and BleedBox" in problems
    assert any(p.endswith("RGB colour in the page content") for p in problems)
    assert any(re.search(r"image /\S+ is /DeviceRGB, not CMYK or grey", p) for p in problems)
    assert any("annotation(s) (links are not allowed)" in p for p in problems)


def test_preflight_fails_type_in_colour_inks(tmp_path: Path) -> None:
    path = tmp_path / "red.pdf"
    canvas = Canvas(str(path), pagesize=(200, 200))
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.drawString(20, 100, "Black")
    canvas.setFillColorCMYK(0.24, 1, 1, 0.26)
    canvas.drawString(20, 80, "A red question?")
    canvas.save()
    problems = preflight_print(path, MM3)
    assert "page 1: type in colour inks (C24 M100 Y100 K26), not black ink alone" in problems


def test_preflight_fails_a_transparent_file(tmp_path: Path) -> None:
    path = tmp_path / "alpha.pdf"
    canvas = Canvas(str(path), pagesize=(200, 200), trimBox=(10, 10, 190, 190))
    canvas.setFillColorCMYK(0, 1, 0, 0, alpha=0.5)
    canvas.rect(20, 20, 100, 100, fill=1, stroke=0)
    canvas.save()
    problems = preflight_print(path, MM3)
    assert any("makes things transparent" in p for p in problems)
    assert "page 1: no TrimBox and BleedBox" in problems


@needs_poppler
def test_crop_marks_sit_outside_the_bleed(small_kit_module: Path, tmp_path: Path) -> None:
    options = BuildOptions(
        format="pdf", profile="print", out=tmp_path, print=PrintOptions(marks=True)
    )
    result = build(small_kit_module, options)
    page = PdfReader(result.print_pdf).pages[0]
    media, bleed, trim = page.mediabox, page.bleedbox, page.trimbox
    assert bleed.left - media.left == pytest.approx(24)
    assert trim.left - bleed.left == pytest.approx(MM3, abs=0.01)
    rendered = tmp_path / "corner"
    pdf = str(result.print_pdf)
    _run("pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-gray", pdf, str(rendered))
    from PIL import Image

    picture = Image.open(next(tmp_path.glob("corner*.pgm")))
    # a mark runs along the trim line's extension, left of the bleed, in the slug
    y = round(picture.height - float(trim.bottom))
    assert min(picture.getpixel((x, y)) for x in range(4, 20)) < 128


def test_letter_pages_bleed_an_eighth_of_an_inch(small_kit_module: Path, tmp_path: Path) -> None:
    options = BuildOptions(format="pdf", profile="print", out=tmp_path, layout="festival-letter")
    page = PdfReader(build(small_kit_module, options).print_pdf).pages[0]
    assert float(page.trimbox.left) - float(page.bleedbox.left) == pytest.approx(9, abs=0.01)


def test_an_rgb_icc_profile_is_refused(small_kit_module: Path, tmp_path: Path) -> None:
    rgb = tmp_path / "srgb.icc"
    from kitpress.stills.decode import srgb_icc_bytes

    rgb.write_bytes(srgb_icc_bytes())
    options = BuildOptions(
        format="pdf", profile="print", out=tmp_path / "out", print=PrintOptions(icc=rgb)
    )
    with pytest.raises(KitError) as caught:
        build(small_kit_module, options)
    assert caught.value.lines() == [f"{rgb}: is an RGB profile; the print profile needs a CMYK one"]
    assert not (tmp_path / "out").exists()


def test_print_pdf_is_byte_identical_twice(small_kit_module: Path, tmp_path: Path) -> None:
    options = BuildOptions(format="pdf", profile="print", out=tmp_path / "a")
    first = build(small_kit_module, options).print_pdf
    again = build(small_kit_module, BuildOptions(format="pdf", profile="print", out=tmp_path / "b"))
    assert first is not None and again.print_pdf is not None
    assert first.read_bytes() == again.print_pdf.read_bytes()


def test_total_ink_stays_under_the_limit(printed: BuildResult, tmp_path: Path) -> None:
    """Rich black and the pictures stay within what a coated press takes (330 %)."""
    if shutil.which("gs") is None:
        pytest.skip("Ghostscript not installed")
    out = tmp_path / "page-%d.tif"
    device = ("-sDEVICE=tiff32nc", "-r36", f"-sOutputFile={out}")
    _run("gs", "-q", "-dNOPAUSE", "-dBATCH", *device, str(printed.print_pdf))
    from PIL import Image, ImageMath

    worst = 0
    for page in sorted(tmp_path.glob("page-*.tif")):
        c, m, y, k = Image.open(page).split()
        inks = {"c": c, "m": m, "y": y, "k": k}
        total = ImageMath.lambda_eval(lambda v: v["c"] + v["m"] + v["y"] + v["k"], **inks)
        worst = max(worst, total.getextrema()[1])
    assert 0 < worst <= 330 * 255 / 100


def _text_fills(reader: PdfReader, stream: object, resources: object) -> list[tuple[float, ...]]:
    """The fill colour in effect at every text showing operator, read from the content stream
    (and the forms it draws) with q/Q: CMYK as four values, grey as one, RGB as three."""
    fills: list[tuple[float, ...]] = []
    current: tuple[float, ...] = (0.0,)
    saved: list[tuple[float, ...]] = []
    forms = (resources or {}).get("/XObject") or {}  # type: ignore[attr-defined]
    for operands, operator in ContentStream(stream, reader).operations:
        if operator == b"q":
            saved.append(current)
        elif operator == b"Q":
            current = saved.pop()
        elif operator in (b"k", b"g", b"rg"):
            current = tuple(round(float(v), 4) for v in operands)
        elif operator in (b"cs", b"sc", b"scn"):
            current = (-1.0,)  # a colour space kitpress never writes: fails below
        elif operator in (b"Tj", b"TJ", b"'", b'"'):
            fills.append(current)
        elif operator == b"Do":
            form = forms[operands[0]].get_object()
            if form.get("/Subtype") == "/Form":
                inner = _text_fills(reader, form, form.get("/Resources"))
                fills += [current if fill == (0.0,) else fill for fill in inner]
    return fills


def _page_text_fills(pdf: Path) -> list[tuple[float, ...]]:
    reader = PdfReader(pdf)
    return [
        fill
        for page in reader.pages
        for fill in _text_fills(reader, page.get_contents(), page.get("/Resources"))
    ]


@pytest.mark.parametrize("layout", sorted(available()))
def test_every_text_fill_is_black_ink_only(
    small_kit_module: Path, tmp_path: Path, layout: str
) -> None:
    """Every character of the print PDF is black ink alone: solid black, or a tint of black
    for the greys; no type in cyan, magenta or yellow, whatever its colour on screen."""
    options = BuildOptions(format="pdf", profile="print", out=tmp_path, layout=layout)
    result = build(small_kit_module, options)
    assert result.print_pdf is not None
    fills = set(_page_text_fills(result.print_pdf))
    assert (0, 0, 0, 1) in fills  # the body type
    for fill in fills:
        assert len(fill) == 4, f"{layout}: text in {fill}, not CMYK"
        assert fill[:3] == (0, 0, 0), f"{layout}: type in colour inks: {fill}"


def test_accent_type_on_screen_is_solid_black_in_print(printed: BuildResult) -> None:
    """The accent red of a link (default layout, #9b2226) is red on screen, solid black in
    print: 8.5 pt type in four inks fringes on press."""
    assert printed.pdf is not None and printed.print_pdf is not None
    accent = (0.6078, 0.1333, 0.149)
    assert accent in set(_page_text_fills(printed.pdf))
    fills = _page_text_fills(printed.print_pdf)
    assert fills and all(len(f) == 4 and f[:3] == (0, 0, 0) for f in fills)


def test_type_colours_by_chroma_and_black_by_lightness() -> None:
    profile = load_cmyk_profile(None)

    def colour(code: str, text: bool = True) -> tuple[float, ...]:
        return profile.colour(*(int(code[i : i + 2], 16) / 255 for i in (1, 3, 5)), text=text)

    assert colour("#1d1b19") == colour("#2a211c") == (0, 0, 0, 1)  # warm near-blacks
    grey, greige = colour("#707070"), colour("#7a6a5d")  # a grey, a warm grey (chroma 10.5)
    assert grey[:3] == greige[:3] == (0, 0, 0) and 0.65 < greige[3] < grey[3] + 0.03 < 0.8
    assert colour("#ffffff") == (0, 0, 0, 0)
    for red in ("#7b1e2b", "#9b2226", "#d62828"):  # classic's, default's, festival's accent
        assert colour(red) == (0, 0, 0, 1)
    assert colour("#7b1e2b", text=False)[1] > 0.9  # a burgundy area keeps its colour
    gold = colour("#e9c46a")  # light coloured type: a light tint of black, still legible
    assert gold[:3] == (0, 0, 0) and 0 < gold[3] < 0.4
    assert colour("#1d1b19", text=False)[0] > 0.5  # a small dark area (a still's frame)


def test_black_areas_rich_when_large_solid_black_when_small() -> None:
    profile = load_cmyk_profile(None)
    for black in ((0.0, 0.0, 0.0), (0x14 / 255, 0x12 / 255, 0x11 / 255)):  # flat, warm
        assert profile.fill(*black, large=True) == (0.6, 0.4, 0.4, 1.0)
        assert profile.fill(*black, large=False) == (0, 0, 0, 1)
    uncoated = replace(profile, ink_limit=2.2)
    rich = uncoated.fill(0, 0, 0, large=True)
    assert rich[3] == 1.0 and sum(rich) <= 2.2 and rich[0] / rich[1] == pytest.approx(1.5)
    assert profile.fill(0.5, 0.5, 0.5, large=True) == profile.colour(0.5, 0.5, 0.5)


@pytest.mark.parametrize("layout", sorted(available()))
def test_rules_and_line_art_are_black_ink_only(
    small_kit_module: Path, tmp_path: Path, layout: str
) -> None:
    """Table rules, the running foot's rule, laurels: a line in three or four inks
    misregisters on press, so every stroke is black ink alone."""
    options = BuildOptions(format="pdf", profile="print", out=tmp_path, layout=layout)
    reader = PdfReader(build(small_kit_module, options).print_pdf)
    strokes = {
        tuple(round(float(v), 4) for v in operands)
        for page in reader.pages
        for operands, operator in ContentStream(page.get_contents(), reader).operations
        if operator in (b"K", b"RG", b"G")
    }
    assert strokes, f"{layout}: no stroke colour at all"
    for stroke in strokes:
        assert len(stroke) == 4, f"{layout}: a stroke in {stroke}, not CMYK"
        assert stroke[:3] == (0, 0, 0), f"{layout}: a line in colour inks: {stroke}"


def _vector_fill_inks(pdf: Path) -> list[float]:
    """Total ink in percent of every CMYK fill colour the pages' content streams set."""
    totals = []
    for page in PdfReader(pdf).pages:
        for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
            if operator == b"k":
                totals.append(sum(float(v) for v in operands) * 100)
    return totals


def test_within_ink_limit_keeps_black_and_cuts_the_colour_inks() -> None:
    from kitpress.stills.cmyk import within_ink_limit

    cut = within_ink_limit((0.75, 0.68, 0.67, 0.90), 2.6)
    assert cut[3] == 0.90 and sum(cut) <= 2.6
    assert cut[0] / cut[1] == pytest.approx(0.75 / 0.68, rel=1e-3)
    assert within_ink_limit((0.6, 0.4, 0.4, 1.0), 2.6) == (0.6, 0.4, 0.4, 1.0)


def _cover_band(pdf: Path) -> tuple[float, ...]:
    """The fill colour of the cover's largest painted area."""
    from kitpress.outputs.pdf.painted_sizes import painted_sizes

    page = PdfReader(pdf).pages[0]
    operations = ContentStream(page.get_contents(), page.pdf).operations
    sizes = painted_sizes(operations)
    largest = max(sizes, key=lambda index: sizes[index][0] * sizes[index][1])
    return tuple(round(float(v), 4) for v in operations[largest][0])


def test_the_rich_black_keeps_to_the_ink_limit_asked_for(
    small_kit_module: Path, tmp_path: Path
) -> None:
    """The dark cover band is the controlled rich black 60/40/40/100 (240 %), within 300 %
    by default and 260 % (uncoated paper, --ink-limit or the layout's ink_limit); a limit
    under 240 % cuts its colour inks and keeps the black."""
    default = build(small_kit_module, BuildOptions(format="print-pdf", out=tmp_path / "a"))
    assert default.print_pdf is not None
    assert _cover_band(default.print_pdf) == (0.6, 0.4, 0.4, 1.0)
    assert max(_vector_fill_inks(default.print_pdf)) <= 300.05
    options = BuildOptions(
        format="print-pdf", out=tmp_path / "b", print=PrintOptions(ink_limit=260)
    )
    uncoated = build(small_kit_module, options)
    assert uncoated.print_pdf is not None
    assert _cover_band(uncoated.print_pdf) == (0.6, 0.4, 0.4, 1.0)
    assert max(_vector_fill_inks(uncoated.print_pdf)) <= 260.05
    layout = tmp_path / "uncoated"
    layout.mkdir()
    (layout / "layout.yaml").write_text("extends: default\nink_limit: 220\n", encoding="utf-8")
    options = BuildOptions(format="print-pdf", out=tmp_path / "c", layout=str(layout))
    from_layout = build(small_kit_module, options)
    assert from_layout.print_pdf is not None
    band = _cover_band(from_layout.print_pdf)
    assert band[3] == 1.0 and 0.5 < band[0] < 0.6 and sum(band) <= 2.2
    assert max(_vector_fill_inks(from_layout.print_pdf)) <= 220.05


def test_a_flat_black_cover_is_rich_black_and_its_type_black_ink(
    small_kit_module: Path, tmp_path: Path
) -> None:
    """festival-letter's cover paper is #000000: flat solid black would print a dull grey
    over the page, so it is the rich black; the type on it stays black ink alone."""
    options = BuildOptions(format="print-pdf", out=tmp_path, layout="festival-letter")
    result = build(small_kit_module, options)
    assert result.print_pdf is not None
    assert _cover_band(result.print_pdf) == (0.6, 0.4, 0.4, 1.0)
    assert all(f[:3] == (0, 0, 0) for f in _page_text_fills(result.print_pdf))


def test_an_ink_limit_out_of_range_is_a_located_error(tmp_path: Path) -> None:
    from kitpress.errors import LayoutError
    from kitpress.layout.load import load_layout

    (tmp_path / "layout.yaml").write_text("extends: default\nink_limit: 150\n", encoding="utf-8")
    with pytest.raises(LayoutError) as caught:
        load_layout(str(tmp_path))
    assert (
        "layout.yaml:2: ink_limit: expected a whole number from 200 to 400, e.g. 300 (got '150')"
        in str(caught.value)
    )


def _slug_runs(pdf: Path) -> list[tuple[int, str, float, float, float]]:
    """Every 6.5 pt run of text: page index, text, size, and its x and y on the sheet."""
    runs: list[tuple[int, str, float, float, float]] = []
    for number, page in enumerate(PdfReader(pdf).pages):

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip() and abs(size * tm[3] * cm[3] - 6.5) < 0.01:
                x = tm[4] * cm[0] + cm[4]
                y = tm[5] * cm[3] + cm[5]
                runs.append((number, text, size * tm[3] * cm[3], x, y))  # noqa: B023

        page.extract_text(visitor_text=visit)
    return runs


def test_the_slug_line_sits_outside_the_trim_in_6_5_pt(
    small_kit_module: Path, tmp_path: Path
) -> None:
    """--slug: the sheet grows by the slug beyond the bleed (MediaBox 24 pt past the
    BleedBox), and each page carries a 6.5 pt line under the bleed naming the kit, its date,
    the page and the print profile, in black ink alone; no crop marks unless asked."""
    options = BuildOptions(format="print-pdf", out=tmp_path / "a", print=PrintOptions(slug=True))
    result = build(small_kit_module, options)
    assert result.print_pdf is not None
    reader = PdfReader(result.print_pdf)
    runs = _slug_runs(result.print_pdf)
    assert [r[0] for r in runs] == list(range(len(reader.pages)))  # one line on every page
    for number, text, _size, x, y in runs:
        page = reader.pages[number]
        assert float(page.bleedbox.left) - float(page.mediabox.left) == pytest.approx(24)
        assert float(page.bleedbox.bottom) == pytest.approx(24)
        assert y < float(page.bleedbox.bottom) - 6.5  # the whole line under the bleed
        assert float(page.trimbox.left) < x < float(page.trimbox.right)
        assert f"p. {number + 1} · PDF/X-1a:2001 · " in text and "ink limit 300 %" in text
    assert all(f[:3] == (0, 0, 0) for f in _page_text_fills(result.print_pdf))
    strokes = [
        operator
        for operands, operator in ContentStream(reader.pages[1].get_contents(), reader).operations
        if operator == b"K" and [float(v) for v in operands] == [1, 1, 1, 1]
    ]
    assert not strokes  # no crop marks (registration colour) without --marks
    plain = build(small_kit_module, BuildOptions(format="print-pdf", out=tmp_path / "b"))
    assert plain.print_pdf is not None and not _slug_runs(plain.print_pdf)
    page = PdfReader(plain.print_pdf).pages[0]
    assert [float(v) for v in page.mediabox] == pytest.approx(
        [float(v) for v in page.bleedbox], abs=0.01
    )


def test_a_layout_asks_for_the_slug_and_no_slug_overrides_it(
    small_kit_module: Path, tmp_path: Path
) -> None:
    layout = tmp_path / "slugged"
    layout.mkdir()
    (layout / "layout.yaml").write_text("extends: default\nprint: {slug: true}\n", encoding="utf-8")
    options = BuildOptions(format="print-pdf", out=tmp_path / "a", layout=str(layout))
    slugged = build(small_kit_module, options)
    assert slugged.print_pdf is not None and _slug_runs(slugged.print_pdf)
    options = replace(options, out=tmp_path / "b", print=PrintOptions(slug=False))
    unslugged = build(small_kit_module, options)
    assert unslugged.print_pdf is not None and not _slug_runs(unslugged.print_pdf)


def test_an_unknown_print_setting_is_a_located_error(tmp_path: Path) -> None:
    from kitpress.errors import LayoutError
    from kitpress.layout.load import load_layout

    (tmp_path / "layout.yaml").write_text(
        "extends: default\nprint:\n  slugs: true\n", encoding="utf-8"
    )
    with pytest.raises(LayoutError) as caught:
        load_layout(str(tmp_path))
    assert "layout.yaml:3: print.slugs:" in str(caught.value)


@pytest.mark.parametrize("name", ["pillow", "vips"])
def test_a_print_pictures_fade_ends_in_the_papers_rich_black(tmp_path: Path, name: str) -> None:
    """A cover picture faded into a dark cover paper meets the paper drawn beside it: in print
    its foot is the paper's rich black (60/40/40/100), not the profile's own near-black
    (C73 M68 Y67 K89), or an edge would show between the picture and the band."""
    from PIL import Image

    from kitpress.stills import engine
    from kitpress.stills.targets import Fade, Target

    if name == "vips" and not engine.vips_usable():
        pytest.skip("pyvips/libvips not installed")
    source = tmp_path / "light.jpg"
    Image.new("RGB", (200, 300), (200, 190, 170)).save(source, quality=95)
    cmyk = load_cmyk_profile(None)
    fade = Fade("#141211", start=0.5, length=0.3, strength=255)
    target = Target("print", None, (200, 300), 95, tmp_path / "out.jpg", cmyk=cmyk, fade=fade)
    (jpeg,) = engine.encoder(name)(source, [target], [(200, 300)], 1, (200, 300), "#ffffff")
    picture = Image.open(io.BytesIO(jpeg))
    assert picture.mode == "CMYK"
    foot = picture.getpixel((100, 295))
    assert cmyk.paper_pixel("#141211") == (153, 102, 102, 255)
    assert all(abs(a - b) <= 3 for a, b in zip(foot, (153, 102, 102, 255), strict=True))
    top = picture.getpixel((100, 10))
    assert sum(top) < 300  # the picture itself still converted as a picture, a light grey
