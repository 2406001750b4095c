"""Put a press page's press notes into the kit: the interview and production notes as
Markdown files, biographies as `bios/<name>.md` beside each cast member and filmmaker (with
their selected filmography), and the end credits as `credits: [{role, names}]`.

A person ABOUT THE CAST names who is not in the cast list joins it (principal cast is who
the notes write about); a filmmaker in the crew is linked by name, not given a role twice.
"""

from __future__ import annotations

from ..errors import Issue
from ..naming import slugify
from .facts import Credit, Leftover, PageFacts
from .kit_writer import Node, Raw
from .press_notes import (
    Bio,
    chapters_markdown,
    filmography_entries,
    interview_markdown,
    read_bios,
    spelt_from_capitals,
)

NOTES_KEYS = ("interview", "interviewer", "production_notes", "filmmakers", "credits")
FILES = {"interview": "interview.md", "production_notes": "production-notes.md"}


class NotesPlan:
    """What the press notes add to the kit data, files and warnings of an import."""

    def __init__(self, facts: PageFacts, known_actors: list[str], label: str) -> None:
        self.facts = facts
        self.label = label
        self.files: dict[str, str] = {}
        self.data: dict[str, Node] = {}
        self.warnings: list[Issue] = []
        self._taken: set[str] = set()
        actors = [c.name for c in facts.cast] + known_actors
        crew = [c.name for names in facts.crew.values() for c in names]
        self._spelling = {_fold(name): name for name in [*crew, *actors]}
        self.cast_bios = self._bios("about_cast", actors, "ABOUT THE CAST")
        self.filmmaker_bios = self._bios("about_filmmakers", crew, "ABOUT THE FILMMAKERS")
        self._crew = {_fold(name) for name in crew}

    def cast_with_bios(self) -> list[Credit]:
        """The page's cast list, with the people ABOUT THE CAST adds (and the characters it
        gives those listed without one)."""
        cast = list(self.facts.cast)
        for bio in self.cast_bios:
            at = next((i for i, c in enumerate(cast) if _fold(c.name) == _fold(bio.name)), None)
            if at is None:
                cast.append(Credit(bio.heading, bio.name, bio.part))
            elif cast[at].character is None and bio.part:
                cast[at] = Credit(cast[at].line, cast[at].name, bio.part)
        return cast

    def add_to_cast(self, nodes: list[Node]) -> None:
        """Each cast entry a biography is about gets its bio file and filmography."""
        for bio in self.cast_bios:
            for node in nodes:
                if isinstance(node, dict) and _fold(str(node.get("actor", ""))) == _fold(bio.name):
                    node.update(self._person(bio))
                    break

    def add_notes(self) -> None:
        interview = self.facts.notes.get("interview")
        if interview:
            text, interviewer = interview_markdown(interview)
            self._file("interview", text)
            if interviewer:
                self.data["interviewer"] = interviewer
        notes = self.facts.notes.get("production_notes")
        if notes:
            self._file("production_notes", chapters_markdown(notes))
        filmmakers: list[Node] = []
        for bio in self.filmmaker_bios:
            entry: dict[str, Node] = {"name": bio.name}
            if bio.part and _fold(bio.name) not in self._crew:
                entry["role"] = bio.part
            elif _fold(bio.name) not in self._crew:
                message = f"no role for {bio.name} (not in the crew either); add one in kit.yaml"
                self.warnings.append(
                    Issue(self.label, bio.heading.number, "filmmakers", message, "warning")
                )
            entry.update(self._person(bio))
            filmmakers.append(entry)
        self.data["filmmakers"] = filmmakers
        self.data["credits"] = [
            {
                "role": block.role,
                "names": block.names[0] if len(block.names) == 1 else list(block.names),
            }
            for block in self.facts.credits
        ]

    def _file(self, key: str, text: str) -> None:
        if text:
            self.files[FILES[key]] = text
            self.data[key] = {"file": FILES[key]}

    def _bios(self, kind: str, known: list[str], heading: str) -> list[Bio]:
        lines = self.facts.notes.get(kind, [])
        bios, before = read_bios(lines, {_fold(name) for name in known})
        reason = f"not under a person's name in {heading}"
        self.facts.leftovers.extend(Leftover(line, reason) for line in before)
        for bio in bios:
            spelling = self._spelling.get(_fold(bio.name))
            if spelling:
                bio.name = spelling
            elif bio.name == bio.name.upper():
                written, bio.name = bio.name, spelt_from_capitals(bio.name)
                message = f"read '{written}' as '{bio.name}'; check the spelling"
                self.warnings.append(Issue(self.label, bio.heading.number, "", message, "warning"))
        return bios

    def _person(self, bio: Bio) -> dict[str, Node]:
        found: dict[str, Node] = {}
        slug = self._slug(bio.name)
        if bio.paragraphs:
            name = f"bios/{slug}.md"
            self.files[name] = "\n\n".join(line.text for line in bio.paragraphs) + "\n"
            found["bio"] = {"file": name}
        if bio.filmography:
            entries = filmography_entries(bio.filmography)
            if entries is None:
                name = f"bios/{slug}-filmography.md"
                self.files[name] = "".join(f"- {line.text}\n" for line in bio.filmography)
                found["filmography"] = {"file": name}
            else:
                found["filmography"] = [
                    {key: Raw(value) if key == "year" else value for key, value in entry.items()}
                    for entry in entries
                ]
        return found

    def _slug(self, name: str) -> str:
        base = slugify(name, fallback="person")
        slug, number = base, 2
        while slug in self._taken:
            slug, number = f"{base}-{number}", number + 1
        self._taken.add(slug)
        return slug


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
