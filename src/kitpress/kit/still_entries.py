"""Read one entry of `stills:`: its file, its people left to right, and its rights."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..reading.checker import Checker
from ..reading.marked_yaml import Scalar, Value
from . import fields
from .files import resolve_in_kit
from .model import CastMember, CrewCredit, Rights, Still, StillPerson


def read_still(
    checker: Checker, value: Value, index: int, root: Path, known: KnownPeople
) -> Still | None:
    entry = checker.obj(value, f"stills[{index}]", fields.STILL)
    if entry is None:
        return None
    written = entry.text("file", required=True)
    path: Path | None = None
    if written is not None:
        path, problem = resolve_in_kit(root, written)
        if problem:
            checker.error(entry.line_of("file"), entry.sub("file"), problem)
    people = tuple(
        person
        for i, item in entry.items("people")
        if (person := _person(checker, item, f"{entry.sub('people')}[{i}]", known)) is not None
    )
    still_id = entry.text("id") or f"still-{index + 1:02d}"
    rights = read_rights(entry.get("rights"), entry.sub("rights"), checker)
    if path is None:
        return None
    return Still(
        id=still_id,
        number=index + 1,
        file=path,
        line=entry.line,
        people=people,
        description=entry.text("description"),
        alt=entry.text("alt"),
        rights=rights,
    )


@dataclass(frozen=True)
class KnownPeople:
    """Who a still may name by reference: cast by id, crew by role."""

    cast: dict[str, CastMember]
    crew: dict[str, CrewCredit]


def _person(checker: Checker, value: Value, path: str, people: KnownPeople) -> StillPerson | None:
    if isinstance(value, Scalar):
        return _cast_person(checker, value.text.strip(), value.line, path, people.cast, True)
    entry = checker.obj(value, path, fields.STILL_PERSON)
    if entry is None:
        return None
    given = [key for key in ("cast", "crew", "name") if entry.get(key) is not None]
    if len(given) != 1:
        checker.error(entry.line, path, "a person needs exactly one of 'cast', 'crew' or 'name'")
        return None
    if given[0] == "cast":
        in_character = entry.boolean("in_character", True)
        cast_id = entry.text("cast") or ""
        return _cast_person(
            checker, cast_id, entry.line_of("cast"), path, people.cast, in_character
        )
    if given[0] == "crew":
        return _crew_person(checker, entry.text("crew") or "", entry.line_of("crew"), path, people)
    return StillPerson(name=entry.text("name") or "", role=entry.text("role"))


def _crew_person(
    checker: Checker, role: str, line: int, path: str, people: KnownPeople
) -> StillPerson | None:
    credit = people.crew.get(role.casefold())
    if credit is None:
        roles = [c.role for c in people.crew.values()]
        hint = difflib.get_close_matches(role, roles, n=1, cutoff=0.5)
        tip = f" (did you mean '{hint[0]}'?)" if hint else ""
        checker.error(line, path, f"no crew role '{role}'{tip}")
        return None
    return StillPerson(name=credit.names[0], role=credit.role.lower(), on_set=True)


def _cast_person(
    checker: Checker,
    cast_id: str,
    line: int,
    path: str,
    cast: dict[str, CastMember],
    in_character: bool,
) -> StillPerson | None:
    member = cast.get(cast_id)
    if member is None:
        hint = difflib.get_close_matches(cast_id, list(cast), n=1, cutoff=0.6)
        tip = f" (did you mean '{hint[0]}'?)" if hint else ""
        checker.error(line, path, f"unknown cast id '{cast_id}'{tip}")
        return None
    character = member.character if in_character else None
    on_set = not in_character
    return StillPerson(member.actor, character=character, cast_id=member.id, on_set=on_set)


def read_rights(value: Value | None, path: str, checker: Checker) -> Rights:
    if value is None:
        return Rights()
    entry = checker.obj(value, path, fields.RIGHTS)
    if entry is None:
        return Rights()
    return Rights(
        copyright=_strip_symbol(entry.text("copyright")),
        photographer=entry.text("photographer"),
        courtesy=entry.text("courtesy"),
        usage=entry.text("usage"),
    )


def _strip_symbol(holder: str | None) -> str | None:
    """'© El Deseo' and 'El Deseo' mean the same holder; the layout prints the symbol."""
    if holder is None:
        return None
    return holder.removeprefix("©").removeprefix("(c)").removeprefix("(C)").strip() or None
