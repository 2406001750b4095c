"""Nothing half-written, nothing lost, nothing different tomorrow.

- a build killed with SIGKILL while it writes leaves the previous PDF and ZIP byte-identical,
  and the next build leaves no stray `.kitpress-*` temporaries;
- outputs get ordinary permissions (0o666 less the umask), never a temporary's 0o600;
- the kit's own files are never modified;
- the same kit builds the same bytes twice, and on another day, in another time zone.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kitpress import commit
from kitpress.commit import atomic_write, committed_together, remove_stale_temporaries
from kitpress.errors import StillError
from kitpress.outputs.zip import bundle
from kitpress.outputs.zip.bundle import Entry, write_zip
from kitpress.pipeline import BuildOptions, build

from .conftest import make_still

KIT = """\
title: Atomic Blonde
synopsis: {file: synopsis.md}
rights: {copyright: Focus Features, photographer: Jonathan Prime}
stills:
"""
OUTPUTS = ("atomic-blonde_press-kit.pdf", "atomic-blonde_press-kit.zip")


def make_kit(folder: Path, count: int, size: tuple[int, int], seed: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    entries = "".join(f"  - file: stills/s{i}.jpg\n" for i in range(count))
    (folder / "kit.yaml").write_text(KIT + entries, encoding="utf-8")
    (folder / "synopsis.md").write_text("A spy in *Berlin*, 1989.\n", encoding="utf-8")
    for i in range(count):
        make_still(folder / "stills" / f"s{i}.jpg", size, seed + i)
    return folder


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def snapshot(out: Path) -> dict[str, str]:
    """Every finished output (PDF, print PDF, ZIP, manifest) by name, as a digest."""
    return {k: v for k, v in digests(out).items() if not _temporary(k)}


def _temporary(name: str) -> bool:  # a build's temporary, in the folder or in site/
    return any(part.startswith(".kitpress-") for part in name.split("/"))


def strays(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob(".kitpress-*"))


def start_build(kit: Path, out: Path) -> subprocess.Popen[bytes]:
    """``kitpress build`` as a real process, to be killed."""
    return subprocess.Popen(
        [sys.executable, "-m", "kitpress", "build", str(kit), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_when(process: subprocess.Popen[bytes], ready: Any, timeout: float = 60) -> int:
    """SIGKILL ``process`` once ``ready()`` is true; its exit status (0: it finished first)."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and not ready() and time.monotonic() < deadline:
        time.sleep(0.002)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    return process.wait(timeout=30)


# --- killed mid-write --------------------------------------------------------------------------


def test_killed_build_leaves_previous_outputs_and_no_strays(tmp_path: Path) -> None:
    kit, out = tmp_path / "kit", tmp_path / "out"
    make_kit(kit, 6, (240, 160))
    build(kit, BuildOptions(format="all", out=out))
    before = snapshot(out)
    assert set(OUTPUTS) <= set(before)
    make_kit(kit, 4, (1800, 1200), seed=3)  # heavier, different stills: a slower, new build
    killed: list[tuple[float, int, dict[str, str]]] = []
    for delay in (0.3, 0.9):
        started = time.monotonic()
        status = kill_when(
            start_build(kit, out), lambda d=delay, t=started: time.monotonic() - t > d
        )
        killed.append((delay, status, snapshot(out)))

    def writing() -> bool:  # a finished output waits as a temporary beside its target
        return any(p.suffix == ".tmp" for p in out.glob(".kitpress-*"))

    for attempt in range(3):  # on a busy machine the 30 ms window may be missed: retry
        make_kit(kit, 4, (1800, 1200), seed=10 * attempt + 20)  # outputs unlike those in out/
        previous = snapshot(out)
        status = kill_when(start_build(kit, out), writing)
        if status == -signal.SIGKILL:
            break
    assert status == -signal.SIGKILL  # killed while writing its outputs ...
    assert snapshot(out) == previous  # ... and every previous output is untouched
    final = build(kit, BuildOptions(format="all", out=out))
    assert final.pdf is not None and strays(out) == []
    for delay, status, state in killed:  # each output the old one or all the new ones
        assert state == before or (status == 0 and state != before), delay


