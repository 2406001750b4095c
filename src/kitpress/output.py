"""Write outputs atomically: into a temporary file beside the target, then rename into place.

A build that is killed leaves the previous output intact and, at worst, a `.kitpress-*.tmp`
file that the next build of the same output removes.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".kitpress-"
TEMP_SUFFIX = ".tmp"


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
        temp.chmod(0o666 & ~_umask())
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path) -> None:
    """Remove temporaries left by a build that was killed."""
    if folder.is_dir():
        for stale in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            stale.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
