"""A layout's caption house style: the words around the facts of a still's caption and rights
line (`document/captions.py` composes them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CaptionStyle:
    left_to_right: str = "L to R: "
    person: str = "{actor} as {character}"
    other_person: str = "{name} ({role})"
    crew_person: str = "{role} {name}"  # behind the scenes: "director Pedro Almodóvar"
    last_person: str = " and "  # before the last name of a behind-the-scenes caption
    in_title: str = "{people} in {title}."
    on_set: str = "{people} on the set of {title}."
    no_people: str = "{description} in {title}."
    bare: str = "Still from {title}."
    title_style: str = "upper"  # the film's title: upper (English press), italic or plain
    title_upper: bool = True  # the layout's: false never sets the title in capitals
    copyright: str = "© {holder}"
    photographer: str = "photo by {name}"
    courtesy: str = "Courtesy of {name}."


# How a caption sets the film's title: in capitals (English press notes: "in PARALLEL
# MOTHERS."), in italics (French, Spanish, Italian, Portuguese, German usage: "dans *Madres
# paralelas*."), or as written. The caption sheets and the stills' embedded captions, which
# are plain text, take an italic title as written.
TITLE_STYLES = ("upper", "italic", "plain")

TEMPLATE_FIELDS = {
    "left_to_right": (),
    "person": ("actor", "character"),
    "other_person": ("name", "role"),
    "crew_person": ("name", "role"),
    "last_person": (),
    "in_title": ("people", "title"),
    "on_set": ("people", "title"),
    "no_people": ("description", "title"),
    "bare": ("title",),
    "copyright": ("holder",),
    "photographer": ("name",),
    "courtesy": ("name",),
}
