"""The pictures of the second example kit, "The Last Lock" (an invented film): nine stills
(two of them behind the scenes), six portraits and the key art, painted with the same
synthetic lens as the first kit's stand-ins (`make_example_stills.py`): gradients and light,
out-of-focus shapes of the set, soft silhouettes, bloom, vignette, a graded film curve and
grain. Its palette is the canal's: slate water, fog, moss, brick and lamplight.

Sizes are press sizes (3000 × 2000 stills, 1200 × 1500 portraits, a key art that covers an
A4 or US Letter page and its bleed at 300 ppi); the grain is fine and the JPEG quality
moderate, so the whole kit stays small. Deterministic: each picture draws from its own seeded
generator.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from make_example_stills import (
    WORK_DIVISOR,
    Block,
    Color,
    Figure,
    Glow,
    Scene,
    add_light,
    bloom,
    brighten,
    compose,
    draw_body,
    draw_head,
    film_curve,
    glow_mask,
    light_falloff,
    paint_blocks,
    paint_bokeh,
    srgb_profile,
    vertical_gradient,
    vignette,
)
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

STILL = (3000, 2000)
PORTRAIT = (1200, 1500)
KEY_ART = (2700, 3650)  # A4 and US Letter, each with its bleed, at 300 ppi or more
QUALITY = 64
GRAIN = 3  # grain strength: enough to read as film, light enough to keep the files small

FOG, MIST, SLATE = (204, 210, 206), (170, 182, 182), (74, 92, 98)
WATER, DEEP_WATER = (58, 76, 82), (28, 38, 42)
MOSS, TOWPATH, BRICK = (78, 92, 64), (112, 100, 80), (128, 70, 52)
TIMBER, IRON = (52, 40, 32), (30, 32, 34)
LAMP, DAWN, COLD = (255, 196, 128), (246, 214, 178), (214, 226, 232)
NIGHT = (16, 22, 28)

STILLS: tuple[Scene, ...] = (
    Scene(  # 1 dawn at the lock: Nell on the balance beam, fog over the water (as the key art)
        1,
        FOG,
        DEEP_WATER,
        (
            Block((0.06, 0.44, 0.2, 0.78), TIMBER),
            Block((0.8, 0.44, 0.94, 0.78), TIMBER),
            Block((0.0, 0.6, 0.44, 0.635), IRON),
            Block((0.56, 0.6, 1.0, 0.635), IRON),
        ),
        (Glow(0.66, 0.3, 0.45, DAWN, 0.9), Glow(0.66, 0.84, 0.25, DAWN, 0.35)),
        (Figure(0.3, 0.3, (34, 36, 38), 2.2),),
        DAWN,
        (22, 28, 30),
        vignette=0.5,
    ),
    Scene(  # 2 the keeper's cottage: father and daughter at the table under the lamp
        2,
        (118, 96, 70),
        (40, 30, 24),
        (
            Block((0.0, 0.7, 1.0, 1.0), (58, 42, 32)),
            Block((0.58, 0.14, 0.86, 0.5), (90, 110, 112)),
            Block((0.71, 0.14, 0.73, 0.5), TIMBER),
            Block((0.04, 0.6, 0.56, 0.76), (96, 62, 40)),
        ),
        (Glow(0.42, 0.22, 0.32, LAMP, 1.0), Glow(0.72, 0.3, 0.25, COLD, 0.4)),
        (Figure(0.24, 0.8, (40, 30, 26), 3.0), Figure(0.56, 0.72, (70, 46, 40), 2.2)),
        LAMP,
        (20, 14, 10),
        bokeh=3,
        bokeh_color=LAMP,
    ),
    Scene(  # 3 the towpath in flat grey light: the engineer and the keeper's daughter
        3,
        (196, 200, 196),
        MOSS,
        (
            Block((0.0, 0.56, 1.0, 0.72), SLATE),
            Block((0.0, 0.72, 1.0, 1.0), TOWPATH),
            Block((0.0, 0.36, 0.3, 0.58), (96, 110, 84)),
            Block((0.8, 0.3, 1.0, 0.58), (84, 98, 76)),
        ),
        (Glow(0.5, 0.05, 0.6, COLD, 0.8),),
        (Figure(0.36, 0.66, (58, 50, 46), 2.4), Figure(0.62, 0.62, (120, 44, 36), 2.8)),
        COLD,
        (26, 30, 26),
        foreground=(Block((0.88, 0.0, 1.1, 1.0), (48, 58, 44)),),
    ),
    Scene(  # 4 night on the moorings: lanterns on the boats, three friends on the bank
        4,
        (30, 38, 46),
        NIGHT,
        (
            Block((0.0, 0.6, 1.0, 1.0), (20, 28, 34)),
            Block((0.04, 0.44, 0.46, 0.6), (42, 34, 30), True),
            Block((0.54, 0.46, 0.98, 0.6), (36, 40, 44), True),
        ),
        (Glow(0.22, 0.48, 0.22, LAMP, 0.9), Glow(0.8, 0.5, 0.18, LAMP, 0.7)),
        (
            Figure(0.3, 0.7, (18, 20, 22), 2.0),
            Figure(0.5, 0.76, (26, 22, 22), 2.2),
            Figure(0.68, 0.64, (20, 24, 26), 2.6),
        ),
        LAMP,
        (8, 12, 16),
        bokeh=14,
        bokeh_color=LAMP,
        vignette=0.7,
    ),
    Scene(  # 5 first snow: the father alone by the gates
        5,
        (222, 226, 228),
        (120, 130, 134),
        (
            Block((0.0, 0.62, 1.0, 1.0), (150, 160, 164)),
            Block((0.56, 0.24, 0.66, 0.68), TIMBER),
            Block((0.44, 0.52, 0.96, 0.56), IRON),
        ),
        (Glow(0.3, 0.1, 0.5, COLD, 0.8),),
        (Figure(0.3, 0.5, (42, 40, 40), 2.6),),
        COLD,
        (40, 44, 46),
        bokeh=24,
        bokeh_color=(250, 250, 252),
        vignette=0.45,
    ),
    Scene(  # 6 the village hall meeting: three faces under strip lights
        6,
        (168, 162, 140),
        (70, 64, 54),
        (
            Block((0.0, 0.66, 1.0, 1.0), (86, 74, 60)),
            Block((0.1, 0.1, 0.34, 0.42), (196, 196, 180)),
            Block((0.66, 0.1, 0.9, 0.42), (196, 196, 180)),
        ),
        (Glow(0.5, -0.02, 0.5, (240, 236, 214), 0.8),),
        (
            Figure(0.22, 0.76, (64, 56, 70), 3.2),
            Figure(0.5, 0.86, (44, 40, 38), 2.4),
            Figure(0.78, 0.7, (92, 60, 44), 3.6),
        ),
        (240, 236, 214),
        (24, 22, 18),
        foreground=(Block((-0.1, 0.86, 0.28, 1.1), (50, 44, 38), True),),
    ),
    Scene(  # 7 the canal in the valley, no one on it
        7,
        (186, 194, 196),
        (60, 74, 70),
        (
            Block((0.0, 0.46, 1.0, 0.6), (92, 106, 88)),
            Block((0.0, 0.6, 1.0, 1.0), MOSS),
            Block((0.3, 0.62, 0.7, 0.7), SLATE),
            Block((0.38, 0.7, 0.62, 0.84), WATER),
            Block((0.45, 0.84, 0.55, 1.0), DEEP_WATER),
        ),
        (Glow(0.62, 0.2, 0.5, DAWN, 0.6),),
        (),
        DAWN,
        (26, 32, 30),
        vignette=0.5,
    ),
    Scene(  # 8 behind the scenes: the director and her lead at the monitor, work lights
        8,
        (60, 64, 66),
        (24, 26, 28),
        (
            Block((0.0, 0.7, 1.0, 1.0), (34, 34, 36)),
            Block((0.7, 0.2, 0.72, 0.7), IRON),
            Block((0.64, 0.14, 0.8, 0.24), (210, 210, 200)),
            Block((0.08, 0.48, 0.3, 0.64), (40, 60, 80)),
        ),
        (Glow(0.72, 0.2, 0.35, (250, 246, 230), 1.0), Glow(0.18, 0.56, 0.14, (120, 170, 220), 0.8)),
        (Figure(0.36, 0.78, (44, 40, 40), 2.2), Figure(0.56, 0.7, (70, 40, 36), 2.6)),
        (250, 246, 230),
        (14, 14, 16),
        bokeh=6,
    ),
    Scene(  # 9 behind the scenes: the camera on the lock side at night, the crew around it
        9,
        (24, 32, 38),
        NIGHT,
        (
            Block((0.0, 0.62, 1.0, 1.0), (22, 28, 32)),
            Block((0.42, 0.4, 0.6, 0.56), (18, 18, 20), True),
            Block((0.5, 0.56, 0.52, 0.8), IRON),
        ),
        (Glow(0.86, 0.16, 0.3, (226, 236, 250), 1.0), Glow(0.2, 0.5, 0.2, LAMP, 0.6)),
        (Figure(0.3, 0.72, (20, 22, 24), 2.0), Figure(0.72, 0.66, (26, 26, 28), 2.6)),
        (226, 236, 250),
        (8, 12, 14),
        bokeh=8,
        vignette=0.7,
    ),
)

_HEAD = {"height": 1.0, "blur": 2.0}  # head and shoulders filling the frame
PORTRAITS: dict[str, Scene] = {
    "maren-oduya": Scene(
        101,
        (132, 140, 138),
        (54, 60, 60),
        (),
        (Glow(0.3, 0.2, 0.6, DAWN, 0.8),),
        (Figure(0.5, color=(60, 44, 40), **_HEAD),),
        DAWN,
        (18, 20, 20),
        vignette=0.5,
    ),
    "ilya-brask": Scene(
        102,
        (96, 84, 70),
        (36, 30, 26),
        (),
        (Glow(0.74, 0.24, 0.55, LAMP, 0.8),),
        (Figure(0.5, color=(42, 36, 34), **_HEAD),),
        LAMP,
        (16, 12, 10),
        vignette=0.55,
    ),
    "sofie-lindqvist": Scene(
        103,
        (176, 184, 186),
        (90, 100, 104),
        (),
        (Glow(0.24, 0.16, 0.6, COLD, 0.8),),
        (Figure(0.5, color=(96, 70, 58), **_HEAD),),
        COLD,
        (28, 30, 32),
        vignette=0.45,
    ),
    "hester-vale": Scene(
        104,
        (70, 78, 74),
        (28, 32, 30),
        (),
        (Glow(0.7, 0.2, 0.55, (240, 230, 210), 0.8),),
        (Figure(0.5, color=(34, 30, 30), **_HEAD),),
        (240, 230, 210),
        (12, 14, 12),
        vignette=0.55,
    ),
    "jonah-pike": Scene(
        105,
        (58, 66, 80),
        (20, 24, 30),
        (),
        (Glow(0.3, 0.26, 0.5, LAMP, 0.7),),
        (Figure(0.5, color=(30, 30, 34), **_HEAD),),
        LAMP,
        (10, 12, 16),
        vignette=0.6,
    ),
    "anna-korhonen": Scene(
        106,
        (150, 134, 116),
        (70, 60, 52),
        (),
        (Glow(0.66, 0.18, 0.55, DAWN, 0.8),),
        (Figure(0.5, color=(88, 52, 44), **_HEAD),),
        DAWN,
        (22, 18, 16),
        vignette=0.5,
    ),
}

STANDING = {1}  # stills painted as the key art is: a whole figure on the beam, water below

KEY_ART_SCENE = Scene(  # fog over the lock, a lone figure on the beam, the title's sky above
    200,
    (226, 228, 222),
    (30, 40, 44),
    (
        Block((0.0, 0.64, 1.0, 1.0), WATER),
        Block((0.12, 0.5, 0.24, 0.78), TIMBER),
        Block((0.76, 0.5, 0.88, 0.78), TIMBER),
        Block((0.0, 0.62, 0.497, 0.645), IRON),  # the two gates' walkways meet in the middle
        Block((0.503, 0.62, 1.0, 0.645), IRON),
    ),
    (Glow(0.62, 0.42, 0.5, DAWN, 0.9), Glow(0.62, 0.84, 0.3, DAWN, 0.4)),
    (Figure(0.5, 0.16, (30, 32, 34), 0.8),),
    DAWN,
    (24, 30, 32),
    vignette=0.45,
)


def compose_portrait(scene: Scene, size: tuple[int, int], rng: random.Random) -> Image.Image:
    """A head and shoulders in three-quarter light against a soft, out-of-focus ground: the
    face modelled by the key light, a rim on the far side, shoulders leaving the frame."""
    w, h = size
    image = vertical_gradient(size, scene.top, scene.bottom)
    for glow in scene.glows:
        mask = glow_mask(size, glow.x, glow.y, glow.radius)
        image = add_light(image, mask, glow.color, glow.strength)
    image = paint_bokeh(image, replace(scene, bokeh=6, bokeh_color=scene.rim), rng)
    figure = scene.figures[0]
    cx, top = w * figure.x + rng.uniform(-0.02, 0.02) * w, h * 0.16
    head = (w * 0.34, h * 0.34)
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    draw_head(draw, cx, top, head, rng)
    neck = (cx - head[0] * 0.32, top + head[1] * 0.7, cx + head[0] * 0.32, top + head[1] * 1.35)
    draw.rectangle(neck, fill=255)
    draw_body(draw, cx, top + head[1] * 1.12, w * 1.15, h + 10, rng)
    mask = mask.filter(ImageFilter.GaussianBlur(figure.blur))
    garment = Image.new("L", size, 0)
    ImageDraw.Draw(garment).rectangle((0, top + head[1] * 1.22, w, h), fill=255)
    garment = ImageChops.multiply(garment.filter(ImageFilter.GaussianBlur(w * 0.02)), mask)
    body = vertical_gradient(size, brighten(figure.color, 26), figure.color)
    image = Image.composite(body, image, mask)
    coat = tuple(round(c * 0.45) for c in scene.bottom)
    image = Image.composite(Image.new("RGB", size, coat), image, garment)  # type: ignore[arg-type]
    hair = Image.new("L", size, 0)
    ImageDraw.Draw(hair).ellipse(
        (cx - head[0] * 0.58, top - head[1] * 0.08, cx + head[0] * 0.58, top + head[1] * 0.42),
        fill=255,
    )
    hair = ImageChops.multiply(hair.filter(ImageFilter.GaussianBlur(w * 0.02)), mask)
    image = Image.composite(Image.new("RGB", size, (22, 18, 16)), image, hair)
    key = scene.glows[0]
    side = -1 if key.x < 0.5 else 1
    cheek = Image.new("L", size, 0)
    ImageDraw.Draw(cheek).ellipse(
        (
            cx + side * head[0] * 0.05 - head[0] * 0.3,
            top + head[1] * 0.3,
            cx + side * head[0] * 0.05 + head[0] * 0.15 * side + head[0] * 0.3,
            top + head[1] * 0.95,
        ),
        fill=150,
    )
    cheek = ImageChops.multiply(cheek.filter(ImageFilter.GaussianBlur(w * 0.05)), mask)
    image = add_light(image, cheek, key.color, 0.7)
    ramp = Image.linear_gradient("L").rotate(90).resize(size)  # bright on the left
    ramp = ramp if key.x < 0.5 else ImageOps.mirror(ramp)
    modelled = ImageChops.multiply(ramp, mask).point([round(v * 0.55) for v in range(256)])
    image = add_light(image, modelled.filter(ImageFilter.GaussianBlur(w * 0.04)), key.color, 1.0)
    shift = round((1 if key.x < figure.x else -1) * w * 0.012)
    rim = ImageChops.subtract(mask, ImageChops.offset(mask, -shift, 0))
    image = add_light(image, rim.filter(ImageFilter.GaussianBlur(3)), scene.rim, 0.5)
    image = light_falloff(image, key.x, 0.3)
    return film_curve(vignette(bloom(image, 0.25), scene.vignette), scene.lift)


def compose_key_art(scene: Scene, size: tuple[int, int], rng: random.Random) -> Image.Image:
    """The poster: fog and the gates, a small figure standing on the balance beam, and the
    water in front of them holding their reflection (the title goes in the sky above)."""
    w, h = size
    image = vertical_gradient(size, scene.top, scene.bottom)
    image = paint_blocks(image, scene.blocks, blur=w * 0.004)
    beams = Image.new("L", size, 0)
    draw = ImageDraw.Draw(beams)
    for gate, out in ((0.18, -1), (0.82, 1)):  # each gate's balance beam, reaching out
        x0, x1 = gate * w, (gate + out * 0.2) * w
        draw.polygon([(x0, 0.5 * h), (x1, 0.555 * h), (x1, 0.57 * h), (x0, 0.52 * h)], fill=255)
    beams = beams.filter(ImageFilter.GaussianBlur(w * 0.003))
    image = Image.composite(Image.new("RGB", size, TIMBER), image, beams)
    for glow in scene.glows:
        mask = glow_mask(size, glow.x, glow.y, glow.radius)
        image = add_light(image, mask, glow.color, glow.strength)
    for figure in scene.figures:
        image = _standing(image, figure, beam=0.625, colour=scene.rim)
    water = vertical_gradient(size, (66, 84, 90), (22, 30, 34))
    reflection = ImageOps.flip(image).crop((0, round(h * 0.36) - round(h * 0.0), w, h))
    reflection = reflection.resize((w, h - round(h * 0.645))).filter(
        ImageFilter.GaussianBlur(w * 0.006)
    )
    line = round(h * 0.645)
    lower = Image.blend(water.crop((0, line, w, h)), reflection, 0.35)
    edge = Image.new("L", (w, h - line), 255)
    ImageDraw.Draw(edge).rectangle((0, 0, w, round(h * 0.004)), fill=120)
    image.paste(lower, (0, line), edge.filter(ImageFilter.GaussianBlur(h * 0.003)))
    image = light_falloff(image, scene.glows[0].x, 0.25)
    return film_curve(vignette(bloom(image, 0.3), scene.vignette), scene.lift)


def _standing(image: Image.Image, figure: Figure, beam: float, colour: Color) -> Image.Image:
    """A whole figure, far off, standing on the beam: head, coat, legs, a rim of dawn light."""
    w, h = image.size
    tall = figure.height * h
    cx, foot = figure.x * w, beam * h
    head = tall * 0.13
    shape = [
        (cx - head * 0.8, foot - tall + head * 1.2),  # shoulders
        (cx + head * 0.8, foot - tall + head * 1.2),
        (cx + head * 0.95, foot - tall + head * 1.7),
        (cx + head * 1.1, foot - tall * 0.3),  # the hem of a long coat
        (cx + head * 0.4, foot - tall * 0.3),
        (cx + head * 0.42, foot),
        (cx + head * 0.1, foot),
        (cx, foot - tall * 0.28),
        (cx - head * 0.1, foot),
        (cx - head * 0.42, foot),
        (cx - head * 0.4, foot - tall * 0.3),
        (cx - head * 1.1, foot - tall * 0.3),
        (cx - head * 0.95, foot - tall + head * 1.7),
    ]
    mask = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(mask)
    draw.polygon(shape, fill=255)
    shoulders = (
        cx - head * 0.95,
        foot - tall + head * 1.05,
        cx + head * 0.95,
        foot - tall + head * 2,
    )
    draw.ellipse(shoulders, fill=255)
    draw.ellipse((cx - head * 0.42, foot - tall, cx + head * 0.42, foot - tall + head), fill=255)
    draw.rectangle(
        (cx - head * 0.2, foot - tall + head * 0.8, cx + head * 0.2, foot - tall + head * 1.3),
        fill=255,
    )
    mask = mask.filter(ImageFilter.GaussianBlur(figure.blur))
    image = Image.composite(Image.new("RGB", image.size, figure.color), image, mask)
    rim = ImageChops.subtract(mask, ImageChops.offset(mask, -round(w * 0.002), 0))
    return add_light(image, rim, colour, 0.5)


def render(scene: Scene, size: tuple[int, int]) -> Image.Image:
    """The picture at ``size``: composed at a third of it, enlarged, then grained."""
    rng = random.Random(2000 + scene.number)
    work = (round(size[0] / WORK_DIVISOR), round(size[1] / WORK_DIVISOR))
    paint = {PORTRAIT: compose_portrait, KEY_ART: compose_key_art}.get(size, compose)
    if scene.number in STANDING:
        paint = compose_key_art
    image = paint(scene, work, rng).resize(size, Image.Resampling.LANCZOS)
    noise = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    noise = noise.filter(ImageFilter.GaussianBlur(1.0))  # film grain clumps; white noise does not
    noise = noise.point([round(128 + (v - 128) * GRAIN / 40) for v in range(256)])
    return ImageChops.add(image, Image.merge("RGB", (noise, noise, noise)), offset=-128)


def pictures() -> dict[str, tuple[Scene, tuple[int, int]]]:
    """Every picture of the kit by its path in the kit folder."""
    found = {f"stills/still-{s.number:02d}.jpg": (s, STILL) for s in STILLS}
    found |= {f"portraits/{name}.jpg": (s, PORTRAIT) for name, s in PORTRAITS.items()}
    found["art/key-art.jpg"] = (KEY_ART_SCENE, KEY_ART)
    return found


def write_all(kit: Path) -> None:
    icc = srgb_profile()
    for name, (scene, size) in pictures().items():
        path = kit / name
        path.parent.mkdir(parents=True, exist_ok=True)
        render(scene, size).save(
            path, "JPEG", quality=QUALITY, optimize=True, subsampling="4:2:0", icc_profile=icc
        )
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
