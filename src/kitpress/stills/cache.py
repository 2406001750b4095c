"""A content-addressed cache of encoded renditions, so an unchanged still is never redone.

A rendition's key is a hash of everything its pixels depend on: the source file's content,
the background transparent pixels are flattened onto, the chain of sizes it was cut through
and its JPEG quality, plus the versions of kitpress and Pillow. Captions and credits are not
in the key: the cache holds pixels only, and metadata is embedded at every build.

Reading a still's content hash is memoised by its path, size, inode, modification time and
change time (a file rewritten in place with its old size and modification time put back
still has a new change time), so a warm build reads no image at all.

Entries live in the shared, checked cache folder (`cache_store.py`): a damaged, truncated
or unreadable entry is a miss, made again and rewritten; a folder kitpress cannot write to
is used for reading only. Delete it at will.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

import PIL

from .. import __version__
from ..cache_store import MAX_BYTES, CacheStore, default_folder
from ..errors import Issue

__all__ = ["MAX_BYTES", "StillCache", "default_folder"]

FORMAT = 4  # bump when what a key describes changes (3: ICC v2, CMYK; 4: the engine)
_DIGEST_CHARS = 64


class StillCache:
    """Encoded renditions by key; ``StillCache(None)`` is a cache that never hits."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.store = CacheStore(folder)  # shared with the outputs' cache of the same build
        self.hits = 0
        self.misses = 0
        self.redone: set[Path] = set()  # the sources decoded again: a rendition missed
        self._lock = threading.Lock()

    def source_digest(self, source: Path) -> str:
        """SHA-256 of the file's content, read only when its size or times have changed."""
        stat = source.stat()
        signature = "\0".join(
            str(part)
            for part in (
                source.resolve(),
                stat.st_size,
                stat.st_ino,
                stat.st_mtime_ns,
                stat.st_ctime_ns,
            )
        )
        memo = _hash(os.fsencode(signature))  # any bytes a name holds
        remembered = self.store.read("stat", memo)
        if remembered is not None and _is_digest(remembered):
            return remembered.decode("ascii")
        with source.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        self.store.write("stat", memo, digest.encode("ascii"))
        return digest

    def key(self, **parts: object) -> str:
        described = {"format": FORMAT, "kitpress": __version__, "pillow": PIL.__version__}
        described.update(parts)
        return _hash(json.dumps(described, sort_keys=True).encode())

    def get(self, key: str) -> bytes | None:
        data = self.store.read("jpeg", key)
        with self._lock:
            if data is None or not _is_jpeg(data):
                self.misses += 1
                return None
            self.hits += 1
        return data

    def redo(self, source: Path) -> None:
        """Note that ``source`` is decoded and encoded again, its renditions not all found."""
        with self._lock:
            self.redone.add(source)

    def put(self, key: str, data: bytes) -> None:
        self.store.write("jpeg", key, data)

    def notes(self) -> list[Issue]:
        """One note when the cache could not be written to (the build went on without it)."""
        return self.store.notes()

    def prune(self, limit: int = MAX_BYTES) -> None:
        """Drop the least recently used entries until the cache is under ``limit`` bytes."""
        self.store.prune(limit)


def _is_jpeg(data: bytes) -> bool:
    return data.startswith(b"\xff\xd8") and data.endswith(b"\xff\xd9")


def _is_digest(data: bytes) -> bool:
    return len(data) == _DIGEST_CHARS and all(c in b"0123456789abcdef" for c in data)


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