def test_stale_temporaries_are_removed_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".kitpress-work-abc123" / "print").mkdir(parents=True)
    (out / ".kitpress-work-abc123" / "print" / "x.jpg").write_bytes(b"half")
    (out / ".kitpress-q1w2e3.tmp").write_bytes(b"half a zip")
    (out / ".kitpress-notes").write_text("mine", encoding="utf-8")
    (out / "notes.tmp").write_text("mine too", encoding="utf-8")
    remove_stale_temporaries(out)
    assert sorted(p.name for p in out.iterdir()) == [".kitpress-notes", "notes.tmp"]
    remove_stale_temporaries(tmp_path / "missing")  # a folder not made yet is fine


def test_stale_temporaries_inside_the_web_pages_folders_are_removed_too(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "site" / "assets").mkdir(parents=True)
    (out / "site" / "assets" / ".kitpress-a1b2c3.tmp").write_bytes(b"half a font")
    (out / "site" / ".kitpress-d4e5f6.tmp").write_bytes(b"half a page")
    (out / "site" / "index.html").write_text("kept", encoding="utf-8")
    remove_stale_temporaries(out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "site",
        "site/assets",
        "site/index.html",
    ]


def test_outputs_written_together_or_not_at_all(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "a.zip"
    first.write_bytes(b"old pdf")
    second.write_bytes(b"old zip")
    with pytest.raises(RuntimeError), committed_together():
        with atomic_write(first) as handle:
            handle.write(b"new pdf")
        assert first.read_bytes() == b"old pdf"  # finished, but waiting for the rest
        raise RuntimeError("killed while writing the zip")
    assert (first.read_bytes(), second.read_bytes()) == (b"old pdf", b"old zip")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "a.zip"]
    with committed_together():
        for target in (first, second):
            with atomic_write(target) as handle:
                handle.write(b"new")
    assert (first.read_bytes(), second.read_bytes()) == (b"new", b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "a.zip"]


def test_failed_build_creates_no_output_folder(tmp_path: Path) -> None:
    kit = make_kit(tmp_path / "kit", 1, (1200, 800))
    whole = (kit / "stills" / "s0.jpg").read_bytes()
    (kit / "stills" / "s0.jpg").write_bytes(whole[:3000])  # header fine, pixels missing
    out = tmp_path / "deep" / "out"
    with pytest.raises(StillError):
        build(kit, BuildOptions(format="all", out=out))
    assert not (tmp_path / "deep").exists()


# --- permissions and the kit's own files -------------------------------------------------------


@pytest.fixture
def umask() -> Iterator[Any]:
    previous = os.umask(0o022)
    os.umask(previous)

    def set_to(mask: int) -> None:
        os.umask(mask)

    yield set_to
    os.umask(previous)


@pytest.mark.parametrize("mask", [0o022, 0o027])
def test_outputs_have_ordinary_permissions(tmp_path: Path, umask: Any, mask: int) -> None:
    umask(mask)
    kit = make_kit(tmp_path / "kit", 1, (300, 200))
    result = build(kit, BuildOptions(format="all", out=tmp_path / "out"))
    for made in (result.pdf, result.zip, result.manifest):
        assert made is not None
        assert made.stat().st_mode & 0o777 == 0o666 & ~mask, made.name
    assert commit.current_umask() == mask


