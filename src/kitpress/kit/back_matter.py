"""Read the kit's artwork and publicity keys: the title art, logos, billing block, web site,
press materials portal and embargo, and the laurel artwork of a festival.

Artwork files are checked here for what kit.yaml says about them (there, a kind kitpress can
place); whether their pixels or drawing can be read is the document's job (`document/art.py`).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Scalar
from . import fields
from .files import resolve_in_kit
from .model import Artwork, BillingBlock, Embargo, Logo

ART_SUFFIXES = (".svg", ".png")
NO_PDF_ART = (
    "PDF artwork cannot be placed yet: export it as SVG (vector, sharp in print) "
    "or as a transparent PNG"
)


def read_artwork(obj: Obj, key: str, root: Path, checker: Checker) -> Artwork | None:
    """An SVG or PNG file named by ``key``, or None (with an error when it cannot be used)."""
    written = obj.text(key)
    if written is None:
        return None
    where, line = obj.sub(key), obj.line_of(key)
    path, problem = resolve_in_kit(root, written)
    if problem or path is None:
        checker.error(line, where, problem or "unusable file")
        return None
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        checker.error(line, where, NO_PDF_ART)
        return None
    if suffix not in ART_SUFFIXES:
        message = f"'{written}' is not SVG or PNG artwork (expected a .svg or .png file)"
        checker.error(line, where, message)
        return None
    return Artwork(path, where, line)


TitleArt = tuple[Artwork | None, Artwork | None]


def read_title_art(top: Obj, root: Path, checker: Checker) -> TitleArt:
    """The title art for light grounds and its version for dark ones: ``title_art: file`` is
    the one for every ground; ``{file: …, on_dark: …}`` gives both."""
    value = top.get("title_art")
    if value is None:
        return None, None
    if isinstance(value, Scalar):
        return read_artwork(top, "title_art", root, checker), None
    entry = checker.obj(value, "title_art", fields.TITLE_ART)
    if entry is None:
        return None, None
    if entry.get("file") is None:
        checker.error(entry.line, entry.sub("file"), "required")
        return None, None
    on_dark = read_artwork(entry, "on_dark", root, checker) if entry.get("on_dark") else None
    return read_artwork(entry, "file", root, checker), on_dark


def read_logos(top: Obj, root: Path, checker: Checker) -> tuple[Logo, ...]:
    found: list[Logo] = []
    for i, value in top.items("logos"):
        entry = checker.obj(value, f"logos[{i}]", fields.LOGO)
        if entry is None:
            continue
        name = entry.text("name", required=True)
        art = read_artwork(entry, "file", root, checker) if entry.get("file") else None
        if entry.get("file") is None:
            checker.error(entry.line, entry.sub("file"), "required")
        role = entry.text("role")
        if art is not None and name:
            found.append(Logo(art, name, role))
    return tuple(found)


def read_billing_block(top: Obj, root: Path, checker: Checker) -> BillingBlock | None:
    value = top.get("billing_block")
    if value is None:
        return None
    if isinstance(value, Scalar):
        text = top.text("billing_block")
        return BillingBlock(text=text) if text else None
    ref = checker.obj(value, "billing_block", fields.ART_FILE)
    if ref is None:
        return None
    if ref.get("file") is None:
        checker.error(ref.line, ref.sub("file"), "required")
        return None
    art = read_artwork(ref, "file", root, checker)
    return BillingBlock(art=art) if art is not None else None


def read_embargo(top: Obj, checker: Checker) -> Embargo | None:
    value = top.get("embargo")
    if value is None:
        return None
    entry = checker.obj(value, "embargo", fields.EMBARGO)
    if entry is None:
        return None
    written, text = entry.text("until", required=True), entry.text("text")
    if written is None:
        return None
    until = _date_time(written)
    if until is None:
        message = (
            "expected a date and time with its offset from UTC, e.g. "
            f"2021-09-01T19:00:00+02:00 (got '{written}')"
        )
        checker.error(entry.line_of("until"), entry.sub("until"), message)
        return None
    return Embargo(until, text or "")


def _date_time(text: str) -> datetime.datetime | None:
    """An ISO date-time that says its offset (an embargo is a moment, not a local hour)."""
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
