"""Read one caption line of a press page back into its parts.

    L to R: Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL MOTHERS.
    © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.

gives the people left to right (name, character or role), the film title as written, any
description, and the three rights elements. Where the line differs from the house style the
parser says how (`notes`); text it cannot place is kept verbatim (`kept`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .press_page import PageLine

HOUSE_PREFIX = "L to R:"
_PREFIX = re.compile(
    r"(l\.?\s*(?:to|-)\s*r\b\.?|left\s+to\s+right|from\s+left(?:\s+to\s+right)?)\s*[:;,.\-–]?\s*",
    re.I,
)
_MARKER = re.compile(
    r"©|\(c\)(?=\s)|\bcopyright\b\s*:?|\bphoto\s+credits?\s*:|\bphoto(?:graph)?s?\s+by\b"
    r"|\bphoto(?:graph)?s?\s*:|\bcourtesy(?:\s+of)?\b\s*:?",
    re.I,
)
_ABBREVIATIONS = {"inc", "ltd", "co", "corp", "jr", "sr", "st", "bros", "dr", "mr", "mrs", "ms"}
_SELF = ("himself", "herself", "themselves", "themself")


@dataclass(frozen=True)
class WrittenPerson:
    """Someone named in a caption, as written: 'Penélope Cruz as Janis', 'X (director)'."""

    text: str
    name: str
    character: str | None = None
    role: str | None = None
    as_self: bool = False


@dataclass
class WrittenRights:
    copyright: str | None = None
    photographer: str | None = None
    courtesy: str | None = None


@dataclass
class ParsedCaption:
    line: PageLine
    prefix: str | None = None
    people: list[WrittenPerson] = field(default_factory=list)
    title: str | None = None
    description: str | None = None
    rights: WrittenRights = field(default_factory=WrittenRights)
    kept: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_caption(
    line: PageLine, title: str, titles: tuple[str, ...], known: frozenset[str]
) -> ParsedCaption:
    """``title`` is the kit's title; ``titles`` every spelling a caption may use for it;
    ``known`` the names of people the page mentions elsewhere (cast, crew)."""
    text = " ".join(line.text.split())
    parsed = ParsedCaption(line)
    head, rights_text = split_rights(text)
    _read_rights(rights_text, parsed)
    prefix_match = _PREFIX.match(head)
    if prefix_match:
        parsed.prefix = prefix_match.group(0).strip()
        head = head[prefix_match.end() :]
    people_text, parsed.title, after = split_title(head, titles)
    _read_people(people_text, after, parsed, known)
    _style_notes(parsed, text, title)
    return parsed


def split_rights(text: str) -> tuple[str, str]:
    """(caption, rights): the rights start at the first rights marker that opens a sentence
    (or at the first ©, wherever it is)."""
    for found in _MARKER.finditer(text):
        before = text[: found.start()]
        if (
            found.group().startswith("©")
            or not before.strip()
            or re.search(r"[.!?;,)]\s*$", before)
        ):
            return before.strip(), text[found.start() :]
    return text.strip(), ""


def _read_rights(text: str, parsed: ParsedCaption) -> None:
    markers = list(_MARKER.finditer(text))
    credit: str | None = None
    for i, found in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(text)
        value, rest = cut_sentence(text[found.end() : end].strip().rstrip(",;").strip())
        if rest:
            parsed.kept.append(rest)
        kind = _marker_kind(found.group())
        if kind == "credit":
            credit = value
        elif value and getattr(parsed.rights, kind) is None:
            setattr(parsed.rights, kind, value)
        elif value:
            parsed.kept.append(text[found.start() : end].strip())
    if credit:
        _place_photo_credit(credit, parsed)


def _marker_kind(marker: str) -> str:
    word = marker.casefold()
    if word.startswith(("©", "(c)", "copyright")):
        return "copyright"
    if re.match(r"photo\s+credit", word):
        return "credit"
    return "courtesy" if word.startswith("courtesy") else "photographer"


def _place_photo_credit(value: str, parsed: ParsedCaption) -> None:
    """'Photo Credit: X' names the photographer; beside a 'photo by', the copyright holder."""
    rights = parsed.rights
    if rights.photographer is None:
        rights.photographer = value
        parsed.notes.append(f"changed 'Photo Credit: {value}' to 'photo by {value}'")
    elif rights.copyright is None:
        rights.copyright = value
        parsed.notes.append(f"read 'Photo Credit: {value}' as the copyright holder: '© {value}'")
    else:
        parsed.kept.append(f"Photo Credit: {value}")


def cut_sentence(value: str) -> tuple[str, str]:
    """('El Deseo', 'All rights reserved.') from 'El Deseo. All rights reserved.'; periods of
    abbreviations ('D.A. S.L.U.', 'Inc.', 'J.') stay with the name."""
    for found in re.finditer(r"\.(?:\s+|$)", value):
        words = value[: found.start()].split()
        last = words[-1] if words else ""
        if "." in last or len(last) == 1 or last.casefold() in _ABBREVIATIONS:
            continue
        return value[: found.start()].strip(), value[found.end() :].strip()
    return value.strip(), ""


def split_title(head: str, titles: tuple[str, ...]) -> tuple[str, str | None, str]:
    """(people, title as written, text after the title) for '... in TITLE. After.'"""
    head = head.strip()
    wanted = {fold_title(t) for t in titles if t}
    for found in re.finditer(r"\s+in\s+", head):
        candidate, after = cut_sentence(head[found.end() :])
        capitals = candidate == candidate.upper() and any(c.isalpha() for c in candidate)
        if capitals or fold_title(candidate) in wanted:
            return head[: found.start()].strip(), candidate, after
    return cut_sentence(head)[0] if head.endswith(".") else head, None, ""


def fold_title(text: str) -> str:
    """Compare titles ignoring case, hyphens (line-break hyphens too) and punctuation."""
    return "".join(c for c in text.casefold() if c.isalnum())


def _read_people(text: str, after: str, parsed: ParsedCaption, known: frozenset[str]) -> None:
    chunks = [chunk.strip() for chunk in text.split(",") if chunk.strip()]
    people = [read_person(chunk) for chunk in chunks]
    named = all(p.character or p.role or p.as_self or p.name in known for p in people)
    if people and (parsed.prefix or named):
        parsed.people = people
        parsed.description = after or None
    elif after:
        parsed.description = text or None
        parsed.kept.append(after)
    else:
        parsed.description = text or None
    if parsed.kept:
        parts = [part for part in [parsed.description, *parsed.kept] if part]
        ended = [p if p.endswith((".", "!", "?", "…")) else p + "." for p in parts[:-1]]
        parsed.description = " ".join([*ended, parts[-1]])


def read_person(chunk: str) -> WrittenPerson:
    found = re.fullmatch(r"(.+?)\s+as\s+(.+)", chunk)
    if found and found.group(2).casefold() in _SELF:
        return WrittenPerson(chunk, found.group(1), as_self=True)
    if found:
        return WrittenPerson(chunk, found.group(1), character=found.group(2))
    found = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", chunk)
    if found:
        return WrittenPerson(chunk, found.group(1), role=found.group(2))
    return WrittenPerson(chunk, chunk)


def _style_notes(parsed: ParsedCaption, text: str, title: str) -> None:
    count = len(parsed.people)
    if count >= 2 and parsed.prefix is None:
        parsed.notes.insert(0, f"added '{HOUSE_PREFIX}' before the {count} people named")
    elif count >= 2 and parsed.prefix != HOUSE_PREFIX:
        parsed.notes.insert(0, f"changed '{parsed.prefix}' to '{HOUSE_PREFIX}'")
    elif parsed.prefix and count < 2:
        parsed.notes.insert(0, f"removed '{parsed.prefix}' (only one person is named)")
    shown = title.upper()
    if parsed.title is None and (parsed.people or parsed.description):
        parsed.notes.append(f"added the film title: 'in {shown}.'")
    elif parsed.title is not None and parsed.title != shown:
        parsed.notes.append(_title_change(parsed.title, shown))
    for kept in parsed.kept:
        parsed.notes.append(f"kept '{kept}' verbatim in the description (not a caption part)")
    if text and text[-1] not in ".!?…":
        parsed.notes.append("added the final period")


def _title_change(written: str, shown: str) -> str:
    if written.upper() == shown:
        return f"changed '{written}' to '{shown}' (the title in capitals)"
    old, new = written.split(), shown.split()
    if len(old) == len(new) and fold_title(written) == fold_title(shown):
        pairs = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        return "; ".join(f"changed '{a}' to '{b}'" for a, b in pairs) + " in the title"
    return f"changed the title '{written}' to '{shown}'"
