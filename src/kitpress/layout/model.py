"""A validated layout: page geometry, fonts, colours, paragraph styles, section order,
still settings and caption house style. Lengths are in PostScript points."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .caption_style import CaptionStyle

SECTIONS = (
    "cover",
    "contacts",
    "quotes",
    "synopsis",
    "long_synopsis",
    "directors_statement",
    "details",
    "releases",
    "interview",
    "production_notes",
    "about_cast",
    "about_filmmakers",
    "cast",
    "crew",
    "credits",
    "festivals",
    "stills",
    "back_cover",
)
REQUIRED_STYLES = (
    "body",
    "lead",
    "heading",
    "label",
    "value",
    "name",
    "role",
    "caption",
    "rights",
    "footer",
    "cover_title",
    "cover_line",
    "cover_small",
    "cover_quote",
    "laurel",
)
NEW_PAGE = ("synopsis", "long_synopsis", "directors_statement", "stills", "contacts")


@dataclass(frozen=True)
class CoverSpec:
    style: str = "band"  # band, full, framed or poster (layout/cover_spec.py)
    art_share: float = 0.52  # of the page height, in band and framed covers
    title: str = "display"  # display: the typeset title fills the measure; set: style size
    text_zone: str = "bottom"  # full and poster: the title on the foot (bottom), at the top
    # (top) or on whichever crosses less of the picture (auto; the document resolves it)
    scrim: float = 0.92  # how far a full or poster cover's picture fades under the text, 0-1
    laurels: bool = True
    quote: bool = True
    title_mark: str = "back_cover"  # where the title art recurs small: back_cover, footer, none
    back_still: bool = True  # the back cover opens with a still the stills pages can spare
    align: str = "left"  # the text's and title art's one axis: left (the margin) or center


@dataclass(frozen=True)
class PageSpec:
    width: float
    height: float
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    columns_gap: float
    label_column: float = 160.0  # the grid's first column: every two-column list's labels
    binding: float = 0.0  # printed double-sided: how far the text block moves off the fold
    bleed: float = 0.0  # print profile: paper beyond the trim that backgrounds run into
    slug: float = 0.0  # print profile with crop marks or a slug line: room beyond the bleed
    crop_marks: bool = False  # print profile: crop marks drawn in that room
    pages_a_sheet: int = 0  # print: 2 (both sides of a sheet), 4 (a booklet); 0: not printed
    slug_line: bool = False  # print profile: the slug line (title, date, page...) in it

    @property
    def frame_width(self) -> float:
        return self.width - self.margin_left - self.margin_right

    @property
    def facing(self) -> bool:
        """Printed on both sides of the sheet (the print PDF, a booklet made from it): the
        pages face each other in pairs, so their margins mirror."""
        return self.pages_a_sheet > 0

    @property
    def margin_inside(self) -> float:
        """The margin at the fold of a printed page: ``margin_left`` and the binding."""
        return self.margin_left + self.binding

    @property
    def margin_outside(self) -> float:
        """The margin at the fore edge of a printed page: ``margin_right`` less the binding."""
        return self.margin_right - self.binding

    def left_margin(self, number: int) -> float:
        """The margin left of the text block on page ``number`` (1 is the cover). Facing
        pages mirror: a right-hand (odd) page has its inside margin at the left, a left-hand
        (even) page its outside one; the width of the text block is the same on both, only
        its place moves. A page read alone (the screen PDF) keeps ``margin_left``."""
        if not self.facing:
            return self.margin_left
        return self.margin_inside if number % 2 else self.margin_outside

    def right_margin(self, number: int) -> float:
        """The margin right of the text block on page ``number`` (see `left_margin`)."""
        if not self.facing:
            return self.margin_right
        return self.margin_outside if number % 2 else self.margin_inside

    @property
    def frame_height(self) -> float:
        return self.height - self.margin_top - self.margin_bottom

    @property
    def offset(self) -> float:
        """Where the trimmed page starts on the sheet (points from its lower-left corner)."""
        return self.bleed + self.slug

    @property
    def media(self) -> tuple[float, float]:
        return self.width + 2 * self.offset, self.height + 2 * self.offset

    def trim_box(self) -> tuple[float, float, float, float]:
        o = self.offset
        return o, o, o + self.width, o + self.height

    def bleed_box(self) -> tuple[float, float, float, float]:
        s = self.slug
        return s, s, s + self.width + 2 * self.bleed, s + self.height + 2 * self.bleed


@dataclass(frozen=True)
class FontFamily:
    key: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@dataclass(frozen=True)
class FallbackFont:
    """A TrueType font for a script the layout's families do not cover, by its ISO 15924
    code (Jpan, Arab, Hebr…): characters no family draws are set in the first that does."""

    script: str
    regular: Path
    bold: Path


@dataclass(frozen=True)
class TextStyle:
    name: str
    font: str
    size: float
    leading: float
    colour: str
    bold: bool = False
    italic: bool = False
    space_before: float = 0
    space_after: float = 0
    align: str = "left"
    upper: bool = False
    tracking: float = 0  # points added after each character (letter-spacing)
    measure: float = 0  # the longest line, in points; 0: as wide as the space it is set in
    hyphenate: bool = False  # break words at line ends, by the document's language


@dataclass(frozen=True)
class StillSettings:
    arrangement: str = "stacked"  # or "grid" (see arrange.py)
    per_page: int = 2
    opener: bool = True  # flowing stacked stills open with the first across the measure
    inline: int = 2  # stills set among the long prose too (the long synopsis, the production
    # notes), in the text column; each is also on the stills pages
    pdf_ppi: int = 200
    pdf_quality: int = 85
    print_long_edge: int = 3508
    print_quality: int = 92
    print_ppi: int = 300
    web_long_edge: int = 2048
    web_quality: int = 85
    web_ppi: int = 72
    thumb_long_edge: int = 480
    thumb_quality: int = 80
    thumb_ppi: int = 72
    background: str = "#ffffff"


@dataclass(frozen=True)
class WebSpec:
    """What only the web page needs (layout/web_spec.py)."""

    site_url: str | None = None  # where the site is published, may hold {slug}; None: relative
    logo: Path | None = None
    embed_trailer: bool = True


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    folder: Path
    page: PageSpec
    fonts: dict[str, FontFamily]
    colours: dict[str, str]
    styles: dict[str, TextStyle]
    sections: tuple[str, ...]
    stills: StillSettings
    captions: CaptionStyle
    footer: str
    cover: CoverSpec = CoverSpec()
    new_page: tuple[str, ...] = NEW_PAGE  # sections that start on a fresh page
    contents: bool = False  # a table of contents after the cover
    contents_min_pages: int = 12  # and only when the kit has this many inside pages or more
    web: WebSpec = WebSpec()
    # the layout's own words over the kit language's (`labels:`, by the keys of
    # label_catalogue.label_keys), and the caption words its `captions:` section sets
    labels: Mapping[str, str | tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    caption_words: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    fallback_fonts: tuple[FallbackFont, ...] = ()  # fonts.fallback, in the layout's order
    ink_limit: int = 300  # percent of total ink the print PDF's colours may lay down
    print_slug: bool = False  # `print: {slug: true}`: the print PDF carries a slug line

    def colour(self, name: str) -> str:
        return self.colours.get(name, name)
