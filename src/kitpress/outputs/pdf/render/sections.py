"""One builder per section kind: each returns the flowables of its section, or nothing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NullActionFlowable,
    PageBreak,
    Paragraph,
    Table,
    TableStyle,
)

from kitpress.document.art import ArtFile
from kitpress.document.formats import long_date
from kitpress.document.labels import Labels
from kitpress.document.model import PressDocument
from kitpress.document.praise import in_order
from kitpress.document.prose_blocks import ProseBlock, prose_blocks
from kitpress.document.typography import quotation
from kitpress.kit.model import Kit, Prose
from kitpress.layout.model import Layout
from kitpress.stills.cmyk import CmykProfile

from ..arrange import GAP, MAX_CROP
from ..plan import DocumentPlan, StillPage, StillSlot
from .artwork import draw_art, fit
from .flowables import (
    THIN_PAGE,
    Bookmark,
    Gap,
    KeptUnlessThin,
    PullQuote,
    photo,
    photo_grid,
)
from .inline_stills import inline_slot, still_among_prose
from .long_paragraphs import paragraph_flowables
from .paragraphs import balanced, longest_line, paragraph
from .qr import qr_code
from .side_column import Hanging, Outdented, in_text_column
from .stars import Stars
from .styles import list_item_style
from .text import escape, link, markdown_blocks


@dataclass(frozen=True)
class Context:
    document: PressDocument
    layout: Layout  # the profile's: the document's own, or with bleed and print ppi
    plan: DocumentPlan
    styles: dict[str, ParagraphStyle]
    images: dict[str, Path]  # still id -> the PDF's JPEG for it
    cmyk: CmykProfile | None = None  # the print profile's: artwork goes through it

    @property
    def kit(self) -> Kit:
        return self.document.kit

    @property
    def shared_rights(self) -> str:
        """The rights line most of the planned stills share, set once under the stills
        heading: a caption repeats only a rights line of its own (none: no two share one)."""
        return shared_rights([slot.caption.rights for slot in self.plan.slots])

    @property
    def labels(self) -> Labels:
        return self.document.labels

    def caption(self, slot: StillSlot) -> Paragraph:
        """A still's caption, the film's title in it never broken over two lines ("in THE /
        LAST LOCK."): a reader takes in the title, in capitals, as one word."""
        text, title = escape(slot.caption.text), escape(self.kit.title.upper())
        if len(title) <= TITLE_KEPT:
            text = text.replace(title, title.replace(" ", "\u00a0"))
        return self.p(text, "caption")

    def p(self, markup: str, style: str) -> Paragraph:
        return paragraph(markup, self.styles[style])


LIST_START = 150.0  # points a list section needs left on a page to start there


def heading(ctx: Context, key: str) -> list[Flowable]:
    title = ctx.labels.sections[key]
    if key in ctx.layout.new_page:  # a fresh page, unless this one is still empty
        lead: list[Flowable] = [CondPageBreak(ctx.layout.page.frame_height - 1)]
    else:
        lead = [CondPageBreak(90), Gap(22)]
    marks: list[Flowable] = [Bookmark(key, title), ctx.p(escape(title), "heading")]
    for mark in marks:
        mark.keepWithNext = True  # a heading never ends a page: it moves with what follows
    return [*lead, *marks]


def list_section(ctx: Context, key: str, table: Table) -> list[Flowable]:
    """A heading over a list that may split between rows: it starts where the page has room
    for the heading and a few rows, instead of taking its whole list to a fresh page."""
    out = heading(ctx, key)
    if key not in ctx.layout.new_page:
        out[0] = CondPageBreak(LIST_START)
    # The list's own first rows hold the heading off the foot; a list that moves whole takes
    # its heading with it.
    out[-1].keepWithNext = len(table._cellvalues) <= MOVES_WHOLE
    return [*out, table]


def prose(ctx: Context, text: Prose) -> list[Flowable]:
    """Markdown prose for the text column: its `##` headings as subheadings and its `>`
    quotes as pull quotes, both hung in the side column."""
    return long_prose(ctx, prose_blocks(text.markdown), hang=value_column(ctx))


def long_prose(
    ctx: Context, blocks: tuple[ProseBlock, ...], text: str = "body", hang: float = 0
) -> list[Flowable]:
    """Blocks of the document's long prose, each kind in its own style: questions apart
    from answers, chapter headings as subheadings, pull quotes larger behind an accent rule.
    Set in the text column (``hang``: its distance from the frame's left edge), a chapter's
    heading and its pull quotes hang in the side column beside the chapter's text."""
    if hang:
        return _hung_prose(ctx, blocks, text, hang)
    out: list[Flowable] = []
    for block in blocks:
        if block.kind == "heading":
            title = ctx.p(markdown_blocks(block.markdown)[0].markup, "subheading")
            title.keepWithNext = True
            out.append(title)
        elif block.kind == "quote":
            quote = _quote(ctx, block.markdown, "pull_quote")
            out.append(PullQuote(quote, ctx.layout.colour("accent")))
        else:
            out += _text_block(ctx, block, text, ctx.layout.page.frame_width)
    return out


NBSP = "\u00a0"
TITLE_KEPT = 30  # characters: a longer title may break in a caption

ATTRIBUTION = ("—", "–", "&#8212;")  # a quote's paragraph led by a dash says who said it


def _quote(ctx: Context, markdown: str, style: str) -> list[Paragraph]:
    """A pull quote's paragraphs in ``style``, but its attribution ("— Hester Vale") in the
    labels' small tracked capitals, as the press quotes' sources are: set as large as the
    quote, the name read as a second quote."""
    out = []
    for block in markdown_blocks(markdown):
        made = _restyled_markup(ctx, block.markup, style)
        made.quoted = True
        out.append(made)
    return out


def _restyled(ctx: Context, made: Paragraph, style: str) -> Paragraph:
    again = _restyled_markup(ctx, made.text, style)
    again.quoted = True
    return again


def _restyled_markup(ctx: Context, markup: str, style: str) -> Paragraph:
    if not markup.lstrip().startswith(ATTRIBUTION):
        return ctx.p(markup, style)
    source = ctx.styles["label"]
    return paragraph(markup, ParagraphStyle(f"{style}-source", parent=source, spaceBefore=2))


def _text_block(ctx: Context, block: ProseBlock, text: str, width: float) -> list[Flowable]:
    style = "question" if block.kind == "question" else text
    out = markdown_flowables(ctx, block.markdown, style, width)
    if block.kind == "question" and out:
        out[-1].keepWithNext = True
    return out


def _hung_prose(
    ctx: Context, blocks: tuple[ProseBlock, ...], text: str, hang: float
) -> list[Flowable]:
    """The prose in chapters, each its text beside its heading and pull quotes."""
    chapters: list[tuple[list[Flowable], list[Flowable]]] = [([], [])]
    width = ctx.layout.page.frame_width - hang
    side_width = hang - ctx.layout.page.columns_gap  # a chapter's heading, balanced in it
    for block in blocks:
        side, body = chapters[-1]
        if block.kind == "heading":
            if side or body:
                chapters.append(([], []))
                side, body = chapters[-1]
            markup = markdown_blocks(block.markdown)[0].markup
            side.append(balanced(markup, ctx.styles["subheading"], side_width))
        elif block.kind == "quote":
            side += _quote(ctx, block.markdown, "side_quote")
        else:
            body += _text_block(ctx, block, text, width)
    out: list[Flowable] = []
    gap = ctx.layout.page.columns_gap
    for side, body in chapters:
        if side and body and _taller(side, hang - gap, body, width):
            # a quote longer than its chapter would hold the next one down: it is set in
            # the text column under the chapter instead, behind its accent rule
            quotes = [f for f in side if getattr(f, "quoted", False)]
            side[:] = [f for f in side if f not in quotes]
            restyled = [_restyled(ctx, f, "pull_quote") for f in quotes]
            body.append(PullQuote(restyled, ctx.layout.colour("accent")))
        if side and body:
            out.append(Hanging(side, body, hang, gap))
        elif body:
            out += body
        elif side:  # a heading or a quote with no text after it: in the text column
            out += side
    return out


def _taller(side: list[Flowable], side_width: float, body: list[Flowable], width: float) -> bool:
    """Whether the side column's notes run further down than the text beside them."""
    room = 1e6
    notes = sum(f.wrap(side_width, room)[1] + f.getSpaceAfter() for f in side)
    text = sum(f.wrap(width, room)[1] + f.getSpaceAfter() for f in body)
    return bool(notes > text)


def prose_column(ctx: Context, flowables: list[Flowable]) -> list[Flowable]:
    """Prose in the text column: from the grid's value column to the frame's right edge."""
    return in_text_column(flowables, value_column(ctx))


def prose_section(ctx: Context, key: str, text: list[Flowable]) -> list[Flowable]:
    """A section of prose: its heading at the margin, its text in the text column, the two
    kept together over a page break."""
    column = value_column(ctx)
    marks = heading(ctx, key)
    lead = [f for f in marks if isinstance(f, (CondPageBreak, Gap))]
    held = [Outdented(f, column) if isinstance(f, Paragraph) else f for f in marks[len(lead) :]]
    return [*lead, *in_text_column([*held, *text], column)]


def markdown_flowables(
    ctx: Context, markdown: str, style_name: str, width: float | None = None
) -> list[Flowable]:
    """``markdown`` in ``style_name``, its paragraphs set ``width`` points wide (the frame's)."""
    accent = ctx.layout.colour("accent")
    out: list[Flowable] = []
    style = ctx.styles[style_name]
    width = ctx.layout.page.frame_width if width is None else width
    for block in markdown_blocks(markdown, accent):
        item = list_item_style(style, block.depth) if block.depth else style
        out += paragraph_flowables(block.markup, item, width, block.bullet)
    return out


def synopsis(ctx: Context) -> list[Flowable]:
    text: list[Flowable] = []
    column = value_column(ctx)
    if ctx.kit.logline:
        lead, width = ctx.styles["lead"], ctx.layout.page.frame_width - column
        text += [*paragraph_flowables(escape(ctx.kit.logline), lead, width), Gap(6)]
    if ctx.kit.synopsis:
        text += prose(ctx, ctx.kit.synopsis)
    return prose_section(ctx, "synopsis", text)


def long_synopsis(ctx: Context) -> list[Flowable]:
    assert ctx.kit.long_synopsis is not None
    text = prose(ctx, ctx.kit.long_synopsis)
    slot = inline_slot(ctx, "long_synopsis")
    if slot is not None:  # after its first paragraph
        still_among_prose(ctx, slot, text, 1)
    return prose_section(ctx, "long_synopsis", text)


def directors_statement(ctx: Context) -> list[Flowable]:
    assert ctx.kit.directors_statement is not None
    return prose_section(ctx, "directors_statement", prose(ctx, ctx.kit.directors_statement))


def _table_style(ctx: Context, *commands: tuple[object, ...]) -> TableStyle:
    """Table style that names a layout font, so ReportLab's default Helvetica never appears."""
    body = ctx.styles["body"].fontName
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), body), *commands])


