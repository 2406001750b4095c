"""Caption and credits embedded in every delivered JPEG: XMP, IPTC-IIM and EXIF.

Picture desks keep the image file and throw away the email, so each still carries its own
caption and credits. XMP is the authoritative store (full Unicode, no length limits); its
caption, title, rights, alt text and usage terms are language alternatives (``rdf:Alt``):
the kit's main language as ``x-default`` and under its own tag, then one entry per
translation. IPTC-IIM (APP13, Photoshop 3.0 resource 0x0404, UTF-8 declared with 1:90 = ESC % G) and
EXIF IFD0 are mirrors for software that reads nothing else.

IIM datasets have byte limits. A value that does not fit is cut at a character boundary
and reported in a warning; it is never cut silently, and the full text stays in XMP.
An IPTC digest (Photoshop resource 0x0425) marks the IIM as in sync with the XMP, so
readers that follow the Metadata Working Group rules prefer the untruncated XMP values.

Pillow writes EXIF text given as ``str`` as ASCII (é becomes ?), so EXIF text goes in as
UTF-8 bytes, which exiftool reads back intact (Pillow itself reads them back as Latin-1).
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import unicodedata
from dataclasses import dataclass, fields
from typing import BinaryIO
from xml.sax.saxutils import escape

from PIL import Image

# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_NAMESPACES = (
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("photoshop", "http://ns.adobe.com/photoshop/1.0/"),
    ("xmpRights", "http://ns.adobe.com/xap/1.0/rights/"),
    ("Iptc4xmpCore", "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"),
    ("Iptc4xmpExt", "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"),
)
# The packet id is the fixed value the XMP specification prescribes, not a random one.
_XPACKET_BEGIN = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
_XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
_XPACKET_END = '<?xpacket end="w"?>'
_XMP_PADDING = (" " * 99 + "\n") * 20  # room for editors that rewrite the packet in place
# Pillow writes XMP as one APP1 segment: 65,533 data bytes minus the 29-byte namespace header.
XMP_MAX_BYTES = 65_504

# IFD0 tags EXIF requires for JPEG: XResolution, YResolution, ResolutionUnit (1: none, 2:
# inches) and YCbCrPositioning (centred), stated to match the JFIF header.
_X_RESOLUTION, _Y_RESOLUTION, _RESOLUTION_UNIT, _YCBCR_POSITIONING = 0x011A, 0x011B, 0x0128, 0x0213
_INCHES = 2

_IIM_UTF8 = b"\x1b%G"
_IIM_VERSION = struct.pack(">H", 4)
_PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"
_RESOURCE_IIM = 0x0404
_RESOURCE_IPTC_DIGEST = 0x0425
_INSTRUCTIONS_JOIN = " / "

# JPEG markers that end the run of APPn segments: DQT and every SOFn (not DHT, JPG, DAC).
_FIRST_CODING_MARKERS = (frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}) | {0xDB}
_STANDALONE_MARKERS = frozenset(range(0xD0, 0xD8)) | {0x01}


def _check_text(name: str, text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"{name}: expected text, got {type(text).__name__}")
    if bad := _NOT_XML.search(text):
        raise ValueError(
            f"{name}: character U+{ord(bad.group()):04X} cannot be stored in image metadata"
        )


@dataclass(frozen=True)
class Translation:
    """A still's caption, title, rights line, alt text and usage terms in one more language
    (a BCP 47 tag); empty fields are left out of that language's XMP entries."""

    language: str
    caption: str = ""
    title: str = ""
    copyright: str = ""
    alt_text: str = ""
    usage_terms: str = ""

    def __post_init__(self) -> None:
        for field in fields(self):
            _check_text(
                f"{self.language or 'translation'}: {field.name}", getattr(self, field.name)
            )
        if not self.language:
            raise ValueError("translation: a language tag is needed")


