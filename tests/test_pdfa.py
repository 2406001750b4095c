"""The screen (e-mail) PDF is PDF/A-1b: Apache PDFBox Preflight says so, for the example kit and
for a small kit with Greek, Polish and Czech text, links and quotes; read back with pypdf,
exiftool, qpdf and poppler; links and outline kept; the same bytes twice."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageCms
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from reportlab.pdfgen.canvas import Canvas

from kitpress.errors import BuildError
from kitpress.kit.load import load_kit
from kitpress.outputs.pdf.pdf_metadata import write_metadata
from kitpress.outputs.pdf.pdfa import PDFA_1B, flag_annotations, strip_forbidden_actions
from kitpress.outputs.pdf.post import finish_pdf
from kitpress.pipeline import BuildOptions, build
from kitpress.stills.decode import srgb_profile
from kitpress.stills.icc import srgb_v2_profile

from .conftest import (
    EXAMPLE_KIT,
    SMALL_KIT,
    SYNOPSIS,
    make_still,
    needs_exiftool,
    needs_poppler,
    needs_qpdf,
)
from .pdfbox import classpath, preflight
from .press_notes_kit import write_press_notes_kit

needs_pdfbox = pytest.mark.skipif(
    classpath() is None,
    reason="PDFBox Preflight needs java and the Debian packages libpdfbox2-java "
    "libactivation-java libjaxb-api-java (or PDFBOX_CLASSPATH)",
)
BUILDS = ["example_pdf", "small_pdf", "press_notes_pdf"]
DATED = datetime.datetime(2026, 9, 2, 12, tzinfo=datetime.UTC)


def _small_kit(folder: Path) -> Path:
    """The shared small kit (conftest's), made once for this module."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kit.yaml").write_text(SMALL_KIT, encoding="utf-8")
    (folder / "synopsis.md").write_text(SYNOPSIS, encoding="utf-8")
    make_still(folder / "stills" / "one.jpg", (1200, 800), 1)
    make_still(folder / "stills" / "Two Still.JPG", (600, 900), 2)
    make_still(folder / "stills" / "three.jpg", (1000, 700), 3)
    return folder


def _screen_pdf(kit: Path, out: Path) -> Path:
    result = build(kit, BuildOptions(format="pdf", out=out))
    assert result.pdf is not None
    return result.pdf


@pytest.fixture(scope="module")
def small_kit_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _small_kit(tmp_path_factory.mktemp("small") / "kit")


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _screen_pdf(EXAMPLE_KIT, tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="module")
def small_pdf(small_kit_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _screen_pdf(small_kit_folder, tmp_path_factory.mktemp("small-out"))


@pytest.fixture(scope="module")
def press_notes_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Portraits, pull quotes and end credits: press notes' people and long prose."""
    kit = write_press_notes_kit(tmp_path_factory.mktemp("press-notes") / "kit")
    return _screen_pdf(kit, tmp_path_factory.mktemp("press-notes-out"))


@pytest.fixture(params=BUILDS)
def screen_pdf(request: pytest.FixtureRequest) -> Path:
    pdf: Path = request.getfixturevalue(request.param)
    return pdf


@needs_pdfbox
def test_pdfbox_preflight_finds_pdfa_1b(screen_pdf: Path) -> None:
    verdict = preflight(screen_pdf)
    assert verdict.valid, verdict.report


def test_output_intent_is_pdfa_with_an_rgb_icc_profile(screen_pdf: Path) -> None:
    root = PdfReader(screen_pdf).trailer["/Root"]
    (intent,) = [i.get_object() for i in root["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    icc = profile.get_data()
    assert profile["/N"] == 3
    assert icc[16:20] == b"RGB "  # the profile's colour space
    assert icc[8] == 2  # ICC version 2: PDF/A-1 (PDF 1.4) knows no later one


def test_profile_is_the_srgb_the_stills_are_in() -> None:
    """The version 2 profile maps colours as Pillow's own sRGB profile does: converting from
    one to the other changes no pixel."""
    ramp = Image.linear_gradient("L").resize((64, 64))
    image = Image.merge("RGB", (ramp, ramp.rotate(90), ramp.rotate(180)))
    ours = ImageCms.ImageCmsProfile(io.BytesIO(srgb_v2_profile()))
    for intent in (ImageCms.Intent.PERCEPTUAL, ImageCms.Intent.RELATIVE_COLORIMETRIC):
        moved = ImageCms.profileToProfile(image, srgb_profile(), ours, renderingIntent=intent)
        assert moved is not None
        worst = max(abs(a - b) for a, b in zip(moved.tobytes(), image.tobytes(), strict=True))
        assert worst <= 1, intent


@needs_exiftool
def test_xmp_says_pdfa_1b_and_agrees_with_info(screen_pdf: Path) -> None:
    done = subprocess.run(
        ["exiftool", "-j", "-G1", "-sep", ", ", "-PDF:all", "-XMP:all", str(screen_pdf)],
        capture_output=True,
        text=True,
        check=True,
    )
    tags = json.loads(done.stdout)[0]
    assert tags["XMP-pdfaid:Part"] == 1
    assert tags["XMP-pdfaid:Conformance"] == "B"
    assert tags["PDF:Title"] == tags["XMP-dc:Title"]
    assert tags["PDF:Author"] == tags["XMP-dc:Creator"]
    assert tags["PDF:Subject"] == tags["XMP-dc:Description"]
    assert tags["PDF:Keywords"] == tags["XMP-pdf:Keywords"]
    assert tags["PDF:Producer"] == tags["XMP-pdf:Producer"]
    assert tags["PDF:Creator"] == tags["XMP-xmp:CreatorTool"]
    assert tags["PDF:CreateDate"] == tags["XMP-xmp:CreateDate"]
    assert tags["PDF:ModifyDate"] == tags["XMP-xmp:ModifyDate"]


@needs_qpdf
def test_qpdf_check_is_clean(screen_pdf: Path) -> None:
    done = subprocess.run(["qpdf", "--check", str(screen_pdf)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stdout + done.stderr


@needs_poppler
def test_every_font_is_embedded(screen_pdf: Path) -> None:
    done = subprocess.run(["pdffonts", str(screen_pdf)], capture_output=True, text=True)
    listing = done.stdout.splitlines()[2:]
    assert listing, "no fonts listed"
    assert all(line.split()[-5] == "yes" for line in listing), listing


def test_links_survive_as_printable_uri_annotations(small_pdf: Path) -> None:
    annotations = [
        a.get_object() for page in PdfReader(small_pdf).pages for a in page.get("/Annots", [])
    ]
    uris = {a["/A"]["/URI"] for a in annotations if "/A" in a and a["/A"]["/S"] == "/URI"}
    assert {"https://example.com", "mailto:press@example.com"} <= uris
    assert "https://example.com/trailer?a=1&b=2" in uris
    assert all(a["/F"] == 4 for a in annotations)  # print flag only: PDF/A's rule


def test_outline_survives(screen_pdf: Path) -> None:
    reader = PdfReader(screen_pdf)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert len(titles) >= 3, titles
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_byte_identical_twice(
    example_pdf: Path, small_pdf: Path, small_kit_folder: Path, tmp_path: Path
) -> None:
    assert _screen_pdf(EXAMPLE_KIT, tmp_path / "e").read_bytes() == example_pdf.read_bytes()
    assert _screen_pdf(small_kit_folder, tmp_path / "s").read_bytes() == small_pdf.read_bytes()


def test_what_cannot_be_repaired_is_refused(tmp_path: Path) -> None:
    """A font left unembedded or transparency would change the page if removed: the pass
    names them rather than write a file that only claims to be PDF/A."""
    raw = tmp_path / "raw.pdf"
    canvas = Canvas(str(raw), invariant=1)
    canvas.setFont("Helvetica", 12)
    canvas.setFillAlpha(0.5)
    canvas.drawString(72, 720, "Hello")
    canvas.save()
    kit, _ = load_kit(EXAMPLE_KIT)
    with pytest.raises(BuildError) as caught:
        finish_pdf(raw, tmp_path / "out.pdf", kit, dated=DATED)
    assert "font /Helvetica is not embedded" in str(caught.value)
    assert "transparency" in str(caught.value)
    assert not (tmp_path / "out.pdf").exists()


def test_forbidden_actions_go_and_annotations_print(tmp_path: Path) -> None:
    raw = tmp_path / "raw.pdf"
    canvas = Canvas(str(raw), invariant=1)
    canvas.rect(72, 72, 72, 24)
    canvas.linkURL("https://example.com", (72, 72, 144, 96))
    canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(raw))
    link = writer.pages[0]["/Annots"][0].get_object()
    script = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )
    link[NameObject("/AA")] = DictionaryObject({NameObject("/E"): script})
    writer._root_object[NameObject("/OpenAction")] = script
    strip_forbidden_actions(writer)
    flag_annotations(writer)
    assert "/OpenAction" not in writer._root_object
    assert "/AA" not in link and link["/A"]["/S"] == "/URI" and link["/F"] == 4


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Κυνόδοντας — Zażółć gęślą jaźń & <Příliš>", "Łódź\tFilm  Co"),
        ("Plain", None),  # no presented_by: no Author, no dc:creator
    ],
    ids=["accents-and-markup", "no-author"],
)
def test_info_and_xmp_say_the_same(title: str, author: str | None) -> None:
    kit = load_kit(EXAMPLE_KIT)[0]
    kit = replace(kit, title=title, logline="“Quoted”\nline", presented_by=author)
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    write_metadata(writer, kit, DATED, claims=[PDFA_1B])
    buffer = io.BytesIO()
    writer.write(buffer)
    reader = PdfReader(buffer)
    info, xmp = reader.metadata, reader.xmp_metadata
    assert info is not None and xmp is not None
    assert info["/Title"] == xmp.dc_title["x-default"] == f"{title} — Press kit"
    assert info["/Subject"] == xmp.dc_description["x-default"] == "“Quoted” line"
    assert info["/Keywords"] == xmp.pdf_keywords
    assert info["/Producer"] == xmp.pdf_producer and info["/Creator"] == xmp.xmp_creator_tool
    assert info.creation_date == xmp.xmp_create_date.replace(tzinfo=info.creation_date.tzinfo)
    if author:
        assert info["/Author"] == xmp.dc_creator[0] == "Łódź Film Co"
    else:
        assert "/Author" not in info and not xmp.dc_creator
    assert reader.trailer["/Root"]["/Metadata"].get_object().get("/Filter") is None


def test_print_profile_claims_no_pdfa(tmp_path: Path) -> None:
    raw = tmp_path / "raw.pdf"
    canvas = Canvas(str(raw), invariant=1)
    canvas.drawString(72, 720, "Print")
    canvas.save()
    finish_pdf(raw, tmp_path / "print.pdf", load_kit(EXAMPLE_KIT)[0], "print", dated=DATED)
    reader = PdfReader(tmp_path / "print.pdf")
    assert "/OutputIntents" not in reader.trailer["/Root"]
    assert b"pdfaid" not in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_unknown_profile_is_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown PDF profile"):
        finish_pdf(
            tmp_path / "in.pdf", tmp_path / "out.pdf", load_kit(EXAMPLE_KIT)[0], "web", dated=DATED
        )
