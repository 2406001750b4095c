"""Builds under faults: two at once into one folder, a commit that fails half-way, a full disk,
a folder that cannot be written. The previous outputs stay whole, nothing stray is left, and
the user reads one line saying what happened and where (exit 1), never 'failed unexpectedly'.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kitpress import commit
from kitpress.cli import main
from kitpress.errors import BuildError
from kitpress.outputs.zip import bundle
from kitpress.pipeline import BuildOptions, build

from .test_atomic_outputs import OUTPUTS, make_kit, snapshot, strays

PRINT_PDF = "atomic-blonde_press-kit_print.pdf"
ENOSPC = "no space left on device"


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", *args])
    return result.exit_code, result.stderr


def kitpress_build(kit: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kitpress", "build", str(kit), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A kit built once into out/ (the previous outputs), then changed: a rebuild differs."""
    kit, out = tmp_path / "kit", tmp_path / "out"
    make_kit(kit, 2, (600, 400))
    build(kit, BuildOptions(format="all", out=out))
    make_kit(kit, 2, (600, 400), seed=5)
    return kit, out, snapshot(out)


# --- two builds at once (item 15) ------------------------------------------------------------


def test_builds_at_once_into_one_folder_all_succeed_one_after_another(tmp_path: Path) -> None:
    kit = make_kit(tmp_path / "kit", 3, (900, 600))
    alone = tmp_path / "alone"
    build(kit, BuildOptions(format="all", out=alone))
    out = tmp_path / "out"
    for _ in range(2):
        builds = [kitpress_build(kit, out) for _ in range(3)]
        finished = [
            (b.wait(timeout=300), b.stderr.read().decode() if b.stderr else "") for b in builds
        ]
        assert [status for status, _ in finished] == [0, 0, 0], finished
        assert "unexpectedly" not in "".join(text for _, text in finished)
        assert snapshot(out) == snapshot(alone)
        assert strays(out) == []


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """out/ locked as a live build holds it (an flock on the folder, held by this process)."""
    out = tmp_path / "out"
    out.mkdir()
    handle = os.open(out, os.O_RDONLY)
    fcntl.flock(handle, fcntl.LOCK_EX)
    yield out
    os.close(handle)


def test_a_build_gives_up_after_its_wait_and_leaves_the_folder_alone(
    locked: Path, tmp_path: Path
) -> None:
    kit = make_kit(tmp_path / "kit", 1, (300, 200))
    work = locked / ".kitpress-work-live"  # the live build's work folder
    (work / "pdf-screen").mkdir(parents=True)
    told: list[str] = []
    started = time.monotonic()
    with pytest.raises(BuildError) as caught:
        build(kit, BuildOptions(format="all", out=locked, lock_wait=0.5, notice=told.append))
    assert 0.5 <= time.monotonic() - started < 5
    assert str(caught.value) == (
        f"another build is writing in {locked} (still busy after 0.5 s); "
        "build again when it has finished"
    )
    assert told == [f"waiting for another build writing in {locked} (up to 0.5 s)"]
    assert sorted(p.name for p in locked.iterdir()) == [".kitpress-work-live"]
    assert (work / "pdf-screen").is_dir()


def test_a_waiting_build_says_so_and_goes_on_when_the_folder_is_free(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path / "kit", 1, (300, 200))
    out = tmp_path / "out"
    out.mkdir()
    handle = os.open(out, os.O_RDONLY)
    fcntl.flock(handle, fcntl.LOCK_EX)
    waiting = kitpress_build(kit, out)
    time.sleep(3)
    assert waiting.poll() is None and not any(out.iterdir())  # it waits, writing nothing
    os.close(handle)
    assert waiting.wait(timeout=120) == 0
    assert waiting.stderr is not None
    message = f"waiting for another build writing in {out} (up to 120 s)"
    assert waiting.stderr.read().decode().splitlines()[0] == message
    assert set(OUTPUTS) <= set(snapshot(out))


# --- a commit that fails half-way (item 16) -----------------------------------------------------


def test_a_folder_in_the_way_of_an_output_changes_nothing(
    built: tuple[Path, Path, dict[str, str]],
) -> None:
    kit, out, before = built
    (out / PRINT_PDF).unlink()
    (out / PRINT_PDF).mkdir()
    previous = snapshot(out)
    status, stderr = cli(str(kit), "--out", str(out))
    assert status == 1
    assert (
        stderr == f"error: cannot replace {out / PRINT_PDF}: a folder has its name; move it away\n"
    )
    assert snapshot(out) == previous
    assert {k: v for k, v in before.items() if k != PRINT_PDF} == previous
    assert strays(out) == [] and (out / PRINT_PDF).is_dir()


