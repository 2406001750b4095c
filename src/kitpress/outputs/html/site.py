"""The files of a site, by their path in it: content-hashed names for what the page loads,
delivered names for what a visitor downloads, and the manifest of them all."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..base import Product

HASH_LENGTH = 10
FOLDER = "site"  # in the output folder


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class SiteFiles:
    work: Path  # the build's work folder: copies of built-on files go under it
    files: dict[str, bytes | Path] = field(default_factory=dict)
    folder: str = FOLDER  # where in the output folder: site/, or site/fr/ for a translation
    shared: bool = False  # its stills are another site's too: linked, never moved away

    def hashed(self, stem: str, suffix: str, data: bytes) -> str:
        """``data`` as assets/<stem>.<content hash><suffix>: a name that changes with the
        content, so a browser never keeps an old stylesheet or font."""
        name = f"assets/{stem}.{digest(data)[:HASH_LENGTH]}{suffix}"
        self.files[name] = data
        return name

    def moved(self, name: str, path: Path) -> str:
        """A file of the work folder, moved into the site when the build commits."""
        if self.shared:
            return self.linked(name, path)
        self.files[name] = path
        return name

    def linked(self, name: str, path: Path) -> str:
        """A file another output keeps too (the ZIP): a second name for it (a copy where the
        file system has no hard links)."""
        copy = self.work / "site-copies" / self.folder / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, copy)
        except OSError:
            shutil.copyfile(path, copy)
        self.files[name] = copy
        return name

    def size(self, name: str) -> int:
        item = self.files[name]
        return len(item) if isinstance(item, bytes) else item.stat().st_size

    def manifest(self) -> bytes:
        """Every other file of the site with its bytes and sha256, sorted by name."""
        listing = []
        for name in sorted(self.files):
            item = self.files[name]
            data = item if isinstance(item, bytes) else item.read_bytes()
            listing.append({"name": name, "bytes": len(data), "sha256": digest(data)})
        document = {"generator": "kitpress", "site": "index.html", "files": listing}
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    def products(self, page: bytes, label: str) -> tuple[Product, ...]:
        """The page first (what the CLI names), then every other file, then the manifest."""
        self.files["index.html"] = page
        out = [Product("site", f"{self.folder}/index.html", page, label=label)]
        for name in sorted(self.files):
            if name == "index.html":
                continue
            item = self.files[name]
            data, path = (item, None) if isinstance(item, bytes) else (None, item)
            out.append(Product("site-file", f"{self.folder}/{name}", data, path, listed=False))
        out.append(
            Product("site-manifest", f"{self.folder}/manifest.json", self.manifest(), listed=False)
        )
        return tuple(out)
