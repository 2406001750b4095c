"""Read a composed caption back into the kit entries that compose it: the `caption` and
`credits` cells of kitpress's own caption sheet (the ZIP's captions.csv), or of a sheet typed
in the same house style.

    L to R: Milena Smit as Ana, Penélope Cruz as Janis at the hospital in PARALLEL MOTHERS.
    © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.

Nothing is guessed: each person the caption may name (a cast member in or out of character,
a crew member, anyone written as 'Name (role)') is tried in turn, and a reading counts only
when kitpress composes exactly that caption again from it. The sheet's `people` cell, when
given, says who is named, left to right.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from ..document.captions import caption_text, rights_line
from ..kit.model import Kit, Rights, Still, StillPerson
from ..layout.caption_style import CaptionStyle
from .caption_parser import parse_caption, read_person, split_rights
from .csv_people import PeopleProblem, Resolved
from .kit_writer import Node, Raw
from .press_page import PageLine

MAX_READINGS = 4096  # combinations of who each name may be, tried before giving up
_MARK = "\ue000"  # stands for the description while a caption is composed to compare


def read_caption(caption: str, people_cell: str | None, kit: Kit) -> tuple[list[Resolved], str]:
    """The people (as kit.yaml entries) and the description ('' for none) that compose
    ``caption`` for ``kit``; `PeopleProblem` saying why when no reading does."""
    wanted = " ".join(caption.split())
    head, _ = split_rights(wanted)
    wanted = head or wanted
    names = _names(wanted, people_cell, kit)
    choices = [_choices(name, wanted, kit) for name in names]
    for count, people in enumerate(itertools.product(*choices)):
        if count >= MAX_READINGS:
            break
        description = _description(wanted, [person for _, person in people], kit.title)
        if description is not None:
            return list(people), description
    who = ", ".join(names) if names else "no one"
    raise PeopleProblem(
        f"'{wanted}' is not how kitpress captions {who} in {kit.title.upper()}; "
        "check the names against the kit's cast and crew"
    )


def read_credits(credits: str, title: str) -> dict[str, str]:
    """The copyright holder, photographer and courtesy that a rights line names, checked by
    composing it again; `PeopleProblem` when it does not read back the same."""
    wanted = " ".join(credits.split())
    parsed = parse_caption(PageLine(0, wanted), title, (title,), frozenset()).rights
    found = {key: value for key, value in vars(parsed).items() if value}
    if rights_line(Rights(**found), CaptionStyle()) != wanted:
        raise PeopleProblem(
            f"cannot read '{wanted}' as '© holder, photo by photographer. Courtesy of supplier.'"
        )
    return found


def _names(caption: str, people_cell: str | None, kit: Kit) -> list[str]:
    if people_cell is not None:
        parts = re.split(";" if ";" in people_cell else ",", people_cell)
        return [part.strip() for part in parts if part.strip()]
    titles = (kit.title,)
    parsed = parse_caption(PageLine(0, caption), kit.title, titles, frozenset(_known(kit)))
    return [person.name for person in parsed.people]


def _known(kit: Kit) -> list[str]:
    return [m.actor for m in kit.cast] + [n for credit in kit.crew for n in credit.names]


def _choices(name: str, caption: str, kit: Kit) -> list[Resolved]:
    """Everyone ``name`` may be in this kit's captions."""
    found: list[Resolved] = []
    for member in kit.cast:
        if member.actor.casefold() == name.casefold():
            playing = (member.id, StillPerson(member.actor, member.character, cast_id=member.id))
            node: Node = {"cast": member.id, "in_character": Raw("false")}
            themselves = (node, StillPerson(member.actor, cast_id=member.id, on_set=True))
            # on the set, a caption names actors only: read them as themselves, between takes
            found += [themselves, playing] if _on_set(caption, kit) else [playing, themselves]
    for credit in kit.crew:
        if credit.names[0].casefold() == name.casefold():
            found.append(
                (
                    {"crew": credit.role},
                    StillPerson(credit.names[0], role=credit.role.lower(), on_set=True),
                )
            )
    for chunk in re.split(r",\s*|\s+and\s+", caption):
        written = read_person(chunk.strip())
        if written.role and written.name.casefold().endswith(name.casefold()):
            role = written.role
            found.append(({"name": name, "role": role}, StillPerson(name, role=role)))
            break
    return found


def _on_set(caption: str, kit: Kit) -> bool:
    """Whether ``caption`` is in the behind-the-scenes form ("… on the set of TITLE.")."""
    _, _, ending = (
        CaptionStyle().on_set.format(people=_MARK, title=kit.title.upper()).partition(_MARK)
    )
    return caption.endswith(ending)


def composes(
    caption: str, people: tuple[StillPerson, ...], description: str | None, title: str
) -> bool:
    """Whether ``people`` and ``description`` compose ``caption`` (a description typed
    'At the gates' and one typed 'at the gates' may both do)."""
    wanted, _ = split_rights(" ".join(caption.split()))
    return _compose(list(people), description, title, CaptionStyle()) == wanted


def _description(caption: str, people: list[StillPerson], title: str) -> str | None:
    """The description that, with ``people``, composes ``caption``: '' for none; None when
    no description does."""
    style = CaptionStyle()
    if _compose(people, None, title, style) == caption:
        return ""
    prefix, _, suffix = _compose(people, _MARK, title, style).partition(_MARK)
    if len(caption) <= len(prefix) + len(suffix):
        return None
    if not (caption.startswith(prefix) and caption.endswith(suffix)):
        return None
    description = caption[len(prefix) : len(caption) - len(suffix)].strip()
    if not description or _compose(people, description, title, style) != caption:
        return None
    return description


def _compose(
    people: list[StillPerson], description: str | None, title: str, style: CaptionStyle
) -> str:
    still = Still("x", 1, Path("x"), 0, people=tuple(people), description=description)
    return caption_text(still, title, style)
