"""Make every rendition of one still from a single decode: the PDF's image sized to its box,
then the ZIP's print and web files, largest first, each smaller one cut from the one before.

Nothing is ever upsampled: a source smaller than a rendition is delivered at its own size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..output import atomic_write
from .decode import decode, srgb_icc_bytes
from .metadata import StillMetadata, save_jpeg


@dataclass(frozen=True)
class Target:
    kind: str  # "pdf", "print" or "web"
    long_edge: int | None  # None: the box size below
    box: tuple[int, int] | None
    quality: int
    path: Path


@dataclass(frozen=True)
class Rendition:
    kind: str
    path: Path
    size: tuple[int, int]
    wanted_long_edge: int


def fit(size: tuple[int, int], target: Target) -> tuple[int, int]:
    """The rendition's pixel size: the target's, or the source's when that is smaller."""
    width, height = size
    if target.box is not None:
        scale = min(target.box[0] / width, target.box[1] / height, 1.0)
    else:
        scale = min((target.long_edge or max(size)) / max(width, height), 1.0)
    return max(1, round(width * scale)), max(1, round(height * scale))


def wanted(size: tuple[int, int], target: Target) -> int:
    if target.box is not None:
        return max(target.box) if size[0] >= size[1] else target.box[1]
    return target.long_edge or max(size)


def make_renditions(
    source: Path,
    upright_size: tuple[int, int],
    targets: list[Target],
    meta: StillMetadata,
    background: str,
) -> tuple[list[Rendition], list[str]]:
    """Write every target; returns what was made and the metadata warnings."""
    sizes = {t.kind: fit(upright_size, t) for t in targets}
    largest = max(max(s) for s in sizes.values())
    image = decode(source, (largest, largest), background)
    results: list[Rendition] = []
    warnings: list[str] = []
    current = image
    for target in sorted(targets, key=lambda t: -max(sizes[t.kind])):
        size = fit(image.size, target)
        if current.size != size:
            current = current.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        warnings += _save(current, target, meta)
        results.append(Rendition(target.kind, target.path, size, wanted(image.size, target)))
    return results, warnings


def _save(image: Image.Image, target: Target, meta: StillMetadata) -> list[str]:
    with atomic_write(target.path) as out:
        return save_jpeg(image, out, meta, quality=target.quality, icc_profile=srgb_icc_bytes())
