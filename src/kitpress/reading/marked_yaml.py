"""Read a YAML file into plain values that remember their line numbers.

We compose YAML nodes and never construct Python objects, so:
- every scalar stays the text the user typed (``16:9``, ``1:35:00``, ``NO``, ``2021``): the
  schema decides what a value means, not YAML 1.1's implicit typing;
- duplicate keys, aliases, explicit tags and deep nesting are located errors, not surprises;
- nothing in the file can make us run code or allocate without bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import yaml

from ..errors import InputError, Issue
from .yaml_syntax import alias_or_emphasis, explain

MAX_DEPTH = 20
MAX_BYTES = 5 * 1024 * 1024
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

Value = Union["Scalar", "Sequence", "Mapping"]


@dataclass(frozen=True)
class Scalar:
    text: str
    line: int
    quoted: bool = False

    @property
    def is_null(self) -> bool:
        return not self.quoted and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True)
class Sequence:
    items: tuple[Value, ...]
    line: int


@dataclass(frozen=True)
class Mapping:
    entries: dict[str, Value]
    key_lines: dict[str, int]
    line: int
    order: tuple[str, ...] = field(default=())


ALIAS_MESSAGE = "YAML aliases (*name) are not supported; write the value out"
# What a "\u" escape can make but no text may hold: lone surrogates and non-characters.
_NOT_TEXT = re.compile("[\ud800-\udfff\ufffe\uffff]")


DEPTH_MESSAGE = f"nesting deeper than {MAX_DEPTH} levels"


class _Refused(yaml.composer.ComposerError):
    """What kitpress refuses while composing, in its own words."""

    def __init__(self, message: str, mark: yaml.Mark, with_column: bool = False) -> None:
        super().__init__(None, None, message, mark)
        self.message = message
        self.line = mark.line + 1
        self.column = mark.column + 1 if with_column else None


class _Loader(yaml.SafeLoader):
    """Safe loader that stops at the first alias and at the first node nested too deep
    (PyYAML composes recursively: ``[[[[…]]]]`` thousands deep would exhaust Python's stack),
    each located where it is written."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            row = str(mark.buffer or "").split("\n")[mark.line]
            emphasis = alias_or_emphasis(row, mark.column)  # *Stunning* is not an alias
            raise _Refused(emphasis or ALIAS_MESSAGE, mark, with_column=emphasis is not None)
        opens = self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent)
        if opens and self.depth > MAX_DEPTH:  # the root is depth 0; a scalar nests nothing
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise _Refused(DEPTH_MESSAGE, mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def load(path: Path, label: str, error: type[InputError]) -> Value:
    """Parse ``path``; ``label`` is how messages name the file (e.g. ``kit.yaml``)."""
    text = _read_text(path, label, error)
    try:
        documents = list(yaml.compose_all(text, Loader=_Loader))
    except _Refused as exc:  # an alias, deep nesting
        raise error([Issue(label, exc.line, "", exc.message, column=exc.column)]) from None
    except yaml.MarkedYAMLError as exc:
        line, column, message = explain(exc, text)
        raise error([Issue(label, line, "", message, column=column)]) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        message = f"invalid character {char!r} (control characters are not allowed)"
        raise error([Issue(label, line, "", message)]) from None
    except yaml.YAMLError as exc:
        raise error([Issue(label, None, "", f"invalid YAML: {exc}")]) from None
    documents = [d for d in documents if d is not None and not _empty(d)]
    if not documents:
        raise error([Issue(label, None, "", "the file is empty")])
    if len(documents) > 1:
        second = documents[1].start_mark.line + 1
        raise error([Issue(label, second, "", "only one YAML document is allowed (found '---')")])
    converter = _Converter(label, error)
    value = converter.convert(documents[0], set())
    if converter.issues:
        raise error(converter.issues)
    return value


def _empty(node: yaml.Node) -> bool:
    """A document with nothing in it: '---' alone, or only comments after it."""
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and node.value == ""


def _read_text(path: Path, label: str, error: type[InputError]) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise error([Issue(label, None, "", f"the file is {size:,} bytes; the limit is 5 MB")])
        data = path.read_bytes()
    except OSError as exc:
        raise error([Issue(label, None, "", f"cannot read the file: {exc.strerror}")]) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise error([Issue(label, None, "", "the file is UTF-16; save it as UTF-8")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(
            [Issue(label, line, "", "the file is not UTF-8 text; save it as UTF-8")]
        ) from None
    return text


class _Converter:
    def __init__(self, label: str, error: type[InputError]) -> None:
        self.label = label
        self.error = error
        self.issues: list[Issue] = []

    def fail(self, node: yaml.Node, message: str) -> InputError:
        return self.error([Issue(self.label, node.start_mark.line + 1, "", message)])

    def convert(self, node: yaml.Node, seen: set[int]) -> Value:
        """``node`` as a value; the loader has already refused nesting deeper than MAX_DEPTH."""
        if id(node) in seen:
            raise self.fail(node, "YAML aliases (*name) are not supported; write the value out")
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            raise self.fail(node, f"YAML tags such as '{node.tag}' are not allowed")
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            _check_text(self, node)
            return Scalar(str(node.value), line, quoted=node.style in ("'", '"', "|", ">"))
        if isinstance(node, yaml.SequenceNode):
            items = tuple(self.convert(child, seen) for child in node.value)
            return Sequence(items, line)
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, seen)

    def _mapping(self, node: yaml.MappingNode, seen: set[int]) -> Mapping:
        entries: dict[str, Value] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a key must be plain text")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "YAML merge keys (<<) are not supported")
            _check_text(self, key_node)
            key = str(key_node.value)
            key_line = key_node.start_mark.line + 1
            if key in entries:
                first = key_lines[key]
                message = f"duplicate key '{key}' (first given on line {first})"
                self.issues.append(Issue(self.label, key_line, "", message))
                continue
            entries[key] = self.convert(value_node, seen)
            key_lines[key] = key_line
        return Mapping(entries, key_lines, node.start_mark.line + 1, tuple(entries))


def _check_text(converter: _Converter, node: yaml.ScalarNode) -> None:
    found = _NOT_TEXT.search(str(node.value))
    if found:
        code = f"U+{ord(found.group()):04X}"
        message = f"invalid character {code} (from a \\u escape); write the character itself"
        raise converter.fail(node, message)
