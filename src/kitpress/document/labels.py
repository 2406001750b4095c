"""Every word kitpress sets itself, in one place: section titles, the technical details'
labels, the cover's lines. Outputs take them from the composed document, never from a
literal of their own, so a translation (or a layout's own wording) changes them everywhere."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

SECTION_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "synopsis": "Synopsis",
        "long_synopsis": "Long synopsis",
        "directors_statement": "Director’s statement",
        "details": "Technical details",
        "releases": "Release dates",
        "cast": "Cast",
        "crew": "Crew",
        "festivals": "Festivals and awards",
        "quotes": "Press",
        "stills": "Stills",
        "contacts": "Contacts",
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
    press_kit: str = "Press kit"
    press_kit_for: str = "Press kit for {title}"
    film_by: str = "A film by {directors}"
    presented_by: str = "Presented by {name}"
    minutes: str = "{n} minutes"
    minutes_short: str = "{n} min"
    official_selection: str = "Official Selection"
    trailer: str = "Trailer"
    scan_for_trailer: str = "Scan for the trailer"
    contents: str = "Contents"
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
    as_character: str = "as {character}"
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


ENGLISH = Labels()
