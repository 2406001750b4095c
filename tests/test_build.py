"""End to end: build a small generated kit and the example kit, read the outputs back with
independent readers (pypdf, zipfile, Pillow, exiftool, poppler)."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageCms
from pypdf import PdfReader

from kitpress.pipeline import BuildOptions, build

from .conftest import EXAMPLE_KIT, needs_exiftool, needs_poppler, needs_qpdf, placed_slots


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> object:
    out = tmp_path_factory.mktemp("example")
    return build(EXAMPLE_KIT, BuildOptions(format="all", out=out))


EXPECTED_CAPTIONS = [
    "L to R: Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL MOTHERS.",
    "L to R: Rossy de Palma as Elena, Israel Elejalde as Arturo, Penélope Cruz as Janis, "
    "Milena Smit as Ana in PARALLEL MOTHERS.",
    # behind the scenes (the director in the picture): names only, "on the set of"
    "Milena Smit, Penélope Cruz and director Pedro Almodóvar on the set of PARALLEL MOTHERS.",
    "L to R: Penélope Cruz as Janis, Milena Smit as Ana in PARALLEL MOTHERS.",
    "L to R: Milena Smit as Ana, Aitana Sánchez-Gijón as Teresa in PARALLEL MOTHERS.",
    "Penélope Cruz and director Pedro Almodóvar on the set of PARALLEL MOTHERS.",
]
RIGHTS = "© El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics."
RIGHTS_9 = "© El Deseo D.A. S.L.U., photo by Iglesias Más. Courtesy of Sony Pictures Classics."


def test_example_pdf_has_every_caption_and_rights_line(example_build: object) -> None:
    text = flat(pdf_text(example_build.pdf))  # type: ignore[attr-defined]
    for caption in EXPECTED_CAPTIONS:
        assert flat(caption) in text
    # the stills share it: set once under the stills heading, and once more under the back
    # cover's still, a page of its own
    assert text.count(RIGHTS) == 2
    assert text.count(RIGHTS_9) == 1  # the one still with rights of its own keeps them
    assert "Penélope" in text and "Más" in text
    assert "5 April 2022" in text and "Tuesday" not in text  # British, no weekday
    assert "Two women, Janis and Ana, coincide in a hospital room" in text


def test_example_zip_matches_its_manifest(example_build: object) -> None:
    result = example_build
    with zipfile.ZipFile(result.zip) as archive:  # type: ignore[attr-defined]
        names = archive.namelist()
        assert names == sorted(names)
        folder = "parallel-mothers_press-kit/"
        listing = json.loads(archive.read(folder + "manifest.json"))
        for record in listing["files"]:
            data = archive.read(folder + record["name"])
            assert len(data) == record["bytes"]
            assert hashlib.sha256(data).hexdigest() == record["sha256"]
            if record["name"].endswith(".jpg"):
                assert list(Image.open(io.BytesIO(data)).size) == record["pixels"]
    listed = {r["name"] for r in listing["files"]}
    assert {
        f"stills-print/parallel-mothers_still-{i:02d}_print.jpg" for i in range(1, 10)
    } <= listed
    assert {f"stills-web/parallel-mothers_still-{i:02d}_web.jpg" for i in range(1, 10)} <= listed
    thumbs = {f"stills-thumb/parallel-mothers_still-{i:02d}_thumb.jpg" for i in range(1, 10)}
    assert thumbs <= listed
    assert {"captions.csv", "captions.txt", "parallel-mothers_press-kit.pdf"} <= listed
    beside = json.loads(result.manifest.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    assert beside["files"] == listing["files"]


def test_example_stills_are_upright_srgb_at_promised_sizes(example_build: object) -> None:
    with zipfile.ZipFile(example_build.zip) as archive:  # type: ignore[attr-defined]
        folder = "parallel-mothers_press-kit/"
        rotated = Image.open(
            io.BytesIO(archive.read(folder + "stills-web/parallel-mothers_still-07_web.jpg"))
        )
        portrait = Image.open(
            io.BytesIO(archive.read(folder + "stills-web/parallel-mothers_still-05_web.jpg"))
        )
        printed = Image.open(
            io.BytesIO(archive.read(folder + "stills-print/parallel-mothers_still-01_print.jpg"))
        )
        thumb = Image.open(
            io.BytesIO(archive.read(folder + "stills-thumb/parallel-mothers_still-05_thumb.jpg"))
        )
    assert rotated.size == (2048, 1365)  # stored sideways with EXIF Orientation 6
    assert rotated.getexif().get(0x0112) is None
    assert portrait.size == (1365, 2048)
    assert printed.size == (3508, 2339)
    assert thumb.size == (320, 480)
    profile = ImageCms.ImageCmsProfile(io.BytesIO(rotated.info["icc_profile"]))
    assert "sRGB" in ImageCms.getProfileDescription(profile)


def test_example_build_is_byte_identical_twice(example_build: object, tmp_path: Path) -> None:
    again = build(EXAMPLE_KIT, BuildOptions(format="all", out=tmp_path))
    assert again.pdf.read_bytes() == example_build.pdf.read_bytes()  # type: ignore[union-attr, attr-defined]
    assert again.zip.read_bytes() == example_build.zip.read_bytes()  # type: ignore[union-attr, attr-defined]


def test_small_kit_pdf_text_escaping_and_sections(small_kit: Path, tmp_path: Path) -> None:
    result = build(small_kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.zip is None and result.pdf is not None
    text = flat(pdf_text(result.pdf))
    typed = text.replace("“", '"').replace("”", '"')  # the user's quotes are typeset
    assert 'AT&T <Cannes> <img src="x.png"/>' in typed
    assert "DOGTOOTH & <FRIENDS>" in text
    assert "Κυνόδοντας" in text and "Zofia Łęcka-Wróblewská" in text
    assert "L to R: Aggeliki Papoulia as Older Daughter, Christos Stergioglou as Father in" in text
    assert "Director Giorgos Lanthimos on the set of DOGTOOTH & <FRIENDS>." in text
    assert "© Boo Productions, photo by Jiří Dvořák. Courtesy of Kino Lorber." in text
    for heading in (
        "Synopsis",
        "Technical details",
        "Cast",
        "Press",
        "Stills",
        "Contacts",
    ):
        assert heading in text
    # One release date, a crew of two and one festival are rows of the technical details,
    # not lists under headings of their own.
    assert "Release dates" not in text and "Crew" not in text and "Festivals and" not in text
    assert "Winner — Prix Un Certain Regard" in text
    assert "GREECE 29 October 2009 · theatrical" in text and "SCREENPLAY Efthymis" in text
    reader = PdfReader(result.pdf)
    outline = [item.title for item in reader.outline]
    # contacts and praise on the inside front, as press notes have them
    assert outline[:3] == ["Contacts", "Press", "Synopsis"] and "Stills" in outline
    uris = {a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots", [])}
    assert "https://example.com/trailer?a=1&b=2" in uris
    assert "mailto:press@example.com" in uris
    assert "https://example.com" in uris
    assert not any("x.png" in u for u in uris)


def test_small_sources_are_never_upsampled_and_warned_about(
    small_kit: Path, tmp_path: Path
) -> None:
    result = build(small_kit, BuildOptions(format="zip", out=tmp_path / "out"))
    first = result.stills[0]
    assert first.files["print"].size == (1200, 800)
    assert first.files["web"].size == (1200, 800)
    warned = [str(w) for w in result.warnings if "print rendition" in w.message]
    assert warned[0] == (
        "kit.yaml:33: stills[0].file: warning: one.jpg is 1200×800 px, smaller than the 3508 px "
        "print rendition; delivered at its own size (never upsampled), 103 ppi on a full A4 page"
    )
    assert result.pdf is None and result.zip is not None


def test_small_kit_pdf_images_are_at_layout_ppi(small_kit: Path, tmp_path: Path) -> None:
    for slot in placed_slots(small_kit):
        ppi = slot.effective_ppi
        source_limited = slot.pixels[0] >= slot.source_pixels[0]
        assert source_limited or ppi == pytest.approx(200, abs=1)


def test_empty_sections_are_left_out(write_kit: object, tmp_path: Path) -> None:
    kit = write_kit("title: Only A Title\n")  # type: ignore[operator]
    result = build(kit, BuildOptions(format="all", out=tmp_path / "out"))
    text = pdf_text(result.pdf)  # type: ignore[arg-type]
    assert "Only A Title".upper() in text.upper()
    for absent in ("Synopsis", "Cast", "Crew", "Stills", "Technical details"):
        assert absent not in text
    assert result.pages == 1


@needs_poppler
def test_every_font_is_embedded(example_build: object) -> None:
    listing = subprocess.run(
        ["pdffonts", str(example_build.pdf)],
        capture_output=True,  # type: ignore[attr-defined]
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert listing, "no fonts listed"
    assert all(line.split()[-5] == "yes" for line in listing), listing


@needs_qpdf
def test_pdf_is_structurally_valid(example_build: object) -> None:
    done = subprocess.run(
        ["qpdf", "--check", str(example_build.pdf)], capture_output=True, text=True
    )  # type: ignore[attr-defined]
    assert done.returncode == 0, done.stdout + done.stderr


@needs_exiftool
def test_zip_stills_carry_caption_and_credits(example_build: object, tmp_path: Path) -> None:
    with zipfile.ZipFile(example_build.zip) as archive:  # type: ignore[attr-defined]
        archive.extractall(tmp_path)
    still = next(tmp_path.rglob("parallel-mothers_still-09_print.jpg"))
    out = subprocess.run(
        ["exiftool", "-j", "-G1", "-a", str(still)], capture_output=True, text=True, check=True
    ).stdout
    tags = json.loads(out)[0]
    caption = (
        "Penélope Cruz and director Pedro Almodóvar on the set of PARALLEL MOTHERS. " + RIGHTS_9
    )
    assert tags["XMP-dc:Description"] == caption
    assert tags["IPTC:Caption-Abstract"] == caption
    assert tags["IFD0:ImageDescription"] == caption
    assert tags["XMP-dc:Creator"] == tags["IPTC:By-line"] == tags["IFD0:Artist"] == "Iglesias Más"
    assert tags["XMP-dc:Rights"] == tags["IFD0:Copyright"] == "© El Deseo D.A. S.L.U."
    assert tags["XMP-photoshop:Credit"] == tags["IPTC:Credit"] == "Sony Pictures Classics"
    assert tags["XMP-iptcExt:PersonInImage"] == ["Penélope Cruz", "Pedro Almodóvar"]
