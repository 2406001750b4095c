"""A kit with every section of press notes' people and long prose: biographies, selected
filmographies, portraits, filmmakers, an interview, production notes in chapters and the
full credits. Written on the fly (portraits generated with Pillow), never committed."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_still

KIT_YAML = """\
title: The Last Lock
year: 2024
runtime: 104
presented_by: Kanaal Films
logline: A lock keeper refuses to open the gates for the last barge of the season.
synopsis: {file: synopsis.md}
interviewer: Jane Doe
interview: {file: interview.md}
production_notes: {file: production-notes.md}
cast:
  - id: maren
    actor: Maren Holt
    character: Ilse
    bio: {file: bios/maren-holt.md}
    photo: portraits/maren-holt.jpg
    filmography:
      - {year: 2024, title: The Last Lock, director: Ada Brenner, role: Ilse}
      - {year: 2019, title: Winter Ferry, director: Tomas Lind, role: Greta}
  - id: piet
    actor: Piet Aalders
    character: Joost
    bio: Piet Aalders trained as a carpenter before he *ever* stood on a stage.
    filmography: "2021 — *Low Water* (Sanne Vries)"
crew:
  Director: Ada Brenner
  Screenplay: [Ada Brenner, Karel Dorn]
  Cinematography: Lotte Smit
filmmakers:
  - name: Ada Brenner
    bio: {file: bios/ada-brenner.md}
    photo: portraits/ada-brenner.jpg
    filmography:
      - {year: 2024, title: The Last Lock}
      - {year: 2018, title: Tidewater, role: Director}
  - name: Ruth Kemper
    role: Producer
    bio: Ruth Kemper founded Kanaal Films in 2009.
credits:
  - {role: Written by, names: [Ada Brenner]}
  - {role: Directed by, names: Ada Brenner}
  - {role: Produced by, names: [Ruth Kemper, Joris Veld]}
  - {role: Director of Photography, names: Lotte Smit}
  - {role: Music by, names: Oona Fell}
rights: {copyright: Kanaal Films, photographer: Lotte Smit}
stills:
  - file: stills/lock.jpg
    people: [maren]
"""

SYNOPSIS = "Ilse keeps the last lock on the canal, and the canal is closing.\n"

INTERVIEW = """\
**Where did *The Last Lock* begin?**

With my grandfather, who kept a lock for forty years.

JD: Why shoot on the canal itself?

AB: Because water cannot be faked. We waited for the light every morning.

Q: What comes next?

A film about the sea.
"""

NOTES = """\
The film was shot over thirty-one days in the autumn of 2023.

## Finding the lock

The production looked at eleven locks before choosing Sluis Zeven.

> We needed a lock that still worked, and a keeper who would let us flood it twice a day.

## Casting Ilse

Maren Holt read for the part on the lock itself.
"""

MAREN = "Maren Holt was born in Utrecht and trained at the Toneelacademie Maastricht.\n"
ADA = "Ada Brenner studied documentary film in Amsterdam. *Tidewater* was her first feature.\n"


def write_press_notes_kit(kit: Path, portrait: tuple[int, int] = (700, 900)) -> Path:
    kit.mkdir(parents=True, exist_ok=True)
    (kit / "kit.yaml").write_text(KIT_YAML, encoding="utf-8")
    files = {
        "synopsis.md": SYNOPSIS,
        "interview.md": INTERVIEW,
        "production-notes.md": NOTES,
        "bios/maren-holt.md": MAREN,
        "bios/ada-brenner.md": ADA,
    }
    for name, text in files.items():
        (kit / name).parent.mkdir(parents=True, exist_ok=True)
        (kit / name).write_text(text, encoding="utf-8")
    make_still(kit / "portraits" / "maren-holt.jpg", portrait, 1)
    make_still(kit / "portraits" / "ada-brenner.jpg", portrait, 2)
    make_still(kit / "stills" / "lock.jpg", (2600, 1733), 3)
    return kit
