"""`kitpress import-captions CAPTIONS.csv KIT`: merge a caption spreadsheet into kit.yaml.

Each row names a still by its file; its non-empty cells set that still's people,
description, alt text and rights. An empty cell changes nothing. A cell that would replace a
different value the still already has is refused (all of them listed) unless ``force``.
Only the still entries that change are rewritten; the result is checked with kitpress's own
loader before it atomically replaces kit.yaml.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from ..errors import BuildError, ImportProblem, Issue, KitError
from ..kit.load import find_kit_file, load_kit
from ..kit.model import Kit, Still
from ..reading.marked_yaml import Mapping, Scalar, Sequence, load
from .captions_csv import DISPLAY, CaptionRow, read_rows
from .csv_people import PeopleProblem, resolve_people
from .kit_writer import Node, bare, plain
from .yaml_edit import Changes, apply_changes

RIGHTS_COLUMNS = ("copyright", "photographer", "courtesy")


@dataclass
class Merge:
    label: str
    kit: Kit
    entries: list[Mapping]
    force: bool
    changes: Changes = field(default_factory=dict)
    refused: list[Issue] = field(default_factory=list)
    problems: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


@dataclass(frozen=True)
class CaptionsResult:
    kit_file: Path
    changed: list[str]  # the files of the stills that changed
    warnings: list[Issue]


def import_captions(csv_path: Path, target: Path, force: bool = False) -> CaptionsResult:
    kit_file = find_kit_file(target)
    kit, _ = load_kit(kit_file)
    top = load(kit_file, kit_file.name, KitError)
    assert isinstance(top, Mapping)
    stills = top.entries.get("stills")
    entries = (
        [e for e in stills.items if isinstance(e, Mapping)] if isinstance(stills, Sequence) else []
    )
    merge = Merge(csv_path.name, kit, entries, force)
    seen: dict[int, int] = {}
    for row in read_rows(csv_path):
        index = _match(merge, row, seen)
        if index is not None:
            _merge_row(merge, row, index)
    if merge.problems or merge.refused:
        raise ImportProblem(merge.problems + merge.refused)
    if merge.changes:
        _write(kit_file, top, merge.changes)
    changed = [_written_file(entries[i]) for i in sorted(merge.changes)]
    return CaptionsResult(kit_file, changed, merge.warnings)


def _written_file(entry: Mapping) -> str:
    value = entry.entries.get("file")
    return value.text if isinstance(value, Scalar) else ""


def _match(merge: Merge, row: CaptionRow, seen: dict[int, int]) -> int | None:
    """The still this row is for: its file as written in kit.yaml, or its file name."""
    wanted = _normal(row.cells["file"])
    files = [_normal(_written_file(entry)) for entry in merge.entries]
    names = [PurePosixPath(f).name for f in files]
    for candidates, key in ((files, wanted), (names, PurePosixPath(wanted).name)):
        hits = [i for i, f in enumerate(candidates) if f == key]
        hits = hits or [i for i, f in enumerate(candidates) if f.casefold() == key.casefold()]
        if len(hits) == 1:
            if hits[0] in seen:
                message = f"'{row.cells['file']}' is already on line {seen[hits[0]]}"
                merge.problems.append(Issue(merge.label, row.line, "file", message))
                return None
            seen[hits[0]] = row.line
            return hits[0]
    hint = difflib.get_close_matches(PurePosixPath(wanted).name, names, n=1, cutoff=0.6)
    tip = f" (did you mean '{hint[0]}'?)" if hint else ""
    message = f"'{row.cells['file']}' is not a still in kit.yaml{tip}"
    merge.problems.append(Issue(merge.label, row.line, "file", message))
    return None


def _normal(written: str) -> str:
    return written.strip().replace("\\", "/").removeprefix("./")


def _merge_row(merge: Merge, row: CaptionRow, index: int) -> None:
    still = merge.kit.stills[index]
    values: dict[str, Node] = {}
    if "people" in row.cells:
        try:
            people = resolve_people(row.cells["people"], merge.kit)
        except PeopleProblem as exc:
            merge.problems.append(Issue(merge.label, row.line, "people", str(exc)))
            return
        shown = tuple(person for _, person in people)
        if shown != still.people:
            before = ", ".join(p.name for p in still.people) if still.people else None
            if _allowed(merge, row, "people", before, row.cells["people"], still):
                values["people"] = [node for node, _ in people]
    for column, key in (("description", "description"), ("alt", "alt")):
        new = row.cells.get(column)
        old = getattr(still, key)
        if new and new != old and _allowed(merge, row, column, old, new, still):
            values[key] = new
    rights = _rights(merge, row, still, merge.entries[index])
    if rights is not None:
        values["rights"] = rights
    if values:
        merge.changes[index] = values


def _rights(merge: Merge, row: CaptionRow, still: Still, entry: Mapping) -> Node | None:
    given = entry.entries.get("rights")
    current = plain(given) if isinstance(given, Mapping) else {}
    assert isinstance(current, dict)
    changed = False
    for column in RIGHTS_COLUMNS:
        new = row.cells.get(column)
        if column == "copyright" and new:
            new = new.removeprefix("©").removeprefix("(c)").strip()
        old = getattr(still.rights, column)
        effective = getattr(still.rights.over(merge.kit.rights), column)
        if new and new != effective and _allowed(merge, row, column, old, new, still):
            current[column] = new
            changed = True
    return current if changed else None


def _allowed(
    merge: Merge, row: CaptionRow, column: str, old: str | None, new: str, still: Still
) -> bool:
    """Setting a value is fine; replacing a different one needs ``force``."""
    if old is None:
        return True
    message = f"would replace '{old}' with '{new}' for {still.file.name}"
    if not merge.force:
        tip = "; import with --force to replace it"
        merge.refused.append(Issue(merge.label, row.line, DISPLAY[column], message + tip))
        return False
    replaced = f"replaced '{old}' with '{new}' for {still.file.name}"
    merge.warnings.append(Issue(merge.label, row.line, DISPLAY[column], replaced, "warning"))
    return True


def _write(kit_file: Path, top: Mapping, changes: Changes) -> None:
    """Edit, check the result re-loads with the intended values, then replace atomically."""
    raw = kit_file.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = apply_changes(raw.decode("utf-8-sig"), top, changes, kit_file.name)
    expected = plain(top)
    assert isinstance(expected, dict) and isinstance(expected["stills"], list)
    for index, values in changes.items():
        entry = expected["stills"][index]
        assert isinstance(entry, dict)
        entry.update({key: bare(value) for key, value in values.items()})
    fd, name = tempfile.mkstemp(prefix=".kitpress-", suffix=".tmp", dir=kit_file.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
        temp.chmod(kit_file.stat().st_mode & 0o777)
        _check(temp, kit_file.name, expected)
        temp.replace(kit_file)
    finally:
        temp.unlink(missing_ok=True)


def _check(temp: Path, label: str, expected: Node) -> None:
    try:
        if plain(load(temp, label, KitError)) != expected:
            raise BuildError(f"{label}: the edit would not re-load as meant (a kitpress bug)")
        load_kit(temp)
    except KitError as exc:
        raise KitError([replace(issue, source=label) for issue in exc.issues]) from None
