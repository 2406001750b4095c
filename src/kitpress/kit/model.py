"""The validated kit: frozen, typed, with every name spelt once.

Nothing here reads files or knows YAML; `validate.py` builds these from what `load.py` read.
Empty tuples and ``None`` mean "not given": a section with no data is left out of the output.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Prose:
    """Markdown text, inline in kit.yaml or from a file beside it."""

    markdown: str
    source: str
    line: int | None = None
    file: Path | None = field(default=None, compare=False)  # the Markdown file it came from


@dataclass(frozen=True)
class Text:
    """A text as the user wrote it, with where: for checks that point at the line."""

    path: str  # the field, as kit.yaml spells it: cast[2].actor
    text: str
    source: str  # kit.yaml, or the Markdown file the text came from
    line: int | None
    whole_file: bool = False  # the text is the file from `line` on: count lines within it


@dataclass(frozen=True)
class FilmCredit:
    """One line of a selected filmography: a film, and the person's part in it."""

    year: int | None
    title: str
    director: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Portrait:
    """A person's photo: the image file and the kit.yaml line naming it."""

    file: Path
    path: str  # the field, as kit.yaml spells it: cast[0].photo
    line: int


@dataclass(frozen=True)
class Profile:
    """What press notes tell of a person: a biography, a selected filmography (as a list of
    films, or as Markdown the user set themselves) and a portrait."""

    bio: Prose | None = None
    filmography: tuple[FilmCredit, ...] = ()
    filmography_text: Prose | None = None
    photo: Portrait | None = None

    def __bool__(self) -> bool:
        return bool(self.bio or self.filmography or self.filmography_text or self.photo)


@dataclass(frozen=True)
class CastMember:
    id: str
    actor: str
    character: str | None = None
    profile: Profile = field(default_factory=Profile)


@dataclass(frozen=True)
class Filmmaker:
    """The director or one of the key crew, with the role under which press notes name them
    (typed in `filmmakers`, or taken from `crew`)."""

    name: str
    role: str
    profile: Profile = field(default_factory=Profile)
    kit_role: str | None = None  # a translated role's kit.yaml form: what it is known by


@dataclass(frozen=True)
class CrewCredit:
    role: str
    names: tuple[str, ...]
    kit_role: str | None = None  # a translated role's kit.yaml form: what it is known by

    @property
    def is_director(self) -> bool:
        return is_director(self.kit_role or self.role)


@dataclass(frozen=True)
class Release:
    territory: str
    window: str
    date: datetime.date


@dataclass(frozen=True)
class Artwork:
    """An artwork file the kit names (title art, a laurel), with where kit.yaml names it."""

    file: Path
    field: str  # as kit.yaml spells it: title_art, festivals[0].laurel
    line: int | None = None


@dataclass(frozen=True)
class Festival:
    name: str
    year: int | None = None
    section: str | None = None
    award: str | None = None
    laurel: Artwork | None = None  # the festival's own laurel artwork, drawn instead of ours


@dataclass(frozen=True)
class Quote:
    text: str
    source: str | None = None
    author: str | None = None
    stars: int | None = None  # a critic's rating out of five
    hero: bool = False  # the quote that leads, set larger


@dataclass(frozen=True)
class Contact:
    role: str
    name: str | None = None
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    address: str | None = None
    position: int = field(default=0, compare=False)  # its place in kit.yaml's list


@dataclass(frozen=True)
class CoverChoice:
    """kit.yaml's ``cover:``: the still the cover shows (by number) and its focus point."""

    still: int | None = None  # 1 for the first still; None: the key art or the first landscape
    focus: tuple[float, float] | None = None  # shares across and down; None: the centre
    line: int | None = None


@dataclass(frozen=True)
class Logo:
    """A distributor's, sales agent's, producer's or funder's logo for the back cover."""

    art: Artwork
    name: str
    role: str | None = None


@dataclass(frozen=True)
class BillingBlock:
    """The billing block: the poster's credit block as text, or as an image file."""

    text: str | None = None
    art: Artwork | None = None


@dataclass(frozen=True)
class Embargo:
    """Until when reviews and stills may not run, and the line that says so."""

    until: datetime.datetime
    text: str


@dataclass(frozen=True)
class Rights:
    """The three rights elements of a still, plus its usage terms."""

    copyright: str | None = None
    photographer: str | None = None
    courtesy: str | None = None
    usage: str | None = None

    def over(self, defaults: Rights) -> Rights:
        """These rights, with anything not given taken from ``defaults``."""
        return Rights(
            copyright=self.copyright or defaults.copyright,
            photographer=self.photographer or defaults.photographer,
            courtesy=self.courtesy or defaults.courtesy,
            usage=self.usage or defaults.usage,
        )


