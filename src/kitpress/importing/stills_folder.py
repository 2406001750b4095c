"""The user's folder of stills: which files are stills, in which order, and copying them.

Extensions are matched case-insensitively (`.JPG` is a still). Files are taken in natural
file-name order (`still-2` before `still-10`) and copied, never moved: the user's files are
never modified.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ..errors import ImportProblem, Issue
from ..kit.files import IMAGE_SUFFIXES
from ..naming import printable


def list_stills(folder: Path) -> list[Path]:
    if not folder.is_dir():
        reason = "is not a folder" if folder.exists() else "no such folder"
        raise ImportProblem([Issue(str(folder), None, "--stills", reason)])
    found = [
        path
        for path in folder.iterdir()
        if path.suffix.lower() in IMAGE_SUFFIXES
        and not path.name.startswith(".")
        and path.is_file()
    ]
    unnamed = [path for path in found if not is_utf8(path.name)]
    if unnamed:
        raise ImportProblem(
            [Issue(printable(path), None, "--stills", NOT_UTF8) for path in unnamed]
        )
    return sorted(found, key=lambda path: (natural_key(path.name), path.name))


NOT_UTF8 = (
    "the file name is not UTF-8 text, so kit.yaml cannot name it: rename the file "
    "(convmv -f latin1 -t utf8 renames a folder of them)"
)


def is_utf8(name: str) -> bool:
    """False for a name holding bytes that are not UTF-8 (Python keeps them as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def natural_key(name: str) -> tuple[tuple[int, str], ...]:
    """'still-2.jpg' sorts before 'still-10.jpg'; case does not matter."""
    parts = re.split(r"(\d+)", name)
    return tuple((int(part), "") if i % 2 else (0, part.casefold()) for i, part in enumerate(parts))


def pairing_warning(
    label: str, folder: Path, caption_lines: list[int], stills: list[Path]
) -> Issue | None:
    """A count mismatch, listing what is left unpaired."""
    captions, count = len(caption_lines), len(stills)
    if captions == count:
        return None
    head = f"{captions} captions but {count} stills in {folder.name}/: "
    if captions > count:
        lines = ", ".join(str(n) for n in caption_lines[count:])
        message = f"no still for the captions on lines {lines} (kept as comments in kit.yaml)"
    else:
        names = ", ".join(path.name for path in stills[captions:])
        message = f"no caption for {names} (added to the kit without people)"
    return Issue(label, None, "stills", head + message, "warning")


def copy_into(stills: list[Path], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for source in stills:
        shutil.copy2(source, folder / source.name)
