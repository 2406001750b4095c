"""A QR code as vector shapes (ReportLab's own encoder), so it prints sharp at any size."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor


def qr_code(url: str, size: float, colour: str) -> Drawing:
    """A ``size``-point square QR code of ``url``, left-aligned, with its quiet zone."""
    widget = QrCodeWidget(url, barLevel="M", barFillColor=HexColor(colour))
    left, bottom, right, top = widget.getBounds()
    scale = [size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    drawing = Drawing(size, size, transform=scale)
    drawing.add(widget)
    drawing.hAlign = "LEFT"
    return drawing
