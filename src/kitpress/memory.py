"""Give memory back between the long stages of a build, so its peak is the largest stage's,
not their sum.

The PDF libraries leave reference cycles (a pypdf reader and its objects: a whole PDF or
two) that Python frees only at its next full collection; the image engine's threads leave
freed memory in the C allocator's per-thread arenas, which glibc returns to the system only
when asked (``malloc_trim``). Both are done here, between stages; elsewhere it is a no-op;
and large blocks are kept out of the arenas, which the threads share (``keep_heap_small``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from functools import cache
from typing import Any

M_ARENA_MAX = -8  # glibc's mallopt parameters: how many allocator arenas threads may share,
M_MMAP_THRESHOLD = -3  # and from what size a block is mapped on its own, returned when freed
ARENAS = 2  # the stills' worker threads, each with a decode, in no more than these
MAPPED_FROM = 4 << 20  # print- and web-size pictures (25, 8 MiB), not libvips' rows


def keep_heap_small() -> None:
    """Have the C allocator give a picture's memory back once it is freed. glibc gives each
    new thread an arena of its own (up to eight per core), and after the first large block
    is freed it raises its mapping threshold (up to 32 MiB), so that every later picture is
    carved from the arenas and what is freed stays there: peak memory grew with the stills
    made, not with the stills in flight (one worker: 81 MiB before the first still, 195 MiB
    after the fifth). A fixed threshold keeps every block of ``MAPPED_FROM`` or more mapped on
    its own, and all threads share ``ARENAS`` arenas. At 4 MiB the pictures are mapped and
    returned, and the smaller buffers libvips takes and frees for every few rows are reused
    from the arenas: with glibc's starting 128 KiB each was mapped afresh, its pages faulted
    in again (about a third more system time in the stills stage); a build of 12 or 48
    camera stills, `--format all`, peaks at 209 or 222 MiB (128 KiB: 186 or 217)."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_ARENA_MAX, ARENAS)
        libc.mallopt(M_MMAP_THRESHOLD, MAPPED_FROM)


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
