"""The text behind shaped glyphs, for the PDF's ToUnicode maps.

ReportLab's shaping (uharfbuzz) draws Arabic in the glyphs of its joined forms and
ligatures. A glyph no character maps to in the font gets a private-use code point, and the
PDF's ToUnicode map then says that code point: text extraction, search and copy lose the
letters. Here each such glyph is traced back through the font's substitution tables (GSUB:
single forms, ligatures) to the characters it stands for, and a presentation form (U+FB50–
U+FDFF, U+FE70–U+FEFF) to its letter, so the text read back is the source's.
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

PRIVATE_USE = range(0xE000, 0xF900)
PRESENTATION_FORMS = (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00))
ROUNDS = 4  # passes over the substitutions: a ligature of forms of forms is found in a few


def real_text(font: str, text: str) -> str:
    """``text`` of the PDF font ``font`` (its PostScript name, without a subset tag) as the
    characters its glyphs stand for: private-use codes of shaped glyphs traced back, and
    presentation forms as their letters; anything else as it is."""
    if not any(_special(c) for c in text):
        return text
    traced = _private_use_texts(font)
    out = []
    for char in text:
        if ord(char) in PRIVATE_USE:
            out.append(traced.get(ord(char), char))
        elif any(ord(char) in forms for forms in PRESENTATION_FORMS):
            out.append(unicodedata.normalize("NFKC", char))
        else:
            out.append(char)
    return "".join(out)


def _special(char: str) -> bool:
    code = ord(char)
    return code in PRIVATE_USE or any(code in forms for forms in PRESENTATION_FORMS)


def _private_use_texts(font: str) -> dict[int, str]:
    """Private-use code point to text, for the registered ReportLab font named ``font``."""
    for name in pdfmetrics.getRegisteredFontNames():
        registered = pdfmetrics.getFont(name)
        if isinstance(registered, TTFont) and registered.face.name.decode("latin-1") == font:
            return _traced(registered)
    return {}


def _traced(registered: TTFont) -> dict[int, str]:
    face = registered.face
    names = _glyph_texts(face._ttf_data)
    order = _glyph_order(face._ttf_data)
    found: dict[int, str] = {}
    for code, gid in face.charToGlyph.items():
        if code in PRIVATE_USE and gid < len(order) and order[gid] in names:
            found[code] = names[order[gid]]
    return found


@cache
def _glyph_order(data: bytes) -> tuple[str, ...]:
    from fontTools.ttLib import TTFont as FontFile  # the rtl extra: only shaped text needs it

    return tuple(FontFile(io.BytesIO(data), lazy=True).getGlyphOrder())


@cache
def _glyph_texts(data: bytes) -> dict[str, str]:
    """Glyph name to the characters it draws: by the font's cmap, then through GSUB."""
    from fontTools.ttLib import TTFont as FontFile

    font = FontFile(io.BytesIO(data), lazy=True)
    texts: dict[str, str] = {}
    for code, name in sorted(font.getBestCmap().items(), reverse=True):
        if not _special(chr(code)):
            texts[name] = chr(code)  # the lowest code point wins: a letter, not its form
    if "GSUB" not in font or font["GSUB"].table.LookupList is None:
        return texts
    for _ in range(ROUNDS):
        for lookup in font["GSUB"].table.LookupList.Lookup:
            for table in lookup.SubTable:
                _follow(getattr(table, "ExtSubTable", table), texts)
    return texts


def _follow(table: object, texts: dict[str, str]) -> None:
    mapping = getattr(table, "mapping", None)
    if isinstance(mapping, dict):  # single (forms) and multiple substitutions
        for source, result in mapping.items():
            first = result if isinstance(result, str) else (result[0] if result else None)
            if first and source in texts and first not in texts:
                texts[first] = texts[source]
    alternates = getattr(table, "alternates", None)
    if isinstance(alternates, dict):
        for source, results in alternates.items():
            for result in results:
                if source in texts and result not in texts:
                    texts[result] = texts[source]
    ligatures = getattr(table, "ligatures", None)
    if isinstance(ligatures, dict):
        for first, sets in ligatures.items():
            for ligature in sets:
                parts = [first, *ligature.Component]
                if ligature.LigGlyph not in texts and all(p in texts for p in parts):
                    texts[ligature.LigGlyph] = "".join(texts[p] for p in parts)
