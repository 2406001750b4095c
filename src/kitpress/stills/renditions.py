"""Make every rendition of one still from a single decode: the PDF's image sized to its box,
then the ZIP's print, web and thumbnail files, largest first, each cut from the one before.

Nothing is ever upsampled: a source smaller than a rendition is delivered at its own size.
Encoded pixels come from the cache when the source and every size before them are unchanged;
the caption, credits and rights are embedded afresh at every build.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ..commit import atomic_write
from .cache import StillCache
from .engine import encoder, version
from .metadata import StillMetadata, embed_metadata
from .targets import CENTRE, Fade, Target, decode_for, fit, wanted

__all__ = ["Fade", "Rendition", "Target", "decode_for", "fit", "make_renditions"]


@dataclass(frozen=True)
class Rendition:
    kind: str
    path: Path
    size: tuple[int, int]
    wanted_long_edge: int


def make_renditions(
    source: Path,
    upright_size: tuple[int, int],
    targets: list[Target],
    meta: StillMetadata,
    background: str,
    cache: StillCache,
    decode_size: tuple[int, int] | None = None,
    engine: str = "pillow",
) -> tuple[list[Rendition], list[str]]:
    """Write every target; returns what was made and the metadata warnings.

    One decode, for at least ``decode_size`` pixels (default: the largest target). A target
    with ``own_decode`` is cut straight from that decode, so with the same ``decode_size`` its
    pixels do not depend on which other renditions are made: a PDF's pictures (and the PDF)
    are the same bytes whether the build makes the ZIP too or not. The others are a cascade,
    largest first, each cut from the one before. ``engine`` (`engine.ENGINES`) makes the
    pixels; the cache keeps each engine's apart.
    """
    alone = [t for t in targets if t.own_decode]
    cascade = sorted(
        (t for t in targets if not t.own_decode), key=lambda t: -max(fit(upright_size, t))
    )
    order = alone + cascade
    sizes = [fit(upright_size, t) for t in order]
    need = decode_size or max((decode_for(upright_size, t) for t in order), key=max)
    digest = cache.source_digest(source)
    keys = [
        cache.key(
            source=digest,
            engine=version(engine),
            background=background,
            decode=list(need),
            sizes=[size] if i < len(alone) else sizes[len(alone) : i + 1],
            quality=t.quality,
            cmyk=t.cmyk.digest if t.cmyk else None,
            ppi=t.ppi,
            fill=t.fill,
            fade=_fade_key(t.fade),
            **({"focus": list(t.focus)} if t.fill and t.focus != CENTRE else {}),
            **({"fade_in": "cmyk"} if t.cmyk and t.fade else {}),  # print: faded in ink
        )
        for i, (t, size) in enumerate(zip(order, sizes, strict=True))
    ]
    cached = [cache.get(key) for key in keys]
    encoded = [jpeg for jpeg in cached if jpeg is not None]
    if len(encoded) < len(keys):
        cache.redo(source)
        encoded = encoder(engine)(source, order, sizes, len(alone), need, background)
        for key, jpeg in zip(keys, encoded, strict=True):
            cache.put(key, jpeg)
    results: list[Rendition] = []
    warnings: list[str] = []
    for target, size, jpeg in zip(order, sizes, encoded, strict=True):
        if target.embed:
            jpeg, notes = embed_metadata(jpeg, meta)
            warnings += [n for n in notes if n not in warnings]
        _write(target.path, jpeg)
        results.append(Rendition(target.kind, target.path, size, wanted(upright_size, target)))
    return results, warnings


def _write(path: Path, data: bytes) -> None:
    """Into the build's work folder: the outputs made from it are flushed to disk, not it."""
    with atomic_write(path, durable=False) as out:
        out.write(data)


def _fade_key(fade: Fade | None) -> tuple[object, ...] | None:
    """A fade as its cache key names it: a fade with no top part as it always was."""
    if fade is None:
        return None
    parts = dataclasses.astuple(fade)
    return parts[:4] if fade.top == 0 else parts
