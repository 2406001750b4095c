"""Font families of a layout: `builtin:NotoSerif`, or a folder of four TrueType files."""

from __future__ import annotations

from pathlib import Path

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Mapping, Scalar
from .model import FontFamily

BUILTIN = Path(__file__).resolve().parent.parent / "fonts"
FACES = ("Regular", "Bold", "Italic", "BoldItalic")


def read_fonts(top: Obj, checker: Checker) -> dict[str, FontFamily]:
    value = top.get("fonts")
    if not isinstance(value, Mapping):
        checker.error(top.line_of("fonts"), "fonts", "expected key: builtin:NotoSerif or a folder")
        return {}
    families: dict[str, FontFamily] = {}
    for key, item in value.entries.items():
        where, line = f"fonts.{key}", value.key_lines[key]
        text = item.text.strip() if isinstance(item, Scalar) else ""
        folder, prefix = _folder_and_prefix(text)
        files = [folder / f"{prefix}{face}.ttf" for face in FACES]
        missing = [f.name for f in files if not f.is_file()]
        if not text or missing:
            shown = ", ".join(missing) or "a font"
            checker.error(line, where, f"'{text}' lacks {shown} (TrueType .ttf files)")
            continue
        families[key] = FontFamily(key, *files)
    return families


def _folder_and_prefix(text: str) -> tuple[Path, str]:
    """`builtin:NotoSerif` -> (shipped fonts, 'NotoSerif-'); a folder -> its own family."""
    if text.startswith("builtin:"):
        return BUILTIN, text.removeprefix("builtin:") + "-"
    folder = Path(text)
    regular = sorted(folder.glob("*-Regular.ttf")) if folder.is_dir() else []
    prefix = regular[0].name.removesuffix("Regular.ttf") if regular else ""
    return folder, prefix
