"""Compose a still's caption and rights line from the kit's facts in the layout's house style.

    L to R: Milena Smit as Ana, Penélope Cruz as Janis in PARALLEL MOTHERS.
    L to R: Milena Smit as Ana, Penélope Cruz as Janis at the hospital in PARALLEL MOTHERS.
    Director Pedro Almodóvar and Penélope Cruz on the set of PARALLEL MOTHERS.
    © El Deseo, photo by Iglesias Más. Courtesy of Sony Pictures Classics.

The facts (who, which character, which rights) come from the kit; the wording comes from a
`CaptionStyle`, which layouts can change. The title is set as the language's press usage
sets it (`title_style`): in capitals in English, in italics in French ("dans *Madres
paralelas*."), where the caption text is a `StyledText` that keeps the plain title for every
reader of plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.model import Kit, Rights, Still, StillPerson
from ..layout.caption_style import CaptionStyle
from .contractions import fill, fill_marking
from .styled_text import StyledText


@dataclass(frozen=True)
class Caption:
    text: str
    rights: str
    people: tuple[str, ...]
    effective_rights: Rights

    @property
    def markup(self) -> str:
        """The caption as paragraph markup: escaped, an italic title inside <i>…</i>."""
        return as_markup(self.text)

    @property
    def full(self) -> str:
        """Caption and rights as one line, the way picture desks store it."""
        return f"{self.text} {self.rights}".strip()


def as_markup(text: str) -> str:
    """``text`` as paragraph markup: a `StyledText`'s italic spans in <i>…</i>."""
    return text.markup() if isinstance(text, StyledText) else StyledText(text).markup()


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
    character's article as ``language`` writes it ("sur le tournage du MÉPRIS"). It starts
    with a capital letter in every language; an italic title is marked (a `StyledText`)."""
    if still.verbatim_caption:
        return still.verbatim_caption
    shown_title = title.upper() if style.title_style == "upper" and style.title_upper else title
    template, values = _sentence_parts(still, style, language)
    text, span = fill_marking(template, language, "title", **values, title=shown_title)
    text = _capitalise(text)
    if style.title_style == "italic" and span is not None:
        return StyledText(text, (span,))
    return text


def _sentence_parts(still: Still, style: CaptionStyle, language: str) -> tuple[str, dict[str, str]]:
    """The house style's template for ``still`` and its fields other than the title."""
    if any(p.on_set for p in still.people):
        return style.on_set, {"people": _behind_the_scenes(still, style)}
    if still.people:
        names = ", ".join(_person(p, style, language) for p in still.people)
        prefix = style.left_to_right if len(still.people) >= 2 else ""
        if still.description:  # where they are reads in the sentence, before the title
            names = f"{names} {_after_names(still.description)}"
        return style.in_title, {"people": prefix + names}
    if still.description:
        return style.no_people, {"description": still.description.rstrip(". ")}
    return style.bare, {}


def _behind_the_scenes(still: Still, style: CaptionStyle) -> str:
    """Crew or actors as themselves, as photo desks write it: "Director Pedro Almodóvar and
    Penélope Cruz on the set of PARALLEL MOTHERS." Everyone by name (characters are not
    played between takes), crew with their role before the name, and no "L to R:": a
    behind-the-scenes still names who is at work, not a line-up to tell apart."""
    names = [
        style.crew_person.format(role=p.role, name=p.name) if p.role and p.on_set else p.name
        for p in still.people
    ]
    people = names[0] if len(names) == 1 else ", ".join(names[:-1]) + style.last_person + names[-1]
    if still.description and not _says_on_set(still.description, style.on_set):
        people = f"{people} {_after_names(still.description)}"
    return people


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
