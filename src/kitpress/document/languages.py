"""One press document's stills carrying their words in every language of the kit.

A kit translated into other languages is composed once per language (see
`kit.translations.in_language`); each document captions its stills in its own words. The
delivered stills are made once, from the main language's document, so their metadata
records gather every language: the main document's caption, title, rights line, alt text
and usage terms stay the main ones (IPTC and EXIF carry those), and each other document's,
matched by the still's file, become XMP language alternatives. A still another language
does not list keeps only the main language's words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from ..stills.metadata import StillMetadata, Translation
from .model import PressDocument, StillEntry


def with_translations(main: PressDocument, others: Sequence[PressDocument]) -> PressDocument:
    """``main`` with each still's metadata record gaining the other documents' caption,
    title, rights line (``©`` line), alt text and usage terms, in ``others``' order; a
    language given twice, or the main language given again, is taken once."""
    seen = {main.language}
    distinct = []
    for other in others:
        if other.language not in seen:
            seen.add(other.language)
            distinct.append(other)
    by_file = [{_key(e.still.file): e.metadata for e in other.stills} for other in distinct]
    stills = tuple(
        _translated(
            entry, main.language, [(o.language, f) for o, f in zip(distinct, by_file, strict=True)]
        )
        for entry in main.stills
    )
    return dataclasses.replace(main, stills=stills)


def _translated(
    entry: StillEntry, language: str, others: list[tuple[str, dict[Path, StillMetadata]]]
) -> StillEntry:
    given = {t.language for t in entry.metadata.translations}
    found = [(tag, files.get(_key(entry.still.file))) for tag, files in others if tag not in given]
    translations = tuple(
        Translation(tag, meta.caption, meta.title, meta.copyright, meta.alt_text, meta.usage_terms)
        for tag, meta in found
        if meta is not None
    )
    if not translations:
        return entry
    metadata = dataclasses.replace(
        entry.metadata,
        language=language,
        translations=entry.metadata.translations + translations,
    )
    return dataclasses.replace(entry, metadata=metadata)


def _key(file: Path) -> Path:
    """A still's file as the same path, however each language's kit spelled it."""
    try:
        return file.resolve()
    except OSError:
        return file.absolute()
