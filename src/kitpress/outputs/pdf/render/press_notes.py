"""The sections of press notes beyond the facts: the interview, production notes, the cast's
and filmmakers' biographies with portraits and filmographies, and the end credits."""

from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    Indenter,
    KeepTogether,
)

from kitpress.document.model import PersonEntry
from kitpress.document.prose_blocks import prose_blocks
from kitpress.kit.model import FilmCredit

from ..portraits import portrait_box
from .flowables import Gap
from .inline_stills import inline_slot, still_among_prose
from .jpeg_files import jpeg_image
from .paragraphs import paragraph
from .sections import (
    Context,
    heading,
    label_table,
    list_section,
    long_prose,
    prose_column,
    prose_section,
    value_column,
)
from .text import escape, markdown_blocks

PORTRAIT_GUTTER = 14.0  # points between a portrait and the bio beside it
YEAR_COLUMN = 2.9  # ems: a filmography's years hang in a column of their own
PERSON_START = 160.0  # points a person needs left on a page to start there
HEADING_GAP = 22.0  # points above a section's heading where it follows on a page
NAME_ROOM = 60.0  # points a person's name and part take above their portrait


def interview(ctx: Context) -> list[Flowable]:
    text: list[Flowable] = []
    if ctx.kit.interviewer:
        byline = ctx.labels.interview_by.format(name=ctx.kit.interviewer)
        by = ctx.p(escape(byline), "byline")
        by.keepWithNext = True  # with the first question, never alone under the heading
        text.append(by)
    text += long_prose(ctx, ctx.document.interview, hang=value_column(ctx))
    return prose_section(ctx, "interview", text)


def production_notes(ctx: Context) -> list[Flowable]:
    notes = long_prose(ctx, ctx.document.production_notes, hang=value_column(ctx))
    slot = inline_slot(ctx, "production_notes")
    if slot is not None:  # after the first chapter
        still_among_prose(ctx, slot, notes, 1)
    return prose_section(ctx, "production_notes", notes)


def about_cast(ctx: Context) -> list[Flowable]:
    return _people(ctx, "about_cast", ctx.document.about_cast, cast=True)


def about_filmmakers(ctx: Context) -> list[Flowable]:
    return _people(ctx, "about_filmmakers", ctx.document.about_filmmakers, cast=False)


def _people(
    ctx: Context, key: str, people: tuple[PersonEntry, ...], *, cast: bool
) -> list[Flowable]:
    out = heading(ctx, key)
    if key not in ctx.layout.new_page and people:  # it starts where its first person can
        page = ctx.layout.page
        title = out[-1]  # the heading, measured, and the gap above it
        above = title.wrap(page.frame_width, page.frame_height)[1] + title.getSpaceAfter()
        out[0] = CondPageBreak(_person_start(ctx, people[0]) + HEADING_GAP + above)
    for number, person in enumerate(people):
        if number:
            out += [CondPageBreak(_person_start(ctx, person)), Gap(20)]
        out += _person(ctx, person, cast)
    return out


def _person_start(ctx: Context, person: PersonEntry) -> float:
    """Points a person needs left on a page: their name over the whole portrait, if any."""
    entry = person.portrait
    if entry is None or entry.key not in ctx.images:
        return PERSON_START
    return max(PERSON_START, portrait_box(ctx.layout, entry.pixels)[1] + NAME_ROOM)


def _person(ctx: Context, person: PersonEntry, cast: bool) -> list[Flowable]:
    """Name and part, then the bio and filmography running beside the portrait."""
    name = ctx.p(escape(person.name), "bio_name")
    name.keepWithNext = True
    out: list[Flowable] = [name]
    if person.part:
        part = ctx.p(escape(person.part), "bio_part")
        part.keepWithNext = True
        out.append(part)
    text: list[Flowable] = []
    profile = person.profile
    if profile.bio:
        text += long_prose(ctx, prose_blocks(profile.bio.markdown), "bio")
    if profile.filmography or profile.filmography_text:
        label = ctx.p(escape(ctx.labels.selected_filmography), "filmography_heading")
        label.keepWithNext = True
        text.append(label)
        if profile.filmography_text:
            text += _written_filmography(ctx, profile.filmography_text.markdown)
        text += [_film(ctx, film, cast) for film in profile.filmography]
    entry = person.portrait
    if entry is None or entry.key not in ctx.images:
        return out + prose_column(ctx, text)  # no portrait: the text where it would stand
    width, height = portrait_box(ctx.layout, entry.pixels)
    image = jpeg_image(ctx.images[entry.key], width, height)
    if not text:
        image.hAlign = "LEFT"
        return [KeepTogether([*out, image])]
    portrait = Portrait(image)
    # The bio and filmography keep to their own column, on the grid's value column (where
    # every list sets its values) unless the portrait needs more.
    column = max(width + PORTRAIT_GUTTER, value_column(ctx))
    return [*out, portrait, Indenter(left=column), *text, Indenter(left=-column), Below(portrait)]


