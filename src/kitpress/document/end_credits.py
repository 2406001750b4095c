"""The full credits as they roll: in the kit's order, with adjacent key roles one person (or
the same people) holds said once, "Written and directed by", as end credits and press notes
write them."""

from __future__ import annotations

from ..kit.model import CrewCredit
from .labels import Labels


def end_credits(credits: tuple[CrewCredit, ...], labels: Labels) -> tuple[CrewCredit, ...]:
    merged: list[tuple[list[str], tuple[str, ...]]] = []  # roles, and the names they share
    for credit in credits:
        last = merged[-1] if merged else None
        if last and last[1] == credit.names and _by(credit.role) and _by(last[0][-1]):
            last[0].append(credit.role)
        else:
            merged.append(([credit.role], credit.names))
    return tuple(CrewCredit(_joined(roles, labels), names) for roles, names in merged)


def crew_in_credits(crew: tuple[CrewCredit, ...], credits: tuple[CrewCredit, ...]) -> bool:
    """Whether the full credits name everyone the key crew list does: then the crew list
    would only repeat them, and the credits alone are set."""
    credited = {name.casefold() for credit in credits for name in credit.names}
    return bool(credits) and all(n.casefold() in credited for c in crew for n in c.names)


def _by(role: str) -> bool:
    """'Written by', 'Produced by': a credit of the form a merge can join."""
    return role.casefold().endswith(" by") and len(role.split()) == 2


def _joined(roles: list[str], labels: Labels) -> str:
    """'Written and directed by': the verbs in the order credits say them (writing first,
    directing last), joined by the labels' words."""
    if len(roles) == 1:
        return roles[0]
    verbs = sorted((r.split()[0].casefold() for r in roles), key=_rank)
    listed = ", ".join(verbs[:-1]) + f" {labels.credit_and} {verbs[-1]}"
    return labels.credit_by.format(verbs=listed[:1].upper() + listed[1:])


def _rank(verb: str) -> int:
    return 0 if verb.startswith("writ") else 2 if verb.startswith("direct") else 1
