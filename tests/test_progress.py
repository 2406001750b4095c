"""Progress on a terminal: a bar for the stills, then each output as it is made; nothing
when stderr is no terminal, with -q or with --json."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kitpress import report
from kitpress.cli import main

SRC = Path(__file__).resolve().parents[1] / "src"


def _build(kit: Path, tmp_path: Path, *flags: str) -> str:
    args = [*flags[:1], "build", str(kit), "--out", str(tmp_path / "out"), *flags[1:]]
    run = CliRunner().invoke(main, [a for a in args if a])
    assert run.exit_code == 0, run.output
    return run.stderr


def test_each_long_stage_has_its_bar_on_a_terminal(
    small_kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "stderr_is_terminal", lambda: True)
    stderr = _build(small_kit, tmp_path, "", "--format", "all")
    drawn = [line.split("\r")[-1] for line in stderr.split("\n") if "\r" in line]
    finished = [line.split("[")[0].strip() for line in drawn]
    assert finished == ["stills", "PDF", "ZIP", "print PDF", "web page"]
    assert drawn[0].startswith(f"stills     [{'#' * 30}] 3/3  ")
    assert "\rstills     [" + "-" * 30 + "]" not in stderr  # the first still is done first
    assert f"\rprint PDF  [{'-' * 30}] 0/1" in stderr  # shown while it is being made
    assert drawn[-2].startswith(f"print PDF  [{'#' * 30}] 1/1  ")


@pytest.mark.parametrize("flags", [("-q",), ("", "--json")])
def test_no_bar_with_q_or_json(
    small_kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: tuple[str, ...]
) -> None:
    monkeypatch.setattr(report, "stderr_is_terminal", lambda: True)
    stderr = _build(small_kit, tmp_path, *flags, "--format", "pdf")
    assert "\r" not in stderr
    assert "[" not in stderr


def test_no_bar_when_stderr_is_no_terminal(small_kit: Path, tmp_path: Path) -> None:
    assert "\r" not in _build(small_kit, tmp_path, "", "--format", "pdf")


def test_a_real_terminal_gets_the_bars(small_kit: Path, tmp_path: Path) -> None:
    """Through a pseudo-terminal: what a publicist's terminal shows."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "kitpress", "build", str(small_kit), "--format", "pdf"]
    command += ["--out", str(tmp_path / "out")]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, env=env) as run:
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            shown += chunk
    os.close(leader)
    assert run.returncode == 0
    text = shown.decode()
    assert f"\rstills     [{'#' * 30}] 3/3" in text
    assert f"\rPDF        [{'#' * 30}] 1/1" in text