class Portrait(Flowable):  # type: ignore[misc]
    """A portrait hung from where it stands, taking no height: the text column beside it
    (indented past it) runs down its right side and on, never under it."""

    def __init__(self, image: Image) -> None:
        super().__init__()
        self.image = image
        self.foot: tuple[int, float] | None = None  # page number and y of the portrait's foot

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        foot = y - self.image.drawHeight
        self.image.drawOn(canvas, x, foot)
        self.foot = (canvas.getPageNumber(), foot)


class Below(Flowable):  # type: ignore[misc]
    """Space down to the foot of the portrait above, when the text beside it ends higher."""

    def __init__(self, portrait: Portrait) -> None:
        super().__init__()
        self.portrait = portrait

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame, foot = getattr(self, "_frame", None), self.portrait.foot
        self.height = 0.0
        if frame is not None and foot is not None and foot[0] == self.canv.getPageNumber():
            self.height = max(0.0, min(frame._y - foot[1], avail_height))
        return avail_width, self.height

    def draw(self) -> None:
        pass


def _filmography_style(ctx: Context) -> ParagraphStyle:
    """The filmography's style with its titles indented past the year column."""
    style = ctx.styles["filmography"]
    column = style.fontSize * YEAR_COLUMN
    return ParagraphStyle(f"{style.name}-hanging", parent=style, leftIndent=column, bulletIndent=0)


def _written_filmography(ctx: Context, markdown: str) -> list[Flowable]:
    """A filmography the user wrote as a Markdown list, in their words, set as the listed
    ones are: one film a line in the filmography's type, on the titles' indent, no bullets;
    so every person's filmography reads in one format: a line that gives its year ("*Tide
    Tables* (2024), Joost Veenhuis" or "2024 *Tide Tables*") has it in the years' column and
    the director after a dash, as a listed film's line."""
    accent = ctx.layout.colour("accent")
    hanging = _filmography_style(ctx)
    out = []
    for block in markdown_blocks(markdown, accent):
        year, line = film_line(block.markup)
        out.append(paragraph(line, hanging, year))
    return out


_TITLE_YEAR = re.compile(r"^(?P<title><i>.+?</i>) \((?P<year>\d{4})\)(?:,\s*|\s+[—–-]\s+|\s*$)")
_YEAR_FIRST = re.compile(r"^(?P<year>\d{4})(?:\s*[—–-]\s*|\s+)(?P<rest>\S.*)$")


def film_line(markup: str) -> tuple[str | None, str]:
    """A written filmography line as a listed one: its year, and the rest of the line."""
    found = _TITLE_YEAR.match(markup)
    if found:
        rest = markup[found.end() :].strip()
        return found["year"], found["title"] + (f" — {rest}" if rest else "")
    first = _YEAR_FIRST.match(markup)
    if first:
        return first["year"], first["rest"]
    return None, markup


def _film(ctx: Context, film: FilmCredit, cast: bool) -> Flowable:
    """'2021  *Parallel Mothers* — Pedro Almodóvar, as Janis': the year hanging in its
    column, the title in italics, the director after a dash, then the person's part."""
    hanging = _filmography_style(ctx)
    line = f"<i>{escape(film.title)}</i>"
    if film.director:
        line += f" — {escape(film.director)}"
    if film.role:
        part = ctx.labels.as_role(film.role) if cast else film.role
        line += f", {escape(part)}"
    year = str(film.year) if film.year else None
    return paragraph(line, hanging, year)


def credits(ctx: Context) -> list[Flowable]:
    """The full credits in the grid every list of the kit keeps: each role in small tracked
    capitals beside its names, one name a line; a page splits the list between rows, never
    leaving one alone."""
    rows = [
        (credit.role, "<br/>".join(escape(n) for n in credit.names))
        for credit in ctx.document.credits
    ]
    return list_section(ctx, "credits", label_table(ctx, rows, rules=False))


BUILDERS = {
    "interview": interview,
    "production_notes": production_notes,
    "about_cast": about_cast,
    "about_filmmakers": about_filmmakers,
    "credits": credits,
}
