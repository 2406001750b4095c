"""Resolve a path written in kit.yaml to a regular file inside the kit folder, or say why not."""

from __future__ import annotations

import stat
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath


def resolve_in_kit(root: Path, written: str) -> tuple[Path | None, str | None]:
    """Return (path, None) for a usable file, or (None, reason) for one that is not."""
    if not written.strip():
        return None, "empty file name"
    if PurePosixPath(written).is_absolute() or PureWindowsPath(written).is_absolute():
        return None, f"'{written}' is an absolute path; give it relative to kit.yaml"
    if ".." in PurePosixPath(written.replace("\\", "/")).parts:
        return None, f"'{written}' leads outside the kit folder ('..' is not allowed)"
    root = root.resolve()
    try:
        real = _existing(root, written).resolve(strict=True)
    except FileNotFoundError:
        return None, f"file not found: '{written}'"
    except (OSError, RuntimeError) as exc:
        return None, f"cannot read '{written}': {getattr(exc, 'strerror', None) or exc}"
    if not real.is_relative_to(root):
        return None, f"'{written}' leads outside the kit folder (through a link)"
    try:
        mode = real.stat().st_mode
    except OSError as exc:
        return None, f"cannot read '{written}': {exc.strerror}"
    if stat.S_ISDIR(mode):
        return None, f"'{written}' is a folder, not a file"
    if not stat.S_ISREG(mode):
        return None, f"'{written}' is not a regular file"
    return real, None


def _existing(root: Path, written: str) -> Path:
    """The path as written, or as the same name in the other Unicode normal form.

    macOS writes 'é' in file names as 'e' + a combining accent (NFD) while editors type it as
    one character (NFC); both spellings name the same still.
    """
    candidate = root / written
    if candidate.exists() or candidate.is_symlink():
        return candidate
    for form in ("NFC", "NFD"):
        other = root / unicodedata.normalize(form, written)
        if other.exists() or other.is_symlink():
            return other
    return candidate