def test_the_kit_is_never_modified(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = make_kit(tmp_path / "kit", 2, (400, 300))
    (kit / "stills" / "s1.jpg").chmod(0o444)
    before = digests(kit)
    times = {p: p.stat().st_mtime_ns for p in kit.rglob("*")}
    monkeypatch.chdir(kit)  # outputs land inside the kit folder, in output/
    build(kit, BuildOptions(format="all"))
    after = {k: v for k, v in digests(kit).items() if not k.startswith("output")}
    assert after == before
    assert {p: p.stat().st_mtime_ns for p in times} == times


# --- determinism ---------------------------------------------------------------------------

ANOTHER_DAY = """\
import time
_SHIFT = 400 * 86400 + 4321.5
_time, _time_ns = time.time, time.time_ns
_localtime, _gmtime, _strftime = time.localtime, time.gmtime, time.strftime
time.time = lambda: _time() + _SHIFT
time.time_ns = lambda: _time_ns() + int(_SHIFT * 1e9)
time.localtime = lambda t=None: _localtime(time.time() if t is None else t)
time.gmtime = lambda t=None: _gmtime(time.time() if t is None else t)
time.strftime = lambda f, t=None: _strftime(f, time.localtime() if t is None else t)
"""


def test_same_kit_same_bytes_twice_and_on_another_day(tmp_path: Path) -> None:
    kit = make_kit(tmp_path / "kit", 2, (500, 400))
    first = build(kit, BuildOptions(format="all", out=tmp_path / "one"))
    second = build(kit, BuildOptions(format="all", out=tmp_path / "two"))
    assert digests(tmp_path / "one") == digests(tmp_path / "two")
    assert first.pdf is not None and first.zip is not None
    fake = tmp_path / "fake-clock"
    fake.mkdir()
    (fake / "sitecustomize.py").write_text(ANOTHER_DAY, encoding="utf-8")
    env = dict(os.environ, TZ="Pacific/Kiritimati")
    env.pop("SOURCE_DATE_EPOCH", None)  # which would date the build (tests/test_dates.py)
    env["PYTHONPATH"] = os.pathsep.join([str(fake), env.get("PYTHONPATH", "")])
    later = tmp_path / "later"
    done = subprocess.run(
        [sys.executable, "-m", "kitpress", "build", str(kit), "--out", str(later)],
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert digests(later) == digests(tmp_path / "one")
    assert second.stills and len(second.stills) == 2


def test_zip_writer_is_sorted_timeless_and_zip64_ready(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[dict[str, object]] = []
    real = zipfile.ZipFile

    def spy(*args: Any, **kwargs: Any) -> zipfile.ZipFile:
        opened.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(bundle.zipfile, "ZipFile", spy)
    entries = [Entry("z.txt", b"last"), Entry("stills/a.jpg", b"\xff\xd8"), Entry("a.pdf", b"%")]
    target = tmp_path / "kit.zip"
    dated = datetime.datetime(2026, 9, 2, 12, 30, 5, tzinfo=datetime.UTC)
    write_zip(target, "film_press-kit", entries, dated)
    assert opened == [{"allowZip64": True}] or opened[0].get("allowZip64") is True
    with real(target) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == [
        "film_press-kit/a.pdf",
        "film_press-kit/stills/a.jpg",
        "film_press-kit/z.txt",
    ]
    assert {i.date_time for i in infos} == {(2026, 9, 2, 12, 30, 4)}  # ZIP times: 2 s steps
    assert [i.compress_type for i in infos] == [
        zipfile.ZIP_STORED,
        zipfile.ZIP_STORED,
        zipfile.ZIP_DEFLATED,
    ]
    assert {i.external_attr >> 16 for i in infos} == {0o644}


def test_screen_pdf_is_the_same_whatever_else_is_built(tmp_path: Path) -> None:
    """The PDF a publicist mails is the one in the ZIP is the one `--format pdf` makes."""
    kit = make_kit(tmp_path / "kit", 2, (3000, 2000))  # large enough to decode at reduced scale
    made = {}
    for fmt in ("pdf", "zip", "all", "pdf,zip"):
        result = build(kit, BuildOptions(format=fmt, out=tmp_path / fmt, use_cache=False))
        if result.zip is not None:
            with zipfile.ZipFile(result.zip) as archive:
                made[f"{fmt} (in the ZIP)"] = archive.read(f"atomic-blonde_press-kit/{OUTPUTS[0]}")
        if result.pdf is not None:
            made[fmt] = result.pdf.read_bytes()
    assert sorted(made) == [
        "all",
        "all (in the ZIP)",
        "pdf",
        "pdf,zip",
        "pdf,zip (in the ZIP)",
        "zip (in the ZIP)",
    ]
    assert {name: hashlib.sha256(pdf).hexdigest() for name, pdf in made.items()} == dict.fromkeys(
        made, hashlib.sha256(made["pdf"]).hexdigest()
    )
