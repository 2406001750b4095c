"""Read a caption spreadsheet: a header row, then one row per still.

Columns (any order, names matched ignoring case, spaces, '-' and '_'): file, people,
description, copyright, photographer, courtesy, alt text, and the composed caption and
credits of kitpress's own sheet (the ZIP's captions.csv, whose 'print file' names the still
and whose 'web file' and 'thumbnail' columns are read past). UTF-8 with or without a BOM;
comma, semicolon or tab separated (whichever the header row uses). An unknown column is an
error that suggests the nearest known one. A cell kitpress (or a careful spreadsheet user)
wrote as ``'=…`` to keep spreadsheets from running it is read as ``=…``, as it was typed.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..csv_cells import as_typed
from ..errors import ImportProblem, Issue
from .press_page import CONTROL, control_message

MAX_BYTES = 5 * 1024 * 1024
COLUMNS: dict[str, tuple[str, ...]] = {
    "file": ("file", "file name", "filename", "image", "still", "photo", "print file"),
    "people": ("people", "people shown", "persons", "who"),
    "description": ("description", "desc"),
    "copyright": ("copyright", "copyright holder", "©"),
    "photographer": ("photographer", "photo by", "byline", "by line", "creator"),
    "courtesy": ("courtesy", "courtesy of", "supplier", "source"),
    "alt": ("alt text", "alt", "alternative text"),
    "caption": ("caption", "caption text"),
    "credits": ("credits", "credit line", "rights line"),
}
# Columns of kitpress's own sheet that say nothing to merge: the other renditions' names.
PASSED = {"web file": "web file", "thumbnail": "thumbnail", "thumbnail file": "thumbnail"}
SPELLINGS = {spelling: column for column, names in COLUMNS.items() for spelling in names}
DISPLAY = {column: names[0] for column, names in COLUMNS.items()}


@dataclass(frozen=True)
class CaptionRow:
    line: int
    cells: dict[str, str]  # column -> stripped value; empty cells are left out


def read_rows(path: Path) -> list[CaptionRow]:
    label = path.name
    text = _read_text(path, label)
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ImportProblem([Issue(label, 1, "", "no header row (file, people, description, …)")])
    delimiter = max(",;\t", key=lines[0].count)
    records = _records(label, text, delimiter)
    columns = header_columns(label, records[0][1])
    return _read_body(label, columns, records[1:])


def _records(label: str, text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Every record with the line it starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    found: list[tuple[int, list[str]]] = []
    end = 0
    try:
        for cells in reader:
            found.append((end + 1, cells))
            end = reader.line_num
    except csv.Error as exc:
        raise ImportProblem([Issue(label, end + 1, "", f"not readable as CSV: {exc}")]) from None
    return found


def _read_text(path: Path, label: str) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportProblem([Issue(label, None, "", "larger than 5 MB")])
        data = path.read_bytes()
    except OSError as exc:
        message = f"cannot read the spreadsheet: {exc.strerror}"
        raise ImportProblem([Issue(str(path), None, "", message)]) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportProblem([Issue(label, None, "", "the file is UTF-16; save it as UTF-8 CSV")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = "not UTF-8 text; save the spreadsheet as CSV UTF-8"
        raise ImportProblem([Issue(label, line, "", message)]) from None


def header_columns(label: str, header: list[str]) -> list[str | None]:
    """The column each header cell names (None for a blank cell); every problem at once."""
    problems: list[Issue] = []
    columns: list[str | None] = []
    for cell in header:
        key = " ".join(re.sub(r"[-_]", " ", cell).casefold().split())
        column = SPELLINGS.get(key) or PASSED.get(key)
        if key and column is None:
            problems.append(Issue(label, 1, "header", _unknown(cell, key)))
        elif column is not None and column in columns:
            message = (
                f"two columns are '{DISPLAY.get(column, column)}' ('{cell}' and an earlier one)"
            )
            problems.append(Issue(label, 1, "header", message))
        columns.append(column)
    if not problems and "file" not in columns:
        message = "no 'file' column: each row needs the still's file name"
        problems.append(Issue(label, 1, "header", message))
    if problems:
        raise ImportProblem(problems)
    return columns


def _unknown(cell: str, key: str) -> str:
    hint = difflib.get_close_matches(key, list(SPELLINGS), n=1, cutoff=0.75)
    if hint:
        return f"unknown column '{cell}' (did you mean '{DISPLAY[SPELLINGS[hint[0]]]}'?)"
    known = ", ".join(DISPLAY.values())
    return f"unknown column '{cell}' (the columns are {known})"


def _read_body(
    label: str, columns: list[str | None], rows: list[tuple[int, list[str]]]
) -> list[CaptionRow]:
    problems: list[Issue] = []
    found: list[CaptionRow] = []
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns):
            message = f"{len(cells)} cells but the header has {len(columns)} columns"
            problems.append(Issue(label, line, "", message))
            continue
        typed = [as_typed(cell.strip()) for cell in cells]
        named = {
            c: v.strip() for c, v in zip(columns, typed, strict=False) if c in DISPLAY and v.strip()
        }
        control = [(c, hit) for c, v in named.items() if (hit := CONTROL.search(v))]
        problems += [Issue(label, line, DISPLAY[c], control_message(f.group())) for c, f in control]
        if "file" not in named:
            problems.append(Issue(label, line, "file", "empty: which still is this row for?"))
            continue
        found.append(CaptionRow(line, named))
    if problems:
        raise ImportProblem(problems)
    return found
