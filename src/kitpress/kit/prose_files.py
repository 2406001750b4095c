"""Files kit.yaml names: an image or art file, or Markdown prose, inline or `{file: …}`."""

from __future__ import annotations

from pathlib import Path

from ..errors import Issue
from ..reading.checker import Checker, Obj, Read, control_character
from ..reading.marked_yaml import Scalar, Sequence
from . import fields
from .files import resolve_in_kit
from .model import Prose

MAX_PROSE_BYTES = 2 * 1024 * 1024


def read_file(obj: Obj, key: str, root: Path, checker: Checker) -> Path | None:
    written = obj.text(key)
    if written is None:
        return None
    path, problem = resolve_in_kit(root, written)
    if problem:
        checker.error(obj.line_of(key), obj.sub(key), problem)
    return path


def read_prose(top: Obj, key: str, root: Path, checker: Checker) -> Prose | None:
    value = top.get(key)
    if value is None:
        return None
    if isinstance(value, Scalar):
        text = top.text(key)
        return Prose(text, checker.label, value.line) if text else None
    if isinstance(value, Sequence):
        checker.error(value.line, top.sub(key), "expected text or {file: …} (a list given)")
        return None
    ref = checker.obj(value, top.sub(key), fields.PROSE_FILE)
    if ref is None:
        return None
    written = ref.text("file", required=True)
    if written is None:
        return None
    path, problem = resolve_in_kit(root, written)
    if problem or path is None:
        checker.error(ref.line_of("file"), ref.sub("file"), problem or "unusable file")
        return None
    return _read_markdown(path, ref, checker)


def _read_markdown(path: Path, ref: Obj, checker: Checker) -> Prose | None:
    where, line = ref.sub("file"), ref.line_of("file")
    try:
        if path.stat().st_size > MAX_PROSE_BYTES:
            checker.error(line, where, f"'{path.name}' is larger than 2 MB")
            return None
        data = path.read_bytes()
    except OSError as exc:
        checker.error(line, where, f"cannot read '{path.name}': {exc.strerror}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        kind = "UTF-16 text; save it as UTF-8" if utf16 else "not UTF-8 text"
        checker.error(line, where, f"'{path.name}' is {kind}")
        return None
    text = text.replace("\r\n", "\n").strip()
    key = ref.path
    for number, row in enumerate(text.split("\n"), 1):
        problem = control_character(row)
        if problem:
            checker.issues.append(Issue(path.name, number, key, problem))
            return None
    checker.texts.append(Read(key, text, 1, path.name, whole_file=True))
    return Prose(text, path.name, 1, path) if text else None
