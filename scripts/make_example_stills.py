"""Generate the placeholder pictures of the example kits: the nine stills of "Parallel
Mothers", or (``--kit the-last-lock``) the stills, portraits and key art of the invented film
"The Last Lock" (their scenes are in ``last_lock_scenes.py``).

The example kit in ``assets/parallel-mothers/`` needs camera-sized stills, but we cannot ship
real film stills. This script paints nine synthetic, photographic-looking stand-ins: soft
gradients and light falloff, out-of-focus architecture, blurred silhouettes of people, a
vignette and fine film grain, in the film's palette of warm reds and muted greens. Each carries
a small "PLACEHOLDER STILL NN" label in a corner so nobody mistakes it for a real photograph.

The output is deterministic: every still draws from its own ``random.Random(seed)``, nothing
depends on the clock, and the ICC profile's creation date is pinned, so two runs produce
byte-identical files. ``still-05`` is portrait; ``still-07`` is a landscape picture stored as
portrait pixels with EXIF Orientation 6, so readers must honour the tag to show it upright.

Only Pillow and the standard library are used.

Run from the repository root::

    python scripts/make_example_stills.py            # writes assets/parallel-mothers/stills/
    python scripts/make_example_stills.py --out DIR  # writes somewhere else
    python scripts/make_example_stills.py --kit the-last-lock   # assets/the-last-lock/
"""

import argparse
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageFilter, ImageFont, ImageOps

Color = tuple[int, int, int]
Box = tuple[float, float, float, float]

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "assets" / "parallel-mothers" / "stills"
LANDSCAPE = (3600, 2400)
PORTRAIT = (2400, 3600)
WORK_DIVISOR = 3  # compose at a third of the final size, then upscale before the grain
GRAIN_DIVISOR = 2  # grain is generated at half size and upscaled, which keeps it fine but cheap
GRAIN_AMPLITUDE = 9  # peak grain offset in 8-bit levels
JPEG_QUALITY = 80
EXIF_ORIENTATION = 0x0112
# lcms stamps the current time into the profile header (bytes 24-35); pin it for reproducibility.
ICC_DATE = bytes.fromhex("07e8 0001 0001 0000 0000 0000")  # 2024-01-01 00:00:00
ICC_DATE_SLICE = slice(24, 36)


@dataclass(frozen=True)
class Block:
    """A flat, out-of-focus shape of the set: a wall, a window, a bed, a door frame."""

    box: Box  # (left, top, right, bottom), relative to the frame
    color: Color
    round: bool = False


@dataclass(frozen=True)
class Glow:
    """A soft pool of light, screened onto the frame."""

    x: float
    y: float
    radius: float  # relative to the frame's long edge
    color: Color
    strength: float = 1.0


@dataclass(frozen=True)
class Figure:
    """A person seen as a soft silhouette, standing with the body cut by the frame's bottom."""

    x: float
    height: float  # head top to frame bottom, relative to the frame height
    color: Color
    blur: float  # Gaussian radius at working size; bigger means further out of focus


@dataclass(frozen=True)
class Scene:
    """Everything needed to paint one still."""

    number: int
    top: Color
    bottom: Color
    blocks: tuple[Block, ...]
    glows: tuple[Glow, ...]
    figures: tuple[Figure, ...]
    rim: Color
    lift: Color  # how far the blacks are lifted per channel (faded film shadows)
    bokeh: int = 0
    bokeh_color: Color = (255, 214, 160)
    vignette: float = 0.55
    portrait: bool = False
    exif_rotated: bool = False
    foreground: tuple[Block, ...] = ()  # very out-of-focus shapes close to the lens


# Palette: warm reds, ochres, muted greens, hospital green-greys, deep brown shadows.
RED, DEEP_RED, BRICK = (168, 38, 34), (96, 18, 20), (184, 74, 52)
OCHRE, SAND, CREAM = (196, 150, 92), (214, 186, 140), (232, 220, 196)
SAGE, MOSS, BOTTLE = (120, 138, 108), (74, 92, 70), (40, 56, 46)
WARD, WARD_DARK = (168, 186, 172), (92, 110, 100)
SHADOW, NIGHT = (26, 20, 18), (18, 24, 28)
LAMP, DAYLIGHT, TUNGSTEN = (255, 200, 130), (236, 240, 226), (255, 170, 96)

