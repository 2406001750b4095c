"""Assemble the PDF: page templates from the layout, the cover, then each planned section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from kitpress.document.art import ArtFile
from kitpress.document.labels import Labels
from kitpress.document.model import PressDocument
from kitpress.document.title_art import title_art_on
from kitpress.kit.model import Kit
from kitpress.layout.model import Layout, PageSpec
from kitpress.stills.cmyk import CmykProfile

from ..plan import DocumentPlan
from .artwork import draw_art, fit
from .back_cover import BackCover
from .contents import AlignedContents
from .cover import CoverArt, CoverExtras, draw_cover
from .flowables import AtFoot, Bookmark
from .fonts import font_name, register_layout_fonts
from .marks import draw_crop_marks
from .press_notes import BUILDERS as PRESS_NOTES
from .scripts import draw_string
from .sections import BUILDERS as FACTS
from .sections import Context
from .slug_line import draw_slug_line, slug_text
from .styles import paragraph_styles
from .text import escape

BUILDERS = {**FACTS, **PRESS_NOTES}
rl_config.useA85 = 0  # embed JPEG bytes as they are; ASCII85 would add a quarter to the size


def render_pdf(
    target: Path,
    document: PressDocument,
    layout: Layout,
    plan: DocumentPlan,
    images: dict[str, Path],
    cover: CoverArt | None,
    cmyk: CmykProfile | None = None,
) -> int:
    """Write the PDF to ``target`` (a file the caller renames into place); return page count."""
    register_layout_fonts(layout)
    styles = paragraph_styles(layout, document.language)
    ctx = Context(document, layout, plan, styles, images, cmyk)
    contents = layout.contents and inside_pages(_render(target, ctx, cover, 0), plan) >= (
        layout.contents_min_pages
    )  # a short kit is read through without one: a contents page would only point on
    pages = _render(target, ctx, cover, notes=0, contents=contents)
    sheet = layout.page.pages_a_sheet  # printed: 2 a sheet, both sides; a booklet: 4
    blanks = -pages % sheet if sheet else 0
    if "back_cover" in plan.sections and blanks:
        # the back cover on the last page of the last sheet, the outside back: the pages
        # before it ruled for notes, the inside back cover alone left blank
        pages = _render(target, ctx, cover, notes=blanks - 1, blank=True, contents=contents)
    return pages


def inside_pages(pages: int, plan: DocumentPlan) -> int:
    """The pages between the covers, of a PDF of ``pages`` pages."""
    return pages - ("cover" in plan.sections) - ("back_cover" in plan.sections)


def _render(
    target: Path,
    ctx: Context,
    cover: CoverArt | None,
    notes: int,
    blank: bool = False,
    contents: bool = False,
) -> int:
    """Write the PDF, with ``notes`` ruled notes pages before the back cover, then a page left
    blank (the inside back cover) when ``blank``, and a contents page when ``contents``."""
    document, layout, plan, styles = ctx.document, ctx.layout, ctx.plan, ctx.styles
    kit = document.kit
    doc = _document(target, kit, layout, document.labels, document.language)
    body = [section for section in plan.sections if section in BUILDERS]
    back = "back_cover" in plan.sections
    only_cover = "cover" in plan.sections and not body and not contents and not back
    doc.addPageTemplates(_templates(ctx, cover, only_cover))
    story: list[Any] = []
    start: list[Any] = [NextPageTemplate("body"), PageBreak()] if "cover" in plan.sections else []
    story += start
    if contents:
        story += contents_page(ctx)
    for section in body:
        story += BUILDERS[section](ctx)
    if back:
        if story[-2:] == start:  # nothing between the covers: no empty page between them
            del story[-2:]
        for _ in range(notes):
            story += [PageBreak(), ctx.p(escape(ctx.labels.notes), "heading")]
            story.append(NotesLines(layout.colour("rule")))
        if blank:  # the inside back cover: no running foot, no folio
            story += [NextPageTemplate("back"), PageBreak(), Spacer(0, 0.1)]
        story += [NextPageTemplate("back"), PageBreak(), BackCover(ctx)]
    elif kit.copyright_line and not only_cover:  # on the last page, without a back cover
        story.append(AtFoot(Paragraph(escape(kit.copyright_line), styles["rights"])))
    if contents:
        doc.multiBuild(story)  # a second pass puts the page numbers in the contents
    else:
        doc.build(story)
    return int(doc.page)


class _KitDocument(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Any) -> None:
        """Every section's bookmark is also its line in the table of contents."""
        if isinstance(flowable, Bookmark):
            self.notify("TOCEntry", (0, flowable.title, self.page, flowable.key))


