"""`kitpress init`'s skeleton shows every kit.yaml key, each example written so that removing
its '# ' gives YAML kitpress reads, and says where the full reference is."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kitpress.kit import fields
from kitpress.scaffold import SKELETON, write_skeleton

# The keys issue 13 adds (agreed names): in the skeleton now, in fields.TOP once they land.
ISSUE_13_KEYS = (
    "filmmakers",
    "interview",
    "interviewer",
    "production_notes",
    "credits",
    "title_art",
    "logos",
    "billing_block",
    "website",
    "press_materials",
    "embargo",
)
# Keys inside entries that issue 13 adds: (top-level key, entry key).
ISSUE_13_ENTRY_KEYS = (
    ("cast", "bio"),
    ("cast", "photo"),
    ("filmmakers", "name"),
    ("filmmakers", "role"),
    ("filmmakers", "bio"),
    ("filmmakers", "photo"),
    ("credits", "role"),
    ("credits", "names"),
    ("festivals", "laurel"),
    ("quotes", "stars"),
    ("quotes", "hero"),
    ("logos", "file"),
    ("logos", "name"),
    ("logos", "role"),
    ("embargo", "until"),
    ("embargo", "text"),
)
# An example line: '# key: …' or, indented under one, '#   - …' / '#   key: …'.
EXAMPLE = re.compile(r"# ((?:[a-z_]+:|\s+- |\s+[A-Za-z_]+:).*)")


def uncommented() -> dict[str, object]:
    """The skeleton with every example line's '# ' removed, read as YAML."""
    text = SKELETON.read_text(encoding="utf-8")
    lines = [m.group(1) if (m := EXAMPLE.fullmatch(line)) else line for line in text.splitlines()]
    data = yaml.safe_load("\n".join(lines))
    assert isinstance(data, dict)
    return data


def test_the_skeleton_shows_every_top_level_key() -> None:
    data = uncommented()
    missing = [key for key in (*fields.TOP, *ISSUE_13_KEYS) if key not in data]
    assert missing == []
    unknown = [key for key in data if key not in fields.TOP and key not in ISSUE_13_KEYS]
    assert unknown == []


def test_only_the_title_is_left_uncommented(tmp_path: Path) -> None:
    written = write_skeleton(tmp_path / "film")
    plain = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert plain == {"title": "My Film"}


def _entries(value: object) -> list[dict[str, object]]:
    if isinstance(value, dict):
        return [value]
    assert isinstance(value, list)
    return [item for item in value if isinstance(item, dict)]


def test_the_examples_show_the_new_keys_inside_entries() -> None:
    data = uncommented()
    missing = [
        f"{top}[].{key}"
        for top, key in ISSUE_13_ENTRY_KEYS
        if not any(key in entry for entry in _entries(data[top]))
    ]
    assert missing == []


def test_the_examples_show_every_key_of_each_entry_table() -> None:
    data = uncommented()
    tables = {
        "release_dates": fields.RELEASE,
        "quotes": fields.QUOTE,
        "rights": fields.RIGHTS,
        "festivals": fields.FESTIVAL,
    }
    missing = [
        f"{top}.{key}"
        for top, table in tables.items()
        for key in table
        if not any(key in entry for entry in _entries(data[top]))
    ]
    assert missing == []


def test_the_skeleton_says_where_the_reference_is() -> None:
    text = SKELETON.read_text(encoding="utf-8")
    assert "# Every key and what it means: run `kitpress help kit`.\n" in text
    reference = SKELETON.parent.parent / "docs" / "kit-reference.md"
    assert reference.is_file()
    assert "kitpress/docs/kit-reference.md" in text