SCENES: tuple[Scene, ...] = (
    Scene(  # hospital corridor: two women waiting under fluorescent light
        1,
        WARD,
        WARD_DARK,
        (
            Block((0.0, 0.62, 1.0, 1.0), (70, 84, 76)),
            Block((0.58, 0.12, 0.76, 0.66), (60, 72, 66)),
            Block((0.08, 0.2, 0.22, 0.5), CREAM),
        ),
        (Glow(0.5, -0.05, 0.5, DAYLIGHT, 0.8), Glow(0.15, 0.35, 0.18, DAYLIGHT, 0.6)),
        (Figure(0.34, 0.7, (44, 40, 38), 3.5), Figure(0.48, 0.64, (110, 30, 30), 5.0)),
        DAYLIGHT,
        (16, 20, 18),
        foreground=(Block((0.86, 0.0, 1.0, 1.0), (36, 44, 40)),),
    ),
    Scene(  # family kitchen: ochre walls, lamp glow, a woman by the table
        2,
        OCHRE,
        (92, 52, 34),
        (
            Block((0.0, 0.7, 1.0, 1.0), (70, 36, 26)),
            Block((0.62, 0.18, 0.92, 0.52), SAGE),
            Block((0.05, 0.55, 0.5, 0.78), DEEP_RED),
        ),
        (Glow(0.78, 0.3, 0.35, LAMP, 1.0), Glow(0.2, 0.1, 0.3, TUNGSTEN, 0.4)),
        (Figure(0.62, 0.82, (38, 26, 22), 3.0),),
        LAMP,
        (26, 14, 10),
        bokeh=5,
        foreground=(Block((-0.1, 0.84, 0.3, 1.1), (120, 40, 30), True),),
    ),
    Scene(  # night: a silhouette against a window
        3,
        (34, 46, 44),
        NIGHT,
        (
            Block((0.3, 0.12, 0.7, 0.72), (120, 146, 140)),
            Block((0.49, 0.12, 0.51, 0.72), (40, 50, 48)),
            Block((0.3, 0.41, 0.7, 0.43), (40, 50, 48)),
        ),
        (Glow(0.5, 0.4, 0.4, (150, 190, 180), 0.7), Glow(0.92, 0.85, 0.2, TUNGSTEN, 0.35)),
        (Figure(0.44, 0.78, (14, 16, 16), 2.0),),
        (190, 220, 210),
        (8, 16, 16),
        vignette=0.65,
    ),
    Scene(  # deep red wall, two women close to camera
        4,
        RED,
        DEEP_RED,
        (Block((0.0, 0.0, 0.18, 1.0), (70, 14, 16)), Block((0.72, 0.2, 0.88, 0.62), SAND, True)),
        (Glow(0.8, 0.38, 0.3, LAMP, 0.9), Glow(0.3, 0.2, 0.4, BRICK, 0.5)),
        (Figure(0.28, 0.98, (34, 18, 16), 9.0), Figure(0.6, 0.86, (60, 70, 56), 3.5)),
        LAMP,
        (24, 8, 8),
    ),
    Scene(  # portrait: a doorway into a warm room, a figure on the threshold
        5,
        BOTTLE,
        (22, 30, 24),
        (
            Block((0.22, 0.18, 0.78, 1.0), (196, 120, 70)),
            Block((0.18, 0.14, 0.26, 1.0), MOSS),
            Block((0.74, 0.14, 0.82, 1.0), MOSS),
            Block((0.0, 0.86, 1.0, 1.0), (30, 24, 20)),
        ),
        (Glow(0.5, 0.45, 0.35, TUNGSTEN, 1.0),),
        (Figure(0.52, 0.62, (28, 20, 18), 2.0),),
        TUNGSTEN,
        (14, 18, 14),
        portrait=True,
    ),
    Scene(  # village street in hard summer light, three small figures
        6,
        (226, 214, 190),
        SAND,
        (
            Block((0.0, 0.35, 0.3, 1.0), CREAM),
            Block((0.7, 0.3, 1.0, 1.0), (200, 168, 120)),
            Block((0.0, 0.78, 1.0, 1.0), (150, 118, 82)),
            Block((0.08, 0.5, 0.16, 0.7), BOTTLE),
        ),
        (Glow(0.5, 0.0, 0.6, (255, 248, 230), 1.0),),
        (
            Figure(0.36, 0.4, (70, 50, 40), 2.0),
            Figure(0.52, 0.44, (140, 36, 30), 2.0),
            Figure(0.66, 0.34, (60, 70, 60), 2.5),
        ),
        (255, 240, 210),
        (30, 22, 16),
        vignette=0.4,
    ),
    Scene(  # hospital room: bed, window light from the left, two figures
        7,
        (150, 164, 150),
        (76, 88, 80),
        (
            Block((0.35, 0.62, 0.95, 0.86), CREAM, True),
            Block((0.02, 0.1, 0.2, 0.6), DAYLIGHT),
            Block((0.0, 0.86, 1.0, 1.0), (52, 60, 56)),
        ),
        (Glow(0.08, 0.35, 0.45, DAYLIGHT, 0.9),),
        (Figure(0.26, 0.74, (50, 56, 52), 3.0), Figure(0.84, 0.9, (120, 32, 32), 10.0)),
        DAYLIGHT,
        (14, 18, 16),
        exif_rotated=True,
    ),
    Scene(  # evening meal: amber room, bokeh of candles, four figures around a table
        8,
        (120, 62, 34),
        (40, 20, 14),
        (Block((0.0, 0.68, 1.0, 1.0), (140, 30, 28)), Block((0.1, 0.1, 0.3, 0.4), SAGE)),
        (Glow(0.5, 0.62, 0.3, TUNGSTEN, 1.0), Glow(0.9, 0.2, 0.25, LAMP, 0.5)),
        (
            Figure(0.1, 0.8, (30, 20, 16), 9.0),
            Figure(0.38, 0.58, (56, 24, 20), 3.0),
            Figure(0.6, 0.6, (34, 40, 32), 3.0),
            Figure(0.9, 0.76, (24, 16, 14), 8.0),
        ),
        TUNGSTEN,
        (22, 12, 8),
        bokeh=14,
        foreground=(Block((0.3, 0.9, 0.75, 1.1), (60, 16, 14), True),),
    ),
    Scene(  # dusk on open ground: a line of people, pale pink sky over muted green
        9,
        (222, 184, 170),
        (150, 156, 130),
        (Block((0.0, 0.6, 1.0, 1.0), MOSS), Block((0.0, 0.56, 1.0, 0.62), (110, 120, 96))),
        (Glow(0.7, 0.45, 0.5, (255, 210, 180), 0.7),),
        (
            Figure(0.14, 0.5, (46, 40, 36), 2.5),
            Figure(0.3, 0.47, (60, 30, 28), 2.0),
            Figure(0.43, 0.49, (40, 44, 40), 2.0),
            Figure(0.59, 0.46, (52, 36, 32), 2.0),
            Figure(0.76, 0.52, (36, 40, 36), 2.5),
        ),
        (255, 220, 200),
        (20, 20, 16),
        vignette=0.5,
    ),
)


