"""The `kitpress` command: exit codes, exact messages on stderr, and nothing written on failure."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from PIL import Image

from kitpress import __version__
from kitpress.cli import main

KITS = Path(__file__).resolve().parent / "data" / "kits"
THREE_PROBLEMS = "every-problem-at-once"
NO_RIGHTS = "warning: no photographer or copyright for {} (set rights: at kit level)"
USED_TWICE_WARNINGS = [
    "kit.yaml:5: stills[2].file: warning: the same file is already stills[0]",
    f"kit.yaml:3: stills[0]: {NO_RIGHTS.format('a.jpg')}",
    f"kit.yaml:4: stills[1]: {NO_RIGHTS.format('b.jpg')}",
    f"kit.yaml:5: stills[2]: {NO_RIGHTS.format('a.jpg')}",
    *(
        f"kit.yaml:{line}: stills[{line - 3}].file: warning: {message.format(name)}"
        for line, name in ((3, "a.jpg"), (4, "b.jpg"), (5, "a.jpg"))
        for message in (
            "{} is 8×6 px, smaller than the 3508 px print rendition; delivered at its own size "
            "(never upsampled), 1 ppi on a full A4 page",
            "{} prints at 1 ppi in the print PDF (300 wanted); a larger source would print sharper",
        )
    ),
]


def prepare(name: str, where: Path) -> Path:
    """Copy scenario ``name`` to ``where/name`` with two tiny generated stills."""
    kit = where / name
    shutil.copytree(KITS / name, kit, ignore=shutil.ignore_patterns("expected.txt"))
    (kit / "stills").mkdir(exist_ok=True)
    for still in ("a.jpg", "b.jpg"):
        Image.new("RGB", (8, 6), (40, 80, 120)).save(kit / "stills" / still, "JPEG")
    return kit


def expected_errors(name: str) -> list[str]:
    lines = (KITS / name / "expected.txt").read_text(encoding="utf-8").splitlines()
    return [f"error: {line}" for line in lines]


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder, so a stray ``output/`` would show."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_reports_three_problems_and_writes_nothing(in_tmp: Path) -> None:
    prepare(THREE_PROBLEMS, in_tmp)
    before = listing(in_tmp)
    result = run("check", THREE_PROBLEMS)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == expected_errors(THREE_PROBLEMS)
    assert len(result.stderr.splitlines()) == 3
    assert result.stdout == ""
    assert listing(in_tmp) == before
    assert not (in_tmp / "output").exists()


def test_check_as_a_real_process(in_tmp: Path) -> None:
    prepare(THREE_PROBLEMS, in_tmp)
    before = listing(in_tmp)
    done = subprocess.run(
        [sys.executable, "-m", "kitpress", "check", THREE_PROBLEMS],
        cwd=in_tmp,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == expected_errors(THREE_PROBLEMS)
    assert done.stdout == ""
    assert listing(in_tmp) == before


def test_build_with_bad_kit_writes_nothing(in_tmp: Path) -> None:
    prepare(THREE_PROBLEMS, in_tmp)
    before = listing(in_tmp)
    result = run("build", THREE_PROBLEMS)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == expected_errors(THREE_PROBLEMS)
    assert listing(in_tmp) == before


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"kitpress, version {__version__}\n"


COMMANDS = ["build", "check", "help", "import", "import-captions", "init", "layouts", "preview"]


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]])
def test_help_has_examples(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_every_command_is_covered_by_help_test() -> None:
    assert isinstance(main, click.Group)
    assert sorted(main.commands) == sorted(COMMANDS)


def test_init_then_check_accepts_the_skeleton(in_tmp: Path) -> None:
    result = run("init", "new-film")
    assert result.exit_code == 0
    assert (in_tmp / "new-film" / "kit.yaml").is_file()
    assert (in_tmp / "new-film" / "stills").is_dir()
    assert "kitpress check new-film" in result.stdout
    checked = run("check", "new-film")
    assert checked.exit_code == 0, checked.stderr
    assert checked.stdout == "kit.yaml: OK (0 stills)\n"
    assert checked.stderr == ""


def test_init_never_overwrites(in_tmp: Path) -> None:
    assert run("init", "new-film").exit_code == 0
    kit_file = in_tmp / "new-film" / "kit.yaml"
    kit_file.write_text("title: Mine, hand-edited\n", encoding="utf-8")
    again = run("init", "new-film")
    assert again.exit_code == 2
    assert again.stderr == (
        "error: new-film/kit.yaml: a kit.yaml is already there; kitpress never overwrites a kit\n"
    )
    assert kit_file.read_text(encoding="utf-8") == "title: Mine, hand-edited\n"


def test_init_refuses_a_file_in_the_way(in_tmp: Path) -> None:
    (in_tmp / "taken").write_text("not a folder", encoding="utf-8")
    result = run("init", "taken")
    assert result.exit_code == 2
    assert result.stderr == "error: taken: exists and is not a folder\n"


def test_init_where_no_folder_can_be_made_is_one_line(in_tmp: Path) -> None:
    (in_tmp / "notes.txt").write_text("a file", encoding="utf-8")
    result = run("init", "notes.txt/new-film")
    assert result.exit_code == 1
    assert result.stderr == "error: cannot make the kit notes.txt/new-film: not a directory\n"
    assert sorted(p.name for p in in_tmp.iterdir()) == ["notes.txt"]


def test_layouts_lists_default(in_tmp: Path) -> None:
    result = run("layouts")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert "default" in names


def test_build_missing_folder_is_one_line(in_tmp: Path) -> None:
    result = run("build", "no-such-kit")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no-such-kit: no kit here: no such file or folder (kitpress init makes a new kit)\n"
    )
    assert "Traceback" not in result.output
    assert not (in_tmp / "output").exists()


def test_build_missing_folder_as_a_real_process(in_tmp: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kitpress", "build", "no-such-kit"],
        cwd=in_tmp,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "error: no-such-kit: no kit here: no such file or folder (kitpress init makes a new kit)\n"
    )
    assert "Traceback" not in done.stdout + done.stderr
    assert listing(in_tmp) == []


def test_check_warns_but_passes(in_tmp: Path) -> None:
    prepare("still-used-twice", in_tmp)
    result = run("check", "still-used-twice")
    assert result.exit_code == 0
    assert result.stdout == "kit.yaml: OK (3 stills)\n"
    assert result.stderr.splitlines() == USED_TWICE_WARNINGS


def test_check_strict_turns_warnings_into_errors(in_tmp: Path) -> None:
    prepare("still-used-twice", in_tmp)
    result = run("check", "--strict", "still-used-twice")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert expected_errors("still-used-twice")[0] in result.stderr.splitlines()


def test_check_strict_reports_every_warning_at_once(in_tmp: Path) -> None:
    prepare("still-used-twice", in_tmp)
    result = run("check", "--strict", "still-used-twice")
    as_errors = sorted("error: " + w.replace(" warning: ", " ") for w in USED_TWICE_WARNINGS)
    assert sorted(result.stderr.splitlines()) == as_errors


def test_error_prefix_does_not_depend_on_the_folder_name(in_tmp: Path) -> None:
    result = run("check", "errors-kit")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: errors-kit: no kit here: no such file or folder (kitpress init makes a new kit)\n"
    )


def test_preview_writes_a_png_per_page_and_a_sheet(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "kit.yaml").write_text(
        "title: Preview Film\nsynopsis: A short one.\ncast:\n  - {id: a, actor: A, character: B}\n",
        encoding="utf-8",
    )
    result = run("preview", str(kit), "--out", str(tmp_path / "out"), "--dpi", "30")
    assert result.exit_code == 0, result.stderr
    assert listing(tmp_path / "out") == ["preview", *(f"preview/{p}" for p in PREVIEW_FILES)]
    shots = sorted((tmp_path / "out" / "preview").glob("*-page-*.png"))
    assert len(shots) == 2  # cover; synopsis and cast
    width, height = Image.open(shots[0]).size  # A4 at 30 dpi
    assert (width, height) == pytest.approx((595.28 * 30 / 72, 841.89 * 30 / 72), abs=1)
    assert Image.open(shots[1]).getpixel((5, 5)) == (255, 255, 255)  # a white body page
    sheet = Image.open(tmp_path / "out" / "preview" / "preview-film_press-kit-pages.png")
    assert sheet.width == 1600


PREVIEW_FILES = [
    "preview-film_press-kit-page-01.png",
    "preview-film_press-kit-page-02.png",
    "preview-film_press-kit-pages.png",
]


def test_preview_leaves_the_build_alone_and_clears_its_old_pages(tmp_path: Path) -> None:
    kit, out = tmp_path / "kit", tmp_path / "out"
    kit.mkdir()
    cast = "".join(f"  - {{id: a{i}, actor: Actor {i}, character: C {i}}}\n" for i in range(60))
    long_kit = f"title: Preview Film\nsynopsis: {'A long one. ' * 400}\ncast:\n{cast}"
    (kit / "kit.yaml").write_text(long_kit, encoding="utf-8")
    assert run("build", str(kit), "--out", str(out)).exit_code == 0
    built = {p: p.read_bytes() for p in out.iterdir() if p.is_file()}  # the site/ folder aside
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert run("preview", str(kit), "--out", str(out), "--dpi", "20").exit_code == 0
    many = sorted(p.name for p in (out / "preview").iterdir())
    assert len(many) > len(PREVIEW_FILES)
    (out / "preview" / "notes.txt").write_text("mine", encoding="utf-8")
    short_kit = (
        "title: Preview Film\nsynopsis: A short one.\ncast:\n  - {id: a, actor: A, character: B}\n"
    )
    (kit / "kit.yaml").write_text(short_kit, encoding="utf-8")
    result = run("preview", str(kit), "--out", str(out), "--dpi", "20")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (out / "preview").iterdir()) == ["notes.txt", *PREVIEW_FILES]
    assert {p: p.read_bytes() for p in out.iterdir() if p.is_file()} == built
    zipped = {f["name"]: f["sha256"] for f in manifest["files"]}
    pdf = hashlib.sha256((out / "preview-film_press-kit.pdf").read_bytes()).hexdigest()
    assert zipped["preview-film_press-kit.pdf"] == pdf  # the manifest still describes the PDF
