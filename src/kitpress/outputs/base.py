"""The seam every output plugs into.

An output declares which other outputs it builds on, which renditions of each still it needs
(``requests``), what it would warn about or refuse (``warnings``, which ``check`` runs too),
and makes its products in the build's work folder (``make``). The pipeline commits the
products of the outputs a user asked for, all together; an output that is only built on
(the print PDF of a booklet) leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from ..document.model import PressDocument
from ..errors import Issue
from ..stills.renditions import Rendition, Target


@dataclass(frozen=True)
class PrintOptions:
    marks: bool = False
    icc: Path | None = None  # the printer's CMYK profile; None: the system default
    bleed: str | None = None  # a length such as "5mm"; None: 3 mm, or 0.125 in on US sizes
    ink_limit: int | None = None  # total ink in percent; None: the layout's ``ink_limit``
    slug: bool | None = None  # a slug line outside the trim; None: the layout's ``print.slug``
    booklet: bool = False  # a booklet is made of it: its pages fill sheets of four


@dataclass(frozen=True)
class OutputOptions:
    profile: str = "screen"  # the PDF that `pdf` makes and the ZIP carries: screen or print
    max_size: int | None = None  # bytes the screen PDF may take (it is made to fit)
    preview_dpi: float = 60  # page previews' resolution
    print: PrintOptions = field(default_factory=PrintOptions)


Requests = dict[str, list[Target]]  # still id -> the renditions wanted of it
Renditions = dict[str, dict[str, Rendition]]  # still id -> rendition kind -> what was made


@dataclass(frozen=True)
class Product:
    """One file an output makes: its role (what a caller asks the result for: "pdf", "zip",
    "manifest"…), its name in the output folder, and its bytes or a file in the work folder."""

    role: str
    name: str
    data: bytes | None = None
    path: Path | None = None
    label: str = ""  # how the CLI names it ("print PDF"); the role when empty
    listed: bool = True  # False: one of many files the CLI does not name one by one (a site's)

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()


@dataclass(frozen=True)
class Made:
    products: tuple[Product, ...]
    pages: int = 0
    warnings: tuple[Issue, ...] = ()

    def main(self) -> Product:
        return self.products[0]


@dataclass
class BuildContext:
    document: PressDocument
    options: OutputOptions
    work: Path  # the build's work folder: outputs write here, never into the output folder
    renditions: Renditions  # every still's renditions this build made
    made: dict[str, Made]  # the outputs made so far, by name (what this one builds on)
    render: Callable[[Requests], Renditions]  # more renditions on demand (e.g. --max-size)
    cache_folder: Path | None = None  # the build's cache (None: --no-cache), for what is slow
    languages: tuple[str, ...] = ()  # every language this build makes, the first the site's root
    editions: list[BuildContext] = field(default_factory=list)  # the other languages' contexts

    @property
    def several_languages(self) -> bool:
        return len(self.languages) > 1


class Output:
    """One kind of output. Subclasses set ``name`` and override what they need."""

    name: ClassVar[str]
    label: ClassVar[str]  # how a user calls it in a message: "print PDF"
    per_language: ClassVar[bool] = True  # False: made once, for every language (the ZIP)

    def builds_on(self, options: OutputOptions) -> tuple[str, ...]:
        """The outputs this one needs made first (their ``Made`` is in ``ctx.made``)."""
        return ()

    def unavailable(self, options: OutputOptions) -> str | None:
        """Why `all` should leave this output out here (e.g. no CMYK profile at hand), or None.
        A format that names it explicitly fails instead, with the reason."""
        return None

    def warnings(self, document: PressDocument, options: OutputOptions) -> list[Issue]:
        """What building it would warn about, known before anything is made (``check`` reports
        these too); raise a `KitpressError` for what it would refuse."""
        return []

    def picture_sizes(
        self, document: PressDocument, options: OutputOptions
    ) -> Mapping[str, list[tuple[int, int]]]:
        """The pixel sizes it will ask of each still. A still is decoded once at the largest
        size any registered output needs, so each output's pictures are the same bytes
        whatever else a build makes."""
        return {}

    def requests(self, document: PressDocument, options: OutputOptions, work: Path) -> Requests:
        """The renditions it needs, written under ``work``."""
        return {}

    def make(self, ctx: BuildContext) -> Made:
        raise NotImplementedError

    def owns(self) -> tuple[str, ...]:
        """Patterns (relative to the output folder) of files an earlier build of this output
        wrote: those this build does not write again are removed when it commits."""
        return ()
