"""How wide the lines of a wrapped paragraph came out: what a laurel's wreath and a display
title are sized from."""

from __future__ import annotations

from reportlab.platypus import Paragraph


def line_widths(para: Paragraph) -> list[float]:
    """The widths of the lines ``para`` broke into at its last wrap, in points."""
    widths = []
    for line in getattr(para.blPara, "lines", []):
        if isinstance(line, tuple):  # simple lines: (space left, words)
            widths.append(float(para.width - line[0]))
        elif getattr(line, "extraSpace", None) is not None:
            widths.append(float(para.width - line.extraSpace))
    return widths
