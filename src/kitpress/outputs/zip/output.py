"""The ZIP output: the PDF of `--profile`, every still as a print, web and thumbnail file with
its caption and credits inside, the caption sheet, and a manifest (in the ZIP and beside it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from kitpress.document.model import PressDocument, StillEntry
from kitpress.errors import Issue
from kitpress.naming import language_suffix
from kitpress.stills.renditions import Target, fit

from ..base import BuildContext, Made, Output, OutputOptions, Product, Requests
from .bundle import (
    Delivered,
    Entry,
    caption_sheet_csv,
    caption_sheet_text,
    manifest,
    manifest_bytes,
    write_zip,
)

KINDS = ("print", "web", "thumb")
A4_LONG_INCHES = 297 / 25.4


class ZipBundle(Output):
    name = "zip"
    label = "ZIP"
    per_language = False  # one ZIP: the stills once, each language's PDF and caption sheet

    def builds_on(self, options: OutputOptions) -> tuple[str, ...]:
        return (f"{options.profile}-pdf",)  # the ZIP carries the PDF of --profile

    def warnings(self, document: PressDocument, options: OutputOptions) -> list[Issue]:
        """A still smaller than its print file: delivered at its own size, never upsampled."""
        edge = document.layout.stills.print_long_edge
        return [
            entry.located(message, "warning")
            for entry in document.stills
            if (message := _small_print_file(entry, edge))
        ]

    def picture_sizes(
        self, document: PressDocument, options: OutputOptions
    ) -> Mapping[str, list[tuple[int, int]]]:
        return {
            entry.still.id: [fit(entry.pixels, t) for t in _targets(document, entry, Path())]
            for entry in document.stills
        }

    def requests(self, document: PressDocument, options: OutputOptions, work: Path) -> Requests:
        return {e.still.id: _targets(document, e, work) for e in document.stills}

    def make(self, ctx: BuildContext) -> Made:
        document = ctx.document
        stills = [
            Delivered(e, {k: ctx.renditions[e.still.id][k] for k in KINDS}) for e in document.stills
        ]
        entries: list[Entry] = []
        for each in (ctx, *ctx.editions):  # the kit's language first, then its translations
            entries += _language_entries(each, stills)
        for still in stills:
            for kind, rendition in sorted(still.files.items()):
                entries.append(Entry(f"stills-{kind}/{rendition.path.name}", path=rendition.path))
        embargo = document.kit.embargo
        if embargo is not None and document.embargo:
            embargo = replace(embargo, text=document.embargo)
        listing = manifest(entries, embargo)
        entries.append(Entry("manifest.json", manifest_bytes(listing)))
        stem = f"{document.slug}_press-kit" if ctx.editions else document.name  # every language
        archive = ctx.work / f"{stem}.zip"
        write_zip(archive, stem, entries, document.dated)
        beside = dict(listing)
        beside["zip"] = archive.name
        return Made(
            (
                Product("zip", archive.name, path=archive, label=self.label),
                Product("manifest", "manifest.json", manifest_bytes(beside), label="manifest"),
            )
        )


def _language_entries(ctx: BuildContext, kit_stills: list[Delivered]) -> list[Entry]:
    """One language's PDF and caption sheet (``captions_fr.csv`` when a build names files by
    language), its captions on the same still files."""
    document = ctx.document
    pdf = ctx.made[f"{ctx.options.profile}-pdf"].main()
    stills = [Delivered(document.entry(s.entry.still.id), s.files) for s in kit_stills]
    suffix = language_suffix(document.file_language)
    labels = document.labels
    title = document.kit.title
    return [
        Entry(pdf.name, pdf.data or b"", pdf.path),  # a file streams in, as stills do
        Entry(f"captions{suffix}.csv", caption_sheet_csv(stills, labels)),
        Entry(f"captions{suffix}.txt", caption_sheet_text(title, stills, labels, document.embargo)),
    ]


def _targets(document: PressDocument, entry: StillEntry, work: Path) -> list[Target]:
    settings = document.layout.stills
    sized = (
        ("print", settings.print_long_edge, settings.print_quality, settings.print_ppi),
        ("web", settings.web_long_edge, settings.web_quality, settings.web_ppi),
        ("thumb", settings.thumb_long_edge, settings.thumb_quality, settings.thumb_ppi),
    )
    return [
        Target(kind, edge, None, quality, work / kind / f"{entry.stem}_{kind}.jpg", ppi=ppi)
        for kind, edge, quality, ppi in sized
    ]


def _small_print_file(entry: StillEntry, long_edge: int) -> str | None:
    width, height = entry.pixels
    if max(width, height) >= long_edge:
        return None
    ppi = max(width, height) / A4_LONG_INCHES
    return (
        f"{entry.still.file.name} is {width}×{height} px, smaller than the {long_edge} px "
        f"print rendition; delivered at its own size (never upsampled), {ppi:.0f} ppi on a "
        "full A4 page"
    )
