"""Check, before layout, that the layout's fonts can draw every character of the kit's text.

ReportLab silently drops a glyph its font lacks; a press kit must never lose a letter of a
name. Each missing character is a located error naming the field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from .errors import Issue, KitError
from .kit.model import Kit, Prose
from .layout.model import Layout
from .render.fonts import missing_glyphs


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
            if not isinstance(item, Path):
                yield from kit_texts(item, f"{path}.{f.name}" if path else f.name)


def check_glyphs(kit: Kit, layout: Layout) -> None:
    problems = []
    fonts = ", ".join(f.regular.stem.split("-")[0] for f in layout.fonts.values())
    for path, text in kit_texts(kit, ""):
        for char in missing_glyphs(text, layout):
            message = (
                f"character '{char}' (U+{ord(char):04X}) is not in the layout's fonts ({fonts}); "
                "configure a font that has it"
            )
            problems.append(Issue(kit.source.name, None, path, message))
    if problems:
        raise KitError(problems)
