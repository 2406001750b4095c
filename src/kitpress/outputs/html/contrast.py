"""Whether the layout's text colours read on the web page: WCAG's contrast ratio of each
style's colour on the paper it sits on (the cover's on the cover paper), at least 4.5:1, or
3:1 for large text. A layout made for print can fail it; `check` and `build` say so."""

from __future__ import annotations

from kitpress.errors import Issue
from kitpress.layout.model import Layout

from .css import WEB_STYLES, pixels

NORMAL, LARGE = 4.5, 3.0  # WCAG 2 AA
LARGE_PX, LARGE_BOLD_PX = 24, 18.66


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def contrast_warnings(layout: Layout) -> list[Issue]:
    """One warning per colour that some style sets too faintly on its paper."""
    faint: dict[tuple[str, str], list[str]] = {}
    needs: dict[tuple[str, str], float] = {}
    for name in WEB_STYLES:
        style = layout.styles.get(name)
        if style is None:
            continue
        cover = name.startswith("cover_") or name == "laurel"
        paper = layout.colour("cover_paper" if cover else "paper")
        px = pixels(style, layout.styles["body"])
        large = px >= LARGE_PX or (style.bold and px >= LARGE_BOLD_PX)
        key = (style.colour, paper)
        if ratio(layout.colour(style.colour), paper) < (LARGE if large else NORMAL):
            faint.setdefault(key, []).append(name)
            needs[key] = max(needs.get(key, 0), LARGE if large else NORMAL)
    if ratio(layout.colour("accent"), layout.colour("paper")) < NORMAL:  # links
        faint.setdefault(("accent", layout.colour("paper")), []).append("links")
        needs[("accent", layout.colour("paper"))] = NORMAL
    source = f"{layout.folder.name}/layout.yaml"
    out = []
    for (colour, paper), styles in faint.items():
        value = layout.colour(colour)
        message = (
            f"{value} on {paper} has a contrast of {ratio(value, paper):.1f}:1 on the web page "
            f"({', '.join(styles)}); text needs at least {needs[(colour, paper)]:g}:1 to be "
            "read by everyone (WCAG AA)"
        )
        named = [k for k, v in layout.colours.items() if value.lower() in (v.lower(), k)]
        field = f"colours.{named[0]}" if named else f"styles.{styles[0]}"
        out.append(Issue(source, None, field, message, "warning"))
    return out
