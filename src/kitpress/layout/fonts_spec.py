"""Font families of a layout: `builtin:NotoSerif`, or a folder of four TrueType files; and
under `fallback`, a font per script the families do not cover:

    fonts:
      serif: builtin:NotoSerif
      fallback:
        Jpan: {regular: fonts/NotoSansJP-Regular.ttf, bold: fonts/NotoSansJP-Bold.ttf}
        Arab: fonts/NotoNaskhArabic-Regular.ttf     # one face: bold is set in it too
"""

from __future__ import annotations

import re
from pathlib import Path

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Mapping, Scalar
from .model import FallbackFont, FontFamily

BUILTIN = Path(__file__).resolve().parent.parent / "fonts"
FACES = ("Regular", "Bold", "Italic", "BoldItalic")
FALLBACK = "fallback"  # the key under fonts: that holds fonts per script, not a family
SCRIPT_CODE = re.compile(r"^[A-Z][a-z]{3}$")  # ISO 15924: Jpan, Hans, Kore, Arab, Hebr
TRUETYPE = (b"\x00\x01\x00\x00", b"true")  # how a TrueType-outline font file starts


def read_fonts(top: Obj, checker: Checker) -> dict[str, FontFamily]:
    value = top.get("fonts")
    if not isinstance(value, Mapping):
        checker.error(top.line_of("fonts"), "fonts", "expected key: builtin:NotoSerif or a folder")
        return {}
    families: dict[str, FontFamily] = {}
    for key, item in value.entries.items():
        if key == FALLBACK:
            continue
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


def read_fallback_fonts(top: Obj, checker: Checker) -> tuple[FallbackFont, ...]:
    """``fonts.fallback``: script code to a TrueType file, or to ``{regular, bold}`` files."""
    fonts = top.get("fonts")
    value = fonts.entries.get(FALLBACK) if isinstance(fonts, Mapping) else None
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        message = "expected script: font pairs, such as Jpan: {regular: a.ttf, bold: b.ttf}"
        checker.error(value.line, "fonts.fallback", message)
        return ()
    found: list[FallbackFont] = []
    for script, item in value.entries.items():
        where, line = f"fonts.fallback.{script}", value.key_lines[script]
        if not SCRIPT_CODE.match(script):
            message = "expected an ISO 15924 script code such as Jpan, Hans, Kore, Arab or Hebr"
            checker.error(line, where, message)
            continue
        faces = _fallback_faces(item, where, line, checker)
        if faces is not None:
            found.append(FallbackFont(script, *faces))
    return tuple(found)


def _fallback_faces(
    item: object, where: str, line: int, checker: Checker
) -> tuple[Path, Path] | None:
    if isinstance(item, Scalar):
        texts = {"regular": item.text.strip(), "bold": item.text.strip()}
    elif isinstance(item, Mapping) and set(item.entries) <= {"regular", "bold"}:
        texts = {k: v.text.strip() for k, v in item.entries.items() if isinstance(v, Scalar)}
        texts.setdefault("bold", texts.get("regular", ""))
    else:
        checker.error(line, where, "expected a .ttf file or {regular: file, bold: file}")
        return None
    paths: list[Path] = []
    for face in ("regular", "bold"):
        problem = _not_truetype(texts.get(face, ""))
        if problem:
            checker.error(line, f"{where}.{face}" if isinstance(item, Mapping) else where, problem)
            return None
        paths.append(Path(texts[face]))
    return paths[0], paths[1]


def _not_truetype(text: str) -> str:
    """Why ``text`` is not a TrueType font file kitpress can embed, or ''."""
    path = Path(text)
    if not text or not path.is_file():
        return f"'{path.name}' is not a font file (paths are relative to the layout)"
    with path.open("rb") as handle:
        start = handle.read(4)
    if start in TRUETYPE:
        return ""
    if start == b"OTTO":
        return (
            f"'{path.name}' has PostScript (CFF) outlines; kitpress embeds TrueType outlines: "
            f"use the family's .ttf release"
        )
    if start == b"ttcf":
        return f"'{path.name}' is a font collection (.ttc); name one TrueType .ttf file"
    return f"'{path.name}' is not a TrueType (.ttf) font"