@dataclass(frozen=True)
class StillPerson:
    """Someone in a still: a cast member (by id) or anyone else by name, with a role."""

    name: str
    character: str | None = None
    role: str | None = None
    cast_id: str | None = None
    on_set: bool = False  # crew, or an actor as themselves: a behind-the-scenes still


@dataclass(frozen=True)
class Still:
    id: str
    number: int
    file: Path
    line: int
    people: tuple[StillPerson, ...] = ()
    description: str | None = None
    alt: str | None = None
    rights: Rights = field(default_factory=Rights)
    verbatim_caption: str | None = None  # a caption found inside the file, used as it is


@dataclass(frozen=True)
class Kit:
    root: Path
    source: Path
    title: str
    original_title: str | None = None
    year: int | None = None
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    subtitles: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()
    runtime: int | None = None
    aspect_ratio: str | None = None
    sound: str | None = None
    colour: str | None = None
    rating: str | None = None
    production_companies: tuple[str, ...] = ()
    releases: tuple[Release, ...] = ()
    logline: str | None = None
    synopsis: Prose | None = None
    long_synopsis: Prose | None = None
    directors_statement: Prose | None = None
    cast: tuple[CastMember, ...] = ()
    crew: tuple[CrewCredit, ...] = ()
    festivals: tuple[Festival, ...] = ()
    quotes: tuple[Quote, ...] = ()
    contacts: tuple[Contact, ...] = ()
    trailer: str | None = None
    key_art: Path | None = None
    rights: Rights = field(default_factory=Rights)
    copyright_line: str | None = None
    presented_by: str | None = None  # the distributor or sales company presenting the film
    title_art: Artwork | None = None  # the title treatment, set instead of typeset type
    title_art_on_dark: Artwork | None = None  # its light version, for dark grounds
    logos: tuple[Logo, ...] = ()
    billing_block: BillingBlock | None = None
    website: str | None = None
    press_materials: str | None = None  # where the press downloads stills and screeners
    embargo: Embargo | None = None
    cover: CoverChoice | None = None  # the cover's still and focus point, when kit.yaml says
    stills: tuple[Still, ...] = ()
    filmmakers: tuple[Filmmaker, ...] = ()
    interview: Prose | None = None
    interviewer: str | None = None
    production_notes: Prose | None = None
    credits: tuple[CrewCredit, ...] = ()  # the full end credits, in order
    texts: tuple[Text, ...] = field(default=(), compare=False, repr=False)  # as read, located
    renditions: tuple[tuple[str, int], ...] = ()  # overrides of the layout's still settings
    updated: datetime.date | None = None  # when the kit last changed: the outputs' date
    language: str = "en"  # BCP 47: the language the kit's text is written in
    translations: tuple[str, ...] = ()  # the other languages its text is translated into

    def line_of(self, path: str) -> int | None:
        """The kit.yaml line of the text read for ``path`` (e.g. 'key_art'), if it was read."""
        return next((t.line for t in self.texts if t.path == path), None)

    @property
    def directors(self) -> tuple[str, ...]:
        for credit in self.crew:
            if credit.is_director:
                return credit.names
        return ()

    @property
    def profiles(self) -> tuple[Profile, ...]:
        """What the kit tells of each person, cast first, in the kit's order."""
        return tuple(m.profile for m in self.cast) + tuple(f.profile for f in self.filmmakers)

    @property
    def portraits(self) -> tuple[Portrait, ...]:
        """Every person's photo, cast first, in the kit's order."""
        return tuple(p.photo for p in self.profiles if p.photo is not None)

    @property
    def prose(self) -> tuple[Prose, ...]:
        """Every Markdown text the kit holds, the people's included."""
        texts = [self.synopsis, self.long_synopsis, self.directors_statement, self.interview]
        texts.append(self.production_notes)
        for profile in self.profiles:
            texts += [profile.bio, profile.filmography_text]
        return tuple(text for text in texts if text is not None)


# English, then the role as the press of each language kitpress has words for writes it
DIRECTOR_ROLES = frozenset(
    (
        *("director", "directed by", "written and directed by"),
        *("réalisation", "réalisateur", "réalisatrice", "réalisé par", "un film de"),
        "scénario et réalisation",
        *("dirección", "directora", "dirigida por", "guion y dirección"),
        *("regie", "regisseur", "regisseurin", "buch und regie", "drehbuch und regie"),
        *("regia", "regista", "diretto da", "realizzazione", "sceneggiatura e regia"),
        *("realização", "direção", "realizador", "realizadora", "dirigido por"),
    )
)


def is_director(role: str) -> bool:
    return role.casefold() in DIRECTOR_ROLES
