"""Read the caption and credits a photo desk may already have put inside a still.

XMP is read first (what Photo Mechanic, Lightroom and Bridge write), then IPTC-IIM, then
EXIF. XMP is untrusted XML from the user's file, so it is parsed with defusedxml (no entity
expansion, no external references).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from PIL import Image, ImageFile, IptcImagePlugin

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
}
_IIM_UTF8 = b"\x1b%G"
_COPYRIGHT_SIGN = re.compile(r"^\s*(?:©|\(c\)|copyright\b)\s*", re.I)
MAX_CHARS = 2000  # a caption longer than this is not a caption


@dataclass(frozen=True)
class EmbeddedCaption:
    """What the file says about itself; empty strings where it says nothing."""

    caption: str = ""
    creator: str = ""
    credit: str = ""
    copyright: str = ""
    source: str = ""  # where the values were read: "XMP", "IPTC", "EXIF"

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "source")


def read_embedded(image: Image.Image) -> EmbeddedCaption:
    """The caption, creator, credit and copyright holder ``image`` carries, if any."""
    for source, reader in (("XMP", _xmp), ("IPTC", _iptc), ("EXIF", _exif)):
        try:
            values = reader(image)
        except Exception:  # a damaged metadata block is no caption, never a failed build
            values = {}
        values = {key: _clean(value) for key, value in values.items()}
        if any(values.values()):
            values["copyright"] = _COPYRIGHT_SIGN.sub("", values.get("copyright", ""))
            return EmbeddedCaption(**values, source=source)
    return EmbeddedCaption()


def _clean(text: str) -> str:
    return " ".join(text.split())[:MAX_CHARS]


def _xmp_bytes(image: Image.Image) -> bytes:
    for key in ("xmp", "XML:com.adobe.xmp"):
        value = image.info.get(key)
        if value:
            return value if isinstance(value, bytes) else str(value).encode("utf-8")
    tiff_xmp = getattr(image, "tag_v2", {}).get(700)
    return tiff_xmp if isinstance(tiff_xmp, bytes) else b""


def _xmp(image: Image.Image) -> dict[str, str]:
    data = _xmp_bytes(image)
    if not data:
        return {}
    start = data.find(b"<x:xmpmeta")
    end = data.rfind(b"</x:xmpmeta>")
    root = ElementTree.fromstring(data[start : end + 12] if 0 <= start < end else data)
    return {
        "caption": _first_li(root, "dc:description"),
        "creator": _first_li(root, "dc:creator"),
        "copyright": _first_li(root, "dc:rights"),
        "credit": _property(root, "photoshop:Credit"),
    }


def _first_li(root: Element, name: str) -> str:
    found = root.find(f".//{name}//rdf:li", NS)
    return "".join(found.itertext()) if found is not None else _property(root, name)


def _property(root: Element, name: str) -> str:
    element = root.find(f".//{name}", NS)
    if element is not None:
        return "".join(element.itertext())
    prefix, local = name.split(":")
    attribute = f"{{{NS[prefix]}}}{local}"
    for description in root.iterfind(".//rdf:Description", NS):
        if attribute in description.attrib:
            return description.attrib[attribute]
    return ""


def _iptc(image: Image.Image) -> dict[str, str]:
    if not isinstance(image, ImageFile.ImageFile):
        return {}
    info = IptcImagePlugin.getiptcinfo(image) or {}

    def text(number: int) -> str:
        value = info.get((2, number), b"")
        value = value[0] if isinstance(value, list) else value
        return _decode(value, utf8=info.get((1, 90)) == _IIM_UTF8)

    return {"caption": text(120), "creator": text(80), "credit": text(110), "copyright": text(116)}


def exif_is_readable(image: Image.Image) -> bool:
    """Whether to read EXIF: a PNG's eXIf chunk after the pixels is only found by decoding
    them all, so header reads ignore it (and probe and decode agree on the size)."""
    return image.format != "PNG" or "exif" in image.info


def _exif(image: Image.Image) -> dict[str, str]:
    if not exif_is_readable(image):
        return {}
    exif = image.getexif()
    tags = {"caption": 0x010E, "creator": 0x013B, "copyright": 0x8298}
    return {key: _exif_text(exif.get(tag)) for key, tag in tags.items()}


def _exif_text(value: object) -> str:
    if isinstance(value, bytes):
        return _decode(value, utf8=True)
    if isinstance(value, str):  # Pillow reads EXIF text as Latin-1; most writers mean UTF-8
        try:
            return value.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return value
    return ""


def _decode(data: bytes, utf8: bool) -> str:
    text = data.rstrip(b"\x00")
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError:
        return text.decode("utf-8" if utf8 else "latin-1", errors="replace")