def solid(size: tuple[int, int], color: Color) -> Image.Image:
    """A flat RGB image."""
    return Image.new("RGB", size, color)


def brighten(color: Color, amount: int) -> Color:
    """The colour with ``amount`` added to each channel, clipped to 255."""
    r, g, b = (min(255, c + amount) for c in color)
    return (r, g, b)


def vertical_gradient(size: tuple[int, int], top: Color, bottom: Color) -> Image.Image:
    """A smooth top-to-bottom blend between two colours."""
    mask = Image.linear_gradient("L").resize(size, Image.Resampling.BICUBIC)
    return Image.composite(solid(size, bottom), solid(size, top), mask)


def paint_blocks(image: Image.Image, blocks: Sequence[Block], blur: float) -> Image.Image:
    """Draw shapes of the set over the image, out of focus by ``blur``."""
    layer, mask = image.copy(), Image.new("L", image.size, 0)
    w, h = image.size
    for block in blocks:
        box = (block.box[0] * w, block.box[1] * h, block.box[2] * w, block.box[3] * h)
        for target, fill in ((layer, block.color), (mask, 255)):
            draw = ImageDraw.Draw(target)
            if block.round:
                draw.rounded_rectangle(box, radius=min(w, h) * 0.06, fill=fill)
            else:
                draw.rectangle(box, fill=fill)
    soften = ImageFilter.GaussianBlur(blur)
    return Image.composite(layer.filter(soften), image, mask.filter(soften))


