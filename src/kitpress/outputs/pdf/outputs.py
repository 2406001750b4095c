"""The PDF outputs: the screen PDF (e-mail, PDF/A-1b), the print PDF (trim, bleed, CMYK,
PDF/X-1a), the booklet and 2-up sheets imposed from the print PDF, and page previews."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PIL import Image

from kitpress.document.model import PressDocument
from kitpress.errors import Issue, KitError
from kitpress.layout.model import Layout
from kitpress.stills.cmyk import load_cmyk_profile, used_profile_note
from kitpress.stills.renditions import Target, decode_for

from ..base import BuildContext, Made, Output, OutputOptions, Product, Renditions, Requests
from .arrange import image_pixels
from .art_resolution import art_warnings
from .glyphs import check_caption_glyphs, check_glyphs
from .plan import DocumentPlan, plan_document
from .portraits import portrait_pixels, portrait_warnings
from .profiles import Profile, make_profile, print_layout, print_ppi
from .render.cover import CoverArt, cover_box, cover_fade
from .resolution import print_warnings

if TYPE_CHECKING:
    from .stand_ins import Pictures

# What makes, checks and imposes a PDF (pypdf, pypdfium2) is imported where a PDF is made: a
# rebuild that takes every output from the cache never loads it.


class _ProfilePdf(Output):
    """One PDF of the press notes in one profile."""

    profile_name: ClassVar[str]
    suffix: ClassVar[str]  # after <film>_press-kit in its file name
    role: ClassVar[str]
    placed_in: ClassVar[str]  # how a warning names it: "in the PDF"

    def profile(self, document: PressDocument, options: OutputOptions) -> Profile:
        return make_profile(self.profile_name, document.layout, options.print)

    def ppi(self, document: PressDocument) -> int:
        return document.layout.stills.pdf_ppi

    def warnings(self, document: PressDocument, options: OutputOptions) -> list[Issue]:
        check_glyphs(document.kit, document.layout)
        check_caption_glyphs(document.kit, document.layout, plan_document(document))
        layout = self.profile_layout(document, options)
        art = art_warnings(document, layout, self.profile_name)
        return portrait_warnings(document, self.ppi(document), self.placed_in) + art

    def profile_layout(self, document: PressDocument, options: OutputOptions) -> Layout:
        return document.layout

    def picture_sizes(
        self, document: PressDocument, options: OutputOptions
    ) -> Mapping[str, list[tuple[int, int]]]:
        ppi = self.ppi(document)
        sizes = {
            slot.still.id: [image_pixels(slot.picture_box, slot.source_pixels, ppi)]
            for slot in plan_document(document).slots
        }
        cover = document.cover
        if cover is not None:
            target = _cover_target(document, document.layout, ppi, None, Path())
            sizes.setdefault(cover.key, []).append(decode_for(cover.pixels, target))
        for portrait in document.portraits:
            sizes[portrait.key] = [portrait_pixels(document.layout, portrait, ppi)]
        return sizes

    def requests(self, document: PressDocument, options: OutputOptions, work: Path) -> Requests:
        return _pictures(document, plan_document(document), self.profile(document, options), work)

    def make(self, ctx: BuildContext) -> Made:
        document = ctx.document
        profile = self.profile(document, ctx.options)
        plan = plan_document(document)
        images = _read(ctx.renditions, f"pdf-{profile.name}")
        cover = _cover_art(document, ctx.renditions, f"cover-{profile.name}")
        from .documents import render_document

        pdf, pages = render_document(document, profile, plan, images, cover, ctx.work)
        pdf, pages, notes = self.finish(ctx, profile, plan, pdf, pages)
        name = self.file_name(document)
        return Made((Product(self.role, name, path=pdf, label=self.label),), pages, tuple(notes))

    def file_name(self, document: PressDocument) -> str:
        return f"{document.name}{self.suffix}.pdf"

    def finish(
        self, ctx: BuildContext, profile: Profile, plan: DocumentPlan, pdf: Path, pages: int
    ) -> tuple[Path, int, list[Issue]]:
        return pdf, pages, []


class ScreenPdf(_ProfilePdf):
    name = "screen-pdf"
    label = "PDF"
    profile_name = "screen"
    suffix = ""
    role = "pdf"
    placed_in = "in the PDF"

    def finish(
        self, ctx: BuildContext, profile: Profile, plan: DocumentPlan, pdf: Path, pages: int
    ) -> tuple[Path, int, list[Issue]]:
        """Made again with smaller pictures, step by step, until it fits ``--max-size``."""
        budget = ctx.options.max_size
        size = pdf.stat().st_size
        if budget is None or size <= budget:
            return pdf, pages, []

        def images(step: Profile) -> tuple[dict[str, Path], CoverArt | None]:
            name = f"screen-{step.ppi}-{step.layout.stills.pdf_quality}"
            made = ctx.render(_pictures(ctx.document, plan, replace(step, name=name), ctx.work))
            return _read(made, f"pdf-{name}"), _cover_art(ctx.document, made, f"cover-{name}")

        from .documents import fit_budget

        fitted, pages, note = fit_budget(
            ctx.document, profile, plan, images, ctx.work, budget, size
        )
        return fitted, pages, [note]


class PrintPdf(_ProfilePdf):
    name = "print-pdf"
    label = "print PDF"
    profile_name = "print"
    suffix = "_print"
    role = "print_pdf"
    placed_in = "in the print PDF"

    def ppi(self, document: PressDocument) -> int:
        return print_ppi(document.layout)

    def unavailable(self, options: OutputOptions) -> str | None:
        if options.print.icc is not None or options.profile == self.profile_name:
            return None  # asked for by name: a missing profile is an error, not a skip
        try:
            load_cmyk_profile(None)
        except KitError as exc:
            return exc.issues[0].message
        return None

    def profile_layout(self, document: PressDocument, options: OutputOptions) -> Layout:
        return print_layout(document.layout, options.print)

    def warnings(self, document: PressDocument, options: OutputOptions) -> list[Issue]:
        own = super().warnings(document, options)
        return print_warnings(document, plan_document(document), options.print) + own

    def finish(
        self, ctx: BuildContext, profile: Profile, plan: DocumentPlan, pdf: Path, pages: int
    ) -> tuple[Path, int, list[Issue]]:
        """A note naming the CMYK profile its colours went through (the system's, or the one
        given), so a print shop can be told; a warning when PDF/X-1a does not expect it."""
        icc, cmyk = ctx.options.print.icc, profile.cmyk
        if cmyk is None:  # the print profile always has one
            return pdf, pages, []
        note = used_profile_note(cmyk, icc is not None)
        notes = [Issue(self.file_name(ctx.document), None, "", note, "note")]
        if icc is not None and cmyk.version > 2:
            from .documents import V4_OUTPUT_INTENT

            notes.append(Issue(str(icc), None, "", V4_OUTPUT_INTENT, "warning"))
        return pdf, pages, notes


class _Imposed(Output):
    """The print PDF imposed for a festival office's own printer."""

    impose: ClassVar[str]

    def builds_on(self, options: OutputOptions) -> tuple[str, ...]:
        return ("print-pdf",)

    def make(self, ctx: BuildContext) -> Made:
        printed = ctx.made["print-pdf"]
        name = f"{ctx.document.name}_{self.name}.pdf"
        sheets = ctx.work / self.name / name
        sheets.parent.mkdir(parents=True, exist_ok=True)
        from .documents import stand_in_pdf
        from .impose import impose_file
        from .stand_ins import pictures_of

        source = stand_in_pdf(ctx.work, "print")
        pictures: Pictures = {}
        if source.is_file():  # the print PDF made in this build: imposed without its pictures
            pictures = pictures_of(
                made["pdf-print"].path for made in ctx.renditions.values() if "pdf-print" in made
            )
        else:  # taken from the cache
            source = printed.main().path or source
        impose_file(source, sheets, self.name == "booklet", pictures)
        return Made((Product("imposed", name, path=sheets, label=self.label),), printed.pages)


