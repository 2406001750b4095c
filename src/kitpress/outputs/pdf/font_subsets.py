"""Font subsets as readers other than ReportLab expect them: a tag of their own, and a
ToUnicode map every reader accepts.

ReportLab tags every subset ``AAAAAA+`` (the PDF specification wants a tag per subset) and
writes each ToUnicode map as one block of up to 256 entries, over the specification's limit
of 100: Ghostscript then drops the map, so accented letters vanish from its text extraction
and from every file it rewrites (print shops rewrite with it). This pypdf pass gives each
subset a tag derived from the font's name and the glyphs it carries (six capitals, so the
same kit gives the same bytes) and rewrites the map in blocks of 100, used codes only.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, StreamObject

from .shaped_glyphs import real_text

TAGGED = re.compile(r"^/[A-Z]{6}\+(.+)$")
BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
BLOCK = 100  # entries per bfchar block, the specification's limit
CMAP_HEADER = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
"""
CMAP_FOOTER = """endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def retag_font_subsets(writer: PdfWriter) -> None:
    """Every tagged TrueType subset gets its own tag and a clean ToUnicode map. Run before
    ``compress_identical_objects``, which drops the maps replaced."""
    taken: set[str] = set()
    for candidate in writer._objects:
        if not isinstance(candidate, DictionaryObject) or candidate.get("/Type") != "/Font":
            continue
        match = TAGGED.match(str(candidate.get("/BaseFont", "")))
        if match is None or candidate.get("/Subtype") != "/TrueType":
            continue
        mapping = _unicode_map(candidate, match.group(1))
        descriptor = candidate["/FontDescriptor"].get_object()
        assert isinstance(descriptor, DictionaryObject), "a TrueType font has a descriptor"
        tag = subset_tag(match.group(1), mapping, _font_file(descriptor), taken)
        taken.add(tag)
        name = NameObject(f"/{tag}+{match.group(1)}")
        candidate[NameObject("/BaseFont")] = name
        descriptor[NameObject("/FontName")] = name
        if mapping:
            cmap = DecodedStreamObject()
            cmap.set_data(to_unicode_cmap(mapping))
            candidate[NameObject("/ToUnicode")] = writer._add_object(cmap.flate_encode(level=9))
            # the map it replaces is no longer referenced: writing leaves it out


def subset_tag(
    font: str, mapping: dict[int, str], font_file: bytes, taken: Collection[str] = ()
) -> str:
    """Six capitals from a digest of the font's name, its glyphs and their characters; a
    further round of the digest in the (unlikely) case the tag is taken in the document."""
    digest = hashlib.sha256(font.encode("utf-8"))
    digest.update(repr(sorted(mapping.items())).encode("utf-8"))
    digest.update(font_file)
    while True:
        value = digest.digest()
        tag = "".join(chr(ord("A") + byte % 26) for byte in value[:6])
        if tag not in taken:
            return tag
        digest.update(value)


def to_unicode_cmap(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap for one-byte codes, in blocks of at most 100 entries."""
    entries = [
        f"<{code:02X}> <{text.encode('utf-16-be').hex().upper()}>"
        for code, text in sorted(mapping.items())
    ]
    blocks = [
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
        for chunk in (entries[i : i + BLOCK] for i in range(0, len(entries), BLOCK))
    ]
    return (CMAP_HEADER + "".join(blocks) + CMAP_FOOTER).encode("ascii")


def _unicode_map(font: DictionaryObject, name: str) -> dict[int, str]:
    """Code to text of the font's ToUnicode map; codes mapped to nothing (U+0000) left out.
    ReportLab writes a character beyond U+FFFF as its code point, not UTF-16: both are read.
    A shaped glyph's code (Arabic joined forms, ligatures) maps to the letters it draws."""
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    mapping: dict[int, str] = {}
    for code, value in BFCHAR.findall(stream.get_object().get_data()):
        text = real_text(name, _text(value.decode("ascii")))
        if text and text != "\x00":
            mapping[int(code, 16)] = text
    return mapping


def _text(hex_value: str) -> str:
    if len(hex_value) % 4 == 0:
        try:
            return bytes.fromhex(hex_value).decode("utf-16-be")
        except UnicodeDecodeError:
            pass
    return chr(int(hex_value, 16)) if int(hex_value, 16) <= 0x10FFFF else ""


def _font_file(descriptor: DictionaryObject) -> bytes:
    for key in ("/FontFile2", "/FontFile", "/FontFile3"):
        stream = descriptor.get(key)
        if stream is not None and isinstance(stream.get_object(), StreamObject):
            return bytes(stream.get_object().get_data())
    return b""
