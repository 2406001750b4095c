"""PSNR of each contender's renditions against a full-decode Lanczos reference.

The reference for a still and a size is Pillow's LANCZOS resize of the full-resolution decode
straight to that size (no draft, no cascade). Each contender's file is decoded to RGB (its ICC
profile is ignored: every contender writes sRGB) and compared with the reference at the file's
own pixel size. PSNR is pooled over the stills: 10·log10(255² / mean squared error over every
pixel and channel of every still).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

KINDS = ("print", "web", "thumb")
# Output files are named ..._still-NN_<kind>.jpg by every contender (kitpress's own naming).
NAME = re.compile(r"still-(\d+)_(print|web|thumb)\.jpg$")
Loader = Callable[[], bytes]


def outputs(where: Path) -> dict[tuple[int, str], Loader]:
    """Rendition loaders by (still number, kind), from a kitpress ZIP or a folder of JPEGs."""
    found: dict[tuple[int, str], Loader] = {}
    if where.is_file() and where.suffix == ".zip":
        archive = zipfile.ZipFile(where)
        for name in archive.namelist():
            match = NAME.search(name)
            if match:
                found[(int(match[1]), match[2])] = _member(archive, name)
        return found
    for path in where.glob("*.jpg"):
        match = NAME.search(path.name)
        if match:
            found[(int(match[1]), match[2])] = path.read_bytes
    return found


def _member(archive: zipfile.ZipFile, name: str) -> Loader:
    return lambda: archive.read(name)


class Reference:
    """Full-decode Lanczos references of one still, made on demand for each size asked."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.full: Image.Image | None = None
        self.sized: dict[tuple[int, int], Image.Image] = {}

    def at(self, size: tuple[int, int]) -> Image.Image:
        if size not in self.sized:
            if self.full is None:
                with Image.open(self.source) as image:
                    self.full = image.convert("RGB")
            self.sized[size] = self.full.resize(size, Image.Resampling.LANCZOS)
        return self.sized[size]


def squared_error(jpeg: bytes, reference: Reference) -> tuple[float, int]:
    """Sum of squared channel differences and the number of samples."""
    with Image.open(io.BytesIO(jpeg)) as image:
        decoded = image.convert("RGB")
    stat = ImageStat.Stat(ImageChops.difference(decoded, reference.at(decoded.size)))
    samples = decoded.width * decoded.height
    return sum(rms * rms for rms in stat.rms) * samples, samples * 3


def psnr(total_error: float, samples: int) -> float:
    if samples == 0:
        return math.nan
    mse = total_error / samples
    return math.inf if mse == 0 else 10 * math.log10(255 * 255 / mse)


def score(
    stills: list[Path], contenders: dict[str, Path], numbers: Iterable[int]
) -> dict[str, dict[str, float]]:
    """PSNR by contender and kind over the given still numbers (1-based)."""
    found = {name: outputs(where) for name, where in contenders.items()}
    sums = {name: {kind: [0.0, 0] for kind in KINDS} for name in contenders}
    for number in numbers:
        reference = Reference(stills[number - 1])
        for name, loaders in found.items():
            for kind in KINDS:
                loader = loaders.get((number, kind))
                if loader is None:
                    continue
                error, samples = squared_error(loader(), reference)
                sums[name][kind][0] += error
                sums[name][kind][1] += samples
    return {
        name: {kind: psnr(float(e), int(n)) for kind, (e, n) in by_kind.items()}
        for name, by_kind in sums.items()
    }
