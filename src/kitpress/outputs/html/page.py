"""What the templates show, read from the press document: the stills with their pictures and
downloads, the cover's lines, and the small formatting a page needs. No caption, label or
rights line is composed here; they all come from the document and its `Labels`."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass

from kitpress.document.formats import film_by, long_date, running_time
from kitpress.document.labels import Labels
from kitpress.document.model import PressDocument, StillEntry
from kitpress.kit.model import Kit


@dataclass(frozen=True)
class Picture:
    href: str  # relative to the page
    width: int
    height: int
    bytes: int


@dataclass(frozen=True)
class Download:
    label: str  # "Web"
    picture: Picture
    detail: str  # "2048×1365 px, 412 KB"


@dataclass(frozen=True)
class StillView:
    entry: StillEntry
    thumb: Picture
    web: Picture
    downloads: tuple[Download, ...]

    @property
    def alt(self) -> str:
        return self.entry.still.alt or self.entry.caption.text


@dataclass(frozen=True)
class Cover:
    wide: Picture  # the cover picture: a still cropped to a banner, or the key art whole
    narrow: Picture  # the same, smaller, for phones
    poster: bool  # key art: set beside the title, never cut
    alt: str  # the key art's: the title; a still's banner is decoration (it is in the gallery)


def file_size(count: int) -> str:
    """Bytes as a reader counts them: 412 KB, 3.4 MB (decimal units, like the file managers)."""
    if count < 1000 * 1000:
        return f"{max(1, round(count / 1000))} KB"
    return f"{count / 1000 / 1000:.1f} MB"


def still_view(entry: StillEntry, pictures: dict[str, Picture], labels: Labels) -> StillView:
    downloads = tuple(
        Download(label, pictures[kind], _detail(pictures[kind], labels))
        for kind, label in (("web", labels.web_file), ("print", labels.print_file))
    )
    return StillView(entry, pictures["thumb"], pictures["web"], downloads)


def _detail(picture: Picture, labels: Labels) -> str:
    return labels.file_size.format(
        width=picture.width, height=picture.height, size=file_size(picture.bytes)
    )


def credit_line(kit: Kit, labels: Labels) -> str:
    """The cover's "A film by …" (the PDF's words, from the same label)."""
    if kit.directors:
        return film_by(labels, kit.directors)
    return labels.press_kit


def cover_facts(kit: Kit, labels: Labels) -> list[str]:
    """The cover's small line: year, countries, running time (kept on one line: a narrow
    window breaks before "104 min", not inside it)."""
    runtime = running_time(kit.runtime, labels.minutes_short, labels) if kit.runtime else ""
    facts = [str(kit.year) if kit.year else "", ", ".join(kit.countries), no_break(runtime)]
    return [f for f in facts if f]


def no_break(words: str) -> str:
    """``words`` with no-break spaces, so that they stay on one line."""
    return words.replace(" ", "\u00a0")


def dates_in(language: str) -> Callable[[datetime.date], str]:
    """A release date the way the PDF sets it, in ``language``: 5 April 2022."""
    return functools.partial(long_date, language=language)


def page_title(document: PressDocument) -> str:
    return f"{document.kit.title} — {document.labels.press_kit}"
