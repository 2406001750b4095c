"""The distributable ZIP: the PDF, every still in print, web and thumbnail renditions, a
caption sheet (CSV and text) and a manifest.
Deterministic: sorted names, fixed timestamps, JPEGs stored."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from kitpress.commit import atomic_write
from kitpress.csv_cells import neutralised
from kitpress.stills.stage import StillOutput

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
CHUNK = 1024 * 1024
ZIP64_FROM = 2**31 - 1  # bytes: larger entries need ZIP64 sizes from the start


@dataclass(frozen=True)
class Entry:
    """A file of the ZIP: small ones as bytes, stills from their file, read a chunk at a
    time, so building the ZIP holds no more than one chunk of any still in memory."""

    name: str
    data: bytes = b""
    path: Path | None = None

    def open(self) -> BinaryIO:
        return self.path.open("rb") if self.path is not None else io.BytesIO(self.data)

    @property
    def size(self) -> int:
        return self.path.stat().st_size if self.path is not None else len(self.data)


def caption_sheet_csv(stills: list[StillOutput]) -> bytes:
    """File names, caption and credits per still; no cell a spreadsheet would run."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["print file", "web file", "thumbnail", "caption", "credits", "photographer", "people"]
    )
    for still in stills:
        caption, rights = still.slot.caption, still.slot.caption.effective_rights
        row = [
            still.name("print"),
            still.name("web"),
            still.name("thumb"),
            caption.text,
            caption.rights,
            rights.photographer or "",
            "; ".join(caption.people),
        ]
        writer.writerow([neutralised(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes spreadsheet apps read UTF-8


def caption_sheet_text(title: str, stills: list[StillOutput]) -> bytes:
    lines = [f"{title} — captions", ""]
    for still in stills:
        lines += [
            still.name("print"),
            f"    {still.slot.caption.text}",
            f"    {still.slot.caption.rights}",
            "",
        ]
    return "\n".join(lines).encode("utf-8")


def manifest(entries: list[Entry]) -> dict[str, object]:
    files = []
    for entry in sorted(entries, key=lambda e: e.name):
        digest = hashlib.sha256()
        with entry.open() as source:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                digest.update(chunk)
        record: dict[str, object] = {
            "name": entry.name,
            "bytes": entry.size,
            "sha256": digest.hexdigest(),
        }
        if entry.name.lower().endswith(".jpg"):
            with entry.open() as source, Image.open(source) as image:
                record["pixels"] = list(image.size)
        files.append(record)
    return {"generator": "kitpress", "files": files}


def manifest_bytes(data: dict[str, object]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def write_zip(target: Path, folder: str, entries: list[Entry]) -> None:
    with atomic_write(target) as handle, zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
        for entry in sorted(entries, key=lambda e: e.name):
            info = zipfile.ZipInfo(f"{folder}/{entry.name}", date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            stored = entry.name.lower().endswith((".jpg", ".pdf"))
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.file_size = entry.size
            large = entry.size > ZIP64_FROM
            with entry.open() as source, archive.open(info, "w", force_zip64=large) as out:
                shutil.copyfileobj(source, out, CHUNK)
