"""Every word kitpress sets itself, in one place: section titles, the technical details'
labels, the cover's lines. Outputs take them from the composed document, never from a
literal of their own, so a translation (or a layout's own wording) changes them everywhere."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..kit.fields import known_contact_role

SECTION_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "synopsis": "Synopsis",
        "long_synopsis": "Long synopsis",
        "directors_statement": "Director’s statement",
        "interview": "Interview",
        "production_notes": "Production notes",
        "about_cast": "About the cast",
        "about_filmmakers": "About the filmmakers",
        "credits": "Credits",
        "details": "Technical details",
        "releases": "Release dates",
        "cast": "Cast",
        "crew": "Crew",
        "festivals": "Festivals and awards",
        "quotes": "Press",
        "stills": "Stills",
        "contacts": "Contacts",
        "back_cover": "Back cover",
    }
)

CONTACT_ROLES: Mapping[str, str] = MappingProxyType(  # known roles, as printed
    {
        "us_press": "US press",
        "international_press": "International press",
        "world_sales": "World sales",
        "distributor": "Distributor",
        "press": "Press",
        "sales": "Sales",
        "other": "Other",
    }
)

FACT_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "original_title": "Original title",
        "year": "Year",
        "countries": "Country",
        "languages": "Original language",
        "subtitles": "Subtitles",
        "genres": "Genre",
        "runtime": "Running time",
        "aspect_ratio": "Aspect ratio",
        "sound": "Sound",
        "colour": "Colour",
        "rating": "Rating",
        "production_companies": "Production",
    }
)


@dataclass(frozen=True)
class Labels:
    sections: Mapping[str, str] = field(default_factory=lambda: SECTION_TITLES)
    facts: Mapping[str, str] = field(default_factory=lambda: FACT_LABELS)
    contact_roles: Mapping[str, str] = field(default_factory=lambda: CONTACT_ROLES)
    press_kit: str = "Press kit"
    press_kit_for: str = "Press kit for {title}"
    film_by: str = "A film by {directors}"
    presented_by: str = "Presented by {name}"
    minutes: str = "{n} minutes"
    minutes_short: str = "{n} min"
    official_selection: str = "Official Selection"
    festival_award: str = "Winner — {award}"
    festival_section: str = "Official Selection — {section}"
    embargo: str = "Embargoed until {moment}"
    embargo_moment: str = "{day} {month} {year}, {time} UTC{offset}"
    press_materials: str = "Press materials"
    stars: str = "{n} out of 5 stars"  # what a screen reader and text search find
    months: tuple[str, ...] = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    trailer: str = "Trailer"
    scan_for_trailer: str = "Scan for the trailer"
    contents: str = "Contents"
    notes: str = "Notes"  # the ruled pages that fill a printed booklet's last sheet
    as_character: str = "as {character}"
    selected_filmography: str = "Selected filmography"
    interview_by: str = "Interview by {name}"
    credit_and: str = "and"  # joins merged credits: "Written and directed by"
    credit_by: str = "{verbs} by"
    line_up: str = "Line-up"
    line_up_of: str = "{company} — {market} line-up"
    directed_by: str = "Directed by {directors}"
    status: str = "Status"
    still_title: str = "{title} – still {number:02d}"
    captions_heading: str = "{title} — captions"
    caption_sheet_columns: tuple[str, ...] = (
        "print file",
        "web file",
        "thumbnail",
        "caption",
        "credits",
        "photographer",
        "people",
    )
    # the web page's own words
    language: str = "en"  # the language these labels are in: the web page's `lang`
    skip_to_content: str = "Skip to content"
    sections_nav: str = "Sections"
    still_downloads: str = "Download still {number:02d}"
    web_file: str = "Web"
    print_file: str = "Print"
    file_size: str = "{width}×{height} px, {size}"
    downloads: str = "Downloads"
    download_zip: str = "All stills, captions and the press kit (ZIP, {size})"
    download_pdf: str = "Press kit (PDF, {size})"
    watch_trailer: str = "Watch the trailer"
    updated: str = "Updated {date}"

    def contact_role(self, role: str) -> str:
        """A known contact role in its printed form ('world_sales' and 'World Sales' are
        'World sales'); any other label as the user wrote it."""
        known = known_contact_role(role)
        return self.contact_roles.get(known, role) if known else role

    def festival_lines(self, award: str | None, section: str | None) -> list[str]:
        """As press notes print them: "Winner — Volpi Cup for Best Actress", then "Official
        Selection — In Competition" (a section that already says so is printed as written)."""
        lines = [self.festival_award.format(award=award)] if award else []
        if section:
            said = section.casefold().startswith(self.official_selection.casefold())
            lines.append(section if said else self.festival_section.format(section=section))
        return lines or [self.official_selection]


ENGLISH = Labels()
