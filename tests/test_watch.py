"""`kitpress build --watch`: a real process rebuilds on an edit, keeps the last good PDF when an
edit breaks the kit, never rebuilds for its own writing, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import watchfiles
from click.testing import CliRunner
from pypdf import PdfReader

from kitpress.cli import main
from kitpress.layout.discover import find
from kitpress.layout.load import layout_folders
from kitpress.pipeline import BuildOptions, build
from kitpress.watch import Watched

from .conftest import SMALL_KIT, check_errors, make_still

WAIT = 60.0  # generous: the machine may be busy; nothing here times kitpress's speed
PDF = Path("output") / "dogtooth-friends" / "dogtooth-friends_press-kit.pdf"
CLOCK = r"\[\d\d:\d\d:\d\d\]"
BROKEN = SMALL_KIT.replace("runtime: 97", "runtime: 97 minutes")


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


class Watching:
    """``kitpress build --watch`` as a real process, its output read as it comes."""

    def __init__(self, kit: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kitpress", "build", "--watch", *args],
            cwd=kit,  # output/ is inside the kit folder: the watch must not see its own writes
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.out: list[str] = []
        self.err: list[str] = []
        for stream, lines in ((self.process.stdout, self.out), (self.process.stderr, self.err)):
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()

    @staticmethod
    def _read(stream: object, lines: list[str]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            lines.append(line.rstrip("\n"))

    def wait_for(self, ready: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT
        while not ready():
            assert self.process.poll() is None, f"exited before {what}: {self.out} {self.err}"
            assert time.monotonic() < deadline, f"no {what} in {WAIT} s: {self.out} {self.err}"
            time.sleep(0.05)

    def rebuilt(self) -> list[str]:
        return [line for line in self.out if " rebuilt " in line or "not rebuilt" in line]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=WAIT)
        finally:
            self.process.kill()


def test_watch_rebuilds_on_an_edit_and_keeps_the_last_good_pdf(small_kit: Path) -> None:
    pdf = small_kit / PDF
    watching = Watching(small_kit, "--format", "pdf")
    try:
        watching.wait_for(lambda: any(s.startswith("watching ") for s in watching.out), "start")
        assert watching.out == [
            f"PDF       {PDF.as_posix()}",
            "5 pages, 3 stills",  # with a back cover: the kit has a distributor and contacts
            "watching ./ and the layout default for changes; Ctrl-C stops",
        ]
        assert "A strange family" in pdf_text(pdf)
        time.sleep(3)  # the first build's own writing into output/ must not set off another
        assert watching.rebuilt() == []

        (small_kit / "synopsis.md").write_text("The garden walls come down.\n", encoding="utf-8")
        watching.wait_for(lambda: len(watching.rebuilt()) == 1, "rebuild after the synopsis")
        assert re.fullmatch(
            rf"{CLOCK} synopsis\.md changed: rebuilt {re.escape(PDF.as_posix())} in \d+\.\d s "
            r"\(3 stills, 0 redone\)",
            watching.rebuilt()[0],
        )
        text = pdf_text(pdf)
        assert "The garden walls come down." in text
        assert "A strange family" not in text

        make_still(small_kit / "stills" / "three.jpg", (1000, 700), 9)  # one still replaced
        watching.wait_for(lambda: len(watching.rebuilt()) == 2, "rebuild after the still")
        assert re.fullmatch(
            rf"{CLOCK} stills/three\.jpg changed: rebuilt {re.escape(PDF.as_posix())} "
            r"in \d+\.\d s \(3 stills, 1 redone\)",
            watching.rebuilt()[1],
        )

        good = pdf.read_bytes()
        (small_kit / "kit.yaml").write_text(BROKEN, encoding="utf-8")
        watching.wait_for(lambda: len(watching.rebuilt()) == 3, "the broken kit told")
        assert re.fullmatch(
            rf"{CLOCK} kit\.yaml changed: not rebuilt; the last good outputs are kept",
            watching.rebuilt()[2],
        )
        assert watching.err == [f"error: {line}" for line in check_errors(small_kit)]
        assert "runtime" in watching.err[0]
        assert pdf.read_bytes() == good
        assert sorted(p.name for p in pdf.parent.iterdir()) == [pdf.name]

        (small_kit / "kit.yaml").write_text(SMALL_KIT, encoding="utf-8")  # fixed again
        watching.wait_for(lambda: len(watching.rebuilt()) == 4, "rebuild after the fix")
        assert " kit.yaml changed: rebuilt " in watching.rebuilt()[3]
    finally:
        status = watching.stop()
    assert status == 0  # Ctrl-C is how a watch ends: no build was cut short
    assert watching.out[-1] == "stopped watching"
    assert not any("Traceback" in line for line in watching.err)


def test_changes_kitpress_makes_itself_are_no_changes(small_kit: Path) -> None:
    """An output folder that is the kit folder itself: the kit's files still count, the
    outputs and kitpress's temporaries do not."""
    options = BuildOptions(format="pdf", out=small_kit)
    watched = Watched([small_kit], options)
    result = build(small_kit, options)
    watched.built(result)
    assert result.pdf is not None
    added = watchfiles.Change.added

    def counts(path: Path) -> bool:
        return watched.counts(added, str(path.resolve()))

    assert counts(small_kit / "synopsis.md")
    assert counts(small_kit / "stills" / "new.jpg")
    assert not counts(result.pdf)
    assert not counts(small_kit / ".kitpress-x1y2.tmp")
    assert not counts(small_kit / ".kitpress-work-abc" / "one_print.jpg")
    assert not counts(small_kit / ".synopsis.md.swp")  # an editor's swap file

    in_kit = Watched([small_kit], BuildOptions(out=small_kit / "dist" / "x"))
    assert not in_kit.counts(added, str((small_kit / "dist" / "x" / "x.pdf").resolve()))
    assert not in_kit.counts(added, str((small_kit / "dist").resolve()))  # made on the way
    assert in_kit.counts(added, str((small_kit / "distribution.md").resolve()))


def test_watch_with_nothing_to_watch_is_one_line(tmp_path: Path, small_kit: Path) -> None:
    runner = CliRunner()
    nowhere = tmp_path / "nowhere"
    missing = runner.invoke(main, ["build", str(nowhere), "--watch"])
    assert (missing.exit_code, missing.stdout) == (2, "")
    assert missing.stderr == (
        f"error: {nowhere}: no kit here: no such file or folder (kitpress init makes a new kit)\n"
    )
    no_layout = runner.invoke(main, ["build", str(small_kit), "--watch", "--layout", "nope"])
    assert no_layout.exit_code == 2
    assert no_layout.stderr.startswith("error: --layout: no layout named 'nope' (available: ")
    assert not (small_kit / "output").exists()


def test_the_layout_watched_is_every_folder_it_extends(tmp_path: Path) -> None:
    mine = tmp_path / "layouts" / "mine"
    mine.mkdir(parents=True)
    (mine / "layout.yaml").write_text("extends: classic\n", encoding="utf-8")
    folders = layout_folders("mine", tmp_path)
    assert folders == [mine.resolve(), find("classic", tmp_path), find("default", tmp_path)]
    assert [f.name for f in folders] == ["mine", "classic", "default"]
    (mine / "layout.yaml").write_text("extends: [\n", encoding="utf-8")  # broken: its own folder
    assert layout_folders("mine", tmp_path) == [mine.resolve()]