def label_table(ctx: Context, rows: list[tuple[str, str]], *, rules: bool = True) -> Table:
    """Labels beside their values in the layout's grid: small capitals, then the value;
    ``rules``: a hairline under each row (a box of facts), else rows apart (a credit list)."""
    cells: list[tuple[Cell, Cell]] = [
        (_grid_label(ctx, label), ctx.p(value, "value")) for label, value in rows
    ]
    return grid_table(ctx, cells, rules=rules)


def _grid_label(ctx: Context, label: str) -> Paragraph:
    """A label on its value's leading, so a label's second line keeps the value's baselines."""
    style = ctx.styles["label"]
    leading = ctx.styles["value"].leading
    lined = ParagraphStyle(f"{style.name}-on-value", parent=style, leading=leading)
    if " · " in label:  # "UK & IRELAND · / THEATRICAL": a line breaks after the dot
        return paragraph(escape(label.replace(" · ", "\u00a0· ")), lined, tie_from=99)
    return paragraph(escape(label), lined, tie_from=2)  # "DIRECTOR OF / PHOTOGRAPHY" never


Cell: TypeAlias = Paragraph | Table | list[Flowable]  # a table cell: a paragraph, or flowables
# led by one, or a table of them (the trailer's link beside its code)


def grid_table(ctx: Context, rows: list[tuple[Cell, Cell]], *, rules: bool) -> Table:
    """Two columns on the layout's grid: the first ``page.label_column`` wide, the second
    where every other list of the kit sets its values. Each row's two first lines share a
    baseline: the cell in the smaller type drops by the difference in size."""
    page = ctx.layout.page
    label_column = value_column(ctx)
    table = Table(
        [list(row) for row in rows], colWidths=[label_column, page.frame_width - label_column]
    )
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), page.columns_gap),
        ("RIGHTPADDING", (1, 0), (1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), RULED_TOP if rules else 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4 if rules else 5),
    ]
    if rules:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, ctx.layout.colour("rule")))
    commands += no_lone_rows(len(rows))
    for number, row in enumerate(rows):
        sizes = [_first_size(cell) for cell in row]
        for column, size in enumerate(sizes):
            if size < max(sizes):
                top = (RULED_TOP if rules else 0) + max(sizes) - size
                commands.append(("TOPPADDING", (column, number), (column, number), top))
    table.setStyle(_table_style(ctx, *commands))
    return table


