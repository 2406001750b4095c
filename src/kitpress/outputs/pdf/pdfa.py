"""Make the screen (e-mail) PDF a PDF/A-1b file, the archival form that opens everywhere.

ReportLab writes almost everything PDF/A-1b asks for (embedded TrueType subsets, DeviceRGB
colours, JPEGs as they are, a file ID); this pypdf pass adds the rest: an sRGB OutputIntent
with an ICC version 2 profile, XMP that identifies the file as PDF/A-1b and agrees with the
Info dictionary, the print flag on every annotation, and no actions PDF/A forbids. What it
cannot repair without changing how pages look (a font that is not embedded, transparency,
LZW streams) is a bug in rendering: the pass refuses the file, naming what it found.
Checked with Apache PDFBox Preflight (tests/test_pdfa.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

from kitpress.errors import BuildError
from kitpress.kit.model import Kit
from kitpress.stills.icc import DESCRIPTION, srgb_v2_profile

from .pdf_metadata import DocumentInfo, write_metadata, xmp_description

PDFA_NAMESPACE = "http://www.aiim.org/pdfa/ns/id/"
PDFA_1B = xmp_description(
    "pdfaid",
    PDFA_NAMESPACE,
    ["<pdfaid:part>1</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>"],
)
PRINT_FLAG = 4  # annotation flag 3 ("Print"); Hidden, Invisible and NoView stay clear
_SAFE_ACTIONS = {"/GoTo", "/GoToR", "/URI", "/Thread"}
_SAFE_NAMED = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}
_EMBEDDED = ("/FontFile", "/FontFile2", "/FontFile3")
_NO_DESCRIPTOR = {"/Type0", "/Type3"}  # described by their descendant, or drawn in the file


def make_pdfa(
    writer: PdfWriter,
    kit: Kit | None,
    dated: datetime.datetime,
    info: DocumentInfo | None = None,
) -> None:
    """Turn the document in ``writer`` into PDF/A-1b, dated ``dated``; the caller still sets
    the file ID. ``info``: for a document that is not ``kit``'s press kit."""
    flag_annotations(writer)
    strip_forbidden_actions(writer)
    refuse_what_cannot_be_repaired(writer)
    writer.pdf_header = "%PDF-1.4"
    add_output_intent(writer)
    write_metadata(writer, kit, dated, claims=[PDFA_1B], info=info)


def add_output_intent(writer: PdfWriter) -> None:
    """An sRGB OutputIntent: DeviceRGB colour and images then have a defined meaning."""
    profile = DecodedStreamObject()
    profile.set_data(srgb_v2_profile())
    encoded = profile.flate_encode(level=9)
    encoded[NameObject("/N")] = NumberObject(3)
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): TextStringObject(DESCRIPTION),
            NameObject("/RegistryName"): TextStringObject("http://www.color.org"),
            NameObject("/Info"): TextStringObject(DESCRIPTION),
            NameObject("/DestOutputProfile"): writer._add_object(encoded),
        }
    )
    writer._root_object[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])


def flag_annotations(writer: PdfWriter) -> None:
    """Every annotation printable and visible (``/F 4``), as PDF/A requires."""
    for page in writer.pages:
        for reference in page.get("/Annots", ArrayObject()).get_object():
            annotation = reference.get_object()
            if isinstance(annotation, DictionaryObject):
                annotation[NameObject("/F")] = NumberObject(PRINT_FLAG)
                annotation.pop("/CA", None)  # opacity: 1 is the default and the only value allowed


def strip_forbidden_actions(writer: PdfWriter) -> None:
    """No JavaScript, launch or other actions PDF/A forbids; links and outline entries keep
    their GoTo and URI actions. Additional actions (``/AA``) go everywhere."""
    root = writer._root_object
    for key in ("/AA", "/OpenAction"):
        action = _get(root, key)
        if key == "/AA" or (isinstance(action, DictionaryObject) and not _safe(action)):
            root.pop(key, None)
    names = _get(root, "/Names")
    if isinstance(names, DictionaryObject):
        for key in ("/JavaScript", "/EmbeddedFiles"):
            names.pop(key, None)
    for dictionary in _dictionaries(writer):
        dictionary.pop("/AA", None)
        action = _get(dictionary, "/A")
        if isinstance(action, DictionaryObject) and "/S" in action and not _safe(action):
            dictionary.pop("/A")


def refuse_what_cannot_be_repaired(writer: PdfWriter) -> None:
    """Raise BuildError naming every font left unembedded, every use of transparency and
    every LZW stream: each changes what pages look like if removed, so it is not removed."""
    found: list[str] = []
    for dictionary in _dictionaries(writer):
        found += _problems(dictionary)
    if found:
        problems = "; ".join(dict.fromkeys(found))
        raise BuildError(f"the screen PDF cannot be PDF/A-1b: {problems}")


def _problems(dictionary: DictionaryObject) -> list[str]:
    found: list[str] = []
    kind = _get(dictionary, "/Type")
    if kind == "/Font" and not _embedded(dictionary):
        found.append(f"font {_get(dictionary, '/BaseFont', '?')} is not embedded")
    mask = _get(dictionary, "/SMask")
    if mask is not None and mask != "/None":
        found.append("a soft mask (transparency)")
    if any(_number(_get(dictionary, key, 1)) != 1 for key in ("/CA", "/ca")):
        found.append("a constant opacity below 1 (transparency)")
    if _get(dictionary, "/BM", "/Normal") not in ("/Normal", "/Compatible"):
        found.append(f"blend mode {dictionary['/BM']} (transparency)")
    group = _get(dictionary, "/Group")
    if isinstance(group, DictionaryObject) and _get(group, "/S") == "/Transparency":
        found.append("a transparency group")
    filters = _get(dictionary, "/Filter")
    if filters == "/LZWDecode" or (isinstance(filters, ArrayObject) and "/LZWDecode" in filters):
        found.append("an LZW-compressed stream")
    return found


def _embedded(font: DictionaryObject) -> bool:
    if _get(font, "/Subtype") in _NO_DESCRIPTOR:
        return True
    descriptor = _get(font, "/FontDescriptor")
    return isinstance(descriptor, DictionaryObject) and any(k in descriptor for k in _EMBEDDED)


def _safe(action: DictionaryObject) -> bool:
    kind = _get(action, "/S")
    if kind == "/Named":
        return _get(action, "/N") in _SAFE_NAMED
    return kind in _SAFE_ACTIONS


def _number(value: PdfObject) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1.0


def _dictionaries(writer: PdfWriter) -> Iterator[DictionaryObject]:
    """Every dictionary reachable from the catalog, indirect or nested (stream dictionaries
    too), each once; objects nothing refers to are left out, as writing will leave them."""
    seen: set[tuple[str, int]] = set()
    pending: list[PdfObject] = [writer._root_object]
    while pending:
        item = pending.pop()
        key = ("ref", item.idnum) if isinstance(item, IndirectObject) else ("obj", id(item))
        if key in seen:
            continue
        seen.add(key)
        if isinstance(item, IndirectObject):
            target = item.get_object()
            if target is not None:
                pending.append(target)
        elif isinstance(item, DictionaryObject):  # StreamObject is one too
            yield item
            pending.extend(item.values())
        elif isinstance(item, ArrayObject):
            pending.extend(item)


def _get(dictionary: DictionaryObject, key: str, default: object = None) -> Any:
    """The value under ``key`` with an indirect reference followed (pypdf's ``get`` does not)."""
    value = dictionary.get(key)
    return default if value is None else value.get_object()