@dataclass(frozen=True)
class StillMetadata:
    """What one still says about itself; empty fields are left out of every block.

    ``language`` is the tag of the main language the other fields are in, ``translations``
    the same caption, title, rights line, alt text and usage terms in other languages: XMP
    carries them all, IPTC and EXIF the main language only. Without translations the XMP
    states no tag but ``x-default``."""

    caption: str
    title: str = ""
    photographer: str = ""
    credit: str = ""
    copyright: str = ""
    source: str = ""
    people: tuple[str, ...] = ()
    alt_text: str = ""
    usage_terms: str = ""
    instructions: str = ""
    language: str = ""
    translations: tuple[Translation, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "people", tuple(self.people))
        object.__setattr__(self, "translations", tuple(self.translations))
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name == "translations":
                if bad_item := next((t for t in value if not isinstance(t, Translation)), None):
                    raise TypeError(
                        f"translations: expected Translation, got {type(bad_item).__name__}"
                    )
                continue
            for text in value if isinstance(value, tuple) else (value,):
                _check_text(field.name, text)
        if self.translations and not self.language:
            raise ValueError("language: the main language's tag is needed beside translations")

    def alternatives(self, name: str) -> tuple[tuple[str, str], ...]:
        """(language, text) of field ``name`` (one of `Translation`'s texts) in every
        language that gives it: the main one first, then each translation; nothing without
        translations."""
        if not self.translations:
            return ()
        main = ((self.language, getattr(self, name)),)
        others = tuple((t.language, getattr(t, name)) for t in self.translations)
        return tuple((tag, text) for tag, text in main + others if text)


def _text(value: str) -> str:
    return escape(value).replace("\r", "&#xD;")


def _lang_alt(name: str, value: str, alternatives: tuple[tuple[str, str], ...] = ()) -> str:
    """A language alternative: ``value`` as ``x-default`` (when there is one), then every
    (tag, text) given."""
    entries = ((("x-default", value),) if value else ()) + alternatives
    items = "".join(
        f'<rdf:li xml:lang="{_text(tag)}">{_text(text)}</rdf:li>' for tag, text in entries
    )
    return f"   <{name}><rdf:Alt>{items}</rdf:Alt></{name}>"


def _in_languages(meta: StillMetadata, field: str, name: str) -> tuple[object, str]:
    """(whether there is any text, the property) for one of `Translation`'s fields."""
    value, alternatives = getattr(meta, field), meta.alternatives(field)
    return (value or alternatives), _lang_alt(name, value, alternatives)


def _array(name: str, kind: str, values: tuple[str, ...]) -> str:
    items = "".join(f"<rdf:li>{_text(v)}</rdf:li>" for v in values)
    return f"   <{name}><rdf:{kind}>{items}</rdf:{kind}></{name}>"


def _simple(name: str, value: str) -> str:
    return f"   <{name}>{_text(value)}</{name}>"


def _xmp_properties(meta: StillMetadata) -> list[str]:
    people = tuple(p for p in meta.people if p)
    candidates = [
        _in_languages(meta, "title", "dc:title"),
        _in_languages(meta, "caption", "dc:description"),
        (meta.photographer, _array("dc:creator", "Seq", (meta.photographer,))),
        _in_languages(meta, "copyright", "dc:rights"),
        (meta.credit, _simple("photoshop:Credit", meta.credit)),
        (meta.source, _simple("photoshop:Source", meta.source)),
        (meta.instructions, _simple("photoshop:Instructions", meta.instructions)),
        _in_languages(meta, "usage_terms", "xmpRights:UsageTerms"),
        (people, _array("Iptc4xmpExt:PersonInImage", "Bag", people)),
        _in_languages(meta, "alt_text", "Iptc4xmpCore:AltTextAccessibility"),
    ]
    return [xml for value, xml in candidates if value]


def xmp_packet(meta: StillMetadata) -> bytes:
    """The complete, deterministic XMP packet (UTF-8) for one still."""
    body = _xmp_body(meta)
    packet = (body + _XMP_PADDING + _XPACKET_END).encode("utf-8")
    if len(packet) > XMP_MAX_BYTES:
        packet = (body + _XPACKET_END).encode("utf-8")
    if len(packet) > XMP_MAX_BYTES:
        raise ValueError(
            f"XMP packet is {len(packet):,} bytes; one JPEG segment holds {XMP_MAX_BYTES:,}"
            " (shorten the caption)"
        )
    return packet


