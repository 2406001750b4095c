"""Split a press page in the distributor's plain-text form into its sections.

    Parallel Mothers                     <- the title line (first non-blank line)
    Synopsis                             <- prose headings: the paragraphs that follow
    Home Entertainment Release Date      <- '... Release Date': a date, then details
    Tuesday, April 05, 2022
    Original Languages: Spanish          <- 'Label: value' details, wherever they are
    CREDITS / CAST / DIRECTED BY         <- names, one a line, under CAST or a crew role;
                                            'Role: names' lines under CREDITS: the end credits
    INTERVIEW, PRODUCTION NOTES,         <- press notes (`press_notes` reads them)
    ABOUT THE CAST, ABOUT THE FILMMAKERS,
    END CREDITS
    TRAILER                              <- a link
    PHOTOS                               <- one caption a line

Every line keeps its number on the page so that warnings can name it. A page in another
language (`kitpress import --language fr`) is split by its own words (`page_words`), with
these English ones still known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ImportProblem, Issue
from .page_words import CREW_LIST, PageWords

MAX_BYTES = 2 * 1024 * 1024
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

PROSE_HEADINGS = {
    "synopsis": "synopsis",
    "short synopsis": "synopsis",
    "long synopsis": "long_synopsis",
    "logline": "logline",
    "director's statement": "directors_statement",
    "directors statement": "directors_statement",
    "director's note": "directors_statement",
}
SECTION_HEADINGS = {
    "credits": "credits",
    "cast": "cast",
    "trailer": "trailer",
    "photos": "photos",
    "stills": "photos",
    "photographs": "photos",
    "production stills": "photos",
    "interview": "interview",
    "interview with the director": "interview",
    "an interview with the director": "interview",
    "production notes": "production_notes",
    "about the production": "production_notes",
    "about the cast": "about_cast",
    "about the filmmakers": "about_filmmakers",
    "about the director": "about_filmmakers",
    "about the crew": "about_filmmakers",
    "end credits": "end_credits",
    "full credits": "end_credits",
    "complete credits": "end_credits",
}
# Sections whose lines are read as a whole: a crew word or a date there is text, not a heading.
WHOLE = frozenset(
    {"interview", "production_notes", "about_cast", "about_filmmakers", "end_credits"}
)
CREW_WORDS = {
    "directed by": "Director",
    "director": "Director",
    "written by": "Screenplay",
    "screenplay": "Screenplay",
    "screenplay by": "Screenplay",
    "produced by": "Producer",
    "producer": "Producer",
    "producers": "Producers",
    "director of photography": "Director of Photography",
    "cinematography": "Cinematography",
    "cinematography by": "Cinematography",
    "edited by": "Editor",
    "editor": "Editor",
    "editing": "Editor",
    "music": "Music",
    "music by": "Music",
    "original music": "Music",
    "production design": "Production Design",
    "production designer": "Production Design",
    "costume design": "Costume Design",
    "costumes": "Costume Design",
    "sound": "Sound",
}


@dataclass(frozen=True)
class PageLine:
    number: int
    text: str


@dataclass
class Section:
    """A heading and the non-blank lines under it; ``kind`` says how to read them."""

    kind: str
    heading: PageLine | None
    argument: str = ""  # the release window, or the crew role
    lines: list[PageLine] = field(default_factory=list)


@dataclass(frozen=True)
class PressPage:
    label: str
    title: PageLine
    sections: tuple[Section, ...]
    words: PageWords | None = None  # the page's own language's words; None: English

    @property
    def language(self) -> str:
        return self.words.language if self.words else "en"


def read_page(path: Path, words: PageWords | None = None) -> PressPage:
    label = path.name
    text = _read_text(path, label)
    lines = [PageLine(n, line.strip()) for n, line in enumerate(text.split("\n"), 1)]
    issues = [
        Issue(label, line.number, "", control_message(found.group()))
        for line in lines
        if (found := CONTROL.search(line.text))
    ]
    if issues:
        raise ImportProblem(issues)
    content = [line for line in lines if line.text]
    if not content:
        raise ImportProblem([Issue(label, None, "", "the page is empty")])
    return PressPage(label, content[0], tuple(split_sections(content[1:], words)), words)


def control_message(character: str) -> str:
    return f"contains a control character (U+{ord(character):04X}); remove it"


def _read_text(path: Path, label: str) -> str:
    try:
        if path.is_dir():
            raise ImportProblem([Issue(label, None, "", "is a folder, not a press page")])
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportProblem([Issue(label, None, "", f"{size:,} bytes; the limit is 2 MB")])
        data = path.read_bytes()
    except OSError as exc:
        message = f"cannot read the page: {exc.strerror}"
        raise ImportProblem([Issue(str(path), None, "", message)]) from None
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = "the page is not UTF-8 text; save it as UTF-8"
        raise ImportProblem([Issue(label, line, "", message)]) from None


def split_sections(lines: list[PageLine], words: PageWords | None = None) -> list[Section]:
    """Sections in page order; lines before the first heading are in a 'top' section. In a
    crew list ('Rôle : noms') a role on its own line is the list's, not a new section."""
    sections = [Section("top", None)]
    for line in lines:
        kind = sections[-1].kind
        in_credits = kind in ("credits", "cast", "crew")
        whole = kind in WHOLE or kind == CREW_LIST
        heading = heading_of(line.text, in_credits=in_credits, whole=whole, words=words)
        if heading is None:
            sections[-1].lines.append(line)
        else:
            sections.append(Section(heading[0], line, heading[1]))
    return sections


def heading_of(
    text: str, *, in_credits: bool, whole: bool = False, words: PageWords | None = None
) -> tuple[str, str] | None:
    """(kind, argument) when ``text`` is a heading, else None. In a ``whole`` section only
    the headings of sections count. ``words``, a page's own language's, come first."""
    key = _key(text)
    if words is not None:
        own = _own_heading(text, words, whole)
        if own is not None:
            return own
    if key in PROSE_HEADINGS:
        return PROSE_HEADINGS[key], ""
    if key in SECTION_HEADINGS:
        return SECTION_HEADINGS[key], ""
    if whole:
        return None
    release = re.fullmatch(r"(.*?)\s*release dates?", key)
    if release and len(key) <= 60:
        return "release", text.strip().rstrip(":")[: len(release.group(1))].strip()
    if key in CREW_WORDS:
        return "crew", CREW_WORDS[key]
    if in_credits and _looks_like_role(text):
        return "crew", _role_name(text)
    return None


def _own_heading(text: str, words: PageWords, whole: bool) -> tuple[str, str] | None:
    key = _key(text)
    if key in words.prose:
        return words.prose[key], ""
    if key in words.sections:
        return words.sections[key], ""
    if len(key) <= 80:
        for opening, kind in words.openings:
            if key.startswith(opening):
                return kind, ""
    if not whole and key in words.crew:
        return "crew", words.crew[key]
    dated = any(c.isdigit() for c in key)  # 'Sortie : 12 mars 2027' is a detail line
    if not whole and len(key) <= 60 and key.startswith(words.releases) and not dated:
        return "release", " ".join(text.strip().rstrip(":").split())
    return None


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().rstrip(":").split())


def _looks_like_role(text: str) -> bool:
    """A crew heading in the credits: a short line ending in 'by' ('MUSIC BY')."""
    return _key(text).endswith(" by") and len(text) <= 40


def _role_name(text: str) -> str:
    words = _key(text).removesuffix(" by").split()
    return " ".join(word.capitalize() for word in words) or text
