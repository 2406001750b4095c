"""Deterministic, photographic-looking 6000×4000 stills for the stills benchmark.

Each still is painted from its own ``random.Random(seed)`` with Pillow only: a soft lit
background and out-of-focus set pieces (composed at a quarter of the size, then enlarged), an
in-focus subject with fabric and foliage textures and hard edges, thin lines (hair, wires,
window bars), small print, a lens-like softening, then sensor grain, saved as JPEG q92. The
detail reaches the pixel level, so the difference between resampling filters shows in PSNR,
without being pure noise. Files are cached: a still already on disk is not painted again.
"""

from __future__ import annotations

import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

SIZE = (6000, 4000)
QUALITY = 92
VERSION = 1  # bump when the painting changes, so cached stills are painted afresh
SMALL = 4  # the soft layer is composed at 1/SMALL of the size
Colour = tuple[int, int, int]


def still_path(folder: Path, number: int) -> Path:
    return folder / f"still-{number:02d}.jpg"


def ensure_stills(folder: Path, count: int, workers: int = 2) -> list[Path]:
    """Paths of stills 1..count in ``folder``, painting the ones that are missing."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / "VERSION"
    if not stamp.is_file() or stamp.read_text().strip() != str(VERSION):
        for old in folder.glob("still-*.jpg"):
            old.unlink()
        stamp.write_text(f"{VERSION}\n")
    paths = [still_path(folder, n) for n in range(1, count + 1)]
    missing = [(n, p) for n, p in enumerate(paths, 1) if not p.is_file()]
    if missing:
        print(f"painting {len(missing)} still(s) of 6000×4000 into {folder} (cached for reuse)")
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_paint_to, [n for n, _ in missing], [p for _, p in missing]))
    return paths


def _paint_to(number: int, path: Path) -> None:
    image = paint(number)
    partial = path.with_suffix(".part")
    image.save(partial, "JPEG", quality=QUALITY)
    partial.replace(path)


def paint(number: int) -> Image.Image:
    rng = random.Random(1000 + number)
    palette = [_colour(rng) for _ in range(6)]
    image = _soft_layer(rng, palette).resize(SIZE, Image.Resampling.BICUBIC)
    _subject(rng, image, palette)
    _lines(rng, image)
    _small_print(rng, image)
    image = image.filter(ImageFilter.GaussianBlur(0.6))  # lens and demosaicing softness
    return _grain(rng, image)


def _colour(rng: random.Random) -> Colour:
    base = rng.randint(40, 200)
    return tuple(max(0, min(255, base + rng.randint(-60, 60))) for _ in range(3))  # type: ignore[return-value]


def _soft_layer(rng: random.Random, palette: list[Colour]) -> Image.Image:
    """Light falloff, walls and glows, all out of focus, at a quarter of the size."""
    width, height = SIZE[0] // SMALL, SIZE[1] // SMALL
    corners = Image.new("RGB", (3, 2))
    corners.putdata([rng.choice(palette) for _ in range(6)])
    layer = corners.resize((width, height), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(layer)
    for _ in range(rng.randint(5, 9)):
        x, y = rng.uniform(-0.1, 0.9) * width, rng.uniform(-0.1, 0.8) * height
        w, h = rng.uniform(0.1, 0.5) * width, rng.uniform(0.1, 0.6) * height
        shape = draw.ellipse if rng.random() < 0.3 else draw.rectangle
        shape((x, y, x + w, y + h), fill=rng.choice(palette))
    layer = layer.filter(ImageFilter.GaussianBlur(rng.uniform(6, 14)))
    glow = Image.new("L", (width, height), 0)
    gx, gy = rng.uniform(0.2, 0.8) * width, rng.uniform(0.1, 0.5) * height
    radius = rng.uniform(0.15, 0.35) * width
    ImageDraw.Draw(glow).ellipse((gx - radius, gy - radius, gx + radius, gy + radius), fill=110)
    glow = glow.filter(ImageFilter.GaussianBlur(radius / 3))
    warm = Image.new("RGB", (width, height), (255, 226, 180))
    return ImageChops.screen(layer, Image.composite(warm, Image.new("RGB", layer.size), glow))


def _texture(rng: random.Random, size: tuple[int, int], scales: tuple[int, ...]) -> Image.Image:
    """Grey multi-scale noise: each octave painted at 1/scale of ``size`` and enlarged."""
    total: Image.Image | None = None
    for scale in scales:
        w, h = max(2, size[0] // scale), max(2, size[1] // scale)
        octave = Image.frombytes("L", (w, h), rng.randbytes(w * h))
        octave = octave.resize(size, Image.Resampling.BICUBIC)
        total = octave if total is None else Image.blend(total, octave, 0.5)
    assert total is not None
    return ImageOps.autocontrast(total, cutoff=1)


def _subject(rng: random.Random, image: Image.Image, palette: list[Colour]) -> None:
    """In-focus shapes filled with fabric or foliage texture, with hard edges."""
    for _ in range(rng.randint(3, 5)):
        w, h = rng.randint(900, 2600), rng.randint(900, 2600)
        x, y = rng.randint(-200, SIZE[0] - w // 2), rng.randint(200, SIZE[1] - h // 3)
        scales = rng.choice(((8, 2, 1), (16, 4, 1), (4, 1)))
        texture = _texture(rng, (w, h), scales)
        dark, light = rng.choice(palette), _colour(rng)
        filled = ImageOps.colorize(texture, dark, light)
        mask = Image.new("L", (w, h), 0)
        points = [(rng.uniform(0, w), rng.uniform(0, h)) for _ in range(rng.randint(5, 9))]
        draw = ImageDraw.Draw(mask)
        if rng.random() < 0.6:
            draw.polygon(points, fill=255)
        else:
            draw.ellipse((0, 0, w, h), fill=255)
        falloff = Image.new("L", (2, 2))
        falloff.putdata([rng.randint(110, 255) for _ in range(4)])
        shade = Image.merge("RGB", [falloff.resize((w, h), Image.Resampling.BILINEAR)] * 3)
        image.paste(ImageChops.multiply(filled, shade), (x, y), mask)


def _lines(rng: random.Random, image: Image.Image) -> None:
    """Hair, wires and window bars: long thin strokes, one to four pixels wide."""
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(30, 60)):
        x, y = rng.uniform(0, SIZE[0]), rng.uniform(0, SIZE[1])
        points = [(x, y)]
        for _ in range(rng.randint(2, 8)):
            x, y = x + rng.uniform(-400, 400), y + rng.uniform(-300, 300)
            points.append((x, y))
        shade = rng.randint(10, 245)
        draw.line(points, fill=(shade, shade, shade - shade // 8), width=rng.randint(1, 4))


def _small_print(rng: random.Random, image: Image.Image) -> None:
    """A poster or newspaper in the set: rows of small type."""
    draw = ImageDraw.Draw(image)
    left, top = rng.randint(200, 4200), rng.randint(200, 2600)
    words = ["PRESS", "premiere", "cinema", "Lumiere", "1937", "sala", "noche", "film"]
    for row in range(rng.randint(14, 24)):
        size = rng.choice((14, 18, 24, 32))
        font = ImageFont.load_default(size)
        text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 9)))
        shade = rng.randint(0, 60)
        draw.text((left, top + row * 40), text, fill=(shade, shade, shade), font=font)


def _grain(rng: random.Random, image: Image.Image) -> Image.Image:
    """Sensor grain: mostly luminance, some of it clumped at twice the pixel size."""
    width, height = SIZE
    fine = Image.frombytes("L", SIZE, rng.randbytes(width * height))
    coarse = Image.frombytes("L", (width // 2, height // 2), rng.randbytes(width * height // 4))
    grain = Image.blend(fine, coarse.resize(SIZE, Image.Resampling.BILINEAR), 0.5)
    amplitude = 14
    grain = grain.point(lambda v: v * amplitude // 255)
    noisy = ImageChops.add(image, Image.merge("RGB", (grain, grain, grain)), 1.0, -amplitude // 2)
    return noisy