def glow_mask(size: tuple[int, int], x: float, y: float, radius: float) -> Image.Image:
    """An L mask that is white at (x, y) and falls off smoothly to black at ``radius``."""
    w, h = size
    r = max(2, round(radius * max(w, h)))
    falloff = ImageChops.invert(Image.radial_gradient("L"))
    falloff = falloff.point([round(255 * (v / 255) ** 2.2) for v in range(256)])
    mask = Image.new("L", size, 0)
    mask.paste(
        falloff.resize((2 * r, 2 * r), Image.Resampling.BICUBIC),
        (round(x * w) - r, round(y * h) - r),
    )
    return mask


def add_light(image: Image.Image, mask: Image.Image, color: Color, strength: float) -> Image.Image:
    """Screen a coloured light through ``mask`` onto the image."""
    if strength < 1.0:
        mask = mask.point([round(v * strength) for v in range(256)])
    light = Image.composite(solid(image.size, color), solid(image.size, (0, 0, 0)), mask)
    return ImageChops.screen(image, light)


def paint_bokeh(image: Image.Image, scene: Scene, rng: random.Random) -> Image.Image:
    """Out-of-focus point lights: soft discs of varying size and brightness."""
    w, h = image.size
    mask = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(mask)
    for _ in range(scene.bokeh):
        cx, cy = rng.uniform(0.02, 0.98) * w, rng.uniform(0.05, 0.6) * h
        r = rng.uniform(0.012, 0.035) * w
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=rng.randint(50, 140))
    mask = mask.filter(ImageFilter.GaussianBlur(w * 0.006))
    return add_light(image, mask, scene.bokeh_color, 1.0)


def draw_head(
    draw: ImageDraw.ImageDraw, cx: float, top: float, head: tuple[float, float], rng: random.Random
) -> None:
    """Hair and head, set a little off the body's axis, and the neck below."""
    head_w, head_h = head
    hx = cx + rng.uniform(-0.2, 0.2) * head_w
    hair_w, hair_h = head_w * rng.uniform(1.05, 1.3), head_h * rng.uniform(0.9, 1.35)
    draw.ellipse((hx - hair_w / 2, top - head_h * 0.05, hx + hair_w / 2, top + hair_h), fill=255)
    draw.ellipse((hx - head_w / 2, top, hx + head_w / 2, top + head_h), fill=255)
    draw.polygon(
        [
            (hx - head_w * 0.24, top + head_h * 0.75),
            (hx + head_w * 0.24, top + head_h * 0.75),
            (cx + head_w * 0.34, top + head_h * 1.3),
            (cx - head_w * 0.34, top + head_h * 1.3),
        ],
        fill=255,
    )


def draw_body(
    draw: ImageDraw.ImageDraw,
    cx: float,
    shoulder_y: float,
    body_w: float,
    bottom: float,
    rng: random.Random,
) -> None:
    """Rounded, sloping shoulders over a torso and arms that narrow a little towards the waist."""
    turn = rng.uniform(0.8, 1.0)  # a body turned from camera looks narrower
    half = body_w * turn / 2
    slope = body_w * rng.uniform(0.2, 0.26)
    draw.ellipse((cx - half, shoulder_y, cx + half, shoulder_y + slope * 2.2), fill=255)
    draw.polygon(
        [
            (cx - half, shoulder_y + slope * 1.1),
            (cx + half, shoulder_y + slope * 1.1),
            (cx + half * 0.9, bottom),
            (cx - half * 0.9, bottom),
        ],
        fill=255,
    )