class BookletPdf(_Imposed):
    name = "booklet"
    label = "booklet"


class TwoUpPdf(_Imposed):
    name = "2up"
    label = "2up"


class PreviewPages(Output):
    """Every page of the screen PDF as a PNG in preview/, and a contact sheet of them all.
    It replaces the pictures of an earlier preview, and nothing else."""

    name = "preview"
    label = "pages"

    def builds_on(self, options: OutputOptions) -> tuple[str, ...]:
        return ("screen-pdf",)

    def make(self, ctx: BuildContext) -> Made:
        screen = ctx.made["screen-pdf"]
        pdf = ctx.work / "preview.pdf"
        pdf.write_bytes(screen.main().read())
        stem = ctx.document.name
        from .preview import contact_sheet, render_pages

        pictures = render_pages(pdf, ctx.options.preview_dpi)
        products = [
            Product("page", f"preview/{stem}-page-{n:02d}.png", _png(image), label="page")
            for n, image in enumerate(pictures, 1)
        ]
        sheet = Product("sheet", f"preview/{stem}-pages.png", _png(contact_sheet(pictures, 1600)))
        return Made((sheet, *products), screen.pages)

    def owns(self) -> tuple[str, ...]:
        return ("preview/*_press-kit-page-[0-9][0-9]*.png", "preview/*_press-kit-pages.png")


