"""Check a merged layout mapping and build the `Layout`, collecting every problem."""

from __future__ import annotations

import re
from pathlib import Path

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Mapping, Scalar, Sequence, Value
from .caption_style import TEMPLATE_FIELDS, TITLE_STYLES, CaptionStyle
from .contents_spec import read_contents
from .cover_spec import read_cover
from .fonts_spec import read_fallback_fonts, read_fonts
from .labels_spec import read_labels
from .model import NEW_PAGE, SECTIONS, Layout, PageSpec, StillSettings
from .stills_spec import LAYOUT_KEYS, read_still_settings
from .styles_spec import resolve_styles
from .units import PAGE_SIZES, parse_length
from .values import HEX, length
from .web_spec import read_web

MIN_FRAME = 0.5  # the margins may take at most half the page each way

TOP = {
    "name": "Layout name.",
    "description": "One line for `kitpress layouts`.",
    "extends": "Another layout to start from.",
    "page": "Page size and margins.",
    "fonts": "Font families by key; fallback: fonts per script.",
    "colours": "Named colours as #rrggbb.",
    "styles": "Paragraph styles.",
    "sections": "Section order.",
    "stills": "Still settings.",
    "captions": "Caption house style.",
    "footer": "Running footer text.",
    "cover": "Cover style, art share, laurels and quote.",
    "new_page": "Sections that start on a fresh page.",
    "contents": "true for a table of contents after the cover (when the kit has 12 inside "
    "pages or more), or {min_pages: N} for one from N inside pages.",
    "web": "What only the web page needs: site_url, logo, embed_trailer.",
    "labels": "Words kitpress sets, by key, over the kit language's (synopsis: Story).",
    "ink_limit": "Total ink in percent for the print PDF: 300 coated, 260 uncoated paper.",
    "print": "What only the print PDF needs: slug (true for a slug line outside the trim).",
}
PRINT = {"slug": "true for a slug line (title, date, page, profile) outside the trim."}
PAGE = dict.fromkeys(
    (
        "size",
        "margin_top",
        "margin_bottom",
        "margin_left",
        "margin_right",
        "columns_gap",
        "label_column",
        "binding",
    ),
    "",
)
MIN_OUTSIDE = 5 * 72 / 25.4  # points: a printed page keeps type 5 mm off its edge (safe zone)


def build_layout(raw: Mapping, folder: Path, checker: Checker) -> Layout | None:
    top = Obj(checker, raw, "", TOP)
    colours = _colours(top, checker)
    fonts = read_fonts(top, checker)
    captions, caption_words = _captions(top, checker)
    contents_min_pages = read_contents(top, checker)
    layout = Layout(
        name=top.text("name") or folder.name,
        description=top.text("description") or "",
        folder=folder,
        page=_page(top, checker),
        fonts=fonts,
        colours=colours,
        styles=resolve_styles(top, checker, set(fonts), colours),
        sections=_sections(top, checker, "sections") or SECTIONS,
        stills=_stills(top, checker, colours),
        captions=captions,
        footer=top.text("footer") or "",
        cover=read_cover(top, checker),
        new_page=_new_page(top, checker),
        contents=contents_min_pages is not None,
        contents_min_pages=contents_min_pages or 0,
        web=read_web(top, checker, folder),
        labels=read_labels(top, checker),
        caption_words=caption_words,
        fallback_fonts=read_fallback_fonts(top, checker),
        ink_limit=top.integer("ink_limit", 200, 400, "300") or 300,
        print_slug=_print_slug(top, checker),
    )
    _check_framed_cover(layout, top, checker)
    return None if checker.errors else layout


def _print_slug(top: Obj, checker: Checker) -> bool:
    value = top.get("print")
    obj = checker.obj(value, "print", PRINT) if value is not None else None
    return obj.boolean("slug", False) if obj is not None else False


def _page(top: Obj, checker: Checker) -> PageSpec:
    page = checker.obj(top.get("page") or Mapping({}, {}, top.line), "page", PAGE)
    if page is None:
        return PageSpec(595, 842, 60, 60, 60, 60, 20)
    width, height = _page_size(page, checker)
    spec = PageSpec(
        width,
        height,
        length(page, "margin_top", 60),
        length(page, "margin_bottom", 60),
        length(page, "margin_left", 60),
        length(page, "margin_right", 60),
        length(page, "columns_gap", 20),
        length(page, "label_column", 160),
        length(page, "binding", 0),
    )
    _check_binding(spec, page, checker)
    if spec.frame_width < width * MIN_FRAME or spec.frame_height < height * MIN_FRAME:
        frame = f"{_mm(spec.frame_width)}×{_mm(spec.frame_height)} mm"
        page_size = f"{_mm(width)}×{_mm(height)} mm"
        message = (
            f"the margins leave a text area of {frame} on a {page_size} page (at least half "
            f"the page each way is needed); make them smaller"
        )
        checker.error(page.line, "page", message)
    return spec


