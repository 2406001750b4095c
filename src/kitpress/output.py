"""Write outputs atomically: into a temporary file beside the target, then rename into place.

A build that is killed leaves the previous output intact and, at worst, a `.kitpress-*.tmp`
file or a `.kitpress-work-*` folder that the next build into the same folder removes.
Inside `committed_together()`, finished outputs wait as temporaries and are renamed into place
one after another at the end, so a build killed while writing its ZIP never leaves a new PDF
beside the old ZIP. Outputs get the permissions of any new file (0o666 less the umask), not
the 0o600 of a temporary.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".kitpress-"
TEMP_SUFFIX = ".tmp"
WORK_PREFIX = ".kitpress-work-"

_pending: ContextVar[list[tuple[Path, Path]] | None] = ContextVar("kitpress_pending", default=None)
_umask_lock = threading.Lock()


@contextlib.contextmanager
def atomic_write(target: Path) -> Iterator[BinaryIO]:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(0o666 & ~current_umask())
        pending = _pending.get()
        if pending is None:
            temp.replace(target)
        else:
            pending.append((temp, target))
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def committed_together() -> Iterator[None]:
    """Outputs written inside appear together when it ends, or not at all on an error."""
    pending: list[tuple[Path, Path]] = []
    token = _pending.set(pending)
    try:
        yield
    except BaseException:
        for temp, _ in pending:
            temp.unlink(missing_ok=True)
        raise
    finally:
        _pending.reset(token)
    for temp, target in pending:
        temp.replace(target)


@contextlib.contextmanager
def output_folder(folder: Path) -> Iterator[Path]:
    """Create ``folder`` (and its parents) for a build; if the build fails, remove again the
    folders it created while they are empty, so a failed build leaves nothing behind."""
    created = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    try:
        yield folder
    except BaseException:
        for made in created:  # deepest first
            with contextlib.suppress(OSError):
                made.rmdir()
        raise


def remove_stale_temporaries(folder: Path) -> None:
    """Remove temporaries and work folders left by a build that was killed."""
    if not folder.is_dir():
        return
    for stale in folder.glob(f"{TEMP_PREFIX}*"):
        if stale.name.startswith(WORK_PREFIX) and stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
        elif stale.name.endswith(TEMP_SUFFIX) and not stale.is_dir():
            stale.unlink(missing_ok=True)


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (threads write)."""
    with contextlib.suppress(OSError):
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
        found = re.search(r"^Umask:\s*([0-7]+)$", status, re.M)
        if found:
            return int(found.group(1), 8)
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask
