"""Turn what load.py read into a `Kit`, collecting every problem before giving up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..layout.stills_spec import RENDITION_KEYS, read_integers
from ..reading.checker import Checker, Obj, Read, control_character
from ..reading.marked_yaml import Mapping, Value
from . import fields
from .back_matter import (
    read_artwork,
    read_billing_block,
    read_embargo,
    read_logos,
    read_title_art,
)
from .cover_choice import read_cover_choice
from .languages import read_languages
from .model import (
    CastMember,
    Contact,
    CrewCredit,
    Festival,
    Kit,
    Quote,
    Release,
    Still,
    Text,
)
from .profiles import read_filmmakers, read_profile
from .prose_files import read_file, read_prose
from .quotes import without_outer_quotes
from .still_entries import KnownPeople, read_rights, read_still

NO_PUBLICATION = "a quote with no publication: name it in `source:` (e.g. source: Variety)"


def build_kit(data: Value, kit_file: Path, checker: Checker) -> Kit | None:
    """The kit, or None when there are errors (they are in ``checker``)."""
    top = checker.obj(data, "", fields.TOP)
    if top is None:
        return None
    root = kit_file.parent
    title = top.text("title", required=True)
    cast = _cast(top, root, checker)
    crew = _crew(top, checker)
    language, translations = read_languages(top)
    kit = Kit(
        root=root,
        source=kit_file,
        title=title or "",
        original_title=top.text("original_title"),
        year=top.integer("year", 1870, 2100, "2021"),
        countries=top.texts("countries"),
        languages=top.texts("languages"),
        subtitles=top.texts("subtitles"),
        genres=top.texts("genres"),
        runtime=top.integer("runtime", 1, 6000, "120"),
        aspect_ratio=top.text("aspect_ratio"),
        sound=top.text("sound"),
        colour=top.text("colour"),
        rating=top.text("rating"),
        production_companies=top.texts("production_companies"),
        releases=_releases(top, checker),
        logline=top.text("logline"),
        synopsis=read_prose(top, "synopsis", root, checker),
        long_synopsis=read_prose(top, "long_synopsis", root, checker),
        directors_statement=read_prose(top, "directors_statement", root, checker),
        cast=cast,
        crew=crew,
        festivals=_festivals(top, root, checker),
        quotes=_quotes(top, checker),
        contacts=read_contacts(top, checker),
        trailer=top.url("trailer"),
        key_art=read_file(top, "key_art", root, checker),
        rights=read_rights(top.get("rights"), top.sub("rights"), checker),
        copyright_line=top.text("copyright_line"),
        presented_by=top.text("presented_by"),
        title_art=(title_art := read_title_art(top, root, checker))[0],
        title_art_on_dark=title_art[1],
        logos=read_logos(top, root, checker),
        billing_block=read_billing_block(top, root, checker),
        website=top.url("website"),
        press_materials=top.url("press_materials"),
        embargo=read_embargo(top, checker),
        stills=_stills(top, root, KnownPeople(cast_ids(cast), crew_roles(crew)), checker),
        renditions=_renditions(top, checker),
        updated=top.date("updated", required=False),
        filmmakers=read_filmmakers(top, root, crew, checker),
        interview=read_prose(top, "interview", root, checker),
        interviewer=top.text("interviewer"),
        production_notes=read_prose(top, "production_notes", root, checker),
        credits=_credits(top, checker),
        language=language,
        translations=translations,
    )
    kit = replace(kit, cover=read_cover_choice(top, len(kit.stills), checker))
    return None if checker.errors else replace(kit, texts=_texts(checker))


def _texts(checker: Checker) -> tuple[Text, ...]:
    return tuple(
        Text(r.path, r.text, r.source or checker.label, r.line, r.whole_file) for r in checker.texts
    )


def _renditions(top: Obj, checker: Checker) -> tuple[tuple[str, int], ...]:
    value = top.get("renditions")
    obj = None if value is None else checker.obj(value, top.sub("renditions"), fields.RENDITIONS)
    return () if obj is None else tuple(read_integers(obj, RENDITION_KEYS).items())


def _cast(top: Obj, root: Path, checker: Checker) -> tuple[CastMember, ...]:
    members: list[CastMember] = []
    seen: dict[str, int] = {}
    for i, value in top.items("cast"):
        entry = checker.obj(value, f"cast[{i}]", fields.CAST)
        if entry is None:
            continue
        cast_id, actor = entry.text("id", required=True), entry.text("actor", required=True)
        if cast_id and cast_id in seen:
            message = f"duplicate cast id '{cast_id}' (first used in cast[{seen[cast_id]}])"
            checker.error(entry.line_of("id"), entry.sub("id"), message)
        character = entry.text("character")
        profile = read_profile(entry, root, checker)
        if cast_id and actor:
            seen[cast_id] = i
            members.append(CastMember(cast_id, actor, character, profile))
    return tuple(members)


def _crew(top: Obj, checker: Checker) -> tuple[CrewCredit, ...]:
    value = top.get("crew")
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        checker.error(value.line, "crew", "expected a mapping of role: name(s)")
        return ()
    roles = Obj(checker, value, "crew", dict.fromkeys(value.order, ""))
    for role in value.order:
        problem = control_character(role)
        if problem:
            checker.error(value.key_lines[role], f"crew.{role}", problem)
        checker.texts.append(Read(f"crew.{role}", role, value.key_lines[role]))
    credits = (CrewCredit(role, roles.texts(role)) for role in value.order)
    return tuple(credit for credit in credits if credit.names)


def _credits(top: Obj, checker: Checker) -> tuple[CrewCredit, ...]:
    found: list[CrewCredit] = []
    for i, value in top.items("credits"):
        entry = checker.obj(value, f"credits[{i}]", fields.CREDIT)
        if entry is None:
            continue
        role = entry.text("role", required=True)
        names = entry.texts("names")
        if not names and entry.get("names") is None:
            checker.error(entry.line_of("names"), entry.sub("names"), "required")
        if role and names:
            found.append(CrewCredit(role, names))
    return tuple(found)


def _releases(top: Obj, checker: Checker) -> tuple[Release, ...]:
    found: list[Release] = []
    for i, value in top.items("release_dates"):
        entry = checker.obj(value, f"release_dates[{i}]", fields.RELEASE)
        if entry is None:
            continue
        territory = entry.text("territory", required=True)
        window = entry.text("window", required=True)
        date = entry.date("date")
        if territory and window and date:
            found.append(Release(territory, window, date))
    return tuple(found)


def _festivals(top: Obj, root: Path, checker: Checker) -> tuple[Festival, ...]:
    found: list[Festival] = []
    for i, value in top.items("festivals"):
        entry = checker.obj(value, f"festivals[{i}]", fields.FESTIVAL)
        if entry is None:
            continue
        name = entry.text("name", required=True)
        year = entry.integer("year", 1870, 2100, "2021")
        section, award = entry.text("section"), entry.text("award")
        laurel = read_artwork(entry, "laurel", root, checker)
        if name:
            found.append(Festival(name, year, section, award, laurel))
    return tuple(found)


def _quotes(top: Obj, checker: Checker) -> tuple[Quote, ...]:
    found: list[Quote] = []
    for i, value in top.items("quotes"):
        entry = checker.obj(value, f"quotes[{i}]", fields.QUOTE)
        if entry is None:
            continue
        text = entry.text("text", required=True)
        source, author = entry.text("source"), entry.text("author")
        stars = entry.integer("stars", 0, 5, "4")
        hero = entry.boolean("hero", False)
        if text and not source:
            checker.warn(entry.line, entry.path, NO_PUBLICATION)
        if text:
            found.append(Quote(without_outer_quotes(text), source, author, stars, hero))
    return tuple(found)


def read_contacts(top: Obj, checker: Checker) -> tuple[Contact, ...]:
    found: list[Contact] = []
    for i, value in top.items("contacts"):
        entry = checker.obj(value, f"contacts[{i}]", fields.CONTACT)
        if entry is None:
            continue
        role = entry.text("role", required=True)
        contact = Contact(
            role=role or "other",
            name=entry.text("name"),
            company=entry.text("company"),
            email=entry.email("email"),
            phone=entry.text("phone"),
            url=entry.url("url"),
            address=entry.text("address"),
            position=i,
        )
        if not (contact.name or contact.company):
            checker.error(entry.line, entry.path, "a contact needs a name or a company")
        found.append(contact)
    return tuple(sorted(found, key=lambda c: contact_order(c.role)))


def contact_order(role: str) -> int:
    """Known roles first, in their order; any other label before 'other', as written."""
    known = fields.known_contact_role(role)
    other = fields.CONTACT_ROLES.index("other")
    return fields.CONTACT_ROLES.index(known) if known else other


def cast_ids(cast: tuple[CastMember, ...]) -> dict[str, CastMember]:
    return {member.id: member for member in cast}


def crew_roles(crew: tuple[CrewCredit, ...]) -> dict[str, CrewCredit]:
    return {credit.role.casefold(): credit for credit in crew}


def _stills(top: Obj, root: Path, people: KnownPeople, checker: Checker) -> tuple[Still, ...]:
    found: list[Still] = []
    ids: dict[str, int] = {}
    files: dict[Path, int] = {}
    for i, value in top.items("stills"):
        still = read_still(checker, value, i, root, people)
        if still is None:
            continue
        where = f"stills[{i}]"
        if still.id in ids:
            message = f"duplicate still id '{still.id}' (first used in stills[{ids[still.id]}])"
            checker.error(still.line, f"{where}.id", message)
        if still.file in files:
            message = f"the same file is already stills[{files[still.file]}]"
            checker.warn(still.line, f"{where}.file", message)
        ids.setdefault(still.id, i)
        files.setdefault(still.file, i)
        found.append(still)
    return tuple(found)
