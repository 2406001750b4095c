"""The contents page's table, with its leader dots on one grid: every entry's dots stand in
the same columns down the page, whatever the entry's length or its page number's width
(ReportLab's own start each row's dots from its page number, so they jog from row to row)."""

from __future__ import annotations

from ast import literal_eval
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.tableofcontents import TableOfContents

DOT_PITCH = 5.0  # points between leader dots
DOT_CLEAR = 4.0  # points at least between an entry (or its page number) and the dots
PAGE_COLUMN = "000"  # the page numbers' column is this wide, right-aligned


class AlignedContents(TableOfContents):  # type: ignore[misc]
    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        size: tuple[float, float] = super().wrap(avail_width, avail_height)

        def entry_end(canvas: Any, kind: str, label: str) -> None:
            """After an entry: its dots on the page's grid, then its page number."""
            page, level, _ = label.split(",", 2)
            style = self.getLevelStyle(int(level))
            font, points = style.fontName, style.fontSize
            number = str(literal_eval(page))
            x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
            column = avail_width - stringWidth(PAGE_COLUMN, font, points)
            text = canvas.beginText(0, y)
            text.setFont(font, points)
            text.setFillColor(style.textColor)
            dot = x + DOT_CLEAR
            dot = DOT_PITCH * -(-dot // DOT_PITCH)  # the next grid column
            while dot <= column - DOT_CLEAR:
                text.setTextOrigin(dot, y)
                text.textOut(".")
                dot += DOT_PITCH
            text.setTextOrigin(avail_width - stringWidth(number, font, points), y)
            text.textOut(number)
            canvas.drawText(text)

        self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        return size