class NotesLines(Flowable):  # type: ignore[misc]
    """Hairlines a line of handwriting apart, down to the foot of the frame: a notes page."""

    PITCH = 24.0  # points between lines

    def __init__(self, colour: str) -> None:
        super().__init__()
        self.colour = colour

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height
        return avail_width, avail_height

    def draw(self) -> None:
        self.canv.setLineWidth(0.4)
        self.canv.setStrokeColor(self.colour)
        y = self.height - self.PITCH
        while y >= 0:
            self.canv.line(0, y, self.width, y)
            y -= self.PITCH


def contents_page(ctx: Context) -> list[Any]:
    heading, entry = ctx.styles["heading"], ctx.styles["value"]
    toc = AlignedContents(dotsMinLevel=0)
    toc.tableStyle = TableStyle(  # name a layout font: ReportLab's default is Helvetica
        [("FONTNAME", (0, 0), (-1, -1), entry.fontName), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    )
    toc.levelStyles = [ParagraphStyle("contents", parent=entry, leading=entry.leading * 1.6)]
    return [Paragraph(escape(ctx.labels.contents), heading), toc, PageBreak()]


def _document(
    target: Path, kit: Kit, layout: Layout, labels: Labels, language: str
) -> BaseDocTemplate:
    page = layout.page
    return _KitDocument(
        str(target),
        pagesize=page.media,
        leftMargin=page.margin_left + page.offset,
        rightMargin=page.margin_right + page.offset,
        topMargin=page.margin_top + page.offset,
        bottomMargin=page.margin_bottom + page.offset,
        title=f"{kit.title} — {labels.press_kit}",
        author=kit.presented_by or "",
        subject=kit.logline or labels.press_kit_for.format(title=kit.title),
        keywords=", ".join((labels.press_kit.lower(), kit.title, *kit.genres, *kit.directors)),
        creator="kitpress",
        producer="kitpress",
        invariant=1,
        initialFontName=font_name("sans") if "sans" in layout.fonts else None,
        lang=language,  # the catalog's /Lang: what a screen reader speaks it in
    )


def _body_frame(page: PageSpec, left: float) -> Frame:
    """The text block, ``left`` points from the trimmed page's left edge."""
    return Frame(
        left + page.offset,
        page.margin_bottom + page.offset,
        page.frame_width,
        page.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )


class FacingPages(PageTemplate):  # type: ignore[misc]
    """The inside pages' template: its text block at the page's own left margin, so on
    facing pages (printed double-sided) a right-hand page has it off the fold at the left
    and a left-hand page off the fold at the right. One template for both, chosen by the
    page's number as each page begins, so the sides stay right whatever page the body starts
    on (after a cover or not, a notes page, a blank one)."""

    def __init__(self, id: str, page: PageSpec, on_page: Callable[[Any, Any], None]) -> None:
        self.recto = _body_frame(page, page.left_margin(1))
        self.verso = _body_frame(page, page.left_margin(2))
        super().__init__(id, [self.recto], onPage=on_page)

    def beforeDrawPage(self, canvas: Any, doc: Any) -> None:
        self.frames = [self.recto if doc.page % 2 else self.verso]


COVER_LOGO_ROLES = ("distributor", "sales")  # whose logos the cover's foot carries


def cover_logos(document: PressDocument) -> tuple[ArtFile, ...]:
    """The distributor's and sales company's logos, for the cover's foot, in the kit's order."""
    logos = [logo for logo in document.kit.logos if logo.role in COVER_LOGO_ROLES]
    return tuple(art for logo in logos if (art := document.artwork(logo.art)) is not None)


def _templates(ctx: Context, cover: CoverArt | None, only_cover: bool) -> list[PageTemplate]:
    page = ctx.layout.page
    frame = _body_frame(page, page.margin_left)  # the back cover: a designed page, centred
    cover_frame = Frame(0, 0, *page.media, id="cover")
    document = ctx.document
    extras = CoverExtras(
        title_art_on(document, ctx.layout.colour("cover_paper")),
        tuple(document.artwork(f.laurel) for f in ctx.kit.festivals),
        document.embargo,
        cover_logos(document),
        ctx.cmyk,
    )

    def on_cover(canvas: Any, doc: Any) -> None:
        def draw() -> None:
            draw_cover(
                canvas, ctx.kit, ctx.layout, ctx.styles, cover, only_cover, ctx.labels, extras
            )

        _on_trimmed_page(canvas, ctx, doc.page, draw)

    def on_body(canvas: Any, doc: Any) -> None:
        _paper(canvas, ctx)
        _on_trimmed_page(canvas, ctx, doc.page, lambda: _footer(canvas, ctx, doc.page))

    def on_back(canvas: Any, doc: Any) -> None:  # a designed page: no folio, no running line
        _paper(canvas, ctx)
        _on_trimmed_page(canvas, ctx, doc.page, lambda: None)

    return [
        PageTemplate("cover", [cover_frame], onPage=on_cover, autoNextPageTemplate="body"),
        FacingPages("body", page, on_body),
        PageTemplate("back", [frame], onPage=on_back),
    ]


WHITE = "#ffffff"


def _paper(canvas: Any, ctx: Context) -> None:
    """A layout's tinted paper (classic's warm ivory) under the screen PDF's inside pages; the
    print PDF leaves the paper to the stock it is printed on, and white is no fill at all."""
    paper = ctx.layout.colour("paper")
    if ctx.cmyk is not None or paper.lower() == WHITE:
        return
    canvas.saveState()
    canvas.setFillColor(paper)
    canvas.rect(0, 0, *ctx.layout.page.media, stroke=0, fill=1)
    canvas.restoreState()


def _on_trimmed_page(canvas: Any, ctx: Context, number: int, draw: Callable[[], None]) -> None:
    """Run ``draw`` in the trimmed page's coordinates, then add crop marks and the slug line
    when asked for."""
    page = ctx.layout.page
    canvas.saveState()
    canvas.translate(page.offset, page.offset)
    draw()
    canvas.restoreState()
    if page.crop_marks:
        draw_crop_marks(canvas, page)
    if page.slug_line:
        title = f"{ctx.kit.title} — {ctx.labels.press_kit}"
        text = slug_text(title, ctx.document.dated, number, ctx.cmyk)
        draw_slug_line(canvas, page, text, font_name(ctx.layout.styles["footer"].font))


FOOTER_MARK_SCALE = 1.4  # the running title art, against the footer's type size


def footer_mark_size(art: ArtFile, type_size: float) -> tuple[float, float]:
    """The title art in the folio line: a little taller than the footer's type."""
    height = type_size * FOOTER_MARK_SCALE
    return fit(art, height * 12, height)


def _footer(canvas: Any, ctx: Context, number: int) -> None:
    page, layout = ctx.layout.page, ctx.layout
    style = layout.styles["footer"]
    y = page.margin_bottom * 0.45
    left, right = page.left_margin(number), page.width - page.right_margin(number)
    canvas.saveState()
    canvas.setStrokeColor(layout.colour("rule"))
    canvas.setLineWidth(0.5)
    canvas.line(left, y + style.size + 5, right, y + style.size + 5)  # the text block's width
    canvas.setFillColor(style.colour)
    font = font_name(style.font, style.bold, style.italic)
    canvas.setFont(font, style.size)
    running = layout.footer.format(title=ctx.kit.title, page=number, press_kit=ctx.labels.press_kit)
    mark = title_art_on(ctx.document, layout.colour("paper"))
    mark_width = 0.0
    if mark is not None and layout.cover.title_mark == "footer":  # the title art, running
        mark_width = footer_mark_size(mark, style.size)[0] + style.size
    if folio_outside_left(ctx, number):  # a left-hand page of a printed kit: folio outside
        canvas.drawString(left, y, str(number))
        x = right - canvas.stringWidth(running, font, style.size) - mark_width
        draw_string(canvas, right, y, running, right=True)
    else:
        x = left
        draw_string(canvas, x + mark_width, y, running)
        canvas.drawRightString(right, y, str(number))
    if mark is not None and mark_width:
        size = footer_mark_size(mark, style.size)
        draw_art(canvas, mark, (x, y - 1), size, layout.colour("paper"), ctx.cmyk)
    canvas.restoreState()


def folio_outside_left(ctx: Context, number: int) -> bool:
    """Printed double-sided (the print profile, and the booklet made from it), an even page is
    a left-hand page: its folio goes on its outer edge, the left. On screen, always right."""
    return ctx.layout.page.facing and number % 2 == 0
