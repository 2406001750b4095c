"""Check a print PDF the way a print shop's preflight would, before it leaves kitpress.

No open PDF/X validator exists, so this reads the structure itself with pypdf: page boxes,
colour spaces of content and images, type in colour inks (every character is black ink
alone), fill colours and shadings over the total-ink limit, transparency, annotations, fonts,
the output intent and the PDF/X keys. It returns every problem found, one line each, naming
the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream, DictionaryObject, NameObject, PdfObject, TextStringObject

RGB_COLOUR_OPERATORS = {b"rg", b"RG"}
CMYK_FILL = b"k"  # strokes are black ink alone, or the crop marks' registration colour
TEXT_SHOWING = {b"Tj", b"TJ", b"'", b'"'}
BLEED_TOLERANCE = 0.5  # points
TRAPPED_NAMES = ("/True", "/False")
PDFX_HEADER = "%PDF-1.3"
INK_TOLERANCE = 0.001  # of one ink: rounding in the colour values written, not ink


def preflight_print(pdf: Path, bleed: float, ink_limit: float | None = None) -> list[str]:
    """Every problem of the print PDF ``pdf``; with ``ink_limit`` (the four inks' total, 1
    each: 3.0 for 300 %) every fill colour and shading stop must keep within it too (the
    crop marks' registration colour, a stroke outside the bleed, is no area of ink)."""
    reader = PdfReader(pdf)
    problems = _document(reader)
    for number, page in enumerate(reader.pages, 1):
        problems += [f"page {number}: {p}" for p in _page(reader, page, bleed, ink_limit)]
    return problems


def _document(reader: PdfReader) -> list[str]:
    problems = []
    if reader.is_encrypted:
        problems.append("the file is encrypted")
    if reader.pdf_header != PDFX_HEADER:
        problems.append(f"the file says {reader.pdf_header[1:]}, PDF/X-1a:2001 is PDF 1.3")
    info = reader.metadata or DictionaryObject()
    if "/GTS_PDFXVersion" not in info:
        problems.append("no /GTS_PDFXVersion in the document information")
    trapped = info.get("/Trapped")
    trapped = trapped.get_object() if trapped is not None else None
    if not isinstance(trapped, NameObject) or trapped not in TRAPPED_NAMES:
        problems.append(f"/Trapped is {_written(trapped)}, not the name /True or /False")
    if not info.get("/Title"):
        problems.append("no document title")
    intents = reader.root_object.get("/OutputIntents")
    found = [i.get_object() for i in intents] if intents else []
    if not any(i.get("/S") == "/GTS_PDFX" and "/DestOutputProfile" in i for i in found):
        problems.append("no GTS_PDFX output intent with a destination profile")
    return problems


def _written(value: PdfObject | None) -> str:
    """How a value is written in the file, for a message: (/False) for a string."""
    if value is None:
        return "missing"
    if isinstance(value, TextStringObject):
        return f"the string ({value})"
    return str(value)


def _page(reader: PdfReader, page: PageObject, bleed: float, ink_limit: float | None) -> list[str]:
    problems = _boxes(page, bleed)
    annotations: Any = page.get("/Annots")
    if annotations:
        problems.append(f"{len(annotations.get_object())} annotation(s) (links are not allowed)")
    if _is_transparency_group(page):
        problems.append("a transparency group")
    contents = page.get_contents()
    if contents is not None:
        operations = ContentStream(contents, reader).operations
        if {op for _, op in operations} & RGB_COLOUR_OPERATORS:
            problems.append("RGB colour in the page content")
        problems += _type_in_colour_inks(operations)
    resources: Any = (page.get("/Resources") or DictionaryObject()).get_object()
    if ink_limit is not None:
        colours = [tuple(float(v) for v in o) for o, op in operations if op == CMYK_FILL]
        problems += _over_ink_limit(colours + _shading_stops(resources), ink_limit)
    problems += _images(resources)
    problems += _shadings(resources)
    problems += _graphics_states(resources)
    problems += _fonts(resources)
    return problems


def _type_in_colour_inks(operations: list[tuple[Any, bytes]]) -> list[str]:
    """Type shown in a CMYK fill with cyan, magenta or yellow in it: small type in several
    inks fringes on press. Named once, by its first such colour."""
    current: tuple[float, ...] = ()
    saved: list[tuple[float, ...]] = []
    for operands, operator in operations:
        if operator == b"q":
            saved.append(current)
        elif operator == b"Q":
            current = saved.pop() if saved else ()
        elif operator == b"k" and len(operands) == 4:
            current = tuple(float(v) for v in operands)
        elif operator in TEXT_SHOWING and current and any(current[:3]):
            inks = " ".join(f"{n}{round(v * 100)}" for n, v in zip("CMYK", current, strict=True))
            return [f"type in colour inks ({inks}), not black ink alone"]
    return []


def _over_ink_limit(colours: list[tuple[float, ...]], limit: float) -> list[str]:
    """A CMYK colour whose four inks lay down more than ``limit`` in all: it would not dry
    on the press. Named once, by the page's heaviest."""
    heaviest = max((c for c in colours if len(c) == 4), key=sum, default=None)
    if heaviest is None or sum(heaviest) <= limit + INK_TOLERANCE:
        return []
    inks = " ".join(f"{n}{round(v * 100)}" for n, v in zip("CMYK", heaviest, strict=True))
    total, most = round(sum(heaviest) * 100, 1), round(limit * 100)
    return [f"a colour of {total:g} % total ink ({inks}) over the {most} % ink limit"]


def _shading_stops(resources: DictionaryObject) -> list[tuple[float, ...]]:
    """The colour stops of the page's CMYK shadings' interpolation functions."""
    found: Any = (resources.get("/Shading") or DictionaryObject()).get_object()
    stops = []
    for ref in found.values():
        shading = ref.get_object()
        function = shading.get("/Function")
        if shading.get("/ColorSpace") != "/DeviceCMYK" or function is None:
            continue
        parts = [function.get_object()]
        if parts[0].get("/FunctionType") == 3:
            parts = [f.get_object() for f in parts[0]["/Functions"]]
        for part in parts:
            stops += [tuple(float(v) for v in part[k]) for k in ("/C0", "/C1") if k in part]
    return stops


def _boxes(page: PageObject, bleed: float) -> list[str]:
    if "/TrimBox" not in page or "/BleedBox" not in page:
        return ["no TrimBox and BleedBox"]
    trim, outer = page.trimbox, page.bleedbox
    margins = (
        trim.left - outer.left,
        trim.bottom - outer.bottom,
        outer.right - trim.right,
        outer.top - trim.top,
    )
    if min(margins) < bleed - BLEED_TOLERANCE:
        return [f"bleed of {min(margins):.1f} pt, less than the {bleed:.1f} pt asked for"]
    return []


def _is_transparency_group(obj: DictionaryObject) -> bool:
    group = obj.get("/Group")
    return group is not None and group.get_object().get("/S") == "/Transparency"


def _images(resources: DictionaryObject) -> list[str]:
    problems = []
    for name, ref in (resources.get("/XObject") or {}).items():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image":
            space = xobject.get("/ColorSpace")
            if space not in ("/DeviceCMYK", "/DeviceGray"):
                problems.append(f"image {name} is {space}, not CMYK or grey")
            if "/SMask" in xobject or "/Mask" in xobject:
                problems.append(f"image {name} has a transparency mask")
        elif xobject.get("/Subtype") == "/Form":
            if _is_transparency_group(xobject):
                problems.append(f"form {name} is a transparency group")
            problems += _images(xobject.get("/Resources", DictionaryObject()).get_object())
    return problems


def _shadings(resources: DictionaryObject) -> list[str]:
    found: Any = (resources.get("/Shading") or DictionaryObject()).get_object()
    return [
        f"shading {name} is {space}, not CMYK or grey"
        for name, ref in found.items()
        if (space := ref.get_object().get("/ColorSpace")) not in ("/DeviceCMYK", "/DeviceGray")
    ]


def _graphics_states(resources: DictionaryObject) -> list[str]:
    problems = []
    for name, ref in (resources.get("/ExtGState") or {}).items():
        state = ref.get_object()
        alpha = [float(state[k]) for k in ("/CA", "/ca") if k in state]
        if any(a < 1 for a in alpha) or state.get("/SMask", "/None") != "/None":
            problems.append(f"graphics state {name} makes things transparent")
    return problems


def _fonts(resources: DictionaryObject) -> list[str]:
    problems = []
    for name, ref in (resources.get("/Font") or {}).items():
        font = ref.get_object()
        fonts = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
        for each in fonts:
            descriptor = each.get("/FontDescriptor")
            files = ("/FontFile", "/FontFile2", "/FontFile3")
            if descriptor is None or not any(f in descriptor.get_object() for f in files):
                problems.append(f"font {name} ({each.get('/BaseFont')}) is not embedded")
    return problems