def _xmp_body(meta: StillMetadata) -> str:
    declarations = "".join(f'\n    xmlns:{prefix}="{uri}"' for prefix, uri in _NAMESPACES)
    return "\n".join(
        [
            _XPACKET_BEGIN,
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
            ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
            f'  <rdf:Description rdf:about=""{declarations}>',
            *_xmp_properties(meta),
            "  </rdf:Description>",
            " </rdf:RDF>",
            "</x:xmpmeta>",
            "",
        ]
    )


@dataclass(frozen=True)
class RecordFit:
    """How one still's metadata record fits a JPEG: the IIM values that will be cut to their
    dataset's byte limit (XMP keeps them whole), and why the record cannot be embedded at
    all, when it cannot (one JPEG segment holds 65,533 bytes)."""

    cut: tuple[str, ...] = ()
    too_large: str | None = None

    @property
    def fits(self) -> bool:
        return self.too_large is None


_FIELD_WORDS = {
    "caption": "the caption",
    "title": "the title",
    "photographer": "the photographer",
    "credit": "the credit",
    "copyright": "the copyright line",
    "source": "the source",
    "people": "the people",
    "alt_text": "the alt text",
    "usage_terms": "the usage terms",
    "instructions": "the instructions",
    "language": "the language tag",
    "translations": "the translations",
}


def record_fit(meta: StillMetadata) -> RecordFit:
    """Whether ``meta`` can be embedded, and which limits it hits, without encoding a still."""
    _, cut = iptc_segment(meta)
    xmp = len((_xmp_body(meta) + _XPACKET_END).encode("utf-8"))
    exif = len(exif_bytes(meta, ppi=1)) + 2  # the density never changes its size
    if xmp <= XMP_MAX_BYTES and exif <= 0xFFFF:
        return RecordFit(tuple(cut))
    block, size, limit = (
        ("XMP", xmp, XMP_MAX_BYTES) if xmp > XMP_MAX_BYTES else ("EXIF", exif, 0xFFFF)
    )
    name, longest = _largest_field(meta)
    reason = (
        f"its {block} metadata would be {size:,} bytes, more than the {limit:,} one JPEG "
        f"segment holds; {_FIELD_WORDS[name]} takes {longest:,} of them: shorten it"
    )
    return RecordFit(tuple(cut), reason)


def _largest_field(meta: StillMetadata) -> tuple[str, int]:
    def size(value: str | tuple[str, ...] | tuple[Translation, ...]) -> int:
        texts = value if isinstance(value, tuple) else (value,)
        return sum(
            len(_text(t).encode("utf-8"))
            if isinstance(t, str)
            else size((t.caption, t.title, t.copyright, t.alt_text, t.usage_terms))
            for t in texts
        )

    return max(((f.name, size(getattr(meta, f.name))) for f in fields(meta)), key=lambda x: x[1])


def _iim_fields(meta: StillMetadata) -> list[tuple[int, str, int, str]]:
    """(dataset, name, byte limit, value) of record 2, in dataset order."""
    special = _INSTRUCTIONS_JOIN.join(t for t in (meta.instructions, meta.usage_terms) if t)
    return [
        (5, "ObjectName", 64, meta.title),
        (40, "SpecialInstructions", 256, special),
        (80, "By-line", 32, meta.photographer),
        (110, "Credit", 32, meta.credit),
        (115, "Source", 32, meta.source),
        (116, "CopyrightNotice", 128, meta.copyright),
        (120, "Caption-Abstract", 2000, meta.caption),
    ]


