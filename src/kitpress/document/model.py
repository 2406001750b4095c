"""The press document: the kit composed once into everything an output needs and nothing
about pages or files. Captions and rights lines are composed here, once; the PDF, the
delivered stills' metadata, the caption sheet (and any later output) all read them from here."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Issue, Severity
from ..kit.model import Artwork, CrewCredit, Kit, Portrait, Profile, Still
from ..layout.model import Layout
from ..naming import language_suffix
from ..stills.metadata import StillMetadata
from .art import ArtFile
from .captions import Caption
from .labels import Labels
from .prose_blocks import ProseBlock


@dataclass(frozen=True)
class StillEntry:
    still: Still  # with any caption or credit adopted from the file itself
    caption: Caption
    metadata: StillMetadata  # what goes into the delivered files
    pixels: tuple[int, int]  # the source's upright size, from its header
    stem: str  # file names of its renditions start with this: "<film>_<still id>"
    source_label: str  # the kit file it is listed in, for located messages
    header_notes: tuple[str, ...] = ()  # what its header says is worth a warning

    @property
    def where(self) -> str:
        return f"stills[{self.still.number - 1}]"

    def issue(self, message: str, severity: Severity = "error", field: str = ".file") -> Issue:
        """A located line about this still's file: ``kit.yaml:12: stills[0].file: a.jpg: …``."""
        return self.located(f"{self.still.file.name}: {message}", severity, field)

    def located(self, message: str, severity: Severity = "error", field: str = ".file") -> Issue:
        """A located line: ``kit.yaml:12: stills[0].file: <message>``."""
        return Issue(self.source_label, self.still.line, self.where + field, message, severity)


KEY_ART = "key_art"  # the cover picture's key when it is the kit's key art, not a still


@dataclass(frozen=True)
class CoverPicture:
    """The picture the cover shows: the key art, or else the first landscape still."""

    key: str  # a still's id, or KEY_ART
    source: Path
    pixels: tuple[int, int]  # upright
    source_label: str
    line: int | None  # where kit.yaml names it
    focus: tuple[float, float] = (0.5, 0.5)  # what a crop to the cover's shape keeps in view

    def issue(self, message: str, severity: Severity = "error") -> Issue:
        text = f"{self.source.name}: {message}"
        return Issue(self.source_label, self.line, self.key, text, severity)


@dataclass(frozen=True)
class PortraitEntry:
    """A person's photo, as the stills engine makes it: through the same decode, cache and
    colour conversion as a still, with no caption to embed."""

    key: str  # its renditions' key: "portrait:cast[0].photo"
    portrait: Portrait
    pixels: tuple[int, int]  # upright, from its header
    stem: str  # file names of its renditions: "<film>_portrait-<name>"
    source_label: str

    @property
    def source(self) -> Path:
        return self.portrait.file

    def issue(self, message: str, severity: Severity = "error") -> Issue:
        """``kit.yaml:12: cast[0].photo: cruz.jpg: <message>``."""
        return self.located(f"{self.source.name}: {message}", severity)

    def located(self, message: str, severity: Severity = "error") -> Issue:
        """``kit.yaml:12: cast[0].photo: <message>``."""
        return Issue(self.source_label, self.portrait.line, self.portrait.path, message, severity)


@dataclass(frozen=True)
class PersonEntry:
    """One person of *About the cast* or *About the filmmakers*."""

    name: str
    part: str  # "as Janis", "Director"; empty for a cast member with no character
    profile: Profile
    portrait: PortraitEntry | None = None


@dataclass(frozen=True)
class PressDocument:
    kit: Kit
    layout: Layout
    slug: str  # the film's name in file names
    labels: Labels
    facts: tuple[tuple[str, str], ...]  # technical details: label and formatted value
    sections: tuple[str, ...]  # the layout's sections that have content, in order
    stills: tuple[StillEntry, ...]
    key_art_pixels: tuple[int, int] | None
    dated: datetime.datetime  # UTC: the PDFs' creation and modification date, the ZIP's entries'
    notes: tuple[Issue, ...] = ()  # captions or credits taken from, or differing from, files
    cover: CoverPicture | None = None
    about_cast: tuple[PersonEntry, ...] = ()
    about_filmmakers: tuple[PersonEntry, ...] = ()  # the director first
    interview: tuple[ProseBlock, ...] = ()  # questions and answers
    production_notes: tuple[ProseBlock, ...] = ()  # chapters' headings, pull quotes, text
    credits: tuple[CrewCredit, ...] = ()  # the end credits, adjacent roles merged
    art: Mapping[str, ArtFile] = field(default_factory=dict)  # artwork by kit.yaml field
    embargo: str | None = None  # the embargo line, as printed and embedded
    language: str = "en"  # what the words are set by: quotes, hyphenation
    file_language: str = ""  # the tag its file names carry (`_fr`); empty: none (one language)

    @property
    def portraits(self) -> tuple[PortraitEntry, ...]:
        people = self.about_cast + self.about_filmmakers
        return tuple(p.portrait for p in people if p.portrait is not None)

    def artwork(self, art: Artwork | None) -> ArtFile | None:
        """What was read of ``art`` (title art, a logo, a laurel), if the kit names it."""
        return None if art is None else self.art.get(art.field)

    @property
    def name(self) -> str:
        """The stem of the kit's own files: ``<film>_press-kit``, ``<film>_press-kit_fr``."""
        return f"{self.slug}_press-kit{language_suffix(self.file_language)}"

    def entry(self, still_id: str) -> StillEntry:
        return next(e for e in self.stills if e.still.id == still_id)
