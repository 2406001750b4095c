"""The distributable ZIP: the PDF, every still in print, web and thumbnail renditions, a
caption sheet (CSV and text) and a manifest.
Deterministic: sorted names, every entry dated with the document's date, JPEGs stored."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from kitpress.commit import raise_naming
from kitpress.csv_cells import neutralised
from kitpress.document.labels import Labels
from kitpress.document.model import StillEntry
from kitpress.kit.model import Embargo
from kitpress.stills.renditions import Rendition

EARLIEST = (1980, 1, 1, 0, 0, 0)  # a ZIP entry's date cannot say any earlier time
LATEST = (2107, 12, 31, 23, 59, 58)  # nor any later one
ZipTime = tuple[int, int, int, int, int, int]
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


@dataclass(frozen=True)
class Delivered:
    """A still as the ZIP delivers it: its document entry and its rendition files by kind."""

    entry: StillEntry
    files: dict[str, Rendition]

    def name(self, kind: str) -> str:
        return self.files[kind].path.name


def caption_sheet_csv(stills: list[Delivered], labels: Labels) -> bytes:
    """File names, caption and credits per still; no cell a spreadsheet would run."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(labels.caption_sheet_columns)
    for still in stills:
        caption = still.entry.caption
        row = [
            still.name("print"),
            still.name("web"),
            still.name("thumb"),
            caption.text,
            caption.rights,
            caption.effective_rights.photographer or "",
            "; ".join(caption.people),
        ]
        writer.writerow([neutralised(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes spreadsheet apps read UTF-8


def caption_sheet_text(
    title: str, stills: list[Delivered], labels: Labels, embargo: str | None = None
) -> bytes:
    """The captions as text; the embargo, when the kit has one, under the heading: a photo
    desk reads it before it files a picture."""
    lines = [labels.captions_heading.format(title=title), ""]
    if embargo:
        lines += [embargo, ""]
    for still in stills:
        caption = still.entry.caption
        lines += [still.name("print"), f"    {caption.text}", f"    {caption.rights}", ""]
    return "\n".join(lines).encode("utf-8")


def manifest(entries: list[Entry], embargo: Embargo | None = None) -> dict[str, object]:
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
    listing: dict[str, object] = {"generator": "kitpress", "files": files}
    if embargo is not None:  # for a newsroom's system: the moment, and the line as written
        listing["embargo"] = {"until": embargo.until.isoformat(), "text": embargo.text}
    return listing


def manifest_bytes(data: dict[str, object]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def zip_time(when: datetime.datetime) -> ZipTime:
    """``when`` as a ZIP entry's date and time (UTC, the same wherever it is unpacked), held
    within the years a ZIP can say."""
    utc = when.astimezone(datetime.UTC)
    stamp: ZipTime = (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)
    return min(max(stamp, EARLIEST), LATEST)


def write_zip(target: Path, folder: str, entries: list[Entry], dated: datetime.datetime) -> None:
    """The ZIP at ``target`` (in the build's work folder: the commit puts it in place), every
    entry dated ``dated``."""
    try:
        _write_zip(target, folder, entries, zip_time(dated))
    except OSError as exc:  # a full disk while copying a still in has no file name of its own
        raise_naming(exc, target)


def _write_zip(target: Path, folder: str, entries: list[Entry], stamp: ZipTime) -> None:
    with target.open("wb") as handle, zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
        for entry in sorted(entries, key=lambda e: e.name):
            info = zipfile.ZipInfo(f"{folder}/{entry.name}", date_time=stamp)
            info.external_attr = 0o644 << 16
            stored = entry.name.lower().endswith((".jpg", ".pdf"))
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.file_size = entry.size
            large = entry.size > ZIP64_FROM
            with entry.open() as source, archive.open(info, "w", force_zip64=large) as out:
                shutil.copyfileobj(source, out, CHUNK)
