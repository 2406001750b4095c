"""Check, before layout, that the layout's fonts can draw every character of the kit's text.

ReportLab silently drops a glyph its font lacks; a press kit must never lose a letter of a
name. Each field with missing characters is one located error naming them and their script.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from kitpress.errors import Issue, KitError
from kitpress.kit.model import Kit, Prose, Text
from kitpress.layout.model import Layout

from .plan import DocumentPlan
from .render.fonts import missing_glyphs
from .render.scripts import RTL_EXTRA, needs_shaping, rtl_available

SHOWN = 6  # characters named in one message; the rest are counted
_NOT_PRINTED = {"id", "cast", "cast_id", "file", "in_character", "key_art"}
_RIGHT_TO_LEFT = ("HEBREW", "ARABIC", "SYRIAC", "THAANA", "NKO", "SAMARITAN", "MANDAIC", "ADLAM")
_CJK = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "KANGXI", "YI")


def kit_texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Every (field path, text) in the kit, walking its dataclasses and tuples."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Prose):
        yield path, value.markdown
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from kit_texts(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if not isinstance(item, Path) and f.name != "texts":
                yield from kit_texts(item, f"{path}.{f.name}" if path else f.name)


def check_glyphs(kit: Kit, layout: Layout) -> None:
    """One located error per field holding characters the layout's fonts cannot draw."""
    fonts = _fonts(layout)
    problems: list[Issue] = []
    reported: set[str] = set()
    shaped = rtl_available()
    for text in kit.texts:
        chars = _missing(text.text, layout) if _printed(text.path) else []
        if chars:
            line = _line_of(text, chars[0])
            problems.append(Issue(text.source, line, text.path, glyph_message(chars, fonts)))
            reported.update(chars)
        elif not shaped and _printed(text.path) and needs_shaping(text.text):
            first = next(c for c in text.text if needs_shaping(c))
            line = _line_of(text, first)
            problems.append(Issue(text.source, line, text.path, unshaped_message(first)))
            reported.add(first)
    for path, value in kit_texts(kit, ""):  # what was not read from kit.yaml as written
        chars = [c for c in _missing(value, layout) if c not in reported] if _printed(path) else []
        if chars:
            problems.append(Issue(kit.source.name, None, path, glyph_message(chars, fonts)))
            reported.update(chars)
    if problems:
        raise KitError(problems)


def check_caption_glyphs(kit: Kit, layout: Layout, plan: DocumentPlan) -> None:
    """The same for what was not in kit.yaml: captions and credits found inside the stills,
    and the layout's own caption wording, located at the still."""
    problems = []
    for slot in plan.slots:
        chars = _missing(f"{slot.caption.text} {slot.caption.rights}", layout)
        if chars:
            where = f"stills[{slot.still.number - 1}]"
            message = f"in its caption: {glyph_message(chars, _fonts(layout))}"
            problems.append(Issue(kit.source.name, slot.still.line, where, message))
    if problems:
        raise KitError(problems)


def _fonts(layout: Layout) -> str:
    return ", ".join(f.regular.stem.split("-")[0] for f in layout.fonts.values())


def glyph_message(chars: list[str], fonts: str) -> str:
    shown = ", ".join(_show(c) for c in chars[:SHOWN])
    if len(chars) > SHOWN:
        shown += f" and {len(chars) - SHOWN} more"
    scripts = list(dict.fromkeys(s for s in map(_script, chars) if s))
    what = f" ({'; '.join(scripts)})" if scripts else ""
    one = len(chars) == 1
    return (
        f"{'character' if one else 'characters'} {shown}{what} {'is' if one else 'are'} not in "
        f"the layout's fonts ({fonts}); configure a font that covers "
        f"{'it' if one else 'them'} in the layout (fonts:), or remove {'it' if one else 'them'}"
    )


def unshaped_message(char: str) -> str:
    """Right-to-left text the fonts draw but kitpress cannot shape and order without the
    ``rtl`` extra (uharfbuzz and python-bidi)."""
    script = _script(char).split(",", 1)[0] or "right-to-left"
    return (
        f"{script} text is written right to left and must be shaped and ordered, which needs "
        f"kitpress's rtl extra: {RTL_EXTRA}"
    )


def _missing(text: str, layout: Layout) -> list[str]:
    """Missing characters in order of appearance, also of the text in capitals (styles and
    captions print some fields upper-case)."""
    unique = "".join(dict.fromkeys(text + text.upper()))
    return missing_glyphs(unique, layout)


def _printed(path: str) -> bool:
    last = path.rsplit(".", 1)[-1].split("[", 1)[0]
    return last not in _NOT_PRINTED and not path.startswith("renditions")


def _line_of(text: Text, char: str) -> int | None:
    if not text.whole_file or text.line is None or char not in text.text:
        return text.line
    return text.line + text.text[: text.text.index(char)].count("\n")


def _show(char: str) -> str:
    code = f"U+{ord(char):04X}"
    invisible = unicodedata.category(char)[0] in "CZ" and char != " "
    return code if invisible else f"'{char}' {code}"


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    if first in _RIGHT_TO_LEFT:
        return f"{first.title()}, written right to left"
    if first in _CJK:
        return "Chinese, Japanese or Korean"
    if 0x1F000 <= ord(char) <= 0x1FAFF or 0x2600 <= ord(char) <= 0x27BF:
        return "emoji"
    if unicodedata.category(char).startswith("L") and first:
        return first.title()
    return ""
