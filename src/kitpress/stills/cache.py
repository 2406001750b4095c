"""A content-addressed cache of encoded renditions, so an unchanged still is never redone.

A rendition's key is a hash of everything its pixels depend on: the source file's content,
the background transparent pixels are flattened onto, the chain of sizes it was cut through
and its JPEG quality, plus the versions of kitpress and Pillow. Captions and credits are not
in the key: the cache holds pixels only, and metadata is embedded at every build.

Reading a still's content hash is memoised by its size, modification time and inode, so a
warm build reads no image at all. Entries are written atomically; a damaged or missing entry
is simply a miss. The cache never holds anything the user must keep: delete it at will.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

import PIL

from .. import __version__
from ..output import atomic_write

FORMAT = 2  # bump when what a key describes changes (2: bicubic first step, 4:4:4)
MAX_BYTES = 2 * 1024**3  # pruned to this, oldest first, after each build


def default_folder() -> Path:
    """`KITPRESS_CACHE_DIR`, else the user's cache folder (XDG), else ~/.cache/kitpress."""
    named = os.environ.get("KITPRESS_CACHE_DIR")
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kitpress"


class StillCache:
    """Encoded renditions by key; ``StillCache(None)`` is a cache that never hits."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def source_digest(self, source: Path) -> str:
        """SHA-256 of the file's content, read only when its size or time has changed."""
        stat = source.stat()
        signature = f"{source.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}"
        memo = self._entry("stat", _hash(os.fsencode(signature)))  # any bytes a name holds
        if memo is not None and memo.is_file():
            text = memo.read_text(encoding="ascii").strip()
            if len(text) == 64:
                return text
        with source.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        if memo is not None:
            self._write(memo, digest.encode("ascii"))
        return digest

    def key(self, **parts: object) -> str:
        described = {"format": FORMAT, "kitpress": __version__, "pillow": PIL.__version__}
        described.update(parts)
        return _hash(json.dumps(described, sort_keys=True).encode())

    def get(self, key: str) -> bytes | None:
        entry = self._entry("jpeg", key)
        try:
            data = entry.read_bytes() if entry is not None else b""
        except OSError:
            data = b""
        if entry is None or not data.startswith(b"\xff\xd8") or not data.endswith(b"\xff\xd9"):
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(entry)  # prune() drops the least recently used first
        return data

    def put(self, key: str, data: bytes) -> None:
        entry = self._entry("jpeg", key)
        if entry is not None:
            self._write(entry, data)

    def prune(self, limit: int = MAX_BYTES) -> None:
        """Drop the least recently used entries until the cache is under ``limit`` bytes."""
        if self.folder is None or not self.folder.is_dir():
            return
        entries = [(p.stat().st_mtime_ns, p.stat().st_size, p) for p in _files(self.folder)]
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= limit:
                break
            path.unlink(missing_ok=True)
            total -= size

    def _entry(self, kind: str, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / kind / key[:2] / key

    def _write(self, entry: Path, data: bytes) -> None:
        try:
            with atomic_write(entry) as handle:
                handle.write(data)
        except OSError:
            pass  # a read-only or full cache folder slows builds down; it never fails them


def _files(folder: Path) -> list[Path]:
    return [p for kind in ("stat", "jpeg") for p in (folder / kind).glob("*/*") if p.is_file()]


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
