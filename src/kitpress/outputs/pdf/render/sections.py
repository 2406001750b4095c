"""One builder per section kind: each returns the flowables of its section, or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Table,
    TableStyle,
)

from kitpress.document.art import ArtFile
from kitpress.document.labels import Labels
from kitpress.document.model import PressDocument
from kitpress.document.praise import in_order
from kitpress.document.prose_blocks import ProseBlock, prose_blocks
from kitpress.kit.model import Kit, Prose
from kitpress.layout.model import Layout
from kitpress.stills.cmyk import CmykProfile

from ..arrange import HEADING_ALLOWANCE
from ..plan import DocumentPlan, StillSlot
from .artwork import draw_art, fit
from .flowables import Bookmark, Gap, PullQuote, Rule, photo, photo_grid
from .long_paragraphs import paragraph_flowables
from .paragraphs import paragraph
from .qr import qr_code
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
    def labels(self) -> Labels:
        return self.document.labels

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
    out[-1].keepWithNext = False  # the list's own first rows hold the heading off the foot
    return [*out, table]


def prose(ctx: Context, text: Prose) -> list[Flowable]:
    """Markdown prose: its `##` headings as subheadings, its `>` quotes as pull quotes."""
    return long_prose(ctx, prose_blocks(text.markdown))


def long_prose(ctx: Context, blocks: tuple[ProseBlock, ...], text: str = "body") -> list[Flowable]:
    """Blocks of the document's long prose, each kind in its own style: questions apart
    from answers, chapter headings as subheadings, pull quotes larger behind an accent rule."""
    out: list[Flowable] = []
    for block in blocks:
        if block.kind == "heading":
            title = ctx.p(markdown_blocks(block.markdown)[0].markup, "subheading")
            title.keepWithNext = True
            out.append(title)
        elif block.kind == "quote":
            quote = [ctx.p(b.markup, "pull_quote") for b in markdown_blocks(block.markdown)]
            out.append(PullQuote(quote, ctx.layout.colour("accent")))
        else:
            style = "question" if block.kind == "question" else text
            out += markdown_flowables(ctx, block.markdown, style)
            if block.kind == "question":
                out[-1].keepWithNext = True
    return out


def markdown_flowables(ctx: Context, markdown: str, style_name: str) -> list[Flowable]:
    accent = ctx.layout.colour("accent")
    out: list[Flowable] = []
    style, width = ctx.styles[style_name], ctx.layout.page.frame_width
    for block in markdown_blocks(markdown, accent):
        item = list_item_style(style, block.depth) if block.depth else style
        out += paragraph_flowables(block.markup, item, width, block.bullet)
    return out


def synopsis(ctx: Context) -> list[Flowable]:
    out = heading(ctx, "synopsis")
    if ctx.kit.logline:
        lead, width = ctx.styles["lead"], ctx.layout.page.frame_width
        out += [*paragraph_flowables(escape(ctx.kit.logline), lead, width), Gap(6)]
    if ctx.kit.synopsis:
        out += prose(ctx, ctx.kit.synopsis)
    return out


def long_synopsis(ctx: Context) -> list[Flowable]:
    assert ctx.kit.long_synopsis is not None
    return heading(ctx, "long_synopsis") + prose(ctx, ctx.kit.long_synopsis)


def directors_statement(ctx: Context) -> list[Flowable]:
    assert ctx.kit.directors_statement is not None
    return heading(ctx, "directors_statement") + prose(ctx, ctx.kit.directors_statement)


def _table_style(ctx: Context, *commands: tuple[object, ...]) -> TableStyle:
    """Table style that names a layout font, so ReportLab's default Helvetica never appears."""
    body = ctx.styles["body"].fontName
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), body), *commands])


def _table(ctx: Context, rows: list[tuple[str, str]]) -> Table:
    """Labels beside their values in the layout's grid: small capitals, then the value."""
    cells: list[tuple[Cell, Cell]] = [
        (_grid_label(ctx, label), ctx.p(value, "value")) for label, value in rows
    ]
    return grid_table(ctx, cells, rules=True)


