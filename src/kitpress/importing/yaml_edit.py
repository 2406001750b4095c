"""Change some still entries of a user's kit.yaml and keep every other byte as it was.

kit.yaml is the user's source file: their comments, order, quoting and blank lines stay.
Where entries are in block style (one key a line, the usual way) only the keys that change
are rewritten and new keys are added at the end of their entry. Where they are not (a flow
list such as ``stills: [{file: a.jpg}]``), the ``stills:`` block is rewritten as a whole,
in block style; the rest of the file is still untouched.
"""

from __future__ import annotations

import re

from ..errors import ImportProblem, Issue
from ..reading.marked_yaml import Mapping, Sequence
from .kit_writer import Node, emit_key, plain

Changes = dict[int, dict[str, Node]]  # still index -> key -> new value
Edit = tuple[int, int, list[str]]  # replace lines[start:end] with these


def apply_changes(text: str, top: Mapping, changes: Changes, label: str) -> str:
    if not changes:
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    if not text.endswith(("\n", "\r")):
        text += newline
    lines = text.splitlines(keepends=True)
    stills = top.entries.get("stills")
    if not isinstance(stills, Sequence):
        raise ImportProblem([Issue(label, None, "stills", "the kit has no stills: list")])
    block_end = _block_end(lines, top)
    edits: list[Edit] = []
    for index, values in sorted(changes.items()):
        found = _entry_edits(lines, stills, index, block_end, values)
        if found is None:
            return _rewrite_block(lines, top, changes, block_end, label)
        edits += found
    for start, end, new in sorted(edits, key=lambda edit: edit[0], reverse=True):
        lines[start:end] = [line + newline for line in new]
    return "".join(lines)


def _block_end(lines: list[str], top: Mapping) -> int:
    """Index of the line after the stills block's last content line."""
    start = top.key_lines["stills"]
    later = [line for line in top.key_lines.values() if line > start]
    stop = min(later) - 1 if later else len(lines)
    return _trim(lines, start - 1, stop)


def _trim(lines: list[str], start: int, stop: int) -> int:
    """Move ``stop`` back over blank and comment lines, never to or before ``start``."""
    while stop - 1 > start and (
        not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")
    ):
        stop -= 1
    return stop


def _entry_edits(
    lines: list[str], stills: Sequence, index: int, block_end: int, values: dict[str, Node]
) -> list[Edit] | None:
    """Key-level edits of one block-style entry, or None when it is not one."""
    entry = stills.items[index]
    if not isinstance(entry, Mapping) or not entry.order:
        return None
    starts = [entry.key_lines[key] - 1 for key in entry.order]
    following = stills.items[index + 1].line - 1 if index + 1 < len(stills.items) else block_end
    end = _trim(lines, starts[0], min(following, block_end))
    first = re.match(r"(\s*-\s+)" + re.escape(entry.order[0]) + r"\s*:", lines[starts[0]])
    if first is None or starts != sorted(set(starts)) or starts[-1] >= end:
        return None
    column = len(first.group(1))
    for key, start in zip(entry.order[1:], starts[1:], strict=True):
        if not re.match(" " * column + re.escape(key) + r"\s*:", lines[start]):
            return None
    edits: list[Edit] = []
    for i, key in enumerate(entry.order):
        if key in values:
            stop = _trim(lines, starts[i], starts[i + 1] if i + 1 < len(starts) else end)
            new = emit_key(key, values[key], column)
            if i == 0:
                new[0] = first.group(1) + new[0][column:]
            edits.append((starts[i], stop, new))
    added = [
        line
        for key, v in values.items()
        if key not in entry.entries
        for line in emit_key(key, v, column)
    ]
    if added:
        edits.append((end, end, added))
    return edits


def _rewrite_block(
    lines: list[str], top: Mapping, changes: Changes, block_end: int, label: str
) -> str:
    start = top.key_lines["stills"] - 1
    if not re.match(r"stills\s*:", lines[start]):
        message = "cannot be edited in place; write kit.yaml's top level in block style"
        raise ImportProblem([Issue(label, start + 1, "stills", message)])
    stills = plain(top.entries["stills"])
    assert isinstance(stills, list)
    for index, values in changes.items():
        entry = stills[index]
        assert isinstance(entry, dict)
        entry.update(values)
    newline = "\r\n" if lines[start].endswith("\r\n") else "\n"
    new = [line + newline for line in emit_key("stills", stills, 0)]
    return "".join(lines[:start] + new + lines[block_end:])
