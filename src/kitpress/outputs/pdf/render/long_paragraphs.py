"""A very long paragraph as a run of shorter ones that set exactly like it, so that laying it
out takes time in proportion to its length.

ReportLab splits a paragraph at a page's foot by breaking everything that is left into lines
again, page after page: a paragraph of N pages costs N² pages of line breaking (1.1 MB of
text took six minutes). Here the lines are broken once, then cut into pieces of
`PIECE_LINES` lines, each a paragraph of exactly those lines, the way ReportLab's own split
makes the part that stays on a page: the last line of a piece is justified like any other,
only the first piece keeps the first-line indent, the space before and the orphan rule, only
the last the space after and the widow rule. The pages come out as the whole paragraph's.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from .paragraphs import StyledParagraph, paragraph

LONG_MARKUP = 8_000  # characters: shorter paragraphs (a page or so) are set as they are
PIECE_LINES = 40  # lines per piece: about a page of body text


def paragraph_flowables(
    markup: str, style: ParagraphStyle, width: float, bullet: str | None = None
) -> list[Paragraph]:
    """``markup`` set in ``style`` across ``width`` points, as one or more paragraphs."""
    whole = paragraph(markup, style, bullet)
    if len(markup) <= LONG_MARKUP:
        return [whole]
    whole.wrap(width, float("inf"))
    lines = whole.blPara.lines
    if len(lines) <= 2 * PIECE_LINES:
        return [whole]
    cut = whole._get_split_blParaFunc()  # what Paragraph.split uses to cut its lines
    starts = list(range(0, len(lines) - PIECE_LINES // 2, PIECE_LINES))  # no short tail
    pieces = []
    for number, start in enumerate(starts):
        first, last = number == 0, number == len(starts) - 1
        stop = len(lines) if last else start + PIECE_LINES
        piece_style = _piece_style(whole.style, first, last)  # as its script needs
        frags = cut(whole.blPara, start, stop)
        piece = StyledParagraph(None, piece_style, bullet if first else None, frags=frags)
        piece.hyphenated = whole.hyphenated  # its lines broken as the whole's were
        if not last:
            piece._JustifyLast = not getattr(lines[stop - 1], "lineBreak", False)
        pieces.append(piece)
    return pieces


def _piece_style(style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
    if first and last:
        return style
    changes: dict[str, float] = {}
    if not first:  # its first line is no paragraph's first: no indent, and not an orphan
        changes.update(firstLineIndent=0, spaceBefore=0, allowOrphans=1)
    if not last:  # its last line is no paragraph's last: not a widow
        changes.update(spaceAfter=0, allowWidows=1)
    name = f"{style.name}-{'first' if first else 'last' if last else 'middle'}"
    return ParagraphStyle(name, parent=style, **changes)
