"""A QR code drawn as vector squares, so it prints sharp at any size.

ReportLab's encoder gives the modules; drawing them straight onto the canvas (rather than as
a graphics Drawing) keeps the Drawing's default Helvetica out of the PDF, which would be a
font reference print shops reject as not embedded.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules of blank paper around the code, as the standard asks


class QrCode(Flowable):  # type: ignore[misc]
    """A ``size``-point square QR code of ``url`` (quiet zone included), left-aligned."""

    def __init__(self, url: str, size: float, colour: str) -> None:
        super().__init__()
        code = QRCode(None, QRErrorCorrectLevel.M)
        code.addData(url)
        code.make()
        count = code.getModuleCount()
        self.dark = [(r, c) for r in range(count) for c in range(count) if code.isDark(r, c)]
        self.count = count
        self.size = size
        self.colour = colour
        self.width = self.height = size
        self.hAlign = "LEFT"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        module = self.size / (self.count + 2 * QUIET_ZONE)
        self.canv.setFillColor(self.colour)
        top = self.size - QUIET_ZONE * module
        for row, column in self.dark:
            x = (QUIET_ZONE + column) * module
            self.canv.rect(x, top - (row + 1) * module, module, module, stroke=0, fill=1)


def qr_code(url: str, size: float, colour: str) -> QrCode:
    return QrCode(url, size, colour)
