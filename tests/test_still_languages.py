"""A translated kit's stills carry their caption, title and rights in every language: XMP
language alternatives read back by exiftool, IPTC and EXIF in the main language only."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from pathlib import Path

import pytest

from kitpress import output_cache
from kitpress.cache_store import CacheStore
from kitpress.document.compose import compose_document
from kitpress.document.languages import with_translations
from kitpress.document.model import PressDocument
from kitpress.outputs import registry
from kitpress.outputs.base import OutputOptions
from kitpress.pipeline import check
from kitpress.stills.cache import StillCache
from kitpress.stills.metadata import StillMetadata, Translation, xmp_packet
from kitpress.stills.stage import StillJob, run_jobs

from .conftest import SCREEN_PDF, needs_exiftool

FRENCH = {
    "stills/one.jpg": "Une cuisine, la nuit : la famille attend.",
    "stills/Two Still.JPG": "L’invitée arrive « en retard ».",
}  # three.jpg is left untranslated


def _documents(kit_dir: Path) -> tuple[PressDocument, PressDocument]:
    main = check(kit_dir, formats=SCREEN_PDF).document
    kit = main.kit
    stills = tuple(
        dataclasses.replace(
            s,
            description=FRENCH[s.file.relative_to(kit.root).as_posix()],
            alt="Une photo de plateau.",
            rights=dataclasses.replace(
                s.rights, copyright="Boo Productions, tous droits", usage="Usage éditorial."
            ),
        )
        for s in kit.stills
        if s.file.relative_to(kit.root).as_posix() in FRENCH
    )
    french = dataclasses.replace(kit, language="fr", title="Canine, le film", stills=stills)
    return main, compose_document(french, main.layout)


def _delivered(document: PressDocument, work: Path) -> dict[str, Path]:
    """Each still's print rendition, made by the stills stage as the ZIP asks for it."""
    wanted = registry.outputs()["zip"].requests(document, OutputOptions(), work)
    jobs = [
        StillJob(
            e.still.id,
            e.still.file,
            e.pixels,
            tuple(t for t in wanted[e.still.id] if t.kind == "print"),
            e.metadata,
            document.layout.stills.background,
            None,
            e.issue,
        )
        for e in document.stills
    ]
    done = run_jobs(jobs, StillCache(None))
    return {key: result.renditions["print"].path for key, result in done.items()}


