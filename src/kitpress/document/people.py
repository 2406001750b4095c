"""The people of press notes' *About the cast* and *About the filmmakers*: who has a
biography, a filmography or a portrait, the line under each name, and each portrait's
header read once, so every output sizes it before any pixel is decoded."""

from __future__ import annotations

from ..errors import Issue, StillError
from ..kit.model import Kit, Portrait, is_director
from ..naming import slugify
from ..stills.decode import DecodeProblem, probe
from .labels import Labels
from .model import PersonEntry, PortraitEntry


def about_people(
    kit: Kit, labels: Labels, slug: str
) -> tuple[tuple[PersonEntry, ...], tuple[PersonEntry, ...]]:
    """The cast and the filmmakers who have something told of them; a portrait that cannot
    be read is a located error (all of them at once)."""
    problems: list[Issue] = []
    label = kit.source.name

    def entry(name: str, portrait: Portrait | None) -> PortraitEntry | None:
        if portrait is None:
            return None
        key, stem = f"portrait:{portrait.path}", f"{slug}_portrait-{slugify(name, 'person')}"
        try:
            size = probe(portrait.file).size
        except DecodeProblem as exc:
            problems.append(PortraitEntry(key, portrait, (0, 0), stem, label).issue(str(exc)))
            return None
        return PortraitEntry(key, portrait, size, stem, label)

    cast = tuple(
        PersonEntry(
            m.actor,
            labels.as_role(m.character) if m.character else "",
            m.profile,
            entry(m.actor, m.profile.photo),
        )
        for m in kit.cast
        if m.profile
    )
    directing_first = sorted(kit.filmmakers, key=lambda f: not is_director(f.kit_role or f.role))
    filmmakers = tuple(
        PersonEntry(f.name, f.role, f.profile, entry(f.name, f.profile.photo))
        for f in directing_first
        if f.profile
    )
    if problems:
        raise StillError(problems)
    return cast, filmmakers