def test_a_rename_that_fails_puts_the_renamed_outputs_back(
    built: tuple[Path, Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    kit, out, before = built
    renames: list[str] = []
    real_replace = Path.replace

    def replace(self: Path, target: str | os.PathLike[str]) -> Path:
        written = self.name.startswith(".kitpress-")  # a product written from bytes
        made = self.parent.name.startswith(".kitpress-")  # one made in the work folder
        if (written or made) and Path(target).parent == out:
            renames.append(Path(target).name)
            if len(renames) == 3:  # the PDFs are in place, the ZIP is not
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(BuildError) as caught:
        build(kit, BuildOptions(format="all", out=out))
    assert str(caught.value) == f"{ENOSPC} while writing {out / renames[2]}"
    assert len(renames) >= 3 and snapshot(out) == before
    assert strays(out) == []


def test_a_full_disk_while_writing_the_zip_changes_nothing(
    built: tuple[Path, Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    kit, out, before = built

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(bundle.shutil, "copyfileobj", full)
    status, stderr = cli(str(kit), "--out", str(out))
    assert (status, stderr) == (1, f"error: {ENOSPC} while writing {out / OUTPUTS[1]}\n")
    assert snapshot(out) == before
    assert strays(out) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, small file system (tmpfs); skipped where mounting is not permitted."""
    mount = shutil.which("mount")
    disk = tmp_path / "disk"
    disk.mkdir()
    if mount is None:
        pytest.skip("no mount command")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here ({done.stderr.decode().strip()})")
    yield disk
    gc.collect()  # a failed build's open files go with its traceback
    subprocess.run(["umount", str(disk)], check=True)


def fill(disk: Path, leave: int) -> None:
    """Leave ``leave`` bytes free on ``disk``."""
    (disk / "filler").unlink(missing_ok=True)
    free = shutil.disk_usage(disk).free
    with (disk / "filler").open("wb") as handle:
        handle.truncate(0)
        handle.write(b"\0" * max(0, free - leave))


def test_a_rebuild_on_a_really_full_disk_keeps_the_previous_outputs(
    small_disk: Path, tmp_path: Path
) -> None:
    kit, out = tmp_path / "kit", small_disk / "out"
    make_kit(kit, 2, (900, 600))
    build(kit, BuildOptions(format="all", out=out))
    before = snapshot(out)
    size = sum(p.stat().st_size for p in out.iterdir())
    make_kit(kit, 2, (900, 600), seed=7)
    for share in (0.05, 0.3, 0.6, 0.9):  # never room for all the new outputs beside the old
        fill(small_disk, round(size * share))
        status, stderr = cli(str(kit), "--out", str(out), "--no-cache")
        assert status == 1, share
        assert stderr.startswith(f"error: {ENOSPC} while writing "), stderr
        assert snapshot(out) == before, share
        assert strays(out) == [], share


# --- the operating system's refusals, in one line (item 17) ------------------------------------


def test_out_below_a_file_is_one_line(tmp_path: Path) -> None:
    kit = make_kit(tmp_path / "kit", 1, (300, 200))
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    status, stderr = cli(str(kit), "--out", str(tmp_path / "notes.txt" / "kit"))
    assert status == 1
    folder = tmp_path / "notes.txt" / "kit"
    assert stderr == (
        f"error: cannot make the output folder {folder}: {tmp_path / 'notes.txt'} is a file, "
        "not a folder\n"
    )


def test_a_read_only_output_folder_is_one_line(small_disk: Path, tmp_path: Path) -> None:
    kit = make_kit(tmp_path / "kit", 1, (300, 200))
    out = small_disk / "out"
    out.mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        status, stderr = cli(str(kit), "--out", str(out))
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert (status, stderr) == (1, f"error: read-only file system while writing in {out}\n")
    assert list(out.iterdir()) == []


def test_a_forbidden_output_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = make_kit(tmp_path / "kit", 1, (300, 200))
    out = tmp_path / "out"

    def forbidden(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(out))

    monkeypatch.setattr(commit.tempfile, "mkdtemp", forbidden)  # root may write anywhere
    status, stderr = cli(str(kit), "--out", str(out))
    assert (status, stderr) == (1, f"error: permission denied while writing {out}\n")
    assert not out.exists()


def test_a_full_disk_names_the_output_folder_not_a_file_in_the_work_folder(
    tmp_path: Path,
) -> None:
    # a real full disk stopped a build while it wrote a cover picture in the work folder,
    # and said '… while writing out/.kitpress-work-tq0o3vun/cover-screen/x_cover.jpg'
    out = tmp_path / "out"
    inside = out / f"{commit.WORK_PREFIX}tq0o3vun" / "cover-screen" / "x_cover.jpg"
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(inside))
    assert commit.describe(full, out) == f"{ENOSPC} while writing in {out}"
    product = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(out / "x.zip"))
    assert commit.describe(product, out) == f"{ENOSPC} while writing {out / 'x.zip'}"
