"""The print PDF's structure, PDF/X-1a style, added with pypdf after rendering: every colour
in the printer's CMYK (type and rules in black ink alone, large blacks a rich black: see
`CmykProfile`), trim and bleed boxes on every page, no annotations, and the output intent,
version keys and trapping flag a print shop's preflight looks for."""

from __future__ import annotations

from typing import Any

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from kitpress.layout.model import PageSpec
from kitpress.stills.cmyk import CmykProfile

from .painted_sizes import painted_sizes
from .pdf_metadata import xmp_description

PDFX_VERSION = "PDF/X-1:2001"
PDFX_CONFORMANCE = "PDF/X-1a:2001"
PDFX_CLAIM = xmp_description(  # the same identification in XMP as in Info
    "pdfxid",
    "http://www.npes.org/pdfx/ns/id/",
    [f"<pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion>"],
)
RGB_OPERATORS = {b"rg": b"k", b"RG": b"K"}
FILL_COLOUR_OPERATORS = {b"rg", b"k", b"g", b"cs", b"sc", b"scn"}
TEXT_SHOWING_OPERATORS = {b"Tj", b"TJ", b"'", b'"'}
LARGE_AREA = 20 * 72 / 25.4  # points: a black area wider and taller than this is rich black


def make_pdfx(writer: PdfWriter, profile: CmykProfile, page: PageSpec) -> None:
    for sheet in writer.pages:
        sheet[NameObject("/TrimBox")] = _box(page.trim_box())
        sheet[NameObject("/BleedBox")] = _box(page.bleed_box())
        if "/Annots" in sheet:
            del sheet["/Annots"]  # links mean nothing on paper, and PDF/X forbids them
        _cmyk_colours(writer, sheet, profile)
        _cmyk_shadings(sheet, profile)
    writer._root_object[NameObject("/OutputIntents")] = ArrayObject(
        [writer._add_object(_output_intent(writer, profile))]
    )
    writer.add_metadata(
        {"/GTS_PDFXVersion": PDFX_VERSION, "/GTS_PDFXConformance": PDFX_CONFORMANCE}
    )
    info = writer._info
    assert info is not None, "add_metadata made the Info dictionary"
    # A name, not text: add_metadata would write the string (/False), which PDF/X refuses.
    info[NameObject("/Trapped")] = NameObject("/False")


def _cmyk_colours(writer: PdfWriter, sheet: PageObject, profile: CmykProfile) -> None:
    """Rewrite every RGB fill and stroke colour of the page's content as CMYK: a fill colour
    that text is shown in, and every stroke colour, is converted as type (black ink alone);
    a fill colour that paints a black area larger than `LARGE_AREA` each way is the rich
    black (see `CmykProfile.fill`)."""
    contents = sheet.get_contents()
    if contents is None:
        return
    stream = ContentStream(contents, writer)
    type_colours = text_fill_colours(stream.operations)
    sizes = painted_sizes(stream.operations)
    changed = False
    for index, (operands, operator) in enumerate(stream.operations):
        if operator in RGB_OPERATORS and len(operands) == 3:
            red, green, blue = (float(v) for v in operands)
            if index in type_colours or operator == b"RG":
                cmyk = profile.colour(red, green, blue, text=True)
            else:
                width, height = sizes.get(index, (0.0, 0.0))
                large = min(width, height) >= LARGE_AREA
                cmyk = profile.fill(red, green, blue, large=large)
            stream.operations[index] = ([FloatObject(v) for v in cmyk], RGB_OPERATORS[operator])
            changed = True
    if changed:
        sheet.replace_contents(stream)


_DEFAULT_STOPS = {"/C0": (0, 0, 0), "/C1": (1, 1, 1)}  # a type 2 function's, when not given


def _cmyk_shadings(sheet: PageObject, profile: CmykProfile) -> None:
    """Turn the page's RGB shadings (an SVG logo's gradients) into CMYK: each colour stop of
    their interpolation functions goes through the profile like a flat colour. A shading
    made otherwise (sampled functions) stays, and the preflight names it."""
    resources = sheet.get("/Resources")
    shadings = resources.get_object().get("/Shading") if resources is not None else None
    for ref in (shadings.get_object() if shadings is not None else {}).values():
        shading = ref.get_object()
        function = shading.get("/Function")
        if shading.get("/ColorSpace") != "/DeviceRGB" or function is None:
            continue
        parts = [function.get_object()]
        if parts[0].get("/FunctionType") == 3:
            parts = [f.get_object() for f in parts[0]["/Functions"]]
        if not all(f.get("/FunctionType") == 2 for f in parts):
            continue
        for part in parts:
            for key in ("/C0", "/C1"):
                red, green, blue = (float(v) for v in part.get(key, _DEFAULT_STOPS[key]))
                cmyk = profile.colour(red, green, blue)
                part[NameObject(key)] = ArrayObject(FloatObject(v) for v in cmyk)
        shading[NameObject("/ColorSpace")] = NameObject("/DeviceCMYK")


def text_fill_colours(operations: list[tuple[Any, bytes]]) -> set[int]:
    """Indexes of the fill colour operations that some text is shown in.

    ReportLab sets a paragraph's colour before its ``BT``, so being inside a text object says
    nothing; what counts is the fill colour in effect, through ``q``/``Q``, when a text
    showing operator runs. A colour used for text and shapes alike counts as a text colour.
    """
    current: int | None = None
    saved: list[int | None] = []
    used: set[int] = set()
    for index, (_operands, operator) in enumerate(operations):
        if operator == b"q":
            saved.append(current)
        elif operator == b"Q":
            current = saved.pop() if saved else None
        elif operator in FILL_COLOUR_OPERATORS:
            current = index
        elif operator in TEXT_SHOWING_OPERATORS and current is not None:
            used.add(current)
    return used


def _output_intent(writer: PdfWriter, profile: CmykProfile) -> DictionaryObject:
    icc = DecodedStreamObject()
    icc.set_data(profile.data)
    icc[NameObject("/N")] = NumberObject(4)
    intent = DictionaryObject()
    intent.update(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFX"),
            NameObject("/OutputConditionIdentifier"): TextStringObject("Custom"),
            NameObject("/OutputCondition"): TextStringObject(profile.name),
            NameObject("/Info"): TextStringObject(profile.name),
            NameObject("/DestOutputProfile"): writer._add_object(icc),
        }
    )
    return intent


def _box(box: tuple[float, float, float, float]) -> ArrayObject:
    return ArrayObject([FloatObject(round(v, 3)) for v in box])
