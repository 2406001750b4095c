"""Give memory back between the long stages of a build, so its peak is the largest stage's,
not their sum.

The PDF libraries leave reference cycles (a pypdf reader and its objects: a whole PDF or
two) that Python frees only at its next full collection; the image engine's threads leave
freed memory in the C allocator's per-thread arenas, which glibc returns to the system only
when asked (``malloc_trim``). Both are done here, between stages; elsewhere it is a no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from functools import cache
from typing import Any


def give_back() -> None:
    gc.collect()
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


@cache
def _glibc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None  # not musl
    except OSError:
        return None