def _read(path: Path, *tags: str) -> dict[str, str]:
    out = subprocess.run(
        ["exiftool", "-j", "-charset", "utf8", *tags, str(path)],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    found: dict[str, str] = json.loads(out)[0]
    return found


def test_each_still_gains_the_other_languages_words_matched_by_file(small_kit: Path) -> None:
    main, french = _documents(small_kit)
    merged = with_translations(main, [french])
    by_id = {e.still.id: e.metadata for e in merged.stills}
    french_by_file = {e.still.file: e.metadata for e in french.stills}
    for entry in merged.stills:
        meta = by_id[entry.still.id]
        original = main.entry(entry.still.id).metadata
        assert (meta.caption, meta.title, meta.copyright) == (
            original.caption,
            original.title,
            original.copyright,
        )
        if entry.still.file in french_by_file:
            other = french_by_file[entry.still.file]
            assert meta.language == "en"
            assert meta.translations == (
                Translation(
                    "fr",
                    other.caption,
                    other.title,
                    other.copyright,
                    "Une photo de plateau.",
                    "Usage éditorial.",
                ),
            )
        else:  # not in the French kit: the main language only, as before
            assert meta == original
    assert (
        "Une cuisine, la nuit : la famille attend"
        in by_id[main.stills[0].still.id].translations[0].caption
    )


def test_no_other_language_changes_nothing(small_kit: Path) -> None:
    main, _ = _documents(small_kit)
    assert with_translations(main, []) == main
    assert with_translations(main, [main]) == main  # the main language is not its own translation


@needs_exiftool
def test_exiftool_reads_every_languages_caption_from_the_xmp(
    small_kit: Path, tmp_path: Path
) -> None:
    main, french = _documents(small_kit)
    files = _delivered(with_translations(main, [french]), tmp_path / "work")
    one = main.stills[0]
    found = _read(
        files[one.still.id],
        "-XMP-dc:Description-fr",
        "-XMP-dc:Description-en",
        "-XMP-dc:Description",
        "-XMP-dc:Title-fr",
        "-XMP-dc:Rights-fr",
        "-XMP-dc:Rights",
        "-XMP-iptcCore:AltTextAccessibility-fr",
        "-XMP-xmpRights:UsageTerms-fr",
        "-IPTC:Caption-Abstract",
        "-EXIF:ImageDescription",
    )
    english = one.metadata.caption
    assert "Une cuisine, la nuit : la famille attend" in found["Description-fr"]
    assert found["Description-fr"].startswith("De gauche à droite")  # the French house words
    # the title as written (French sets it in italics, which plain text cannot carry)
    assert "attend dans Canine, le film. ©" in found["Description-fr"]
    assert "in DOGTOOTH & <FRIENDS>." in found["Description-en"]  # English: in capitals
    assert found["Description-en"] == found["Description"] == english
    assert found["Title-fr"] == "Canine, le film – photo 01"
    assert found["Rights-fr"] == "© Boo Productions, tous droits"
    assert found["Rights"] == "© Boo Productions"
    assert found["AltTextAccessibility-fr"] == "Une photo de plateau."
    assert one.metadata.alt_text == ""  # the English gives none: French only, no x-default
    assert "AltTextAccessibility" not in _read(
        files[one.still.id], "-XMP-iptcCore:AltTextAccessibility"
    )
    assert found["UsageTerms-fr"] == "Usage éditorial."
    assert found["Caption-Abstract"] == found["ImageDescription"] == english  # main language
    untranslated = _read(files[main.stills[2].still.id], "-XMP-dc:Description-fr")
    assert "Description-fr" not in untranslated


@needs_exiftool
def test_exiftool_lists_the_languages_of_the_alternatives(tmp_path: Path) -> None:
    from PIL import Image

    from kitpress.stills.metadata import save_jpeg

    meta = StillMetadata(
        caption="A lock at dawn.",
        title="THE LAST LOCK still 1",
        copyright="© Lockside Pictures",
        language="en-GB",
        translations=(
            Translation("fr", "Une écluse à l’aube.", "LA DERNIÈRE ÉCLUSE photo 1"),
            Translation("es", "Una esclusa al amanecer."),
        ),
    )
    path = tmp_path / "still.jpg"
    with path.open("wb") as out:
        save_jpeg(Image.new("RGB", (32, 24)), out, meta, quality=85, icc_profile=None)
    found = _read(path, "-XMP-dc:all")  # every language, each under its own name
    assert found["Description"] == found["Description-en-GB"] == "A lock at dawn."
    assert found["Description-fr"] == "Une écluse à l’aube."
    assert found["Description-es"] == "Una esclusa al amanecer."
    assert found["Title-fr"] == "LA DERNIÈRE ÉCLUSE photo 1"
    assert "Title-es" not in found  # a translation without a title gives no entry
    assert found["Rights"] == "© Lockside Pictures" and "Rights-fr" not in found


def test_without_translations_the_xmp_is_as_before() -> None:
    meta = StillMetadata(caption="A lock at dawn.", language="en")
    packet = xmp_packet(meta).decode()
    assert '<rdf:li xml:lang="x-default">A lock at dawn.</rdf:li></rdf:Alt>' in packet
    assert 'xml:lang="en"' not in packet


def test_translations_need_the_main_languages_tag() -> None:
    with pytest.raises(ValueError, match="main language's tag"):
        StillMetadata(caption="x", translations=(Translation("fr", "y"),))


def test_a_changed_translation_is_a_new_key_for_the_outputs_that_embed_it(
    small_kit: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stills cache keeps pixels only (captions are embedded at every build); the outputs'
    cache keys on the whole document, so a French caption edit makes the ZIP again."""
    monkeypatch.setattr(output_cache, "USE", True)
    main, french = _documents(small_kit)
    reworded = dataclasses.replace(
        french.kit,
        stills=tuple(
            dataclasses.replace(s, description="Une cuisine, au petit jour.")
            for s in french.kit.stills
        ),
    )
    other = compose_document(reworded, main.layout)
    cache = output_cache.OutputCache(CacheStore(None), True, lambda path: path.name)
    zip_output = registry.outputs()["zip"]

    def key(document: PressDocument) -> str:
        return cache.key(zip_output, document, OutputOptions(), "pillow", {})

    first = key(with_translations(main, [french]))
    assert first == key(with_translations(main, [french]))
    assert first != key(with_translations(main, [other]))
    assert first != key(main)


def test_both_engines_embed_the_same_languages(small_kit: Path, tmp_path: Path) -> None:
    """The metadata is embedded after the engine made the pixels: the same XMP bytes."""
    pytest.importorskip("pyvips", reason="pyvips (kitpress[fast]) is not installed")
    main, french = _documents(small_kit)
    merged = with_translations(main, [french])
    packets = []
    for engine in ("pillow", "vips"):
        wanted = registry.outputs()["zip"].requests(merged, OutputOptions(), tmp_path / engine)
        entry = merged.stills[0]
        job = StillJob(
            entry.still.id,
            entry.still.file,
            entry.pixels,
            tuple(t for t in wanted[entry.still.id] if t.kind == "web"),
            entry.metadata,
            merged.layout.stills.background,
            None,
            entry.issue,
        )
        done = run_jobs([job], StillCache(None), engine=engine)
        data = done[entry.still.id].renditions["web"].path.read_bytes()
        start = data.index(b"<?xpacket begin")
        packets.append(data[start : data.index(b"<?xpacket end", start)])
    assert packets[0] == packets[1] == xmp_packet(entry.metadata).split(b"<?xpacket end")[0]
    assert b'xml:lang="fr"' in packets[0]
