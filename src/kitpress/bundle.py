"""The distributable ZIP: the PDF, every still in print, web and thumbnail renditions, a
caption sheet (CSV and text) and a manifest.
Deterministic: sorted names, fixed timestamps, JPEGs stored."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from .output import atomic_write
from .stills.stage import StillOutput

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Entry:
    name: str
    data: bytes


def caption_sheet_csv(stills: list[StillOutput]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["print file", "web file", "thumbnail", "caption", "credits", "photographer", "people"]
    )
    for still in stills:
        caption, rights = still.slot.caption, still.slot.caption.effective_rights
        writer.writerow(
            [
                still.name("print"),
                still.name("web"),
                still.name("thumb"),
                caption.text,
                caption.rights,
                rights.photographer or "",
                "; ".join(caption.people),
            ]
        )
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
        record: dict[str, object] = {
            "name": entry.name,
            "bytes": len(entry.data),
            "sha256": hashlib.sha256(entry.data).hexdigest(),
        }
        if entry.name.lower().endswith(".jpg"):
            with Image.open(io.BytesIO(entry.data)) as image:
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
            archive.writestr(info, entry.data)
