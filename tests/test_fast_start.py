"""`kitpress --version` and `--help` start at once: the CLI loads no image, PDF or pipeline
code until a command runs that needs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kitpress.outputs import registry
from kitpress.outputs.names import BUILTIN

SRC = Path(__file__).resolve().parents[1] / "src"
HEAVY = (
    *("PIL", "pyvips", "reportlab", "pypdf", "pypdfium2", "yaml"),
    *("kitpress.pipeline", "kitpress.stills.renditions", "kitpress.outputs.pdf"),
)
LOADED = """
import runpy, sys
sys.argv = ["kitpress", *sys.argv[1:]]
try:
    runpy.run_module("kitpress", run_name="__main__")
except SystemExit as exit:
    assert not exit.code, exit.code
heavy = {heavy!r}
print(sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy)))
"""


def _loaded_after(*args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    run = subprocess.run(
        [sys.executable, "-c", LOADED.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return run.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("build", "--help")])
def test_the_command_line_alone_loads_no_heavy_module(args: tuple[str, ...]) -> None:
    assert _loaded_after(*args) == "[]"


def test_the_format_names_known_up_front_are_the_registry_s() -> None:
    assert tuple(registry.outputs())[: len(BUILTIN)] == BUILTIN
