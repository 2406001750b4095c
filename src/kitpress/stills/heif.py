"""HEIC/HEIF stills, the format phones take photos in, read through pillow-heif: the optional
extra `kitpress[heic]` (it brings libheif, a large native library most kits never need).

Its opener is registered with Pillow the first time a HEIC still is met, not at start-up, so a
build without one neither pays for it nor depends on it. libheif applies the file's rotation
and mirroring while decoding and pillow-heif resets the EXIF orientation to match, so a HEIC
still reaches kitpress upright, with its ICC profile, EXIF and XMP, like a JPEG.
"""

from __future__ import annotations

import importlib
import threading

HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"})
INSTALL = "install kitpress[heic] (pip install 'kitpress[heic]') to read it, or export it as JPEG"
_lock = threading.Lock()
_registered: list[bool] = []  # once tried: whether pillow-heif is there and registered


def is_heif(data: bytes) -> bool:
    """Whether a file starting with ``data`` is a HEIF container (HEIC, an iPhone photo)."""
    return data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS


def heif_opener() -> bool:
    """Register pillow-heif's opener with Pillow (once); False when it is not installed."""
    with _lock:
        if not _registered:
            _registered.append(_register())
        return _registered[0]


def _register() -> bool:
    try:
        pillow_heif = importlib.import_module("pillow_heif")
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True
