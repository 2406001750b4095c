"""Which image engine makes the renditions: Pillow, which always works, or libvips (the
`kitpress[fast]` extra), several times faster on camera stills and the default where it
is installed and works."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import KitError, single

if TYPE_CHECKING:
    from .targets import Target

ENGINES = ("pillow", "vips")
Encoder = Callable[
    [Path, list["Target"], list[tuple[int, int]], int, tuple[int, int], str], list[bytes]
]
NO_VIPS = "libvips is not available here; install it with: pip install 'kitpress[fast]'"


@cache
def vips_usable() -> bool:
    """Whether pyvips imports, its libvips is recent enough and works."""
    try:
        from . import vips_engine
    except (ImportError, OSError):  # no pyvips, or pyvips without a libvips to load
        return False
    return vips_engine.usable()


def chosen(name: str | None) -> str:
    """The engine to use: ``name``, or (None) libvips when it works here, else Pillow; a
    located error when libvips is asked for and cannot be used."""
    if name is None:
        return "vips" if vips_usable() else "pillow"
    if name not in ENGINES:
        raise KitError([single("--engine", f"unknown engine '{name}' (known: pillow, vips)")])
    if name == "vips" and not vips_usable():
        raise KitError([single("--engine", NO_VIPS)])
    return name


def version(name: str) -> str:
    """The engine's name and version, as `-v` and the cache key give it."""
    if name == "vips":
        from . import vips_engine

        return f"vips {vips_engine.version()}"
    import PIL

    return f"pillow {PIL.__version__}"


def encoder(name: str) -> Encoder:
    if name == "vips":
        from . import vips_engine

        return vips_engine.encode
    from .pillow_engine import encode_with_pillow

    return encode_with_pillow
