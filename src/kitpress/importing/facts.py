"""Read the film's facts from a split press page: details, release dates, prose, credits.

Captions are only collected here (`caption_parser` reads them). A line that cannot be read is
a `Leftover`: it goes into kit.yaml as a comment, verbatim, and a warning names its line.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from ..errors import Issue
from .kit_writer import Node, Raw
from .page_words import CONTACTS, CREW_LIST, FESTIVALS, PageWords
from .press_notes import CreditBlock, credit_line, end_credits
from .press_page import PageLine, PressPage, Section

DATE_FORMATS = (
    "%A, %B %d, %Y",
    "%A %B %d, %Y",
    "%B %d, %Y",
    "%A, %d %B %Y",
    "%A %d %B %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%d %b %Y",
    "%Y-%m-%d",
)


@dataclass(frozen=True)
class Leftover:
    line: PageLine
    reason: str


@dataclass(frozen=True)
class ReleaseDate:
    line: PageLine
    window: str
    date: datetime.date


@dataclass(frozen=True)
class Credit:
    line: PageLine
    name: str
    character: str | None = None


@dataclass
class PageFacts:
    details: dict[str, Node] = field(default_factory=dict)
    detail_lines: dict[str, int] = field(default_factory=dict)
    releases: list[ReleaseDate] = field(default_factory=list)
    prose: dict[str, list[PageLine]] = field(default_factory=dict)
    cast: list[Credit] = field(default_factory=list)
    crew: dict[str, list[Credit]] = field(default_factory=dict)
    captions: list[PageLine] = field(default_factory=list)
    notes: dict[str, list[PageLine]] = field(default_factory=dict)  # press notes, by kind
    credits: list[CreditBlock] = field(default_factory=list)  # the end credits, in order
    leftovers: list[Leftover] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    words: PageWords | None = None  # the page's own language's words; None: English


def _text(value: str) -> Node | None:
    return value


def _texts(value: str) -> Node | None:
    parts = [part.strip() for part in re.split(r"\s*[,;/]\s*", value) if part.strip()]
    return parts if len(parts) > 1 else (parts[0] if parts else None)


def _minutes(value: str) -> Node | None:
    found = re.fullmatch(r"(\d{1,4})\s*(?:min(?:ute)?s?\.?|')?", value, re.I)
    if found:
        return Raw(str(int(found.group(1))))
    hours = re.fullmatch(
        r"(\d)\s*h(?:ours?|rs?)?\.?\s*(\d{1,2})\s*m(?:in(?:ute)?s?)?\.?", value, re.I
    )
    return Raw(str(int(hours.group(1)) * 60 + int(hours.group(2)))) if hours else None


def _year(value: str) -> Node | None:
    return Raw(value) if re.fullmatch(r"(18|19|20)\d\d", value) else None


def _url(value: str) -> Node | None:
    return value if re.fullmatch(r"https?://\S+", value) else None


DETAILS: dict[str, tuple[str, Callable[[str], Node | None]]] = {
    "original title": ("original_title", _text),
    "original language": ("languages", _texts),
    "original languages": ("languages", _texts),
    "language": ("languages", _texts),
    "languages": ("languages", _texts),
    "subtitles": ("subtitles", _texts),
    "genre": ("genres", _texts),
    "genres": ("genres", _texts),
    "running time": ("runtime", _minutes),
    "runtime": ("runtime", _minutes),
    "length": ("runtime", _minutes),
    "year": ("year", _year),
    "production year": ("year", _year),
    "year of production": ("year", _year),
    "country": ("countries", _texts),
    "countries": ("countries", _texts),
    "country of production": ("countries", _texts),
    "aspect ratio": ("aspect_ratio", _text),
    "sound": ("sound", _text),
    "colour": ("colour", _text),
    "color": ("colour", _text),
    "rating": ("rating", _text),
    "production company": ("production_companies", _texts),
    "production companies": ("production_companies", _texts),
    "trailer": ("trailer", _url),
    "copyright": ("copyright_line", _text),
}


Reader = Callable[[str], "Node | None"]
_DETAIL = re.compile(r"([^:]{2,40}?)\s*:\s*(.+)")  # 'Label: value'; 'Durée : 98 min'

_SOUND_FORMAT = re.compile(
    r".*(?:\d|dolby|dts|atmos|auro|st[ée]r[ée]o|mono|surround|pcm|son\s+num).*", re.I
)


def _sound_format(value: str) -> Node | None:
    """A sound format ("Dolby 5.1"), not a name: in French and Spanish "Son" and "Sonido"
    head the sound crew's line as well as the film's format."""
    return value if _SOUND_FORMAT.fullmatch(value) else None


def _duration(value: str) -> Node | None:
    """Minutes as English pages give them, or as French and Spanish do: "1 h 38", "98 mn"."""
    found = _minutes(value)
    if found is not None:
        return found
    minutes = re.fullmatch(r"(\d{1,4})\s*mn\.?", value, re.I)
    if minutes:
        return Raw(str(int(minutes.group(1))))
    hours = re.fullmatch(r"(\d)\s*h\s*(\d{1,2})\s*(?:min(?:utes?|utos?)?\.?|mn)?", value, re.I)
    return Raw(str(int(hours.group(1)) * 60 + int(hours.group(2)))) if hours else None


@cache
def _readers_by_key() -> dict[str, Reader]:
    return dict(DETAILS.values()) | {"sound": _sound_format, "runtime": _duration}


def detail_labels(words: PageWords | None) -> Mapping[str, tuple[str, Reader]]:
    """Detail label -> (kit.yaml key, reader): the page's own language's labels first, then
    the English ones."""
    if words is None:
        return DETAILS
    return _own_labels(words) | DETAILS


def _own_labels(words: PageWords) -> dict[str, tuple[str, Reader]]:
    return {label: (key, _readers_by_key()[key]) for label, key in words.details.items()}


def read_facts(page: PressPage) -> PageFacts:
    facts = PageFacts(words=page.words)
    for section in page.sections:
        _READERS.get(section.kind, _read_details)(section, facts, page.label)
    return facts


def _read_details(section: Section, facts: PageFacts, label: str) -> None:
    for line in section.lines:
        _detail(line, facts)


def _detail(line: PageLine, facts: PageFacts) -> None:
    found = _DETAIL.fullmatch(line.text)
    label = " ".join(found.group(1).replace("’", "'").casefold().split()) if found else ""
    labels = detail_labels(facts.words)
    if found is not None and _dated_release(line, found.group(1), found.group(2), facts):
        return
    if found is None or label not in labels:
        facts.leftovers.append(Leftover(line, "not a detail kitpress knows"))
        return
    key, read = labels[label]
    if key in facts.details:
        where = facts.detail_lines[key]
        facts.leftovers.append(Leftover(line, f"'{key}' is already given on line {where}"))
        return
    value = read(found.group(2).strip())
    if value is None:
        facts.leftovers.append(Leftover(line, f"cannot read this as '{key}'"))
        return
    facts.details[key] = value
    facts.detail_lines[key] = line.number


def _dated_release(line: PageLine, label: str, value: str, facts: PageFacts) -> bool:
    """'Sortie nationale : 12 mars 2027': a release date given as a detail, in a language
    whose pages do so; True when it is one (and now read)."""
    words = facts.words
    if words is None or not _fold(label).startswith(words.releases):
        return False
    date = parse_date(value.strip(), words.months)
    if date is None:
        return False
    facts.releases.append(ReleaseDate(line, " ".join(label.split()), date))
    return True


def _read_credits(section: Section, facts: PageFacts, label: str) -> None:
    """Lines right under CREDITS: 'Role: names' are end credits; a film detail stays one."""
    for line in section.lines:
        block = credit_line(line)
        if block is None or " ".join(block.role.casefold().split()) in DETAILS:
            _detail(line, facts)
        else:
            facts.credits.append(block)


def _read_end_credits(section: Section, facts: PageFacts, label: str) -> None:
    blocks, unplaced = end_credits(section.lines)
    facts.credits.extend(blocks)
    reason = "not a credit ('Role: names', or a role line and then its names)"
    facts.leftovers.extend(Leftover(line, reason) for line in unplaced)


def _read_notes(section: Section, facts: PageFacts, label: str) -> None:
    facts.notes.setdefault(section.kind, []).extend(section.lines)


def _read_release(section: Section, facts: PageFacts, label: str) -> None:
    window = section.argument.capitalize() or "Release"
    for line in section.lines:
        date = parse_date(line.text, facts.words.months if facts.words else ())
        if date is None:
            _detail(line, facts)
            continue
        facts.releases.append(ReleaseDate(line, window, date))
        weekday = re.match(r"([A-Za-z]+day)\b", line.text)
        if weekday and weekday.group(1).casefold() != date.strftime("%A").casefold():
            message = f"{date:%B} {date.day}, {date.year} is a {date:%A}, not a {weekday.group(1)}"
            facts.warnings.append(Issue(label, line.number, "release_dates", message, "warning"))


def parse_date(text: str, months: tuple[str, ...] = ()) -> datetime.date | None:
    """A date as English pages write it, or with ``months`` (a page's own month names) as
    French and Spanish ones do: "mercredi 12 mars 2027", "1er avril 2027", "12 de marzo de
    2027"."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", " ".join(text.split()))
    for form in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(cleaned, form).date()
        except ValueError:
            continue
    return _date_in(cleaned, months) if months else None


def _date_in(text: str, months: tuple[str, ...]) -> datetime.date | None:
    names = "|".join(re.escape(month) for month in months)
    found = re.fullmatch(
        rf"(?:[^\W\d_]+,?\s+)?(\d{{1,2}})(?:er|º|o)?\s+(?:de\s+)?({names})\s+(?:de\s+)?(\d{{4}})",
        text.casefold(),
    )
    if found is None:
        return None
    try:
        month = months.index(found.group(2)) + 1
        return datetime.date(int(found.group(3)), month, int(found.group(1)))
    except ValueError:
        return None


def _read_prose(section: Section, facts: PageFacts, label: str) -> None:
    facts.prose.setdefault(section.kind, []).extend(section.lines)


def _read_cast(section: Section, facts: PageFacts, label: str) -> None:
    separators = facts.words.cast_separators if facts.words else ("as", r"\.\.\.+", "…", "–", "—")
    pattern = re.compile(rf"(.+?)\s*(?:{'|'.join(separators)})\s*(.+)")
    for line in section.lines:
        found = _in_brackets(line.text) if facts.words else None
        found = found or pattern.fullmatch(line.text)
        if found:
            facts.cast.append(Credit(line, found.group(1), found.group(2)))
        else:
            facts.cast.append(Credit(line, line.text))


def _in_brackets(text: str) -> re.Match[str] | None:
    """'Maren Oduya (Nell)': how French and Spanish cast lists often give the character."""
    return re.fullmatch(r"(.+?)\s*\(([^()]+)\)", text)


def _read_crew_list(section: Section, facts: PageFacts, label: str) -> None:
    """A FICHE TECHNIQUE or LISTE TECHNIQUE: 'Rôle : noms' lines (or a role on its own line,
    then its names), with the film's details among them ('Durée : 98 min')."""
    crew = facts.words.crew if facts.words else {}
    labels = detail_labels(facts.words)
    role: str | None = None  # a role given on its own line: its names follow, one a line
    for line in section.lines:
        if _fold(line.text) in crew:
            role = crew[_fold(line.text)]
            continue
        detail = _DETAIL.fullmatch(line.text)
        if detail and _dated_release(line, detail.group(1), detail.group(2), facts):
            role = None
            continue
        if detail and _readable(labels, detail.group(1), detail.group(2)):
            role = None
            _detail(line, facts)
            continue
        block = credit_line(line)
        role_key = _fold(block.role) if block else ""
        if block is not None and (role_key in crew or role_key not in labels):
            role = None
            names = facts.crew.setdefault(crew.get(role_key, block.role), [])
            names.extend(Credit(line, name) for name in block.names)
        elif block is None and role is not None:
            facts.crew.setdefault(role, []).append(Credit(line, line.text))
        else:
            role = None
            _detail(line, facts)  # a detail it cannot read: said so, kept as a comment


def _readable(labels: Mapping[str, tuple[str, Reader]], label: str, value: str) -> bool:
    known = labels.get(_fold(label))
    return known is not None and known[1](value.strip()) is not None


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().rstrip(":").split())


