"""Find a kit, read its kit.yaml, and return the validated `Kit` with its warnings."""

from __future__ import annotations

from pathlib import Path

from ..errors import Issue, KitError
from ..reading.checker import Checker
from ..reading.marked_yaml import load as load_yaml
from .model import Kit
from .validate import build_kit

KIT_FILE = "kit.yaml"


def find_kit_file(target: Path) -> Path:
    """``target`` is a kit folder or a kit.yaml; return the kit file or fail clearly."""
    if target.is_dir():
        target = target / KIT_FILE
    if not target.exists():
        message = "no kit here: no such file or folder (kitpress init makes a new kit)"
        raise KitError([Issue(str(target), None, "", message)])
    if not target.is_file():
        raise KitError([Issue(str(target), None, "", "not a file")])
    return target


def load_kit(target: Path, *, strict: bool = False) -> tuple[Kit, list[Issue]]:
    """The validated kit and its warnings; every error at once as a `KitError`.

    With ``strict`` the warnings are errors too.
    """
    kit_file = find_kit_file(target).absolute()
    label = kit_file.name
    data = load_yaml(kit_file, label, KitError)
    checker = Checker(label)
    kit = build_kit(data, kit_file, checker)
    problems = checker.errors + ([w.as_error() for w in checker.warnings] if strict else [])
    if problems or kit is None:
        raise KitError(problems)
    return kit, checker.warnings
