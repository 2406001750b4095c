"""The layout's TrueType fonts as WOFF2 web fonts, subset to the characters the page uses.

fontTools does the subsetting and the WOFF2 encoding (with brotli): both are whole formats
(glyph closure, layout features, the WOFF2 table transforms) no hand-written code should
redo. The font's own timestamps are kept, so the same page gives the same bytes."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import fontTools

from kitpress.commit import atomic_write
from kitpress.layout.model import FontFamily


@dataclass(frozen=True)
class Face:
    family: str  # the layout's font key: "serif"
    bold: bool
    italic: bool

    @property
    def css_family(self) -> str:
        return f"kp-{self.family}"

    @property
    def stem(self) -> str:
        style = ("bold" if self.bold else "") + ("italic" if self.italic else "")
        return f"{self.family}-{style or 'regular'}"

    def source(self, family: FontFamily) -> Path:
        if self.bold and self.italic:
            return family.bold_italic
        if self.bold:
            return family.bold
        return family.italic if self.italic else family.regular


def woff2(path: Path, characters: str, cache: Path | None = None) -> bytes:
    """``path`` subset to ``characters`` (and what they need: ligatures, accents), as WOFF2:
    remembered for the process (a watch rebuilds the same page with the same fonts), and in
    the build's cache folder when there is one (subsetting takes about half a second a face)."""
    status = path.stat()
    return _remembered(path, status.st_mtime_ns, status.st_size, characters, cache)


@functools.lru_cache(maxsize=32)
def _remembered(path: Path, mtime_ns: int, size: int, characters: str, cache: Path | None) -> bytes:
    font = path.read_bytes()
    key = hashlib.sha256(b"\0".join((font, characters.encode(), fontTools.version.encode())))
    kept = cache / "woff2" / f"{key.hexdigest()}.woff2" if cache is not None else None
    if kept is not None and kept.is_file():
        return kept.read_bytes()
    made = _subset(path, characters)
    if kept is not None:
        # a cache that cannot be written only costs time
        with contextlib.suppress(OSError), atomic_write(kept) as handle:
            handle.write(made)
    return made


def _subset(path: Path, characters: str) -> bytes:
    from fontTools import subset  # a fifth of a second to import: only when a page is made
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(path, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in characters})
    subsetter.subset(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out, reorderTables=False)
    return out.getvalue()
