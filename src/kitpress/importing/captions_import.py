"""`kitpress import-captions CAPTIONS.csv KIT`: merge a caption spreadsheet into kit.yaml.

Each row names a still by its file (as kit.yaml writes it, its name, or the name of the
ZIP's rendition of it); its non-empty cells set that still's people, description, alt text
and rights. A composed caption and credits line (the ZIP's own sheet) are read back into the
people, description and rights that compose them (`sheet_caption`). An empty cell changes
nothing. A cell that would replace a different value the still already has is refused (all
of them listed) unless ``force``.
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
from ..naming import slugify
from ..reading.marked_yaml import Mapping, Scalar, Sequence, load
from .captions_csv import DISPLAY, CaptionRow, read_rows
from .csv_people import PeopleProblem, Resolved, resolve_people
from .kit_writer import Node, bare, plain
from .sheet_caption import composes, read_caption, read_credits
from .yaml_edit import Changes, apply_changes

RIGHTS_COLUMNS = ("copyright", "photographer", "courtesy")
RENDITION_KINDS = ("print", "web", "thumb")  # the ZIP's files: <film>_<still id>_<kind>.jpg


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
    """The still this row is for: its file as written in kit.yaml, its file name, or the
    name of one of its files in the ZIP."""
    wanted = _normal(row.cells["file"])
    files = [_normal(_written_file(entry)) for entry in merge.entries]
    names = [PurePosixPath(f).name for f in files]
    name = PurePosixPath(wanted).name
    ways = (([(f,) for f in files], wanted), ([(n,) for n in names], name))
    for candidates, key in (*ways, (_renditions(merge.kit), name)):
        hits = [i for i, known in enumerate(candidates) if key in known]
        folded = key.casefold()
        hits = hits or [
            i for i, known in enumerate(candidates) if folded in (k.casefold() for k in known)
        ]
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


def _renditions(kit: Kit) -> list[tuple[str, ...]]:
    """Each still's file names in the ZIP: ``<film>_<still id>_<kind>.jpg``."""
    film = slugify(kit.title)
    stems = [f"{film}_{slugify(still.id, 'still')}" for still in kit.stills]
    return [tuple(f"{stem}_{kind}.jpg" for kind in RENDITION_KINDS) for stem in stems]


def _normal(written: str) -> str:
    return written.strip().replace("\\", "/").removeprefix("./")


def _merge_row(merge: Merge, row: CaptionRow, index: int) -> None:
    still = merge.kit.stills[index]
    values: dict[str, Node] = {}
    try:
        row, people = _read_composed(row, merge.kit)
        if people is None and "people" in row.cells:
            people = resolve_people(row.cells["people"], merge.kit)
    except _CellProblem as exc:
        merge.problems.append(Issue(merge.label, row.line, exc.column, str(exc)))
        return
    except PeopleProblem as exc:
        merge.problems.append(Issue(merge.label, row.line, "people", str(exc)))
        return
    if people is not None:
        shown = tuple(person for _, person in people)
        if shown != still.people:
            before = ", ".join(p.name for p in still.people) if still.people else None
            after = row.cells.get("people") or ", ".join(p.name for p in shown)
            if _allowed(merge, row, "people", before, after, still):
                values["people"] = [node for node, _ in people]
    for column, key in (("description", "description"), ("alt", "alt")):
        new = row.cells.get(column)
        old = getattr(still, key)
        if not new or new == old or _kept(row, key, still, merge.kit.title):
            continue
        if _allowed(merge, row, column, old, new, still):
            values[key] = new
    rights = _rights(merge, row, still, merge.entries[index])
    if rights is not None:
        values["rights"] = rights
    if values:
        merge.changes[index] = values


def _kept(row: CaptionRow, key: str, still: Still, title: str) -> bool:
    """A description read from a caption that the still's own description composes too."""
    caption = row.cells.get("caption")
    if key != "description" or caption is None or still.description is None:
        return False
    return composes(caption, still.people, still.description, title)


class _CellProblem(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def _read_composed(row: CaptionRow, kit: Kit) -> tuple[CaptionRow, list[Resolved] | None]:
    """The row with its caption and credits cells read into the cells they compose: people
    (returned, resolved), description, copyright, photographer, courtesy. A cell the row
    gives itself must agree with what the caption or credits say."""
    cells = dict(row.cells)
    people: list[Resolved] | None = None
    if "caption" in cells:
        try:
            people, description = read_caption(cells["caption"], cells.get("people"), kit)
        except PeopleProblem as exc:
            raise _CellProblem("caption", str(exc)) from None
        _agree(cells, "description", description, "caption")
    if "credits" in cells:
        try:
            rights = read_credits(cells["credits"], kit.title)
        except PeopleProblem as exc:
            raise _CellProblem("credits", str(exc)) from None
        for column in RIGHTS_COLUMNS:
            _agree(cells, column, rights.get(column, ""), "credits")
    return replace(row, cells=cells), people


def _agree(cells: dict[str, str], column: str, read: str, source: str) -> None:
    given = cells.get(column)
    if given is None:
        if read:
            cells[column] = read
        return
    if column == "copyright":
        given = given.removeprefix("©").removeprefix("(c)").strip()
    if given != read:
        said = f"'{read}'" if read else "none"
        raise _CellProblem(column, f"'{given}' but the {source} says {said}")


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
