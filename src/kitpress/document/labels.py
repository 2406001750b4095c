"""Every word kitpress sets itself, in one place: section titles, the technical details'
labels, the cover's lines, the captions' house words. Outputs take them from the composed
document, never from a literal of their own, so the kit's language (or a layout's own
wording) changes them everywhere. The words are data: the message catalogues of
`layout.label_catalogue`, one per language."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..kit.fields import known_contact_role
from ..kit.languages import language_tag
from ..layout.caption_style import CaptionStyle
from ..layout.label_catalogue import Word, catalogue, label_keys
from .contractions import fill


@dataclass(frozen=True)
class Labels:
    language: str  # the BCP 47 tag these labels are for: the web page's `lang`, the formats'
    sections: Mapping[str, str]
    facts: Mapping[str, str]
    contact_roles: Mapping[str, str]
    captions: Mapping[str, str]  # the caption house words (CaptionStyle's fields)
    press_kit: str
    press_kit_for: str
    film_by: str
    presented_by: str
    minutes: str
    minutes_short: str
    minutes_only: str
    official_selection: str
    festival_award: str
    festival_section: str
    embargo: str
    embargo_moment: str
    press_materials: str
    stars: str
    trailer: str
    scan_for_trailer: str
    contents: str
    notes: str  # the ruled pages that fill a printed booklet's last sheet
    as_character: str
    selected_filmography: str
    interview_by: str
    interview_with: str  # the interview's heading: 'Entretien avec Hester Vale'
    credit_and: str
    credit_by: str
    line_up: str
    line_up_of: str
    directed_by: str
    status: str
    still_title: str
    captions_heading: str
    caption_sheet_columns: tuple[str, ...]
    skip_to_content: str
    sections_nav: str
    still_downloads: str
    web_file: str
    print_file: str
    file_size: str
    downloads: str
    download_zip: str
    download_pdf: str
    watch_trailer: str
    updated: str

    def contact_role(self, role: str) -> str:
        """A known contact role in its printed form ('world_sales' and 'World Sales' are
        'World sales'); any other label as the user wrote it."""
        known = known_contact_role(role)
        return self.contact_roles.get(known, role) if known else role

    def as_role(self, character: str) -> str:
        """``as_character`` for ``character``, the language's preposition and the character's
        article joined as it writes them: "dans le rôle du Sacristain", "d’Ada Veen"."""
        return fill(self.as_character, self.language, character=character)

    def festival_lines(self, award: str | None, section: str | None) -> list[str]:
        """As press notes print them: "Winner — Volpi Cup for Best Actress", then "Official
        Selection — In Competition" (a section that already says so is printed as written)."""
        lines = [self.festival_award.format(award=award)] if award else []
        if section:
            said = section.casefold().startswith(self.official_selection.casefold())
            lines.append(section if said else self.festival_section.format(section=section))
        return lines or [self.official_selection]

    def caption_style(
        self, layout_style: CaptionStyle, layout_words: Mapping[str, str] = MappingProxyType({})
    ) -> CaptionStyle:
        """The caption house style in these labels' language: the layout's ``captions:``
        words where it set them (``layout_words``), this language's everywhere else."""
        words: dict[str, Any] = {k: v for k, v in self.captions.items() if k not in layout_words}
        return dataclasses.replace(layout_style, **words)


def labels_for(language: str, overrides: Mapping[str, Word] = MappingProxyType({})) -> Labels:
    """The words of the catalogue nearest ``language`` (``pt-BR`` → pt, ``en-US`` → en with
    its American differences, an unknown language → en), with ``overrides`` (a layout's
    `labels:`, checked by the layout's validator) over any of them by its flat key."""
    words = catalogue(language)
    groups: dict[str, dict[str, Word]] = {g: dict(w) for g, w in words.items()}
    keys = label_keys()
    for key, value in overrides.items():
        groups[keys[key]][key] = value
    fields: dict[str, Any] = dict(groups.pop("words"))
    fields.update({g: MappingProxyType(w) for g, w in groups.items()})
    return Labels(language=language_tag(language) or "en", **fields)


ENGLISH = labels_for("en")
