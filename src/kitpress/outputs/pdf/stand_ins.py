"""Stand-ins for the stills' JPEGs while a PDF is made, and the real files spliced in as it
is written: ReportLab and the pypdf passes handle a few hundred bytes per picture, so the
memory a PDF takes does not grow with its stills.

A stand-in is a JPEG header alone: the real file's frame header (its size and colour
components, all ReportLab reads of a JPEG) and a comment naming the real file by the digest
of its content. When the finished PDF is written, each picture stream whose data is a
stand-in is written from its file instead, in chunks (``FileStream``). The stand-in's bytes
depend on the file's content alone, so the PDF's bytes do too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from pypdf import PdfWriter
from pypdf._utils import StreamType
from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject

MARK = b"kitpress stand-in sha256 "
_FRAMES = (0xC0, 0xC1, 0xC2)  # baseline, extended, progressive: what ReportLab embeds
_CHUNK = 1 << 20

Pictures = Mapping[bytes, Path]  # a stand-in's bytes -> the JPEG file it stands for


def stand_in_data(jpeg: Path) -> bytes:
    """The stand-in of the JPEG file ``jpeg``: start of image, its frame header, a comment
    with the digest of its content, end of image."""
    digest = hashlib.sha256()
    with jpeg.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    comment = MARK + digest.hexdigest().encode("ascii")
    return b"\xff\xd8" + _frame(jpeg) + _segment(0xFE, comment) + b"\xff\xd9"


def stand_ins(pictures: Mapping[str, Path], folder: Path) -> tuple[dict[str, Path], Pictures]:
    """A stand-in file in ``folder`` for each picture (by still id), and the pictures by
    their stand-ins' bytes, for :func:`splice`."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    spliced: dict[bytes, Path] = {}
    for key, jpeg in pictures.items():
        data = stand_in_data(jpeg)
        files[key] = folder / jpeg.name
        files[key].write_bytes(data)
        spliced[data] = jpeg
    return files, spliced


def pictures_of(files: Iterable[Path]) -> Pictures:
    """The pictures by their stand-ins' bytes, for JPEG files placed in a PDF earlier."""
    return {stand_in_data(jpeg): jpeg for jpeg in files}


def splice(writer: PdfWriter, pictures: Pictures) -> None:
    """Each picture stream of ``writer`` that is a stand-in, to be written from its file."""
    if not pictures:
        return
    for number, obj in enumerate(writer._objects):
        if isinstance(obj, StreamObject) and not isinstance(obj, FileStream):
            jpeg = pictures.get(obj._data) if obj._data.startswith(b"\xff\xd8") else None
            if jpeg is not None:
                writer._objects[number] = FileStream(obj, jpeg)


class FileStream(StreamObject):
    """A stream whose data is a file's, copied in chunks only as the PDF is written."""

    def __init__(self, source: StreamObject, path: Path) -> None:
        super().__init__()
        self.update(source)
        self.path = path
        self._data = source._data  # the stand-in: what identical-object checks compare

    def write_to_stream(self, stream: StreamType, encryption_key: object = None) -> None:
        self[NameObject("/Length")] = NumberObject(self.path.stat().st_size)
        DictionaryObject.write_to_stream(self, stream)
        del self["/Length"]
        stream.write(b"\nstream\n")
        with self.path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                stream.write(chunk)
        stream.write(b"\nendstream")


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + (len(payload) + 2).to_bytes(2, "big") + payload


def _frame(jpeg: Path) -> bytes:
    """The file's frame header segment (SOF0, 1 or 2), read from its marker segments."""
    with jpeg.open("rb") as handle:
        if handle.read(2) != b"\xff\xd8":
            raise ValueError(f"{jpeg.name} is not a JPEG file")
        while True:
            head = handle.read(4)
            if len(head) < 4 or head[0] != 0xFF:
                raise ValueError(f"{jpeg.name} has no frame header")
            length = int.from_bytes(head[2:], "big")
            body = handle.read(length - 2)
            if head[1] in _FRAMES:
                return head + body
