"""Compose the press document from a checked kit and layout: read every still's header, adopt
captions the files already carry, compose each caption and rights line once, format the
technical facts, and say what is worth a warning before anything is made."""

from __future__ import annotations

import dataclasses
import datetime
from types import MappingProxyType

from ..errors import Issue, KitError, StillError
from ..kit.files import unlisted_note
from ..kit.model import Kit, Still
from ..layout.model import Layout
from ..naming import slugify
from ..stills.decode import DecodeProblem, Probe, probe
from ..stills.metadata import StillMetadata, record_fit
from .art import read_artwork_files
from .captions import Caption, compose
from .cover_zone import resolved_text_zone
from .dates import kit_date
from .embedded_captions import adopt_embedded
from .end_credits import crew_in_credits, end_credits
from .formats import long_date, names, ratio, running_time
from .labels import Labels, labels_for
from .model import KEY_ART, CoverPicture, PressDocument, StillEntry
from .people import about_people
from .prose_blocks import ProseBlock, interview_blocks, prose_blocks
from .title_art import title_art_contrast


def compose_document(
    kit: Kit,
    layout: Layout,
    labels: Labels | None = None,
    source_date: datetime.datetime | None = None,
    slug: str | None = None,
) -> PressDocument:
    """The document, and through ``document.notes`` and :func:`document_warnings` what the
    stills' headers and credits are worth saying; a still that cannot be read, or whose
    caption could not be embedded, is a located error. Its words are ``labels``, by default
    the kit language's under the layout's own (`labels_for`), and so are its captions'.
    ``source_date`` (SOURCE_DATE_EPOCH) dates the document when given; else the kit does
    (see `dates.kit_date`)."""
    if labels is None:
        labels = labels_for(kit.language, layout.labels)
    labels = _interview_heading(kit, layout, labels)
    captions = labels.caption_style(layout.captions, layout.caption_words)
    probes, key_art = _probe(kit)
    art = read_artwork_files(kit)
    embargo = embargo_line(kit, labels)
    slug = slug or slugify(kit.title)  # a translation's files keep the kit's own name
    entries, notes = [], []
    for still in kit.stills:
        still, adopted = adopt_embedded(still, kit, captions, probes[still.id].embedded)
        where = f"stills[{still.number - 1}]"
        notes += [Issue(kit.source.name, still.line, where, m, s) for s, m in adopted]
        caption = compose(still, kit, captions)
        entries.append(
            StillEntry(
                still,
                caption,
                still_metadata(still, caption, kit, labels, embargo),
                probes[still.id].size,
                f"{slug}_{slugify(still.id, 'still')}",
                kit.source.name,
                probes[still.id].notes,
            )
        )
    facts = technical_facts(kit, labels)
    about_cast, about_filmmakers = about_people(kit, labels, slug)
    sections = tuple(
        s
        for s in layout.sections
        if has_content(kit, s, facts)
        or (s == "about_cast" and about_cast)
        or (s == "about_filmmakers" and about_filmmakers)
    )
    if sections_alone(sections) == ("back_cover",) and not back_cover_art_or_links(kit):
        sections = tuple(s for s in sections if s != "back_cover")  # the © line: on the cover
    cover = _cover(kit, entries, key_art) if "cover" in sections else None
    layout = resolved_text_zone(layout, cover)
    document = PressDocument(
        kit,
        layout,
        slug,
        labels,
        facts,
        sections,
        tuple(entries),
        key_art,
        kit_date(kit, source_date),
        tuple(notes),
        cover,
        about_cast,
        about_filmmakers,
        _interview(kit),
        prose_blocks(kit.production_notes.markdown) if kit.production_notes else (),
        end_credits(kit.credits, labels),
        art,
        embargo,
        language=kit.language,
    )
    too_large = [i for i in metadata_issues(document) if i.severity == "error"]
    if too_large:
        raise KitError(too_large)
    return document


def _interview_heading(kit: Kit, layout: Layout, labels: Labels) -> Labels:
    """``labels`` with the interview headed as press notes head one with the director:
    "Entretien avec Hester Vale" (a layout's own ``interview`` label stands)."""
    if kit.interview is None or not kit.directors or "interview" in layout.labels:
        return labels
    heading = labels.interview_with.format(name=names(kit.directors, labels.language))
    return dataclasses.replace(
        labels, sections=MappingProxyType({**labels.sections, "interview": heading})
    )


