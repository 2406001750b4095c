"""Write kit data as hand-editable YAML: block style, comments, quotes only where needed.

Data is plain: text, lists and mappings (`Node`). `Raw` text is written unquoted because it
is meant the way YAML would read it (a year, a runtime, a date, ``false``); any other text is
double-quoted where YAML would otherwise read it as something else (``NO``, ``16:9``, ``~``)
or where it starts with a YAML indicator. `read_back` checks that what was written re-loads
through kitpress's own loader with the same values.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

import yaml

from ..errors import BuildError, KitError
from ..reading.marked_yaml import Mapping, Scalar, Sequence, Value, load


class Raw(str):
    """Text written without quotes: a number, a date or a boolean meant as such."""


@dataclass(frozen=True)
class Commented:
    """A list item with a comment line written above it."""

    comment: str
    value: Node


Node: TypeAlias = "str | Commented | list[Node] | dict[str, Node]"

_INDICATORS = tuple("-?:,[]{}#&*!|>'\"%@`")
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as exactly ``text``."""
    if isinstance(text, Raw) or _plain_is_safe(text):
        return str(text)
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _plain_is_safe(text: str) -> bool:
    if not text or text != text.strip() or _NOT_PRINTABLE.search(text) or "\n" in text:
        return False
    if text.startswith(_INDICATORS) or ": " in text or " #" in text or text.endswith(":"):
        return False
    if "\t" in text:
        return False
    try:
        return bool(yaml.safe_load(text) == text)
    except yaml.YAMLError:
        return False


def comment(text: str) -> str:
    """One comment line's text, with anything YAML cannot carry in a comment replaced."""
    return _NOT_PRINTABLE.sub("\ufffd", " ".join(text.split()))


def emit_key(key: str, value: Node, indent: int) -> list[str]:
    """``key: value`` at ``indent`` spaces, in block style; one string per line."""
    pad = " " * indent
    while isinstance(value, Commented):
        value = value.value
    if isinstance(value, str):
        return [f"{pad}{scalar(key)}: {scalar(value)}"]
    if isinstance(value, list):
        if not value:
            return [f"{pad}{scalar(key)}: []"]
        return [f"{pad}{scalar(key)}:", *emit_items(value, indent + 2)]
    if not value:
        return [f"{pad}{scalar(key)}: {{}}"]
    return [f"{pad}{scalar(key)}:", *emit_mapping(value, indent + 2)]


def emit_mapping(data: dict[str, Node], indent: int) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        lines += emit_key(key, value, indent)
    return lines


def emit_items(items: list[Node], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, Commented):
            lines.append(f"{pad}# {comment(item.comment)}")
            item = item.value
        if isinstance(item, str):
            lines.append(f"{pad}- {scalar(item)}")
        elif isinstance(item, dict) and item:
            inner = emit_mapping(item, indent + 2)
            inner[0] = f"{pad}- {inner[0][indent + 2 :]}"
            lines += inner
        else:
            raise BuildError("kit_writer: a list item must be text or a non-empty mapping")
    return lines


def kit_text(data: dict[str, Node], header: list[str], footer: list[str]) -> str:
    """The whole kit.yaml: header comments, top-level keys (a blank line before each
    section), footer comments."""
    lines = [f"# {comment(line)}" if line else "#" for line in header]
    for key, value in data.items():
        if _is_section(value) and lines:
            lines.append("")
        lines += emit_key(key, value, 0)
    if footer:
        lines += ["", *(f"# {comment(line)}" if line else "#" for line in footer)]
    return "\n".join(lines) + "\n"


def _is_section(value: Node) -> bool:
    """A mapping, or a list of mappings: set off by a blank line."""
    if isinstance(value, list):
        return any(not isinstance(item, str) for item in value)
    return isinstance(value, dict)


def plain(value: Value) -> Node:
    """What kitpress's loader read, as plain data (for comparing and re-writing)."""
    if isinstance(value, Scalar):
        return value.text
    if isinstance(value, Sequence):
        return [plain(item) for item in value.items]
    assert isinstance(value, Mapping)
    return {key: plain(value.entries[key]) for key in value.order}


def bare(node: Node) -> Node:
    """``node`` without comments and with every text as plain `str`."""
    if isinstance(node, Commented):
        return bare(node.value)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, list):
        return [bare(item) for item in node]
    return {key: bare(value) for key, value in node.items()}


def read_back(path: Path, data: dict[str, Node]) -> None:
    """Fail (as a bug, exit 1) unless ``path`` re-loads as exactly ``data``."""
    loaded = plain(load(path, path.name, KitError))
    if loaded != bare(data):
        raise BuildError(f"{path.name} does not re-load with the values written (a kitpress bug)")
