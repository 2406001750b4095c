"""Caption and credits survive in the delivered JPEG: XMP, IPTC-IIM and EXIF, accents intact."""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageCms

from kitpress.stills.metadata import (
    StillMetadata,
    exif_bytes,
    iptc_segment,
    save_jpeg,
    xmp_packet,
)

CAPTION = "L to R: Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL MOTHERS & <Friends>"
USAGE = "Editorial use only, in connection with the release of PARALLEL MOTHERS."
ALT = "Two women in a hospital corridor, one holding a newborn baby."
META = StillMetadata(
    caption=CAPTION,
    title='PARALLEL MOTHERS "Madres paralelas" still 3',
    photographer="Iglesias Más",
    credit="Sony Pictures Classics",
    copyright="© El Deseo",
    source="El Deseo D.A. S.L.U.",
    people=("Milena Smit", "Penélope Cruz"),
    alt_text=ALT,
    usage_terms=USAGE,
    instructions="No cropping.",
)
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
}
needs_exiftool = pytest.mark.skipif(
    shutil.which("exiftool") is None, reason="exiftool is not installed"
)


def _image() -> Image.Image:
    image = Image.new("RGB", (64, 48))
    image.putdata([(x * 4, y * 5, 128) for y in range(48) for x in range(64)])
    return image


@pytest.fixture(scope="module")
def icc() -> bytes:
    profile: bytes = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return profile


def _save(image: Image.Image, meta: StillMetadata, icc: bytes | None, **kw: Any) -> bytes:
    out = io.BytesIO()
    save_jpeg(image, out, meta, quality=85, icc_profile=icc, **kw)
    return out.getvalue()


@pytest.fixture(scope="module")
def jpeg(icc: bytes) -> bytes:
    return _save(_image(), META, icc)


def _markers(jpeg: bytes) -> list[tuple[int, bytes]]:
    """(marker, payload) of every segment from SOI up to SOS."""
    assert jpeg[:2] == b"\xff\xd8"
    pos, found = 2, []
    while jpeg[pos + 1] != 0xDA:
        assert jpeg[pos] == 0xFF
        (length,) = struct.unpack_from(">H", jpeg, pos + 2)
        found.append((jpeg[pos + 1], jpeg[pos + 4 : pos + 2 + length]))
        pos += 2 + length
    return found


def _iim(segment: bytes) -> dict[tuple[int, int], bytes]:
    """The IIM datasets of an APP13 segment, parsed independently of the writer."""
    assert segment[:2] == b"\xff\xed"
    assert struct.unpack_from(">H", segment, 2)[0] == len(segment) - 2
    assert segment[4:18] == b"Photoshop 3.0\x00"
    assert segment[18:26] == b"8BIM\x04\x04\x00\x00"
    (size,) = struct.unpack_from(">I", segment, 26)
    data, pos, datasets = segment[30 : 30 + size], 0, {}
    while pos < len(data):
        tag, record, number, length = struct.unpack_from(">BBBH", data, pos)
        assert tag == 0x1C
        datasets[(record, number)] = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    return datasets


def _exiftool(path: Path, *options: str) -> dict[str, Any]:
    done = subprocess.run(
        ["exiftool", "-j", "-G1", "-a", *options, str(path)],
        capture_output=True,
        check=True,
    )
    tags: dict[str, Any] = json.loads(done.stdout.decode("utf-8"))[0]
    return tags


@needs_exiftool
def test_exiftool_reads_every_group_with_accents(jpeg: bytes, tmp_path: Path) -> None:
    path = tmp_path / "still.jpg"
    path.write_bytes(jpeg)
    tags = _exiftool(path, "-charset", "iptc=UTF8")
    expected = {
        "XMP-dc:Description": CAPTION,
        "XMP-dc:Title": 'PARALLEL MOTHERS "Madres paralelas" still 3',
        "XMP-dc:Creator": "Iglesias Más",
        "XMP-dc:Rights": "© El Deseo",
        "XMP-photoshop:Credit": "Sony Pictures Classics",
        "XMP-photoshop:Source": "El Deseo D.A. S.L.U.",
        "XMP-photoshop:Instructions": "No cropping.",
        "XMP-xmpRights:UsageTerms": USAGE,
        "XMP-iptcExt:PersonInImage": ["Milena Smit", "Penélope Cruz"],
        "XMP-iptcCore:AltTextAccessibility": ALT,
        "IPTC:CodedCharacterSet": "UTF8",
        "IPTC:ApplicationRecordVersion": 4,
        "IPTC:Caption-Abstract": CAPTION,
        "IPTC:ObjectName": 'PARALLEL MOTHERS "Madres paralelas" still 3',
        "IPTC:By-line": "Iglesias Más",
        "IPTC:Credit": "Sony Pictures Classics",
        "IPTC:Source": "El Deseo D.A. S.L.U.",
        "IPTC:CopyrightNotice": "© El Deseo",
        "IPTC:SpecialInstructions": f"No cropping. / {USAGE}",
        "IFD0:ImageDescription": CAPTION,
        "IFD0:Artist": "Iglesias Más",
        "IFD0:Copyright": "© El Deseo",
    }
    assert {key: tags.get(key) for key in expected} == expected
    assert tags["Photoshop:IPTCDigest"] == tags["File:CurrentIPTCDigest"]
    assert "IFD0:Orientation" not in tags
    assert "ICC_Profile:ProfileDescription" in tags
    assert not [key for key in tags if key.endswith(":Warning")]