def _check_binding(spec: PageSpec, page: Obj, checker: Checker) -> None:
    """Printed double-sided, the binding moves the text block away from the fold: the
    outside margin (``margin_right`` less the binding) must still keep type off the edge."""
    if not spec.binding or spec.margin_outside >= MIN_OUTSIDE:
        return
    message = (
        f"{_mm(spec.binding)} mm leaves a printed page an outside margin of "
        f"{_mm(spec.margin_outside)} mm (margin_right {_mm(spec.margin_right)} mm less the "
        f"binding; at least {_mm(MIN_OUTSIDE)} mm is needed); make it smaller or margin_right "
        "larger"
    )
    # at the page block, as the text area's check: binding and margin_right may come from
    # different layouts, the page block is always the one being read
    checker.error(page.line, page.sub("binding"), message)


def _mm(points: float) -> int:
    return round(points * 25.4 / 72)


def _check_framed_cover(layout: Layout, top: Obj, checker: Checker) -> None:
    """A framed cover's art is the top of the page less its margin: it must keep some height."""
    page, cover = layout.page, layout.cover
    if cover.style != "framed" or page.height * cover.art_share - page.margin_top >= 72:
        return
    message = (
        f"a framed cover with art_share {cover.art_share} and a {_mm(page.margin_top)} mm "
        f"top margin leaves the art no room; raise art_share or lower page.margin_top"
    )
    checker.error(top.line_of("cover"), "cover.art_share", message)


def _page_size(page: Obj, checker: Checker) -> tuple[float, float]:
    value = page.get("size")
    texts: tuple[str, ...] = ()
    if isinstance(value, Scalar):
        texts = PAGE_SIZES.get(value.text.strip().upper(), ())
    elif isinstance(value, Sequence) and len(value.items) == 2:
        texts = tuple(v.text for v in value.items if isinstance(v, Scalar))
    sizes = [parse_length(t) for t in texts]
    if len(sizes) == 2 and all(s and s > 72 for s in sizes):
        return sizes[0] or 0, sizes[1] or 0
    names = ", ".join(name.title() if len(name) > 2 else name for name in PAGE_SIZES)
    message = f"expected {names} or [width, height] such as [210mm, 297mm]"
    checker.error(page.line_of("size"), page.sub("size"), message)
    return 595.0, 842.0


def _colours(top: Obj, checker: Checker) -> dict[str, str]:
    value = top.get("colours")
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        checker.error(value.line, "colours", "expected name: '#rrggbb' pairs")
        return {}
    found: dict[str, str] = {}
    for key, item in value.entries.items():
        text = item.text.strip() if isinstance(item, Scalar) else ""
        if not HEX.match(text):
            checker.error(value.key_lines[key], f"colours.{key}", "expected a colour as '#rrggbb'")
            continue
        found[key] = text.lower()
    return found


def _sections(top: Obj, checker: Checker, key: str) -> tuple[str, ...]:
    found: list[str] = []
    for i, item in top.items(key):
        name = item.text.strip() if isinstance(item, Scalar) else ""
        if name not in SECTIONS:
            message = f"unknown section '{name}' (known: {', '.join(SECTIONS)})"
            checker.error(item.line, f"{key}[{i}]", message)
            continue
        found.append(name)
    return tuple(found)


def _new_page(top: Obj, checker: Checker) -> tuple[str, ...]:
    given = top.get("new_page") is not None
    return _sections(top, checker, "new_page") if given else NEW_PAGE


def _stills(top: Obj, checker: Checker, colours: dict[str, str]) -> StillSettings:
    value: Value = top.get("stills") or Mapping({}, {}, top.line)
    obj = checker.obj(value, "stills", LAYOUT_KEYS)
    return StillSettings() if obj is None else read_still_settings(obj, colours)


def _captions(top: Obj, checker: Checker) -> tuple[CaptionStyle, dict[str, str]]:
    """The caption house style (English where the layout says nothing) and the words the
    layout itself sets, which stand over the kit language's."""
    value: Value = top.get("captions") or Mapping({}, {}, top.line)
    known = {**dict.fromkeys(TEMPLATE_FIELDS, ""), "title_upper": "", "title_style": ""}
    obj = checker.obj(value, "captions", known)
    if obj is None:
        return CaptionStyle(), {}
    default = CaptionStyle()
    texts: dict[str, str] = {}
    written: dict[str, str] = {}
    for key, allowed in TEMPLATE_FIELDS.items():
        raw = obj.node.entries.get(key)
        text = raw.text if isinstance(raw, Scalar) else getattr(default, key)
        used = set(re.findall(r"{(\w*)}", text))
        if used - set(allowed) or "{{" in text:
            fields_ok = ", ".join("{" + a + "}" for a in allowed) or "no fields"
            checker.error(obj.line_of(key), obj.sub(key), f"may use only {fields_ok}")
            continue
        texts[key] = text
        if isinstance(raw, Scalar):
            written[key] = text
    upper = obj.boolean("title_upper", True)
    style = obj.text("title_style")
    if style is not None and style not in TITLE_STYLES:
        choices = ", ".join(TITLE_STYLES)
        message = f"expected one of {choices} (got '{style}')"
        checker.error(obj.line_of("title_style"), obj.sub("title_style"), message)
    elif style is not None:  # over the kit language's, as the layout's words are
        texts["title_style"] = written["title_style"] = style
    return CaptionStyle(**texts, title_upper=upper), written
