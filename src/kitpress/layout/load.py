"""Load a layout: read layout.yaml, apply `extends`, and validate it into a `Layout`.

A layout that extends another is merged over it key by key (lists replace), after the parent
has been validated on its own, so every problem is reported against the file that has it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..errors import Issue, LayoutError
from ..reading.checker import Checker
from ..reading.marked_yaml import Mapping, Scalar, Value
from ..reading.marked_yaml import load as load_yaml
from .discover import LAYOUT_FILE, find
from .model import Layout
from .validate import build_layout

MAX_EXTENDS = 8


def load_layout(name: str, cwd: Path | None = None) -> Layout:
    layout, _ = _load(find(name, cwd), cwd, depth=0)
    return layout


def layout_folders(name: str, cwd: Path | None = None) -> list[Path]:
    """The folder of layout ``name``, then those of the layouts it extends, as far as their
    layout.yaml can be read: every folder a change in may change the layout."""
    folders = [find(name, cwd)]
    while len(folders) <= MAX_EXTENDS:
        try:
            raw = load_yaml(folders[-1] / LAYOUT_FILE, LAYOUT_FILE, LayoutError)
            parent = raw.entries.get("extends") if isinstance(raw, Mapping) else None
            if not isinstance(parent, Scalar) or parent.is_null:
                break
            folder = find(parent.text, cwd)
        except LayoutError:  # a broken or missing parent: the build says so
            break
        if folder in folders:
            break
        folders.append(folder)
    return folders


def _load(folder: Path, cwd: Path | None, depth: int) -> tuple[Layout, Mapping]:
    label = f"{folder.name}/{LAYOUT_FILE}"
    raw = load_yaml(folder / LAYOUT_FILE, label, LayoutError)
    if not isinstance(raw, Mapping):
        raise LayoutError([Issue(label, raw.line, "", "expected a mapping of keys")])
    raw = _absolute_fonts(raw, folder)
    parent_ref = raw.entries.get("extends")
    if isinstance(parent_ref, Scalar) and not parent_ref.is_null:
        if depth >= MAX_EXTENDS:
            message = f"'extends' goes deeper than {MAX_EXTENDS} layouts (a loop?)"
            raise LayoutError([Issue(label, parent_ref.line, "extends", message)])
        _, parent_raw = _load(find(parent_ref.text, cwd), cwd, depth + 1)
        raw = merge(parent_raw, raw)
    checker = Checker(label)
    layout = build_layout(raw, folder, checker)
    if layout is None or checker.errors:
        raise LayoutError(checker.errors)
    return layout, raw


def merge(base: Mapping, over: Mapping) -> Mapping:
    """``over`` on top of ``base``: mappings merge key by key, anything else replaces."""
    entries = dict(base.entries)
    lines = dict(base.key_lines)
    for key in over.order:
        mine, theirs = over.entries[key], base.entries.get(key)
        if isinstance(mine, Mapping) and isinstance(theirs, Mapping):
            entries[key] = merge(theirs, mine)
        else:
            entries[key] = mine
        lines[key] = over.key_lines[key]
    order = tuple(base.order) + tuple(k for k in over.order if k not in base.entries)
    return Mapping(entries, lines, over.line, order)


def _absolute_fonts(raw: Mapping, folder: Path) -> Mapping:
    """Font folders are relative to the layout that names them; fix them before merging."""
    fonts = raw.entries.get("fonts")
    if not isinstance(fonts, Mapping):
        return raw
    fixed: dict[str, Value] = {}
    for key, value in fonts.entries.items():
        if isinstance(value, Scalar) and not value.text.startswith("builtin:"):
            value = dataclasses.replace(value, text=str(folder / value.text))
        elif isinstance(value, Mapping):  # fallback: script -> file or {regular, bold}
            value = _absolute_fonts(Mapping({"fonts": value}, {}, value.line), folder)
            value = value.entries["fonts"]
        fixed[key] = value
    new_fonts = dataclasses.replace(fonts, entries=fixed)
    return dataclasses.replace(raw, entries={**raw.entries, "fonts": new_fonts})
