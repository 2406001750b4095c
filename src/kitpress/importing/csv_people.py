"""Read a spreadsheet's `people` cell against the kit's cast and crew.

People are listed left to right, separated by ';' (or ',' when there is no ';'). Each is
a cast id (``janis``), an actor in the cast (``Penélope Cruz``: in character), ``Actor as
Character``, ``Actor as herself`` (not in character), or ``Name (role)``: the crew member
with that role, or anyone else with a role. Anything else is an error, never a guess.
"""

from __future__ import annotations

import difflib
import re

from ..kit.model import Kit, StillPerson
from .caption_parser import read_person
from .kit_writer import Node, Raw

Resolved = tuple[Node, StillPerson]


class PeopleProblem(Exception):
    """A person in the cell that the kit does not know; the message says which."""


def resolve_people(cell: str, kit: Kit) -> list[Resolved]:
    parts = re.split(";" if ";" in cell else ",", cell)
    return [_one(part.strip(), kit) for part in parts if part.strip()]


def _one(item: str, kit: Kit) -> Resolved:
    by_id = {member.id: member for member in kit.cast}
    if item in by_id:
        member = by_id[item]
        return member.id, StillPerson(member.actor, member.character, cast_id=member.id)
    person = read_person(item)
    if person.role:
        return _with_role(person.name, person.role, kit)
    actors = [m for m in kit.cast if m.actor.casefold() == person.name.casefold()]
    if person.character:
        actors = [
            m for m in actors if (m.character or "").casefold() == person.character.casefold()
        ]
    if not actors:
        raise PeopleProblem(_unknown(item, kit))
    member = actors[0]
    if person.as_self:
        node: Node = {"cast": member.id, "in_character": Raw("false")}
        return node, StillPerson(member.actor, cast_id=member.id)
    return member.id, StillPerson(member.actor, member.character, cast_id=member.id)


def _with_role(name: str, role: str, kit: Kit) -> Resolved:
    for credit in kit.crew:
        if credit.role.casefold() == role.casefold() and credit.names[0] == name:
            return {"crew": credit.role}, StillPerson(name, role=credit.role.lower())
    return {"name": name, "role": role}, StillPerson(name, role=role)


def _unknown(item: str, kit: Kit) -> str:
    known = [m.id for m in kit.cast] + [m.actor for m in kit.cast]
    hint = difflib.get_close_matches(item, known, n=1, cutoff=0.6)
    tip = f" (did you mean '{hint[0]}'?)" if hint else ""
    return (
        f"'{item}' is not a cast id or an actor in the cast{tip}; "
        "write 'Name (role)' for anyone else"
    )
