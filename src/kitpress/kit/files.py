"""Resolve a path written in kit.yaml to a regular file inside the kit folder, or say why not
(with the nearest file that does exist), and find the images a kit's folders hold unlisted."""

from __future__ import annotations

import difflib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..errors import Issue
from .model import Kit

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic", ".heif")
MAX_LOOKED_AT = 2000  # files compared for a did-you-mean: a kit folder, not a whole disk
SHOWN = 5  # unlisted images named in the note; the rest are counted
_SAME_KIND = {".jpeg": ".jpg", ".tiff": ".tif"}


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
        return None, f"file not found: '{written}'{_hint(root, written)}"
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


def _hint(root: Path, written: str) -> str:
    """' (did you mean …?)' naming the kit's file nearest to ``written``, or ''."""
    posix = written.replace("\\", "/")
    nearest = nearest_file(root, posix)
    if "\\" in written:
        shown = nearest or posix
        return f" (folders are separated by /, not \\: did you mean '{shown}'?)"
    return f" (did you mean '{nearest}'?)" if nearest else ""


def nearest_file(root: Path, written: str) -> str | None:
    """The file in the kit, as a path relative to it, that ``written`` most likely means: the
    same name in other letter case or with .jpeg for .jpg, or a near spelling."""
    candidates = _kit_files(root)
    wanted = _comparable(written)
    same = [c for c in candidates if _comparable(c) == wanted]
    if same:
        return same[0]
    folder, name = PurePosixPath(wanted).parent, PurePosixPath(wanted).name
    in_folder = [c for c in candidates if _in(c, folder)]
    if in_folder:  # a misspelt name in the right folder: compare names only
        names = {PurePosixPath(_comparable(c)).name: c for c in in_folder}
        beside = {key: c for key, c in names.items() if not _numbered_apart(key, name)}
        close = difflib.get_close_matches(name, list(beside), n=1, cutoff=0.75)
        return beside[close[0]] if close else None
    anywhere = {_comparable(c): c for c in candidates}  # a misspelt folder
    close = difflib.get_close_matches(wanted, list(anywhere), n=1, cutoff=0.8)
    return anywhere[close[0]] if close else None


def _numbered_apart(one: str, other: str) -> bool:
    """'still-03' and 'still-04' are two photos of a series, not a typo of one another."""
    return one != other and re.sub(r"\d+", "#", one) == re.sub(r"\d+", "#", other)


def _in(candidate: str, folder: PurePosixPath) -> bool:
    return PurePosixPath(_comparable(candidate)).parent == folder


def _comparable(path: str) -> str:
    """``path`` as compared: one Unicode form, any letter case, .jpeg as .jpg."""
    plain = PurePosixPath(unicodedata.normalize("NFC", path).casefold())
    if not plain.suffix:
        return plain.as_posix()
    return plain.with_suffix(_SAME_KIND.get(plain.suffix, plain.suffix)).as_posix()


def _kit_files(root: Path) -> list[str]:
    """Files under ``root`` (relative, with /), hidden ones and the output folder left out."""
    found: list[str] = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d != "output")
        base = Path(folder).relative_to(root)
        found += [(base / name).as_posix() for name in sorted(files) if not name.startswith(".")]
        if len(found) >= MAX_LOOKED_AT:
            break
    return found[:MAX_LOOKED_AT]


def unlisted_images(root: Path, listed: Iterable[Path], folders: Iterable[Path]) -> list[Path]:
    """Images in ``folders`` (each inside ``root``) that the kit does not name, by name."""
    named = {path.resolve() for path in listed}
    found: set[Path] = set()
    for folder in {f.resolve() for f in folders}:
        if not folder.is_relative_to(root.resolve()) or not folder.is_dir():
            continue
        for path in folder.iterdir():
            if (
                path.suffix.lower() in IMAGE_SUFFIXES
                and not path.name.startswith(".")
                and path.is_file()
                and path.resolve() not in named
            ):
                found.add(path)
    return sorted(found, key=lambda p: (p.parent.as_posix(), p.name.casefold(), p.name))


def unlisted_note(kit: Kit) -> Issue | None:
    """One note naming the images in the kit's stills folders that kit.yaml does not list:
    photos dropped into stills/ are otherwise silently left out of the press kit."""
    named = [still.file for still in kit.stills] + ([kit.key_art] if kit.key_art else [])
    named += [portrait.file for portrait in kit.portraits]  # a portrait is no left-out still
    folders = [kit.root / "stills", *(still.file.parent for still in kit.stills)]
    found = unlisted_images(kit.root, named, folders)
    if not found:
        return None
    root = kit.root.resolve()
    names = [p.resolve().relative_to(root).as_posix() for p in found]
    shown = ", ".join(names[:SHOWN]) + (
        f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    )
    count = "1 image is" if len(names) == 1 else f"{len(names)} images are"
    message = f"{count} in the kit's folders but not listed under stills, so left out: {shown}"
    return Issue(kit.source.name, None, "stills", message, "note")
