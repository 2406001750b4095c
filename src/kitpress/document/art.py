"""The kit's artwork (title art, logos, billing block image, festival laurels), read once:
what kind each file is and how large, so an output can place it and say how sharp it prints.
A file that cannot be read as what its name says is a located error, before anything is made.

SVG files are untrusted XML: parsed with defusedxml (no entities, no DTDs); their size comes
from ``viewBox`` (or ``width``/``height``). PNG files are read by their header through Pillow.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException, ElementTree
from PIL import Image, UnidentifiedImageError

from ..errors import Issue, KitError, Severity
from ..kit.model import Artwork, Kit

MAX_SVG_BYTES = 5 * 1024 * 1024
MAX_ART_PIXELS = 100_000_000
_HEX = re.compile(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}")
_UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54}
_UNITS["in"] = 96.0


@dataclass(frozen=True)
class ArtFile:
    """One artwork file: ``kind`` svg (vector) or png (pixels); ``size`` in pixels for PNG, in
    the drawing's own units for SVG (only its proportions matter)."""

    art: Artwork
    kind: str
    size: tuple[float, float]
    source_label: str
    transparent: bool = False
    ink: str | None = None  # its dominant colour (#rrggbb): what must stand out from the ground

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.size[0] / self.size[1]

    def ppi(self, width: float) -> float | None:
        """The effective ppi of a PNG placed ``width`` points wide; None for vector art."""
        return self.size[0] / (width / 72) if self.kind == "png" else None

    def issue(self, message: str, severity: Severity = "warning") -> Issue:
        text = f"{self.art.file.name}: {message}"
        return Issue(self.source_label, self.art.line, self.art.field, text, severity)


def kit_artwork(kit: Kit) -> tuple[Artwork, ...]:
    """Every artwork file the kit names, in kit.yaml's order."""
    found = [kit.title_art, kit.title_art_on_dark]
    found += [logo.art for logo in kit.logos]
    if kit.billing_block and kit.billing_block.art:
        found.append(kit.billing_block.art)
    found += [f.laurel for f in kit.festivals if f.laurel]
    return tuple(a for a in found if a is not None)


def read_artwork_files(kit: Kit) -> dict[str, ArtFile]:
    """Each artwork file by its kit.yaml field; raises KitError naming every unreadable one."""
    found: dict[str, ArtFile] = {}
    problems: list[Issue] = []
    label = kit.source.name
    for art in kit_artwork(kit):
        try:
            found[art.field] = _read(art, label)
        except ArtProblem as exc:
            problems.append(Issue(label, art.line, art.field, f"{art.file.name}: {exc}"))
    if problems:
        raise KitError(problems)
    return found


class ArtProblem(Exception):
    pass


def _read(art: Artwork, label: str) -> ArtFile:
    if art.file.suffix.lower() == ".svg":
        return ArtFile(art, "svg", svg_size(art.file), label, ink=svg_ink(art.file))
    try:
        with Image.open(art.file) as image:
            if image.format != "PNG":
                raise ArtProblem(f"not a PNG file (it holds {image.format or 'no'} image data)")
            width, height = image.size
            small = width * height <= MAX_ART_PIXELS
            transparent = _has_transparency(image) if small else False
            ink = png_ink(image) if small else None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        if isinstance(exc, ArtProblem):
            raise
        raise ArtProblem("cannot be read as a PNG image (damaged, or not an image)") from exc
    if width * height > MAX_ART_PIXELS:
        raise ArtProblem(f"{width}×{height} px is far larger than any logo needs")
    return ArtFile(art, "png", (width, height), label, transparent, ink)


def _has_transparency(image: Image.Image) -> bool:
    """Whether any pixel of the PNG is less than opaque (an alpha channel alone says not)."""
    if "transparency" in image.info:
        return True
    if image.mode not in ("RGBA", "LA", "PA"):
        return False
    low = image.getchannel("A").getextrema()[0]
    return isinstance(low, (int, float)) and low < 255


