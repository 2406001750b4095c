"""Turn what load.py read into a `Kit`, collecting every problem before giving up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import Issue
from ..layout.stills_spec import RENDITION_KEYS, read_integers
from ..reading.checker import Checker, Obj, Read, control_character
from ..reading.marked_yaml import Mapping, Scalar, Value
from . import fields
from .files import resolve_in_kit
from .model import (
    CastMember,
    Contact,
    CrewCredit,
    Festival,
    Kit,
    Prose,
    Quote,
    Release,
    Still,
    Text,
)
from .quotes import without_outer_quotes
from .still_entries import KnownPeople, read_rights, read_still

MAX_PROSE_BYTES = 2 * 1024 * 1024
NO_PUBLICATION = "a quote with no publication: name it in `source:` (e.g. source: Variety)"


def build_kit(data: Value, kit_file: Path, checker: Checker) -> Kit | None:
    """The kit, or None when there are errors (they are in ``checker``)."""
    top = checker.obj(data, "", fields.TOP)
    if top is None:
        return None
    root = kit_file.parent
    title = top.text("title", required=True)
    cast = _cast(top, checker)
    crew = _crew(top, checker)
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
        synopsis=_prose(top, "synopsis", root, checker),
        long_synopsis=_prose(top, "long_synopsis", root, checker),
        directors_statement=_prose(top, "directors_statement", root, checker),
        cast=cast,
        crew=crew,
        festivals=_festivals(top, checker),
        quotes=_quotes(top, checker),
        contacts=read_contacts(top, checker),
        trailer=top.url("trailer"),
        key_art=_file(top, "key_art", root, checker),
        rights=read_rights(top.get("rights"), top.sub("rights"), checker),
        copyright_line=top.text("copyright_line"),
        presented_by=top.text("presented_by"),
        stills=_stills(top, root, KnownPeople(cast_ids(cast), crew_roles(crew)), checker),
        renditions=_renditions(top, checker),
        updated=top.date("updated", required=False),
    )
    return None if checker.errors else replace(kit, texts=_texts(checker))


def _texts(checker: Checker) -> tuple[Text, ...]:
    return tuple(
        Text(r.path, r.text, r.source or checker.label, r.line, r.whole_file) for r in checker.texts
    )


def _renditions(top: Obj, checker: Checker) -> tuple[tuple[str, int], ...]:
    value = top.get("renditions")
    obj = None if value is None else checker.obj(value, top.sub("renditions"), fields.RENDITIONS)
    return () if obj is None else tuple(read_integers(obj, RENDITION_KEYS).items())


def _file(obj: Obj, key: str, root: Path, checker: Checker) -> Path | None:
    written = obj.text(key)
    if written is None:
        return None
    path, problem = resolve_in_kit(root, written)
    if problem:
        checker.error(obj.line_of(key), obj.sub(key), problem)
    return path


def _prose(top: Obj, key: str, root: Path, checker: Checker) -> Prose | None:
    value = top.get(key)
    if value is None:
        return None
    if isinstance(value, Scalar):
        text = top.text(key)
        return Prose(text, checker.label, value.line) if text else None
    ref = checker.obj(value, top.sub(key), fields.PROSE_FILE)
    if ref is None:
        return None
    written = ref.text("file", required=True)
    if written is None:
        return None
    path, problem = resolve_in_kit(root, written)
    if problem or path is None:
        checker.error(ref.line_of("file"), ref.sub("file"), problem or "unusable file")
        return None
    return _read_prose(path, ref, checker)


def _read_prose(path: Path, ref: Obj, checker: Checker) -> Prose | None:
    where, line = ref.sub("file"), ref.line_of("file")
    try:
        if path.stat().st_size > MAX_PROSE_BYTES:
            checker.error(line, where, f"'{path.name}' is larger than 2 MB")
            return None
        data = path.read_bytes()
    except OSError as exc:
        checker.error(line, where, f"cannot read '{path.name}': {exc.strerror}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        kind = "UTF-16 text; save it as UTF-8" if utf16 else "not UTF-8 text"
        checker.error(line, where, f"'{path.name}' is {kind}")
        return None
    text = text.replace("\r\n", "\n").strip()
    key = ref.path
    for number, row in enumerate(text.split("\n"), 1):
        problem = control_character(row)
        if problem:
            checker.issues.append(Issue(path.name, number, key, problem))
            return None
    checker.texts.append(Read(key, text, 1, path.name, whole_file=True))
    return Prose(text, path.name, 1, path) if text else None


def _cast(top: Obj, checker: Checker) -> tuple[CastMember, ...]:
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
        if cast_id and actor:
            seen[cast_id] = i
            members.append(CastMember(cast_id, actor, entry.text("character")))
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


def _festivals(top: Obj, checker: Checker) -> tuple[Festival, ...]:
    found: list[Festival] = []
    for i, value in top.items("festivals"):
        entry = checker.obj(value, f"festivals[{i}]", fields.FESTIVAL)
        if entry is None:
            continue
        name = entry.text("name", required=True)
        year = entry.integer("year", 1870, 2100, "2021")
        section, award = entry.text("section"), entry.text("award")
        if name:
            found.append(Festival(name, year, section, award))
    return tuple(found)


def _quotes(top: Obj, checker: Checker) -> tuple[Quote, ...]:
    found: list[Quote] = []
    for i, value in top.items("quotes"):
        entry = checker.obj(value, f"quotes[{i}]", fields.QUOTE)
        if entry is None:
            continue
        text = entry.text("text", required=True)
        source, author = entry.text("source"), entry.text("author")
        if text and not source:
            checker.warn(entry.line, entry.path, NO_PUBLICATION)
        if text:
            found.append(Quote(without_outer_quotes(text), source, author))
    return tuple(found)


def read_contacts(top: Obj, checker: Checker) -> tuple[Contact, ...]:
    found: list[Contact] = []
    for i, value in top.items("contacts"):
        entry = checker.obj(value, f"contacts[{i}]", fields.CONTACT)
        if entry is None:
            continue
        role = entry.text("role", required=True)
        if role and role not in fields.CONTACT_ROLES:
            allowed = ", ".join(fields.CONTACT_ROLES)
            checker.error(entry.line_of("role"), entry.sub("role"), f"expected one of {allowed}")
        contact = Contact(
            role=role or "other",
            name=entry.text("name"),
            company=entry.text("company"),
            email=entry.email("email"),
            phone=entry.text("phone"),
            url=entry.url("url"),
            address=entry.text("address"),
        )
        if not (contact.name or contact.company):
            checker.error(entry.line, entry.path, "a contact needs a name or a company")
        found.append(contact)
    return tuple(found)


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
