"""Say what a file that is not a usable still really is, from its first bytes.

Stills arrive from phones (HEIC), labs and e-mail chains (a web page saved as `.jpg`, a PDF
contact sheet): "not an image" helps nobody the night before a premiere; "an HTML page, not an
image" does.
"""

from __future__ import annotations

import re
from pathlib import Path

from PIL import features

from .heif import INSTALL, heif_opener, is_heif

HEAD_BYTES = 512
_AVIF_BRANDS = {b"avif", b"avis"}
_EXPORT = "export it as JPEG"
_IMAGES = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


def head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except OSError:
        return b""


def unreadable_kind(data: bytes) -> str | None:
    """Why Pillow could not open a file starting with ``data``, when its bytes say so."""
    brand = data[8:12] if data[4:8] == b"ftyp" else b""
    if brand in _AVIF_BRANDS:
        if features.check("avif"):
            return "a damaged AVIF image (Pillow reads AVIF, but not this file); " + _EXPORT
        return "an AVIF image, which this installation of Pillow cannot read; " + _EXPORT
    if is_heif(data):
        if heif_opener():
            return "a damaged HEIC image (pillow-heif reads HEIC, but not this file); " + _EXPORT
        return "a HEIC photo; " + INSTALL
    for magic, name in _IMAGES:
        if data.startswith(magic):
            return f"a damaged {name} image (its header cannot be read)"
    if data.startswith(b"%PDF"):
        return "a PDF document, not an image; export the picture as JPEG"
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in text:
        return "an HTML page, not an image (a web page saved instead of the photo?)"
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text):
        return "an SVG drawing, not a photo; export it as PNG or JPEG"
    if text and _is_text(data):
        return "a text file, not an image"
    return None


def _is_text(data: bytes) -> bool:
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(data) - 3:  # not just a character cut at the end of the sample
            return False
        decoded = data[: exc.start].decode("utf-8")
    return not re.search(r"[\x00-\x08\x0e-\x1f]", decoded)