RULED_TOP = 3.5  # points between a rule and the row below it: a compact box


def value_column(ctx: Context) -> float:
    """Points from the frame's left edge to where every list sets its values (and the bios
    beside portraits their text): the layout's ``page.label_column``, at most half the frame."""
    page = ctx.layout.page
    return float(min(page.label_column, page.frame_width / 2))


MIN_ROWS_APART = 3  # rows a list keeps together on each side of a page break
MOVES_WHOLE = 8  # rows: a list this short never splits; it moves to the next page whole


def no_lone_rows(count: int) -> list[tuple[object, ...]]:
    """A list split between pages leaves at least three rows on each page: its first rows
    and its last rows never part, and a list of eight rows or fewer moves whole."""
    if count < 2:
        return []
    if count <= MOVES_WHOLE:
        return [("NOSPLIT", (0, 0), (-1, -1))]
    keep = MIN_ROWS_APART - 1
    return [("NOSPLIT", (0, 0), (-1, keep)), ("NOSPLIT", (0, -1 - keep), (-1, -1))]


def _first_size(cell: Cell) -> float:
    """The size of a cell's first line: its first paragraph's (a table's first cell's)."""
    first = cell[0] if isinstance(cell, list) else cell
    if isinstance(first, Table):
        return _first_size(first._cellvalues[0][0])
    return float(first.style.fontSize)


MERGED_CREW = 2  # rows: a crew list this short is set in the technical details
MERGED_RELEASES = 2  # territories: and so are the release dates of as few, and a single
# festival


def merged_into_details(ctx: Context) -> tuple[str, ...]:
    """The short lists set as rows of the technical details instead of under a heading of
    their own: release dates and crew of one or two rows, a single festival. A heading over
    one row is louder than the row; one compact specs box reads as one."""
    sections = ctx.document.sections
    if "details" not in sections:
        return ()
    kit = ctx.kit
    short = {
        "releases": len({r.territory for r in kit.releases}) <= MERGED_RELEASES,
        "crew": len(kit.crew) <= MERGED_CREW,
        "festivals": len(kit.festivals) == 1,
    }
    return tuple(key for key, fits in short.items() if fits and key in sections)


def _release_rows(ctx: Context) -> list[tuple[str, str]]:
    """A row a territory, in the kit's order: its dates one a line, each with its window."""
    rows: dict[str, list[str]] = {}
    for r in ctx.kit.releases:
        when = escape(f"{long_date(r.date, ctx.labels.language)} · {r.window}")
        rows.setdefault(r.territory, []).append(when)
    return [(territory, "<br/>".join(dates)) for territory, dates in rows.items()]


def _merged_release_rows(ctx: Context) -> list[tuple[str, str]]:
    """The release rows among the technical details, each saying what it dates ("RELEASE
    DATES · US"): under no heading of their own, a territory alone read as a riddle."""
    said = ctx.labels.sections["releases"]
    rows = _release_rows(ctx)  # the territory held together: "… · / UK & IRELAND"
    return [(f"{said} · {where.replace(' ', NBSP)}", dates) for where, dates in rows]


def _crew_rows(ctx: Context) -> list[tuple[str, str]]:
    return [(credit.role, escape(", ".join(credit.names))) for credit in ctx.kit.crew]