def png_ink(image: Image.Image) -> str | None:
    """The most common colour among the PNG's opaque pixels (in steps of 16 per channel, so
    antialiasing does not split it), or None when nothing in it is opaque."""
    rgba = image.convert("RGBA")
    rgba.thumbnail((256, 256), Image.Resampling.NEAREST)
    counts: Counter[tuple[int, int, int]] = Counter()
    for pixel in rgba.get_flattened_data():
        assert isinstance(pixel, tuple)
        red, green, blue, alpha = (int(v) for v in pixel)
        if alpha >= 128:
            counts[(red | 15) - 8, (green | 15) - 8, (blue | 15) - 8] += 1
    if not counts:
        return None
    return "#{:02x}{:02x}{:02x}".format(*counts.most_common(1)[0][0])


def svg_ink(path: Path) -> str | None:
    """The fill colour that most of the drawing's paths are drawn in (by the length of their
    path data, a measure of how much they draw), inherited as SVG inherits it."""
    root = ElementTree.fromstring(path.read_bytes())
    counts: Counter[str] = Counter()

    def walk(element: Any, fill: str | None) -> None:
        tag = str(element.tag).rsplit("}", 1)[-1]
        if tag == "clipPath":
            return
        style = dict(
            part.split(":", 1) for part in (element.get("style") or "").split(";") if ":" in part
        )
        fill = (style.get("fill") or element.get("fill") or fill or "").strip() or fill
        if tag == "path" and fill:
            counts[fill] += len(element.get("d") or "")
        for child in element:
            walk(child, fill)

    walk(root, "#000000")
    hex_fills = [(n, c) for c, n in counts.items() if _HEX.fullmatch(c)]
    if not hex_fills:
        return None
    colour = max(hex_fills)[1].lower()
    return colour if len(colour) == 7 else "#" + "".join(ch * 2 for ch in colour[1:])


def svg_size(path: Path) -> tuple[float, float]:
    """The drawing's width and height from its root element; ArtProblem when it is no SVG."""
    try:
        if path.stat().st_size > MAX_SVG_BYTES:
            raise ArtProblem("larger than 5 MB: is it really a logo?")
        root = ElementTree.fromstring(path.read_bytes())
    except ArtProblem:
        raise
    except OSError as exc:
        raise ArtProblem(f"cannot be read: {exc.strerror}") from exc
    except DefusedXmlException as exc:
        raise ArtProblem(
            "the SVG declares a DTD or entities, which kitpress does not read (they can make "
            "a small file huge): export it again as plain SVG"
        ) from exc
    except Exception as exc:  # every XML syntax error
        raise ArtProblem(f"is not valid SVG: {_first_line(exc)}") from exc
    if not root.tag.endswith("svg"):
        raise ArtProblem(f"is not an SVG drawing (its root element is <{root.tag}>)")
    _check_vector_only(root)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        size = _number(box[2]), _number(box[3])
    else:
        size = _length(root.get("width")), _length(root.get("height"))
    if size[0] is None or size[1] is None or size[0] <= 0 or size[1] <= 0:
        raise ArtProblem("the SVG gives no size: add a viewBox (or width and height)")
    return size[0], size[1]


def _check_vector_only(root: Any) -> None:
    """An SVG kitpress can place: paths and shapes, no live text, no bitmaps, nothing it
    would have to fetch from another file or the network."""
    for element in root.iter():
        tag = str(element.tag).rsplit("}", 1)[-1]
        if tag == "text":
            raise ArtProblem(
                "the SVG has live text (<text>): convert its text to outlines (paths) and "
                "export it again, so it prints in its own letters"
            )
        if tag == "image":
            raise ArtProblem(
                "the SVG holds a bitmap (<image>): give the PNG itself, or an SVG of paths"
            )
        for name, value in element.attrib.items():
            if str(name).endswith("href") and not str(value).startswith("#"):
                raise ArtProblem(
                    f"the SVG refers to another file or address ('{value}'): make it self-contained"
                )


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _length(text: str | None) -> float | None:
    if not text:
        return None
    text = text.strip()
    unit = text.lstrip("0123456789.+-eE")
    value = _number(text[: len(text) - len(unit)])
    scale = _UNITS.get(unit.strip())
    return None if value is None or scale is None else value * scale


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]