def _grid_label(ctx: Context, label: str) -> Paragraph:
    """A label on its value's leading, so a label's second line keeps the value's baselines."""
    style = ctx.styles["label"]
    leading = ctx.styles["value"].leading
    lined = ParagraphStyle(f"{style.name}-on-value", parent=style, leading=leading)
    return paragraph(escape(label), lined)


Cell: TypeAlias = Paragraph | list[Flowable]  # a table cell: a paragraph, or flowables led by one


def grid_table(ctx: Context, rows: list[tuple[Cell, Cell]], *, rules: bool) -> Table:
    """Two columns on the layout's grid: the first ``page.label_column`` wide, the second
    where every other list of the kit sets its values. Each row's two first lines share a
    baseline: the cell in the smaller type drops by the difference in size."""
    page = ctx.layout.page
    label_column = min(page.label_column, page.frame_width / 2)
    table = Table(
        [list(row) for row in rows], colWidths=[label_column, page.frame_width - label_column]
    )
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), page.columns_gap),
        ("RIGHTPADDING", (1, 0), (1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 5 if rules else 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6 if rules else 4),
    ]
    if rules:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, ctx.layout.colour("rule")))
    for number, row in enumerate(rows):
        sizes = [_first_size(cell) for cell in row]
        for column, size in enumerate(sizes):
            if size < max(sizes):
                top = (5 if rules else 0) + max(sizes) - size
                commands.append(("TOPPADDING", (column, number), (column, number), top))
    table.setStyle(_table_style(ctx, *commands))
    return table


def _first_size(cell: Cell) -> float:
    first = cell[0] if isinstance(cell, list) else cell
    return float(first.style.fontSize)


def details(ctx: Context) -> list[Flowable]:
    rows = [(label, escape(value)) for label, value in ctx.document.facts]
    cells: list[tuple[Cell, Cell]] = [
        (_grid_label(ctx, label), ctx.p(value, "value")) for label, value in rows
    ]
    if ctx.kit.trailer:  # the code in the trailer's row: a printed kit's reader scans it
        accent, ink = ctx.layout.colour("accent"), ctx.layout.colour("ink")
        scan = [
            ctx.p(link(ctx.kit.trailer, colour=accent), "value"),
            Gap(6),
            qr_code(ctx.kit.trailer, 62, ink),
            ctx.p(escape(ctx.labels.scan_for_trailer), "label"),
        ]
        cells.append((_grid_label(ctx, ctx.labels.trailer), scan))
    return list_section(ctx, "details", grid_table(ctx, cells, rules=True))


def releases(ctx: Context) -> list[Flowable]:
    rows = [
        (f"{r.territory} · {r.window}", escape(f"{r.date:%A, %B} {r.date.day}, {r.date.year}"))
        for r in ctx.kit.releases
    ]
    return list_section(ctx, "releases", _table(ctx, rows))


def cast(ctx: Context) -> list[Flowable]:
    """End-credit form: each character beside the actor who plays them, no "as"."""
    rows = [
        (ctx.p(escape(member.character or ""), "role"), ctx.p(escape(member.actor), "name"))
        for member in ctx.kit.cast
    ]
    return list_section(ctx, "cast", grid_table(ctx, rows, rules=False))


def crew(ctx: Context) -> list[Flowable]:
    rows = [(credit.role, escape(", ".join(credit.names))) for credit in ctx.kit.crew]
    return list_section(ctx, "crew", _table(ctx, rows))


def festivals(ctx: Context) -> list[Flowable]:
    rows: list[tuple[str, str]] = []
    for fest in ctx.kit.festivals:
        label = f"{fest.name} {fest.year}" if fest.year else fest.name
        lines = ctx.labels.festival_lines(fest.award, fest.section)
        what = "<br/>".join(
            f"<b>{escape(line)}</b>" if i == 0 and fest.award else escape(line)
            for i, line in enumerate(lines)
        )
        rows.append((label, what))
    out = list_section(ctx, "festivals", _table(ctx, rows))
    own = [(f, art) for f in ctx.kit.festivals if (art := ctx.document.artwork(f.laurel))]
    if own:  # the festivals' own laurels, in a row under the list
        out += [Gap(14), LaurelRow([art for _, art in own], ctx)]
    return out


