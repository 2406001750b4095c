"""`kitpress init`: a new kit folder with a commented kit.yaml a person can fill in."""

from __future__ import annotations

from pathlib import Path

from .commit import atomic_write, reason
from .errors import BuildError, Issue, KitError

SKELETON = Path(__file__).resolve().parent / "skeleton" / "kit.yaml"


def write_skeleton(folder: Path) -> Path:
    target = folder / "kit.yaml"
    if target.exists():
        message = "a kit.yaml is already there; kitpress never overwrites a kit"
        raise KitError([Issue(str(target), None, "", message)])
    if folder.exists() and not folder.is_dir():
        raise KitError([Issue(str(folder), None, "", "exists and is not a folder")])
    try:
        (folder / "stills").mkdir(parents=True, exist_ok=True)
        with atomic_write(target) as handle:
            handle.write(SKELETON.read_bytes())
    except OSError as exc:  # a folder that cannot be made or written: say where, in one line
        if exc.errno is None:
            raise
        raise BuildError(f"cannot make the kit {folder}: {reason(exc)}") from None
    return target
