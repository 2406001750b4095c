"""Paths in kit.yaml that lead where a kit must not read (links out of the kit, devices, named
pipes, folders) and names that must simply work (spaces, accents in either Unicode form).

Links, pipes and stills are made in ``tmp_path``; nothing binary is committed.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from kitpress.errors import KitError
from kitpress.kit.load import load_kit
from kitpress.pipeline import BuildOptions, build

from .conftest import make_still
from .test_hostile_input import RIGHTS, write

STILL_AT = "title: Paths\n{rights}stills:\n  - file: {file}\n"


def still_error(tmp_path: Path, file: str, prepare: Callable[[Path], object]) -> list[str]:
    kit = write(tmp_path / "kit", STILL_AT.format(rights=RIGHTS, file=file))
    (kit / "stills").mkdir()
    prepare(kit)
    with pytest.raises(KitError) as exc:
        load_kit(kit)
    return exc.value.lines()


def test_symlink_to_a_file_outside_the_kit(tmp_path: Path) -> None:
    outside = make_still(tmp_path / "secret.jpg", (50, 40))
    lines = still_error(
        tmp_path, "stills/link.jpg", lambda kit: (kit / "stills/link.jpg").symlink_to(outside)
    )
    assert lines == [
        "kit.yaml:4: stills[0].file: 'stills/link.jpg' leads outside the kit folder "
        "(through a link)"
    ]


def test_symlinked_folder_outside_the_kit(tmp_path: Path) -> None:
    make_still(tmp_path / "elsewhere" / "a.jpg", (50, 40))
    lines = still_error(
        tmp_path, "shared/a.jpg", lambda kit: (kit / "shared").symlink_to(tmp_path / "elsewhere")
    )
    assert lines == [
        "kit.yaml:4: stills[0].file: 'shared/a.jpg' leads outside the kit folder (through a link)"
    ]


def test_symlink_to_a_device(tmp_path: Path) -> None:
    lines = still_error(
        tmp_path, "stills/zero.jpg", lambda kit: (kit / "stills/zero.jpg").symlink_to("/dev/zero")
    )
    assert lines == [
        "kit.yaml:4: stills[0].file: 'stills/zero.jpg' leads outside the kit folder "
        "(through a link)"
    ]


def test_named_pipe_is_never_opened(tmp_path: Path) -> None:
    lines = still_error(tmp_path, "stills/pipe.jpg", lambda kit: os.mkfifo(kit / "stills/pipe.jpg"))
    assert lines == ["kit.yaml:4: stills[0].file: 'stills/pipe.jpg' is not a regular file"]


def test_named_pipe_as_prose_and_key_art(tmp_path: Path) -> None:
    kit = write(tmp_path / "kit", "title: Pipes\nsynopsis: {file: s.md}\nkey_art: poster.jpg\n")
    os.mkfifo(kit / "s.md")
    os.mkfifo(kit / "poster.jpg")
    with pytest.raises(KitError) as exc:
        load_kit(kit)
    assert exc.value.lines() == [
        "kit.yaml:2: synopsis.file: 's.md' is not a regular file",
        "kit.yaml:3: key_art: 'poster.jpg' is not a regular file",
    ]


def test_folder_where_a_file_is_expected(tmp_path: Path) -> None:
    lines = still_error(tmp_path, "stills", lambda kit: None)
    assert lines == ["kit.yaml:4: stills[0].file: 'stills' is a folder, not a file"]


def test_symlink_inside_the_kit_is_followed(tmp_path: Path) -> None:
    kit = write(tmp_path / "kit", STILL_AT.format(rights=RIGHTS, file="stills/link.jpg"))
    make_still(kit / "stills" / "real.jpg", (60, 40))
    (kit / "stills" / "link.jpg").symlink_to("real.jpg")
    loaded, _ = load_kit(kit)
    assert loaded.stills[0].file == (kit / "stills" / "real.jpg").resolve()


@pytest.mark.parametrize(
    ("on_disk", "written"),
    [
        pytest.param("Penélope Cruz – día 1.jpg", "Penélope Cruz – día 1.jpg", id="same-form"),
        pytest.param(
            unicodedata.normalize("NFD", "Penélope día.jpg"),
            unicodedata.normalize("NFC", "Penélope día.jpg"),
            id="file-from-macos-nfd",
        ),
        pytest.param(
            unicodedata.normalize("NFC", "Penélope día.jpg"),
            unicodedata.normalize("NFD", "Penélope día.jpg"),
            id="kit-typed-nfd",
        ),
    ],
)
def test_names_with_spaces_and_accents_work(tmp_path: Path, on_disk: str, written: str) -> None:
    kit = write(tmp_path / "kit", STILL_AT.format(rights=RIGHTS, file=f'"stills/{written}"'))
    make_still(kit / "stills" / on_disk, (300, 200))
    result = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert len(result.stills) == 1
    assert result.zip is not None and result.zip.parent == tmp_path / "out"
