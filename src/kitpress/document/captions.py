"""Compose a still's caption and rights line from the kit's facts in the layout's house style.

    L to R: Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL MOTHERS.
    L to R: Milena Smit as Ana, Penélope Cruz as Janis at the hospital in PARALLEL MOTHERS.
    © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.

The facts (who, which character, which rights) come from the kit; the wording comes from a
`CaptionStyle`, which layouts can change.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.model import Kit, Rights, Still, StillPerson
from ..layout.caption_style import CaptionStyle
from .contractions import fill


@dataclass(frozen=True)
class Caption:
    text: str
    rights: str
    people: tuple[str, ...]
    effective_rights: Rights

    @property
    def full(self) -> str:
        """Caption and rights as one line, the way picture desks store it."""
        return f"{self.text} {self.rights}".strip()


def compose(still: Still, kit: Kit, style: CaptionStyle) -> Caption:
    rights = still.rights.over(kit.rights)
    return Caption(
        text=caption_text(still, kit.title, style, kit.language),
        rights=rights_line(rights, style),
        people=tuple(p.name for p in still.people),
        effective_rights=rights,
    )


def caption_text(still: Still, title: str, style: CaptionStyle, language: str = "en") -> str:
    """The caption's sentence; a preposition of the house style meets the title's or a
    character's article as ``language`` writes it ("sur le tournage du MÉPRIS")."""
    if still.verbatim_caption:
        return still.verbatim_caption
    shown_title = title.upper() if style.title_upper else title
    if any(p.on_set for p in still.people):
        return _behind_the_scenes(still, shown_title, style, language)
    if still.people:
        names = ", ".join(_person(p, style, language) for p in still.people)
        prefix = style.left_to_right if len(still.people) >= 2 else ""
        if still.description:  # where they are reads in the sentence, before the title
            names = f"{names} {_after_names(still.description)}"
        return fill(style.in_title, language, people=prefix + names, title=shown_title)
    if still.description:
        description = still.description.rstrip(". ")
        return fill(style.no_people, language, description=description, title=shown_title)
    return fill(style.bare, language, title=shown_title)


def _behind_the_scenes(still: Still, title: str, style: CaptionStyle, language: str) -> str:
    """Crew or actors as themselves, as photo desks write it: "L to R: Penélope Cruz and
    director Pedro Almodóvar on the set of PARALLEL MOTHERS." Everyone by name (characters
    are not played between takes), crew with their role before the name."""
    names = [
        style.crew_person.format(role=p.role, name=p.name) if p.role and p.on_set else p.name
        for p in still.people
    ]
    names[0] = _capitalise(names[0])  # "Director Pedro Almodóvar and Penélope Cruz …"
    people = names[0] if len(names) == 1 else ", ".join(names[:-1]) + style.last_person + names[-1]
    if still.description and not _says_on_set(still.description, style.on_set):
        people = f"{people} {_after_names(still.description)}"
    prefix = style.left_to_right if len(names) >= 2 else ""
    return fill(style.on_set, language, people=prefix + people, title=title)


def _says_on_set(description: str, on_set: str) -> bool:
    """Whether ``description`` only says what the behind-the-scenes form says already: 'on
    the set' before '… on the set of TITLE.' (kitpress init's example), 'sur le tournage'."""
    words = _after_names(description).casefold().split()
    between = on_set.partition("{people}")[2].partition("{title}")[0].casefold().split()
    return bool(words) and between[: len(words)] == words


def _person(person: StillPerson, style: CaptionStyle, language: str) -> str:
    if person.character:
        return fill(style.person, language, actor=person.name, character=person.character)
    if person.role:
        return style.other_person.format(name=person.name, role=person.role)
    return person.name


def rights_line(rights: Rights, style: CaptionStyle) -> str:
    credits = []
    if rights.copyright:
        credits.append(style.copyright.format(holder=rights.copyright))
    if rights.photographer:
        credits.append(style.photographer.format(name=rights.photographer))
    parts = []
    if credits:
        parts.append(_sentence(_capitalise(", ".join(credits))))
    if rights.courtesy:
        courtesy = style.courtesy.format(name=rights.courtesy)
        if rights.courtesy.endswith(".") and courtesy.endswith(f"{rights.courtesy}."):
            courtesy = courtesy[:-1]  # 'Courtesy of Pyramide & Co.', not 'Co..'
        parts.append(_sentence(courtesy))
    return " ".join(parts)


# Words a description typed as a sentence may start with that read on in lower case after
# the names: "At the lock gates." -> "... as Ana at the lock gates in TITLE."
_LINKING = """at on in inside outside near by behind beside under over during before after
with without while as and arriving leaving walking waiting talking"""
_LINKING_WORDS = frozenset(_LINKING.split())


def _after_names(description: str) -> str:
    """A still's description as it continues the sentence that names its people."""
    text = description.strip().rstrip(". ")
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and first.casefold() in _LINKING_WORDS:
        text = text[:1].lower() + text[1:]
    return text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
