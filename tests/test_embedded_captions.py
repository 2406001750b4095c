"""Captions already inside stills: used where kit.yaml says nothing (with a note), overruled
by kit.yaml where both speak and differ (with a warning). Files are captioned by exiftool, an
independent writer, and the built ZIP is read back with exiftool too."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from kitpress.pipeline import BuildOptions, build, check
from kitpress.stills.embedded import read_embedded

from .conftest import SCREEN_PDF, make_still, needs_exiftool

CAPTION = "Zofia Łęcka-Wróblewská on the set of DOGTOOTH & <friends>."


def _exiftool(path: Path, *tags: str) -> None:
    subprocess.run(["exiftool", "-q", "-overwrite_original", *tags, str(path)], check=True)


def _read(path: Path) -> dict[str, str]:
    out = subprocess.run(["exiftool", "-j", "-G1", str(path)], capture_output=True, check=True)
    return json.loads(out.stdout)[0]  # type: ignore[no-any-return]


def _captioned(path: Path) -> Path:
    make_still(path, (900, 600))
    _exiftool(
        path,
        f"-XMP-dc:Description={CAPTION}",
        "-XMP-dc:Creator=Jiří Dvořák",
        "-XMP-dc:Rights=© Boo Productions",
        "-XMP-photoshop:Credit=Kino Lorber",
    )
    return path


@needs_exiftool
def test_xmp_written_by_exiftool_is_read(tmp_path: Path) -> None:
    found = read_embedded(Image.open(_captioned(tmp_path / "a.jpg")))
    assert (found.caption, found.creator, found.copyright, found.credit, found.source) == (
        CAPTION,
        "Jiří Dvořák",
        "Boo Productions",
        "Kino Lorber",
        "XMP",
    )


@needs_exiftool
def test_iptc_only_file_is_read_as_utf8(tmp_path: Path) -> None:
    path = make_still(tmp_path / "b.jpg")
    _exiftool(
        path,
        "-IPTC:CodedCharacterSet=UTF8",
        "-IPTC:Caption-Abstract=Penélope Cruz in a doorway.",
        "-IPTC:By-line=Iglesias Más",
        "-IPTC:CopyrightNotice=(c) El Deseo",
    )
    found = read_embedded(Image.open(path))
    assert (found.caption, found.creator, found.copyright, found.source) == (
        "Penélope Cruz in a doorway.",
        "Iglesias Más",
        "El Deseo",
        "IPTC",
    )


def test_plain_file_carries_nothing(tmp_path: Path) -> None:
    assert not read_embedded(Image.open(make_still(tmp_path / "c.jpg")))


def test_damaged_xmp_is_no_caption_not_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "d.jpg"
    Image.new("RGB", (40, 30)).save(path, xmp=b"<x:xmpmeta><rdf:RDF><broken")
    assert not read_embedded(Image.open(path))


def _kit(tmp_path: Path, rights: str, still_extra: str = "") -> Path:
    kit = tmp_path / "kit"
    kit.mkdir()
    _captioned(kit / "stills" / "a.jpg")
    text = f"title: Dogtooth\n{rights}stills:\n  - {{file: stills/a.jpg{still_extra}}}\n"
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    return kit


@needs_exiftool
def test_file_values_fill_what_the_kit_leaves_out_and_reach_the_zip(tmp_path: Path) -> None:
    kit = _kit(tmp_path, "")
    check(kit, strict=True, formats=SCREEN_PDF)  # notes are information: --strict lets them pass
    result = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert [str(w) for w in result.warnings if w.severity == "note"] == [
        "kit.yaml:3: stills[0]: note: photographer 'Jiří Dvořák' taken from the file's XMP",
        "kit.yaml:3: stills[0]: note: copyright holder 'Boo Productions' taken from the file's XMP",
        "kit.yaml:3: stills[0]: note: courtesy line 'Kino Lorber' taken from the file's XMP",
        f"kit.yaml:3: stills[0]: note: caption taken from the file's XMP: '{CAPTION}'",
    ]
    with zipfile.ZipFile(result.zip) as archive:  # type: ignore[arg-type]
        name = "dogtooth_press-kit/stills-web/dogtooth_still-01_web.jpg"
        (tmp_path / "web.jpg").write_bytes(archive.read(name))
    tags = _read(tmp_path / "web.jpg")
    rights = "© Boo Productions, photo by Jiří Dvořák. Courtesy of Kino Lorber."
    assert tags["XMP-dc:Description"] == f"{CAPTION} {rights}"
    assert tags["IPTC:By-line"] == "Jiří Dvořák"
    assert tags["XMP-photoshop:Credit"] == "Kino Lorber"
    assert tags["IFD0:Copyright"] == "© Boo Productions"


@needs_exiftool
def test_kit_wins_where_both_speak_and_differ(tmp_path: Path) -> None:
    rights = "rights: {photographer: Someone Else, copyright: Boo Productions}\n"
    kit = _kit(tmp_path, rights, ", description: Two sisters at the pool")
    warnings = [str(w) for w in check(kit, formats=SCREEN_PDF).warnings]
    assert warnings == [
        "kit.yaml:4: stills[0]: warning: the file's XMP gives photographer 'Jiří Dvořák'; "
        "kit.yaml's 'Someone Else' is used",
        "kit.yaml:4: stills[0]: note: courtesy line 'Kino Lorber' taken from the file's XMP",
        f"kit.yaml:4: stills[0]: warning: the file's XMP caption differs; kit.yaml's is used "
        f"(file: '{CAPTION}')",
    ]


@needs_exiftool
def test_kitpress_output_fed_back_in_raises_nothing(tmp_path: Path) -> None:
    kit = _kit(tmp_path, "")
    first = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    again = tmp_path / "again"
    again.mkdir()
    with zipfile.ZipFile(first.zip) as archive:  # type: ignore[arg-type]
        name = "dogtooth_press-kit/stills-print/dogtooth_still-01_print.jpg"
        (again / "a.jpg").write_bytes(archive.read(name))
    shutil.copy(kit / "kit.yaml", again / "kit.yaml")
    text = (again / "kit.yaml").read_text(encoding="utf-8").replace("stills/a.jpg", "a.jpg")
    text = text.replace("stills:", "rights: {photographer: Jiří Dvořák}\nstills:")
    (again / "kit.yaml").write_text(text, encoding="utf-8")
    notes = [str(w) for w in check(again, formats=SCREEN_PDF).warnings]
    assert all("differs" not in n and "warning" not in n for n in notes)


@pytest.mark.parametrize("flag", ["-XMP-dc:Description=", "-all="])
@needs_exiftool
def test_emptied_metadata_is_not_a_caption(tmp_path: Path, flag: str) -> None:
    path = _captioned(tmp_path / "e.jpg")
    _exiftool(path, flag)
    assert read_embedded(Image.open(path)).caption == ""
