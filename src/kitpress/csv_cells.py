"""Spreadsheet cells that stay text: formula injection neutralised the way OWASP recommends.

A caption sheet is opened in Excel, LibreOffice or Google Sheets, which run a cell starting
with ``=``, ``+``, ``-`` or ``@`` (and, after a tab or carriage return, the same) as a
formula: a photographer typed as ``=HYPERLINK("http://…","Credits")`` becomes a live link.
Such a cell is written with a leading single quote, which spreadsheets read as "text" and
do not show; reading a sheet back removes that quote again, so the value is the one typed.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralised(cell: str) -> str:
    """``cell`` as a spreadsheet shows it but never runs it."""
    return QUOTE + cell if cell.startswith(FORMULA_STARTS) else cell


def as_typed(cell: str) -> str:
    """The value a neutralised cell stood for: the added quote removed, nothing else."""
    if cell.startswith(QUOTE) and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
