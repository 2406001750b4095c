"""A content-addressed cache of encoded renditions, so an unchanged still is never redone.

A rendition's key is a hash of everything its pixels depend on: the source file's content,
the background transparent pixels are flattened onto, the chain of sizes it was cut through
and its JPEG quality, plus the versions of kitpress and Pillow. Captions and credits are not
in the key: the cache holds pixels only, and metadata is embedded at every build.

Reading a still's content hash is memoised by its path, size, inode, modification time and
change time (a file rewritten in place with its old size and modification time put back
still has a new change time), so a warm build reads no image at all.

Every entry is stored with the SHA-256 of its bytes and checked on every read: a damaged,
truncated or unreadable entry is a miss, made again and rewritten. The cache never fails a
build: a folder kitpress cannot write to (a shared cache another user made, a full disk) is
used for reading only, and said once in a note. It never holds anything the user must keep:
delete it at will.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from pathlib import Path

import PIL
import platformdirs

from .. import __version__
from ..commit import atomic_write
from ..errors import Issue

FORMAT = 3  # bump when what a key describes changes (2: bicubic, 4:4:4; 3: ICC v2, CMYK)
MAX_BYTES = 2 * 1024**3  # pruned to this, oldest first, after each build
_CHECKSUM = hashlib.sha256().digest_size  # each entry: SHA-256 of the data, then the data
_DIGEST_CHARS = 64


def default_folder() -> Path:
    """`KITPRESS_CACHE_DIR`, else where this system keeps a user's caches: ~/Library/Caches
    on macOS, %LOCALAPPDATA%\\kitpress\\Cache on Windows, $XDG_CACHE_HOME or ~/.cache on Linux."""
    named = os.environ.get("KITPRESS_CACHE_DIR")
    if named:
        return Path(named)
    return platformdirs.PlatformDirs("kitpress", appauthor=False).user_cache_path


class StillCache:
    """Encoded renditions by key; ``StillCache(None)`` is a cache that never hits."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self.redone: set[Path] = set()  # the sources decoded again: a rendition missed
        self._unwritable: str | None = None  # why writing failed, once it has
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
        memo = self._entry("stat", _hash(os.fsencode(signature)))  # any bytes a name holds
        remembered = self._read(memo)
        if remembered is not None and _is_digest(remembered):
            return remembered.decode("ascii")
        with source.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        self._write(memo, digest.encode("ascii"))
        return digest

    def key(self, **parts: object) -> str:
        described = {"format": FORMAT, "kitpress": __version__, "pillow": PIL.__version__}
        described.update(parts)
        return _hash(json.dumps(described, sort_keys=True).encode())

    def get(self, key: str) -> bytes | None:
        entry = self._entry("jpeg", key)
        data = self._read(entry)
        if entry is None or data is None or not _is_jpeg(data):
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(entry)  # prune() drops the least recently used first
        return data

    def redo(self, source: Path) -> None:
        """Note that ``source`` is decoded and encoded again, its renditions not all found."""
        with self._lock:
            self.redone.add(source)

    def put(self, key: str, data: bytes) -> None:
        self._write(self._entry("jpeg", key), data)

    def notes(self) -> list[Issue]:
        """One note when the cache could not be written to (the build went on without it)."""
        if self._unwritable is None or self.folder is None:
            return []
        message = (
            f"the stills cache cannot be written to ({self._unwritable}); built without "
            "storing renditions in it (set KITPRESS_CACHE_DIR to a folder of your own, or "
            "pass --no-cache)"
        )
        return [Issue(str(self.folder), None, "", message, "note")]

    def prune(self, limit: int = MAX_BYTES) -> None:
        """Drop the least recently used entries until the cache is under ``limit`` bytes."""
        if self.folder is None:
            return
        try:
            entries = [(p.stat().st_mtime_ns, p.stat().st_size, p) for p in _files(self.folder)]
        except OSError:
            return  # an entry vanished or cannot be seen: prune at the next build
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= limit:
                break
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            total -= size

    def _entry(self, kind: str, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / kind / key[:2] / key

    def _read(self, entry: Path | None) -> bytes | None:
        """The entry's data when it is there, readable and whole; None otherwise."""
        if entry is None:
            return None
        try:
            stored = entry.read_bytes()
        except OSError:  # missing, or unreadable (another user's file in a shared cache)
            return None
        data = stored[_CHECKSUM:]
        if len(stored) < _CHECKSUM or hashlib.sha256(data).digest() != stored[:_CHECKSUM]:
            return None
        return data

    def _write(self, entry: Path | None, data: bytes) -> None:
        if entry is None or self._unwritable is not None:
            return
        try:
            with atomic_write(entry) as handle:
                handle.write(hashlib.sha256(data).digest() + data)
        except OSError as exc:  # a read-only, shared or full cache slows builds; never fails
            with self._lock:
                self._unwritable = self._unwritable or (exc.strerror or str(exc)).lower()


def _files(folder: Path) -> list[Path]:
    return [p for kind in ("stat", "jpeg") for p in (folder / kind).glob("*/*") if p.is_file()]


def _is_jpeg(data: bytes) -> bool:
    return data.startswith(b"\xff\xd8") and data.endswith(b"\xff\xd9")


def _is_digest(data: bytes) -> bool:
    return len(data) == _DIGEST_CHARS and all(c in b"0123456789abcdef" for c in data)


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