def _interview(kit: Kit) -> tuple[ProseBlock, ...]:
    """The interview's questions and answers; its answers may start with the initials of the
    director or another filmmaker."""
    if kit.interview is None:
        return ()
    answering = (*kit.directors, *(f.name for f in kit.filmmakers))
    return interview_blocks(kit.interview.markdown, kit.interviewer, answering)


def _cover(
    kit: Kit, entries: list[StillEntry], key_art: tuple[int, int] | None
) -> CoverPicture | None:
    """The still kit.yaml's ``cover:`` names; else the key art; else the first landscape
    still; else the first still; else none; with the focus point ``cover:`` gives."""
    choice = kit.cover
    focus = choice.focus if choice is not None and choice.focus else (0.5, 0.5)
    named = choice.still if choice is not None else None
    if named is None and kit.key_art is not None and key_art is not None:
        line = kit.line_of(KEY_ART)
        return CoverPicture(KEY_ART, kit.key_art, key_art, kit.source.name, line, focus)
    landscape = [e for e in entries if e.pixels[0] >= e.pixels[1]]
    if not (landscape or entries):
        return None
    chosen = entries[named - 1] if named is not None else (landscape or entries)[0]
    still = chosen.still
    source = chosen.source_label
    return CoverPicture(still.id, still.file, chosen.pixels, source, still.line, focus)


def document_warnings(document: PressDocument) -> list[Issue]:
    """What the stills say, in the order a user reads them: headers (animation, damaged EXIF,
    huge size), captions adopted from files, missing credits and IPTC values that will be
    cut."""
    found = [e.issue(note, "warning") for e in document.stills for note in e.header_notes]
    found += [e.issue(note, "warning") for e in document.stills if (note := _strip_note(e))]
    found += list(document.notes)
    found += _rights_warnings(document)
    found += opaque_cover_art(document)
    found += title_art_contrast(document)
    return found + metadata_issues(document)


OPAQUE = (
    "a PNG without transparency: its background prints as a box on the cover; export it "
    "with a transparent background (or as SVG)"
)


def opaque_cover_art(document: PressDocument) -> list[Issue]:
    """Title art or a laurel in PNG with no transparent pixels: set on the cover's paper or
    picture, its own background would show as a rectangle."""
    if "cover" not in document.sections:
        return []
    kit = document.kit
    named = [kit.title_art, kit.title_art_on_dark, *(f.laurel for f in kit.festivals)]
    arts = [a for art in named if (a := document.artwork(art)) and a.kind == "png"]
    return [art.issue(OPAQUE) for art in arts if not art.transparent]


def unlisted_stills(document: PressDocument) -> list[Issue]:
    """A note naming photos in the stills folder that kit.yaml does not list."""
    unlisted = unlisted_note(document.kit)
    return [unlisted] if unlisted else []


STRIP_RATIO = 8  # a still longer than this many times its width is a strip, not a photo


def _strip_note(entry: StillEntry) -> str | None:
    """A still of 5000×3 px builds (as a hairline), but is surely not the photo meant."""
    width, height = entry.pixels
    if max(width, height) < STRIP_RATIO * min(width, height):
        return None
    return (
        f"{width}×{height} px is a strip, not a photo (more than {STRIP_RATIO} times as "
        "long as it is wide): it prints as a thin line; is it the right file?"
    )


def embargo_line(kit: Kit, labels: Labels) -> str | None:
    """The kit's embargo as one line: the user's text, else composed from the moment."""
    embargo = kit.embargo
    if embargo is None:
        return None
    if embargo.text:
        return embargo.text
    moment = embargo.until
    offset = moment.strftime("%z")
    shown = "" if offset == "+0000" else f"{offset[:3]}:{offset[3:]}"
    written = labels.embargo_moment.format(
        date=long_date(moment.date(), labels.language), time=f"{moment:%H:%M}", offset=shown
    )
    return labels.embargo.format(moment=written)


def usage_terms(usage: str | None, embargo: str | None) -> str:
    """A still's usage terms, with the kit's embargo after them: what picture desks read."""
    parts = [p.strip() for p in (usage, embargo) if p and p.strip()]
    if len(parts) < 2:
        return parts[0] if parts else ""
    return " ".join(p if p.endswith((".", "!", "?")) else p + "." for p in parts)


def still_metadata(
    still: Still, caption: Caption, kit: Kit, labels: Labels, embargo: str | None = None
) -> StillMetadata:
    rights = caption.effective_rights
    return StillMetadata(
        caption=caption.full,
        title=labels.still_title.format(title=kit.title, number=still.number),
        photographer=rights.photographer or "",
        credit=rights.courtesy or "",
        copyright=f"© {rights.copyright}" if rights.copyright else "",
        source=rights.courtesy or "",
        people=caption.people,
        alt_text=still.alt or "",
        usage_terms=usage_terms(rights.usage, embargo),
    )


