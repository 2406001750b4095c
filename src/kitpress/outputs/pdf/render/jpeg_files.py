"""A still's JPEG placed in the PDF from its file, never decoded.

ReportLab names every picture drawn from an ``ImageReader`` by a digest of its decoded
pixels, and keeps those pixels until the document is saved: a print PDF of 48 stills held
every one of them. A JPEG is embedded as it is (DCTDecode) anyway, so the pixels were never
needed: here the name comes from a digest of the file's bytes, and the bytes are read only
when ReportLab embeds them.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfutils import readJPEGInfo
from reportlab.platypus import Image


class JpegFile(ImageReader):  # type: ignore[misc]  # ReportLab has no type hints
    """The ImageReader ReportLab's ``drawImage`` asks of a picture, for a JPEG file."""

    def __init__(self, path: Path) -> None:
        # No ImageReader.__init__: it opens the file in Pillow, for pixels never used here.
        self.fileName = str(path)
        self.fp = None
        self._path = path
        self._image = None
        self._ident = None
        self._dataA = None  # no soft mask: a JPEG has no alpha
        with path.open("rb") as handle:
            width, height, components = readJPEGInfo(handle)[:3]
        self._width, self._height = width, height
        self.mode = {1: "L", 3: "RGB"}.get(components, "CMYK")
        # what drawImage names the picture by: the same bytes, the same name
        self._data = hashlib.sha256(path.read_bytes()).digest()

    def getRGBData(self) -> bytes:  # ReportLab's name
        return self._data

    def jpeg_fh(self) -> BinaryIO:
        return io.BytesIO(self._path.read_bytes())


def jpeg_image(path: Path, width: float, height: float) -> Image:
    """A flowable of the JPEG at ``path`` drawn at ``width`` × ``height`` points."""
    image = Image(str(path), width=width, height=height)  # reads the JPEG's header only
    image._img = JpegFile(path)  # what draw() hands to drawImage, instead of the file name
    return image