LAUREL_ROW_HEIGHT = 72.0  # points: the festivals' own laurels under their list


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


def quotes(ctx: Context) -> list[Flowable]:
    out = heading(ctx, "quotes")
    lead, praise = out[:-3], out[-3:]  # the heading's marks go with the praise they head
    colour = ctx.layout.colour("accent")
    if ctx.document.embargo and "contacts" not in ctx.document.sections:
        praise += [embargo_line(ctx), Gap(10)]  # no contacts: the praise opens the inside front
    for i, quote in enumerate(in_order(ctx.kit.quotes)):
        style = "hero_quote" if i == 0 and len(ctx.kit.quotes) > 1 else "lead"
        praise.append(ctx.p(f"“{escape(quote.text)}”", style))
        if quote.stars is not None:
            said = ctx.labels.stars.format(n=quote.stars)
            praise += [Gap(3), Stars(quote.stars, colour, said, ctx.styles["label"].fontName)]
        source = ", ".join(x for x in (quote.author, quote.source) if x)
        if source:
            praise.append(ctx.p(escape(f"— {source}"), "label"))
        praise.append(Gap(14 if i == 0 else 10))
    return [*lead, KeepTogether(praise)]  # the praise reads as one block: never a lone quote


def stills(ctx: Context) -> list[Flowable]:
    """The planned groups in their grids, each photo with its caption. On a fresh page (the
    layout's ``new_page``), one page per group; else the stills follow the section before
    them, starting on its page when the heading and a first row fit, one row after another."""
    out = heading(ctx, "stills")
    fresh = "stills" in ctx.layout.new_page
    grids = []
    for page in ctx.plan.still_pages:
        grids.append(photo_grid(ctx, [_photo(ctx, slot) for slot in page.slots], page.columns))
    if fresh:
        for number, grid in enumerate(grids):
            out += [PageBreak(), grid] if number else [grid]
        return out
    if grids:
        first_row = grids[0].wrap(ctx.layout.page.frame_width, ctx.layout.page.frame_height)[1]
        first_row /= max(1, len(grids[0]._cellvalues))
        out[0] = CondPageBreak(first_row + HEADING_ALLOWANCE + 22)
        out[-1].keepWithNext = False  # the first row holds the heading off the page's foot
    return out + grids


def _photo(ctx: Context, slot: StillSlot) -> Flowable:
    caption = ctx.p(escape(slot.caption.text), "caption")
    rights = ctx.p(escape(slot.caption.rights), "rights") if slot.caption.rights else None
    return photo(ctx, ctx.images[slot.still.id], slot.box, caption, rights)


def embargo_line(ctx: Context) -> Paragraph:
    return ctx.p(f"<b>{escape(ctx.document.embargo or '')}</b>", "value")


def contacts(ctx: Context) -> list[Flowable]:
    out = heading(ctx, "contacts")
    accent = ctx.layout.colour("accent")
    if ctx.document.embargo:  # the inside front says it before anything else
        out += [embargo_line(ctx), Gap(10)]
    for contact in ctx.kit.contacts:
        out.append(ctx.p(escape(ctx.labels.contact_role(contact.role)), "label"))
        lines = [escape(x) for x in (contact.name, contact.company, contact.address) if x]
        if contact.phone:
            lines.append(escape(contact.phone))
        if contact.email:
            lines.append(link(f"mailto:{contact.email}", contact.email, accent))
        if contact.url:
            lines.append(link(contact.url, colour=accent))
        out += [ctx.p("<br/>".join(lines), "value"), Rule(ctx.layout.colour("rule"))]
    if ctx.kit.press_materials:
        out.append(ctx.p(escape(ctx.labels.press_materials), "label"))
        out.append(ctx.p(link(ctx.kit.press_materials, colour=accent), "value"))
    return out


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
