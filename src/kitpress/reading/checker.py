"""Typed reading of marked YAML values that collects every problem instead of stopping.

A `Checker` is the running list of issues for one file; an `Obj` reads one mapping of it,
reporting unknown keys (with the nearest known key) and values of the wrong kind.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator
from typing import NamedTuple
from urllib.parse import urlparse

from ..errors import Issue, Severity
from .marked_yaml import Mapping, Scalar, Sequence, Value
from .yaml_syntax import BACKSLASH_MESSAGE

_EMAIL = re.compile(r"^[^@\s<>()]+@[^@\s<>()]+\.[^@\s<>()]+$")
PATH_KEYS = ("file", "key_art", "photo")  # keys whose text is a path in the kit folder
# Words users write for a key that no spelling distance finds: suggested when the key is known.
SYNONYMS = {"biography": "bio", "portrait": "photo", "picture": "photo", "image": "photo"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class Read(NamedTuple):
    """A text as read, and where: ``source`` None means the checker's own file."""

    path: str
    text: str
    line: int | None
    source: str | None = None
    whole_file: bool = False


class Checker:
    def __init__(self, label: str) -> None:
        self.label = label
        self.issues: list[Issue] = []
        self.texts: list[Read] = []  # every text read, for checks that need its line

    def report(self, line: int | None, path: str, message: str, severity: Severity) -> None:
        self.issues.append(Issue(self.label, line, path, message, severity))

    def error(self, line: int | None, path: str, message: str) -> None:
        self.report(line, path, message, "error")

    def warn(self, line: int | None, path: str, message: str) -> None:
        self.report(line, path, message, "warning")

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def obj(self, value: Value, path: str, known: dict[str, str]) -> Obj | None:
        if not isinstance(value, Mapping):
            self.error(value.line, path, f"expected a mapping of keys ({_kind(value)} given)")
            return None
        return Obj(self, value, path, known)


class Obj:
    """One mapping being read; unknown keys are reported as soon as it is opened."""

    def __init__(self, checker: Checker, node: Mapping, path: str, known: dict[str, str]) -> None:
        self.checker = checker
        self.node = node
        self.path = path
        for key in node.order:
            if key not in known:
                synonym = SYNONYMS.get(key.casefold())
                hint = [synonym] if synonym in known else []
                hint = hint or difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
                tip = f" (did you mean '{hint[0]}'?)" if hint else ""
                checker.error(node.key_lines[key], self.sub(key), f"unknown key '{key}'{tip}")

    @property
    def line(self) -> int:
        return self.node.line

    def sub(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str) -> Value | None:
        value = self.node.entries.get(key)
        if isinstance(value, Scalar) and value.is_null:
            return None
        return value

    def line_of(self, key: str) -> int:
        return self.node.key_lines.get(key, self.node.line)

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.get(key)
        if value is None:
            if required:
                self.checker.error(self.line_of(key), self.sub(key), "required")
            return None
        return self._text(value, self.sub(key), required)

    def _text(self, value: Value, path: str, required: bool) -> str | None:
        if not isinstance(value, Scalar):
            self.checker.error(value.line, path, f"expected text ({_kind(value)} given)")
            return None
        text = value.text.strip()
        control = control_character(text)
        if control:
            windows_path = value.quoted and path.rsplit(".", 1)[-1] in PATH_KEYS
            self.checker.error(value.line, path, BACKSLASH_MESSAGE if windows_path else control)
            return None
        if not text and required:
            self.checker.error(value.line, path, "must not be empty")
        if text:
            self.checker.texts.append(Read(path, text, value.line))
        return text or None

    def texts(self, key: str) -> tuple[str, ...]:
        """One text or a list of texts."""
        value = self.get(key)
        if value is None:
            return ()
        if isinstance(value, Sequence):
            found = (self._text(v, f"{self.sub(key)}[{i}]", False) for i, v in self.items(key))
            return tuple(t for t in found if t)
        single = self._text(value, self.sub(key), False)
        return (single,) if single else ()

    def integer(self, key: str, low: int, high: int, example: str) -> int | None:
        text = self.text(key)
        if text is None:
            return None
        if not re.fullmatch(r"\d{1,9}", text) or not low <= int(text) <= high:
            message = f"expected a whole number from {low} to {high}, e.g. {example} (got '{text}')"
            self.checker.error(self.line_of(key), self.sub(key), message)
            return None
        return int(text)

    def boolean(self, key: str, default: bool) -> bool:
        text = self.text(key)
        if text is None:
            return default
        if text.lower() in ("true", "yes"):
            return True
        if text.lower() in ("false", "no"):
            return False
        self.checker.error(
            self.line_of(key), self.sub(key), f"expected true or false (got '{text}')"
        )
        return default

    def date(self, key: str, required: bool = True) -> datetime.date | None:
        text = self.text(key, required=required)
        if text is None:
            return None
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            message = f"expected a date as YYYY-MM-DD, e.g. 2022-04-05 (got '{text}')"
            self.checker.error(self.line_of(key), self.sub(key), message)
            return None

    def url(self, key: str) -> str | None:
        text = self.text(key)
        if text is None:
            return None
        try:
            parsed = urlparse(text)
        except ValueError:  # "https://[": a broken host
            parsed = urlparse("")
        if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in text:
            message = f"expected a web address starting with https:// (got '{text}')"
            self.checker.error(self.line_of(key), self.sub(key), message)
            return None
        return text

    def email(self, key: str) -> str | None:
        text = self.text(key)
        if text is not None and not _EMAIL.match(text):
            message = f"expected an e-mail address like name@example.com (got '{text}')"
            self.checker.error(self.line_of(key), self.sub(key), message)
            return None
        return text

    def items(self, key: str) -> Iterator[tuple[int, Value]]:
        """The entries of a list (a missing key is an empty list)."""
        value = self.get(key)
        if value is None:
            return
        if not isinstance(value, Sequence):
            self.checker.error(value.line, self.sub(key), f"expected a list ({_kind(value)} given)")
            return
        yield from enumerate(value.items)


def control_character(text: str) -> str | None:
    """Why ``text`` cannot be used because of an invisible control character, or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    return f"contains a control character (U+{ord(found.group()):04X}); remove it"


def _kind(value: Value) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, Sequence):
        return "a list"
    return "text"