@needs_exiftool
def test_exiftool_honours_the_utf8_declaration_unprompted(jpeg: bytes, tmp_path: Path) -> None:
    path = tmp_path / "still.jpg"
    path.write_bytes(jpeg)
    tags = _exiftool(path)
    assert tags["IPTC:Caption-Abstract"] == CAPTION
    assert tags["IPTC:By-line"] == "Iglesias Más"


@needs_exiftool
def test_exiftool_validates_the_file(jpeg: bytes, tmp_path: Path) -> None:
    path = tmp_path / "still.jpg"
    path.write_bytes(jpeg)
    assert _exiftool(path, "-validate", "-warning")["ExifTool:Validate"] == "OK"


@needs_exiftool
def test_exiftool_sees_the_cut_iptc_and_the_full_xmp(tmp_path: Path) -> None:
    path = tmp_path / "long.jpg"
    meta = StillMetadata(caption="x", credit="Courtesy of Sony Pictures Classics")
    path.write_bytes(_save(_image(), meta, None))
    tags = _exiftool(path)
    assert tags["IPTC:Credit"] == "Courtesy of Sony Pictures Classi"
    assert tags["XMP-photoshop:Credit"] == "Courtesy of Sony Pictures Classics"


def test_pillow_reopens_with_xmp_icc_and_no_orientation(jpeg: bytes, icc: bytes) -> None:
    with Image.open(io.BytesIO(jpeg)) as image:
        image.load()
        assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (64, 48))
        assert image.info["icc_profile"] == icc
        assert 0x0112 not in image.getexif()
        root = ET.fromstring(image.info["xmp"].split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    caption = root.find(".//dc:description/rdf:Alt/rdf:li", NS)
    assert caption is not None
    assert caption.text == CAPTION
    creators = root.findall(".//dc:creator/rdf:Seq/rdf:li", NS)
    assert [c.text for c in creators] == ["Iglesias Más"]


def test_pillow_getxmp_has_the_caption(jpeg: bytes) -> None:
    pytest.importorskip("defusedxml", reason="Image.getxmp() needs defusedxml")
    with Image.open(io.BytesIO(jpeg)) as image:
        description = image.getxmp()["xmpmeta"]["RDF"]["Description"]
    assert description["description"]["Alt"]["li"]["text"] == CAPTION


def test_same_inputs_give_the_same_bytes(jpeg: bytes, icc: bytes) -> None:
    assert _save(_image(), META, icc) == jpeg
    assert _save(_image(), META, icc, progressive=True) == _save(
        _image(), META, icc, progressive=True
    )
    assert xmp_packet(META) == xmp_packet(META)


def test_source_orientation_comment_and_exif_stay_behind(icc: bytes) -> None:
    source = Image.Exif()
    source[0x0112] = 6
    source[0x010F] = "CameraMaker"
    buffer = io.BytesIO()
    _image().save(buffer, "JPEG", exif=source, comment=b"internal note")
    with Image.open(buffer) as upright:
        out = _save(upright, META, icc)
    with Image.open(io.BytesIO(out)) as image:
        exif = image.getexif()
        assert "comment" not in image.info
    assert 0x0112 not in exif
    assert 0x010F not in exif
    reloaded = Image.Exif()
    reloaded.load(exif_bytes(META, source))
    assert set(reloaded) == {0x010E, 0x011A, 0x011B, 0x0128, 0x013B, 0x0213, 0x8298}


def test_exif_text_is_utf8_bytes() -> None:
    reloaded = Image.Exif()
    reloaded.load(exif_bytes(META))
    # Pillow decodes EXIF ASCII as Latin-1; the bytes underneath are UTF-8.
    assert reloaded[0x013B].encode("latin-1").decode("utf-8") == "Iglesias Más"
    assert reloaded[0x8298].encode("latin-1").decode("utf-8") == "© El Deseo"
    assert exif_bytes(StillMetadata(caption="")) == b""


def test_app13_sits_after_the_last_appn_before_dqt(jpeg: bytes) -> None:
    markers = [marker for marker, _ in _markers(jpeg)]
    assert markers.count(0xED) == 1
    first_coding = markers.index(0xDB)
    last_app = max(i for i, m in enumerate(markers[:first_coding]) if 0xE0 <= m <= 0xEF)
    assert markers[last_app] == 0xED
    assert markers[:last_app] == [0xE0, 0xE1, 0xE1, 0xE2]


def test_iptc_segment_declares_utf8_and_version() -> None:
    segment, warnings = iptc_segment(META)
    datasets = _iim(segment)
    assert warnings == []
    assert datasets[(1, 90)] == b"\x1b%G"
    assert datasets[(2, 0)] == b"\x00\x04"
    assert datasets[(2, 120)].decode("utf-8") == CAPTION
    assert datasets[(2, 80)] == "Iglesias Más".encode()
    assert list(datasets) == sorted(datasets)


def test_empty_fields_are_left_out() -> None:
    meta = StillMetadata(caption="Only a caption")
    assert set(_iim(iptc_segment(meta)[0])) == {(1, 0), (1, 90), (2, 0), (2, 120)}
    packet = xmp_packet(meta)
    assert b"dc:description" in packet
    for absent in (b"dc:creator", b"photoshop:Credit", b"PersonInImage", b"UsageTerms"):
        assert absent not in packet


def test_over_long_credit_is_cut_with_a_warning() -> None:
    meta = StillMetadata(caption="x", credit="Courtesy of Sony Pictures Classics")
    segment, warnings = iptc_segment(meta)
    assert warnings == [
        "IPTC Credit holds 32 bytes; 'Courtesy of Sony Pictures Classics' is 34, cut there"
        " (the full text is in XMP)"
    ]
    assert _iim(segment)[(2, 110)] == b"Courtesy of Sony Pictures Classi"
    assert b"Courtesy of Sony Pictures Classics" in xmp_packet(meta)


@pytest.mark.parametrize(
    ("credit", "kept"),
    [
        ("a" * 31 + "é", "a" * 31),  # 2-byte character straddles byte 32
        ("a" * 30 + "€x", "a" * 30),  # 3-byte character
        ("a" * 29 + "😀", "a" * 29),  # 4-byte character
        ("a" * 30 + "e\u0301", "a" * 30),  # e + combining accent: the e goes too
        ("ñ" * 17, "ñ" * 16),
    ],
)
def test_cut_never_splits_a_character(credit: str, kept: str) -> None:
    segment, warnings = iptc_segment(StillMetadata(caption="x", credit=credit))
    value = _iim(segment)[(2, 110)]
    assert value.decode("utf-8") == kept
    assert len(value) <= 32
    assert warnings[0].startswith(f"IPTC Credit holds 32 bytes; '{credit}' is ")


def test_long_caption_warning_is_shortened_but_exact_about_bytes() -> None:
    caption = "Penélope " * 300
    segment, warnings = iptc_segment(StillMetadata(caption=caption))
    size = len(caption.encode("utf-8"))
    assert len(warnings) == 1
    assert "IPTC Caption-Abstract holds 2000 bytes; 'Penélope Penélope" in warnings[0]
    assert warnings[0].endswith(f"…' is {size}, cut there (the full text is in XMP)")
    assert len(_iim(segment)[(2, 120)]) <= 2000


def test_xmp_packet_is_wrapped_escaped_and_parseable() -> None:
    packet = xmp_packet(META)
    assert packet.startswith(b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>')
    assert packet.endswith(b'<?xpacket end="w"?>')
    assert b"PARALLEL MOTHERS &amp; &lt;Friends&gt;" in packet
    ET.fromstring(packet.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])


def test_characters_xml_cannot_carry_are_refused() -> None:
    with pytest.raises(ValueError, match="U\\+0007"):
        StillMetadata(caption="bell\x07")
    with pytest.raises(ValueError, match="people"):
        StillMetadata(caption="x", people=("ok", "nul\x00"))


def test_only_rgb_or_grey_images_are_encoded() -> None:
    with pytest.raises(ValueError, match="RGBA"):
        save_jpeg(Image.new("RGBA", (4, 4)), io.BytesIO(), META, quality=85, icc_profile=None)


def test_marker_walk_is_not_fooled_by_marker_bytes_inside_segments() -> None:
    from kitpress.stills.metadata import _app13_offset

    app1 = b"\xff\xe1" + struct.pack(">H", 8) + b"\xff\xdb\x00\x43\xff\xc0"  # DQT/SOF look-alikes
    com = b"\xff\xfe" + struct.pack(">H", 4) + b"hi"
    stream = b"\xff\xd8" + app1 + com + b"\xff\xff\xdb\x00\x43" + b"\x00" * 65
    assert _app13_offset(stream) == 2 + len(app1)
    with pytest.raises(ValueError, match="no SOI"):
        _app13_offset(b"\x89PNG")
    with pytest.raises(ValueError, match="no DQT or SOF"):
        _app13_offset(b"\xff\xd8\xff\xd9")
