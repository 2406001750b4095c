"""The layout's paragraph styles as CSS classes (`.t-heading`, `.t-caption`…), so the page is
set in the same fonts, weights, colours, tracking and proportions as the PDF. Sizes keep the
PDF's ratios to the body text; the largest grow and shrink with the window."""

from __future__ import annotations

from dataclasses import dataclass

from kitpress.layout.model import REQUIRED_STYLES, Layout, TextStyle

from .fonts import Face

# Every style a layout must have, and the kicker the line-up and the page's small capitals use.
WEB_STYLES = (*REQUIRED_STYLES, "kicker")
BODY_PX = 17  # the body text on screen; every other size keeps its ratio to it
FLUID_FROM_PX = 28  # sizes above this shrink on narrow windows
SMALLEST_PX = 12  # no text smaller on screen (the PDF's 5.8 pt laurel would be 9 px)


@dataclass(frozen=True)
class Rule:
    name: str  # the style's name: the class is t-<name>
    declarations: str


def face_of(style: TextStyle) -> Face:
    return Face(style.font, style.bold, style.italic)


def faces(layout: Layout) -> list[Face]:
    """Every face the page sets text in: each style's, and the body's bold and italic for
    emphasis in prose."""
    found: list[Face] = []
    body = layout.styles["body"].font
    wanted = [face_of(layout.styles[s]) for s in WEB_STYLES if s in layout.styles]
    wanted += [Face(body, b, i) for b in (False, True) for i in (False, True)]
    for face in wanted:
        if face not in found and face.family in layout.fonts:
            found.append(face)
    return found


def rules(layout: Layout) -> list[Rule]:
    body = layout.styles["body"]
    out = []
    for name in WEB_STYLES:
        style = layout.styles.get(name)
        if style is not None:
            out.append(Rule(name.replace("_", "-"), _declarations(style, body, layout)))
    return out


def pixels(style: TextStyle, body: TextStyle) -> float:
    """The style's size on screen (before narrow windows shrink the largest)."""
    return max(style.size / body.size * BODY_PX, SMALLEST_PX)


def _declarations(style: TextStyle, body: TextStyle, layout: Layout) -> str:
    px = pixels(style, body)
    size = f"{px / 16:.4g}rem"
    if px > FLUID_FROM_PX:  # e.g. the cover title: no wider than a phone allows
        size = f"clamp({FLUID_FROM_PX / 16 * 0.8:.4g}rem, {px / 16 * 0.4:.4g}rem + 3vw, {size})"
    parts = [
        f"font-family:{Face(style.font, style.bold, style.italic).css_family},"
        f"{'serif' if 'serif' in style.font.lower() else 'sans-serif'}",
        f"font-weight:{700 if style.bold else 400}",
        f"font-style:{'italic' if style.italic else 'normal'}",
        f"font-size:{size}",
        f"line-height:{style.leading / style.size:.3g}",
        f"color:{layout.colour(style.colour)}",
    ]
    if style.tracking:
        parts.append(f"letter-spacing:{style.tracking / style.size:.3g}em")
    if style.upper:
        parts.append("text-transform:uppercase")
    if style.align in ("center", "right"):  # justified text is set ragged on screen
        parts.append(f"text-align:{style.align}")
    return ";".join(parts)