def figure_mask(size: tuple[int, int], figure: Figure, rng: random.Random) -> Image.Image:
    """A person's silhouette: head, neck, shoulders and a body running out of the frame."""
    w, h = size
    tall = figure.height * h
    cx, top = (figure.x + rng.uniform(-0.01, 0.01)) * w, h - tall
    head = (tall * rng.uniform(0.12, 0.135), tall * rng.uniform(0.16, 0.175))
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    draw_head(draw, cx, top, head, rng)
    draw_body(draw, cx, top + head[1] * 1.2, tall * rng.uniform(0.4, 0.48), h + 10, rng)
    return mask.filter(ImageFilter.GaussianBlur(figure.blur))


def paint_figure(
    image: Image.Image, figure: Figure, scene: Scene, rng: random.Random
) -> Image.Image:
    """Composite one silhouette, with a faint rim of light on the side facing the key light."""
    mask = figure_mask(image.size, figure, rng)
    body = vertical_gradient(image.size, brighten(figure.color, 16), figure.color)
    image = Image.composite(body, image, mask)
    key_x = scene.glows[0].x if scene.glows else 0.5
    shift = round((1 if key_x < figure.x else -1) * image.width * 0.005)
    rim = ImageChops.subtract(mask, ImageChops.offset(mask, -shift, 0))
    rim = rim.filter(ImageFilter.GaussianBlur(figure.blur + 1.5))
    return add_light(image, rim, scene.rim, 0.3)


def light_falloff(image: Image.Image, key_x: float, amount: float = 0.3) -> Image.Image:
    """Darken the side of the frame away from the key light."""
    ramp = Image.linear_gradient("L").rotate(90).resize(image.size, Image.Resampling.BICUBIC)
    if key_x < 0.5:  # the rotated ramp is bright on the left; flip it so the dark side is away
        ramp = ImageOps.mirror(ramp)
    ramp = ramp.point([round(255 * (1 - amount * (1 - v / 255))) for v in range(256)])
    return ImageChops.multiply(image, Image.merge("RGB", (ramp, ramp, ramp)))


def bloom(image: Image.Image, strength: float = 0.35) -> Image.Image:
    """Let the highlights bleed softly into their surroundings, as they do through a lens."""
    highlights = image.point([max(0, v - 170) * 3 for v in range(256)] * 3)
    highlights = highlights.filter(ImageFilter.GaussianBlur(image.width * 0.02))
    glow = highlights.point([round(v * strength) for v in range(256)] * 3)
    return ImageChops.screen(image, glow)


def vignette(image: Image.Image, amount: float) -> Image.Image:
    """Darken towards the corners, as a lens does."""
    w, h = image.size
    big = Image.radial_gradient("L").resize(
        (round(w * 1.45), round(h * 1.45)), Image.Resampling.BICUBIC
    )
    left, top = (big.width - w) // 2, (big.height - h) // 2
    mask = big.crop((left, top, left + w, top + h))
    mask = mask.point([round(255 * (1 - amount * (v / 255) ** 2)) for v in range(256)])
    return ImageChops.multiply(image, Image.merge("RGB", (mask, mask, mask)))


def film_curve(image: Image.Image, lift: Color) -> Image.Image:
    """A gentle S-curve with lifted, tinted blacks: the look of a graded film print."""
    lut: list[int] = []
    for floor in lift:
        for v in range(256):
            x = v / 255
            s = x * x * (3 - 2 * x)  # smoothstep: more contrast in the mid-tones
            curved = 0.6 * x + 0.4 * s
            lut.append(round(floor + (255 - floor * 1.4) * curved))
    return image.point(lut)