def _cut_utf8(text: str, limit: int) -> str:
    """The longest prefix of ``text`` within ``limit`` UTF-8 bytes that splits no character.

    A base letter whose combining marks would not fit is dropped with them (no bare "e"
    left over from "é" written as e + U+0301).
    """
    kept = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
    while kept and len(kept) < len(text) and unicodedata.category(text[len(kept)])[0] == "M":
        kept = kept[:-1]
    return kept


def _shown(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def _dataset(record: int, number: int, data: bytes) -> bytes:
    return struct.pack(">BBBH", 0x1C, record, number, len(data)) + data


def _resource(resource_id: int, data: bytes) -> bytes:
    # 8BIM, id, empty Pascal name padded to even length, size, data padded to even length.
    padding = b"\x00" * (len(data) % 2)
    return b"8BIM" + struct.pack(">H2sI", resource_id, b"", len(data)) + data + padding


def _iim_value(name: str, limit: int, value: str, warnings: list[str]) -> bytes:
    data = value.encode("utf-8")
    if len(data) <= limit:
        return data
    warnings.append(
        f"IPTC {name} holds {limit} bytes; '{_shown(value)}' is {len(data)}, cut there"
        " (the full text is in XMP)"
    )
    return _cut_utf8(value, limit).encode("utf-8")


def iptc_segment(meta: StillMetadata) -> tuple[bytes, list[str]]:
    """The full APP13 segment carrying the IIM mirror, and a warning for every cut value."""
    warnings: list[str] = []
    iim = _dataset(1, 0, _IIM_VERSION) + _dataset(1, 90, _IIM_UTF8) + _dataset(2, 0, _IIM_VERSION)
    for number, name, limit, value in _iim_fields(meta):
        if value:
            iim += _dataset(2, number, _iim_value(name, limit, value, warnings))
    payload = _PHOTOSHOP_HEADER + _resource(_RESOURCE_IIM, iim)
    payload += _resource(_RESOURCE_IPTC_DIGEST, hashlib.md5(iim).digest())
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload, warnings


def exif_bytes(
    meta: StillMetadata, base: Image.Exif | None = None, ppi: int | None = None
) -> bytes:
    """A minimal EXIF block: ImageDescription, Artist and Copyright as UTF-8.

    Besides them only the four IFD0 tags EXIF requires for JPEG are written, matching the
    JFIF header: ``ppi`` pixels per inch (resolution 1:1 without unit when it is None) and
    centred chroma. ``base`` (the source's EXIF) is accepted, but nothing is copied from it:
    Orientation must not survive (the pixels are already upright), and camera serials, GPS,
    maker notes and thumbnails have no place in a press kit. Returns ``b""`` when there is
    nothing to write (no text and no density).
    """
    exif = Image.Exif()
    texts = {0x010E: meta.caption, 0x013B: meta.photographer, 0x8298: meta.copyright}
    for tag, value in texts.items():  # ImageDescription, Artist, Copyright
        if value:
            exif[tag] = value.encode("utf-8")  # bytes: Pillow would write str as ASCII
    if not len(exif) and ppi is None:
        return b""
    exif[_X_RESOLUTION] = exif[_Y_RESOLUTION] = float(ppi or 1)
    exif[_RESOLUTION_UNIT] = _INCHES if ppi else 1
    exif[_YCBCR_POSITIONING] = 1
    return exif.tobytes()


def jfif_ppi(jpeg: bytes) -> int | None:
    """The pixels per inch a JPEG's JFIF header states, or None when it states none."""
    if jpeg[2:4] != b"\xff\xe0" or jpeg[6:11] != b"JFIF\x00" or len(jpeg) < 18:
        return None
    unit, x_density, y_density = struct.unpack_from(">BHH", jpeg, 13)
    return int(x_density) if unit == 1 and x_density == y_density else None


def _app13_offset(jpeg: bytes) -> int:
    """Where the APP13 segment goes: after the last APPn before the first DQT or SOFn."""
    if jpeg[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG stream: no SOI marker")
    pos = insert_at = 2
    while True:
        if pos + 2 > len(jpeg) or jpeg[pos] != 0xFF:
            raise ValueError(f"JPEG stream: marker expected at byte {pos}")
        marker = jpeg[pos + 1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker in _FIRST_CODING_MARKERS:
            return insert_at
        if marker in _STANDALONE_MARKERS:
            pos += 2
            continue
        if marker in (0xD8, 0xD9, 0xDA) or pos + 4 > len(jpeg):
            raise ValueError(f"JPEG stream: no DQT or SOF marker before byte {pos}")
        (length,) = struct.unpack_from(">H", jpeg, pos + 2)
        end = pos + 2 + length
        if length < 2 or end > len(jpeg):
            raise ValueError(f"JPEG stream: bad segment length at byte {pos}")
        if 0xE0 <= marker <= 0xEF:
            insert_at = end
        pos = end


def encode_jpeg(
    image: Image.Image,
    *,
    quality: int,
    icc_profile: bytes | None,
    subsampling: int | str = "4:2:0",
    progressive: bool = False,
    ppi: int | None = None,
) -> bytes:
    """The pixels as a JPEG with only an ICC profile: what the stills cache keeps.

    The same inputs give the same bytes. Nothing of ``image.info`` is carried over (no
    comment, no source EXIF or XMP); ICC comes only from ``icc_profile``. The JFIF header
    states ``ppi`` pixels per inch, or (None) only an aspect ratio of 1:1.
    """
    if image.mode not in ("RGB", "L", "CMYK"):
        raise ValueError(f"encode_jpeg needs an RGB, L or CMYK image, not {image.mode}")
    encoded = io.BytesIO()
    density = {"dpi": (ppi, ppi)} if ppi else {}
    image.save(
        encoded,
        "JPEG",
        quality=quality,
        subsampling=subsampling,
        progressive=progressive,
        icc_profile=icc_profile or None,
        comment=b"",
        **density,
    )
    return encoded.getvalue()


def embed_metadata(jpeg: bytes, meta: StillMetadata) -> tuple[bytes, list[str]]:
    """``jpeg`` with EXIF and XMP (APP1, after JFIF) and IPTC-IIM (APP13) inserted.

    Segment order is what Pillow writes itself: APP0, APP1 EXIF, APP1 XMP, APP2 ICC, then
    APP13. EXIF states the density the JFIF header does. Returns the new stream and a
    warning for every IIM value cut to its byte limit.
    """
    iptc, warnings = iptc_segment(meta)
    app1 = b""
    exif = exif_bytes(meta, ppi=jfif_ppi(jpeg))
    if exif:
        app1 += _segment(0xE1, exif)
    app1 += _segment(0xE1, _XMP_HEADER + xmp_packet(meta))
    head = _after_jfif(jpeg)
    at = _app13_offset(jpeg)
    return jpeg[:head] + app1 + jpeg[head:at] + iptc + jpeg[at:], warnings


def save_jpeg(
    image: Image.Image,
    out: BinaryIO,
    meta: StillMetadata,
    *,
    quality: int,
    icc_profile: bytes | None,
    subsampling: int | str = "4:2:0",
    progressive: bool = False,
    ppi: int | None = None,
) -> list[str]:
    """Encode ``image`` as JPEG with XMP, IPTC-IIM, EXIF and ICC; return the IIM warnings."""
    jpeg = encode_jpeg(
        image,
        quality=quality,
        icc_profile=icc_profile,
        subsampling=subsampling,
        progressive=progressive,
        ppi=ppi,
    )
    embedded, warnings = embed_metadata(jpeg, meta)
    out.write(embedded)
    return warnings


def _segment(marker: int, payload: bytes) -> bytes:
    if len(payload) + 2 > 0xFFFF:
        raise ValueError(f"JPEG segment too long ({len(payload)} bytes)")
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _after_jfif(jpeg: bytes) -> int:
    """Just after the JFIF APP0 segment when the stream has one, else just after SOI."""
    if jpeg[2:4] == b"\xff\xe0":
        length: int = struct.unpack_from(">H", jpeg, 4)[0]
        return 4 + length
    return 2
