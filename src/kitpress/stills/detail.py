"""How much is going on in horizontal bands of a picture: where a line of type laid over it
would cross a face or a figure, and where it would sit on sky, fog or floor.

The measure is the mean edge strength of a small greyscale copy, cropped to the shape it is
shown at about its focus point (as a cover crops it). Edges, not brightness: a title reads
on a dark floor as well as on pale fog, and fails on whatever has outlines.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageFilter, ImageOps, ImageStat

from .decode import DecodeProblem
from .targets import CENTRE, crop_box

SAMPLE_WIDTH = 160  # pixels across the copy measured: enough for a figure's outline


def band_detail(
    source: Path,
    shape: tuple[float, float],
    bands: list[tuple[float, float]],
    focus: tuple[float, float] = CENTRE,
) -> list[float]:
    """The mean edge strength (0-255) in each band, given as shares of the crop's height from
    its top, of the picture at ``source`` cropped to ``shape``'s proportions about ``focus``."""
    try:
        with Image.open(source) as image:
            image.draft("L", (SAMPLE_WIDTH * 2, SAMPLE_WIDTH * 4))  # a JPEG decodes small
            grey = ImageOps.exif_transpose(image).convert("L")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise DecodeProblem(f"{source.name}: cannot be read ({exc})") from None
    left, top, width, height = crop_box(grey.size, (round(shape[0]), round(shape[1])), focus)
    grey = grey.crop((round(left), round(top), round(left + width), round(top + height)))
    scale = min(SAMPLE_WIDTH / width, SAMPLE_WIDTH * 4 / height)  # a strip stays a strip
    size = (max(3, round(width * scale)), max(3, round(height * scale)))
    edges = grey.resize(size, Image.Resampling.BOX).filter(ImageFilter.FIND_EDGES)
    inner = edges.crop((1, 1, size[0] - 1, size[1] - 1))  # the filter's own frame left out
    results = []
    for start, end in bands:
        y0 = min(inner.height - 1, round(start * inner.height))
        y1 = max(y0 + 1, round(end * inner.height))
        results.append(ImageStat.Stat(inner.crop((0, y0, inner.width, y1))).mean[0])
    return results
