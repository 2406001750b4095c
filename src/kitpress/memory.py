"""Give memory back between the long stages of a build, so its peak is the largest stage's,
not their sum.

The PDF libraries leave reference cycles (a pypdf reader and its objects: a whole PDF or
two) that Python frees only at its next full collection; the image engine's threads leave
freed memory in the C allocator's per-thread arenas, which glibc returns to the system only
when asked (``malloc_trim``). Both are done here, between stages; elsewhere it is a no-op;
and the threads are kept to a few arenas (``limit_arenas``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from functools import cache
from typing import Any

M_ARENA_MAX = -8  # glibc's mallopt parameter: how many allocator arenas threads may share
ARENAS = 2  # the stills' worker threads, each with a decode, in no more than these


def limit_arenas() -> None:
    """Let threads share at most ``ARENAS`` of the C allocator's arenas. glibc gives each new
    thread an arena of its own (up to eight per core), and the image engine's threads fill
    each with pictures they free again: the freed memory stays with the arenas and the peak
    grows with the threads the build ran, not with the pictures held at once (a kit of 12
    stills: 325 MiB with an arena per thread, 223 MiB in two)."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_ARENA_MAX, ARENAS)


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