def _pictures(
    document: PressDocument, plan: DocumentPlan, profile: Profile, work: Path
) -> Requests:
    """Each still's picture for ``profile``'s PDF, at its box and the profile's ppi, and the
    cover's picture cropped to fill the cover's art box."""
    quality = profile.layout.stills.pdf_quality
    kind = f"pdf-{profile.name}"
    wanted: Requests = {
        slot.still.id: [
            Target(
                kind,
                None,
                image_pixels(slot.picture_box, slot.source_pixels, profile.ppi),
                quality,
                work / kind / f"{document.entry(slot.still.id).stem}.jpg",
                embed=False,
                cmyk=profile.cmyk,
                own_decode=True,  # cut from the still's one decode, whatever else is made
            )
        ]
        for slot in plan.slots
    }
    if document.cover is not None:
        cover = _cover_target(document, profile.layout, profile.ppi, profile, work)
        wanted.setdefault(document.cover.key, []).append(cover)
    for portrait in document.portraits:
        wanted[portrait.key] = [
            Target(
                kind,
                None,
                portrait_pixels(profile.layout, portrait, profile.ppi),
                quality,
                work / kind / f"{portrait.stem}.jpg",
                embed=False,
                cmyk=profile.cmyk,
                own_decode=True,
            )
        ]
    return wanted


def _cover_target(
    document: PressDocument, layout: Layout, ppi: int, profile: Profile | None, work: Path
) -> Target:
    """The cover picture for ``layout``'s art box at ``ppi``: cropped to fill it, faded into
    the cover paper under the text of a full-page cover."""
    pixels = document.cover.pixels if document.cover is not None else None
    width, height = cover_box(layout, pixels)[2:]
    box = (max(1, round(width / 72 * ppi)), max(1, round(height / 72 * ppi)))  # a sliver too
    fade = cover_fade(layout, pixels)
    name = profile.name if profile is not None else "size"
    return Target(
        f"cover-{name}",
        None,
        box,
        layout.stills.pdf_quality,
        work / f"cover-{name}" / f"{document.name}_cover.jpg",
        embed=False,
        cmyk=profile.cmyk if profile is not None else None,
        own_decode=True,
        fill=True,
        fade=fade,
        focus=document.cover.focus if document.cover is not None else (0.5, 0.5),
    )


def _cover_art(document: PressDocument, renditions: Renditions, kind: str) -> CoverArt | None:
    cover = document.cover
    made = renditions.get(cover.key, {}).get(kind) if cover is not None else None
    return CoverArt(made.path.read_bytes(), made.size) if made is not None else None


def _read(renditions: Renditions, kind: str) -> dict[str, Path]:
    """Each still's ``kind`` picture file, by still id (placed from its file, never held)."""
    return {still: made[kind].path for still, made in renditions.items() if kind in made}


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
