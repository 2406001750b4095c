"""Read what press notes tell of people: a cast member's or filmmaker's biography, selected
filmography and portrait, and the `filmmakers` list, linked to `crew` by name."""

from __future__ import annotations

from pathlib import Path

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Sequence
from . import fields
from .model import CrewCredit, FilmCredit, Filmmaker, Portrait, Profile
from .prose_files import read_file, read_prose


def read_profile(entry: Obj, root: Path, checker: Checker) -> Profile:
    """The bio, filmography and photo given in ``entry`` (a cast or filmmakers entry)."""
    films: tuple[FilmCredit, ...] = ()
    films_text = None
    if isinstance(entry.get("filmography"), Sequence):
        films = _films(entry, checker)
    else:
        films_text = read_prose(entry, "filmography", root, checker)
    photo = read_file(entry, "photo", root, checker)
    portrait = Portrait(photo, entry.sub("photo"), entry.line_of("photo")) if photo else None
    return Profile(read_prose(entry, "bio", root, checker), films, films_text, portrait)


def _films(entry: Obj, checker: Checker) -> tuple[FilmCredit, ...]:
    found: list[FilmCredit] = []
    for i, value in entry.items("filmography"):
        film = checker.obj(value, f"{entry.sub('filmography')}[{i}]", fields.FILM)
        if film is None:
            continue
        year = film.integer("year", 1870, 2100, "2021")
        title = film.text("title", required=True)
        if title:
            found.append(FilmCredit(year, title, film.text("director"), film.text("role")))
    return tuple(found)


def read_filmmakers(
    top: Obj, root: Path, crew: tuple[CrewCredit, ...], checker: Checker
) -> tuple[Filmmaker, ...]:
    """The filmmakers in the kit's order; each takes the role it has in `crew` unless it
    says its own, and one that is not in `crew` must say it."""
    found: list[Filmmaker] = []
    for i, value in top.items("filmmakers"):
        entry = checker.obj(value, f"filmmakers[{i}]", fields.FILMMAKER)
        if entry is None:
            continue
        name = entry.text("name", required=True)
        role = entry.text("role") or (crew_role(name, crew) if name else None)
        profile = read_profile(entry, root, checker)
        if name and role is None:
            message = f"required: {name} is not in crew, so say what they did (e.g. role: Producer)"
            checker.error(entry.line, entry.sub("role"), message)
        if name and role:
            found.append(Filmmaker(name, role, profile))
    return tuple(found)


def crew_role(name: str, crew: tuple[CrewCredit, ...]) -> str | None:
    """The first role ``name`` holds in `crew`, matched regardless of letter case."""
    wanted = name.casefold()
    return next((c.role for c in crew if wanted in (n.casefold() for n in c.names)), None)
