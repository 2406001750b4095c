"""The cache folder every kitpress cache keeps its entries in, checked on every read.

Entries are files under ``FOLDER/KIND/xx/KEY``. Small ones (``read``/``write``) are stored
with the SHA-256 of their bytes in front; large ones (``put_file``/``copy_out``) are stored
by their content's SHA-256, streamed in and out, and checked against it while they are
copied out: nothing large is ever held in memory. A damaged, truncated or unreadable entry
is a miss. The cache never fails a build: a folder kitpress cannot write to (a shared cache
another user made, a full disk) is used for reading only, and said once in a note. It never
holds anything the user must keep: delete it at will.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import platformdirs

from .commit import atomic_write
from .errors import Issue

MAX_BYTES = 2 * 1024**3  # pruned to this, oldest first, after each build
_CHECKSUM = hashlib.sha256().digest_size  # a small entry: SHA-256 of the data, then the data
_CHUNK = 1024 * 1024


def default_folder() -> Path:
    """`KITPRESS_CACHE_DIR`, else where this system keeps a user's caches: ~/Library/Caches
    on macOS, %LOCALAPPDATA%\\kitpress\\Cache on Windows, $XDG_CACHE_HOME or ~/.cache on Linux."""
    named = os.environ.get("KITPRESS_CACHE_DIR")
    if named:
        return Path(named)
    return platformdirs.PlatformDirs("kitpress", appauthor=False).user_cache_path


def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest_file(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class CacheStore:
    """Checked entries in ``folder``; ``CacheStore(None)`` stores nothing and finds nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._unwritable: str | None = None  # why writing failed, once it has
        self._lock = threading.Lock()

    def entry(self, kind: str, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / kind / key[:2] / key

    def read(self, kind: str, key: str) -> bytes | None:
        """The entry's data when it is there, readable and whole; None otherwise."""
        entry = self.entry(kind, key)
        if entry is None:
            return None
        try:
            stored = entry.read_bytes()
        except OSError:  # missing, or unreadable (another user's file in a shared cache)
            return None
        data = stored[_CHECKSUM:]
        if len(stored) < _CHECKSUM or hashlib.sha256(data).digest() != stored[:_CHECKSUM]:
            return None
        touch(entry)
        return data

    def write(self, kind: str, key: str, data: bytes) -> None:
        self._store(kind, key, lambda out: out.write(hashlib.sha256(data).digest() + data))

    def put_file(self, kind: str, source: Path) -> str:
        """``source`` stored by its content, streamed; its SHA-256 (what ``copy_out`` takes)."""
        digest = digest_file(source)
        entry = self.entry(kind, digest)
        if entry is not None and entry.is_file() and entry.stat().st_size == source.stat().st_size:
            touch(entry)
            return digest

        def copy(out: BinaryIO) -> None:
            with source.open("rb") as handle:
                shutil.copyfileobj(handle, out, _CHUNK)

        self._store(kind, digest, copy)
        return digest

    def has(self, kind: str, digest: str) -> bool:
        """Whether an entry stored by content is there (``copy_out`` still checks it)."""
        entry = self.entry(kind, digest)
        return entry is not None and entry.is_file()

    def put_bytes(self, kind: str, data: bytes) -> str:
        """``data`` stored by its content; its SHA-256 (what ``copy_out`` takes)."""
        digest = digest_bytes(data)
        entry = self.entry(kind, digest)
        if entry is not None and entry.is_file() and entry.stat().st_size == len(data):
            touch(entry)
        else:
            self._store(kind, digest, lambda out: out.write(data))
        return digest

    def copy_out(self, kind: str, digest: str, target: Path) -> bool:
        """The entry stored as ``digest`` copied to ``target``, checked as it streams; False
        (and no ``target``) when it is missing or not what it should be."""
        entry = self.entry(kind, digest)
        if entry is None:
            return False
        check = hashlib.sha256()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with entry.open("rb") as handle, target.open("wb") as out:
                while chunk := handle.read(_CHUNK):
                    check.update(chunk)
                    out.write(chunk)
        except OSError:
            target.unlink(missing_ok=True)
            return False
        if check.hexdigest() != digest:
            target.unlink(missing_ok=True)
            return False
        touch(entry)
        return True

    def notes(self) -> list[Issue]:
        """One note when the cache could not be written to (the build went on without it)."""
        if self._unwritable is None or self.folder is None:
            return []
        message = (
            f"the kitpress cache cannot be written to ({self._unwritable}); built without "
            "storing renditions or outputs in it (set KITPRESS_CACHE_DIR to a folder of your "
            "own, or pass --no-cache)"
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

    def _store(self, kind: str, key: str, fill: Callable[[BinaryIO], object]) -> None:
        entry = self.entry(kind, key)
        if entry is None or self._unwritable is not None:
            return
        try:
            with atomic_write(entry, durable=False) as handle:  # checked: torn is a miss
                fill(handle)
        except OSError as exc:  # a read-only, shared or full cache slows builds; never fails
            with self._lock:
                self._unwritable = self._unwritable or (exc.strerror or str(exc)).lower()


def touch(entry: Path) -> None:
    """Mark ``entry`` used: prune() drops the least recently used first."""
    with contextlib.suppress(OSError):
        os.utime(entry)


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.glob("*/*/*") if p.is_file()]