def compose(scene: Scene, size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Paint the scene at working size: set, lights, people, lens and grade."""
    image = vertical_gradient(size, scene.top, scene.bottom)
    image = paint_blocks(image, scene.blocks, blur=size[0] * 0.007)
    for glow in scene.glows:
        mask = glow_mask(size, glow.x, glow.y, glow.radius)
        image = add_light(image, mask, glow.color, glow.strength)
    if scene.bokeh:
        image = paint_bokeh(image, scene, rng)
    for figure in sorted(scene.figures, key=lambda f: f.height):
        image = paint_figure(image, figure, scene, rng)
    if scene.foreground:
        image = paint_blocks(image, scene.foreground, blur=size[0] * 0.03)
    image = light_falloff(image, scene.glows[0].x if scene.glows else 0.5)
    image = vignette(bloom(image), scene.vignette)
    return film_curve(image, scene.lift)


def grain(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Fine monochrome film grain centred on 128, as an RGB image to add to a picture."""
    small = (size[0] // GRAIN_DIVISOR, size[1] // GRAIN_DIVISOR)
    count = small[0] * small[1]
    a = Image.frombytes("L", small, rng.randbytes(count))
    b = Image.frombytes("L", small, rng.randbytes(count))
    noise = ImageChops.add(a, b, scale=2.0)  # triangular distribution around 128
    noise = noise.point([round(128 + (v - 128) * GRAIN_AMPLITUDE / 128) for v in range(256)])
    noise = noise.resize(size, Image.Resampling.BICUBIC)
    return Image.merge("RGB", (noise, noise, noise))


def draw_label(image: Image.Image, number: int) -> None:
    """Write a small, discreet 'PLACEHOLDER STILL NN' in the bottom-right corner."""
    text = f"PLACEHOLDER STILL {number:02d}"
    size = round(min(image.size) * 0.016)
    font = ImageFont.load_default(size=size)
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    margin = round(min(image.size) * 0.025)
    x = image.width - margin - (right - left)
    y = image.height - margin - (bottom - top)
    draw.text((x - left + 2, y - top + 2), text, font=font, fill=(20, 18, 16))
    draw.text((x - left, y - top), text, font=font, fill=(226, 222, 212))


def render(scene: Scene) -> Image.Image:
    """The finished, upright still at full camera size."""
    rng = random.Random(1000 + scene.number)
    size = PORTRAIT if scene.portrait else LANDSCAPE
    work = (round(size[0] / WORK_DIVISOR), round(size[1] / WORK_DIVISOR))
    image = compose(scene, work, rng).resize(size, Image.Resampling.LANCZOS)
    image = ImageChops.add(image, grain(size, rng), scale=1.0, offset=-128)
    draw_label(image, scene.number)
    return image


def srgb_profile() -> bytes:
    """An sRGB ICC profile with a fixed creation date, so output bytes do not depend on time."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[ICC_DATE_SLICE] = ICC_DATE
    return bytes(data)


def save(image: Image.Image, path: Path, icc: bytes, exif_rotated: bool) -> None:
    """Save as a baseline sRGB JPEG; optionally store the pixels turned, with EXIF Orientation 6.

    Orientation 6 means "rotate 90 degrees clockwise to display", so the stored pixels are the
    upright picture turned 90 degrees counter-clockwise.
    """
    exif = Image.Exif()
    if exif_rotated:
        image = image.transpose(Image.Transpose.ROTATE_90)
        exif[EXIF_ORIENTATION] = 6
    image.save(
        path,
        "JPEG",
        quality=JPEG_QUALITY,
        optimize=True,
        progressive=False,
        subsampling="4:2:0",
        icc_profile=icc,
        exif=exif.tobytes() if exif_rotated else b"",
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments and write the nine stills."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"folder for still-01.jpg ... still-09.jpg (default: {DEFAULT_OUT})",
    )
    parser.add_argument(
        "--kit",
        choices=("parallel-mothers", "the-last-lock"),
        default="parallel-mothers",
        help="which example kit's pictures to make (the-last-lock: into its kit folder, or --out)",
    )
    args = parser.parse_args(argv)
    if args.kit == "the-last-lock":
        from last_lock_scenes import write_all

        kit = DEFAULT_OUT.parent.parent / "the-last-lock"
        write_all(args.out if args.out != DEFAULT_OUT else kit)
        return
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    icc = srgb_profile()
    for scene in SCENES:
        path = out / f"still-{scene.number:02d}.jpg"
        save(render(scene), path, icc, scene.exif_rotated)
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