def metadata_issues(document: PressDocument) -> list[Issue]:
    """What each still's embedded caption and credits run into, known before any still is
    made: an IPTC value cut to its dataset's limit (a warning: XMP keeps it whole), or a
    record too large for its JPEG segment (an error naming the still)."""
    found: list[Issue] = []
    for entry in document.stills:
        fit = record_fit(entry.metadata)
        if fit.too_large is not None:
            found.append(entry.issue(fit.too_large, field=""))
        else:
            found += [entry.issue(note, "warning") for note in fit.cut]
    return found


def technical_facts(kit: Kit, labels: Labels) -> tuple[tuple[str, str], ...]:
    """Label and value rows of the technical details, in trade-paper order."""
    runtime = running_time(kit.runtime, labels.minutes, labels) if kit.runtime else None
    values = {
        "original_title": kit.original_title,
        "year": str(kit.year) if kit.year else None,
        "countries": ", ".join(kit.countries),
        "languages": ", ".join(kit.languages),
        "subtitles": ", ".join(kit.subtitles),
        "genres": ", ".join(kit.genres),
        "runtime": runtime,
        "aspect_ratio": ratio(kit.aspect_ratio, labels.language) if kit.aspect_ratio else None,
        "sound": kit.sound,
        "colour": kit.colour,
        "rating": kit.rating,
        "production_companies": ", ".join(kit.production_companies),
    }
    return tuple((labels.facts[key], value) for key, value in values.items() if value)


def has_content(kit: Kit, section: str, facts: tuple[tuple[str, str], ...]) -> bool:
    present = {
        "cover": True,
        "synopsis": bool(kit.logline or kit.synopsis),
        "long_synopsis": kit.long_synopsis is not None,
        "directors_statement": kit.directors_statement is not None,
        "details": bool(facts),
        "releases": bool(kit.releases),
        "cast": bool(kit.cast),
        "crew": bool(kit.crew) and not crew_in_credits(kit.crew, kit.credits),
        "festivals": bool(kit.festivals),
        "quotes": bool(kit.quotes),
        "stills": bool(kit.stills),
        "contacts": bool(kit.contacts),
        "interview": kit.interview is not None,
        "production_notes": kit.production_notes is not None,
        "credits": bool(kit.credits),
        "back_cover": has_back_cover(kit),
    }
    return present.get(section, False)


def has_back_cover(kit: Kit) -> bool:
    """A back cover is made for what only it carries: logos, billing block, © line, web site
    or press materials; or, in a sparse kit, to close it with the distributor's block (who
    presents the film, whom to write to)."""
    return bool(kit.copyright_line or kit.presented_by or kit.contacts) or back_cover_art_or_links(
        kit
    )


def back_cover_art_or_links(kit: Kit) -> bool:
    return bool(kit.logos or kit.billing_block or kit.website or kit.press_materials)


def sections_alone(sections: tuple[str, ...]) -> tuple[str, ...]:
    """The sections other than the cover: a kit of a cover and a © line is one page."""
    return tuple(s for s in sections if s != "cover")


def _probe(kit: Kit) -> tuple[dict[str, Probe], tuple[int, int] | None]:
    """Every still's header, and the key art's upright size."""
    probes: dict[str, Probe] = {}
    key_art_size = None
    problems: list[Issue] = []
    label = kit.source.name
    for still in kit.stills:
        try:
            probes[still.id] = probe(still.file)
        except DecodeProblem as exc:
            where = f"stills[{still.number - 1}].file"
            problems.append(Issue(label, still.line, where, f"{still.file.name}: {exc}"))
    if kit.key_art is not None:
        try:
            key_art_size = probe(kit.key_art).size
        except DecodeProblem as exc:
            line = kit.line_of("key_art")
            problems.append(Issue(label, line, "key_art", f"{kit.key_art.name}: {exc}"))
    if problems:
        raise StillError(problems)
    return probes, key_art_size


def _rights_warnings(document: PressDocument) -> list[Issue]:
    warnings = []
    for entry in document.stills:
        rights = entry.caption.effective_rights
        missing = [
            n
            for n, v in (("photographer", rights.photographer), ("copyright", rights.copyright))
            if not v
        ]
        if missing:
            message = (
                f"no {' or '.join(missing)} for {entry.still.file.name} (set rights: at kit level)"
            )
            warnings.append(
                Issue(entry.source_label, entry.still.line, entry.where, message, "warning")
            )
    return warnings