def _read_not_imported(section: Section, facts: PageFacts, label: str) -> None:
    what = {FESTIVALS: "festivals:", CONTACTS: "contacts:"}[section.kind]
    reason = f"the import does not read this section yet; write it under {what} in kit.yaml"
    facts.leftovers.extend(Leftover(line, reason) for line in section.lines)


def _read_crew(section: Section, facts: PageFacts, label: str) -> None:
    names = facts.crew.setdefault(section.argument, [])
    names.extend(Credit(line, line.text) for line in section.lines)


def _read_trailer(section: Section, facts: PageFacts, label: str) -> None:
    for line in section.lines:
        if _url(line.text) and "trailer" not in facts.details:
            facts.details["trailer"] = line.text
            facts.detail_lines["trailer"] = line.number
        else:
            facts.leftovers.append(Leftover(line, "not a trailer link (http or https)"))


def _read_photos(section: Section, facts: PageFacts, label: str) -> None:
    facts.captions.extend(section.lines)


_READERS: dict[str, Callable[[Section, PageFacts, str], None]] = {
    "release": _read_release,
    "synopsis": _read_prose,
    "long_synopsis": _read_prose,
    "logline": _read_prose,
    "directors_statement": _read_prose,
    "cast": _read_cast,
    "crew": _read_crew,
    "trailer": _read_trailer,
    "photos": _read_photos,
    "credits": _read_credits,
    "end_credits": _read_end_credits,
    "interview": _read_notes,
    "production_notes": _read_notes,
    "about_cast": _read_notes,
    "about_filmmakers": _read_notes,
    CREW_LIST: _read_crew_list,
    FESTIVALS: _read_not_imported,
    CONTACTS: _read_not_imported,
}
