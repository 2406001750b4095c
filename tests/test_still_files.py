"""Still files as people name them: a path that is not found says which file was probably
meant (letter case, .jpeg for .jpg, a typo, a backslash), and photos dropped into the stills
folder but never listed in kit.yaml are named in one note, by check and by build."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from kitpress.cli import main
from kitpress.errors import KitError
from kitpress.pipeline import BuildOptions, build

from .conftest import check_errors

RIGHTS = "rights: {copyright: El Deseo, photographer: Iglesias Más}\n"
ON_DISK = ("stills/still-01.jpeg", "stills/Still-02.JPG", "stills/still-03.jpg", "Photos/a.jpg")


def _kit(tmp_path: Path, written: list[str], on_disk: tuple[str, ...] = ON_DISK) -> Path:
    kit = tmp_path / "kit"
    for name in on_disk:
        (kit / name).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (60, 40), (90, 60, 30)).save(kit / name, "JPEG")
    entries = "".join(f"  - file: '{name}'\n" for name in written)
    (kit / "kit.yaml").write_text(f"title: Files\n{RIGHTS}stills:\n{entries}", encoding="utf-8")
    return kit


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        pytest.param("stills/still-01.jpg", " (did you mean 'stills/still-01.jpeg'?)", id="jpeg"),
        pytest.param("stills/still-02.jpg", " (did you mean 'stills/Still-02.JPG'?)", id="case"),
        pytest.param("stills/stil-03.jpg", " (did you mean 'stills/still-03.jpg'?)", id="typo"),
        pytest.param("photos/a.jpg", " (did you mean 'Photos/a.jpg'?)", id="folder-case"),
        pytest.param(
            "stills\\still-03.jpg",
            " (folders are separated by /, not \\: did you mean 'stills/still-03.jpg'?)",
            id="backslash",
        ),
        pytest.param("stills/zebra.jpg", "", id="nothing-near"),
        pytest.param("stills/still-04.jpg", "", id="another-number-is-not-offered-twice"),
    ],
)
def test_a_still_not_found_names_the_file_probably_meant(
    tmp_path: Path, written: str, hint: str
) -> None:
    kit = _kit(tmp_path, [written])
    assert check_errors(kit, KitError) == [
        f"kit.yaml:4: stills[0].file: file not found: '{written}'{hint}"
    ]


def test_key_art_not_found_names_the_file_probably_meant(tmp_path: Path) -> None:
    kit = _kit(tmp_path, [], on_disk=("Poster.JPG",))
    (kit / "kit.yaml").write_text("title: Files\nkey_art: poster.jpg\n", encoding="utf-8")
    assert check_errors(kit, KitError) == [
        "kit.yaml:2: key_art: file not found: 'poster.jpg' (did you mean 'Poster.JPG'?)"
    ]


UNLISTED = (
    "kit.yaml: stills: note: 2 images are in the kit's folders but not listed under stills, "
    "so left out: stills/Still-02.JPG, stills/still-03.jpg"
)


def test_photos_dropped_in_the_stills_folder_are_named_by_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _kit(tmp_path, ["stills/still-01.jpeg"])
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "kit"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "kit.yaml: OK (1 still)\n"
    assert [line for line in result.stderr.splitlines() if "note:" in line] == [UNLISTED]


def test_photos_in_an_unlisted_kit_are_named_by_build(tmp_path: Path) -> None:
    kit = _kit(tmp_path, ["stills/still-01.jpeg"])
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert [str(w) for w in result.warnings if w.severity == "note"] == [UNLISTED]


def test_a_new_kit_with_photos_but_no_stills_listed_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init", "film"]).exit_code == 0
    for number in range(1, 8):
        Image.new("RGB", (60, 40)).save(tmp_path / "film" / "stills" / f"IMG_{number}.jpg")
    (tmp_path / "film" / "stills" / "notes.txt").write_text("not a photo", encoding="utf-8")
    result = runner.invoke(main, ["check", "film"])
    assert result.exit_code == 0
    assert result.stdout == "kit.yaml: OK (0 stills)\n"
    assert result.stderr == (
        "kit.yaml: stills: note: 7 images are in the kit's folders but not listed under stills, "
        "so left out: stills/IMG_1.jpg, stills/IMG_2.jpg, stills/IMG_3.jpg, stills/IMG_4.jpg, "
        "stills/IMG_5.jpg and 2 more\n"
    )


def test_a_kit_listing_every_photo_has_no_note(tmp_path: Path) -> None:
    kit = _kit(tmp_path, ["stills/still-01.jpeg"], on_disk=("stills/still-01.jpeg",))
    (kit / "poster.jpg").write_bytes((kit / "stills" / "still-01.jpeg").read_bytes())
    text = (kit / "kit.yaml").read_text(encoding="utf-8") + "key_art: poster.jpg\n"
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert [w for w in result.warnings if w.severity == "note"] == []
