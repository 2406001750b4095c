"""Paragraph styles with `parent` inheritance: each style is its parent's values overridden."""

from __future__ import annotations

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Mapping
from .model import REQUIRED_STYLES, TextStyle
from .values import colour_ref, length

STYLE = dict.fromkeys(
    (
        "parent",
        "font",
        "size",
        "leading",
        "colour",
        "bold",
        "italic",
        "space_before",
        "space_after",
        "align",
        "upper",
        "tracking",
        "measure",
        "hyphenate",
    ),
    "",
)
ALIGNS = ("left", "right", "center", "justify")
ROOT = TextStyle(name="", font="serif", size=10, leading=14, colour="#000000")


def resolve_styles(
    top: Obj, checker: Checker, fonts: set[str], colours: dict[str, str]
) -> dict[str, TextStyle]:
    value = top.get("styles")
    if not isinstance(value, Mapping):
        checker.error(top.line_of("styles"), "styles", "expected a mapping of style names")
        return {}
    specs = {
        name: checker.obj(item, f"styles.{name}", STYLE) for name, item in value.entries.items()
    }
    done: dict[str, TextStyle] = {}
    for name in value.order:
        _resolve(name, specs, done, checker, fonts, colours, ())
    for name in REQUIRED_STYLES:
        if name not in specs:
            checker.error(top.line_of("styles"), f"styles.{name}", "required style is missing")
    return done


def _resolve(
    name: str,
    specs: dict[str, Obj | None],
    done: dict[str, TextStyle],
    checker: Checker,
    fonts: set[str],
    colours: dict[str, str],
    chain: tuple[str, ...],
) -> TextStyle:
    if name in done:
        return done[name]
    spec = specs.get(name)
    if spec is None:
        return ROOT
    parent_name = spec.text("parent")
    parent = ROOT
    if parent_name is not None:
        if parent_name in chain or parent_name == name:
            checker.error(spec.line_of("parent"), spec.sub("parent"), f"'{parent_name}' loops back")
        elif parent_name not in specs:
            checker.error(spec.line_of("parent"), spec.sub("parent"), f"no style '{parent_name}'")
        else:
            parent = _resolve(parent_name, specs, done, checker, fonts, colours, (*chain, name))
    done[name] = _apply(name, spec, parent, fonts, colours)
    return done[name]


def _apply(
    name: str, spec: Obj, parent: TextStyle, fonts: set[str], colours: dict[str, str]
) -> TextStyle:
    font = spec.text("font") or parent.font
    if font not in fonts:
        spec.checker.error(spec.line_of("font"), spec.sub("font"), f"no font '{font}' in fonts")
    align = spec.text("align") or parent.align
    if align not in ALIGNS:
        spec.checker.error(
            spec.line_of("align"), spec.sub("align"), f"expected one of {', '.join(ALIGNS)}"
        )
    size = length(spec, "size", parent.size)
    leading = length(spec, "leading", parent.leading if spec.get("size") is None else size * 1.3)
    return TextStyle(
        name=name,
        font=font,
        size=size,
        leading=leading,
        colour=colour_ref(spec, "colour", colours, parent.colour),
        bold=spec.boolean("bold", parent.bold),
        italic=spec.boolean("italic", parent.italic),
        space_before=length(spec, "space_before", 0),
        space_after=length(spec, "space_after", 0),
        align=align,
        upper=spec.boolean("upper", parent.upper),
        tracking=length(spec, "tracking", parent.tracking, signed=True),  # tight display caps
        measure=length(spec, "measure", parent.measure),
        hyphenate=spec.boolean("hyphenate", parent.hyphenate),
    )
