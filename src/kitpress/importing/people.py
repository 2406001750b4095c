"""Who a press page names: the cast list (with characters learnt from captions), the crew,
cast ids for captions, and names spelt two ways.

A name is kept exactly as written. When two spellings differ only in accents, case or
punctuation ('Iglesias Mas' and 'Iglesias Más') both are kept and a warning names both lines:
kitpress cannot know which one is right, so it never merges or splits them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..errors import Issue
from ..kit.model import StillPerson
from ..naming import slugify
from .caption_parser import ParsedCaption, WrittenPerson
from .facts import Credit
from .kit_writer import Node, Raw


@dataclass
class CastEntry:
    actor: str
    character: str | None
    line: int
    id: str = ""


@dataclass(frozen=True)
class Resolved:
    """A caption's person as a kit `people:` entry, the person it composes, and any note."""

    node: Node
    person: StillPerson
    note: str | None = None


class CastBook:
    def __init__(self, cast: list[Credit], crew: dict[str, list[Credit]], label: str) -> None:
        self.label = label
        self.entries = [CastEntry(c.name, c.character, c.line.number) for c in cast]
        self.crew = {role: [c.name for c in names] for role, names in crew.items() if names}
        self.warnings: list[Issue] = []

    def learn(self, captions: list[ParsedCaption]) -> None:
        """Add the characters (and actors) that captions name, then give everyone an id."""
        for caption in captions:
            for person in caption.people:
                if person.character:
                    self._learn(person.name, person.character, caption.line.number)
        taken: set[str] = set()
        for entry in self.entries:
            base = slugify(entry.character or entry.actor, fallback="person")
            entry.id = base
            number = 2
            while entry.id in taken:
                entry.id, number = f"{base}-{number}", number + 1
            taken.add(entry.id)

    def _learn(self, actor: str, character: str, line: int) -> None:
        mine = [e for e in self.entries if e.actor == actor]
        if any(e.character == character for e in mine):
            return
        blank = next((e for e in mine if e.character is None), None)
        if blank is not None:
            blank.character = character
            return
        if mine:
            first = mine[0]
            message = (
                f"{actor} plays '{character}' here and '{first.character}' on line "
                f"{first.line}; both kept as cast entries"
            )
            self.warnings.append(Issue(self.label, line, "cast", message, "warning"))
        self.entries.append(CastEntry(actor, character, line))

    def nodes(self) -> list[Node]:
        found: list[Node] = []
        for entry in self.entries:
            item: dict[str, Node] = {"id": entry.id, "actor": entry.actor}
            if entry.character:
                item["character"] = entry.character
            found.append(item)
        return found

    def crew_node(self) -> dict[str, Node]:
        return {
            role: names[0] if len(names) == 1 else list(names) for role, names in self.crew.items()
        }

    def resolve(self, person: WrittenPerson) -> Resolved:
        if person.character:
            member = next(
                e
                for e in self.entries
                if e.actor == person.name and e.character == person.character
            )
            shown = StillPerson(member.actor, member.character, cast_id=member.id)
            return Resolved(member.id, shown)
        if person.role:
            return self._with_role(person.name, person.role)
        entry = next((e for e in self.entries if e.actor == person.name), None)
        if entry is None:
            return Resolved({"name": person.name}, StillPerson(person.name))
        node: Node = {"cast": entry.id, "in_character": Raw("false")}
        return Resolved(node, StillPerson(entry.actor, cast_id=entry.id))

    def _with_role(self, name: str, role: str) -> Resolved:
        for crew_role, names in self.crew.items():
            if crew_role.casefold() == role.casefold() and names[0] == name:
                shown = crew_role.lower()
                note = f"changed '({role})' to '({shown})'" if role != shown else None
                return Resolved({"crew": crew_role}, StillPerson(name, role=shown), note)
        return Resolved({"name": name, "role": role}, StillPerson(name, role=role))


@dataclass(frozen=True)
class Mention:
    """A name as written somewhere on the page."""

    name: str
    line: int
    path: str


def fold_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed.casefold() if c.isalnum())


def spelling_warnings(label: str, mentions: list[Mention]) -> list[Issue]:
    """One warning for every spelling of a name that another line spells differently."""
    first: dict[str, dict[str, Mention]] = {}
    for mention in sorted(mentions, key=lambda m: m.line):
        first.setdefault(fold_name(mention.name), {}).setdefault(mention.name, mention)
    warnings = []
    for spellings in first.values():
        reference, *others = spellings.values()
        for other in others:
            message = (
                f"'{other.name}' here and '{reference.name}' on line {reference.line} look like "
                "one name spelt two ways; both kept as written"
            )
            warnings.append(Issue(label, other.line, other.path, message, "warning"))
    return warnings