def _festival_rows(ctx: Context) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for fest in ctx.kit.festivals:
        label = f"{fest.name} {fest.year}" if fest.year else fest.name
        lines = ctx.labels.festival_lines(fest.award, fest.section)
        what = "<br/>".join(
            f"<b>{escape(line)}</b>" if i == 0 and fest.award else escape(line)
            for i, line in enumerate(lines)
        )
        rows.append((label, what))
    return rows


MERGED_ROWS: dict[str, Callable[[Context], list[tuple[str, str]]]] = {
    "releases": _merged_release_rows,
    "crew": _crew_rows,
    "festivals": _festival_rows,
}


QR_SIZE = 54.0  # points: the trailer's code, quiet zone included (about 19 mm)


def _trailer_cell(ctx: Context) -> Table:
    """The trailer's value: its live link over the words saying what the code is for, the
    code itself at the row's right, so the code stays inside the box on the grid (under the
    list it stood alone whenever the box broke over a page)."""
    accent, ink = ctx.layout.colour("accent"), ctx.layout.colour("ink")
    words = [
        ctx.p(link(ctx.kit.trailer or "", colour=accent), "value"),
        Gap(3),
        ctx.p(escape(ctx.labels.scan_for_trailer), "label"),
    ]
    page = ctx.layout.page
    width = page.frame_width - value_column(ctx)
    code = qr_code(ctx.kit.trailer or "", QR_SIZE, ink)
    cell = Table([[words, code]], colWidths=[width - QR_SIZE, QR_SIZE])
    cell.setStyle(
        _table_style(
            ctx,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return cell


def details(ctx: Context) -> list[Flowable]:
    rows = [(label, escape(value)) for label, value in ctx.document.facts]
    merged = merged_into_details(ctx)
    for key in merged:
        rows += MERGED_ROWS[key](ctx)
    cells: list[tuple[Cell, Cell]] = [
        (_grid_label(ctx, label), ctx.p(value, "value")) for label, value in rows
    ]
    if ctx.kit.trailer:  # the trailer's row: its link, and its code beside it to scan
        cells.append((_grid_label(ctx, ctx.labels.trailer), _trailer_cell(ctx)))
    frame = ctx.layout.page.frame_height
    if len(cells) <= SPECS_BOX:  # one box, read at a glance: on one page unless that
        box = [grid_table(ctx, cells, rules=True)]  # leaves the page before it thin
        # The heading inside the box: a KeepTogether is never kept with what precedes it
        # (ReportLab's keepWithNext passes containers by), so the heading would be left
        # alone at a page's foot.
        title = heading(ctx, "details")
        lead, marks = title[:-2], title[-2:]
        space = sum(f.height for f in lead if isinstance(f, Gap))
        # Flowing, the heading may not keep with the list: ReportLab would bind the two into
        # one block that cannot split, and move it whole. A thin page has room for the
        # heading and the rows the list keeps together.
        loose = heading(ctx, "details")[-2:]
        for mark in loose:
            mark.keepWithNext = False
        kept = KeptUnlessThin([[*marks, *box]], frame, flowing=[*loose, *box], lead=space)
        out = [*lead, kept]
    else:
        out = list_section(ctx, "details", grid_table(ctx, cells, rules=True))
    if "festivals" in merged:
        out += _laurel_row(ctx)
    return out


SPECS_BOX = 20  # rows: technical details this long are one box, kept on one page


def releases(ctx: Context) -> list[Flowable]:
    if "releases" in merged_into_details(ctx):
        return []
    return list_section(ctx, "releases", label_table(ctx, _release_rows(ctx)))


def cast(ctx: Context) -> list[Flowable]:
    """End-credit form: each character beside the actor who plays them, no "as"."""
    rows = [
        (ctx.p(escape(member.character or ""), "role"), ctx.p(escape(member.actor), "cast_actor"))
        for member in ctx.kit.cast
    ]
    return list_section(ctx, "cast", grid_table(ctx, rows, rules=False))


def crew(ctx: Context) -> list[Flowable]:
    if "crew" in merged_into_details(ctx):
        return []
    return list_section(ctx, "crew", label_table(ctx, _crew_rows(ctx), rules=False))


def festivals(ctx: Context) -> list[Flowable]:
    if "festivals" in merged_into_details(ctx):
        return []
    out = list_section(ctx, "festivals", label_table(ctx, _festival_rows(ctx)))
    laurels = _laurel_row(ctx)
    if laurels:  # the festivals' own laurels in a row under the heading, never parted from it
        out[-1:-1] = laurels
        if "festivals" not in ctx.layout.new_page:
            out[0] = CondPageBreak(LIST_START + LAUREL_ROW_HEIGHT + 14)
    return out


def _laurel_row(ctx: Context) -> list[Flowable]:
    own = [art for f in ctx.kit.festivals if (art := ctx.document.artwork(f.laurel))]
    return [LaurelRow(own, ctx), Gap(14)] if own else []


LAUREL_ROW_HEIGHT = 56.0  # points: the festivals' own laurels under their list, as high as the
# typeset wreaths on the cover


class LaurelRow(Flowable):  # type: ignore[misc]
    """The festivals' own laurel artwork side by side at one height, left-aligned."""

    def __init__(self, arts: list[ArtFile], ctx: Context) -> None:
        super().__init__()
        self.arts, self.ctx = arts, ctx

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, LAUREL_ROW_HEIGHT

    def draw(self) -> None:
        x, paper = 0.0, self.ctx.layout.colour("paper")
        for art in self.arts:
            width, height = laurel_row_size(art)
            draw_art(self.canv, art, (x, 0), (width, height), paper, self.ctx.cmyk)
            x += width + 18


def laurel_row_size(art: ArtFile) -> tuple[float, float]:
    return fit(art, LAUREL_ROW_HEIGHT * 1.6, LAUREL_ROW_HEIGHT)


PRAISE_APART = 2  # quotes: the praise parts between pages only with this many on each side
PRAISE_BOX = 8  # quotes: praise this long is one block


def quotes(ctx: Context) -> list[Flowable]:
    """The praise on the grid: each quote in the text column, who said it (and the stars)
    beside it in the side column."""
    out = heading(ctx, "quotes")
    column, gap = value_column(ctx), ctx.layout.page.columns_gap
    lead = out[:-2]
    praise = [Outdented(f, column) if isinstance(f, Paragraph) else f for f in out[-2:]]
    colour = ctx.layout.colour("accent")
    if ctx.document.embargo and "contacts" not in ctx.document.sections:
        praise += [embargo_line(ctx), Gap(10)]  # no contacts: the praise opens the inside front
    each: list[list[Flowable]] = []
    for i, quote in enumerate(in_order(ctx.kit.quotes)):
        style = "hero_quote" if i == 0 and len(ctx.kit.quotes) > 1 else "lead"
        said: list[Flowable] = [ctx.p(quotation(escape(quote.text), ctx.labels.language), style)]
        source = ", ".join(x for x in (quote.author, quote.source) if x)
        if source:  # who said it, under the quote
            said += [Gap(3), ctx.p(escape(f"— {source}"), "label")]
        shown: list[Flowable] = said
        if quote.stars is not None:  # the stars beside the quote, on its first baseline
            words = ctx.labels.stars.format(n=quote.stars)
            label = ctx.styles["label"]
            stars = Stars(quote.stars, colour, words, label.fontName, label.fontSize)
            shown = [Hanging([stars], said, column, gap)]
        each.append([*shown, Gap(14 if i == 0 else 10)])
    # The praise reads as one block: it moves to the next page whole unless that would leave
    # this one thin; a very long one may go on over a page after its first two quotes.
    frame = ctx.layout.page.frame_height
    if len(each) > PRAISE_BOX:
        first = [f for said in each[:PRAISE_APART] for f in said]
        rest = [f for said in each[PRAISE_APART:] for f in said]
        blocks = [KeepTogether(praise + first), KeepTogether(rest)]
    else:  # on one page, unless moving it would leave the page before it thin
        space = sum(f.height for f in lead if isinstance(f, Gap))
        groups = [praise + each[0], *each[1:]]
        blocks = [KeptUnlessThin(groups, frame, PRAISE_APART, lead=space)]
    return [*lead, *in_text_column(blocks, column)]


def stills(ctx: Context) -> list[Flowable]:
    """The planned groups, each photo with its caption, a table a row (a justified row's
    columns at its photos' widths). On a fresh page (the layout's ``new_page``), one page per
    group; else the stills follow the section before them, starting on its page when the
    heading and a first row fit, one row after another."""
    out = heading(ctx, "stills")
    fresh = "stills" in ctx.layout.new_page
    rights = ParagraphStyle("shared-rights", parent=ctx.styles["rights"], measure=0)
    shared = paragraph(escape(ctx.shared_rights), rights)  # under the heading: the frame wide
    credit = [shared, Gap(8)] if ctx.shared_rights else []
    for mark in credit:  # the heading, its credit line and the first stills move as one
        mark.keepWithNext = True
    frame = ctx.layout.page
    credit_height = sum(float(f.wrap(frame.frame_width, frame.frame_height)[1]) for f in credit)
    grids = [_page_rows(ctx, page) for page in ctx.plan.still_pages]
    if fresh:
        out += credit
        for number, rows in enumerate(grids):
            out += [PageBreak(), *rows] if number else rows
        return out
    if not grids:
        return out
    last = ctx.plan.still_pages[-1]
    rows_start = (len(last.slots) - 1) // max(1, last.columns) * max(1, last.columns)
    closing = list(last.slots[rows_start:])  # the last row of the last group
    closing = closing if len(closing) == 2 else []
    landscapes = all(slot.box[0] >= slot.box[1] for slot in closing)
    if len(grids) > 1 and last.columns == 2 and closing and landscapes:
        grids[-1][-1] = ClosingRow(ctx, closing, grids[-1][-1])
    first = ctx.plan.still_pages[0]
    if first.columns == 1 and first.slots[0].box[0] >= first.slots[0].box[1]:
        opener = FirstStill(ctx, first.slots[0])
        rest = [_photo(ctx, slot) for slot in first.slots[1:]]
        flow: list[Flowable] = [opener, Gap(GAP)] + ([photo_grid(ctx, rest, 1)] if rest else [])
        slots = [slot for page in ctx.plan.still_pages[1:] for slot in page.slots]
        single = all(page.columns == 1 for page in ctx.plan.still_pages)
        if single and len(slots) >= 3 and all(s.box[0] >= s.box[1] for s in slots[-3:]):
            rows = [photo_grid(ctx, [_photo(ctx, slot)], 1) for slot in slots]
            flow += [*rows[:-3], ClosingStills(ctx, rows[-3:], slots[-3:])]
        else:
            flow += [row for page_rows in grids[1:] for row in page_rows]
        title = out[-1]
        title_height = title.wrap(frame.frame_width, frame.frame_height)[1] + title.style.spaceAfter
        least = opener.least_height()
        # The heading, its credit line and the first still as one: the still is cropped to
        # the room the heading leaves it, which a KeepTogether (measuring at any height)
        # could not know, and none of them is ever left at a page's foot without the others.
        lead = out[:-2]
        name = ctx.labels.sections["stills"]
        opening = [StillsOpening(name, [title, *credit], opener), *flow[1:]]
        after = ctx.plan.still_pages[1:2]
        if not single and after and after[0].columns == 2 and len(after[0].slots) >= 2:
            # Where the first still does not fit, a row of two opens the stills there, and
            # the first heads the next page.
            pair = FirstRow(ctx, list(after[0].slots[:2]))
            least = min(least, pair.least_height())
            rows = [row for page_rows in grids[1:] for row in page_rows][1:]
            again = FirstStill(ctx, first.slots[0])
            instead = [StillsOpening(name, [title, *credit], pair), Gap(GAP), again, Gap(GAP)]
            opening = [EitherOpening(opening, [*instead, *rows])]
        out[0] = CondPageBreak(least + title_height + credit_height + 22)
        return [*lead, *opening]
    if first.columns == 2 and len(first.slots) >= 2:  # a pair first: it may give up a
        grids[0][0] = FirstRow(ctx, list(first.slots[:2]))  # little of its height to start
        first_row = grids[0][0].least_height()  # on the page the section before it ends on
    else:
        first_row = grids[0][0].wrap(frame.frame_width, frame.frame_height)[1]
        if len(grids[0]) == 1:
            first_row /= max(1, len(grids[0][0]._cellvalues))
    title = out[-1]
    title_height = title.wrap(frame.frame_width, frame.frame_height)[1] + title.style.spaceAfter
    out[0] = CondPageBreak(first_row + title_height + credit_height + 22)
    out[-1].keepWithNext = bool(credit)  # the first row holds the heading (and its credit
    return out + credit + [row for rows in grids for row in rows]  # line) off the page's foot


def _page_rows(ctx: Context, page: StillPage) -> list[Flowable]:
    """A planned group's photos: one table for a single column (it splits between rows),
    else a table a row, each at its photos' own widths when the row is full."""
    cells = [_photo(ctx, slot) for slot in page.slots]
    if page.columns == 1:
        return [photo_grid(ctx, cells, 1)]
    rows: list[Flowable] = []
    for i in range(0, len(cells), page.columns):
        row = page.slots[i : i + page.columns]
        widths = [slot.box[0] for slot in row] if len(row) == page.columns else None
        rows.append(photo_grid(ctx, cells[i : i + page.columns], page.columns, widths))
    return rows


CLOSING_CROP = 0.25  # of a closing still's height: cut from the pair that would otherwise sit
# alone in one short row on the last stills page (a 4:3 still shown at 16:9 at most)
OPENER_CROP = 1 / 3  # of the first still's height, cut where the page it starts would be
# left thin: a 3:2 still shown at 2.25:1 at most, about a widescreen film's own frame


class ClosingRow(Flowable):  # type: ignore[misc]
    """The last row of flowing stills, two landscapes side by side; where it would open a
    page of its own, the two run the measure one above the other instead (trimmed by up to
    CLOSING_CROP to fit), so the last stills page is not one short row."""

    def __init__(self, ctx: Context, slots: list[StillSlot], row: Flowable) -> None:
        super().__init__()
        self.ctx, self.slots, self.row = ctx, slots, row
        self.chosen: Flowable = row

    def _stacked(self, trim: float) -> Flowable:
        width = self.ctx.layout.page.frame_width
        cells = []
        for slot in self.slots:
            box = (width, width * slot.box[1] / slot.box[0])
            caption = self.ctx.caption(slot)
            image = self.ctx.images[slot.still.id]
            rights = _rights(self.ctx, slot)
            cells.append(photo(self.ctx, image, box, caption, rights, box[1] - trim))
        return photo_grid(self.ctx, cells, 1)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        self.chosen = self.row
        if frame is not None and getattr(frame, "_atTop", False):
            stacked = self._stacked(0.0)
            over = stacked.wrap(avail_width, avail_height)[1] - GAP - avail_height
            width = self.ctx.layout.page.frame_width
            least = min(width * slot.box[1] / slot.box[0] for slot in self.slots)
            if over / 2 <= CLOSING_CROP * least:
                self.chosen = self._stacked(max(0.0, over / 2)) if over > 0 else stacked
                self.chosen.setStyle(TableStyle([("BOTTOMPADDING", (0, -1), (-1, -1), 0)]))
        self.width, self.height = self.chosen.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # whole, here or on the next page

    def draw(self) -> None:
        self.chosen.drawOn(self.canv, 0, 0)


class ClosingStills(Flowable):  # type: ignore[misc]
    """The last three stacked stills: one a row as the others, unless that would leave the
    last of them alone on a page; then the first runs the measure and the other two share
    the row below it, side by side between the margins."""

    def __init__(self, ctx: Context, rows: list[Flowable], slots: list[StillSlot]) -> None:
        super().__init__()
        self.rows = rows
        half = (ctx.layout.page.frame_width - GAP) / 2
        pair = [
            photo(
                ctx,
                ctx.images[slot.still.id],
                (half, half * slot.box[1] / slot.box[0]),
                ctx.caption(slot),
                _rights(ctx, slot),
            )
            for slot in slots[1:]
        ]
        self.compact = [rows[0], photo_grid(ctx, pair, 2)]

    def _heights(self, flowables: list[Flowable], width: float, height: float) -> list[float]:
        return [float(f.wrap(width, height)[1]) for f in flowables]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = sum(self._heights(self.rows, avail_width, avail_height))
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        heights = self._heights(self.rows, avail_width, avail_height)
        if heights[0] > avail_height:
            return []  # not one row here: all three go over
        two = heights[0] + heights[1]
        compact = sum(self._heights(self.compact, avail_width, avail_height))
        if two <= avail_height < two + heights[2] and compact <= avail_height:
            return list(self.compact)  # two here and one alone over the page: three here
        return list(self.rows)

    def draw(self) -> None:
        y = self.height
        for row, height in zip(
            self.rows, self._heights(self.rows, self.width, self.height), strict=True
        ):
            y -= height
            row.drawOn(self.canv, 0, y)


class FirstStill(Flowable):  # type: ignore[misc]
    """The first of flowing stacked stills: at its planned crop where the page has room for
    it, else cropped further (to MAX_CROP of its height at most; OPENER_CROP where the page
    would otherwise be left thin, less than THIN_PAGE full) to fill the foot of the page the
    section before it ends on: the page left part-empty takes the hero still."""

    def __init__(self, ctx: Context, slot: StillSlot) -> None:
        super().__init__()
        self.ctx, self.slot = ctx, slot
        self.least = slot.box[1] * (1 - OPENER_CROP)  # the most it gives, on a thin page
        self.full_least = slot.box[1] * (1 - MAX_CROP)
        self.used: float | None = None  # of the page, before the heading set over it
        self.chosen = self._row(slot.shown_height)

    def _row(self, shown: float) -> Flowable:
        slot = self.slot
        caption = self.ctx.caption(slot)
        rights = _rights(self.ctx, slot)
        cell = photo(self.ctx, self.ctx.images[slot.still.id], slot.box, caption, rights, shown)
        row = photo_grid(self.ctx, [cell], 1)
        row.setStyle(TableStyle([("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))  # a Gap follows
        return row

    def least_height(self) -> float:
        page = self.ctx.layout.page
        row = self._row(self.least).wrap(page.frame_width, page.frame_height)[1]
        return float(row)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        planned = self.slot.shown_height
        self.chosen = self._row(planned)
        width, height = self.chosen.wrap(avail_width, avail_height)
        short = height - avail_height
        frame = self.ctx.layout.page.frame_height
        used = self.used if self.used is not None else (frame - avail_height) / frame
        thin = used < THIN_PAGE
        if short > 0 and planned - short >= (self.least if thin else self.full_least):
            self.chosen = self._row(planned - short)
            width, height = self.chosen.wrap(avail_width, avail_height)
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        self.chosen.drawOn(self.canv, 0, 0)


class StillsOpening(Bookmark):
    """The stills section's bookmark and heading (and credit line) over its first still, set
    as one: the still takes the room they leave it (`FirstStill`), or all go over the page."""

    def __init__(self, title: str, above: list[Flowable], still: FirstStill | FirstRow) -> None:
        super().__init__("stills", title)
        self.above, self.still = above, still
        self.heights: list[float] = []
        self.top = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.heights = [float(f.wrap(avail_width, avail_height)[1]) for f in self.above]
        top = sum(self.heights) + sum(float(f.getSpaceAfter()) for f in self.above)
        self.top = top
        frame = self.still.ctx.layout.page.frame_height
        self.still.used = (frame - avail_height) / frame  # the page as the section found it
        still = float(self.still.wrap(avail_width, max(0.0, avail_height - top))[1])
        self.width, self.height = avail_width, top + still
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # whole, here or on the next page

    def draw(self) -> None:
        super().draw()  # the outline entry, and (as a Bookmark) its line in the contents
        y = float(self.height)
        for flowable, height in zip(self.above, self.heights, strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y)
            y -= float(flowable.getSpaceAfter())
        self.still.drawOn(self.canv, 0, self.height - self.top - self.still.height)


class EitherOpening(Flowable):  # type: ignore[misc]
    """The stills' opening as ``first`` (the heading over the first still) where it fits
    here, else as ``second`` (the heading over a row of two, the first still after them,
    heading the next page) where that fits: the room at the page's foot is filled."""

    def __init__(self, first: list[Flowable], second: list[Flowable]) -> None:
        super().__init__()
        self.first, self.second = first, second

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0xFFFFFF  # always asked to split, as a KeepTogether is

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = getattr(frame, "_atTop", False)
        if at_top or self.first[0].wrap(avail_width, avail_height)[1] <= avail_height:
            return [NullActionFlowable(), *self.first]
        if self.second[0].wrap(avail_width, avail_height)[1] <= avail_height:
            return [NullActionFlowable(), *self.second]
        return [NullActionFlowable(), *self.first]  # over the page, as it would go

    def identity(self, maxLen: Any = None) -> str:
        return "EitherOpening"


class FirstRow(Flowable):  # type: ignore[misc]
    """The first row of flowing stills, two side by side at one height: at their planned
    crop where the page has room, else both cropped alike (by MAX_CROP of their height at
    most) to fill the foot of the page the section before them ends on."""

    def __init__(self, ctx: Context, slots: list[StillSlot]) -> None:
        super().__init__()
        self.ctx, self.slots = ctx, slots
        self.most = min(s.shown_height - s.box[1] * (1 - MAX_CROP) for s in slots)
        self.chosen = self._row(0.0)
        self.used: float | None = None  # of the page, as a `FirstStill`'s (not read here)

    def _row(self, trim: float) -> Flowable:
        ctx = self.ctx
        cells = [
            photo(
                ctx,
                ctx.images[slot.still.id],
                slot.box,
                ctx.caption(slot),
                _rights(ctx, slot),
                slot.shown_height - trim,
            )
            for slot in self.slots
        ]
        return photo_grid(ctx, cells, 2, [slot.box[0] for slot in self.slots])

    def least_height(self) -> float:
        page = self.ctx.layout.page
        row = self._row(max(0.0, self.most))
        return float(row.wrap(page.frame_width, page.frame_height)[1])

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.chosen = self._row(0.0)
        width, height = self.chosen.wrap(avail_width, avail_height)
        short = height - avail_height
        if 0 < short <= self.most:
            self.chosen = self._row(short)
            width, height = self.chosen.wrap(avail_width, avail_height)
        self.width, self.height = width, height
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # whole, here or on the next page

    def draw(self) -> None:
        self.chosen.drawOn(self.canv, 0, 0)


def shared_rights(lines: list[str]) -> str:
    """The rights line two or more stills have and more have than any other; "" if none."""
    counts = Counter(line for line in lines if line)
    if not counts:
        return ""
    line, count = max(counts.items(), key=lambda item: (item[1], -lines.index(item[0])))
    return line if count >= 2 else ""


def _rights(ctx: Context, slot: StillSlot) -> Paragraph | None:
    """A still's own rights line under its caption; none when it is the section's shared one."""
    own = slot.caption.rights
    if not own or own == ctx.shared_rights:
        return None
    return ctx.p(escape(own), "rights")


def _photo(ctx: Context, slot: StillSlot) -> Flowable:
    caption = ctx.caption(slot)
    rights = _rights(ctx, slot)
    return photo(ctx, ctx.images[slot.still.id], slot.box, caption, rights, slot.shown_height)


def embargo_line(ctx: Context) -> Paragraph:
    return ctx.p(f"<b>{escape(ctx.document.embargo or '')}</b>", "value")


def contacts(ctx: Context) -> list[Flowable]:
    """Whom to call, as a grid of blocks across the page (each a role over its lines, in the
    kit's order along the rows), not one narrow stack down its left side."""
    out = heading(ctx, "contacts")
    accent = ctx.layout.colour("accent")
    if ctx.document.embargo:  # the inside front says it before anything else
        out += [embargo_line(ctx), Gap(4 if at_a_glance(ctx) else 10)]
    if at_a_glance(ctx):
        out += [ctx.p(escape(" · ".join(at_a_glance(ctx))), "value"), Gap(10)]
    blocks: list[tuple[str, list[str]]] = []
    for contact in ctx.kit.contacts:
        lines = [escape(x) for x in (contact.name, contact.company, contact.address) if x]
        if contact.phone:
            lines.append(escape(contact.phone))
        if contact.email:
            lines.append(link(f"mailto:{contact.email}", contact.email, accent))
        if contact.url:
            lines.append(link(contact.url, colour=accent))
        blocks.append((ctx.labels.contact_role(contact.role), lines))
    if blocks:
        out.append(contact_grid(ctx, blocks))
    if ctx.kit.press_materials:  # a line in the text column under the blocks: a long
        portal = link(ctx.kit.press_materials, colour=accent)  # address widened a column
        line = ctx.p(f"{escape(ctx.labels.press_materials)}: {portal}", "value")
        out += [Gap(2), *prose_column(ctx, [line])]
    return out


def at_a_glance(ctx: Context) -> list[str]:
    """What a journalist asks first, on one line of the inside front: the running time, the
    certificate and the first release date ('104 min · 12A (BBFC) · UK & Ireland ·
    theatrical 16 October 2026')."""
    wanted = {ctx.labels.facts["runtime"], ctx.labels.facts["rating"]}
    found = [value for label, value in ctx.document.facts if label in wanted]
    if ctx.kit.releases:
        first = min(ctx.kit.releases, key=lambda r: r.date)
        when = long_date(first.date, ctx.labels.language)
        found.append(f"{first.territory} · {first.window} {when}")
    return found


_UNBROKEN = re.compile(r"@|://|^[+\d][\d ()./-]{5,}$")  # an e-mail, a web address, a number


def contact_grid(ctx: Context, blocks: list[tuple[str, list[str]]]) -> Table:
    """The blocks in rows across the frame, in the kit's order along the rows: three columns
    on the grid where the longest line fits the narrowest (the side column, then the text
    column's two halves: the second starts where every list sets its values), else two
    halves. (Two blocks on the text column's halves alone would put a third column
    position on the page, at the second half.)"""
    page = ctx.layout.page
    gap = page.columns_gap
    cells = [
        [ctx.p(escape(role), "label"), ctx.p("<br/>".join(lines), "value")]
        for role, lines in blocks
    ]
    # The lines that may not wrap: an address, a number; a name or a company may.
    whole = [line for _, lines in blocks for line in lines if _UNBROKEN.search(line)]
    widest = max((longest_line(ctx.p(line, "value")) for line in whole), default=0.0)
    side = value_column(ctx)
    half = (page.frame_width - side + gap) / 2
    three = [side, half, half - gap]  # the last column has no gutter after it
    halves = [(page.frame_width + gap) / 2, (page.frame_width - gap) / 2]
    widths = three if min(side - gap, half - gap) >= widest else halves
    if len(cells) < len(widths):
        widths = [page.frame_width] if len(cells) == 1 else widths[:2]
    columns = len(widths)
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [[]] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=widths)
    table.hAlign = "LEFT"
    rule = ctx.layout.colour("rule")
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), gap),
        ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
    ]
    for number, row in enumerate(rows):
        for column, cell in enumerate(row):
            if cell:  # a rule over each block, its own column's width
                commands.append(("LINEABOVE", (column, number), (column, number), 0.5, rule))
    table.setStyle(_table_style(ctx, *commands))
    return table


BUILDERS: dict[str, Callable[[Context], list[Flowable]]] = {
    "synopsis": synopsis,
    "long_synopsis": long_synopsis,
    "directors_statement": directors_statement,
    "details": details,
    "releases": releases,
    "cast": cast,
    "crew": crew,
    "festivals": festivals,
    "quotes": quotes,
    "stills": stills,
    "contacts": contacts,
}
