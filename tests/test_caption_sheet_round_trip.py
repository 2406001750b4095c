"""`kitpress import-captions` reads the ZIP's own captions.csv: build a kit's ZIP, import its
sheet into a fresh kit with the same cast, crew and still files, and the fresh kit's ZIP
carries the same captions and credits."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from kitpress.errors import ImportProblem
from kitpress.importing.captions_import import import_captions
from kitpress.kit.load import load_kit
from kitpress.pipeline import BuildOptions, build

from .conftest import make_still

FILM = """\
title: The Last Lock
cast:
  - {id: nell, actor: Maren Oduya, character: Nell}
  - {id: tom, actor: Ilya Brask, character: Tom Harrow}
  - {id: ada, actor: Sofie Lindqvist, character: Ada}
crew:
  Director: Hester Vale
  Cinematography: Jonah Pike
"""
STILLS = """\
rights:
  copyright: Lockside Pictures
  photographer: Ruth Amsel
  courtesy: Northlight Releasing
stills:
  - file: stills/one.jpg
    people: [nell, tom]
  - file: stills/two.jpg
    people: [ada]
    description: At the lock gates at dawn
  - file: stills/three.jpg
    description: The canal under snow
  - file: stills/four.jpg
  - file: stills/five.jpg
    people: [tom, nell, ada]
    description: in the keeper's cottage
    rights: {photographer: Lior Dan, courtesy: "Lockside Pictures, Inc."}
  - file: stills/six.jpg
    people: [{cast: nell, in_character: false}, {crew: Director}]
    rights: {copyright: "Lockside Pictures Ltd."}
"""
FRESH = """\
stills:
  - file: stills/one.jpg
  - file: stills/two.jpg
  - file: stills/three.jpg
  - file: stills/four.jpg
  - file: stills/five.jpg
  - file: stills/six.jpg
"""
NAMES = ("one", "two", "three", "four", "five", "six")


def make_kit(folder: Path, stills: str) -> Path:
    (folder / "kit.yaml").parent.mkdir(parents=True)
    (folder / "kit.yaml").write_text(FILM + stills, encoding="utf-8")
    for seed, name in enumerate(NAMES):
        make_still(folder / "stills" / f"{name}.jpg", (240, 160), seed)
    return folder


def sheet(kit: Path, out: Path) -> tuple[str, list[dict[str, str]]]:
    """The ZIP's captions.csv, as text and as rows."""
    result = build(kit, BuildOptions(format="zip", out=out))
    assert result.zip is not None
    with zipfile.ZipFile(result.zip) as archive:
        name = next(n for n in archive.namelist() if n.endswith("/captions.csv"))
        text = archive.read(name).decode("utf-8-sig")
    return text, list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture
def zipped_sheet(tmp_path: Path) -> tuple[Path, str, list[dict[str, str]]]:
    text, rows = sheet(make_kit(tmp_path / "film", STILLS), tmp_path / "out")
    path = tmp_path / "captions.csv"
    path.write_text(text, encoding="utf-8")
    return path, text, rows


def test_the_zips_sheet_gives_a_fresh_kit_the_same_captions(
    zipped_sheet: tuple[Path, str, list[dict[str, str]]], tmp_path: Path
) -> None:
    path, text, rows = zipped_sheet
    assert rows[0]["print file"] == "the-last-lock_still-01_print.jpg"
    fresh = make_kit(tmp_path / "fresh", FRESH)
    result = import_captions(path, fresh)
    assert result.changed == [f"stills/{name}.jpg" for name in NAMES]  # four: its rights
    again, _ = sheet(fresh, tmp_path / "out-fresh")
    assert again == text
    kit, _ = load_kit(fresh)
    two, five, six = kit.stills[1], kit.stills[4], kit.stills[5]
    assert two.description == "at the lock gates at dawn"
    assert five.description == "in the keeper's cottage"
    assert [(p.name, p.character, p.role) for p in six.people] == [
        ("Maren Oduya", None, None),
        ("Hester Vale", None, "director"),
    ]


def test_the_sheet_imported_into_its_own_kit_changes_nothing(
    zipped_sheet: tuple[Path, str, list[dict[str, str]]], tmp_path: Path
) -> None:
    path, _, _ = zipped_sheet
    before = (tmp_path / "film" / "kit.yaml").read_bytes()
    assert import_captions(path, tmp_path / "film").changed == []
    assert (tmp_path / "film" / "kit.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("row", "error"),
    [
        (
            "the-last-lock_still-01_print.jpg,,,L to R: Maren Oduya as Nora in THE LAST LOCK.,"
            ",,Maren Oduya",
            "captions.csv:2: caption: 'L to R: Maren Oduya as Nora in THE LAST LOCK.' is not how "
            "kitpress captions Maren Oduya in THE LAST LOCK; check the names against the kit's "
            "cast and crew",
        ),
        (
            "the-last-lock_still-01_print.jpg,,,,Photo: someone,,",
            "captions.csv:2: credits: cannot read 'Photo: someone' as '© holder, photo by "
            "photographer. Courtesy of supplier.'",
        ),
        (
            "the-last-lock_still-01_print.jpg,,,,"
            '"© Lockside Pictures, photo by Ruth Amsel.",Lior Dan,',
            "captions.csv:2: photographer: 'Lior Dan' but the credits says 'Ruth Amsel'",
        ),
        (
            "the-last-lock_still-09_print.jpg,,,,,,",
            "captions.csv:2: file: 'the-last-lock_still-09_print.jpg' is not a still in kit.yaml",
        ),
    ],
)
def test_a_sheet_that_does_not_read_back_is_a_located_error(
    row: str, error: str, zipped_sheet: tuple[Path, str, list[dict[str, str]]], tmp_path: Path
) -> None:
    path, text, _ = zipped_sheet
    header = text.splitlines()[0]
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    fresh = make_kit(tmp_path / "fresh", FRESH)
    before = (fresh / "kit.yaml").read_bytes()
    with pytest.raises(ImportProblem) as caught:
        import_captions(path, fresh)
    assert caught.value.lines() == [error]
    assert (fresh / "kit.yaml").read_bytes() == before
